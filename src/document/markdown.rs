//! Template Markdown → the body of a [`Document`](super::Document).
//!
//! Uses pulldown-cmark (CommonMark + tables + footnotes). Headings are numbered here — `#` is
//! `I.`, `##` is `1.`, `###` is `1.1.` — so removing a section from a template never leaves a
//! gap or a repeated number. Footnotes are numbered in order of first reference, as Word and
//! Typst number them. Lists are flattened into marked paragraphs (`-`, `+`, `1.`), which is how
//! ND30 documents print them.

use super::{Align, Block, Chart, Footnote, Inline, Span, Table};
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
    /// The text of an open ```` ```vanban ```` block (a structured block from data).
    fence: Option<String>,
    /// The first malformed structured block: the body is refused, never silently short.
    error: Option<String>,
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

/// The info string of a fenced block that holds one structured block as JSON.
const BLOCK_FENCE: &str = "vanban";

/// A ```` ```vanban ```` block: one line of JSON, `{"chart": {...}}` (or `{"table": ...}`,
/// H2). Anything else is an error naming what was found.
fn structured_block(text: &str) -> Result<Block, String> {
    let value: serde_json::Value = serde_json::from_str(text.trim())
        .map_err(|e| format!("a ```vanban block is not valid JSON ({e})"))?;
    let Some((key, inner)) = value
        .as_object()
        .and_then(|m| if m.len() == 1 { m.iter().next() } else { None })
    else {
        return Err("a ```vanban block must be one object with one key, `chart`".into());
    };
    match key.as_str() {
        "chart" => Chart::from_json(inner).map(Block::Chart),
        other => Err(format!(
            "a ```vanban block of unknown kind `{other}` (known: chart)"
        )),
    }
}

/// Parses template output into body blocks and footnotes. A malformed ```` ```vanban ````
/// block is an error (the message says what is wrong with it).
pub fn parse_body(markdown: &str) -> Result<Body, String> {
    let options = Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES;
    let mut b = Builder::default();
    for event in Parser::new_ext(markdown, options) {
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
                Tag::Table(aligns) => {
                    b.table = Some(Table {
                        header: false,
                        align: aligns
                            .iter()
                            .map(|a| match a {
                                Alignment::Center => Align::Center,
                                Alignment::Right => Align::Right,
                                _ => Align::Left,
                            })
                            .collect(),
                        rows: Vec::new(),
                    });
                }
                Tag::TableHead => {
                    if let Some(t) = &mut b.table {
                        t.header = true;
                    }
                }
                Tag::FootnoteDefinition(label) => {
                    b.footnote = Some((label.to_string(), Vec::new()));
                }
                Tag::CodeBlock(CodeBlockKind::Fenced(info)) if info.trim() == BLOCK_FENCE => {
                    b.fence = Some(String::new());
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
                TagEnd::TableHead | TagEnd::TableRow => {
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
                TagEnd::CodeBlock => {
                    if let Some(text) = b.fence.take() {
                        match structured_block(&text) {
                            Ok(block) => b.blocks.push(block),
                            Err(e) => {
                                b.error.get_or_insert(e);
                            }
                        }
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
            Event::Text(text) if b.fence.is_some() => {
                if let Some(fence) = &mut b.fence {
                    fence.push_str(&text);
                }
            }
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
    if let Some(e) = b.error {
        return Err(e);
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

    #[test]
    fn headings_are_numbered_without_gaps() {
        let body = parse_body("# Một\n\n## A\n\n### x\n\n### y\n\n## B\n\n# Hai\n\n## C\n")
            .expect("parses");
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
            parse_body("Có **06 vụ** và *giảm*.\n\n- một\n- hai\n  - con\n\n1. đầu\n2. sau\n")
                .expect("parses");
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
            parse_body("Một[^b] hai[^a] ba[^b].\n\n[^a]: Chú thích A.\n[^b]: Chú thích B.\n")
                .expect("parses");
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
        let body = parse_body("| Chỉ tiêu | Số |\n|---|---:|\n| Vụ | 06 |\n").expect("parses");
        match &body.blocks[0] {
            Block::Table(t) => {
                assert!(t.header);
                assert_eq!(t.align, [Align::Left, Align::Right]);
                assert_eq!(t.rows.len(), 2);
                assert_eq!(text(&t.rows[1][1]), "06");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn chart_blocks_are_read_and_malformed_ones_refused() {
        let chart = r#"{"chart":{"kind":"bar","categories":["2024"],"series":[{"name":"A","values":[3]}],"format":"count"}}"#;
        let body =
            parse_body(&format!("Trước.\n\n```vanban\n{chart}\n```\n\nSau.\n")).expect("parses");
        assert_eq!(body.blocks.len(), 3);
        match &body.blocks[1] {
            Block::Chart(c) => assert_eq!(c.series[0].values, [Some(3.0)]),
            other => panic!("{other:?}"),
        }
        let err = parse_body("```vanban\n{\"chart\": {\"kind\": \"pie\"}}\n```\n")
            .expect_err("unknown kind of chart");
        assert!(err.contains("chart"), "{err}");
        assert!(parse_body("```vanban\nnot json\n```\n").is_err());
        assert!(parse_body("```vanban\n{\"map\": {}}\n```\n").is_err());
        // Any other fenced block is not a structured block.
        assert!(parse_body("```\n{}\n```\n").is_ok());
    }

    #[test]
    fn escaped_markup_stays_literal() {
        let body = parse_body(r"\*Ba\* \# 1\. \[x\]\(y\)").expect("parses");
        match &body.blocks[0] {
            Block::Paragraph(inl) => assert_eq!(text(inl), "*Ba* # 1. [x](y)"),
            other => panic!("{other:?}"),
        }
    }
}
