//! The clerk shapes the document from the fact sheet: `sections:` (after, before, replace,
//! drop, rename, nested sub-sections, a table and a chart in a section, `document:`), the
//! errors at the sheet's line, `documents[i].responds_to` in every built-in report's opening,
//! and a template that extends a built-in replacing one block (with `super()`).

use crate::common::run::{stderr, vanban};
use crate::common::tmp::temp_dir;
use std::path::{Path, PathBuf};
use vanban::document::{Block, Document, Inline};
use vanban::template::Templates;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(root().join(rel)).expect("example readable")
}

/// The multi-year example with its `sections:` replaced by `sections` (YAML of the list's
/// entries, or empty for none).
fn yen_lac(sections: &str) -> String {
    let text = read("data/huyen-yen-lac-2015-2024.yaml");
    let start = text
        .find("\nsections:\n")
        .expect("the example has sections:")
        + 1;
    let end = start + text[start..].find("\ndata:\n").expect("data: after it") + 1;
    let list = if sections.trim().is_empty() {
        String::new()
    } else {
        format!("sections:\n{sections}\n")
    };
    format!("{}{list}{}", &text[..start], &text[end..])
}

/// Writes `yaml` as a sheet in a fresh folder and returns its path.
fn write(yaml: &str, name: &str) -> PathBuf {
    let file = temp_dir(name).join("sheet.yaml");
    std::fs::write(&file, yaml).expect("write");
    file
}

/// Every document of the sheet `file`, built by the library.
fn documents_of(file: &Path) -> Vec<(String, Document)> {
    let templates = Templates::load(None).expect("templates");
    let checked = vanban::check(file, &templates, None).unwrap_or_else(|d| panic!("{d}"));
    vanban::build_documents(&checked, &templates).unwrap_or_else(|d| panic!("{d}"))
}

fn documents(yaml: &str) -> Vec<(String, Document)> {
    documents_of(&write(yaml, "sections"))
}

/// The only document of a sheet.
fn document(yaml: &str) -> Document {
    let mut docs = documents(yaml);
    assert_eq!(docs.len(), 1);
    docs.remove(0).1
}

/// The problems `check` finds in `yaml`, as printed.
fn problems(yaml: &str) -> String {
    let file = write(yaml, "sections-bad");
    let templates = Templates::load(None).expect("templates");
    let checked = vanban::check(&file, &templates, None);
    let found = match checked {
        Err(d) => d,
        Ok(c) => match vanban::build_documents(&c, &templates) {
            Err(d) => d,
            Ok(_) => panic!("no problem found in:\n{yaml}"),
        },
    };
    found
        .to_string()
        .replace(&file.display().to_string(), "sheet.yaml")
}

/// The headings, numbered: `II. NGUYÊN NHÂN`.
fn outline(doc: &Document) -> Vec<String> {
    doc.body
        .iter()
        .filter_map(|b| match b {
            Block::Heading {
                number, content, ..
            } => Some(format!("{number} {}", Inline::plain_text(content))),
            _ => None,
        })
        .collect()
}

fn text_of(doc: &Document) -> String {
    vanban::writer::text::write(doc)
}

/// The line of the file holding `needle`, 1-based.
fn line_of(yaml: &str, needle: &str) -> usize {
    yaml.lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("no `{needle}`"))
        + 1
}

