//! Reusable DOCX checks for integration tests: unzip the parts, find property containers
//! whose children break the ECMA-376 order Word enforces (see `spec/ooxml-word-safety.md`),
//! find characters XML forbids, and get the plain text of a part.
//!
//! Include it with `#[path = "common/ooxml.rs"] mod ooxml;` (or from a `tests/common/mod.rs`
//! with `pub mod ooxml;`).
#![allow(dead_code)] // each test crate uses a different subset

use std::io::{Cursor, Read};

/// The WordprocessingML namespace.
pub const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// `w:rPr` children in schema order.
#[rustfmt::skip] // a table: one schema sequence
pub const RPR_ORDER: &[&str] = &[
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike",
    "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden",
    "color", "spacing", "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr",
    "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish",
    "oMath",
];

/// `w:pPr` children in schema order; `rPr` and `sectPr` come last.
#[rustfmt::skip] // a table: one schema sequence
pub const PPR_ORDER: &[&str] = &[
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
    "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
    "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
    "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
    "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle",
    "rPr", "sectPr",
];

/// `w:sectPr` children in schema order. Header and footer references share one rank: they
/// may interleave.
#[rustfmt::skip] // a table: one schema sequence
pub const SECTPR_ORDER: &[&str] = &[
    "headerReference|footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar",
    "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign", "noEndnote",
    "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid",
];

/// `w:tblPr` children in schema order.
#[rustfmt::skip] // a table: one schema sequence
pub const TBLPR_ORDER: &[&str] = &[
    "tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize",
    "tblStyleColBandSize", "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd",
    "tblLayout", "tblCellMar", "tblLook",
];

/// `w:tcPr` children in schema order.
#[rustfmt::skip] // a table: one schema sequence
pub const TCPR_ORDER: &[&str] = &[
    "cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar",
    "textDirection", "tcFitText", "vAlign", "hideMark",
];

/// `w:pBdr` children in schema order.
pub const PBDR_ORDER: &[&str] = &["top", "left", "bottom", "right", "between", "bar"];

/// The DrawingML chart namespace (`word/charts/chartN.xml`).
pub const C: &str = "http://schemas.openxmlformats.org/drawingml/2006/chart";
/// The DrawingML main namespace (text and shape properties inside charts).
pub const A: &str = "http://schemas.openxmlformats.org/drawingml/2006/main";

