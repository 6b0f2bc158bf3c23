//! Template Markdown → the body of a [`Document`](super::Document).
//!
//! Uses pulldown-cmark (CommonMark + tables + footnotes), after the fenced-div pre-pass of
//! [`super::divs`]. Headings are numbered later, over the whole document
//! ([`super::numbering`]). Footnotes are numbered in order of first reference, as Word and
//! Typst number them. Lists are flattened into marked paragraphs (`-`, `+`, `1.`), which is how
//! ND30 documents print them.

use super::divs::{self, Div, DivError};
use super::{
    Align, Anchor, Appendix, Block, Footnote, HeadCell, Inline, Role, SignatureBlock, Span, Table,
    fenced,
};
use pulldown_cmark::{Alignment, CodeBlockKind, Event, Options, Parser, Tag, TagEnd};
use std::collections::HashMap;

/// The parsed body, its footnotes and what the divs sent elsewhere.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Body {
    pub blocks: Vec<Block>,
    pub footnotes: Vec<Footnote>,
    /// `::: authority` lines, UPPERCASE.
    pub authority: Vec<String>,
    /// `::: addressees` lines.
    pub addressees: Vec<String>,
    /// `::: signature` blocks, left to right.
    pub signatures: Vec<SignatureBlock>,
    /// `::: recipients` lines, printed before the fact sheet's.
    pub recipients: Vec<String>,
    pub appendices: Vec<Appendix>,
    /// The template's named blocks as ranges of `blocks`, in the order they open.
    pub anchors: Vec<Anchor>,
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
    /// Open divs and where their blocks start in `blocks`.
    divs: Vec<(Div, usize)>,
    out: Body,
    table: Option<Table>,
    row: Vec<Vec<Inline>>,
    /// Footnote being defined: its label and paragraphs.
    footnote: Option<(String, Vec<Vec<Inline>>)>,
    definitions: HashMap<String, Vec<Vec<Inline>>>,
    /// Footnote labels in order of first reference.
    referenced: Vec<String>,
    /// The text of an open ```` ```vanban ```` block.
    structured: Option<String>,
    /// Open template blocks: the index of each in `out.anchors` (`None` for one opened
    /// inside a div, whose blocks go elsewhere).
    open_anchors: Vec<Option<usize>>,
}

