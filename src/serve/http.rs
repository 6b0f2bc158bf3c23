//! The server: HTTP on 127.0.0.1 (`tiny_http`, synchronous, a few worker threads) and the
//! guards every request passes before the API sees it.
//!
//! - `Host` must be `127.0.0.1:PORT` or `localhost:PORT`: a page on another site that
//!   rebinds its name to 127.0.0.1 sends its own name and is refused (403).
//! - Every `/api/` request carries the token of this start (`Authorization: Bearer …`);
//!   the page itself is opened with `?token=…` and keeps it in its script (401 otherwise).
//! - A body over [`LARGEST_BODY`] is refused (413) before it is read whole.

use super::Editor;
use super::api::{self, Response};
use super::assets;
use std::io::Read;
use std::sync::Arc;

/// The largest request body read: edits of a sheet are a few kilobytes, a sheet at most
/// [`LARGEST_FILE`](crate::factsheet::load::LARGEST_FILE).
pub const LARGEST_BODY: usize = 2_000_000;

/// Worker threads: a preview lays out in parallel itself; more workers let the sheet list
/// and a download answer while a preview runs.
const WORKERS: usize = 4;

/// What the guards look at in a request.
#[derive(Debug, Clone, Copy)]
pub struct Guarded<'a> {
    pub method: &'a str,
    /// The URL as sent: path and query.
    pub url: &'a str,
    pub host: Option<&'a str>,
    pub authorization: Option<&'a str>,
}

/// A fresh random token (128 bits from the system's random source, as hex).
pub fn token() -> anyhow::Result<String> {
    let mut bytes = [0u8; 16];
    std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut bytes))
        .map_err(|e| anyhow::anyhow!("no random source for the token (/dev/urandom): {e}"))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// Compares without stopping at the first difference (no timing hint about the token).
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// The value of `name` in a query string.
fn query_value<'a>(query: &'a str, name: &str) -> Option<&'a str> {
    query
        .split('&')
        .filter_map(|kv| kv.split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// The guarded application: the editor, this start's token and port.
pub struct App {
    pub editor: Editor,
    pub token: String,
    pub port: u16,
}

fn text(status: u16, message: &str) -> Response {
    Response {
        status,
        content_type: "text/plain; charset=utf-8",
        body: message.as_bytes().to_vec(),
        download: None,
    }
}

impl App {
    /// The refusal a request gets from the guards, if any (the body is checked apart).
    pub fn refusal(&self, r: &Guarded<'_>) -> Option<Response> {
        let local = [
            format!("127.0.0.1:{}", self.port),
            format!("localhost:{}", self.port),
        ];
        if !r.host.is_some_and(|h| local.iter().any(|l| l == h)) {
            return Some(text(
                403,
                "Chỉ mở được trình soạn thảo từ máy này (http://127.0.0.1).",
            ));
        }
        let (path, query) = r.url.split_once('?').unwrap_or((r.url, ""));
        let authorised = if path.starts_with("/api/") {
            r.authorization
                .and_then(|a| a.strip_prefix("Bearer "))
                .is_some_and(|t| same(t.trim(), &self.token))
        } else if path == "/" {
            query_value(query, "token").is_some_and(|t| same(t, &self.token))
        } else {
            true // the script and the style sheet are no secret
        };
        (!authorised).then(|| {
            if path.starts_with("/api/") {
                Response::json(
                    401,
                    &serde_json::json!({ "error": "Thiếu mã truy cập hoặc mã không đúng: mở lại trình soạn thảo bằng đường dẫn vanban serve đã in ra." }),
                )
            } else {
                text(
                    401,
                    "Thiếu mã truy cập: mở trình soạn thảo bằng đường dẫn đầy đủ mà lệnh `vanban serve` đã in ra (có ?token=...).",
                )
            }
        })
    }

    /// Answers a request that passed the guards.
    pub fn answer(&self, method: &str, url: &str, body: &[u8]) -> Response {
        let path = url.split_once('?').map_or(url, |(p, _)| p);
        match (method, path) {
            ("GET", "/") => assets::page(),
            ("GET", p) if !p.starts_with("/api/") => {
                assets::file(p).unwrap_or_else(|| text(404, "Không có trang này."))
            }
            _ => api::route(&self.editor, method, path, body),
        }
    }

    /// The guards, the body limit and the answer, for a request of `tiny_http`.
    fn handle(&self, mut request: tiny_http::Request) {
        let header = |name: &'static str| {
            request
                .headers()
                .iter()
                .find(|h| h.field.equiv(name))
                .map(|h| h.value.as_str().to_string())
        };
        let host = header("Host");
        let authorization = header("Authorization");
        let method = request.method().as_str().to_string();
        let url = request.url().to_string();
        let guarded = Guarded {
            method: &method,
            url: &url,
            host: host.as_deref(),
            authorization: authorization.as_deref(),
        };
        let response = match self.refusal(&guarded) {
            Some(r) => r,
            None => match read_body(&mut request) {
                Some(body) => self.answer(&method, &url, &body),
                None => text(413, "Yêu cầu quá lớn."),
            },
        };
        respond(request, response);
    }
}

