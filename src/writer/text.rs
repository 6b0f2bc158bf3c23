//! Plain-text writer: the document's words in reading order, one paragraph per line.
//!
//! For `vanban diff`, previews and tests — a changed figure shows up as a changed line.
//! Footnote references print as `[1]` and the notes follow the body.

use crate::document::chart::{Series, ValueFormat};
use crate::document::{Block, Chart, Document, Inline};
use crate::writer::layout::chart::label;
use crate::writer::layout::{self, ClosingCell};

/// The document as UTF-8 text.
pub fn write(doc: &Document) -> String {
    let mut out = String::new();
    let mut line = |s: &str| {
        out.push_str(s);
        out.push('\n');
    };
    let h = &doc.header;
    for l in h.parent_agency.iter().chain(&h.issuing_agency) {
        line(l);
    }
    line(&h.number_line);
    line(&h.national_title);
    line(&h.motto);
    if let Some(pd) = &h.place_date {
        line(pd);
    }
    line("");
    line(&doc.title.kind);
    for l in doc.title.summary.lines() {
        line(l);
    }
    for a in doc
        .authority
        .iter()
        .chain(&layout::addressee_lines(&doc.addressees))
    {
        line(a);
    }
    line("");
    blocks(&mut line, &doc.body);
    if !doc.footnotes.is_empty() {
        line("");
        for (i, note) in doc.footnotes.iter().enumerate() {
            let text: Vec<String> = note.paragraphs.iter().map(|p| inline_text(p)).collect();
            line(&format!("[{}] {}", i + 1, text.join(" ")));
        }
    }
    // The closing in the order it is laid out: row by row, left cell first.
    for cell in layout::closing_layout(doc).rows.iter().flatten() {
        match cell {
            ClosingCell::Recipients => {
                line("");
                line(&doc.recipients.heading);
                for l in &doc.recipients.lines {
                    line(l);
                }
            }
            ClosingCell::Signature(i) => {
                let Some(s) = doc.signatures.get(*i) else {
                    continue;
                };
                line("");
                for l in s.authority.iter().chain(&s.seal_title) {
                    line(l);
                }
                line(&s.name);
            }
            ClosingCell::Empty => {}
        }
    }
    for a in &doc.appendices {
        line("");
        for part in [&a.heading, &a.name, &a.attached] {
            if !part.is_empty() {
                line(&inline_text(part));
            }
        }
        line("");
        blocks(&mut line, &a.blocks);
    }
    out
}

/// Body blocks, one paragraph per line.
fn blocks(line: &mut impl FnMut(&str), blocks: &[Block]) {
    for block in blocks {
        match block {
            Block::Heading {
                number, content, ..
            } => {
                let text = inline_text(content);
                if number.is_empty() {
                    line(&text)
                } else {
                    line(&format!("{number} {text}"))
                }
            }
            Block::Paragraph { content, .. } => line(&inline_text(content)),
            Block::ListItem {
                marker,
                depth,
                content,
            } => line(&format!(
                "{}{marker} {}",
                "  ".repeat(*depth as usize),
                inline_text(content)
            )),
            Block::Table(t) => {
                if let Some(caption) = &t.caption {
                    line(caption);
                }
                // Header rows as written: a merged cell once, where it starts.
                for row in &t.head {
                    let cells: Vec<String> = row.iter().map(|c| inline_text(&c.content)).collect();
                    line(&format!("| {} |", cells.join(" | ")));
                }
                for row in t.rows.iter().chain(&t.total) {
                    let cells: Vec<String> = row.iter().map(|c| inline_text(c)).collect();
                    line(&format!("| {} |", cells.join(" | ")));
                }
            }
            Block::Chart(c) => {
                for l in chart_lines(c) {
                    line(&l);
                }
            }
        }
    }
}

