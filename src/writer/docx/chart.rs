//! A native Word chart: `word/charts/chartN.xml` (DrawingML chart, every container in
//! ECMA-376 child order), its relationship to the embedded workbook
//! `word/embeddings/Microsoft_Excel_WorksheetN.xlsx` (so Word's "Edit data" works) and the
//! inline drawing in document.xml. The size, plot area, axis scaling, gap width and colours
//! come from `writer::layout::chart`, which the PDF writer draws from too.
//!
//! Labels print the Vietnamese way whatever the reader's locale: counts through a number
//! format of literal dots (`#"."##0`, which Word and LibreOffice print as written, unlike
//! `#,##0`, whose separator is the reader's); percentages with a decimal comma cannot be
//! written as a format code, so each point's label is its text (`70,9%`), made in Rust. The
//! cached values and the workbook cells stay real numbers.

use super::props::{Jc, ParaProps, RunProps, SINGLE, Spacing};
use super::runs::BODY_SIZE;
use super::xml::Xml;
use crate::document::chart::{Chart, ChartKind, Series, ValueFormat};
use crate::writer::layout::chart::{ChartLayout, LABEL_SIZE, TITLE_SIZE, emu};

const NS_C: &str = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const NS_A: &str = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_WP: &str = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
const FONT: &str = "Times New Roman";
/// The embedded workbook's sheet the chart's references point into.
pub(crate) const SHEET: &str = "Sheet1";

/// Counts with literal thousands dots (up to 999.999.999), independent of the locale.
pub(crate) const COUNT_FORMAT: &str = "[>=1000000]#\".\"###\".\"##0;[>=1000]#\".\"##0;0";
/// Whole percentages on the rate axis (the values are already in percent).
pub(crate) const PERCENT_AXIS_FORMAT: &str = r#"0"%""#;
/// Fallback for a rate point added in Word (the given points carry their own text).
const PERCENT_FORMAT: &str = r#"0.0"%""#;

/// Axis ids: primary category/value axes, secondary ones.
const AX_CAT: &str = "500100";
const AX_VAL: &str = "500200";
const AX_CAT2: &str = "500300";
const AX_VAL2: &str = "500400";

/// Relationship id of chart `n` in document.xml.rels.
pub(crate) fn relationship_id(n: usize) -> String {
    format!("rIdChart{n}")
}

pub(crate) fn part_name(n: usize) -> String {
    format!("word/charts/chart{n}.xml")
}

pub(crate) fn rels_name(n: usize) -> String {
    format!("word/charts/_rels/chart{n}.xml.rels")
}

pub(crate) fn workbook_name(n: usize) -> String {
    format!("word/embeddings/Microsoft_Excel_Worksheet{n}.xlsx")
}

/// `word/charts/_rels/chartN.xml.rels`: the embedded workbook.
pub(crate) fn rels(n: usize) -> String {
    let mut x = Xml::new();
    x.start(
        "Relationships",
        &[(
            "xmlns",
            "http://schemas.openxmlformats.org/package/2006/relationships",
        )],
    );
    let target = format!("../embeddings/Microsoft_Excel_Worksheet{n}.xlsx");
    x.empty(
        "Relationship",
        &[
            ("Id", "rId1"),
            ("Type", &format!("{NS_R}/package")),
            ("Target", &target),
        ],
    );
    x.end();
    x.finish()
}

/// Spreadsheet column letter of column `i` (0 = A); charts have at most a few columns.
fn column(i: usize) -> String {
    let letters = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    letters
        .get(i)
        .map(|&b| char::from(b).to_string())
        .unwrap_or_else(|| "Z".into())
}

/// `w:drawing` with the chart inline, in the current run.
pub(crate) fn inline(x: &mut Xml, layout: &ChartLayout, n: usize, name: &str) {
    let (cx, cy) = layout.extent_emu();
    let (cx, cy) = (cx.to_string(), cy.to_string());
    let id = n.to_string();
    let rid = relationship_id(n);
    x.start("w:drawing", &[]);
    x.start(
        "wp:inline",
        &[
            ("xmlns:wp", NS_WP),
            ("distT", "0"),
            ("distB", "0"),
            ("distL", "0"),
            ("distR", "0"),
        ],
    );
    x.empty("wp:extent", &[("cx", &cx), ("cy", &cy)]);
    x.empty(
        "wp:effectExtent",
        &[("l", "0"), ("t", "0"), ("r", "0"), ("b", "0")],
    );
    x.empty("wp:docPr", &[("id", &id), ("name", name)]);
    x.empty("wp:cNvGraphicFramePr", &[]);
    x.start("a:graphic", &[("xmlns:a", NS_A)]);
    x.start("a:graphicData", &[("uri", NS_C)]);
    x.empty("c:chart", &[("xmlns:c", NS_C), ("r:id", &rid)]);
    x.end().end().end().end();
}

