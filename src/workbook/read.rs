//! Reading a filled workbook (.xlsx, also .xls/.ods through calamine, or .csv) into its
//! columns and rows: row 1 holds the labels (for people), the key row (column A `file`) the
//! fact-sheet name of each column (`data.patrols`, `unit.households`), and every row below it
//! one unit: column A the fact sheet, then its figures. Reading back depends on the keys
//! only, so a clerk may reword a label, move a column or add a column of notes without a key.

use super::key::FigureKey;
use super::number::CellValue;
use super::{Column, KEY_MARKER, NAME_MARKER, Row, SHEET_NAME, Workbook};
use crate::diagnostic::{Cell, Diagnostic, Diagnostics, Severity};
use crate::i18n::Args;
use crate::i18n::args;
use crate::source::Source;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// How far down the key row may be (a clerk may add a title line or two above it).
const KEY_ROW_WITHIN: u32 = 20;

/// The largest workbook read, in bytes: a province's 1.650 units fill well under a megabyte.
const LARGEST_WORKBOOK: u64 = 50_000_000;

/// The most an .xlsx/.ods may hold once unzipped, from the sizes its zip directory declares
/// (the zip reader stops an entry at its declared size, so they cannot lie): a zip of 2 MB
/// can hold 2 GB of XML, which the 50 MB limit above does not see.
pub const LARGEST_INFLATED: u64 = 100_000_000;

/// The largest used range read: rows and columns (1-based, from A1). A province's workbook
/// has 1.650 rows and a few dozen columns; Vietnam has about 10.600 communes.
pub const MOST_ROWS: u32 = 100_000;
pub const MOST_COLUMNS: u32 = 1_000;

/// The most cells kept (what is not empty); with the limits above, memory stays in the
/// tens of megabytes whatever the file.
const MOST_CELLS: usize = 2_000_000;

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
            CellValue::Other(t) | CellValue::Date(t) => Some(t.trim().to_string()),
            CellValue::Error(e) => Some(e.trim().to_string()),
            CellValue::Empty | CellValue::Formula(_) => None,
        }
    }
}

fn whole_file(file: &Path, code: &'static str, args: Args) -> Diagnostics {
    let mut d = Diagnostic::new(Severity::Error, code, "", args);
    d.file = file.to_path_buf();
    Diagnostics(vec![d])
}

fn is_csv(file: &Path) -> bool {
    file.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"))
}

/// Reads a workbook from the disk; a problem with the file or its layout is a diagnostic at
/// its cell.
pub fn read(file: &Path) -> Result<Workbook, Diagnostics> {
    read_from(&crate::source::DISK, file)
}

/// [`read`] through `source`: the file's bytes are read once, within the size limit, and
/// the spreadsheet is parsed from them.
pub fn read_from(source: &dyn Source, file: &Path) -> Result<Workbook, Diagnostics> {
    let too_large = |size: u64| {
        whole_file(
            file,
            "workbook-too-large",
            args! {"mb" => size.div_ceil(1_000_000).to_string()},
        )
    };
    let size = source.size(file).unwrap_or(0);
    if size > LARGEST_WORKBOOK {
        return Err(too_large(size));
    }
    let bytes = source.read(file, LARGEST_WORKBOOK).map_err(|e| {
        whole_file(
            file,
            "workbook-file-unreadable",
            args! {"detail" => e.to_string()},
        )
    })?;
    if bytes.len() as u64 > LARGEST_WORKBOOK {
        return Err(too_large(bytes.len() as u64));
    }
    let grid = if is_csv(file) {
        read_csv(file, bytes)?
    } else {
        read_spreadsheet(file, &bytes)?
    };
    interpret(file, &grid)
}

