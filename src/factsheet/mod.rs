//! The input model: one unit, one period, the documents to issue and the facts they state.
//!
//! These types mirror the YAML fact sheet (schema 1) field for field; every struct rejects
//! unknown keys so a typo is an error, not a silently ignored figure. Loading (with
//! file:line:col on every error) is in [`load`]; cross-field rules are in [`validate`].
//! Nothing here knows about templates or writers. The fields are documented for users in
//! `docs/fact-sheet.md`.

pub mod absent;
pub mod find;
pub mod load;
pub mod paths;
pub mod placeholder;
pub mod sections;
pub mod validate;
pub mod yaml_errors;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The only schema version this build reads.
pub const SCHEMA_VERSION: u32 = 1;

/// A whole fact sheet.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FactSheet {
    /// Schema version; must be 1.
    pub schema: u32,
    pub unit: Unit,
    pub period: Period,
    pub issuer: Issuer,
    /// The documents this fact sheet issues (at least one).
    pub documents: Vec<DocumentSpec>,
    #[serde(default)]
    pub facts: Facts,
    /// Free paragraphs no data can produce, by section name (`characteristics`,
    /// `implementation`, ...). Each entry is a list of paragraphs.
    #[serde(default)]
    pub narrative: BTreeMap<String, Vec<String>>,
    /// The user's own figures, series, tables and text, named as the templates declare them;
    /// checked against those declarations by `contract::data::check`, not by serde.
    #[serde(default)]
    pub data: BTreeMap<String, serde_json::Value>,
    /// The units one level below whose sheets this one sums up: paths or globs
    /// (`xa/*.yaml`) relative to this sheet's folder. See [`crate::rollup`].
    #[serde(default)]
    pub children: Vec<String>,
    /// Reshapes the outline of the documents without a template: sections after or before
    /// a template block, replaced, renamed, dropped (see [`sections::SectionSpec`]).
    #[serde(default)]
    pub sections: Vec<sections::SectionSpec>,
}

/// Administrative level of a unit (TT124 Điều 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    KhuDanCu,
    Xa,
    Phuong,
    ThiTran,
    Huyen,
    Tinh,
}

impl Level {
    /// The lowercase level word used before a name: `phường Ba Đình`.
    pub fn word(self) -> &'static str {
        match self {
            Level::KhuDanCu => "khu dân cư",
            Level::Xa => "xã",
            Level::Phuong => "phường",
            Level::ThiTran => "thị trấn",
            Level::Huyen => "huyện",
            Level::Tinh => "tỉnh",
        }
    }

    /// Communes, wards and towns are assessed under TT124 Điều 5.
    pub fn is_commune(self) -> bool {
        matches!(self, Level::Xa | Level::Phuong | Level::ThiTran)
    }

    /// The rank of the level in the administrative tree: a child's rank is below its
    /// parent's (khu dân cư 0, xã/phường/thị trấn 1, huyện 2, tỉnh 3).
    pub fn rank(self) -> u8 {
        match self {
            Level::KhuDanCu => 0,
            Level::Xa | Level::Phuong | Level::ThiTran => 1,
            Level::Huyen => 2,
            Level::Tinh => 3,
        }
    }
}

/// The unit the documents are about.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    /// Proper name without the level word: `Ba Đình`.
    pub name: String,
    pub level: Level,
    /// Place name printed before the date (`Ba Đình, ngày ...`); defaults to `name`.
    #[serde(default)]
    pub place: Option<String>,
    /// Where the unit sits, as written after its name: `thị xã Bỉm Sơn, tỉnh Thanh Hóa`.
    #[serde(default)]
    pub located_in: Option<String>,
    /// The level above as it is named in requests and recipients: `thị xã`.
    #[serde(default)]
    pub parent: Option<String>,
    /// Who decides recognition (TT124 Điều 10, amended by TT48/2025): `Chủ tịch UBND thị xã`.
    #[serde(default)]
    pub recognised_by: Option<String>,
    #[serde(default)]
    pub households: Option<u64>,
    #[serde(default)]
    pub population: Option<u64>,
    #[serde(default)]
    pub area_ha: Option<f64>,
    /// Agencies and enterprises located in the unit (central and local).
    #[serde(default)]
    pub agencies_enterprises: Option<u32>,
    /// The units under it that TT124 assesses: khu phố, thôn, schools, agencies...
    #[serde(default)]
    pub sub_units: Vec<SubUnits>,
    /// A finer division, e.g. `{ kind: tổ an ninh xã hội, count: 86 }`.
    #[serde(default)]
    pub subdivision: Option<Count>,
}

