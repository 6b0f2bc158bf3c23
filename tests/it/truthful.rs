//! Truthful documents (issue 15, items 2–6): the period named as `period` says, in every
//! built-in template; a part never above its whole; no year outside the period; no run
//! across a missing year; an estimate keeps its word; a blank member is absent; names as
//! typed; no `vanban init` placeholder ever printed; no heading without content, no sentence
//! without its verb.

use crate::common::run::{stderr, vanban};
use crate::common::tmp::{files_under, temp_dir};
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn example(rel: &str) -> String {
    std::fs::read_to_string(root().join(rel)).expect("example")
}

/// `text` with `from` replaced, asserting it is there (a fixture that drifted fails loudly).
fn with(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "the fixture lacks {from:?}");
    text.replacen(from, to, 1)
}

/// The sheet with its `period:` block replaced by `period` (lines under `period:`).
fn with_period(yaml: &str, period: &str) -> String {
    let start = yaml.find("\nperiod:\n").expect("a period block") + 1;
    let end = start + yaml[start..].find("\n\n").expect("a blank line after it");
    format!("{}period:\n{period}{}", &yaml[..start], &yaml[end..])
}

/// Writes `yaml` as `name.yaml` in a fresh folder (with `xa/` copied from `children_of`, the
/// folder of a roll-up example) and returns its path.
fn sheet(name: &str, yaml: &str, children_of: Option<&str>) -> PathBuf {
    let dir = temp_dir(name);
    if let Some(from) = children_of {
        let xa = dir.join("xa");
        std::fs::create_dir_all(&xa).expect("xa");
        for f in files_under(&root().join(from).join("xa")) {
            std::fs::copy(&f, xa.join(f.file_name().expect("name"))).expect("copy");
        }
    }
    let file = dir.join(format!("{name}.yaml"));
    std::fs::write(&file, yaml).expect("write");
    file
}

/// `check` of a sheet: (success, stderr).
fn check(file: &Path) -> (bool, String) {
    let o = vanban(&["check", file.to_str().expect("utf-8")]);
    (o.status.success(), stderr(&o))
}

/// The text output of every document of a sheet, by template, or the stderr of a refusal.
fn render(file: &Path) -> Result<Vec<(String, String)>, String> {
    let out = file.with_extension("out");
    let o = vanban(&[
        "render",
        file.to_str().expect("utf-8"),
        "--format",
        "txt",
        "-o",
        out.to_str().expect("utf-8"),
    ]);
    if !o.status.success() {
        return Err(stderr(&o));
    }
    Ok(files_under(&out)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| {
            let name = p.file_stem().and_then(|s| s.to_str()).unwrap_or("").into();
            (name, std::fs::read_to_string(&p).expect("txt"))
        })
        .collect())
}

fn render_ok(file: &Path) -> Vec<(String, String)> {
    render(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()))
}

fn text_of(docs: &[(String, String)], template: &str) -> String {
    docs.iter()
        .find(|(n, _)| n == template)
        .unwrap_or_else(|| {
            panic!(
                "no {template} among {:?}",
                docs.iter().map(|d| &d.0).collect::<Vec<_>>()
            )
        })
        .1
        .clone()
}

/// The periods every template is tried with: (period block, kind).
const PERIODS: [(&str, &str); 7] = [
    ("  year: 2024\n", "tt124"),
    ("  year: 2024\n  months: 3\n", "months"),
    ("  year: 2024\n  months: 6\n", "months"),
    ("  year: 2024\n  months: 8\n", "months"),
    ("  year: 2024\n  months: 9\n", "months"),
    ("  year: 2024\n  months: 12\n", "year"),
    ("  first_year: 2015\n  year: 2024\n", "years"),
];

