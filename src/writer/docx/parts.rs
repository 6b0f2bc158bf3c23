//! The package parts that do not depend on the body: content types, relationships, document
//! properties, styles, settings, the font table and the two headers. Relationship ids are
//! fixed here, so the same document always gives the same bytes.

use super::props::{self, FONT, Jc, ParaProps, RunProps, SINGLE, pt};
use super::xml::Xml;
use crate::document::Meta;

const NS_W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const NS_R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_PKG_RELS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// Relationship ids of `word/_rels/document.xml.rels` that document.xml refers to.
pub(crate) const RID_HEADER_DEFAULT: &str = "rId5";
pub(crate) const RID_HEADER_FIRST: &str = "rId6";

/// The root attributes of every WordprocessingML part.
pub(crate) const W_ROOT: [(&str, &str); 2] = [("xmlns:w", NS_W), ("xmlns:r", NS_R)];

/// Footnote text size: 12 pt.
pub(crate) const FOOTNOTE_SIZE: u32 = crate::writer::layout::page::FOOTNOTE_HALF_POINTS;

/// `[Content_Types].xml`; `charts` chart parts (and their workbooks) are declared too.
pub(crate) fn content_types(charts: usize) -> String {
    let mut x = Xml::new();
    x.start(
        "Types",
        &[(
            "xmlns",
            "http://schemas.openxmlformats.org/package/2006/content-types",
        )],
    );
    x.empty(
        "Default",
        &[
            ("Extension", "rels"),
            (
                "ContentType",
                "application/vnd.openxmlformats-package.relationships+xml",
            ),
        ],
    );
    x.empty(
        "Default",
        &[("Extension", "xml"), ("ContentType", "application/xml")],
    );
    if charts > 0 {
        x.empty(
            "Default",
            &[
                ("Extension", "xlsx"),
                (
                    "ContentType",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                ),
            ],
        );
    }
    const WML: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml";
    let mut overrides = vec![
        (
            "/word/document.xml".to_string(),
            format!("{WML}.document.main+xml"),
        ),
        ("/word/styles.xml".to_string(), format!("{WML}.styles+xml")),
        (
            "/word/settings.xml".to_string(),
            format!("{WML}.settings+xml"),
        ),
        (
            "/word/fontTable.xml".to_string(),
            format!("{WML}.fontTable+xml"),
        ),
        (
            "/word/footnotes.xml".to_string(),
            format!("{WML}.footnotes+xml"),
        ),
        ("/word/header1.xml".to_string(), format!("{WML}.header+xml")),
        (
            "/word/theme/theme1.xml".to_string(),
            "application/vnd.openxmlformats-officedocument.theme+xml".to_string(),
        ),
        ("/word/header2.xml".to_string(), format!("{WML}.header+xml")),
        (
            "/docProps/core.xml".to_string(),
            "application/vnd.openxmlformats-package.core-properties+xml".to_string(),
        ),
        (
            "/docProps/app.xml".to_string(),
            "application/vnd.openxmlformats-officedocument.extended-properties+xml".to_string(),
        ),
    ];
    for n in 1..=charts {
        overrides.push((
            format!("/word/charts/chart{n}.xml"),
            "application/vnd.openxmlformats-officedocument.drawingml.chart+xml".to_string(),
        ));
    }
    for (part, content_type) in &overrides {
        x.empty(
            "Override",
            &[("PartName", part), ("ContentType", content_type)],
        );
    }
    x.end();
    x.finish()
}

fn relationships(rels: &[(&str, String, &str)]) -> String {
    let mut x = Xml::new();
    x.start("Relationships", &[("xmlns", NS_PKG_RELS)]);
    for (id, kind, target) in rels {
        x.empty(
            "Relationship",
            &[("Id", id), ("Type", kind), ("Target", target)],
        );
    }
    x.end();
    x.finish()
}

/// `word/theme/theme1.xml`: the Office colours and Times New Roman as the theme's heading
/// and body fonts. Word expects a theme part (a document without one is flagged by
/// validators, and Word falls back to its own); every run names its font explicitly, so the
/// theme changes nothing that prints.
pub(crate) fn theme() -> String {
    include_str!("theme1.xml").to_string()
}