/// What category of TT124 unit a group of sub-units is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SubUnitCategory {
    KhuDanCu,
    CoQuan,
    DoanhNghiep,
    CoSoGiaoDuc,
}

/// A group of sub-units of one kind with their TT124 registration and recognition.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SubUnits {
    /// As the documents name them: `khu phố`, `tổ dân phố`, `thôn`, `nhà trường`, `cơ quan`.
    pub kind: String,
    pub category: SubUnitCategory,
    pub total: u32,
    /// Registered to strive for the standard (quarter I).
    pub registered: u32,
    /// Recognised as meeting the standard this period; absent before the year-end review.
    #[serde(default)]
    pub recognised: Option<u32>,
}

/// A count of something named.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Count {
    pub kind: String,
    pub count: u64,
}

/// The reporting period.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    pub year: i32,
    /// A review over several years (tổng kết giai đoạn): the first year; `year` is the last.
    #[serde(default)]
    pub first_year: Option<i32>,
    /// For a periodic report: the facts cover the first `months` months of the year
    /// (`8` → 01/01 – 31/8, "8 tháng đầu năm"; `12` → the whole year). Without it the period
    /// is TT124's evaluation period.
    #[serde(default)]
    pub months: Option<u32>,
    /// First day; overrides the default.
    #[serde(default)]
    pub from: Option<NaiveDate>,
    /// Last day; overrides the default.
    #[serde(default)]
    pub to: Option<NaiveDate>,
}

/// What a period is, for the words that name it (the `period.*` components of
/// `templates/_lib.md.tera`) and for the templates that accept only some kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodKind {
    /// No `months`, no `first_year`: TT124 Điều 8's evaluation period of the year.
    Tt124,
    /// `months: 12`: the calendar year.
    Year,
    /// `months: 1`–`11`: the first months of the year ("8 tháng đầu năm 2024").
    Months,
    /// `first_year`: a review over several years ("giai đoạn 2015 - 2024").
    Years,
}

impl PeriodKind {
    /// The word a template header uses (`periods: [tt124, year]`).
    pub fn name(self) -> &'static str {
        match self {
            PeriodKind::Tt124 => "tt124",
            PeriodKind::Year => "year",
            PeriodKind::Months => "months",
            PeriodKind::Years => "years",
        }
    }

    /// How a clerk writes it under `period:`.
    pub fn example(self) -> &'static str {
        match self {
            PeriodKind::Tt124 => "`year: 2024` alone (TT124's evaluation period)",
            PeriodKind::Year => "`months: 12` (the calendar year)",
            PeriodKind::Months => "`months: 8` (8 tháng đầu năm)",
            PeriodKind::Years => "`first_year: 2015` (giai đoạn 2015 - 2024)",
        }
    }
}

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

