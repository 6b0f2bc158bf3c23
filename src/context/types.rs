//! The template context's types. The doc comment of each field is what `vanban templates
//! --context` and docs/context.md say of the variable, so write it for template authors.

use crate::derive::{CommuneAssessment, PlanSchedule};
use crate::describe::{Describe, Variable, context_type, join, plain};
use crate::factsheet::sections::{Directive, OneOrMany};
use crate::factsheet::{AccidentCount, Count, Facts, Level, PeriodKind, PlanFacts, Propaganda};
use crate::rollup::{ChildContext, RollupContext};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

plain! {
    Level => "text: `thon`, `xa`, `phuong`, `thi_tran`, `huyen`, `thi_xa`, `tinh` …",
    PeriodKind => "text: `tt124`, `year`, `months` or `years`",
    OneOrMany<Directive> => "list of record",
    CommuneAssessment => "record",
    PlanSchedule => "record of dates (`YYYY-MM-DD`)",
    AccidentCount => "record",
    Count => "record",
    BTreeMap<String, Vec<String>> => "map of name to list of text",
}

/// The built-in keys under `facts` (and `plan`, `children[].propaganda`) are the catalogue's:
/// their kinds and labels come from `templates/catalogue.yaml`, the one list of them.
fn catalogue_fields(prefix: &str, path: &str, out: &mut Vec<Variable>) {
    for (field, kind, label) in crate::contract::catalogue::described(prefix) {
        out.push(Variable::new(path, field, kind, &[label]));
        catalogue_fields(&format!("{prefix}{field}."), &join(path, field), out);
    }
}

impl Describe for Facts {
    fn kind() -> String {
        "record".to_string()
    }
    fn fields(path: &str, out: &mut Vec<Variable>) {
        catalogue_fields("facts.", path, out)
    }
}

impl Describe for PlanFacts {
    fn kind() -> String {
        "record".to_string()
    }
    fn fields(path: &str, out: &mut Vec<Variable>) {
        catalogue_fields("facts.plan.", path, out)
    }
}

impl Describe for Propaganda {
    fn kind() -> String {
        "record".to_string()
    }
    fn fields(path: &str, out: &mut Vec<Variable>) {
        catalogue_fields("facts.propaganda.", path, out)
    }
}

context_type! {
    /// Everything a template sees for one document.
    pub struct Context {
        /// The unit the documents are about.
        pub unit: UnitContext,
        /// The reporting period.
        pub period: PeriodContext,
        /// This document's issuer (`documents[i].issuer` when the sheet names one, else the
        /// sheet's `issuer`).
        pub issuer: IssuerContext,
        /// This document.
        pub document: DocumentContext,
        /// The sheet's `facts:` as typed (the keys of the catalogue; see docs/fact-sheet.md).
        /// Absent figures are `none`; a list left out is `[]`.
        pub facts: Facts,
        /// `facts.plan`, empty when the sheet has none: what a KẾ HOẠCH needs beyond the facts.
        pub plan: PlanFacts,
        /// Free paragraphs by section name (`characteristics`, `implementation`…).
        pub narrative: BTreeMap<String, Vec<String>>,
        /// Your declared data: a figure (a number, or `{value, approx, shown}` for an
        /// estimate), text, a series as a list of points `{at, value}` or `{at, <field>…}` in
        /// year order, a table as a list of rows.
        pub data: Map<String, Value>,
        /// What is computed from the sheet: comparisons, ratios, verdicts, lists.
        pub derived: Derived,
        /// One entry per child unit when the sheet lists `children:` (else `[]`), in the order
        /// listed (a pattern's matches by file name).
        pub children: Vec<ChildContext>,
        /// The roll-up over the units below; `none` without children.
        pub rollup: Option<RollupContext>,
        /// The `unit` word of each declaration that has one, by name: `units["data.sessions"]`
        /// is `buổi`.
        pub units: BTreeMap<String, String>,
        /// Every document of the sheet, in order, to cite each other.
        /// `documents | group_by(attribute="template")` finds one by template.
        pub documents: Vec<Reference>,
    }
}

