//! The documents to issue, the documents they cite, and dates that may be partial.

use super::{Issuer, Recipient, Signer, sections};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One document to issue.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentSpec {
    /// Template name, e.g. `bao-cao-ket-qua-tt124`.
    pub template: String,
    /// Replaces the template's trích yếu for this document.
    #[serde(default)]
    pub title: Option<String>,
    /// Registered number; blank in a draft.
    #[serde(default)]
    pub number: Option<u32>,
    /// Type code for the number (`BC`, `KH`...); defaults to the template's.
    #[serde(default)]
    pub type_code: Option<String>,
    /// `2024-11-05`; `2024-08` leaves the day blank; absent leaves day and month blank.
    #[serde(default)]
    pub date: Option<PartialDate>,
    /// Overrides `issuer.signer`.
    #[serde(default)]
    pub signer: Option<Signer>,
    /// Overrides `issuer.recipients`.
    #[serde(default)]
    pub recipients: Option<Vec<Recipient>>,
    /// Overrides `issuer.archive`.
    #[serde(default)]
    pub archive: Option<Vec<String>>,
    /// Another issuer for this document: the dossier's QUYẾT ĐỊNH is issued by the level
    /// above (UBND thị xã), its TỜ TRÌNH often by UBND phường rather than the Ban Chỉ đạo.
    #[serde(default)]
    pub issuer: Option<Issuer>,
    /// The directive(s) the document answers, cited in its opening (`Thực hiện Kế hoạch số
    /// 31/KH-BCĐ ngày 15/3/2024 của … về …`): one, or a list.
    #[serde(default)]
    pub responds_to: sections::OneOrMany<sections::Directive>,
}

/// A date whose day, or day and month, may be left blank for a draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

impl PartialDate {
    /// The full date, when day and month are both given.
    pub fn full(self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year, self.month?, self.day?)
    }
}

impl std::str::FromStr for PartialDate {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || format!("`{s}` is not a date: write YYYY-MM-DD (or YYYY-MM for a draft)");
        let parts: Vec<&str> = s.trim().split('-').collect();
        let num = |p: &str| p.parse::<u32>().map_err(|_| bad());
        match parts.as_slice() {
            [y, m] => {
                let year = y.parse::<i32>().map_err(|_| bad())?;
                let month = num(m)?;
                if !(1..=12).contains(&month) {
                    return Err(bad());
                }
                Ok(PartialDate {
                    year,
                    month: Some(month),
                    day: None,
                })
            }
            [y, m, d] => {
                let year = y.parse::<i32>().map_err(|_| bad())?;
                let (month, day) = (num(m)?, num(d)?);
                NaiveDate::from_ymd_opt(year, month, day).ok_or_else(bad)?;
                Ok(PartialDate {
                    year,
                    month: Some(month),
                    day: Some(day),
                })
            }
            _ => Err(bad()),
        }
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// A reference to another document: `Nghị quyết số 47-NQ/ĐU ngày 12/01/2024 của Đảng ủy phường`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DocRef {
    /// Kind as written: `Nghị quyết`, `Kế hoạch`, `Quyết định`.
    pub kind: String,
    /// Number and symbol: `47-NQ/ĐU`, `13/KH-BCĐ`.
    pub number: String,
    pub date: NaiveDate,
    /// Issuer as written after `của`: `Đảng ủy phường`.
    #[serde(default)]
    pub issuer: Option<String>,
    /// Subject as written after `về`: `lãnh đạo công tác đảm bảo ANTT năm 2024`.
    #[serde(default)]
    pub subject: Option<String>,
}
