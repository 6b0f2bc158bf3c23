//! `vanban serve`: the guards and the API over HTTP, and the editor driven in headless
//! Chromium (WebDriver) — open, pick the Ba Đình sheet, change the households, see the
//! preview and an inline error, save, and find exactly that line changed in the file.

use crate::common::tmp::{copy_tree, temp_dir};
use crate::common::webdriver::{Answer, Browser, Running, request};
use serde_json::{Value, json};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const SHEET: &str = "phuong-ba-dinh-2024.yaml";
const YEN_LAC: &str = "huyen-yen-lac-2015-2024.yaml";

/// A `vanban serve` on a copy of data/: the process, its port, its token and the folder.
struct Server {
    _process: Running,
    port: u16,
    token: String,
    url: String,
    dir: PathBuf,
}

fn serve(name: &str) -> Server {
    let dir = temp_dir(name);
    copy_tree(&Path::new(env!("CARGO_MANIFEST_DIR")).join("data"), &dir);
    let mut child = Command::new(env!("CARGO_BIN_EXE_vanban"))
        .arg("serve")
        .arg(&dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("vanban serve starts");
    let stdout = child.stdout.take().expect("stdout");
    let process = Running(child);
    let mut line = String::new();
    BufReader::new(stdout)
        .read_line(&mut line)
        .expect("the address");
    let url = line.trim().to_string();
    let rest = url
        .strip_prefix("http://127.0.0.1:")
        .unwrap_or_else(|| panic!("not a local address: {url:?}"));
    let (port, token) = rest.split_once("/?token=").expect("a token in the address");
    assert!(token.len() >= 32, "a long random token: {token}");
    Server {
        _process: process,
        port: port.parse().expect("a port"),
        token: token.to_string(),
        url,
        dir,
    }
}

impl Server {
    fn api(&self, method: &str, path: &str, body: &Value) -> Answer {
        let auth = format!("Bearer {}", self.token);
        let body = if body.is_null() {
            Vec::new()
        } else {
            body.to_string().into_bytes()
        };
        request(
            self.port,
            method,
            path,
            &[
                ("Authorization", &auth),
                ("Content-Type", "application/json"),
            ],
            &body,
        )
    }
}

/// The lines of two texts that differ, as (line number, old, new); same length assumed.
fn changed_lines(old: &str, new: &str) -> Vec<(usize, String, String)> {
    assert_eq!(old.lines().count(), new.lines().count(), "{new}");
    old.lines()
        .zip(new.lines())
        .enumerate()
        .filter(|(_, (a, b))| a != b)
        .map(|(i, (a, b))| (i + 1, a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn the_api_refuses_strangers_and_escapes_and_saves_one_line() {
    let s = serve("serve-api");
    let original = std::fs::read_to_string(s.dir.join(SHEET)).expect("sheet");

    // No token, a wrong one, a page without it: 401. A foreign Host (DNS rebinding): 403.
    let no_token = request(s.port, "GET", "/api/sheets", &[], b"");
    assert_eq!(no_token.status, 401, "{}", no_token.text());
    let wrong = request(
        s.port,
        "GET",
        "/api/sheets",
        &[("Authorization", "Bearer 0000")],
        b"",
    );
    assert_eq!(wrong.status, 401);
    assert_eq!(request(s.port, "GET", "/", &[], b"").status, 401);
    let auth = format!("Bearer {}", s.token);
    let foreign = request(
        s.port,
        "GET",
        "/api/sheets",
        &[("Host", "attacker.example"), ("Authorization", &auth)],
        b"",
    );
    assert_eq!(foreign.status, 403);
    let page = request(s.port, "GET", &format!("/?token={}", s.token), &[], b"");
    assert_eq!(page.status, 200);
    assert!(page.text().contains("<html lang=\"vi\">"));

    // Paths out of the folder are not found, however written.
    std::fs::write(s.dir.parent().expect("tmp").join("outside.yaml"), "x: 1\n").ok();
    for path in [
        "/api/sheets/../outside.yaml",
        "/api/sheets/%2e%2e/outside.yaml",
        "/api/sheets/%2e%2e%2foutside.yaml",
        "/api/sheets/%2Fetc%2Fpasswd",
        "/api/sheets/README.md",
    ] {
        let a = s.api("GET", path, &Value::Null);
        assert_eq!(a.status, 404, "{path}: {}", a.text());
    }

    // The list: every sheet with its unit and status.
    let list = s.api("GET", "/api/sheets", &Value::Null).json();
    let ba_dinh = list["sheets"]
        .as_array()
        .expect("sheets")
        .iter()
        .find(|x| x["path"] == SHEET)
        .expect("Ba Đình listed")
        .clone();
    assert_eq!(ba_dinh["status"], "ok");
    assert_eq!(ba_dinh["unit"]["name"], "Ba Đình");
    assert_eq!(ba_dinh["documents"].as_array().map(Vec::len), Some(4));

    // The form: labelled fields at their lines, and the file's hash.
    let sheet = s
        .api("GET", &format!("/api/sheets/{SHEET}"), &Value::Null)
        .json();
    let households = sheet["fields"]
        .as_array()
        .expect("fields")
        .iter()
        .find(|f| f["key"] == "unit.households")
        .expect("households")
        .clone();
    assert_eq!(households["label"], "Số hộ gia đình");
    assert_eq!(households["kind"], "count");
    assert_eq!(households["position"]["line"], 12);
    let hash = sheet["hash"].as_str().expect("hash").to_string();

    // A preview changes the text, not the file; a word for a count is an error at its line.
    let edit = |v: &str| json!({ "edits": [{ "field": "unit.households", "value": v }] });
    let p = s
        .api(
            "POST",
            &format!("/api/sheets/{SHEET}/preview"),
            &edit("3600"),
        )
        .json();
    let docs = p["documents"].as_array().expect("documents");
    assert_eq!(docs.len(), 4);
    assert!(docs[0]["text"].as_str().expect("text").contains("3.600 hộ"));
    assert!(docs.iter().all(|d| {
        d["pages"][0]
            .as_str()
            .is_some_and(|p| p.starts_with("<svg"))
    }));
    let p = s
        .api(
            "POST",
            &format!("/api/sheets/{SHEET}/preview"),
            &edit("nhiều"),
        )
        .json();
    let d = &p["diagnostics"][0];
    assert_eq!(
        (
            d["severity"].as_str(),
            d["field"].as_str(),
            d["line"].as_u64()
        ),
        (Some("error"), Some("unit.households"), Some(12)),
        "{p}"
    );
    assert_eq!(
        std::fs::read_to_string(s.dir.join(SHEET)).expect("sheet"),
        original
    );

    // What changes: the sentences with the households.
    let diff = s
        .api("POST", &format!("/api/sheets/{SHEET}/diff"), &edit("3600"))
        .json();
    let text = diff["documents"][0]["diff"].as_str().expect("a diff");
    assert!(text.contains("- ") && text.contains("3.600 hộ"), "{text}");

    // A stale base is refused and writes nothing; the right one changes exactly one line.
    let mut save = edit("3600");
    save["base"] = json!("0".repeat(64));
    let stale = s.api("PUT", &format!("/api/sheets/{SHEET}"), &save);
    assert_eq!(stale.status, 409);
    assert!(
        stale.json()["error"]
            .as_str()
            .expect("message")
            .contains("Tệp đã được sửa")
    );
    save["base"] = json!(hash);
    let saved = s.api("PUT", &format!("/api/sheets/{SHEET}"), &save);
    assert_eq!(saved.status, 200, "{}", saved.text());
    let now = std::fs::read_to_string(s.dir.join(SHEET)).expect("sheet");
    assert_eq!(
        changed_lines(&original, &now),
        [(
            12,
            "  households: 3537".to_string(),
            "  households: 3600".to_string()
        )]
    );
    // The old hash is now stale.
    assert_eq!(
        s.api("PUT", &format!("/api/sheets/{SHEET}"), &save).status,
        409
    );

    // A body over the limit is refused before it is read.
    let big = vec![b' '; 2_100_000];
    let a = request(
        s.port,
        "POST",
        &format!("/api/sheets/{SHEET}/preview"),
        &[("Authorization", &auth)],
        &big,
    );
    assert_eq!(a.status, 413);

    // A new sheet from the skeleton: written once, never over a file, never outside.
    let new = json!({ "path": "xa-moi.yaml", "template": "bao-cao-ket-qua-tt124", "level": "xa" });
    let created = s.api("POST", "/api/sheets", &new);
    assert_eq!(created.status, 201, "{}", created.text());
    let skeleton = std::fs::read_to_string(s.dir.join("xa-moi.yaml")).expect("written");
    assert!(skeleton.contains("level: xa"), "{skeleton}");
    assert_eq!(s.api("POST", "/api/sheets", &new).status, 409);
    let outside = json!({ "path": "../xa-ngoai.yaml", "level": "xa" });
    assert_eq!(s.api("POST", "/api/sheets", &outside).status, 422);
    assert!(!s.dir.parent().expect("tmp").join("xa-ngoai.yaml").exists());

    // A download is the document's bytes.
    let pdf = s.api(
        "GET",
        &format!("/api/sheets/{SHEET}/documents/to-trinh-cong-nhan.pdf"),
        &Value::Null,
    );
    assert_eq!(pdf.status, 200);
    assert!(pdf.body.starts_with(b"%PDF"));
    let docx = s.api(
        "GET",
        &format!("/api/sheets/{SHEET}/documents/bao-cao-ket-qua-tt124.docx"),
        &Value::Null,
    );
    assert!(docx.body.starts_with(b"PK"));

    // The whole folder to output/ inside it; the page polls how far it is.
    let before = s.api("GET", "/api/render", &Value::Null).json();
    assert_eq!(before, json!({"running": false, "done": 0, "total": 0}));
    let rendered = s.api("POST", "/api/render", &Value::Null);
    assert_eq!(rendered.status, 200, "{}", rendered.text());
    let rendered = rendered.json();
    assert!(rendered["files"].as_u64() > Some(10), "{rendered}");
    assert_eq!(
        rendered["errors"].as_u64().map(|n| n > 0),
        Some(true),
        "xa-moi.yaml is a skeleton"
    );
    assert!(
        s.dir
            .join("output/phuong-ba-dinh-2024/to-trinh-cong-nhan.pdf")
            .exists()
    );
    let sheets = vanban::factsheet::find::sheets_in(&vanban::source::DISK, &s.dir)
        .expect("the folder")
        .into_iter()
        .filter(|p| !p.starts_with(s.dir.join("output")))
        .count();
    let after = s.api("GET", "/api/render", &Value::Null).json();
    assert_eq!(
        after,
        json!({"running": false, "done": sheets, "total": sheets})
    );

    // A per-year series and a table come with their grid: group, row and column per field.
    let yl = s
        .api("GET", &format!("/api/sheets/{YEN_LAC}"), &Value::Null)
        .json();
    let fields = yl["fields"].as_array().expect("fields");
    let field = |key: &str| {
        fields
            .iter()
            .find(|f| f["key"] == key)
            .unwrap_or_else(|| panic!("{key} in {yl}"))
    };
    let cell = field("data.areas.2017.recognised");
    assert_eq!(
        (
            &cell["group"],
            &cell["row"],
            &cell["column"],
            &cell["column_label"]
        ),
        (
            &json!("data.areas"),
            &json!("2017"),
            &json!("recognised"),
            &json!("Được công nhận")
        )
    );
    let grouped = |g: &str| fields.iter().filter(|f| f["group"] == g).count();
    assert_eq!(grouped("data.areas"), 20, "ten years of two figures");
    assert_eq!(grouped("data.forces"), 30);
    assert_eq!(field("data.models_list[2].members")["row"], "3");
    assert_eq!(field("data.weapons")["group"], Value::Null);
}

/// chromedriver and Chromium, or `None` (with a note) on a developer's machine without them;
/// under CI they must be there.
fn browser_tools() -> Option<(PathBuf, PathBuf)> {
    let driver = PathBuf::from("/usr/bin/chromedriver");
    let chromium = PathBuf::from("/usr/bin/chromium");
    if driver.exists() && chromium.exists() {
        return Some((driver, chromium));
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "chromedriver or chromium is missing under CI: .ci/run must install chromium and chromium-driver"
    );
    eprintln!(
        "note: the browser test of `vanban serve` is skipped: install chromium and chromium-driver"
    );
    None
}

/// Saves a screenshot for the guide (docs/img/) when VANBAN_SCREENSHOTS=1.
fn screenshot(browser: &Browser, name: &str) {
    if std::env::var("VANBAN_SCREENSHOTS").is_ok_and(|v| v == "1") {
        let png = browser.screenshot();
        assert!(png.starts_with(b"\x89PNG"), "a PNG");
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("docs/img/{name}"));
        std::fs::write(&path, png).expect("screenshot written");
    }
}

/// The preview's text of every document (a JavaScript expression).
const PREVIEW_TEXT: &str =
    "Array.from(document.querySelectorAll('pre.doc-text')).map(e => e.textContent).join('\\n')";

#[test]
fn the_editor_in_a_browser_previews_flags_and_saves_one_line() {
    let Some((driver, chromium)) = browser_tools() else {
        return;
    };
    let s = serve("serve-browser");
    let original = std::fs::read_to_string(s.dir.join(SHEET)).expect("sheet");
    let browser = Browser::start(&driver, &chromium);
    browser.goto(&s.url);
    assert_eq!(
        browser.eval("return document.documentElement.lang;", json!([])),
        "vi"
    );
    // The token left the address bar.
    browser.wait_for("the address without token", "return !location.search;");

    browser.click(&format!("li.sheet[data-path=\"{SHEET}\"]"));
    let input = "input[data-key=\"unit.households\"]";
    browser.find(input);
    browser.wait_for(
        "the first preview",
        &format!("return {PREVIEW_TEXT}.includes('có 3.537 hộ') && document.querySelectorAll('img.page').length > 0"),
    );
    let label = browser.eval(
        "return document.querySelector('.field[data-key=\"unit.households\"] label').textContent;",
        json!([]),
    );
    assert!(
        label
            .as_str()
            .is_some_and(|l| l.starts_with("Số hộ gia đình")),
        "{label}"
    );
    screenshot(&browser, "serve-editor.png");

    browser.retype(input, "3600");
    browser.wait_for(
        "the preview with 3.600 households",
        &format!("return {PREVIEW_TEXT}.includes('có 3.600 hộ')"),
    );

    browser.retype(input, "nhiều");
    let error = browser.wait_for(
        "an inline error under the households",
        "const d = document.querySelector('.field[data-key=\"unit.households\"] .diag.error'); return d && d.textContent;",
    );
    assert!(
        error
            .as_str()
            .is_some_and(|e| e.contains("nhiều") && e.contains("dòng 12")),
        "{error}"
    );
    screenshot(&browser, "serve-error.png");

    browser.retype(input, "3700");
    browser.wait_for(
        "the error gone and 3.700 households",
        &format!("return {PREVIEW_TEXT}.includes('có 3.700 hộ') && !document.querySelector('.diag.error')"),
    );
    browser.click("#save");
    browser.wait_for(
        "what changes",
        "const p = document.querySelector('#diff .added'); return p && p.textContent.includes('3.700 hộ');",
    );
    screenshot(&browser, "serve-save.png");
    browser.click("#confirm-save");
    browser.wait_for(
        "the saved notice",
        "return document.getElementById('notice').textContent.startsWith('Đã lưu');",
    );
    let now = std::fs::read_to_string(s.dir.join(SHEET)).expect("sheet");
    assert_eq!(
        changed_lines(&original, &now),
        [(
            12,
            "  households: 3537".to_string(),
            "  households: 3700".to_string()
        )]
    );

    // A per-year series is one grid: a row per year, a column per figure; a cell's error
    // shows under the grid, naming its year and column.
    browser.wait_for(
        "the sheet list reloaded and the sheet reopened",
        "return document.getElementById('changes-count').textContent === '';",
    );
    browser.click(&format!("li.sheet[data-path=\"{YEN_LAC}\"]"));
    let cell = "td.cell input[data-key=\"data.areas.2017.recognised\"]";
    browser.find(cell);
    let shape = browser.eval(
        "const g = document.querySelector('.grid[data-group=\"data.areas\"]'); \
         return [g.querySelectorAll('tbody tr').length, \
                 Array.from(g.querySelectorAll('thead th')).map(t => t.textContent).join('|'), \
                 g.querySelector('tbody tr:nth-child(3) th').textContent];",
        json!([]),
    );
    assert_eq!(shape, json!([10, "Năm|Tổng số|Được công nhận", "2017"]));
    browser.wait_for(
        "the Yên Lạc preview",
        &format!("return {PREVIEW_TEXT}.includes('Yên Lạc')"),
    );
    browser.retype(cell, "300");
    let error = browser.wait_for(
        "the part above its whole under the grid",
        "const d = document.querySelector('.grid[data-group=\"data.areas\"] .diags .diag.error'); return d && d.textContent;",
    );
    assert!(
        error
            .as_str()
            .is_some_and(|e| e.starts_with("Năm 2017, Được công nhận.") && e.contains("300")),
        "{error}"
    );
    assert_eq!(
        browser.eval(
            "return document.querySelectorAll('td.cell.has-error').length;",
            json!([])
        ),
        1
    );
    screenshot(&browser, "serve-series.png");
}
