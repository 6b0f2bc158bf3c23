//! The outline of a body and the edits a fact sheet's `sections:` make to it.
//!
//! A template's named blocks (`{% block results %}`) mark where they start and end in the
//! rendered Markdown; the parser turns the marks into [`Anchor`]s, ranges of body blocks, so
//! the model knows which blocks a section can be placed after or before, replaced, renamed
//! or dropped — without any template. Numbers are given afterwards, over the whole document
//! ([`super::numbering`]), so an inserted section shifts the ones after it.

use super::{Block, Inline, Span};

/// Marks where a template's named block starts (`ANCHOR name ANCHOR`) and ends
/// (`ANCHOR /name ANCHOR`) in the rendered Markdown: a control character that no fact sheet
/// or template text can hold (both are cleaned of them when read).
pub const ANCHOR: char = '\u{1D}';

/// Where a named block of the template sits in the body: blocks `start..end`. Blocks nest
/// (`criteria` inside `results`); a block that printed nothing has `start == end`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    pub name: String,
    pub start: usize,
    pub end: usize,
    /// The block it sits in: an index into the same list of anchors.
    pub parent: Option<usize>,
}

/// What an edit does to the block it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// A new section right after the block (at the block's heading level).
    After(String),
    /// A new section right before it.
    Before(String),
    /// New heading (or the old one) and content in its place: its number stays.
    Replace(String),
    /// The block is left out.
    Drop(String),
    /// Only its heading changes.
    Rename(String),
}

impl Place {
    /// The fact sheet's key for it: `after`, `before`, `replace`, `drop`, `rename`.
    pub fn key(&self) -> &'static str {
        match self {
            Place::After(_) => "after",
            Place::Before(_) => "before",
            Place::Replace(_) => "replace",
            Place::Drop(_) => "drop",
            Place::Rename(_) => "rename",
        }
    }

    /// The block the edit names.
    pub fn anchor(&self) -> &str {
        match self {
            Place::After(a) | Place::Before(a) | Place::Replace(a) | Place::Drop(a) => a,
            Place::Rename(a) => a,
        }
    }
}

/// A section to print: a heading, its content, then its own sub-sections one level down.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Section {
    /// The heading's text; `None` keeps the replaced block's heading (or prints none).
    pub heading: Option<String>,
    /// Paragraphs, list items, tables, charts — no headings.
    pub content: Vec<Block>,
    pub sections: Vec<Section>,
}

/// One entry of `sections:`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub place: Place,
    /// What is printed (empty for `Drop`; only the heading counts for `Rename`).
    pub section: Section,
}

/// Why an edit cannot be made to this document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditError {
    /// No block of that name in the rendered body; `known` lists those there are.
    Unknown { name: String, known: Vec<String> },
    /// An earlier edit dropped or replaced the block that held it.
    Gone(String),
    /// Nothing may follow the closing sentence (`./.`), and it may not go.
    Closing,
}

impl std::fmt::Display for EditError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EditError::Unknown { name, known } => write!(
                f,
                "the document has no block `{name}` (its blocks: {})",
                known.join(", ")
            ),
            EditError::Gone(name) => write!(
                f,
                "the block `{name}` is no longer in the document: an earlier entry of `sections` dropped or replaced the block around it"
            ),
            EditError::Closing => f.write_str(
                "the closing sentence ends the document (`./.`): nothing may follow it, and it cannot be dropped",
            ),
        }
    }
}

/// The name of the block holding the closing sentence in the built-in templates.
pub const CLOSING: &str = "closing";

/// A block of the outline while it is edited.
#[derive(Debug, Clone)]
struct Mark {
    anchor: Anchor,
    /// Dropped, or inside a block that was dropped or replaced.
    gone: bool,
}

/// Whether mark `i` is mark `j` or inside it.
fn within(marks: &[Mark], i: usize, j: usize) -> bool {
    let mut at = Some(i);
    for _ in 0..=marks.len() {
        match at {
            Some(k) if k == j => return true,
            Some(k) => at = marks.get(k).and_then(|m| m.anchor.parent),
            None => return false,
        }
    }
    false
}

/// The heading a block starts with, when it prints anything.
fn heading_of<'a>(body: &'a [Block], a: &Anchor) -> Option<(u8, &'a Vec<Inline>)> {
    match body.get(a.start) {
        Some(Block::Heading { level, content, .. }) if a.start < a.end => Some((*level, content)),
        _ => None,
    }
}

