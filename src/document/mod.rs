//! The one document model every writer reads.
//!
//! A [`Document`] is what a Vietnamese administrative document *is* — the ND30 header block,
//! the title, a body of numbered sections and paragraphs, the recipients and the signature —
//! with no trace of YAML (where the facts came from) or of OOXML/Typst (how it is laid out).
//! Writers take a `&Document` and produce bytes; the body is built from template Markdown by
//! [`markdown::parse_body`].

pub mod chart;
pub mod divs;
pub mod fenced;
pub mod markdown;
pub mod notes;
pub mod numbering;
pub mod outline;
#[doc(hidden)]
pub mod sample;
pub mod table;

pub use numbering::Scheme;
pub use outline::Anchor;

/// A complete document, ready for any writer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The two-column header block of page 1 (agencies, number, quốc hiệu, place and date).
    pub header: Header,
    /// Kind and trích yếu, centred under the header.
    pub title: Title,
    /// The authority line(s) of a QUYẾT ĐỊNH (`CHỦ TỊCH ỦY BAN NHÂN DÂN QUẬN BA ĐÌNH`), printed
    /// centred, bold, UPPERCASE under the title rule. Usually empty.
    pub authority: Vec<String>,
    /// Optional `Kính gửi:` lines under the title (one recipient each, already punctuated);
    /// writers print `Kính gửi:` before the first unless it already starts with it.
    pub addressees: Vec<String>,
    /// The content: sections, paragraphs, lists, tables. Ends with the `./.` paragraph.
    pub body: Vec<Block>,
    /// The template's named blocks (`characteristics`, `results`…) as ranges of `body`, in
    /// the order they open: what a fact sheet's `sections:` anchors to. Writers ignore it.
    pub anchors: Vec<Anchor>,
    /// Footnote texts, referenced from the body and appendices by [`Inline::Note`]. A document
    /// built by [`notes::settle`] (as `compose` does) keeps three invariants writers rely on:
    /// every note is referenced, in order of first reference, and no note contains a note.
    pub footnotes: Vec<Footnote>,
    /// `Nơi nhận:` — left half of the closing table.
    pub recipients: Recipients,
    /// The signature blocks, left to right (usually one; a BIÊN BẢN has THƯ KÝ and CHỦ TỌA).
    /// How they sit beside `Nơi nhận:` is decided in `writer::layout::closing_layout`.
    pub signatures: Vec<SignatureBlock>,
    /// Phụ lục after the closing, each from a new page.
    pub appendices: Vec<Appendix>,
    /// How the headings are numbered (filled by [`numbering::number`]); writers style
    /// `Điều N.` articles differently from sections.
    pub numbering: Scheme,
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
    /// 3 = `1.1.` (bold italic), 4+ = `1.1.1.` (italic). `number` is the label including its
    /// final dot (`"III."`, `"2."`, `"2.3."`, `"Điều 4."`), filled by [`numbering::number`].
    Heading {
        level: u8,
        number: String,
        content: Vec<Inline>,
    },
    /// A paragraph; its role says how it is printed.
    Paragraph { role: Role, content: Vec<Inline> },
    /// A list item paragraph: `marker` is `-`, `+`, `1.`, `a)`…; `depth` 0 or 1.
    /// Lists are flattened into these so writers lay out one kind of paragraph.
    ListItem {
        marker: String,
        depth: u8,
        content: Vec<Inline>,
    },
    /// A data table (pipe tables of the template, or `table(...)` blocks).
    Table(Table),
    /// A bar or line chart (a native chart in DOCX, vector graphics in PDF).
    Chart(Chart),
}

pub use chart::Chart;

/// How a paragraph is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Role {
    /// Justified with a first-line indent.
    #[default]
    Body,
    /// A căn cứ line: italic, justified, first-line indent; ends with `;` (the last with `.`).
    Basis,
    /// Centred and bold (`QUYẾT ĐỊNH:`).
    Center,
}

impl Block {
    /// A body paragraph.
    pub fn paragraph(content: Vec<Inline>) -> Block {
        Block::Paragraph {
            role: Role::Body,
            content,
        }
    }
}

/// A Phụ lục: from a new page after the closing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Appendix {
    /// Laid out on a landscape page.
    pub landscape: bool,
    /// `Phụ lục` or `Phụ lục I` (bold, centred).
    pub heading: Vec<Inline>,
    /// The appendix's name (bold, centred). May be empty.
    pub name: Vec<Inline>,
    /// `(Kèm theo Báo cáo số … ngày … của …)`, italic, centred. May be empty.
    pub attached: Vec<Inline>,
    /// Its content; headings are numbered on their own.
    pub blocks: Vec<Block>,
}

