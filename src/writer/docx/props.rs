//! Run, paragraph, table and cell properties, each written by one function that emits its
//! children in ECMA-376 order (see `spec/ooxml-word-safety.md`). Word silently drops
//! properties that come out of order, so no other code writes `w:rPr`, `w:pPr`, `w:tblPr`,
//! `w:tcPr`, `w:pBdr` or `w:sectPr`.

use super::xml::Xml;

/// The one font ND30 allows, set in all four slots so Word never substitutes.
pub(crate) const FONT: &str = "Times New Roman";

/// Half-points of a size in points, for `w:sz`.
pub(crate) const fn pt(points: u32) -> u32 {
    points * 2
}

/// Character formatting. Fonts are always written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RunProps {
    pub style: Option<&'static str>,
    pub bold: bool,
    pub italic: bool,
    /// Size in half-points.
    pub size: u32,
    pub superscript: bool,
}

impl RunProps {
    pub(crate) const fn sized(size: u32) -> Self {
        RunProps {
            style: None,
            bold: false,
            italic: false,
            size,
            superscript: false,
        }
    }

    pub(crate) const fn bold(mut self, on: bool) -> Self {
        self.bold = on;
        self
    }

    pub(crate) const fn italic(mut self, on: bool) -> Self {
        self.italic = on;
        self
    }

    pub(crate) const fn style(mut self, style: &'static str) -> Self {
        self.style = Some(style);
        self
    }

    /// Writes `w:rPr`: rStyle, rFonts, b, bCs, i, iCs, sz, szCs, vertAlign — ECMA order.
    pub(crate) fn write(&self, x: &mut Xml) {
        x.start("w:rPr", &[]);
        if let Some(style) = self.style {
            x.empty("w:rStyle", &[("w:val", style)]);
        }
        fonts(x);
        if self.bold {
            x.empty("w:b", &[]).empty("w:bCs", &[]);
        }
        if self.italic {
            x.empty("w:i", &[]).empty("w:iCs", &[]);
        }
        let size = self.size.to_string();
        x.empty("w:sz", &[("w:val", &size)]);
        x.empty("w:szCs", &[("w:val", &size)]);
        if self.superscript {
            x.empty("w:vertAlign", &[("w:val", "superscript")]);
        }
        x.end();
    }
}

/// `w:rFonts` with Times New Roman in every slot.
pub(crate) fn fonts(x: &mut Xml) {
    x.empty(
        "w:rFonts",
        &[
            ("w:ascii", FONT),
            ("w:hAnsi", FONT),
            ("w:eastAsia", FONT),
            ("w:cs", FONT),
        ],
    );
}

/// Paragraph alignment (`w:jc`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Jc {
    Left,
    Center,
    Right,
    Both,
}

impl Jc {
    fn val(self) -> &'static str {
        match self {
            Jc::Left => "left",
            Jc::Center => "center",
            Jc::Right => "right",
            Jc::Both => "both",
        }
    }
}

/// How `Spacing::line` is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LineRule {
    /// In 240ths of a line (240 = single).
    Auto,
    /// In twips, whatever the font size.
    Exact,
}

/// Paragraph spacing, twips.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Spacing {
    pub before: u32,
    pub after: u32,
    pub line: u32,
    pub rule: LineRule,
}

/// Single spacing, nothing before or after.
pub(crate) const SINGLE: Spacing = Spacing {
    before: 0,
    after: 0,
    line: 240,
    rule: LineRule::Auto,
};

/// Paragraph properties; `None`/zero fields are not written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ParaProps {
    pub style: Option<&'static str>,
    pub keep_next: bool,
    pub keep_lines: bool,
    /// No single first or last line of a paragraph alone on a page.
    pub widow_control: bool,
    /// A solid bottom border: the ND30 rules under the agency, the motto and the summary.
    pub bottom_rule: bool,
    pub spacing: Spacing,
    pub ind_left: u32,
    pub ind_right: u32,
    pub first_line: u32,
    pub jc: Option<Jc>,
    /// 0-based outline level, so headings show in Word's navigation pane without styles.
    pub outline_level: Option<u8>,
    /// Formatting of the paragraph mark (sets the height of an empty paragraph).
    pub mark: Option<RunProps>,
}

impl ParaProps {
    pub(crate) const fn new(jc: Jc, spacing: Spacing) -> Self {
        ParaProps {
            style: None,
            keep_next: false,
            keep_lines: false,
            widow_control: false,
            bottom_rule: false,
            spacing,
            ind_left: 0,
            ind_right: 0,
            first_line: 0,
            jc: Some(jc),
            outline_level: None,
            mark: None,
        }
    }