/// Writes `<name val="…"/>`.
fn val(x: &mut Xml, name: &str, value: &str) {
    x.empty(name, &[("val", value)]);
}

/// `a:solidFill` of one RGB colour.
fn fill(x: &mut Xml, rgb: &str) {
    x.start("a:solidFill", &[]);
    x.empty("a:srgbClr", &[("val", rgb)]);
    x.end();
}

/// `a:ln` of a width (EMU) and colour; `None` is no line.
fn outline(x: &mut Xml, width: Option<(i64, &str)>) {
    match width {
        Some((w, rgb)) => {
            x.start("a:ln", &[("w", &w.to_string())]);
            fill(x, rgb);
            x.end();
        }
        None => {
            x.start("a:ln", &[]);
            x.empty("a:noFill", &[]);
            x.end();
        }
    }
}

/// `c:spPr` with neither fill nor line.
fn invisible(x: &mut Xml) {
    x.start("c:spPr", &[]);
    x.empty("a:noFill", &[]);
    outline(x, None);
    x.end();
}

/// Font size in hundredths of a point (DrawingML `sz`).
fn size(pt: f64) -> String {
    ((pt * 100.0).round() as i64).to_string()
}

/// A run's default properties: size, weight, colour and the document font.
fn def_rpr(x: &mut Xml, name: &'static str, pt: f64, bold: bool) {
    let sz = size(pt);
    let mut attrs = vec![("sz", sz.as_str()), ("b", if bold { "1" } else { "0" })];
    if name == "a:rPr" {
        attrs.insert(0, ("lang", "vi-VN"));
    }
    x.start(name, &attrs);
    fill(x, "262626");
    x.empty("a:latin", &[("typeface", FONT)]);
    x.empty("a:cs", &[("typeface", FONT)]);
    x.end();
}

/// `c:txPr`: text properties of labels (`rotate` for a vertical axis title's body).
fn text_props(x: &mut Xml, pt: f64, bold: bool) {
    x.start("c:txPr", &[]);
    x.empty("a:bodyPr", &[]);
    x.empty("a:lstStyle", &[]);
    x.start("a:p", &[]);
    x.start("a:pPr", &[]);
    def_rpr(x, "a:defRPr", pt, bold);
    x.end();
    x.empty("a:endParaRPr", &[("lang", "vi-VN")]);
    x.end();
    x.end();
}

/// `c:tx/c:rich` with one paragraph of `text`.
fn rich(x: &mut Xml, text: &str, pt: f64, bold: bool, vertical: bool) {
    x.start("c:tx", &[]);
    x.start("c:rich", &[]);
    if vertical {
        x.empty("a:bodyPr", &[("rot", "-5400000"), ("vert", "horz")]);
    } else {
        x.empty("a:bodyPr", &[]);
    }
    x.empty("a:lstStyle", &[]);
    x.start("a:p", &[]);
    x.start("a:pPr", &[]);
    def_rpr(x, "a:defRPr", pt, bold);
    x.end();
    x.start("a:r", &[]);
    def_rpr(x, "a:rPr", pt, bold);
    x.leaf("a:t", &[], text);
    x.end();
    x.end();
    x.end();
    x.end();
}

/// `c:title`: CT_Title order tx, layout, overlay.
fn title(x: &mut Xml, text: &str, pt: f64, bold: bool, vertical: bool) {
    x.start("c:title", &[]);
    rich(x, text, pt, bold, vertical);
    val(x, "c:overlay", "0");
    x.end();
}

/// `c:tx` of a series: its name from row 1 of its column, with the cached text.
fn series_name(x: &mut Xml, col: &str, name: &str) {
    x.start("c:tx", &[]);
    x.start("c:strRef", &[]);
    x.leaf("c:f", &[], &format!("{SHEET}!${col}$1"));
    x.start("c:strCache", &[]);
    val(x, "c:ptCount", "1");
    x.start("c:pt", &[("idx", "0")]);
    x.leaf("c:v", &[], name);
    x.end();
    x.end().end().end();
}