fn read_csv(file: &Path, bytes: Vec<u8>) -> Result<Grid, Diagnostics> {
    let text =
        String::from_utf8(bytes).map_err(|_| whole_file(file, "csv-not-utf8", Vec::new()))?;
    // Counted before anything is parsed (a line break inside quotes counts too: an upper
    // bound of the rows).
    let lines = text.bytes().filter(|b| *b == b'\n').count();
    if lines > MOST_ROWS as usize {
        return Err(whole_file(
            file,
            "csv-too-many-lines",
            args! {
                "lines" => crate::locale::thousands(lines as i64),
                "most" => crate::locale::thousands(i64::from(MOST_ROWS)),
            },
        ));
    }
    let records = super::csv::parse(&text).map_err(|e| {
        Diagnostics(vec![
            Diagnostic::new(Severity::Error, e.code, "", Vec::new()).at_cell(
                file,
                Cell {
                    sheet: None,
                    row: e.row,
                    column: e.column,
                },
            ),
        ])
    })?;
    let mut collect = Collect::new();
    for (r, record) in records.into_iter().enumerate() {
        for (c, field) in record.into_iter().enumerate() {
            if !field.trim().is_empty() {
                let at = (
                    u32::try_from(r).unwrap_or(u32::MAX),
                    u32::try_from(c).unwrap_or(u32::MAX),
                );
                if !collect.add(at, CellValue::Text(field)) {
                    return collect.finish(file, None);
                }
            }
        }
    }
    collect.finish(file, None)
}

/// The cells of a sheet as they stream from the file, kept sparse (never a dense range: a
/// stray cell at XFD1048576 costs nothing), up to the first value beyond the limits, where
/// reading stops.
struct Collect {
    cells: BTreeMap<(u32, u32), CellValue>,
    /// The first value found beyond [`MOST_ROWS`], [`MOST_COLUMNS`] or [`MOST_CELLS`].
    beyond: Option<(u32, u32)>,
}

/// `text` in thousands the Vietnamese way.
fn n(x: u64) -> String {
    crate::locale::thousands(i64::try_from(x).unwrap_or(i64::MAX))
}

/// The error of a sheet larger than the limits: `place` says where it is too large (`kind`
/// `cell`: the cell with a value beyond them; `span`: the range the sheet declares).
fn too_large(file: &Path, mut place: Args) -> Diagnostics {
    place.extend(args! {
        "most_rows" => n(MOST_ROWS.into()),
        "most_columns" => n(MOST_COLUMNS.into()),
        "most_cells" => n(MOST_CELLS as u64),
    });
    whole_file(file, "sheet-too-large", place)
}

impl Collect {
    fn new() -> Collect {
        Collect {
            cells: BTreeMap::new(),
            beyond: None,
        }
    }

    /// Keeps a cell; false once a value lies beyond the limits (read no further).
    fn add(&mut self, (row, column): (u32, u32), value: CellValue) -> bool {
        if value == CellValue::Empty {
            return true;
        }
        if row >= MOST_ROWS || column >= MOST_COLUMNS || self.cells.len() >= MOST_CELLS {
            self.beyond = Some((row, column));
            self.cells.clear();
            return false;
        }
        self.cells.insert((row, column), value);
        true
    }

    fn finish(self, file: &Path, sheet: Option<String>) -> Result<Grid, Diagnostics> {
        if let Some((row, column)) = self.beyond {
            let at = Cell {
                sheet: sheet.clone(),
                row,
                column,
            };
            return Err(too_large(
                file,
                args! {"kind" => "cell", "cell" => at.to_string()},
            ));
        }
        Ok(Grid {
            sheet,
            cells: self.cells,
        })
    }
}

/// The range a sheet declares it uses (its `<dimension>`), refused before any cell is read
/// when larger than the limits.
fn check_dimension(file: &Path, sheet: &str, d: calamine::Dimensions) -> Result<(), Diagnostics> {
    let (rows, columns) = (d.end.0.saturating_add(1), d.end.1.saturating_add(1));
    if rows <= MOST_ROWS && columns <= MOST_COLUMNS {
        return Ok(());
    }
    let corner = |row: u32, column: u32| Cell {
        sheet: None,
        row,
        column,
    };
    Err(too_large(
        file,
        args! {
            "kind" => "span",
            "sheet" => sheet.replace('\'', "''"),
            "from" => corner(d.start.0, d.start.1).to_string(),
            "to" => corner(d.end.0, d.end.1).to_string(),
            "rows" => n(rows.into()),
            "columns" => n(columns.into()),
        },
    ))
}