context_type! {
    /// The unit, with its name in the forms documents print.
    pub struct UnitContext {
        /// Proper name without the level word, as typed: `Ba Đình`.
        pub name: String,
        /// The unit's level.
        pub level: Level,
        /// The level word: `phường`.
        pub level_word: String,
        /// Level word and name: `phường Ba Đình`.
        pub full: String,
        /// `full` with a capital: `Phường Ba Đình`.
        pub full_cap: String,
        /// Place name before the date: `unit.place`, else the name.
        pub place: String,
        /// Where the unit sits: `thị xã Bỉm Sơn, tỉnh Thanh Hóa`.
        pub located_in: Option<String>,
        /// The level above as named in requests and recipients: `thị xã`.
        pub parent: Option<String>,
        /// Who decides recognition: `Chủ tịch UBND thị xã`.
        pub recognised_by: Option<String>,
        /// Households.
        pub households: Option<u64>,
        /// Inhabitants.
        pub population: Option<u64>,
        /// Natural area in hectares.
        pub area_ha: Option<f64>,
        /// Agencies and enterprises located in the unit.
        pub agencies_enterprises: Option<u32>,
        /// A finer division: `{kind, count}` (`tổ an ninh xã hội`, 86).
        pub subdivision: Option<Count>,
        /// The groups of sub-units TT124 assesses, with their rates.
        pub sub_units: Vec<SubUnitContext>,
        /// The khu dân cư sub-units, each with its count: `["10 khu phố"]` (print them with
        /// `and_list`).
        pub residential: Vec<String>,
    }
}

context_type! {
    /// A group of sub-units of one kind.
    pub struct SubUnitContext {
        /// As the documents name them: `khu phố`, `nhà trường`.
        pub kind: String,
        /// `khu_dan_cu`, `co_quan`, `doanh_nghiep` or `co_so_giao_duc`.
        pub category: crate::factsheet::SubUnitCategory,
        /// How many there are.
        pub total: u32,
        /// How many registered (quarter I).
        pub registered: u32,
        /// How many were recognised; `none` before the review.
        pub recognised: Option<u32>,
        /// `10/10`.
        pub registered_fraction: String,
        /// `100%`; `none` when `total` is 0.
        pub registered_percent: Option<String>,
        /// `08/10`; `none` before the review.
        pub recognised_fraction: Option<String>,
        /// `80%`; `none` before the review or when `total` is 0.
        pub recognised_percent: Option<String>,
    }
}

plain! { crate::factsheet::SubUnitCategory => "text" }

context_type! {
    /// The period, as numbers and dates; the words are the `period.*` components'.
    pub struct PeriodContext {
        /// The year (the last year of a review over several).
        pub year: i32,
        /// `year` − 1.
        pub previous_year: i32,
        /// `year` + 1.
        pub next_year: i32,
        /// First day (TT124 Điều 8 unless given), `YYYY-MM-DD`.
        pub from: String,
        /// Last day, `YYYY-MM-DD`.
        pub to: String,
        /// A periodic report over the first `months` months of the year.
        pub months: Option<u32>,
        /// A review over several years: the first year (2015).
        pub first_year: Option<i32>,
        /// A review over several years: how many (10).
        pub years: Option<i32>,
        /// The months of the year after `months` (4 after 8).
        pub remaining_months: Option<u32>,
        /// The review before this one: its first year.
        pub previous_first_year: Option<i32>,
        /// The review before this one: its last year.
        pub previous_last_year: Option<i32>,
        /// Which kind of period this is; the words are the `period.*` components'.
        pub kind: PeriodKind,
    }
}

context_type! {
    /// This document's issuer.
    pub struct IssuerContext {
        /// The name used in prose: `Ban Chỉ đạo ANTT phường`.
        pub short_name: String,
        /// The issuing body's lines joined by spaces.
        pub agency: String,
        /// The abbreviation after the type code: `BCĐ`.
        pub abbreviation: String,
        /// The signer's position (the document's own signer when it names one): `Trưởng ban`.
        pub signer_position: String,
    }
}

