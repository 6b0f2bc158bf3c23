//! The DOCX writer on the sample document: Word-safe element order, ND30 page and header
//! layout, real footnotes, literal markup characters and byte-for-byte determinism.

use crate::common::ooxml;

use ooxml::{
    W, docx_parts, invalid_xml_chars, is_w, misordered_children, part, plain_text, w_attr,
};
use roxmltree::{Document as Xml, Node};
use vanban::document::sample::sample_document;
use vanban::writer::docx;

const FONT: &str = "Times New Roman";

fn sample_parts() -> Vec<(String, String)> {
    docx_parts(&docx::write(&sample_document()).expect("sample writes"))
}

fn parse(xml: &str) -> Xml<'_> {
    Xml::parse(xml).expect("well-formed XML")
}

/// First child element `w:name` of `node`.
fn child<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.children().find(|c| is_w(c, name))
}

/// All descendants `w:name` of `node`.
fn all<'a, 'i: 'a>(node: Node<'a, 'i>, name: &'a str) -> impl Iterator<Item = Node<'a, 'i>> + 'a {
    node.descendants().filter(move |c| is_w(c, name))
}

/// The text of one paragraph.
fn para_text(p: Node) -> String {
    all(p, "t").filter_map(|t| t.text()).collect()
}

/// The paragraph whose text is exactly `text`.
fn paragraph<'a, 'i>(doc: &'a Xml<'i>, text: &str) -> Node<'a, 'i> {
    all(doc.root(), "p")
        .find(|p| para_text(*p) == text)
        .unwrap_or_else(|| panic!("no paragraph {text:?}"))
}

/// A `w:val`-style value of `pPr/name` or `rPr/name` under `node` (`attr` names the attribute).
fn prop<'a>(props: Option<Node<'a, '_>>, name: &str, attr: &str) -> Option<&'a str> {
    props
        .and_then(|p| child(p, name))
        .and_then(|n| w_attr(&n, attr))
}

fn has(props: Option<Node>, name: &str) -> bool {
    props.and_then(|p| child(p, name)).is_some()
}

/// The rPr of every text-bearing run in `p`.
fn run_props<'a, 'i>(p: Node<'a, 'i>) -> Vec<Node<'a, 'i>> {
    all(p, "r")
        .filter(|r| child(*r, "t").is_some())
        .map(|r| child(r, "rPr").expect("every run has rPr"))
        .collect()
}

#[test]
fn checker_catches_misordered_containers() {
    let wrap = |inner: &str| {
        format!("<w:document xmlns:w=\"{W}\"><w:body><w:p>{inner}</w:p></w:body></w:document>")
    };
    let bad_rpr = wrap("<w:r><w:rPr><w:sz w:val=\"28\"/><w:rFonts/></w:rPr></w:r>");
    let problems = misordered_children(&bad_rpr);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains("rFonts after sz"), "{problems:?}");

    let bad_ppr = wrap("<w:pPr><w:rPr/><w:jc w:val=\"both\"/><w:ind/><w:spacing/></w:pPr>");
    // jc, ind and spacing each come after rPr, which must be last.
    assert_eq!(misordered_children(&bad_ppr).len(), 3);

    let bad_border = wrap("<w:pPr><w:pBdr><w:bottom/><w:top/></w:pBdr></w:pPr>");
    assert_eq!(misordered_children(&bad_border).len(), 1);

    let unknown = wrap("<w:r><w:rPr><w:bogus/></w:rPr></w:r>");
    assert_eq!(misordered_children(&unknown).len(), 1);

    let good = wrap(
        "<w:pPr><w:keepNext/><w:spacing/><w:ind/><w:jc/><w:rPr><w:rFonts/><w:b/><w:sz/></w:rPr></w:pPr>",
    );
    assert!(misordered_children(&good).is_empty());

    let sect = format!(
        "<w:sectPr xmlns:w=\"{W}\"><w:headerReference/><w:footerReference/><w:headerReference/>\
         <w:pgSz/><w:pgMar/><w:titlePg/><w:cols/></w:sectPr>"
    );
    let problems = misordered_children(&sect);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains("cols after titlePg"));
}