/// Chart containers (`c:`) and their children in schema order. A series (`ser`) is keyed by
/// its chart type, whose series types differ (`barChart>ser`, `lineChart>ser`).
#[rustfmt::skip] // tables: one schema sequence each
pub const CHART_ORDERS: &[(&str, &[&str])] = &[
    ("chartSpace", &["date1904", "lang", "roundedCorners", "AlternateContent", "style",
        "clrMapOvr", "pivotSource", "protection", "chart", "spPr", "txPr", "externalData",
        "printSettings", "userShapes", "extLst"]),
    ("chart", &["title", "autoTitleDeleted", "pivotFmts", "view3D", "floor", "sideWall",
        "backWall", "plotArea", "legend", "plotVisOnly", "dispBlanksAs", "showDLblsOverMax",
        "extLst"]),
    ("plotArea", &["layout", "areaChart|area3DChart|lineChart|line3DChart|stockChart|radarChart|scatterChart|pieChart|pie3DChart|doughnutChart|barChart|bar3DChart|ofPieChart|surfaceChart|surface3DChart|bubbleChart",
        "valAx|catAx|dateAx|serAx", "dTable", "spPr", "extLst"]),
    ("barChart", &["barDir", "grouping", "varyColors", "ser", "dLbls", "gapWidth", "overlap",
        "serLines", "axId", "extLst"]),
    ("lineChart", &["grouping", "varyColors", "ser", "dLbls", "dropLines", "hiLowLines",
        "upDownBars", "marker", "smooth", "axId", "extLst"]),
    ("barChart>ser", &["idx", "order", "tx", "spPr", "invertIfNegative", "pictureOptions",
        "dPt", "dLbls", "trendline", "errBars", "cat", "val", "shape", "extLst"]),
    ("lineChart>ser", &["idx", "order", "tx", "spPr", "marker", "dPt", "dLbls", "trendline",
        "errBars", "cat", "val", "smooth", "extLst"]),
    ("dLbls", &["dLbl", "delete", "numFmt", "spPr", "txPr", "dLblPos", "showLegendKey",
        "showVal", "showCatName", "showSerName", "showPercent", "showBubbleSize", "separator",
        "showLeaderLines", "leaderLines", "extLst"]),
    ("dLbl", &["idx", "delete", "layout", "tx", "numFmt", "spPr", "txPr", "dLblPos",
        "showLegendKey", "showVal", "showCatName", "showSerName", "showPercent",
        "showBubbleSize", "separator", "extLst"]),
    ("catAx", &["axId", "scaling", "delete", "axPos", "majorGridlines", "minorGridlines",
        "title", "numFmt", "majorTickMark", "minorTickMark", "tickLblPos", "spPr", "txPr",
        "crossAx", "crosses|crossesAt", "auto", "lblAlgn", "lblOffset", "tickLblSkip",
        "tickMarkSkip", "noMultiLvlLbl", "extLst"]),
    ("valAx", &["axId", "scaling", "delete", "axPos", "majorGridlines", "minorGridlines",
        "title", "numFmt", "majorTickMark", "minorTickMark", "tickLblPos", "spPr", "txPr",
        "crossAx", "crosses|crossesAt", "crossBetween", "majorUnit", "minorUnit", "dispUnits",
        "extLst"]),
    ("scaling", &["logBase", "orientation", "max", "min", "extLst"]),
    ("title", &["tx", "layout", "overlay", "spPr", "txPr", "extLst"]),
    ("legend", &["legendPos", "legendEntry", "layout", "overlay", "spPr", "txPr", "extLst"]),
    ("manualLayout", &["layoutTarget", "xMode", "yMode", "wMode", "hMode", "x", "y", "w", "h",
        "extLst"]),
    ("strRef", &["f", "strCache", "extLst"]),
    ("numRef", &["f", "numCache", "extLst"]),
    ("strCache", &["ptCount", "pt", "extLst"]),
    ("numCache", &["formatCode", "ptCount", "pt", "extLst"]),
    ("ser>marker", &["symbol", "size", "spPr", "extLst"]),
    ("spPr", &["xfrm", "noFill|solidFill|gradFill|blipFill|pattFill|grpFill", "ln",
        "effectLst|effectDag", "scene3d", "sp3d", "extLst"]),
    ("externalData", &["autoUpdate"]),
];

/// DrawingML text and line containers (`a:`) inside charts, children in schema order.
#[rustfmt::skip] // tables: one schema sequence each
pub const DRAWING_ORDERS: &[(&str, &[&str])] = &[
    ("rPr", A_RPR_ORDER),
    ("defRPr", A_RPR_ORDER),
    ("endParaRPr", A_RPR_ORDER),
    ("p", &["pPr", "r|br|fld", "endParaRPr"]),
    ("r", &["rPr", "t"]),
    ("ln", &["noFill|solidFill|gradFill|pattFill", "prstDash|custDash", "round|bevel|miter",
        "headEnd", "tailEnd", "extLst"]),
    ("rich", &["bodyPr", "lstStyle", "p"]),
    ("txPr", &["bodyPr", "lstStyle", "p"]),
];

/// CT_TextCharacterProperties children in schema order.
#[rustfmt::skip] // a table: one schema sequence
pub const A_RPR_ORDER: &[&str] = &[
    "ln", "noFill|solidFill|gradFill|blipFill|pattFill|grpFill", "effectLst|effectDag",
    "highlight", "uLnTx|uLn", "uFillTx|uFill", "latin", "ea", "cs", "sym", "hlinkClick",
    "hlinkMouseOver", "rtl", "extLst",
];

/// The containers checked and their orders.
pub const ORDERS: &[(&str, &[&str])] = &[
    ("rPr", RPR_ORDER),
    ("pPr", PPR_ORDER),
    ("sectPr", SECTPR_ORDER),
    ("tblPr", TBLPR_ORDER),
    ("tcPr", TCPR_ORDER),
    ("pBdr", PBDR_ORDER),
];

/// Every text entry of a DOCX (zip) as (name, text), in archive order; binary entries (an
/// embedded workbook, `.xlsx`) are left out (see [`docx_entry`]). Panics on a broken archive
/// or a non-UTF-8 text entry: either is a test failure.
pub fn docx_parts(bytes: &[u8]) -> Vec<(String, String)> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("DOCX is a valid zip");
    (0..archive.len())
        .filter_map(|i| {
            let mut file = archive.by_index(i).expect("zip entry readable");
            if file.name().ends_with(".xlsx") {
                return None;
            }
            let mut text = String::new();
            file.read_to_string(&mut text)
                .unwrap_or_else(|e| panic!("{} is not UTF-8 text: {e}", file.name()));
            Some((file.name().to_string(), text))
        })
        .collect()
}