context_type! {
    /// This document.
    pub struct DocumentContext {
        /// Its template: `bao-cao-ket-qua-tt124`.
        pub template: String,
        /// Its registered number; `none` in a draft.
        pub number: Option<u32>,
        /// Its date as `YYYY-MM-DD` when complete, else `none`.
        pub date: Option<String>,
        /// The directives it answers, cited in the opening: each `kind`, `number`, `date`
        /// (`YYYY-MM-DD`), `issuer`, `about` (the last two may be `none`); `[]` when none.
        pub responds_to: OneOrMany<Directive>,
    }
}

context_type! {
    /// Another document of the sheet, as the others cite it.
    pub struct Reference {
        /// Its template.
        pub template: String,
        /// Its registered number; `none` in a draft.
        pub number: Option<u32>,
        /// Its number as printed: `93/BC-BCĐ`; blank room `      /QĐ-UBND` in a draft; `none`
        /// when the template computes its type code.
        pub number_text: Option<String>,
        /// Its date as `YYYY-MM-DD` when complete, else `none`.
        pub date: Option<String>,
        /// Its issuer's name in prose.
        pub issuer: String,
    }
}

context_type! {
    /// What is computed from the sheet.
    pub struct Derived {
        /// Registration of the sub-units (TT124 criterion 4).
        pub registration: Registration,
        /// Recognition of the sub-units.
        pub recognition: Recognition,
        /// Households that signed the pledge, as a percentage of `unit.households`: `77,4%`.
        pub households_pledged_percent: Option<String>,
        /// Incidents summed over categories against last year; `none` when the sheet has no
        /// `facts.incidents` (write `incidents: []` for "nothing happened") or no last year.
        pub incidents: Option<IncidentsContext>,
        /// `facts.weapons_handed_in`, each as a phrase: `["01 khẩu súng săn", "2,5 kg thuốc
        /// nổ"]` (print them with `and_list`).
        pub weapons: Vec<String>,
        /// `facts.other_results`, each as a phrase: `13 dao kiếm`.
        pub other_results: Vec<String>,
        /// The TT124 Điều 5 checks by name — `leadership`, `policy`, `events`, `prevention`,
        /// `police`, `sub_units` (each with `pass` and the facts it rests on) — `criteria`
        /// (`number`, `pass`), `pass`, `failed`; `none` above commune level.
        pub assessment: Option<CommuneAssessment>,
        /// Incidents grouped by who detected them, in first-appearance order.
        pub incident_groups: Vec<IncidentGroup>,
        /// Cases and offenders summed; `none` when incidents are absent (absent is not zero).
        pub incident_total: Option<IncidentTotal>,
        /// Whether each built-in section has anything to print: `so_ket.<key>`,
        /// `tt124.<key>`. A section with nothing is left out, heading included, and `check`
        /// warns (rules in `src/factsheet/absent.rs`).
        pub sections: Sections,
        /// Traffic accidents against last year.
        pub traffic: Option<AccidentsContext>,
        /// Fires against last year.
        pub fires: Option<AccidentsContext>,
        /// Labour accidents against last year.
        pub labour: Option<AccidentsContext>,
        /// Drug prevention figures computed from `facts.drug_prevention`.
        pub drugs: Option<DrugsContext>,
        /// People serving a suspended sentence or on parole.
        pub sentences_serving: Option<u64>,
        /// The dates a TT124 KẾ HOẠCH states: `unit_from`, `unit_to`, `sub_unit_from`,
        /// `sub_unit_to`, `registration_by`, `sub_unit_dossier_by`, `sub_unit_recognition_by`,
        /// `dossier_by`, `recognition_by`.
        pub schedule: Option<PlanSchedule>,
        /// The numbers of the TT124 articles whose criteria apply: `[5, 4]` (`tt124.articles`
        /// prints `Điều 5 và Điều 4`).
        pub articles: Vec<u8>,
        /// The kinds of sub-units: `["khu phố", "nhà trường"]`.
        pub sub_unit_names: Vec<String>,
        /// The sub-units, each with its count: `["10 khu phố", "01 nhà trường"]`.
        pub sub_unit_kinds: Vec<String>,
    }
}