#[test]
fn checker_finds_invalid_chars_and_text() {
    assert_eq!(
        invalid_xml_chars("a\u{B}b\tc\u{FFFF}\n"),
        vec!['\u{B}', '\u{FFFF}']
    );
    let xml = format!(
        "<w:document xmlns:w=\"{W}\"><w:body><w:p><w:r><w:t>a</w:t><w:br/><w:t>b</w:t></w:r></w:p>\
         <w:p><w:r><w:t>c</w:t></w:r></w:p></w:body></w:document>"
    );
    assert_eq!(plain_text(&xml), "a\nb\nc");
}

#[test]
fn package_has_every_part() {
    let names: Vec<String> = sample_parts().into_iter().map(|(n, _)| n).collect();
    for expected in [
        "[Content_Types].xml",
        "_rels/.rels",
        "docProps/core.xml",
        "docProps/app.xml",
        "word/document.xml",
        "word/_rels/document.xml.rels",
        "word/styles.xml",
        "word/settings.xml",
        "word/fontTable.xml",
        "word/footnotes.xml",
        "word/header1.xml",
        "word/header2.xml",
        "word/theme/theme1.xml",
    ] {
        assert!(
            names.iter().any(|n| n == expected),
            "{expected} missing from {names:?}"
        );
    }
    // The theme is reachable: related from the document and typed.
    let parts = sample_parts();
    let rels = part(&parts, "word/_rels/document.xml.rels");
    assert!(
        rels.contains("relationships/theme\" Target=\"theme/theme1.xml\""),
        "{rels}"
    );
    let types = part(&parts, "[Content_Types].xml");
    assert!(
        types.contains(
            "PartName=\"/word/theme/theme1.xml\" \
             ContentType=\"application/vnd.openxmlformats-officedocument.theme+xml\""
        ),
        "{types}"
    );
    let theme = parse(part(&parts, "word/theme/theme1.xml"));
    let fonts: Vec<&str> = theme
        .descendants()
        .filter(|n| n.tag_name().name() == "latin")
        .filter_map(|n| n.attribute("typeface"))
        .collect();
    assert_eq!(fonts, [FONT, FONT]);
}

/// Invisible characters a pasted text may carry never reach Word's text (Find for "10/10"
/// would miss `10/\u{2060}10`); a number keeps its slashes as plain text and its hyphen as
/// Word's non-breaking hyphen.
#[test]
fn nothing_invisible_reaches_words_text() {
    use vanban::document::{Block, Inline, Span};
    let mut doc = sample_document();
    doc.body
        .push(Block::paragraph(vec![Inline::Text(Span::plain(
            "Có 10/\u{2060}10 khu\u{AD} phố\u{200B} theo Thông tư số 124/2021/TT-BCA\u{FEFF}.",
        ))]));
    let parts = docx_parts(&docx::write(&doc).expect("writes"));
    let xml = part(&parts, "word/document.xml");
    for c in ['\u{2060}', '\u{200B}', '\u{AD}', '\u{FEFF}'] {
        assert!(!xml.contains(c), "U+{:04X} in document.xml", c as u32);
    }
    let text = plain_text(xml);
    assert!(
        text.contains("Có 10/10 khu phố theo Thông tư số 124/2021/TT-BCA."),
        "{text}"
    );
    assert!(xml.contains("<w:t xml:space=\"preserve\">Có 10/10 khu phố theo Thông tư số </w:t>"));
    assert!(xml.contains("124/2021/TT</w:t><w:noBreakHyphen/><w:t xml:space=\"preserve\">BCA"));
}

#[test]
fn every_part_is_word_safe() {
    for (name, xml) in sample_parts() {
        assert!(
            invalid_xml_chars(&xml).is_empty(),
            "{name} has invalid XML characters"
        );
        parse(&xml);
        if name.starts_with("word/") && name.ends_with(".xml") {
            let problems = misordered_children(&xml);
            assert!(problems.is_empty(), "{name}:\n{}", problems.join("\n"));
        }
    }
}

#[test]
fn control_characters_are_dropped() {
    let mut doc = sample_document();
    doc.title.summary = "Tiêu đề\u{B} có ký tự\u{0} lạ\u{FFFE}".into();
    doc.meta.title = "x\u{1}y".into();
    for (name, xml) in docx_parts(&docx::write(&doc).expect("writes")) {
        assert!(invalid_xml_chars(&xml).is_empty(), "{name}");
        parse(&xml);
    }
}

