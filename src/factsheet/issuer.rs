//! Who issues the documents: the issuing body, the signer, the recipients.

use serde::{Deserialize, Serialize};

/// Who issues the documents.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Issuer {
    /// Tên cơ quan chủ quản, one entry per printed line (may be empty).
    #[serde(default)]
    pub parent_agency: Vec<String>,
    /// Tên cơ quan ban hành, one entry per printed line.
    pub agency: Vec<String>,
    /// Abbreviation after the type code in the number: `BCĐ` in `93/BC-BCĐ`.
    pub abbreviation: String,
    /// Short name used in prose: `Ban Chỉ đạo ANTT phường`.
    #[serde(default)]
    pub short_name: Option<String>,
    /// Where it signs, before the date: `Bỉm Sơn`; defaults to `unit.place` (or the unit's
    /// name). Set it for a document another body issues (the level above's QUYẾT ĐỊNH).
    #[serde(default)]
    pub place: Option<String>,
    /// The default signer of every document.
    pub signer: Signer,
    /// Default recipients of every document.
    #[serde(default)]
    pub recipients: Vec<Recipient>,
    /// Default archive codes for the `Lưu:` line, e.g. `[VT, CAP]`.
    #[serde(default)]
    pub archive: Vec<String>,
}

/// The person who signs.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Signer {
    /// With its prefix: `TM. Ban Chỉ đạo`, `KT. Trưởng ban`, `Q. Trưởng ban`. Optional when
    /// the head signs in their own name.
    #[serde(default)]
    pub authority: Option<String>,
    /// `Trưởng ban`, `Phó Trưởng ban`.
    pub position: String,
    /// A second title above the name when the seal is another agency's: `Chủ tịch UBND phường`.
    #[serde(default)]
    pub seal_title: Option<String>,
    /// Full name; may be empty in a draft.
    #[serde(default)]
    pub name: String,
}

/// One line of `Nơi nhận`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Recipient {
    pub name: String,
    /// `báo cáo`, `thực hiện`, `chỉ đạo`...; printed in brackets.
    #[serde(default)]
    pub purpose: Option<String>,
}

impl Issuer {
    /// The issuer's name in prose: its `short_name`, else its agency lines as one phrase,
    /// as typed: a name is never re-cased (`Ban Chỉ đạo 138`, `Công an huyện Vân Hà`).
    pub fn prose_name(&self) -> String {
        self.short_name.clone().unwrap_or_else(|| {
            self.agency
                .iter()
                .map(|l| l.trim())
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        })
    }
}