/// `c:cat` and `c:val`: references into the workbook with their caches (absent points are
/// left out of the cache, which Word draws as gaps).
fn cat_and_val(x: &mut Xml, chart: &Chart, col: &str, series: &Series) {
    let last = chart.categories.len() + 1;
    x.start("c:cat", &[]);
    x.start("c:strRef", &[]);
    x.leaf("c:f", &[], &format!("{SHEET}!$A$2:$A${last}"));
    x.start("c:strCache", &[]);
    val(x, "c:ptCount", &chart.categories.len().to_string());
    for (i, c) in chart.categories.iter().enumerate() {
        x.start("c:pt", &[("idx", &i.to_string())]);
        x.leaf("c:v", &[], c);
        x.end();
    }
    x.end().end().end();
    x.start("c:val", &[]);
    x.start("c:numRef", &[]);
    x.leaf("c:f", &[], &format!("{SHEET}!${col}$2:${col}${last}"));
    x.start("c:numCache", &[]);
    x.leaf("c:formatCode", &[], "General");
    val(x, "c:ptCount", &series.values.len().to_string());
    for (i, v) in series.values.iter().enumerate() {
        if let Some(v) = v {
            x.start("c:pt", &[("idx", &i.to_string())]);
            x.leaf("c:v", &[], &v.to_string());
            x.end();
        }
    }
    x.end().end().end();
}

/// The show flags closing a `c:dLbl`/`c:dLbls` group: the value only.
fn show_value_only(x: &mut Xml) {
    val(x, "c:showLegendKey", "0");
    val(x, "c:showVal", "1");
    val(x, "c:showCatName", "0");
    val(x, "c:showSerName", "0");
    val(x, "c:showPercent", "0");
    val(x, "c:showBubbleSize", "0");
}

/// `c:dLbls` of a series: per-point text labels when `texts` is given (percentages), then
/// the series' format, above the bar (`outEnd`) or the point (`t`).
fn data_labels(x: &mut Xml, format_code: &str, position: &str, texts: Option<&[Option<String>]>) {
    x.start("c:dLbls", &[]);
    for (i, text) in texts.unwrap_or_default().iter().enumerate() {
        let Some(text) = text else { continue };
        x.start("c:dLbl", &[]);
        val(x, "c:idx", &i.to_string());
        rich(x, text, LABEL_SIZE, false, false);
        invisible(x);
        val(x, "c:dLblPos", position);
        show_value_only(x);
        x.end();
    }
    x.empty(
        "c:numFmt",
        &[("formatCode", format_code), ("sourceLinked", "0")],
    );
    invisible(x);
    text_props(x, LABEL_SIZE, false);
    val(x, "c:dLblPos", position);
    show_value_only(x);
    x.end();
}

fn format_code(format: ValueFormat) -> &'static str {
    match format {
        ValueFormat::Count => COUNT_FORMAT,
        ValueFormat::Percent => PERCENT_FORMAT,
    }
}

/// The label texts of a percent series, or of one with an estimate (`khoảng 160`): its
/// points' own text; other counts use the format code.
fn label_texts(
    layout: &ChartLayout,
    series: usize,
    format: ValueFormat,
    estimated: bool,
) -> Option<Vec<Option<String>>> {
    if format != ValueFormat::Percent && !estimated {
        return None;
    }
    if let Some(line) = layout.lines.iter().find(|l| l.series == series) {
        return Some(
            line.points
                .iter()
                .map(|p| p.as_ref().map(|p| p.label.clone()))
                .collect(),
        );
    }
    let mut texts = vec![None; layout.categories.len()];
    for bar in layout.bars.iter().filter(|b| b.series == series) {
        if let Some(t) = texts.get_mut(bar.category) {
            *t = Some(bar.label.clone());
        }
    }
    Some(texts)
}

/// Opens series `i`'s `c:ser` with what both kinds begin with (idx, order, tx); returns its
/// workbook column and its colour.
fn start_series(
    x: &mut Xml,
    layout: &ChartLayout,
    i: usize,
    series: &Series,
) -> (String, &'static str) {
    let col = column(i + 1);
    x.start("c:ser", &[]);
    val(x, "c:idx", &i.to_string());
    val(x, "c:order", &i.to_string());
    series_name(x, &col, &series.name);
    (col, layout.colours.get(i).copied().unwrap_or("000000"))
}

