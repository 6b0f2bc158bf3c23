//! Layout decisions both page writers (DOCX and PDF) must agree on, so a document looks the
//! same in Word and in its PDF: how wide the header block's columns are and which of the ND30
//! sizes (12 or 13 pt) its agency lines and quốc hiệu take, how long the rule under the
//! trích yếu is, how the signatures and `Nơi nhận:` share the closing block, data tables'
//! column widths (`layout/table.rs`), the runs no line may break inside (`layout/nobreak.rs`)
//! and the page itself — size, margins, text sizes, the text width of a portrait or landscape
//! section (`layout/page.rs`).

pub mod chart;
pub mod page;

use crate::document::{Document, Header, Inline, Span};
use crate::writer::measure::width_twips;

mod nobreak;
mod table;

pub use nobreak::{slash_words, unbreakable};
pub use page::text_width;
pub use table::table_column_widths;

/// The text width of a portrait A4 page with 30/15 mm side margins, in twips (165 mm): the
/// header and closing blocks, the title rule and charts are laid out in it.
pub const TEXT_WIDTH: u32 = text_width(false);

/// How the two-column header block is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeaderLayout {
    /// Width of the left (agency) column in twips; the right column takes the rest.
    pub left: u32,
    /// Size of the agency lines and the quốc hiệu, in half-points (24 or 26). The `Số:` line
    /// is always [`NUMBER_HALF_POINTS`].
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

/// ND30 fixes the `Số:` line at 13 pt; only agency lines and the quốc hiệu may take 12.
pub const NUMBER_HALF_POINTS: u32 = 26;

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
                NUMBER_HALF_POINTS,
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

/// The rule under the trích yếu, twips: 2/5 of its longest printed line (ND30 wants 1/3 to
/// 1/2 of the line, centred). A line wider than the text width wraps, so it counts as the
/// text width: measuring the unwrapped line would draw the rule across the whole page.
pub fn title_rule(summary: &str, half_points: u32) -> u32 {
    let longest = summary
        .split('\n')
        .map(|l| width_twips(l, half_points, true).min(TEXT_WIDTH))
        .max()
        .unwrap_or(0);
    (longest * 2 / 5).clamp(MIN_RULE.min(TEXT_WIDTH), TEXT_WIDTH)
}

/// How far the rule under the trích yếu sits below the baseline of its last line, twips
/// (10 pt): clear of the descenders, so it reads as a rule and not as an underline.
pub const TITLE_RULE_DROP: u32 = 200;

/// The shortest rule drawn (1 cm), twips.
pub const MIN_RULE: u32 = 567;

/// What one cell of the closing block holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClosingCell {
    Recipients,
    /// `Document::signatures[i]`.
    Signature(usize),
    Empty,
}

/// The closing block: a two-column grid, kept on one page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClosingLayout {
    /// Width of the left column, twips; the right takes the rest of the text width.
    pub left: u32,
    /// Rows of (left, right) cells.
    pub rows: Vec<[ClosingCell; 2]>,
    /// Per signature (index of `Document::signatures`), the empty lines left for the
    /// signature and seal between its title and its name: 4, plus what levels the names of
    /// two signatures side by side when one title has more lines.
    pub room: Vec<usize>,
}

impl ClosingLayout {
    pub fn right(&self) -> u32 {
        TEXT_WIDTH - self.left
    }

    pub fn left_fraction(&self) -> f64 {
        f64::from(self.left) / f64::from(TEXT_WIDTH)
    }
}

/// One signature: `Nơi nhận:` on the left (45%), the signature on the right. Two or more:
/// signatures in pairs, the first on the left (a BIÊN BẢN: THƯ KÝ | CHỦ TỌA), in halves, then
/// `Nơi nhận:` below on the left.
pub fn closing_layout(doc: &Document) -> ClosingLayout {
    use ClosingCell::{Empty, Recipients, Signature};
    const ROOM: usize = 4;
    let n = doc.signatures.len();
    let (left, rows) = if n <= 1 {
        let right = if n == 1 { Signature(0) } else { Empty };
        (TEXT_WIDTH * 45 / 100, vec![[Recipients, right]])
    } else {
        let mut rows: Vec<[ClosingCell; 2]> = (0..n / 2)
            .map(|i| [Signature(2 * i), Signature(2 * i + 1)])
            .collect();
        if n % 2 == 1 {
            rows.push([Empty, Signature(n - 1)]);
        }
        rows.push([Recipients, Empty]);
        (TEXT_WIDTH / 2, rows)
    };
    let titles = |i: usize| {
        doc.signatures
            .get(i)
            .map_or(0, |s| s.authority.len() + s.seal_title.len())
    };
    let mut room = vec![ROOM; n];
    for row in &rows {
        let most = row
            .iter()
            .map(|c| match c {
                Signature(i) => titles(*i),
                _ => 0,
            })
            .max()
            .unwrap_or(0);
        for cell in row {
            if let Signature(i) = cell
                && let Some(r) = room.get_mut(*i)
            {
                *r = ROOM + most - titles(*i);
            }
        }
    }
    ClosingLayout { left, rows, room }
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
/// Room above and below the text of a data table's cell, twips (2 pt).
pub const TABLE_CELL_PAD: u32 = 40;

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
    fn the_title_rule_is_a_third_to_a_half_of_a_wrapped_line() {
        let long = "Kết quả thực hiện công tác bảo đảm an ninh, trật tự và xây dựng phong trào \
                    toàn dân bảo vệ an ninh Tổ quốc trên địa bàn phường năm 2024";
        assert!(
            width_twips(long, 28, true) > TEXT_WIDTH,
            "the title must wrap"
        );
        let rule = title_rule(long, 28);
        assert!(
            rule * 3 >= TEXT_WIDTH && rule * 2 <= TEXT_WIDTH,
            "{rule} of {TEXT_WIDTH}"
        );
        let short = title_rule("Tháng 9", 28);
        assert!((MIN_RULE..TEXT_WIDTH / 3).contains(&short), "{short}");
    }

    #[test]
    fn closing_rows_for_one_and_two_signatures() {
        use ClosingCell::*;
        let mut doc = sample_document();
        let one = closing_layout(&doc);
        assert_eq!(one.rows, [[Recipients, Signature(0)]]);
        assert_eq!(one.left, TEXT_WIDTH * 45 / 100);
        doc.signatures.push(doc.signatures[0].clone());
        doc.signatures[1].authority = vec!["THƯ KÝ".into()];
        doc.signatures[1].seal_title.clear();
        let two = closing_layout(&doc);
        assert_eq!(
            two.rows,
            [[Signature(0), Signature(1)], [Recipients, Empty]]
        );
        // Three title lines against one: the names sit level.
        assert_eq!(two.room, [4, 6]);
        assert_eq!(two.left + two.right(), TEXT_WIDTH);
        doc.signatures.push(doc.signatures[0].clone());
        assert_eq!(
            closing_layout(&doc).rows,
            [
                [Signature(0), Signature(1)],
                [Empty, Signature(2)],
                [Recipients, Empty]
            ]
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
