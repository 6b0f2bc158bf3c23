//! What rolls up and how: the figures a parent's templates declare (with their rule), how a
//! figure is read from a child's sheet and written into the parent's, and how the children's
//! values combine (sum or max, point by point for a series). A value missing in any child
//! makes the result absent: a partial sum is never presented as the total.

use crate::contract::{Aggregate, Kind, Merged, catalogue};
use crate::factsheet::FactSheet;
use crate::phrase;
use serde_json::{Map, Value, json};

/// One figure to roll up: a fact-sheet path (`unit.households`, `facts.propaganda.articles`,
/// `data.patrols`), its label, kind and rule.
#[derive(Debug, Clone, PartialEq)]
pub struct Scalar {
    pub path: String,
    pub label: String,
    pub kind: Kind,
    pub rule: Aggregate,
}

/// A declared series: its figure fields and the rule of each.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub name: String,
    pub label: String,
    pub fields: Vec<(String, Aggregate)>,
}

/// Everything the parent's templates read that rolls up.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Plan {
    pub scalars: Vec<Scalar>,
    pub series: Vec<Series>,
    pub sub_units: bool,
    pub models: bool,
}

/// The rule of a figure of `kind` under a declaration whose rule is `declared`: `max` applies
/// to every figure; `sum` sums counts, money and areas and leaves decimals and percentages.
fn field_rule(declared: Aggregate, kind: Kind) -> Aggregate {
    match declared {
        Aggregate::None => Aggregate::None,
        Aggregate::Max if kind.is_figure() => Aggregate::Max,
        _ if matches!(kind, Kind::Count | Kind::Money | Kind::Area) => Aggregate::Sum,
        _ => Aggregate::None,
    }
}

impl Plan {
    /// The roll-up the declarations ask for.
    pub fn of(merged: &Merged) -> Plan {
        let mut plan = Plan::default();
        for (name, (d, _)) in &merged.by_name {
            if d.aggregate == Aggregate::None {
                continue;
            }
            match name.as_str() {
                "unit.sub_units" => plan.sub_units = true,
                "facts.models" => plan.models = true,
                // A record of figures (`facts.propaganda`): each of its figures by the rule.
                n if !catalogue::parts(n).is_empty() => {
                    for (path, kind, label) in catalogue::parts(n) {
                        plan.scalars.push(Scalar {
                            path: path.to_string(),
                            label: label.to_string(),
                            kind,
                            rule: field_rule(d.aggregate, kind),
                        });
                    }
                }
                n if catalogue::is_figure(n) || n.starts_with("data.") => {
                    if d.kind == Kind::Series {
                        let fields: Vec<(String, Aggregate)> = d
                            .fields
                            .iter()
                            .map(|f| (f.name.clone(), field_rule(d.aggregate, f.kind)))
                            .filter(|(_, rule)| *rule != Aggregate::None)
                            .collect();
                        if !fields.is_empty() && n.starts_with("data.") {
                            plan.series.push(Series {
                                name: n.to_string(),
                                label: d.label.clone(),
                                fields,
                            });
                        }
                    } else if field_rule(d.aggregate, d.kind) != Aggregate::None {
                        plan.scalars.push(Scalar {
                            path: n.to_string(),
                            label: d.label.clone(),
                            kind: d.kind,
                            rule: field_rule(d.aggregate, d.kind),
                        });
                    }
                }
                _ => {}
            }
        }
        plan
    }
}

