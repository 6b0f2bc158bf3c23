//! `vanban explain`: where every number of each document comes from.

use super::{Exit, Reporter};
use crate::CheckOptions;
use crate::template::Templates;
use std::path::PathBuf;

/// What `explain` is asked to do.
pub struct Options {
    pub sheet: PathBuf,
    /// Only the document of this template.
    pub document: Option<String>,
    /// JSON rather than text.
    pub json: bool,
    pub templates: Option<PathBuf>,
    /// The data-entry workbook the sheet is rendered with.
    pub figures: Option<PathBuf>,
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
    let explained = crate::check_with(&options.sheet, &templates, &check).and_then(|checked| {
        crate::explain::explain(
            &checked,
            &templates,
            workbook.as_ref(),
            options.document.as_deref(),
        )
    });
    match explained {
        Ok(e) => {
            if options.json {
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
