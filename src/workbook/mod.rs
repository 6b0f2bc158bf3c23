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

pub mod columns;
pub mod csv;
pub mod fill;
pub mod key;
pub mod number;
pub mod read;
pub mod units;
pub mod write;

use crate::diagnostic::{Cell, Diagnostic, Diagnostics, Severity};
use crate::i18n::args;
use number::CellValue;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Component, Path, PathBuf};
use unicode_normalization::UnicodeNormalization;

pub use fill::{Applied, Figures};
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
    /// As written in the key row.
    pub key: String,
    pub figure: key::FigureKey,
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
    /// Row indices by the file name of their key (NFC), built on first use: finding a
    /// sheet's row costs one look-up, not a pass over the rows.
    pub(crate) by_name: std::sync::OnceLock<HashMap<String, Vec<usize>>>,
}

/// At most this many diagnostics of one kind are listed; the rest are counted in one more.
const LISTED: usize = 5;

/// `all` with the ones after the first [`LISTED`] replaced by one diagnostic `more(n)`
/// counting them: a million rows give six lines, not a million.
pub(crate) fn grouped(
    mut all: Vec<Diagnostic>,
    more: impl Fn(usize) -> Diagnostic,
) -> Vec<Diagnostic> {
    if all.len() > LISTED + 1 {
        let n = all.len() - LISTED;
        all.truncate(LISTED);
        all.push(more(n));
    }
    all
}

