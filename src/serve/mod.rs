//! `vanban serve`: a local web editor over a folder of fact sheets, with a live preview of
//! every document as the PDF lays it out.
//!
//! [`Editor`] is the whole application without HTTP: it lists the folder's sheets, describes
//! one as a form, previews edits in memory, saves them into the YAML in place and produces
//! the documents. [`api`] maps requests to it; [`http`] is the server and its guards (the
//! token, the `Host` header, the body limit); [`assets`] is the page. The API is documented in
//! docs/serve.md.

pub mod api;
pub mod assets;
pub mod command;
pub mod edit;
pub mod form;
pub mod http;
mod preview;
mod sheets;

pub use preview::{Document, Preview};

use crate::diagnostic::Diagnostic;
use crate::template::Templates;
use crate::writer::pdf::PdfRenderer;
use std::path::{Component, Path, PathBuf};

/// A refusal of the API: an HTTP status and a message for the clerk (Vietnamese).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub status: u16,
    pub message: String,
}

impl ApiError {
    pub fn new(status: u16, message: impl Into<String>) -> Self {
        ApiError {
            status,
            message: message.into(),
        }
    }

    fn not_found() -> Self {
        ApiError::new(404, "Không có tệp số liệu này trong thư mục đang mở.")
    }
}

/// The text of a diagnostic as the editor shows it: the catalogue's Vietnamese (the page is
/// Vietnamese). The one place the page's words for a problem come from.
pub fn message(d: &Diagnostic) -> String {
    d.text(crate::i18n::Lang::Vi).into_owned()
}

/// The help line of a diagnostic as the editor shows it (see [`message`]).
pub fn help(d: &Diagnostic) -> Option<String> {
    d.help_text(crate::i18n::Lang::Vi)
        .map(std::borrow::Cow::into_owned)
}

/// The editor over one folder: the templates and the PDF renderer stay loaded (and Typst's
/// layout memo warm) for the life of the server.
pub struct Editor {
    /// The folder, canonical: every path the API takes must resolve inside it.
    dir: PathBuf,
    templates: Templates,
    /// The templates folder given (`--templates`), for the commands the editor runs.
    templates_dir: Option<PathBuf>,
    pdf: PdfRenderer,
    /// The last pages of each (sheet, template) previewed, with the document they show: a
    /// document an edit did not change is not laid out again.
    laid_out: std::sync::Mutex<preview::LaidOut>,
    /// How far the folder's render is (`POST /api/render`), for the page to poll.
    rendering: std::sync::Mutex<sheets::Rendering>,
}

impl Editor {
    /// An editor over `dir` with the built-in templates, overridden by `templates` if given.
    pub fn new(dir: &Path, templates: Option<&Path>) -> anyhow::Result<Editor> {
        let dir = dir
            .canonicalize()
            .map_err(|e| anyhow::anyhow!("{}: {e}", dir.display()))?;
        if !dir.is_dir() {
            anyhow::bail!("{}: not a folder", dir.display());
        }
        Ok(Editor {
            dir,
            templates: Templates::load(templates)?,
            templates_dir: templates.map(Path::to_path_buf),
            pdf: PdfRenderer::new()?,
            laid_out: std::sync::Mutex::default(),
            rendering: std::sync::Mutex::default(),
        })
    }

    /// The folder served (canonical).
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The sheet file a request names (`xa/thach-binh.yaml`, relative to the folder): only
    /// a `*.yaml`/`*.yml` file that is inside the folder once every link is followed. Anything
    /// else — `..`, an absolute path, a link out, a missing file — is "not found", so the
    /// answer tells nothing about what lies outside.
    pub fn resolve(&self, relative: &str) -> Result<PathBuf, ApiError> {
        let path = Path::new(relative);
        let plain =
            !relative.is_empty() && path.components().all(|c| matches!(c, Component::Normal(_)));
        if !plain || !crate::factsheet::find::is_sheet(path) {
            return Err(ApiError::not_found());
        }
        let real = self
            .dir
            .join(path)
            .canonicalize()
            .map_err(|_| ApiError::not_found())?;
        if !real.starts_with(&self.dir) || !real.is_file() {
            return Err(ApiError::not_found());
        }
        Ok(real)
    }

    /// A path inside the folder as the API names it: relative, with `/`.
    fn relative(&self, path: &Path) -> String {
        let rel = path.strip_prefix(&self.dir).unwrap_or(path);
        rel.components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/")
    }

    /// A diagnostic as the API gives it: the file relative to the folder when it is inside.
    fn diagnostic_json(&self, d: &Diagnostic) -> serde_json::Value {
        let file = if d.file.starts_with(&self.dir) {
            self.relative(&d.file)
        } else {
            d.file.display().to_string()
        };
        serde_json::json!({
            "severity": d.severity.name(),
            "code": d.code,
            "file": file,
            "field": d.path,
            "line": d.position.map(|p| p.line),
            "column": d.position.map(|p| p.column),
            "message": message(d),
            "help": help(d),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_sheets_inside_the_folder_resolve() {
        let dir = std::env::temp_dir().join(format!("vanban-serve-resolve-{}", std::process::id()));
        let inside = dir.join("in");
        std::fs::create_dir_all(inside.join("xa")).expect("mkdir");
        std::fs::write(inside.join("a.yaml"), "x: 1\n").expect("write");
        std::fs::write(inside.join("xa/b.yml"), "x: 1\n").expect("write");
        std::fs::write(inside.join("notes.txt"), "x").expect("write");
        std::fs::write(dir.join("secret.yaml"), "x: 1\n").expect("write");
        #[cfg(unix)]
        std::os::unix::fs::symlink(dir.join("secret.yaml"), inside.join("link.yaml"))
            .expect("symlink");
        let editor = Editor::new(&inside, None).expect("editor");
        assert!(editor.resolve("a.yaml").is_ok());
        assert!(editor.resolve("xa/b.yml").is_ok());
        for bad in [
            "../secret.yaml",
            "xa/../../secret.yaml",
            "/etc/passwd",
            "notes.txt",
            "missing.yaml",
            "link.yaml",
            "",
            "./a.yaml",
        ] {
            assert_eq!(editor.resolve(bad).map_err(|e| e.status), Err(404), "{bad}");
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
}
