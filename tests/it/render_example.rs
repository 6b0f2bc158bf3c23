//! End to end on the shipped example: run the `vanban` binary on
//! `data/phuong-ba-dinh-2024.yaml`, unzip the DOCX and check the ND30 layout, that every
//! figure of the fact sheet appears in Vietnamese format, that the file is Word-safe, and that
//! a second render gives the same bytes.

use crate::common::tmp;
use tmp::temp_dir;

use crate::common::ooxml;

use crate::common::run::{stderr, vanban};
use ooxml::{docx_parts, invalid_xml_chars, is_w, misordered_children, part, plain_text, w_attr};
use roxmltree::Document as Xml;
use std::path::{Path, PathBuf};
use std::process::Command;

const EXAMPLE: &str = "data/phuong-ba-dinh-2024.yaml";

/// Runs `vanban render EXAMPLE -o out --format formats`; returns the written paths.
fn render(out: &Path, formats: &str) -> Vec<PathBuf> {
    let output = vanban(&[
        "render",
        EXAMPLE,
        "-o",
        out.to_str().expect("utf-8"),
        "--format",
        formats,
    ]);
    assert!(
        output.status.success(),
        "render failed: {}",
        stderr(&output)
    );
    String::from_utf8(output.stdout)
        .expect("utf-8 stdout")
        .lines()
        .map(PathBuf::from)
        .collect()
}

fn example_docx() -> (Vec<u8>, Vec<(String, String)>) {
    let out = temp_dir("docx");
    let written = render(&out, "docx");
    // The report, then the recognition dossier (tests/it/dossier.rs reads the others).
    let report = out.join("phuong-ba-dinh-2024/bao-cao-ket-qua-tt124.docx");
    assert_eq!(written.first(), Some(&report), "{written:?}");
    assert_eq!(written.len(), 4, "{written:?}");
    let bytes = std::fs::read(&report).expect("docx written");
    let parts = docx_parts(&bytes);
    (bytes, parts)
}

fn document_text(parts: &[(String, String)]) -> String {
    plain_text(part(parts, "word/document.xml"))
}

#[test]
fn every_figure_appears_in_vietnamese_format() {
    let (_, parts) = example_docx();
    let text = document_text(&parts);
    let notes = plain_text(part(&parts, "word/footnotes.xml"));
    for expected in [
        // unit
        "3.537 hộ",
        "12.535 nhân khẩu",
        "10 khu phố với 86 tổ an ninh xã hội",
        "58 cơ quan, doanh nghiệp",
        // period, documents
        "từ ngày 16/11/2023 đến ngày 15/11/2024",
        "Nghị quyết số 47-NQ/ĐU ngày 12/01/2024",
        "Kế hoạch số 13/KH-BCĐ ngày 22/01/2024",
        // propaganda
        "15 bài tuyên truyền",
        "985 lượt buổi",
        "05 băng rôn",
        "145 tài liệu",
        "3.537 hộ gia đình (đạt 100%)",
        "10/10 khu phố, 01/01 nhà trường, 01/01 cơ quan (đạt 100%)",
        // movement
        "08 vụ mâu thuẫn",
        "55 tin",
        "25 đối tượng vi phạm pháp luật",
        "12 đối tượng đã tiến bộ",
        "18 người nghiện",
        "01 khẩu súng săn tự chế, 13 dao, kiếm các loại, 2,5 kg thuốc nổ và 1,2 kg pháo (dạng bánh)",
        "15 cây xanh",
        "08 biển hiệu",
        "với 09 tổ",
        "58 hộ gia đình",
        "42 camera",
        // forces, classification, criteria
        "30 đồng chí",
        "25 bảo vệ cơ quan",
        "(tỷ lệ 100%) được công nhận",
        "12/12 (100%) được công nhận",
        "kính đề nghị Chủ tịch UBND thị xã xem xét, ra quyết định công nhận phường Ba Đình đạt tiêu chuẩn “An toàn về an ninh, trật tự” năm 2024./.",
    ] {
        assert!(text.contains(expected), "missing `{expected}` in:\n{text}");
    }
    assert!(
        notes.contains("Nghị quyết số 51-NQ/TW ngày 05/9/2019"),
        "{notes}"
    );
    // Six criteria checks, all met.
    assert_eq!(text.matches("Đạt.").count(), 6, "{text}");
    assert!(!text.contains("Chưa đạt"));
}