#[test]
fn page_is_a4_with_nd30_margins_and_first_page_header() {
    let parts = sample_parts();
    let xml = part(&parts, "word/document.xml");
    let doc = parse(xml);
    let sect = all(doc.root(), "sectPr").next().expect("sectPr");
    let size = child(sect, "pgSz").expect("pgSz");
    assert_eq!(
        (w_attr(&size, "w"), w_attr(&size, "h")),
        (Some("11906"), Some("16838"))
    );
    let mar = child(sect, "pgMar").expect("pgMar");
    for (side, value) in [
        ("top", "1134"),
        ("bottom", "1134"),
        ("left", "1701"),
        ("right", "850"),
        ("header", "720"),
        ("footer", "720"),
        ("gutter", "0"),
    ] {
        assert_eq!(w_attr(&mar, side), Some(value), "margin {side}");
    }
    assert!(child(sect, "titlePg").is_some(), "different first page");

    // Follow the header references through the relationships.
    let rels = parse(part(&parts, "word/_rels/document.xml.rels"));
    const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    let target = |kind: &str| {
        let reference = sect
            .children()
            .find(|c| is_w(c, "headerReference") && w_attr(c, "type") == Some(kind))
            .unwrap_or_else(|| panic!("{kind} header reference"));
        let id = reference.attribute((R, "id")).expect("r:id");
        let rel = rels
            .descendants()
            .find(|n| n.attribute("Id") == Some(id))
            .expect("relationship exists");
        format!("word/{}", rel.attribute("Target").expect("target"))
    };
    let first = part(&parts, &target("first"));
    assert!(!first.contains("PAGE"), "no page number on page 1");
    let default = part(&parts, &target("default"));
    let header = parse(default);
    let instr: String = all(header.root(), "instrText")
        .filter_map(|n| n.text())
        .collect();
    assert_eq!(instr.trim(), "PAGE");
    let p = all(header.root(), "p").next().expect("header paragraph");
    assert_eq!(prop(child(p, "pPr"), "jc", "val"), Some("center"));
    let runs: Vec<Node> = all(header.root(), "r").collect();
    assert_eq!(runs.len(), 5, "begin, instr, separate, result, end");
    for r in runs {
        let rpr = child(r, "rPr");
        let size: u32 = prop(rpr, "sz", "val")
            .expect("sized")
            .parse()
            .expect("number");
        assert!(size >= 26, "page number is 13–14 pt");
        assert_eq!(prop(rpr, "rFonts", "ascii"), Some(FONT));
    }
}

#[test]
fn styles_set_times_new_roman_and_footnote_styles() {
    let parts = sample_parts();
    let styles = parse(part(&parts, "word/styles.xml"));
    let defaults = all(styles.root(), "rPrDefault").next().expect("rPrDefault");
    let fonts = all(defaults, "rFonts").next().expect("rFonts");
    for slot in ["ascii", "hAnsi", "cs", "eastAsia"] {
        assert_eq!(w_attr(&fonts, slot), Some(FONT), "default {slot}");
    }
    assert_eq!(
        all(defaults, "sz").next().and_then(|n| w_attr(&n, "val")),
        Some("28")
    );
    assert_eq!(
        all(defaults, "lang").next().and_then(|n| w_attr(&n, "val")),
        Some("vi-VN")
    );

    let style = |id: &str| {
        all(styles.root(), "style")
            .find(|s| w_attr(s, "styleId") == Some(id))
            .unwrap_or_else(|| panic!("style {id}"))
    };
    for id in ["Normal", "FootnoteText", "TableGrid"] {
        style(id);
    }
    let reference = style("FootnoteReference");
    assert_eq!(w_attr(&reference, "type"), Some("character"));
    assert_eq!(
        prop(child(reference, "rPr"), "vertAlign", "val"),
        Some("superscript")
    );
    let text = style("FootnoteText");
    assert_eq!(prop(child(text, "pPr"), "jc", "val"), Some("both"));
    let size: u32 = prop(child(text, "rPr"), "sz", "val")
        .expect("sz")
        .parse()
        .expect("number");
    assert!((22..=24).contains(&size));
}

