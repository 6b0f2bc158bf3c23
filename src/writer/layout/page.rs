//! The page both writers lay out on: A4, the ND30 margins (20/20 mm top and bottom, 30 mm
//! left, 15 mm right), the text sizes, and the text width of a portrait or a landscape
//! section. The DOCX writer writes these numbers into `w:sectPr` and the paragraph
//! properties; the PDF writer hands them to `layout.typ` in `/data.json`, so the two cannot
//! drift apart.

/// A4: 210 × 297 mm, which is 11906 × 16838 twips rounded (Word's A4). The PDF takes the
/// exact size, so viewers and printers see A4; the margins, and so the text width, are the
/// same twips in both.
pub const PAGE_WIDTH_MM: f64 = 210.0;
pub const PAGE_HEIGHT_MM: f64 = 297.0;
pub const PAGE_WIDTH: u32 = 11906;
pub const PAGE_HEIGHT: u32 = 16838;

/// Margins in twips: 20 mm top and bottom, 30 mm left (binding), 15 mm right.
pub const MARGIN_TOP: u32 = 1134;
pub const MARGIN_BOTTOM: u32 = 1134;
pub const MARGIN_LEFT: u32 = 1701;
pub const MARGIN_RIGHT: u32 = 850;

/// Body text: 14 pt (ND30 allows 13–14), in half-points.
pub const BODY_HALF_POINTS: u32 = 28;
/// Footnotes: 12 pt, in half-points.
pub const FOOTNOTE_HALF_POINTS: u32 = 24;
/// `Nơi nhận:` 12 pt bold italic, its lines 11 pt (ND30), in half-points.
pub const RECIPIENTS_HEADING_HALF_POINTS: u32 = 24;
pub const RECIPIENTS_HALF_POINTS: u32 = 22;
/// The first-line indent of body paragraphs (1 cm), twips.
pub const INDENT: u32 = 567;

/// A data table of at most this many body rows moves to the next page whole rather than
/// leave a row or two at the foot of a page; a longer one breaks, its header repeated.
pub const KEEP_WHOLE_ROWS: usize = 15;

/// The width of the text area of a section, in twips: 165 mm on a portrait page,
/// 252 mm on a landscape one (an appendix's wide table).
pub const fn text_width(landscape: bool) -> u32 {
    let page = if landscape { PAGE_HEIGHT } else { PAGE_WIDTH };
    page - MARGIN_LEFT - MARGIN_RIGHT
}

/// Twips as points (the PDF layout's unit).
pub fn points(twips: u32) -> f64 {
    f64::from(twips) / 20.0
}

/// Millimetres as points.
pub fn mm_points(mm: f64) -> f64 {
    mm / 25.4 * 72.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn portrait_and_landscape_text_widths() {
        assert_eq!(text_width(false), 9355);
        assert_eq!(text_width(true), 14287);
        assert!((points(text_width(false)) - 467.75).abs() < 1e-9);
    }

    #[test]
    fn the_twips_page_is_a4_rounded() {
        let twips = |mm: f64| (mm_points(mm) * 20.0).round();
        assert_eq!(twips(PAGE_WIDTH_MM), f64::from(PAGE_WIDTH));
        assert_eq!(twips(PAGE_HEIGHT_MM), f64::from(PAGE_HEIGHT));
    }
}