/// `_rels/.rels`.
pub(crate) fn package_rels() -> String {
    relationships(&[
        ("rId1", format!("{REL}/officeDocument"), "word/document.xml"),
        (
            "rId2",
            "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
                .to_string(),
            "docProps/core.xml",
        ),
        (
            "rId3",
            format!("{REL}/extended-properties"),
            "docProps/app.xml",
        ),
    ])
}

/// `word/_rels/document.xml.rels`, with one relationship per chart.
pub(crate) fn document_rels(charts: usize) -> String {
    let chart_rels: Vec<(String, String)> = (1..=charts)
        .map(|n| {
            (
                super::chart::relationship_id(n),
                format!("charts/chart{n}.xml"),
            )
        })
        .collect();
    let mut rels = vec![
        ("rId1", format!("{REL}/styles"), "styles.xml"),
        ("rId2", format!("{REL}/settings"), "settings.xml"),
        ("rId3", format!("{REL}/fontTable"), "fontTable.xml"),
        ("rId4", format!("{REL}/footnotes"), "footnotes.xml"),
        (RID_HEADER_DEFAULT, format!("{REL}/header"), "header1.xml"),
        (RID_HEADER_FIRST, format!("{REL}/header"), "header2.xml"),
        ("rId7", format!("{REL}/theme"), "theme/theme1.xml"),
    ];
    for (id, target) in &chart_rels {
        rels.push((id.as_str(), format!("{REL}/chart"), target.as_str()));
    }
    relationships(&rels)
}

/// `docProps/core.xml`: title, creator and the document's own date as both timestamps.
pub(crate) fn core(meta: &Meta) -> String {
    let stamp = format!("{}T00:00:00Z", meta.date.format("%Y-%m-%d"));
    let mut x = Xml::new();
    x.start(
        "cp:coreProperties",
        &[
            (
                "xmlns:cp",
                "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
            ),
            ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
            ("xmlns:dcterms", "http://purl.org/dc/terms/"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
        ],
    );
    x.leaf("dc:title", &[], &meta.title);
    x.leaf("dc:creator", &[], &meta.author);
    x.leaf("cp:lastModifiedBy", &[], &meta.author);
    x.leaf("dc:language", &[], "vi-VN");
    x.leaf("cp:revision", &[], "1");
    x.leaf("dcterms:created", &[("xsi:type", "dcterms:W3CDTF")], &stamp);
    x.leaf(
        "dcterms:modified",
        &[("xsi:type", "dcterms:W3CDTF")],
        &stamp,
    );
    x.end();
    x.finish()
}

/// `docProps/app.xml`.
pub(crate) fn app() -> String {
    let mut x = Xml::new();
    x.start(
        "Properties",
        &[
            (
                "xmlns",
                "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
            ),
            (
                "xmlns:vt",
                "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
            ),
        ],
    );
    x.leaf("Template", &[], "Normal.dotm");
    x.leaf("Application", &[], "vanban");
    x.leaf("DocSecurity", &[], "0");
    x.end();
    x.finish()
}

/// Writes one `w:style`; children follow CT_Style order (name, basedOn, next, uiPriority,
/// semiHidden, unhideWhenUsed, qFormat, pPr, rPr, tblPr).
struct Style<'a> {
    kind: &'a str,
    id: &'a str,
    name: &'a str,
    default: bool,
    based_on: Option<&'a str>,
    ui_priority: Option<&'a str>,
    semi_hidden: bool,
    qformat: bool,
}

