//! The commands of the `vanban` tool as library calls: each takes its options and a
//! [`Console`] to print on, and returns the exit status. The binary only parses arguments,
//! calls one of these and exits with what it returns.

pub mod check;
pub mod diff;
pub mod explain;
pub mod init;
pub mod render;
pub mod templates;
pub mod workbook;

use crate::diagnostic::{Diagnostic, Diagnostics, Grouper};
use crate::workbook::Workbook;
use std::path::Path;

/// Where a command prints: `out` is its result (file names, listings, text), `err` its
/// problems and summaries. The binary writes them to stdout and stderr; a test keeps them.
pub trait Console: Sync {
    fn out(&self, text: &str);
    fn err(&self, text: &str);
}

/// How a command ended; the binary's exit code is its number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Success = 0,
    /// Invalid input or failed output.
    Failed = 1,
    /// A usage error (an unknown template, a level that does not exist).
    Usage = 2,
}

impl Exit {
    /// [`Exit::Failed`] when `failed`, else success.
    pub fn failed_if(failed: bool) -> Exit {
        if failed { Exit::Failed } else { Exit::Success }
    }
}

/// How diagnostics are printed on stderr.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum MessageFormat {
    /// `file:line:col: error: field: message` with a `help:` line, and a summary per file
    Human,
    /// One JSON object per diagnostic per line:
    /// {"file","line","column","severity","field","message","help"}; nothing else
    Json,
}

/// Prints a run's diagnostics in one format; in human output a warning repeated across
/// sheets is printed a few times, then counted ([`Grouper`]).
pub struct Reporter<'a> {
    pub console: &'a dyn Console,
    pub format: MessageFormat,
    grouped: Grouper,
}

impl<'a> Reporter<'a> {
    pub fn new(console: &'a dyn Console, format: MessageFormat) -> Reporter<'a> {
        Reporter {
            console,
            format,
            grouped: Grouper::new(),
        }
    }

    /// Prints diagnostics (JSON gets every one).
    pub fn report(&self, d: &Diagnostics) {
        if d.0.is_empty() {
            return;
        }
        match self.format {
            MessageFormat::Human => self.console.err(&self.grouped.filter(d).to_string()),
            MessageFormat::Json => self.console.err(&d.to_json_lines()),
        }
    }

    /// The warnings left unprinted by [`Self::report`], one line per kind.
    pub fn report_grouped(&self) {
        if self.format == MessageFormat::Human {
            for line in self.grouped.summary() {
                self.console.err(&format!("{line}\n"));
            }
        }
    }

    /// A per-file summary line: human text only; JSON output carries diagnostics alone.
    pub fn summary(&self, text: &str) {
        if self.format == MessageFormat::Human {
            self.console.err(&format!("{text}\n"));
        }
    }

    /// An error that ended the command (an unreadable templates folder, a failed write).
    pub fn fatal(&self, e: &anyhow::Error) {
        match self.format {
            MessageFormat::Human => self.console.err(&format!("error: {e:#}\n")),
            MessageFormat::Json => self.report(&failure(Path::new(""), format!("{e:#}"))),
        }
    }

    /// A usage error, in words (always human: it is about the command, not a sheet).
    pub fn usage(&self, message: &str) -> Exit {
        self.console.err(&format!("error: {message}\n"));
        Exit::Usage
    }

    /// The workbook of `--figures`, read once: `Some(None)` without one, `None` after
    /// printing why it cannot be used.
    pub fn read_workbook(&self, file: Option<&Path>) -> Option<Option<Workbook>> {
        let Some(file) = file else {
            return Some(None);
        };
        match crate::workbook::read(file) {
            Ok(workbook) => {
                self.report(&workbook.warnings);
                Some(Some(workbook))
            }
            Err(d) => {
                self.report(&d);
                self.summary(&format!(
                    "{}: not used: {} error(s)",
                    file.display(),
                    d.error_count()
                ));
                None
            }
        }
    }
}

/// An error that is not about one place of a fact sheet, as one diagnostic of `file`.
fn failure(file: &Path, message: String) -> Diagnostics {
    let mut d = Diagnostic::error("", message);
    d.file = file.to_path_buf();
    Diagnostics(vec![d])
}

/// A console that keeps what is printed (tests, an editor showing a command's output).
#[derive(Default)]
pub struct Captured {
    pub out: std::sync::Mutex<String>,
    pub err: std::sync::Mutex<String>,
}

impl Console for Captured {
    fn out(&self, text: &str) {
        if let Ok(mut s) = self.out.lock() {
            s.push_str(text);
        }
    }
    fn err(&self, text: &str) {
        if let Ok(mut s) = self.err.lock() {
            s.push_str(text);
        }
    }
}