/// A data table: an optional caption, header rows (cells may span columns and rows; repeated
/// on each page), body rows of one cell per column and an optional bold total row.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Table {
    /// Printed above the table, bold and centred (`Bảng 1. …`).
    pub caption: Option<String>,
    /// Alignment of each column's body and total cells; header cells are centred.
    pub align: Vec<Align>,
    /// Header rows, laid out as in HTML: each row lists the cells that start in it, left to
    /// right, skipping the slots a cell of an earlier row covers with its `rowspan`.
    pub head: Vec<Vec<HeadCell>>,
    /// Body rows, one cell per column (a short row is padded with empty cells).
    pub rows: Vec<Vec<Vec<Inline>>>,
    /// The total row, printed bold under the body.
    pub total: Option<Vec<Vec<Inline>>>,
}

/// A header cell spanning `colspan` columns and `rowspan` header rows (each at least 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeadCell {
    pub content: Vec<Inline>,
    pub colspan: usize,
    pub rowspan: usize,
}

impl HeadCell {
    /// A one-slot header cell of plain text.
    pub fn plain(text: impl Into<String>) -> Self {
        HeadCell {
            content: vec![Inline::Text(Span::plain(text))],
            colspan: 1,
            rowspan: 1,
        }
    }
}

impl Table {
    /// The number of columns: the widest of the body rows, the total row, the header rows
    /// (spans counted) and the alignments.
    pub fn columns(&self) -> usize {
        let head = table::head_width(&self.head);
        self.rows
            .iter()
            .chain(&self.total)
            .map(Vec::len)
            .max()
            .unwrap_or(0)
            .max(self.align.len())
            .max(head)
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

/// A signature block: authority and position lines (bold, UPPERCASE), room for the
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

impl Block {
    /// Every run sequence of the block in reading order (a table's cells row by row), for
    /// passes over the whole document such as footnote numbering. A new block kind lists its
    /// inline content here.
    pub fn inlines_mut(&mut self) -> Vec<&mut Vec<Inline>> {
        match self {
            Block::Heading { content, .. }
            | Block::Paragraph { content, .. }
            | Block::ListItem { content, .. } => vec![content],
            Block::Table(t) => t
                .head
                .iter_mut()
                .flatten()
                .map(|cell| &mut cell.content)
                .chain(t.rows.iter_mut().flatten())
                .chain(t.total.iter_mut().flatten())
                .collect(),
            // A chart's labels are plain text: no footnotes.
            Block::Chart(_) => Vec::new(),
        }
    }
}

impl Document {
    /// Every run sequence of the body and then of the appendices, in reading order.
    pub fn inlines_mut(&mut self) -> Vec<&mut Vec<Inline>> {
        let mut out: Vec<&mut Vec<Inline>> =
            self.body.iter_mut().flat_map(Block::inlines_mut).collect();
        for a in &mut self.appendices {
            out.push(&mut a.heading);
            out.push(&mut a.name);
            out.push(&mut a.attached);
            out.extend(a.blocks.iter_mut().flat_map(Block::inlines_mut));
        }
        out
    }
}

impl Document {
    /// Reshapes the body by the fact sheet's `sections:` ([`outline::apply`]), its headings
    /// numbered in `scheme`; on failure, the index of the edit that cannot be made and why.
    /// Call before [`Document::finish`].
    pub fn reshape(
        &mut self,
        edits: &[outline::Edit],
        scheme: Scheme,
    ) -> Result<(), (usize, outline::EditError)> {
        let upper = scheme == Scheme::Sections;
        self.anchors = outline::apply(&mut self.body, &self.anchors, edits, upper)?;
        Ok(())
    }

    /// The passes that make a built document ready for every writer: heading numbers in
    /// `scheme`, the căn cứ punctuation and the footnote invariants ([`notes::settle`]).
    pub fn finish(&mut self, scheme: Scheme) -> Result<(), String> {
        numbering::number(self, scheme);
        divs::punctuate_basis(&mut self.body);
        for appendix in &mut self.appendices {
            divs::punctuate_basis(&mut appendix.blocks);
        }
        notes::settle(self)
    }
}
