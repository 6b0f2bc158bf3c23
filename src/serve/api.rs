//! The JSON API (docs/serve.md): a request's method, path and body to the [`Editor`] call
//! it names, and the answer as a response. Guards (token, host, size) are [`super::http`]'s.

use super::edit::Edit;
use super::{ApiError, Editor};
use serde::Deserialize;
use serde_json::{Value, json};

/// An answer: status, content type, bytes, and for a download its file name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    pub status: u16,
    pub content_type: &'static str,
    pub body: Vec<u8>,
    pub download: Option<String>,
}

impl Response {
    pub fn json(status: u16, value: &Value) -> Response {
        Response {
            status,
            content_type: "application/json; charset=utf-8",
            body: value.to_string().into_bytes(),
            download: None,
        }
    }

    pub fn error(e: &ApiError) -> Response {
        Response::json(e.status, &json!({ "error": e.message }))
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Edits {
    #[serde(default)]
    edits: Vec<Edit>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Save {
    base: String,
    #[serde(default)]
    edits: Vec<Edit>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct New {
    path: String,
    #[serde(default)]
    template: Option<String>,
    #[serde(default = "default_level")]
    level: String,
}

fn default_level() -> String {
    "phuong".into()
}

fn body<'a, T: Deserialize<'a>>(bytes: &'a [u8]) -> Result<T, ApiError> {
    serde_json::from_slice(bytes)
        .map_err(|e| ApiError::new(400, format!("Yêu cầu không đúng dạng JSON: {e}")))
}

/// `%xx` escapes of a URL path decoded; `None` when they do not make UTF-8.
pub fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Answers one API request; `path` is the URL path without the query (still escaped).
pub fn route(editor: &Editor, method: &str, path: &str, bytes: &[u8]) -> Response {
    match answer(editor, method, path, bytes) {
        Ok(r) => r,
        Err(e) => Response::error(&e),
    }
}

fn answer(editor: &Editor, method: &str, path: &str, bytes: &[u8]) -> Result<Response, ApiError> {
    let ok = |v: Value| Ok(Response::json(200, &v));
    let not_allowed = || {
        Err(ApiError::new(
            405,
            "Phương thức không được hỗ trợ ở địa chỉ này.",
        ))
    };
    match path {
        "/api/sheets" => {
            return match method {
                "GET" => ok(editor.list()?),
                "POST" => {
                    let new: New = body(bytes)?;
                    let created = editor.create(&new.path, new.template.as_deref(), &new.level)?;
                    Ok(Response::json(201, &created))
                }
                _ => not_allowed(),
            };
        }
        "/api/render" => {
            return match method {
                "POST" => ok(editor.render_all()?),
                "GET" => ok(editor.render_progress()),
                _ => not_allowed(),
            };
        }
        _ => {}
    }
    let rest = path
        .strip_prefix("/api/sheets/")
        .ok_or_else(|| ApiError::new(404, "Không có địa chỉ này."))?;
    let rest = percent_decode(rest).ok_or_else(|| ApiError::new(404, "Không có địa chỉ này."))?;
    if let Some(sheet) = rest.strip_suffix("/preview") {
        if method != "POST" {
            return not_allowed();
        }
        let edits: Edits = body(bytes)?;
        return ok(preview_json(&editor.preview(sheet, &edits.edits)?));
    }
    if let Some(sheet) = rest.strip_suffix("/diff") {
        if method != "POST" {
            return not_allowed();
        }
        let edits: Edits = body(bytes)?;
        return ok(editor.diff(sheet, &edits.edits)?);
    }
    if let Some((sheet, file)) = rest.rsplit_once("/documents/") {
        if method != "GET" {
            return not_allowed();
        }
        let (template, format) = file
            .rsplit_once('.')
            .ok_or_else(|| ApiError::new(404, "Chỉ tải được DOCX hoặc PDF."))?;
        let bytes = editor.document(sheet, template, format)?;
        let stem = std::path::Path::new(sheet)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        return Ok(Response {
            status: 200,
            content_type: if format == "pdf" {
                "application/pdf"
            } else {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            },
            body: bytes,
            download: Some(format!("{stem}-{template}.{format}")),
        });
    }
    match method {
        "GET" => ok(editor.sheet(&rest)?),
        "PUT" => {
            let save: Save = body(bytes)?;
            ok(editor.save(&rest, &save.base, &save.edits)?)
        }
        _ => not_allowed(),
    }
}

/// A preview as the API gives it.
pub fn preview_json(p: &super::Preview) -> Value {
    json!({
        "diagnostics": p.diagnostics,
        "documents": p.documents.iter().map(|d| json!({
            "template": d.template, "name": d.name, "title": d.title, "text": d.text,
            "pages": d.pages.iter().map(|p| &**p).collect::<Vec<&str>>(),
        })).collect::<Vec<_>>(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_decode_and_bad_ones_fail() {
        assert_eq!(
            percent_decode("xa%2Fth%C3%A1ch.yaml").as_deref(),
            Some("xa/thách.yaml")
        );
        assert_eq!(
            percent_decode("%2e%2e/a.yaml").as_deref(),
            Some("../a.yaml")
        );
        assert_eq!(percent_decode("%zz"), None);
        assert_eq!(percent_decode("%C3"), None);
    }
}
