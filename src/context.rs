//! What a template sees: the fact sheet's own values plus the derived facts, as one typed
//! [`Context`]. Raw numbers stay numbers (templates format them with the locale filters); what
//! must be computed — comparisons, ratios, verdicts, dates of the period — arrives computed.
//! The doc comment of every field is its documentation: `vanban templates --context` and
//! docs/context.md print them (see [`documentation`]).

mod types;

use crate::derive::{self, Ratio};
use crate::factsheet::{Accidents, DocumentSpec, FactSheet, Quantity, SubUnitCategory};
use crate::locale;
use crate::phrase;
use serde_json::Value;
pub use types::*;

/// `01 khẩu súng săn tự chế`, `2,5 kg thuốc nổ`.
pub fn quantity_text(q: &Quantity) -> String {
    match &q.unit {
        Some(unit) => format!("{} {unit} {}", locale::number(q.quantity, 2), q.item),
        None if q.quantity.fract() == 0.0 => {
            format!("{} {}", locale::count(q.quantity as i64), q.item)
        }
        None => format!("{} {}", locale::number(q.quantity, 2), q.item),
    }
}

/// An accident figure set with its comparisons against last year (`cases_change`,
/// `deaths_change`, `injuries_change`: what [`phrase::compare`] returns; the `change`
/// component words them), and the damage in figures and words.
fn accidents(a: &Accidents) -> AccidentsContext {
    let prev = a.previous.unwrap_or_default();
    let cmp = |now: u32, then: u32| phrase::compare(f64::from(now), f64::from(then));
    AccidentsContext {
        cases: a.cases,
        deaths: a.deaths,
        injuries: a.injuries,
        has_previous: a.previous.is_some(),
        previous: a.previous,
        cases_change: cmp(a.cases, prev.cases),
        deaths_change: cmp(a.deaths, prev.deaths),
        injuries_change: cmp(a.injuries, prev.injuries),
        damage: a.damage_dong.map(locale::money),
    }
}

/// Incidents grouped by who detected them (in first-appearance order), with totals.
fn incident_groups(sheet: &FactSheet) -> Vec<IncidentGroup> {
    let mut groups: Vec<(Option<String>, Vec<&crate::factsheet::IncidentCategory>)> = Vec::new();
    for i in sheet.facts.incidents.iter() {
        match groups.iter_mut().find(|(k, _)| *k == i.detected_by) {
            Some((_, members)) => members.push(i),
            None => groups.push((i.detected_by.clone(), vec![i])),
        }
    }
    groups
        .into_iter()
        .map(|(detected_by, members)| {
            let mut handling: Vec<String> = Vec::new();
            for h in members.iter().filter_map(|m| m.handling.clone()) {
                if !handling.contains(&h) {
                    handling.push(h);
                }
            }
            IncidentGroup {
                detected_by,
                cases: members.iter().map(|m| u64::from(m.cases)).sum(),
                offenders: members.iter().map(|m| u64::from(m.offenders)).sum(),
                handling,
                categories: members
                    .iter()
                    .map(|m| IncidentCategoryCount {
                        category: m.category.clone(),
                        cases: m.cases,
                        offenders: m.offenders,
                    })
                    .collect(),
            }
        })
        .collect()
}

/// How the other documents of a sheet see document `doc`: its template, number as printed
/// (`93/BC-BCĐ`; blank room in a draft), ISO date when complete, and issuer's short name.
pub fn reference(sheet: &FactSheet, doc: &DocumentSpec, type_code: Option<&str>) -> Reference {
    let issuer = sheet.issuer_of(doc);
    Reference {
        template: doc.template.clone(),
        number: doc.number,
        // A draft's number is blank room, as on its own first page: `      /QĐ-UBND`.
        number_text: type_code.map(|code| {
            crate::compose::number_line(doc.number, code, &issuer.abbreviation)
                .trim_start_matches("Số: ")
                .to_string()
        }),
        date: doc.date.and_then(|d| d.full()).map(|d| d.to_string()),
        issuer: issuer.prose_name(),
    }
}