/// A cell value as vanban reads it. A date is shown as a date (a count typed into a cell
/// formatted as a date is stored as a day number: 45292 is 01/01/2024).
fn value(data: calamine::DataRef<'_>) -> CellValue {
    use calamine::DataRef;
    match data {
        DataRef::Empty => CellValue::Empty,
        DataRef::Int(i) => CellValue::Number(i as f64),
        DataRef::Float(x) => CellValue::Number(x),
        DataRef::String(s) => CellValue::Text(s),
        DataRef::SharedString(s) => CellValue::Text(s.to_string()),
        DataRef::Bool(b) => CellValue::Other(if b { "TRUE" } else { "FALSE" }.into()),
        DataRef::DateTime(d) => match d.as_datetime() {
            Some(t) if !d.is_duration() => CellValue::Date(t.format("%d/%m/%Y").to_string()),
            _ => CellValue::Date(d.to_string()),
        },
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => CellValue::Date(s),
        DataRef::Error(e) => CellValue::Error(e.to_string()),
    }
}

/// Whether the zip directory of an .xlsx/.ods declares more than [`LARGEST_INFLATED`]
/// bytes; a file that is not a zip is left to the spreadsheet reader to refuse.
fn check_inflated(file: &Path, bytes: &[u8]) -> Result<(), Diagnostics> {
    let Ok(mut zip) = zip::ZipArchive::new(std::io::Cursor::new(bytes)) else {
        return Ok(());
    };
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        if let Ok(entry) = zip.by_index_raw(i) {
            total = total.saturating_add(entry.size());
        }
    }
    if total > LARGEST_INFLATED {
        return Err(whole_file(
            file,
            "workbook-too-large-unzipped",
            args! {
                "mb" => crate::locale::thousands(total.div_ceil(1_000_000) as i64),
                "most" => (LARGEST_INFLATED / 1_000_000).to_string(),
            },
        ));
    }
    Ok(())
}

fn read_spreadsheet(file: &Path, bytes: &[u8]) -> Result<Grid, Diagnostics> {
    use calamine::{Data, Reader, Sheets, open_workbook_auto_from_rs};
    let cannot = |e: &dyn std::fmt::Display| {
        whole_file(
            file,
            "workbook-unreadable",
            args! {"detail" => e.to_string()},
        )
    };
    check_inflated(file, bytes)?;
    let mut book =
        open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).map_err(|e| cannot(&e))?;
    let names = book.sheet_names();
    let Some(name) = names
        .iter()
        .find(|n| n.as_str() == SHEET_NAME)
        .or(names.first())
        .cloned()
    else {
        return Err(whole_file(file, "workbook-has-no-sheet", Vec::new()));
    };
    let mut collect = Collect::new();
    match &mut book {
        // Streamed cell by cell: memory follows the cells, not the range they span.
        Sheets::Xlsx(x) => {
            let mut cells = x.worksheet_cells_reader(&name).map_err(|e| cannot(&e))?;
            check_dimension(file, &name, cells.dimensions())?;
            while let Some(cell) = cells.next_cell_with_formula().map_err(|e| cannot(&e))? {
                let v = match (cell.value, cell.formula) {
                    // Saved by a program that does not calculate: the value is not there.
                    (calamine::DataRef::Empty, Some(f)) if !f.trim().is_empty() => {
                        CellValue::Formula(f)
                    }
                    (v, _) => value(v),
                };
                if !collect.add(cell.pos, v) {
                    break;
                }
            }
        }
        Sheets::Xlsb(x) => {
            let mut cells = x.worksheet_cells_reader(&name).map_err(|e| cannot(&e))?;
            check_dimension(file, &name, cells.dimensions())?;
            while let Some(cell) = cells.next_cell().map_err(|e| cannot(&e))? {
                let pos = cell.get_position();
                if !collect.add(pos, value(cell.get_value().clone())) {
                    break;
                }
            }
        }
        // .xls and .ods are read whole by calamine (its own limits apply: 65.536 × 256
        // cells for .xls; the zipped size above for .ods).
        _ => {
            let range = book.worksheet_range(&name).map_err(|e| cannot(&e))?;
            let (top, left) = range.start().unwrap_or((0, 0));
            for (r, c, data) in range.used_cells() {
                use calamine::DataRef;
                let v = value(match data {
                    Data::Empty => DataRef::Empty,
                    Data::Int(i) => DataRef::Int(*i),
                    Data::Float(x) => DataRef::Float(*x),
                    Data::String(s) => DataRef::String(s.clone()),
                    Data::Bool(b) => DataRef::Bool(*b),
                    Data::DateTime(d) => DataRef::DateTime(*d),
                    Data::DateTimeIso(s) => DataRef::DateTimeIso(s.clone()),
                    Data::DurationIso(s) => DataRef::DurationIso(s.clone()),
                    Data::Error(e) => DataRef::Error(e.clone()),
                });
                if !collect.add((top + r as u32, left + c as u32), v) {
                    break;
                }
            }
        }
    }
    collect.finish(file, Some(name))
}

