//! The open middle end to end: a template and a fact sheet that exist only under
//! `tests/fixtures/open/` (a document no built-in covers) declare their own figures, a series
//! and a table, use the phrase functions and render DOCX and PDF passing the ND30 checks; one
//! `check` run reports every kind of mistake together; every fixture `check` passes renders;
//! the multi-year review pins its rates.

use crate::common::run::{stderr, vanban};
use crate::common::{ooxml, poppler, tmp};
use ooxml::{docx_parts, invalid_xml_chars, misordered_children, part, plain_text};
use poppler::poppler;
use std::path::{Path, PathBuf};
use tmp::temp_dir;

const OPEN_TEMPLATES: &str = "tests/fixtures/open/templates";

/// Renders `sheet` (DOCX + PDF) and returns (document.xml text, PDF text), after the ND30
/// and ECMA-376 checks every document must pass.
fn render_both(sheet: &str, templates: Option<&str>, name: &str) -> (String, String) {
    let out = temp_dir(name);
    let (docx, pdf_bytes) = crate::common::run::render_docx_pdf(sheet, templates, &out);
    let parts = docx_parts(&docx);
    for (name, xml) in parts
        .iter()
        .filter(|(n, _)| n.starts_with("word/") && n.ends_with(".xml"))
    {
        assert_eq!(misordered_children(xml), Vec::<String>::new(), "{name}");
        assert_eq!(invalid_xml_chars(xml), Vec::<char>::new(), "{name}");
    }
    let doc = plain_text(part(&parts, "word/document.xml"));
    // The ND30 frame: quốc hiệu, tiêu ngữ, number, place and date, kind, closing.
    for frame in [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số:",
        "ngày",
        "BÁO CÁO",
        "Nơi nhận:",
    ] {
        assert!(doc.contains(frame), "DOCX lacks {frame}");
    }
    let text = poppler("pdftotext", &["-enc", "UTF-8"], &pdf_bytes);
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        text.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        "{text}"
    );
    let fonts = poppler("pdffonts", &[], &pdf_bytes);
    assert!(
        fonts.lines().skip(2).all(|l| l.contains("LiberationSerif")),
        "{fonts}"
    );
    (doc, text)
}

#[test]
fn a_template_of_its_own_renders_with_declared_data_and_phrase_functions() {
    let (doc, pdf) = render_both(
        "tests/fixtures/open/tuan-tra.yaml",
        Some(OPEN_TEMPLATES),
        "open-tuan-tra",
    );
    for expected in [
        "Số: 07/BC-CAP",
        "1.204 lượt tuần tra trên 12,5 km",
        "so với cùng kỳ tăng 104 lượt (tăng 9,5%)",
        // 173/244 = 70,90…%: rounded, never truncated to 70%.
        "đã xử lý 173/244 (70,9%)",
        "86.500.000 đồng (tám mươi sáu triệu năm trăm nghìn đồng)",
        "tháng 4 so với tháng 1: giảm 12 vụ",
        "nhiều lượt tuần tra nhất là tháng 4 (15 lượt); 02 tháng liên tiếp",
        "Tổng cộng 95 vụ",
        "Tổ 1, khu phố 2",
        "Cộng: 14 thành viên",
        "đúng kế hoạch",
    ] {
        assert!(doc.contains(expected), "DOCX lacks {expected:?}:\n{doc}");
        assert!(pdf.contains(expected), "PDF lacks {expected:?}:\n{pdf}");
    }
    // The clerk's *italic* is emphasis, not stars.
    assert!(!doc.contains("*đúng"), "{doc}");
}

#[test]
fn one_check_reports_every_kind_of_mistake_together() {
    let o = vanban(&[
        "check",
        "tests/fixtures/open/many-mistakes.yaml",
        "--templates",
        OPEN_TEMPLATES,
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    let sheet = "tests/fixtures/open/many-mistakes.yaml";
    for expected in [
        // A missing declared figure, naming the template.
        format!(
            "{sheet}:12:1: error: data.patrols: `data.patrols` (Lượt tuần tra) is required by template `bao-cao-tuan-tra`"
        ),
        // A wrong kind.
        format!("{sheet}:13:15: error: data.violations: `nhiều` is not a count (whole number)"),
        // An unquoted comma in a flow mapping, with the quoting hint.
        "looks like the rest of a text cut at a comma".to_string(),
        "must be in quotes: name: \"Tổ tự quản phòng, chống tội phạm, tệ nạn xã hội\"".to_string(),
        // A misspelt narrative section, with did-you-mean.
        format!(
            "{sheet}:17:3: warning: narrative.note: no document of this fact sheet reads `note`"
        ),
        "did you mean `notes`?".to_string(),
        // A character the PDF font cannot print, at its place in the sheet.
        format!("{sheet}:3:49: error: unit.place: the character `漢` (U+6F22) cannot be printed"),
        // A template syntax error at its template file and line.
        "tests/fixtures/open/templates/hong.md.tera:10:18: error: the template does not parse"
            .to_string(),
    ] {
        assert!(err.contains(&expected), "missing {expected:?} in:\n{err}");
    }
    // Nothing of the library's own vocabulary.
    for jargon in ["expected u32", "expected i32", "invalid type", "struct "] {
        assert!(!err.contains(jargon), "{jargon} in:\n{err}");
    }
}

fn yaml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            yaml_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "yaml" || e == "yml") {
            out.push(p);
        }
    }
}

