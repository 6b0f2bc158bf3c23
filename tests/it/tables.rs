//! Tables end to end: a fixture template (`tests/fixtures/tables/`) builds tables with
//! `table(...) | block` — a group label merged over three columns, a total row, captions, a
//! table of 60 rows that runs onto a second page, a document-number column — and the DOCX
//! XML and the PDF text show each of them.

use crate::common::run::{stderr, vanban};
use crate::common::{ooxml, poppler, tmp};
use ooxml::{docx_parts, is_w, misordered_children, part, w_attr};
use poppler::poppler;
use roxmltree::{Document as Xml, Node};
use std::path::PathBuf;

/// Renders the fixture; returns document.xml and the PDF's bytes.
fn render() -> (String, Vec<u8>) {
    let out = tmp::temp_dir("tables");
    let o = vanban(&[
        "render",
        "tests/fixtures/tables/tables.yaml",
        "--templates",
        "tests/fixtures/tables/templates",
        "-o",
        out.to_str().expect("utf-8"),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let written: Vec<PathBuf> = String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(PathBuf::from)
        .collect();
    let find = |ext: &str| {
        written
            .iter()
            .find(|p| p.extension().is_some_and(|e| e == ext))
            .map(|p| std::fs::read(p).expect("written"))
            .expect("file")
    };
    let parts = docx_parts(&find("docx"));
    (part(&parts, "word/document.xml").to_string(), find("pdf"))
}

fn all<'a, 'i: 'a>(node: Node<'a, 'i>, name: &'a str) -> impl Iterator<Item = Node<'a, 'i>> + 'a {
    node.descendants().filter(move |c| is_w(c, name))
}

/// A cell's text as a reader sees it: Word's non-breaking hyphen as `-`.
fn cell_text(node: Node) -> String {
    node.descendants()
        .filter_map(|n| {
            if is_w(&n, "t") {
                n.text().map(str::to_string)
            } else if is_w(&n, "noBreakHyphen") {
                Some("-".into())
            } else {
                None
            }
        })
        .collect()
}

fn prop<'a>(tc: Node<'a, '_>, name: &str) -> Option<Node<'a, 'a>> {
    all(tc, "tcPr")
        .next()
        .and_then(|p| p.children().find(|c| is_w(c, name)))
}

/// The data tables (those with borders: the header and closing tables have none).
fn data_tables<'a, 'i>(doc: &'a Xml<'i>) -> Vec<Node<'a, 'i>> {
    all(doc.root(), "tbl")
        .filter(|t| all(*t, "tblStyle").next().is_some())
        .collect()
}

fn grid(table: Node) -> Vec<u32> {
    all(table, "gridCol")
        .filter_map(|g| w_attr(&g, "w").and_then(|w| w.parse().ok()))
        .collect()
}

