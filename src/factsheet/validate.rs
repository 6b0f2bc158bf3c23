//! Cross-field rules a typed fact sheet must still satisfy: counts that cannot exceed their
//! totals, dates inside the period, templates that exist. Every rule adds to one list, so a
//! clerk fixes all mistakes in one pass. Diagnostics carry field paths; the loader turns them
//! into file:line:col.

use super::{FactSheet, Level, Period, SCHEMA_VERSION};
use crate::diagnostic::Diagnostic;
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
    let mut err = |path: String, msg: String, help: &str| {
        out.push(Diagnostic::error(path, msg).with_help(help.to_string()));
    };

    if sheet.schema != SCHEMA_VERSION {
        err(
            "schema".into(),
            format!("schema {} is not supported by this vanban", sheet.schema),
            "write `schema: 1`",
        );
    }
    if sheet.unit.name.trim().is_empty() {
        err(
            "unit.name".into(),
            "the unit has no name".into(),
            "write its proper name without the level word, e.g. `Ba Đình`",
        );
    }
    if sheet.issuer.agency.iter().all(|l| l.trim().is_empty()) {
        err(
            "issuer.agency".into(),
            "the issuing agency has no name".into(),
            "list its printed lines, e.g. `[BAN CHỈ ĐẠO AN NINH, TRẬT TỰ, PHƯỜNG BA ĐÌNH]`",
        );
    }

    // The period.
    let range = sheet.period.range(sheet.unit.level);
    if !(1900..=9999).contains(&sheet.period.year) || range.is_none() {
        err(
            "period.year".into(),
            format!("{} is not a usable year", sheet.period.year),
            "write the four-digit year the documents report on",
        );
    }
    if let Some((from, to)) = range
        && from > to
    {
        err(
            "period.to".into(),
            format!(
                "the period ends ({}) before it starts ({})",
                locale::date_short(to),
                locale::date_short(from)
            ),
            "swap `from` and `to`, or remove both to use TT124 Điều 8's period",
        );
    }

    if let Some(m) = sheet.period.months
        && !(1..=12).contains(&m)
    {
        err(
            "period.months".into(),
            format!("{m} is not a number of months"),
            "write 1 to 12: 6 for \"6 tháng đầu năm\", 12 for the whole year",
        );
    }

    // Sub-units: recognised ≤ registered ≤ total.
    for (i, group) in sheet.unit.sub_units.iter().enumerate() {
        let at = |field: &str| format!("unit.sub_units[{i}].{field}");
        if group.registered > group.total {
            err(
                at("registered"),
                format!(
                    "{} {} registered, but there are only {}",
                    group.registered, group.kind, group.total
                ),
                "registered cannot exceed total: correct one of the two",
            );
        }
        if let Some(recognised) = group.recognised
            && recognised > group.registered
        {
            err(
                at("recognised"),
                format!(
                    "{recognised} {} recognised, but only {} registered",
                    group.kind, group.registered
                ),
                "only registered units can be recognised: recognised ≤ registered",
            );
        }
    }

    let facts = &sheet.facts;
    if let (Some(pledged), Some(households)) = (facts.households_pledged, sheet.unit.households)
        && pledged > households
    {
        err(
            "facts.households_pledged".into(),
            format!("{pledged} households pledged, but the unit has {households}"),
            "households_pledged ≤ unit.households",
        );
    }
    if let (Some(progressed), Some(supported)) =
        (facts.offenders_progressed, facts.offenders_supported)
        && progressed > supported
    {
        err(
            "facts.offenders_progressed".into(),
            format!("{progressed} offenders progressed, but only {supported} were supported"),
            "offenders_progressed ≤ offenders_supported",
        );
    }
    for (i, c) in facts.incidents.iter().enumerate() {
        if c.serious > c.cases {
            err(
                format!("facts.incidents[{i}].serious"),
                format!("{} serious cases out of {} cases", c.serious, c.cases),
                "serious ≤ cases",
            );
        }
        if c.serious_force_majeure > c.serious {
            err(
                format!("facts.incidents[{i}].serious_force_majeure"),
                format!(
                    "{} force-majeure cases out of {} serious cases",
                    c.serious_force_majeure, c.serious
                ),
                "serious_force_majeure ≤ serious",
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
                format!("{} is not a quantity", q.quantity),
                "write a number of 0 or more",
            );
        }
    }

    if let Some(d) = &facts.drug_prevention {
        if let (Some(tested), Some(listed)) = (d.tested, d.listed)
            && tested > listed
        {
            err(
                "facts.drug_prevention.tested".into(),
                format!("{tested} tested, but only {listed} listed"),
                "tested ≤ listed",
            );
        }
        if let (Some(positive), Some(tested)) = (d.positive, d.tested)
            && positive > tested
        {
            err(
                "facts.drug_prevention.positive".into(),
                format!("{positive} positive, but only {tested} tested"),
                "positive ≤ tested",
            );
        }
    }

    // Criteria facts.
    let criteria = &facts.criteria;
    for (i, letter) in criteria.security_events.iter().enumerate() {
        if !SECURITY_EVENT_LETTERS.contains(&letter.as_str()) {
            err(
                format!("facts.criteria.security_events[{i}]"),
                format!("`{letter}` is not a point of TT124 Điều 4 khoản 3"),
                "use the letters a, b, c, d, đ, e, g",
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
                    format!(
                        "{} is outside the period {} – {}",
                        locale::date_short(date),
                        locale::date_short(from),
                        locale::date_short(to)
                    ),
                    "check the year; facts must fall inside the period they are reported for",
                );
            }
        }
    }

    // Documents.
    if sheet.documents.is_empty() {
        err(
            "documents".into(),
            "no documents to issue".into(),
            "add at least one entry, e.g. `- template: bao-cao-ket-qua-tt124`",
        );
    }
    for (i, doc) in sheet.documents.iter().enumerate() {
        let at = |field: &str| format!("documents[{i}].{field}");
        if !template_exists(&doc.template) {
            err(
                at("template"),
                format!("there is no template `{}`", doc.template),
                "run `vanban templates` for the list, or pass --templates DIR with your own",
            );
        }
        if let Some(date) = doc.date
            && (date.year < sheet.period.year || date.year > sheet.period.year.saturating_add(1))
        {
            err(
                at("date"),
                format!(
                    "the document is dated {} but reports on {}",
                    date.year, sheet.period.year
                ),
                "check the year of the date",
            );
        }
        let signer = doc.signer.as_ref().unwrap_or(&sheet.issuer.signer);
        let signer_path = if doc.signer.is_some() {
            at("signer.authority")
        } else {
            "issuer.signer.authority".to_string()
        };
        if let Some(authority) = &signer.authority
            && !AUTHORITY_PREFIXES
                .iter()
                .any(|p| authority.trim_start().starts_with(p))
        {
            warnings.push(
                Diagnostic::warning(
                    signer_path,
                    format!("`{authority}` does not start with TM., KT., Q., TL. or TUQ."),
                )
                .with_help("ND30 signs on behalf of a body as `TM. Ban Chỉ đạo`, for the head as `KT. Trưởng ban`"),
            );
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
