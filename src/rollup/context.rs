//! What the templates see of a roll-up: `children` (one entry per child) and `rollup` (the
//! communes' verdicts below — only those their own documents make — the communes without
//! one, the models).

use super::units::{self, CategoryTotals, ModelTotals};
use super::{Reason, RollUp, Summary, Unassessed, Verdict, figures::Plan};
use crate::derive::{self, CommuneAssessment};
use serde_json::{Map, Value, json};

/// The entry of one child in the `children` list of the template context.
pub(super) fn child_context(
    c: &Summary,
    plan: &Plan,
    assessment: Option<&CommuneAssessment>,
    unassessed: Option<&Reason>,
    below: &[Verdict],
    not_below: &[Unassessed],
    models: &ModelTotals,
) -> Value {
    let unit = &c.loaded.sheet.unit;
    let full = c.full();
    // Every category is a key (`none` when the child has none), so a template can index it.
    let totals = units::by_category(&unit.sub_units);
    let sub_units: Map<String, Value> = units::CATEGORIES
        .iter()
        .map(|&category| {
            let t = totals.iter().find(|t| t.category == category);
            (
                units::category_name(category).to_string(),
                t.map(category_json).unwrap_or(Value::Null),
            )
        })
        .collect();
    let data: Map<String, Value> = plan
        .scalars
        .iter()
        .map(|s| s.path.as_str())
        .chain(plan.series.iter().map(|s| s.name.as_str()))
        .filter_map(|p| p.strip_prefix("data."))
        .map(|k| (k.to_string(), c.data.get(k).cloned().unwrap_or(Value::Null)))
        .collect();
    json!({
        "file": c.shown,
        "name": unit.name,
        "level": unit.level,
        "level_word": unit.level.word(),
        "full": full,
        "full_cap": derive::capitalize(&full),
        "households": unit.households,
        "population": unit.population,
        "sub_units": sub_units,
        "propaganda": c.loaded.sheet.facts.propaganda,
        "data": data,
        "models": models,
        // `none` both for a unit with no Điều 5 verdict and for a commune its own documents
        // do not assess (`unassessed` then says why).
        "assessment": assessment,
        "unassessed": unassessed,
        "communes": {
            "assessed": below.len(),
            "passed": below.iter().filter(|v| v.pass).count(),
            "unassessed": not_below.len(),
        },
    })
}

/// Category totals as templates see them: `{kind, total, registered, recognised}`.
fn category_json(t: &CategoryTotals) -> Value {
    json!({
        "kind": t.kind(),
        "total": t.total,
        "registered": t.registered,
        "recognised": t.recognised,
    })
}

/// Adds `children` (always a list, empty without a roll-up) and `rollup` (`none` without
/// one) to a document's template context.
pub fn add_to_context(context: &mut Value, rollup: Option<&RollUp>) {
    let Some(map) = context.as_object_mut() else {
        return;
    };
    let children: Vec<Value> = rollup
        .map(|r| r.children.iter().map(|c| c.context.clone()).collect())
        .unwrap_or_default();
    map.insert("children".into(), Value::Array(children));
    let summary = rollup.map(|r| {
        let (passed, failed): (Vec<&Verdict>, Vec<&Verdict>) =
            r.communes.iter().partition(|v| v.pass);
        json!({
            "count": r.children.len(),
            "communes": {
                "assessed": r.communes.len(),
                "passed": passed,
                "failed": failed,
                "unassessed": r.unassessed,
            },
            "models": r.models,
        })
    });
    map.insert("rollup".into(), summary.unwrap_or(Value::Null));
}