/// The unit as templates see it.
fn unit(sheet: &FactSheet) -> UnitContext {
    let unit = &sheet.unit;
    let full = derive::unit_name(unit.level, &unit.name);
    let sub_units = unit
        .sub_units
        .iter()
        .map(|g| {
            let registered = Ratio::new(g.registered as i64, g.total as i64);
            let recognised = g.recognised.map(|r| Ratio::new(r as i64, g.total as i64));
            SubUnitContext {
                kind: g.kind.clone(),
                category: g.category,
                total: g.total,
                registered: g.registered,
                recognised: g.recognised,
                registered_fraction: registered.fraction(),
                registered_percent: registered.percent(),
                recognised_fraction: recognised.map(|r| r.fraction()),
                recognised_percent: recognised.and_then(|r| r.percent()),
            }
        })
        .collect();
    let residential: Vec<String> = unit
        .sub_units
        .iter()
        .filter(|g| g.category == SubUnitCategory::KhuDanCu)
        .map(|g| format!("{} {}", locale::count(g.total as i64), g.kind))
        .collect();
    UnitContext {
        name: unit.name.clone(),
        level: unit.level,
        level_word: unit.level.word().to_string(),
        full_cap: derive::capitalize(&full),
        full,
        place: unit.place.clone().unwrap_or_else(|| unit.name.clone()),
        located_in: unit.located_in.clone(),
        parent: unit.parent.clone(),
        recognised_by: unit.recognised_by.clone(),
        households: unit.households,
        population: unit.population,
        area_ha: unit.area_ha,
        agencies_enterprises: unit.agencies_enterprises,
        subdivision: unit.subdivision.clone(),
        sub_units,
        residential,
    }
}

/// The period as templates see it: numbers and dates, no words.
fn period(sheet: &FactSheet) -> PeriodContext {
    let p = &sheet.period;
    let (from, to) = p
        .range(sheet.unit.level)
        .map(|(f, t)| (f.to_string(), t.to_string()))
        .unwrap_or_default();
    PeriodContext {
        year: p.year,
        previous_year: p.year.saturating_sub(1),
        next_year: p.year.saturating_add(1),
        from,
        to,
        months: p.months,
        first_year: p.first_year,
        years: p
            .first_year
            .map(|f| p.year.saturating_sub(f).saturating_add(1)),
        // The rest of the year after `months`, and the review before this one: numbers
        // here, so every number the words print comes from the context.
        remaining_months: p.months.map(|m| 12u32.saturating_sub(m)),
        previous_first_year: p.first_year.map(|f| f - (p.year - f + 1)),
        previous_last_year: p.first_year.map(|f| f - 1),
        kind: p.kind(),
    }
}

