//! What the templates see of a roll-up: `children` (one entry per child) and `rollup` (the
//! communes' verdicts below — only those their own documents make — the communes without
//! one, the models).

use super::units::{self, CategoryTotals, ModelTotals};
use super::{Reason, RollUp, Summary, Unassessed, Verdict, figures::Plan};
use crate::derive::{self, CommuneAssessment};
use crate::describe::{Describe, context_type, plain};
use crate::factsheet::{Level, Propaganda, SubUnitCategory};
use serde_json::{Map, Value};

plain! {
    Verdict => "record",
    Unassessed => "record",
    Reason => "record",
    ModelTotals => "record",
}

context_type! {
    /// One child unit as its parent's documents see it.
    #[derive(PartialEq)]
    pub struct ChildContext {
        /// Its fact sheet, as shown in messages.
        pub file: String,
        /// Its name as typed.
        pub name: String,
        /// Its level.
        pub level: Level,
        /// Its level word.
        pub level_word: String,
        /// `xã Thạch Bình`.
        pub full: String,
        /// `Xã Thạch Bình`.
        pub full_cap: String,
        /// Households.
        pub households: Option<u64>,
        /// Inhabitants.
        pub population: Option<u64>,
        /// Its sub-units by category; every category is a key, `none` when it has none.
        pub sub_units: ChildSubUnits,
        /// Its `facts.propaganda`.
        pub propaganda: Propaganda,
        /// The figures the parent sums, by name (`data.<name>` without `data.`).
        pub data: Map<String, Value>,
        /// Its community models: `count`, `teams`, `members`, `households`, `cameras`.
        pub models: ModelTotals,
        /// A commune's TT124 Điều 5 verdict (as `derived.assessment`) when its own documents
        /// assess it; `none` otherwise (`unassessed` then says why).
        pub assessment: Option<CommuneAssessment>,
        /// For a commune without a verdict, why: `reason` = `no_assessing_document` (with
        /// `templates`), `no_criteria` or `other_period` (with `period`); else `none`.
        pub unassessed: Option<Reason>,
        /// Counts of the communes at or below it.
        pub communes: ChildCommunes,
    }
}

context_type! {
    /// A child's sub-units by category.
    #[derive(PartialEq)]
    pub struct ChildSubUnits {
        /// Khu dân cư.
        pub khu_dan_cu: Option<CategoryContext>,
        /// Cơ quan.
        pub co_quan: Option<CategoryContext>,
        /// Doanh nghiệp.
        pub doanh_nghiep: Option<CategoryContext>,
        /// Cơ sở giáo dục.
        pub co_so_giao_duc: Option<CategoryContext>,
    }
}

context_type! {
    /// The sub-units of one category.
    #[derive(PartialEq)]
    pub struct CategoryContext {
        /// Their kinds joined: `thôn, tổ dân phố`.
        pub kind: String,
        /// How many.
        pub total: u64,
        /// How many registered.
        pub registered: u64,
        /// How many were recognised; `none` when any group has no figure.
        pub recognised: Option<u64>,
    }
}

context_type! {
    /// Counts of the communes at or below a child.
    #[derive(PartialEq)]
    pub struct ChildCommunes {
        /// With a verdict.
        pub assessed: usize,
        /// Of those, passed.
        pub passed: usize,
        /// Without a verdict.
        pub unassessed: usize,
    }
}

context_type! {
    /// The roll-up over the units below.
    pub struct RollupContext {
        /// How many children.
        pub count: usize,
        /// The communes below.
        pub communes: RollupCommunes,
        /// The community models' totals over the children.
        pub models: ModelTotals,
    }
}

context_type! {
    /// The commune-level units below.
    pub struct RollupCommunes {
        /// How many carry a verdict.
        pub assessed: usize,
        /// Those that passed: `full`, `within` (the unit that lists it), `file`, `failed`
        /// criteria.
        pub passed: Vec<Verdict>,
        /// Those that failed, the same way.
        pub failed: Vec<Verdict>,
        /// The communes without a verdict: `full`, `within`, `file`, `reason`.
        pub unassessed: Vec<Unassessed>,
    }
}

/// The entry of one child in the `children` list of the template context.
pub(super) fn child_context(
    c: &Summary,
    plan: &Plan,
    assessment: Option<&CommuneAssessment>,
    unassessed: Option<&Reason>,
    below: &[Verdict],
    not_below: &[Unassessed],
    models: &ModelTotals,
) -> ChildContext {
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
    ChildContext {
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

/// The roll-up's part of a document's template context: `children` (empty without a
/// roll-up) and `rollup` (`none` without one).
pub fn context_of(rollup: Option<&RollUp>) -> (Vec<ChildContext>, Option<RollupContext>) {
    let children = rollup
        .map(|r| r.children.iter().map(|c| c.context.clone()).collect())
        .unwrap_or_default();
    let summary = rollup.map(|r| {
        let (passed, failed): (Vec<Verdict>, Vec<Verdict>) =
            r.communes.iter().cloned().partition(|v| v.pass);
        RollupContext {
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
    (children, summary)
}
