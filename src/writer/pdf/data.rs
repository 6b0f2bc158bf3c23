//! The [`Document`] as the JSON file the Typst layout reads (`/data.json`).
//!
//! The layout turns every string of this file into content with text functions only, so
//! nothing here is ever parsed as Typst markup. The shape is private to the PDF writer: it
//! follows the model but is flattened for easy use in Typst (short keys, footnote first-use
//! flags, padded tables).

use anyhow::{Context, bail};
use serde_json::{Value, json};

use crate::document::{Align, Block, Chart, Document, Inline};
use crate::writer::layout::{self, header_layout};

/// Serialises `doc` to the bytes of `/data.json`. `covered` tells whether the embedded fonts
/// have a glyph for a character: a character without one is an error here, because Typst
/// would print an empty box without a word (and PDF/A export would fail on it later).
pub(super) fn to_json(doc: &Document, covered: &dyn Fn(char) -> bool) -> anyhow::Result<Vec<u8>> {
    let mut notes = NoteUse::new(doc.footnotes.len());
    let mut body = Vec::with_capacity(doc.body.len());
    for block in &doc.body {
        body.push(block_json(block, &mut notes)?);
    }
    let footnotes = doc
        .footnotes
        .iter()
        .enumerate()
        .map(|(index, note)| {
            note.paragraphs
                .iter()
                .map(|par| inlines_json(par, &mut NoteUse::Forbidden(index)))
                .collect::<anyhow::Result<Vec<_>>>()
        })
        .collect::<anyhow::Result<Vec<_>>>()?;

    let h = &doc.header;
    // Column split and 12/13 pt choice are decided once for both writers.
    let header = header_layout(h);
    let addressees: Vec<String> = layout::addressee_lines(&doc.addressees)
        .iter()
        .map(|l| clean(l))
        .collect();
    let value = json!({
        "meta": {
            "title": clean(&doc.meta.title),
            "author": clean(&doc.meta.author),
        },
        "header": {
            "parent": lines(&h.parent_agency),
            "issuing": lines(&h.issuing_agency),
            "number": clean(&h.number_line),
            "national": clean(&h.national_title),
            "motto": clean(&h.motto),
            "place_date": h.place_date.as_deref().map(clean),
            "left": header.left_fraction(),
            "size": f64::from(header.header_half_points) / 2.0,
        },
        "title": {
            "kind": clean(&doc.title.kind),
            // The summary may carry '\n' for a chosen line break; the layout splits on it.
            "summary": doc.title.summary.split('\n').map(clean).collect::<Vec<_>>(),
        },
        "addressees": addressees,
        "body": body,
        "footnotes": footnotes,
        "recipients": {
            "heading": clean(&doc.recipients.heading),
            "lines": lines(&doc.recipients.lines),
        },
        "signature": {
            "authority": lines(&doc.signature.authority),
            "seal": lines(&doc.signature.seal_title),
            "name": clean(&doc.signature.name),
        },
    });
    check_glyphs(&value, covered)?;
    serde_json::to_vec(&value).context("serialising the document for the PDF layout")
}