impl FactSheet {
    /// Who issues document `spec`: its own issuer when it names one, else the sheet's.
    pub fn issuer_of<'a>(&'a self, spec: &'a DocumentSpec) -> &'a Issuer {
        spec.issuer.as_ref().unwrap_or(&self.issuer)
    }
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

/// Everything the documents count.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Facts {
    /// Documents of higher levels the period's work carried out, as cited (number, date,
    /// issuer, subject in one string); listed in a footnote.
    #[serde(default)]
    pub guiding_documents: Vec<String>,
    /// Crimes and violations by category, this period and the same period last year.
    /// Absent (left out or blank) is not zero: only `incidents: []` says nothing happened.
    #[serde(default)]
    pub incidents: Listed<IncidentCategory>,
    /// Last year's total when it is known only as a total (not per category).
    #[serde(default)]
    pub incidents_previous: Option<CaseCount>,
    /// Drugs seized, as written: `gần 01 kg Methamphetamine`.
    #[serde(default)]
    pub drugs_seized: Option<String>,
    #[serde(default)]
    pub traffic_accidents: Option<Accidents>,
    #[serde(default)]
    pub fires: Option<Accidents>,
    #[serde(default)]
    pub labour_accidents: Option<Accidents>,
    #[serde(default)]
    pub drug_prevention: Option<DrugPrevention>,
    /// People serving sentences in the community (thi hành án hình sự tại cộng đồng).
    #[serde(default)]
    pub sentences: Option<Sentences>,
    /// What the KẾ HOẠCH needs beyond the facts above.
    #[serde(default)]
    pub plan: Option<PlanFacts>,
    #[serde(default)]
    pub propaganda: Propaganda,
    /// Households that signed the pledge to build a safe area.
    #[serde(default)]
    pub households_pledged: Option<u64>,
    /// Disputes in the community resolved by mediation.
    #[serde(default)]
    pub disputes_mediated: Option<u32>,
    /// Valuable tip-offs from the people.
    #[serde(default)]
    pub tip_offs: Option<u32>,
    /// Offenders helped and educated in the community.
    #[serde(default)]
    pub offenders_supported: Option<u32>,
    /// Of those, how many have made progress.
    #[serde(default)]
    pub offenders_progressed: Option<u32>,
    /// Drug users supported at home and in the community.
    #[serde(default)]
    pub addicts_supported: Option<u32>,
    /// Weapons, explosives and fireworks handed in.
    #[serde(default)]
    pub weapons_handed_in: Vec<Quantity>,
    /// Other counted results, printed as a list in the order given.
    #[serde(default)]
    pub other_results: Vec<Quantity>,
    /// Community models of the movement.
    #[serde(default)]
    pub models: Vec<CommunityModel>,
    /// Grassroots forces: `{ kind: lực lượng tham gia bảo vệ ANTT ở cơ sở, count: 30 }`.
    #[serde(default)]
    pub core_forces: Vec<Count>,
    /// What the TT124 criteria look at.
    #[serde(default)]
    pub criteria: CriteriaFacts,
}

impl Facts {
    /// Last year's incidents, to set against this period's: the total as given, else the sum
    /// of every category's `previous`; `None` when neither is known, and when this period's
    /// incidents are not given (absent is not zero: only `incidents: []` says none happened).
    pub fn incidents_last_year(&self) -> Option<CaseCount> {
        let incidents = self.incidents.stated()?;
        if let Some(total) = self.incidents_previous {
            return Some(total);
        }
        if incidents.is_empty() {
            return None;
        }
        let per_category: Vec<CaseCount> = incidents
            .iter()
            .map(|i| i.previous)
            .collect::<Option<_>>()?;
        Some(CaseCount {
            cases: per_category
                .iter()
                .fold(0u32, |a, p| a.saturating_add(p.cases)),
            offenders: per_category
                .iter()
                .fold(0u32, |a, p| a.saturating_add(p.offenders)),
        })
    }
}

/// A list the fact sheet may leave out: absent (the key left out or blank) is not the same
/// as empty (`[]`, written to say there was none). Reads as a slice — empty when absent — so
/// code that only lists the entries needs no change; [`Listed::stated`] tells the two apart.
/// Serialised as the list (empty when absent), so templates can always iterate it.
#[derive(Debug, Clone, PartialEq)]
pub struct Listed<T>(pub Option<Vec<T>>);

impl<T> Listed<T> {
    /// The entries when the fact sheet gives the list, even empty; `None` when it does not.
    pub fn stated(&self) -> Option<&[T]> {
        self.0.as_deref()
    }
}

impl<T> Default for Listed<T> {
    fn default() -> Self {
        Listed(None)
    }
}

impl<T> std::ops::Deref for Listed<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        self.0.as_deref().unwrap_or(&[])
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Listed<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Option::<Vec<T>>::deserialize(d).map(Listed)
    }
}

impl<T: Serialize> Serialize for Listed<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        (**self).serialize(s)
    }
}

