//! Layout decisions both page writers (DOCX and PDF) must agree on, so a document looks the
//! same in Word and in its PDF: how wide the header block's columns are and which of the ND30
//! sizes (12 or 13 pt) its agency lines and quốc hiệu take.

pub mod chart;

use crate::document::{Header, Inline, Span};
use crate::writer::measure::width_twips;

/// The text width of an A4 page with 30/15 mm side margins, in twips (165 mm).
pub const TEXT_WIDTH: u32 = 11906 - 1701 - 850;

/// How the two-column header block is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeaderLayout {
    /// Width of the left (agency) column in twips; the right column takes the rest.
    pub left: u32,
    /// Size of the agency lines, the number line and the quốc hiệu, in half-points (24 or 26).
    pub header_half_points: u32,
}

impl HeaderLayout {
    pub fn right(&self) -> u32 {
        TEXT_WIDTH - self.left
    }

    /// The left column as a fraction of the text width (for writers that lay out in ratios).
    pub fn left_fraction(&self) -> f64 {
        f64::from(self.left) / f64::from(TEXT_WIDTH)
    }
}

/// Room kept beside the widest line of a column, twips.
const SLACK: u32 = 200;

/// Chooses the header layout: the right column gets what the quốc hiệu, tiêu ngữ and date need
/// and the left column the rest (up to 45%). Agency lines take 13 pt when they fit that
/// column, else 12 pt (ND30 allows 12–13 pt, and clerks shrink a Ban Chỉ đạo's long name the
/// same way), which also narrows the quốc hiệu and widens the left column. Lines that still do
/// not fit wrap.
pub fn header_layout(h: &Header) -> HeaderLayout {
    let max_left = TEXT_WIDTH * 45 / 100;
    let min_left = TEXT_WIDTH * 35 / 100;
    let mut chosen = None;
    for half_points in [26, 24] {
        let right_needs = [
            width_twips(&h.national_title, half_points, true),
            width_twips(&h.motto, 28, true),
            h.place_date
                .as_deref()
                .map_or(0, |s| width_twips(s, 28, false)),
        ]
        .into_iter()
        .max()
        .unwrap_or(0)
            + SLACK;
        let left_needs = h
            .parent_agency
            .iter()
            .map(|l| width_twips(l, half_points, false))
            .chain(
                h.issuing_agency
                    .iter()
                    .map(|l| width_twips(l, half_points, true)),
            )
            .chain(std::iter::once(width_twips(
                &h.number_line,
                half_points,
                false,
            )))
            .max()
            .unwrap_or(0);
        let layout = HeaderLayout {
            left: TEXT_WIDTH
                .saturating_sub(right_needs)
                .clamp(min_left, max_left),
            header_half_points: half_points,
        };
        chosen = Some(layout);
        if left_needs <= layout.left {
            break;
        }
    }
    chosen.unwrap_or(HeaderLayout {
        left: TEXT_WIDTH * 40 / 100,
        header_half_points: 26,
    })
}

/// The `Kính gửi:` lines as printed: the first opens with `Kính gửi:` unless it already does.
pub fn addressee_lines(addressees: &[String]) -> Vec<String> {
    const PREFIX: &str = "Kính gửi:";
    addressees
        .iter()
        .enumerate()
        .map(|(i, line)| {
            if i == 0 && !line.trim_start().starts_with(PREFIX) {
                format!("{PREFIX} {line}")
            } else {
                line.clone()
            }
        })
        .collect()
}

/// Data tables: 13 pt text, Word's default cell padding (twips).
pub const TABLE_HALF_POINTS: u32 = 26;
pub const TABLE_CELL_MARGIN: u32 = 108;

/// Column widths of a data table, in twips summing to the text width: in proportion to each
/// column's longest cell, at least 1000 each so a column of figures is never squeezed.
pub fn table_column_widths(rows: &[Vec<Vec<Inline>>], columns: usize) -> Vec<u32> {
    let mut weights = vec![1000u32; columns];
    for row in rows {
        for (weight, cell) in weights.iter_mut().zip(row) {
            let w = width_twips(&Inline::plain_text(cell), TABLE_HALF_POINTS, false)
                + 2 * TABLE_CELL_MARGIN;
            *weight = (*weight).max(w.min(TEXT_WIDTH));
        }
    }
    let total: u64 = weights.iter().map(|&w| u64::from(w)).sum();
    let mut widths: Vec<u32> = weights
        .iter()
        .map(|&w| u32::try_from(u64::from(w) * u64::from(TEXT_WIDTH) / total.max(1)).unwrap_or(0))
        .collect();
    let used: u32 = widths.iter().sum();
    if let Some(last) = widths.last_mut() {
        *last += TEXT_WIDTH.saturating_sub(used);
    }
    widths
}

/// Level-1 headings print UPPERCASE (ND30) whatever case the template wrote.
pub fn uppercase(inline: &Inline) -> Inline {
    match inline {
        Inline::Text(span) => Inline::Text(Span {
            text: span.text.to_uppercase(),
            ..span.clone()
        }),
        other => other.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::sample::sample_document;

    #[test]
    fn short_agency_names_keep_13pt() {
        let l = header_layout(&sample_document().header);
        assert_eq!(l.header_half_points, 26);
        assert!(
            l.left >= TEXT_WIDTH * 35 / 100 && l.right() >= 5424,
            "{l:?}"
        );
    }

    #[test]
    fn long_agency_lines_drop_to_12pt_and_widen_the_column() {
        let mut h = sample_document().header;
        h.issuing_agency = vec![
            "BAN CHỈ ĐẠO PHÒNG, CHỐNG".into(),
            "TỘI PHẠM, TỆ NẠN XÃ HỘI VÀ".into(),
        ];
        let l = header_layout(&h);
        assert_eq!(l.header_half_points, 24, "{l:?}");
        assert!(
            width_twips("TỘI PHẠM, TỆ NẠN XÃ HỘI VÀ", 24, true) < l.left,
            "{l:?}"
        );
        assert!(
            width_twips(&h.national_title, 24, true) < l.right(),
            "{l:?}"
        );
    }
}
