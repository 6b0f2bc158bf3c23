//! The DOCX and the PDF are twins: every example sheet in `data/` (all its documents) and two
//! generated districts — 16 communes, and 30 whose landscape appendix breaks across pages
//! with its header repeated — are rendered once; then
//! - LibreOffice converts every DOCX (one `soffice` call) and its PDF has our PDF's page
//!   count, and at least 90% of its text lines are our PDF's lines (in order: the longest
//!   common subsequence of the two line lists, over the longer list);
//! - Word's text holds no invisible character, `10/10` is plain text in the Ba Đình report,
//!   and every table is as wide as the text area of its section (landscape or portrait);
//! - the OOXML validator `openxml-audit` finds nothing in any DOCX nor in the workbook.
//!
//! LibreOffice and the validator are found where `.ci/run` installs them; a test that lacks
//! one says so and passes, except under CI, where their absence is a failure.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use roxmltree::{Document as Xml, Node};
use unicode_normalization::UnicodeNormalization;

use crate::common::ooxml::{self, docx_parts, is_w, part, plain_text, w_attr};
use crate::common::poppler::poppler;
use crate::common::run::{stderr, vanban};
use crate::common::tmp::{files_under, temp_dir};

/// The share of LibreOffice's lines that must be our PDF's lines, per document.
const MIN_LINE_MATCH: f64 = 0.90;

/// One rendered document: a short unique name, its DOCX and its PDF.
struct Rendered {
    name: String,
    docx: PathBuf,
    pdf: PathBuf,
}

/// Every example in `data/` and the generated district, rendered once for all the tests.
fn rendered() -> &'static [Rendered] {
    static DOCS: OnceLock<Vec<Rendered>> = OnceLock::new();
    DOCS.get_or_init(|| {
        let dir = temp_dir("twins");
        let examples = dir.join("examples");
        render(&["data/"], &examples);
        let mut roots = vec![(examples, "data".to_string())];
        for communes in [16, 30] {
            let sheet = write_district(&dir.join(format!("sheets-{communes}")), communes);
            let out = dir.join(format!("district-{communes}"));
            render(&[sheet.to_str().expect("utf-8")], &out);
            roots.push((out, format!("district-{communes}")));
        }
        let mut docs = Vec::new();
        for (root, prefix) in &roots {
            for docx in files_under(root)
                .into_iter()
                .filter(|p| p.extension().is_some_and(|e| e == "docx"))
            {
                let rel = docx.strip_prefix(root).expect("under its root");
                let name = format!("{prefix}/{}", rel.with_extension("").display());
                let pdf = docx.with_extension("pdf");
                assert!(pdf.is_file(), "no PDF beside {}", docx.display());
                docs.push(Rendered { name, docx, pdf });
            }
        }
        // The five example sheets give twelve documents, each district one.
        assert!(docs.len() >= 14, "only {} documents rendered", docs.len());
        docs
    })
}

fn render(sheets: &[&str], out: &Path) {
    let mut args = vec!["render"];
    args.extend(sheets);
    args.extend(["-o", out.to_str().expect("utf-8"), "--format", "docx,pdf"]);
    let o = vanban(&args);
    assert!(o.status.success(), "vanban {args:?}: {}", stderr(&o));
}