/// A chart as its title and a table of its values by category (an absent figure is an empty
/// cell), labelled as the chart labels them.
fn chart_lines(c: &Chart) -> Vec<String> {
    let mut out = vec![format!("[Biểu đồ: {}]", c.title)];
    let series: Vec<(&Series, ValueFormat)> = c
        .series
        .iter()
        .map(|s| (s, c.format))
        .chain(c.line.iter().map(|l| (&l.series, l.format)))
        .collect();
    let head: Vec<&str> = std::iter::once(c.category_axis.as_str())
        .chain(series.iter().map(|(s, _)| s.name.as_str()))
        .collect();
    out.push(format!("| {} |", head.join(" | ")));
    for (i, category) in c.categories.iter().enumerate() {
        let cells: Vec<String> = std::iter::once(category.clone())
            .chain(series.iter().map(|(s, format)| {
                s.values
                    .get(i)
                    .copied()
                    .flatten()
                    .map(|v| s.labelled(i, label(v, *format)))
                    .unwrap_or_default()
            }))
            .collect();
        out.push(format!("| {} |", cells.join(" | ")));
    }
    out
}

/// Inline content as text, with footnote references as `[n]`.
fn inline_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    for inline in inlines {
        match inline {
            Inline::Text(span) => out.push_str(&span.text),
            Inline::Note(i) => out.push_str(&format!("[{}]", i + 1)),
            Inline::LineBreak => out.push(' '),
        }
    }
    out
}

/// Lines removed (`- `) and added (`+ `) between two texts, in order (a longest-common-
/// subsequence diff; documents are a few hundred lines, so the quadratic table is small).
pub fn diff_lines(old: &str, new: &str) -> String {
    let a: Vec<&str> = old.lines().collect();
    let b: Vec<&str> = new.lines().collect();
    // `lcs[i][j]`: the length of the longest common subsequence of `a[i..]` and `b[j..]`;
    // past the end of either text it is 0, which `at` reads for cells outside the table.
    let mut lcs = vec![vec![0u32; b.len()]; a.len()];
    let at = |lcs: &[Vec<u32>], i: usize, j: usize| {
        lcs.get(i).and_then(|row| row.get(j)).copied().unwrap_or(0)
    };
    for (i, x) in a.iter().enumerate().rev() {
        for (j, y) in b.iter().enumerate().rev() {
            let length = if x == y {
                at(&lcs, i + 1, j + 1) + 1
            } else {
                at(&lcs, i + 1, j).max(at(&lcs, i, j + 1))
            };
            if let Some(cell) = lcs.get_mut(i).and_then(|row| row.get_mut(j)) {
                *cell = length;
            }
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out = String::new();
    loop {
        match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) if x == y => {
                i += 1;
                j += 1;
            }
            (Some(x), y) if y.is_none() || at(&lcs, i + 1, j) >= at(&lcs, i, j + 1) => {
                out.push_str(&format!("- {x}\n"));
                i += 1;
            }
            (_, Some(y)) => {
                out.push_str(&format!("+ {y}\n"));
                j += 1;
            }
            _ => break,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::sample::sample_document;

    #[test]
    fn diff_shows_changed_lines_only() {
        let d = diff_lines("a\nb\nc\n", "a\nB\nc\nd\n");
        assert_eq!(d, "- b\n+ B\n+ d\n");
        assert_eq!(diff_lines("x\n", "x\n"), "");
    }

    #[test]
    fn text_has_header_body_notes_and_signature() {
        let text = write(&sample_document());
        assert!(text.contains("Số: 93/BC-BCĐ\n"));
        assert!(text.contains("I. ĐẶC ĐIỂM TÌNH HÌNH\n"));
        assert!(text.contains("so với cùng kỳ năm 2023)[1]."));
        assert!(text.contains("[2] Sử dụng trái phép"));
        assert!(text.contains("  + Xử lý hành chính"));
        assert!(text.ends_with("Lê Văn Hùng\n"));
    }
}
