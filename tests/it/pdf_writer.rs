//! Integration tests of the PDF writer: render documents and read them back with poppler
//! (`pdftotext`, `pdfinfo`, `pdffonts`, from `poppler-utils`), so the checks see what a
//! reader of the PDF sees rather than what we meant to write.

use crate::common::poppler;

use poppler::poppler;

use unicode_normalization::{UnicodeNormalization, is_nfc};
use vanban::document::sample::sample_document;
use vanban::document::{
    Align, Block, Document, Footnote, HeadCell, Inline, Recipients, SignatureBlock, Span, Table,
};
use vanban::writer::pdf::{self, PdfOptions, PdfRenderer};

fn render(doc: &Document) -> Vec<u8> {
    pdf::write(doc, PdfOptions::default()).expect("render PDF")
}

/// `pdftotext -layout` text of the given pages (`None` = all).
fn text_of(pdf: &[u8], pages: Option<(u32, u32)>) -> String {
    let mut args = vec!["-layout".to_string(), "-enc".into(), "UTF-8".into()];
    if let Some((first, last)) = pages {
        args.extend([
            "-f".into(),
            first.to_string(),
            "-l".into(),
            last.to_string(),
        ]);
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    poppler("pdftotext", &args, pdf)
}

/// Whitespace runs (column gaps, justified spaces, line ends) as single spaces. Characters
/// themselves are left alone: no Unicode normalisation on the PDF side.
fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn assert_contains(haystack: &str, needle: &str) {
    assert!(
        haystack.contains(needle),
        "missing {needle:?} in extracted text:\n{haystack}"
    );
}

fn page_count(pdf: &[u8]) -> u32 {
    let info = poppler("pdfinfo", &[], pdf);
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no page count in pdfinfo output:\n{info}"))
}

#[test]
fn sample_text_has_header_title_body_and_closing() {
    let doc = sample_document();
    let pdf = render(&doc);
    // `VANBAN_PDF_OUT=/tmp/sample.pdf cargo test --test pdf_writer` keeps the sample to look at.
    if let Some(path) = std::env::var_os("VANBAN_PDF_OUT") {
        std::fs::write(path, &pdf).expect("write VANBAN_PDF_OUT");
    }
    let text = text_of(&pdf, None);
    // The text comes out precomposed, exactly as the model holds it.
    assert!(is_nfc(&text), "pdftotext output is not NFC");
    let flat = squeeze(&text);
    for needle in [
        "UBND PHƯỜNG BA ĐÌNH",
        "BAN CHỈ ĐẠO AN NINH,",
        "TRẬT TỰ PHƯỜNG",
        "Số: 93/BC-BCĐ",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Ba Đình, ngày 05 tháng 11 năm 2024",
        "BÁO CÁO",
        "Kết quả thực hiện Thông tư số 124/2021/TT-BCA của Bộ Công an năm 2024",
        "I. ĐẶC ĐIỂM TÌNH HÌNH",
        "II. KẾT QUẢ THỰC HIỆN",
        "1. Công tác tuyên truyền",
        "1.1. Kết quả xây dựng khu dân cư",
        "- Công an xã trực tiếp phát hiện 05 vụ/06 đối tượng",
        "+ Xử lý hành chính 05 vụ/06 đối tượng;",
        "dòng thứ hai.",
        "1. Quý I, Đảng ủy có nghị quyết. Đạt.",
        "“An toàn về an ninh, trật tự” năm 2024./.",
        "Nơi nhận:",
        "- BCĐ 138 thị xã (báo cáo);",
        "- CA thị xã (báo cáo);",
        "- Lưu: VT, CAP.",
        "TM. BAN CHỈ ĐẠO",
        "TRƯỞNG BAN",
        "CHỦ TỊCH UBND PHƯỜNG",
        "Lê Văn Hùng",
    ] {
        assert!(is_nfc(needle));
        assert_contains(&flat, needle);
    }
    // Every figure of the sample.
    for figure in [
        "58",
        "3.537",
        "12.535",
        "10",
        "86",
        "06 vụ/07",
        "04",
        "2023",
        "05 vụ/06",
        "06 vụ/11",
        "03 vụ/04",
        "02 vụ/02",
        "124/2021/TT-BCA",
    ] {
        assert_contains(&flat, figure);
    }
    // The table: header and rows, cells in order.
    assert_contains(&flat, "Chỉ tiêu Năm 2024 Năm 2023");
    assert_contains(&flat, "Số vụ 06 06");
    assert_contains(&flat, "Đối tượng 07 11");
}

#[test]
fn place_date_is_level_with_the_number() {
    let text = text_of(&render(&sample_document()), Some((1, 1)));
    let line = text
        .lines()
        .find(|l| l.contains("Số: 93/BC-BCĐ"))
        .expect("number line on page 1");
    assert!(
        line.contains("Ba Đình, ngày 05 tháng 11 năm 2024"),
        "place/date not on the number's line: {line:?}"
    );
}

#[test]
fn page_is_a4() {
    let pdf = render(&sample_document());
    let info = poppler("pdfinfo", &[], &pdf);
    let size = info
        .lines()
        .find_map(|l| l.strip_prefix("Page size:"))
        .expect("page size in pdfinfo output");
    let numbers: Vec<f64> = size
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    assert!(
        numbers.len() >= 2 && numbers[0].round() == 595.0 && numbers[1].round() == 842.0,
        "not A4: {size}"
    );
    assert!(
        page_count(&pdf) >= 2,
        "the sample should fill more than one page"
    );
}

#[test]
fn page_numbers_start_on_page_two() {
    let pdf = render(&sample_document());
    let pages = page_count(&pdf);
    let first_line = |page: u32| {
        text_of(&pdf, Some((page, page)))
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty())
            .unwrap_or_default()
            .to_string()
    };
    let page1 = first_line(1);
    assert!(
        page1.starts_with("UBND PHƯỜNG BA ĐÌNH"),
        "page 1 should start with the header block, not a page number: {page1:?}"
    );
    for page in 2..=pages {
        assert_eq!(first_line(page), page.to_string(), "page {page}'s header");
    }
}

