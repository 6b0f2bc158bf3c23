//! `vanban check`: everything `render` does but writing. Each sheet's documents are built
//! and written to memory in both formats (DOCX and PDF/A), so a sheet that passes renders.

use super::{Exit, MessageFormat, Reporter, STDIN, is_stdin};
use crate::batch;
use crate::check::CheckOptions;
use crate::diagnostic::Diagnostics;
use crate::produce::Format;
use crate::produce::RenderOptions;
use crate::template::Templates;
use crate::writer::pdf::{PdfOptions, PdfRenderer};
use std::path::{Path, PathBuf};

// What `check` is asked to do (its `--help` is in locales/*/cli.ftl).
#[derive(clap::Args)]
pub struct Options {
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    #[arg(long)]
    pub templates: Option<PathBuf>,
    #[arg(long, value_name = "FILE")]
    pub figures: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = MessageFormat::Human)]
    pub message_format: MessageFormat,
}

/// What a check builds in memory: every format `render` writes by default, the PDF as
/// PDF/A (its stricter rules are the ones a sheet must pass).
pub fn in_memory() -> RenderOptions {
    RenderOptions {
        out_dir: PathBuf::from("output"),
        formats: vec![Format::Docx, Format::Pdf],
        pdf: PdfOptions { pdf_a: true },
    }
}

/// Checks every sheet; prints its problems and a line per sheet on `err`.
pub fn run(options: Options, r: &Reporter) -> anyhow::Result<Exit> {
    let templates = Templates::load(options.templates.as_deref())?;
    let Some(workbook) = r.read_workbook(options.figures.as_deref()) else {
        return Ok(Exit::Failed);
    };
    let pdf = PdfRenderer::new()?;
    let covers = |c: char| pdf.covers(c);
    let render = in_memory();
    let (jobs, problems) = batch::expand::expand(&options.paths);
    r.report(&Diagnostics(problems.clone()));
    let mut failed = !problems.is_empty();
    let loads = crate::factsheet::load::Loads::default();
    // `-` is the sheet on standard input, read once and never as a file.
    let sheets: Vec<PathBuf> = jobs
        .iter()
        .map(|j| match is_stdin(&j.sheet) {
            true => PathBuf::from(STDIN),
            false => j.sheet.clone(),
        })
        .collect();
    if jobs.iter().any(|j| is_stdin(&j.sheet)) {
        loads.insert(Path::new(STDIN), r.console.input()?);
    }
    let parents = crate::rollup::Parents::of(&sheets, &templates, Some(&loads));
    // A row for a sheet below a parent given is used by the parent's roll-up.
    let unused_rows = workbook
        .as_ref()
        .map(|w| w.rows_without_sheet(sheets.iter().chain(parents.below()).map(PathBuf::as_path)));
    for file in sheets {
        let check = CheckOptions {
            covers: Some(&covers),
            workbook: workbook.as_ref(),
            loads: Some(&loads),
            parents: Some(&parents),
        };
        let result = crate::check::check_with(&file, &templates, &check).and_then(|checked| {
            crate::produce::produce(&checked, &templates, &render, Some(&pdf))
                .map(|_| checked.warnings)
        });
        match result {
            Ok(warnings) => {
                r.report(&warnings);
                let file = file.display().to_string();
                r.summary(&r.t("app-ok", crate::i18n::args! {"file" => file}));
            }
            Err(diagnostics) => {
                r.report(&diagnostics);
                r.summary(&r.t(
                    "app-errors",
                    crate::i18n::args! {"file" => file.display().to_string(), "n" => diagnostics.error_count()},
                ));
                failed = true;
            }
        }
    }
    // Reported after the sheets: the rows nothing used.
    if let Some(rows) = &unused_rows {
        r.report(rows);
    }
    r.report_grouped();
    Ok(Exit::failed_if(failed))
}
