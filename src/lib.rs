//! vanban — facts in, documents out.
//!
//! The pipeline (see DESIGN.md): fact sheet → checked facts → derived figures → template →
//! Markdown → [`document::Document`] → writers (DOCX, PDF, text). This file strings the stages
//! together as a few public functions; each stage lives in its own module and is tested alone.

pub mod compose;
pub mod context;
pub mod derive;
pub mod diagnostic;
pub mod document;
pub mod factsheet;
pub mod locale;
pub mod output;
pub mod template;
pub mod writer;

use anyhow::{Context as _, Result};
use diagnostic::{Diagnostic, Diagnostics};
use document::Document;
use factsheet::load::{Loaded, load_file};
use std::path::{Path, PathBuf};
use template::Templates;

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Format {
    Docx,
    Pdf,
    Txt,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Docx => "docx",
            Format::Pdf => "pdf",
            Format::Txt => "txt",
        }
    }
}

/// Loads and validates one fact sheet. Returns the sheet with its warnings, or every
/// diagnostic when there is at least one error.
pub fn check(file: &Path, templates: &Templates) -> Result<(Loaded, Diagnostics), Diagnostics> {
    let loaded = load_file(file).map_err(Diagnostics)?;
    // Errors of dropped fields first; then the rules, run on what did load, so one pass
    // reports a typo and a wrong total together.
    let mut found: Vec<Diagnostic> = loaded.errors.clone();
    found.extend(
        factsheet::validate::validate(&loaded.sheet, &|name| templates.exists(name))
            .into_iter()
            .map(|d| loaded.locate(d)),
    );
    found.sort_by_key(|d| (d.position, d.severity));
    let diagnostics = Diagnostics(found);
    if diagnostics.has_errors() {
        Err(diagnostics)
    } else {
        Ok((loaded, diagnostics))
    }
}

/// Builds every document a checked fact sheet issues: (template name, document).
pub fn build_documents(loaded: &Loaded, templates: &Templates) -> Result<Vec<(String, Document)>> {
    loaded
        .sheet
        .documents
        .iter()
        .map(|spec| {
            let value = context::build(&loaded.sheet, spec);
            let ctx = tera::Context::from_serialize(&value)
                .map_err(|e| anyhow::anyhow!("{e}"))
                .context("building the template context")?;
            let rendered = templates.render(&spec.template, &ctx).with_context(|| {
                format!("{}: rendering `{}`", loaded.file.display(), spec.template)
            })?;
            Ok((
                spec.template.clone(),
                compose::compose(&loaded.sheet, spec, &rendered),
            ))
        })
        .collect()
}

/// Where a fact sheet's documents go: `<out>/<fact-sheet stem>/`.
pub fn output_dir(out: &Path, fact_sheet: &Path) -> PathBuf {
    let stem = fact_sheet
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "output".to_string());
    out.join(stem)
}

/// Options of `render`.
#[derive(Debug, Clone)]
pub struct RenderOptions {
    pub out_dir: PathBuf,
    pub formats: Vec<Format>,
    pub pdf: writer::pdf::PdfOptions,
}

/// Renders every document of a checked fact sheet in every format, writing each file
/// atomically. All files are produced in memory first, so a failing writer leaves nothing
/// half-written. Returns the paths written, in a stable order.
pub fn render_loaded(
    loaded: &Loaded,
    templates: &Templates,
    options: &RenderOptions,
    pdf: Option<&writer::pdf::PdfRenderer>,
) -> Result<Vec<PathBuf>> {
    let documents = build_documents(loaded, templates)?;
    let dir = output_dir(&options.out_dir, &loaded.file);
    let mut files: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    for (name, doc) in &documents {
        for format in &options.formats {
            let bytes = match format {
                Format::Docx => {
                    writer::docx::write(doc).with_context(|| format!("writing {name}.docx"))?
                }
                Format::Pdf => match pdf {
                    Some(r) => r.render(doc, options.pdf),
                    None => writer::pdf::write(doc, options.pdf),
                }
                .with_context(|| format!("writing {name}.pdf"))?,
                Format::Txt => writer::text::write(doc).into_bytes(),
            };
            files.push((dir.join(format!("{name}.{}", format.extension())), bytes));
        }
    }
    let mut written = Vec::new();
    for (path, bytes) in files {
        output::write_atomic(&path, &bytes)?;
        written.push(path);
    }
    Ok(written)
}
