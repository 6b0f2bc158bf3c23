//! Rendering many fact sheets in one run: in parallel (rayon, one shared PDF renderer), with
//! a progress bar on a terminal, results reported in input order, a summary, and the
//! incremental manifest ([`manifest`]) that skips sheets whose inputs and outputs have not
//! changed. One bad sheet never stops the others.

pub mod expand;
pub mod manifest;

use crate::diagnostic::{Diagnostic, Diagnostics, Severity};
use crate::i18n::args;
use crate::produce::Format;
use crate::produce::RenderOptions;
use crate::template::Templates;
use crate::writer::pdf::PdfRenderer;
use expand::Job;
use manifest::{Current, Entry, Manifest, Output};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

pub use crate::factsheet::load::Dependency;

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
    /// Show a progress bar on stderr, counting with this word (`tờ khai`, `fact sheets`);
    /// only when stderr is a terminal: the caller decides.
    pub progress: Option<String>,
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
    /// Documents a sheet issued before and no longer does, whose files were removed.
    pub removed: usize,
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
        if self.removed > 0 {
            writeln!(
                f,
                "{} no longer issued: removed",
                plural(self.removed, "document", "documents")
            )?;
        }
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

/// The render settings recorded in the manifest: vanban's version, formats, PDF standard, and
/// the workbook when one is given (a workbook given for the first time, or no longer given,
/// changes every sheet's figures).
fn settings(options: &RenderOptions, workbook: Option<&crate::workbook::Workbook>) -> String {
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
    if let Some(w) = workbook {
        s.push_str(&format!(
            "; figures {}",
            manifest::absolute(&w.file).display()
        ));
    }
    s
}

/// What one sheet's render did: its outcome, the manifest entry of what was written, and how
/// many documents it no longer issues were removed.
struct Done {
    outcome: Outcome,
    entry: Option<Entry>,
    removed: usize,
}

impl From<Outcome> for Done {
    fn from(outcome: Outcome) -> Done {
        Done {
            outcome,
            entry: None,
            removed: 0,
        }
    }
}

/// `path` relative to `out`, `/`-separated, as the manifest records outputs.
fn relative(path: &Path, out: &Path) -> String {
    let relative = path.strip_prefix(out).unwrap_or(path);
    let parts: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/")
}

/// The document an output file is of: its name without the format (`to-trinh-cong-nhan`).
fn document_of(output: &str) -> &str {
    let name = output.rsplit('/').next().unwrap_or(output);
    name.rsplit_once('.').map_or(name, |(stem, _)| stem)
}

/// Renders one sheet, or skips it.
fn one(job: &Job, shared: &Shared) -> Done {
    let out = &shared.options.render.out_dir;
    crate::output::remove_stale(&job.out_dir(out));
    let sheet = manifest::absolute(&job.sheet);
    let current = Current {
        settings: &shared.settings,
        templates: &shared.template_hashes,
        digests: shared.options.digests,
        workbook: shared.options.workbook,
        source: shared.loads.source(),
    };
    let previous = shared.previous.entries.get(&job.key);
    if !shared.options.force
        && let Some(entry) = previous
        && entry.is_fresh(&sheet, out, &current)
    {
        return Outcome::Skipped.into();
    }
    let covers = |c: char| shared.pdf.is_none_or(|r| r.covers(c));
    let check = crate::check::CheckOptions {
        covers: Some(&covers),
        workbook: shared.options.workbook,
        loads: Some(&shared.loads),
        parents: Some(shared.parents.get_or_init(|| {
            crate::rollup::Parents::of(&shared.sheets, shared.templates, Some(&shared.loads))
        })),
    };
    let checked = match crate::check::check_with(&job.sheet, shared.templates, &check) {
        Ok(checked) => checked,
        Err(d) => return Outcome::Refused(d).into(),
    };
    let options = RenderOptions {
        out_dir: job.parent_dir(out),
        ..shared.options.render.clone()
    };
    let files = match crate::produce::produce(&checked, shared.templates, &options, shared.pdf) {
        Ok(files) => files,
        Err(d) => return Outcome::Failed(d).into(),
    };
    let mut written = Vec::new();
    let mut outputs = Vec::new();
    for (path, bytes) in files {
        if let Err(e) = crate::output::write_atomic(&path, &bytes) {
            return Outcome::Failed(Diagnostics::failure(&job.sheet, format!("{e:#}"))).into();
        }
        outputs.push(Output {
            path: relative(&path, out),
            sha256: crate::factsheet::load::sha256(&bytes),
        });
        written.push(path);
    }
    let issued: Vec<&str> = checked
        .loaded
        .sheet
        .documents
        .iter()
        .map(|d| d.template.as_str())
        .collect();
    let (kept, removed) = match previous {
        Some(entry) if entry.sheet == sheet => owned(entry, &outputs, &issued, out),
        _ => (Vec::new(), 0),
    };
    let mut templates: BTreeMap<String, String> = BTreeMap::new();
    for name in &issued {
        let hash = shared.template_hashes.get(*name).cloned();
        templates.insert(name.to_string(), hash.unwrap_or_default());
    }
    let read = |path: &Path| shared.loads.sha256(path);
    let mut dependencies: Vec<manifest::Recorded> = checked
        .dependencies
        .iter()
        .map(|d| manifest::record(d, &read))
        .collect();
    // Every sheet read, the sheet itself and those below it, with its workbook row or the
    // lack of one.
    if let Some(workbook) = shared.options.workbook {
        for d in &checked.dependencies {
            if let Dependency::File(path) = d {
                dependencies.push(manifest::Recorded::Row {
                    sheet: manifest::absolute(path),
                    sha256: manifest::row_digest(workbook, path),
                });
            }
        }
    }
    let entry = Entry {
        sheet,
        settings: shared.settings.clone(),
        templates,
        dependencies,
        outputs,
        kept,
    };
    Done {
        outcome: Outcome::Written {
            files: written,
            warnings: checked.warnings,
        },
        entry: Some(entry),
        removed,
    }
}