/// What is computed from the sheet.
fn derived(sheet: &FactSheet) -> Derived {
    let unit = &sheet.unit;
    let facts = &sheet.facts;
    let totals = derive::sub_unit_totals(&unit.sub_units);
    let registered_list: Vec<String> = unit
        .sub_units
        .iter()
        .map(|g| {
            format!(
                "{} {}",
                Ratio::new(g.registered as i64, g.total as i64).fraction(),
                g.kind
            )
        })
        .collect();
    let recognised_list: Vec<String> = unit
        .sub_units
        .iter()
        .filter_map(|g| {
            g.recognised.map(|r| {
                format!(
                    "{} {}",
                    Ratio::new(r as i64, g.total as i64).fraction(),
                    g.kind
                )
            })
        })
        .collect();
    let incidents = derive::incident_comparison(sheet).map(|c| IncidentsContext {
        cases: c.cases.current,
        offenders: c.offenders.current,
        previous_cases: c.cases.previous,
        previous_offenders: c.offenders.previous,
        cases_change: phrase::compare(c.cases.current as f64, c.cases.previous as f64),
        offenders_change: phrase::compare(c.offenders.current as f64, c.offenders.previous as f64),
    });
    let pledged = match (facts.households_pledged, unit.households) {
        (Some(p), Some(h)) => Ratio::new(p as i64, h as i64).percent(),
        _ => None,
    };
    let plan = facts.plan.clone().unwrap_or_default();
    Derived {
        registration: Registration {
            all: totals.registered == totals.total && totals.total > 0,
            list: registered_list,
            percent: Ratio::new(totals.registered, totals.total).percent(),
        },
        recognition: Recognition {
            list: recognised_list,
            percent: totals
                .recognised
                .and_then(|r| Ratio::new(r, totals.total).percent()),
        },
        households_pledged_percent: pledged,
        incidents,
        weapons: facts.weapons_handed_in.iter().map(quantity_text).collect(),
        other_results: facts.other_results.iter().map(quantity_text).collect(),
        assessment: unit
            .level
            .is_commune()
            .then(|| derive::assess_commune(sheet)),
        incident_groups: incident_groups(sheet),
        // `none` when the sheet does not give the incidents: absent is not zero.
        incident_total: facts.incidents.stated().map(|list| IncidentTotal {
            cases: list.iter().map(|i| u64::from(i.cases)).sum(),
            offenders: list.iter().map(|i| u64::from(i.offenders)).sum(),
        }),
        sections: Sections(crate::factsheet::absent::sections(sheet)),
        traffic: facts.traffic_accidents.as_ref().map(accidents),
        fires: facts.fires.as_ref().map(accidents),
        labour: facts.labour_accidents.as_ref().map(accidents),
        drugs: facts.drug_prevention.as_ref().map(|d| DrugsContext {
            negative: d.tested.zip(d.positive).map(|(t, p)| t.saturating_sub(p)),
            tested_fraction: d
                .tested
                .zip(d.listed)
                .map(|(t, l)| Ratio::new(t as i64, l as i64).fraction()),
            fines: d.fines_dong.map(locale::money_short),
        }),
        sentences_serving: facts
            .sentences
            .as_ref()
            .map(|s| u64::from(s.suspended) + u64::from(s.parole)),
        schedule: derive::plan_schedule(
            unit.level,
            sheet.period.year,
            plan.sub_unit_dossier_by,
            plan.dossier_by,
        ),
        articles: derive::criteria_articles(unit.level, &unit.sub_units),
        sub_unit_names: unit.sub_units.iter().map(|g| g.kind.clone()).collect(),
        sub_unit_kinds: unit
            .sub_units
            .iter()
            .map(|g| format!("{} {}", locale::count(g.total as i64), g.kind))
            .collect(),
    }
}

/// The template context for document `doc` of the fact sheet; `data` is the sheet's open
/// data as [`crate::contract::data::check`] normalised it. The roll-up (`children`,
/// `rollup`), the declared `units` and the sheet's `documents` are the caller's to fill
/// ([`crate::produce::contexts`]).
pub fn build(
    sheet: &FactSheet,
    doc: &DocumentSpec,
    data: &serde_json::Map<String, Value>,
) -> Context {
    let issuer = sheet.issuer_of(doc);
    let signer = doc.signer.as_ref().unwrap_or(&issuer.signer);
    Context {
        unit: unit(sheet),
        period: period(sheet),
        issuer: IssuerContext {
            short_name: issuer.prose_name(),
            agency: issuer.agency.join(" "),
            abbreviation: issuer.abbreviation.clone(),
            signer_position: signer.position.clone(),
        },
        document: DocumentContext {
            template: doc.template.clone(),
            number: doc.number,
            date: doc.date.and_then(|d| d.full()).map(|d| d.to_string()),
            // The directives it answers, cited in the opening (`[]` when none).
            responds_to: doc.responds_to.clone(),
        },
        facts: sheet.facts.clone(),
        plan: sheet.facts.plan.clone().unwrap_or_default(),
        narrative: sheet.narrative.clone(),
        data: data.clone(),
        derived: derived(sheet),
        children: Vec::new(),
        rollup: None,
        units: Default::default(),
        documents: Vec::new(),
    }
}

