//! The commands of the `vanban` tool as library calls: each takes its options and a
//! [`Console`] to print on, and returns the exit status. The binary only parses arguments,
//! calls one of these and exits with what it returns.

pub mod check;
pub mod cli;
pub mod diff;
pub mod explain;
pub mod init;
pub mod render;
pub mod serve;
pub mod templates;
pub mod workbook;

use crate::diagnostic::{Diagnostics, Grouper};
use crate::i18n::Lang;
use crate::workbook::Workbook;
use std::path::Path;

/// Where a command prints: `out` is its result (file names, listings, text), `err` its
/// problems and summaries. The binary writes them to stdout and stderr; a test keeps them.
pub trait Console: Sync {
    fn out(&self, text: &str);
    fn err(&self, text: &str);
    /// The sheet given as `-`: standard input for the binary (at most one byte more than
    /// a fact sheet may have, so that a larger one is refused without being held whole).
    fn input(&self) -> std::io::Result<Vec<u8>>;
    /// `done` of `total` fact sheets of a batch are through (written, skipped or refused):
    /// for a console that shows progress (the editor's); the terminal has its own bar.
    fn progress(&self, _done: usize, _total: usize) {}
}

/// What a sheet read from standard input (`-`) is called in messages; its documents go to
/// `<out>/stdin/`.
pub const STDIN: &str = "stdin.yaml";

/// Whether a path argument is `-`, standard input.
pub fn is_stdin(path: &Path) -> bool {
    path == Path::new("-")
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
    /// The language of messages (JSON keeps its keys, `severity` and `code`).
    pub lang: Lang,
    grouped: Grouper,
}

impl<'a> Reporter<'a> {
    pub fn new(console: &'a dyn Console, format: MessageFormat, lang: Lang) -> Reporter<'a> {
        Reporter {
            console,
            format,
            lang,
            grouped: Grouper::new(),
        }
    }

    /// A word or sentence of the interface in the user's language.
    pub fn t<'s>(&self, id: &str, args: impl AsRef<[(&'s str, crate::i18n::Arg)]>) -> String {
        crate::i18n::text_with(self.lang, id, args.as_ref())
    }

    /// Prints diagnostics (JSON gets every one).
    pub fn report(&self, d: &Diagnostics) {
        if d.0.is_empty() {
            return;
        }
        match self.format {
            MessageFormat::Human => self.console.err(&self.grouped.filter(d).render(self.lang)),
            MessageFormat::Json => self.console.err(&d.to_json_lines_in(self.lang)),
        }
    }

    /// The warnings left unprinted by [`Self::report`], one line per kind.
    pub fn report_grouped(&self) {
        if self.format == MessageFormat::Human {
            for line in self.grouped.summary(self.lang) {
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
            MessageFormat::Human => {
                let detail = format!("{e:#}");
                let line = self.t("app-fatal", crate::i18n::args! {"detail" => detail});
                self.console.err(&format!("{line}\n"));
            }
            MessageFormat::Json => {
                self.report(&Diagnostics::failure(Path::new(""), format!("{e:#}")))
            }
        }
    }

    /// A usage error, in words (always human: it is about the command, not a sheet).
    pub fn usage(&self, message: &str) -> Exit {
        let line = self.t("app-usage", crate::i18n::args! {"message" => message});
        self.console.err(&format!("{line}\n"));
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
                self.summary(&self.t(
                    "app-not-used",
                    crate::i18n::args! {"file" => file.display().to_string(), "n" => d.error_count()},
                ));
                None
            }
        }
    }
}

/// A console that keeps what is printed (tests, an editor showing a command's output).
#[derive(Default)]
pub struct Captured {
    /// What `-` reads.
    pub input: Vec<u8>,
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
    fn input(&self) -> std::io::Result<Vec<u8>> {
        Ok(self.input.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::produce::Format;
    use crate::produce::RenderOptions;
    use crate::template::Templates;
    use std::path::PathBuf;

    const EXAMPLE: &str = include_str!("../../data/phuong-ba-dinh-2024.yaml");

    /// A name no file has: were the sheet read from disk, the check would fail.
    fn nowhere() -> PathBuf {
        PathBuf::from("/nonexistent-vanban-buffer/buffer.yaml")
    }

    #[test]
    fn a_sheet_in_memory_is_checked_and_rendered_without_a_file() {
        assert!(!nowhere().exists());
        let templates = Templates::load(None).expect("built-in templates");
        let checked = crate::check::check_bytes(
            &nowhere(),
            EXAMPLE.as_bytes().to_vec(),
            &templates,
            &crate::CheckOptions::default(),
        )
        .expect("the example checks clean");
        assert_eq!(checked.loaded.file, nowhere());
        let options = RenderOptions {
            out_dir: PathBuf::from("out"),
            formats: vec![Format::Docx, Format::Txt],
            pdf: crate::writer::pdf::PdfOptions { pdf_a: true },
        };
        let files =
            crate::produce::produce(&checked, &templates, &options, None).expect("documents");
        let txt = files
            .iter()
            .find(|(p, _)| p.extension().is_some_and(|e| e == "txt"))
            .expect("a text document");
        assert_eq!(txt.0.parent(), Some(std::path::Path::new("out/buffer")));
        let text = String::from_utf8(txt.1.clone()).expect("utf-8");
        assert!(text.contains("Ba Đình"), "{text}");
        let docx = files
            .iter()
            .find(|(p, _)| p.extension().is_some_and(|e| e == "docx"))
            .expect("a DOCX document");
        assert!(docx.1.starts_with(b"PK"), "a DOCX is a zip");
    }

    #[test]
    fn a_mistake_in_memory_is_reported_at_the_buffers_name_and_line() {
        let templates = Templates::load(None).expect("built-in templates");
        let broken = EXAMPLE.replacen("schema:", "schemaa:", 1);
        let d = crate::check::check_bytes(
            &nowhere(),
            broken.into_bytes(),
            &templates,
            &crate::CheckOptions::default(),
        )
        .expect_err("an unknown key");
        let text = d.to_string();
        assert!(
            text.contains("/nonexistent-vanban-buffer/buffer.yaml:4:1: error"),
            "{text}"
        );
    }

    #[test]
    fn check_dash_reads_the_consoles_input() {
        let console = Captured {
            input: EXAMPLE.as_bytes().to_vec(),
            ..Captured::default()
        };
        let r = Reporter::new(&console, MessageFormat::Human, Lang::En);
        let options = check::Options {
            paths: vec![PathBuf::from("-")],
            templates: None,
            figures: None,
            message_format: MessageFormat::Human,
        };
        assert_eq!(check::run(options, &r).expect("runs"), Exit::Success);
        let err = console.err.lock().expect("lock").clone();
        assert_eq!(err, format!("{STDIN}: ok\n"));
    }
}
