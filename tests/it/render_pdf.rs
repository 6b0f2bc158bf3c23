//! The PDF half end to end: `vanban render` (default formats, PDF/A-2b) on the shipped
//! examples, read back with poppler: header strings, the date line and every figure, NFC-exact;
//! A4 pages, no page number on page 1 and "2" atop page 2; only the embedded Liberation Serif;
//! real footnotes in order; byte-identical on a second run.

use crate::common::tmp;
use tmp::temp_dir;

use crate::common::poppler;

use crate::common::run::{stderr, vanban};
use poppler::poppler;
use std::path::PathBuf;
use unicode_normalization::is_nfc;

/// Renders `sheet` with the default formats; returns the PDF's bytes (and checks a DOCX
/// was written beside it).
fn pdf_of(sheet: &str, name: &str) -> Vec<u8> {
    let out = temp_dir(name);
    let o = vanban(&["render", sheet, "-o", out.to_str().expect("utf-8")]);
    assert!(o.status.success(), "{}", stderr(&o));
    let written: Vec<PathBuf> = String::from_utf8(o.stdout)
        .expect("utf-8")
        .lines()
        .map(PathBuf::from)
        .collect();
    assert_eq!(written.len() % 2, 0, "docx and pdf: {written:?}");
    assert!(
        written
            .iter()
            .any(|p| p.extension().is_some_and(|e| e == "docx"))
    );
    // The sheet's first document (the report, before any dossier documents).
    let pdf = written
        .iter()
        .find(|p| p.extension().is_some_and(|e| e == "pdf"))
        .expect("a pdf");
    std::fs::read(pdf).expect("pdf written")
}

/// The text of pages `first..=last` with all white space folded to single spaces.
fn text(pdf: &[u8], pages: Option<(u32, u32)>) -> String {
    let range: Vec<String> = pages
        .map(|(f, l)| vec!["-f".into(), f.to_string(), "-l".into(), l.to_string()])
        .unwrap_or_default();
    let mut args: Vec<&str> = vec!["-enc", "UTF-8"];
    args.extend(range.iter().map(String::as_str));
    let raw = poppler("pdftotext", &args, pdf);
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn ba_dinh_pdf_has_every_figure_and_the_nd30_frame() {
    let pdf = pdf_of("data/phuong-ba-dinh-2024.yaml", "ba-dinh");
    let all = text(&pdf, None);
    assert!(is_nfc(&all));
    for expected in [
        "UBND PHƯỜNG BA ĐÌNH",
        "BAN CHỈ ĐẠO AN NINH, TRẬT TỰ",
        "Số: 93/BC-BCĐ",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Ba Đình, ngày 05 tháng 11 năm 2024",
        "BÁO CÁO",
        "3.537 hộ",
        "12.535 nhân khẩu",
        "86 tổ an ninh xã hội",
        "58 cơ quan",
        "16/11/2023",
        "15/11/2024",
        "47-NQ/ĐU ngày 12/01/2024",
        "13/KH-BCĐ ngày 22/01/2024",
        "15 bài tuyên truyền",
        "985 lượt buổi",
        "05 băng rôn",
        "145 tài liệu",
        "08 vụ mâu thuẫn",
        "55 tin",
        "25 đối tượng",
        "12 đối tượng đã tiến bộ",
        "18 người nghiện",
        "01 khẩu súng săn tự chế",
        "2,5 kg thuốc nổ",
        "1,2 kg pháo",
        "15 cây xanh",
        "08 biển hiệu",
        "09 tổ",
        "58 hộ gia đình",
        "42 camera",
        "30 đồng chí",
        "25 bảo vệ",
        "10/10 khu phố, 01/01 nhà trường, 01/01 cơ quan",
        "12/12 (100%)",
        "Nơi nhận:",
        "- Lưu: VT, CAP.",
        "TRƯỞNG BAN",
        "CHỦ TỊCH UBND PHƯỜNG",
        "Lê Văn Hùng",
    ] {
        assert!(all.contains(expected), "missing `{expected}` in:\n{all}");
    }
    assert!(
        all.contains("Nghị quyết số 51-NQ/TW ngày 05/9/2019"),
        "the footnote"
    );

    // A4, every page.
    let info = poppler("pdfinfo", &["-l", "99"], &pdf);
    let sizes: Vec<&str> = info
        .lines()
        .filter(|l| l.starts_with("Page") && l.contains("size:"))
        .collect();
    assert!(!sizes.is_empty());
    assert!(
        sizes.iter().all(|l| l.contains("595.276 x 841.89")),
        "{sizes:?}"
    );
    assert!(info.contains("PDF version:"));

    // Page numbers: none on page 1; page 2 starts with "2".
    let page1 = text(&pdf, Some((1, 1)));
    assert!(page1.starts_with("UBND PHƯỜNG BA ĐÌNH"), "{page1}");
    let page2 = text(&pdf, Some((2, 2)));
    assert!(page2.starts_with("2 "), "{page2}");

    // Only the embedded font.
    let fonts = poppler("pdffonts", &[], &pdf);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty());
    for row in rows {
        assert!(row.contains("LiberationSerif"), "{row}");
        assert!(row.contains(" yes "), "embedded: {row}");
    }
}