#[test]
fn every_sheet_that_check_passes_renders() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut sheets = Vec::new();
    yaml_files(&root.join("tests/fixtures"), &mut sheets);
    yaml_files(&root.join("data"), &mut sheets);
    let mut passed = 0;
    for sheet in &sheets {
        let s = sheet.to_str().expect("utf-8");
        let templates = if s.contains("/open/") {
            vec!["--templates", OPEN_TEMPLATES]
        } else {
            vec![]
        };
        let mut args = vec!["check", s];
        args.extend(&templates);
        if !vanban(&args).status.success() {
            continue;
        }
        passed += 1;
        let out = temp_dir("check-then-render");
        let mut args = vec![
            "render",
            s,
            "-o",
            out.to_str().expect("utf-8"),
            "--format",
            "docx,pdf,txt",
        ];
        args.extend(&templates);
        let o = vanban(&args);
        assert!(
            o.status.success(),
            "{s} passed check but failed to render:\n{}",
            stderr(&o)
        );
    }
    assert!(
        passed >= 5,
        "only {passed} of {} sheets passed check",
        sheets.len()
    );
}

#[test]
fn the_multi_year_review_computes_its_rates() {
    let (doc, pdf) = render_both("data/huyen-yen-lac-2015-2024.yaml", None, "tong-ket");
    for expected in [
        "giai đoạn 2015 - 2024",
        // 161/212 = 75,94…%: 75,9% with one decimal, 76% — not 75% — with none.
        "lên 161/212 (76%) năm 2024",
        "từ 98/205 (48%) năm 2015",
        "tăng 63 khu dân cư",
        "Có 04 năm liên tiếp (2021 - 2024)",
        "cao nhất là năm 2024 (75,9%), thấp nhất là năm 2015 (47,8%)",
        "tăng 57 tổ so với năm 2015",
        "tăng 688 thành viên, tương đương 46,2%",
        "trên 1.500 tin có giá trị",
        "hơn 26 nghìn lượt người",
        "Một là, phải có sự lãnh đạo",
        "Ba là, kịp thời sơ kết",
    ] {
        assert!(doc.contains(expected), "DOCX lacks {expected:?}");
        assert!(pdf.contains(expected), "PDF lacks {expected:?}:\n{pdf}");
    }
    // The table: every year's rate, the last one 75,9%.
    for rate in ["47,8%", "53,7%", "66,2%", "74,5%", "75,9%"] {
        assert!(doc.contains(rate) && pdf.contains(rate), "{rate}");
    }
}

