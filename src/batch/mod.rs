//! Rendering many fact sheets in one run: in parallel (rayon, one shared PDF renderer), with
//! a progress bar on a terminal, results reported in input order, a summary, and the
//! incremental manifest ([`manifest`]) that skips sheets whose inputs and outputs have not
//! changed. One bad sheet never stops the others.

pub mod expand;
pub mod manifest;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::template::Templates;
use crate::writer::pdf::PdfRenderer;
use crate::{Format, RenderOptions};
use expand::Job;
use manifest::{Current, Entry, Manifest, Output};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Something a sheet's documents depend on, besides the templates, vanban's version and the
/// render options (recorded for every sheet). [`crate::check`] lists the fact sheet itself;
/// whatever else it reads adds its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dependency {
    /// A file read: the fact sheet, a child sheet.
    File(PathBuf),
    /// A glob pattern, as `glob::glob` takes it (joined to the sheet's folder), and what it
    /// matched, so that a new or removed match is noticed.
    Glob {
        pattern: String,
        matched: Vec<PathBuf>,
    },
    /// A value the caller computes once per run (e.g. one workbook row, labelled
    /// `workbook:<file>:<key>`): current values are passed to [`render`] in
    /// [`Options::digests`].
    Digest { label: String, sha256: String },
}

/// What happened to one fact sheet.
#[derive(Debug, Clone)]
pub enum Outcome {
    /// Rendered: the files written, in a stable order, and the sheet's warnings.
    Written {
        files: Vec<PathBuf>,
        warnings: Diagnostics,
    },
    /// Inputs and outputs unchanged since the run that wrote them (see the manifest).
    Skipped,
    /// The sheet did not pass the checks: nothing of it was written.
    Refused(Diagnostics),
    /// It passed, but a document could not be built or written.
    Failed(Diagnostics),
}

/// Options of a batch.
pub struct Options<'a> {
    /// `out_dir` is the root output folder.
    pub render: RenderOptions,
    /// Render every sheet, whatever the manifest says.
    pub force: bool,
    /// Show a progress bar on stderr (only when it is a terminal: the caller decides).
    pub progress: bool,
    /// Current values of [`Dependency::Digest`] dependencies, by label.
    pub digests: &'a BTreeMap<String, String>,
    /// A data-entry workbook whose rows fill the sheets' figures (`render --figures`).
    pub workbook: Option<&'a crate::workbook::Workbook>,
}

/// The counts and failures of a batch.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    pub sheets: usize,
    pub written: usize,
    pub files: usize,
    pub skipped: usize,
    /// Each failed sheet with its first error and its number of errors.
    pub failures: Vec<(PathBuf, Diagnostic, usize)>,
    /// The manifest could not be written (the documents are fine; the next run renders all).
    pub manifest_error: Option<Diagnostic>,
}

impl Summary {
    pub fn failed(&self) -> usize {
        self.failures.len()
    }
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        writeln!(
            f,
            "{}: {} written ({}), {} skipped (unchanged), {} failed",
            plural(self.sheets, "fact sheet", "fact sheets"),
            self.written,
            plural(self.files, "file", "files"),
            self.skipped,
            self.failed()
        )?;
        for (sheet, first, count) in &self.failures {
            // The first line of the first error: where it is and what.
            let text = first.to_string();
            let line = text.lines().next().unwrap_or_default();
            let more = match count {
                0 | 1 => String::new(),
                n => format!(" (and {} more)", n - 1),
            };
            if first.file == *sheet {
                writeln!(f, "  failed: {line}{more}")?;
            } else {
                writeln!(f, "  failed: {}: {line}{more}", sheet.display())?;
            }
        }
        Ok(())
    }
}

