//! Template Markdown → the body of a [`Document`](super::Document).
//!
//! Uses pulldown-cmark (CommonMark + tables + footnotes). Headings are numbered here — `#` is
//! `I.`, `##` is `1.`, `###` is `1.1.` — so removing a section from a template never leaves a
//! gap or a repeated number. Footnotes are numbered in order of first reference, as Word and
//! Typst number them. Lists are flattened into marked paragraphs (`-`, `+`, `1.`), which is how
//! ND30 documents print them.

use super::{Align, Block, Footnote, HeadCell, Inline, Span, Table, fenced};
use crate::locale;
use pulldown_cmark::{Alignment, CodeBlockKind, Event, Options, Parser, Tag, TagEnd};
use std::collections::HashMap;

/// The parsed body and its footnotes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Body {
    pub blocks: Vec<Block>,
    pub footnotes: Vec<Footnote>,
}

/// Where inline content is being collected.
enum Target {
    Heading(u8),
    Paragraph,
    Item,
    Cell,
    Footnote,
}

#[derive(Default)]
struct Builder {
    blocks: Vec<Block>,
    inlines: Vec<Inline>,
    bold: u32,
    italic: u32,
    /// Open lists: the next ordinal (None for bullets).
    lists: Vec<Option<u64>>,
    /// Item marker waiting for its first content.
    item_marker: Option<(String, u8)>,
    heading_counters: [u32; 6],
    table: Option<Table>,
    row: Vec<Vec<Inline>>,
    /// Footnote being defined: its label and paragraphs.
    footnote: Option<(String, Vec<Vec<Inline>>)>,
    definitions: HashMap<String, Vec<Vec<Inline>>>,
    /// Footnote labels in order of first reference.
    referenced: Vec<String>,
    /// The text of an open ```` ```vanban ```` block.
    structured: Option<String>,
}

/// A body the writers cannot lay out: a malformed ```` ```vanban ```` block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BodyError {
    /// 1-based line of the Markdown body.
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for BodyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {} of the body: {}", self.line, self.message)
    }
}

impl Builder {
    fn push_text(&mut self, text: &str) {
        let (bold, italic) = (self.bold > 0, self.italic > 0);
        if let Some(Inline::Text(last)) = self.inlines.last_mut()
            && last.bold == bold
            && last.italic == italic
        {
            last.text.push_str(text);
            return;
        }
        self.inlines.push(Inline::Text(Span {
            text: text.to_string(),
            bold,
            italic,
        }));
    }

    fn take_inlines(&mut self) -> Vec<Inline> {
        let mut inlines = std::mem::take(&mut self.inlines);
        trim_inlines(&mut inlines);
        inlines
    }

    fn heading_number(&mut self, level: u8) -> String {
        let idx = (level.clamp(1, 6) - 1) as usize;
        // `idx < 6`, the length of the counters: the split always succeeds.
        let Some((upto, below)) = self.heading_counters.split_at_mut_checked(idx + 1) else {
            return String::new();
        };
        if let Some(c) = upto.last_mut() {
            *c += 1;
        }
        below.fill(0);
        match upto.split_first() {
            Some((section, [])) => format!("{}.", locale::roman(*section)),
            // Clause numbers restart under each section and chain below: 2., 2.1., 2.1.1.
            Some((_, clauses)) => {
                let parts: Vec<String> = clauses.iter().map(|n| n.to_string()).collect();
                format!("{}.", parts.join("."))
            }
            None => String::new(),
        }
    }

    fn end_block(&mut self, target: Target) {
        let content = self.take_inlines();
        match target {
            Target::Heading(level) => {
                let number = self.heading_number(level);
                self.blocks.push(Block::Heading {
                    level,
                    number,
                    content,
                });
            }
            Target::Paragraph | Target::Item => {
                if let Some((_, paragraphs)) = &mut self.footnote {
                    if !content.is_empty() {
                        paragraphs.push(content);
                    }
                } else if let Some((marker, depth)) = self.item_marker.take() {
                    self.blocks.push(Block::ListItem {
                        marker,
                        depth,
                        content,
                    });
                } else if !content.is_empty() {
                    match self.blocks.last_mut() {
                        // A second paragraph of a list item continues it on a new line.
                        Some(Block::ListItem { content: prev, .. })
                            if matches!(target, Target::Item) =>
                        {
                            prev.push(Inline::LineBreak);
                            prev.extend(content);
                        }
                        _ => self.blocks.push(Block::Paragraph(content)),
                    }
                }
            }
            Target::Cell => self.row.push(content),
            Target::Footnote => {}
        }
    }
}

/// Removes leading/trailing white space of a run sequence and trailing line breaks.
fn trim_inlines(inlines: &mut Vec<Inline>) {
    while matches!(inlines.last(), Some(Inline::LineBreak)) {
        inlines.pop();
    }
    if let Some(Inline::Text(first)) = inlines.first_mut() {
        first.text = first.text.trim_start().to_string();
    }
    if let Some(Inline::Text(last)) = inlines.last_mut() {
        last.text = last.text.trim_end().to_string();
    }
    inlines.retain(|i| !matches!(i, Inline::Text(s) if s.text.is_empty()));
}