/// Cases and offenders of one category.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct IncidentCategory {
    /// As written: `Trộm cắp tài sản`, `Sử dụng trái phép chất ma túy`.
    pub category: String,
    pub cases: u32,
    #[serde(default)]
    pub offenders: u32,
    /// Cases of serious crime or worse (nghiêm trọng trở lên) among them.
    #[serde(default)]
    pub serious: u32,
    /// Of the serious cases, how many were force majeure and handled and reported at once.
    #[serde(default)]
    pub serious_force_majeure: u32,
    /// The same period last year.
    #[serde(default)]
    pub previous: Option<CaseCount>,
    /// Who found them, as written: `Công an xã trực tiếp phát hiện, tiếp nhận, xác minh`.
    /// Categories with the same value are reported together.
    #[serde(default)]
    pub detected_by: Option<String>,
    /// How they were dealt with: `Xử lý hành chính`.
    #[serde(default)]
    pub handling: Option<String>,
}

/// Accidents of one kind (traffic, fire, labour), this period and last year's.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Accidents {
    pub cases: u32,
    #[serde(default)]
    pub deaths: u32,
    #[serde(default)]
    pub injuries: u32,
    /// Damaged vehicles, as written: `01 xe mô tô`.
    #[serde(default)]
    pub vehicles_damaged: Option<String>,
    /// Property damage in đồng.
    #[serde(default)]
    pub damage_dong: Option<u64>,
    /// The cause, as written.
    #[serde(default)]
    pub cause: Option<String>,
    /// The same period last year.
    #[serde(default)]
    pub previous: Option<AccidentCount>,
}

/// Last year's accident figures.
#[derive(Debug, Clone, Copy, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AccidentCount {
    pub cases: u32,
    #[serde(default)]
    pub deaths: u32,
    #[serde(default)]
    pub injuries: u32,
}

/// Drug prevention work.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DrugPrevention {
    /// Households that signed the drug-prevention pledge.
    #[serde(default)]
    pub households_signed: Option<u32>,
    /// People listed as suspected users.
    #[serde(default)]
    pub listed: Option<u32>,
    /// Of those, tested.
    #[serde(default)]
    pub tested: Option<u32>,
    /// Of those tested, positive.
    #[serde(default)]
    pub positive: Option<u32>,
    /// People fined.
    #[serde(default)]
    pub fined: Option<u32>,
    /// Total of the fines, in đồng.
    #[serde(default)]
    pub fines_dong: Option<u64>,
    /// People placed under management for drug use.
    #[serde(default)]
    pub managed: Option<u32>,
    /// Tip-off mailboxes installed.
    #[serde(default)]
    pub mailboxes: Option<u32>,
    /// Patrols held.
    #[serde(default)]
    pub patrols: Option<u32>,
}

/// Sentences served in the community.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Sentences {
    /// New case files received in the period.
    #[serde(default)]
    pub received: u32,
    /// Suspended sentences being served (án treo).
    #[serde(default)]
    pub suspended: u32,
    /// Conditional early releases (tha tù trước thời hạn có điều kiện).
    #[serde(default)]
    pub parole: u32,
    /// People who finished a prison term and returned, managed and helped.
    #[serde(default)]
    pub released_managed: u32,
}

/// What a KẾ HOẠCH implementing TT124 needs.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PlanFacts {
    /// The upper-level document this plan implements.
    #[serde(default)]
    pub implements: Option<DocRef>,
    /// Where the unit's recognition dossier goes: `Thường trực Ban Chỉ đạo thành phố (qua
    /// Công an thành phố Nha Trang)`.
    #[serde(default)]
    pub dossier_to: Option<String>,
    /// Where the sub-units' dossiers go: `Thường trực Ban Chỉ đạo phường (qua Công an phường)`.
    #[serde(default)]
    pub sub_unit_dossier_to: Option<String>,
    /// The deadline for the sub-units' recognition dossiers; defaults to 05/11 (after their
    /// period ends 31/10, before the 15/11 recognition deadline).
    #[serde(default)]
    pub sub_unit_dossier_by: Option<NaiveDate>,
    /// The deadline for the unit's own dossier; defaults to 17/11 (after the period ends 15/11,
    /// before the 20/11 recognition deadline).
    #[serde(default)]
    pub dossier_by: Option<NaiveDate>,
    /// The year's focus model.
    #[serde(default)]
    pub focus_model: Option<FocusModel>,
    /// "Tổ chức thực hiện": who does what.
    #[serde(default)]
    pub assignments: Vec<Assignment>,
}

