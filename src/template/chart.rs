//! The `chart(...)` template function: a chart definition built from a declared series, which
//! the `block` filter prints as a ```` ```vanban ```` block for the Markdown parser
//! (`document::chart`). The template chooses which fields are drawn and the Vietnamese labels;
//! the numbers come from the series, never from the template.
//!
//! ```text
//! {{ chart(series=data.areas, title="…", axis="Khu dân cư",
//!          fields=[{"field": "recognised", "name": "Được công nhận"}],
//!          rate={"part": "recognised", "whole": "total", "name": "Tỷ lệ"}) | block }}
//! ```

use serde_json::{Map, Value, json};
use tera::{Kwargs, TeraResult};

use crate::phrase;

fn error(message: String) -> tera::Error {
    tera::Error::message(message)
}

/// The arguments `chart(...)` takes.
pub const ARGUMENTS: &[&str] = &[
    "series",
    "fields",
    "kind",
    "format",
    "rate",
    "title",
    "axis",
    "category_axis",
    "rate_axis",
];

fn text(args: &Map<String, Value>, name: &str, default: &str) -> Result<String, String> {
    match args.get(name) {
        None | Some(Value::Null) => Ok(default.to_string()),
        Some(Value::String(s)) => Ok(s.clone()),
        Some(other) => Err(format!("`{name}=` must be text, got {other}")),
    }
}

/// A `{"field": …, "name": …}` entry: the field of each point and the series' label.
fn field_and_name(entry: &Value, what: &str) -> Result<(String, String), String> {
    let field = entry.get("field").and_then(Value::as_str);
    let name = entry.get("name").and_then(Value::as_str);
    match (field, name) {
        (Some(f), Some(n)) => Ok((f.to_string(), n.to_string())),
        _ => Err(format!(
            "each of `{what}` needs a `field` and a `name`, e.g. {{\"field\": \"recognised\", \"name\": \"Được công nhận\"}}; got {entry}"
        )),
    }
}