/// The body, or `None` when it is larger than [`LARGEST_BODY`] (said or found).
fn read_body(request: &mut tiny_http::Request) -> Option<Vec<u8>> {
    if request.body_length().is_some_and(|n| n > LARGEST_BODY) {
        return None;
    }
    let mut body = Vec::new();
    let limit = LARGEST_BODY as u64 + 1;
    request
        .as_reader()
        .take(limit)
        .read_to_end(&mut body)
        .ok()?;
    (body.len() <= LARGEST_BODY).then_some(body)
}

fn respond(request: tiny_http::Request, r: Response) {
    let mut headers = vec![
        ("Content-Type", r.content_type.to_string()),
        ("Cache-Control", "no-store".to_string()),
        ("X-Content-Type-Options", "nosniff".to_string()),
        ("Referrer-Policy", "no-referrer".to_string()),
        ("X-Frame-Options", "DENY".to_string()),
        (
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' blob: data:; frame-ancestors 'none'".to_string(),
        ),
    ];
    if let Some(name) = &r.download {
        headers.push((
            "Content-Disposition",
            format!(
                "attachment; filename=\"{}\"",
                name.replace(['"', '\\'], "_")
            ),
        ));
    }
    let mut response = tiny_http::Response::from_data(r.body).with_status_code(r.status);
    for (k, v) in headers {
        if let Ok(h) = tiny_http::Header::from_bytes(k.as_bytes(), v.as_bytes()) {
            response.add_header(h);
        }
    }
    // The client may have gone (a preview superseded by the next keystroke): nothing to do.
    let _ = request.respond(response);
}

/// Listens on 127.0.0.1:`port` (0: a free port), calls `ready` with the address to open
/// (token included), and serves until the process ends.
pub fn serve(editor: Editor, port: u16, ready: impl FnOnce(&str)) -> anyhow::Result<()> {
    let server = tiny_http::Server::http(("127.0.0.1", port))
        .map_err(|e| anyhow::anyhow!("cannot listen on 127.0.0.1:{port}: {e}"))?;
    let port = server
        .server_addr()
        .to_ip()
        .map(|a| a.port())
        .ok_or_else(|| anyhow::anyhow!("the server has no TCP address"))?;
    let app = Arc::new(App {
        editor,
        token: token()?,
        port,
    });
    ready(&format!("http://127.0.0.1:{port}/?token={}", app.token));
    let server = Arc::new(server);
    let workers: Vec<_> = (0..WORKERS)
        .map(|_| {
            let server = Arc::clone(&server);
            let app = Arc::clone(&app);
            std::thread::spawn(move || {
                while let Ok(request) = server.recv() {
                    app.handle(request);
                }
            })
        })
        .collect();
    for w in workers {
        let _ = w.join();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn app() -> App {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        App {
            editor: Editor::new(&dir, None).expect("editor"),
            token: "abc123".into(),
            port: 8080,
        }
    }

    fn status(app: &App, url: &str, host: Option<&str>, auth: Option<&str>) -> Option<u16> {
        app.refusal(&Guarded {
            method: "GET",
            url,
            host,
            authorization: auth,
        })
        .map(|r| r.status)
    }

    #[test]
    fn guards_refuse_foreign_hosts_and_missing_tokens() {
        let app = app();
        let local = Some("127.0.0.1:8080");
        assert_eq!(
            status(&app, "/api/sheets", local, Some("Bearer abc123")),
            None
        );
        assert_eq!(
            status(
                &app,
                "/api/sheets",
                Some("localhost:8080"),
                Some("Bearer abc123")
            ),
            None
        );
        assert_eq!(status(&app, "/api/sheets", local, None), Some(401));
        assert_eq!(
            status(&app, "/api/sheets", local, Some("Bearer abc12")),
            Some(401)
        );
        assert_eq!(
            status(
                &app,
                "/api/sheets",
                Some("evil.example:8080"),
                Some("Bearer abc123")
            ),
            Some(403)
        );
        assert_eq!(
            status(&app, "/api/sheets", None, Some("Bearer abc123")),
            Some(403)
        );
        assert_eq!(status(&app, "/?token=abc123", local, None), None);
        assert_eq!(status(&app, "/", local, None), Some(401));
        assert_eq!(status(&app, "/app.js", local, None), None);
    }

    #[test]
    fn tokens_are_random_hex() {
        let (a, b) = (token().expect("token"), token().expect("token"));
        assert_eq!(a.len(), 32);
        assert_ne!(a, b);
        assert!(a.chars().all(|c| c.is_ascii_hexdigit()));
    }
}
