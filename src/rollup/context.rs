//! What the templates see of a roll-up: `children` (one entry per child) and `rollup` (the
//! communes' verdicts below — only those their own documents make — the communes without
//! one, the models).

use super::units::{self, CategoryTotals, ModelTotals};
use super::{Reason, RollUp, Summary, Unassessed, Verdict, figures::Plan};
use crate::context::{
    CategoryContext, Child, ChildCommunes, ChildSubUnits, Context, RollupCommunes, RollupSummary,
};
use crate::derive::{self, CommuneAssessment};
use crate::factsheet::SubUnitCategory;
use serde_json::{Map, Value};

/// The entry of one child in the `children` list of the template context.
pub(super) fn child_context(
    c: &Summary,
    plan: &Plan,
    assessment: Option<&CommuneAssessment>,
    unassessed: Option<&Reason>,
    below: &[Verdict],
    not_below: &[Unassessed],
    models: &ModelTotals,
) -> Child {
    let unit = &c.loaded.sheet.unit;
    let full = c.full();
    // Every category is a key (`none` when the child has none), so a template can index it.
    let totals = units::by_category(&unit.sub_units);
    let category = |category: SubUnitCategory| {
        totals
            .iter()
            .find(|t| t.category == category)
            .map(category_context)
    };
    let data: Map<String, Value> = plan
        .scalars
        .iter()
        .map(|s| s.path.as_str())
        .chain(plan.series.iter().map(|s| s.name.as_str()))
        .filter_map(|p| p.strip_prefix("data."))
        .map(|k| (k.to_string(), c.data.get(k).cloned().unwrap_or(Value::Null)))
        .collect();
    Child {
        file: c.shown.clone(),
        name: unit.name.clone(),
        level: unit.level,
        level_word: unit.level.word().to_string(),
        full_cap: derive::capitalize(&full),
        full,
        households: unit.households,
        population: unit.population,
        sub_units: ChildSubUnits {
            khu_dan_cu: category(SubUnitCategory::KhuDanCu),
            co_quan: category(SubUnitCategory::CoQuan),
            doanh_nghiep: category(SubUnitCategory::DoanhNghiep),
            co_so_giao_duc: category(SubUnitCategory::CoSoGiaoDuc),
        },
        propaganda: c.loaded.sheet.facts.propaganda.clone(),
        data,
        models: models.clone(),
        // `none` both for a unit with no Điều 5 verdict and for a commune its own documents
        // do not assess (`unassessed` then says why).
        assessment: assessment.cloned(),
        unassessed: unassessed.cloned(),
        communes: ChildCommunes {
            assessed: below.len(),
            passed: below.iter().filter(|v| v.pass).count(),
            unassessed: not_below.len(),
        },
    }
}

/// Category totals as templates see them: `{kind, total, registered, recognised}`.
fn category_context(t: &CategoryTotals) -> CategoryContext {
    CategoryContext {
        kind: t.kind(),
        total: t.total,
        registered: t.registered,
        recognised: t.recognised,
    }
}

/// Fills `children` (empty without a roll-up) and `rollup` (`none` without one) of a
/// document's template context.
pub fn add_to_context(context: &mut Context, rollup: Option<&RollUp>) {
    context.children = rollup
        .map(|r| r.children.iter().map(|c| c.context.clone()).collect())
        .unwrap_or_default();
    context.rollup = rollup.map(|r| {
        let (passed, failed): (Vec<Verdict>, Vec<Verdict>) =
            r.communes.iter().cloned().partition(|v| v.pass);
        RollupSummary {
            count: r.children.len(),
            communes: RollupCommunes {
                assessed: r.communes.len(),
                passed,
                failed,
                unassessed: r.unassessed.clone(),
            },
            models: r.models.clone(),
        }
    });
}
