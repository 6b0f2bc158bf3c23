//! The live preview: a sheet with the clerk's edits, checked and laid out in memory (the
//! file is not touched); "what changes" against the file; one document's DOCX or PDF.

use super::edit::{Edit, EditError};
use super::{ApiError, Editor};
use crate::check::{CheckOptions, Checked, check_bytes};
use crate::diagnostic::Diagnostics;
use crate::produce::build_documents;
use crate::writer;
use rayon::prelude::*;
use std::path::Path;

/// One document of the preview.
#[derive(Debug, Clone)]
pub struct Document {
    pub template: String,
    /// The file name it renders to, without extension (the template's name).
    pub name: String,
    /// Its title (kind and summary: `BÁO CÁO Kết quả …`).
    pub title: String,
    /// The document as text (what `render --format txt` writes).
    pub text: String,
    /// Its pages as SVG images, laid out as in the PDF.
    pub pages: Vec<String>,
}

/// What the editor shows for a version of a sheet: its problems and, when it has no
/// error, its documents.
#[derive(Debug, Clone)]
pub struct Preview {
    pub diagnostics: Vec<serde_json::Value>,
    pub documents: Vec<Document>,
}

/// An edit that cannot be applied, as the API refuses it.
pub(super) fn edit_refused(e: EditError) -> ApiError {
    match e {
        EditError::NoSuchField(f) => ApiError::new(
            422,
            format!("Trường {f} không có trong tệp: chỉ sửa được giá trị đã ghi trong tệp."),
        ),
        EditError::Unparsable => ApiError::new(
            422,
            "Tệp không còn đọc được (lỗi cú pháp YAML): thay đổi này không được lưu.",
        ),
        EditError::NotKept(f) => ApiError::new(
            422,
            format!("Giá trị mới của trường {f} không ghi được đúng như đã nhập."),
        ),
    }
}

impl Editor {
    /// The text of `file` with `edits` applied (the file itself is unchanged).
    pub(super) fn edited(&self, file: &Path, edits: &[Edit]) -> Result<String, ApiError> {
        let source = read(file)?;
        let merged = self.merged(&source, file);
        super::edit::apply(&source, edits, &|key| {
            super::form::is_text(key, &merged, &source)
        })
        .map_err(edit_refused)
    }

    /// The declarations of the templates a version of a sheet uses (none when it does not
    /// load far enough to name its documents).
    pub(super) fn merged(&self, source: &str, file: &Path) -> crate::contract::Merged {
        match crate::factsheet::load::load_str(source, file) {
            Ok(loaded) => crate::check::contracts(&loaded, &self.templates).0,
            Err(_) => crate::contract::Merged::default(),
        }
    }

    /// Checks a version of the sheet at `file` held in memory.
    pub(super) fn check_text(&self, file: &Path, text: String) -> Result<Checked, Diagnostics> {
        let covers = |c: char| self.pdf.covers(c);
        check_bytes(
            file,
            text.into_bytes(),
            &self.templates,
            &CheckOptions {
                covers: Some(&covers),
                ..CheckOptions::default()
            },
        )
    }

    /// The preview of the sheet `relative` with `edits`: its diagnostics and, without an
    /// error, every document as text and SVG pages (laid out in parallel).
    pub fn preview(&self, relative: &str, edits: &[Edit]) -> Result<Preview, ApiError> {
        let file = self.resolve(relative)?;
        let text = self.edited(&file, edits)?;
        let checked = match self.check_text(&file, text) {
            Ok(c) => c,
            Err(d) => {
                return Ok(Preview {
                    diagnostics: d.0.iter().map(|d| self.diagnostic_json(d)).collect(),
                    documents: Vec::new(),
                });
            }
        };
        let mut diagnostics: Vec<serde_json::Value> = checked
            .warnings
            .0
            .iter()
            .map(|d| self.diagnostic_json(d))
            .collect();
        let built = match build_documents(&checked, &self.templates) {
            Ok(b) => b,
            Err(d) => {
                diagnostics.extend(d.0.iter().map(|d| self.diagnostic_json(d)));
                return Ok(Preview {
                    diagnostics,
                    documents: Vec::new(),
                });
            }
        };
        let laid: Vec<Result<Document, String>> = built
            .par_iter()
            .map(|(name, doc)| {
                let pages = self
                    .pdf
                    .svg_pages(doc)
                    .map_err(|e| format!("{name}: {e:#}"))?;
                Ok(Document {
                    template: name.clone(),
                    name: name.clone(),
                    title: doc.meta.title.clone(),
                    text: writer::text::write(doc),
                    pages,
                })
            })
            .collect();
        let mut documents = Vec::new();
        for d in laid {
            match d {
                Ok(d) => documents.push(d),
                Err(e) => diagnostics.push(serde_json::json!({
                    "severity": "error", "file": relative, "field": "", "line": null,
                    "column": null, "message": e, "help": null,
                })),
            }
        }
        Ok(Preview {
            diagnostics,
            documents,
        })
    }