#[test]
fn only_embedded_liberation_serif() {
    let fonts = poppler("pdffonts", &[], &render(&sample_document()));
    let rows: Vec<&str> = fonts
        .lines()
        .skip(2)
        .filter(|l| !l.trim().is_empty())
        .collect();
    assert!(!rows.is_empty(), "no fonts listed:\n{fonts}");
    for row in rows {
        // name type… encoding emb sub uni object-id generation; the type may hold a space,
        // so read the flags from the right.
        let cols: Vec<&str> = row.split_whitespace().collect();
        assert!(cols.len() >= 7, "unexpected pdffonts row {row:?}");
        let name = cols[0];
        let (emb, uni) = (cols[cols.len() - 5], cols[cols.len() - 3]);
        assert!(
            name.contains("LiberationSerif"),
            "unexpected font {name}:\n{fonts}"
        );
        assert_eq!(emb, "yes", "font not embedded: {row}");
        assert_eq!(
            uni, "yes",
            "font without ToUnicode (text would not extract): {row}"
        );
    }
}

#[test]
fn markup_characters_print_literally() {
    let flat = squeeze(&text_of(&render(&sample_document()), None));
    assert_contains(
        &flat,
        "Ký tự đặc biệt: # $ * _ @ < > [ ] \\ // & \" ' ` ~ = { } ^ |.",
    );
}

