//! Filling a unit's figures from its workbook row into its parsed fact sheet, before any
//! check runs; and moving the checks' diagnostics about those figures to their cells.

use super::number::{figure, parse_number_text};
use super::{Column, Row, Workbook};
use crate::diagnostic::{Cell, Diagnostic};
use crate::factsheet::paths::PathMap;
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// One unit's figures from its workbook row, to fill into its fact sheet.
#[derive(Debug, Clone, Copy)]
pub struct Figures<'a> {
    pub workbook: &'a Workbook,
    pub row: &'a Row,
    /// The row's index in [`Workbook::rows`].
    pub index: usize,
}

/// What filling a row did: the figures put into the sheet (by name, with their cells), the
/// names whose cell could not be read, and the problems (at their cells, or at both places).
#[derive(Debug, Default, Clone)]
pub struct Applied {
    pub filled: BTreeMap<String, Cell>,
    pub unreadable: BTreeSet<String>,
    pub problems: Vec<Diagnostic>,
}

/// A value as a number, if it writes one (`3537`, `"3.537"`).
fn as_number(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => parse_number_text(s),
        _ => None,
    }
}

/// A figure as messages write it: `12,5`, `3.537`, `"trên 1.500"`.
fn shown(v: &Value) -> String {
    match v.as_f64() {
        Some(x) => crate::locale::number(x, 6),
        None => v.to_string(),
    }
}

fn same(a: &Value, b: &Value) -> bool {
    match (as_number(a), as_number(b)) {
        (Some(x), Some(y)) => (x - y).abs() <= 1e-9 * x.abs().max(1.0),
        _ => match (a, b) {
            (Value::String(x), Value::String(y)) => x.trim() == y.trim(),
            _ => a == b,
        },
    }
}

/// A non-blank value at a dotted path of the tree.
fn current<'t>(tree: &'t Value, key: &str) -> Option<&'t Value> {
    key.split('.')
        .try_fold(tree, |node, k| node.get(k))
        .filter(|v| !v.is_null() && !v.as_str().is_some_and(|s| s.trim().is_empty()))
}

/// Puts `value` at a dotted path, making the groups on the way; `Err` names the part of the
/// path that is not a group.
fn put(tree: &mut Value, key: &str, value: Value) -> Result<(), String> {
    let mut node = tree;
    let mut walked = String::new();
    let steps: Vec<&str> = key.split('.').collect();
    let Some((last, groups)) = steps.split_last() else {
        return Err(String::new());
    };
    for step in groups {
        walked = if walked.is_empty() {
            step.to_string()
        } else {
            format!("{walked}.{step}")
        };
        if node.is_null() {
            *node = Value::Object(Map::new());
        }
        let Value::Object(map) = node else {
            return Err(walked);
        };
        node = map.entry(step.to_string()).or_insert(Value::Null);
    }
    if node.is_null() {
        *node = Value::Object(Map::new());
    }
    match node {
        Value::Object(map) => {
            map.insert(last.to_string(), value);
            Ok(())
        }
        _ => Err(walked),
    }
}

impl Figures<'_> {
    fn cell(&self, column: &Column) -> Cell {
        self.workbook.cell(self.row.row, column.column)
    }

    /// Fills the row's figures into a parsed fact sheet: an empty cell leaves the sheet as it
    /// is (absent, never 0); a figure the sheet also states with another value is an error
    /// naming both places, and the sheet's is kept; a cell that is not a number is an error
    /// at its cell.
    pub fn apply(&self, tree: &mut Value, paths: &PathMap, sheet: &Path) -> Applied {
        let mut out = Applied::default();
        let file = &self.workbook.file;
        for (column, value) in self.workbook.columns.iter().zip(&self.row.cells) {
            let at = self.cell(column);
            // Estimates (`trên 1.500`) are a feature of the open data only.
            let estimates = column.key.starts_with("data.");
            let value = match figure(value, estimates) {
                Ok(Some(v)) => v,
                Ok(None) => continue,
                Err(e) => {
                    out.unreadable.insert(column.key.clone());
                    out.problems.push(
                        Diagnostic::error(column.key.as_str(), e.message)
                            .with_help(e.help)
                            .at_cell(file, at),
                    );
                    continue;
                }
            };
            if let Some(old) = current(tree, &column.key) {
                if !same(old, &value) {
                    let mut d = Diagnostic::error(
                        column.key.as_str(),
                        format!(
                            "the fact sheet says {} but the workbook says {} ({}:{at})",
                            shown(old),
                            shown(&value),
                            file.display()
                        ),
                    )
                    .with_help("keep each figure in one place: delete it from the fact sheet (the workbook then supplies it), or make the two the same");
                    d.file = sheet.to_path_buf();
                    d.position = paths.locate(&column.key);
                    out.problems.push(d);
                }
                out.filled.insert(column.key.clone(), at);
                continue;
            }
            match put(tree, &column.key, value) {
                Ok(()) => {
                    out.filled.insert(column.key.clone(), at);
                }
                Err(group) => {
                    let mut d = Diagnostic::error(
                        group.as_str(),
                        format!("`{group}` is not a group of keys, so the figure `{}` from the workbook cannot go in it", column.key),
                    )
                    .with_help(format!("write `{group}:` with its keys on the lines below"));
                    d.file = sheet.to_path_buf();
                    d.position = paths.locate(&group);
                    out.problems.push(d);
                }
            }
        }
        out
    }
}

