//! `word/document.xml` and `word/footnotes.xml`: the ND30 layout of a [`Document`] — header
//! table, title, body, closing table (recipients and signature) and the section properties.
//! Every property block goes through [`super::props`], which writes it in ECMA-376 order.

use anyhow::{Result, bail};

use super::parts::{FOOTNOTE_SIZE, RID_HEADER_DEFAULT, RID_HEADER_FIRST, W_ROOT};
use super::props::{
    self, Jc, LineRule, ParaProps, RunProps, SINGLE, Spacing, TableProps, VAlign, pt,
};
use super::xml::Xml;
use crate::document::{Align, Block, Chart, Document, Header, Inline, Span, Table};
use crate::writer::layout::{self, HeaderLayout};
use crate::writer::measure::width_twips;

/// A4 and the 20/20/30/15 mm margins, in twips.
const PAGE_WIDTH: u32 = 11906;
const PAGE_HEIGHT: u32 = 16838;
const MARGIN_TOP: u32 = 1134;
const MARGIN_BOTTOM: u32 = 1134;
const MARGIN_LEFT: u32 = 1701;
const MARGIN_RIGHT: u32 = 850;
/// The width every table and rule is laid out in: 9355 twips (165 mm).
pub(crate) const TEXT_WIDTH: u32 = layout::TEXT_WIDTH;

/// Body text: 14 pt, first line indented 1 cm, 6 pt after, 1.2 lines.
const BODY_SIZE: u32 = pt(14);
const INDENT: u32 = 567;
const BODY_SPACING: Spacing = Spacing {
    before: 0,
    after: 120,
    line: 288,
    rule: LineRule::Auto,
};
/// Data tables: 13 pt.
const TABLE_SIZE: u32 = pt(13);
/// Cell padding of data tables (Word's default), twips.
const TABLE_CELL_MARGIN: u32 = layout::TABLE_CELL_MARGIN;

/// Writes `word/document.xml`.
pub(crate) fn document(doc: &Document) -> Result<String> {
    let mut x = Xml::new();
    x.start("w:document", &W_ROOT);
    x.start("w:body", &[]);
    header_table(&mut x, &doc.header);
    title(&mut x, doc);
    let mut notes = NoteRefs {
        used: vec![false; doc.footnotes.len()],
        charts: 0,
    };
    for block in &doc.body {
        body_block(&mut x, block, &mut notes)?;
        if matches!(block, Block::Table(_)) {
            // Air under the grid; also keeps two tables in a row from merging in Word.
            spacer(&mut x, pt(6));
        }
    }
    spacer(&mut x, BODY_SIZE);
    closing_table(&mut x, doc);
    // Word wants the body to end with a paragraph; keep it tiny so it never makes a page.
    spacer(&mut x, 2);
    section(&mut x);
    x.end().end();
    Ok(x.finish())
}

/// Writes `word/footnotes.xml`: the two separator footnotes Word expects, then footnote
/// `i + 1` for `doc.footnotes[i]`.
pub(crate) fn footnotes(doc: &Document) -> Result<String> {
    let mut x = Xml::new();
    x.start("w:footnotes", &W_ROOT);
    for (kind, id, mark) in [
        ("separator", "-1", "w:separator"),
        ("continuationSeparator", "0", "w:continuationSeparator"),
    ] {
        x.start("w:footnote", &[("w:type", kind), ("w:id", id)]);
        x.start("w:p", &[]);
        ParaProps {
            jc: None,
            ..ParaProps::new(Jc::Left, SINGLE)
        }
        .write(&mut x);
        x.start("w:r", &[]).empty(mark, &[]).end();
        x.end().end();
    }
    let size = FOOTNOTE_SIZE;
    let para = ParaProps {
        style: Some("FootnoteText"),
        mark: Some(RunProps::sized(size)),
        ..ParaProps::new(Jc::Both, SINGLE)
    };
    for (i, note) in doc.footnotes.iter().enumerate() {
        let id = (i + 1).to_string();
        x.start("w:footnote", &[("w:id", &id)]);
        let empty = vec![Vec::new()];
        let paragraphs = if note.paragraphs.is_empty() {
            &empty
        } else {
            &note.paragraphs
        };
        for (n, content) in paragraphs.iter().enumerate() {
            x.start("w:p", &[]);
            para.write(&mut x);
            if n == 0 {
                x.start("w:r", &[]);
                RunProps::sized(size)
                    .style("FootnoteReference")
                    .write(&mut x);
                x.empty("w:footnoteRef", &[]);
                x.end();
                text_run(&mut x, RunProps::sized(size), " ");
            }
            inlines(&mut x, content, RunProps::sized(size), None)
                .map_err(|e| e.context(format!("in footnote {}", i + 1)))?;
            x.end();
        }
        x.end();
    }
    x.end();
    Ok(x.finish())
}