    /// Writes `w:pPr`: pStyle, keepNext, keepLines, widowControl, pBdr, spacing, ind, jc, outlineLvl, rPr —
    /// ECMA order, with the mark's rPr last.
    pub(crate) fn write(&self, x: &mut Xml) {
        self.write_with(x, |_| {});
    }

    /// Like [`write`](Self::write), with `tail` writing what follows the mark's rPr inside
    /// `w:pPr` (the `w:sectPr` that ends a section).
    pub(crate) fn write_with(&self, x: &mut Xml, tail: impl FnOnce(&mut Xml)) {
        x.start("w:pPr", &[]);
        if let Some(style) = self.style {
            x.empty("w:pStyle", &[("w:val", style)]);
        }
        if self.keep_next {
            x.empty("w:keepNext", &[]);
        }
        if self.keep_lines {
            x.empty("w:keepLines", &[]);
        }
        if self.widow_control {
            x.empty("w:widowControl", &[]);
        }
        if self.bottom_rule {
            // pBdr children: top, left, bottom, right, between, bar — only bottom here.
            x.start("w:pBdr", &[]);
            x.empty(
                "w:bottom",
                &[
                    ("w:val", "single"),
                    ("w:sz", "6"),
                    ("w:space", "1"),
                    ("w:color", "000000"),
                ],
            );
            x.end();
        }
        let s = self.spacing;
        let (before, after, line) = (
            s.before.to_string(),
            s.after.to_string(),
            s.line.to_string(),
        );
        let rule = match s.rule {
            LineRule::Auto => "auto",
            LineRule::Exact => "exact",
        };
        x.empty(
            "w:spacing",
            &[
                ("w:before", &before),
                ("w:after", &after),
                ("w:line", &line),
                ("w:lineRule", rule),
            ],
        );
        if self.ind_left > 0 || self.ind_right > 0 || self.first_line > 0 {
            let (left, right, first) = (
                self.ind_left.to_string(),
                self.ind_right.to_string(),
                self.first_line.to_string(),
            );
            let mut attrs = vec![("w:left", left.as_str()), ("w:right", right.as_str())];
            if self.first_line > 0 {
                attrs.push(("w:firstLine", first.as_str()));
            }
            x.empty("w:ind", &attrs);
        }
        if let Some(jc) = self.jc {
            x.empty("w:jc", &[("w:val", jc.val())]);
        }
        if let Some(level) = self.outline_level {
            x.empty("w:outlineLvl", &[("w:val", &level.to_string())]);
        }
        if let Some(mark) = &self.mark {
            mark.write(x);
        }
        tail(x);
        x.end();
    }
}

/// Table properties of the two kinds of table we write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TableProps {
    /// Total width, twips.
    pub width: u32,
    /// Grid lines (data tables) or none (the layout tables of the header and signature).
    pub borders: bool,
    /// Left and right cell margins, twips.
    pub cell_margin: u32,
}

impl TableProps {
    /// Writes `w:tblPr`: tblStyle, tblW, tblInd, tblBorders, tblLayout, tblCellMar, tblLook.
    pub(crate) fn write(&self, x: &mut Xml) {
        x.start("w:tblPr", &[]);
        if self.borders {
            x.empty("w:tblStyle", &[("w:val", "TableGrid")]);
        }
        x.empty(
            "w:tblW",
            &[("w:w", &self.width.to_string()), ("w:type", "dxa")],
        );
        x.empty("w:tblInd", &[("w:w", "0"), ("w:type", "dxa")]);
        table_borders(x, self.borders);
        x.empty("w:tblLayout", &[("w:type", "fixed")]);
        // tblCellMar children: top, left, bottom, right.
        let margin = self.cell_margin.to_string();
        x.start("w:tblCellMar", &[]);
        x.empty("w:top", &[("w:w", "0"), ("w:type", "dxa")]);
        x.empty("w:left", &[("w:w", &margin), ("w:type", "dxa")]);
        x.empty("w:bottom", &[("w:w", "0"), ("w:type", "dxa")]);
        x.empty("w:right", &[("w:w", &margin), ("w:type", "dxa")]);
        x.end();
        x.empty(
            "w:tblLook",
            &[
                ("w:val", "0000"),
                ("w:firstRow", "0"),
                ("w:lastRow", "0"),
                ("w:firstColumn", "0"),
                ("w:lastColumn", "0"),
                ("w:noHBand", "1"),
                ("w:noVBand", "1"),
            ],
        );
        x.end();
    }
}

