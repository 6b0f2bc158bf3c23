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
use std::sync::Arc;

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
    /// Its pages as SVG images, laid out as in the PDF (shared with the renderer's cache).
    pub pages: Vec<Arc<str>>,
}

/// The last document laid out for each (sheet, template), with its pages.
pub(super) type LaidOut =
    std::collections::HashMap<(String, String), (crate::document::Document, Vec<Arc<str>>)>;

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
            Ok(loaded) => self.templates.contracts(&loaded).0,
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
                    .pages(relative, name, doc)
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

    /// The pages of `doc`, the document of `template` in the sheet `relative`: those of the
    /// last preview when the document is the same, else laid out anew.
    fn pages(
        &self,
        relative: &str,
        template: &str,
        doc: &crate::document::Document,
    ) -> anyhow::Result<Vec<Arc<str>>> {
        let key = (relative.to_string(), template.to_string());
        let lock = || self.laid_out.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((last, pages)) = lock().get(&key)
            && last == doc
        {
            return Ok(pages.clone());
        }
        let pages = self.pdf.svg_pages(doc)?;
        lock().insert(key, (doc.clone(), pages.clone()));
        Ok(pages)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn households(v: &str) -> Vec<Edit> {
        vec![Edit {
            field: "unit.households".into(),
            value: v.into(),
        }]
    }

    #[test]
    fn a_second_preview_exports_again_only_the_pages_that_changed() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let editor = Editor::new(&dir, None).expect("editor");
        let sheet = "phuong-ba-dinh-2024.yaml";
        let a = editor.preview(sheet, &households("3600")).expect("preview");
        let b = editor.preview(sheet, &households("3700")).expect("preview");
        assert!(a.diagnostics.is_empty(), "{:?}", a.diagnostics);
        assert_eq!(a.documents.len(), 4);
        let first = |p: &Preview| p.documents[0].text.clone();
        assert!(first(&a).contains("có 3.600 hộ") && first(&b).contains("có 3.700 hộ"));
        let pages = |p: &Preview| -> Vec<Arc<str>> {
            p.documents.iter().flat_map(|d| d.pages.clone()).collect()
        };
        let (a, b) = (pages(&a), pages(&b));
        assert_eq!(a.len(), b.len());
        let reused = a.iter().zip(&b).filter(|(x, y)| Arc::ptr_eq(x, y)).count();
        let changed = a.iter().zip(&b).filter(|(x, y)| x != y).count();
        assert!(changed >= 1, "the page with the households changed");
        assert!(
            reused >= a.len() / 2,
            "{reused} of {} pages reused",
            a.len()
        );
        assert_eq!(reused + changed, a.len(), "a page is either reused or new");
    }

    #[test]
    fn the_file_is_never_touched_by_a_preview() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let editor = Editor::new(&dir, None).expect("editor");
        let file = dir.join("xa-po-y-2024-8-thang.yaml");
        let before = std::fs::read(&file).expect("sheet");
        let p = editor
            .preview("xa-po-y-2024-8-thang.yaml", &[])
            .expect("preview");
        assert!(!p.documents.is_empty());
        assert_eq!(std::fs::read(&file).expect("sheet"), before);
    }
}