/// Every built-in template, the example that issues it, and the kinds of period it is
/// written for (its header's `periods:`).
const TEMPLATES: [(&str, &str, Option<&str>, &[&str]); 8] = [
    (
        "ke-hoach-tt124",
        "data/phuong-phuoc-long-2024.yaml",
        None,
        &["tt124", "year"],
    ),
    (
        "bao-cao-ket-qua-tt124",
        "data/phuong-ba-dinh-2024.yaml",
        None,
        &["tt124", "year"],
    ),
    (
        "bien-ban-danh-gia",
        "data/phuong-ba-dinh-2024.yaml",
        None,
        &["tt124", "year"],
    ),
    (
        "to-trinh-cong-nhan",
        "data/phuong-ba-dinh-2024.yaml",
        None,
        &["tt124", "year"],
    ),
    (
        "quyet-dinh-cong-nhan",
        "data/phuong-ba-dinh-2024.yaml",
        None,
        &["tt124", "year"],
    ),
    (
        "bao-cao-so-ket",
        "data/xa-po-y-2024-8-thang.yaml",
        None,
        &["tt124", "year", "months"],
    ),
    (
        "bao-cao-tong-hop",
        "data/huyen-thach-thanh-2024-tong-hop/huyen-thach-thanh.yaml",
        Some("data/huyen-thach-thanh-2024-tong-hop"),
        &["tt124", "year", "months"],
    ),
    (
        "bao-cao-tong-ket",
        "data/huyen-yen-lac-2015-2024.yaml",
        None,
        &["years"],
    ),
];

#[test]
fn every_template_names_the_period_the_sheet_gives_or_refuses_it() {
    for (template, base, children, accepts) in TEMPLATES {
        for (period, kind) in PERIODS {
            let mut yaml = with_period(&example(base), period);
            if template == "bao-cao-so-ket" {
                // Its directives are dated April–July: in January they fit every period tried.
                for d in ["2024-04-09", "2024-06-25", "2024-06-12", "2024-07-02"] {
                    yaml = with(&yaml, d, &format!("2024-01-{}", &d[8..]));
                }
            }
            let file = sheet(template, &yaml, children);
            let case = format!("{template} with period {period:?}");
            if !accepts.contains(&kind) {
                // Refused at the period's line, naming the template: never a year's words
                // over 8 months, never a TT124 verdict for part of a year.
                let (ok, err) = check(&file);
                assert!(!ok, "{case}: check passed");
                assert!(
                    err.contains(&format!("`{template}` (documents["))
                        && err.contains("is not written for this period"),
                    "{case}:\n{err}"
                );
                let line = yaml
                    .lines()
                    .position(|l| {
                        l.trim_start().starts_with(match kind {
                            "years" => "first_year:",
                            "tt124" => "year:",
                            _ => "months:",
                        })
                    })
                    .expect("period line")
                    + 1;
                assert!(
                    err.contains(&format!(".yaml:{line}:")),
                    "{case}: not at line {line}:\n{err}"
                );
                continue;
            }
            let text = text_of(&render_ok(&file), template);
            // What the clerk typed in the sheet may say anything; the words vanban adds
            // must agree with the period.
            let typed = |w: &str| yaml.matches(w).count();
            match kind {
                "months" => {
                    let m: u32 = period
                        .split("months: ")
                        .nth(1)
                        .and_then(|s| s.trim().parse().ok())
                        .expect("months");
                    assert!(
                        text.contains(&format!("{m} tháng đầu năm 2024")),
                        "{case}:\n{text}"
                    );
                    assert!(!text.contains("Trong năm 2024"), "{case}:\n{text}");
                    if template == "bao-cao-so-ket" {
                        assert!(
                            text.contains(&format!("{} tháng cuối năm 2024", 12 - m)),
                            "{case}:\n{text}"
                        );
                    }
                }
                "years" => {
                    assert!(text.contains("giai đoạn 2015 - 2024"), "{case}:\n{text}");
                    assert!(!text.contains("Trong năm 2024"), "{case}:\n{text}");
                }
                _ => {
                    assert!(text.contains("năm 2024"), "{case}:\n{text}");
                    assert!(
                        text.matches("tháng đầu năm").count() <= typed("tháng đầu năm")
                            && text.matches("tháng cuối năm").count() <= typed("tháng cuối năm"),
                        "{case}: months named for a whole year:\n{text}"
                    );
                }
            }
        }
    }
}

#[test]
fn a_district_summary_over_eight_months_says_eight_months() {
    let yaml = with_period(
        &example("data/huyen-thach-thanh-2024-tong-hop/huyen-thach-thanh.yaml"),
        "  year: 2024\n  months: 8\n",
    );
    let file = sheet(
        "tong-hop-8",
        &yaml,
        Some("data/huyen-thach-thanh-2024-tong-hop"),
    );
    let text = text_of(&render_ok(&file), "bao-cao-tong-hop");
    assert!(
        text.contains("Trong 8 tháng đầu năm 2024, toàn huyện"),
        "{text}"
    );
    assert!(
        text.contains("8 THÁNG ĐẦU NĂM 2024 THEO ĐƠN VỊ"),
        "appendix heading:\n{text}"
    );
    assert!(!text.contains("Trong năm 2024"), "{text}");
}

