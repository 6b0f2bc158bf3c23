//! The `vanban` command line: parses arguments, calls the library, prints, sets the exit code
//! (0 success, 1 invalid input or failed output, 2 usage error).

#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic
    )
)]

use clap::{Parser, Subcommand, ValueEnum};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use vanban::Format;
use vanban::app::{self, Console, MessageFormat as Messages, Reporter};

// The PDF writer allocates heavily (Typst's layout, krilla's export): mimalloc keeps a batch's
// threads from contending on the system allocator and its memory from fragmenting.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "vanban",
    version,
    about = "Turns YAML fact sheets into Vietnamese administrative documents (ND30 DOCX and PDF)"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Render every document of the fact sheets (files, or folders searched for *.yaml, *.yml)
    Render {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Output folder; each fact sheet gets a subfolder named after it
        #[arg(short, long, default_value = "output")]
        out: PathBuf,
        /// Formats to write, comma-separated
        #[arg(long, value_delimiter = ',', default_value = "docx,pdf")]
        format: Vec<FormatArg>,
        /// Folder of *.md.tera templates that override or extend the built-in ones
        #[arg(long)]
        templates: Option<PathBuf>,
        /// PDF standard: a-2b (PDF/A-2b, for archiving) or none
        #[arg(long, default_value = "a-2b")]
        pdf_standard: PdfStandardArg,
        /// How to print problems on stderr: human (default) or json (one object per line)
        #[arg(long, value_enum, default_value_t = MessageFormat::Human)]
        message_format: MessageFormat,
        /// Render every fact sheet, even those whose documents are up to date
        #[arg(long)]
        force: bool,
        /// A filled data-entry workbook (.xlsx or .csv, see `vanban workbook`): each fact
        /// sheet's figures are taken from its row
        #[arg(long, value_name = "FILE")]
        figures: Option<PathBuf>,
    },
    /// Check fact sheets; print every problem, exit 1 if there is an error
    Check {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[arg(long)]
        templates: Option<PathBuf>,
        /// A filled data-entry workbook (.xlsx or .csv): figures from each sheet's row
        #[arg(long, value_name = "FILE")]
        figures: Option<PathBuf>,
        /// How to print problems on stderr: human (default) or json (one object per line)
        #[arg(long, value_enum, default_value_t = MessageFormat::Human)]
        message_format: MessageFormat,
    },
    /// Where every number of each document comes from: the typed figure (file:line:col),
    /// the children summed, the workbook cell, the computation or the template's own text
    Explain {
        sheet: PathBuf,
        /// Only the document of this template
        #[arg(long, value_name = "NAME")]
        document: Option<String>,
        /// text (default) or json
        #[arg(long, value_enum, default_value_t = ExplainFormat::Text)]
        format: ExplainFormat,
        #[arg(long)]
        templates: Option<PathBuf>,
        /// The data-entry workbook the sheet is rendered with (.xlsx or .csv)
        #[arg(long, value_name = "FILE")]
        figures: Option<PathBuf>,
    },
    /// Show how the documents' text changes between two versions of a fact sheet
    Diff {
        old: PathBuf,
        new: PathBuf,
        #[arg(long)]
        templates: Option<PathBuf>,
    },
    /// Print a commented fact-sheet skeleton to start from
    Init {
        /// Level of the unit: xa, phuong, thi_tran, khu_dan_cu, huyen, tinh
        #[arg(long, alias = "level", default_value = "phuong")]
        kind: String,
        /// Print exactly what this template reads
        #[arg(long)]
        template: Option<String>,
        #[arg(long)]
        templates: Option<PathBuf>,
    },
    /// Write a data-entry workbook (.xlsx): a column per figure the template declares, a row
    /// per unit prefilled with its fact sheet's figures; fill it, then `render --figures`
    Workbook {
        /// The template whose figures are the columns (`vanban templates` lists them)
        template: String,
        /// Fact sheets to give a row each: folders (searched recursively) or files
        #[arg(long, num_args = 1..)]
        units: Vec<PathBuf>,
        /// The workbook to write [default: so-lieu-TEMPLATE.xlsx]
        #[arg(short, long)]
        out: Option<PathBuf>,
        #[arg(long)]
        templates: Option<PathBuf>,
    },
    /// List the templates and the facts each one uses; with NAME, that template alone and
    /// the blocks a fact sheet's `sections:` can anchor to
    Templates {
        /// One template to show (its declarations and its blocks)
        name: Option<String>,
        #[arg(long)]
        templates: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    Docx,
    Pdf,
    Txt,
}