#[test]
fn data_is_never_evaluated_as_typst() {
    let mut doc = sample_document();
    let evil = [
        "#set page(width: 3cm)",
        "#import \"@preview/cetz:0.3.0\": *",
        "#read(\"/etc/passwd\")",
        "$x^2$ <lbl> @lbl *bold* _emph_ // comment",
    ];
    doc.header.issuing_agency = vec![evil[0].to_string()];
    doc.title.summary = evil[1].to_string();
    doc.body = vec![
        // Level 2: a level-1 heading would print UPPERCASE.
        Block::Heading {
            level: 2,
            number: "1.".into(),
            content: vec![Inline::Text(Span::plain(evil[2]))],
        },
        Block::paragraph(vec![Inline::Text(Span::plain(evil[3]))]),
    ];
    doc.footnotes.clear();
    doc.signatures[0].name = "]) #panic(\"x\")".into();
    let pdf = render(&doc);
    let flat = squeeze(&text_of(&pdf, None));
    for needle in evil {
        assert_contains(&flat, needle);
    }
    assert_contains(&flat, "]) #panic(\"x\")");
}

#[test]
fn footnotes_are_numbered_in_order_with_their_text() {
    let text = text_of(&render(&sample_document()), None);
    // Each entry once, its number (a superscript, so pdftotext may put it on a line of
    // its own) right before it.
    let flat = squeeze(&text);
    for (number, entry) in [
        ("1", "8 tháng đầu năm 2023 xảy ra 06 vụ/11 đối tượng."),
        (
            "2",
            "Sử dụng trái phép chất ma túy 03 vụ/04 đối tượng; sử dụng pháo trái phép 02 vụ/02 đối tượng.",
        ),
    ] {
        assert_eq!(
            flat.matches(entry).count(),
            1,
            "footnote {number} printed once"
        );
        assert_contains(&flat, &format!("{number} {entry}"));
    }
    // The references in the body: a superscript digit right after the text they annotate.
    assert_contains(&flat, "năm 2023)1");
    assert_contains(&flat, "06 đối tượng2");
}

#[test]
fn renders_are_byte_identical() {
    let doc = sample_document();
    let renderer = PdfRenderer::new().expect("renderer");
    let a = renderer
        .render(&doc, PdfOptions::default())
        .expect("render");
    // Something else in between, so a cache could only make things differ.
    let mut other = doc.clone();
    other.header.number_line = "Số: 94/BC-BCĐ".into();
    let c = renderer
        .render(&other, PdfOptions::default())
        .expect("render");
    let b = renderer
        .render(&doc, PdfOptions::default())
        .expect("render");
    let fresh = PdfRenderer::new()
        .expect("renderer")
        .render(&doc, PdfOptions::default())
        .expect("render");
    assert!(a == b, "two renders in one renderer differ");
    assert!(a == fresh, "a fresh renderer gives different bytes");
    assert!(a == render(&doc), "pdf::write gives different bytes");
    assert!(a != c, "a different document gave the same bytes");
    let archival = PdfOptions { pdf_a: true };
    assert!(
        renderer.render(&doc, archival).expect("render")
            == renderer.render(&doc, archival).expect("render"),
        "two PDF/A renders differ"
    );
}

#[test]
fn metadata_comes_from_the_document() {
    let info = poppler("pdfinfo", &[], &render(&sample_document()));
    assert_contains(
        &info,
        "BÁO CÁO Kết quả thực hiện Thông tư số 124/2021/TT-BCA",
    );
    assert_contains(&info, "BAN CHỈ ĐẠO AN NINH, TRẬT TỰ PHƯỜNG");
    let created = info
        .lines()
        .find(|l| l.starts_with("CreationDate:"))
        .expect("creation date");
    assert!(created.contains("Nov  5 00:00:00 2024"), "{created}");
}

/// The `<x:xmpmeta>` packet of a PDF, parsed.
fn xmp_claims(pdf: &[u8]) -> Option<(String, String)> {
    let text = String::from_utf8_lossy(pdf);
    let start = text.find("<x:xmpmeta")?;
    let end = text[start..].find("</x:xmpmeta>")? + start + "</x:xmpmeta>".len();
    let xml = roxmltree::Document::parse(&text[start..end]).expect("XMP is XML");
    const PDFAID: &str = "http://www.aiim.org/pdfa/ns/id/";
    let find = |name: &str| {
        xml.descendants().find_map(|n| {
            if n.tag_name().namespace() == Some(PDFAID) && n.tag_name().name() == name {
                return n.text().map(str::to_string);
            }
            n.attribute((PDFAID, name)).map(str::to_string)
        })
    };
    Some((find("part")?, find("conformance")?))
}

