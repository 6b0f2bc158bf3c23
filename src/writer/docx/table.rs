//! A data table in `word/document.xml`: caption, merged header rows repeated on each page,
//! body and total rows, with the column widths `writer::layout` decides for both writers.

use super::props::{self, Jc, ParaProps, RunProps, SINGLE, Spacing, TableProps, VAlign, VMerge};
use super::runs::{
    BODY_SIZE, NoteRefs, TABLE_CELL_MARGIN, TABLE_SIZE, cell_start, inlines, table_start,
    unbroken_runs,
};
use super::xml::Xml;
use crate::document::table::{Slot, head_grid};
use crate::document::{Align, Table};
use crate::writer::layout;

/// A data table in a section whose text is `width` twips wide: the caption above it (bold,
/// centred, kept with the table), then the grid — as wide as the text, 13 pt, fixed widths
/// from the content, header rows bold, centred and repeated on each page (merged cells as
/// `w:gridSpan`/`w:vMerge`), the total row bold. No row splits across pages; a short table
/// ([`layout::page::KEEP_WHOLE_ROWS`]) is kept on one page, as the PDF keeps it, by keeping
/// every row but the last with the next.
pub(super) fn data_table(x: &mut Xml, table: &Table, notes: &mut NoteRefs, width: u32) {
    let columns = table.columns();
    if columns == 0 || (table.rows.is_empty() && table.total.is_none()) {
        return;
    }
    if let Some(caption) = &table.caption {
        let run = RunProps::sized(BODY_SIZE).bold(true);
        x.start("w:p", &[]);
        ParaProps {
            keep_next: true,
            keep_lines: true,
            mark: Some(run),
            ..ParaProps::new(
                Jc::Center,
                Spacing {
                    before: 120,
                    after: 120,
                    ..SINGLE
                },
            )
        }
        .write(x);
        unbroken_runs(x, run, caption);
        x.end();
    }
    let widths = layout::table_column_widths(table, width);
    let whole = table.rows.len() <= layout::page::KEEP_WHOLE_ROWS;
    let last = table.rows.len() + usize::from(table.total.is_some());
    let span_width = |c: usize, span: usize| widths.iter().skip(c).take(span).sum::<u32>();
    let props = TableProps {
        width,
        borders: true,
        cell_margin: TABLE_CELL_MARGIN,
    };
    table_start(x, props, &widths);
    let spacing = Spacing {
        before: layout::TABLE_CELL_PAD,
        after: layout::TABLE_CELL_PAD,
        ..SINGLE
    };
    let head_run = RunProps::sized(TABLE_SIZE).bold(true);
    let grid = head_grid(&table.head, columns);
    for (r, row) in grid.iter().enumerate() {
        x.start("w:tr", &[]);
        props::row_props(x, true, true);
        for (c, slot) in row.iter().enumerate() {
            let (cell, span, merge) = match *slot {
                Slot::Start {
                    cell,
                    colspan,
                    rowspan,
                } => (cell, colspan, (rowspan > 1).then_some(VMerge::Restart)),
                // Under a cell spanning rows: a continuation cell as wide as that cell.
                Slot::Covered { row: r0, col: c0 } if c0 == c && r0 < r => {
                    let span = match grid.get(r0).and_then(|g| g.get(c0)) {
                        Some(Slot::Start { colspan, .. }) => *colspan,
                        _ => 1,
                    };
                    (None, span, Some(VMerge::Continue))
                }
                // Covered from the left: part of a wider cell, nothing to write.
                Slot::Covered { .. } => continue,
            };
            x.start("w:tc", &[]);
            props::span_cell_props(x, span_width(c, span), span, merge, VAlign::Center);
            x.start("w:p", &[]);
            // The header always keeps with the first row (it repeats on each page anyway).
            ParaProps {
                keep_next: true,
                mark: Some(head_run),
                ..ParaProps::new(Jc::Center, spacing)
            }
            .write(x);
            if let Some(cell) = cell {
                inlines(x, &cell.content, head_run, Some(notes));
            }
            x.end();
            x.end();
        }
        x.end();
    }
    let body = table.rows.iter().map(|r| (r, false));
    for (i, (row, bold)) in body
        .chain(table.total.iter().map(|r| (r, true)))
        .enumerate()
    {
        let keep_next = whole && i + 1 < last;
        x.start("w:tr", &[]);
        props::row_props(x, true, false);
        for (c, width) in widths.iter().enumerate() {
            let jc = match table.align.get(c) {
                Some(Align::Center) => Jc::Center,
                Some(Align::Right) => Jc::Right,
                Some(Align::Left) | None => Jc::Left,
            };
            let run = RunProps::sized(TABLE_SIZE).bold(bold);
            cell_start(x, *width, VAlign::Center);
            x.start("w:p", &[]);
            ParaProps {
                keep_next,
                mark: Some(run),
                ..ParaProps::new(jc, spacing)
            }
            .write(x);
            if let Some(content) = row.get(c) {
                inlines(x, content, run, Some(notes));
            }
            x.end();
            x.end();
        }
        x.end();
    }
    x.end();
}