impl Applied {
    /// A diagnostic of the fact sheet about a figure the workbook supplied, moved to its
    /// cell; `None` for "required" about a figure whose cell was reported unreadable.
    pub fn relocate(&self, d: Diagnostic, sheet: &Path, workbook: &Path) -> Option<Diagnostic> {
        if d.file != sheet || d.cell.is_some() {
            return Some(d);
        }
        let under = |key: &str| {
            d.path == key
                || d.path.starts_with(&format!("{key}."))
                || d.path.starts_with(&format!("{key}["))
        };
        if self.unreadable.iter().any(|k| under(k)) && d.message.contains("is required by template")
        {
            return None;
        }
        match self.filled.iter().find(|(k, _)| under(k)) {
            Some((_, cell)) => Some(d.at_cell(workbook, cell.clone())),
            None => Some(d),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workbook::tests::workbook;
    use serde_json::json;
    use std::path::PathBuf;

    #[test]
    fn filling_a_tree() {
        let wb = workbook(
            &[
                "unit.households",
                "data.patrols",
                "data.fines",
                "facts.tip_offs",
                "data.road_km",
            ],
            &[("a.yaml", &["3.537", "nhiều", "", "12", "2,5"])],
        );
        let figures = wb.figures_for(Path::new("a.yaml")).expect("row");
        let mut tree = json!({"unit": {"name": "A", "households": 3537}, "data": {"fines": 5}});
        let applied = figures.apply(&mut tree, &PathMap::default(), Path::new("a.yaml"));
        assert_eq!(
            tree["unit"]["households"],
            json!(3537),
            "same value: no conflict"
        );
        assert_eq!(
            tree["data"]["fines"],
            json!(5),
            "an empty cell leaves the sheet's figure"
        );
        assert_eq!(tree["facts"]["tip_offs"], json!(12), "groups are made");
        assert_eq!(tree["data"]["road_km"], json!(2.5));
        assert!(
            tree["data"].get("patrols").is_none(),
            "never a zero for a bad cell"
        );
        assert_eq!(applied.problems.len(), 1, "{:#?}", applied.problems);
        assert_eq!(
            applied.problems[0].to_string().lines().next(),
            Some("w.xlsx:'Số liệu'!D3: error: data.patrols: \"nhiều\" is not a number")
        );
        assert!(applied.unreadable.contains("data.patrols"));
        // A check's diagnostic about a filled figure moves to its cell.
        let mut d = Diagnostic::error("facts.tip_offs", "too many");
        d.file = PathBuf::from("a.yaml");
        let moved = applied
            .relocate(d, Path::new("a.yaml"), Path::new("w.xlsx"))
            .expect("kept");
        assert_eq!(
            moved.cell.map(|c| c.to_string()).as_deref(),
            Some("'Số liệu'!F3")
        );
        let mut d = Diagnostic::error(
            "data.patrols",
            "`data.patrols` (x) is required by template `t`",
        );
        d.file = PathBuf::from("a.yaml");
        assert!(
            applied
                .relocate(d, Path::new("a.yaml"), Path::new("w.xlsx"))
                .is_none()
        );
    }

    #[test]
    fn a_figure_in_both_places_names_both() {
        let wb = workbook(&["unit.households"], &[("a.yaml", &["3.600"])]);
        let figures = wb.figures_for(Path::new("a.yaml")).expect("row");
        let text = "unit:\n  households: 3537\n";
        let paths = PathMap::build(text);
        let mut tree = json!({"unit": {"households": 3537}});
        let applied = figures.apply(&mut tree, &paths, Path::new("a.yaml"));
        assert_eq!(
            tree["unit"]["households"],
            json!(3537),
            "the sheet's is kept"
        );
        assert_eq!(
            applied.problems[0].to_string().lines().next(),
            Some(
                "a.yaml:2:15: error: unit.households: the fact sheet says 3.537 but the workbook says 3.600 (w.xlsx:'Số liệu'!C3)"
            )
        );
        let mut tree = json!({"unit": 5});
        let applied = figures.apply(&mut tree, &paths, Path::new("a.yaml"));
        assert!(
            applied.problems[0]
                .message
                .contains("`unit` is not a group"),
            "{:?}",
            applied.problems
        );
    }
}