    /// The texts of every document of a version of a sheet (`None` when it has errors).
    fn texts(&self, file: &Path, text: String) -> Option<Vec<(String, String)>> {
        let checked = self.check_text(file, text).ok()?;
        let built = build_documents(&checked, &self.templates).ok()?;
        Some(
            built
                .into_iter()
                .map(|(name, doc)| (name, writer::text::write(&doc)))
                .collect(),
        )
    }

    /// "What changes": per document, the lines of text the edits change against the file
    /// on disk (as `vanban diff` prints them). `None` for a side that has errors.
    pub fn diff(&self, relative: &str, edits: &[Edit]) -> Result<serde_json::Value, ApiError> {
        let file = self.resolve(relative)?;
        let old = self.texts(&file, read(&file)?);
        let new = self.texts(&file, self.edited(&file, edits)?);
        let Some(new) = new else {
            return Ok(serde_json::json!({ "ok": false, "documents": [] }));
        };
        let old = old.unwrap_or_default();
        let documents: Vec<serde_json::Value> = crate::app::diff::pair(&old, &new)
            .into_iter()
            .map(|(name, diff)| serde_json::json!({ "template": name, "diff": diff }))
            .collect();
        Ok(serde_json::json!({ "ok": true, "documents": documents }))
    }

    /// One document of the sheet on disk as DOCX or PDF (`format`: `docx` or `pdf`).
    pub fn document(
        &self,
        relative: &str,
        template: &str,
        format: &str,
    ) -> Result<Vec<u8>, ApiError> {
        let file = self.resolve(relative)?;
        let refused = |_| {
            ApiError::new(
                422,
                "Tệp số liệu còn lỗi: sửa các lỗi trước khi tải văn bản.",
            )
        };
        let checked = self.check_text(&file, read(&file)?).map_err(refused)?;
        let built = build_documents(&checked, &self.templates).map_err(refused)?;
        let (_, doc) = built
            .iter()
            .find(|(name, _)| name == template)
            .ok_or_else(|| ApiError::new(404, format!("Tệp này không có văn bản {template}.")))?;
        let bytes = match format {
            "docx" => writer::docx::write(doc),
            "pdf" => self
                .pdf
                .render(doc, writer::pdf::PdfOptions { pdf_a: true }),
            _ => return Err(ApiError::new(404, "Chỉ tải được DOCX hoặc PDF.")),
        };
        bytes.map_err(|e| ApiError::new(500, format!("Không tạo được văn bản: {e:#}")))
    }
}

/// A sheet's text as on disk (at most [`LARGEST_FILE`](crate::factsheet::load::LARGEST_FILE)).
pub(super) fn read(file: &Path) -> Result<String, ApiError> {
    let bytes =
        std::fs::read(file).map_err(|e| ApiError::new(500, format!("Không đọc được tệp: {e}")))?;
    if bytes.len() as u64 > crate::factsheet::load::LARGEST_FILE {
        return Err(ApiError::new(413, "Tệp quá lớn để là một tệp số liệu."));
    }
    String::from_utf8(bytes).map_err(|_| ApiError::new(422, "Tệp không phải văn bản UTF-8."))
}
