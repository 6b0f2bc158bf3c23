//! The bad-input suite: one table of fact sheets a clerk (or a broken export) might hand to
//! vanban, each with the exit code and the words of stderr it must give. Every case runs
//! through `vanban check`, `vanban check --message-format json` and `vanban render -o DIR`:
//! the exit code and the messages (with their `file:line:col` and `help:`) must match, the
//! JSON lines must carry the same diagnostics, nothing may panic or hang, and a refused
//! render must leave its output folder empty. Accepted cases (exit 0) must render text that
//! is NFC and free of control characters.
//!
//! Most fixtures are `data/phuong-ba-dinh-2024.yaml` with one change, in
//! `tests/fixtures/bad/`; inputs that cannot be kept as a readable file (not UTF-8, a BOM
//! with CRLF, 50 MB) are written by the test. In expectations `{file}` stands for the path
//! of the fact sheet as given on the command line.

use crate::common::run::{stderr, vanban};
use crate::common::tmp::temp_dir;
use std::path::{Path, PathBuf};
use unicode_normalization::UnicodeNormalization;

/// Where a case's fact sheet comes from.
#[derive(Clone, Copy)]
enum Source {
    /// `tests/fixtures/bad/NAME.yaml`.
    Fixture,
    /// Bytes written by the test into a temp dir as `NAME.yaml`.
    Bytes(fn() -> Vec<u8>),
}

/// One bad input: its name, where it comes from, extra arguments, the exit code, and what
/// stderr must contain.
struct Case {
    name: &'static str,
    source: Source,
    args: &'static [&'static str],
    code: i32,
    expect: &'static [&'static str],
}

const F: Source = Source::Fixture;

const fn case(name: &'static str, code: i32, expect: &'static [&'static str]) -> Case {
    Case {
        name,
        source: F,
        args: &[],
        code,
        expect,
    }
}

fn example() -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("data/phuong-ba-dinh-2024.yaml"))
        .expect("example readable")
}

/// The example with the unit's name in Windows-1258-ish bytes (not UTF-8) on line 7.
fn not_utf8() -> Vec<u8> {
    let text = example();
    let needle = "  name: Ba Đình\n".as_bytes();
    let at = text
        .windows(needle.len())
        .position(|w| w == needle)
        .expect("name line");
    let mut out = text[..at].to_vec();
    out.extend_from_slice(b"  name: Ba \xd0\xecnh\n");
    out.extend_from_slice(&text[at + needle.len()..]);
    out
}

/// The example as Notepad saves it: a BOM and CRLF line ends.
fn bom_crlf() -> Vec<u8> {
    let text = String::from_utf8(example()).expect("UTF-8");
    let mut out = "\u{feff}".as_bytes().to_vec();
    out.extend_from_slice(text.replace('\n', "\r\n").as_bytes());
    out
}

/// 50 MB: the example, then 50 MB of comment lines, then a second `unit:` (so it fails even
/// where nothing limits the size).
fn fifty_megabytes() -> Vec<u8> {
    let mut out = example();
    let line = format!("# {}\n", "x".repeat(98));
    let lines = 50 * 1024 * 1024 / line.len();
    out.reserve(lines * line.len() + 16);
    for _ in 0..lines {
        out.extend_from_slice(line.as_bytes());
    }
    out.extend_from_slice(b"unit: [\n");
    out
}