/// A district of `communes` communes (at most 30), modelled on
/// `data/huyen-thach-thanh-2024-tong-hop/`: its own narrative, the communes' figures summed;
/// one in five short of 70% of its thôn recognised. Returns the district's sheet.
fn write_district(dir: &Path, communes: usize) -> PathBuf {
    const COMMUNES: [&str; 30] = [
        "Thạch Bình",
        "Thạch Đồng",
        "Thành Vinh",
        "Thạch Long",
        "Thạch Cẩm",
        "Thạch Sơn",
        "Thạch Tượng",
        "Thạch Quảng",
        "Thành Mỹ",
        "Thành Yên",
        "Thành Minh",
        "Thành Công",
        "Thành Tân",
        "Thành Trực",
        "Ngọc Trạo",
        "Kim Tân",
        "Thạch Lâm",
        "Thạch Định",
        "Thành Hưng",
        "Thành Kim",
        "Thành Tâm",
        "Thành An",
        "Thành Long",
        "Thành Thọ",
        "Thành Tiến",
        "Thạch Tân",
        "Vân Du",
        "Thạch Hòa",
        "Thạch Sơn Nam",
        "Thành Vân",
    ];
    std::fs::create_dir_all(dir.join("xa")).expect("district folder");
    for (i, name) in COMMUNES.iter().take(communes).enumerate() {
        let households = 1850 + 37 * i;
        let thon = 8 + i % 5;
        let recognised = 6 + i % 3;
        let sheet = format!(
            r#"schema: 1
unit:
  name: {name}
  level: xa
  located_in: huyện Thạch Thành, tỉnh Thanh Hóa
  parent: huyện
  recognised_by: Chủ tịch UBND huyện
  households: {households}
  population: {population}
  sub_units:
    - {{ kind: thôn, category: khu_dan_cu, total: {thon}, registered: {thon}, recognised: {recognised} }}
    - {{ kind: doanh nghiệp, category: doanh_nghiep, total: 6, registered: 6, recognised: 5 }}
    - {{ kind: nhà trường, category: co_so_giao_duc, total: 3, registered: 3, recognised: 3 }}
period:
  year: 2024
issuer:
  parent_agency: [UBND xã {name}]
  agency: ["Ban Chỉ đạo an ninh, trật tự"]
  abbreviation: BCĐ
  signer: {{ position: Trưởng ban, seal_title: Chủ tịch UBND xã, name: Bùi Văn Hải }}
  recipients:
    - {{ name: "Ban Chỉ đạo an ninh, trật tự huyện", purpose: báo cáo }}
documents:
  - template: bao-cao-ket-qua-tt124
facts:
  propaganda: {{ articles: 14, broadcasts: 186, banners: 22, leaflets: 410, meetings: 18, attendees: 1460 }}
  households_pledged: 1790
  disputes_mediated: {disputes}
  tip_offs: 23
  models:
    - {{ name: Camera an ninh, teams: 6, members: 48 }}
  criteria:
    party_resolution: {{ kind: Nghị quyết, number: 08-NQ/ĐU, date: 2024-01-10, issuer: Đảng ủy xã }}
    plan: {{ kind: Kế hoạch, number: 08/KH-UBND, date: 2024-02-05, issuer: UBND xã }}
    registered: true
    policy_carried_out: true
    police_effective: true
    police_disciplined: 0
"#,
            population = households * 4,
            disputes = 5 + i % 7,
        );
        std::fs::write(dir.join(format!("xa/x{i:02}.yaml")), sheet).expect("commune sheet");
    }
    let district = dir.join("huyen.yaml");
    std::fs::write(
        &district,
        r#"schema: 1
unit:
  name: Thạch Thành
  level: huyen
  located_in: tỉnh Thanh Hóa
period:
  year: 2024
issuer:
  parent_agency: [UBND huyện Thạch Thành]
  agency: ["Ban Chỉ đạo an ninh, trật tự"]
  abbreviation: BCĐ
  short_name: Ban Chỉ đạo an ninh, trật tự huyện Thạch Thành
  signer:
    position: Trưởng ban
    seal_title: Chủ tịch UBND huyện
    name: Hoàng Văn Thịnh
  recipients:
    - { name: "Ban Chỉ đạo an ninh, trật tự tỉnh", purpose: báo cáo }
    - { name: Công an tỉnh, purpose: báo cáo }
    - { name: Thường trực Huyện ủy, purpose: báo cáo }
    - { name: "UBND các xã, thị trấn" }
  archive: [VT, CAH]
documents:
  - template: bao-cao-tong-hop
    number: 157
    date: 2024-11-28
children:
  - xa/*.yaml
narrative:
  characteristics:
    - >-
      Địa bàn rộng, địa hình đồi núi, giao thông đi lại khó khăn; một bộ phận Nhân dân là
      đồng bào dân tộc thiểu số, đời sống còn nhiều khó khăn.
  leadership:
    - >-
      Ban Chỉ đạo huyện ban hành kế hoạch triển khai Thông tư số 124/2021/TT-BCA ngay từ
      đầu năm, phân công thành viên phụ trách từng xã, thị trấn.
  strengths:
    - >-
      Phong trào toàn dân bảo vệ an ninh Tổ quốc tiếp tục được duy trì; các mô hình tự quản
      phát huy hiệu quả.
  limitations:
    - >-
      Một số xã còn để tỷ lệ khu dân cư được công nhận dưới 70%.
  proposals:
    - >-
      Đề nghị Ban Chỉ đạo an ninh, trật tự tỉnh tiếp tục quan tâm hỗ trợ kinh phí cho lực
      lượng tham gia bảo vệ an ninh, trật tự ở cơ sở.
"#,
    )
    .expect("district sheet");
    district
}

/// `soffice`, or `None` (with a note) where LibreOffice is not installed outside CI.
fn soffice() -> Option<&'static str> {
    let found = ["soffice", "libreoffice"]
        .into_iter()
        .find(|c| Command::new(c).arg("--version").output().is_ok());
    if found.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "soffice is missing under CI: .ci/run must install libreoffice-writer-nogui"
        );
        eprintln!("skipped: soffice not installed (apt-get install libreoffice-writer-nogui)");
    }
    found
}

fn pdf_pages(pdf: &[u8]) -> u32 {
    let info = poppler("pdfinfo", &[], pdf);
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no page count in pdfinfo output:\n{info}"))
}

/// The PDF's text lines as `pdftotext` reads them: NFC, spaces squeezed, empty lines left
/// out.
fn pdf_lines(pdf: &[u8]) -> Vec<String> {
    poppler("pdftotext", &["-enc", "UTF-8"], pdf)
        .nfc()
        .collect::<String>()
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect()
}

/// How many lines of `a` and `b` match in order: the length of their longest common
/// subsequence.
fn matching_lines(a: &[String], b: &[String]) -> usize {
    let mut row = vec![0usize; b.len() + 1];
    for x in a {
        let mut diagonal = 0;
        for (j, y) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if x == y {
                diagonal + 1
            } else {
                above.max(row[j])
            };
            diagonal = above;
        }
    }
    row[b.len()]
}

#[test]
fn matching_lines_is_the_longest_common_subsequence() {
    let l = |s: &[&str]| s.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    assert_eq!(
        matching_lines(&l(&["a", "b", "c", "d"]), &l(&["a", "c", "d"])),
        3
    );
    assert_eq!(matching_lines(&l(&["a", "b"]), &l(&["b", "a"])), 1);
    assert_eq!(matching_lines(&l(&[]), &l(&["a"])), 0);
}

#[test]
fn libreoffice_prints_the_docx_as_our_pdf() {
    let Some(soffice) = soffice() else {
        return;
    };
    let docs = rendered();
    // One flat folder of uniquely named copies, converted by one soffice call.
    let dir = temp_dir("twins-lo");
    let flat = |d: &Rendered| d.name.replace('/', "__");
    let mut inputs = Vec::new();
    for d in docs {
        let copy = dir.join(format!("{}.docx", flat(d)));
        std::fs::copy(&d.docx, &copy).expect("copy DOCX");
        inputs.push(copy);
    }
    let out = dir.join("lo");
    let o = Command::new(soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            dir.join("profile").display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(&out)
        .args(&inputs)
        .output()
        .expect("soffice runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));

    let mut report = Vec::new();
    let mut failures = 0;
    let (mut matched, mut total) = (0, 0);
    for d in docs {
        let ours = std::fs::read(&d.pdf).expect("our PDF");
        let lo_path = out.join(format!("{}.pdf", flat(d)));
        let lo = std::fs::read(&lo_path)
            .unwrap_or_else(|e| panic!("LibreOffice wrote no {}: {e}", lo_path.display()));
        let (pages, lo_pages) = (pdf_pages(&ours), pdf_pages(&lo));
        if d.name.starts_with("district-30/") {
            // The long appendix breaks, its header repeated on the next page, in both.
            for (pdf, who) in [(&ours, "our PDF"), (&lo, "LibreOffice")] {
                let headed = (1..=pages.max(lo_pages))
                    .filter(|p| {
                        let p = p.to_string();
                        let args = ["-f", p.as_str(), "-l", p.as_str(), "-enc", "UTF-8"];
                        poppler("pdftotext", &args, pdf).contains("Đơn vị")
                    })
                    .count();
                assert!(
                    headed >= 2,
                    "{who}: the appendix header on {headed} page(s)"
                );
            }
        }
        let (a, b) = (pdf_lines(&ours), pdf_lines(&lo));
        let m = matching_lines(&a, &b);
        let n = a.len().max(b.len()).max(1);
        let share = m as f64 / n as f64;
        let ok = pages == lo_pages && share >= MIN_LINE_MATCH;
        failures += usize::from(!ok);
        matched += m;
        total += n;
        report.push(format!(
            "{} {:<60} pages {pages} / LibreOffice {lo_pages}, lines {m}/{n} ({:.1}%)",
            if ok { "  " } else { "✗ " },
            d.name,
            share * 100.0
        ));
    }
    let summary = format!(
        "{}\nall: {matched}/{total} lines ({:.1}%)",
        report.join("\n"),
        matched as f64 * 100.0 / total.max(1) as f64
    );
    eprintln!("{summary}");
    assert_eq!(
        failures,
        0,
        "documents whose DOCX in LibreOffice is not their PDF (page count, or under {}% \
         of lines):\n{summary}",
        MIN_LINE_MATCH * 100.0
    );
}

/// The parts of a DOCX whose text a reader sees.
const TEXT_PARTS: [&str; 4] = [
    "word/document.xml",
    "word/footnotes.xml",
    "word/header1.xml",
    "word/header2.xml",
];

#[test]
fn words_text_has_nothing_invisible() {
    for d in rendered() {
        let parts = docx_parts(&std::fs::read(&d.docx).expect("DOCX"));
        for name in TEXT_PARTS {
            let text = plain_text(part(&parts, name));
            for c in ['\u{2060}', '\u{200B}', '\u{00AD}', '\u{FEFF}'] {
                assert!(
                    !text.contains(c),
                    "{}: {name} has U+{:04X} in its text",
                    d.name,
                    c as u32
                );
            }
        }
    }
    // The Ba Đình report's `10/10 khu phố` is one plain text run that Word's Find matches.
    let report = rendered()
        .iter()
        .find(|d| d.name == "data/phuong-ba-dinh-2024/bao-cao-ket-qua-tt124")
        .expect("the Ba Đình report");
    let parts = docx_parts(&std::fs::read(&report.docx).expect("DOCX"));
    let xml = Xml::parse(part(&parts, "word/document.xml")).expect("XML");
    assert!(
        xml.descendants()
            .filter(|n| is_w(n, "t"))
            .any(|t| t.text().is_some_and(|s| s.contains("10/10 khu phố"))),
        "`10/10 khu phố` is not plain text in one w:t"
    );
}

/// Twips of attribute `w:name` of the first `w:tag` under `node`.
fn twips(node: Node, tag: &str, name: &str) -> u32 {
    node.descendants()
        .find(|n| is_w(n, tag))
        .and_then(|n| w_attr(&n, name))
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("no w:{tag} w:{name}"))
}

#[test]
fn every_table_is_as_wide_as_its_sections_text() {
    let mut landscape_tables = 0;
    for d in rendered() {
        let parts = docx_parts(&std::fs::read(&d.docx).expect("DOCX"));
        let xml = Xml::parse(part(&parts, "word/document.xml")).expect("XML");
        let body = xml.descendants().find(|n| is_w(n, "body")).expect("w:body");
        // A section's properties close it: in its last paragraph, or at the end of the body.
        let mut waiting: Vec<Node> = Vec::new();
        for child in body.children().filter(Node::is_element) {
            if is_w(&child, "tbl") {
                waiting.push(child);
                continue;
            }
            let Some(sect) = child.descendants().find(|n| is_w(n, "sectPr")) else {
                continue;
            };
            let page = twips(sect, "pgSz", "w");
            let text = page - twips(sect, "pgMar", "left") - twips(sect, "pgMar", "right");
            let landscape = sect
                .descendants()
                .any(|n| is_w(&n, "pgSz") && w_attr(&n, "orient") == Some("landscape"));
            for table in waiting.drain(..) {
                let grid: u32 = table
                    .descendants()
                    .filter(|n| is_w(n, "gridCol"))
                    .filter_map(|g| w_attr(&g, "w")?.parse::<u32>().ok())
                    .sum();
                let width = twips(table, "tblW", "w");
                assert_eq!(
                    (width, grid),
                    (text, text),
                    "{}: a table in a {} section",
                    d.name,
                    if landscape { "landscape" } else { "portrait" }
                );
                landscape_tables += usize::from(landscape);
            }
        }
        assert!(
            waiting.is_empty(),
            "{}: tables after the last section",
            d.name
        );
    }
    // The two district summaries' appendix tables, at least.
    assert!(landscape_tables >= 2, "{landscape_tables} landscape tables");
}

#[test]
fn the_ooxml_validator_finds_nothing() {
    let Some(audit) = ooxml::openxml_audit() else {
        return;
    };
    let dir = temp_dir("twins-audit");
    let mut files: Vec<PathBuf> = rendered().iter().map(|d| d.docx.clone()).collect();
    let workbook = dir.join("so-lieu.xlsx");
    let o = vanban(&[
        "workbook",
        "bao-cao-ket-qua-tt124",
        "--units",
        "data/huyen-thach-thanh-2024-tong-hop/",
        "-o",
        workbook.to_str().expect("utf-8"),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    files.push(workbook);
    let results = ooxml::audit(&audit, &files);
    assert_eq!(
        results.len(),
        files.len(),
        "the validator did not check every file: {results:?}"
    );
    let findings: Vec<String> = results
        .iter()
        .filter(|r| !r.findings.is_empty())
        .map(|r| format!("{}:\n  {}", r.file, r.findings.join("\n  ")))
        .collect();
    assert!(findings.is_empty(), "{}", findings.join("\n"));
}
