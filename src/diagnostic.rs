//! Diagnostics: what is wrong with a fact sheet, where, and how to fix it.
//!
//! Every problem the loader or the validator finds becomes one [`Diagnostic`] naming the file,
//! the line and column, the field path and a hint; they are collected, not thrown, so a clerk
//! sees every mistake in one run. Messages are in English throughout (the YAML parser's own
//! messages are English, and one language is easier to search for).

use crate::factsheet::paths::Position;
use std::fmt;
use std::path::PathBuf;

/// How bad a diagnostic is: errors stop rendering, warnings are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// One problem in a fact sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub file: PathBuf,
    pub position: Option<Position>,
    /// The field path, e.g. `unit.sub_units[0].recognised`; empty for the whole file.
    pub path: String,
    pub message: String,
    /// How to fix it.
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn error(path: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: PathBuf::new(),
            position: None,
            path: path.into(),
            message: message.into(),
            help: None,
        }
    }

    pub fn warning(path: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(path, message)
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The diagnostic as one line of JSON (no trailing newline), for editors and scripts
    /// (`--message-format json`): `{"file","line","column","severity","field","message",
    /// "help"}`; `line`, `column` and `help` are `null` when unknown, `field` is `""` for the
    /// whole file.
    pub fn to_json_line(&self) -> String {
        use serde_json::Value;
        // Written field by field to keep this order (a serde_json map would sort the keys).
        let fields: [(&str, Value); 7] = [
            ("file", self.file.display().to_string().into()),
            ("line", self.position.map(|p| p.line).into()),
            ("column", self.position.map(|p| p.column).into()),
            ("severity", self.severity.name().into()),
            ("field", self.path.clone().into()),
            ("message", self.message.clone().into()),
            ("help", self.help.clone().into()),
        ];
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
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(pos) = self.position {
            write!(f, ":{}:{}", pos.line, pos.column)?;
        }
        write!(f, ": {}: ", self.severity.name())?;
        if !self.path.is_empty() {
            write!(f, "{}: ", self.path)?;
        }
        write!(f, "{}", self.message)?;
        if let Some(help) = &self.help {
            write!(f, "\n  help: {help}")?;
        }
        Ok(())
    }
}

/// Diagnostics of one or more files; an error stops rendering.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
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
    /// Every diagnostic as one JSON line (see [`Diagnostic::to_json_line`]), each ending in
    /// a newline.
    pub fn to_json_lines(&self) -> String {
        self.0.iter().map(|d| d.to_json_line() + "\n").collect()
    }
}

impl std::error::Error for Diagnostics {}

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
    }
}