/// The bytes of the DOCX entry `name`; panics if it is missing.
pub fn docx_entry(bytes: &[u8], name: &str) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("DOCX is a valid zip");
    let mut file = archive
        .by_name(name)
        .unwrap_or_else(|e| panic!("entry {name}: {e}"));
    let mut out = Vec::new();
    file.read_to_end(&mut out).expect("zip entry readable");
    out
}

/// The text of the part called `name`; panics if it is missing.
pub fn part<'a>(parts: &'a [(String, String)], name: &str) -> &'a str {
    parts
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, xml)| xml.as_str())
        .unwrap_or_else(|| panic!("part {name} missing"))
}

/// Rank of `child` in `order`, `None` when the schema does not allow it there.
fn rank(order: &[&str], child: &str) -> Option<usize> {
    order
        .iter()
        .position(|entry| entry.split('|').any(|name| name == child))
}

/// One line per checked container whose children are out of ECMA-376 order (or not allowed
/// in it), e.g. `w:rPr at 1:240: rFonts after sz (children: sz, rFonts)`. Panics if `xml`
/// does not parse.
pub fn misordered_children(xml: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(xml).expect("part is well-formed XML");
    let mut problems = Vec::new();
    for node in doc.descendants().filter(|n| n.is_element()) {
        let name = node.tag_name();
        let parent = node
            .parent_element()
            .map(|p| p.tag_name().name())
            .unwrap_or("");
        let (prefix, tables) = match name.namespace() {
            Some(W) => ("w", ORDERS),
            Some(C) => ("c", CHART_ORDERS),
            Some(A) => ("a", DRAWING_ORDERS),
            _ => continue,
        };
        // A series, or a series' marker, is keyed by what holds it.
        let qualified = format!("{parent}>{}", name.name());
        let Some((container, order)) = tables
            .iter()
            .find(|(c, _)| *c == qualified)
            .or_else(|| tables.iter().find(|(c, _)| *c == name.name()))
        else {
            continue;
        };
        let children: Vec<&str> = node
            .children()
            .filter(|c| c.is_element())
            .map(|c| c.tag_name().name())
            .collect();
        let pos = doc.text_pos_at(node.range().start);
        let mut last: Option<(usize, &str)> = None;
        for child in &children {
            match rank(order, child) {
                None => problems.push(format!(
                    "{prefix}:{container} at {pos}: {prefix}:{child} is not allowed here (children: {})",
                    children.join(", ")
                )),
                // Compare with the highest-ranked child so far, so one stray element is
                // reported for each child it wrongly precedes.
                Some(r) => match last {
                    Some((prev_rank, prev)) if r < prev_rank => problems.push(format!(
                        "{prefix}:{container} at {pos}: {child} after {prev} (children: {})",
                        children.join(", ")
                    )),
                    _ => last = Some((r, child)),
                },
            }
        }
    }
    problems
}

/// Characters XML 1.0 forbids, in order of appearance: U+0000–U+001F except tab, LF and CR,
/// and U+FFFE/U+FFFF.
pub fn invalid_xml_chars(xml: &str) -> Vec<char> {
    xml.chars()
        .filter(|&c| {
            matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}')
        })
        .collect()
}

/// The visible text of a WordprocessingML part: the `w:t` texts of each paragraph
/// concatenated, paragraphs separated by `\n` (`w:br` and `w:tab` give `\n` and `\t`,
/// `w:noBreakHyphen` a `-`). Nothing is dropped: an invisible character written into
/// Word's text stays in it.
pub fn plain_text(xml: &str) -> String {
    let doc = roxmltree::Document::parse(xml).expect("part is well-formed XML");
    let mut paragraphs = Vec::new();
    for p in doc.descendants().filter(|n| is_w(n, "p")) {
        let mut text = String::new();
        for n in p.descendants() {
            // Skip runs of nested paragraphs (text boxes): they are listed on their own.
            if n.ancestors().skip(1).find(|a| is_w(a, "p")) != Some(p) {
                continue;
            }
            if is_w(&n, "t") {
                text.push_str(n.text().unwrap_or(""));
            } else if is_w(&n, "noBreakHyphen") {
                text.push('-');
            } else if is_w(&n, "br") {
                text.push('\n');
            } else if is_w(&n, "tab") {
                text.push('\t');
            }
        }
        paragraphs.push(text);
    }
    paragraphs.join("\n")
}

