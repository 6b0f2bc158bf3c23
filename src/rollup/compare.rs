//! The children's figures against the parent's: each declared figure combined by its rule,
//! compared with what the parent states (an error naming both values and both places), or
//! handed back to fill in; a sum left out for want of a child's figure is a warning naming
//! the children that lack it.

use super::{Summary, figures, units};
use crate::contract::Aggregate;
use crate::diagnostic::{Diagnostic, Severity};
use crate::factsheet::SubUnits;
use crate::factsheet::load::Loaded;
use crate::i18n::Args;
use crate::i18n::args;
use serde_json::{Map, Value};

/// The path of one figure of a series point as a sheet writes it: `data.areas.2024.total`
/// for a series keyed by year, `data.areas[3].total` for a list.
pub(super) fn series_path(loaded: &Loaded, name: &str, at: &str, field: &str) -> String {
    let keyed = format!("{name}.{at}.{field}");
    if loaded.paths.locate(&keyed).is_some() {
        return keyed;
    }
    let key = name.trim_start_matches("data.");
    let index = loaded
        .tree
        .get("data")
        .and_then(|d| d.get(key))
        .and_then(Value::as_array)
        .and_then(|ps| {
            ps.iter()
                .position(|p| figures::at_key(p).as_deref() == Some(at))
        });
    match index {
        Some(i) => format!("{name}[{i}].{field}"),
        None => keyed,
    }
}

/// Whether the sheet's own YAML gives a value at `path` (`unit.households`, `data.patrols`).
pub(super) fn written(tree: &Value, path: &str) -> bool {
    path.split('.')
        .try_fold(tree, |node, step| {
            // `areas[3]`: a key, then an index into its list.
            let (key, index) = match step.split_once('[') {
                Some((key, rest)) => (key, rest.trim_end_matches(']').parse::<usize>().ok()),
                None => (step, None),
            };
            let node = node.get(key)?;
            match index {
                Some(i) => node.get(i),
                None => Some(node),
            }
        })
        .is_some_and(|v| !v.is_null())
}

/// At most this many children are named in one message; the rest are counted.
const NAMED: usize = 12;

/// The first [`NAMED`] items as the argument `names`, and how many more there are as
/// `more` (0 for none).
fn names(items: Vec<String>) -> Args {
    let more = items.len().saturating_sub(NAMED);
    let shown: Vec<String> = items.into_iter().take(NAMED).collect();
    args! {"names" => shown.join(", "), "more" => more}
}

/// The comparisons and sums of one roll-up, with the diagnostics they give.
pub(super) struct Sums<'a> {
    pub(super) loaded: &'a Loaded,
    pub(super) children: &'a [Summary],
    pub(super) out: &'a mut Vec<Diagnostic>,
}

