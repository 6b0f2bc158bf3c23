//! The language of messages: Vietnamese unless the user asks for English (`--lang en`, or a
//! locale starting with `en`); the place of a mistake is the same in both.

use crate::common::run::{command, stderr};
use std::process::Output;

const SHEET: &str = "tests/fixtures/bad/nan-count.yaml";

/// `vanban check SHEET EXTRA…` with the locale variables as `lang` sets them (`None`:
/// none set).
fn check(lang: Option<&str>, extra: &[&str]) -> Output {
    let mut c = command();
    c.env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    if let Some(l) = lang {
        c.env("LANG", l);
    }
    c.arg("check")
        .arg(SHEET)
        .args(extra)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("vanban runs")
}

/// The first diagnostic line: `FILE:LINE:COL: SEVERITY: FIELD: MESSAGE`, split after the
/// position.
fn first_diagnostic(o: &Output) -> (String, String) {
    let err = stderr(o);
    let line = err
        .lines()
        .next()
        .unwrap_or_else(|| panic!("no diagnostic in {err:?}"));
    let (place, rest) = line
        .strip_prefix(SHEET)
        .and_then(|l| l.split_once(": "))
        .unwrap_or_else(|| panic!("no position in {line:?}"));
    (format!("{SHEET}{place}"), rest.to_string())
}

#[test]
fn without_a_locale_messages_are_vietnamese_at_the_same_place() {
    let vi = check(None, &[]);
    assert_eq!(vi.status.code(), Some(1), "{}", stderr(&vi));
    let (vi_place, vi_text) = first_diagnostic(&vi);
    assert!(vi_text.starts_with("lỗi: "), "{vi_text}");
    // The key stays as written, followed by its name in the clerk's words.
    assert!(
        vi_text.contains("unit.households (Số hộ gia đình): ")
            && vi_text.contains("không phải là số"),
        "{vi_text}"
    );
    assert!(
        stderr(&vi).contains("cách sửa: viết một số"),
        "{}",
        stderr(&vi)
    );
    let en = check(None, &["--lang", "en"]);
    let (en_place, en_text) = first_diagnostic(&en);
    assert_eq!(vi_place, en_place);
    assert_eq!(en_place, format!("{SHEET}:13:15"));
    assert_eq!(en_text, "error: unit.households: `.nan` is not a number");
    // The codes and the place do not depend on the language.
    let json = |lang| {
        let o = check(lang, &["--message-format", "json"]);
        let v: serde_json::Value =
            serde_json::from_str(stderr(&o).lines().next().unwrap_or_default()).expect("JSON");
        (
            v["code"].clone(),
            v["line"].clone(),
            v["column"].clone(),
            v["message"].clone(),
        )
    };
    let (vi_json, en_json) = (json(None), json(Some("en_US.UTF-8")));
    assert_eq!(vi_json.0, "not-a-number");
    assert_eq!(
        (&vi_json.0, &vi_json.1, &vi_json.2),
        (&en_json.0, &en_json.1, &en_json.2)
    );
    assert_ne!(
        vi_json.3, en_json.3,
        "the message is in the chosen language"
    );
}

#[test]
fn an_english_locale_or_flag_gives_english() {
    for (lang, extra) in [
        (Some("en_US.UTF-8"), &[][..]),
        (Some("en_GB"), &[][..]),
        (Some("vi_VN.UTF-8"), &["--lang", "en"][..]),
    ] {
        let o = check(lang, extra);
        let (place, text) = first_diagnostic(&o);
        assert_eq!(place, format!("{SHEET}:13:15"), "{lang:?} {extra:?}");
        assert_eq!(text, "error: unit.households: `.nan` is not a number");
        assert!(
            stderr(&o).contains("  help: write a number"),
            "{}",
            stderr(&o)
        );
    }
    // A Vietnamese locale, `C`, and `--lang vi` over an English locale: Vietnamese.
    for (lang, extra) in [
        (Some("vi_VN.UTF-8"), &[][..]),
        (Some("C"), &[][..]),
        (Some("en_US.UTF-8"), &["--lang", "vi"][..]),
    ] {
        let (_, text) = first_diagnostic(&check(lang, extra));
        assert!(text.starts_with("lỗi: "), "{lang:?} {extra:?}: {text}");
    }
}

/// Every coded diagnostic of the bad-input fixtures reads in Vietnamese: its message and
/// help differ from the English ones, and no argument is left unfilled (`{$name}`).
#[test]
fn the_bad_inputs_read_in_vietnamese() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad");
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .expect("fixtures")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .map(|p| {
            format!(
                "tests/fixtures/bad/{}",
                p.file_name().expect("name").to_string_lossy()
            )
        })
        .collect();
    files.sort();
    let json = |lang: Option<&str>| -> Vec<serde_json::Value> {
        let mut c = command();
        c.env_remove("LANG");
        if let Some(l) = lang {
            c.env("LANG", l);
        }
        let o = c
            .arg("check")
            .args(&files)
            .args(["--message-format", "json"])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .expect("vanban runs");
        stderr(&o)
            .lines()
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{l:?}: {e}")))
            .collect()
    };
    let (vi, en) = (json(None), json(Some("en_US.UTF-8")));
    assert_eq!(vi.len(), en.len());
    assert!(vi.len() > 50, "{} diagnostics", vi.len());
    for (v, e) in vi.iter().zip(&en) {
        assert_eq!(
            (&v["file"], &v["line"], &v["column"], &v["code"]),
            (&e["file"], &e["line"], &e["column"], &e["code"])
        );
        if v["code"] == "" {
            continue;
        }
        for key in ["message", "help"] {
            let text = v[key].as_str().unwrap_or_default();
            assert!(!text.is_empty() && !text.contains("{$"), "{key} of {v}");
            assert_ne!(v[key], e[key], "{key} not translated: {v}");
        }
    }
}
