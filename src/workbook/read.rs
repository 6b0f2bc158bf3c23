//! Reading a filled workbook (.xlsx, also .xls/.ods through calamine, or .csv) into its
//! columns and rows: row 1 holds the labels (for people), the key row (column A `file`) the
//! fact-sheet name of each column (`data.patrols`, `unit.households`), and every row below it
//! one unit: column A the fact sheet, then its figures. Reading back depends on the keys
//! only, so a clerk may reword a label, move a column or add a column of notes without a key.

use super::key::FigureKey;
use super::number::CellValue;
use super::{Column, KEY_MARKER, NAME_MARKER, Row, SHEET_NAME, Workbook};
use crate::diagnostic::{Cell, Diagnostic, Diagnostics};
use std::collections::BTreeMap;
use std::path::Path;

/// How far down the key row may be (a clerk may add a title line or two above it).
const KEY_ROW_WITHIN: u32 = 20;

/// The largest workbook read, in bytes: a province's 1.650 units fill well under a megabyte.
const LARGEST_WORKBOOK: u64 = 50_000_000;

/// The cells of one sheet by absolute 0-based (row, column).
struct Grid {
    sheet: Option<String>,
    cells: BTreeMap<(u32, u32), CellValue>,
}

impl Grid {
    fn get(&self, row: u32, column: u32) -> &CellValue {
        self.cells.get(&(row, column)).unwrap_or(&CellValue::Empty)
    }

    fn cell(&self, row: u32, column: u32) -> Cell {
        Cell {
            sheet: self.sheet.clone(),
            row,
            column,
        }
    }

    fn text(&self, row: u32, column: u32) -> Option<String> {
        match self.get(row, column) {
            CellValue::Text(t) => Some(t.trim().to_string()).filter(|t| !t.is_empty()),
            CellValue::Number(x) => Some(x.to_string()),
            CellValue::Other(t) => Some(t.trim().to_string()),
            CellValue::Empty => None,
        }
    }
}

fn whole_file(file: &Path, message: String, help: &str) -> Diagnostics {
    let mut d = Diagnostic::error("", message).with_help(help);
    d.file = file.to_path_buf();
    Diagnostics(vec![d])
}

fn is_csv(file: &Path) -> bool {
    file.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"))
}

/// Reads a workbook; a problem with the file or its layout is a diagnostic at its cell.
pub fn read(file: &Path) -> Result<Workbook, Diagnostics> {
    let size = std::fs::metadata(file).map(|m| m.len()).unwrap_or(0);
    if size > LARGEST_WORKBOOK {
        return Err(whole_file(
            file,
            format!("the workbook is too large: {} MB", size.div_ceil(1_000_000)),
            "a workbook of figures is a few hundred kilobytes: check that this is the right file",
        ));
    }
    let grid = if is_csv(file) {
        read_csv(file)?
    } else {
        read_spreadsheet(file)?
    };
    interpret(file, &grid)
}

fn read_csv(file: &Path) -> Result<Grid, Diagnostics> {
    let bytes = std::fs::read(file).map_err(|e| {
        whole_file(
            file,
            format!("cannot read the file: {e}"),
            "check the path of the workbook given to --figures",
        )
    })?;
    let text = String::from_utf8(bytes).map_err(|_| {
        whole_file(
            file,
            "the CSV file is not UTF-8 text".into(),
            "in Excel save it with File → Save As → \"CSV UTF-8 (Comma delimited)\", or give vanban the .xlsx file itself",
        )
    })?;
    let records = super::csv::parse(&text).map_err(|e| {
        Diagnostics(vec![
            Diagnostic::error("", e.message)
                .with_help("a field with a quote, a comma or a line break must be wholly in quotes, with a quote inside written twice (\"\")")
                .at_cell(
                    file,
                    Cell {
                        sheet: None,
                        row: e.row,
                        column: e.column,
                    },
                ),
        ])
    })?;
    let mut cells = BTreeMap::new();
    for (r, record) in records.into_iter().enumerate() {
        for (c, field) in record.into_iter().enumerate() {
            if !field.trim().is_empty() {
                cells.insert((r as u32, c as u32), CellValue::Text(field));
            }
        }
    }
    Ok(Grid { sheet: None, cells })
}

