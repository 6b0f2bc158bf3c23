//! `word/document.xml` and `word/footnotes.xml`: the ND30 layout of a [`Document`] — header
//! table, title, body and appendices; the closing table is in [`super::closing`], the
//! section properties in [`super::section`].
//! Every property block goes through [`super::props`], which writes it in ECMA-376 order.

use anyhow::Result;

use super::parts::{FOOTNOTE_SIZE, W_ROOT};
use super::props::{self, Jc, LineRule, ParaProps, RunProps, SINGLE, Spacing, VAlign, pt};
use super::runs::{
    BODY_SIZE, NoteRefs, TEXT_WIDTH, cell_start, inlines, layout_table_start, para, spacer,
    text_run,
};
use super::xml::Xml;
use super::{closing, section};
use crate::document::{Appendix, Block, Document, Header, Inline, Role, Scheme};
use crate::writer::layout::{self, HeaderLayout};
use crate::writer::measure::width_twips;

/// Body text (14 pt, [`BODY_SIZE`]): first line indented 1 cm (`writer::layout::page`), 6 pt
/// after, 1.2 lines.
const INDENT: u32 = layout::page::INDENT;
const BODY_SPACING: Spacing = Spacing {
    before: 0,
    after: 120,
    line: 288,
    rule: LineRule::Auto,
};
/// The empty paragraph above the rules under the agency and the motto, twips.
const RULE_GAP: u32 = 60;
/// The one above the rule under the trích yếu: the shared drop below the baseline less
/// the line's descent (0.216 em of 14 pt ≈ 60 twips) and the border's 1 pt space.
const TITLE_RULE_GAP: u32 = layout::TITLE_RULE_DROP - 60 - 20;

/// Writes `word/document.xml`.
pub(crate) fn document(doc: &Document) -> Result<String> {
    let mut x = Xml::new();
    x.start("w:document", &W_ROOT);
    x.start("w:body", &[]);
    // LibreOffice sets a table that opens the document a line (~15 pt) below the top margin;
    // a 1 pt paragraph ahead of it keeps page 1 where Word and the PDF put it.
    para(
        &mut x,
        ParaProps::new(
            Jc::Left,
            Spacing {
                line: 20,
                rule: LineRule::Exact,
                ..SINGLE
            },
        ),
        RunProps::sized(2),
        "",
    );
    header_table(&mut x, &doc.header);
    title(&mut x, doc);
    let mut notes = NoteRefs {
        used: vec![false; doc.footnotes.len()],
        charts: 0,
    };
    let articles = doc.numbering == Scheme::Articles;
    blocks(&mut x, &doc.body, articles, &mut notes, true, TEXT_WIDTH);
    // The last lines of the body go with the signatures: a signature never stands alone on
    // a page (LibreOffice did that to a BIÊN BẢN whose closing just fit).
    para(
        &mut x,
        ParaProps {
            keep_next: true,
            ..ParaProps::new(Jc::Left, SINGLE)
        },
        RunProps::sized(BODY_SIZE),
        "",
    );
    closing::closing_table(&mut x, doc);
    // Each appendix is a section of its own (its page may be landscape). A section's
    // properties sit in the last paragraph of that section; the last one's in the body.
    // Page 1 has no number (titlePg); appendix sections continue the numbering.
    let mut page = section::Page {
        landscape: false,
        first: true,
    };
    for appendix in &doc.appendices {
        section::section_end(&mut x, page);
        page = section::Page {
            landscape: appendix.landscape,
            first: false,
        };
        appendix_start(&mut x, appendix, &mut notes);
        let width = layout::text_width(appendix.landscape);
        blocks(&mut x, &appendix.blocks, articles, &mut notes, false, width);
    }
    // Word wants the body to end with a paragraph; keep it tiny so it never makes a page.
    spacer(&mut x, 2);
    section::section(&mut x, page);
    x.end().end();
    Ok(x.finish())
}

/// Body blocks in a section whose text is `width` twips wide, with a little air under each
/// table; with `keep_last`, the last block is kept with what follows it.
fn blocks(
    x: &mut Xml,
    blocks: &[Block],
    articles: bool,
    notes: &mut NoteRefs,
    keep_last: bool,
    width: u32,
) {
    for (i, block) in blocks.iter().enumerate() {
        let keep_next = keep_last && i + 1 == blocks.len();
        body_block(x, block, articles, notes, keep_next, width);
        if matches!(block, Block::Table(_)) {
            // Air under the grid; also keeps two tables in a row from merging in Word.
            spacer(x, pt(6));
        }
    }
}