/// Parses template output into body blocks and footnotes.
pub fn parse_body(markdown: &str) -> Result<Body, BodyError> {
    let options = Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES;
    let mut b = Builder::default();
    for (event, range) in Parser::new_ext(markdown, options).into_offset_iter() {
        if let Some(text) = &mut b.structured {
            match event {
                Event::Text(t) => text.push_str(&t),
                Event::End(TagEnd::CodeBlock) => {
                    let block = fenced::block_from_text(text).map_err(|message| BodyError {
                        line: markdown
                            .get(..range.start)
                            .map_or(0, |s| s.matches('\n').count())
                            + 1,
                        message,
                    })?;
                    b.structured = None;
                    b.blocks.push(block);
                }
                _ => {}
            }
            continue;
        }
        match event {
            Event::Start(tag) => match tag {
                Tag::Heading { .. } | Tag::Paragraph => {
                    // Content starts collecting; nothing to open.
                }
                Tag::Emphasis => b.italic += 1,
                Tag::Strong => b.bold += 1,
                Tag::List(start) => {
                    // Text of an item before its nested list belongs to the item.
                    if b.item_marker.is_some() {
                        b.end_block(Target::Item);
                    }
                    b.lists.push(start);
                }
                Tag::Item => {
                    let depth = (b.lists.len().saturating_sub(1)).min(1) as u8;
                    let marker = match b.lists.last_mut() {
                        Some(Some(n)) => {
                            let m = format!("{n}.");
                            *n += 1;
                            m
                        }
                        _ if depth == 0 => "-".to_string(),
                        _ => "+".to_string(),
                    };
                    b.item_marker = Some((marker, depth));
                }
                Tag::CodeBlock(CodeBlockKind::Fenced(info)) if info.trim() == fenced::INFO => {
                    b.structured = Some(String::new());
                }
                Tag::Table(aligns) => {
                    b.table = Some(Table {
                        align: aligns
                            .iter()
                            .map(|a| match a {
                                Alignment::Center => Align::Center,
                                Alignment::Right => Align::Right,
                                _ => Align::Left,
                            })
                            .collect(),
                        ..Table::default()
                    });
                }
                Tag::FootnoteDefinition(label) => {
                    b.footnote = Some((label.to_string(), Vec::new()));
                }
                _ => {}
            },
            Event::End(end) => match end {
                TagEnd::Heading(level) => b.end_block(Target::Heading(level as u8)),
                TagEnd::Paragraph => {
                    let target = if b.item_marker.is_some()
                        || (!b.lists.is_empty() && b.footnote.is_none())
                    {
                        Target::Item
                    } else {
                        Target::Paragraph
                    };
                    b.end_block(target);
                }
                TagEnd::Item if b.item_marker.is_some() || !b.inlines.is_empty() => {
                    b.end_block(Target::Item);
                }
                TagEnd::List(_) => {
                    b.lists.pop();
                }
                TagEnd::Emphasis => b.italic = b.italic.saturating_sub(1),
                TagEnd::Strong => b.bold = b.bold.saturating_sub(1),
                TagEnd::TableCell => b.end_block(Target::Cell),
                TagEnd::TableHead => {
                    let row = std::mem::take(&mut b.row);
                    if let Some(t) = &mut b.table {
                        t.head.push(
                            row.into_iter()
                                .map(|content| HeadCell {
                                    content,
                                    colspan: 1,
                                    rowspan: 1,
                                })
                                .collect(),
                        );
                    }
                }
                TagEnd::TableRow => {
                    let row = std::mem::take(&mut b.row);
                    if let Some(t) = &mut b.table {
                        t.rows.push(row);
                    }
                }
                TagEnd::Table => {
                    if let Some(t) = b.table.take() {
                        b.blocks.push(Block::Table(t));
                    }
                }
                TagEnd::FootnoteDefinition => {
                    if !b.inlines.is_empty() {
                        b.end_block(Target::Paragraph);
                    }
                    if let Some((label, paragraphs)) = b.footnote.take() {
                        b.definitions.insert(label, paragraphs);
                    }
                    b.end_block(Target::Footnote);
                }
                _ => {}
            },
            Event::Text(text) | Event::Code(text) | Event::Html(text) | Event::InlineHtml(text) => {
                b.push_text(&text)
            }
            Event::SoftBreak => b.push_text(" "),
            Event::HardBreak => b.inlines.push(Inline::LineBreak),
            Event::FootnoteReference(label) => {
                let label = label.to_string();
                let index = match b.referenced.iter().position(|l| *l == label) {
                    Some(i) => i,
                    None => {
                        b.referenced.push(label);
                        b.referenced.len() - 1
                    }
                };
                b.inlines.push(Inline::Note(index));
            }
            _ => {}
        }
    }
    let footnotes = b
        .referenced
        .iter()
        .map(|label| Footnote {
            paragraphs: b.definitions.remove(label).unwrap_or_default(),
        })
        .collect();
    if b.structured.is_some() {
        return Err(BodyError {
            line: markdown.matches('\n').count() + 1,
            message: "a vanban block is not closed with ```".into(),
        });
    }
    Ok(Body {
        blocks: b.blocks,
        footnotes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(inlines: &[Inline]) -> String {
        Inline::plain_text(inlines)
    }

    fn parse_body(markdown: &str) -> Body {
        super::parse_body(markdown).expect("parses")
    }

    #[test]
    fn headings_are_numbered_without_gaps() {
        let body = parse_body("# Một\n\n## A\n\n### x\n\n### y\n\n## B\n\n# Hai\n\n## C\n");
        let numbers: Vec<&str> = body
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Heading { number, .. } => Some(number.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(numbers, ["I.", "1.", "1.1.", "1.2.", "2.", "II.", "1."]);
    }

    #[test]
    fn emphasis_lists_and_breaks() {
        let body =
            parse_body("Có **06 vụ** và *giảm*.\n\n- một\n- hai\n  - con\n\n1. đầu\n2. sau\n");
        assert_eq!(body.blocks.len(), 6);
        match &body.blocks[0] {
            Block::Paragraph(inl) => {
                assert_eq!(text(inl), "Có 06 vụ và giảm.");
                assert!(matches!(&inl[1], Inline::Text(s) if s.bold && s.text == "06 vụ"));
                assert!(matches!(&inl[3], Inline::Text(s) if s.italic));
            }
            other => panic!("{other:?}"),
        }
        let markers: Vec<(String, u8)> = body.blocks[1..]
            .iter()
            .map(|b| match b {
                Block::ListItem { marker, depth, .. } => (marker.clone(), *depth),
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(
            markers,
            [
                ("-".into(), 0),
                ("-".into(), 0),
                ("+".into(), 1),
                ("1.".into(), 0),
                ("2.".into(), 0)
            ]
        );
    }

    #[test]
    fn footnotes_in_order_of_reference() {
        let body =
            parse_body("Một[^b] hai[^a] ba[^b].\n\n[^a]: Chú thích A.\n[^b]: Chú thích B.\n");
        match &body.blocks[0] {
            Block::Paragraph(inl) => {
                let notes: Vec<usize> = inl
                    .iter()
                    .filter_map(|i| match i {
                        Inline::Note(n) => Some(*n),
                        _ => None,
                    })
                    .collect();
                assert_eq!(notes, [0, 1, 0]);
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(body.footnotes.len(), 2);
        assert_eq!(text(&body.footnotes[0].paragraphs[0]), "Chú thích B.");
        assert_eq!(text(&body.footnotes[1].paragraphs[0]), "Chú thích A.");
    }

    #[test]
    fn tables() {
        let body = parse_body("| Chỉ tiêu | Số |\n|---|---:|\n| Vụ | 06 |\n");
        match &body.blocks[0] {
            Block::Table(t) => {
                assert_eq!(t.head.len(), 1);
                assert_eq!(text(&t.head[0][1].content), "Số");
                assert_eq!(t.align, [Align::Left, Align::Right]);
                assert_eq!(t.rows.len(), 1);
                assert_eq!(text(&t.rows[0][1]), "06");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn escaped_markup_stays_literal() {
        let body = parse_body(r"\*Ba\* \# 1\. \[x\]\(y\)");
        match &body.blocks[0] {
            Block::Paragraph(inl) => assert_eq!(text(inl), "*Ba* # 1. [x](y)"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn structured_blocks_become_tables_and_bad_ones_are_errors() {
        let md = "Trước.\n\n```vanban\n{\"table\": {\"head\": [[\"Năm\", \"Số\"]], \"rows\": [[\"2024\", \"06\"]], \"total\": [\"Cộng\", \"06\"]}}\n```\n\nSau.\n";
        let body = parse_body(md);
        assert_eq!(body.blocks.len(), 3);
        match &body.blocks[1] {
            Block::Table(t) => {
                assert_eq!(t.columns(), 2);
                assert_eq!(text(&t.rows[0][0]), "2024");
                assert!(t.total.is_some());
            }
            other => panic!("{other:?}"),
        }
        let bad = "Một.\n\n```vanban\n{\"table\": {\"rows\": 3}}\n```\n";
        let e = super::parse_body(bad).expect_err("malformed");
        assert_eq!(e.line, 3, "{e}");
        assert!(super::parse_body("```vanban\n{\"table\"").is_err());
        // Other code blocks are not structured blocks.
        assert!(super::parse_body("```\n{\"table\": 1}\n```\n").is_ok());
    }
}