impl Style<'_> {
    fn open(&self, x: &mut Xml) {
        let mut attrs = vec![("w:type", self.kind)];
        if self.default {
            attrs.push(("w:default", "1"));
        }
        attrs.push(("w:styleId", self.id));
        x.start("w:style", &attrs);
        x.empty("w:name", &[("w:val", self.name)]);
        if let Some(base) = self.based_on {
            x.empty("w:basedOn", &[("w:val", base)]);
        }
        if let Some(priority) = self.ui_priority {
            x.empty("w:uiPriority", &[("w:val", priority)]);
        }
        if self.semi_hidden {
            x.empty("w:semiHidden", &[]).empty("w:unhideWhenUsed", &[]);
        }
        if self.qformat {
            x.empty("w:qFormat", &[]);
        }
    }
}

/// `word/styles.xml`: Times New Roman 14 pt Vietnamese defaults, Normal, the footnote styles
/// (Word's built-in names, so Word's own footnote commands keep using them) and TableGrid.
pub(crate) fn styles() -> String {
    let mut x = Xml::new();
    x.start("w:styles", &W_ROOT);

    x.start("w:docDefaults", &[]);
    x.start("w:rPrDefault", &[]);
    // rPr by hand here because it carries lang, which body runs inherit.
    x.start("w:rPr", &[]);
    props::fonts(&mut x);
    let size = pt(14).to_string();
    x.empty("w:sz", &[("w:val", &size)]);
    x.empty("w:szCs", &[("w:val", &size)]);
    x.empty(
        "w:lang",
        &[
            ("w:val", "vi-VN"),
            ("w:eastAsia", "vi-VN"),
            ("w:bidi", "ar-SA"),
        ],
    );
    x.end().end();
    x.start("w:pPrDefault", &[]);
    ParaProps {
        jc: None,
        widow_control: true,
        ..ParaProps::new(Jc::Left, SINGLE)
    }
    .write(&mut x);
    x.end();
    x.end();

    Style {
        kind: "paragraph",
        id: "Normal",
        name: "Normal",
        default: true,
        based_on: None,
        ui_priority: None,
        semi_hidden: false,
        qformat: true,
    }
    .open(&mut x);
    x.end();

    Style {
        kind: "character",
        id: "DefaultParagraphFont",
        name: "Default Paragraph Font",
        default: true,
        based_on: None,
        ui_priority: Some("1"),
        semi_hidden: true,
        qformat: false,
    }
    .open(&mut x);
    x.end();

    Style {
        kind: "table",
        id: "TableNormal",
        name: "Normal Table",
        default: true,
        based_on: None,
        ui_priority: Some("99"),
        semi_hidden: true,
        qformat: false,
    }
    .open(&mut x);
    x.start("w:tblPr", &[]);
    x.empty("w:tblInd", &[("w:w", "0"), ("w:type", "dxa")]);
    x.start("w:tblCellMar", &[]);
    x.empty("w:top", &[("w:w", "0"), ("w:type", "dxa")]);
    x.empty("w:left", &[("w:w", "108"), ("w:type", "dxa")]);
    x.empty("w:bottom", &[("w:w", "0"), ("w:type", "dxa")]);
    x.empty("w:right", &[("w:w", "108"), ("w:type", "dxa")]);
    x.end().end();
    x.end();

    Style {
        kind: "paragraph",
        id: "FootnoteText",
        name: "footnote text",
        default: false,
        based_on: Some("Normal"),
        ui_priority: Some("99"),
        semi_hidden: true,
        qformat: false,
    }
    .open(&mut x);
    ParaProps::new(Jc::Both, SINGLE).write(&mut x);
    RunProps::sized(FOOTNOTE_SIZE).write(&mut x);
    x.end();

    Style {
        kind: "character",
        id: "FootnoteReference",
        name: "footnote reference",
        default: false,
        based_on: Some("DefaultParagraphFont"),
        ui_priority: Some("99"),
        semi_hidden: true,
        qformat: false,
    }
    .open(&mut x);
    // Size is left to the run, so the mark follows the text it sits in.
    x.start("w:rPr", &[]);
    x.empty("w:vertAlign", &[("w:val", "superscript")]);
    x.end();
    x.end();

    Style {
        kind: "table",
        id: "TableGrid",
        name: "Table Grid",
        default: false,
        based_on: Some("TableNormal"),
        ui_priority: Some("39"),
        semi_hidden: false,
        qformat: false,
    }
    .open(&mut x);
    x.start("w:tblPr", &[]);
    props::table_borders(&mut x, true);
    x.end();
    x.end();

    x.end();
    x.finish()
}