/// A malformed ```` ```vanban ```` block (a table or chart the writers cannot lay out), at
/// its line of the rendered body.
fn structured_error(line: usize, message: &str) -> DivError {
    DivError::new(
        format!("line {line} of the body: {message}"),
        "print tables and charts with `{{ table(...) | block }}` or `{{ chart(...) | block }}` rather than writing the block by hand",
    )
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

    fn end_block(&mut self, target: Target) -> Result<(), DivError> {
        let content = self.take_inlines();
        match target {
            Target::Heading(level) => {
                self.blocks.push(Block::Heading {
                    level,
                    number: String::new(),
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
                } else if let Some((opens, name)) = anchor_marker(&content) {
                    self.anchor_line(opens, name);
                } else if let Some(div) = marker(&content) {
                    return self.div_line(div);
                } else if !content.is_empty() {
                    match self.blocks.last_mut() {
                        // A second paragraph of a list item continues it on a new line.
                        Some(Block::ListItem { content: prev, .. })
                            if matches!(target, Target::Item) =>
                        {
                            prev.push(Inline::LineBreak);
                            prev.extend(content);
                        }
                        _ => self.blocks.push(Block::paragraph(content)),
                    }
                }
            }
            Target::Cell => self.row.push(content),
            Target::Footnote => {}
        }
        Ok(())
    }

    /// A template block starts or ends here.
    fn anchor_line(&mut self, opens: bool, name: String) {
        if !opens {
            if let Some(Some(i)) = self.open_anchors.pop()
                && let Some(a) = self.out.anchors.get_mut(i)
            {
                a.end = self.blocks.len();
            }
            return;
        }
        if !self.divs.is_empty() {
            self.open_anchors.push(None);
            return;
        }
        let parent = self.open_anchors.iter().rev().find_map(|a| *a);
        self.open_anchors.push(Some(self.out.anchors.len()));
        self.out.anchors.push(Anchor {
            name,
            start: self.blocks.len(),
            end: self.blocks.len(),
            parent,
        });
    }

    /// Whether source lines are printed lines here (a signature's titles, an authority).
    fn keeps_lines(&self) -> bool {
        matches!(
            self.divs.last(),
            Some((
                Div::Authority | Div::Addressees | Div::Signature | Div::Recipients,
                _
            ))
        )
    }

    /// Opens a div, or closes the innermost one and sends its blocks where they belong.
    fn div_line(&mut self, div: Option<Div>) -> Result<(), DivError> {
        if let Some(div) = div {
            self.divs.push((div, self.blocks.len()));
            return Ok(());
        }
        // The pre-pass checked that every closing line closes a div.
        let Some((div, start)) = self.divs.pop() else {
            return Ok(());
        };
        let start = start.min(self.blocks.len());
        let role = match div {
            Div::Basis => Some(Role::Basis),
            Div::Center => Some(Role::Center),
            _ => None,
        };
        if let Some(role) = role {
            for block in self.blocks.iter_mut().skip(start) {
                if let Block::Paragraph { role: r, .. } = block {
                    *r = role;
                }
            }
            return Ok(());
        }
        let blocks: Vec<Block> = self.blocks.drain(start..).collect();
        match div {
            Div::Authority => self
                .out
                .authority
                .extend(lines(&blocks).iter().map(|l| l.to_uppercase())),
            Div::Addressees => self.out.addressees.extend(lines(&blocks)),
            Div::Recipients => self.out.recipients.extend(lines(&blocks)),
            Div::Signature => self.out.signatures.push(signature(&blocks)?),
            Div::Appendix { landscape } => self.out.appendices.push(appendix(blocks, landscape)?),
            Div::Basis | Div::Center => {}
        }
        Ok(())
    }
}

/// The template block a marker paragraph opens (`true`) or closes.
fn anchor_marker(content: &[Inline]) -> Option<(bool, String)> {
    match content {
        [Inline::Text(span)] => {
            divs::anchor_from_marker(&span.text).map(|(opens, name)| (opens, name.to_string()))
        }
        _ => None,
    }
}

/// The div a marker paragraph stands for (see [`divs::mark`]).
fn marker(content: &[Inline]) -> Option<Option<Div>> {
    match content {
        [Inline::Text(span)] => Div::from_marker(&span.text),
        _ => None,
    }
}

/// Each source line of the paragraphs and items, as plain text (an item keeps its marker).
fn lines(blocks: &[Block]) -> Vec<String> {
    let mut out = Vec::new();
    for block in blocks {
        let (prefix, content) = match block {
            Block::Paragraph { content, .. } | Block::Heading { content, .. } => {
                (String::new(), content)
            }
            Block::ListItem {
                marker, content, ..
            } => (format!("{marker} "), content),
            Block::Table(_) | Block::Chart(_) => continue,
        };
        for (i, line) in Inline::plain_text(content).split('\n').enumerate() {
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            out.push(if i == 0 {
                format!("{prefix}{line}")
            } else {
                line.to_string()
            });
        }
    }
    out
}

/// `::: signature`: the title lines, the seal title lines if three paragraphs, the name.
fn signature(blocks: &[Block]) -> Result<SignatureBlock, DivError> {
    let paragraphs: Vec<Vec<String>> = blocks
        .iter()
        .map(|b| lines(std::slice::from_ref(b)))
        .filter(|l| !l.is_empty())
        .collect();
    let upper = |l: &Vec<String>| l.iter().map(|s| s.to_uppercase()).collect::<Vec<_>>();
    let (title, seal, name) = match paragraphs.as_slice() {
        [title] => (upper(title), Vec::new(), String::new()),
        [title, name] => (upper(title), Vec::new(), name.join(" ")),
        [title, seal, name] => (upper(title), upper(seal), name.join(" ")),
        _ => {
            return Err(DivError::new(
                format!("a `::: signature` div has {} paragraphs", paragraphs.len()),
                "write the title lines (`TM. ỦY BAN NHÂN DÂN` then `CHỦ TỊCH`), an empty line, \
                 then the signer's name; a seal title, if any, goes between them",
            ));
        }
    };
    Ok(SignatureBlock {
        authority: title,
        seal_title: seal,
        name,
    })
}

/// `::: appendix`: heading, name, the `(Kèm theo …)` line if it starts with `(`, then blocks.
fn appendix(blocks: Vec<Block>, landscape: bool) -> Result<Appendix, DivError> {
    let mut blocks = blocks.into_iter().peekable();
    let mut next_paragraph = |test: &dyn Fn(&[Inline]) -> bool| match blocks.peek() {
        Some(Block::Paragraph { content, .. }) if test(content) => match blocks.next() {
            Some(Block::Paragraph { content, .. }) => Some(content),
            _ => None,
        },
        _ => None,
    };
    let Some(heading) = next_paragraph(&|_| true) else {
        return Err(DivError::new(
            "a `::: appendix` div does not start with its heading",
            "start the appendix with a paragraph `Phụ lục` (or `Phụ lục I`), then its name",
        ));
    };
    let name = next_paragraph(&|_| true).unwrap_or_default();
    let attached = next_paragraph(&|c| Inline::plain_text(c).trim_start().starts_with('('))
        .unwrap_or_default();
    Ok(Appendix {
        landscape,
        heading,
        name,
        attached,
        blocks: blocks.collect(),
    })
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

/// Parses template output into body blocks, footnotes and the parts its divs name.
pub fn parse_body(markdown: &str) -> Result<Body, DivError> {
    let marked = divs::mark(markdown)?;
    let options = Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES;
    let mut b = Builder::default();
    for (event, range) in Parser::new_ext(&marked, options).into_offset_iter() {
        if let Some(text) = &mut b.structured {
            match event {
                Event::Text(t) => text.push_str(&t),
                Event::End(TagEnd::CodeBlock) => {
                    let block = fenced::block_from_text(text).map_err(|message| {
                        let line = marked
                            .get(..range.start)
                            .map_or(0, |s| s.matches('\n').count())
                            + 1;
                        structured_error(line, &message)
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
                        b.end_block(Target::Item)?;
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
                TagEnd::Heading(level) => b.end_block(Target::Heading(level as u8))?,
                TagEnd::Paragraph => {
                    let target = if b.item_marker.is_some()
                        || (!b.lists.is_empty() && b.footnote.is_none())
                    {
                        Target::Item
                    } else {
                        Target::Paragraph
                    };
                    b.end_block(target)?;
                }
                TagEnd::Item if b.item_marker.is_some() || !b.inlines.is_empty() => {
                    b.end_block(Target::Item)?;
                }
                TagEnd::List(_) => {
                    b.lists.pop();
                }
                TagEnd::Emphasis => b.italic = b.italic.saturating_sub(1),
                TagEnd::Strong => b.bold = b.bold.saturating_sub(1),
                TagEnd::TableCell => b.end_block(Target::Cell)?,
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
                        b.end_block(Target::Paragraph)?;
                    }
                    if let Some((label, paragraphs)) = b.footnote.take() {
                        b.definitions.insert(label, paragraphs);
                    }
                    b.end_block(Target::Footnote)?;
                }
                _ => {}
            },
            Event::Text(text) | Event::Code(text) | Event::Html(text) | Event::InlineHtml(text) => {
                b.push_text(&text)
            }
            Event::SoftBreak if b.keeps_lines() => b.inlines.push(Inline::LineBreak),
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
        return Err(structured_error(
            marked.matches('\n').count() + 1,
            "a vanban block is not closed with ```",
        ));
    }
    // A block left open (a template's mistake) ends with the body; no range passes its end.
    let len = b.blocks.len();
    for a in &mut b.out.anchors {
        a.end = a.end.min(len);
        a.start = a.start.min(a.end);
    }
    Ok(Body {
        blocks: b.blocks,
        footnotes,
        ..b.out
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(inlines: &[Inline]) -> String {
        Inline::plain_text(inlines)
    }

    #[test]
    fn emphasis_lists_and_breaks() {
        let body =
            parse_body("Có **06 vụ** và *giảm*.\n\n- một\n- hai\n  - con\n\n1. đầu\n2. sau\n")
                .expect("parses");
        assert_eq!(body.blocks.len(), 6);
        match &body.blocks[0] {
            Block::Paragraph { content: inl, .. } => {
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
            Block::Paragraph { content: inl, .. } => {
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
        assert!(err.message.contains("chart"), "{err:?}");
        assert!(parse_body("```vanban\nnot json\n```\n").is_err());
        assert!(parse_body("```vanban\n{\"map\": {}}\n```\n").is_err());
        // Any other fenced block is not a structured block.
        assert!(parse_body("```\n{}\n```\n").is_ok());
    }

    #[test]
    fn escaped_markup_stays_literal() {
        let body = parse_body(r"\*Ba\* \# 1\. \[x\]\(y\)").expect("parses");
        match &body.blocks[0] {
            Block::Paragraph { content: inl, .. } => assert_eq!(text(inl), "*Ba* # 1. [x](y)"),
            other => panic!("{other:?}"),
        }
    }

    fn parse(s: &str) -> Body {
        parse_body(s).expect("parses")
    }

    #[test]
    fn divs_give_roles_and_fill_the_closing() {
        let body = parse(
            "::: authority\nChủ tịch Ủy ban nhân dân\nquận Ba Đình\n:::\n\n\
             ::: basis\nCăn cứ Luật A;\n\nCăn cứ B.\n:::\n\n\
             ::: center\nQUYẾT ĐỊNH:\n:::\n\n# Điều một\n\nNội dung[^n].\n\n\
             [^n]: Ghi chú.\n\n\
             ::: recipients\n- Như Điều 3;\n:::\n\n\
             ::: signature\nTM. Ủy ban nhân dân\nChủ tịch\n\nNguyễn Văn A\n:::\n\n\
             ::: signature\nThư ký\n\nTrần B\n:::\n\n\
             ::: addressees\nỦy ban nhân dân quận;\nCông an quận.\n:::\n",
        );
        assert_eq!(body.authority, ["CHỦ TỊCH ỦY BAN NHÂN DÂN", "QUẬN BA ĐÌNH"]);
        assert_eq!(body.addressees, ["Ủy ban nhân dân quận;", "Công an quận."]);
        assert_eq!(body.recipients, ["- Như Điều 3;"]);
        assert_eq!(body.signatures.len(), 2);
        assert_eq!(
            body.signatures[0].authority,
            ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
        );
        assert_eq!(body.signatures[0].name, "Nguyễn Văn A");
        assert_eq!(body.signatures[1].authority, ["THƯ KÝ"]);
        let roles: Vec<Option<Role>> = body
            .blocks
            .iter()
            .map(|b| match b {
                Block::Paragraph { role, .. } => Some(*role),
                _ => None,
            })
            .collect();
        assert_eq!(
            roles,
            [
                Some(Role::Basis),
                Some(Role::Basis),
                Some(Role::Center),
                None,
                Some(Role::Body)
            ]
        );
        assert_eq!(body.footnotes.len(), 1);
    }

    #[test]
    fn appendices_take_heading_name_and_attached_line() {
        let body = parse(
            "Thân./.\n\n::: appendix landscape\nPhụ lục I\n\nDanh sách\n\n\
             (Kèm theo Quyết định số 12/QĐ-UBND)\n\n# Mục\n\nNội dung.\n:::\n\n\
             ::: appendix\nPhụ lục II\n\nTên\n\nKhông có ngoặc.\n:::\n",
        );
        assert_eq!(body.blocks.len(), 1);
        let [one, two] = body.appendices.as_slice() else {
            panic!("{:?}", body.appendices)
        };
        assert!(one.landscape && !two.landscape);
        assert_eq!(text(&one.heading), "Phụ lục I");
        assert_eq!(text(&one.name), "Danh sách");
        assert_eq!(text(&one.attached), "(Kèm theo Quyết định số 12/QĐ-UBND)");
        assert_eq!(one.blocks.len(), 2);
        assert!(two.attached.is_empty());
        assert_eq!(two.blocks.len(), 1);
    }

    #[test]
    fn bad_signature_and_appendix_are_errors() {
        let e = parse_body("::: signature\na\n\nb\n\nc\n\nd\n:::\n").expect_err("4");
        assert!(e.message.contains("4 paragraphs"), "{e:?}");
        let e = parse_body("::: appendix\n# x\n:::\n").expect_err("no heading");
        assert!(e.message.contains("heading"), "{e:?}");
        let e = parse_body("::: bogus\n:::\n").expect_err("unknown");
        assert!(e.help.contains("basis, center"), "{e:?}");
    }

    #[test]
    fn escaped_colons_never_open_a_div() {
        let body = parse("\\:\\:\\: basis\n");
        match &body.blocks[0] {
            Block::Paragraph { content, role } => {
                assert_eq!(text(content), "::: basis");
                assert_eq!(*role, Role::Body);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn structured_blocks_become_tables_and_bad_ones_are_errors() {
        let md = "Trước.\n\n```vanban\n{\"table\": {\"head\": [[\"Năm\", \"Số\"]], \"rows\": [[\"2024\", \"06\"]], \"total\": [\"Cộng\", \"06\"]}}\n```\n\nSau.\n";
        let body = parse_body(md).expect("parses");
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
        assert!(e.message.starts_with("line 3 of the body:"), "{e:?}");
        assert!(super::parse_body("```vanban\n{\"table\"").is_err());
        // Other code blocks are not structured blocks.
        assert!(super::parse_body("```\n{\"table\": 1}\n```\n").is_ok());
    }
}