#[test]
fn the_example_inserts_a_section_after_characteristics_and_numbering_shifts() {
    let doc = document(&read("data/huyen-yen-lac-2015-2024.yaml"));
    let headings = outline(&doc);
    let at = |h: &str| {
        headings
            .iter()
            .position(|x| x == h)
            .unwrap_or_else(|| panic!("no `{h}` in {headings:#?}"))
    };
    assert_eq!(at("I. ĐẶC ĐIỂM TÌNH HÌNH") + 1, at("II. NGUYÊN NHÂN"));
    assert_eq!(at("II. NGUYÊN NHÂN") + 1, at("1. Nguyên nhân khách quan"));
    assert_eq!(
        at("1. Nguyên nhân khách quan") + 1,
        at("2. Nguyên nhân chủ quan")
    );
    // The template's next section is the third now, and so on.
    assert_eq!(
        at("2. Nguyên nhân chủ quan") + 1,
        at("III. KẾT QUẢ THỰC HIỆN")
    );
    assert!(headings.contains(&"IV. ĐÁNH GIÁ CHUNG".to_string()));
    assert_eq!(
        at("V. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI") + 1,
        at("VI. ĐỀ XUẤT, KIẾN NGHỊ")
    );
    let text = text_of(&doc);
    // The clerk's emphasis is kept; items are a numbered list; the closing stays last.
    assert!(text.contains("dịch bệnh COVID-19 năm 2020"), "{text}");
    assert!(
        text.contains("\n3. Nhân rộng mô hình “Camera an ninh” đến tất cả các xã, thị trấn.\n"),
        "{text}"
    );
    let last = doc.body.last().expect("a body");
    assert!(
        matches!(last, Block::Paragraph { content, .. } if Inline::plain_text(content).ends_with("./.")),
        "{last:?}"
    );
    // Without `sections:` the template's outline is back.
    let plain = outline(&document(&yen_lac("")));
    assert_eq!(
        plain[..2],
        ["I. ĐẶC ĐIỂM TÌNH HÌNH", "II. KẾT QUẢ THỰC HIỆN"]
    );
}

#[test]
fn replace_keeps_the_number_drop_closes_the_gap_rename_changes_the_heading() {
    let doc = document(&yen_lac(
        "  - replace: proposals
    heading: Kiến nghị, đề xuất
    paragraphs: [Đề nghị UBND tỉnh *hỗ trợ* kinh phí.]
  - drop: assessment
  - drop: leadership
  - rename: results
    heading: Kết quả đạt được
  - replace: characteristics
    paragraphs: [Chỉ một đoạn.]",
    ));
    let headings = outline(&doc);
    let top: Vec<&String> = headings
        .iter()
        .filter(|h| {
            h.split(' ')
                .next()
                .is_some_and(|n| n.contains('I') || n.contains('V'))
        })
        .collect();
    assert_eq!(
        top,
        [
            "I. ĐẶC ĐIỂM TÌNH HÌNH",
            "II. KẾT QUẢ ĐẠT ĐƯỢC",
            "III. KIẾN NGHỊ, ĐỀ XUẤT"
        ]
    );
    let text = text_of(&doc);
    assert!(!text.contains("ĐÁNH GIÁ CHUNG"), "{text}");
    assert!(!text.contains("Bài học kinh nghiệm"), "{text}");
    // A clause dropped: the next clause is 1.
    assert!(!text.contains("Công tác lãnh đạo, chỉ đạo"), "{text}");
    assert!(
        headings.contains(
            &"1. Xây dựng khu dân cư, xã, thị trấn đạt tiêu chuẩn “An toàn về an ninh, trật tự”"
                .to_string()
        ),
        "{headings:#?}"
    );
    assert!(
        !text.contains("45.210 hộ"),
        "replaced content is gone: {text}"
    );
    assert!(
        text.contains("I. ĐẶC ĐIỂM TÌNH HÌNH\nChỉ một đoạn.\n"),
        "{text}"
    );
    assert!(
        text.contains("Đề nghị UBND tỉnh hỗ trợ kinh phí."),
        "{text}"
    );
    assert!(!text.contains("tập huấn nghiệp vụ"), "{text}");
}

