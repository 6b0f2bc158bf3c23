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

use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use vanban::app::cli::{Cli, Commands as Command};
use vanban::app::{self, Console, MessageFormat, Reporter};

// The PDF writer allocates heavily (Typst's layout, krilla's export): mimalloc keeps a batch's
// threads from contending on the system allocator and its memory from fragmenting.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

// The commands and their arguments are `app::cli::Cli`; their help is in the catalogue
// (locales/*/cli.ftl), in the language asked for before parsing.

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
    let lang = app::cli::lang(std::env::args_os());
    let cli: Cli = app::cli::parse(lang);
    let format = match &cli.command {
        Command::Render(o) => o.message_format,
        Command::Check(o) => o.message_format,
        _ => MessageFormat::Human,
    };
    let reporter = Reporter::new(&Stdio, format, lang);
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
        Command::Serve(options) => vanban::serve::command::run(options, &reporter),
    };
    match result {
        Ok(exit) => ExitCode::from(exit as u8),
        Err(e) => {
            reporter.fatal(&e);
            ExitCode::from(1)
        }
    }
}