/// The model the plan puts first, e.g. a night patrol.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FocusModel {
    /// `tuần tra khép kín địa bàn từ tổ dân phố đến phường`.
    pub name: String,
    /// Hours, as written: `19h00` … `05h00`.
    #[serde(default)]
    pub from_hour: Option<String>,
    #[serde(default)]
    pub to_hour: Option<String>,
    /// Forces taking part: `[Công an, Dân quân, Bảo vệ dân phố]`.
    #[serde(default)]
    pub forces: Vec<String>,
}

/// One responsibility in "Tổ chức thực hiện".
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Assignment {
    /// Who: `Công an phường`.
    pub body: String,
    /// What, as a clause: `chủ trì tham mưu ... tổng hợp báo cáo kết quả`.
    pub task: String,
}

/// Cases and offenders.
#[derive(Debug, Clone, Copy, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CaseCount {
    pub cases: u32,
    #[serde(default)]
    pub offenders: u32,
}

/// Propaganda counts.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Propaganda {
    /// Articles written.
    #[serde(default)]
    pub articles: Option<u32>,
    /// Broadcast sessions on the loudspeaker system.
    #[serde(default)]
    pub broadcasts: Option<u32>,
    /// Banners and slogans.
    #[serde(default)]
    pub banners: Option<u32>,
    /// Leaflets and documents handed out.
    #[serde(default)]
    pub leaflets: Option<u32>,
    /// Meetings held.
    #[serde(default)]
    pub meetings: Option<u32>,
    /// People attending them.
    #[serde(default)]
    pub attendees: Option<u32>,
    /// People reached on social networks (Facebook, Zalo pages).
    #[serde(default)]
    pub online_reach: Option<u32>,
}

/// A quantity of something: `{ item: dao kiếm các loại, quantity: 13 }`,
/// `{ item: thuốc nổ, quantity: 2.5, unit: kg }`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Quantity {
    pub item: String,
    pub quantity: f64,
    /// A measure (`kg`, `lít`); absent for a count, which prints with a leading zero.
    #[serde(default)]
    pub unit: Option<String>,
}

/// A community model of the movement.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CommunityModel {
    /// As written, without quotes: `Camera vì bình yên cuộc sống`.
    pub name: String,
    /// Number of teams or points.
    #[serde(default)]
    pub teams: Option<u32>,
    #[serde(default)]
    pub members: Option<u32>,
    /// Households taking part.
    #[serde(default)]
    pub households: Option<u32>,
    #[serde(default)]
    pub cameras: Option<u32>,
    /// Teams, members and cameras added in the period (the totals above include them).
    #[serde(default)]
    pub teams_added: Option<u32>,
    #[serde(default)]
    pub members_added: Option<u32>,
    #[serde(default)]
    pub cameras_added: Option<u32>,
    /// Where it works, as written: `08 thôn`, `04 thôn (Măng Tôn, Kon Khôn...)`.
    #[serde(default)]
    pub scope: Option<String>,
    /// A clause added after the figures, e.g. `trong đó 42 camera hướng ra đường`.
    #[serde(default)]
    pub note: Option<String>,
}