fn read_spreadsheet(file: &Path) -> Result<Grid, Diagnostics> {
    use calamine::{Data, Reader, open_workbook_auto};
    let cannot = |e: &dyn std::fmt::Display| {
        whole_file(
            file,
            format!("cannot read the workbook: {e}"),
            "give an .xlsx file saved by Excel or LibreOffice (or a .csv file); start from the one `vanban workbook` writes",
        )
    };
    let mut book = open_workbook_auto(file).map_err(|e| cannot(&e))?;
    let names = book.sheet_names();
    let Some(name) = names
        .iter()
        .find(|n| n.as_str() == SHEET_NAME)
        .or(names.first())
        .cloned()
    else {
        return Err(cannot(&"it has no sheet"));
    };
    let range = book.worksheet_range(&name).map_err(|e| cannot(&e))?;
    let (top, left) = range.start().unwrap_or((0, 0));
    let mut cells = BTreeMap::new();
    for (r, c, data) in range.used_cells() {
        let value = match data {
            Data::Empty => continue,
            Data::Int(i) => CellValue::Number(*i as f64),
            Data::Float(x) => CellValue::Number(*x),
            Data::String(s) => CellValue::Text(s.clone()),
            Data::Bool(b) => CellValue::Other(if *b { "TRUE" } else { "FALSE" }.into()),
            Data::DateTime(d) => CellValue::Other(format!("the date {d}")),
            Data::DateTimeIso(s) | Data::DurationIso(s) => {
                CellValue::Other(format!("the date {s}"))
            }
            Data::Error(e) => CellValue::Other(format!("the error {e}")),
        };
        cells.insert((top + r as u32, left + c as u32), value);
    }
    Ok(Grid {
        sheet: Some(name),
        cells,
    })
}

/// A fact-sheet key as written in column A: `/` between folders, no `./`.
pub(super) fn normalise_key(key: &str) -> String {
    let key = key.trim().replace('\\', "/");
    let mut key = key.as_str();
    while let Some(rest) = key.strip_prefix("./") {
        key = rest;
    }
    key.to_string()
}

