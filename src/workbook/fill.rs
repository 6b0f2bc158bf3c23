//! Filling a unit's figures from its workbook row into its parsed fact sheet, before any
//! check runs; and moving the checks' diagnostics about those figures to their cells.

use super::key::FigureKey;
use super::number::{figure, parse_number_text};
use super::{Column, Row, Workbook};
use crate::diagnostic::{Cell, Diagnostic, Severity};
use crate::factsheet::paths::PathMap;
use crate::i18n::args;
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
    /// What the clerk typed in each filled cell that held text (`1,310`), by name: a
    /// check's message about the figure quotes it.
    pub typed: BTreeMap<String, String>,
    /// The number in each filled cell that held a number, by name: a check's message about
    /// the figure shows it.
    pub numbers: BTreeMap<String, f64>,
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

/// Whether a value holds something (a blank is absent).
fn given(v: &Value) -> bool {
    !v.is_null() && !v.as_str().is_some_and(|s| s.trim().is_empty())
}

/// The year an entry of a series in list form is for (`- { at: 2024, … }`).
fn at_year(item: &Value) -> Option<i64> {
    match item.get("at")? {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// Where a column's figure is in a fact sheet: the group that holds it and the key in that
/// group, as steps from the root; plus the field path the checks report it under (`data.areas.2024.recognised`,
/// `data.areas[1].recognised`, `data.teams[0]`) and the one to find its line.
#[derive(Debug, Clone, PartialEq)]
struct Slot {
    /// Steps to the group: a key, or an index into a list.
    group: Vec<Step>,
    field: String,
    /// A list-form series without an entry for the year: one is added, `{ at: year }`.
    new_entry: Option<i64>,
    reported: String,
    located: String,
}

#[derive(Debug, Clone, PartialEq)]
enum Step {
    Key(String),
    Index(usize),
}

/// Finds where a figure goes, without changing the tree; `Err` names a part of the path
/// that holds something else than a group (or a series).
fn slot(tree: &Value, key: &FigureKey) -> Result<Slot, String> {
    let mut steps: Vec<Step> = key
        .name
        .split('.')
        .map(|k| Step::Key(k.to_string()))
        .collect();
    let Some((year, field)) = &key.point else {
        let field = match steps.pop() {
            Some(Step::Key(k)) => k,
            _ => return Err(key.name.clone()),
        };
        return Ok(Slot {
            group: steps,
            field,
            new_entry: None,
            reported: key.name.clone(),
            located: key.name.clone(),
        });
    };
    let name = &key.name;
    let series = key.name.split('.').try_fold(tree, |node, k| node.get(k));
    match series {
        Some(Value::Array(items)) => {
            let found = items.iter().position(|i| at_year(i) == Some(*year));
            let i = found.unwrap_or(items.len());
            steps.push(Step::Index(i));
            let (field, reported) = match field {
                Some(f) => (f.clone(), format!("{name}[{i}].{f}")),
                None => ("value".to_string(), format!("{name}[{i}]")),
            };
            let located = format!("{name}[{i}].{field}");
            Ok(Slot {
                group: steps,
                field,
                new_entry: found.is_none().then_some(*year),
                reported,
                located,
            })
        }
        None | Some(Value::Null) | Some(Value::Object(_)) => {
            // Map form, `2024: { … }` or `2024: 12`: the year's key as written, or a new one.
            let k = match series {
                Some(Value::Object(map)) => map
                    .keys()
                    .find(|k| k.trim().parse::<i64>().ok() == Some(*year))
                    .cloned(),
                _ => None,
            }
            .unwrap_or_else(|| year.to_string());
            let (field, reported) = match field {
                Some(f) => {
                    steps.push(Step::Key(k.clone()));
                    (f.clone(), format!("{name}.{k}.{f}"))
                }
                None => (k.clone(), format!("{name}.{k}")),
            };
            Ok(Slot {
                group: steps,
                field,
                new_entry: None,
                located: reported.clone(),
                reported,
            })
        }
        Some(_) => Err(name.clone()),
    }
}

/// The figure a sheet already states at a slot, if any.
fn stated<'t>(tree: &'t Value, slot: &Slot) -> Option<&'t Value> {
    if slot.new_entry.is_some() {
        return None;
    }
    slot.group
        .iter()
        .try_fold(tree, |node, step| match step {
            Step::Key(k) => node.get(k),
            Step::Index(i) => node.get(i),
        })?
        .get(&slot.field)
        .filter(|v| given(v))
}

