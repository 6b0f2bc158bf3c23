//! Reusable DOCX checks for integration tests: unzip the parts, find property containers
//! whose children break the ECMA-376 order Word enforces (see `spec/ooxml-word-safety.md`),
//! find characters XML forbids, and get the plain text of a part.
//!
//! Include it with `#[path = "common/ooxml.rs"] mod ooxml;` (or from a `tests/common/mod.rs`
//! with `pub mod ooxml;`).
#![allow(dead_code)] // each test crate uses a different subset

use std::io::{Cursor, Read};

/// The WordprocessingML namespace.
pub const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// `w:rPr` children in schema order.
#[rustfmt::skip] // a table: one schema sequence
pub const RPR_ORDER: &[&str] = &[
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike",
    "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden",
    "color", "spacing", "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr",
    "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish",
    "oMath",
];

/// `w:pPr` children in schema order; `rPr` and `sectPr` come last.
#[rustfmt::skip] // a table: one schema sequence
pub const PPR_ORDER: &[&str] = &[
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
    "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
    "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
    "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
    "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle",
    "rPr", "sectPr",
];

/// `w:sectPr` children in schema order. Header and footer references share one rank: they
/// may interleave.
#[rustfmt::skip] // a table: one schema sequence
pub const SECTPR_ORDER: &[&str] = &[
    "headerReference|footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar",
    "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign", "noEndnote",
    "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid",
];

/// `w:tblPr` children in schema order.
#[rustfmt::skip] // a table: one schema sequence
pub const TBLPR_ORDER: &[&str] = &[
    "tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize",
    "tblStyleColBandSize", "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd",
    "tblLayout", "tblCellMar", "tblLook",
];

/// `w:tcPr` children in schema order.
#[rustfmt::skip] // a table: one schema sequence
pub const TCPR_ORDER: &[&str] = &[
    "cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar",
    "textDirection", "tcFitText", "vAlign", "hideMark",
];

/// `w:pBdr` children in schema order.
pub const PBDR_ORDER: &[&str] = &["top", "left", "bottom", "right", "between", "bar"];

/// The containers checked and their orders.
pub const ORDERS: &[(&str, &[&str])] = &[
    ("rPr", RPR_ORDER),
    ("pPr", PPR_ORDER),
    ("sectPr", SECTPR_ORDER),
    ("tblPr", TBLPR_ORDER),
    ("tcPr", TCPR_ORDER),
    ("pBdr", PBDR_ORDER),
];

/// Every entry of a DOCX (zip) as (name, text), in archive order. Panics on a broken archive
/// or a non-UTF-8 entry: either is a test failure.
pub fn docx_parts(bytes: &[u8]) -> Vec<(String, String)> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("DOCX is a valid zip");
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).expect("zip entry readable");
            let mut text = String::new();
            file.read_to_string(&mut text)
                .unwrap_or_else(|e| panic!("{} is not UTF-8 text: {e}", file.name()));
            (file.name().to_string(), text)
        })
        .collect()
}

/// The text of the part called `name`; panics if it is missing.
pub fn part<'a>(parts: &'a [(String, String)], name: &str) -> &'a str {
    parts
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, xml)| xml.as_str())
        .unwrap_or_else(|| panic!("part {name} missing"))
}

/// Rank of `child` in `order`, `None` when the schema does not allow it there.
fn rank(order: &[&str], child: &str) -> Option<usize> {
    order
        .iter()
        .position(|entry| entry.split('|').any(|name| name == child))
}

/// One line per checked container whose children are out of ECMA-376 order (or not allowed
/// in it), e.g. `w:rPr at 1:240: rFonts after sz (children: sz, rFonts)`. Panics if `xml`
/// does not parse.
pub fn misordered_children(xml: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(xml).expect("part is well-formed XML");
    let mut problems = Vec::new();
    for node in doc.descendants().filter(|n| n.is_element()) {
        let name = node.tag_name();
        if name.namespace() != Some(W) {
            continue;
        }
        let Some((container, order)) = ORDERS.iter().find(|(c, _)| *c == name.name()) else {
            continue;
        };
        let children: Vec<&str> = node
            .children()
            .filter(|c| c.is_element())
            .map(|c| c.tag_name().name())
            .collect();
        let pos = doc.text_pos_at(node.range().start);
        let mut last: Option<(usize, &str)> = None;
        for child in &children {
            match rank(order, child) {
                None => problems.push(format!(
                    "w:{container} at {pos}: w:{child} is not allowed here (children: {})",
                    children.join(", ")
                )),
                // Compare with the highest-ranked child so far, so one stray element is
                // reported for each child it wrongly precedes.
                Some(r) => match last {
                    Some((prev_rank, prev)) if r < prev_rank => problems.push(format!(
                        "w:{container} at {pos}: {child} after {prev} (children: {})",
                        children.join(", ")
                    )),
                    _ => last = Some((r, child)),
                },
            }
        }
    }
    problems
}

/// Characters XML 1.0 forbids, in order of appearance: U+0000–U+001F except tab, LF and CR,
/// and U+FFFE/U+FFFF.
pub fn invalid_xml_chars(xml: &str) -> Vec<char> {
    xml.chars()
        .filter(|&c| {
            matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}')
        })
        .collect()
}

/// The visible text of a WordprocessingML part: the `w:t` texts of each paragraph
/// concatenated, paragraphs separated by `\n` (`w:br` and `w:tab` give `\n` and `\t`,
/// `w:noBreakHyphen` a `-`; the invisible U+2060 word joiners are dropped).
pub fn plain_text(xml: &str) -> String {
    let doc = roxmltree::Document::parse(xml).expect("part is well-formed XML");
    let mut paragraphs = Vec::new();
    for p in doc.descendants().filter(|n| is_w(n, "p")) {
        let mut text = String::new();
        for n in p.descendants() {
            // Skip runs of nested paragraphs (text boxes): they are listed on their own.
            if n.ancestors().skip(1).find(|a| is_w(a, "p")) != Some(p) {
                continue;
            }
            if is_w(&n, "t") {
                text.extend(n.text().unwrap_or("").chars().filter(|&c| c != '\u{2060}'));
            } else if is_w(&n, "noBreakHyphen") {
                text.push('-');
            } else if is_w(&n, "br") {
                text.push('\n');
            } else if is_w(&n, "tab") {
                text.push('\t');
            }
        }
        paragraphs.push(text);
    }
    paragraphs.join("\n")
}

/// Whether `node` is the WordprocessingML element `w:name`.
pub fn is_w(node: &roxmltree::Node, name: &str) -> bool {
    node.is_element() && node.tag_name().namespace() == Some(W) && node.tag_name().name() == name
}

/// The `w:`-namespaced attribute `name` of `node`.
pub fn w_attr<'a>(node: &roxmltree::Node<'a, '_>, name: &str) -> Option<&'a str> {
    node.attribute((W, name))
}