/// The heading level of block `i`: its own first heading, else one below the heading of the
/// nearest block around it that has one, else 1 (a top-level section).
fn level_of(body: &[Block], marks: &[Mark], i: usize) -> u8 {
    let mut at = Some(i);
    let mut below = 0u8;
    for _ in 0..=marks.len() {
        let Some(m) = at.and_then(|k| marks.get(k)) else {
            break;
        };
        if let Some((level, _)) = heading_of(body, &m.anchor) {
            return level.saturating_add(below).clamp(1, 6);
        }
        below = 1;
        at = m.anchor.parent;
    }
    1
}

/// The blocks of `section` with its heading at `level` (level 1 prints UPPERCASE, as every
/// section heading of the templates does); `keep` is the heading to print when the section
/// gives none.
fn section_blocks(
    section: &Section,
    level: u8,
    keep: Option<&Vec<Inline>>,
    upper: bool,
) -> Vec<Block> {
    let mut out = Vec::new();
    let heading = match (&section.heading, keep) {
        (Some(text), _) => Some(vec![Inline::Text(Span::plain(heading_text(
            text, level, upper,
        )))]),
        (None, Some(content)) => Some(content.clone()),
        (None, None) => None,
    };
    if let Some(content) = heading {
        out.push(Block::Heading {
            level,
            number: String::new(),
            content,
        });
    }
    out.extend(section.content.iter().cloned());
    for sub in &section.sections {
        out.extend(section_blocks(
            sub,
            level.saturating_add(1).min(6),
            None,
            upper,
        ));
    }
    out
}

fn heading_text(text: &str, level: u8, upper: bool) -> String {
    if level == 1 && upper {
        text.trim().to_uppercase()
    } else {
        text.trim().to_string()
    }
}

/// Moves every mark for `added` blocks put in place of `removed` at `at`, relative to the
/// target `t`: the target's ancestors grow, marks after it shift; `inside` says what happens
/// to the target and what it holds (`Keep`: nothing; `Shift`: they move with the new blocks
/// before them; `Replaced`: the target takes the new blocks, what it held is gone; `Gone`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Inside {
    Keep,
    Shift,
    Replaced,
    Gone,
}

fn move_marks(
    marks: &mut [Mark],
    t: usize,
    at: usize,
    removed: usize,
    added: usize,
    inside: Inside,
) {
    let shift = |i: usize| i + added - removed;
    for i in 0..marks.len() {
        let is_target = i == t;
        let in_target = within(marks, i, t);
        let around = within(marks, t, i);
        let Some(m) = marks.get_mut(i) else { continue };
        let a = &mut m.anchor;
        if in_target {
            match inside {
                Inside::Keep => {}
                Inside::Shift => {
                    a.start = shift(a.start);
                    a.end = shift(a.end);
                }
                Inside::Replaced if is_target => a.end = at + added,
                Inside::Replaced | Inside::Gone => {
                    m.gone = true;
                    a.start = at;
                    a.end = at;
                }
            }
        } else if around {
            a.end = shift(a.end);
        } else if i > t {
            // After the target in the document (anchors are listed in the order they open).
            a.start = shift(a.start);
            a.end = shift(a.end);
        }
    }
}

/// Whether a section put at `at` would follow the closing sentence (after it, among the
/// appendices or footnotes that come after it in the template).
fn past_closing(marks: &[Mark], at: usize) -> bool {
    marks.iter().any(|m| {
        m.anchor.name == CLOSING && !m.gone && m.anchor.start < m.anchor.end && at >= m.anchor.end
    })
}