/// A built-in figure of a typed sheet (one of [`catalogue::figures`]: this binds each name to
/// its field), `None` when the sheet does not give it.
pub fn builtin(sheet: &FactSheet, path: &str) -> Option<f64> {
    let u = &sheet.unit;
    let f = &sheet.facts;
    let p = &f.propaganda;
    let count = |x: Option<u32>| x.map(f64::from);
    match path {
        "unit.households" => u.households.map(|x| x as f64),
        "unit.population" => u.population.map(|x| x as f64),
        "unit.area_ha" => u.area_ha,
        "unit.agencies_enterprises" => count(u.agencies_enterprises),
        "facts.households_pledged" => f.households_pledged.map(|x| x as f64),
        "facts.disputes_mediated" => count(f.disputes_mediated),
        "facts.tip_offs" => count(f.tip_offs),
        "facts.offenders_supported" => count(f.offenders_supported),
        "facts.offenders_progressed" => count(f.offenders_progressed),
        "facts.addicts_supported" => count(f.addicts_supported),
        "facts.propaganda.articles" => count(p.articles),
        "facts.propaganda.broadcasts" => count(p.broadcasts),
        "facts.propaganda.banners" => count(p.banners),
        "facts.propaganda.leaflets" => count(p.leaflets),
        "facts.propaganda.meetings" => count(p.meetings),
        "facts.propaganda.attendees" => count(p.attendees),
        "facts.propaganda.online_reach" => count(p.online_reach),
        _ => None,
    }
}

/// Writes a rolled-up built-in figure into the parent's sheet. A sum too large for the field
/// is left out rather than wrapped (no real district comes near it).
pub fn set_builtin(sheet: &mut FactSheet, path: &str, x: f64) {
    let u32_of = |x: f64| (0.0..=f64::from(u32::MAX)).contains(&x).then_some(x as u32);
    let u64_of = |x: f64| (0.0..1.8e19).contains(&x).then_some(x as u64);
    let u = &mut sheet.unit;
    let f = &mut sheet.facts;
    match path {
        "unit.households" => u.households = u64_of(x),
        "unit.population" => u.population = u64_of(x),
        "unit.area_ha" => u.area_ha = Some(x),
        "unit.agencies_enterprises" => u.agencies_enterprises = u32_of(x),
        "facts.households_pledged" => f.households_pledged = u64_of(x),
        "facts.disputes_mediated" => f.disputes_mediated = u32_of(x),
        "facts.tip_offs" => f.tip_offs = u32_of(x),
        "facts.offenders_supported" => f.offenders_supported = u32_of(x),
        "facts.offenders_progressed" => f.offenders_progressed = u32_of(x),
        "facts.addicts_supported" => f.addicts_supported = u32_of(x),
        "facts.propaganda.articles" => f.propaganda.articles = u32_of(x),
        "facts.propaganda.broadcasts" => f.propaganda.broadcasts = u32_of(x),
        "facts.propaganda.banners" => f.propaganda.banners = u32_of(x),
        "facts.propaganda.leaflets" => f.propaganda.leaflets = u32_of(x),
        "facts.propaganda.meetings" => f.propaganda.meetings = u32_of(x),
        "facts.propaganda.attendees" => f.propaganda.attendees = u32_of(x),
        "facts.propaganda.online_reach" => f.propaganda.online_reach = u32_of(x),
        _ => {}
    }
}

/// A scalar figure of a sheet: built-in from the typed sheet, `data.` from the checked data.
pub fn scalar(sheet: &FactSheet, data: &Map<String, Value>, path: &str) -> Option<Value> {
    match path.strip_prefix("data.") {
        Some(key) => data.get(key).filter(|v| !v.is_null()).cloned(),
        None => builtin(sheet, path).map(number),
    }
}

/// A number as JSON: whole numbers as integers, so `count` and `thousands` print them.
pub fn number(x: f64) -> Value {
    if x.fract() == 0.0 && x.abs() < 9e15 {
        json!(x as i64)
    } else {
        json!(x)
    }
}

/// The estimate word of a figure (`trên` in `trên 1.500`), `None` when it is exact.
fn approx(v: &Value) -> Option<&str> {
    v.get("approx")
        .and_then(Value::as_str)
        .filter(|a| !a.is_empty())
}