#[test]
fn docx_tables_have_merged_headers_totals_captions_and_content_widths() {
    let (xml, _) = render();
    assert_eq!(misordered_children(&xml), Vec::<String>::new());
    let doc = Xml::parse(&xml).expect("well-formed");
    let tables = data_tables(&doc);
    assert_eq!(tables.len(), 3);

    // Table 1: Năm over two header rows, Khu dân cư over three columns, then a total row.
    let t = tables[0];
    let rows: Vec<Node> = t.children().filter(|c| is_w(c, "tr")).collect();
    assert_eq!(
        rows.len(),
        2 + 2 + 1,
        "two header rows, two years, the total"
    );
    for header in &rows[..2] {
        assert!(all(*header, "tblHeader").next().is_some());
    }
    assert!(all(rows[2], "tblHeader").next().is_none());
    let top: Vec<Node> = rows[0].children().filter(|c| is_w(c, "tc")).collect();
    assert_eq!(cell_text(top[0]), "Năm");
    assert_eq!(
        prop(top[0], "vMerge").and_then(|v| w_attr(&v, "val")),
        Some("restart")
    );
    assert_eq!(cell_text(top[1]), "Khu dân cư");
    assert_eq!(
        prop(top[1], "gridSpan").and_then(|v| w_attr(&v, "val")),
        Some("3")
    );
    let second: Vec<Node> = rows[1].children().filter(|c| is_w(c, "tc")).collect();
    assert_eq!(second.len(), 4);
    assert!(prop(second[0], "vMerge").is_some_and(|v| w_attr(&v, "val").is_none()));
    let labels: Vec<String> = second[1..].iter().map(|c| cell_text(*c)).collect();
    assert_eq!(labels, ["Tổng số", "Được công nhận", "Tỷ lệ"]);
    let total: Vec<String> = rows[4]
        .children()
        .filter(|c| is_w(c, "tc"))
        .map(cell_text)
        .collect();
    assert_eq!(total, ["Cộng", "244", "173", "70,9%"]);
    assert!(all(rows[4], "b").next().is_some(), "the total row is bold");
    // A merged cell is as wide as the columns it covers.
    let widths = grid(t);
    let spanned: u32 = widths[1..].iter().sum();
    assert_eq!(
        prop(top[1], "tcW").and_then(|w| w_attr(&w, "w")),
        Some(spanned.to_string().as_str())
    );
    // The caption is the paragraph just before the table, bold and centred.
    let caption = t.prev_sibling_element().expect("a caption");
    assert_eq!(cell_text(caption), "Bảng 1. Khu dân cư được công nhận");
    assert!(all(caption, "keepNext").next().is_some());
    assert_eq!(
        all(caption, "jc").next().and_then(|j| w_attr(&j, "val")),
        Some("center")
    );

    // Every table fills the text width; the year column is the narrowest of table 1, and
    // the document-number column leaves most of the width to the text beside it.
    for t in &tables {
        assert_eq!(grid(*t).iter().sum::<u32>(), 9355);
    }
    assert!(
        widths[0] <= *widths.iter().min().unwrap_or(&0) && widths[0] * 100 / 9355 < 30,
        "{widths:?}"
    );
    let numbers = grid(tables[1]);
    assert!(numbers[1] > 2 * numbers[0], "{numbers:?}");

    // The document numbers: hyphens non-breaking, the slashes plain text (nothing invisible
    // after them: Word's Find and a copy see the number as typed).
    let number_cell = all(tables[1], "tc").nth(2).expect("first body cell");
    assert_eq!(cell_text(number_cell), "23/2012/TT-BCA");
    assert!(all(number_cell, "noBreakHyphen").next().is_some());
    assert!(xml.contains(">23/2012/TT<") && !xml.contains('\u{2060}'));

    // Table 3: 60 rows; an absent figure is an empty cell, and its column has no total.
    let rows: Vec<Node> = tables[2].children().filter(|c| is_w(c, "tr")).collect();
    assert_eq!(rows.len(), 2 + 60 + 1);
    let total: Vec<String> = rows[62]
        .children()
        .filter(|c| is_w(c, "tc"))
        .map(cell_text)
        .collect();
    assert_eq!(total[0], "Tổng cộng");
    assert_ne!(total[1], "");
    assert_eq!(total[2], "", "a partial sum is not a total");
}

/// PDF text of pages `first..=last`, rows as laid out, with white space folded.
fn pdf_text(pdf: &[u8], first: u32, last: u32) -> String {
    let (f, l) = (first.to_string(), last.to_string());
    let raw = poppler(
        "pdftotext",
        &["-layout", "-enc", "UTF-8", "-f", &f, "-l", &l],
        pdf,
    );
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn pdf_tables_repeat_their_header_and_keep_numbers_whole() {
    let (_, pdf) = render();
    let all_text = pdf_text(&pdf, 1, 99);
    assert!(
        all_text.contains("Bảng 1. Khu dân cư được công nhận"),
        "{all_text}"
    );
    // The group label sits above its three labels (with `Năm` spanning both rows).
    assert!(
        all_text.contains("Khu dân cư Năm Tổng số Được công nhận Tỷ lệ"),
        "{all_text}"
    );
    assert!(all_text.contains("Cộng 244 173 70,9%"), "{all_text}");
    // 14 paragraphs walk the number across the line end, plus the table cell: each one
    // unbroken (a break after `/` or `-` would split it over two lines of pdftotext).
    let raw = poppler("pdftotext", &["-enc", "UTF-8"], &pdf);
    assert_eq!(raw.matches("124/2021/TT-BCA").count(), 15, "{raw}");
    assert_eq!(raw.matches("23/2012/TT-BCA").count(), 1, "{raw}");
    // The 60-row table runs over a page break: its header rows come again on the next page.
    let pages: usize = poppler("pdfinfo", &[], &pdf)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("page count");
    let with_header = (1..=pages as u32)
        .filter(|&p| pdf_text(&pdf, p, p).contains("Thành viên Lượt tuần tra"))
        .count();
    assert!(with_header >= 2, "header on {with_header} page(s)");
    assert!(all_text.contains("Tổ tự quản số 60"));
}