fn interpret(file: &Path, grid: &Grid) -> Result<Workbook, Diagnostics> {
    let Some(key_row) =
        (0..KEY_ROW_WITHIN).find(|r| grid.text(*r, 0).is_some_and(|t| t == KEY_MARKER))
    else {
        return Err(whole_file(
            file,
            format!("the workbook has no key row: no row has `{KEY_MARKER}` in column A"),
            "row 2 of the workbook `vanban workbook` writes holds `file`, `name` and the name of each figure (data.patrols, unit.households): copy it back, or start from a new workbook",
        ));
    };
    let width = grid.cells.keys().map(|(_, c)| c + 1).max().unwrap_or(0);
    let mut errors = Vec::new();
    let mut columns: Vec<Column> = Vec::new();
    for c in 1..width {
        let Some(key) = grid.text(key_row, c) else {
            continue; // a column of notes
        };
        if key == NAME_MARKER {
            continue;
        }
        let at = grid.cell(key_row, c);
        let Some(figure) = FigureKey::parse(&key) else {
            errors.push(
                Diagnostic::error("", format!("`{key}` is not the name of a figure of a fact sheet"))
                    .with_help("the key row names each column's figure as the fact sheet does (data.patrols, unit.households, facts.tip_offs, data.areas[2024].recognised); leave it as `vanban workbook` wrote it")
                    .at_cell(file, at),
            );
            continue;
        };
        if let Some(first) = columns.iter().find(|col| col.figure == figure) {
            errors.push(
                Diagnostic::error(
                    key.as_str(),
                    format!(
                        "`{key}` has two columns: {} and {}",
                        grid.cell(key_row, first.column),
                        at
                    ),
                )
                .with_help("keep one of the two columns")
                .at_cell(file, at),
            );
            continue;
        }
        columns.push(Column {
            key: figure.to_string(),
            figure,
            column: c,
            header: at,
        });
    }
    let mut rows: Vec<Row> = Vec::new();
    let mut warnings = Vec::new();
    let last = grid.cells.keys().map(|(r, _)| *r).max().unwrap_or(0);
    for r in key_row + 1..=last {
        let cells: Vec<CellValue> = columns
            .iter()
            .map(|col| grid.get(r, col.column).clone())
            .collect();
        let Some(key) = grid.text(r, 0).map(|k| normalise_key(&k)) else {
            if cells.iter().any(|c| *c != CellValue::Empty) {
                warnings.push(
                    Diagnostic::warning("", format!("row {} has figures but no fact sheet in column A: it is left out", r + 1))
                        .with_help("write the fact sheet the row is for in column A (its path, as `vanban workbook` wrote it)")
                        .at_cell(file, grid.cell(r, 0)),
                );
            }
            continue;
        };
        if let Some(first) = rows.iter().find(|row| row.key == key) {
            errors.push(
                Diagnostic::error(
                    "",
                    format!(
                        "the fact sheet `{key}` has two rows: {} and {}",
                        grid.cell(first.row, 0),
                        grid.cell(r, 0)
                    ),
                )
                .with_help("keep one row per fact sheet")
                .at_cell(file, grid.cell(r, 0)),
            );
            continue;
        }
        rows.push(Row { key, row: r, cells });
    }
    if !errors.is_empty() {
        return Err(Diagnostics(errors));
    }
    Ok(Workbook {
        file: file.to_path_buf(),
        sheet: grid.sheet.clone(),
        columns,
        rows,
        warnings: Diagnostics(warnings),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid(rows: &[&[&str]]) -> Grid {
        let mut cells = BTreeMap::new();
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                if !v.is_empty() {
                    cells.insert((r as u32, c as u32), CellValue::Text(v.to_string()));
                }
            }
        }
        Grid {
            sheet: Some("Số liệu".into()),
            cells,
        }
    }

    #[test]
    fn layout_by_keys() {
        let g = grid(&[
            &["Tệp", "Đơn vị", "Lượt tuần tra", "Ghi chú"],
            &["file", "name", "data.patrols", ""],
            &["./a\\x.yaml", "A", "3.537", "note"],
            &["", "", "", ""],
            &["b.yaml", "B", "", ""],
        ]);
        let wb = interpret(Path::new("w.xlsx"), &g).expect("reads");
        assert_eq!(wb.columns.len(), 1);
        assert_eq!(wb.columns[0].key, "data.patrols");
        let keys: Vec<&str> = wb.rows.iter().map(|r| r.key.as_str()).collect();
        assert_eq!(keys, ["a/x.yaml", "b.yaml"]);
        assert_eq!(wb.rows[0].cells, [CellValue::Text("3.537".into())]);
        assert_eq!(wb.rows[1].row, 4);
    }

    #[test]
    fn layout_errors_at_their_cells() {
        let g = grid(&[
            &["file", "data.x", "oops", "data.x"],
            &["a.yaml", "1", "", ""],
            &["a.yaml", "2", "", ""],
        ]);
        let e = interpret(Path::new("w.xlsx"), &g).expect_err("errors");
        let shown: Vec<String> = e.0.iter().map(|d| d.to_string()).collect();
        assert_eq!(e.0.len(), 3, "{shown:#?}");
        assert!(
            shown[0].starts_with("w.xlsx:'Số liệu'!C1: error: `oops` is not"),
            "{shown:#?}"
        );
        assert!(shown[1].contains("'Số liệu'!D1: error: data.x: `data.x` has two columns: 'Số liệu'!B1 and 'Số liệu'!D1"), "{shown:#?}");
        assert!(
            shown[2].contains("two rows: 'Số liệu'!A2 and 'Số liệu'!A3"),
            "{shown:#?}"
        );
        let none = interpret(Path::new("w.csv"), &grid(&[&["a", "b"]])).expect_err("no keys");
        assert!(none.0[0].message.contains("no key row"));
    }
}