#[test]
fn sub_sections_nest_and_number_below_their_section() {
    let doc = document(&yen_lac(
        "  - after: results
    heading: Chỉ đạo, triển khai
    sections:
      - heading: Công tác chỉ đạo
        sections:
          - { heading: Cấp huyện, paragraphs: [a] }
          - { heading: Cấp xã, paragraphs: [b] }
      - { heading: Công tác kiểm tra, paragraphs: [c] }",
    ));
    let headings = outline(&doc);
    let at = headings
        .iter()
        .position(|h| h == "III. CHỈ ĐẠO, TRIỂN KHAI")
        .unwrap_or_else(|| panic!("{headings:#?}"));
    assert_eq!(
        headings[at..at + 6],
        [
            "III. CHỈ ĐẠO, TRIỂN KHAI",
            "1. Công tác chỉ đạo",
            "1.1. Cấp huyện",
            "1.2. Cấp xã",
            "2. Công tác kiểm tra",
            "IV. ĐÁNH GIÁ CHUNG"
        ]
    );
}

#[test]
fn a_section_goes_before_a_nested_block_at_its_level() {
    let yaml = read("data/phuong-ba-dinh-2024.yaml").replace(
        "\nfacts:\n",
        "\nsections:
  - before: criteria
    heading: Tồn tại, hạn chế
    paragraphs: [Một số khu phố chưa duy trì thường xuyên hoạt động tuần tra.]
\nfacts:\n",
    );
    let docs = documents(&yaml);
    let (_, report) = docs
        .iter()
        .find(|(n, _)| n == "bao-cao-ket-qua-tt124")
        .expect("the report");
    let headings = outline(report);
    let at = headings
        .iter()
        .position(|h| h.ends_with(" Tồn tại, hạn chế"))
        .unwrap_or_else(|| panic!("{headings:#?}"));
    let number = |h: &str| h.split(' ').next().unwrap_or("").to_string();
    let next = &headings[at + 1];
    assert!(next.contains("Đối chiếu với các tiêu chí"), "{headings:#?}");
    // A clause of section III, just before the criteria, which move one number down.
    assert!(headings[..at].iter().any(|h| h.starts_with("III. ")));
    let n: u32 = number(&headings[at])
        .trim_end_matches('.')
        .parse()
        .expect("a clause");
    assert_eq!(number(next), format!("{}.", n + 1));
    // The other documents of the sheet have no block `criteria`: unchanged.
    for (name, doc) in &docs {
        if name != "bao-cao-ket-qua-tt124" {
            assert!(!text_of(doc).contains("Tồn tại, hạn chế"), "{name}");
        }
    }
}

#[test]
fn document_names_the_one_document_to_reshape() {
    let yaml = read("data/phuong-ba-dinh-2024.yaml").replace(
        "\nfacts:\n",
        "\nsections:
  - after: results
    document: to-trinh-cong-nhan
    heading: Hồ sơ kèm theo
    items: [Báo cáo kết quả, Biên bản họp đánh giá]
\nfacts:\n",
    );
    for (name, doc) in documents(&yaml) {
        let headings = outline(&doc);
        let has = headings.iter().any(|h| h == "II. HỒ SƠ KÈM THEO");
        assert_eq!(has, name == "to-trinh-cong-nhan", "{name}: {headings:#?}");
        if name == "to-trinh-cong-nhan" {
            assert!(
                headings.contains(&"III. ĐỀ NGHỊ".to_string()),
                "{headings:#?}"
            );
        }
    }
}

