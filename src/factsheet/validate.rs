//! Cross-field rules a typed fact sheet must still satisfy: counts that cannot exceed their
//! totals, figures that cannot be (an area of 0 ha, document number 0, a group of 0
//! sub-units), dates inside the period, templates that exist. Every rule adds to one list, so a
//! clerk fixes all mistakes in one pass. Diagnostics carry field paths; the loader turns them
//! into file:line:col.

use super::{FactSheet, Level, Period, SCHEMA_VERSION};
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Args;
use crate::i18n::args;
use crate::locale;
use chrono::NaiveDate;

/// Letters of TT124 Điều 4.3 (events that must not happen).
pub const SECURITY_EVENT_LETTERS: [&str; 7] = ["a", "b", "c", "d", "đ", "e", "g"];

/// Signature prefixes ND30 allows before an authority.
pub const AUTHORITY_PREFIXES: [&str; 5] = ["TM.", "KT.", "Q.", "TL.", "TUQ."];

/// Checks every rule; `template_exists` says whether a template name can be rendered.
pub fn validate(sheet: &FactSheet, template_exists: &dyn Fn(&str) -> bool) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut warnings = Vec::new();
    let mut err = |path: String, code: &'static str, args: Args| {
        out.push(Diagnostic::new(Severity::Error, code, path, args));
    };

    if sheet.schema != SCHEMA_VERSION {
        err(
            "schema".into(),
            "schema-unsupported",
            args! {"schema" => sheet.schema.to_string()},
        );
    }
    if sheet.unit.name.trim().is_empty() {
        err("unit.name".into(), "unit-unnamed", Vec::new());
    }
    for (path, issuer) in std::iter::once(("issuer".to_string(), &sheet.issuer)).chain(
        sheet.documents.iter().enumerate().filter_map(|(i, d)| {
            d.issuer
                .as_ref()
                .map(|is| (format!("documents[{i}].issuer"), is))
        }),
    ) {
        if issuer.agency.iter().all(|l| l.trim().is_empty()) {
            err(format!("{path}.agency"), "agency-unnamed", Vec::new());
        }
    }

    // The period. Months outside 1–12 leave it without a range; that is reported once,
    // under `period.months`, not again as an unusable year.
    let year_ok = (1900..=9999).contains(&sheet.period.year);
    // Without a usable year no date can be compared with the period: one error, not one
    // per date.
    let range = sheet.period.range(sheet.unit.level).filter(|_| year_ok);
    let months_wrong = sheet.period.first_year.is_none()
        && sheet.period.months.is_some_and(|m| !(1..=12).contains(&m));
    if !year_ok || (range.is_none() && !months_wrong) {
        err(
            "period.year".into(),
            "year-unusable",
            args! {"year" => sheet.period.year.to_string()},
        );
    }
    if let Some((from, to)) = range
        && from > to
    {
        err(
            "period.to".into(),
            "period-reversed",
            args! {"to" => locale::date_short(to), "from" => locale::date_short(from)},
        );
    }

    if let Some(m) = sheet.period.months
        && !(1..=12).contains(&m)
    {
        err(
            "period.months".into(),
            "months-out-of-range",
            args! {"months" => m.to_string()},
        );
    }

    // The unit's own figures.
    if let Some(area) = sheet.unit.area_ha
        && !(area.is_finite() && area > 0.0)
    {
        err(
            "unit.area_ha".into(),
            "area-impossible",
            args! {"area" => area.to_string()},
        );
    }
    if let (Some(population), Some(households)) = (sheet.unit.population, sheet.unit.households)
        && population < households
    {
        warnings.push(Diagnostic::new(
            Severity::Warning,
            "fewer-people-than-households",
            "unit.population",
            args! {"population" => population.to_string(), "households" => households.to_string()},
        ));
    }

    // Sub-units: recognised ≤ registered ≤ total.
    for (i, group) in sheet.unit.sub_units.iter().enumerate() {
        let at = |field: &str| format!("unit.sub_units[{i}].{field}");
        if group.total == 0 {
            err(
                at("total"),
                "no-sub-units",
                args! {"kind" => group.kind.to_string()},
            );
        }
        if group.registered > group.total {
            err(
                at("registered"),
                "part-exceeds-whole",
                args! {"rule" => "registered", "part" => group.registered.to_string(),
                "kind" => group.kind.to_string(), "whole" => group.total.to_string()},
            );
        }
        if let Some(recognised) = group.recognised
            && recognised > group.registered
        {
            err(
                at("recognised"),
                "part-exceeds-whole",
                args! {"rule" => "recognised", "part" => recognised.to_string(),
                "kind" => group.kind.to_string(), "whole" => group.registered.to_string()},
            );
        }
    }

    let facts = &sheet.facts;
    if let (Some(pledged), Some(households)) = (facts.households_pledged, sheet.unit.households)
        && pledged > households
    {
        err(
            "facts.households_pledged".into(),
            "part-exceeds-whole",
            args! {"rule" => "pledged", "part" => pledged.to_string(), "whole" => households.to_string()},
        );
    }
    if let (Some(progressed), Some(supported)) =
        (facts.offenders_progressed, facts.offenders_supported)
        && progressed > supported
    {
        err(
            "facts.offenders_progressed".into(),
            "part-exceeds-whole",
            args! {"rule" => "progressed", "part" => progressed.to_string(), "whole" => supported.to_string()},
        );
    }
    for (i, c) in facts.incidents.iter().enumerate() {
        if c.serious > c.cases {
            err(
                format!("facts.incidents[{i}].serious"),
                "part-exceeds-whole",
                args! {"rule" => "serious", "part" => c.serious.to_string(), "whole" => c.cases.to_string()},
            );
        }
        if c.serious_force_majeure > c.serious {
            err(
                format!("facts.incidents[{i}].serious_force_majeure"),
                "part-exceeds-whole",
                args! {"rule" => "force-majeure", "part" => c.serious_force_majeure.to_string(),
                "whole" => c.serious.to_string()},
            );
        }
    }
    for (i, q) in facts
        .weapons_handed_in
        .iter()
        .chain(&facts.other_results)
        .enumerate()
    {
        if !(q.quantity.is_finite() && q.quantity >= 0.0) {
            let (list, j) = if i < facts.weapons_handed_in.len() {
                ("weapons_handed_in", i)
            } else {
                ("other_results", i - facts.weapons_handed_in.len())
            };
            err(
                format!("facts.{list}[{j}].quantity"),
                "quantity-invalid",
                args! {"quantity" => q.quantity.to_string()},
            );
        }
    }

    if let Some(d) = &facts.drug_prevention {
        if let (Some(tested), Some(listed)) = (d.tested, d.listed)
            && tested > listed
        {
            err(
                "facts.drug_prevention.tested".into(),
                "part-exceeds-whole",
                args! {"rule" => "tested", "part" => tested.to_string(), "whole" => listed.to_string()},
            );
        }
        if let (Some(positive), Some(tested)) = (d.positive, d.tested)
            && positive > tested
        {
            err(
                "facts.drug_prevention.positive".into(),
                "part-exceeds-whole",
                args! {"rule" => "positive", "part" => positive.to_string(), "whole" => tested.to_string()},
            );
        }
    }

    // Criteria facts.
    let criteria = &facts.criteria;
    for (i, letter) in criteria.security_events.iter().enumerate() {
        if !SECURITY_EVENT_LETTERS.contains(&letter.as_str()) {
            err(
                format!("facts.criteria.security_events[{i}]"),
                "unknown-security-event",
                args! {"letter" => letter},
            );
        }
    }
    if let Some((from, to)) = range {
        let mut dated: Vec<(String, NaiveDate)> = Vec::new();
        if let Some(r) = &criteria.party_resolution {
            dated.push(("facts.criteria.party_resolution.date".into(), r.date));
        }
        if let Some(r) = &criteria.plan {
            dated.push(("facts.criteria.plan.date".into(), r.date));
        }
        for (i, r) in criteria.directives.iter().enumerate() {
            dated.push((format!("facts.criteria.directives[{i}].date"), r.date));
        }
        for (i, a) in criteria.serious_accidents.iter().enumerate() {
            if let Some(d) = a.date {
                dated.push((format!("facts.criteria.serious_accidents[{i}].date"), d));
            }
        }
        for (path, date) in dated {
            if date < from || date > to {
                err(
                    path,
                    "date-outside-period",
                    args! {"date" => locale::date_short(date), "from" => locale::date_short(from),
                    "to" => locale::date_short(to)},
                );
            }
        }
    }

    // Documents.
    if sheet.documents.is_empty() {
        err("documents".into(), "no-documents", Vec::new());
    }
    for (i, doc) in sheet.documents.iter().enumerate() {
        let at = |field: &str| format!("documents[{i}].{field}");
        if !template_exists(&doc.template) {
            err(
                at("template"),
                "unknown-template",
                args! {"template" => &doc.template},
            );
        }
        if doc.number == Some(0) {
            err(at("number"), "document-number-zero", Vec::new());
        }
        if let Some(date) = doc.date
            && year_ok
            && (date.year < sheet.period.year || date.year > sheet.period.year.saturating_add(1))
        {
            err(
                at("date"),
                "document-date-year",
                args! {"date" => date.year.to_string(), "year" => sheet.period.year.to_string()},
            );
        }
        let signer = doc.signer.as_ref().unwrap_or(&sheet.issuer_of(doc).signer);
        let signer_path = if doc.signer.is_some() {
            at("signer.authority")
        } else if doc.issuer.is_some() {
            at("issuer.signer.authority")
        } else {
            "issuer.signer.authority".to_string()
        };
        if let Some(authority) = &signer.authority
            && !AUTHORITY_PREFIXES
                .iter()
                .any(|p| authority.trim_start().starts_with(p))
        {
            warnings.push(Diagnostic::new(
                Severity::Warning,
                "authority-prefix",
                signer_path,
                args! {"authority" => authority},
            ));
        }
    }
    out.extend(warnings);
    out
}