/// Combines the children's values of one figure by `rule`; `None` when any child lacks it
/// (or there are no children). A sum of estimates is an estimate: with one word throughout
/// it keeps the word (`trên` + exact = `trên`), with mixed words it is `khoảng`.
pub fn combine(values: &[Option<&Value>], rule: Aggregate) -> Option<Value> {
    let given: Vec<&Value> = values.iter().copied().collect::<Option<Vec<_>>>()?;
    if given.is_empty() {
        return None;
    }
    let (total, words): (f64, Vec<&str>) = match rule {
        Aggregate::None => return None,
        Aggregate::Sum => (
            given
                .iter()
                .map(|v| phrase::value_of(v))
                .sum::<Option<f64>>()?,
            given.iter().filter_map(|v| approx(v)).collect(),
        ),
        Aggregate::Max => {
            let mut best: Option<(f64, &Value)> = None;
            for v in &given {
                let x = phrase::value_of(v)?;
                if best.is_none_or(|(b, _)| x > b) {
                    best = Some((x, v));
                }
            }
            let (x, v) = best?;
            (x, approx(v).into_iter().collect())
        }
    };
    let word = match words.as_slice() {
        [] => None,
        [first, rest @ ..] if rest.iter().all(|w| w == first) => Some(*first),
        _ => Some("khoảng"),
    };
    Some(match word {
        Some(w) => json!({"value": number(total), "approx": w, "shown": null}),
        None => number(total),
    })
}

/// Whether a stated value and the children's aggregate disagree. An estimate on either
/// side cannot disagree with an exact figure (`trên 1.500` and 1.623 are both true).
pub fn disagree(stated: &Value, rolled: &Value) -> bool {
    if approx(stated).is_some() || approx(rolled).is_some() {
        return false;
    }
    match (phrase::value_of(stated), phrase::value_of(rolled)) {
        (Some(a), Some(b)) => (a - b).abs() > 1e-9 * a.abs().max(b.abs()).max(1.0),
        _ => false,
    }
}

/// A figure as the clerk types it in a fact sheet: `45210`, `385.6`, `trên 1500`.
pub fn plain(v: &Value) -> String {
    let x = phrase::value_of(v).map(|x| match number(x) {
        Value::Number(n) => n.to_string(),
        other => other.to_string(),
    });
    match (approx(v), x) {
        (Some(w), Some(x)) => format!("{w} {x}"),
        (None, Some(x)) => x,
        _ => v.to_string(),
    }
}

/// The key of a series point (`at`) as text, for matching points and naming them.
pub fn at_key(point: &Value) -> Option<String> {
    match point.get("at")? {
        Value::String(s) => Some(s.clone()),
        Value::Null => None,
        other => Some(other.to_string()),
    }
}

