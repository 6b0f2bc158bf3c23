//! One value of the open data checked against its kind: a figure (exact, or an estimate such
//! as `trên 1.500`), text, a date, a flag. A problem comes back without a place; the caller
//! knows the path.

use crate::contract::Kind;
use crate::i18n::Args;
use crate::i18n::args;
use serde_json::{Number, Value, json};

/// Words that make a figure approximate, as clerks write them.
pub const APPROXIMATIONS: [&str; 7] = ["trên", "hơn", "gần", "khoảng", "dưới", "ước", "xấp xỉ"];

/// Scale words allowed after an approximate figure: `26 nghìn`.
const SCALES: [(&str, f64); 4] = [("nghìn", 1e3), ("ngàn", 1e3), ("triệu", 1e6), ("tỷ", 1e9)];

/// A number as Vietnamese documents write it: dots between thousands, a comma before the
/// decimals (`3.537`, `9.481,11`, `2,5`); plain digits too. A dot that does not group three
/// digits (`2.5`) is ambiguous and refused.
pub fn parse_vietnamese_number(s: &str) -> Option<f64> {
    let s = s.trim();
    let (int, frac) = match s.split_once(',') {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    let groups: Vec<&str> = int.split('.').collect();
    let first = groups.first()?;
    let grouped_ok = !first.is_empty()
        && first.len() <= 3.max(if groups.len() == 1 { usize::MAX } else { 3 })
        && groups.iter().all(|g| g.chars().all(|c| c.is_ascii_digit()))
        && groups.iter().skip(1).all(|g| g.len() == 3);
    if !grouped_ok {
        return None;
    }
    let mut text: String = groups.concat();
    if let Some(f) = frac {
        if f.is_empty() || !f.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        text.push('.');
        text.push_str(f);
    }
    text.parse::<f64>().ok()
}

/// What went wrong with one value, before it is given its place: a catalogue code and its
/// arguments.
#[derive(Debug)]
pub(super) struct Problem {
    pub code: &'static str,
    pub args: Args,
}

pub(super) fn problem(code: &'static str, args: Args) -> Problem {
    Problem { code, args }
}

/// Checks one figure of `kind`; `Ok(None)` when it is blank (absent).
pub(super) fn figure(kind: Kind, v: &Value) -> Result<Option<Value>, Problem> {
    let number = |x: f64, shown: Option<String>, approx: Option<&str>| -> Result<Value, Problem> {
        if !x.is_finite() {
            return Err(problem(
                "not-a-number",
                args! {"found" => "code", "value" => x.to_string(), "hint" => "figure"},
            ));
        }
        if x < 0.0 && kind != Kind::Decimal {
            return Err(problem(
                "negative-figure",
                args! {"found" => "given", "value" => crate::locale::number(x, 2), "hint" => "figure"},
            ));
        }
        let whole = matches!(kind, Kind::Count | Kind::Money);
        if whole && x.fract() != 0.0 {
            let hint = if x.fract().to_string().len() == 5 && x < 1000.0 {
                "vietnamese"
            } else if kind == Kind::Money {
                "money"
            } else {
                "count"
            };
            return Err(problem(
                "not-a-whole-number",
                args! {"found" => "given", "value" => crate::locale::number(x, 3), "hint" => hint,
                "shown" => crate::locale::number(x, 3),
                "digits" => (x * 1000.0).round().to_string()},
            ));
        }
        let exact = if whole {
            Value::Number(Number::from(x as i64))
        } else {
            Number::from_f64(x)
                .map(Value::Number)
                .unwrap_or(Value::Null)
        };
        Ok(match approx {
            Some(a) => json!({"value": exact, "approx": a, "shown": shown}),
            None => exact,
        })
    };
    match v {
        Value::Null => Ok(None),
        Value::Number(n) => match n.as_f64() {
            Some(x) => number(x, None, None).map(Some),
            None => Err(problem("figure-out-of-range", Vec::new())),
        },
        Value::String(s) => {
            let s = s.trim();
            // Blank is absent; a placeholder is reported once, by the loader.
            if s.is_empty() || crate::factsheet::placeholder::is_placeholder(s) {
                return Ok(None);
            }
            let (approx, rest) = APPROXIMATIONS
                .iter()
                .find_map(|a| {
                    s.strip_prefix(a)
                        .filter(|r| r.starts_with(' '))
                        .map(|r| (Some(*a), r.trim()))
                })
                .unwrap_or((None, s));
            let (digits, scale) = SCALES
                .iter()
                .find_map(|(w, f)| rest.strip_suffix(w).map(|r| (r.trim(), Some((*w, *f)))))
                .unwrap_or((rest, None));
            let digits = digits.strip_suffix('%').map(str::trim).unwrap_or(digits);
            match parse_vietnamese_number(digits) {
                Some(x) => {
                    let value = x * scale.map_or(1.0, |(_, f)| f);
                    let shown = scale.map(|(w, _)| format!("{} {w}", crate::locale::number(x, 2)));
                    if scale.is_some() && approx.is_none() {
                        return number(value, shown, Some("")).map(Some);
                    }
                    number(value, shown, approx).map(Some)
                }
                // A decimal that does not read is not a number (the workbook restates that
                // one in a cell's words); another kind is not a figure of that kind.
                None if kind == Kind::Decimal => Err(problem(
                    "not-a-number",
                    args! {"found" => "code", "value" => s, "hint" => "digits"},
                )),
                None => Err(problem(
                    "not-a-figure",
                    args! {"found" => "given", "value" => s, "kind" => kind.name()},
                )),
            }
        }
        Value::Bool(_) => Err(problem(
            "not-a-figure",
            args! {"found" => "flag", "kind" => kind.name()},
        )),
        Value::Array(_) | Value::Object(_) => Err(problem(
            "not-a-figure",
            args! {"found" => "many", "kind" => kind.name()},
        )),
    }
}

pub(super) fn text(v: &Value, paragraphs: bool) -> Result<Option<Value>, Problem> {
    match v {
        Value::Null => Ok(None),
        Value::String(s) if s.trim().is_empty() => Ok(None),
        Value::String(s) if paragraphs => Ok(Some(json!([s]))),
        Value::String(_) => Ok(Some(v.clone())),
        Value::Number(n) => Ok(Some(Value::String(n.to_string()))),
        Value::Array(items) if items.iter().all(|i| i.is_string() || i.is_null()) => {
            Ok(Some(Value::Array(
                items
                    .iter()
                    .filter(|i| i.as_str().is_some_and(|s| !s.trim().is_empty()))
                    .cloned()
                    .collect(),
            )))
        }
        _ => Err(problem("should-be-text", Vec::new())),
    }
}

pub(super) fn scalar(kind: Kind, v: &Value) -> Result<Option<Value>, Problem> {
    match kind {
        k if k.is_figure() => figure(k, v),
        Kind::Text => text(v, false),
        Kind::Flag => match v {
            Value::Null => Ok(None),
            Value::Bool(_) => Ok(Some(v.clone())),
            _ => Err(problem("should-be-flag", Vec::new())),
        },
        Kind::Date => match v {
            Value::Null => Ok(None),
            Value::String(s) if chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").is_ok() => {
                Ok(Some(Value::String(s.trim().into())))
            }
            _ => Err(problem("should-be-date", Vec::new())),
        },
        _ => Ok(Some(v.clone())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_numbers() {
        assert_eq!(parse_vietnamese_number("3.537"), Some(3537.0));
        assert_eq!(parse_vietnamese_number("9.481,11"), Some(9481.11));
        assert_eq!(parse_vietnamese_number("2,5"), Some(2.5));
        assert_eq!(parse_vietnamese_number("1500"), Some(1500.0));
        assert_eq!(parse_vietnamese_number("1.234.567"), Some(1234567.0));
        assert_eq!(parse_vietnamese_number("2.5"), None);
        assert_eq!(parse_vietnamese_number("1.50"), None);
        assert_eq!(parse_vietnamese_number("abc"), None);
        assert_eq!(parse_vietnamese_number(""), None);
    }

    #[test]
    fn figures_exact_and_approximate() {
        assert_eq!(
            figure(Kind::Count, &json!(12)).ok().flatten(),
            Some(json!(12))
        );
        assert_eq!(
            figure(Kind::Count, &json!("trên 1.500")).ok().flatten(),
            Some(json!({"value": 1500, "approx": "trên", "shown": null}))
        );
        assert_eq!(
            figure(Kind::Count, &json!("hơn 26 nghìn")).ok().flatten(),
            Some(json!({"value": 26000, "approx": "hơn", "shown": "26 nghìn"}))
        );
        let english = |p: Problem, attr: Option<&str>| {
            crate::i18n::format(crate::i18n::Lang::En, p.code, attr, &p.args).unwrap_or_default()
        };
        let e = figure(Kind::Count, &json!(145.5))
            .err()
            .map(|p| english(p, None));
        assert_eq!(e.as_deref(), Some("145,5 is not a whole number"));
        let e = figure(Kind::Count, &json!(3.537))
            .err()
            .map(|p| english(p, Some("help")))
            .unwrap_or_default();
        assert!(e.contains("3537"), "{e}");
        assert!(figure(Kind::Count, &json!(-3)).is_err());
        assert!(figure(Kind::Count, &json!("nhiều")).is_err());
        assert_eq!(figure(Kind::Count, &Value::Null).ok().flatten(), None);
    }
}
