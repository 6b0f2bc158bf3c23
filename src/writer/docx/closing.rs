//! The closing block of `word/document.xml`: signatures and `Nơi nhận:` in the rows
//! `writer::layout::closing_layout` decides, shared with the PDF writer.

use super::props::{self, Jc, ParaProps, RunProps, SINGLE, Spacing, VAlign};
use super::runs::{cell_start, layout_table_start, para};
use super::xml::Xml;
use crate::document::{Document, SignatureBlock};
use crate::writer::layout::{self, ClosingCell, page};

const BODY_SIZE: u32 = page::BODY_HALF_POINTS;

/// The closing table, rows as decided in `writer::layout` (one signature: `Nơi nhận:` |
/// signature; two: THƯ KÝ | CHỦ TỌA, then `Nơi nhận:`); no row splits across pages, and each
/// row but the last keeps with the next.
pub(super) fn closing_table(x: &mut Xml, doc: &Document) {
    let closing = layout::closing_layout(doc);
    let widths = [closing.left, closing.right()];
    layout_table_start(x, closing.left);
    let count = closing.rows.len();
    for (r, row) in closing.rows.iter().enumerate() {
        let keep_next = r + 1 < count;
        x.start("w:tr", &[]);
        props::row_props(x, true, false);
        for (cell, width) in row.iter().zip(widths) {
            cell_start(x, width, VAlign::Top);
            match cell {
                ClosingCell::Recipients => recipients_cell(x, doc, keep_next, r > 0),
                ClosingCell::Signature(i) => match doc.signatures.get(*i) {
                    Some(s) => signature_cell(
                        x,
                        s,
                        closing.room.get(*i).copied().unwrap_or(4),
                        keep_next,
                        r > 0,
                    ),
                    None => para(x, ParaProps::new(Jc::Left, SINGLE), RunProps::sized(2), ""),
                },
                ClosingCell::Empty => {
                    para(x, ParaProps::new(Jc::Left, SINGLE), RunProps::sized(2), "")
                }
            }
            x.end();
        }
        x.end();
    }
    x.end();
}

/// `Nơi nhận:` and its lines; `below` adds the PDF's 18 pt above it under a row of
/// signatures.
fn recipients_cell(x: &mut Xml, doc: &Document, keep_next: bool, below: bool) {
    let flush_left = ParaProps {
        keep_next,
        ..ParaProps::new(Jc::Left, SINGLE)
    };
    let r = &doc.recipients;
    para(
        x,
        ParaProps {
            spacing: Spacing {
                before: if below { 360 } else { 0 },
                ..SINGLE
            },
            ..flush_left
        },
        RunProps::sized(page::RECIPIENTS_HEADING_HALF_POINTS)
            .bold(true)
            .italic(true),
        &r.heading,
    );
    for line in &r.lines {
        para(
            x,
            flush_left,
            RunProps::sized(page::RECIPIENTS_HALF_POINTS),
            line,
        );
    }
}

/// Title lines, `room` empty lines for the signature and seal, the seal title, the name.
/// `below` adds space above a signature in a row under another.
fn signature_cell(x: &mut Xml, s: &SignatureBlock, room: usize, keep_next: bool, below: bool) {
    let centred = ParaProps {
        keep_next,
        ..ParaProps::new(Jc::Center, SINGLE)
    };
    let bold = RunProps::sized(BODY_SIZE).bold(true);
    for (i, line) in s.authority.iter().enumerate() {
        let props = ParaProps {
            spacing: Spacing {
                before: if below && i == 0 { 360 } else { 0 },
                ..SINGLE
            },
            ..centred
        };
        para(x, props, bold, line);
    }
    // Room for the signature and the seal.
    for _ in 0..room {
        para(x, centred, bold, "");
    }
    for line in &s.seal_title {
        para(x, centred, bold, line);
    }
    para(x, centred, bold, &s.name);
}
