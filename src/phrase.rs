//! Derived phrases as functions over any figure: comparison, ratio and rate, change between two
//! points of a series, series statistics, sums. They return numbers, booleans and enums; the
//! words ("tăng 02 vụ", "10/10 (100%)") are chosen by the templates' shared components.
//!
//! Rounding: rates and percentage changes are returned exact; they are rounded only when
//! printed, half away from zero on the decimal digits (`locale::percent`): 173/244 = 70,90…%
//! prints `70,9%`, 161/212 = 75,94…% prints `75,9%` with one place and `76%` with none — never
//! a truncated 70% or 75%. Threshold tests (≥ 70%) use the exact rate.

use serde::Serialize;
use serde_json::{Value, json};

/// Which way a figure moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Up,
    Down,
    Same,
}

/// A number as JSON: whole numbers stay integers so `count` prints them as counts.
fn num(x: f64) -> Value {
    if x.fract() == 0.0 && x.abs() < 9e15 {
        json!(x as i64)
    } else {
        json!(x)
    }
}

/// The plain value of a figure: a number, or an approximate figure's `value`.
pub fn value_of(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::Object(m) => m.get("value").and_then(Value::as_f64),
        _ => None,
    }
}

/// `now` against `before`: the difference, its size and direction, and the change as a
/// percentage of `before` (absent when `before` is zero: a rise from nothing has none).
pub fn compare(now: f64, before: f64) -> Value {
    let delta = now - before;
    let direction = if delta > 0.0 {
        Direction::Up
    } else if delta < 0.0 {
        Direction::Down
    } else {
        Direction::Same
    };
    let percent = (before != 0.0).then(|| delta.abs() * 100.0 / before.abs());
    json!({
        "now": num(now),
        "before": num(before),
        "delta": num(delta),
        "amount": num(delta.abs()),
        "direction": direction,
        "percent": percent,
    })
}

/// `part` of `whole`: the rate in percent (exact; absent when `whole` is zero) and whether
/// the whole is reached.
pub fn ratio(part: f64, whole: f64) -> Value {
    let rate = (whole != 0.0).then(|| part * 100.0 / whole);
    json!({
        "part": num(part),
        "whole": num(whole),
        "rate": rate,
        "all": whole > 0.0 && part >= whole,
    })
}

/// The figure `field` of a series point (`value` for a one-figure series).
fn point_value(point: &Value, field: &str) -> Option<f64> {
    point.get(field).and_then(value_of)
}

fn at(point: &Value) -> Value {
    point.get("at").cloned().unwrap_or(Value::Null)
}

/// The change of `field` between the points at `from` and `to` (default: the first and the
/// last point that have the figure). Absent when either point or figure is missing.
pub fn change(
    points: &[Value],
    field: &str,
    from: Option<&Value>,
    to: Option<&Value>,
) -> Option<Value> {
    let with: Vec<&Value> = points
        .iter()
        .filter(|p| point_value(p, field).is_some())
        .collect();
    let pick = |key: Option<&Value>, default: Option<&&Value>| -> Option<Value> {
        match key {
            Some(k) => points.iter().find(|p| same_key(&at(p), k)).cloned(),
            None => default.map(|p| (*p).clone()),
        }
    };
    let first = pick(from, with.first())?;
    let last = pick(to, with.last())?;
    let mut c = compare(point_value(&last, field)?, point_value(&first, field)?);
    if let Some(m) = c.as_object_mut() {
        m.insert("from".into(), at(&first));
        m.insert("to".into(), at(&last));
    }
    Some(c)
}

fn same_key(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::String(x), y) | (y, Value::String(x)) => {
            y.as_str().map_or_else(|| x == &y.to_string(), |s| s == x)
        }
        _ => a == b,
    }
}