/// One `c:ser` of a bar chart: CT_BarSer order idx, order, tx, spPr, invertIfNegative,
/// dLbls, cat, val.
fn bar_series(x: &mut Xml, chart: &Chart, layout: &ChartLayout, i: usize, series: &Series) {
    let (col, colour) = start_series(x, layout, i, series);
    x.start("c:spPr", &[]);
    fill(x, colour);
    outline(x, None);
    x.end();
    val(x, "c:invertIfNegative", "0");
    let texts = label_texts(
        layout,
        i,
        chart.format,
        series.approx.iter().any(Option::is_some),
    );
    data_labels(x, format_code(chart.format), "outEnd", texts.as_deref());
    cat_and_val(x, chart, &col, series);
    x.end();
}

/// One `c:ser` of a line chart: CT_LineSer order idx, order, tx, spPr, marker, dLbls, cat,
/// val, smooth.
fn line_series(
    x: &mut Xml,
    chart: &Chart,
    layout: &ChartLayout,
    i: usize,
    series: &Series,
    format: ValueFormat,
) {
    let (col, colour) = start_series(x, layout, i, series);
    x.start("c:spPr", &[]);
    outline(x, Some((emu(2.0), colour)));
    x.end();
    x.start("c:marker", &[]);
    val(x, "c:symbol", "circle");
    val(x, "c:size", "5");
    x.start("c:spPr", &[]);
    fill(x, colour);
    outline(x, Some((emu(0.75), colour)));
    x.end();
    x.end();
    let texts = label_texts(layout, i, format, series.approx.iter().any(Option::is_some));
    data_labels(x, format_code(format), "t", texts.as_deref());
    cat_and_val(x, chart, &col, series);
    val(x, "c:smooth", "0");
    x.end();
}

/// A category axis (CT_CatAx order).
fn category_axis(x: &mut Xml, id: &str, cross: &str, deleted: bool, axis_title: &str) {
    x.start("c:catAx", &[]);
    val(x, "c:axId", id);
    x.start("c:scaling", &[]);
    val(x, "c:orientation", "minMax");
    x.end();
    val(x, "c:delete", if deleted { "1" } else { "0" });
    val(x, "c:axPos", "b");
    if !deleted && !axis_title.is_empty() {
        title(x, axis_title, LABEL_SIZE, false, false);
    }
    x.empty(
        "c:numFmt",
        &[("formatCode", "General"), ("sourceLinked", "1")],
    );
    val(x, "c:majorTickMark", "none");
    val(x, "c:minorTickMark", "none");
    val(x, "c:tickLblPos", "nextTo");
    x.start("c:spPr", &[]);
    outline(x, Some((emu(0.75), "595959")));
    x.end();
    text_props(x, LABEL_SIZE, false);
    val(x, "c:crossAx", cross);
    val(x, "c:crosses", "autoZero");
    val(x, "c:auto", "1");
    val(x, "c:lblAlgn", "ctr");
    val(x, "c:lblOffset", "100");
    val(x, "c:noMultiLvlLbl", "0");
    x.end();
}

/// A value axis (CT_ValAx order) scaled as the layout decided, left or right.
fn value_axis(
    x: &mut Xml,
    id: &str,
    cross: &str,
    axis: &crate::writer::layout::chart::ValueAxis,
    right: bool,
) {
    x.start("c:valAx", &[]);
    val(x, "c:axId", id);
    x.start("c:scaling", &[]);
    val(x, "c:orientation", "minMax");
    val(x, "c:max", &axis.max.to_string());
    val(x, "c:min", "0");
    x.end();
    val(x, "c:delete", "0");
    val(x, "c:axPos", if right { "r" } else { "l" });
    if !right {
        x.start("c:majorGridlines", &[]);
        x.start("c:spPr", &[]);
        outline(x, Some((emu(0.5), "D9D9D9")));
        x.end();
        x.end();
    }
    if !axis.title.is_empty() {
        title(x, &axis.title, LABEL_SIZE, false, true);
    }
    let code = match axis.format {
        ValueFormat::Count => COUNT_FORMAT,
        ValueFormat::Percent => PERCENT_AXIS_FORMAT,
    };
    x.empty("c:numFmt", &[("formatCode", code), ("sourceLinked", "0")]);
    val(x, "c:majorTickMark", "none");
    val(x, "c:minorTickMark", "none");
    val(x, "c:tickLblPos", "nextTo");
    x.start("c:spPr", &[]);
    outline(x, None);
    x.end();
    text_props(x, LABEL_SIZE, false);
    val(x, "c:crossAx", cross);
    val(x, "c:crosses", if right { "max" } else { "autoZero" });
    val(x, "c:crossBetween", "between");
    val(x, "c:majorUnit", &axis.step.to_string());
    x.end();
}

