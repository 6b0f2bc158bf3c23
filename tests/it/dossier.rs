//! The recognition dossier (Thông tư 124, Điều 9) issued from one fact sheet: the BIÊN BẢN of
//! the evaluation meeting, the BÁO CÁO, the TỜ TRÌNH and the level above's QUYẾT ĐỊNH. Each is
//! read back from its DOCX and its PDF; the figures must be the report's, and each document
//! must have the ND30 form of its kind.

use crate::common::ooxml::{docx_parts, is_w, misordered_children, part, plain_text};
use crate::common::poppler::poppler;
use crate::common::run::{stderr, vanban};
use crate::common::tmp::temp_dir;
use roxmltree::{Document as Xml, Node};
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::OnceLock;

const EXAMPLE: &str = "data/phuong-ba-dinh-2024.yaml";
const DOSSIER: [&str; 4] = [
    "bien-ban-danh-gia",
    "bao-cao-ket-qua-tt124",
    "to-trinh-cong-nhan",
    "quyet-dinh-cong-nhan",
];

/// Each document of the example: its DOCX parts and its PDF text, rendered once.
struct Rendered {
    docx: BTreeMap<&'static str, Vec<(String, String)>>,
    pdf_text: BTreeMap<&'static str, String>,
}

fn rendered() -> &'static Rendered {
    static RENDERED: OnceLock<Rendered> = OnceLock::new();
    RENDERED.get_or_init(|| {
        let out = temp_dir("dossier");
        let output = vanban(&[
            "render",
            EXAMPLE,
            "--format",
            "docx",
            "--format",
            "pdf",
            "-o",
            out.to_str().expect("utf-8"),
        ]);
        assert!(
            output.status.success(),
            "render failed: {}",
            stderr(&output)
        );
        let dir = out.join("phuong-ba-dinh-2024");
        let read = |name: &str, ext: &str| {
            std::fs::read(dir.join(format!("{name}.{ext}")))
                .unwrap_or_else(|e| panic!("{name}.{ext} was not written: {e}"))
        };
        let mut docx = BTreeMap::new();
        let mut pdf_text = BTreeMap::new();
        for name in DOSSIER {
            docx.insert(name, docx_parts(&read(name, "docx")));
            // pdftotext -raw keeps the reading order, so a figure is never split by layout.
            pdf_text.insert(
                name,
                squash(&poppler("pdftotext", &["-raw"], &read(name, "pdf"))),
            );
        }
        let _ = std::fs::remove_dir_all(Path::new(&out));
        Rendered { docx, pdf_text }
    })
}

/// Text with every run of whitespace folded to one space, so line breaks do not matter.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn docx_text(name: &str) -> String {
    squash(&plain_text(part(
        &rendered().docx[name],
        "word/document.xml",
    )))
}

fn document_xml(name: &str) -> &'static str {
    part(&rendered().docx[name], "word/document.xml")
}

/// The paragraphs of a document part: (text, bold runs' text, italic?, centred?).
fn paragraphs(xml: &str) -> Vec<Paragraph> {
    let doc = Xml::parse(xml).expect("document.xml parses");
    doc.descendants()
        .filter(|n| is_w(n, "p"))
        .map(|p| Paragraph::of(&p))
        .collect()
}

#[derive(Debug)]
struct Paragraph {
    text: String,
    bold: String,
    all_italic: bool,
    centred: bool,
}

impl Paragraph {
    fn of(p: &Node) -> Paragraph {
        let mut text = String::new();
        let mut bold = String::new();
        let mut all_italic = true;
        for r in p.children().filter(|n| is_w(n, "r")) {
            let t: String = r
                .children()
                .filter(|n| is_w(n, "t"))
                .filter_map(|n| n.text())
                .collect();
            if t.trim().is_empty() {
                text.push_str(&t);
                continue;
            }
            let props = r.children().find(|n| is_w(n, "rPr"));
            let has = |name: &str| {
                props.is_some_and(|pr| {
                    pr.children().any(|c| {
                        is_w(&c, name)
                            && c.attribute((crate::common::ooxml::W, "val"))
                                .is_none_or(|v| v != "0" && v != "false")
                    })
                })
            };
            if has("b") {
                bold.push_str(&t);
            }
            all_italic &= has("i");
            text.push_str(&t);
        }
        let centred = p
            .children()
            .find(|n| is_w(n, "pPr"))
            .and_then(|pr| pr.children().find(|n| is_w(n, "jc")))
            .and_then(|jc| jc.attribute((crate::common::ooxml::W, "val")))
            == Some("center");
        Paragraph {
            text: squash(&text),
            bold: squash(&bold),
            all_italic: all_italic && !text.trim().is_empty(),
            centred,
        }
    }
}