#[test]
fn init_prints_what_a_template_reads_at_any_level() {
    let o = vanban(&["init", "--template", "bao-cao-tong-ket", "--kind", "huyen"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let skeleton = String::from_utf8_lossy(&o.stdout).into_owned();
    for expected in [
        "level: huyen",
        "template: bao-cao-tong-ket",
        "areas:",
        "total: , recognised: ",
        "models_list:",
        "lessons:",
    ] {
        assert!(skeleton.contains(expected), "{expected:?} in:\n{skeleton}");
    }
    // It loads; the only errors are the required figures still blank and the placeholders
    // (`<thị xã …, tỉnh …>`) still in.
    let dir = temp_dir("init-tong-ket");
    let file = dir.join("sheet.yaml");
    std::fs::write(&file, &skeleton).expect("write");
    let c = vanban(&["check", file.to_str().expect("utf-8")]);
    let err = stderr(&c);
    assert!(
        err.contains("`data.areas`") && err.contains("is required by template `bao-cao-tong-ket`"),
        "{err}"
    );
    assert_eq!(
        err.lines()
            .filter(|l| l.contains(": error:") && !l.contains("placeholder"))
            .count(),
        1,
        "{err}"
    );
    // A template for communes refuses a district.
    let o = vanban(&[
        "init",
        "--template",
        "bao-cao-ket-qua-tt124",
        "--kind",
        "huyen",
    ]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn templates_lists_the_declarations() {
    let o = vanban(&["templates", "--templates", OPEN_TEMPLATES]);
    assert!(o.status.success());
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("bao-cao-tuan-tra ("), "{out}");
    assert!(
        out.contains("data.monthly") && out.contains("series"),
        "{out}"
    );
    assert!(
        out.contains("data.patrols") && out.contains("(required)") && out.contains("[sum]"),
        "{out}"
    );
    assert!(
        out.contains("problem: tests/fixtures/open/templates/hong.md.tera:10:18"),
        "{out}"
    );
    assert!(
        !out.contains("_lib"),
        "the component library is not a document: {out}"
    );
}

#[test]
fn a_user_template_replaces_one_section_of_a_built_in_one() {
    let example = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("data/phuong-ba-dinh-2024.yaml"),
    )
    .expect("example");
    let sheet = example
        .replace("  - template: bao-cao-ket-qua-tt124\n", "  - template: bao-cao-tt124-rieng\n    title: Kết quả xây dựng phường “An toàn về an ninh, trật tự” năm 2024\n")
        .replace("\ndata:\n", "\ndata:\n  hotline: \"0237 3824 113\"\n");
    let dir = temp_dir("extends");
    let file = dir.join("rieng.yaml");
    std::fs::write(&file, sheet).expect("write");
    let out = dir.join("out");
    let o = vanban(&[
        "render",
        file.to_str().expect("utf-8"),
        "-o",
        out.to_str().expect("utf-8"),
        "--format",
        "txt",
        "--templates",
        OPEN_TEMPLATES,
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    // No warnings: the parent's declarations are inherited.
    assert!(!stderr(&o).contains("warning"), "{}", stderr(&o));
    let txt = std::fs::read_to_string(out.join("rieng/bao-cao-tt124-rieng.txt")).expect("txt");
    assert!(
        txt.contains("Phường Ba Đình có 3.537 hộ; đường dây nóng 0237 3824 113."),
        "{txt}"
    );
    // The title override, and the parent's other sections unchanged.
    assert!(
        txt.contains("\nKết quả xây dựng phường “An toàn về an ninh, trật tự” năm 2024\n"),
        "{txt}"
    );
    assert!(txt.contains("II. CÔNG TÁC TRIỂN KHAI"), "{txt}");
    assert!(txt.contains("6. 100% khu dân cư"), "{txt}");
}

#[test]
fn every_built_in_template_has_a_skeleton_that_parses() {
    for (template, level) in [
        ("bao-cao-ket-qua-tt124", "phuong"),
        ("bao-cao-so-ket", "xa"),
        ("ke-hoach-tt124", "thi_tran"),
        ("bao-cao-tong-ket", "tinh"),
        ("bao-cao-tong-hop", "huyen"),
    ] {
        let o = vanban(&["init", "--template", template, "--kind", level]);
        assert!(o.status.success(), "{template}: {}", stderr(&o));
        let dir = temp_dir("skeleton");
        let file = dir.join(format!("{template}.yaml"));
        std::fs::write(&file, &o.stdout).expect("write");
        let c = vanban(&["check", file.to_str().expect("utf-8")]);
        let err = stderr(&c);
        // It is YAML and names only keys the template reads: what is left is blanks to fill.
        for wrong in [
            "is not valid YAML",
            "syntax",
            "unknown key",
            "no document of this fact sheet reads",
            "did not find expected",
        ] {
            assert!(!err.contains(wrong), "{template}: {wrong} in\n{err}");
        }
    }
}

#[test]
fn a_template_refuses_a_unit_of_another_level() {
    let example = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("data/phuong-ba-dinh-2024.yaml"),
    )
    .expect("example");
    let dir = temp_dir("level");
    let file = dir.join("huyen.yaml");
    std::fs::write(
        &file,
        example.replace("  level: phuong\n", "  level: huyen\n"),
    )
    .expect("write");
    let o = vanban(&["check", file.to_str().expect("utf-8")]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("documents[0].template: `bao-cao-ket-qua-tt124` is written for a xã, phường, thị trấn, but the unit is a huyện"), "{err}");
    // Once per document: the report and the three dossier documents.
    assert_eq!(err.matches("is written for").count(), 4, "{err}");
}