/// What every worker shares.
struct Shared<'a> {
    templates: &'a Templates,
    options: &'a Options<'a>,
    pdf: Option<&'a PdfRenderer>,
    previous: &'a Manifest,
    settings: String,
    template_hashes: BTreeMap<String, String>,
    loads: crate::factsheet::load::Loads,
    /// What the run's parents read of their children, made when the first sheet is checked
    /// (a run that skips every sheet never reads a parent for it).
    parents: std::sync::OnceLock<crate::rollup::Parents>,
    sheets: Vec<std::path::PathBuf>,
}

/// The render settings recorded in the manifest: vanban's version, formats, PDF standard.
fn settings(options: &RenderOptions) -> String {
    let formats: Vec<&str> = options.formats.iter().map(|f| f.extension()).collect();
    let mut s = format!(
        "vanban {}; formats {}",
        env!("CARGO_PKG_VERSION"),
        formats.join(",")
    );
    if options.formats.contains(&Format::Pdf) {
        s.push_str(if options.pdf.pdf_a {
            "; pdf a-2b"
        } else {
            "; pdf plain"
        });
    }
    s
}

/// A diagnostic of `file` without a place in it (a write that failed).
fn failure(file: &Path, message: String) -> Diagnostics {
    let mut d = Diagnostic::error("", message);
    d.file = file.to_path_buf();
    Diagnostics(vec![d])
}

/// Renders one sheet, or skips it; returns the manifest entry of what was written.
fn one(job: &Job, shared: &Shared) -> (Outcome, Option<Entry>) {
    let out = &shared.options.render.out_dir;
    crate::output::remove_stale(&job.out_dir(out));
    let sheet = manifest::absolute(&job.sheet);
    // Hashed before it is read: an edit during the run is noticed by the next one.
    let sheet_hash = manifest::file_sha256(&job.sheet);
    let current = Current {
        settings: &shared.settings,
        templates: &shared.template_hashes,
        digests: shared.options.digests,
    };
    if !shared.options.force
        && let Some(entry) = shared.previous.entries.get(&job.key)
        && entry.is_fresh(&sheet, out, &current)
    {
        return (Outcome::Skipped, None);
    }
    let covers = |c: char| shared.pdf.is_none_or(|r| r.covers(c));
    let check = crate::CheckOptions {
        covers: Some(&covers),
        workbook: shared.options.workbook,
        loads: Some(&shared.loads),
        parents: Some(shared.parents.get_or_init(|| {
            crate::rollup::Parents::of(&shared.sheets, shared.templates, Some(&shared.loads))
        })),
    };
    let checked = match crate::check_with(&job.sheet, shared.templates, &check) {
        Ok(checked) => checked,
        Err(d) => return (Outcome::Refused(d), None),
    };
    let options = RenderOptions {
        out_dir: job.parent_dir(out),
        ..shared.options.render.clone()
    };
    let files = match crate::produce(&checked, shared.templates, &options, shared.pdf) {
        Ok(files) => files,
        Err(d) => return (Outcome::Failed(d), None),
    };
    let mut written = Vec::new();
    let mut outputs = Vec::new();
    for (path, bytes) in files {
        if let Err(e) = crate::output::write_atomic(&path, &bytes) {
            return (Outcome::Failed(failure(&job.sheet, format!("{e:#}"))), None);
        }
        let relative = path.strip_prefix(out).unwrap_or(&path);
        let relative: Vec<String> = relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        outputs.push(Output {
            path: relative.join("/"),
            sha256: manifest::sha256(&bytes),
        });
        written.push(path);
    }
    let mut templates: BTreeMap<String, String> = BTreeMap::new();
    for spec in &checked.loaded.sheet.documents {
        let hash = shared.template_hashes.get(&spec.template).cloned();
        templates.insert(spec.template.clone(), hash.unwrap_or_default());
    }
    let entry = Entry {
        sheet: sheet.clone(),
        settings: shared.settings.clone(),
        templates,
        dependencies: checked
            .dependencies
            .iter()
            .map(|d| manifest::record(d, &sheet, sheet_hash.as_deref()))
            .collect(),
        outputs,
    };
    (
        Outcome::Written {
            files: written,
            warnings: checked.warnings,
        },
        Some(entry),
    )
}