#[test]
fn header_block_title_and_signature() {
    let (_, parts) = example_docx();
    let text = document_text(&parts);
    for line in [
        "UBND PHƯỜNG BA ĐÌNH",
        "BAN CHỈ ĐẠO AN NINH, TRẬT TỰ",
        "Số: 93/BC-BCĐ",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Ba Đình, ngày 05 tháng 11 năm 2024",
        "BÁO CÁO",
        "Nơi nhận:",
        "- BCĐ 138 thị xã (báo cáo);",
        "- Lưu: VT, CAP.",
        "TRƯỞNG BAN",
        "CHỦ TỊCH UBND PHƯỜNG",
        "Lê Văn Hùng",
    ] {
        assert!(
            text.lines().any(|l| l == line),
            "no paragraph `{line}` in:\n{text}"
        );
    }
    // Headings numbered by the parser: I., II., III. and clauses 1.–5. under III.
    for heading in [
        "I. ĐẶC ĐIỂM TÌNH HÌNH",
        "II. CÔNG TÁC TRIỂN KHAI",
        "III. KẾT QUẢ THỰC HIỆN",
        "1. Công tác tuyên truyền",
        "5. Đối chiếu với các tiêu chí",
    ] {
        assert!(
            text.lines().any(|l| l.starts_with(heading)),
            "no heading `{heading}`"
        );
    }
}

/// The run properties of the paragraph whose text is exactly `text`.
fn runs_of<'a>(doc: &'a Xml, text: &str) -> Vec<roxmltree::Node<'a, 'a>> {
    let p = doc
        .descendants()
        .filter(|n| is_w(n, "p"))
        .find(|p| {
            p.descendants()
                .filter(|n| is_w(n, "t"))
                .map(|n| n.text().unwrap_or(""))
                .collect::<String>()
                == text
        })
        .unwrap_or_else(|| panic!("no paragraph `{text}`"));
    p.descendants()
        .filter(|n| is_w(n, "r") && n.descendants().any(|t| is_w(&t, "t")))
        .collect()
}

fn run_has(run: &roxmltree::Node, prop: &str) -> bool {
    run.children()
        .find(|c| is_w(c, "rPr"))
        .is_some_and(|rpr| rpr.children().any(|c| is_w(&c, prop)))
}

fn run_size(run: &roxmltree::Node) -> Option<u32> {
    run.descendants()
        .find(|c| is_w(c, "sz"))
        .and_then(|sz| w_attr(&sz, "val"))
        .and_then(|v| v.parse().ok())
}

#[test]
fn nd30_page_fonts_and_emphasis() {
    let (_, parts) = example_docx();
    let xml = part(&parts, "word/document.xml");
    let doc = Xml::parse(xml).expect("document.xml parses");

    let sect = doc
        .descendants()
        .find(|n| is_w(n, "sectPr"))
        .expect("sectPr");
    let pg_sz = sect.children().find(|n| is_w(n, "pgSz")).expect("pgSz");
    assert_eq!(w_attr(&pg_sz, "w"), Some("11906"));
    assert_eq!(w_attr(&pg_sz, "h"), Some("16838"));
    let mar = sect.children().find(|n| is_w(n, "pgMar")).expect("pgMar");
    let twips = |a: &str| -> u32 {
        w_attr(&mar, a)
            .and_then(|v| v.parse().ok())
            .expect("margin")
    };
    assert!((1134..=1417).contains(&twips("top")));
    assert!((1134..=1417).contains(&twips("bottom")));
    assert!((1701..=1984).contains(&twips("left")));
    assert!((850..=1134).contains(&twips("right")));
    assert!(
        sect.children().any(|n| is_w(&n, "titlePg")),
        "different first page"
    );

    // The page number: a PAGE field in the default header only, 13–14 pt.
    let rels = part(&parts, "word/_rels/document.xml.rels");
    for reference in sect.children().filter(|n| is_w(n, "headerReference")) {
        let id = reference
            .attribute((
                "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
                "id",
            ))
            .expect("r:id");
        let rels_doc = Xml::parse(rels).expect("rels parse");
        let target = rels_doc
            .descendants()
            .find(|n| n.attribute("Id") == Some(id))
            .and_then(|n| n.attribute("Target"))
            .expect("header target");
        let header = part(&parts, &format!("word/{target}"));
        let has_page = header.contains(" PAGE ");
        match w_attr(&reference, "type") {
            Some("first") => assert!(!has_page, "page 1 shows no number"),
            Some("default") => {
                assert!(has_page, "pages 2+ show the number");
                let h = Xml::parse(header).expect("header parses");
                for run in h.descendants().filter(|n| is_w(n, "r")) {
                    let size = run_size(&run).expect("sized run");
                    assert!(
                        (26..=28).contains(&size),
                        "page number at {size} half-points"
                    );
                }
            }
            other => panic!("unexpected header type {other:?}"),
        }
    }

    // Times New Roman in every slot of the defaults.
    let styles = part(&parts, "word/styles.xml");
    let st = Xml::parse(styles).expect("styles parse");
    let fonts = st
        .descendants()
        .find(|n| is_w(n, "docDefaults"))
        .and_then(|d| d.descendants().find(|n| is_w(n, "rFonts")))
        .expect("default rFonts");
    for slot in ["ascii", "hAnsi", "cs", "eastAsia"] {
        assert_eq!(w_attr(&fonts, slot), Some("Times New Roman"), "{slot}");
    }

    // Emphasis and sizes of the header block, title and signature.
    let agency = runs_of(&doc, "BAN CHỈ ĐẠO AN NINH, TRẬT TỰ");
    assert!(
        agency.iter().all(|r| run_has(r, "b")),
        "issuing agency bold"
    );
    let parent = runs_of(&doc, "UBND PHƯỜNG BA ĐÌNH");
    assert!(
        parent.iter().all(|r| !run_has(r, "b")),
        "parent agency not bold"
    );
    let date = runs_of(&doc, "Ba Đình, ngày 05 tháng 11 năm 2024");
    assert!(date.iter().all(|r| run_has(r, "i")), "place-date italic");
    assert!(
        date.iter()
            .all(|r| (26..=28).contains(&run_size(r).unwrap_or(0)))
    );
    let kind = runs_of(&doc, "BÁO CÁO");
    assert!(
        kind.iter()
            .all(|r| run_has(r, "b") && run_size(r) == Some(28))
    );
    let recipients = runs_of(&doc, "Nơi nhận:");
    assert!(
        recipients
            .iter()
            .all(|r| run_has(r, "b") && run_has(r, "i") && run_size(r) == Some(24))
    );
    let name = runs_of(&doc, "Lê Văn Hùng");
    assert!(name.iter().all(|r| run_has(r, "b")));

    // Body paragraphs: justified, indented, 14 pt, spaced.
    let body = doc
        .descendants()
        .filter(|n| is_w(n, "p"))
        .find(|p| {
            p.descendants()
                .filter(|n| is_w(n, "t"))
                .any(|t| t.text().unwrap_or("").starts_with("Dân số đông"))
        })
        .expect("a narrative paragraph");
    let ppr = body.children().find(|n| is_w(n, "pPr")).expect("pPr");
    let jc = ppr.children().find(|n| is_w(n, "jc")).expect("jc");
    assert_eq!(w_attr(&jc, "val"), Some("both"));
    let ind = ppr.children().find(|n| is_w(n, "ind")).expect("ind");
    assert!(matches!(
        w_attr(&ind, "firstLine"),
        Some("567") | Some("720")
    ));
    let spacing = ppr
        .children()
        .find(|n| is_w(n, "spacing"))
        .expect("spacing");
    let gap: u32 = w_attr(&spacing, "after")
        .or(w_attr(&spacing, "before"))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    assert!(gap >= 120, "≥ 6 pt between paragraphs");
}

