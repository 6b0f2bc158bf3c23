//! The pieces every part of `word/document.xml` is built from: runs of text (document
//! numbers kept whole, invisible characters dropped), paragraphs, footnote references,
//! table and cell openings, and the sizes they share. The body, the data tables, the
//! closing block and the charts all use them; this file uses none of those.

use super::props::{self, Jc, ParaProps, RunProps, SINGLE, TableProps, VAlign};
use super::xml::Xml;
use crate::document::{Inline, Span};
use crate::writer::layout;

/// The width every table and rule is laid out in: 9355 twips (165 mm).
pub(crate) const TEXT_WIDTH: u32 = layout::TEXT_WIDTH;

/// Body text: 14 pt.
pub(super) const BODY_SIZE: u32 = layout::page::BODY_HALF_POINTS;

/// Data tables: 13 pt.
pub(super) const TABLE_SIZE: u32 = layout::TABLE_HALF_POINTS;
/// Cell padding of data tables (Word's default), twips.
pub(super) const TABLE_CELL_MARGIN: u32 = layout::TABLE_CELL_MARGIN;

/// Which footnotes already have their one real reference; and how many charts were placed
/// (chart N of the body is part `word/charts/chartN.xml`, see `docx::charts`).
pub(super) struct NoteRefs {
    pub(super) used: Vec<bool>,
    pub(super) charts: usize,
}

/// A paragraph with a single run of text; the mark gets the run's formatting, so an empty
/// line keeps the text's height.
pub(super) fn para(x: &mut Xml, props: ParaProps, run: RunProps, text: &str) {
    x.start("w:p", &[]);
    ParaProps {
        mark: Some(run),
        ..props
    }
    .write(x);
    text_run(x, run, text);
    x.end();
}

/// An empty paragraph `half_points` high, used between tables.
pub(super) fn spacer(x: &mut Xml, half_points: u32) {
    para(
        x,
        ParaProps::new(Jc::Left, SINGLE),
        RunProps::sized(half_points),
        "",
    );
}

/// Characters that print nothing, which must never reach Word's text: Find for "10/10" would
/// miss `10/\u{2060}10`, and a copy would carry them into a spreadsheet.
pub(super) fn invisible(c: char) -> bool {
    matches!(c, '\u{2060}' | '\u{200B}' | '\u{00AD}' | '\u{FEFF}')
}

/// A run of text: `\n` becomes `w:br`, `\t` `w:tab`; invisible characters are dropped.
/// Empty text writes nothing.
pub(super) fn text_run(x: &mut Xml, props: RunProps, text: &str) {
    if text.is_empty() {
        return;
    }
    x.start("w:r", &[]);
    props.write(x);
    let flush = |x: &mut Xml, buf: &mut String| {
        if !buf.is_empty() {
            x.leaf("w:t", &[("xml:space", "preserve")], buf);
            buf.clear();
        }
    };
    let mut buf = String::new();
    for c in text.chars() {
        match c {
            '\n' => {
                flush(x, &mut buf);
                x.empty("w:br", &[]);
            }
            '\t' => {
                flush(x, &mut buf);
                x.empty("w:tab", &[]);
            }
            '\r' => {}
            c if invisible(c) => {}
            c => buf.push(c),
        }
    }
    flush(x, &mut buf);
    x.end();
}

/// Text whose document numbers and dates (see [`layout::unbreakable`]) must not break
/// across lines: Word does not break after their `/`, and a `-` in them is Word's
/// non-breaking hyphen (`w:noBreakHyphen`, which Find and copy treat as `-`). Nothing
/// invisible is added: the text stays as typed, so Word's Find for "10/10" finds it.
pub(super) fn unbroken_runs(x: &mut Xml, props: RunProps, text: &str) {
    let mut at = 0;
    // Only a number with a hyphen needs a run of its own; `10/10` stays in its sentence's.
    let hyphenated = layout::unbreakable(text)
        .into_iter()
        .filter(|r| text.get(r.clone()).is_some_and(|s| s.contains('-')));
    for range in hyphenated {
        text_run(x, props, text.get(at..range.start).unwrap_or_default());
        let Some(part) = text.get(range.clone()) else {
            continue;
        };
        x.start("w:r", &[]);
        props.write(x);
        for (i, piece) in part.split('-').enumerate() {
            if i > 0 {
                x.empty("w:noBreakHyphen", &[]);
            }
            // A run is letters and digits only: nothing invisible can be in it.
            if !piece.is_empty() {
                x.leaf("w:t", &[("xml:space", "preserve")], piece);
            }
        }
        x.end();
        at = range.end;
    }
    text_run(x, props, text.get(at..).unwrap_or_default());
}

/// Writes inline content in `base` formatting (a span's bold/italic add to it). `notes` is
/// `None` inside footnotes, where the model has no references (`Document::finish`
/// guarantees the footnote invariants; a reference that breaks them is skipped).
pub(super) fn inlines(
    x: &mut Xml,
    items: &[Inline],
    base: RunProps,
    mut notes: Option<&mut NoteRefs>,
) {
    for item in items {
        match item {
            Inline::Text(Span { text, bold, italic }) => {
                unbroken_runs(
                    x,
                    base.bold(base.bold || *bold).italic(base.italic || *italic),
                    text,
                );
            }
            Inline::LineBreak => {
                x.start("w:r", &[]);
                base.write(x);
                x.empty("w:br", &[]).end();
            }
            Inline::Note(index) => {
                let Some(used) = notes
                    .as_deref_mut()
                    .and_then(|refs| refs.used.get_mut(*index))
                else {
                    continue;
                };
                let id = (index + 1).to_string();
                // The reference mark is never bold or italic, whatever surrounds it.
                let mark = RunProps::sized(base.size).style("FootnoteReference");
                x.start("w:r", &[]);
                mark.write(x);
                if *used {
                    // Word allows one reference per footnote; repeat the number as text.
                    x.leaf("w:t", &[], &id);
                } else {
                    x.empty("w:footnoteReference", &[("w:id", &id)]);
                    *used = true;
                }
                x.end();
            }
        }
    }
}

/// Opens a `w:tbl` with its properties and grid.
pub(super) fn table_start(x: &mut Xml, props: TableProps, columns: &[u32]) {
    x.start("w:tbl", &[]);
    props.write(x);
    x.start("w:tblGrid", &[]);
    for width in columns {
        x.empty("w:gridCol", &[("w:w", &width.to_string())]);
    }
    x.end();
}

/// Opens a `w:tc` with its properties; the caller writes at least one paragraph and closes it.
pub(super) fn cell_start(x: &mut Xml, width: u32, valign: VAlign) {
    x.start("w:tc", &[]);
    props::cell_props(x, width, valign);
}

/// Opens a borderless two-column layout table (header block, closing block) whose left
/// column is `left` twips wide; returns the right column's width.
pub(super) fn layout_table_start(x: &mut Xml, left: u32) -> u32 {
    let right = TEXT_WIDTH - left;
    let table = TableProps {
        width: TEXT_WIDTH,
        borders: false,
        cell_margin: 0,
    };
    table_start(x, table, &[left, right]);
    right
}
