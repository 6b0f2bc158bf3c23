//! The data-entry workbook: figures in a spreadsheet, one row per unit.
//!
//! A province sends each commune a spreadsheet and gets the figures back in it, so the
//! figures need not be typed into YAML. `vanban workbook TEMPLATE --units DIR` writes an .xlsx
//! whose columns are the scalar figures the template declares ([`write`]); `vanban render
//! --figures FILE.xlsx` (or `.csv`) reads it back ([`read`]) and fills each unit's figures
//! from its row into the parsed fact sheet BEFORE it is checked ([`Figures::apply`]), so the
//! checks — kinds, required names, the rules between figures — apply to them as if they had
//! been typed in the sheet, and a problem with one of them is reported at its cell.
//!
//! Rows are matched to fact sheets by column A (the sheet's path relative to the folder the
//! workbook was written for), never by the unit's name, and columns by the key row (the
//! fact-sheet name of each figure), never by the label.

pub mod csv;
pub mod number;
pub mod read;
pub mod write;

use crate::diagnostic::{Cell, Diagnostic, Diagnostics};
use crate::factsheet::paths::PathMap;
use number::{CellValue, figure, parse_number_text};
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Component, Path, PathBuf};

pub use read::read;

/// The name of the sheet `vanban workbook` writes (read first when present, else the first
/// sheet).
pub const SHEET_NAME: &str = "Số liệu";
/// Column A of the key row.
pub const KEY_MARKER: &str = "file";
/// Column B of the key row: the unit's name, for people; not read back.
pub const NAME_MARKER: &str = "name";

/// A column of figures: its fact-sheet name and where its key is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    pub key: String,
    /// 0-based column.
    pub column: u32,
    /// The key's cell.
    pub header: Cell,
}

/// One unit's row: its fact sheet (column A) and a cell per column of [`Workbook::columns`].
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub key: String,
    /// 0-based row.
    pub row: u32,
    pub cells: Vec<CellValue>,
}

/// A workbook as read back.
#[derive(Debug, Clone)]
pub struct Workbook {
    pub file: PathBuf,
    /// The sheet read; `None` for a CSV file.
    pub sheet: Option<String>,
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
    /// Rows left out (figures but no fact sheet).
    pub warnings: Diagnostics,
}

/// The path's plain parts (`a/./b.yaml` → `a`, `b.yaml`).
fn parts(path: &Path) -> Vec<String> {
    path.components()
        .filter_map(|c| match c {
            Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
            Component::ParentDir => Some("..".into()),
            _ => None,
        })
        .collect()
}

impl Workbook {
    /// The index of the row for a fact sheet: the row whose column A is the longest tail of
    /// the sheet's path (`xa/a.yaml` matches `data/huyen/xa/a.yaml`), so the workbook works
    /// whether the sheets are given as the folder it was written for, a folder above it, or
    /// one by one.
    pub fn row_for(&self, sheet: &Path) -> Option<usize> {
        let sheet = parts(sheet);
        self.rows
            .iter()
            .enumerate()
            .filter_map(|(i, row)| {
                let key: Vec<&str> = row.key.split('/').filter(|p| !p.is_empty() && *p != ".").collect();
                let tail = sheet.len().checked_sub(key.len())?;
                let matches = !key.is_empty()
                    && sheet
                        .get(tail..)
                        .is_some_and(|t| t.iter().zip(&key).all(|(a, b)| a == b));
                matches.then_some((key.len(), i))
            })
            .max()
            .map(|(_, i)| i)
    }

    /// The figures of a fact sheet's row, or a warning that it has none.
    pub fn figures_for(&self, sheet: &Path) -> Result<Figures<'_>, Diagnostic> {
        match self.row_for(sheet) {
            Some(i) => self.rows.get(i).map(|row| Figures { workbook: self, row, index: i }).ok_or_else(|| no_row(self, sheet)),
            None => Err(no_row(self, sheet)),
        }
    }

    /// The cell of a row and column.
    fn cell(&self, row: u32, column: u32) -> Cell {
        Cell {
            sheet: self.sheet.clone(),
            row,
            column,
        }
    }

    /// Warnings for the rows no fact sheet given used (`used` holds row indices).
    pub fn unused_rows(&self, used: &BTreeSet<usize>) -> Diagnostics {
        Diagnostics(
            self.rows
                .iter()
                .enumerate()
                .filter(|(i, _)| !used.contains(i))
                .map(|(_, row)| {
                    Diagnostic::warning(
                        "",
                        format!("the row for `{}` matches no fact sheet given: its figures are not used", row.key),
                    )
                    .with_help("check column A against the fact sheets' paths, or give that fact sheet too")
                    .at_cell(&self.file, self.cell(row.row, 0))
                })
                .collect(),
        )
    }

    /// The label of a row in a manifest: `workbook:<file>:<key>`.
    pub fn label(&self, row: &Row) -> String {
        format!("workbook:{}:{}", self.file.display(), row.key)
    }
}

