//! Charts end to end: the yearly khu dân cư series of the ten-year review and a fixture with
//! large counts and an absent figure. The DOCX chart part's cached values, its per-point
//! labels and the embedded workbook's cells are compared with the fact sheet; the PDF's text
//! labels too; the chart parts pass the ECMA-376 order check; two renders give the same bytes;
//! a malformed hand-written chart block is an error at the template.

use crate::common::run::{stderr, vanban};
use crate::common::{ooxml, poppler, tmp};
use calamine::{Data, Reader, Xlsx};
use ooxml::{C, docx_entry, docx_parts, invalid_xml_chars, misordered_children, part};
use poppler::poppler;
use roxmltree::{Document as Xml, Node};
use serde_json::Value;
use std::io::Cursor;
use std::path::Path;
use tmp::temp_dir;
use vanban::locale;

const TONG_KET: &str = "data/huyen-yen-lac-2015-2024.yaml";
const FIXTURES: &str = "tests/fixtures/charts";

/// Renders `sheet` (DOCX and PDF) into a fresh folder; returns (docx bytes, pdf bytes).
fn render(sheet: &str, templates: Option<&str>, name: &str) -> (Vec<u8>, Vec<u8>) {
    let out = temp_dir(name);
    let files = crate::common::run::render_docx_pdf(sheet, templates, &out);
    let _ = std::fs::remove_dir_all(&out);
    files
}

/// The yearly series `name` of a fact sheet's `data:`, as (year, point) in year order.
fn series(sheet: &str, name: &str) -> Vec<(String, Value)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let loaded = vanban::factsheet::load::load_file(&root.join(sheet)).expect("sheet loads");
    let map = loaded.tree["data"][name]
        .as_object()
        .expect("a series keyed by year")
        .clone();
    let mut points: Vec<(String, Value)> = map.into_iter().collect();
    points.sort_by(|a, b| a.0.cmp(&b.0));
    points
}

fn figure(point: &Value, field: &str) -> Option<f64> {
    point.get(field).and_then(Value::as_f64)
}

fn is_c(node: &Node, name: &str) -> bool {
    node.is_element() && node.tag_name().namespace() == Some(C) && node.tag_name().name() == name
}

fn children<'a, 'i>(node: Node<'a, 'i>, name: &'a str) -> impl Iterator<Item = Node<'a, 'i>> {
    node.children().filter(move |c| is_c(c, name))
}

fn child<'a, 'i>(node: Node<'a, 'i>, name: &'a str) -> Node<'a, 'i> {
    children(node, name)
        .next()
        .unwrap_or_else(|| panic!("no c:{name} in c:{}", node.tag_name().name()))
}

/// What one `c:ser` of a chart part holds.
#[derive(Debug)]
struct SeriesPart {
    name: String,
    /// `c:cat` cache: the categories.
    categories: Vec<String>,
    /// `c:val` cache, by index (`None` = no point: a gap).
    values: Vec<Option<f64>>,
    /// The workbook references of the name and the values.
    name_ref: String,
    values_ref: String,
    /// Per-point label texts (`c:dLbl/c:tx`), by index.
    labels: Vec<Option<String>>,
    /// The series' label number format.
    format_code: String,
}