/// Whether `node` is the WordprocessingML element `w:name`.
pub fn is_w(node: &roxmltree::Node, name: &str) -> bool {
    node.is_element() && node.tag_name().namespace() == Some(W) && node.tag_name().name() == name
}

/// The `w:`-namespaced attribute `name` of `node`.
pub fn w_attr<'a>(node: &roxmltree::Node<'a, '_>, name: &str) -> Option<&'a str> {
    node.attribute((W, name))
}

/// The independent OOXML validator `openxml-audit` (PyPI; a port of the Open XML SDK's
/// checks): `$VANBAN_OPENXML_AUDIT`, else the venv `.ci/run` makes (`.venv-ci/`), else one
/// on the PATH. `None` (with a note) where none is installed, outside CI; under CI its
/// absence is a failure.
pub fn openxml_audit() -> Option<std::path::PathBuf> {
    let runs = |p: &std::path::Path| {
        std::process::Command::new(p)
            .arg("--help")
            .output()
            .is_ok_and(|o| o.status.success())
    };
    let candidates = [
        std::env::var_os("VANBAN_OPENXML_AUDIT").map(std::path::PathBuf::from),
        Some(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(".venv-ci/bin/openxml-audit")),
        Some("openxml-audit".into()),
    ];
    let found = candidates.into_iter().flatten().find(|p| runs(p));
    if found.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "openxml-audit is missing under CI: .ci/run must pip-install it into .venv-ci/"
        );
        eprintln!(
            "skipped: openxml-audit not installed (python3 -m venv .venv-ci && \
             .venv-ci/bin/pip install openxml-audit)"
        );
    }
    found
}

/// What the validator said about one file.
#[derive(Debug)]
pub struct Audit {
    pub file: String,
    /// Every error and warning, as `part path: description`.
    pub findings: Vec<String>,
}

/// Runs `tool` (see [`openxml_audit`]) over each of `files`, every finding reported
/// (`-m 0`), and reads its JSON reports. One process per file: in one process over a folder
/// (`-r`), openxml-audit 0.8 keys a cache of cross-part references by the Python `id()` of
/// the package, which a later file's package can reuse, and then reports one document's
/// footnote references as missing from another's footnotes (now and then, not always).
pub fn audit(tool: &std::path::Path, files: &[std::path::PathBuf]) -> Vec<Audit> {
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get());
    let mut out = Vec::new();
    for chunk in files.chunks(workers) {
        let reports: Vec<Vec<Audit>> = std::thread::scope(|scope| {
            let handles: Vec<_> = chunk
                .iter()
                .map(|file| scope.spawn(move || audit_one(tool, file)))
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().expect("audit thread"))
                .collect()
        });
        out.extend(reports.into_iter().flatten());
    }
    out
}

fn audit_one(tool: &std::path::Path, file: &std::path::Path) -> Vec<Audit> {
    let o = std::process::Command::new(tool)
        .args(["-o", "json", "-m", "0"])
        .arg(file)
        .output()
        .expect("openxml-audit runs");
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap_or_else(|e| {
        panic!(
            "openxml-audit printed no JSON for {} ({e}): {}{}",
            file.display(),
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        )
    });
    let files = report.as_array().expect("a JSON list, one entry per file");
    files
        .iter()
        .map(|f| {
            let list = |key: &str| {
                f[key]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|e| {
                        format!(
                            "{} {}: {}",
                            e["part_uri"].as_str().unwrap_or(""),
                            e["path"].as_str().unwrap_or(""),
                            e["description"].as_str().unwrap_or("")
                        )
                    })
                    .collect::<Vec<_>>()
            };
            let mut findings = list("errors");
            findings.extend(list("warnings"));
            // A count or a verdict without details still counts.
            let counted =
                f["error_count"].as_u64().unwrap_or(0) + f["warning_count"].as_u64().unwrap_or(0);
            if findings.len() < counted as usize || (findings.is_empty() && f["valid"] != true) {
                findings.push(format!("{counted} finding(s), valid: {}", f["valid"]));
            }
            Audit {
                file: f["file"].as_str().unwrap_or("?").to_string(),
                findings,
            }
        })
        .collect()
}
