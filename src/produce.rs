//! Producing a checked sheet's documents: template contexts, rendered and composed
//! documents, the files of every format and writing them.

use crate::check::Checked;
use crate::diagnostic::{Diagnostic, Diagnostics, Severity};
use crate::document::Document;
use crate::i18n::args;
use crate::template::Templates;
use crate::{compose, context, factsheet, output, rollup, template, writer};
use std::path::{Path, PathBuf};

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

/// The template context of each document of a checked sheet, in `documents` order: the
/// sheet's values, the roll-up over its children, and every document of the sheet to cite.
/// As JSON, the form Tera and the template checks read it in; the types are
/// [`context::Context`]'s.
pub fn contexts(checked: &Checked, templates: &Templates) -> Vec<serde_json::Value> {
    typed_contexts(checked, templates)
        .iter()
        .map(|c| serde_json::to_value(c).unwrap_or_default())
        .collect()
}

/// [`contexts`] as their types.
pub fn typed_contexts(checked: &Checked, templates: &Templates) -> Vec<context::Context> {
    let sheet = &checked.loaded.sheet;
    // Every document can cite the others of its sheet (a QUYẾT ĐỊNH cites the TỜ TRÌNH).
    let references: Vec<context::Reference> = sheet
        .documents
        .iter()
        .map(|spec| {
            let type_code = spec
                .type_code
                .clone()
                .or_else(|| templates.type_code(&spec.template));
            context::reference(sheet, spec, type_code.as_deref())
        })
        .collect();
    sheet
        .documents
        .iter()
        .map(|spec| {
            let mut value = context::build(sheet, spec, &checked.data);
            (value.children, value.rollup) = rollup::context_of(checked.rollup.as_ref());
            // What each count counts, as the template declares it: `units["data.sessions"]`
            // prints `buổi` beside the figure, so the word travels with the declaration.
            value.units = templates
                .contract(&spec.template)
                .reads
                .into_iter()
                .filter_map(|d| Some((d.name, d.unit?)))
                .collect();
            value.documents = references.clone();
            value
        })
        .collect()
}

