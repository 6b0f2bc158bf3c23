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

/// The estimate word of a figure (`khoảng` of `khoảng 160`), if it is one.
pub fn approx_of(v: &Value) -> Option<&str> {
    v.get("approx")
        .and_then(Value::as_str)
        .filter(|a| !a.is_empty())
}

/// The word for a figure computed from estimates: the estimates' own word when it is the
/// only one and says "about" (`khoảng`, `ước`, `xấp xỉ`), else `khoảng` — a difference of
/// two `trên` figures is not itself `trên`.
fn derived_approx<'a>(figures: impl IntoIterator<Item = &'a Value>) -> Option<String> {
    let words: Vec<&str> = figures.into_iter().filter_map(approx_of).collect();
    let first = *words.first()?;
    let about = ["khoảng", "ước", "xấp xỉ"];
    Some(
        if words.iter().all(|w| *w == first) && about.contains(&first) {
            first.to_string()
        } else {
            "khoảng".to_string()
        },
    )
}

/// [`compare`] of two figures as the data holds them: an estimate stays an estimate in
/// `now` and `before` (printed with its word), and `approx` says the change is one too.
/// `None` when either is not a figure.
pub fn compare_figures(now: &Value, before: &Value) -> Option<Value> {
    let mut c = compare(value_of(now)?, value_of(before)?);
    keep_figures(&mut c, &[("now", now), ("before", before)]);
    Some(c)
}

/// [`ratio`] of two figures as the data holds them (`khoảng 160` of 212 prints
/// `khoảng 160/212`); `approx` says the rate is an estimate too.
pub fn ratio_figures(part: &Value, whole: &Value) -> Option<Value> {
    let mut r = ratio(value_of(part)?, value_of(whole)?);
    keep_figures(&mut r, &[("part", part), ("whole", whole)]);
    Some(r)
}

fn keep_figures(result: &mut Value, figures: &[(&str, &Value)]) {
    let approx = derived_approx(figures.iter().map(|(_, v)| *v));
    if let Some(m) = result.as_object_mut() {
        for (key, v) in figures {
            if approx_of(v).is_some() {
                m.insert((*key).to_string(), (*v).clone());
            }
        }
        m.insert("approx".into(), json!(approx));
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
    let mut c = compare_figures(last.get(field)?, first.get(field)?)?;
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
/// with the figure and their total, and `missing`: the points (years) without the figure.
/// A run never spans a missing point: a point without the figure, or a year the series
/// skips, ends it.
pub fn stats(points: &[Value], field: &str, at_least: Option<f64>) -> Value {
    let values: Vec<(Value, f64)> = points
        .iter()
        .filter_map(|p| point_value(p, field).map(|v| (at(p), v)))
        .collect();
    // Every `at` in order with its figure, a skipped year as a point without one.
    let mut slots: Vec<(Value, Option<f64>)> = Vec::with_capacity(points.len());
    for p in points {
        let a = at(p);
        if let (Some(year), Some((Value::Number(prev), _))) = (a.as_i64(), slots.last())
            && let Some(prev) = prev.as_i64()
            && year > prev + 1
            && year - prev < 200
        {
            for y in prev + 1..year {
                slots.push((json!(y), None));
            }
        }
        slots.push((a, point_value(p, field)));
    }
    let missing: Vec<Value> = slots
        .iter()
        .filter(|(_, v)| v.is_none())
        .map(|(a, _)| a.clone())
        .collect();
    let point = |p: Option<&(Value, f64)>| {
        p.map(|(a, v)| {
            let figure = points
                .iter()
                .find(|q| &at(q) == a)
                .and_then(|q| q.get(field))
                .filter(|f| approx_of(f).is_some())
                .cloned()
                .unwrap_or_else(|| num(*v));
            json!({"at": a, "value": figure})
        })
    };
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
        for (i, (_, v)) in slots.iter().enumerate() {
            if v.is_some_and(|v| v >= threshold) {
                let s = *start.get_or_insert(i);
                if i + 1 - s > best_len {
                    (best_len, best_from, best_to) = (i + 1 - s, s, i);
                }
            } else {
                start = None;
            }
        }
        // The run that reaches the last point: "n năm liền" up to now.
        let latest = slots
            .iter()
            .rev()
            .take_while(|(_, v)| v.is_some_and(|v| v >= threshold))
            .count();
        run = json!({
            "length": best_len,
            "from": slots.get(best_from).filter(|_| best_len > 0).map(|p| p.0.clone()),
            "to": slots.get(best_to).filter(|_| best_len > 0).map(|p| p.0.clone()),
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
        "missing": missing,
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
    fn runs_never_span_a_missing_point() {
        // 2022 is not in the series: the run 2021, 2023, 2024 is two years, not three.
        let s = series(&[(2020, 60), (2021, 75), (2023, 72), (2024, 90)]);
        let st = stats(&s, "value", Some(70.0));
        assert_eq!(st["run"]["length"], json!(2), "{st}");
        assert_eq!(st["run"]["from"], json!(2023));
        assert_eq!(st["missing"], json!([2022]));
        // A point given without the figure is missing too.
        let mut s = series(&[(2020, 80), (2021, 75), (2022, 0), (2023, 72)]);
        s[2] = json!({"at": 2022, "value": null});
        let st = stats(&s, "value", Some(70.0));
        assert_eq!(st["run"]["length"], json!(2));
        assert_eq!(st["run"]["latest"], json!(1));
        assert_eq!(st["missing"], json!([2022]));
    }

    #[test]
    fn estimates_keep_their_word() {
        let est = json!({"value": 160, "approx": "khoảng", "shown": null});
        let r = ratio_figures(&est, &json!(212)).expect("figures");
        assert_eq!(r["part"], est);
        assert_eq!(r["approx"], json!("khoảng"));
        let c = compare_figures(&est, &json!(98)).expect("figures");
        assert_eq!(
            (c["amount"].clone(), c["approx"].clone()),
            (json!(62), json!("khoảng"))
        );
        let over = json!({"value": 1500, "approx": "trên", "shown": null});
        assert_eq!(
            compare_figures(&over, &json!(1000)).expect("f")["approx"],
            json!("khoảng")
        );
        assert_eq!(
            compare_figures(&json!(3), &json!(1)).expect("f")["approx"],
            Value::Null
        );
        let s = vec![json!({"at": 2023, "n": 98}), json!({"at": 2024, "n": est})];
        let c = change(&s, "n", None, None).expect("change");
        assert_eq!(c["now"]["approx"], json!("khoảng"));
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