/// Which footnotes already have their one real reference; and how many charts were placed
/// (chart N of the body is part `word/charts/chartN.xml`, see `docx::charts`).
struct NoteRefs {
    used: Vec<bool>,
    charts: usize,
}

/// A paragraph with a single run of text; the mark gets the run's formatting, so an empty
/// line keeps the text's height.
fn para(x: &mut Xml, props: ParaProps, run: RunProps, text: &str) {
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
fn spacer(x: &mut Xml, half_points: u32) {
    para(
        x,
        ParaProps::new(Jc::Left, SINGLE),
        RunProps::sized(half_points),
        "",
    );
}

/// A run of text: `\n` becomes `w:br`, `\t` `w:tab`. Empty text writes nothing.
fn text_run(x: &mut Xml, props: RunProps, text: &str) {
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
            c => buf.push(c),
        }
    }
    flush(x, &mut buf);
    x.end();
}

/// Writes inline content in `base` formatting (a span's bold/italic add to it). `notes` is
/// `None` inside footnotes, where a reference is an error.
fn inlines(
    x: &mut Xml,
    items: &[Inline],
    base: RunProps,
    mut notes: Option<&mut NoteRefs>,
) -> Result<()> {
    for item in items {
        match item {
            Inline::Text(Span { text, bold, italic }) => {
                text_run(
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
                let Some(refs) = notes.as_deref_mut() else {
                    bail!("a footnote cannot contain a footnote reference");
                };
                let Some(used) = refs.used.get_mut(*index) else {
                    bail!(
                        "footnote reference {} but the document has {} footnote(s)",
                        index + 1,
                        refs.used.len()
                    );
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
    Ok(())
}

/// The short solid line ND30 draws under the issuing agency, the motto and the summary: an
/// empty 3 pt paragraph with a bottom border, its indents leaving `length` of `available`.
/// The 3 pt keep the line clear of the dots under letters such as "Ự".
fn rule(x: &mut Xml, available: u32, length: u32, after: u32) {
    let length = length.clamp(INDENT.min(available), available);
    let side = (available - length) / 2;
    let props = ParaProps {
        bottom_rule: true,
        spacing: Spacing {
            before: 0,
            after,
            line: 60,
            rule: LineRule::Exact,
        },
        ind_left: side,
        ind_right: side,
        ..ParaProps::new(Jc::Center, SINGLE)
    };
    para(x, props, RunProps::sized(4), "");
}

/// Opens a `w:tbl` with its properties and grid.
fn table_start(x: &mut Xml, props: TableProps, columns: &[u32]) {
    x.start("w:tbl", &[]);
    props.write(x);
    x.start("w:tblGrid", &[]);
    for width in columns {
        x.empty("w:gridCol", &[("w:w", &width.to_string())]);
    }
    x.end();
}

/// Opens a `w:tc` with its properties; the caller writes at least one paragraph and closes it.
fn cell_start(x: &mut Xml, width: u32, valign: VAlign) {
    x.start("w:tc", &[]);
    props::cell_props(x, width, valign);
}

/// The ND30 header block: a borderless 2 × 2 table. Row 1: agencies | quốc hiệu and tiêu ngữ,
/// each ruled under; row 2: the number | place and date, so the two sit level.
fn header_table(x: &mut Xml, h: &Header) {
    // Column widths and the 12/13 pt choice are shared with the PDF writer.
    let HeaderLayout {
        left,
        header_half_points: header_size,
    } = layout::header_layout(h);
    let right = layout_table_start(x, left);
    let centred = ParaProps::new(Jc::Center, SINGLE);
    let upright = RunProps::sized(header_size);

    x.start("w:tr", &[]);
    props::row_props(x, true, false);
    cell_start(x, left, VAlign::Top);
    for line in &h.parent_agency {
        para(x, centred, upright, line);
    }
    for line in &h.issuing_agency {
        para(x, centred, upright.bold(true), line);
    }
    if h.issuing_agency.is_empty() {
        if h.parent_agency.is_empty() {
            para(x, centred, upright, "");
        }
    } else {
        let text = h
            .issuing_agency
            .iter()
            .map(|l| width_twips(l, header_size, true))
            .max()
            .unwrap_or(0);
        rule(x, left, text * 2 / 5, 0);
    }
    x.end();
    cell_start(x, right, VAlign::Top);
    para(x, centred, upright.bold(true), &h.national_title);
    let motto = RunProps::sized(BODY_SIZE).bold(true);
    para(x, centred, motto, &h.motto);
    if !h.motto.is_empty() {
        rule(x, right, width_twips(&h.motto, BODY_SIZE, true), 0);
    }
    x.end();
    x.end();

    x.start("w:tr", &[]);
    props::row_props(x, true, false);
    let row2 = ParaProps {
        spacing: Spacing {
            before: 120,
            ..SINGLE
        },
        ..centred
    };
    cell_start(x, left, VAlign::Top);
    para(x, row2, upright, &h.number_line);
    x.end();
    cell_start(x, right, VAlign::Top);
    let place_date = RunProps::sized(BODY_SIZE).italic(true);
    para(x, row2, place_date, h.place_date.as_deref().unwrap_or(""));
    x.end();
    x.end();

    x.end();
}

/// Kind, summary, the rule under it and the `Kính gửi:` lines.
fn title(x: &mut Xml, doc: &Document) {
    let bold = RunProps::sized(BODY_SIZE).bold(true);
    let centred = ParaProps {
        keep_next: true,
        ..ParaProps::new(Jc::Center, SINGLE)
    };
    let kind = ParaProps {
        spacing: Spacing {
            before: 240,
            ..SINGLE
        },
        ..centred
    };
    para(x, kind, bold, &doc.title.kind);
    para(x, centred, bold, &doc.title.summary);
    let longest = doc
        .title
        .summary
        .split('\n')
        .map(|l| width_twips(l, BODY_SIZE, true))
        .max()
        .unwrap_or(0)
        .min(TEXT_WIDTH);
    rule(x, TEXT_WIDTH, longest * 2 / 5, 240);

    let lines = layout::addressee_lines(&doc.addressees);
    let count = lines.len();
    for (i, text) in lines.iter().enumerate() {
        let props = ParaProps {
            spacing: Spacing {
                after: if i + 1 == count { 240 } else { 0 },
                ..SINGLE
            },
            ..ParaProps::new(Jc::Center, SINGLE)
        };
        para(x, props, RunProps::sized(BODY_SIZE), text);
    }
}

/// Justified, first line indented 1 cm, 6 pt after, 1.2 lines.
const BODY_PARA: ParaProps = ParaProps {
    first_line: INDENT,
    ..ParaProps::new(Jc::Both, BODY_SPACING)
};

fn body_block(x: &mut Xml, block: &Block, notes: &mut NoteRefs) -> Result<()> {
    let plain = RunProps::sized(BODY_SIZE);
    match block {
        Block::Heading {
            level,
            number,
            content,
        } => {
            let level = (*level).max(1);
            // I. bold UPPERCASE, 1. bold, 1.1. bold italic, deeper italic.
            let base = plain.bold(level <= 3).italic(level >= 3);
            let props = ParaProps {
                keep_next: true,
                keep_lines: true,
                outline_level: Some(level.saturating_sub(1).min(8)),
                mark: Some(base),
                ..BODY_PARA
            };
            let upper: Vec<Inline>;
            let content = if level == 1 {
                upper = content.iter().map(layout::uppercase).collect();
                &upper
            } else {
                content
            };
            x.start("w:p", &[]);
            props.write(x);
            if !number.is_empty() {
                text_run(x, base, &format!("{number} "));
            }
            inlines(x, content, base, Some(notes))?;
            x.end();
        }
        Block::Paragraph(content) => {
            x.start("w:p", &[]);
            ParaProps {
                mark: Some(plain),
                ..BODY_PARA
            }
            .write(x);
            inlines(x, content, plain, Some(notes))?;
            x.end();
        }
        Block::ListItem {
            marker,
            depth,
            content,
        } => {
            x.start("w:p", &[]);
            ParaProps {
                ind_left: INDENT * u32::from(*depth),
                mark: Some(plain),
                ..BODY_PARA
            }
            .write(x);
            if !marker.is_empty() {
                text_run(x, plain, &format!("{marker} "));
            }
            inlines(x, content, plain, Some(notes))?;
            x.end();
        }
        Block::Table(table) => data_table(x, table, notes)?,
        Block::Chart(c) => {
            notes.charts += 1;
            chart_paragraph(x, c, notes.charts);
        }
    }
    Ok(())
}

/// A centred paragraph holding chart `n` inline, kept with the paragraph that follows.
fn chart_paragraph(x: &mut Xml, chart: &Chart, n: usize) {
    let layout = layout::chart::chart_layout(chart);
    let props = ParaProps {
        keep_lines: true,
        spacing: Spacing {
            before: 120,
            after: 120,
            ..SINGLE
        },
        mark: Some(RunProps::sized(BODY_SIZE)),
        ..ParaProps::new(Jc::Center, SINGLE)
    };
    x.start("w:p", &[]);
    props.write(x);
    x.start("w:r", &[]);
    RunProps::sized(BODY_SIZE).write(x);
    super::chart::inline(x, &layout, n, &format!("Biểu đồ {n}"));
    x.end();
    x.end();
}

/// A grid table: 13 pt, fixed widths, header row bold, centred and repeated on each page.
fn data_table(x: &mut Xml, table: &Table, notes: &mut NoteRefs) -> Result<()> {
    let columns = table.columns();
    if columns == 0 || table.rows.is_empty() {
        return Ok(());
    }
    let widths = layout::table_column_widths(&table.rows, columns);
    let props = TableProps {
        width: TEXT_WIDTH,
        borders: true,
        cell_margin: TABLE_CELL_MARGIN,
    };
    table_start(x, props, &widths);
    let spacing = Spacing {
        before: 40,
        after: 40,
        ..SINGLE
    };
    for (r, row) in table.rows.iter().enumerate() {
        let header = table.header && r == 0;
        x.start("w:tr", &[]);
        props::row_props(x, true, header);
        for (c, width) in widths.iter().enumerate() {
            let jc = if header {
                Jc::Center
            } else {
                match table.align.get(c) {
                    Some(Align::Center) => Jc::Center,
                    Some(Align::Right) => Jc::Right,
                    Some(Align::Left) | None => Jc::Left,
                }
            };
            let run = RunProps::sized(TABLE_SIZE).bold(header);
            cell_start(x, *width, VAlign::Center);
            x.start("w:p", &[]);
            ParaProps {
                mark: Some(run),
                ..ParaProps::new(jc, spacing)
            }
            .write(x);
            if let Some(content) = row.get(c) {
                inlines(x, content, run, Some(notes))?;
            }
            x.end();
            x.end();
        }
        x.end();
    }
    x.end();
    Ok(())
}

/// Opens a borderless two-column layout table (header block, closing block) whose left
/// column is `left` twips wide; returns the right column's width.
fn layout_table_start(x: &mut Xml, left: u32) -> u32 {
    let right = TEXT_WIDTH - left;
    let table = TableProps {
        width: TEXT_WIDTH,
        borders: false,
        cell_margin: 0,
    };
    table_start(x, table, &[left, right]);
    right
}

/// The closing table: `Nơi nhận:` on the left, the signature on the right, one row that
/// does not split across pages.
fn closing_table(x: &mut Xml, doc: &Document) {
    let left = TEXT_WIDTH * 45 / 100;
    let right = layout_table_start(x, left);
    x.start("w:tr", &[]);
    props::row_props(x, true, false);

    cell_start(x, left, VAlign::Top);
    let flush_left = ParaProps::new(Jc::Left, SINGLE);
    let r = &doc.recipients;
    para(
        x,
        flush_left,
        RunProps::sized(pt(12)).bold(true).italic(true),
        &r.heading,
    );
    for line in &r.lines {
        para(x, flush_left, RunProps::sized(pt(11)), line);
    }
    x.end();

    cell_start(x, right, VAlign::Top);
    let centred = ParaProps::new(Jc::Center, SINGLE);
    let bold = RunProps::sized(BODY_SIZE).bold(true);
    let s = &doc.signature;
    for line in &s.authority {
        para(x, centred, bold, line);
    }
    // Room for the signature and the seal.
    for _ in 0..4 {
        para(x, centred, bold, "");
    }
    for line in &s.seal_title {
        para(x, centred, bold, line);
    }
    para(x, centred, bold, &s.name);
    x.end();

    x.end();
    x.end();
}

/// `w:sectPr` in ECMA order: headerReference ×2, pgSz, pgMar, cols, titlePg, docGrid.
fn section(x: &mut Xml) {
    x.start("w:sectPr", &[]);
    x.empty(
        "w:headerReference",
        &[("w:type", "default"), ("r:id", RID_HEADER_DEFAULT)],
    );
    x.empty(
        "w:headerReference",
        &[("w:type", "first"), ("r:id", RID_HEADER_FIRST)],
    );
    x.empty(
        "w:pgSz",
        &[
            ("w:w", &PAGE_WIDTH.to_string()),
            ("w:h", &PAGE_HEIGHT.to_string()),
        ],
    );
    x.empty(
        "w:pgMar",
        &[
            ("w:top", &MARGIN_TOP.to_string()),
            ("w:right", &MARGIN_RIGHT.to_string()),
            ("w:bottom", &MARGIN_BOTTOM.to_string()),
            ("w:left", &MARGIN_LEFT.to_string()),
            ("w:header", "720"),
            ("w:footer", "720"),
            ("w:gutter", "0"),
        ],
    );
    x.empty("w:cols", &[("w:space", "720")]);
    // A different first page: ND30 puts no number on page 1.
    x.empty("w:titlePg", &[]);
    x.empty("w:docGrid", &[("w:linePitch", "360")]);
    x.end();
}