#[test]
fn a_table_and_a_chart_in_a_section_come_from_a_declared_series() {
    let doc = document(&yen_lac(
        "  - after: results
    heading: Số liệu xã, thị trấn
    paragraphs: [Bảng và biểu đồ dưới đây.]
    table:
      series: data.communes
      caption: Xã, thị trấn được công nhận qua các năm
      columns:
        - { field: at, label: Năm }
        - { field: total, label: Tổng số }
        - { field: recognised, label: Được công nhận, kind: count }
        - { part: recognised, whole: total, label: Tỷ lệ }
    chart:
      series: data.communes
      title: Xã, thị trấn được công nhận
      axis: Số xã, thị trấn
      fields: [{ field: recognised, name: Được công nhận }]
      rate: { part: recognised, whole: total, name: Tỷ lệ }",
    ));
    let headings = outline(&doc);
    let at = doc
        .body
        .iter()
        .position(|b| {
            matches!(b, Block::Heading { content, .. } if Inline::plain_text(content) == "SỐ LIỆU XÃ, THỊ TRẤN")
        })
        .unwrap_or_else(|| panic!("{headings:#?}"));
    let Some(Block::Table(table)) = doc.body.get(at + 2) else {
        panic!("{:?}", doc.body.get(at + 2));
    };
    assert_eq!(
        table.caption.as_deref(),
        Some("Xã, thị trấn được công nhận qua các năm")
    );
    assert_eq!(table.rows.len(), 10);
    let first: Vec<String> = table.rows[0]
        .iter()
        .map(|c| Inline::plain_text(c))
        .collect();
    assert_eq!(first, ["2015", "17", "09", "52,9%"]);
    let last: Vec<String> = table.rows[9]
        .iter()
        .map(|c| Inline::plain_text(c))
        .collect();
    assert_eq!(last, ["2024", "17", "16", "94,1%"]);
    let Some(Block::Chart(chart)) = doc.body.get(at + 3) else {
        panic!("{:?}", doc.body.get(at + 3));
    };
    assert_eq!(chart.categories.first().map(String::as_str), Some("2015"));
    assert_eq!(chart.categories.len(), 10);
    assert_eq!(chart.series[0].values[9], Some(16.0));
    let rate = chart.line.as_ref().expect("a rate line");
    assert!((rate.series.values[9].expect("2024") - 1600.0 / 17.0).abs() < 1e-9);
    // It sits where it was put: after the results, before the assessment.
    assert!(
        headings.contains(&"III. SỐ LIỆU XÃ, THỊ TRẤN".to_string()),
        "{headings:#?}"
    );
    assert!(
        headings.contains(&"IV. ĐÁNH GIÁ CHUNG".to_string()),
        "{headings:#?}"
    );
}

#[test]
fn an_unknown_block_is_an_error_at_its_line_with_the_names_that_exist() {
    let yaml = yen_lac(
        "  - after: charcteristics
    heading: Nguyên nhân
    paragraphs: [x]",
    );
    let line = line_of(&yaml, "after: charcteristics");
    let out = problems(&yaml);
    assert!(
        out.contains(&format!(
            "sheet.yaml:{line}:12: error: sections[0].after: `bao-cao-tong-ket` has no block `charcteristics`"
        )),
        "{out}"
    );
    assert!(out.contains("did you mean `characteristics`?"), "{out}");
    for block in ["opening", "results", "assessment", "proposals", "closing"] {
        assert!(out.contains(&format!("`{block}`")), "{out}");
    }
}

#[test]
fn malformed_sections_are_errors_at_their_keys() {
    let yaml = yen_lac(
        "  - heading: Không biết đặt đâu
  - after: results
    drop: lessons
  - rename: results
  - drop: proposals
    heading: Thừa
  - after: results
    heading: Bảng
    table: { series: data.area, columns: [{ field: at, label: Năm }] }
  - after: results
    heading: Biểu đồ
    chart: { series: data.areas, kind: pie, fields: [{ field: total, name: Tổng }] }
  - after: results
    document: bao-cao-tong-kt
    heading: Sai văn bản
  - after: results
    heading: Con sai chỗ
    sections: [{ heading: con, before: results }]",
    );
    let out = problems(&yaml);
    let expect = |needle: &str, line_text: &str| {
        let line = line_of(&yaml, line_text);
        assert!(
            out.contains(&format!("sheet.yaml:{line}:")) && out.contains(needle),
            "`{needle}` at line {line}:\n{out}"
        );
    };
    expect(
        "sections[0]: this section does not say where it goes",
        "Không biết đặt đâu",
    );
    expect("sections[1].drop: a section has one place", "drop: lessons");
    expect(
        "sections[2].rename: `rename` needs the new `heading`",
        "rename: results",
    );
    expect(
        "sections[3]: `drop` leaves the block out",
        "drop: proposals",
    );
    expect(
        "sections[4].table.series: `data.area` is not a series",
        "series: data.area,",
    );
    assert!(out.contains("did you mean `data.areas`?"), "{out}");
    expect(
        "sections[5].chart: `chart`: `kind` is `bar` or `line`, not `pie`",
        "kind: pie",
    );
    expect(
        "sections[6].document: the fact sheet issues no document `bao-cao-tong-kt`",
        "bao-cao-tong-kt",
    );
    expect(
        "sections[7].sections[0].before: `before` in a sub-section",
        "before: results",
    );
    // An unknown key gets its did-you-mean from the loader.
    let out = problems(&yen_lac("  - after: results\n    heding: x"));
    assert!(out.contains("unknown key `heding`"), "{out}");
    assert!(out.contains("did you mean `heading`?"), "{out}");
}