impl Period {
    /// Whether `date` lies in the period for `level`.
    pub fn contains(&self, level: Level, date: NaiveDate) -> bool {
        self.range(level)
            .is_some_and(|(from, to)| from <= date && date <= to)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;
    use crate::factsheet::load::load_str;
    use std::path::Path;

    const BASE: &str = "schema: 1
unit:
  name: Ba Đình
  level: phuong
  households: 1000
  population: 4000
  sub_units:
    - { kind: khu phố, category: khu_dan_cu, total: 10, registered: 10 }
period:
  year: 2024
issuer:
  agency: [Ban Chỉ đạo]
  abbreviation: BCĐ
  signer:
    position: Trưởng ban
documents:
  - template: bao-cao-ket-qua-tt124
    number: 93
    date: 2024-11-05
";

    /// (severity, path, message) of every rule that fires on `text`.
    fn rules(text: &str) -> Vec<(Severity, String, String)> {
        let loaded = load_str(text, Path::new("t.yaml")).expect("loads");
        assert!(loaded.errors.is_empty(), "{:#?}", loaded.errors);
        validate(&loaded.sheet, &|_| true)
            .into_iter()
            .map(|d| (d.severity, d.path, d.message))
            .collect()
    }

    #[test]
    fn the_base_passes() {
        assert!(rules(BASE).is_empty());
    }

    #[test]
    fn implausible_figures_are_errors() {
        for (from, to, path) in [
            (
                "population: 4000",
                "population: 4000\n  area_ha: -5",
                "unit.area_ha",
            ),
            (
                "population: 4000",
                "population: 4000\n  area_ha: 0",
                "unit.area_ha",
            ),
            ("number: 93", "number: 0", "documents[0].number"),
            (
                "total: 10, registered: 10",
                "total: 0, registered: 0",
                "unit.sub_units[0].total",
            ),
        ] {
            let found = rules(&BASE.replace(from, to));
            assert_eq!(found.len(), 1, "{to}: {found:?}");
            assert_eq!(found[0].0, Severity::Error);
            assert_eq!(found[0].1, path);
        }
        assert!(
            rules(&BASE.replace("population: 4000", "population: 4000\n  area_ha: 0.5")).is_empty()
        );
    }

    #[test]
    fn months_out_of_range_is_one_error() {
        for m in ["0", "13"] {
            let found = rules(&BASE.replace("year: 2024", &format!("year: 2024\n  months: {m}")));
            assert_eq!(found.len(), 1, "{found:?}");
            assert_eq!(found[0].1, "period.months");
        }
    }

    #[test]
    fn an_unusable_year_is_one_error() {
        let found = rules(&BASE.replace("year: 2024", "year: 20244"));
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "period.year");
    }

    #[test]
    fn fewer_people_than_households_is_a_warning() {
        let found = rules(&BASE.replace("population: 4000", "population: 900"));
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, Severity::Warning);
        assert_eq!(found[0].1, "unit.population");
    }
}