#[test]
fn footnotes_are_real_and_numbered() {
    let (_, parts) = example_docx();
    let xml = part(&parts, "word/document.xml");
    assert!(xml.contains("<w:footnoteReference w:id=\"1\"/>"));
    let notes = part(&parts, "word/footnotes.xml");
    let doc = Xml::parse(notes).expect("footnotes parse");
    let ids: Vec<&str> = doc
        .descendants()
        .filter(|n| is_w(n, "footnote"))
        .filter_map(|n| w_attr(&n, "id"))
        .collect();
    assert_eq!(ids, ["-1", "0", "1"]);
}

#[test]
fn word_safe_and_deterministic() {
    let (first, parts) = example_docx();
    for (name, xml) in parts.iter().filter(|(n, _)| n.starts_with("word/")) {
        if !name.ends_with(".xml") {
            continue;
        }
        assert_eq!(misordered_children(xml), Vec::<String>::new(), "{name}");
        assert_eq!(invalid_xml_chars(xml), Vec::<char>::new(), "{name}");
    }
    let out = temp_dir("again");
    let again = render(&out, "docx");
    let second = std::fs::read(&again[0]).expect("second render");
    assert!(first == second, "a second render differs");
}

/// LibreOffice, a real client, converts the DOCX without complaint. Needs `soffice`
/// (.ci/run installs libreoffice-writer-nogui); the check is mandatory under CI.
#[test]
fn libreoffice_converts_it() {
    let Some(soffice) = ["soffice", "libreoffice"]
        .into_iter()
        .find(|c| Command::new(c).arg("--version").output().is_ok())
    else {
        assert!(
            std::env::var_os("CI").is_none(),
            "soffice is missing under CI: .ci/run must install libreoffice-writer-nogui"
        );
        eprintln!("skipped: soffice not installed");
        return;
    };
    let out = temp_dir("lo");
    let written = render(&out, "docx");
    let profile = out.join("profile");
    let status = Command::new(soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(&out)
        .arg(&written[0])
        .output()
        .expect("soffice runs");
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let pdf = out.join("bao-cao-ket-qua-tt124.pdf");
    let bytes = std::fs::read(&pdf).expect("LibreOffice wrote a PDF");
    assert!(bytes.starts_with(b"%PDF"));
    assert!(bytes.len() > 10_000, "a real document, not an empty page");
}