fn read_series(xml: &str) -> Vec<SeriesPart> {
    let doc = Xml::parse(xml).expect("chart part parses");
    doc.descendants()
        .filter(|n| is_c(n, "ser"))
        .map(|ser| {
            let tx = child(child(ser, "tx"), "strRef");
            let cat = child(child(child(ser, "cat"), "strRef"), "strCache");
            let num_ref = child(child(ser, "val"), "numRef");
            let cache = child(num_ref, "numCache");
            let count: usize = child(cache, "ptCount")
                .attribute("val")
                .and_then(|v| v.parse().ok())
                .expect("ptCount");
            let mut values = vec![None; count];
            for pt in children(cache, "pt") {
                let idx: usize = pt
                    .attribute("idx")
                    .and_then(|v| v.parse().ok())
                    .expect("idx");
                values[idx] = child(pt, "v").text().and_then(|v| v.parse().ok());
            }
            let dlbls = child(ser, "dLbls");
            let mut labels = vec![None; count];
            for d in children(dlbls, "dLbl") {
                let idx: usize = child(d, "idx")
                    .attribute("val")
                    .and_then(|v| v.parse().ok())
                    .expect("dLbl idx");
                let text: String = child(d, "tx")
                    .descendants()
                    .filter(|n| n.tag_name().name() == "t")
                    .filter_map(|n| n.text())
                    .collect();
                labels[idx] = Some(text);
            }
            SeriesPart {
                name: child(child(tx, "strCache"), "pt")
                    .first_element_child()
                    .and_then(|v| v.text())
                    .unwrap_or_default()
                    .to_string(),
                categories: children(cat, "pt")
                    .map(|pt| child(pt, "v").text().unwrap_or_default().to_string())
                    .collect(),
                values,
                name_ref: child(tx, "f").text().unwrap_or_default().to_string(),
                values_ref: child(num_ref, "f").text().unwrap_or_default().to_string(),
                labels,
                format_code: child(dlbls, "numFmt")
                    .attribute("formatCode")
                    .unwrap_or_default()
                    .to_string(),
            }
        })
        .collect()
}

/// Cells of the embedded workbook's first sheet, as rows of text (numbers as Rust prints
/// them, empty cells empty).
fn workbook_rows(docx: &[u8], n: usize) -> Vec<Vec<Data>> {
    let bytes = docx_entry(
        docx,
        &format!("word/embeddings/Microsoft_Excel_Worksheet{n}.xlsx"),
    );
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).expect("the embedded xlsx opens");
    let range = book.worksheet_range("Sheet1").expect("Sheet1");
    range.rows().map(|r| r.to_vec()).collect()
}

/// The workbook cell a `Sheet1!$B$2:$B$11`-style reference starts at: (row, column), 0-based.
fn first_cell(reference: &str) -> (usize, usize) {
    let cell = reference
        .trim_start_matches("Sheet1!")
        .split(':')
        .next()
        .expect("a cell");
    let mut parts = cell.split('$').filter(|p| !p.is_empty());
    let col = parts.next().expect("column").as_bytes()[0] - b'A';
    let row: usize = parts.next().expect("row").parse().expect("row number");
    (row - 1, usize::from(col))
}

/// The chart parts pass the order check and XML-character check, and the package declares
/// and relates every chart and workbook.
fn check_package(docx: &[u8], charts: usize) {
    let parts = docx_parts(docx);
    for (name, xml) in parts.iter().filter(|(n, _)| n.ends_with(".xml")) {
        assert_eq!(misordered_children(xml), Vec::<String>::new(), "{name}");
        assert_eq!(invalid_xml_chars(xml), Vec::<char>::new(), "{name}");
    }
    let types = part(&parts, "[Content_Types].xml");
    assert!(types.contains("Extension=\"xlsx\""), "{types}");
    let document = part(&parts, "word/document.xml");
    let rels = part(&parts, "word/_rels/document.xml.rels");
    for n in 1..=charts {
        assert!(types.contains(&format!(
            "PartName=\"/word/charts/chart{n}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.drawingml.chart+xml\""
        )));
        let rid = format!("rIdChart{n}");
        assert!(
            rels.contains(&format!("Id=\"{rid}\""))
                && rels.contains(&format!("Target=\"charts/chart{n}.xml\"")),
            "{rels}"
        );
        assert!(document.contains(&format!("<c:chart xmlns:c=\"{C}\" r:id=\"{rid}\"/>")));
        let chart_rels = part(&parts, &format!("word/charts/_rels/chart{n}.xml.rels"));
        assert!(chart_rels.contains(&format!(
            "Target=\"../embeddings/Microsoft_Excel_Worksheet{n}.xlsx\""
        )));
        // The workbook entry is there (docx_entry panics otherwise).
        assert!(
            !docx_entry(
                docx,
                &format!("word/embeddings/Microsoft_Excel_Worksheet{n}.xlsx")
            )
            .is_empty()
        );
    }
    assert!(!types.contains(&format!("chart{}.xml", charts + 1)));
}