#[test]
fn a_block_an_earlier_entry_took_away_is_an_error_at_the_later_one() {
    let yaml = read("data/phuong-ba-dinh-2024.yaml").replace(
        "\nfacts:\n",
        "\nsections:
  - drop: results
  - after: criteria
    heading: Muộn
    paragraphs: [x]
\nfacts:\n",
    );
    let out = problems(&yaml);
    let line = line_of(&yaml, "after: criteria");
    assert!(
        out.contains(&format!("sheet.yaml:{line}:"))
            && out.contains("sections[1].after: the block `criteria` is no longer in the document"),
        "{out}"
    );
    // Nothing may follow the closing sentence.
    let out = problems(&yen_lac(
        "  - after: closing\n    heading: Sau cùng\n    paragraphs: [x]",
    ));
    assert!(
        out.contains("sections[0].after: the closing sentence ends the document"),
        "{out}"
    );
}

/// `responds_to` of the first document of `sheet` (text), given as one directive.
fn responding(sheet: &str, template: &str) -> String {
    let line = format!("  - template: {template}\n");
    assert!(sheet.contains(&line), "{template}");
    sheet.replace(
        &line,
        &format!(
            "{line}    responds_to: {{ kind: Kế hoạch, number: 31/KH-BCĐ, date: 2024-03-15, issuer: Ban Chỉ đạo cấp trên, about: triển khai phong trào năm 2024 }}\n"
        ),
    )
}

const CITED: &str = "Thực hiện Kế hoạch số 31/KH-BCĐ ngày 15/3/2024 của Ban Chỉ đạo cấp trên về triển khai phong trào năm 2024, ";

/// The opening paragraph: the first body paragraph.
fn opening(doc: &Document) -> String {
    doc.body
        .iter()
        .find_map(|b| match b {
            Block::Paragraph { content, .. } => Some(Inline::plain_text(content)),
            _ => None,
        })
        .expect("a paragraph")
}

