//! Diagnostics: what is wrong with a fact sheet, where, and how to fix it.
//!
//! Every problem the loader or the validator finds becomes one [`Diagnostic`] naming the file,
//! the line and column, the field path and a hint; they are collected, not thrown, so a clerk
//! sees every mistake in one run. A diagnostic is data: a stable `code` (one per kind of
//! problem, e.g. `not-a-whole-number`) with its arguments; its words come from the message
//! catalogue ([`crate::i18n`]) in the language the user reads, Vietnamese or English.
//! `message` and `help` hold the English text (for logs, tests and grouping); a diagnostic
//! made before codes existed has an empty code and only that text.

use crate::i18n::{self, Args, Lang};
use std::borrow::Cow;
use std::fmt;
use std::path::PathBuf;

/// A 1-based line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// How bad a diagnostic is: errors stop rendering, warnings are printed; a note is
/// information about what the documents leave out, with nothing wrong in the sheet in
/// front of the user (a clean tree gives no warnings, but may give notes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
    Note,
}

/// One problem in a fact sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// What kind of problem it is (`part-exceeds-whole`): the catalogue's message id, stable
    /// across versions for scripts and editors; empty for a diagnostic not yet given one.
    pub code: &'static str,
    /// The message's arguments, by name.
    pub args: Args,
    pub file: PathBuf,
    pub position: Option<Position>,
    /// The field path, e.g. `unit.sub_units[0].recognised`; empty for the whole file.
    pub path: String,
    pub message: String,
    /// How to fix it.
    pub help: Option<String>,
    /// A spreadsheet cell, for a problem in a data-entry workbook (`file` is then the
    /// workbook and `position` is `None`).
    pub cell: Option<Cell>,
    /// The field's name in the clerk's words (`Số hộ` for `unit.households`), when known.
    pub label: Option<String>,
}

/// A cell of a spreadsheet: its sheet (none for a CSV file) and 0-based row and column.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Cell {
    pub sheet: Option<String>,
    pub row: u32,
    pub column: u32,
}

impl Cell {
    /// The column letters of a 0-based column: 0 → `A`, 25 → `Z`, 26 → `AA`.
    pub fn column_letters(column: u32) -> String {
        let mut n = u64::from(column) + 1;
        let mut letters = Vec::new();
        while n > 0 {
            let rem = ((n - 1) % 26) as u8;
            letters.push(char::from(b'A' + rem));
            n = (n - 1) / 26;
        }
        letters.iter().rev().collect()
    }
}

impl fmt::Display for Cell {
    /// As Excel writes a reference: `C12`, `Data!C12`, `'Số liệu'!C12` (a sheet name with
    /// anything but ASCII letters, digits and `_`, or starting with a digit, is quoted, with a
    /// quote inside doubled).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(sheet) = &self.sheet {
            let plain = !sheet.is_empty()
                && !sheet.starts_with(|c: char| c.is_ascii_digit())
                && sheet.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
            if plain {
                write!(f, "{sheet}!")?;
            } else {
                write!(f, "'{}'!", sheet.replace('\'', "''"))?;
            }
        }
        write!(f, "{}{}", Cell::column_letters(self.column), self.row + 1)
    }
}

impl Diagnostic {
    /// A diagnostic of kind `code` about the field `path` (empty for the whole file): its
    /// message is the catalogue's `code`, its help the message's `.help` attribute.
    pub fn new(
        severity: Severity,
        code: &'static str,
        path: impl Into<String>,
        args: Args,
    ) -> Self {
        debug_assert!(
            i18n::has(Lang::En, code) && i18n::has(Lang::Vi, code),
            "the message catalogue has no `{code}` in both languages"
        );
        let message = i18n::format(Lang::En, code, None, &args).unwrap_or_else(|| code.into());
        let help = i18n::format(Lang::En, code, Some("help"), &args);
        Diagnostic {
            severity,
            code,
            args,
            file: PathBuf::new(),
            position: None,
            path: path.into(),
            message,
            help,
            cell: None,
            label: None,
        }
    }