/// The figure a parsed fact sheet states for a column's key (the workbook's prefill).
pub(super) fn value_of<'t>(tree: &'t Value, key: &FigureKey) -> Option<&'t Value> {
    stated(tree, &slot(tree, key).ok()?)
}

/// Puts a figure at its slot, making the groups (and the series entry) on the way; `Err`
/// names the part of the path that is not a group.
fn put(tree: &mut Value, slot: &Slot, value: Value) -> Result<(), String> {
    let mut node = tree;
    let mut walked = String::new();
    for step in &slot.group {
        if node.is_null() {
            *node = match step {
                Step::Key(_) => Value::Object(Map::new()),
                Step::Index(_) => Value::Array(Vec::new()),
            };
        }
        node = match (step, node) {
            (Step::Key(k), Value::Object(map)) => {
                walked = if walked.is_empty() {
                    k.clone()
                } else {
                    format!("{walked}.{k}")
                };
                map.entry(k.clone()).or_insert(Value::Null)
            }
            (Step::Index(i), Value::Array(items)) => {
                if let Some(year) = slot.new_entry.filter(|_| *i == items.len()) {
                    let mut entry = Map::new();
                    entry.insert("at".into(), Value::from(year));
                    items.push(Value::Object(entry));
                }
                walked = format!("{walked}[{i}]");
                match items.get_mut(*i) {
                    Some(item) => item,
                    None => return Err(walked),
                }
            }
            _ => return Err(walked),
        };
    }
    if node.is_null() {
        *node = Value::Object(Map::new());
    }
    match node {
        Value::Object(map) => {
            map.insert(slot.field.clone(), value);
            Ok(())
        }
        _ => Err(walked),
    }
}

impl Figures<'_> {
    /// The row's label in a manifest (`workbook:<file>:<key>`), the key of
    /// [`super::row_digests`].
    pub fn label(&self) -> String {
        self.workbook.label(self.row)
    }

    fn cell(&self, column: &Column) -> Cell {
        self.workbook.cell(self.row.row, column.column)
    }

    /// Fills the row's figures into a parsed fact sheet: an empty cell leaves the sheet as it
    /// is (absent, never 0); a figure the sheet also states with another value is an error
    /// naming both places, and the sheet's is kept; a cell that is not a number is an error
    /// at its cell. A year of a series goes into the sheet's entry for that year, written
    /// as a map (`2024: { … }`) or a list (`- { at: 2024, … }`), or a new one.
    pub fn apply(&self, tree: &mut Value, paths: &PathMap, sheet: &Path) -> Applied {
        let mut out = Applied::default();
        let file = &self.workbook.file;
        let at_sheet = |mut d: Diagnostic, located: &str| {
            d.file = sheet.to_path_buf();
            d.position = paths.locate(located);
            d
        };
        for (column, value) in self.workbook.columns.iter().zip(&self.row.cells) {
            let at = self.cell(column);
            let key = &column.figure;
            // Estimates (`trên 1.500`) are a feature of the open data only.
            let estimates = key.name.starts_with("data.");
            let text = match value {
                super::number::CellValue::Text(t) => Some(t.trim().to_string()),
                _ => None,
            };
            let number = match value {
                super::number::CellValue::Number(x) => Some(*x),
                _ => None,
            };
            let value = match figure(value, estimates) {
                Ok(Some(v)) => v,
                Ok(None) => continue,
                Err(e) => {
                    out.unreadable.insert(key.name.clone());
                    out.problems.push(
                        Diagnostic::new(Severity::Error, e.code, column.key.as_str(), e.args)
                            .at_cell(file, at),
                    );
                    continue;
                }
            };
            let not_a_group = |group: String| {
                at_sheet(
                    Diagnostic::new(
                        Severity::Error,
                        "figure-group-not-a-map",
                        group.as_str(),
                        args! {"group" => &group, "key" => &column.key},
                    ),
                    &group,
                )
            };
            let slot = match slot(tree, key) {
                Ok(slot) => slot,
                Err(group) => {
                    out.problems.push(not_a_group(group));
                    continue;
                }
            };
            if let Some(old) = stated(tree, &slot) {
                if !same(old, &value) {
                    out.problems.push(at_sheet(
                        Diagnostic::new(
                            Severity::Error,
                            "sheet-and-workbook-differ",
                            slot.reported.as_str(),
                            args! {
                                "sheet" => shown(old),
                                "workbook" => shown(&value),
                                "file" => file.display().to_string(),
                                "cell" => at.to_string(),
                            },
                        ),
                        &slot.located,
                    ));
                }
                out.filled.insert(slot.reported, at);
                continue;
            }
            match put(tree, &slot, value) {
                Ok(()) => {
                    if let Some(text) = text {
                        out.typed.insert(slot.reported.clone(), text);
                    }
                    if let Some(x) = number {
                        out.numbers.insert(slot.reported.clone(), x);
                    }
                    out.filled.insert(slot.reported, at);
                }
                Err(group) => out.problems.push(not_a_group(group)),
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
        let required = d.code == "required-by-template";
        if required && self.unreadable.iter().any(|k| under(k)) {
            return None;
        }
        if let Some((key, cell)) = self.filled.iter().find(|(k, _)| under(k)) {
            let d = self.in_cell_words(d, key);
            return Some(d.at_cell(workbook, cell.clone()));
        }
        // A group the workbook made (a series entry no line of the sheet holds), e.g. an
        // entry missing one of its figures: at the first cell that made it.
        let above = |p: &String| {
            p.starts_with(&format!("{}.", d.path)) || p.starts_with(&format!("{}[", d.path))
        };
        if d.position.is_none()
            && d.path.contains(['.', '['])
            && let Some((_, cell)) = self.filled.iter().find(|(p, _)| above(p))
        {
            return Some(d.at_cell(workbook, cell.clone()));
        }
        Some(d)
    }
}

/// What a check said about how a figure is written.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Writing {
    NotWhole,
    NotANumber,
}