/// Every string of the data must be printable with the embedded fonts.
fn check_glyphs(value: &Value, covered: &dyn Fn(char) -> bool) -> anyhow::Result<()> {
    match value {
        Value::String(text) => {
            if let Some(c) = text.chars().find(|&c| !covered(c)) {
                let context: String = text.chars().take(60).collect();
                bail!(
                    "character {c:?} (U+{:04X}) has no glyph in the embedded font \
                     (Liberation Serif), in {context:?}",
                    c as u32
                );
            }
        }
        Value::Array(items) => {
            for item in items {
                check_glyphs(item, covered)?;
            }
        }
        Value::Object(map) => {
            for item in map.values() {
                check_glyphs(item, covered)?;
            }
        }
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
    Ok(())
}

/// Tracks which footnotes were already placed, so the second reference to a note points at
/// the first (Typst would otherwise print the note twice under two numbers).
enum NoteUse {
    Body(Vec<bool>),
    /// Inside footnote `n`: notes in notes are not part of the model.
    Forbidden(usize),
}

impl NoteUse {
    fn new(count: usize) -> Self {
        NoteUse::Body(vec![false; count])
    }
}

fn block_json(block: &Block, notes: &mut NoteUse) -> anyhow::Result<Value> {
    Ok(match block {
        Block::Heading {
            level,
            number,
            content,
        } => {
            // Typst's heading levels start at 1; a level-0 heading is treated as a section.
            let level = (*level).max(1);
            // Level-1 headings are UPPERCASE (ND30); templates usually write them so already,
            // and the DOCX writer uppercases them the same way.
            let upper: Vec<Inline>;
            let content = if level == 1 {
                upper = content.iter().map(layout::uppercase).collect();
                &upper
            } else {
                content
            };
            json!({
                "k": "heading",
                "level": level,
                "number": clean(number),
                "content": inlines_json(content, notes)?,
            })
        }
        Block::Paragraph(content) => json!({
            "k": "par",
            "content": inlines_json(content, notes)?,
        }),
        Block::ListItem {
            marker,
            depth,
            content,
        } => json!({
            "k": "item",
            "marker": clean(marker),
            "depth": depth,
            "content": inlines_json(content, notes)?,
        }),
        Block::Table(table) => {
            // Typst fills a table cell by cell, so a short row would shift every later cell;
            // pad every row (and the alignments) to the widest row instead.
            let cols = table.columns();
            let align: Vec<&str> = (0..cols)
                .map(|i| match table.align.get(i) {
                    Some(Align::Center) => "center",
                    Some(Align::Right) => "right",
                    Some(Align::Left) | None => "left",
                })
                .collect();
            let mut rows = Vec::with_capacity(table.rows.len());
            for row in &table.rows {
                let mut cells = Vec::with_capacity(cols);
                for cell in row {
                    cells.push(Value::Array(inlines_json(cell, notes)?));
                }
                cells.resize(cols, Value::Array(Vec::new()));
                rows.push(Value::Array(cells));
            }
            json!({
                "k": "table",
                "header": table.header && !rows.is_empty(),
                "align": align,
                "widths": layout::table_column_widths(&table.rows, cols),
                "rows": rows,
            })
        }
        Block::Chart(chart) => chart_json(chart),
    })
}

/// A chart as the shapes to draw, from the geometry shared with the DOCX writer (pt from the
/// chart's top-left corner); every label is already formatted.
fn chart_json(chart: &Chart) -> Value {
    let l = layout::chart::chart_layout(chart);
    let rect = |r: &layout::chart::Rect| json!({ "x": r.x, "y": r.y, "w": r.w, "h": r.h });
    let axis = |a: &layout::chart::ValueAxis, right: bool| {
        json!({
            "right": right,
            "title": clean(&a.title),
            "title_x": a.title_x,
            "labels_x": a.labels_x,
            "ticks": a.ticks.iter().map(|t| json!({ "y": t.y, "label": clean(&t.label) })).collect::<Vec<_>>(),
        })
    };
    let mut axes = vec![axis(&l.primary, false)];
    axes.extend(l.secondary.as_ref().map(|a| axis(a, true)));
    json!({
        "k": "chart",
        "w": l.width,
        "h": l.height,
        "size": layout::chart::LABEL_SIZE,
        "title_size": layout::chart::TITLE_SIZE,
        "title": l.title_lines.iter().map(|t| clean(t)).collect::<Vec<_>>(),
        "title_y": l.title_y,
        "title_leading": layout::chart::TITLE_LEADING,
        "plot": rect(&l.plot),
        "axes": axes,
        "categories": l.categories.iter().map(|c| json!({ "x": c.x, "label": clean(&c.label) })).collect::<Vec<_>>(),
        "categories_y": l.categories_y,
        "category_title": clean(&l.category_title),
        "category_title_y": l.category_title_y,
        "bars": l.bars.iter().map(|b| json!({
            "x": b.rect.x, "y": b.rect.y, "w": b.rect.w, "h": b.rect.h,
            "label": clean(&b.label),
            "colour": l.colours.get(b.series).copied().unwrap_or("000000"),
        })).collect::<Vec<_>>(),
        "lines": l.lines.iter().map(|line| json!({
            "colour": line.colour,
            "points": line.points.iter().map(|p| p.as_ref().map(|p| json!({
                "x": p.x, "y": p.y, "label": clean(&p.label),
            }))).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "legend": l.legend.iter().map(|e| json!({
            "name": clean(&e.name), "colour": e.colour, "line": e.line, "x": e.x, "y": e.y,
        })).collect::<Vec<_>>(),
    })
}

fn inlines_json(inlines: &[Inline], notes: &mut NoteUse) -> anyhow::Result<Vec<Value>> {
    let mut out = Vec::with_capacity(inlines.len());
    for inline in inlines {
        match inline {
            Inline::Text(span) => {
                // A '\n' inside a span is a line break, as in the DOCX writer; make it explicit
                // so the layout never depends on how Typst treats a raw newline.
                for (i, piece) in span.text.split('\n').enumerate() {
                    if i > 0 {
                        out.push(json!({ "k": "br" }));
                    }
                    if !piece.is_empty() {
                        out.push(json!({
                            "k": "t",
                            "s": clean(piece),
                            "b": span.bold,
                            "i": span.italic,
                        }));
                    }
                }
            }
            Inline::LineBreak => out.push(json!({ "k": "br" })),
            Inline::Note(n) => match notes {
                NoteUse::Body(seen) => {
                    let Some(first) = seen.get_mut(*n) else {
                        bail!(
                            "footnote reference {} points past the {} footnote(s) of the document",
                            n + 1,
                            seen.len()
                        );
                    };
                    out.push(json!({ "k": "note", "n": n, "first": !*first }));
                    *first = true;
                }
                NoteUse::Forbidden(owner) => {
                    bail!("footnote {} contains a footnote reference", *owner + 1)
                }
            },
        }
    }
    Ok(out)
}

fn lines(lines: &[String]) -> Vec<String> {
    lines.iter().map(|l| clean(l)).collect()
}

/// Drops control characters (a stray U+000B pasted from Excel, a CR) and byte-order marks,
/// which have no glyph and would otherwise print as a missing-glyph box; a tab, or a newline in a one-line field,
/// becomes a space.
fn clean(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\t' | '\n' => Some(' '),
            // A byte-order mark (pasted from a file) is invisible and not in the font.
            c if c.is_control() || c == '\u{FEFF}' => None,
            c => Some(c),
        })
        .collect()
}
