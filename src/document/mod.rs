//! The one document model every writer reads.
//!
//! A [`Document`] is what a Vietnamese administrative document *is* — the ND30 header block,
//! the title, a body of numbered sections and paragraphs, the recipients and the signature —
//! with no trace of YAML (where the facts came from) or of OOXML/Typst (how it is laid out).
//! Writers take a `&Document` and produce bytes; the body is built from template Markdown by
//! [`markdown::parse_body`].

pub mod chart;
pub mod markdown;
#[doc(hidden)]
pub mod sample;

/// A complete document, ready for any writer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The two-column header block of page 1 (agencies, number, quốc hiệu, place and date).
    pub header: Header,
    /// Kind and trích yếu, centred under the header.
    pub title: Title,
    /// Optional `Kính gửi:` lines under the title (one recipient each, already punctuated);
    /// writers print `Kính gửi:` before the first unless it already starts with it.
    pub addressees: Vec<String>,
    /// The content: sections, paragraphs, lists, tables. Ends with the `./.` paragraph.
    pub body: Vec<Block>,
    /// Footnote texts, referenced from the body by [`Inline::Note`] in order of first use.
    pub footnotes: Vec<Footnote>,
    /// `Nơi nhận:` — left half of the closing table.
    pub recipients: Recipients,
    /// The signature — right half of the closing table.
    pub signature: SignatureBlock,
    /// Facts about the file rather than the page (PDF/DOCX metadata).
    pub meta: Meta,
}

/// The ND30 header block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// Tên cơ quan chủ quản, one entry per printed line, already UPPERCASE. May be empty.
    pub parent_agency: Vec<String>,
    /// Tên cơ quan ban hành, one entry per printed line, already UPPERCASE. Bold, ruled under.
    pub issuing_agency: Vec<String>,
    /// The whole number line, e.g. `Số: 93/BC-BCĐ` or the draft form `Số:      /BC-BCĐ`.
    pub number_line: String,
    /// `CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`.
    pub national_title: String,
    /// `Độc lập - Tự do - Hạnh phúc`.
    pub motto: String,
    /// Place and date, italic, e.g. `Ba Đình, ngày 05 tháng 11 năm 2024`. `None` for a BIÊN BẢN.
    pub place_date: Option<String>,
}

/// Kind (tên loại) and summary (trích yếu).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Title {
    /// `BÁO CÁO`, `KẾ HOẠCH`… already UPPERCASE.
    pub kind: String,
    /// The trích yếu; bold, centred, ruled under. Plain text (no inline markup).
    pub summary: String,
}

/// A body block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A numbered section heading. `level` 1 = `I.` (UPPERCASE, bold), 2 = `1.` (bold),
    /// 3 = `1.1.` (bold italic), 4+ = `1.1.1.` (italic). `number` is the computed label
    /// including its final dot (`"III."`, `"2."`, `"2.3."`).
    Heading {
        level: u8,
        number: String,
        content: Vec<Inline>,
    },
    /// A justified body paragraph with first-line indent.
    Paragraph(Vec<Inline>),
    /// A list item paragraph: `marker` is `-`, `+`, `1.`, `a)`…; `depth` 0 or 1.
    /// Lists are flattened into these so writers lay out one kind of paragraph.
    ListItem {
        marker: String,
        depth: u8,
        content: Vec<Inline>,
    },
    /// A simple grid table; the first row is the header row when `header` is true.
    Table(Table),
    /// A bar or line chart (a native chart in DOCX, vector graphics in PDF).
    Chart(Chart),
}

pub use chart::Chart;

/// A table of plain cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub header: bool,
    /// Column alignments, one per column.
    pub align: Vec<Align>,
    pub rows: Vec<Vec<Vec<Inline>>>,
}

impl Table {
    /// The number of columns: the widest row's, or the alignments' if more.
    pub fn columns(&self) -> usize {
        self.rows
            .iter()
            .map(Vec::len)
            .max()
            .unwrap_or(0)
            .max(self.align.len())
    }
}

/// Horizontal alignment of a table column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

/// Inline content: runs of text with emphasis, footnote references and line breaks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    Text(Span),
    /// A footnote reference: index into [`Document::footnotes`] (0-based; printed 1-based).
    Note(usize),
    /// A hard line break inside a paragraph.
    LineBreak,
}

/// A run of text with one style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
}

impl Span {
    pub fn plain(text: impl Into<String>) -> Self {
        Span {
            text: text.into(),
            bold: false,
            italic: false,
        }
    }
}

/// A footnote: one or more paragraphs of inline content (no nested notes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Footnote {
    pub paragraphs: Vec<Vec<Inline>>,
}

/// `Nơi nhận:` and its lines, each already punctuated (`- BCĐ 138 thị xã (báo cáo);`,
/// last `- Lưu: VT, CAP.`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recipients {
    /// The heading, `Nơi nhận:`.
    pub heading: String,
    pub lines: Vec<String>,
}

/// The signature block: authority and position lines (bold, UPPERCASE), room for the
/// signature and seal, then the signer's name (bold).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignatureBlock {
    /// e.g. `["TM. BAN CHỈ ĐẠO", "TRƯỞNG BAN"]`.
    pub authority: Vec<String>,
    /// A second title printed just above the name, e.g. `CHỦ TỊCH UBND PHƯỜNG` (a Ban Chỉ đạo
    /// signing with the agency's seal). Empty when there is none.
    pub seal_title: Vec<String>,
    /// The signer's full name; may be empty in a draft.
    pub name: String,
}

/// File-level metadata.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meta {
    /// Document title for file properties (kind + summary).
    pub title: String,
    /// The author (issuing agency, one line).
    pub author: String,
    /// The document's own date (never the clock), used for every timestamp a writer stores,
    /// so output is byte-identical between runs.
    pub date: chrono::NaiveDate,
}

impl Inline {
    /// The visible text of inline content, with footnote references dropped.
    pub fn plain_text(inlines: &[Inline]) -> String {
        let mut out = String::new();
        for inline in inlines {
            match inline {
                Inline::Text(span) => out.push_str(&span.text),
                Inline::LineBreak => out.push('\n'),
                Inline::Note(_) => {}
            }
        }
        out
    }
}
