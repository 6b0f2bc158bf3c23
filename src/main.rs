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

use clap::{Parser, Subcommand};
use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use vanban::app::{self, Console, MessageFormat, Reporter};

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

// Each command's arguments are its library call's options (`vanban::app`); the doc
// comments of the variants are the commands' `--help`.
#[derive(Subcommand)]
enum Command {
    /// Render every document of the fact sheets (files, or folders searched for *.yaml, *.yml)
    Render(app::render::Options),
    /// Check fact sheets; print every problem, exit 1 if there is an error
    Check(app::check::Options),
    /// Where every number of each document comes from: the typed figure (file:line:col),
    /// the children summed, the workbook cell, the computation or the template's own text
    Explain(app::explain::Options),
    /// Show how the documents' text changes between two versions of a fact sheet
    Diff(app::diff::Options),
    /// Print a commented fact-sheet skeleton to start from
    Init(app::init::Options),
    /// Write a data-entry workbook (.xlsx): a column per figure the template declares, a row
    /// per unit prefilled with its fact sheet's figures; fill it, then `render --figures`
    Workbook(app::workbook::Options),
    /// List the templates and the facts each one uses; with NAME, that template alone and
    /// the blocks a fact sheet's `sections:` can anchor to
    Templates(app::templates::Options),
    /// Open a local web editor over a folder of fact sheets, with a live preview of the
    /// documents; prints the address (with its access token) to open in the browser
    Serve(app::serve::Options),
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
    fn input(&self) -> std::io::Result<Vec<u8>> {
        use std::io::Read;
        let mut bytes = Vec::new();
        let limit = vanban::factsheet::load::LARGEST_FILE + 1;
        std::io::stdin()
            .lock()
            .take(limit)
            .read_to_end(&mut bytes)?;
        Ok(bytes)
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let format = match &cli.command {
        Command::Render(o) => o.message_format,
        Command::Check(o) => o.message_format,
        _ => MessageFormat::Human,
    };
    let reporter = Reporter::new(&Stdio, format);
    let result = match cli.command {
        Command::Render(mut options) => {
            options.progress = std::io::stderr().is_terminal();
            app::render::run(options, &reporter)
        }
        Command::Check(options) => app::check::run(options, &reporter),
        Command::Explain(options) => app::explain::run(options, &reporter),
        Command::Diff(options) => app::diff::run(options, &reporter),
        Command::Init(options) => app::init::run(options, &reporter),
        Command::Workbook(options) => app::workbook::run(options, &reporter),
        Command::Templates(options) => app::templates::run(options, &reporter),
        Command::Serve(options) => app::serve::run(options, &reporter),
    };
    match result {
        Ok(exit) => ExitCode::from(exit as u8),
        Err(e) => {
            reporter.fatal(&e);
            ExitCode::from(1)
        }
    }
}