/// Statistics of `field` over a series: first and last, best and worst point (the earliest on
/// a tie), the longest run of consecutive points at or above `at_least`, the trend (`up`,
/// `down`, `same` when every step goes one way or none, else `mixed`), the count of points
/// with the figure and their total.
pub fn stats(points: &[Value], field: &str, at_least: Option<f64>) -> Value {
    let values: Vec<(Value, f64)> = points
        .iter()
        .filter_map(|p| point_value(p, field).map(|v| (at(p), v)))
        .collect();
    let point = |p: Option<&(Value, f64)>| p.map(|(a, v)| json!({"at": a, "value": num(*v)}));
    let best = values.iter().fold(None::<&(Value, f64)>, |b, p| match b {
        Some(q) if q.1 >= p.1 => Some(q),
        _ => Some(p),
    });
    let worst = values.iter().fold(None::<&(Value, f64)>, |b, p| match b {
        Some(q) if q.1 <= p.1 => Some(q),
        _ => Some(p),
    });
    let mut run = json!(null);
    if let Some(threshold) = at_least {
        let (mut best_len, mut best_from, mut best_to) = (0usize, 0usize, 0usize);
        let mut start = None;
        for (i, (_, v)) in values.iter().enumerate() {
            if *v >= threshold {
                let s = *start.get_or_insert(i);
                if i + 1 - s > best_len {
                    (best_len, best_from, best_to) = (i + 1 - s, s, i);
                }
            } else {
                start = None;
            }
        }
        // The run that reaches the last point: "n năm liền" up to now.
        let latest = values
            .iter()
            .rev()
            .take_while(|(_, v)| *v >= threshold)
            .count();
        run = json!({
            "length": best_len,
            "from": values.get(best_from).filter(|_| best_len > 0).map(|p| p.0.clone()),
            "to": values.get(best_to).filter(|_| best_len > 0).map(|p| p.0.clone()),
            "latest": latest,
        });
    }
    let steps: Vec<f64> = values
        .iter()
        .zip(values.iter().skip(1))
        .map(|(before, after)| after.1 - before.1)
        .collect();
    let trend = if steps.iter().all(|s| *s == 0.0) {
        "same"
    } else if steps.iter().all(|s| *s >= 0.0) {
        "up"
    } else if steps.iter().all(|s| *s <= 0.0) {
        "down"
    } else {
        "mixed"
    };
    json!({
        "first": point(values.first()),
        "last": point(values.last()),
        "best": point(best),
        "worst": point(worst),
        "run": run,
        "trend": trend,
        "count": values.len(),
        "total": num(values.iter().map(|(_, v)| v).sum()),
    })
}

/// The sum of `field` over a list (table rows, series points, catalogue records), or of the
/// list's own numbers. Absent when any item lacks the figure: a partial sum would state a
/// total the data does not give.
pub fn total(items: &[Value], field: Option<&str>) -> Option<f64> {
    items
        .iter()
        .map(|item| match field {
            Some(f) => item.get(f).and_then(value_of),
            None => value_of(item),
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn series(v: &[(i64, i64)]) -> Vec<Value> {
        v.iter()
            .map(|(y, x)| json!({"at": y, "value": x}))
            .collect()
    }

    #[test]
    fn comparisons() {
        let c = compare(7.0, 11.0);
        assert_eq!(c["direction"], json!("down"));
        assert_eq!(c["amount"], json!(4));
        let p = c["percent"].as_f64().unwrap_or_default();
        assert!((p - 36.3636).abs() < 1e-3);
        assert_eq!(compare(2.0, 0.0)["percent"], Value::Null);
        assert_eq!(compare(6.0, 6.0)["direction"], json!("same"));
    }

    #[test]
    fn rates_are_exact_until_printed() {
        let r = ratio(161.0, 212.0);
        let rate = r["rate"].as_f64().unwrap_or_default();
        assert_eq!(crate::locale::percent(rate, 1), "75,9%");
        assert_eq!(crate::locale::percent(rate, 0), "76%");
        let rate = ratio(173.0, 244.0)["rate"].as_f64().unwrap_or_default();
        assert_eq!(crate::locale::percent(rate, 1), "70,9%");
        assert_eq!(ratio(1.0, 0.0)["rate"], Value::Null);
        assert_eq!(ratio(10.0, 10.0)["all"], json!(true));
    }

    #[test]
    fn changes_and_statistics() {
        let s = series(&[
            (2015, 98),
            (2016, 110),
            (2017, 105),
            (2018, 150),
            (2019, 160),
        ]);
        let c = change(&s, "value", None, None).expect("change");
        assert_eq!(
            (c["from"].clone(), c["to"].clone(), c["delta"].clone()),
            (json!(2015), json!(2019), json!(62))
        );
        let c = change(&s, "value", Some(&json!("2016")), Some(&json!(2017))).expect("change");
        assert_eq!(c["direction"], json!("down"));
        assert!(change(&s, "value", Some(&json!(2030)), None).is_none());
        let st = stats(&s, "value", Some(105.0));
        assert_eq!(st["best"], json!({"at": 2019, "value": 160}));
        assert_eq!(st["worst"], json!({"at": 2015, "value": 98}));
        assert_eq!(st["run"]["length"], json!(4));
        assert_eq!(st["run"]["from"], json!(2016));
        assert_eq!(st["run"]["latest"], json!(4));
        assert_eq!(st["trend"], json!("mixed"));
        assert_eq!(
            stats(&series(&[(1, 1), (2, 2)]), "value", None)["trend"],
            json!("up")
        );
    }

    #[test]
    fn totals_refuse_partial_sums() {
        let rows = vec![json!({"n": 2}), json!({"n": {"value": 3, "approx": "gần"}})];
        assert_eq!(total(&rows, Some("n")), Some(5.0));
        let rows = vec![json!({"n": 2}), json!({})];
        assert_eq!(total(&rows, Some("n")), None);
        assert_eq!(total(&[json!(1), json!(2.5)], None), Some(3.5));
    }
}