/// The table. Positions were read from `vanban check` on each fixture.
#[rustfmt::skip] // a table
const CASES: &[Case] = &[
    // The file as a whole.
    case("empty", 1, &["{file}: error: the file is empty", "help: the file is empty: start from vanban init"]),
    case("only-comments", 1, &["{file}: error: the file is empty", "help: the file is empty: start from vanban init"]),
    Case { name: "not-utf8", source: Source::Bytes(not_utf8), args: &[], code: 1,
        expect: &["{file}:7:12: error: the file is not UTF-8 text", "help: save it as UTF-8"] },
    Case { name: "bom-crlf", source: Source::Bytes(bom_crlf), args: &[], code: 0, expect: &["{file}: ok"] },
    case("not-a-mapping", 1, &["{file}:1:1: error: expected a group of keys, found a list", "help: a fact sheet is a group of `key: value` lines"]),
    case("two-documents", 1, &["{file}:123:1: error: the file holds more than one YAML document", "help: a fact sheet is one YAML document: remove the second '---'"]),
    case("alias-bomb", 1, &["{file}:2:32: error: the file is too large or too deeply nested to read", "help: a fact sheet is a few hundred lines"]),
    case("deep-nesting", 1, &["{file}:1:262: error: the file is too large or too deeply nested to read", "help: a fact sheet is a few hundred lines"]),
    Case { name: "fifty-megabytes", source: Source::Bytes(fifty_megabytes), args: &[], code: 1, expect: &["{file}:", "error: "] },
    // YAML syntax.
    case("tab-indent", 1, &["{file}:8:2: error: a tab is used to indent this line", "help: indent with spaces (two per level), never with tabs"]),
    case("unclosed-quote", 1, &["{file}:28:17: error: a quoted text is not closed", "help: check that every opening quote"]),
    case("unclosed-bracket", 1, &["{file}:40:10: error: a `[` or `{` is not closed", "help: close every `[` with `]`"]),
    case("duplicate-key", 1, &["{file}:15:3: error: unit.households: key `households` appears twice (lines 13 and 15)", "help: a key may appear once in a group: keep one"]),
    case("unquoted-comma", 1, &["{file}:72:15: error: facts.models[0].name: the text of `name` contains a comma", "help: write name: \"Tổ tự quản phòng, chống tội phạm\""]),
    // Wrong types.
    case("text-for-count", 1, &["{file}:13:15: error: unit.households: \"nhiều\" is not a whole number", "help: write a whole number of 0 or more"]),
    case("list-for-text", 1, &["{file}:8:3: error: unit.name: expected text, found a list", "help: write the text on the same line after the colon"]),
    case("co-for-bool", 1, &["{file}:93:17: error: facts.criteria.registered: \"có\" is not true or false", "help: write true or false, without quotes"]),
    case("dotted-count", 1, &["{file}:15:25: error: unit.agencies_enterprises: 1.234 is not a whole number", "help: write 1234: in a fact sheet a dot is a decimal point"]),
    case("negative-count", 1, &["{file}:59:13: error: facts.tip_offs: -5 cannot be negative", "help: write a whole number of 0 or more"]),
    case("nan-count", 1, &["{file}:13:15: error: unit.households: `.nan` is not a number", "help: write a number"]),
    case("area-nan", 1, &["{file}:15:12: error: unit.area_ha: `.nan` is not a number", "help: write a number"]),
    case("huge-figure", 1, &["{file}:13:15: error: unit.households: 35370000000000 is too large for a figure in a report", "help: check for an extra digit"]),
    case("unknown-level", 1, &["{file}:9:10: error: unit.level: `phường` is not one of the allowed values", "help: write one of: `khu_dan_cu`, `xa`, `phuong`"]),
    case("missing-name", 1, &["{file}:7:1: error: unit.name: `name` is required here", "help: add it (see `vanban init`"]),
    case("schema-2", 1, &["{file}:5:9: error: schema: schema 2 is not supported by this vanban", "help: write `schema: 1`"]),
    // Keys.
    case("unknown-key", 1, &["{file}:13:3: error: unit.housholds: unknown key `housholds`", "help: did you mean `households`?"]),
    case("misspelt-narrative", 0, &["{file}:97:3: warning: narrative.characteristcs: no document of this fact sheet reads `characteristcs`", "help: did you mean `characteristics`?"]),
    case("unknown-template", 1, &["{file}:41:15: error: documents[0].template: there is no template `bao-cao-ket-qua`", "help: run `vanban templates` for the list"]),
    // Figures that cannot be.
    case("recognised-over-registered", 1, &["{file}:17:84: error: unit.sub_units[0].recognised: 10 khu phố recognised, but only 9 registered", "help: only registered units can be recognised"]),
    case("registered-over-total", 1, &["{file}:17:69: error: unit.sub_units[0].registered: 11 khu phố registered, but there are only 10", "help: registered cannot exceed total"]),
    case("sub-unit-total-zero", 1, &["{file}:18:60: error: unit.sub_units[1].total: there are 0 nhà trường", "help: write how many there are (1 or more), or remove the entry"]),
    case("area-negative", 1, &["{file}:15:12: error: unit.area_ha: an area of -5 ha is not possible", "help: write the natural area in hectares, a number above 0"]),
    case("area-zero", 1, &["{file}:15:12: error: unit.area_ha: an area of 0 ha is not possible", "help: write the natural area in hectares, a number above 0"]),
    case("number-zero", 1, &["{file}:42:13: error: documents[0].number: 0 is not a document number", "help: write the number from the register of outgoing documents (1 or more)"]),
    case("pledged-over-households", 1, &["{file}:57:23: error: facts.households_pledged: 3600 households pledged, but the unit has 3537", "help: households_pledged ≤ unit.households"]),
    case("progressed-over-supported", 1, &["{file}:61:25: error: facts.offenders_progressed: 30 offenders progressed, but only 25 were supported", "help: offenders_progressed ≤ offenders_supported"]),
    case("negative-quantity", 1, &["{file}:66:35: error: facts.weapons_handed_in[2].quantity: -2.5 is not a quantity", "help: write a number of 0 or more"]),
    case("security-event-letter", 1, &["{file}:94:23: error: facts.criteria.security_events[0]: `h` is not a point of TT124 Điều 4 khoản 3", "help: use the letters a, b, c, d, đ, e, g"]),
    case("population-below-households", 0, &["{file}:14:15: warning: unit.population: 3000 people live in 3537 households", "help: every household has at least one person"]),
    // The period and dates.
    case("months-13", 1, &["{file}:23:11: error: period.months: 13 is not a number of months", "help: write 1 to 12"]),
    case("year-unusable", 1, &["{file}:23:9: error: period.year: 20244 is not a usable year", "help: write the four-digit year"]),
    case("plan-date-outside-period", 1, &["{file}:90:13: error: facts.criteria.plan.date: 22/01/2022 is outside the period 16/11/2023 – 15/11/2024", "help: check the year; facts must fall inside the period"]),
    case("document-date-two-years-later", 1, &["{file}:43:11: error: documents[0].date: the document is dated 2026 but reports on 2024", "help: check the year of the date"]),
    case("document-date-before-year", 1, &["{file}:43:11: error: documents[0].date: the document is dated 2023 but reports on 2024", "help: check the year of the date"]),
    case("impossible-date", 1, &["{file}:84:13: error: facts.criteria.party_resolution.date: \"2024-02-30\" is not a date", "help: write dates as YYYY-MM-DD"]),
    case("date-wrong-format", 1, &["{file}:43:11: error: documents[0].date: `05/11/2024` is not a date", "help: write dates as YYYY-MM-DD"]),
    // Characters.
    case("nfd-curly-quotes", 0, &["{file}: ok"]),
    case("control-escape", 0, &["{file}: ok"]),
    case("font-lacks-character", 1, &["{file}:29:15: error: issuer.short_name: the character `漢` (U+6F22) cannot be printed", "help: retype it, or replace it with a plain character"]),
    // A user template with a syntax error: reported at the template's own line.
    Case { name: "broken-template", source: F, args: &["--templates", "tests/fixtures/bad/templates-broken"], code: 1,
        expect: &["tests/fixtures/bad/templates-broken/x.md.tera:7:48: error: the template does not parse", "help: fix the template syntax at this line"] },
];