/// How diagnostics are printed on stderr.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum MessageFormat {
    /// `file:line:col: error: field: message` with a `help:` line, and a summary per file
    Human,
    /// One JSON object per diagnostic per line:
    /// {"file","line","column","severity","field","message","help"}; nothing else
    Json,
}

/// How `explain` prints.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ExplainFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum PdfStandardArg {
    #[value(name = "a-2b")]
    A2b,
    None,
}

/// Prints on stdout and stderr. A closed pipe (`vanban templates | head`) is not an error
/// worth a panic or a lost render: what is printed is informational, so write failures are
/// ignored.
struct Stdio;

impl Console for Stdio {
    fn out(&self, text: &str) {
        let _ = std::io::stdout().lock().write_all(text.as_bytes());
    }
    fn err(&self, text: &str) {
        let _ = std::io::stderr().lock().write_all(text.as_bytes());
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let format = match &cli.command {
        Command::Render { message_format, .. } | Command::Check { message_format, .. } => {
            match message_format {
                MessageFormat::Human => Messages::Human,
                MessageFormat::Json => Messages::Json,
            }
        }
        _ => Messages::Human,
    };
    let reporter = Reporter::new(&Stdio, format);
    match run(cli.command, &reporter) {
        Ok(exit) => ExitCode::from(exit as u8),
        Err(e) => {
            reporter.fatal(&e);
            ExitCode::from(1)
        }
    }
}

/// One library call per command.
fn run(command: Command, r: &Reporter) -> anyhow::Result<app::Exit> {
    match command {
        Command::Render {
            paths,
            out,
            format,
            templates,
            pdf_standard,
            message_format: _,
            force,
            figures,
        } => {
            let formats = format
                .iter()
                .map(|f| match f {
                    FormatArg::Docx => Format::Docx,
                    FormatArg::Pdf => Format::Pdf,
                    FormatArg::Txt => Format::Txt,
                })
                .collect();
            let options = app::render::Options {
                paths,
                out,
                formats,
                templates,
                pdf_a: matches!(pdf_standard, PdfStandardArg::A2b),
                force,
                figures,
                progress: std::io::stderr().is_terminal(),
            };
            app::render::run(options, r)
        }
        Command::Check {
            paths,
            templates,
            figures,
            message_format: _,
        } => app::check::run(
            app::check::Options {
                paths,
                templates,
                figures,
            },
            r,
        ),
        Command::Explain {
            sheet,
            document,
            format,
            templates,
            figures,
        } => app::explain::run(
            app::explain::Options {
                sheet,
                document,
                json: format == ExplainFormat::Json,
                templates,
                figures,
            },
            r,
        ),
        Command::Diff {
            old,
            new,
            templates,
        } => app::diff::run(app::diff::Options { old, new, templates }, r),
        Command::Init {
            kind,
            template,
            templates,
        } => app::init::run(
            app::init::Options {
                kind,
                template,
                templates,
                year: app::init::this_year(),
            },
            r,
        ),
        Command::Workbook {
            template,
            units,
            out,
            templates,
        } => app::workbook::run(
            app::workbook::Options {
                template,
                units,
                out,
                templates,
            },
            r,
        ),
        Command::Templates { name, templates } => {
            app::templates::run(app::templates::Options { name, templates }, r)
        }
    }
}