#[test]
fn every_run_names_times_new_roman_in_all_slots() {
    let parts = sample_parts();
    for name in [
        "word/document.xml",
        "word/footnotes.xml",
        "word/header1.xml",
    ] {
        let doc = parse(part(&parts, name));
        for r in all(doc.root(), "r").filter(|r| child(*r, "t").is_some()) {
            let fonts = child(r, "rPr")
                .and_then(|p| child(p, "rFonts"))
                .expect("run fonts");
            for slot in ["ascii", "hAnsi", "cs", "eastAsia"] {
                assert_eq!(w_attr(&fonts, slot), Some(FONT), "{name}: {slot}");
            }
        }
    }
}

#[test]
fn body_paragraphs_are_justified_indented_14pt() {
    let parts = sample_parts();
    let doc = parse(part(&parts, "word/document.xml"));
    let body_paragraphs: Vec<Node> = all(doc.root(), "p")
        .filter(|p| para_text(*p).starts_with("Phường Ba Đình nằm ở trung tâm"))
        .collect();
    assert_eq!(body_paragraphs.len(), 14);
    for p in body_paragraphs {
        let ppr = child(p, "pPr");
        assert_eq!(prop(ppr, "jc", "val"), Some("both"));
        assert_eq!(prop(ppr, "ind", "firstLine"), Some("567"));
        let after: u32 = prop(ppr, "spacing", "after")
            .expect("after")
            .parse()
            .expect("number");
        assert!(after >= 120, "at least 6 pt between paragraphs");
        let line: u32 = prop(ppr, "spacing", "line")
            .expect("line")
            .parse()
            .expect("number");
        assert!((240..=360).contains(&line), "single to 1.5 lines");
        for rpr in run_props(p) {
            assert_eq!(prop(Some(rpr), "sz", "val"), Some("28"));
            assert!(!has(Some(rpr), "b"));
        }
    }
}

#[test]
fn headings_lists_and_emphasis() {
    let parts = sample_parts();
    let doc = parse(part(&parts, "word/document.xml"));
    let h1 = paragraph(&doc, "I. ĐẶC ĐIỂM TÌNH HÌNH");
    assert!(has(child(h1, "pPr"), "keepNext"));
    assert!(
        run_props(h1)
            .iter()
            .all(|r| has(Some(*r), "b") && !has(Some(*r), "i"))
    );
    let h2 = paragraph(&doc, "1. Công tác tuyên truyền");
    assert!(run_props(h2).iter().all(|r| has(Some(*r), "b")));
    let h3 = paragraph(&doc, "1.1. Kết quả xây dựng khu dân cư");
    assert!(
        run_props(h3)
            .iter()
            .all(|r| has(Some(*r), "b") && has(Some(*r), "i"))
    );

    let item = paragraph(&doc, "+ Xử lý hành chính 05 vụ/06 đối tượng;dòng thứ hai.");
    assert_eq!(
        prop(child(item, "pPr"), "ind", "left"),
        Some("567"),
        "depth 1 is indented"
    );
    assert_eq!(all(item, "br").count(), 1, "line break kept");

    // Span emphasis: "06 vụ/07" bold, the comparison italic, both with bCs/iCs.
    let runs: Vec<Node> = all(doc.root(), "r").collect();
    let run_with = |text: &str| {
        runs.iter()
            .find(|r| para_text(**r) == text)
            .and_then(|r| child(*r, "rPr"))
            .unwrap_or_else(|| panic!("run {text:?}"))
    };
    let bold = run_with("06 vụ/07");
    assert!(has(Some(bold), "b") && has(Some(bold), "bCs") && !has(Some(bold), "i"));
    let italic =
        run_with("không tăng, không giảm về số vụ; giảm 04 đối tượng so với cùng kỳ năm 2023");
    assert!(has(Some(italic), "i") && has(Some(italic), "iCs") && !has(Some(italic), "b"));
}

