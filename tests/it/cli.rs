//! The command line on good and bad input: `check` reports every mistake with
//! file:line:col and a hint, `render` refuses to write from a bad fact sheet and never
//! panics, `init` prints a skeleton that checks clean, exit codes follow the README.

use crate::common::tmp;
use tmp::temp_dir;

use crate::common::run::{stderr, vanban};
use std::path::{Path, PathBuf};

fn example() -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("data/phuong-ba-dinh-2024.yaml"),
    )
    .expect("example readable")
}

/// Writes `text` as a fact sheet in a temp dir and returns its path.
fn sheet(name: &str, text: &[u8]) -> PathBuf {
    let dir = temp_dir(name);
    let path = dir.join(format!("{name}.yaml"));
    std::fs::write(&path, text).expect("write fixture");
    path
}

/// Renders fact-sheet `text` through the binary in `formats`, asserting success; returns the
/// output folder.
fn render_ok(name: &str, text: &str, formats: &str) -> PathBuf {
    let path = sheet(name, text.as_bytes());
    let out_dir = temp_dir(&format!("{name}-out"));
    let out = vanban(&[
        "render",
        path.to_str().expect("utf-8"),
        "-o",
        out_dir.to_str().expect("utf-8"),
        "--format",
        formats,
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    out_dir
}

/// Renders fact-sheet `text` through the binary as plain text; returns the report's text.
fn render_text(name: &str, text: &str) -> String {
    let out_dir = render_ok(name, text, "txt");
    std::fs::read_to_string(out_dir.join(format!("{name}/bao-cao-ket-qua-tt124.txt")))
        .expect("text written")
}

#[test]
fn check_reports_three_mistakes_at_once() {
    let out = vanban(&["check", "tests/fixtures/bad/three-mistakes.yaml"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    let file = "tests/fixtures/bad/three-mistakes.yaml";
    for expected in [
        format!("{file}:12:3: error: unit.housholds: unknown key `housholds`"),
        "did you mean `households`?".to_string(),
        format!(
            "{file}:16:84: error: unit.sub_units[0].recognised: 10 khu phố recognised, but only 9 registered"
        ),
        format!(
            "{file}:89:13: error: facts.criteria.plan.date: 22/01/2022 is outside the period 16/11/2023 – 15/11/2024"
        ),
        format!("{file}: 3 error(s)"),
    ] {
        assert!(err.contains(&expected), "missing `{expected}` in:\n{err}");
    }
}

#[test]
fn render_refuses_a_bad_fact_sheet_and_writes_nothing() {
    let out_dir = temp_dir("refuse");
    let out = vanban(&[
        "render",
        "tests/fixtures/bad/three-mistakes.yaml",
        "-o",
        out_dir.to_str().expect("utf-8 path"),
        "--format",
        "docx,txt",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(stderr(&out).contains("not rendered: 3 error(s)"));
    assert_eq!(std::fs::read_dir(&out_dir).expect("dir").count(), 0);
}

#[test]
fn the_example_checks_clean() {
    let out = vanban(&["check", "data/phuong-ba-dinh-2024.yaml"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("data/phuong-ba-dinh-2024.yaml: ok"));
}

#[test]
fn syntax_errors_have_a_position() {
    let text = example().replacen("  households: 3537", "households: 3537\n   oops", 1);
    let path = sheet("syntax", text.as_bytes());
    let out = vanban(&["check", path.to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    let prefix = format!("{}:", path.display());
    let line = err
        .lines()
        .find(|l| l.starts_with(&prefix))
        .expect("a located error");
    let mut fields = line[prefix.len()..].split(':');
    let (l, c) = (fields.next(), fields.next());
    assert!(l.and_then(|l| l.parse::<u32>().ok()).is_some(), "{line}");
    assert!(c.and_then(|c| c.parse::<u32>().ok()).is_some(), "{line}");
    assert!(err.contains("help:"), "{err}");
}

#[test]
fn wrong_types_and_missing_fields_are_explained() {
    let text = example()
        .replacen("  households: 3537", "  households: nhiều", 1)
        .replacen("  name: Ba Đình\n", "", 1);
    let path = sheet("types", text.as_bytes());
    let out = vanban(&["check", path.to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("unit.households"), "{err}");
    assert!(err.contains("write a whole number"), "{err}");
    assert!(err.contains("unit.name: `name` is required here"), "{err}");
}

#[test]
fn non_utf8_is_an_error_not_a_panic() {
    let mut bytes = b"schema: 1\nunit:\n  name: Ba \xC4".to_vec();
    bytes.extend_from_slice(b"\xFF\n");
    let path = sheet("latin", &bytes);
    let out = vanban(&["check", path.to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains(":3:12: error: the file is not UTF-8 text"),
        "{err}"
    );
}

#[test]
fn missing_file_and_usage_errors() {
    let out = vanban(&["check", "no/such/file.yaml"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no/such/file.yaml: error: cannot read the file"));
    let out = vanban(&["render"]);
    assert_eq!(out.status.code(), Some(2));
    let out = vanban(&["render", "data", "--format", "odt"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn init_prints_a_skeleton_whose_placeholders_fail_check() {
    // Every value to replace is a `<…>` placeholder: left in, it is an error, never printed
    // (one error per placeholder: tests/it/truthful.rs).
    let out = vanban(&["init"]);
    assert!(out.status.success());
    let path = sheet("skeleton", &out.stdout);
    let check = vanban(&["check", path.to_str().expect("utf-8")]);
    assert_eq!(check.status.code(), Some(1), "{}", stderr(&check));
    assert!(stderr(&check).contains("is a placeholder from `vanban init`"));
}

#[test]
fn markup_in_data_prints_literally_and_text_is_nfc() {
    // A decomposed "Đình" (i + combining grave) and Markdown in a narrative paragraph.
    let text = example()
        .replace("name: Ba Đình", "name: Ba Đi\u{300}nh")
        .replace(
            "  characteristics:\n",
            "  characteristics:\n    - \"*Nghiêng* và **đậm** được giữ, 5 * 3, # không phải tiêu đề, [^x] không phải chú thích, <b>1. không</b> | a\"\n",
        );
    let txt = render_text("markup", &text);
    // A clerk's *italic* and **bold** are emphasis (the text writer prints the words);
    // every other mark, a lone star included, is literal.
    assert!(txt.contains(
        "Nghiêng và đậm được giữ, 5 * 3, # không phải tiêu đề, [^x] không phải chú thích, <b>1. không</b> | a"
    ), "{txt}");
    assert!(txt.contains("phường Ba Đình"), "NFC name");
    assert!(!txt.contains('\u{300}'), "no combining marks survive");
}

#[test]
fn a_failed_criterion_changes_the_verdict_and_the_request() {
    let text = example().replace(
        "{ kind: khu phố, category: khu_dan_cu, total: 10, registered: 10, recognised: 10 }",
        "{ kind: khu phố, category: khu_dan_cu, total: 10, registered: 10, recognised: 6 }",
    );
    // With the dossier's request and decision still listed, nothing is rendered: there is no
    // recognition to ask for, and the clerk is told which documents to remove.
    let path = sheet("fails-dossier", text.as_bytes());
    let refused = vanban(&["check", path.to_str().expect("utf-8")]);
    assert!(!refused.status.success());
    let err = stderr(&refused);
    assert!(
        err.contains("remove to-trinh-cong-nhan from `documents`")
            && err.contains("remove quyet-dinh-cong-nhan from `documents`"),
        "{err}"
    );
    let (start, end) = (
        text.find("  - template: to-trinh-cong-nhan")
            .expect("the request"),
        text.find("\nfacts:").expect("facts"),
    );
    let text = format!("{}{}", &text[..start], &text[end + 1..]);
    let txt = render_text("fails", &text);
    // 6 + 1 + 1 of 12 = 66,7% < 70%.
    assert!(
        txt.contains("Chưa đạt: 08/12 (66,7%) được công nhận, dưới 70%."),
        "{txt}"
    );
    assert!(txt.contains("chưa đạt tiêu chí số 4"), "{txt}");
    assert!(!txt.contains("kính đề nghị"), "{txt}");
}

#[test]
fn diff_shows_exactly_the_changed_sentences() {
    let text = example().replace("  tip_offs: 55", "  tip_offs: 57");
    let path = sheet("diff", text.as_bytes());
    let out = vanban(&[
        "diff",
        "data/phuong-ba-dinh-2024.yaml",
        path.to_str().expect("utf-8"),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let changed: Vec<&str> = stdout
        .lines()
        .filter(|l| l.starts_with("- ") || l.starts_with("+ "))
        .collect();
    assert_eq!(changed.len(), 2, "{stdout}");
    assert!(
        changed[0].contains("55 tin") && changed[1].contains("57 tin"),
        "{stdout}"
    );
}

#[test]
fn extreme_values_never_panic() {
    let po_y = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("data/xa-po-y-2024-8-thang.yaml"),
    )
    .expect("example readable");
    let max = u32::MAX.to_string();
    let huge = po_y
        .replace("cases: 3\n", &format!("cases: {max}\n"))
        .replace("cases: 2\n", &format!("cases: {max}\n"))
        .replace("offenders: 4\n", &format!("offenders: {max}\n"))
        .replace("deaths: 2", &format!("deaths: {max}"))
        .replace("suspended: 4", &format!("suspended: {max}"))
        .replace("parole: 3", &format!("parole: {max}"))
        .replace("quantity: 3 }", &format!("quantity: {max} }}"));
    // u32::MAX everywhere still renders: sums and comparisons do not overflow.
    render_ok("huge-ok", &huge, "txt,docx");
    let too_large = huge
        .replace("households: 2787", &format!("households: {}", u64::MAX))
        .replace("area_ha: 9481.11", "area_ha: 1.0e308");
    let out = vanban(&[
        "check",
        sheet("too-large", too_large.as_bytes())
            .to_str()
            .expect("utf-8"),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("unit.households: 18446744073709551615 is too large"));
    for (name, text) in [
        ("huge", huge.clone()),
        (
            "year-max",
            huge.replace("year: 2024", &format!("year: {}", i32::MAX)),
        ),
        (
            "year-min",
            huge.replace("year: 2024", &format!("year: {}", i32::MIN)),
        ),
        ("months-0", huge.replace("months: 8", "months: 0")),
        ("empty", String::new()),
        ("null", "~".to_string()),
        ("list", "- a\n- b\n".to_string()),
    ] {
        for args in [&["check"][..], &["render", "--format", "txt,docx"][..]] {
            let path = sheet(name, text.as_bytes());
            let out_dir = temp_dir(&format!("{name}-x"));
            let mut all: Vec<&str> = args.to_vec();
            all.push(path.to_str().expect("utf-8"));
            if args[0] == "render" {
                all.extend(["-o", out_dir.to_str().expect("utf-8")]);
            }
            let out = vanban(&all);
            let err = stderr(&out);
            assert!(
                matches!(out.status.code(), Some(0) | Some(1)),
                "{name} {args:?}: exit {:?}\n{err}",
                out.status.code()
            );
            assert!(!err.contains("panicked"), "{name}: {err}");
        }
    }
}

/// Runs `vanban ARGS` in the project folder with `input` on its standard input.
fn vanban_with_input(args: &[&str], input: &[u8]) -> std::process::Output {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = crate::common::run::command()
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("vanban runs");
    child
        .stdin
        .take()
        .expect("stdin piped")
        .write_all(input)
        .expect("input written");
    child.wait_with_output().expect("vanban ends")
}

#[test]
fn check_dash_reads_a_sheet_piped_on_standard_input() {
    let out = vanban_with_input(&["check", "-"], example().as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stderr(&out), "stdin.yaml: ok\n");

    let bad = std::fs::read("tests/fixtures/bad/three-mistakes.yaml").expect("fixture");
    let out = vanban_with_input(&["check", "-"], &bad);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    for expected in [
        "stdin.yaml:12:3: error: unit.housholds: unknown key `housholds`",
        "stdin.yaml: 3 error(s)",
    ] {
        assert!(err.contains(expected), "missing `{expected}` in:\n{err}");
    }
}

#[test]
fn render_dash_writes_what_rendering_the_file_writes_into_a_stdin_folder() {
    let from_file = render_ok("ba-dinh-file", &example(), "txt,docx");
    let out_dir = temp_dir("stdin-out");
    let out = vanban_with_input(
        &[
            "render",
            "-",
            "-o",
            out_dir.to_str().expect("utf-8"),
            "--format",
            "txt,docx",
        ],
        example().as_bytes(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let mut written = 0;
    for name in ["bao-cao-ket-qua-tt124.txt", "bao-cao-ket-qua-tt124.docx"] {
        let ours = out_dir.join("stdin").join(name);
        assert!(
            String::from_utf8_lossy(&out.stdout).contains(&ours.display().to_string()),
            "{name} not listed"
        );
        let theirs = from_file.join("ba-dinh-file").join(name);
        assert_eq!(
            std::fs::read(&ours).expect("written"),
            std::fs::read(&theirs).expect("written"),
            "{name} differs"
        );
        written += 1;
    }
    assert_eq!(written, 2);
}

/// Plain `init` and `init --template` start the same year (this year), so a clerk who tries
/// both does not get two periods.
#[test]
fn init_and_init_template_agree_on_the_year() {
    let year = |args: &[&str]| {
        let out = vanban(args);
        assert!(out.status.success(), "{}", stderr(&out));
        let text = String::from_utf8(out.stdout).expect("utf-8");
        text.lines()
            .find_map(|l| l.strip_prefix("  year: "))
            .map(|y| y.split_whitespace().next().unwrap_or("").to_string())
            .expect("a year line")
    };
    let plain = year(&["init"]);
    let template = year(&["init", "--template", "bao-cao-so-ket", "--kind", "xa"]);
    assert_eq!(plain, template);
    assert_eq!(plain, vanban::app::init::this_year().to_string());
}

/// `vanban ARGS` as a user with no language set runs it (LANG, LC_ALL, LC_MESSAGES unset).
fn vanban_unset(args: &[&str]) -> std::process::Output {
    crate::common::run::command()
        .env_remove("LANG")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("vanban runs")
}

fn stdout(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// The help is Vietnamese by default, clap's headings included; English with `--lang en`
/// or an English locale.
#[test]
fn help_is_vietnamese_by_default_and_english_on_request() {
    for args in [
        &["--help"][..],
        &["help"],
        &["render", "--help"],
        &["help", "check"],
        &["init", "-h"],
    ] {
        let vi = vanban_unset(args);
        assert!(vi.status.success(), "{args:?}: {}", stderr(&vi));
        let text = stdout(&vi);
        assert!(text.contains("Cách dùng: vanban"), "{args:?}:\n{text}");
        for english in ["Usage:", "Options:", "Print help", "[default:"] {
            assert!(!text.contains(english), "{args:?}: `{english}` in\n{text}");
        }
        let en = vanban_unset(&[&["--lang", "en"][..], args].concat());
        assert!(stdout(&en).contains("Usage: vanban"), "{}", stdout(&en));
        let en = vanban(args);
        assert!(stdout(&en).contains("Usage: vanban"), "{}", stdout(&en));
        assert!(!stdout(&en).contains("Cách dùng"), "{}", stdout(&en));
    }
    let list = stdout(&vanban_unset(&["--help"]));
    assert!(
        list.contains("Các lệnh:") && list.contains("Kiểm tra tờ khai số liệu"),
        "{list}"
    );
    let render = stdout(&vanban_unset(&["render", "--help"]));
    assert!(render.contains("[mặc định: output]"), "{render}");
}

/// English words that would give away an untranslated comment (not keys: `from`, `to`,
/// `year` are keys of the skeleton, and `in` is Vietnamese for "print").
const ENGLISH: &[&str] = &[
    "the", "without", "omit", "per", "entry", "blank", "draft", "fill", "figure", "figures",
    "sheet", "leaves", "defaults", "review", "whole", "printed", "for", "with", "this", "is",
    "are", "and", "or", "of", "when", "each", "every", "it",
];

/// The prose of a skeleton's comments: what follows the last `#` of each line, without
/// `code`.
fn comment_words(skeleton: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (n, line) in skeleton.lines().enumerate() {
        let Some((_, prose)) = line.rsplit_once('#') else {
            continue;
        };
        let plain: String = prose.split('`').step_by(2).collect();
        for w in plain.split(|c: char| !c.is_alphanumeric()) {
            if !w.is_empty() {
                out.push((n + 1, w.to_lowercase()));
            }
        }
    }
    out
}

#[test]
fn the_init_skeletons_are_commented_in_vietnamese() {
    for args in [
        &["init"][..],
        &["init", "--kind", "xa"],
        &["init", "--template", "bao-cao-tong-ket", "--kind", "huyen"],
        &["init", "--template", "bao-cao-so-ket", "--kind", "xa"],
    ] {
        let o = vanban_unset(args);
        assert!(o.status.success(), "{}", stderr(&o));
        let skeleton = stdout(&o);
        let words = comment_words(&skeleton);
        assert!(words.len() > 20, "{args:?}: comments\n{skeleton}");
        for (line, w) in words {
            assert!(
                !ENGLISH.contains(&w.as_str()),
                "{args:?}:{line}: English `{w}` in\n{skeleton}"
            );
        }
    }
    // The test can fail: English comments are caught.
    let english = comment_words("  households:   # the number of households, without blanks");
    assert!(english.iter().any(|(_, w)| ENGLISH.contains(&w.as_str())));
}

/// What the commands say besides diagnostics follows the language too.
#[test]
fn summaries_and_usage_errors_are_vietnamese_by_default() {
    let ok = vanban_unset(&["check", "data/phuong-ba-dinh-2024.yaml"]);
    assert!(ok.status.success(), "{}", stderr(&ok));
    assert_eq!(stderr(&ok), "data/phuong-ba-dinh-2024.yaml: không có lỗi\n");
    let en = vanban(&["check", "data/phuong-ba-dinh-2024.yaml"]);
    assert_eq!(stderr(&en), "data/phuong-ba-dinh-2024.yaml: ok\n");
    let usage = vanban_unset(&["init", "--template", "khong-co"]);
    assert_eq!(usage.status.code(), Some(2));
    assert!(
        stderr(&usage).starts_with("lỗi: không có mẫu văn bản `khong-co`"),
        "{}",
        stderr(&usage)
    );
    let usage = vanban_unset(&["templates", "bao-cao-so-ke"]);
    assert!(
        stderr(&usage).contains("có phải là `bao-cao-so-ket`?"),
        "{}",
        stderr(&usage)
    );
}

/// `vanban templates --context` prints docs/context.md: every variable a template reads, from
/// the context's types; with a template name too it is a usage error.
#[test]
fn templates_context_prints_the_generated_variable_list() {
    let o = vanban(&["templates", "--context"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let printed = String::from_utf8(o.stdout).expect("utf-8");
    let doc =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/context.md"))
            .expect("docs/context.md");
    assert_eq!(printed, doc);
    for variable in [
        "- `unit.households` (number or none)",
        "- `derived.articles` (list of number)",
        "- `children[].sub_units.khu_dan_cu.recognised` (number or none)",
        "- `facts.propaganda.online_reach` (count)",
        "- `derived.sections.tt124.core_forces` (boolean)",
    ] {
        assert!(printed.contains(variable), "{variable} missing");
    }
    let both = vanban(&["templates", "--context", "bao-cao-so-ket"]);
    assert_eq!(both.status.code(), Some(2), "{}", stderr(&both));
}

/// A mistyped option or command is a usage error in the user's words (exit 2), with the
/// nearest name; English keeps clap's own message.
#[test]
fn usage_errors_are_vietnamese_by_default() {
    let o = vanban_unset(&["render", "--frmat", "txt", "data/phuong-ba-dinh-2024.yaml"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("lỗi: không có tùy chọn `--frmat`"), "{err}");
    assert!(err.contains("có phải ý bạn là `--format`?"), "{err}");
    let o = vanban_unset(&["render", "--format", "dox", "data/phuong-ba-dinh-2024.yaml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("các giá trị dùng được: docx, pdf, txt"),
        "{}",
        stderr(&o)
    );
    let o = vanban_unset(&["chek"]);
    assert!(
        stderr(&o).contains("lỗi: không có lệnh `chek`"),
        "{}",
        stderr(&o)
    );
    let en = vanban(&["render", "--frmat", "txt", "x.yaml"]);
    assert_eq!(en.status.code(), Some(2));
    assert!(
        stderr(&en).contains("unexpected argument '--frmat'"),
        "{}",
        stderr(&en)
    );
}
