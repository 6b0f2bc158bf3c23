//! The folder's sheets: the list with each one's status, one sheet as a form, saving edits in
//! place, a new sheet from the `init` skeleton, and rendering the whole folder.

use super::edit::Edit;
use super::preview::read;
use super::{ApiError, Editor};
use crate::app::{Captured, MessageFormat, Reporter};
use crate::factsheet::load::{load_str, sha256};
use crate::factsheet::{FactSheet, find};
use rayon::prelude::*;
use serde_json::{Value, json};
use std::path::Path;

/// The period of a sheet as the page names it (the page words it: "năm 2024", "8 tháng đầu
/// năm 2024", "giai đoạn 2015 - 2024").
fn period_json(sheet: &FactSheet) -> Value {
    json!({
        "kind": sheet.period.kind().name(),
        "year": sheet.period.year,
        "first_year": sheet.period.first_year,
        "months": sheet.period.months,
    })
}

/// The unit of a sheet: its name and level word (`phường`, `Ba Đình`).
fn unit_json(sheet: &FactSheet) -> Value {
    json!({ "name": sheet.unit.name, "level": sheet.unit.level.word() })
}

impl Editor {
    /// Every sheet under the folder (the `output/` folder the editor renders into is not
    /// searched), each checked: `ok`, `warnings` or `errors`, with its unit, period and
    /// documents when it loads that far.
    pub fn list(&self) -> Result<Value, ApiError> {
        let files = find::sheets_in(&crate::source::DISK, &self.dir)
            .map_err(|e| ApiError::new(500, format!("Không đọc được thư mục: {e}")))?;
        let output = self.dir.join("output");
        let sheets: Vec<Value> = files
            .par_iter()
            .filter(|f| !f.starts_with(&output))
            .map(|file| self.summary(file))
            .collect();
        Ok(json!({ "sheets": sheets }))
    }

    fn summary(&self, file: &Path) -> Value {
        let path = self.relative(file);
        let Ok(text) = read(file) else {
            return json!({ "path": path, "status": "errors", "errors": 1, "warnings": 0 });
        };
        let loaded = load_str(&text, file).ok();
        let (status, errors, warnings) = match self.check_text(file, text) {
            Ok(c) if c.warnings.0.is_empty() => ("ok", 0, 0),
            Ok(c) => ("warnings", 0, c.warnings.0.len()),
            Err(d) => (
                if d.has_errors() { "errors" } else { "warnings" },
                d.error_count(),
                d.0.len() - d.error_count(),
            ),
        };
        let mut v =
            json!({ "path": path, "status": status, "errors": errors, "warnings": warnings });
        if let Some(l) = loaded {
            put(&mut v, "unit", unit_json(&l.sheet));
            put(&mut v, "period", period_json(&l.sheet));
            put(
                &mut v,
                "documents",
                l.sheet
                    .documents
                    .iter()
                    .map(|d| Value::from(d.template.clone()))
                    .collect(),
            );
        }
        v
    }

    /// One sheet as the form shows it: every value with its label, kind and place, the
    /// outline of each document's template (the blocks `sections:` anchors to), the sheet's
    /// own `sections:` entries, and the file's SHA-256 (`hash`, the base of a save).
    pub fn sheet(&self, relative: &str) -> Result<Value, ApiError> {
        let file = self.resolve(relative)?;
        let text = read(&file)?;
        let merged = self.merged(&text, &file);
        let fields = super::form::fields(&text, &merged).map_err(super::preview::edit_refused)?;
        let fields: Vec<Value> = fields
            .into_iter()
            .map(|f| {
                json!({
                    "key": f.key, "label": f.label, "kind": f.kind, "value": f.value,
                    "position": { "line": f.position.line, "column": f.position.column },
                    "group": f.grid.as_ref().map(|c| &c.group),
                    "group_label": f.grid.as_ref().map(|c| &c.group_label),
                    "row": f.grid.as_ref().map(|c| &c.row),
                    "column": f.grid.as_ref().map(|c| &c.column),
                    "column_label": f.grid.as_ref().map(|c| &c.column_label),
                })
            })
            .collect();
        let loaded = load_str(&text, &file).ok();
        let mut outline = Vec::new();
        if let Some(l) = &loaded {
            for spec in &l.sheet.documents {
                if self.templates.exists(&spec.template) {
                    outline.push(json!({
                        "template": spec.template,
                        "blocks": blocks_json(&self.templates.blocks(&spec.template)),
                    }));
                }
            }
        }
        let mut v = json!({
            "path": relative,
            "hash": sha256(text.as_bytes()),
            "fields": fields,
            "outline": outline,
        });
        if let Some(l) = &loaded {
            put(&mut v, "unit", unit_json(&l.sheet));
            put(&mut v, "period", period_json(&l.sheet));
            put(
                &mut v,
                "sections",
                serde_json::to_value(&l.sheet.sections).unwrap_or_default(),
            );
        }
        Ok(v)
    }

