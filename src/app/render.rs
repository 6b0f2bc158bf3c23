//! `vanban render`: every document of the fact sheets, in parallel, written to the output
//! folder (the batch), with the workbook's rows as figures.

use super::{Exit, MessageFormat, Reporter, STDIN, is_stdin};
use crate::batch::{self, expand::Job};
use crate::diagnostic::Diagnostics;
use crate::produce::Format;
use crate::produce::RenderOptions;
use crate::template::Templates;
use crate::writer::pdf::{PdfOptions, PdfRenderer};
use std::path::{Path, PathBuf};

// What `render` is asked to do (its `--help` is in locales/*/cli.ftl).
#[derive(clap::Args)]
pub struct Options {
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    #[arg(short, long, default_value = "output")]
    pub out: PathBuf,
    #[arg(long, value_delimiter = ',', default_value = "docx,pdf")]
    pub format: Vec<FormatArg>,
    #[arg(long)]
    pub templates: Option<PathBuf>,
    #[arg(long, default_value = "a-2b")]
    pub pdf_standard: PdfStandard,
    #[arg(long, value_enum, default_value_t = MessageFormat::Human)]
    pub message_format: MessageFormat,
    #[arg(long)]
    pub force: bool,
    #[arg(long, value_name = "FILE")]
    pub figures: Option<PathBuf>,
    // Show a progress bar: the caller knows whether stderr is a terminal.
    #[arg(skip)]
    pub progress: bool,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum FormatArg {
    Docx,
    Pdf,
    Txt,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum PdfStandard {
    #[value(name = "a-2b")]
    A2b,
    None,
}

/// Renders; prints each file written on `out`, problems and the summary on `err`.
pub fn run(options: Options, r: &Reporter) -> anyhow::Result<Exit> {
    let templates = Templates::load(options.templates.as_deref())?;
    let Some(workbook) = r.read_workbook(options.figures.as_deref()) else {
        return Ok(Exit::Failed);
    };
    let mut formats: Vec<Format> = options
        .format
        .iter()
        .map(|f| match f {
            FormatArg::Docx => Format::Docx,
            FormatArg::Pdf => Format::Pdf,
            FormatArg::Txt => Format::Txt,
        })
        .collect();
    formats.sort();
    formats.dedup();
    let render = RenderOptions {
        out_dir: options.out,
        formats,
        pdf: PdfOptions {
            pdf_a: matches!(options.pdf_standard, PdfStandard::A2b),
        },
    };
    let pdf = if render.formats.contains(&Format::Pdf) {
        Some(PdfRenderer::new()?)
    } else {
        None
    };
    if options.paths.iter().any(|p| is_stdin(p)) {
        if options.paths.len() > 1 {
            return Ok(r.usage(&r.t("app-stdin-alone", &[])));
        }
        let bytes = r.console.input()?;
        return Ok(stdin(
            bytes,
            &templates,
            &render,
            workbook.as_ref(),
            pdf.as_ref(),
            r,
        ));
    }
    let (jobs, problems) = batch::expand::expand(&options.paths);
    let clashes = batch::expand::collisions(&jobs, &render.out_dir);
    if !clashes.is_empty() {
        r.report(&Diagnostics(clashes));
        return Ok(Exit::Failed);
    }
    r.report(&Diagnostics(problems.clone()));
    if let Some(workbook) = &workbook {
        // A row for a sheet below a parent given is used by the parent's roll-up.
        let sheets: Vec<PathBuf> = jobs.iter().map(|j| j.sheet.clone()).collect();
        let parents = crate::rollup::Parents::of(&sheets, &templates, None);
        let rows =
            workbook.rows_without_sheet(sheets.iter().chain(parents.below()).map(PathBuf::as_path));
        r.report(&rows);
    }
    let digests = workbook
        .as_ref()
        .map(crate::workbook::row_digests)
        .unwrap_or_default();
    let batch_options = batch::Options {
        render,
        force: options.force,
        progress: (r.format == MessageFormat::Human && options.progress)
            .then(|| crate::i18n::text(r.lang, "app-progress-sheets")),
        digests: &digests,
        workbook: workbook.as_ref(),
    };
    let through = std::sync::atomic::AtomicUsize::new(0);
    let print = |job: &Job, outcome: &batch::Outcome| {
        report_one(r, job, outcome);
        let n = through.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
        r.console.progress(n, jobs.len());
    };
    let done = batch::render(&jobs, &templates, &batch_options, pdf.as_ref(), &print);
    if let Some(d) = &done.manifest_error {
        r.report(&Diagnostics(vec![d.clone()]));
    }
    r.report_grouped();
    if jobs.len() > 1 || done.skipped > 0 || done.removed > 0 || !problems.is_empty() {
        summary(&done, r);
    }
    Ok(Exit::failed_if(done.failed() > 0 || !problems.is_empty()))
}

/// The batch's counts, then a line per failed sheet with its first error.
fn summary(done: &batch::Summary, r: &Reporter) {
    r.summary(&r.t(
        "app-batch-summary",
        crate::i18n::args! {
            "sheets" => done.sheets, "written" => done.written, "files" => done.files,
            "skipped" => done.skipped, "failed" => done.failed(),
        },
    ));
    if done.removed > 0 {
        r.summary(&r.t(
            "app-batch-removed",
            crate::i18n::args! {"n" => done.removed},
        ));
    }
    for (sheet, first, count) in &done.failures {
        // The first line of the first error: where it is and what.
        let text = first.render(r.lang);
        let mut line = text.lines().next().unwrap_or_default().to_string();
        if first.file != *sheet {
            line = format!("{}: {line}", sheet.display());
        }
        let failed = match count {
            0 | 1 => r.t("app-batch-failed", crate::i18n::args! {"line" => line}),
            n => r.t(
                "app-batch-failed-more",
                crate::i18n::args! {"line" => line, "n" => n - 1},
            ),
        };
        r.summary(&format!("  {failed}"));
    }
}

/// Renders the sheet read from standard input into `<out>/stdin/`. Not a batch: there is no
/// file to compare with the manifest, so it is always rendered and never recorded.
fn stdin(
    bytes: Vec<u8>,
    templates: &Templates,
    render: &RenderOptions,
    workbook: Option<&crate::workbook::Workbook>,
    pdf: Option<&PdfRenderer>,
    r: &Reporter,
) -> Exit {
    let name = Path::new(STDIN);
    let covers = |c: char| pdf.is_none_or(|p| p.covers(c));
    let check = crate::check::CheckOptions {
        covers: Some(&covers),
        workbook,
        ..crate::CheckOptions::default()
    };
    let checked = match crate::check::check_bytes(name, bytes, templates, &check) {
        Ok(checked) => checked,
        Err(d) => {
            r.report(&d);
            r.summary(&r.t(
                "app-not-rendered",
                crate::i18n::args! {"file" => STDIN, "n" => d.error_count()},
            ));
            return Exit::Failed;
        }
    };
    r.report(&checked.warnings);
    let files = match crate::produce::produce(&checked, templates, render, pdf) {
        Ok(files) => files,
        Err(d) => {
            r.report(&d);
            return Exit::Failed;
        }
    };
    for (path, bytes) in files {
        if let Err(e) = crate::output::write_atomic(&path, &bytes) {
            r.fatal(&e);
            return Exit::Failed;
        }
        r.console.out(&format!("{}\n", path.display()));
    }
    r.report_grouped();
    Exit::Success
}

/// What one sheet of the batch printed: its files on stdout, its diagnostics on stderr.
fn report_one(r: &Reporter, job: &Job, outcome: &batch::Outcome) {
    match outcome {
        batch::Outcome::Written { files, warnings } => {
            r.report(warnings);
            let paths: String = files.iter().map(|p| format!("{}\n", p.display())).collect();
            r.console.out(&paths);
        }
        batch::Outcome::Skipped => {}
        batch::Outcome::Refused(diagnostics) => {
            r.report(diagnostics);
            r.summary(&r.t(
                "app-not-rendered",
                crate::i18n::args! {"file" => job.sheet.display().to_string(), "n" => diagnostics.error_count()},
            ));
        }
        batch::Outcome::Failed(diagnostics) => r.report(diagnostics),
    }
}
