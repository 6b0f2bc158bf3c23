//! The structured built-ins that roll up: the sub-units TT124 counts, per category (total,
//! registered, recognised), and the community models (how many, with their teams, members,
//! households and cameras).

use crate::factsheet::{CommunityModel, SubUnitCategory, SubUnits};
use serde::Serialize;

/// The categories in the order documents list them.
pub const CATEGORIES: [SubUnitCategory; 4] = [
    SubUnitCategory::KhuDanCu,
    SubUnitCategory::CoQuan,
    SubUnitCategory::DoanhNghiep,
    SubUnitCategory::CoSoGiaoDuc,
];

/// The name of a category as the fact sheet writes it.
pub fn category_name(c: SubUnitCategory) -> &'static str {
    match c {
        SubUnitCategory::KhuDanCu => "khu_dan_cu",
        SubUnitCategory::CoQuan => "co_quan",
        SubUnitCategory::DoanhNghiep => "doanh_nghiep",
        SubUnitCategory::CoSoGiaoDuc => "co_so_giao_duc",
    }
}

/// Adds the kinds a group names to `kinds`, each once. A rolled-up group names several
/// (`thôn, tổ dân phố`, see [`as_groups`]); a second roll-up must not list them again.
fn push_kinds(kinds: &mut Vec<String>, kind: &str) {
    for k in kind.split(',').map(str::trim).filter(|k| !k.is_empty()) {
        if !kinds.iter().any(|have| have == k) {
            kinds.push(k.to_string());
        }
    }
}

/// The sub-units of one category summed over the groups of a sheet (or over children):
/// the kinds as written, in first-appearance order (`thôn, tổ dân phố`), and the counts;
/// `recognised` is absent when any group lacks it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CategoryTotals {
    pub category: SubUnitCategory,
    pub kinds: Vec<String>,
    pub total: u64,
    pub registered: u64,
    pub recognised: Option<u64>,
}

impl CategoryTotals {
    /// The kinds joined for printing: `thôn, tổ dân phố`.
    pub fn kind(&self) -> String {
        self.kinds.join(", ")
    }

    fn add(&mut self, other: &CategoryTotals) {
        for k in &other.kinds {
            push_kinds(&mut self.kinds, k);
        }
        self.total += other.total;
        self.registered += other.registered;
        self.recognised = self.recognised.zip(other.recognised).map(|(a, b)| a + b);
    }
}

/// The groups of one sheet summed per category (categories it does not list are left out).
pub fn by_category(groups: &[SubUnits]) -> Vec<CategoryTotals> {
    CATEGORIES
        .iter()
        .filter_map(|&category| {
            let of: Vec<&SubUnits> = groups.iter().filter(|g| g.category == category).collect();
            if of.is_empty() {
                return None;
            }
            let mut kinds: Vec<String> = Vec::new();
            for g in &of {
                push_kinds(&mut kinds, &g.kind);
            }
            Some(CategoryTotals {
                category,
                kinds,
                total: of.iter().map(|g| u64::from(g.total)).sum(),
                registered: of.iter().map(|g| u64::from(g.registered)).sum(),
                recognised: of.iter().map(|g| g.recognised.map(u64::from)).sum(),
            })
        })
        .collect()
}

/// The children's sub-units summed per category. A child that lists sub-units but none of
/// a category has none of it (the list is TT124's complete count of what the unit holds); a
/// child that lists no sub-units at all makes the sum impossible: `None`.
pub fn combine(children: &[&[SubUnits]]) -> Option<Vec<CategoryTotals>> {
    if children.is_empty() || children.iter().any(|groups| groups.is_empty()) {
        return None;
    }
    let mut out: Vec<CategoryTotals> = Vec::new();
    for &category in &CATEGORIES {
        let mut sum: Option<CategoryTotals> = None;
        for groups in children {
            let mine = by_category(groups)
                .into_iter()
                .find(|t| t.category == category)
                .unwrap_or(CategoryTotals {
                    category,
                    kinds: Vec::new(),
                    total: 0,
                    registered: 0,
                    recognised: Some(0),
                });
            match &mut sum {
                Some(s) => s.add(&mine),
                None => sum = Some(mine),
            }
        }
        if let Some(s) = sum.filter(|s| s.total > 0) {
            out.push(s);
        }
    }
    Some(out)
}