/// Where each case's sheet is: the fixture, or bytes written to a fresh temp dir.
fn sheet_path(c: &Case) -> PathBuf {
    match c.source {
        Source::Fixture => PathBuf::from(format!("tests/fixtures/bad/{}.yaml", c.name)),
        Source::Bytes(bytes) => {
            let path = temp_dir(c.name).join(format!("{}.yaml", c.name));
            std::fs::write(&path, bytes()).expect("write generated case");
            path
        }
    }
}

/// Every document under `dir`, recursively (not the incremental manifest, which `batch`
/// tests).
fn files_under(dir: &Path) -> Vec<PathBuf> {
    crate::common::tmp::files_under(dir)
        .into_iter()
        .filter(|p| p.file_name().is_none_or(|n| n != ".vanban-manifest.json"))
        .collect()
}

/// Adds to `problems` what `out` of `command` got wrong: its exit code, or an expected text
/// missing from its stderr.
fn expect_outcome<'e>(
    command: &str,
    out: &std::process::Output,
    code: i32,
    expected: impl Iterator<Item = &'e String>,
    problems: &mut Vec<String>,
) {
    if out.status.code() != Some(code) {
        problems.push(format!(
            "{command} exit {:?}, expected {code}",
            out.status.code()
        ));
    }
    let err = stderr(out);
    for e in expected {
        if !err.contains(e.as_str()) {
            problems.push(format!("{command} stderr lacks {e:?}"));
        }
    }
}

