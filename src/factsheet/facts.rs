//! Everything the documents count: the facts, with lists that may be left out.

use super::{Count, DocRef};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

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
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
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
