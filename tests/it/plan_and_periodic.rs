//! The KẾ HOẠCH (data/phuong-phuoc-long-2024.yaml) and the 8-month report
//! (data/xa-po-y-2024-8-thang.yaml): computed periods, deadlines and comparisons in the text,
//! real Word footnotes in the right places, the ND30/Word-safety checks, and one changed
//! figure changing exactly the sentences that use it.

use crate::common::tmp;
use tmp::temp_dir;

use crate::common::ooxml;

use crate::common::run::{stderr, vanban};
use ooxml::{docx_parts, invalid_xml_chars, misordered_children, part, plain_text};
use std::path::Path;
use vanban::template::Templates;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Renders `sheet` (relative to the crate) as DOCX; returns the unzipped parts.
fn docx_of(sheet: &str, name: &str) -> Vec<(String, String)> {
    let out = temp_dir(name);
    let o = vanban(&[
        "render",
        sheet,
        "--format",
        "docx",
        "-o",
        out.to_str().expect("utf-8"),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let path = String::from_utf8(o.stdout).expect("utf-8");
    let bytes = std::fs::read(path.trim()).expect("docx written");
    docx_parts(&bytes)
}

/// The text of every document of a fact sheet given as YAML text, via the library.
fn texts(yaml: &str) -> Vec<(String, String)> {
    let dir = temp_dir("texts");
    let file = dir.join("sheet.yaml");
    std::fs::write(&file, yaml).expect("write");
    let templates = Templates::load(None).expect("templates");
    let checked = vanban::check(&file, &templates, None).unwrap_or_else(|d| panic!("{d}"));
    vanban::build_documents(&checked, &templates)
        .unwrap_or_else(|d| panic!("{d}"))
        .into_iter()
        .map(|(name, doc)| (name, vanban::writer::text::write(&doc)))
        .collect()
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(root().join(rel)).expect("example readable")
}

#[test]
fn plan_states_the_computed_periods_and_deadlines() {
    let parts = docx_of("data/phuong-phuoc-long-2024.yaml", "plan");
    let text = plain_text(part(&parts, "word/document.xml"));
    for expected in [
        "Số: 390/KH-BCĐ",
        "Phước Long, ngày 25 tháng 3 năm 2024",
        "KẾ HOẠCH",
        "Thực hiện Kế hoạch số 1616/KH-BCĐ ngày 04/3/2024",
        // TT124 Điều 8: residential areas 01/11–31/10, the ward 16/11–15/11.
        "Đối với khu dân cư: từ ngày 01/11/2023 đến ngày 31/10/2024;",
        "Đối với phường Phước Long: từ ngày 16/11/2023 đến ngày 15/11/2024.",
        // Điều 9: registration by the end of quarter I; dossiers before the recognition dates.
        "hoàn thành trước ngày 31/3/2024",
        "trước ngày 05/11/2024 để Chủ tịch Ủy ban nhân dân phường xét, công nhận trước ngày 15/11/2024",
        "trước ngày 17/11/2024 để Chủ tịch Ủy ban nhân dân thành phố xét, công nhận trước ngày 20/11/2024",
        "24 tổ dân phố thuộc phường Phước Long",
        "Điều 4 và Điều 5 Thông tư số 124/2021/TT-BCA",
        "từ 19h00 hôm trước đến 05h00 sáng hôm sau",
        "Công an, Dân quân, Bảo vệ dân phố",
        "- 24 tổ dân phố;",
        "- Lưu: CAP.",
        "TM. BAN CHỈ ĐẠO",
        "Ngô Khắc Thịnh",
    ] {
        assert!(text.contains(expected), "missing `{expected}` in:\n{text}");
    }
    assert!(text.contains("III. TỔ CHỨC THỰC HIỆN"));
    assert!(text.trim_end().contains("triển khai thực hiện./."));
}

#[test]
fn periodic_report_compares_with_last_year() {
    let parts = docx_of("data/xa-po-y-2024-8-thang.yaml", "periodic");
    let text = plain_text(part(&parts, "word/document.xml"));
    for expected in [
        "Số:       /BC-BCĐ",
        "Pờ Y, ngày      tháng 8 năm 2024",
        "8 tháng đầu năm và phương hướng nhiệm vụ 4 tháng cuối năm 2024",
        "9.481,11 ha",
        "08 thôn với 2.787 hộ/9.140 nhân khẩu",
        "12 lượt tuyên truyền, phổ biến, giáo dục pháp luật với 3.300 lượt người tham gia",
        "06 vụ/07 đối tượng",
        "không tăng, không giảm về số vụ; giảm 04 đối tượng so với cùng kỳ năm 2023",
        "Xảy ra 02 vụ, so với cùng kỳ năm 2023 tăng 02 vụ. Hậu quả: 02 người tử vong (tăng 02), 01 người bị thương (tăng 01), 01 xe mô tô hư hỏng.",
        "85.000.000 đồng (tám mươi lăm triệu đồng)",
        "Hậu quả: 01 người chết.",
        "18/56 công dân, trong đó dương tính 06, âm tính 12",
        "9.000.000đ (chín triệu đồng)",
        "03 súng kíp, 04 súng cò, 01 dùi cui điện, 03 dao, kiếm và 01 cồng số 8",
        "lắp thêm 06 camera, nâng tổng số lên 18 camera",
        "thêm 03 tổ, đội với 33 thành viên, nâng tổng số lên 08 tổ, đội với 92 thành viên",
        "Tổng số người đang chấp hành án tại cộng đồng là 07",
        "V. NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM 4 THÁNG CUỐI NĂM 2024",
        "8 tháng đầu năm 2024 và phương hướng nhiệm vụ 4 tháng cuối năm 2024 của Ban Chỉ đạo xã./.",
    ] {
        assert!(text.contains(expected), "missing `{expected}` in:\n{text}");
    }
}

#[test]
fn footnotes_are_real_word_footnotes_in_order_and_place() {
    let parts = docx_of("data/xa-po-y-2024-8-thang.yaml", "notes");
    let xml = part(&parts, "word/document.xml");
    // References 1, 2, 3 in document order, each right after its figure.
    let refs: Vec<usize> = ["w:id=\"1\"", "w:id=\"2\"", "w:id=\"3\""]
        .iter()
        .map(|id| {
            xml.find(&format!("<w:footnoteReference {id}/>"))
                .unwrap_or_else(|| panic!("no footnote reference {id}"))
        })
        .collect();
    assert!(refs[0] < refs[1] && refs[1] < refs[2], "{refs:?}");
    let before = |pos: usize| plain_text_fragment(&xml[..pos]);
    assert!(before(refs[0]).ends_with("so với cùng kỳ năm 2023)"));
    assert!(before(refs[1]).ends_with("05 vụ/06 đối tượng"));
    assert!(before(refs[2]).ends_with("01 vụ/01 đối tượng"));

    let notes = plain_text(part(&parts, "word/footnotes.xml"));
    let lines: Vec<&str> = notes.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(
        lines,
        [
            " 8 tháng đầu năm 2023 xảy ra 06 vụ/11 đối tượng.",
            " Sử dụng trái phép chất ma túy 03 vụ/04 đối tượng; Sử dụng các loại pháo trái phép 02 vụ/02 đối tượng.",
            " Tàng trữ trái phép chất ma túy 01 vụ/01 đối tượng.",
        ]
    );
}

/// The `w:t` texts of an XML fragment, concatenated (for "what precedes this reference").
fn plain_text_fragment(xml: &str) -> String {
    let mut out = String::new();
    let mut rest = xml;
    while let Some(start) = rest.find("<w:t") {
        let after = &rest[start..];
        let Some(open_end) = after.find('>') else {
            break;
        };
        if after[..open_end].ends_with('/')
            || !matches!(after.as_bytes().get(4), Some(b'>') | Some(b' '))
        {
            rest = &after[open_end + 1..];
            continue;
        }
        let body = &after[open_end + 1..];
        let Some(close) = body.find("</w:t>") else {
            break;
        };
        out.push_str(
            &body[..close]
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&"),
        );
        rest = &body[close..];
    }
    out
}

#[test]
fn both_are_word_safe_and_deterministic() {
    for (sheet, name) in [
        ("data/phuong-phuoc-long-2024.yaml", "plan-a"),
        ("data/xa-po-y-2024-8-thang.yaml", "periodic-a"),
    ] {
        let parts = docx_of(sheet, name);
        for (part_name, xml) in parts
            .iter()
            .filter(|(n, _)| n.starts_with("word/") && n.ends_with(".xml"))
        {
            assert_eq!(
                misordered_children(xml),
                Vec::<String>::new(),
                "{sheet} {part_name}"
            );
            assert_eq!(
                invalid_xml_chars(xml),
                Vec::<char>::new(),
                "{sheet} {part_name}"
            );
        }
        assert_eq!(parts, docx_of(sheet, &format!("{name}-again")), "{sheet}");
    }
}

#[test]
fn one_changed_figure_changes_exactly_the_sentences_that_use_it() {
    let original = read("data/xa-po-y-2024-8-thang.yaml");
    let changed = original.replace(
        "    deaths: 2\n    injuries: 1\n",
        "    deaths: 3\n    injuries: 1\n",
    );
    assert_ne!(original, changed);
    let (before, after) = (texts(&original), texts(&changed));
    let diff = vanban::writer::text::diff_lines(&before[0].1, &after[0].1);
    assert_eq!(
        diff,
        "- Xảy ra 02 vụ, so với cùng kỳ năm 2023 tăng 02 vụ. Hậu quả: 02 người tử vong (tăng 02), 01 người bị thương (tăng 01), 01 xe mô tô hư hỏng.\n\
         + Xảy ra 02 vụ, so với cùng kỳ năm 2023 tăng 02 vụ. Hậu quả: 03 người tử vong (tăng 03), 01 người bị thương (tăng 01), 01 xe mô tô hư hỏng.\n"
    );

    // Last year's total feeds the comparison and its footnote, and nothing else.
    let changed = original.replace(
        "incidents_previous: { cases: 6, offenders: 11 }",
        "incidents_previous: { cases: 6, offenders: 7 }",
    );
    let diff = vanban::writer::text::diff_lines(&before[0].1, &texts(&changed)[0].1);
    let lines: Vec<&str> = diff.lines().collect();
    assert_eq!(lines.len(), 4, "{diff}");
    assert!(
        lines[1].contains(
            "không tăng, không giảm về số vụ; không tăng, không giảm so với cùng kỳ năm 2023"
        ),
        "{diff}"
    );
    assert_eq!(
        lines[3],
        "+ [1] 8 tháng đầu năm 2023 xảy ra 06 vụ/07 đối tượng."
    );
}

#[test]
fn a_whole_year_report_names_the_next_year() {
    let yaml = read("data/xa-po-y-2024-8-thang.yaml").replace("  months: 8 ", "  months: 12 ");
    let text = &texts(&yaml)[0].1;
    assert!(text.contains("Kết quả công tác xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc năm 2024 và phương hướng nhiệm vụ năm 2025"), "{text}");
    assert!(text.contains("Trong năm 2024,"));
    assert!(
        text.contains("[1] Năm 2023 xảy ra 06 vụ/11 đối tượng."),
        "{text}"
    );
}
