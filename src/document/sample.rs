//! A hand-built [`Document`] exercising every block kind, for writer tests and benchmarks
//! (independent of fact sheets and templates, so writers can be tested alone).

use super::*;

fn t(text: &str) -> Inline {
    Inline::Text(Span::plain(text))
}

fn styled(text: &str, bold: bool, italic: bool) -> Inline {
    Inline::Text(Span {
        text: text.to_string(),
        bold,
        italic,
    })
}

/// A three-page-ish report with headings at three levels, lists, a table, two footnotes and
/// text full of characters that are markup in Markdown, Typst and XML.
pub fn sample_document() -> Document {
    let long = "Phường Ba Đình nằm ở trung tâm thị xã, trên địa bàn có 58 cơ quan, doanh nghiệp; \
                toàn phường có 3.537 hộ, 12.535 nhân khẩu, được chia thành 10 khu phố với 86 tổ \
                an ninh xã hội. Dân số đông, tiềm ẩn nhiều vấn đề phức tạp về an ninh, trật tự.";
    let mut body = vec![Block::Heading {
        level: 1,
        number: "I.".into(),
        content: vec![t("ĐẶC ĐIỂM TÌNH HÌNH")],
    }];
    for _ in 0..6 {
        body.push(Block::paragraph(vec![t(long)]));
    }
    body.push(Block::Heading {
        level: 1,
        number: "II.".into(),
        content: vec![t("KẾT QUẢ THỰC HIỆN")],
    });
    body.push(Block::Heading {
        level: 2,
        number: "1.".into(),
        content: vec![t("Công tác tuyên truyền")],
    });
    body.push(Block::paragraph(vec![
        t("Số vụ việc xảy ra là "),
        styled("06 vụ/07", true, false),
        t(" đối tượng ("),
        styled(
            "không tăng, không giảm về số vụ; giảm 04 đối tượng so với cùng kỳ năm 2023",
            false,
            true,
        ),
        t(")"),
        Inline::Note(0),
        t(". Ký tự đặc biệt: # $ * _ @ < > [ ] \\ // & \" ' ` ~ = { } ^ |."),
    ]));
    body.push(Block::ListItem {
        marker: "-".into(),
        depth: 0,
        content: vec![
            t("Công an xã trực tiếp phát hiện 05 vụ/06 đối tượng"),
            Inline::Note(1),
            t("."),
        ],
    });
    body.push(Block::ListItem {
        marker: "+".into(),
        depth: 1,
        content: vec![
            t("Xử lý hành chính 05 vụ/06 đối tượng;"),
            Inline::LineBreak,
            t("dòng thứ hai."),
        ],
    });
    body.push(Block::Heading {
        level: 3,
        number: "1.1.".into(),
        content: vec![t("Kết quả xây dựng khu dân cư")],
    });
    body.push(Block::ListItem {
        marker: "1.".into(),
        depth: 0,
        content: vec![
            t("Quý I, Đảng ủy có nghị quyết. "),
            styled("Đạt.", true, false),
        ],
    });
    body.push(Block::Table(Table {
        align: vec![Align::Left, Align::Right, Align::Right],
        head: vec![vec![
            HeadCell::plain("Chỉ tiêu"),
            HeadCell::plain("Năm 2024"),
            HeadCell::plain("Năm 2023"),
        ]],
        rows: vec![
            vec![vec![t("Số vụ")], vec![t("06")], vec![t("06")]],
            vec![vec![t("Đối tượng")], vec![t("07")], vec![t("11")]],
        ],
        ..Table::default()
    }));
    for _ in 0..8 {
        body.push(Block::paragraph(vec![t(long)]));
    }
    body.push(Block::paragraph(vec![t(
        "Kính đề nghị Chủ tịch UBND thị xã xem xét, công nhận phường Ba Đình đạt tiêu chuẩn \
         “An toàn về an ninh, trật tự” năm 2024./.",
    )]));
    Document {
        header: Header {
            parent_agency: vec!["UBND PHƯỜNG BA ĐÌNH".into()],
            issuing_agency: vec!["BAN CHỈ ĐẠO AN NINH,".into(), "TRẬT TỰ PHƯỜNG".into()],
            number_line: "Số: 93/BC-BCĐ".into(),
            national_title: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM".into(),
            motto: "Độc lập - Tự do - Hạnh phúc".into(),
            place_date: Some("Ba Đình, ngày 05 tháng 11 năm 2024".into()),
        },
        title: Title {
            kind: "BÁO CÁO".into(),
            summary: "Kết quả thực hiện Thông tư số 124/2021/TT-BCA của Bộ Công an năm 2024".into(),
        },
        authority: vec![],
        addressees: vec![],
        body,
        anchors: Vec::new(),
        footnotes: vec![
            Footnote {
                paragraphs: vec![vec![t("8 tháng đầu năm 2023 xảy ra 06 vụ/11 đối tượng.")]],
            },
            Footnote {
                paragraphs: vec![vec![t(
                    "Sử dụng trái phép chất ma túy 03 vụ/04 đối tượng; sử dụng pháo trái phép 02 vụ/02 đối tượng.",
                )]],
            },
        ],
        recipients: Recipients {
            heading: "Nơi nhận:".into(),
            lines: vec![
                "- BCĐ 138 thị xã (báo cáo);".into(),
                "- CA thị xã (báo cáo);".into(),
                "- Lưu: VT, CAP.".into(),
            ],
        },
        signatures: vec![SignatureBlock {
            authority: vec!["TM. BAN CHỈ ĐẠO".into(), "TRƯỞNG BAN".into()],
            seal_title: vec!["CHỦ TỊCH UBND PHƯỜNG".into()],
            name: "Lê Văn Hùng".into(),
        }],
        appendices: vec![],
        numbering: Scheme::Sections,
        meta: Meta {
            title: "BÁO CÁO Kết quả thực hiện Thông tư số 124/2021/TT-BCA".into(),
            author: "BAN CHỈ ĐẠO AN NINH, TRẬT TỰ PHƯỜNG".into(),
            date: chrono::NaiveDate::from_ymd_opt(2024, 11, 5).unwrap_or_default(),
        },
    }
}
