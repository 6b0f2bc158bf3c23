//! `vanban workbook`: a data-entry workbook for a template, a row per unit.

use super::{Exit, Reporter};
use crate::template::Templates;
use std::path::PathBuf;

// What `workbook` is asked to do (its `--help` is in locales/*/cli.ftl).
#[derive(clap::Args)]
pub struct Options {
    pub template: String,
    #[arg(long, num_args = 1..)]
    pub units: Vec<PathBuf>,
    #[arg(short, long)]
    pub out: Option<PathBuf>,
    #[arg(long)]
    pub templates: Option<PathBuf>,
}

/// Writes the workbook and prints its name on `out`.
pub fn run(options: Options, r: &Reporter) -> anyhow::Result<Exit> {
    let templates = Templates::load(options.templates.as_deref())?;
    let template = &options.template;
    let out = options
        .out
        .unwrap_or_else(|| PathBuf::from(format!("so-lieu-{template}.xlsx")));
    match crate::workbook::write::for_template(&templates, template, &options.units) {
        Ok((bytes, warnings)) => {
            r.report(&warnings);
            crate::output::write_atomic(&out, &bytes)?;
            r.console.out(&format!("{}\n", out.display()));
            Ok(Exit::Success)
        }
        Err(d) => {
            r.report(&d);
            Ok(Exit::Failed)
        }
    }
}