/// An appendix's heading, name and `(Kèm theo …)` line, centred.
fn appendix_start(x: &mut Xml, a: &Appendix, notes: &mut NoteRefs) {
    let centred = ParaProps {
        keep_next: true,
        ..ParaProps::new(Jc::Center, SINGLE)
    };
    let bold = RunProps::sized(BODY_SIZE).bold(true);
    let parts = [
        (&a.heading, bold),
        (&a.name, bold),
        (&a.attached, RunProps::sized(BODY_SIZE).italic(true)),
    ];
    let last = parts.iter().rposition(|(p, _)| !p.is_empty()).unwrap_or(0);
    for (i, (content, run)) in parts.iter().enumerate() {
        if content.is_empty() {
            continue;
        }
        x.start("w:p", &[]);
        ParaProps {
            spacing: Spacing {
                after: if i == last { 240 } else { 0 },
                ..SINGLE
            },
            mark: Some(*run),
            ..centred
        }
        .write(x);
        inlines(x, content, *run, Some(notes));
        x.end();
    }
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
            inlines(&mut x, content, RunProps::sized(size), None);
            x.end();
        }
        x.end();
    }
    x.end();
    Ok(x.finish())
}

/// The short solid line ND30 draws under the issuing agency, the motto and the summary: an
/// empty paragraph `gap` twips high with a bottom border, its indents leaving `length` of
/// `available`. The gap keeps the line clear of the dots under letters such as "Ự".
fn rule(x: &mut Xml, available: u32, length: u32, gap: u32, after: u32) {
    let length = length.clamp(INDENT.min(available), available);
    let side = (available - length) / 2;
    let props = ParaProps {
        bottom_rule: true,
        spacing: Spacing {
            before: 0,
            after,
            line: gap,
            rule: LineRule::Exact,
        },
        ind_left: side,
        ind_right: side,
        ..ParaProps::new(Jc::Center, SINGLE)
    };
    para(x, props, RunProps::sized(4), "");
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
        rule(x, left, text * 2 / 5, RULE_GAP, 0);
    }
    x.end();
    cell_start(x, right, VAlign::Top);
    para(x, centred, upright.bold(true), &h.national_title);
    let motto = RunProps::sized(BODY_SIZE).bold(true);
    para(x, centred, motto, &h.motto);
    if !h.motto.is_empty() {
        rule(
            x,
            right,
            width_twips(&h.motto, BODY_SIZE, true),
            RULE_GAP,
            0,
        );
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
    // ND30 keeps `Số:` at 13 pt even when the agency lines drop to 12.
    para(
        x,
        row2,
        RunProps::sized(layout::NUMBER_HALF_POINTS),
        &h.number_line,
    );
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
    // Length shared with the PDF writer; the gap matches the PDF's space between the last
    // line of the trích yếu and its rule (a tighter one reads as an underline).
    rule(
        x,
        TEXT_WIDTH,
        layout::title_rule(&doc.title.summary, BODY_SIZE),
        TITLE_RULE_GAP,
        240,
    );

    for line in &doc.authority {
        let props = ParaProps {
            spacing: Spacing {
                after: if Some(line) == doc.authority.last() {
                    240
                } else {
                    0
                },
                ..SINGLE
            },
            ..ParaProps::new(Jc::Center, SINGLE)
        };
        para(x, props, bold, line);
    }

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

fn body_block(
    x: &mut Xml,
    block: &Block,
    articles: bool,
    notes: &mut NoteRefs,
    keep_next: bool,
    width: u32,
) {
    let plain = RunProps::sized(BODY_SIZE);
    match block {
        Block::Heading {
            level,
            number,
            content,
        } if articles && *level <= 1 => {
            // `Điều 1.` bold, then the article's text as written.
            x.start("w:p", &[]);
            ParaProps {
                keep_next: true,
                keep_lines: true,
                outline_level: Some(0),
                mark: Some(plain),
                ..BODY_PARA
            }
            .write(x);
            if !number.is_empty() {
                text_run(x, plain.bold(true), &format!("{number} "));
            }
            inlines(x, content, plain, Some(notes));
            x.end();
        }
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
            inlines(x, content, base, Some(notes));
            x.end();
        }
        Block::Paragraph { role, content } => {
            let (props, run) = match role {
                Role::Body => (BODY_PARA, plain),
                Role::Basis => (BODY_PARA, plain.italic(true)),
                Role::Center => (
                    ParaProps {
                        keep_next: true,
                        ..ParaProps::new(Jc::Center, BODY_SPACING)
                    },
                    plain.bold(true),
                ),
            };
            x.start("w:p", &[]);
            ParaProps {
                mark: Some(run),
                keep_next: keep_next || props.keep_next,
                ..props
            }
            .write(x);
            inlines(x, content, run, Some(notes));
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
                keep_next,
                ..BODY_PARA
            }
            .write(x);
            if !marker.is_empty() {
                text_run(x, plain, &format!("{marker} "));
            }
            inlines(x, content, plain, Some(notes));
            x.end();
        }
        Block::Table(table) => super::table::data_table(x, table, notes, width),
        Block::Chart(c) => {
            notes.charts += 1;
            super::chart::chart_paragraph(x, c, notes.charts);
        }
    }
}