/// Runs one case; returns its failures (empty when it passes).
fn run_case(c: &Case) -> Vec<String> {
    let mut problems = Vec::new();
    let path = sheet_path(c);
    let file = path.to_str().expect("utf-8 path");
    let expected: Vec<String> = c.expect.iter().map(|e| e.replace("{file}", file)).collect();

    // check, human.
    let mut args = vec!["check", file];
    args.extend(c.args);
    let out = vanban(&args);
    let human = stderr(&out);
    expect_outcome("check", &out, c.code, expected.iter(), &mut problems);
    if human.contains("panicked") {
        problems.push("check panicked".into());
    }
    if c.code == 1 && !human.contains("help: ") {
        problems.push("no help: line".into());
    }

    // check, JSON: one object per diagnostic and nothing else.
    let mut args = vec!["check", file, "--message-format", "json"];
    args.extend(c.args);
    let out = vanban(&args);
    if out.status.code() != Some(c.code) {
        problems.push(format!("json check exit {:?}", out.status.code()));
    }
    let json = stderr(&out);
    let diagnostics_in_human = human
        .lines()
        .filter(|l| l.contains(": error: ") || l.contains(": warning: "))
        .count();
    let mut objects = Vec::new();
    for line in json.lines() {
        match serde_json::from_str::<serde_json::Value>(line) {
            Ok(serde_json::Value::Object(map)) => {
                let keys: Vec<&str> = map.keys().map(String::as_str).collect();
                let mut want = [
                    "code", "column", "field", "file", "help", "line", "message", "severity",
                ];
                want.sort_unstable();
                let mut got = keys.clone();
                got.sort_unstable();
                if got != want {
                    problems.push(format!("json keys {keys:?}"));
                }
                // Every diagnostic names its kind of problem by a code, for scripts.
                let coded = map
                    .get("code")
                    .and_then(serde_json::Value::as_str)
                    .is_some_and(|code| !code.is_empty());
                if !coded {
                    problems.push(format!("json diagnostic without a code: {line}"));
                }
                objects.push(map);
            }
            _ => problems.push(format!("json stderr line is not an object: {line:?}")),
        }
    }
    if objects.len() != diagnostics_in_human {
        problems.push(format!(
            "{} JSON lines for {diagnostics_in_human} diagnostics",
            objects.len()
        ));
    }
    if c.code == 1 && !objects.iter().any(|o| o["severity"] == "error") {
        problems.push("no JSON error".into());
    }
    // The first expectation's position, when it has one, is in the JSON too.
    if let Some(first) = expected.first()
        && let Some((at, _)) = first
            .split_once(": error: ")
            .or_else(|| first.split_once(": warning: "))
        && let [column, line, _] = at.rsplitn(3, ':').collect::<Vec<_>>()[..]
        && let (Ok(line), Ok(column)) = (line.parse::<u64>(), column.parse::<u64>())
        && !objects
            .iter()
            .any(|o| o["line"] == line && o["column"] == column)
    {
        problems.push(format!("no JSON diagnostic at {line}:{column}"));
    }

    // render: the same verdict; nothing written on failure.
    let out_dir = temp_dir(&format!("{}-out", c.name));
    let mut args = vec![
        "render",
        file,
        "-o",
        out_dir.to_str().expect("utf-8"),
        "--format",
        "docx,pdf,txt",
    ];
    args.extend(c.args);
    let out = vanban(&args);
    // `FILE: ok` is check's summary; render prints the written paths instead.
    let for_render = expected.iter().filter(|e| !e.ends_with(": ok"));
    expect_outcome("render", &out, c.code, for_render, &mut problems);
    let written = files_under(&out_dir);
    if c.code != 0 {
        if !written.is_empty() {
            problems.push(format!("a refused render wrote {written:?}"));
        }
    } else {
        let txt: Vec<&PathBuf> = written
            .iter()
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        if txt.is_empty() || written.len() != 3 * txt.len() {
            problems.push(format!("render wrote {written:?}"));
        }
        for t in txt {
            let text = std::fs::read_to_string(t).expect("txt is UTF-8");
            if text.nfc().collect::<String>() != text {
                problems.push(format!("{} is not NFC", t.display()));
            }
            if let Some(ch) = text.chars().find(|ch| ch.is_control() && *ch != '\n') {
                problems.push(format!("{} holds U+{:04X}", t.display(), ch as u32));
            }
            // The report is signed by Lê Văn Hùng (the level above signs the decision).
            if t.ends_with("bao-cao-ket-qua-tt124.txt") && !text.contains("Lê Văn Hùng") {
                problems.push(format!("{} lacks the signer's name", t.display()));
            }
        }
    }
    let _ = std::fs::remove_dir_all(&out_dir);
    if let Source::Bytes(_) = c.source {
        let _ = std::fs::remove_dir_all(path.parent().expect("temp dir"));
    }
    problems
}