/// Category totals as the groups of a fact sheet, one per category, for the parent that
/// states none (a total above `u32::MAX` cannot be a real count and is left out).
pub fn as_groups(totals: &[CategoryTotals]) -> Vec<SubUnits> {
    totals
        .iter()
        .filter_map(|t| {
            Some(SubUnits {
                kind: t.kind(),
                category: t.category,
                total: u32::try_from(t.total).ok()?,
                registered: u32::try_from(t.registered).ok()?,
                recognised: match t.recognised {
                    Some(r) => Some(u32::try_from(r).ok()?),
                    None => None,
                },
            })
        })
        .collect()
}

/// The community models of a unit: how many, and their figures summed (absent when any
/// model lacks the figure).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ModelTotals {
    pub count: u64,
    pub teams: Option<u64>,
    pub members: Option<u64>,
    pub households: Option<u64>,
    pub cameras: Option<u64>,
}

impl ModelTotals {
    /// The models a sheet lists.
    pub fn of(models: &[CommunityModel]) -> ModelTotals {
        let sum = |f: fn(&CommunityModel) -> Option<u32>| -> Option<u64> {
            models.iter().map(|m| f(m).map(u64::from)).sum()
        };
        ModelTotals {
            count: models.len() as u64,
            teams: sum(|m| m.teams),
            members: sum(|m| m.members),
            households: sum(|m| m.households),
            cameras: sum(|m| m.cameras),
        }
    }

    /// Several units' models together.
    pub fn combine(all: &[ModelTotals]) -> ModelTotals {
        let sum = |f: fn(&ModelTotals) -> Option<u64>| -> Option<u64> { all.iter().map(f).sum() };
        ModelTotals {
            count: all.iter().map(|m| m.count).sum(),
            teams: sum(|m| m.teams),
            members: sum(|m| m.members),
            households: sum(|m| m.households),
            cameras: sum(|m| m.cameras),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group(
        kind: &str,
        category: SubUnitCategory,
        total: u32,
        recognised: Option<u32>,
    ) -> SubUnits {
        SubUnits {
            kind: kind.into(),
            category,
            total,
            registered: total,
            recognised,
        }
    }

    #[test]
    fn categories_sum_over_children_with_their_kinds() {
        use SubUnitCategory::*;
        let a = vec![
            group("thôn", KhuDanCu, 8, Some(7)),
            group("tổ dân phố", KhuDanCu, 2, Some(2)),
            group("doanh nghiệp", DoanhNghiep, 5, Some(3)),
        ];
        let b = vec![group("thôn", KhuDanCu, 6, Some(4))];
        let c = vec![group("xóm", KhuDanCu, 4, None)];
        let out = combine(&[&a, &b]).expect("both list sub-units");
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].kind(), "thôn, tổ dân phố");
        assert_eq!((out[0].total, out[0].recognised), (16, Some(13)));
        // b lists sub-units but no enterprise: it has none.
        assert_eq!((out[1].total, out[1].recognised), (5, Some(3)));
        // One child without a recognised count: no recognised sum.
        let out = combine(&[&a, &c]).expect("listed");
        assert_eq!(out[0].recognised, None);
        assert_eq!(out[0].kind(), "thôn, tổ dân phố, xóm");
        // Two levels of roll-up: each kind once, in first-appearance order.
        let d = vec![group("tổ dân phố, thôn", KhuDanCu, 3, Some(3))];
        let upper = as_groups(&combine(&[&a, &c]).expect("listed"));
        let lower = as_groups(&combine(&[&d, &b]).expect("listed"));
        let top = combine(&[&upper, &lower]).expect("listed");
        assert_eq!(top[0].kind(), "thôn, tổ dân phố, xóm");
        // A child that lists nothing: no sum at all.
        assert_eq!(combine(&[&a, &[]]), None);
        let groups = as_groups(&combine(&[&a, &b]).expect("listed"));
        assert_eq!(groups[0].total, 16);
        assert_eq!(groups[1].category, DoanhNghiep);
    }

    #[test]
    fn models_count_and_figures() {
        let m = |teams: Option<u32>, members: Option<u32>| CommunityModel {
            name: "Camera an ninh".into(),
            teams,
            members,
            households: None,
            cameras: None,
            teams_added: None,
            members_added: None,
            cameras_added: None,
            scope: None,
            note: None,
        };
        let a = ModelTotals::of(&[m(Some(3), Some(30)), m(Some(2), None)]);
        assert_eq!((a.count, a.teams, a.members), (2, Some(5), None));
        let b = ModelTotals::of(&[m(Some(1), Some(5))]);
        let all = ModelTotals::combine(&[a, b]);
        assert_eq!((all.count, all.teams, all.members), (3, Some(6), None));
    }
}
