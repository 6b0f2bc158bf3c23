//! `vanban explain`: where every number of each document comes from.

use super::{Exit, Reporter};
use crate::check::CheckOptions;
use crate::template::Templates;
use std::path::PathBuf;

// What `explain` is asked to do (its `--help` is in locales/*/cli.ftl).
#[derive(clap::Args)]
pub struct Options {
    pub sheet: PathBuf,
    #[arg(long, value_name = "NAME")]
    pub document: Option<String>,
    #[arg(long, value_enum, default_value_t = ExplainFormat::Text)]
    pub format: ExplainFormat,
    #[arg(long)]
    pub templates: Option<PathBuf>,
    #[arg(long, value_name = "FILE")]
    pub figures: Option<PathBuf>,
}

/// How `explain` prints.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExplainFormat {
    Text,
    Json,
}

/// Prints the explanation on `out`, or the sheet's problems on `err`.
pub fn run(options: Options, r: &Reporter) -> anyhow::Result<Exit> {
    let templates = Templates::load(options.templates.as_deref())?;
    let Some(workbook) = r.read_workbook(options.figures.as_deref()) else {
        return Ok(Exit::Failed);
    };
    let check = CheckOptions {
        workbook: workbook.as_ref(),
        ..CheckOptions::default()
    };
    let explained =
        crate::check::check_with(&options.sheet, &templates, &check).and_then(|checked| {
            crate::explain::explain(
                &checked,
                &templates,
                workbook.as_ref(),
                options.document.as_deref(),
            )
        });
    match explained {
        Ok(e) => {
            if options.format == ExplainFormat::Json {
                r.console
                    .out(&format!("{}\n", serde_json::to_string_pretty(&e)?));
            } else {
                r.console.out(&e.to_text());
            }
            Ok(Exit::Success)
        }
        Err(d) => {
            r.report(&d);
            Ok(Exit::Failed)
        }
    }
}