/// A fact-sheet key as written in column A: `/` between folders, no `./`, NFC (a path typed
/// on one system and a file named on another compare as the same letters).
pub(super) fn normalise_key(key: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let key = key.trim().replace('\\', "/");
    let mut key = key.as_str();
    while let Some(rest) = key.strip_prefix("./") {
        key = rest;
    }
    key.nfc().collect()
}

fn interpret(file: &Path, grid: &Grid) -> Result<Workbook, Diagnostics> {
    let Some(key_row) =
        (0..KEY_ROW_WITHIN).find(|r| grid.text(*r, 0).is_some_and(|t| t == KEY_MARKER))
    else {
        return Err(whole_file(
            file,
            "no-key-row",
            args! {"marker" => KEY_MARKER},
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
                Diagnostic::new(
                    Severity::Error,
                    "not-a-figure-key",
                    "",
                    args! {"key" => &key},
                )
                .at_cell(file, at),
            );
            continue;
        };
        if let Some(first) = columns.iter().find(|col| col.figure == figure) {
            errors.push(
                Diagnostic::new(
                    Severity::Error,
                    "column-twice",
                    key.as_str(),
                    args! {
                        "key" => &key,
                        "first" => grid.cell(key_row, first.column).to_string(),
                        "second" => at.to_string(),
                    },
                )
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
    // Row by row over the cells there are (not over the rows the range spans), each key
    // looked up in a map: linear in the rows.
    let mut rows: Vec<Row> = Vec::new();
    let mut first_row: HashMap<String, u32> = HashMap::new();
    let mut keyless = Vec::new();
    let mut twice = Vec::new();
    let below = grid.cells.range((key_row + 1, 0)..);
    let mut row_numbers: Vec<u32> = below.map(|((r, _), _)| *r).collect();
    row_numbers.dedup();
    for r in row_numbers {
        let cells: Vec<CellValue> = columns
            .iter()
            .map(|col| grid.get(r, col.column).clone())
            .collect();
        let Some(key) = grid.text(r, 0).map(|k| normalise_key(&k)) else {
            if cells.iter().any(|c| *c != CellValue::Empty) {
                keyless.push(
                    Diagnostic::new(
                        Severity::Warning,
                        "row-without-sheet",
                        "",
                        args! {"row" => (r + 1).to_string()},
                    )
                    .at_cell(file, grid.cell(r, 0)),
                );
            }
            continue;
        };
        if let Some(first) = first_row.get(&key) {
            twice.push(
                Diagnostic::new(
                    Severity::Error,
                    "row-twice",
                    "",
                    args! {
                        "key" => &key,
                        "first" => grid.cell(*first, 0).to_string(),
                        "second" => grid.cell(r, 0).to_string(),
                    },
                )
                .at_cell(file, grid.cell(r, 0)),
            );
            continue;
        }
        first_row.insert(key.clone(), r);
        rows.push(Row { key, row: r, cells });
    }
    let warnings = super::grouped(keyless, |n| {
        Diagnostic::new(
            Severity::Warning,
            "more-rows-without-sheet",
            "",
            args! {"n" => n},
        )
        .at_cell(file, grid.cell(key_row, 0))
    });
    errors.extend(super::grouped(twice, |n| {
        Diagnostic::new(Severity::Error, "more-rows-twice", "", args! {"n" => n})
            .at_cell(file, grid.cell(key_row, 0))
    }));
    if !errors.is_empty() {
        return Err(Diagnostics(errors));
    }
    Ok(Workbook {
        file: file.to_path_buf(),
        sheet: grid.sheet.clone(),
        columns,
        rows,
        warnings: Diagnostics(warnings),
        by_name: Default::default(),
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
        assert_eq!(none.0[0].code, "no-key-row");
    }
}