#[test]
fn every_bad_input_is_refused_with_a_located_message_and_no_output() {
    assert!(CASES.len() >= 40, "{} cases", CASES.len());
    let mut names: Vec<&str> = CASES.iter().map(|c| c.name).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), CASES.len(), "case names are unique");
    // Every fixture file is in the table (or used elsewhere).
    for entry in std::fs::read_dir("tests/fixtures/bad").expect("fixtures") {
        let path = entry.expect("entry").path();
        if let Some(stem) = path
            .extension()
            .is_some_and(|e| e == "yaml")
            .then(|| path.file_stem())
            .flatten()
            .and_then(|s| s.to_str())
        {
            assert!(
                stem == "three-mistakes" || names.contains(&stem),
                "fixture {stem} has no row in CASES"
            );
        }
    }

    let failures: Vec<String> = std::thread::scope(|scope| {
        let handles: Vec<_> = CASES
            .chunks(CASES.len().div_ceil(8))
            .map(|chunk| {
                scope.spawn(move || {
                    chunk
                        .iter()
                        .flat_map(|c| {
                            run_case(c)
                                .into_iter()
                                .map(move |p| format!("{}: {p}", c.name))
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("case thread"))
            .collect()
    });
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn months_13_is_one_error_only() {
    let out = vanban(&["check", "tests/fixtures/bad/months-13.yaml"]);
    let err = stderr(&out);
    assert_eq!(err.matches(": error: ").count(), 1, "{err}");
    assert!(!err.contains("usable year"), "{err}");
}

#[test]
fn control_escape_and_nfd_are_cleaned_in_the_text() {
    let out_dir = temp_dir("cleaned-out");
    let out_str = out_dir.to_str().expect("utf-8");
    for name in ["control-escape", "nfd-curly-quotes"] {
        let file = format!("tests/fixtures/bad/{name}.yaml");
        let out = vanban(&["render", &file, "-o", out_str, "--format", "txt"]);
        assert!(out.status.success(), "{}", stderr(&out));
        let text = std::fs::read_to_string(out_dir.join(name).join("bao-cao-ket-qua-tt124.txt"))
            .expect("txt written");
        assert!(!text.contains('\u{1b}'), "{name}: ESC in the text");
        assert_eq!(text.nfc().collect::<String>(), text, "{name}: not NFC");
        assert!(text.contains("Lê Văn Hùng"), "{name}");
    }
    let text = std::fs::read_to_string(out_dir.join("nfd-curly-quotes/bao-cao-ket-qua-tt124.txt"))
        .expect("txt");
    assert!(
        text.contains("86 tổ “an ninh” xã hội"),
        "curly quotes kept, NFC"
    );
    let _ = std::fs::remove_dir_all(&out_dir);
}

/// A failed render of a bad version of a sheet leaves the documents of the last good render
/// exactly as they were.
#[test]
fn a_failed_render_keeps_the_previous_good_output() {
    let dir = temp_dir("keep-good");
    let sheet = dir.join("phuong-ba-dinh-2024.yaml");
    let out_dir = dir.join("output");
    let out_str = out_dir.to_str().expect("utf-8");
    let sheet_str = sheet.to_str().expect("utf-8");
    std::fs::write(&sheet, example()).expect("write good");
    let out = vanban(&[
        "render",
        sheet_str,
        "-o",
        out_str,
        "--format",
        "docx,pdf,txt",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let before: Vec<(PathBuf, Vec<u8>)> = files_under(&out_dir)
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(&p).expect("read output");
            (p, bytes)
        })
        .collect();
    // Four documents (the report and the recognition dossier) in three formats.
    assert_eq!(
        before.len(),
        12,
        "{:?}",
        before.iter().map(|(p, _)| p).collect::<Vec<_>>()
    );

    let bad = std::fs::read_to_string("tests/fixtures/bad/number-zero.yaml").expect("fixture");
    std::fs::write(&sheet, bad).expect("write bad");
    let out = vanban(&[
        "render",
        sheet_str,
        "-o",
        out_str,
        "--format",
        "docx,pdf,txt",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let after: Vec<(PathBuf, Vec<u8>)> = files_under(&out_dir)
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(&p).expect("read output");
            (p, bytes)
        })
        .collect();
    assert!(before == after, "the good output changed");
    let _ = std::fs::remove_dir_all(&dir);
}

/// `--message-format json` prints diagnostics only: no summary line, on check and render.
#[test]
fn json_format_prints_only_json() {
    for cmd in ["check", "render"] {
        let out_dir = temp_dir("json-only");
        let mut args = vec![
            cmd,
            "tests/fixtures/bad/three-mistakes.yaml",
            "tests/fixtures/bad/population-below-households.yaml",
            "--message-format",
            "json",
        ];
        if cmd == "render" {
            args.extend(["-o", out_dir.to_str().expect("utf-8"), "--format", "txt"]);
        }
        let out = vanban(&args);
        assert_eq!(out.status.code(), Some(1));
        let err = stderr(&out);
        let lines: Vec<serde_json::Value> = err
            .lines()
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{l:?}: {e}")))
            .collect();
        // Two errors and a warning of the first sheet, a warning of the second, and the
        // warnings that both leave criteria 2 and 3 unstated.
        assert_eq!(lines.len(), 8, "{err}");
        assert_eq!(
            lines[0],
            serde_json::json!({
                "file": "tests/fixtures/bad/three-mistakes.yaml",
                "line": 12,
                "column": 3,
                "severity": "error",
                "code": "unknown-key",
                "field": "unit.housholds",
                "message": "unknown key `housholds`",
                "help": "did you mean `households`? (see docs/fact-sheet.md for every key)",
            })
        );
        assert_eq!(lines[7]["severity"], "warning");
        let codes: Vec<&str> = lines.iter().filter_map(|l| l["code"].as_str()).collect();
        assert_eq!(
            codes,
            [
                "unknown-key",
                "part-exceeds-whole",
                "criterion-unstated",
                "criterion-unstated",
                "date-outside-period",
                "fewer-people-than-households",
                "criterion-unstated",
                "criterion-unstated",
            ],
            "{err}"
        );
        assert!(
            err.starts_with("{\"file\":"),
            "fields in the documented order"
        );
        let _ = std::fs::remove_dir_all(&out_dir);
    }
    // A file-level error has no position: null line and column.
    let out = vanban(&[
        "check",
        "tests/fixtures/bad/empty.yaml",
        "--message-format=json",
    ]);
    let v: serde_json::Value = serde_json::from_str(stderr(&out).trim()).expect("one JSON line");
    assert!(v["line"].is_null() && v["column"].is_null(), "{v}");
    assert_eq!(v["field"], "");
}