/// The facts TT124 Điều 5 is judged on.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CriteriaFacts {
    /// Criterion 1: the Party committee's resolution (must be in quarter I).
    #[serde(default)]
    pub party_resolution: Option<DocRef>,
    /// Criterion 1: the People's Committee's plan (must be in quarter I).
    #[serde(default)]
    pub plan: Option<DocRef>,
    /// Criterion 1: registered to strive for the standard in quarter I.
    #[serde(default)]
    pub registered: bool,
    /// Other directives issued in the period, listed in the report.
    #[serde(default)]
    pub directives: Vec<DocRef>,
    /// Criterion 2 (Điều 4.2): Party and State policy fully carried out. Absent means the
    /// evaluation has not said so: the criterion is not reported as met.
    #[serde(default)]
    pub policy_carried_out: Option<bool>,
    /// Criterion 2 (Điều 4.3): which of the events a–g happened (letters), e.g. `[e]`.
    #[serde(default)]
    pub security_events: Vec<String>,
    /// Criterion 2 (Điều 4.4.c): new social-order hotspots.
    #[serde(default)]
    pub new_hotspots: u32,
    /// Criterion 2 (Điều 4.4.c): new people with a social evil.
    #[serde(default)]
    pub new_social_evil_persons: u32,
    /// Criterion 2 (Điều 4.4.d): serious fires/explosions, fatal work accidents, serious incidents.
    #[serde(default)]
    pub serious_accidents: Vec<Accident>,
    /// Criterion 3: police personnel disciplined in the period (absent: not stated).
    #[serde(default)]
    pub police_disciplined: Option<u32>,
    /// Criterion 3: commune police grasp the situation and advise effectively (absent: not
    /// stated, so not reported as met).
    #[serde(default)]
    pub police_effective: Option<bool>,
    /// Number of working models of the movement (criterion 1 needs ≥ 1); defaults to the
    /// number of `facts.models`.
    #[serde(default)]
    pub working_models: Option<u32>,
}

/// A serious accident or incident (TT124 Điều 4.4.d).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Accident {
    pub what: String,
    #[serde(default)]
    pub date: Option<NaiveDate>,
    /// Force majeure (bất khả kháng): does not fail the criterion.
    #[serde(default)]
    pub force_majeure: bool,
}

impl Period {
    /// The evaluation period of TT124 Điều 8 for `level` in `year`: residential areas
    /// 01/11 of the previous year – 31/10; every other unit 16/11 – 15/11.
    pub fn tt124_range(level: Level, year: i32) -> Option<(NaiveDate, NaiveDate)> {
        let (start_day, end_month, end_day) = match level {
            Level::KhuDanCu => (1, 10, 31),
            _ => (16, 11, 15),
        };
        Some((
            NaiveDate::from_ymd_opt(year.checked_sub(1)?, 11, start_day)?,
            NaiveDate::from_ymd_opt(year, end_month, end_day)?,
        ))
    }

    /// What kind of period this is: several years, some months, the calendar year or
    /// TT124's evaluation period.
    pub fn kind(&self) -> PeriodKind {
        match (self.first_year, self.months) {
            (Some(_), _) => PeriodKind::Years,
            (None, Some(m)) if m < 12 => PeriodKind::Months,
            (None, Some(_)) => PeriodKind::Year,
            (None, None) => PeriodKind::Tt124,
        }
    }

    /// The first `months` months of `year`: 01/01 – the last day of month `months`
    /// (29/02 in a leap year).
    pub fn months_range(year: i32, months: u32) -> Option<(NaiveDate, NaiveDate)> {
        if !(1..=12).contains(&months) {
            return None;
        }
        let from = NaiveDate::from_ymd_opt(year, 1, 1)?;
        let to = if months == 12 {
            NaiveDate::from_ymd_opt(year, 12, 31)?
        } else {
            NaiveDate::from_ymd_opt(year, months + 1, 1)?.pred_opt()?
        };
        Some((from, to))
    }

    /// The period in force: the given dates, else the first `months` months, else TT124's
    /// evaluation period for the level.
    pub fn range(&self, level: Level) -> Option<(NaiveDate, NaiveDate)> {
        let (from, to) = match (self.first_year, self.months) {
            (Some(first), _) => (
                NaiveDate::from_ymd_opt(first, 1, 1)?,
                NaiveDate::from_ymd_opt(self.year, 12, 31)?,
            ),
            (None, Some(m)) => Period::months_range(self.year, m)?,
            (None, None) => Period::tt124_range(level, self.year)?,
        };
        Some((self.from.unwrap_or(from), self.to.unwrap_or(to)))
    }
}

/// The commented skeleton `vanban init` prints (also checked by the tests to load cleanly).
pub const SKELETON: &str = include_str!("../../templates/fact-sheet.yaml");