    /// Writes `edits` into the sheet: only the edited values' text changes. Refused with 409
    /// when the file is no longer the version `base` (its SHA-256) the clerk edited, and with
    /// 422 when the result would not parse. Returns the new hash and the new diagnostics.
    pub fn save(&self, relative: &str, base: &str, edits: &[Edit]) -> Result<Value, ApiError> {
        let file = self.resolve(relative)?;
        let current = read(&file)?;
        if sha256(current.as_bytes()) != base {
            return Err(ApiError::new(
                409,
                "Tệp đã được sửa ở nơi khác sau khi anh/chị mở nó: thay đổi chưa được lưu. \
                 Hãy tải lại tệp, rồi nhập lại các thay đổi.",
            ));
        }
        let text = self.edited(&file, edits)?;
        if let Err(e) = serde_saphyr::from_str::<Value>(&text) {
            // The sheet could not be opened again: nothing is written.
            return Err(ApiError::new(
                422,
                format!("Sau khi sửa, tệp không còn đọc được ({e}). Thay đổi không được lưu."),
            ));
        }
        crate::output::write_atomic(&file, text.as_bytes())
            .map_err(|e| ApiError::new(500, format!("Không ghi được tệp: {e:#}")))?;
        let diagnostics: Vec<Value> = match self.check_text(&file, text.clone()) {
            Ok(c) => c
                .warnings
                .0
                .iter()
                .map(|d| self.diagnostic_json(d))
                .collect(),
            Err(d) => d.0.iter().map(|d| self.diagnostic_json(d)).collect(),
        };
        Ok(json!({ "hash": sha256(text.as_bytes()), "diagnostics": diagnostics }))
    }