#[test]
fn header_block_is_a_two_column_borderless_table() {
    let parts = sample_parts();
    let doc = parse(part(&parts, "word/document.xml"));
    let body = all(doc.root(), "body").next().expect("body");
    // A 1 pt empty paragraph (LibreOffice drops a table that opens the document a line
    // below the top margin), then the header table.
    let mut blocks = body.children().filter(|c| c.is_element());
    let first = blocks.next().expect("first block");
    assert!(is_w(&first, "p") && para_text(first).is_empty());
    let spacing = all(first, "spacing").next().expect("spacing");
    assert_eq!(
        (w_attr(&spacing, "line"), w_attr(&spacing, "lineRule")),
        (Some("20"), Some("exact"))
    );
    let table = blocks.next().expect("second block");
    assert!(is_w(&table, "tbl"), "the header table follows the spacer");
    let grid: Vec<u32> = all(table, "gridCol")
        .map(|g| w_attr(&g, "w").expect("w").parse().expect("number"))
        .collect();
    assert_eq!(grid.len(), 2);
    assert_eq!(grid.iter().sum::<u32>(), 9355);
    let left_share = grid[0] * 100 / 9355;
    assert!((35..=45).contains(&left_share), "left column {left_share}%");
    let tblpr = child(table, "tblPr");
    assert_eq!(prop(tblpr, "tblLayout", "type"), Some("fixed"));
    assert_eq!(prop(tblpr, "tblInd", "w"), Some("0"));
    let borders = tblpr
        .and_then(|p| child(p, "tblBorders"))
        .expect("tblBorders");
    assert!(
        borders
            .children()
            .filter(|c| c.is_element())
            .all(|b| w_attr(&b, "val") == Some("nil"))
    );

    let rows: Vec<Node> = table.children().filter(|c| is_w(c, "tr")).collect();
    assert_eq!(rows.len(), 2);
    let cells = |row: Node| -> Vec<String> {
        row.children()
            .filter(|c| is_w(c, "tc"))
            .map(|tc| {
                all(tc, "p")
                    .map(para_text)
                    .filter(|t| !t.is_empty())
                    .collect::<Vec<_>>()
                    .join("|")
            })
            .collect()
    };
    assert_eq!(
        cells(rows[0]),
        [
            "UBND PHƯỜNG BA ĐÌNH|BAN CHỈ ĐẠO AN NINH,|TRẬT TỰ PHƯỜNG",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|Độc lập - Tự do - Hạnh phúc"
        ]
    );
    assert_eq!(
        cells(rows[1]),
        ["Số: 93/BC-BCĐ", "Ba Đình, ngày 05 tháng 11 năm 2024"]
    );

    // Parent agency upright, issuing agency bold, number upright, place-date italic.
    let parent = run_props(paragraph(&doc, "UBND PHƯỜNG BA ĐÌNH"));
    assert!(
        parent
            .iter()
            .all(|r| !has(Some(*r), "b") && prop(Some(*r), "sz", "val") == Some("26"))
    );
    for line in [
        "BAN CHỈ ĐẠO AN NINH,",
        "TRẬT TỰ PHƯỜNG",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    ] {
        assert!(
            run_props(paragraph(&doc, line))
                .iter()
                .all(|r| has(Some(*r), "b")),
            "{line}"
        );
    }
    let number = run_props(paragraph(&doc, "Số: 93/BC-BCĐ"));
    assert!(
        number
            .iter()
            .all(|r| !has(Some(*r), "b") && !has(Some(*r), "i"))
    );
    let date = run_props(paragraph(&doc, "Ba Đình, ngày 05 tháng 11 năm 2024"));
    assert!(date.iter().all(|r| has(Some(*r), "i")));

    // A rule (bottom-bordered empty paragraph, narrowed by indents) under the issuing agency
    // and under the motto.
    let ruled: Vec<Node> = all(table, "p")
        .filter(|p| all(*p, "pBdr").next().is_some())
        .collect();
    assert_eq!(ruled.len(), 2);
    for p in ruled {
        assert!(para_text(p).is_empty());
        let left: u32 = prop(child(p, "pPr"), "ind", "left")
            .expect("indented")
            .parse()
            .expect("n");
        assert!(left > 0);
    }
}

#[test]
fn place_date_cell_is_empty_when_absent() {
    let mut doc = sample_document();
    doc.header.place_date = None;
    let parts = docx_parts(&docx::write(&doc).expect("writes"));
    let text = plain_text(part(&parts, "word/document.xml"));
    assert!(!text.contains("ngày 05 tháng 11"));
    assert!(text.contains("Số: 93/BC-BCĐ"));
}

