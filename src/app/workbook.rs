//! `vanban workbook`: a data-entry workbook for a template, a row per unit.

use super::{Exit, Reporter};
use crate::template::Templates;
use std::path::PathBuf;

/// What `workbook` is asked to do.
pub struct Options {
    /// The template whose figures are the columns.
    pub template: String,
    /// Fact sheets to give a row each: folders (searched recursively) or files.
    pub units: Vec<PathBuf>,
    /// The workbook to write; `so-lieu-TEMPLATE.xlsx` when not given.
    pub out: Option<PathBuf>,
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