/// `word/settings.xml`, children in CT_Settings order. `footnotePr` names the separator
/// footnotes (-1, 0) exactly as Word writes them.
pub(crate) fn settings() -> String {
    let mut x = Xml::new();
    x.start("w:settings", &W_ROOT);
    x.empty("w:zoom", &[("w:percent", "100")]);
    x.empty("w:defaultTabStop", &[("w:val", "720")]);
    x.empty("w:characterSpacingControl", &[("w:val", "doNotCompress")]);
    x.start("w:footnotePr", &[]);
    x.empty("w:footnote", &[("w:id", "-1")]);
    x.empty("w:footnote", &[("w:id", "0")]);
    x.end();
    x.start("w:compat", &[]);
    // Without this, Word and LibreOffice stretch a justified line that ends in a line break.
    x.empty("w:doNotExpandShiftReturn", &[]);
    x.empty(
        "w:compatSetting",
        &[
            ("w:name", "compatibilityMode"),
            ("w:uri", "http://schemas.microsoft.com/office/word"),
            ("w:val", "15"),
        ],
    );
    x.end();
    x.empty("w:decimalSymbol", &[("w:val", ",")]);
    x.empty("w:listSeparator", &[("w:val", ";")]);
    x.end();
    x.finish()
}

/// `word/fontTable.xml`.
pub(crate) fn font_table() -> String {
    let mut x = Xml::new();
    x.start("w:fonts", &W_ROOT);
    x.start("w:font", &[("w:name", FONT)]);
    x.empty("w:panose1", &[("w:val", "02020603050405020304")]);
    x.empty("w:charset", &[("w:val", "00")]);
    x.empty("w:family", &[("w:val", "roman")]);
    x.empty("w:pitch", &[("w:val", "variable")]);
    x.end();
    x.end();
    x.finish()
}

/// Header paragraphs: centred, nothing before or after.
const HEADER_PARA: ParaProps = ParaProps::new(Jc::Center, SINGLE);

/// Page numbers: 14 pt (ND30 allows 13–14).
const PAGE_NUMBER: RunProps = RunProps::sized(pt(14));

/// `word/header1.xml`, the default header: a centred PAGE field, every run styled so the
/// number is Times New Roman 14 pt and not Word's default.
pub(crate) fn header_page_number() -> String {
    let mut x = Xml::new();
    x.start("w:hdr", &W_ROOT);
    x.start("w:p", &[]);
    ParaProps {
        mark: Some(PAGE_NUMBER),
        ..HEADER_PARA
    }
    .write(&mut x);
    let run = |x: &mut Xml, content: &dyn Fn(&mut Xml)| {
        x.start("w:r", &[]);
        PAGE_NUMBER.write(x);
        content(x);
        x.end();
    };
    run(&mut x, &|x| {
        x.empty("w:fldChar", &[("w:fldCharType", "begin")]);
    });
    run(&mut x, &|x| {
        x.leaf("w:instrText", &[("xml:space", "preserve")], " PAGE ");
    });
    run(&mut x, &|x| {
        x.empty("w:fldChar", &[("w:fldCharType", "separate")]);
    });
    run(&mut x, &|x| {
        x.leaf("w:t", &[], "1");
    });
    run(&mut x, &|x| {
        x.empty("w:fldChar", &[("w:fldCharType", "end")]);
    });
    x.end();
    x.end();
    x.finish()
}

/// `word/header2.xml`, the first-page header: empty, since ND30 numbers pages from page 2.
pub(crate) fn header_empty() -> String {
    let mut x = Xml::new();
    x.start("w:hdr", &W_ROOT);
    x.start("w:p", &[]);
    ParaProps {
        mark: Some(PAGE_NUMBER),
        ..HEADER_PARA
    }
    .write(&mut x);
    x.end();
    x.end();
    x.finish()
}