#[test]
fn pdf_a_option_claims_pdf_a_2b() {
    let doc = sample_document();
    let pdf_a = pdf::write(&doc, PdfOptions { pdf_a: true }).expect("render PDF/A");
    assert_eq!(
        xmp_claims(&pdf_a),
        Some(("2".to_string(), "B".to_string())),
        "no pdfaid:part 2 / conformance B in the XMP metadata"
    );
    assert_eq!(xmp_claims(&render(&doc)), None, "plain PDF claims PDF/A");
    // The archival file still carries the same text.
    assert_contains(
        &squeeze(&text_of(&pdf_a, None)),
        "Ba Đình, ngày 05 tháng 11 năm 2024",
    );
}

fn minimal_document() -> Document {
    let mut doc = sample_document();
    doc.header.parent_agency.clear();
    doc.header.place_date = None;
    doc.addressees.clear();
    doc.body.clear();
    doc.footnotes.clear();
    doc.recipients = Recipients {
        heading: "Nơi nhận:".into(),
        lines: vec![],
    };
    doc.signatures = vec![SignatureBlock {
        authority: vec!["CHỦ TỌA".into()],
        seal_title: vec![],
        name: String::new(),
    }];
    doc
}

#[test]
fn minimal_document_renders() {
    let doc = minimal_document();
    for opts in [PdfOptions::default(), PdfOptions { pdf_a: true }] {
        let pdf = pdf::write(&doc, opts).expect("render minimal document");
        assert_eq!(page_count(&pdf), 1);
        let flat = squeeze(&text_of(&pdf, None));
        assert_contains(&flat, "BAN CHỈ ĐẠO AN NINH,");
        assert_contains(&flat, "Nơi nhận:");
        assert_contains(&flat, "CHỦ TỌA");
        assert!(!flat.contains("UBND PHƯỜNG BA ĐÌNH"));
    }
}

#[test]
fn addressees_tables_and_repeated_notes() {
    let t = |s: &str| Inline::Text(Span::plain(s));
    let mut doc = minimal_document();
    doc.addressees = vec!["Kính gửi: Ủy ban nhân dân thị xã.".into()];
    doc.footnotes = vec![Footnote {
        paragraphs: vec![vec![t("Ghi chú một.")], vec![t("Đoạn hai của ghi chú.")]],
    }];
    doc.body = vec![
        Block::paragraph(vec![
            t("Lần đầu"),
            Inline::Note(0),
            t(" và lần hai"),
            Inline::Note(0),
            t("."),
        ]),
        // A ragged table without alignments or a header row.
        Block::Table(Table {
            rows: vec![
                vec![vec![t("A1")], vec![t("B1")]],
                vec![vec![t("A2")]],
                vec![],
            ],
            ..Table::default()
        }),
        Block::Table(Table {
            align: vec![Align::Center],
            ..Table::default()
        }),
        // A header row shorter than the table and a cell spanning past its end.
        Block::Table(Table {
            head: vec![
                vec![HeadCell {
                    colspan: 9,
                    ..HeadCell::plain("Gộp")
                }],
                vec![HeadCell::plain("X")],
            ],
            rows: vec![vec![vec![t("C1")], vec![t("D1")]]],
            ..Table::default()
        }),
        Block::Heading {
            level: 7,
            number: "1.1.1.1.".into(),
            content: vec![t("Mục sâu")],
        },
    ];
    let pdf = render(&doc);
    let text = text_of(&pdf, None);
    let flat = squeeze(&text);
    assert_contains(&flat, "Kính gửi: Ủy ban nhân dân thị xã.");
    assert_contains(&flat, "Lần đầu");
    assert_contains(&flat, "và lần hai");
    // One entry, numbered 1, with both its paragraphs; the second reference adds no "2".
    assert_contains(&flat, "1 Ghi chú một. Đoạn hai của ghi chú.");
    assert!(
        !flat.contains("2 Ghi chú"),
        "the repeated note got an entry of its own"
    );
    assert_contains(&flat, "A1 B1");
    assert_contains(&flat, "Gộp X C1 D1");
    assert_contains(&flat, "1.1.1.1. Mục sâu");
    // The note is printed once.
    assert_eq!(text.matches("Ghi chú một.").count(), 1);
}