/// The ten-year review with `edit` applied to its text.
fn review(name: &str, edit: impl Fn(String) -> String) -> PathBuf {
    sheet(
        name,
        &edit(example("data/huyen-yen-lac-2015-2024.yaml")),
        None,
    )
}

#[test]
fn a_part_above_its_whole_is_an_error_at_its_line() {
    let file = review("part-of", |y| {
        with(
            &y,
            "2024: { total: 212, recognised: 161 }",
            "2024: { total: 212, recognised: 300 }",
        )
    });
    let (ok, err) = check(&file);
    assert!(!ok);
    let line = example("data/huyen-yen-lac-2015-2024.yaml")
        .lines()
        .position(|l| l.contains("2024: { total: 212, recognised: 161 }"))
        .expect("line")
        + 1;
    assert!(
        err.contains(&format!(".yaml:{line}:37: error: data.areas.2024.recognised: `recognised` (300) is more than `total` (212)")),
        "{err}"
    );
    assert!(render(&file).is_err(), "render refuses it");
}

#[test]
fn a_year_outside_the_period_is_reported_at_its_line() {
    let file = review("outside", |y| {
        with(
            &y,
            "    2024: { total: 17, recognised: 16 }\n",
            "    2024: { total: 17, recognised: 16 }\n    2025: { total: 17, recognised: 17 }\n",
        )
    });
    let (ok, err) = check(&file);
    assert!(!ok);
    assert!(
        err.contains("error: data.communes.2025: 2025 is outside the period (2015 - 2024)"),
        "{err}"
    );
    let line = std::fs::read_to_string(&file)
        .expect("read")
        .lines()
        .position(|l| l.contains("2025: { total: 17"))
        .expect("line")
        + 1;
    assert!(err.contains(&format!(".yaml:{line}:5: error")), "{err}");
}

#[test]
fn no_run_across_a_missing_year_and_estimates_keep_their_word() {
    let file = review("gap", |y| {
        let y = with(&y, "    2022: { total: 211, recognised: 153 }\n", "");
        with(
            &y,
            "2024: { total: 212, recognised: 161 }",
            "2024: { total: 212, recognised: khoảng 160 }",
        )
    });
    let (ok, err) = check(&file);
    assert!(ok, "{err}");
    let text = text_of(&render_ok(&file), "bao-cao-tong-ket");
    // 2021, 2023 and 2024 reach 70%, but 2022 has no figure: the run is 2023 - 2024.
    assert!(!text.contains("2021 - 2024"), "{text}");
    assert!(text.contains("Có 02 năm liên tiếp (2023 - 2024)"), "{text}");
    assert!(text.contains("Năm 2022 chưa có số liệu"), "{text}");
    assert!(
        text.contains("| 2022 |  |"),
        "the gap is an empty row:\n{text}"
    );
    // The estimate in the sentence, the change computed from it, and the table.
    assert!(text.contains("lên khoảng 160/212 (75%) năm 2024"), "{text}");
    assert!(text.contains("tăng khoảng 62 khu dân cư"), "{text}");
    assert!(
        text.contains("| 2024 | 212 | khoảng 160 | khoảng 75,5% |"),
        "{text}"
    );
    // The chart's labels (its text form is a table of them; the DOCX and PDF draw the same).
    assert!(
        text.contains("| 2024 | khoảng 160 | khoảng 75,5% |"),
        "{text}"
    );
    assert_eq!(
        text.matches("160/212").count(),
        text.matches("khoảng 160/212").count(),
        "a plain 160/212:\n{text}"
    );
}

#[test]
fn a_blank_member_is_absent_and_its_phrase_left_out() {
    let file = review("blank-member", |y| {
        with(
            &y,
            "2024: { teams: 243, members: 2176, models: 31 }",
            "2024: { teams: 243, members: 2176, models: }",
        )
    });
    let (ok, err) = check(&file);
    assert!(ok, "a blank member is not an error:\n{err}");
    let text = text_of(&render_ok(&file), "bao-cao-tong-ket");
    assert!(
        text.contains("Đến năm 2024, toàn huyện có 243 tổ tự quản"),
        "{text}"
    );
    // 2023's 29 models are not printed as the count "đến năm 2024".
    assert!(
        !text.contains("mô hình phong trào hoạt động hiệu quả"),
        "{text}"
    );
}

