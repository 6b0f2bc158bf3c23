//! Section properties: the page size and orientation of each section (page 1 and the
//! body; then one section per appendix, which may be landscape) and its page numbers.

use super::parts::{RID_HEADER_DEFAULT, RID_HEADER_FIRST};
use super::props::{Jc, ParaProps, RunProps, SINGLE};
use super::xml::Xml;

use crate::writer::layout::page::{
    MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, PAGE_HEIGHT, PAGE_WIDTH,
};

/// Ends the current section: a tiny paragraph carrying its `w:sectPr`.
pub(super) fn section_end(x: &mut Xml, page: Page) {
    x.start("w:p", &[]);
    ParaProps {
        mark: Some(RunProps::sized(2)),
        ..ParaProps::new(Jc::Left, SINGLE)
    }
    .write_with(x, |x| section(x, page));
    x.end();
}

/// The page of a section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Page {
    pub(super) landscape: bool,
    /// A first page without a number (page 1 of the document; ND30).
    pub(super) first: bool,
}

/// `w:sectPr` in ECMA order: headerReference ×2, type, pgSz, pgMar, cols, titlePg, docGrid.
pub(super) fn section(x: &mut Xml, page: Page) {
    x.start("w:sectPr", &[]);
    x.empty(
        "w:headerReference",
        &[("w:type", "default"), ("r:id", RID_HEADER_DEFAULT)],
    );
    x.empty(
        "w:headerReference",
        &[("w:type", "first"), ("r:id", RID_HEADER_FIRST)],
    );
    x.empty("w:type", &[("w:val", "nextPage")]);
    let (w, h) = (PAGE_WIDTH.to_string(), PAGE_HEIGHT.to_string());
    if page.landscape {
        x.empty(
            "w:pgSz",
            &[("w:w", &h), ("w:h", &w), ("w:orient", "landscape")],
        );
    } else {
        x.empty("w:pgSz", &[("w:w", &w), ("w:h", &h)]);
    }
    x.empty(
        "w:pgMar",
        &[
            ("w:top", &MARGIN_TOP.to_string()),
            ("w:right", &MARGIN_RIGHT.to_string()),
            ("w:bottom", &MARGIN_BOTTOM.to_string()),
            ("w:left", &MARGIN_LEFT.to_string()),
            ("w:header", "720"),
            ("w:footer", "720"),
            ("w:gutter", "0"),
        ],
    );
    x.empty("w:cols", &[("w:space", "720")]);
    // A different first page: ND30 puts no number on page 1. Appendix sections continue
    // the numbering and number their first page.
    if page.first {
        x.empty("w:titlePg", &[]);
    }
    x.empty("w:docGrid", &[("w:linePitch", "360")]);
    x.end();
}