/// The path's plain parts (`a/./b.yaml` → `a`, `b.yaml`), NFC.
fn parts(path: &Path) -> Vec<String> {
    path.components()
        .filter_map(|c| match c {
            Component::Normal(s) => Some(s.to_string_lossy().nfc().collect()),
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
        let name = sheet.last()?;
        let by_name = self.by_name.get_or_init(|| {
            let mut map: HashMap<String, Vec<usize>> = HashMap::new();
            for (i, row) in self.rows.iter().enumerate() {
                let name: String = row.key.rsplit('/').next().unwrap_or("").nfc().collect();
                map.entry(name).or_default().push(i);
            }
            map
        });
        // The file name first: one or two rows of a province's 1.650 to compare whole.
        by_name
            .get(name)?
            .iter()
            .filter_map(|&i| {
                let row = self.rows.get(i)?;
                let key: Vec<String> = row
                    .key
                    .split('/')
                    .filter(|p| !p.is_empty() && *p != ".")
                    .map(|p| p.nfc().collect())
                    .collect();
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
    pub fn figures_for(&self, sheet: &Path) -> Result<Figures<'_>, Box<Diagnostic>> {
        match self.row_for(sheet) {
            Some(i) => self
                .rows
                .get(i)
                .map(|row| Figures {
                    workbook: self,
                    row,
                    index: i,
                })
                .ok_or_else(|| no_row(self, sheet)),
            None => Err(no_row(self, sheet)),
        }
    }

    /// The cell of a row and column.
    pub(crate) fn cell(&self, row: u32, column: u32) -> Cell {
        Cell {
            sheet: self.sheet.clone(),
            row,
            column,
        }
    }

    /// Warnings for the rows that match none of `sheets` (the fact sheets of a run).
    pub fn rows_without_sheet<'p>(
        &self,
        sheets: impl IntoIterator<Item = &'p Path>,
    ) -> Diagnostics {
        let used: BTreeSet<usize> = sheets.into_iter().filter_map(|s| self.row_for(s)).collect();
        self.unused_rows(&used)
    }

    /// Warnings for the rows no fact sheet given used (`used` holds row indices).
    pub fn unused_rows(&self, used: &BTreeSet<usize>) -> Diagnostics {
        let unused: Vec<Diagnostic> = self
            .rows
            .iter()
            .enumerate()
            .filter(|(i, _)| !used.contains(i))
            .map(|(_, row)| {
                Diagnostic::new(
                    Severity::Warning,
                    "row-matches-no-sheet",
                    "",
                    args! {"key" => &row.key},
                )
                .at_cell(&self.file, self.cell(row.row, 0))
            })
            .collect();
        let first = self.rows.first().map_or(0, |r| r.row);
        Diagnostics(grouped(unused, |n| {
            Diagnostic::new(
                Severity::Warning,
                "more-rows-match-no-sheet",
                "",
                args! {"n" => n},
            )
            .at_cell(&self.file, self.cell(first, 0))
        }))
    }

    /// The label of a row in a manifest: `workbook:<file>:<key>`.
    pub fn label(&self, row: &Row) -> String {
        format!("workbook:{}:{}", self.file.display(), row.key)
    }
}

fn no_row(workbook: &Workbook, sheet: &Path) -> Box<Diagnostic> {
    let mut d = Diagnostic::new(
        Severity::Warning,
        "no-row-for-sheet",
        "",
        args! {"workbook" => workbook.file.display().to_string()},
    );
    d.file = sheet.to_path_buf();
    Box::new(d)
}

/// The digest of every row, by [`Workbook::label`] (see [`Workbook::row_digest`]). A batch
/// compares them to skip a unit whose row has not changed.
pub fn row_digests(workbook: &Workbook) -> BTreeMap<String, String> {
    workbook
        .rows
        .iter()
        .map(|row| (workbook.label(row), workbook.row_digest(row)))
        .collect()
}

impl Workbook {
    /// Hex SHA-256 of the row's key and its cells' normalised values (the number a cell reads
    /// as, so `3.537` typed as text or as a number is one value), column by column in key
    /// order.
    pub fn row_digest(&self, row: &Row) -> String {
        let mut order: Vec<(&str, usize)> = self
            .columns
            .iter()
            .enumerate()
            .map(|(i, c)| (c.key.as_str(), i))
            .collect();
        order.sort();
        let mut text = row.key.clone();
        for (key, i) in &order {
            let value = row
                .cells
                .get(*i)
                .map(number::normalised)
                .unwrap_or_default();
            // Unit and record separators cannot occur in a key or a trimmed cell.
            text.push_str(&format!("\u{1e}{key}\u{1f}{value}"));
        }
        crate::factsheet::load::sha256(text.as_bytes())
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A workbook of text cells: `keys` from column C, a row per (key, cells) from row 3.
    pub(crate) fn workbook(keys: &[&str], rows: &[(&str, &[&str])]) -> Workbook {
        let sheet = Some(SHEET_NAME.to_string());
        Workbook {
            file: PathBuf::from("w.xlsx"),
            sheet: sheet.clone(),
            columns: keys
                .iter()
                .enumerate()
                .map(|(i, k)| Column {
                    key: k.to_string(),
                    figure: key::FigureKey::parse(k).expect("a valid key"),
                    column: i as u32 + 2,
                    header: Cell {
                        sheet: sheet.clone(),
                        row: 1,
                        column: i as u32 + 2,
                    },
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
                        .map(|c| {
                            if c.is_empty() {
                                CellValue::Empty
                            } else {
                                CellValue::Text(c.to_string())
                            }
                        })
                        .collect(),
                })
                .collect(),
            warnings: Diagnostics::default(),
            by_name: Default::default(),
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
        assert_eq!(
            wb.row_for(Path::new("data/xb.yaml")),
            None,
            "whole names only"
        );
        let unused = wb.unused_rows(&BTreeSet::from([0, 1]));
        assert_eq!(unused.0.len(), 1);
        assert!(unused.0[0].to_string().starts_with(
            "w.xlsx:'Số liệu'!A5: warning: the row for `b.yaml` matches no fact sheet"
        ));
    }

    #[test]
    fn digests_follow_the_values_not_their_spelling() {
        let a = row_digests(&workbook(
            &["data.x", "data.y"],
            &[("a.yaml", &["3.537", ""]), ("b.yaml", &["1", "2"])],
        ));
        let b = row_digests(&workbook(
            &["data.y", "data.x"],
            &[("a.yaml", &["", "3 537"]), ("b.yaml", &["2", "1"])],
        ));
        assert_eq!(a, b, "column order and number spelling do not matter");
        assert_eq!(
            a.keys().collect::<Vec<_>>(),
            ["workbook:w.xlsx:a.yaml", "workbook:w.xlsx:b.yaml"]
        );
        let c = row_digests(&workbook(
            &["data.x", "data.y"],
            &[("a.yaml", &["3.538", ""]), ("b.yaml", &["1", "2"])],
        ));
        assert_ne!(
            a.get("workbook:w.xlsx:a.yaml"),
            c.get("workbook:w.xlsx:a.yaml")
        );
        assert_eq!(
            a.get("workbook:w.xlsx:b.yaml"),
            c.get("workbook:w.xlsx:b.yaml")
        );
    }
}