#[test]
fn models_keep_their_heading_without_forces_and_no_empty_assessment() {
    let file = review("no-forces", |y| {
        let start = y.find("  forces:\n").expect("forces");
        let end = start + y[start..].find("  tip_offs:").expect("after forces");
        let y = format!("{}{}", &y[..start], &y[end..]);
        let start = y.find("  strengths:\n").expect("strengths");
        let end = start + y[start..].find("  proposals:").expect("proposals");
        format!("{}{}", &y[..start], &y[end..])
    });
    let text = text_of(&render_ok(&file), "bao-cao-tong-ket");
    let heading = text
        .find("Xây dựng lực lượng, mô hình tự quản")
        .expect("the models' own heading");
    let list = text.find("Các mô hình tiêu biểu").expect("the list");
    assert!(heading < list, "{text}");
    assert!(
        !text.contains("ĐÁNH GIÁ CHUNG"),
        "an empty heading:\n{text}"
    );
}

#[test]
fn population_without_households_still_has_a_verb() {
    let file = review("no-households", |y| with(&y, "  households: 45210\n", ""));
    let text = text_of(&render_ok(&file), "bao-cao-tong-ket");
    assert!(
        text.contains("Huyện Yên Lạc, tỉnh Vĩnh Phúc có 162.480 nhân khẩu, 212 khu dân cư."),
        "{text}"
    );
    // A district without children: its own population, no households.
    let yaml = with(
        &example("data/huyen-thach-thanh-2024-tong-hop/huyen-thach-thanh.yaml"),
        "children:\n  - xa/*.yaml\n",
        "children: []\n",
    );
    let yaml = with(
        &yaml,
        "  located_in: tỉnh Thanh Hóa\n",
        "  located_in: tỉnh Thanh Hóa\n  population: 29297\n",
    );
    let text = text_of(
        &render_ok(&sheet("tong-hop-no-households", &yaml, None)),
        "bao-cao-tong-hop",
    );
    assert!(
        text.contains("Huyện Thạch Thành, tỉnh Thanh Hóa có 29.297 nhân khẩu."),
        "{text}"
    );
}

#[test]
fn a_commune_without_households_states_its_population_with_a_verb() {
    let yaml = with(
        &example("data/phuong-ba-dinh-2024.yaml"),
        "  households: 3537\n",
        "",
    );
    let yaml = yaml.replace("households_pledged:", "# households_pledged:");
    let text = text_of(
        &render_ok(&sheet("no-households-tt124", &yaml, None)),
        "bao-cao-ket-qua-tt124",
    );
    let line = text
        .lines()
        .find(|l| l.starts_with("Phường Ba Đình"))
        .unwrap_or_else(|| panic!("the sentence:\n{text}"));
    assert!(line.contains(" có 12.535 nhân khẩu"), "{line}");
}

#[test]
fn without_models_no_sentence_says_the_district_has_the_people() {
    let yaml = example("data/huyen-thach-thanh-2024-tong-hop/huyen-thach-thanh.yaml");
    let file = sheet(
        "no-models",
        &yaml,
        Some("data/huyen-thach-thanh-2024-tong-hop"),
    );
    // Every commune's models removed.
    let xa = file.parent().expect("dir").join("xa");
    for f in files_under(&xa) {
        let t = std::fs::read_to_string(&f).expect("read");
        let start = t.find("  models:\n").expect("models");
        let rest = &t[start + 10..];
        let end = start + 10 + rest.find("\n  ").map(|i| i + 1).unwrap_or(rest.len());
        let mut end = end;
        // Skip the list's own lines (indented deeper than the key).
        while t[end..].starts_with("    ") {
            end += t[end..].find('\n').map(|i| i + 1).unwrap_or(t.len() - end);
        }
        std::fs::write(&f, format!("{}{}", &t[..start], &t[end..])).expect("write");
    }
    let text = text_of(&render_ok(&file), "bao-cao-tong-hop");
    assert!(!text.contains("toàn huyện có Nhân dân"), "{text}");
    assert!(
        !text.contains("mô hình phong trào toàn dân bảo vệ an ninh Tổ quốc được duy trì"),
        "{text}"
    );
    // The sentence keeps its verb: "có" before the first figure that is there.
    assert!(
        text.contains("Trong năm 2024, toàn huyện có 7.525 hộ gia đình"),
        "{text}"
    );
}