/// docs/context.md, and what `vanban templates --context` prints: every variable of
/// [`Context`], a section per top-level name.
pub fn documentation() -> String {
    let mut s = String::from(
        "# The template context\n\n\
         Every variable a template can read, with its kind and what it holds. Generated from the \
         context's types (`src/context/types.rs`, the built-in `facts` keys from \
         `templates/catalogue.yaml`): do not edit by hand, run \
         `cargo run -- templates --context > docs/context.md` (a test fails while it is stale). \
         See `templates.md` for the filters and components that print them.\n",
    );
    for v in crate::describe::variables::<Context>() {
        if !v.path.contains('.') {
            s.push_str(&format!("\n## `{}`\n\n", v.path));
        }
        let doc = if v.doc.is_empty() {
            String::new()
        } else {
            format!(" — {}", v.doc)
        };
        s.push_str(&format!("- `{}` ({}){doc}\n", v.path, v.kind));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantities() {
        let q = |quantity: f64, unit: Option<&str>, item: &str| Quantity {
            item: item.into(),
            quantity,
            unit: unit.map(str::to_string),
        };
        assert_eq!(
            quantity_text(&q(1.0, None, "khẩu súng săn tự chế")),
            "01 khẩu súng săn tự chế"
        );
        assert_eq!(
            quantity_text(&q(2.5, Some("kg"), "thuốc nổ")),
            "2,5 kg thuốc nổ"
        );
        assert_eq!(quantity_text(&q(13.0, None, "dao kiếm")), "13 dao kiếm");
    }
}

#[cfg(test)]
mod documented {
    use crate::describe::{Variable, variables};
    use serde_json::Value;

    fn walk(value: &Value, path: &str, docs: &[Variable], missing: &mut Vec<String>) {
        match value {
            Value::Object(map) => {
                for (k, v) in map {
                    let p = crate::describe::join(path, k);
                    // Walked only where the documentation names the parts, so every key
                    // met must be named; below a value documented as a whole
                    // (`derived.assessment`, `data`) nothing is.
                    if !docs.iter().any(|d| d.path == p) {
                        missing.push(p);
                    } else if docs.iter().any(|d| {
                        d.path.starts_with(&format!("{p}."))
                            || d.path.starts_with(&format!("{p}[]"))
                    }) {
                        walk(v, &p, docs, missing);
                    }
                }
            }
            Value::Array(items) => {
                for item in items {
                    walk(item, &format!("{path}[]"), docs, missing);
                }
            }
            _ => {}
        }
    }

    /// Every key a template receives on the examples (the roll-up's included) is documented,
    /// and every documented top-level name is in the context.
    #[test]
    fn every_variable_of_the_examples_is_documented() {
        let docs = variables::<super::Context>();
        let mut missing = Vec::new();
        walk(
            &serde_json::json!({"unit": {"bogus": 1}, "children": [{"sub_units": {"x": 1}}]}),
            "",
            &docs,
            &mut missing,
        );
        assert_eq!(missing, ["children[].sub_units.x", "unit.bogus"]);
        let templates = crate::template::Templates::load(None).expect("templates");
        for sheet in [
            "data/phuong-ba-dinh-2024.yaml",
            "data/xa-po-y-2024-8-thang.yaml",
            "data/huyen-thach-thanh-2024-tong-hop/huyen-thach-thanh.yaml",
        ] {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(sheet);
            let checked = crate::check::check(&path, &templates, None).expect("example checks");
            for value in crate::produce::contexts(&checked, &templates) {
                let mut missing = Vec::new();
                walk(&value, "", &docs, &mut missing);
                assert!(missing.is_empty(), "{sheet}: not documented: {missing:?}");
                for top in docs.iter().filter(|v| !v.path.contains(['.', '['])) {
                    assert!(
                        value.get(&top.path).is_some(),
                        "{} documented, not given",
                        top.path
                    );
                }
            }
        }
    }
}