context_type! {
    /// Registration of the sub-units.
    pub struct Registration {
        /// Whether every sub-unit registered (and there is at least one).
        pub all: bool,
        /// Each group registered over its total: `["10/10 khu phố", "01/01 nhà trường"]`.
        pub list: Vec<String>,
        /// `100%`; `none` without sub-units.
        pub percent: Option<String>,
    }
}

context_type! {
    /// Recognition of the sub-units.
    pub struct Recognition {
        /// Each group recognised over its total: `["08/10 khu phố"]`; `[]` before the review.
        pub list: Vec<String>,
        /// `80%`; `none` before the review.
        pub percent: Option<String>,
    }
}

context_type! {
    /// Incidents against last year.
    pub struct IncidentsContext {
        /// Cases this period.
        pub cases: i64,
        /// Offenders this period.
        pub offenders: i64,
        /// Cases last year.
        pub previous_cases: i64,
        /// Offenders last year.
        pub previous_offenders: i64,
        /// What `compare` returns for the cases (the `change` component words it).
        pub cases_change: Value,
        /// What `compare` returns for the offenders.
        pub offenders_change: Value,
    }
}

context_type! {
    /// The incidents one body detected.
    pub struct IncidentGroup {
        /// Who detected them; `none` when not said.
        pub detected_by: Option<String>,
        /// Cases summed.
        pub cases: u64,
        /// Offenders summed.
        pub offenders: u64,
        /// The handling of the categories, each once.
        pub handling: Vec<String>,
        /// Each category with its counts.
        pub categories: Vec<IncidentCategoryCount>,
    }
}

context_type! {
    /// One category of incidents.
    pub struct IncidentCategoryCount {
        /// As typed: `Trộm cắp tài sản`.
        pub category: String,
        /// Cases.
        pub cases: u32,
        /// Offenders.
        pub offenders: u32,
    }
}

context_type! {
    /// Incidents summed over categories.
    pub struct IncidentTotal {
        /// Cases.
        pub cases: u64,
        /// Offenders.
        pub offenders: u64,
    }
}

context_type! {
    /// An accident figure set with its comparisons against last year.
    pub struct AccidentsContext {
        /// Cases.
        pub cases: u32,
        /// Deaths.
        pub deaths: u32,
        /// Injuries.
        pub injuries: u32,
        /// Whether last year's figures are given.
        pub has_previous: bool,
        /// Last year's `cases`, `deaths`, `injuries`.
        pub previous: Option<AccidentCount>,
        /// What `compare` returns for the cases (zero last year when not given).
        pub cases_change: Value,
        /// What `compare` returns for the deaths.
        pub deaths_change: Value,
        /// What `compare` returns for the injuries.
        pub injuries_change: Value,
        /// The damage in figures and words: `9.000.000 đồng (chín triệu đồng)`.
        pub damage: Option<String>,
    }
}

context_type! {
    /// Drug prevention figures.
    pub struct DrugsContext {
        /// Tested and not positive.
        pub negative: Option<u32>,
        /// Tested over listed: `18/20`.
        pub tested_fraction: Option<String>,
        /// Fines: `9.000.000đ (chín triệu đồng)`.
        pub fines: Option<String>,
    }
}

/// `derived.sections`: whether each section has anything to print, by group and key, from
/// the rules of `src/factsheet/absent.rs` (which also describe them).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(transparent)]
pub struct Sections(pub BTreeMap<String, BTreeMap<String, bool>>);

impl Describe for Sections {
    fn kind() -> String {
        "record".to_string()
    }
    fn fields(path: &str, out: &mut Vec<Variable>) {
        let mut groups: Vec<&str> = Vec::new();
        for (group, key, label) in crate::factsheet::absent::described() {
            let group_path = join(path, group);
            if !groups.contains(&group) {
                groups.push(group);
                out.push(Variable::new(
                    path,
                    group,
                    "record".into(),
                    &["The sections of the built-in templates of this group."],
                ));
            }
            out.push(Variable::new(
                &group_path,
                key,
                "boolean".into(),
                &[&format!("Whether \"{label}\" has anything to print.")],
            ));
        }
    }
}