/// The PDF's text, whitespace folded.
fn pdf_text(pdf: &[u8]) -> String {
    let text = poppler("pdftotext", &["-enc", "UTF-8"], pdf);
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn order_checker_covers_chart_elements() {
    let wrap = |inner: &str| {
        format!(
            "<c:chartSpace xmlns:c=\"{C}\" xmlns:a=\"{}\"><c:chart><c:plotArea>{inner}</c:plotArea></c:chart></c:chartSpace>",
            ooxml::A
        )
    };
    let bar = wrap("<c:barChart><c:ser><c:idx val=\"0\"/><c:val/><c:cat/></c:ser></c:barChart>");
    let problems = misordered_children(&bar);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains("cat after val"), "{problems:?}");
    // A marker is allowed in a line series, not in a bar series.
    let marker = wrap("<c:barChart><c:ser><c:idx val=\"0\"/><c:marker/></c:ser></c:barChart>");
    assert_eq!(misordered_children(&marker).len(), 1);
    let line = wrap(
        "<c:lineChart><c:ser><c:idx val=\"0\"/><c:marker><c:size/><c:symbol/></c:marker></c:ser></c:lineChart>",
    );
    assert_eq!(misordered_children(&line).len(), 1, "symbol after size");
    let labels = wrap(
        "<c:barChart><c:ser><c:dLbls><c:showVal val=\"1\"/><c:numFmt/></c:dLbls></c:ser></c:barChart>",
    );
    assert_eq!(misordered_children(&labels).len(), 1);
    let text = wrap(
        "<c:valAx><c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr><a:latin/><a:solidFill/></a:defRPr></a:pPr></a:p></c:txPr></c:valAx>",
    );
    assert_eq!(misordered_children(&text).len(), 1, "solidFill after latin");
}

#[test]
fn tong_ket_chart_holds_the_fact_sheet_series_in_docx_workbook_and_pdf() {
    let (docx, pdf) = render(TONG_KET, None, "chart-tong-ket");
    check_package(&docx, 1);
    let parts = docx_parts(&docx);
    let chart = read_series(part(&parts, "word/charts/chart1.xml"));
    let areas = series(TONG_KET, "areas");
    let years: Vec<String> = areas.iter().map(|(y, _)| y.clone()).collect();
    let recognised: Vec<Option<f64>> = areas.iter().map(|(_, p)| figure(p, "recognised")).collect();
    let rates: Vec<Option<f64>> = areas
        .iter()
        .map(|(_, p)| Some(figure(p, "recognised")? * 100.0 / figure(p, "total")?))
        .collect();
    assert_eq!(chart.len(), 2, "bars of recognised areas and the rate line");
    let (bars, line) = (&chart[0], &chart[1]);
    assert_eq!(bars.name, "Khu dân cư được công nhận");
    assert_eq!(bars.categories, years);
    assert_eq!(bars.values, recognised);
    assert_eq!(line.categories, years);
    for (got, want) in line.values.iter().zip(&rates) {
        let (got, want) = (got.expect("a rate"), want.expect("a rate"));
        assert!((got - want).abs() < 1e-9, "{got} vs {want}");
    }
    // Each rate's label is its Vietnamese text; counts print through the literal-dot format.
    let want_labels: Vec<Option<String>> = rates
        .iter()
        .map(|r| r.map(|r| locale::percent(r, 1)))
        .collect();
    assert_eq!(line.labels, want_labels);
    assert!(
        line.labels.contains(&Some("47,8%".to_string())),
        "{:?}",
        line.labels
    );
    assert!(
        bars.format_code.contains("#\".\"##0"),
        "{}",
        bars.format_code
    );

    // The embedded workbook holds the same figures as real numbers where the chart points.
    let rows = workbook_rows(&docx, 1);
    for s in &chart {
        let (r, c) = first_cell(&s.name_ref);
        assert_eq!(rows[r][c], Data::String(s.name.clone()));
        let (r0, c) = first_cell(&s.values_ref);
        for (i, v) in s.values.iter().enumerate() {
            assert_eq!(rows[r0 + i][0], Data::String(years[i].clone()));
            match v {
                Some(v) => assert_eq!(rows[r0 + i][c], Data::Float(*v), "{} row {i}", s.name),
                None => assert_eq!(rows[r0 + i][c], Data::Empty),
            }
        }
    }

    // The PDF draws the same labels: every year, count and rate, and the title.
    let text = pdf_text(&pdf);
    assert!(
        text.contains("Khu dân cư được công nhận đạt tiêu chuẩn"),
        "{text}"
    );
    for (i, year) in years.iter().enumerate() {
        let count = locale::thousands(recognised[i].expect("figure") as i64);
        let rate = want_labels[i].as_deref().expect("rate");
        assert!(
            text.contains(year) && text.contains(&count) && text.contains(rate),
            "{year} {count} {rate}"
        );
    }
    // The PDF label sequence: the bars' counts in year order, as in the DOCX.
    let counts: Vec<String> = recognised
        .iter()
        .map(|v| locale::thousands(v.expect("figure") as i64))
        .collect();
    assert!(
        text.contains(&counts.join(" ")),
        "bar labels in order: {text}"
    );
}