#[test]
fn references_that_break_the_footnote_invariants_never_panic() {
    // `Document::finish` refuses these when a document is built; the writer must still
    // survive a hand-built one.
    let mut doc = minimal_document();
    doc.body = vec![Block::paragraph(vec![Inline::Note(3)])];
    doc.footnotes = vec![Footnote {
        paragraphs: vec![vec![Inline::Note(0)]],
    }];
    let pdf = pdf::write(&doc, PdfOptions::default()).expect("renders");
    assert_eq!(page_count(&pdf), 1);
}

/// All 146 Vietnamese letters (12 vowels × 6 tones, and đ; both cases), precomposed.
fn vietnamese_letters() -> Vec<String> {
    let mut letters = vec!["đ".to_string(), "Đ".to_string()];
    for vowel in ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"] {
        for tone in ["", "\u{300}", "\u{309}", "\u{303}", "\u{301}", "\u{323}"] {
            let lower: String = format!("{vowel}{tone}").nfc().collect();
            letters.push(lower.to_uppercase());
            letters.push(lower);
        }
    }
    letters
}

#[test]
fn every_vietnamese_letter_prints_in_every_style() {
    let letters = vietnamese_letters();
    assert_eq!(letters.len(), 146);
    assert!(
        letters.iter().all(|l| l.chars().count() == 1),
        "not precomposed"
    );
    let line = letters.join(" ");
    let mut doc = minimal_document();
    doc.body = [(false, false), (true, false), (false, true), (true, true)]
        .into_iter()
        .map(|(bold, italic)| {
            Block::paragraph(vec![Inline::Text(Span {
                text: line.clone(),
                bold,
                italic,
            })])
        })
        .collect();
    // PDF/A export refuses any glyph the font lacks, so this also proves there is no gap.
    let pdf = pdf::write(&doc, PdfOptions { pdf_a: true }).expect("render every letter");
    let text = text_of(&pdf, None);
    assert!(is_nfc(&text), "pdftotext output is not NFC");
    // pdftotext guesses spaces from gaps and misses some between one-letter words, so
    // compare the letters alone.
    let letters_only: String = text.split_whitespace().collect();
    let expected: String = letters.concat();
    assert_eq!(
        letters_only.matches(&expected).count(),
        4,
        "every style prints every letter:\n{text}"
    );
}

#[test]
fn characters_without_a_glyph_are_errors() {
    let mut doc = minimal_document();
    doc.body = vec![Block::paragraph(vec![Inline::Text(Span::plain(
        "Đạt chỉ tiêu 😀",
    ))])];
    for opts in [PdfOptions::default(), PdfOptions { pdf_a: true }] {
        let err = pdf::write(&doc, opts).expect_err("emoji is not in Liberation Serif");
        assert!(err.to_string().contains("U+1F600"), "{err:#}");
    }
    // Invisible characters pasted along with text are no reason to fail.
    doc.body = vec![Block::paragraph(vec![Inline::Text(Span::plain(
        "\u{FEFF}Đạt\u{B}\tchỉ\u{200B} tiêu\u{A0}≥ 90%",
    ))])];
    let pdf = render(&doc);
    assert_contains(&squeeze(&text_of(&pdf, None)), "Đạt chỉ");
}