/// Builds every document a checked fact sheet issues: (template name, document). A template
/// that fails to render is a diagnostic at its file and line.
pub fn build_documents(
    checked: &Checked,
    templates: &Templates,
) -> Result<Vec<(String, Document)>, Diagnostics> {
    let sheet = &checked.loaded.sheet;
    let mut out = Vec::new();
    let mut errors: Vec<Diagnostic> = Vec::new();
    let values = contexts(checked, templates);
    for (spec, value) in sheet.documents.iter().zip(values) {
        match build_document(checked, templates, spec, &value) {
            Ok(doc) => out.push((spec.template.clone(), doc)),
            Err(d) => {
                if !errors.contains(&d) {
                    errors.push(*d);
                }
            }
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(Diagnostics(errors))
    }
}

/// Builds one document of a checked sheet from its template context (one of [`contexts`]):
/// the template rendered, the sheet's `sections:` applied, the model composed.
pub fn build_document(
    checked: &Checked,
    templates: &Templates,
    spec: &factsheet::DocumentSpec,
    value: &serde_json::Value,
) -> Result<Document, Box<Diagnostic>> {
    let sheet = &checked.loaded.sheet;
    let ctx = tera::Context::from_serialize(value).map_err(|e| {
        Box::new(Diagnostic::new(
            Severity::Error,
            "context-build-failed",
            "",
            args! {"detail" => e.to_string()},
        ))
    })?;
    let blocks = template::BlockNode::names(&templates.blocks(&spec.template));
    let edits = compose::sections::edits(sheet, spec, &blocks, &checked.data)
        .map_err(|d| Box::new(checked.loaded.locate(*d)))?;
    let rendered = templates.render(&spec.template, &ctx).map_err(|d| {
        // A value the template uses unguarded and the sheet lacks: name the key, at the
        // sheet, not Tera's message inside the component library.
        match templates.absent_cause(&spec.template, value) {
            Some(key) => Box::new(missing_key(checked, templates, &spec.template, &key)),
            None => d,
        }
    })?;
    compose::compose(sheet, spec, &rendered, &edits).map_err(|e| match e {
        compose::ComposeError::Section(d) => Box::new(checked.loaded.locate(*d)),
        compose::ComposeError::Template(e) => {
            // The rendered Markdown has no position in the template file: name the template
            // and the div instead.
            let mut d = Diagnostic::new(
                Severity::Error,
                "template-markup-error",
                "",
                args! {"template" => &spec.template, "detail" => e.message, "hint" => e.help},
            );
            d.file = templates.file(&spec.template).unwrap_or_default();
            Box::new(d)
        }
    })
}

/// The error for a declared name the sheet does not give and the template cannot do without.
fn missing_key(checked: &Checked, templates: &Templates, template: &str, key: &str) -> Diagnostic {
    let label = templates
        .contract(template)
        .reads
        .into_iter()
        .find(|d| d.name == key)
        .map(|d| d.label)
        .filter(|l| !l.is_empty());
    checked.loaded.locate(Diagnostic::new(
        Severity::Error,
        "template-needs-absent-key",
        key,
        args! {
            "key" => key,
            "labelled" => if label.is_some() { "yes" } else { "no" },
            "label" => label.unwrap_or_default(),
            "template" => template,
        },
    ))
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

/// Produces every file of a checked fact sheet in memory: (path, bytes) in a stable order.
/// A writer that fails is a diagnostic naming the document.
pub fn produce(
    checked: &Checked,
    templates: &Templates,
    options: &RenderOptions,
    pdf: Option<&writer::pdf::PdfRenderer>,
) -> Result<Vec<(PathBuf, Vec<u8>)>, Diagnostics> {
    let clashes = output::collisions(&checked.loaded);
    if !clashes.is_empty() {
        return Err(Diagnostics(clashes));
    }
    let documents = build_documents(checked, templates)?;
    let dir = output_dir(&options.out_dir, &checked.loaded.file);
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for (name, doc) in &documents {
        for format in &options.formats {
            let bytes = match format {
                Format::Docx => writer::docx::write(doc),
                Format::Pdf => match pdf {
                    Some(r) => r.render(doc, options.pdf),
                    None => writer::pdf::write(doc, options.pdf),
                },
                Format::Txt => Ok(writer::text::write(doc).into_bytes()),
            };
            match bytes {
                Ok(bytes) => {
                    files.push((dir.join(format!("{name}.{}", format.extension())), bytes))
                }
                Err(e) => {
                    let mut d = Diagnostic::new(
                        Severity::Error,
                        "document-write-failed",
                        "",
                        args! {
                            "file" => format!("{name}.{}", format.extension()),
                            "detail" => format!("{e:#}"),
                        },
                    );
                    d.file = checked.loaded.file.clone();
                    errors.push(d);
                }
            }
        }
    }
    if errors.is_empty() {
        Ok(files)
    } else {
        Err(Diagnostics(errors))
    }
}

/// Renders every document of a checked fact sheet in every format, writing each file
/// atomically. All files are produced in memory first, so a failing writer leaves nothing
/// half-written. Returns the paths written, in a stable order; a failure is a diagnostic (a
/// template error keeps its template file and line).
pub fn render_checked(
    checked: &Checked,
    templates: &Templates,
    options: &RenderOptions,
    pdf: Option<&writer::pdf::PdfRenderer>,
) -> Result<Vec<PathBuf>, Diagnostics> {
    let files = produce(checked, templates, options, pdf)?;
    let mut written = Vec::new();
    for (path, bytes) in files {
        output::write_atomic(&path, &bytes).map_err(|e| {
            let mut d = Diagnostic::new(
                Severity::Error,
                "file-write-failed",
                "",
                args! {"detail" => format!("{e:#}")},
            );
            d.file = checked.loaded.file.clone();
            Diagnostics(vec![d])
        })?;
        written.push(path);
    }
    Ok(written)
}