#[test]
fn responds_to_opens_every_built_in_report() {
    // The multi-year review: the example itself.
    let doc = document(&read("data/huyen-yen-lac-2015-2024.yaml"));
    assert!(
        opening(&doc).starts_with("Thực hiện Kế hoạch số 31/KH-BCĐ ngày 15/3/2024 của Ban Chỉ đạo an ninh, trật tự tỉnh Vĩnh Phúc về tổng kết 10 năm phong trào toàn dân bảo vệ an ninh Tổ quốc giai đoạn 2015 - 2024, Ban Chỉ đạo an ninh, trật tự huyện Yên Lạc báo cáo tổng kết"),
        "{}",
        opening(&doc)
    );
    // The TT124 year-end report.
    let docs = documents(&responding(
        &read("data/phuong-ba-dinh-2024.yaml"),
        "bao-cao-ket-qua-tt124",
    ));
    let text = opening(&docs[0].1);
    assert!(text.starts_with(CITED), "{text}");
    assert!(
        text.contains("báo cáo kết quả xây dựng phường Ba Đình"),
        "{text}"
    );
    assert!(!text.contains("Thông tư số 124/2021/TT-BCA"), "{text}");
    // The periodic report, which has no opening without it.
    let plain = document(&read("data/xa-po-y-2024-8-thang.yaml"));
    assert!(
        !opening(&plain).starts_with("Thực hiện"),
        "{}",
        opening(&plain)
    );
    let doc = document(&responding(
        &read("data/xa-po-y-2024-8-thang.yaml"),
        "bao-cao-so-ket",
    ));
    let text = opening(&doc);
    assert!(text.starts_with(CITED), "{text}");
    assert!(text.contains(" báo cáo kết quả công tác xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc 8 tháng đầu năm 2024"), "{text}");
    // The district summary over its communes (its folder copied, children included).
    let dir = temp_dir("sections-tong-hop");
    let src = root().join("data/huyen-thach-thanh-2024-tong-hop");
    std::fs::create_dir_all(dir.join("xa")).expect("mkdir");
    for entry in std::fs::read_dir(src.join("xa")).expect("xa/") {
        let p = entry.expect("entry").path();
        std::fs::copy(&p, dir.join("xa").join(p.file_name().expect("name"))).expect("copy");
    }
    let sheet = dir.join("huyen-thach-thanh.yaml");
    std::fs::write(
        &sheet,
        responding(
            &read("data/huyen-thach-thanh-2024-tong-hop/huyen-thach-thanh.yaml"),
            "bao-cao-tong-hop",
        ),
    )
    .expect("write");
    let docs = documents_of(&sheet);
    let text = opening(&docs[0].1);
    assert!(text.starts_with(CITED), "{text}");
    assert!(
        text.contains(" tổng hợp kết quả xây dựng phong trào"),
        "{text}"
    );
    // The plan cites it too.
    let doc = document(&responding(
        &read("data/phuong-phuoc-long-2024.yaml"),
        "ke-hoach-tt124",
    ));
    assert_eq!(
        opening(&doc),
        "Thực hiện Kế hoạch số 31/KH-BCĐ ngày 15/3/2024 của Ban Chỉ đạo cấp trên về triển khai phong trào năm 2024."
    );
}

#[test]
fn several_directives_are_joined_and_a_bad_one_is_an_error_at_its_line() {
    let two = read("data/phuong-ba-dinh-2024.yaml").replace(
        "  - template: bao-cao-ket-qua-tt124\n",
        "  - template: bao-cao-ket-qua-tt124
    responds_to:
      - { kind: Kế hoạch, number: 31/KH-BCĐ, date: 2024-03-15, issuer: Ban Chỉ đạo thị xã }
      - { kind: Công văn, number: 120/CAT-PV01, date: 2024-10-02, about: báo cáo kết quả năm 2024 }
",
    );
    let docs = documents(&two);
    assert!(
        opening(&docs[0].1).starts_with("Thực hiện Kế hoạch số 31/KH-BCĐ ngày 15/3/2024 của Ban Chỉ đạo thị xã và Công văn số 120/CAT-PV01 ngày 02/10/2024 về báo cáo kết quả năm 2024, Ban Chỉ đạo"),
        "{}",
        opening(&docs[0].1)
    );
    let bad = two
        .replace("date: 2024-10-02", "date: 2024-10-32")
        .replace("about: báo cáo", "abot: báo cáo");
    let out = problems(&bad);
    let line = line_of(&bad, "2024-10-32");
    assert!(
        out.contains(&format!("sheet.yaml:{line}:"))
            && out.contains("documents[0].responds_to[1].date: \"2024-10-32\" is not a date"),
        "{out}"
    );
    assert!(
        out.contains("unknown key `abot`") && out.contains("did you mean `about`?"),
        "{out}"
    );
}