#[test]
fn title_addressees_and_closing_block() {
    let mut doc = sample_document();
    doc.addressees = vec!["Ủy ban nhân dân thị xã.".into()];
    let parts = docx_parts(&docx::write(&doc).expect("writes"));
    let xml = parse(part(&parts, "word/document.xml"));
    let kind = paragraph(&xml, "BÁO CÁO");
    assert_eq!(prop(child(kind, "pPr"), "jc", "val"), Some("center"));
    assert!(run_props(kind).iter().all(|r| has(Some(*r), "b")));
    paragraph(&xml, "Kính gửi: Ủy ban nhân dân thị xã.");

    let heading = run_props(paragraph(&xml, "Nơi nhận:"));
    assert!(
        heading
            .iter()
            .all(|r| has(Some(*r), "b") && has(Some(*r), "i"))
    );
    assert!(
        heading
            .iter()
            .all(|r| prop(Some(*r), "sz", "val") == Some("24"))
    );
    let line = paragraph(&xml, "- Lưu: VT, CAP.");
    assert_eq!(prop(child(line, "pPr"), "jc", "val"), Some("left"));
    assert!(
        run_props(line)
            .iter()
            .all(|r| prop(Some(*r), "sz", "val") == Some("22"))
    );
    for text in [
        "TM. BAN CHỈ ĐẠO",
        "TRƯỞNG BAN",
        "CHỦ TỊCH UBND PHƯỜNG",
        "Lê Văn Hùng",
    ] {
        let p = paragraph(&xml, text);
        assert_eq!(prop(child(p, "pPr"), "jc", "val"), Some("center"), "{text}");
        assert!(run_props(p).iter().all(|r| has(Some(*r), "b")), "{text}");
    }
    // Recipients and signature share one row that does not split.
    let row = paragraph(&xml, "Nơi nhận:")
        .ancestors()
        .find(|a| is_w(a, "tr"))
        .expect("in a table");
    assert!(para_text(row).contains("Lê Văn Hùng"));
    assert!(
        child(row, "trPr")
            .and_then(|p| child(p, "cantSplit"))
            .is_some()
    );
}

#[test]
fn kinh_gui_prefix_is_not_doubled() {
    let mut doc = sample_document();
    doc.addressees = vec![
        "Kính gửi: - UBND thị xã;".into(),
        "- Công an thị xã.".into(),
    ];
    let parts = docx_parts(&docx::write(&doc).expect("writes"));
    let text = plain_text(part(&parts, "word/document.xml"));
    assert_eq!(text.matches("Kính gửi:").count(), 1);
    assert!(text.contains("\n- Công an thị xã.\n"));
}

#[test]
fn data_table_is_a_grid_with_a_header_row() {
    let parts = sample_parts();
    let doc = parse(part(&parts, "word/document.xml"));
    let table = all(doc.root(), "tbl")
        .find(|t| para_text(*t).contains("Chỉ tiêu"))
        .expect("data table");
    let grid: u32 = all(table, "gridCol")
        .map(|g| w_attr(&g, "w").expect("w").parse::<u32>().expect("number"))
        .sum();
    assert_eq!(grid, 9355);
    let tblpr = child(table, "tblPr");
    assert_eq!(prop(tblpr, "tblLayout", "type"), Some("fixed"));
    let borders = tblpr.and_then(|p| child(p, "tblBorders")).expect("borders");
    assert!(
        borders
            .children()
            .filter(|c| c.is_element())
            .all(|b| w_attr(&b, "val") == Some("single"))
    );
    let rows: Vec<Node> = table.children().filter(|c| is_w(c, "tr")).collect();
    assert!(
        child(rows[0], "trPr")
            .and_then(|p| child(p, "tblHeader"))
            .is_some()
    );
    let header = paragraph(&doc, "Năm 2024");
    assert_eq!(prop(child(header, "pPr"), "jc", "val"), Some("center"));
    assert!(
        run_props(header)
            .iter()
            .all(|r| has(Some(*r), "b") && prop(Some(*r), "sz", "val") == Some("26"))
    );
    let figure = paragraph(&doc, "11");
    assert_eq!(prop(child(figure, "pPr"), "jc", "val"), Some("right"));
    assert!(run_props(figure).iter().all(|r| !has(Some(*r), "b")));
}