#[test]
fn one_renderer_serves_parallel_renders() {
    let renderer = PdfRenderer::new().expect("renderer");
    let doc = sample_document();
    let expected = renderer
        .render(&doc, PdfOptions::default())
        .expect("render");
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..4)
            .map(|_| scope.spawn(|| renderer.render(&doc, PdfOptions::default())))
            .collect();
        for worker in workers {
            let pdf = worker.join().expect("thread").expect("render");
            assert!(pdf == expected, "a parallel render differs");
        }
    });
}

#[test]
fn long_agency_names_keep_their_lines() {
    // A Ban Chỉ đạo's long name: the shared header layout drops it to 12 pt and widens the
    // column (writer::layout), so each given line still prints as one line.
    let mut doc = sample_document();
    doc.header.issuing_agency = vec![
        "BAN CHỈ ĐẠO PHÒNG, CHỐNG".into(),
        "TỘI PHẠM, TỆ NẠN XÃ HỘI VÀ".into(),
    ];
    let pdf = render(&doc);
    if std::env::var_os("VANBAN_PDF_OUT").is_some() {
        std::fs::write(std::env::temp_dir().join("vanban-long-agency.pdf"), &pdf).expect("write");
    }
    let text = text_of(&pdf, Some((1, 1)));
    for line in &doc.header.issuing_agency {
        assert!(
            text.lines().any(|l| l.contains(line.as_str())),
            "{line:?} wrapped:\n{text}"
        );
    }
}

/// A heading never stays alone at the foot of a page: before a short table (kept whole,
/// so it moves to the next page) the heading moves with it. The filler grows one paragraph
/// at a time, so one of the documents puts the heading where the page ends.
#[test]
fn a_heading_keeps_with_the_short_table_after_it() {
    let t = |s: &str| Inline::Text(Span::plain(s));
    let filler = "Công tác tuyên truyền, phổ biến pháp luật được triển khai thường xuyên, \
                  rộng khắp trên địa bàn, với nhiều hình thức phong phú.";
    let mut moved = 0;
    for n in 8..=24 {
        let mut doc = minimal_document();
        doc.body = (0..n).map(|_| Block::paragraph(vec![t(filler)])).collect();
        // Two headings in a row, then a captioned table: all three move together.
        doc.body.push(Block::Heading {
            level: 1,
            number: "II.".into(),
            content: vec![t("KẾT QUẢ")],
        });
        doc.body.push(Block::Heading {
            level: 2,
            number: "2.".into(),
            content: vec![t("Số liệu theo thôn")],
        });
        doc.body.push(Block::Table(Table {
            caption: Some("Bảng 1. Số hộ".into()),
            head: vec![vec![HeadCell::plain("Thôn"), HeadCell::plain("Số hộ")]],
            rows: (1..=12)
                .map(|i| vec![vec![t(&format!("Thôn số {i:02}"))], vec![t("120")]])
                .collect(),
            ..Table::default()
        }));
        doc.body.push(Block::paragraph(vec![t("Kết thúc.")]));
        let pdf = render(&doc);
        let pages = page_count(&pdf);
        let with = |needle: &str| {
            (1..=pages)
                .find(|&p| squeeze(&text_of(&pdf, Some((p, p)))).contains(needle))
                .unwrap_or_else(|| panic!("{needle:?} missing ({n} paragraphs)"))
        };
        let (section, heading, first, last) = (
            with("II. KẾT QUẢ"),
            with("2. Số liệu theo thôn"),
            with("Thôn số 01"),
            with("Thôn số 12"),
        );
        assert_eq!(
            section, heading,
            "the section heading left alone ({n} paragraphs)"
        );
        assert_eq!(heading, first, "the heading left alone ({n} paragraphs)");
        assert_eq!(
            with("Bảng 1. Số hộ"),
            first,
            "the caption left alone ({n} paragraphs)"
        );
        assert_eq!(first, last, "a short table broken ({n} paragraphs)");
        moved += usize::from(heading > 1);
    }
    assert!(
        moved > 0,
        "no document put the heading on page 2: the test tests nothing"
    );
}