#[test]
fn an_extending_template_replaces_one_block_and_keeps_the_variables() {
    let dir = temp_dir("sections-extends");
    std::fs::write(
        dir.join("tong-ket-rieng.md.tera"),
        "{% extends \"bao-cao-tong-ket.md.tera\" %}
{% block opening %}{{ super() }}Giai đoạn từ năm {{ first }}.

{% endblock opening %}
{% block closing %}
Nơi khác ký thay./.
{% endblock closing %}",
    )
    .expect("write");
    // Overriding the whole body: the blocks inside still see `first`.
    std::fs::write(
        dir.join("tong-ket-than.md.tera"),
        "{% extends \"bao-cao-tong-ket.md.tera\" %}
{% block body %}
{% block results %}{{ super() }}{% endblock results %}
Hết./.
{% endblock body %}",
    )
    .expect("write");
    let templates = Templates::load(Some(&dir)).expect("templates");
    let names: Vec<String> =
        vanban::template::BlockNode::names(&templates.blocks("tong-ket-rieng"));
    assert_eq!(
        names,
        [
            "opening",
            "characteristics",
            "results",
            "leadership",
            "areas",
            "forces",
            "movement",
            "assessment",
            "strengths",
            "limitations",
            "lessons",
            "proposals",
            "closing"
        ]
    );
    for (template, expect) in [
        ("tong-ket-rieng", "Giai đoạn từ năm 2015."),
        ("tong-ket-than", "Giai đoạn 2015 - 2024, số khu dân cư"),
    ] {
        let yaml = yen_lac("").replace(
            "template: bao-cao-tong-ket",
            &format!("template: {template}"),
        );
        let file = write(&yaml, "sections-extends-sheet");
        let checked = vanban::check(&file, &templates, None).unwrap_or_else(|d| panic!("{d}"));
        let docs = vanban::build_documents(&checked, &templates).unwrap_or_else(|d| panic!("{d}"));
        let text = text_of(&docs[0].1);
        assert!(text.contains(expect), "{template}: {text}");
        if template == "tong-ket-rieng" {
            assert!(
                text.contains("báo cáo tổng kết phong trào"),
                "super(): {text}"
            );
            assert!(text.contains("\nNơi khác ký thay./.\n"), "{text}");
            assert!(!text.contains("Trên đây là báo cáo"), "{text}");
        }
    }
}

#[test]
fn templates_name_lists_the_blocks_a_section_anchors_to() {
    let o = vanban(&["templates", "bao-cao-ket-qua-tt124"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.starts_with("bao-cao-ket-qua-tt124 (built-in)"), "{out}");
    assert!(!out.contains("bao-cao-so-ket"), "one template: {out}");
    assert!(
        out.contains("  blocks (sections: after, before, replace, drop, rename):\n    opening\n    characteristics\n    implementation\n    results\n      propaganda\n      movement\n      core_forces\n      classification\n      criteria\n    closing\n    notes\n"),
        "{out}"
    );
    let o = vanban(&["templates", "bao-cao-tong-ke"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("did you mean `bao-cao-tong-ket`?"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn an_article_inserted_in_a_decision_is_numbered_and_keeps_its_case() {
    let yaml = read("data/phuong-ba-dinh-2024.yaml").replace(
        "\nfacts:\n",
        "\nsections:
  - after: articles
    document: quyet-dinh-cong-nhan
    heading: Giao Công an phường theo dõi, đôn đốc việc duy trì tiêu chuẩn.
\nfacts:\n",
    );
    let docs = documents(&yaml);
    let (_, decision) = docs
        .iter()
        .find(|(n, _)| n == "quyet-dinh-cong-nhan")
        .expect("the decision");
    let headings = outline(decision);
    assert_eq!(
        headings[2],
        "Điều 3. Giao Công an phường theo dõi, đôn đốc việc duy trì tiêu chuẩn."
    );
    assert!(headings[3].starts_with("Điều 4. "), "{headings:#?}");
    assert!(
        headings[3].ends_with("chịu trách nhiệm thi hành Quyết định này./."),
        "{headings:#?}"
    );
}