#[test]
fn footnotes_are_real_word_footnotes() {
    let parts = sample_parts();
    let doc = parse(part(&parts, "word/document.xml"));
    let ids: Vec<&str> = all(doc.root(), "footnoteReference")
        .map(|n| w_attr(&n, "id").expect("id"))
        .collect();
    assert_eq!(ids, ["1", "2"]);
    for reference in all(doc.root(), "footnoteReference") {
        let rpr = reference.parent().and_then(|r| child(r, "rPr"));
        assert_eq!(prop(rpr, "rStyle", "val"), Some("FootnoteReference"));
    }

    let notes = parse(part(&parts, "word/footnotes.xml"));
    let footnotes: Vec<Node> = all(notes.root(), "footnote").collect();
    let kinds: Vec<(Option<&str>, Option<&str>)> = footnotes
        .iter()
        .map(|f| (w_attr(f, "type"), w_attr(f, "id")))
        .collect();
    assert_eq!(
        kinds,
        [
            (Some("separator"), Some("-1")),
            (Some("continuationSeparator"), Some("0")),
            (None, Some("1")),
            (None, Some("2")),
        ]
    );
    let sample = sample_document();
    for (note, expected) in footnotes[2..].iter().zip(&sample.footnotes) {
        let p = all(*note, "p").next().expect("paragraph");
        assert_eq!(prop(child(p, "pPr"), "pStyle", "val"), Some("FootnoteText"));
        assert_eq!(prop(child(p, "pPr"), "jc", "val"), Some("both"));
        let first_run = all(p, "r").next().expect("run");
        assert!(
            child(first_run, "footnoteRef").is_some(),
            "starts with the number"
        );
        let text = vanban::document::Inline::plain_text(&expected.paragraphs[0]);
        assert_eq!(para_text(p), format!(" {text}"));
        for rpr in run_props(p) {
            assert_eq!(prop(Some(rpr), "sz", "val"), Some("24"));
        }
    }
    let settings = parse(part(&parts, "word/settings.xml"));
    let pr = all(settings.root(), "footnotePr")
        .next()
        .expect("footnotePr");
    let ids: Vec<&str> = pr.children().filter_map(|c| w_attr(&c, "id")).collect();
    assert_eq!(ids, ["-1", "0"]);
}

#[test]
fn markup_characters_appear_literally() {
    let parts = sample_parts();
    let xml = part(&parts, "word/document.xml");
    let text = plain_text(xml);
    assert!(text.contains(". Ký tự đặc biệt: # $ * _ @ < > [ ] \\ // & \" ' ` ~ = { } ^ |."));
    assert!(text.contains("“An toàn về an ninh, trật tự” năm 2024./."));
    assert!(
        xml.contains("&lt; &gt;") && xml.contains("&amp;"),
        "escaped in the XML"
    );
}

#[test]
fn core_properties_come_from_meta() {
    let parts = sample_parts();
    let core = part(&parts, "docProps/core.xml");
    assert!(
        core.contains("<dc:title>BÁO CÁO Kết quả thực hiện Thông tư số 124/2021/TT-BCA</dc:title>")
    );
    assert!(core.contains("<dc:creator>BAN CHỈ ĐẠO AN NINH, TRẬT TỰ PHƯỜNG</dc:creator>"));
    assert_eq!(core.matches("2024-11-05T00:00:00Z").count(), 2);
}

#[test]
fn output_is_deterministic() {
    let doc = sample_document();
    let first = docx::write(&doc).expect("writes");
    // Other documents in between must not shift any id (no process-global counters).
    let mut other = sample_document();
    other.body.truncate(3);
    docx::write(&other).expect("writes");
    let second = docx::write(&sample_document()).expect("writes");
    assert_eq!(first, second);

    let threads: Vec<_> = (0..4)
        .map(|_| std::thread::spawn(|| docx::write(&sample_document()).expect("writes")))
        .collect();
    for t in threads {
        assert_eq!(t.join().expect("thread"), first);
    }
}

/// Writes the sample to `$VANBAN_SAMPLE_DOCX` for a look in LibreOffice or Word:
/// `VANBAN_SAMPLE_DOCX=/tmp/x/sample.docx cargo test --test it write_sample -- --ignored`.
#[test]
#[ignore]
fn write_sample_for_inspection() {
    let path = std::env::var("VANBAN_SAMPLE_DOCX").expect("set VANBAN_SAMPLE_DOCX");
    std::fs::write(path, docx::write(&sample_document()).expect("writes")).expect("written");
}