/// Applies `edits` in order to `body` outlined by `anchors`; returns the anchors as they are
/// after (without those gone), or the index of the first edit that cannot be made and why.
/// `upper`: top-level headings print UPPERCASE (`II. NGUYÊN NHÂN`), as in a report — not
/// in a QUYẾT ĐỊNH, whose `Điều 4.` keeps the title as typed.
pub fn apply(
    body: &mut Vec<Block>,
    anchors: &[Anchor],
    edits: &[Edit],
    upper: bool,
) -> Result<Vec<Anchor>, (usize, EditError)> {
    let mut marks: Vec<Mark> = anchors
        .iter()
        .map(|a| Mark {
            anchor: a.clone(),
            gone: false,
        })
        .collect();
    for (i, edit) in edits.iter().enumerate() {
        let name = edit.place.anchor();
        let Some(t) = marks.iter().position(|m| m.anchor.name == name) else {
            let mut known: Vec<String> = Vec::new();
            for m in marks.iter().filter(|m| !m.gone) {
                if !known.contains(&m.anchor.name) {
                    known.push(m.anchor.name.clone());
                }
            }
            return Err((
                i,
                EditError::Unknown {
                    name: name.to_string(),
                    known,
                },
            ));
        };
        let Some(target) = marks.get(t).filter(|m| !m.gone).map(|m| m.anchor.clone()) else {
            return Err((i, EditError::Gone(name.to_string())));
        };
        let level = level_of(body, &marks, t);
        match &edit.place {
            Place::After(_) => {
                if name == CLOSING || past_closing(&marks, target.end) {
                    return Err((i, EditError::Closing));
                }
                let new = section_blocks(&edit.section, level, None, upper);
                let n = new.len();
                body.splice(target.end..target.end, new);
                move_marks(&mut marks, t, target.end, 0, n, Inside::Keep);
            }
            Place::Before(_) => {
                if past_closing(&marks, target.start) {
                    return Err((i, EditError::Closing));
                }
                let new = section_blocks(&edit.section, level, None, upper);
                let n = new.len();
                body.splice(target.start..target.start, new);
                move_marks(&mut marks, t, target.start, 0, n, Inside::Shift);
            }
            Place::Replace(_) => {
                let keep = heading_of(body, &target).map(|(_, c)| c.clone());
                let new = section_blocks(&edit.section, level, keep.as_ref(), upper);
                let n = new.len();
                body.splice(target.start..target.end, new);
                let removed = target.end - target.start;
                move_marks(&mut marks, t, target.start, removed, n, Inside::Replaced);
            }
            Place::Drop(_) => {
                if name == CLOSING {
                    return Err((i, EditError::Closing));
                }
                body.drain(target.start..target.end);
                let removed = target.end - target.start;
                move_marks(&mut marks, t, target.start, removed, 0, Inside::Gone);
            }
            Place::Rename(_) => {
                // A block that printed no heading for this sheet has nothing to rename: the
                // section is absent, and stays so.
                if let (Some(text), Some(Block::Heading { content, .. })) =
                    (&edit.section.heading, body.get_mut(target.start))
                    && target.start < target.end
                {
                    *content = vec![Inline::Text(Span::plain(heading_text(text, level, upper)))];
                }
            }
        }
    }
    // The anchors left, their parents renumbered (a kept block's parent is never gone).
    let mut index = Vec::with_capacity(marks.len());
    let mut kept = 0;
    for m in &marks {
        index.push((!m.gone).then_some(kept));
        kept += usize::from(!m.gone);
    }
    Ok(marks
        .into_iter()
        .filter(|m| !m.gone)
        .map(|mut m| {
            m.anchor.parent = m
                .anchor
                .parent
                .and_then(|p| index.get(p).copied().flatten());
            m.anchor
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::markdown::parse_body;

    fn heading(level: u8, text: &str) -> Block {
        Block::Heading {
            level,
            number: String::new(),
            content: vec![Inline::Text(Span::plain(text))],
        }
    }

    fn para(text: &str) -> Block {
        Block::paragraph(vec![Inline::Text(Span::plain(text))])
    }

    /// `# A` (block a) with `## A1` (block a1), `# B` (block b), closing (block closing).
    fn body() -> (Vec<Block>, Vec<Anchor>) {
        let body = vec![
            para("Mở đầu."),
            heading(1, "A"),
            para("a"),
            heading(2, "A1"),
            para("a1"),
            heading(1, "B"),
            para("b"),
            para("Trên đây./."),
        ];
        let anchor = |name: &str, start, end, parent| Anchor {
            name: name.into(),
            start,
            end,
            parent,
        };
        let anchors = vec![
            anchor("opening", 0, 1, None),
            anchor("a", 1, 5, None),
            anchor("a1", 3, 5, Some(1)),
            anchor("b", 5, 7, None),
            anchor("closing", 7, 8, None),
        ];
        (body, anchors)
    }

    fn outline(body: &[Block]) -> Vec<String> {
        body.iter()
            .map(|b| match b {
                Block::Heading { level, content, .. } => {
                    format!(
                        "{}{}",
                        "#".repeat(*level as usize),
                        Inline::plain_text(content)
                    )
                }
                Block::Paragraph { content, .. } | Block::ListItem { content, .. } => {
                    Inline::plain_text(content)
                }
                _ => "[table]".into(),
            })
            .collect()
    }

    fn section(heading: &str, text: &str) -> Section {
        Section {
            heading: Some(heading.into()),
            content: vec![para(text)],
            sections: vec![],
        }
    }

    fn run(edits: &[Edit]) -> Result<(Vec<String>, Vec<Anchor>), (usize, EditError)> {
        let (mut b, anchors) = body();
        let after = apply(&mut b, &anchors, edits, true)?;
        Ok((outline(&b), after))
    }

    #[test]
    fn after_and_before_take_the_level_of_the_block_and_shift_the_rest() {
        let (out, anchors) = run(&[
            Edit {
                place: Place::After("a".into()),
                section: Section {
                    sections: vec![section("con", "c")],
                    ..section("Nguyên nhân", "n")
                },
            },
            Edit {
                place: Place::Before("a1".into()),
                section: section("Trước", "t"),
            },
        ])
        .expect("applies");
        assert_eq!(
            out,
            [
                "Mở đầu.",
                "#A",
                "a",
                "##Trước",
                "t",
                "##A1",
                "a1",
                "#NGUYÊN NHÂN",
                "n",
                "##con",
                "c",
                "#B",
                "b",
                "Trên đây./."
            ]
        );
        let b = anchors.iter().find(|a| a.name == "b").expect("b");
        assert_eq!((b.start, b.end), (11, 13));
        let a = anchors.iter().find(|a| a.name == "a").expect("a");
        assert_eq!((a.start, a.end), (1, 7));
    }

    #[test]
    fn replace_keeps_the_place_drop_removes_rename_renames() {
        let (out, _) = run(&[
            Edit {
                place: Place::Replace("b".into()),
                section: section("Kiến nghị", "k"),
            },
            Edit {
                place: Place::Drop("a1".into()),
                section: Section::default(),
            },
            Edit {
                place: Place::Rename("a".into()),
                section: Section {
                    heading: Some("Kết quả đạt được".into()),
                    ..Section::default()
                },
            },
        ])
        .expect("applies");
        assert_eq!(
            out,
            [
                "Mở đầu.",
                "#KẾT QUẢ ĐẠT ĐƯỢC",
                "a",
                "#KIẾN NGHỊ",
                "k",
                "Trên đây./."
            ]
        );
    }

    #[test]
    fn a_replace_without_heading_keeps_the_old_one() {
        let (out, _) = run(&[Edit {
            place: Place::Replace("a1".into()),
            section: Section {
                heading: None,
                content: vec![para("mới")],
                sections: vec![],
            },
        }])
        .expect("applies");
        assert_eq!(out[3..5], ["##A1", "mới"]);
    }

    #[test]
    fn unknown_gone_and_closing_are_errors() {
        let e = run(&[Edit {
            place: Place::After("resluts".into()),
            section: section("x", "y"),
        }])
        .expect_err("unknown");
        assert!(matches!(&e.1, EditError::Unknown { known, .. } if known.len() == 5));
        let e = run(&[
            Edit {
                place: Place::Drop("a".into()),
                section: Section::default(),
            },
            Edit {
                place: Place::After("a1".into()),
                section: section("x", "y"),
            },
        ])
        .expect_err("gone");
        assert_eq!(e, (1, EditError::Gone("a1".into())));
        let (mut b, mut anchors) = body();
        anchors.push(Anchor {
            name: "appendix".into(),
            start: 8,
            end: 8,
            parent: None,
        });
        let e = apply(
            &mut b,
            &anchors,
            &[Edit {
                place: Place::Before("appendix".into()),
                section: section("x", "y"),
            }],
            true,
        )
        .expect_err("after the closing");
        assert_eq!(e.1, EditError::Closing);
        for place in [Place::After(CLOSING.into()), Place::Drop(CLOSING.into())] {
            let e = run(&[Edit {
                place,
                section: section("x", "y"),
            }])
            .expect_err("closing");
            assert_eq!(e.1, EditError::Closing);
        }
    }

    #[test]
    fn an_empty_block_is_a_place_at_its_position() {
        // `b` printed nothing: a section after it comes before the closing, at level 1.
        let md = "Mở.\n\n# A\n\na\n\nTrên đây./.\n";
        let mut parsed = parse_body(md).expect("parses");
        let anchors = vec![
            Anchor {
                name: "a".into(),
                start: 1,
                end: 3,
                parent: None,
            },
            Anchor {
                name: "b".into(),
                start: 3,
                end: 3,
                parent: None,
            },
        ];
        apply(
            &mut parsed.blocks,
            &anchors,
            &[Edit {
                place: Place::After("b".into()),
                section: section("Phương hướng", "p"),
            }],
            true,
        )
        .expect("applies");
        assert_eq!(
            outline(&parsed.blocks),
            ["Mở.", "#A", "a", "#PHƯƠNG HƯỚNG", "p", "Trên đây./."]
        );
    }
}