/// Results that finished out of order wait here until every earlier one is reported, so
/// what is printed does not depend on which thread was faster.
struct InOrder {
    next: usize,
    waiting: BTreeMap<usize, Outcome>,
}

/// Renders `jobs` in parallel (expand and refuse collisions first: [`expand`]). `report` is
/// called once per sheet, in the order of `jobs`, with what happened to it. The manifest in
/// the output folder is read before and written after (only when something was written).
pub fn render(
    jobs: &[Job],
    templates: &Templates,
    options: &Options,
    pdf: Option<&PdfRenderer>,
    report: &(dyn Fn(&Job, &Outcome) + Sync),
) -> Summary {
    let out = &options.render.out_dir;
    crate::output::remove_stale(out);
    let previous = Manifest::load(out);
    let shared = Shared {
        templates,
        options,
        pdf,
        previous: &previous,
        settings: settings(&options.render),
        template_hashes: manifest::template_hashes(templates),
        loads: Default::default(),
        parents: std::sync::OnceLock::new(),
        sheets: jobs.iter().map(|j| j.sheet.clone()).collect(),
    };
    let bar = if options.progress && jobs.len() > 1 {
        let bar = indicatif::ProgressBar::with_draw_target(
            Some(jobs.len() as u64),
            indicatif::ProgressDrawTarget::stderr(),
        );
        if let Ok(style) =
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} fact sheets {eta}")
        {
            bar.set_style(style);
        }
        bar
    } else {
        indicatif::ProgressBar::hidden()
    };
    let order = Mutex::new(InOrder {
        next: 0,
        waiting: BTreeMap::new(),
    });
    // `par_bridge` hands the sheets out in order, one at a time, so reports stream in input
    // order instead of waiting for the first half of a split range.
    let mut results: Vec<(usize, Outcome, Option<Entry>)> = jobs
        .iter()
        .enumerate()
        .par_bridge()
        .map(|(i, job)| {
            let (outcome, entry) = one(job, &shared);
            bar.inc(1);
            // A poisoned lock means a report panicked; the remaining reports are lost but
            // the documents and the summary are not.
            if let Ok(mut order) = order.lock() {
                order.waiting.insert(i, outcome.clone());
                loop {
                    let next = order.next;
                    let Some(ready) = order.waiting.remove(&next) else {
                        break;
                    };
                    if let Some(job) = jobs.get(next) {
                        bar.suspend(|| report(job, &ready));
                    }
                    order.next += 1;
                }
            }
            (i, outcome, entry)
        })
        .collect();
    results.sort_by_key(|(i, ..)| *i);
    bar.finish_and_clear();

    let mut summary = Summary {
        sheets: jobs.len(),
        ..Summary::default()
    };
    let mut manifest = previous.clone();
    for (job, (_, outcome, entry)) in jobs.iter().zip(results) {
        match outcome {
            Outcome::Written { files, .. } => {
                summary.written += 1;
                summary.files += files.len();
            }
            Outcome::Skipped => summary.skipped += 1,
            Outcome::Refused(d) | Outcome::Failed(d) => {
                let first = d.0.iter().find(|d| d.is_error()).or(d.0.first()).cloned();
                let first = first.unwrap_or_else(|| Diagnostic::error("", "failed"));
                summary
                    .failures
                    .push((job.sheet.clone(), first, d.error_count()));
            }
        }
        if let Some(entry) = entry {
            manifest.entries.insert(job.key.clone(), entry);
        }
    }
    // Written only after every output it describes is in place, and only when it changed:
    // a run that skipped everything writes nothing at all.
    if manifest != previous
        && let Err(e) = manifest.save(out)
    {
        let mut d = Diagnostic::warning(
            "",
            format!("cannot write the manifest: {e:#}; the next run renders everything again"),
        )
        .with_help("check that the output folder can be written");
        d.file = out.join(manifest::FILE_NAME);
        summary.manifest_error = Some(d);
    }
    summary
}
