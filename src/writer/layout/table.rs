//! Column widths of data tables, from their content, for both page writers: each column
//! gets at least its longest word (a document number counts as one word) and, when there is
//! room, its longest line; a long text column takes what the short ones leave.

use super::{TABLE_CELL_MARGIN, TABLE_HALF_POINTS};
use crate::document::table::{Slot, head_grid};
use crate::document::{Inline, Table};
use crate::writer::measure::width_twips;

/// Room kept beside a column's longest word, twips: the measure is an estimate, and Word or
/// LibreOffice may draw the non-breaking hyphen of a document number a little wider than
/// the plain one.
const WORD_SLACK: u32 = 100;

/// The narrowest a column gets, padding included (about two digits).
const MIN_COLUMN: u32 = 2 * TABLE_CELL_MARGIN + 260;

/// How much room a cell wants: its longest word and its longest line, padding included.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Want {
    min: u32,
    max: u32,
    /// The longest line of the body and total cells alone (0 for a header cell): header
    /// labels wrap well, figures and names do not.
    body: u32,
}

impl Want {
    fn of(content: &[Inline], bold: bool) -> Want {
        let text = Inline::plain_text(content);
        let mut want = Want::default();
        for line in text.split('\n') {
            want.max = want
                .max
                .max(width_twips(line.trim(), TABLE_HALF_POINTS, bold));
            for word in line.split_whitespace() {
                want.min = want.min.max(width_twips(word, TABLE_HALF_POINTS, bold));
            }
        }
        let pad = 2 * TABLE_CELL_MARGIN;
        let max = (want.max + pad).max(MIN_COLUMN);
        Want {
            min: (want.min + pad + WORD_SLACK).max(MIN_COLUMN),
            max,
            body: max + WORD_SLACK,
        }
    }

    /// A header cell's want: it may wrap to its longest word.
    fn header(content: &[Inline]) -> Want {
        Want {
            body: 0,
            ..Want::of(content, true)
        }
    }

    fn grow(&mut self, other: Want) {
        self.min = self.min.max(other.min);
        self.max = self.max.max(other.max);
        self.body = self.body.max(other.body);
    }

    /// What a column gets before the room left is shared: its longest word, and its longest
    /// body line when `body_lines`.
    fn base(&self, body_lines: bool) -> u32 {
        if body_lines {
            self.min.max(self.body)
        } else {
            self.min
        }
    }
}

/// Column widths of `table` in twips, summing to `width` (the text width of the section the
/// table sits in, [`super::text_width`]):
/// - everything fits on one line: each column its longest line and an equal share of the
///   room left (a long header label does not make its column twice the others);
/// - else, when the body's lines fit, each column its longest word and longest body line
///   (names and figures on one line), and the rest shared in proportion to how much more
///   each header label would need — they wrap;
/// - else each column its longest word, and the rest shared in proportion to how much more
///   each would need for its longest line — the long text column gets most of it;
/// - else (words wider than the page) in proportion to the longest words.
pub fn table_column_widths(table: &Table, width: u32) -> Vec<u32> {
    let columns = table.columns();
    if columns == 0 {
        return Vec::new();
    }
    let mut wants = vec![Want::default(); columns];
    for row in &table.rows {
        for (want, cell) in wants.iter_mut().zip(row) {
            want.grow(Want::of(cell, false));
        }
    }
    if let Some(row) = &table.total {
        for (want, cell) in wants.iter_mut().zip(row) {
            want.grow(Want::of(cell, true));
        }
    }
    // Header cells of one column first, then spanning cells widen the columns they cover.
    let grid = head_grid(&table.head, columns);
    let starts = || {
        grid.iter().flat_map(|row| {
            row.iter().enumerate().filter_map(|(c, slot)| match slot {
                Slot::Start {
                    cell: Some(cell),
                    colspan,
                    ..
                } => Some((c, *colspan, Want::header(&cell.content))),
                _ => None,
            })
        })
    };
    for (c, _, want) in starts().filter(|(_, span, _)| *span == 1) {
        if let Some(w) = wants.get_mut(c) {
            w.grow(want);
        }
    }
    for (c, span, want) in starts().filter(|(_, span, _)| *span > 1) {
        let Some(covered) = wants.get_mut(c..c + span) else {
            continue;
        };
        let spread = |covered: &mut [Want], need: u32, pick: fn(&mut Want) -> &mut u32| {
            let have: u32 = covered.iter_mut().map(|w| *pick(w)).sum();
            if need > have {
                let n = covered.len() as u32;
                let each = (need - have).div_ceil(n.max(1));
                for w in covered.iter_mut() {
                    *pick(w) += each;
                }
            }
        };
        spread(covered, want.min, |w| &mut w.min);
        spread(covered, want.max, |w| &mut w.max);
    }
    distribute(&wants, width)
}