#[test]
fn names_are_printed_as_typed() {
    let base = example("data/phuong-ba-dinh-2024.yaml");
    for agency in ["Công an huyện Vân Hà", "Ban Chỉ đạo 138"] {
        let yaml = with(
            &base,
            "  agency: [\"Ban Chỉ đạo an ninh, trật tự\"]   # one entry per printed line\n  abbreviation: BCĐ\n  short_name: Ban Chỉ đạo an ninh, trật tự phường Ba Đình\n",
            &format!("  agency: [{agency}]\n  abbreviation: BCĐ\n"),
        );
        let file = sheet("names", &yaml, None);
        let text = text_of(&render_ok(&file), "bao-cao-ket-qua-tt124");
        assert!(
            text.contains(&format!("trật tự”, {agency} báo cáo kết quả")),
            "{agency}:\n{text}"
        );
        assert!(
            !text.contains(&agency.to_lowercase()[1..]),
            "re-cased {agency}:\n{text}"
        );
    }
}

/// The placeholders of a skeleton, one per `<…>`, with their lines.
fn placeholders(skeleton: &str) -> Vec<usize> {
    let mut out = Vec::new();
    for (i, line) in skeleton.lines().enumerate() {
        let code = line.split(" # ").next().unwrap_or("");
        if code.trim_start().starts_with('#') {
            continue;
        }
        let mut rest = code;
        while let Some(open) = rest.find('<') {
            let Some(close) = rest[open..].find('>') else {
                break;
            };
            out.push(i + 1);
            rest = &rest[open + close + 1..];
        }
    }
    out
}

#[test]
fn an_unedited_skeleton_fails_check_once_per_placeholder() {
    let mut cases: Vec<(String, Vec<String>)> = vec![("init".into(), vec!["init".into()])];
    for (template, _, _, _) in TEMPLATES {
        let level = if template.starts_with("bao-cao-tong-") {
            "huyen"
        } else {
            "xa"
        };
        cases.push((
            template.into(),
            ["init", "--template", template, "--kind", level]
                .map(String::from)
                .to_vec(),
        ));
    }
    for (name, args) in cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let o = vanban(&args);
        assert!(o.status.success(), "{name}: {}", stderr(&o));
        let skeleton = String::from_utf8(o.stdout).expect("utf-8");
        let lines = placeholders(&skeleton);
        assert!(!lines.is_empty(), "{name}: no placeholder in\n{skeleton}");
        let file = sheet("skeleton", &skeleton, None);
        let (ok, err) = check(&file);
        assert!(!ok, "{name}: the unedited skeleton passes check");
        let reported: Vec<usize> = err
            .lines()
            .filter(|l| l.contains("is a placeholder from `vanban init`"))
            .map(|l| {
                l.split(".yaml:")
                    .nth(1)
                    .and_then(|r| r.split(':').next())
                    .and_then(|n| n.parse().ok())
                    .unwrap_or(0)
            })
            .collect();
        assert_eq!(
            reported, lines,
            "{name}: one error per placeholder\n{err}\n{skeleton}"
        );
        assert!(render(&file).is_err(), "{name}: render refuses it");
    }
}

#[test]
fn a_chart_label_keeps_the_estimate_word_in_the_docx() {
    let file = review("gap-docx", |y| {
        with(
            &y,
            "2024: { total: 212, recognised: 161 }",
            "2024: { total: 212, recognised: khoảng 160 }",
        )
    });
    let out = file.with_extension("out");
    let o = vanban(&[
        "render",
        file.to_str().expect("utf-8"),
        "--format",
        "docx",
        "-o",
        out.to_str().expect("utf-8"),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let docx = files_under(&out)
        .into_iter()
        .find(|p| p.extension().is_some_and(|e| e == "docx"))
        .expect("a docx");
    let parts = crate::common::ooxml::docx_parts(&std::fs::read(docx).expect("read"));
    let chart: String = parts
        .iter()
        .filter(|(n, _)| n.starts_with("word/charts/chart"))
        .map(|(_, x)| x.as_str())
        .collect();
    assert!(chart.contains("khoảng 160"), "the bar's label");
    assert!(chart.contains("khoảng 75,5%"), "the rate's label");
}