    /// A diagnostic with words and no code: only tests make these (for code that handles
    /// diagnostics whatever they say); the program's own always have a code, which the
    /// compiler enforces by this being test-only.
    #[cfg(test)]
    pub fn error(path: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code: "",
            args: Vec::new(),
            file: PathBuf::new(),
            position: None,
            path: path.into(),
            message: message.into(),
            help: None,
            cell: None,
            label: None,
        }
    }

    #[cfg(test)]
    pub fn warning(path: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(path, message)
        }
    }

    #[cfg(test)]
    pub fn note(path: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Note,
            ..Diagnostic::error(path, message)
        }
    }

    #[cfg(test)]
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Places the diagnostic at a cell of a workbook file.
    pub fn at_cell(mut self, file: &std::path::Path, cell: Cell) -> Self {
        self.file = file.to_path_buf();
        self.position = None;
        self.cell = Some(cell);
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> Cow<'_, str> {
        if !self.code.is_empty()
            && let Some(text) = i18n::format(lang, self.code, None, &self.args)
        {
            return Cow::Owned(text);
        }
        Cow::Borrowed(&self.message)
    }

    /// How to fix it, in `lang`.
    pub fn help_text(&self, lang: Lang) -> Option<Cow<'_, str>> {
        if !self.code.is_empty()
            && let Some(text) = i18n::format(lang, self.code, Some("help"), &self.args)
        {
            return Some(Cow::Owned(text));
        }
        self.help.as_deref().map(Cow::Borrowed)
    }

    /// The field as printed: its path, and in Vietnamese its label (`unit.households (Số
    /// hộ)`); empty for the whole file.
    fn field(&self, lang: Lang) -> String {
        match (&self.label, lang) {
            (Some(label), Lang::Vi) if !self.path.is_empty() => {
                format!("{} ({label})", self.path)
            }
            _ => self.path.clone(),
        }
    }

    /// The diagnostic as printed for a person, in `lang`: `file:line:col: error: field:
    /// message` and an indented help line.
    pub fn render(&self, lang: Lang) -> String {
        let mut s = self.file.display().to_string();
        if let Some(cell) = &self.cell {
            s.push_str(&format!(":{cell}"));
        } else if let Some(pos) = self.position {
            s.push_str(&format!(":{}:{}", pos.line, pos.column));
        }
        s.push_str(&format!(": {}: ", self.severity.word(lang)));
        if !self.path.is_empty() {
            s.push_str(&format!("{}: ", self.field(lang)));
        }
        s.push_str(&self.text(lang));
        if let Some(help) = self.help_text(lang) {
            s.push_str(&format!("\n  {}: {help}", i18n::text(lang, "help-label")));
        }
        s
    }

    /// [`Self::to_json_line_in`] in English.
    pub fn to_json_line(&self) -> String {
        self.to_json_line_in(Lang::En)
    }

    /// The diagnostic as one line of JSON (no trailing newline), for editors and scripts
    /// (`--message-format json`): `{"file","line","column","severity","code","field",
    /// "message","help"}`; `line`, `column` and `help` are `null` when unknown, `field` is `""`
    /// for the whole file; `message` and `help` are in `lang`, `severity` and `code` never
    /// change with it. A problem in a workbook cell adds `"cell"` after `column`
    /// (`"'Số liệu'!C3"`, as in Excel; `line` and `column` are then `null`); other diagnostics
    /// have no `cell`.
    pub fn to_json_line_in(&self, lang: Lang) -> String {
        use serde_json::Value;
        // Written field by field to keep this order (a serde_json map would sort the keys).
        let mut fields: Vec<(&str, Value)> = vec![
            ("file", self.file.display().to_string().into()),
            ("line", self.position.map(|p| p.line).into()),
            ("column", self.position.map(|p| p.column).into()),
        ];
        if let Some(cell) = &self.cell {
            fields.push(("cell", cell.to_string().into()));
        }
        fields.extend([
            ("severity", self.severity.name().into()),
            ("code", self.code.into()),
            ("field", self.path.clone().into()),
            ("message", self.text(lang).into_owned().into()),
            ("help", self.help_text(lang).map(Cow::into_owned).into()),
        ]);
        let body: Vec<String> = fields
            .iter()
            .map(|(key, value)| format!("\"{key}\":{value}"))
            .collect();
        format!("{{{}}}", body.join(","))
    }
}

impl Severity {
    /// `error` or `warning`, as printed.
    pub fn name(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }

    /// The severity as printed for a person in `lang` (`lỗi`, `cảnh báo`, `ghi chú`).
    pub fn word(self, lang: Lang) -> String {
        i18n::text(lang, &format!("severity-{}", self.name()))
    }
}

/// In English (logs, tests); a person is shown [`Diagnostic::render`] in their language.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

/// Diagnostics of one or more files; an error stops rendering.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    /// An error that is not about one place of a fact sheet (a command that could not run, a
    /// write that failed), as one diagnostic of `file` with the error's own words.
    pub fn failure(file: &std::path::Path, detail: String) -> Diagnostics {
        let mut d = Diagnostic::new(
            Severity::Error,
            "command-failed",
            "",
            vec![("detail", i18n::Arg::from(detail))],
        );
        d.file = file.to_path_buf();
        Diagnostics(vec![d])
    }

    pub fn has_errors(&self) -> bool {
        self.0.iter().any(Diagnostic::is_error)
    }

    pub fn error_count(&self) -> usize {
        self.0.iter().filter(|d| d.is_error()).count()
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in &self.0 {
            writeln!(f, "{d}")?;
        }
        Ok(())
    }
}

impl Diagnostics {
    /// Every diagnostic as one JSON line (see [`Diagnostic::to_json_line_in`]), each ending
    /// in a newline, with messages in `lang`.
    pub fn to_json_lines_in(&self, lang: Lang) -> String {
        self.0
            .iter()
            .map(|d| d.to_json_line_in(lang) + "\n")
            .collect()
    }

    /// Every diagnostic as printed for a person in `lang`, each ending in a newline.
    pub fn render(&self, lang: Lang) -> String {
        self.0.iter().map(|d| d.render(lang) + "\n").collect()
    }
}

impl std::error::Error for Diagnostics {}

/// Repeated warnings and notes of a run, grouped: the same warning about the same field (a
/// section left out in 150 communes) is printed [`Grouper::SHOWN`] times, the rest counted
/// and summed up at the end ("and 40 more like this"). Errors are always printed.
#[derive(Default)]
pub struct Grouper {
    seen: std::sync::Mutex<Vec<(Diagnostic, usize)>>,
}

/// Whether two diagnostics are "like" each other: same severity, field and message (the
/// file and line differ).
fn alike(a: &Diagnostic, b: &Diagnostic) -> bool {
    a.severity == b.severity && a.path == b.path && a.code == b.code && a.message == b.message
}

impl Grouper {
    /// How many of one kind are printed in full.
    pub const SHOWN: usize = 3;

    pub const fn new() -> Grouper {
        Grouper {
            seen: std::sync::Mutex::new(Vec::new()),
        }
    }

    /// The diagnostics to print now: every error, and each warning or note until its kind
    /// has been printed [`Self::SHOWN`] times.
    pub fn filter(&self, d: &Diagnostics) -> Diagnostics {
        let mut seen = self.seen.lock().unwrap_or_else(|e| e.into_inner());
        let kept =
            d.0.iter()
                .filter(|d| {
                    if d.is_error() {
                        return true;
                    }
                    match seen.iter_mut().find(|(k, _)| alike(k, d)) {
                        Some((_, n)) => {
                            *n += 1;
                            *n <= Self::SHOWN
                        }
                        None => {
                            seen.push(((*d).clone(), 1));
                            true
                        }
                    }
                })
                .cloned()
                .collect();
        Diagnostics(kept)
    }