    /// A new sheet at `relative` from `vanban init`'s skeleton for `template` (or the plain
    /// skeleton) and `level`. An existing file is never overwritten (409).
    pub fn create(
        &self,
        relative: &str,
        template: Option<&str>,
        level: &str,
    ) -> Result<Value, ApiError> {
        let path = Path::new(relative);
        let plain = path
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)));
        if !plain || !find::is_sheet(path) || relative.is_empty() {
            return Err(ApiError::new(
                422,
                "Tên tệp phải là một đường dẫn trong thư mục, kết thúc bằng .yaml.",
            ));
        }
        let file = self.dir.join(path);
        let parent = file.parent().unwrap_or(&self.dir);
        let parent_real = parent.canonicalize().map_err(|_| {
            ApiError::new(
                422,
                "Thư mục chứa tệp mới phải có sẵn trong thư mục đang mở.",
            )
        })?;
        if !parent_real.starts_with(&self.dir) {
            return Err(ApiError::not_found());
        }
        if file.exists() || file.symlink_metadata().is_ok() {
            return Err(ApiError::new(409, "Đã có tệp tên này: chọn tên khác."));
        }
        let console = Captured::default();
        let reporter = Reporter::new(&console, MessageFormat::Human, crate::i18n::Lang::Vi);
        let options = crate::app::init::Options {
            kind: level.to_string(),
            template: template.map(str::to_string),
            templates: self.templates_dir.clone(),
            year: None,
        };
        let exit = crate::app::init::run(options, &reporter)
            .map_err(|e| ApiError::new(500, format!("{e:#}")))?;
        let text = console.out.lock().map(|s| s.clone()).unwrap_or_default();
        if exit != crate::app::Exit::Success || text.is_empty() {
            let err = console.err.lock().map(|s| s.clone()).unwrap_or_default();
            return Err(ApiError::new(422, err.trim().to_string()));
        }
        crate::output::write_atomic(&file, text.as_bytes())
            .map_err(|e| ApiError::new(500, format!("Không ghi được tệp: {e:#}")))?;
        Ok(json!({ "path": relative, "hash": sha256(text.as_bytes()) }))
    }

    /// Renders every sheet of the folder to `output/` inside it (DOCX and PDF, as `vanban
    /// render DIR --out DIR/output`): the files written and the sheets refused.
    pub fn render_all(&self) -> Result<Value, ApiError> {
        {
            let mut state = self.rendering.lock().unwrap_or_else(|e| e.into_inner());
            if state.running {
                return Err(ApiError::new(
                    409,
                    "Thư mục đang được xuất: chờ lần xuất này xong.",
                ));
            }
            *state = Rendering {
                running: true,
                ..Rendering::default()
            };
        }
        let result = self.render_folder();
        let mut state = self.rendering.lock().unwrap_or_else(|e| e.into_inner());
        state.running = false;
        result
    }

    /// How far the folder's render is: `{"running", "done", "total"}` (sheets).
    pub fn render_progress(&self) -> Value {
        let state = self.rendering.lock().unwrap_or_else(|e| e.into_inner());
        json!({"running": state.running, "done": state.done, "total": state.total})
    }

    fn render_folder(&self) -> Result<Value, ApiError> {
        let console = Progress {
            captured: Captured::default(),
            state: &self.rendering,
        };
        let reporter = Reporter::new(&console, MessageFormat::Json, crate::i18n::Lang::Vi);
        let options = crate::app::render::Options {
            paths: vec![self.dir.clone()],
            out: self.dir.join("output"),
            format: vec![
                crate::app::render::FormatArg::Docx,
                crate::app::render::FormatArg::Pdf,
            ],
            templates: self.templates_dir.clone(),
            pdf_standard: crate::app::render::PdfStandard::A2b,
            message_format: MessageFormat::Json,
            force: false,
            figures: None,
            progress: false,
        };
        let exit = crate::app::render::run(options, &reporter)
            .map_err(|e| ApiError::new(500, format!("{e:#}")))?;
        let out = console
            .captured
            .out
            .lock()
            .map(|s| s.clone())
            .unwrap_or_default();
        let err = console
            .captured
            .err
            .lock()
            .map(|s| s.clone())
            .unwrap_or_default();
        let errors: Vec<Value> = err
            .lines()
            .filter_map(|l| serde_json::from_str::<Value>(l).ok())
            .filter(|v| v.get("severity").is_some_and(|s| s == "error"))
            .collect();
        Ok(json!({
            "ok": exit == crate::app::Exit::Success,
            "files": out.lines().count(),
            "errors": errors.len(),
            "output": "output",
        }))
    }
}

/// Sets `key` of a JSON object.
fn put(v: &mut Value, key: &str, value: Value) {
    if let Some(map) = v.as_object_mut() {
        map.insert(key.to_string(), value);
    }
}

/// A template's blocks as a tree of names.
fn blocks_json(nodes: &[crate::template::BlockNode]) -> Vec<Value> {
    nodes
        .iter()
        .map(|n| json!({ "name": n.name, "children": blocks_json(&n.children) }))
        .collect()
}

/// How far the folder's render is.
#[derive(Debug, Default, Clone, Copy)]
pub struct Rendering {
    pub running: bool,
    /// Fact sheets through (written, skipped or refused), of `total`.
    pub done: usize,
    pub total: usize,
}

/// The render's console: keeps what is printed, and records the progress for the page.
struct Progress<'a> {
    captured: Captured,
    state: &'a std::sync::Mutex<Rendering>,
}

impl crate::app::Console for Progress<'_> {
    fn out(&self, text: &str) {
        self.captured.out(text);
    }
    fn err(&self, text: &str) {
        self.captured.err(text);
    }
    fn input(&self) -> std::io::Result<Vec<u8>> {
        self.captured.input()
    }
    fn progress(&self, done: usize, total: usize) {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        state.done = done;
        state.total = total;
    }
}