/// A series rolled up point by point: for every `at` any child gives, each field combined
/// over the children; a point or field missing in any child is `null` there. Returns the
/// series and, per child, whether it lacks anything.
pub fn combine_series(children: &[Option<&Value>], series: &Series) -> (Value, Vec<bool>) {
    let mut keys: Vec<(String, Value)> = Vec::new();
    for points in children.iter().flatten() {
        for p in points.as_array().into_iter().flatten() {
            if let Some(k) = at_key(p)
                && !keys.iter().any(|(have, _)| *have == k)
            {
                keys.push((k, p.get("at").cloned().unwrap_or(Value::Null)));
            }
        }
    }
    if keys.iter().all(|(_, at)| at.is_i64()) {
        keys.sort_by_key(|(_, at)| at.as_i64());
    }
    let mut lacking = vec![false; children.len()];
    let mut out = Vec::new();
    for (key, at) in keys {
        let mut point = Map::new();
        point.insert("at".into(), at);
        for (field, rule) in &series.fields {
            let values: Vec<Option<&Value>> = children
                .iter()
                .map(|points| {
                    points
                        .and_then(Value::as_array)
                        .and_then(|ps| ps.iter().find(|p| at_key(p).as_deref() == Some(&key)))
                        .and_then(|p| p.get(field))
                        .filter(|v| !v.is_null())
                })
                .collect();
            for (i, v) in values.iter().enumerate() {
                if v.is_none()
                    && let Some(l) = lacking.get_mut(i)
                {
                    *l = true;
                }
            }
            point.insert(
                field.clone(),
                combine(&values, *rule).unwrap_or(Value::Null),
            );
        }
        out.push(Value::Object(point));
    }
    (Value::Array(out), lacking)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_and_maxima_of_exact_and_estimated_figures() {
        let (a, b, c) = (json!(400), json!(350), json!(12.5));
        assert_eq!(
            combine(&[Some(&a), Some(&b)], Aggregate::Sum),
            Some(json!(750))
        );
        assert_eq!(
            combine(&[Some(&a), Some(&b), Some(&c)], Aggregate::Max),
            Some(json!(400))
        );
        assert_eq!(
            combine(&[Some(&a), Some(&c)], Aggregate::Sum),
            Some(json!(412.5))
        );
        // Missing in one child: no total at all.
        assert_eq!(combine(&[Some(&a), None], Aggregate::Sum), None);
        assert_eq!(combine(&[], Aggregate::Sum), None);
        assert_eq!(combine(&[Some(&a)], Aggregate::None), None);
        // Estimates keep their word, or become "khoảng" when the words differ.
        let over = json!({"value": 1500, "approx": "trên", "shown": "1.500"});
        let under = json!({"value": 20, "approx": "dưới", "shown": null});
        assert_eq!(
            combine(&[Some(&over), Some(&a)], Aggregate::Sum),
            Some(json!({"value": 1900, "approx": "trên", "shown": null}))
        );
        assert_eq!(
            combine(&[Some(&over), Some(&under)], Aggregate::Sum),
            Some(json!({"value": 1520, "approx": "khoảng", "shown": null}))
        );
        assert_eq!(
            combine(&[Some(&over), Some(&a)], Aggregate::Max),
            Some(json!({"value": 1500, "approx": "trên", "shown": null}))
        );
    }

    #[test]
    fn disagreement_only_between_exact_figures() {
        assert!(disagree(&json!(1200), &json!(1150)));
        assert!(!disagree(&json!(1150), &json!(1150.0)));
        assert!(!disagree(
            &json!({"value": 1500, "approx": "trên"}),
            &json!(1623)
        ));
        assert_eq!(plain(&json!(45210)), "45210");
        assert_eq!(plain(&json!(385.6)), "385.6");
        assert_eq!(
            plain(&json!({"value": 1500, "approx": "trên"})),
            "trên 1500"
        );
    }

    #[test]
    fn series_point_by_point() {
        let s = Series {
            name: "data.areas".into(),
            label: "x".into(),
            fields: vec![
                ("total".into(), Aggregate::Sum),
                ("recognised".into(), Aggregate::Sum),
            ],
        };
        let a = json!([{"at": 2023, "total": 10, "recognised": 8}, {"at": 2024, "total": 10, "recognised": 9}]);
        let b = json!([{"at": 2024, "total": 5, "recognised": 5}, {"at": 2023, "total": 5, "recognised": null}]);
        let (out, lacking) = combine_series(&[Some(&a), Some(&b)], &s);
        assert_eq!(
            out,
            json!([
                {"at": 2023, "total": 15, "recognised": null},
                {"at": 2024, "total": 15, "recognised": 14},
            ])
        );
        assert_eq!(lacking, [false, true]);
        // A child without the series leaves every point without a sum.
        let (out, lacking) = combine_series(&[Some(&a), None], &s);
        assert_eq!(out[0]["total"], Value::Null);
        assert_eq!(lacking, [false, true]);
    }

    #[test]
    fn built_in_figures_round_trip() {
        let mut sheet: FactSheet = serde_json::from_value(json!({
            "schema": 1,
            "unit": {"name": "A", "level": "huyen"},
            "period": {"year": 2024},
            "issuer": {"agency": ["X"], "abbreviation": "BCĐ", "signer": {"position": "Trưởng ban"}},
            "documents": [{"template": "t"}],
        }))
        .expect("sheet");
        // Every figure of the catalogue is read and written: a figure added to the catalogue
        // without its field here fails.
        let figures = catalogue::figures();
        assert!(figures.len() >= 17);
        for (path, _, _) in figures {
            assert_eq!(builtin(&sheet, path), None, "{path}");
            set_builtin(&mut sheet, path, 42.0);
            assert_eq!(builtin(&sheet, path), Some(42.0), "{path}");
        }
    }
}