impl Sums<'_> {
    fn disagreement(
        &mut self,
        path: &str,
        label: &str,
        stated: String,
        rolled: String,
        rule: Aggregate,
        parts: Vec<String>,
    ) {
        let rule = match rule {
            Aggregate::Max => "max",
            _ => "sum",
        };
        let mut args = args! {
            "path" => path,
            "label" => label,
            "stated" => stated,
            "rule" => rule,
            "rolled" => rolled,
        };
        args.extend(names(parts));
        let mut d = Diagnostic::new(Severity::Error, "child-disagrees", path, args);
        d.file = self.loaded.file.clone();
        d.position = self
            .loaded
            .paths
            .locate(path)
            .or_else(|| self.loaded.paths.locate_key("children"));
        self.out.push(d);
    }

    fn left_out(&mut self, path: &str, label: &str, lacking: Vec<String>) {
        let mut args = args! {
            "path" => path,
            "label" => label,
            "n" => lacking.len(),
            "total" => self.children.len(),
        };
        args.extend(names(lacking));
        let mut d = Diagnostic::new(Severity::Warning, "children-lack-figure", path, args);
        d.file = self.loaded.file.clone();
        d.position = self.loaded.paths.locate_key("children");
        self.out.push(d);
    }

    /// One figure: compared with the parent's when it states it, else returned to fill in.
    pub(super) fn scalar(
        &mut self,
        s: &figures::Scalar,
        data: &Map<String, Value>,
    ) -> Option<Value> {
        let values: Vec<Option<Value>> = self
            .children
            .iter()
            .map(|c| figures::scalar(&c.loaded.sheet, &c.data, &s.path))
            .collect();
        let refs: Vec<Option<&Value>> = values.iter().map(Option::as_ref).collect();
        let rolled = figures::combine(&refs, s.rule);
        let stated = figures::scalar(&self.loaded.sheet, data, &s.path);
        match (stated, rolled) {
            (Some(stated), Some(rolled)) => {
                if figures::disagree(&stated, &rolled) {
                    let parts = self
                        .children
                        .iter()
                        .zip(&values)
                        .filter_map(|(c, v)| {
                            v.as_ref()
                                .map(|v| format!("{} gives {}", c.at(&s.path), figures::plain(v)))
                        })
                        .collect();
                    self.disagreement(
                        &s.path,
                        &s.label,
                        figures::plain(&stated),
                        figures::plain(&rolled),
                        s.rule,
                        parts,
                    );
                }
                None
            }
            (None, Some(rolled)) => Some(rolled),
            (None, None) if values.iter().any(Option::is_some) => {
                let lacking = self
                    .children
                    .iter()
                    .zip(&values)
                    .filter(|(_, v)| v.is_none())
                    .map(|(c, _)| c.file.display().to_string())
                    .collect();
                self.left_out(&s.path, &s.label, lacking);
                None
            }
            _ => None,
        }
    }

    /// A series, point by point.
    pub(super) fn series(
        &mut self,
        s: &figures::Series,
        data: &Map<String, Value>,
    ) -> Option<Value> {
        let key = s.name.trim_start_matches("data.");
        let given: Vec<Option<&Value>> = self
            .children
            .iter()
            .map(|c| c.data.get(key).filter(|v| v.is_array()))
            .collect();
        if given.iter().all(Option::is_none) {
            return None;
        }
        let (rolled, lacking) = figures::combine_series(&given, s);
        let Some(stated) = data.get(key).filter(|v| v.is_array()) else {
            if lacking.iter().any(|l| *l) {
                let files = self
                    .children
                    .iter()
                    .zip(&lacking)
                    .filter(|(_, l)| **l)
                    .map(|(c, _)| c.file.display().to_string())
                    .collect();
                self.left_out(&s.name, &s.label, files);
            }
            return Some(rolled);
        };
        for point in stated.as_array().into_iter().flatten() {
            let Some(at) = figures::at_key(point) else {
                continue;
            };
            let Some(sum) = rolled.as_array().and_then(|ps| {
                ps.iter()
                    .find(|p| figures::at_key(p).as_deref() == Some(&at))
            }) else {
                continue;
            };
            for (field, rule) in &s.fields {
                let (Some(mine), Some(theirs)) = (
                    point.get(field).filter(|v| !v.is_null()),
                    sum.get(field).filter(|v| !v.is_null()),
                ) else {
                    continue;
                };
                if figures::disagree(mine, theirs) {
                    let path = series_path(self.loaded, &s.name, &at, field);
                    let parts = self
                        .children
                        .iter()
                        .filter_map(|c| {
                            let v = c
                                .data
                                .get(key)?
                                .as_array()?
                                .iter()
                                .find(|p| figures::at_key(p).as_deref() == Some(&at))?
                                .get(field)?;
                            let path = series_path(&c.loaded, &s.name, &at, field);
                            Some(format!("{} gives {}", c.at(&path), figures::plain(v)))
                        })
                        .collect();
                    let label = format!("{}, {at}", s.label);
                    self.disagreement(
                        &path,
                        &label,
                        figures::plain(mine),
                        figures::plain(theirs),
                        *rule,
                        parts,
                    );
                }
            }
        }
        None
    }

    /// The sub-units per category: compared with the parent's groups when it lists them,
    /// else returned as groups to fill in.
    pub(super) fn sub_units(&mut self) -> Option<Vec<SubUnits>> {
        let lists: Vec<&[SubUnits]> = self
            .children
            .iter()
            .map(|c| c.loaded.sheet.unit.sub_units.as_slice())
            .collect();
        let label = "khu dân cư, cơ quan, doanh nghiệp, cơ sở giáo dục";
        let stated = &self.loaded.sheet.unit.sub_units;
        let Some(rolled) = units::combine(&lists) else {
            if stated.is_empty() && lists.iter().any(|l| !l.is_empty()) {
                let lacking = self
                    .children
                    .iter()
                    .filter(|c| c.loaded.sheet.unit.sub_units.is_empty())
                    .map(|c| c.file.display().to_string())
                    .collect();
                self.left_out("unit.sub_units", label, lacking);
            }
            return None;
        };
        if stated.is_empty() {
            // The children with a group of the category that `has` accepts.
            let children_with = |has: &dyn Fn(&crate::factsheet::SubUnits) -> bool| {
                self.children
                    .iter()
                    .filter(|c| c.loaded.sheet.unit.sub_units.iter().any(has))
                    .map(|c| c.file.display().to_string())
                    .collect::<Vec<_>>()
            };
            for t in rolled.iter().filter(|t| t.recognised.is_none()) {
                let lacking =
                    children_with(&|g| g.category == t.category && g.recognised.is_none());
                // No child gives it (a report before the year's recognition): there is no
                // partial sum to warn about, the documents just have no such figure.
                let with_category = children_with(&|g| g.category == t.category).len();
                if lacking.len() >= with_category {
                    continue;
                }
                self.left_out(
                    &format!(
                        "unit.sub_units.{}.recognised",
                        units::category_name(t.category)
                    ),
                    &format!("{} được công nhận", t.kind()),
                    lacking,
                );
            }
            return Some(units::as_groups(&rolled));
        }
        let mine = units::by_category(stated);
        for &category in &units::CATEGORIES {
            let theirs = rolled.iter().find(|t| t.category == category);
            let own = mine.iter().find(|t| t.category == category);
            let first = stated.iter().position(|g| g.category == category);
            let fields: [(&str, Option<u64>, Option<u64>); 3] = [
                ("total", own.map(|t| t.total), theirs.map(|t| t.total)),
                (
                    "registered",
                    own.map(|t| t.registered),
                    theirs.map(|t| t.registered),
                ),
                (
                    "recognised",
                    own.and_then(|t| t.recognised),
                    theirs.and_then(|t| t.recognised),
                ),
            ];
            for (field, stated_value, rolled_value) in fields {
                // A category the parent leaves out while its children have it counts as 0
                // stated; a recognised count left out on either side is not compared.
                let stated_value = match (stated_value, own, field) {
                    (None, None, "total" | "registered") => Some(0),
                    (v, _, _) => v,
                };
                let rolled_value = match (rolled_value, theirs, field) {
                    (None, None, "total" | "registered") => Some(0),
                    (v, _, _) => v,
                };
                let (Some(a), Some(b)) = (stated_value, rolled_value) else {
                    continue;
                };
                if a == b {
                    continue;
                }
                let path = match first {
                    Some(i) => format!("unit.sub_units[{i}].{field}"),
                    None => "unit.sub_units".to_string(),
                };
                let name = units::category_name(category);
                let parts = self
                    .children
                    .iter()
                    .filter_map(|c| {
                        let t = units::by_category(&c.loaded.sheet.unit.sub_units)
                            .into_iter()
                            .find(|t| t.category == category)?;
                        let v = match field {
                            "total" => t.total,
                            "registered" => t.registered,
                            _ => t.recognised?,
                        };
                        Some(format!("{} gives {v}", c.at("unit.sub_units")))
                    })
                    .collect();
                self.disagreement(
                    &path,
                    &format!("{name}: {field}"),
                    a.to_string(),
                    b.to_string(),
                    Aggregate::Sum,
                    parts,
                );
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn written_follows_keys_and_indices() {
        let tree = json!({"data": {"areas": [{"at": 2024, "total": 3}], "x": null}});
        assert!(written(&tree, "data.areas[0].total"));
        assert!(!written(&tree, "data.areas[1].total"));
        assert!(!written(&tree, "data.x"));
        assert!(!written(&tree, "unit.households"));
    }

    #[test]
    fn long_listings_are_cut() {
        let items: Vec<String> = (1..=15).map(|i| format!("x{i}.yaml")).collect();
        let mut args =
            args! {"path" => "data.x", "label" => "X", "n" => 15usize, "total" => 20usize};
        args.extend(names(items));
        let text = crate::i18n::text_with(crate::i18n::Lang::En, "children-lack-figure", &args);
        assert!(text.contains("(x1.yaml, x2.yaml"), "{text}");
        assert!(text.contains("x12.yaml, and 3 more)"), "{text}");
        let vi = crate::i18n::text_with(crate::i18n::Lang::Vi, "children-lack-figure", &args);
        assert!(vi.contains("x12.yaml, và 3 đơn vị khác)"), "{vi}");
        let few = names(vec!["a.yaml".into()]);
        let text = crate::i18n::text_with(crate::i18n::Lang::En, "children-lack-figure", &few);
        assert!(text.contains("(a.yaml); the documents"), "{text}");
        let mut args = args! {
            "path" => "data.x", "label" => "X", "stated" => "12", "rule" => "max", "rolled" => "9",
        };
        args.extend(names(vec!["a.yaml (9)".into()]));
        let en = crate::i18n::text_with(crate::i18n::Lang::En, "child-disagrees", &args);
        assert_eq!(
            en,
            "`data.x` (X) is 12 here, but the children reach at most 9: a.yaml (9)"
        );
        let vi = crate::i18n::text_with(crate::i18n::Lang::Vi, "child-disagrees", &args);
        assert_eq!(
            vi,
            "`data.x` (X) ở đây là 12, nhưng số lớn nhất của các đơn vị cấp dưới là 9: a.yaml (9)"
        );
    }
}