    /// One line per kind printed more than [`Self::SHOWN`] times, in first-seen order, in
    /// `lang`: `warning: and 40 more like this: narrative.strengths: no figures for …`.
    pub fn summary(&self, lang: Lang) -> Vec<String> {
        let seen = self.seen.lock().unwrap_or_else(|e| e.into_inner());
        seen.iter()
            .filter(|(_, n)| *n > Self::SHOWN)
            .map(|(d, n)| {
                let field = if d.path.is_empty() {
                    String::new()
                } else {
                    format!("{}: ", d.field(lang))
                };
                let more = i18n::text_with(
                    lang,
                    "more-like-this",
                    &[("n", i18n::Arg::from(n - Self::SHOWN))],
                );
                format!("{}: {more}: {field}{}", d.severity.word(lang), d.text(lang))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_line_has_every_field_and_nulls_for_the_unknown() {
        let mut d = Diagnostic::error("unit.area_ha", "an area of -5 ha is \"not\" possible")
            .with_help("write a number above 0");
        d.file = PathBuf::from("data/x.yaml");
        d.position = Some(Position {
            line: 12,
            column: 12,
        });
        let v: serde_json::Value = serde_json::from_str(&d.to_json_line()).expect("valid JSON");
        assert_eq!(v["file"], "data/x.yaml");
        assert_eq!(v["line"], 12);
        assert_eq!(v["column"], 12);
        assert_eq!(v["severity"], "error");
        assert_eq!(v["field"], "unit.area_ha");
        assert_eq!(v["message"], "an area of -5 ha is \"not\" possible");
        assert_eq!(v["help"], "write a number above 0");
        assert!(!d.to_json_line().contains('\n'));

        let w = Diagnostic::warning("", "multi\nline");
        let v: serde_json::Value = serde_json::from_str(&w.to_json_line()).expect("valid JSON");
        assert!(v["line"].is_null() && v["column"].is_null() && v["help"].is_null());
        assert_eq!(v["severity"], "warning");
        assert!(!w.to_json_line().contains('\n'));
        assert!(v.get("cell").is_none(), "no cell key outside workbooks");
    }

    #[test]
    fn repeated_warnings_are_grouped_errors_never() {
        let at = |file: &str, d: Diagnostic| {
            let mut d = d;
            d.file = PathBuf::from(file);
            d
        };
        let g = Grouper::default();
        let mut printed = 0;
        for i in 0..10 {
            let file = format!("x{i}.yaml");
            let d = Diagnostics(vec![
                at(
                    &file,
                    Diagnostic::warning("narrative.strengths", "section left out"),
                ),
                at(&file, Diagnostic::error("unit.name", "missing")),
                at(&file, Diagnostic::note("children", format!("note {i}"))),
            ]);
            let kept = g.filter(&d);
            printed += kept
                .0
                .iter()
                .filter(|d| d.path == "narrative.strengths")
                .count();
            assert!(
                kept.0.iter().any(|d| d.is_error()),
                "every error is printed"
            );
            assert!(
                kept.0.iter().any(|d| d.path == "children"),
                "distinct notes"
            );
        }
        assert_eq!(printed, Grouper::SHOWN);
        assert_eq!(
            g.summary(Lang::En),
            ["warning: and 7 more like this: narrative.strengths: section left out"]
        );
    }

    #[test]
    fn cell_addresses_as_excel_writes_them() {
        let at = |sheet: Option<&str>, row, column| {
            Cell {
                sheet: sheet.map(str::to_string),
                row,
                column,
            }
            .to_string()
        };
        assert_eq!(at(None, 0, 0), "A1");
        assert_eq!(at(None, 11, 2), "C12");
        assert_eq!(at(Some("Data"), 2, 25), "Data!Z3");
        assert_eq!(at(Some("Số liệu"), 2, 26), "'Số liệu'!AA3");
        assert_eq!(at(Some("Sheet1"), 0, 701), "Sheet1!ZZ1");
        assert_eq!(at(Some("1a"), 0, 702), "'1a'!AAA1");
        assert_eq!(at(Some("it's"), 0, 0), "'it''s'!A1");
        assert_eq!(Cell::column_letters(16_383), "XFD", "Excel's last column");

        let d = Diagnostic::error("data.patrols", "\"nhiều\" is not a count")
            .with_help("write a whole number")
            .at_cell(
                std::path::Path::new("so-lieu.xlsx"),
                Cell {
                    sheet: Some("Số liệu".into()),
                    row: 2,
                    column: 2,
                },
            );
        assert_eq!(
            d.to_string(),
            "so-lieu.xlsx:'Số liệu'!C3: error: data.patrols: \"nhiều\" is not a count\n  help: write a whole number"
        );
        let v: serde_json::Value = serde_json::from_str(&d.to_json_line()).expect("valid JSON");
        assert_eq!(v["cell"], "'Số liệu'!C3");
        assert!(v["line"].is_null());
        assert!(
            d.to_json_line()
                .starts_with("{\"file\":\"so-lieu.xlsx\",\"line\":null,\"column\":null,\"cell\":")
        );
    }
}