/// The report's own figures, as the report prints them.
const FIGURES: [&str; 4] = [
    // registration and recognition of the sub-units
    "10/10 khu phố, 01/01 nhà trường, 01/01 cơ quan",
    // the evaluation period
    "16/11/2023",
    "15/11/2024",
    "phường Ba Đình",
];

#[test]
fn every_dossier_document_states_the_reports_figures_in_docx_and_pdf() {
    let report = docx_text("bao-cao-ket-qua-tt124");
    for figure in FIGURES {
        assert!(report.contains(figure), "the report lacks `{figure}`");
    }
    for name in [
        "bien-ban-danh-gia",
        "to-trinh-cong-nhan",
        "quyet-dinh-cong-nhan",
    ] {
        let docx = docx_text(name);
        let pdf = &rendered().pdf_text[name];
        let wanted: &[&str] = match name {
            // The decision states the unit and, in its appendix, what was recognised.
            "quyet-dinh-cong-nhan" => &[FIGURES[0], FIGURES[3]],
            _ => &FIGURES,
        };
        for figure in wanted {
            assert!(docx.contains(figure), "{name}.docx lacks `{figure}`");
            assert!(pdf.contains(figure), "{name}.pdf lacks `{figure}`: {pdf}");
        }
    }
    // The minutes evaluate the same six criteria with the same verdicts as the report.
    let verdicts = |text: &str| text.matches("Đạt.").count();
    assert_eq!(verdicts(&report), 6);
    assert_eq!(verdicts(&docx_text("bien-ban-danh-gia")), 6);
}

#[test]
fn the_documents_cite_each_other_by_number() {
    let tt = docx_text("to-trinh-cong-nhan");
    assert!(tt.contains("Báo cáo số 93/BC-BCĐ ngày 05/11/2024"), "{tt}");
    assert!(tt.contains("Biên bản số 12/BB-BCĐ ngày 04/11/2024"), "{tt}");
    let qd = docx_text("quyet-dinh-cong-nhan");
    assert!(
        qd.contains("Tờ trình số 45/TTr-UBND ngày 06/11/2024"),
        "{qd}"
    );
    // A draft decision: room for its number, on page 1 and in its appendix.
    assert!(qd.contains("Số: /QĐ-UBND"), "{qd}");
    assert!(
        qd.contains("(Kèm theo Quyết định số /QĐ-UBND ngày 18/11/2024"),
        "{qd}"
    );
}

#[test]
fn the_minutes_have_no_place_date_and_sign_secretary_left_chair_right() {
    let xml = document_xml("bien-ban-danh-gia");
    let text = docx_text("bien-ban-danh-gia");
    assert!(
        !text.contains("Ba Đình, ngày"),
        "a BIÊN BẢN has no place-date line"
    );
    assert!(!rendered().pdf_text["bien-ban-danh-gia"].contains("Ba Đình, ngày"));
    assert!(text.contains("Số: 12/BB-BCĐ"));
    assert!(text.contains("Cuộc họp kết thúc vào 16 giờ 30 phút"));
    // THƯ KÝ and CHỦ TỌA side by side: one table row, secretary first.
    let doc = Xml::parse(xml).expect("parses");
    let row = doc
        .descendants()
        .filter(|n| is_w(n, "tr"))
        .find(|tr| {
            let t = plain_text_of(tr);
            t.contains("THƯ KÝ") && t.contains("CHỦ TỌA")
        })
        .expect("one row holds both signatures");
    let t = plain_text_of(&row);
    let (secretary, chair) = (t.find("THƯ KÝ").unwrap(), t.find("CHỦ TỌA").unwrap());
    assert!(secretary < chair, "THƯ KÝ is the left column: {t}");
    assert!(t.contains("Đỗ Thị Hà") && t.contains("Lê Văn Hùng"), "{t}");
    let pdf = &rendered().pdf_text["bien-ban-danh-gia"];
    assert!(pdf.contains("THƯ KÝ") && pdf.contains("CHỦ TỌA"), "{pdf}");
}