impl Writing {
    /// The kind of a check's diagnostic, by its code.
    fn of(d: &Diagnostic) -> Option<Writing> {
        match d.code {
            "not-a-whole-number" => Some(Writing::NotWhole),
            "not-a-number" => Some(Writing::NotANumber),
            _ => None,
        }
    }
}

impl Applied {
    /// A check's message about how a figure is written, in the words of a cell: the text
    /// typed there, and the help for cells (the fact sheet's help speaks of YAML, where a dot
    /// is a decimal point; in a cell it groups thousands).
    fn in_cell_words(&self, d: Diagnostic, key: &str) -> Diagnostic {
        let Some(kind) = Writing::of(&d) else {
            return d;
        };
        let coded = |code: &'static str, args| Diagnostic {
            file: d.file.clone(),
            position: d.position,
            label: d.label.clone(),
            ..Diagnostic::new(d.severity, code, d.path.clone(), args)
        };
        if let Some(typed) = self.typed.get(key) {
            let read = parse_number_text(typed).map(|x| crate::locale::number(x, 6));
            let code = match kind {
                Writing::NotWhole => "typed-not-a-whole-number",
                Writing::NotANumber => "typed-not-a-number",
            };
            let yes = |b: bool| if b { "yes" } else { "no" };
            return coded(
                code,
                args! {
                    "typed" => typed,
                    "reads" => yes(read.is_some()),
                    "read" => read.unwrap_or_default(),
                    "comma" => yes(typed.contains(',')),
                },
            );
        }
        match (kind, self.numbers.get(key)) {
            (Writing::NotWhole, Some(x)) => coded(
                "cell-number-not-whole",
                args! {"value" => crate::locale::number(*x, 3)},
            ),
            _ => d,
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
        d.code = "required-by-template";
        d.file = PathBuf::from("a.yaml");
        assert!(
            applied
                .relocate(d, Path::new("a.yaml"), Path::new("w.xlsx"))
                .is_none()
        );
    }

    /// A diagnostic as the fact-sheet checks make it (their catalogue is another file's).
    fn checked(code: &'static str, path: &str, message: &str) -> Diagnostic {
        let mut d = Diagnostic {
            code,
            ..Diagnostic::error(path, message)
        };
        d.file = PathBuf::from("a.yaml");
        d
    }

