//! The [`Document`] as the JSON file the Typst layout reads (`/data.json`).
//!
//! The layout turns every string of this file into content with text functions only, so
//! nothing here is ever parsed as Typst markup. The shape is private to the PDF writer: it
//! follows the model but is flattened for easy use in Typst (short keys, footnote first-use
//! flags, padded tables).

use anyhow::{Context, bail};
use serde_json::{Value, json};

use crate::document::table::{Slot, head_grid};
use crate::document::{Align, Block, Chart, Document, Inline, Role, Scheme, Table};
use crate::writer::layout::{self, ClosingCell, header_layout};

/// Serialises `doc` to the bytes of `/data.json`. `covered` tells whether the embedded fonts
/// have a glyph for a character: a character without one is an error here, because Typst
/// would print an empty box without a word (and PDF/A export would fail on it later).
pub(super) fn to_json(doc: &Document, covered: &dyn Fn(char) -> bool) -> anyhow::Result<Vec<u8>> {
    let mut notes = NoteUse::new(doc.footnotes.len());
    let articles = doc.numbering == Scheme::Articles;
    let body = blocks_json(&doc.body, articles, &mut notes, layout::TEXT_WIDTH);
    // Appendices come after the body in reading order, so their first references follow.
    let appendices: Vec<Value> = doc
        .appendices
        .iter()
        .map(|a| {
            json!({
                "landscape": a.landscape,
                "heading": inlines_json(&a.heading, &mut notes),
                "name": inlines_json(&a.name, &mut notes),
                "attached": inlines_json(&a.attached, &mut notes),
                "body": blocks_json(&a.blocks, articles, &mut notes, layout::text_width(a.landscape)),
            })
        })
        .collect();
    let footnotes = doc
        .footnotes
        .iter()
        .map(|note| {
            note.paragraphs
                .iter()
                .map(|par| inlines_json(par, &mut NoteUse::Inside))
                .collect::<Vec<_>>()
        })
        .collect::<Vec<_>>();

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
        "page": page_json(),
        "header": {
            "parent": lines(&h.parent_agency),
            "issuing": lines(&h.issuing_agency),
            "number": clean(&h.number_line),
            "number_size": f64::from(layout::NUMBER_HALF_POINTS) / 2.0,
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
            // Decided with the DOCX writer: 2/5 of the longest printed line, in points.
            "rule": f64::from(layout::title_rule(&doc.title.summary, 28)) / 20.0,
            "rule_drop": f64::from(layout::TITLE_RULE_DROP) / 20.0,
        },
        "authority": lines(&doc.authority),
        "addressees": addressees,
        "body": body,
        "footnotes": footnotes,
        "recipients": {
            "heading": clean(&doc.recipients.heading),
            "lines": lines(&doc.recipients.lines),
        },
        "closing": closing_json(doc),
        "appendices": appendices,
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
/// the first (Typst would otherwise print the note twice under two numbers). The references
/// themselves are valid: `Document::finish` guarantees it.
enum NoteUse {
    Body(Vec<bool>),
    /// Inside a footnote, where the model has no references.
    Inside,
}

impl NoteUse {
    fn new(count: usize) -> Self {
        NoteUse::Body(vec![false; count])
    }
}

/// The closing block as laid out by `writer::layout`: rows of (left, right) cells.
fn closing_json(doc: &Document) -> Value {
    let closing = layout::closing_layout(doc);
    let cell = |c: &ClosingCell| match c {
        ClosingCell::Recipients => json!({ "k": "recipients" }),
        ClosingCell::Signature(i) => match doc.signatures.get(*i) {
            Some(s) => json!({
                "k": "signature",
                "authority": lines(&s.authority),
                "seal": lines(&s.seal_title),
                "name": clean(&s.name),
                "room": closing.room.get(*i).copied().unwrap_or(4),
            }),
            None => json!({ "k": "empty" }),
        },
        ClosingCell::Empty => json!({ "k": "empty" }),
    };
    json!({
        "left": closing.left_fraction(),
        "rows": closing.rows.iter().map(|r| r.iter().map(cell).collect::<Vec<_>>()).collect::<Vec<_>>(),
    })
}

/// The page and text sizes of `writer::layout::page`, in points: the DOCX writer writes
/// the same numbers into its section and paragraph properties.
fn page_json() -> Value {
    use layout::page::{self, points};
    json!({
        "width": page::mm_points(page::PAGE_WIDTH_MM),
        "height": page::mm_points(page::PAGE_HEIGHT_MM),
        "top": points(page::MARGIN_TOP),
        "bottom": points(page::MARGIN_BOTTOM),
        "left": points(page::MARGIN_LEFT),
        // What the exact A4 leaves of the DOCX's text width (0.03 pt less than 15 mm).
        "right": page::mm_points(page::PAGE_WIDTH_MM)
            - points(page::MARGIN_LEFT)
            - points(layout::TEXT_WIDTH),
        "size": f64::from(page::BODY_HALF_POINTS) / 2.0,
        "footnote_size": f64::from(page::FOOTNOTE_HALF_POINTS) / 2.0,
        "recipients_heading_size": f64::from(page::RECIPIENTS_HEADING_HALF_POINTS) / 2.0,
        "recipients_size": f64::from(page::RECIPIENTS_HALF_POINTS) / 2.0,
        "indent": points(page::INDENT),
        "table_size": f64::from(layout::TABLE_HALF_POINTS) / 2.0,
        "cell_inset": points(layout::TABLE_CELL_MARGIN),
        "cell_pad": points(layout::TABLE_CELL_PAD),
    })
}

/// Blocks in a section whose text is `width` twips wide (portrait or landscape).
fn blocks_json(blocks: &[Block], articles: bool, notes: &mut NoteUse, width: u32) -> Vec<Value> {
    blocks
        .iter()
        .map(|b| block_json(b, articles, notes, width))
        .collect()
}

fn block_json(block: &Block, articles: bool, notes: &mut NoteUse, width: u32) -> Value {
    match block {
        Block::Heading {
            level,
            number,
            content,
        } => {
            // Typst's heading levels start at 1; a level-0 heading is treated as a section.
            let level = (*level).max(1);
            // `Điều 1.` articles print as a paragraph: the label bold, the text as written.
            let article = articles && level == 1;
            // Level-1 sections are UPPERCASE (ND30); templates usually write them so already,
            // and the DOCX writer uppercases them the same way.
            let upper: Vec<Inline>;
            let content = if level == 1 && !article {
                upper = content.iter().map(layout::uppercase).collect();
                &upper
            } else {
                content
            };
            json!({
                "k": "heading",
                "level": level,
                "article": article,
                "number": clean(number),
                "content": inlines_json(content, notes),
            })
        }
        Block::Paragraph { role, content } => json!({
            "k": "par",
            "role": match role {
                Role::Body => "body",
                Role::Basis => "basis",
                Role::Center => "center",
            },
            "content": inlines_json(content, notes),
        }),
        Block::ListItem {
            marker,
            depth,
            content,
        } => json!({
            "k": "item",
            "marker": clean(marker),
            "depth": depth,
            "content": inlines_json(content, notes),
        }),
        Block::Table(table) => table_json(table, notes, width),
        Block::Chart(chart) => chart_json(chart),
    }
}

/// A table for the layout: widths for a section `width` twips wide (shared with the DOCX
/// writer), whether it may break across pages, the header as cells with explicit grid
/// positions (so merged cells never shift the others), body rows padded to the column
/// count, the total row and the caption.
fn table_json(table: &Table, notes: &mut NoteUse, width: u32) -> Value {
    let cols = table.columns();
    let align: Vec<&str> = (0..cols)
        .map(|i| match table.align.get(i) {
            Some(Align::Center) => "center",
            Some(Align::Right) => "right",
            Some(Align::Left) | None => "left",
        })
        .collect();
    let mut head = Vec::new();
    for (y, row) in head_grid(&table.head, cols).iter().enumerate() {
        for (x, slot) in row.iter().enumerate() {
            if let Slot::Start {
                cell,
                colspan,
                rowspan,
            } = slot
            {
                let content = match cell {
                    Some(c) => inlines_json(&c.content, notes),
                    None => Vec::new(),
                };
                head.push(json!({
                    "x": x, "y": y, "colspan": colspan, "rowspan": rowspan, "content": content,
                }));
            }
        }
    }
    // Typst fills a table cell by cell, so a short row would shift every later cell; pad
    // every row to the column count instead.
    let mut row_json = |row: &[Vec<Inline>]| -> Value {
        let mut cells = Vec::with_capacity(cols);
        for cell in row.iter().take(cols) {
            cells.push(Value::Array(inlines_json(cell, notes)));
        }
        cells.resize(cols, Value::Array(Vec::new()));
        Value::Array(cells)
    };
    let rows: Vec<Value> = table.rows.iter().map(|r| row_json(r)).collect();
    let total = table.total.as_deref().map(&mut row_json);
    let caption = table.caption.as_deref().map(|c| text_json(c, false, false));
    json!({
        "k": "table",
        "caption": caption,
        "align": align,
        "widths": layout::table_column_widths(table, width),
        "breakable": table.rows.len() > layout::page::KEEP_WHOLE_ROWS,
        "head_rows": table.head.len(),
        "head": head,
        "rows": rows,
        "total": total,
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

/// What the layout keeps on one line: document numbers and dates ([`layout::unbreakable`])
/// and words with a `/` inside ([`layout::slash_words`]), as Word and LibreOffice do;
/// sorted, overlaps merged.
fn kept_whole(line: &str) -> Vec<std::ops::Range<usize>> {
    let mut ranges = layout::unbreakable(line);
    ranges.extend(layout::slash_words(line));
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut out: Vec<std::ops::Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match out.last_mut() {
            Some(last) if r.start < last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

/// A run of text as layout items: `\n` becomes a line break, and each run [`kept_whole`] is
/// its own item marked `nb`, which the layout boxes so no line breaks inside it.
fn text_json(text: &str, bold: bool, italic: bool) -> Vec<Value> {
    let mut out = Vec::new();
    let piece = |s: &str, nb: bool, out: &mut Vec<Value>| {
        if !s.is_empty() {
            out.push(json!({"k": "t", "s": clean(s), "b": bold, "i": italic, "nb": nb}));
        }
    };
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push(json!({ "k": "br" }));
        }
        let mut at = 0;
        for range in kept_whole(line) {
            piece(
                line.get(at..range.start).unwrap_or_default(),
                false,
                &mut out,
            );
            piece(line.get(range.clone()).unwrap_or_default(), true, &mut out);
            at = range.end;
        }
        piece(line.get(at..).unwrap_or_default(), false, &mut out);
    }
    out
}

fn inlines_json(inlines: &[Inline], notes: &mut NoteUse) -> Vec<Value> {
    let mut out = Vec::with_capacity(inlines.len());
    for inline in inlines {
        match inline {
            // A '\n' inside a span is a line break, as in the DOCX writer; it is made explicit
            // so the layout never depends on how Typst treats a raw newline.
            Inline::Text(span) => out.extend(text_json(&span.text, span.bold, span.italic)),
            Inline::LineBreak => out.push(json!({ "k": "br" })),
            Inline::Note(n) => {
                if let NoteUse::Body(seen) = notes
                    && let Some(first) = seen.get_mut(*n)
                {
                    out.push(json!({ "k": "note", "n": n, "first": !*first }));
                    *first = true;
                }
            }
        }
    }
    out
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::sample::sample_document;
    use crate::writer::layout::TEXT_WIDTH;

    #[test]
    fn the_rule_under_a_wrapped_title_is_a_third_to_a_half_of_the_text_width() {
        let mut doc = sample_document();
        doc.title.summary = "Kết quả thực hiện Thông tư số 124/2021/TT-BCA của Bộ Công an quy \
             định khu dân cư, xã, phường, thị trấn, cơ quan, doanh nghiệp, cơ sở giáo dục đạt \
             tiêu chuẩn “An toàn về an ninh, trật tự” năm 2024"
            .into();
        let json: Value =
            serde_json::from_slice(&to_json(&doc, &|_| true).expect("json")).expect("parses");
        let rule = json["title"]["rule"].as_f64().expect("rule in pt");
        let width = f64::from(TEXT_WIDTH) / 20.0;
        assert!(
            (width / 3.0..=width / 2.0).contains(&rule),
            "{rule} pt of {width} pt"
        );
    }

    #[test]
    fn closing_rows_and_number_size_reach_the_layout() {
        let mut doc = sample_document();
        doc.signatures.insert(0, doc.signatures[0].clone());
        let json: Value =
            serde_json::from_slice(&to_json(&doc, &|_| true).expect("json")).expect("parses");
        let rows = json["closing"]["rows"].as_array().expect("rows");
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0][0]["k"], "signature");
        assert_eq!(rows[1][0]["k"], "recipients");
        assert_eq!(json["header"]["number_size"], 13.0);
    }
}