/// The category label of a point: its year (`at`) as text.
fn category(point: &Value) -> String {
    match point.get("at") {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

/// Builds `{"chart": {...}}` from the keyword arguments (see the module comment and
/// docs/templates.md).
pub fn build(kw: &Kwargs) -> TeraResult<Value> {
    let mut args = Map::new();
    for name in ARGUMENTS {
        if let Some(v) = kw.get::<tera::Value>(name)? {
            args.insert(
                name.to_string(),
                serde_json::to_value(&v).unwrap_or(Value::Null),
            );
        }
    }
    build_from(&args).map_err(error)
}

/// [`build`] from the arguments as JSON: also how a fact sheet's section draws a chart.
/// An error says what is wrong, starting with `` `chart` ``.
pub fn build_from(args: &Map<String, Value>) -> Result<Value, String> {
    chart(args).map_err(|m| format!("`chart`: {m}"))
}

fn chart(args: &Map<String, Value>) -> Result<Value, String> {
    let points = match args.get("series").filter(|v| !v.is_null()) {
        Some(Value::Array(points)) if !points.is_empty() => points,
        Some(Value::Array(_)) => return Err("the series has no points".into()),
        Some(other) => return Err(format!("`series=` must be a series, got {other}")),
        None => {
            return Err("`series=` is absent here: test it with `is not none` first".into());
        }
    };
    let kind = text(args, "kind", "bar")?;
    if kind != "bar" && kind != "line" {
        return Err(format!("`kind=` is `bar` or `line`, not `{kind}`"));
    }
    let format = text(args, "format", "count")?;
    if format != "count" && format != "percent" {
        return Err(format!("`format=` is `count` or `percent`, not `{format}`"));
    }
    let fields = match args.get("fields") {
        Some(Value::Array(fields)) if !fields.is_empty() => fields,
        _ => {
            return Err(
                "`fields=` lists what to draw: [{\"field\": \"recognised\", \"name\": \"Được công nhận\"}]"
                    .into(),
            );
        }
    };
    let categories: Vec<String> = points.iter().map(category).collect();
    let values = |field: &str| -> Vec<Option<f64>> {
        points
            .iter()
            .map(|p| p.get(field).and_then(phrase::value_of))
            .collect()
    };
    // The estimate word of each point's figure (`khoảng 160`), which its label keeps; for a
    // rate, the word of a rate computed from an estimate. Empty when there is none.
    let words = |word: &dyn Fn(&Value) -> Option<String>| -> Vec<Option<String>> {
        let w: Vec<Option<String>> = points.iter().map(word).collect();
        if w.iter().any(Option::is_some) {
            w
        } else {
            Vec::new()
        }
    };
    let mut series = Vec::with_capacity(fields.len());
    for entry in fields {
        let (field, name) = field_and_name(entry, "fields")?;
        let approx = words(&|p| {
            p.get(&field)
                .and_then(phrase::approx_of)
                .map(str::to_string)
        });
        series.push(json!({ "name": name, "values": values(&field), "approx": approx }));
    }
    let line = match args.get("rate").filter(|v| !v.is_null()) {
        None => Value::Null,
        Some(rate) => {
            let part = rate.get("part").and_then(Value::as_str);
            let whole = rate.get("whole").and_then(Value::as_str);
            let name = rate.get("name").and_then(Value::as_str);
            let (Some(part), Some(whole), Some(name)) = (part, whole, name) else {
                return Err(format!(
                    "`rate=` needs `part`, `whole` and `name`, e.g. {{\"part\": \"recognised\", \"whole\": \"total\", \"name\": \"Tỷ lệ\"}}; got {rate}"
                ));
            };
            // The exact rate; absent (a gap) when either figure is missing or the whole is 0.
            let rates: Vec<Option<f64>> = values(part)
                .into_iter()
                .zip(values(whole))
                .map(|(p, w)| match (p, w) {
                    (Some(p), Some(w)) => phrase::ratio(p, w).get("rate").and_then(Value::as_f64),
                    _ => None,
                })
                .collect();
            let approx = words(&|p| {
                phrase::ratio_figures(p.get(part)?, p.get(whole)?)?
                    .get("approx")?
                    .as_str()
                    .map(str::to_string)
            });
            json!({
                "series": { "name": name, "values": rates, "approx": approx },
                "format": "percent",
                // Axis titles are words: the template gives them (none by default).
                "axis": text(args, "rate_axis", "")?,
            })
        }
    };
    Ok(json!({ "chart": {
        "kind": kind,
        "title": text(args, "title", "")?,
        "categories": categories,
        "category_axis": text(args, "category_axis", "")?,
        "series": series,
        "format": format,
        "axis": text(args, "axis", "")?,
        "line": line,
    }}))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::markdown::parse_body;
    use crate::document::{Block, Chart};

    fn render(source: &str, context: &tera::Context) -> String {
        let mut tera = tera::Tera::new();
        crate::template::functions::register(&mut tera);
        crate::template::filters::register(&mut tera);
        tera.add_raw_template("t", source).expect("template parses");
        tera.render("t", context).expect("renders")
    }

    #[test]
    fn a_series_becomes_a_chart_block_with_gaps_and_a_rate() {
        let mut ctx = tera::Context::new();
        ctx.insert(
            "areas",
            &json!([
                {"at": 2015, "total": 205, "recognised": 98},
                {"at": 2016, "total": 0, "recognised": null},
                {"at": 2017, "total": 212, "recognised": 161},
            ]),
        );
        let out = render(
            r#"{{ chart(series=areas, title="T \"x\"", fields=[{"field": "recognised", "name": "Được công nhận"}], rate={"part": "recognised", "whole": "total", "name": "Tỷ lệ"}, category_axis="Năm", rate_axis="Tỷ lệ (%)") | block }}"#,
            &ctx,
        );
        let body = parse_body(&out).expect("the block parses");
        let Some(Block::Chart(c)) = body.blocks.first() else {
            panic!("{out}");
        };
        let expected: Chart = Chart::from_json(&json!({
            "kind": "bar", "title": "T \"x\"", "categories": ["2015", "2016", "2017"],
            "category_axis": "Năm", "format": "count", "axis": "",
            "series": [{"name": "Được công nhận", "values": [98.0, null, 161.0]}],
            "line": {"series": {"name": "Tỷ lệ", "values": [98.0 * 100.0 / 205.0, null, 161.0 * 100.0 / 212.0]},
                     "format": "percent", "axis": "Tỷ lệ (%)"},
        }))
        .expect("valid");
        assert_eq!(*c, expected);
    }

    #[test]
    fn missing_arguments_are_errors_that_say_so() {
        let mut tera = tera::Tera::new();
        crate::template::functions::register(&mut tera);
        tera.add_raw_template("t", r#"{{ chart(series=none_here, fields=[]) }}"#)
            .expect("parses");
        let err = tera.render("t", &tera::Context::new()).expect_err("absent");
        let text = format!("{err:?}");
        assert!(text.contains("chart"), "{text}");
    }
}