    #[test]
    fn a_check_about_how_a_figure_is_written_speaks_of_the_cell() {
        use crate::i18n::Lang;
        let mut wb = workbook(
            &["unit.households", "data.patrols", "facts.tip_offs"],
            &[("a.yaml", &["1,310", "", "7"])],
        );
        wb.rows[0].cells[1] = super::super::number::CellValue::Number(2.5);
        let figures = wb.figures_for(Path::new("a.yaml")).expect("row");
        let mut tree = json!({});
        let applied = figures.apply(&mut tree, &PathMap::default(), Path::new("a.yaml"));
        assert!(applied.problems.is_empty(), "{:#?}", applied.problems);
        let (sheet, book) = (Path::new("a.yaml"), Path::new("w.xlsx"));
        let relocate = |d| applied.relocate(d, sheet, book).expect("kept");

        let d = relocate(checked(
            "not-a-whole-number",
            "unit.households",
            "1,31 is not a whole number",
        ));
        assert_eq!(d.code, "typed-not-a-whole-number");
        assert_eq!(
            d.message,
            "\"1,310\" in the cell is not a whole number (it reads as 1,31)"
        );
        assert_eq!(
            d.text(Lang::Vi),
            "\"1,310\" trong ô không phải là số nguyên (đọc thành 1,31)"
        );
        let help = d.help_text(Lang::Vi).expect("help").into_owned();
        assert!(
            help.starts_with("trong ô, dấu phẩy là dấu thập phân"),
            "{help}"
        );
        assert_eq!(
            d.cell.map(|c| c.to_string()).as_deref(),
            Some("'Số liệu'!C3")
        );

        // A number in the cell, not text: shown as the check shows it, with the cell's help.
        let d = relocate(checked(
            "not-a-whole-number",
            "data.patrols",
            "2,5 is not a whole number",
        ));
        assert_eq!(d.code, "cell-number-not-whole");
        assert_eq!(d.message, "2,5 is not a whole number");
        assert!(d.help.as_deref().is_some_and(|h| h.contains("3.537")));

        // Any other check keeps its own words.
        let d = relocate(checked("part-exceeds-whole", "facts.tip_offs", "too many"));
        assert_eq!(
            (d.code, d.message.as_str()),
            ("part-exceeds-whole", "too many")
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

    #[test]
    fn a_year_of_a_series_goes_into_its_entry() {
        let wb = workbook(
            &[
                "data.areas[2024].recognised",
                "data.areas[2023].recognised",
                "data.teams[2024]",
                "data.new[2024].total",
            ],
            &[
                ("a.yaml", &["161", "158", "12", "3"]),
                ("b.yaml", &["161", "150", "", ""]),
            ],
        );
        let a = wb.figures_for(Path::new("a.yaml")).expect("row");
        assert_eq!(a.label(), "workbook:w.xlsx:a.yaml");
        assert!(crate::workbook::row_digests(&wb).contains_key(&a.label()));
        // Map form: the year's entry as written (`" 2024"`), and a new one for 2023.
        let mut tree = json!({"data": {
            "areas": {" 2024": {"total": 212}},
            "teams": [{"at": 2023, "value": 10}],
        }});
        let applied = a.apply(&mut tree, &PathMap::default(), Path::new("a.yaml"));
        assert!(applied.problems.is_empty(), "{:#?}", applied.problems);
        assert_eq!(
            tree["data"]["areas"][" 2024"],
            json!({"total": 212, "recognised": 161})
        );
        assert_eq!(tree["data"]["areas"]["2023"], json!({"recognised": 158}));
        // List form: a new entry with its `at`.
        assert_eq!(tree["data"]["teams"][1], json!({"at": 2024, "value": 12}));
        assert_eq!(
            tree["data"]["new"],
            json!({"2024": {"total": 3}}),
            "a series made"
        );
        let cells: Vec<(&str, String)> = applied
            .filled
            .iter()
            .map(|(p, c)| (p.as_str(), c.to_string()))
            .collect();
        assert_eq!(
            cells,
            [
                ("data.areas. 2024.recognised", "'Số liệu'!C3".to_string()),
                ("data.areas.2023.recognised", "'Số liệu'!D3".to_string()),
                ("data.new.2024.total", "'Số liệu'!F3".to_string()),
                ("data.teams[1]", "'Số liệu'!E3".to_string()),
            ]
        );
        // A check's problem with an entry the workbook made is at its first cell.
        let mut d = Diagnostic::error("data.areas.2023", "`total` is missing");
        d.file = PathBuf::from("a.yaml");
        let moved = applied
            .relocate(d, Path::new("a.yaml"), Path::new("w.xlsx"))
            .expect("kept");
        assert_eq!(
            moved.cell.map(|c| c.to_string()).as_deref(),
            Some("'Số liệu'!D3")
        );

        // List form with the year present: compared, and a different figure names both places.
        let b = wb.figures_for(Path::new("b.yaml")).expect("row");
        let mut tree = json!({"data": {"areas": [
            {"at": 2023, "recognised": 150},
            {"at": "2024", "recognised": 160, "total": 212},
        ]}});
        let applied = b.apply(&mut tree, &PathMap::default(), Path::new("b.yaml"));
        assert_eq!(applied.problems.len(), 1, "{:#?}", applied.problems);
        assert_eq!(applied.problems[0].path, "data.areas[1].recognised");
        assert!(
            applied.problems[0]
                .message
                .contains("says 160 but the workbook says 161")
        );
        assert_eq!(
            tree["data"]["areas"][1]["recognised"],
            json!(160),
            "the sheet's kept"
        );
    }
}
