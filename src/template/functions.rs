//! The phrase functions templates call — `compare`, `ratio`, `change`, `stats`, `total` — thin
//! bridges from Tera's keyword arguments to [`crate::phrase`], and `table` (see
//! [`super::table`]). They return numbers, booleans and
//! enums; `_lib.md.tera` turns them into words.

use crate::phrase;
use serde_json::Value;
use tera::{Kwargs, State, Tera, TeraResult};

fn to_json(v: &tera::Value) -> Value {
    serde_json::to_value(v).unwrap_or(Value::Null)
}

fn from_json(v: &Value) -> tera::Value {
    tera::Value::from_serializable(v)
}

/// A required figure argument; an absent figure is an error that says which.
fn figure(kwargs: &Kwargs, function: &str, name: &str) -> TeraResult<f64> {
    let v = kwargs
        .get::<tera::Value>(name)?
        .map(|v| to_json(&v))
        .unwrap_or(Value::Null);
    phrase::value_of(&v).ok_or_else(|| {
        tera::Error::message(format!(
            "`{function}` needs `{name}=` a figure, got {}",
            if v.is_null() {
                "nothing (the figure is absent: test it with `is not none` first)".to_string()
            } else {
                v.to_string()
            }
        ))
    })
}

fn list(kwargs: &Kwargs, function: &str, name: &str) -> TeraResult<Vec<Value>> {
    match kwargs.get::<tera::Value>(name)?.map(|v| to_json(&v)) {
        Some(Value::Array(items)) => Ok(items),
        Some(Value::Null) | None => Err(tera::Error::message(format!(
            "`{function}` needs `{name}=` a series or list (absent here: test it first)"
        ))),
        Some(other) => Err(tera::Error::message(format!(
            "`{function}` needs `{name}=` a series or list, got {other}"
        ))),
    }
}

/// Records the call for `vanban explain` (a no-op otherwise).
fn traced(function: &'static str, inputs: &[(&'static str, f64)], out: &Value) {
    super::trace::record(|| super::trace::Call {
        function,
        inputs: inputs
            .iter()
            .map(|(name, x)| (*name, Value::from(*x)))
            .collect(),
        output: out.clone(),
    });
}

fn text_arg(kwargs: &Kwargs, name: &str) -> TeraResult<Option<String>> {
    kwargs.get::<String>(name)
}