/// The files an earlier run of this sheet wrote, after this run wrote `outputs`: those of a
/// document still `issued` (another format) are kept as vanban's own while they are as
/// written; those of a document no longer issued are removed — only when still as vanban
/// wrote them (a file edited since is someone's work). Returns the files kept and how many
/// documents were removed.
fn owned(entry: &Entry, outputs: &[Output], issued: &[&str], out: &Path) -> (Vec<Output>, usize) {
    let mut kept = Vec::new();
    let mut removed: Vec<&str> = Vec::new();
    for old in entry.outputs.iter().chain(&entry.kept) {
        if outputs.iter().any(|o| o.path == old.path) || kept.contains(old) {
            continue;
        }
        let path = old
            .path
            .split('/')
            .fold(out.to_path_buf(), |p, c| p.join(c));
        if manifest::file_sha256(&path).as_deref() != Some(old.sha256.as_str()) {
            continue; // gone, or changed by someone: not vanban's any more
        }
        let document = document_of(&old.path);
        if issued.contains(&document) {
            kept.push(old.clone());
        } else if std::fs::remove_file(&path).is_ok() && !removed.contains(&document) {
            removed.push(document);
        }
    }
    (kept, removed.len())
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
        settings: settings(&options.render, options.workbook),
        template_hashes: manifest::template_hashes(templates),
        loads: Default::default(),
        parents: std::sync::OnceLock::new(),
        sheets: jobs.iter().map(|j| j.sheet.clone()).collect(),
    };
    let bar = if let Some(word) = options.progress.as_ref().filter(|_| jobs.len() > 1) {
        let bar = indicatif::ProgressBar::with_draw_target(
            Some(jobs.len() as u64),
            indicatif::ProgressDrawTarget::stderr(),
        );
        if let Ok(style) = indicatif::ProgressStyle::with_template(&format!(
            "{{bar:40}} {{pos}}/{{len}} {} {{eta}}",
            word.replace(['{', '}'], "")
        )) {
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
    let mut results: Vec<(usize, Done)> = jobs
        .iter()
        .enumerate()
        .par_bridge()
        .map(|(i, job)| {
            let done = one(job, &shared);
            let outcome = &done.outcome;
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
            (i, done)
        })
        .collect();
    results.sort_by_key(|(i, ..)| *i);
    bar.finish_and_clear();

    let mut summary = Summary {
        sheets: jobs.len(),
        ..Summary::default()
    };
    let mut manifest = previous.clone();
    for (job, (_, done)) in jobs.iter().zip(results) {
        summary.removed += done.removed;
        match done.outcome {
            Outcome::Written { files, .. } => {
                summary.written += 1;
                summary.files += files.len();
            }
            Outcome::Skipped => summary.skipped += 1,
            Outcome::Refused(d) | Outcome::Failed(d) => {
                let first = d.0.iter().find(|d| d.is_error()).or(d.0.first()).cloned();
                let first = first.unwrap_or_else(|| {
                    Diagnostic::new(Severity::Error, "render-failed", "", Vec::new())
                });
                summary
                    .failures
                    .push((job.sheet.clone(), first, d.error_count()));
            }
        }
        if let Some(entry) = done.entry {
            manifest.entries.insert(job.key.clone(), entry);
        }
    }
    // Written only after every output it describes is in place, and only when it changed:
    // a run that skipped everything writes nothing at all.
    if manifest != previous
        && let Err(e) = manifest.save(out)
    {
        let mut d = Diagnostic::new(
            Severity::Warning,
            "manifest-unwritable",
            "",
            args! {"detail" => format!("{e:#}")},
        );
        d.file = out.join(manifest::FILE_NAME);
        summary.manifest_error = Some(d);
    }
    summary
}