#[test]
fn default_pdf_is_pdf_a_2b_and_deterministic() {
    let first = pdf_of("data/phuong-ba-dinh-2024.yaml", "det-1");
    let second = pdf_of("data/phuong-ba-dinh-2024.yaml", "det-2");
    assert!(first == second, "a second render differs");
    let raw = String::from_utf8_lossy(&first);
    assert!(raw.contains("<pdfaid:part>2</pdfaid:part>"), "PDF/A part 2");
    assert!(
        raw.contains("<pdfaid:conformance>B</pdfaid:conformance>"),
        "conformance B"
    );
}

#[test]
fn periodic_report_footnotes_in_the_pdf() {
    let pdf = pdf_of("data/xa-po-y-2024-8-thang.yaml", "po-y");
    let all = text(&pdf, None);
    for expected in [
        "Số: /BC-BCĐ",
        "Pờ Y, ngày tháng 8 năm 2024",
        "06 vụ/07 đối tượng",
        "giảm 04 đối tượng so với cùng kỳ năm 2023",
        "02 người tử vong (tăng 02)",
        "85.000.000 đồng (tám mươi lăm triệu đồng)",
        "9.000.000đ (chín triệu đồng)",
        "8 tháng đầu năm 2023 xảy ra 06 vụ/11 đối tượng.",
        "Sử dụng trái phép chất ma túy 03 vụ/04 đối tượng; Sử dụng các loại pháo trái phép 02 vụ/02 đối tượng.",
        "Tàng trữ trái phép chất ma túy 01 vụ/01 đối tượng.",
        "Tống Văn Đồng",
    ] {
        assert!(all.contains(expected), "missing `{expected}` in:\n{all}");
    }
    // The footnote texts come after the body text that references them, numbered 1–3.
    let body_at = all
        .find("không tăng, không giảm về số vụ")
        .expect("comparison");
    let note_at = all.find("8 tháng đầu năm 2023 xảy ra").expect("note 1");
    assert!(note_at > body_at);
    let page_with_notes = (1..=5)
        .map(|p| text(&pdf, Some((p, p))))
        .find(|t| t.contains("8 tháng đầu năm 2023 xảy ra"))
        .expect("a page with note 1");
    // The note's number precedes its text (pdftotext may glue the superscript to it).
    assert!(
        page_with_notes.contains("1 8 tháng đầu năm 2023")
            || page_with_notes.contains("18 tháng đầu năm 2023"),
        "{page_with_notes}"
    );
}

#[test]
fn plan_pdf_renders_with_its_deadlines() {
    let pdf = pdf_of("data/phuong-phuoc-long-2024.yaml", "plan");
    let all = text(&pdf, None);
    for expected in [
        "Số: 390/KH-BCĐ",
        "Phước Long, ngày 25 tháng 3 năm 2024",
        "KẾ HOẠCH",
        "từ ngày 01/11/2023 đến ngày 31/10/2024",
        "từ ngày 16/11/2023 đến ngày 15/11/2024",
        "trước ngày 31/3/2024",
        "trước ngày 20/11/2024",
        "Ngô Khắc Thịnh",
    ] {
        assert!(all.contains(expected), "missing `{expected}` in:\n{all}");
    }
}