fn no_row(workbook: &Workbook, sheet: &Path) -> Diagnostic {
    let mut d = Diagnostic::warning(
        "",
        format!(
            "no row of {} is for this fact sheet: its figures come from the fact sheet alone",
            workbook.file.display()
        ),
    )
    .with_help("add a row with the fact sheet's path in column A (as `vanban workbook --units` writes it)");
    d.file = sheet.to_path_buf();
    d
}

/// The digest of every row, by [`Workbook::label`]: SHA-256 of the row's key and its cells'
/// normalised values (the number a cell reads as, so `3.537` typed as text or as a number is
/// one value), column by column in key order. A batch compares them to skip a unit whose row
/// has not changed.
pub fn row_digests(workbook: &Workbook) -> BTreeMap<String, [u8; 32]> {
    let mut order: Vec<(&str, usize)> = workbook
        .columns
        .iter()
        .enumerate()
        .map(|(i, c)| (c.key.as_str(), i))
        .collect();
    order.sort();
    workbook
        .rows
        .iter()
        .map(|row| {
            let mut hash = Sha256::new();
            hash.update(row.key.as_bytes());
            for (key, i) in &order {
                let value = row.cells.get(*i).map(number::normalised).unwrap_or_default();
                // Unit and record separators cannot occur in a key or a trimmed cell.
                hash.update(format!("\u{1e}{key}\u{1f}{value}").as_bytes());
            }
            (workbook.label(row), hash.finalize().into())
        })
        .collect()
}

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
        walked = if walked.is_empty() { step.to_string() } else { format!("{walked}.{step}") };
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
                            "the fact sheet says {old} but the workbook says {value} ({}:{at})",
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
        if self.unreadable.iter().any(|k| under(k)) && d.message.contains("is required by template") {
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
    use serde_json::json;

    fn workbook(keys: &[&str], rows: &[(&str, &[&str])]) -> Workbook {
        let sheet = Some(SHEET_NAME.to_string());
        Workbook {
            file: PathBuf::from("w.xlsx"),
            sheet: sheet.clone(),
            columns: keys
                .iter()
                .enumerate()
                .map(|(i, k)| Column {
                    key: k.to_string(),
                    column: i as u32 + 2,
                    header: Cell { sheet: sheet.clone(), row: 1, column: i as u32 + 2 },
                })
                .collect(),
            rows: rows
                .iter()
                .enumerate()
                .map(|(i, (key, cells))| Row {
                    key: key.to_string(),
                    row: i as u32 + 2,
                    cells: cells
                        .iter()
                        .map(|c| if c.is_empty() { CellValue::Empty } else { CellValue::Text(c.to_string()) })
                        .collect(),
                })
                .collect(),
            warnings: Diagnostics::default(),
        }
    }

    #[test]
    fn rows_match_by_the_longest_tail() {
        let wb = workbook(&[], &[("a.yaml", &[]), ("xa/a.yaml", &[]), ("b.yaml", &[])]);
        assert_eq!(wb.row_for(Path::new("data/huyen/xa/a.yaml")), Some(1));
        assert_eq!(wb.row_for(Path::new("a.yaml")), Some(0));
        assert_eq!(wb.row_for(Path::new("./other/a.yaml")), Some(0));
        assert_eq!(wb.row_for(Path::new("data/b.yaml")), Some(2));
        assert_eq!(wb.row_for(Path::new("data/c.yaml")), None);
        assert_eq!(wb.row_for(Path::new("data/xb.yaml")), None, "whole names only");
        let unused = wb.unused_rows(&BTreeSet::from([0, 1]));
        assert_eq!(unused.0.len(), 1);
        assert!(unused.0[0].to_string().starts_with("w.xlsx:'Số liệu'!A5: warning: the row for `b.yaml` matches no fact sheet"));
    }

    #[test]
    fn filling_a_tree() {
        let wb = workbook(
            &["unit.households", "data.patrols", "data.fines", "facts.tip_offs", "data.road_km"],
            &[("a.yaml", &["3.537", "nhiều", "", "12", "2,5"])],
        );
        let figures = wb.figures_for(Path::new("a.yaml")).expect("row");
        let mut tree = json!({"unit": {"name": "A", "households": 3537}, "data": {"fines": 5}});
        let applied = figures.apply(&mut tree, &PathMap::default(), Path::new("a.yaml"));
        assert_eq!(tree["unit"]["households"], json!(3537), "same value: no conflict");
        assert_eq!(tree["data"]["fines"], json!(5), "an empty cell leaves the sheet's figure");
        assert_eq!(tree["facts"]["tip_offs"], json!(12), "groups are made");
        assert_eq!(tree["data"]["road_km"], json!(2.5));
        assert!(tree["data"].get("patrols").is_none(), "never a zero for a bad cell");
        assert_eq!(applied.problems.len(), 1, "{:#?}", applied.problems);
        assert_eq!(
            applied.problems[0].to_string().lines().next(),
            Some("w.xlsx:'Số liệu'!D3: error: data.patrols: \"nhiều\" is not a number")
        );
        assert!(applied.unreadable.contains("data.patrols"));
        // A check's diagnostic about a filled figure moves to its cell.
        let mut d = Diagnostic::error("facts.tip_offs", "too many");
        d.file = PathBuf::from("a.yaml");
        let moved = applied.relocate(d, Path::new("a.yaml"), Path::new("w.xlsx")).expect("kept");
        assert_eq!(moved.cell.map(|c| c.to_string()).as_deref(), Some("'Số liệu'!F3"));
        let mut d = Diagnostic::error("data.patrols", "`data.patrols` (x) is required by template `t`");
        d.file = PathBuf::from("a.yaml");
        assert!(applied.relocate(d, Path::new("a.yaml"), Path::new("w.xlsx")).is_none());
    }

    #[test]
    fn a_figure_in_both_places_names_both() {
        let wb = workbook(&["unit.households"], &[("a.yaml", &["3.600"])]);
        let figures = wb.figures_for(Path::new("a.yaml")).expect("row");
        let text = "unit:\n  households: 3537\n";
        let paths = PathMap::build(text);
        let mut tree = json!({"unit": {"households": 3537}});
        let applied = figures.apply(&mut tree, &paths, Path::new("a.yaml"));
        assert_eq!(tree["unit"]["households"], json!(3537), "the sheet's is kept");
        assert_eq!(
            applied.problems[0].to_string().lines().next(),
            Some("a.yaml:2:15: error: unit.households: the fact sheet says 3537 but the workbook says 3600 (w.xlsx:'Số liệu'!C3)")
        );
        let mut tree = json!({"unit": 5});
        let applied = figures.apply(&mut tree, &paths, Path::new("a.yaml"));
        assert!(applied.problems[0].message.contains("`unit` is not a group"), "{:?}", applied.problems);
    }

    #[test]
    fn digests_follow_the_values_not_their_spelling() {
        let a = row_digests(&workbook(&["data.x", "data.y"], &[("a.yaml", &["3.537", ""]), ("b.yaml", &["1", "2"])]));
        let b = row_digests(&workbook(&["data.y", "data.x"], &[("a.yaml", &["", "3 537"]), ("b.yaml", &["2", "1"])]));
        assert_eq!(a, b, "column order and number spelling do not matter");
        assert_eq!(a.keys().collect::<Vec<_>>(), ["workbook:w.xlsx:a.yaml", "workbook:w.xlsx:b.yaml"]);
        let c = row_digests(&workbook(&["data.x", "data.y"], &[("a.yaml", &["3.538", ""]), ("b.yaml", &["1", "2"])]));
        assert_ne!(a.get("workbook:w.xlsx:a.yaml"), c.get("workbook:w.xlsx:a.yaml"));
        assert_eq!(a.get("workbook:w.xlsx:b.yaml"), c.get("workbook:w.xlsx:b.yaml"));
    }
}