#[test]
fn an_absent_figure_is_a_gap_everywhere_and_big_counts_keep_their_dots() {
    let templates = format!("{FIXTURES}/templates");
    let sheet = format!("{FIXTURES}/bieu-do.yaml");
    let (docx, pdf) = render(&sheet, Some(&templates), "chart-gap");
    check_package(&docx, 2);
    let parts = docx_parts(&docx);
    let people = series(&sheet, "people");
    let attended: Vec<Option<f64>> = people.iter().map(|(_, p)| figure(p, "attended")).collect();
    assert!(attended.contains(&None), "the fixture has an absent figure");

    let bars = read_series(part(&parts, "word/charts/chart1.xml"));
    let tham_du = bars.iter().find(|s| s.name == "Tham dự").expect("series");
    assert_eq!(
        tham_du.values, attended,
        "the absent figure has no cached point"
    );
    let rate = bars
        .iter()
        .find(|s| s.name == "Tỷ lệ tham dự")
        .expect("rate");
    let gap = attended.iter().position(Option::is_none).expect("gap");
    assert_eq!(rate.values[gap], None);
    assert_eq!(rate.labels[gap], None);
    assert!(part(&parts, "word/charts/chart1.xml").contains("<c:dispBlanksAs val=\"gap\"/>"));
    let line = read_series(part(&parts, "word/charts/chart2.xml"));
    assert_eq!(line[0].values, attended);
    assert!(part(&parts, "word/charts/chart2.xml").contains("<c:lineChart>"));

    let rows = workbook_rows(&docx, 1);
    let (r0, c) = first_cell(&tham_du.values_ref);
    assert_eq!(rows[r0 + gap][c], Data::Empty, "an empty cell, never 0");

    let text = pdf_text(&pdf);
    for v in attended.iter().flatten() {
        let label = locale::thousands(*v as i64);
        assert!(label.contains('.') || *v < 1000.0);
        assert!(text.contains(&label), "{label} in {text}");
    }
    assert!(!text.contains(" 0 0 "), "no zero printed for the gap");
}

#[test]
fn same_input_same_bytes_with_charts() {
    let (docx_a, pdf_a) = render(TONG_KET, None, "chart-bytes-a");
    let (docx_b, pdf_b) = render(TONG_KET, None, "chart-bytes-b");
    assert!(docx_a == docx_b, "DOCX differs between runs");
    assert!(pdf_a == pdf_b, "PDF differs between runs");
    // The embedded workbook's own properties carry the document's date, not the clock.
    let xlsx = docx_entry(&docx_a, "word/embeddings/Microsoft_Excel_Worksheet1.xlsx");
    let mut archive = zip::ZipArchive::new(Cursor::new(xlsx)).expect("xlsx is a zip");
    let mut core = String::new();
    std::io::Read::read_to_string(
        &mut archive.by_name("docProps/core.xml").expect("core.xml"),
        &mut core,
    )
    .expect("utf-8");
    assert!(core.contains("2024-12-10T00:00:00Z"), "{core}");
}

#[test]
fn a_malformed_chart_block_is_an_error_at_the_template() {
    let o = vanban(&[
        "check",
        &format!("{FIXTURES}/bieu-do-tay.yaml"),
        "--templates",
        &format!("{FIXTURES}/templates"),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("bieu-do-tay.md.tera"), "{err}");
    assert!(err.contains("chart") && err.contains("pie"), "{err}");
    assert!(err.contains("help:"), "{err}");
}