pub fn register(tera: &mut Tera) {
    tera.register_function(
        "compare",
        |kw: Kwargs, _: &State| -> TeraResult<tera::Value> {
            // Estimates stay estimates in what it returns (`khoảng 160`).
            let (now_x, before_x) = (
                figure(&kw, "compare", "now")?,
                figure(&kw, "compare", "before")?,
            );
            let arg = |n: &str| kw.get::<tera::Value>(n).ok().flatten().map(|v| to_json(&v));
            let (now, before) = (
                arg("now").unwrap_or_default(),
                arg("before").unwrap_or_default(),
            );
            let out = phrase::compare_figures(&now, &before).unwrap_or_default();
            traced("compare", &[("now", now_x), ("before", before_x)], &out);
            Ok(if out.is_null() {
                tera::Value::none()
            } else {
                from_json(&out)
            })
        },
    );
    tera.register_function(
        "ratio",
        |kw: Kwargs, _: &State| -> TeraResult<tera::Value> {
            let (part_x, whole_x) = (
                figure(&kw, "ratio", "part")?,
                figure(&kw, "ratio", "whole")?,
            );
            let arg = |n: &str| kw.get::<tera::Value>(n).ok().flatten().map(|v| to_json(&v));
            let (part, whole) = (
                arg("part").unwrap_or_default(),
                arg("whole").unwrap_or_default(),
            );
            let out = phrase::ratio_figures(&part, &whole).unwrap_or_default();
            traced("ratio", &[("part", part_x), ("whole", whole_x)], &out);
            Ok(if out.is_null() {
                tera::Value::none()
            } else {
                from_json(&out)
            })
        },
    );
    tera.register_function(
        "change",
        |kw: Kwargs, _: &State| -> TeraResult<tera::Value> {
            let points = list(&kw, "change", "series")?;
            let field = text_arg(&kw, "field")?.unwrap_or_else(|| "value".into());
            let from = kw.get::<tera::Value>("from")?.map(|v| to_json(&v));
            let to = kw.get::<tera::Value>("to")?.map(|v| to_json(&v));
            let out = phrase::change(&points, &field, from.as_ref(), to.as_ref());
            if let Some(c) = &out {
                traced("change", &[], c);
            }
            Ok(out.map(|c| from_json(&c)).unwrap_or_else(tera::Value::none))
        },
    );
    tera.register_function(
        "stats",
        |kw: Kwargs, _: &State| -> TeraResult<tera::Value> {
            let points = list(&kw, "stats", "series")?;
            let field = text_arg(&kw, "field")?.unwrap_or_else(|| "value".into());
            let at_least = kw.get::<f64>("at_least")?;
            let out = phrase::stats(&points, &field, at_least);
            traced("stats", &[], &out);
            Ok(from_json(&out))
        },
    );
    tera.register_function(
        "total",
        |kw: Kwargs, _: &State| -> TeraResult<tera::Value> {
            let items = list(&kw, "total", "items")?;
            let field = text_arg(&kw, "field")?;
            let out = phrase::total(&items, field.as_deref());
            if let Some(t) = out {
                traced("total", &[], &Value::from(t));
            }
            Ok(out
                .map(|t| {
                    from_json(&serde_json::json!(if t.fract() == 0.0 {
                        Value::from(t as i64)
                    } else {
                        Value::from(t)
                    }))
                })
                .unwrap_or_else(tera::Value::none))
        },
    );
    // A table block from a series or a table; printed with `| block`.
    tera.register_function(
        "table",
        |kw: Kwargs, _: &State| -> TeraResult<tera::Value> {
            let has = |name: &str| -> TeraResult<bool> {
                Ok(kw.get::<tera::Value>(name)?.is_some())
            };
            let rows = match (has("series")?, has("rows")?) {
                (true, false) => list(&kw, "table", "series")?,
                (false, true) => list(&kw, "table", "rows")?,
                _ => {
                    return Err(tera::Error::message(
                        "`table` needs either `series=` (a declared series) or `rows=` (a declared table)",
                    ));
                }
            };
            let columns = list(&kw, "table", "columns")?;
            let total = text_arg(&kw, "total")?;
            let caption = text_arg(&kw, "caption")?;
            super::table::build(&rows, &columns, total.as_deref(), caption.as_deref())
                .map(|v| {
                    traced("table", &[], &v);
                    from_json(&v)
                })
                .map_err(tera::Error::message)
        },
    );
    // A derived series: each point with `rate`, the ratio of two of its figures.
    tera.register_function(
        "rates",
        |kw: Kwargs, _: &State| -> TeraResult<tera::Value> {
            let points = list(&kw, "rates", "series")?;
            let part = text_arg(&kw, "part")?.unwrap_or_else(|| "part".into());
            let whole = text_arg(&kw, "whole")?.unwrap_or_else(|| "whole".into());
            let out: Vec<Value> = points
                .into_iter()
                .map(|mut p| {
                    // The rate of an estimate is an estimate: `khoảng 75,5%`.
                    let r = match (p.get(&part), p.get(&whole)) {
                        (Some(a), Some(b)) => match phrase::ratio_figures(a, b) {
                            Some(r) => match (r.get("rate"), r.get("approx")) {
                                (Some(rate), Some(Value::String(w))) if !rate.is_null() => {
                                    serde_json::json!({"value": rate, "approx": w, "shown": null})
                                }
                                (Some(rate), _) => rate.clone(),
                                _ => Value::Null,
                            },
                            None => Value::Null,
                        },
                        _ => Value::Null,
                    };
                    if let Some(m) = p.as_object_mut() {
                        m.insert("rate".into(), r);
                    }
                    p
                })
                .collect();
            let out = Value::Array(out);
            traced("rates", &[], &out);
            Ok(from_json(&out))
        },
    );
    // A chart definition from a declared series, printed with `| block`.
    tera.register_function(
        "chart",
        |kw: Kwargs, _: &State| -> TeraResult<tera::Value> {
            let out = super::chart::build(&kw)?;
            traced("chart", &[], &out);
            Ok(from_json(&out))
        },
    );
}