fn plain_text_of(node: &Node) -> String {
    node.descendants()
        .filter(|n| is_w(n, "t"))
        .filter_map(|n| n.text())
        .collect()
}

#[test]
fn the_decision_has_authority_line_italic_grounds_and_articles() {
    let ps = paragraphs(document_xml("quyet-dinh-cong-nhan"));
    let find = |start: &str| {
        ps.iter()
            .find(|p| p.text.starts_with(start))
            .unwrap_or_else(|| panic!("no paragraph starts `{start}`: {ps:#?}"))
    };
    let authority = find("CHỦ TỊCH ỦY BAN NHÂN DÂN THỊ XÃ BỈM SƠN");
    assert!(
        authority.centred && authority.bold == authority.text,
        "{authority:?}"
    );

    let grounds: Vec<&Paragraph> = ps
        .iter()
        .filter(|p| p.text.starts_with("Căn cứ") || p.text.starts_with("Xét đề nghị"))
        .collect();
    assert_eq!(grounds.len(), 3, "{grounds:#?}");
    for (i, g) in grounds.iter().enumerate() {
        assert!(g.all_italic, "căn cứ in italic: {g:?}");
        let end = if i + 1 == grounds.len() { '.' } else { ';' };
        assert!(g.text.ends_with(end), "căn cứ {i} ends with `{end}`: {g:?}");
    }

    let decides = find("QUYẾT ĐỊNH:");
    assert!(
        decides.centred && decides.bold == "QUYẾT ĐỊNH:",
        "{decides:?}"
    );
    for n in 1..=3 {
        let article = find(&format!("Điều {n}."));
        assert_eq!(
            article.bold,
            format!("Điều {n}."),
            "only `Điều {n}.` is bold"
        );
    }
    assert!(find("Điều 3.").text.ends_with("./."));

    let text = docx_text("quyet-dinh-cong-nhan");
    let recipients = text.find("Nơi nhận:").expect("Nơi nhận");
    assert!(
        text[recipients..].starts_with("Nơi nhận: - Như Điều 3;"),
        "{}",
        &text[recipients..]
    );
    // The appendix follows the closing, from a new page, with its list.
    let appendix = text.find("Phụ lục").expect("an appendix");
    assert!(appendix > recipients);
    assert!(text[appendix..].contains("Phường Ba Đình, thị xã Bỉm Sơn, tỉnh Thanh Hóa"));
    let pdf = &rendered().pdf_text["quyet-dinh-cong-nhan"];
    for s in [
        "CHỦ TỊCH ỦY BAN NHÂN DÂN THỊ XÃ BỈM SƠN",
        "QUYẾT ĐỊNH:",
        "Điều 1.",
        "Điều 3.",
        "Phụ lục",
    ] {
        assert!(pdf.contains(s), "the PDF lacks `{s}`: {pdf}");
    }
}

#[test]
fn the_request_is_addressed() {
    let text = docx_text("to-trinh-cong-nhan");
    assert!(
        text.contains("Kính gửi: Chủ tịch UBND thị xã Bỉm Sơn."),
        "{text}"
    );
    assert!(text.contains("Nơi nhận: - Như trên;"), "{text}");
    assert!(rendered().pdf_text["to-trinh-cong-nhan"].contains("Kính gửi"));
}

#[test]
fn every_dossier_part_is_in_schema_order() {
    for name in DOSSIER {
        for (part_name, xml) in &rendered().docx[name] {
            if part_name.starts_with("word/") && part_name.ends_with(".xml") {
                let bad = misordered_children(xml);
                assert!(bad.is_empty(), "{name}: {part_name}: {bad:?}");
            }
        }
    }
}

#[test]
fn the_last_body_paragraph_keeps_with_the_signatures() {
    for name in DOSSIER {
        let doc = Xml::parse(document_xml(name)).expect("parses");
        let last = doc
            .descendants()
            .filter(|n| is_w(n, "p"))
            .rfind(|p| plain_text_of(p).trim_end().ends_with("./."))
            .unwrap_or_else(|| panic!("{name}: no paragraph ends the body with ./."));
        let keep = last
            .children()
            .find(|n| is_w(n, "pPr"))
            .is_some_and(|pr| pr.children().any(|c| is_w(&c, "keepNext")));
        assert!(
            keep,
            "{name}: the closing line may be left alone above the signatures"
        );
    }
}
