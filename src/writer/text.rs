//! Plain-text writer: the document's words in reading order, one paragraph per line.
//!
//! For `vanban diff`, previews and tests — a changed figure shows up as a changed line.
//! Footnote references print as `[1]` and the notes follow the body.

use crate::document::{Block, Document, Inline};

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
    for a in &doc.addressees {
        line(a);
    }
    line("");
    for block in &doc.body {
        match block {
            Block::Heading {
                number, content, ..
            } => line(&format!("{number} {}", inline_text(content))),
            Block::Paragraph(content) => line(&inline_text(content)),
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
                for row in &t.rows {
                    let cells: Vec<String> = row.iter().map(|c| inline_text(c)).collect();
                    line(&format!("| {} |", cells.join(" | ")));
                }
            }
        }
    }
    if !doc.footnotes.is_empty() {
        line("");
        for (i, note) in doc.footnotes.iter().enumerate() {
            let text: Vec<String> = note.paragraphs.iter().map(|p| inline_text(p)).collect();
            line(&format!("[{}] {}", i + 1, text.join(" ")));
        }
    }
    line("");
    line(&doc.recipients.heading);
    for l in &doc.recipients.lines {
        line(l);
    }
    line("");
    let s = &doc.signature;
    for l in s.authority.iter().chain(&s.seal_title) {
        line(l);
    }
    line(&s.name);
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
    let (n, m) = (a.len(), b.len());
    let mut lcs = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out = String::new();
    while i < n || j < m {
        if i < n && j < m && a[i] == b[j] {
            i += 1;
            j += 1;
        } else if i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1]) {
            out.push_str(&format!("- {}\n", a[i]));
            i += 1;
        } else {
            out.push_str(&format!("+ {}\n", b[j]));
            j += 1;
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