/// `word/charts/chartN.xml`.
pub(crate) fn part(chart: &Chart, layout: &ChartLayout) -> String {
    let mut x = Xml::new();
    x.start(
        "c:chartSpace",
        &[("xmlns:c", NS_C), ("xmlns:a", NS_A), ("xmlns:r", NS_R)],
    );
    val(&mut x, "c:date1904", "0");
    val(&mut x, "c:lang", "vi-VN");
    val(&mut x, "c:roundedCorners", "0");
    x.start("c:chart", &[]);
    if layout.title.is_empty() {
        val(&mut x, "c:autoTitleDeleted", "1");
    } else {
        title(&mut x, &layout.title, TITLE_SIZE, true, false);
        val(&mut x, "c:autoTitleDeleted", "0");
    }
    x.start("c:plotArea", &[]);
    x.start("c:layout", &[]);
    x.start("c:manualLayout", &[]);
    val(&mut x, "c:layoutTarget", "inner");
    val(&mut x, "c:xMode", "edge");
    val(&mut x, "c:yMode", "edge");
    let [px, py, pw, ph] = layout.plot_fractions();
    for (name, v) in [("c:x", px), ("c:y", py), ("c:w", pw), ("c:h", ph)] {
        val(&mut x, name, &format!("{v:.4}"));
    }
    x.end().end();

    match chart.kind {
        ChartKind::Bar => {
            x.start("c:barChart", &[]);
            val(&mut x, "c:barDir", "col");
            val(&mut x, "c:grouping", "clustered");
            val(&mut x, "c:varyColors", "0");
            for (i, s) in chart.series.iter().enumerate() {
                bar_series(&mut x, chart, layout, i, s);
            }
            val(
                &mut x,
                "c:gapWidth",
                &crate::writer::layout::chart::GAP_WIDTH.to_string(),
            );
            val(&mut x, "c:overlap", "0");
        }
        ChartKind::Line => {
            x.start("c:lineChart", &[]);
            val(&mut x, "c:grouping", "standard");
            val(&mut x, "c:varyColors", "0");
            for (i, s) in chart.series.iter().enumerate() {
                line_series(&mut x, chart, layout, i, s, chart.format);
            }
            val(&mut x, "c:marker", "1");
        }
    }
    val(&mut x, "c:axId", AX_CAT);
    val(&mut x, "c:axId", AX_VAL);
    x.end();
    if let Some(line) = &chart.line {
        x.start("c:lineChart", &[]);
        val(&mut x, "c:grouping", "standard");
        val(&mut x, "c:varyColors", "0");
        line_series(
            &mut x,
            chart,
            layout,
            chart.series.len(),
            &line.series,
            line.format,
        );
        val(&mut x, "c:marker", "1");
        val(&mut x, "c:axId", AX_CAT2);
        val(&mut x, "c:axId", AX_VAL2);
        x.end();
    }
    category_axis(&mut x, AX_CAT, AX_VAL, false, &layout.category_title);
    value_axis(&mut x, AX_VAL, AX_CAT, &layout.primary, false);
    if let Some(axis) = &layout.secondary {
        category_axis(&mut x, AX_CAT2, AX_VAL2, true, "");
        value_axis(&mut x, AX_VAL2, AX_CAT2, axis, true);
    }
    invisible(&mut x);
    x.end(); // plotArea

    x.start("c:legend", &[]);
    val(&mut x, "c:legendPos", "b");
    val(&mut x, "c:overlay", "0");
    text_props(&mut x, LABEL_SIZE, false);
    x.end();
    val(&mut x, "c:plotVisOnly", "1");
    // An absent figure is a gap in the line, never a zero.
    val(&mut x, "c:dispBlanksAs", "gap");
    x.end(); // chart

    invisible(&mut x);
    text_props(&mut x, LABEL_SIZE, false);
    x.start("c:externalData", &[("r:id", "rId1")]);
    val(&mut x, "c:autoUpdate", "0");
    x.end();
    x.end();
    x.finish()
}

/// A centred paragraph holding chart `n` inline, kept with the paragraph that follows.
pub(super) fn chart_paragraph(x: &mut Xml, chart: &Chart, n: usize) {
    let layout = crate::writer::layout::chart::chart_layout(chart);
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
    inline(x, &layout, n, &format!("Biểu đồ {n}"));
    x.end();
    x.end();
}
