//! The page, embedded in the binary: plain HTML, CSS and script, no CDN and no build step.

use super::api::Response;

const INDEX: &str = include_str!("assets/index.html");
const SCRIPT: &str = include_str!("assets/app.js");
const STYLE: &str = include_str!("assets/style.css");

fn asset(content_type: &'static str, text: &str) -> Response {
    Response {
        status: 200,
        content_type,
        body: text.as_bytes().to_vec(),
        download: None,
    }
}

/// The editor's page.
pub fn page() -> Response {
    asset("text/html; charset=utf-8", INDEX)
}

/// The script or the style sheet at `path`.
pub fn file(path: &str) -> Option<Response> {
    match path {
        "/app.js" => Some(asset("text/javascript; charset=utf-8", SCRIPT)),
        "/style.css" => Some(asset("text/css; charset=utf-8", STYLE)),
        _ => None,
    }
}