/// Shares `width` among columns wanting `wants` (see [`table_column_widths`]).
fn distribute(wants: &[Want], width: u32) -> Vec<u32> {
    let total = u64::from(width);
    let sum_min: u64 = wants.iter().map(|w| u64::from(w.min)).sum();
    let sum_body: u64 = wants.iter().map(|w| u64::from(w.base(true))).sum();
    let sum_max: u64 = wants.iter().map(|w| u64::from(w.max)).sum();
    let share = |base: &dyn Fn(&Want) -> u64, weight: &dyn Fn(&Want) -> u64| -> Vec<u64> {
        let used: u64 = wants.iter().map(base).sum();
        let left = total.saturating_sub(used);
        let weights: u64 = wants.iter().map(weight).sum();
        wants
            .iter()
            .map(|w| base(w) + left * weight(w) / weights.max(1))
            .collect()
    };
    let widths: Vec<u64> = if sum_max <= total {
        share(&|w| u64::from(w.max), &|_| 1)
    } else if sum_body <= total {
        share(&|w| u64::from(w.base(true)), &|w| {
            u64::from(w.max.saturating_sub(w.base(true)))
        })
    } else if sum_min <= total {
        share(&|w| u64::from(w.min), &|w| {
            u64::from(w.max - w.min.min(w.max))
        })
    } else {
        share(&|_| 0, &|w| u64::from(w.min))
    };
    let mut widths: Vec<u32> = widths
        .into_iter()
        .map(|w| u32::try_from(w).unwrap_or(width))
        .collect();
    // Integer shares leave a few twips; the last column takes them so the sum is exact.
    let used: u32 = widths.iter().sum();
    if let Some(last) = widths.last_mut() {
        *last = (*last + width).saturating_sub(used);
    }
    widths
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{HeadCell, Span};
    use crate::writer::layout::{TEXT_WIDTH, text_width};

    fn cell(text: &str) -> Vec<Inline> {
        vec![Inline::Text(Span::plain(text))]
    }

    fn table(head: &[&str], rows: &[&[&str]]) -> Table {
        Table {
            head: vec![head.iter().map(|h| HeadCell::plain(*h)).collect()],
            rows: rows
                .iter()
                .map(|r| r.iter().map(|c| cell(c)).collect())
                .collect(),
            ..Table::default()
        }
    }

    fn percent(widths: &[u32]) -> Vec<u32> {
        widths.iter().map(|w| w * 100 / TEXT_WIDTH).collect()
    }

    #[test]
    fn a_year_column_stays_narrow_beside_long_text() {
        let long = "Tổ chức tuyên truyền, phổ biến pháp luật về phòng, chống tội phạm và tệ nạn \
                    xã hội tại các khu dân cư, trường học và doanh nghiệp trên địa bàn";
        let t = table(&["Năm", "Nội dung"], &[&["2015", long], &["2016", "Ngắn."]]);
        let w = table_column_widths(&t, TEXT_WIDTH);
        assert_eq!(w.iter().sum::<u32>(), TEXT_WIDTH);
        assert!(percent(&w)[0] < 15, "{w:?}");
    }

    #[test]
    fn a_year_column_never_takes_most_of_a_short_table() {
        for head in [
            &["Năm", "Số vụ"][..],
            &["Năm", "Số vụ", "Đối tượng", "Tỷ lệ"][..],
        ] {
            let row: Vec<&str> = ["2015", "06", "1.204", "70,9%"]
                .into_iter()
                .take(head.len())
                .collect();
            let t = table(head, &[&row]);
            let w = table_column_widths(&t, TEXT_WIDTH);
            assert_eq!(w.iter().sum::<u32>(), TEXT_WIDTH, "{w:?}");
            assert!(percent(&w)[0] < 60 && w[0] <= w[1], "{w:?}");
        }
    }

    #[test]
    fn a_document_number_is_one_word() {
        let long = "Thực hiện Thông tư số 124/2021/TT-BCA của Bộ Công an quy định về tiêu chuẩn \
                    khu dân cư, xã, phường, thị trấn, cơ quan, doanh nghiệp, nhà trường";
        let t = table(&["Văn bản", "Nội dung"], &[&["124/2021/TT-BCA", long]]);
        let w = table_column_widths(&t, TEXT_WIDTH);
        let number = width_twips("124/2021/TT-BCA", TABLE_HALF_POINTS, false);
        assert!(w[0] >= number + 2 * TABLE_CELL_MARGIN, "{w:?} {number}");
        assert!(w[1] > w[0] * 2, "{w:?}");
    }

    #[test]
    fn a_group_label_widens_the_columns_under_it() {
        let long = "Tổ chức tuyên truyền, phổ biến pháp luật về phòng, chống tội phạm và tệ nạn \
                    xã hội tại các khu dân cư, trường học và doanh nghiệp trên địa bàn";
        let plain = table(&["A", "B", "C"], &[&["1", "2", long]]);
        let mut grouped = plain.clone();
        grouped.head = vec![
            vec![
                HeadCell {
                    colspan: 2,
                    ..HeadCell::plain("Khu dân cư được công nhận")
                },
                HeadCell {
                    rowspan: 2,
                    ..HeadCell::plain("C")
                },
            ],
            vec![HeadCell::plain("A"), HeadCell::plain("B")],
        ];
        let (p, g) = (
            table_column_widths(&plain, TEXT_WIDTH),
            table_column_widths(&grouped, TEXT_WIDTH),
        );
        assert_eq!(g.iter().sum::<u32>(), TEXT_WIDTH);
        assert!(g[0] + g[1] > p[0] + p[1], "{p:?} {g:?}");
        assert!(g[2] > g[0] + g[1], "{g:?}");
    }

    #[test]
    fn names_stay_on_one_line_and_long_labels_wrap() {
        let t = table(
            &[
                "STT",
                "Đơn vị",
                "Số hộ",
                "Khu dân cư (được công nhận/tổng số)",
                "Cơ quan",
                "Doanh nghiệp",
                "Cơ sở giáo dục",
                "Kết quả",
            ],
            &[&[
                "7",
                "Xã Thạch Tượng",
                "2.072",
                "06/09",
                "",
                "05/06",
                "03/03",
                "Chưa đạt (tiêu chí 4)",
            ]],
        );
        // The appendix of a district's summary, on a landscape page.
        let w = table_column_widths(&t, text_width(true));
        assert_eq!(w.iter().sum::<u32>(), text_width(true));
        let name = width_twips("Xã Thạch Tượng", TABLE_HALF_POINTS, false);
        assert!(w[1] >= name + 2 * TABLE_CELL_MARGIN, "{w:?} {name}");
        let label = width_twips(
            "Khu dân cư (được công nhận/tổng số)",
            TABLE_HALF_POINTS,
            true,
        );
        assert!(w[3] < label, "the label wraps: {w:?}");
    }

    #[test]
    fn a_landscape_table_fills_the_landscape_text_width() {
        let t = table(
            &["STT", "Đơn vị", "Số hộ", "Doanh nghiệp", "Kết quả"],
            &[&[
                "1",
                "Xã Thạch Bình",
                "1.850",
                "05/06",
                "Chưa đạt (tiêu chí 4)",
            ]],
        );
        let wide = table_column_widths(&t, text_width(true));
        assert_eq!(wide.iter().sum::<u32>(), text_width(true), "{wide:?}");
        let narrow = table_column_widths(&t, text_width(false));
        assert!(
            wide.iter().zip(&narrow).all(|(w, n)| w >= n),
            "{wide:?} {narrow:?}"
        );
    }
}