/// `w:tblBorders` (top, left, bottom, right, insideH, insideV): single 0.5 pt lines or none.
pub(crate) fn table_borders(x: &mut Xml, on: bool) {
    x.start("w:tblBorders", &[]);
    for side in [
        "w:top",
        "w:left",
        "w:bottom",
        "w:right",
        "w:insideH",
        "w:insideV",
    ] {
        if on {
            x.empty(
                side,
                &[
                    ("w:val", "single"),
                    ("w:sz", "4"),
                    ("w:space", "0"),
                    ("w:color", "000000"),
                ],
            );
        } else {
            x.empty(side, &[("w:val", "nil")]);
        }
    }
    x.end();
}

/// Vertical alignment of a cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum VAlign {
    Top,
    Center,
}

/// Writes `w:tcPr`: tcW, vAlign — ECMA order.
pub(crate) fn cell_props(x: &mut Xml, width: u32, valign: VAlign) {
    x.start("w:tcPr", &[]);
    x.empty("w:tcW", &[("w:w", &width.to_string()), ("w:type", "dxa")]);
    let v = match valign {
        VAlign::Top => "top",
        VAlign::Center => "center",
    };
    x.empty("w:vAlign", &[("w:val", v)]);
    x.end();
}

/// How a data-table cell takes part in a vertical merge (`w:vMerge`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum VMerge {
    /// The top cell of a merged block.
    Restart,
    /// A cell under it, merged into it.
    Continue,
}

/// Writes `w:tcPr` of a data-table cell: tcW, gridSpan, vMerge, vAlign — ECMA order.
pub(crate) fn span_cell_props(
    x: &mut Xml,
    width: u32,
    span: usize,
    merge: Option<VMerge>,
    valign: VAlign,
) {
    x.start("w:tcPr", &[]);
    x.empty("w:tcW", &[("w:w", &width.to_string()), ("w:type", "dxa")]);
    if span > 1 {
        x.empty("w:gridSpan", &[("w:val", &span.to_string())]);
    }
    match merge {
        Some(VMerge::Restart) => {
            x.empty("w:vMerge", &[("w:val", "restart")]);
        }
        Some(VMerge::Continue) => {
            x.empty("w:vMerge", &[]);
        }
        None => {}
    }
    let v = match valign {
        VAlign::Top => "top",
        VAlign::Center => "center",
    };
    x.empty("w:vAlign", &[("w:val", v)]);
    x.end();
}

/// Writes `w:trPr`. Its children form an unordered choice in the schema.
pub(crate) fn row_props(x: &mut Xml, cant_split: bool, header: bool) {
    if !cant_split && !header {
        return;
    }
    x.start("w:trPr", &[]);
    if cant_split {
        x.empty("w:cantSplit", &[]);
    }
    if header {
        x.empty("w:tblHeader", &[]);
    }
    x.end();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(xml: &str, container: &str) -> Vec<String> {
        // The element names directly after `<container>` up to its end tag, in order.
        let start = xml
            .find(&format!("<{container}>"))
            .expect("container present");
        let end = xml[start..]
            .find(&format!("</{container}>"))
            .expect("closed")
            + start;
        xml[start + container.len() + 2..end]
            .split('<')
            .filter(|s| s.starts_with("w:"))
            .map(|s| {
                s.split([' ', '/', '>'])
                    .next()
                    .unwrap_or_default()
                    .to_string()
            })
            .collect()
    }

    #[test]
    fn run_props_in_ecma_order() {
        let mut x = Xml::new();
        let mut props = RunProps::sized(24)
            .bold(true)
            .italic(true)
            .style("FootnoteReference");
        props.superscript = true;
        props.write(&mut x);
        let xml = x.finish();
        assert_eq!(
            names(&xml, "w:rPr"),
            [
                "w:rStyle",
                "w:rFonts",
                "w:b",
                "w:bCs",
                "w:i",
                "w:iCs",
                "w:sz",
                "w:szCs",
                "w:vertAlign"
            ]
        );
    }

    #[test]
    fn para_props_put_rpr_last() {
        let mut x = Xml::new();
        let mut props = ParaProps::new(Jc::Center, SINGLE);
        props.style = Some("Normal");
        props.keep_next = true;
        props.widow_control = true;
        props.bottom_rule = true;
        props.ind_left = 100;
        props.outline_level = Some(0);
        props.mark = Some(RunProps::sized(4));
        props.write(&mut x);
        let xml = x.finish();
        let pos = |s: &str| xml.find(s).expect("present");
        let order = [
            "<w:pStyle",
            "<w:keepNext",
            "<w:widowControl",
            "<w:pBdr",
            "<w:spacing",
            "<w:ind",
            "<w:jc",
            "<w:outlineLvl",
            "<w:rPr",
        ];
        for pair in order.windows(2) {
            assert!(
                pos(pair[0]) < pos(pair[1]),
                "{} before {}",
                pair[0],
                pair[1]
            );
        }
    }
}
