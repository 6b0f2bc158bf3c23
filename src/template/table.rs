//! `table(...)`: a table block built from a declared series (points `{at, …}` in year order)
//! or a declared table (rows of named columns). The template names the columns — field,
//! label, an optional group label shared by neighbours (a merged header cell over them),
//! a kind for formatting — and may add a rate column (`part`/`whole`), a total row and a
//! caption. Every figure is formatted here the Vietnamese way; an absent figure is an empty
//! cell, never 0. The result is the `{"table": …}` value the `block` filter prints.

use crate::locale;
use crate::phrase;
use serde_json::{Map, Value, json};

/// How a column prints its values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// As given, no separators: a year (`2015`) or a code.
    Plain,
    Text,
    /// `06`, `1.100`.
    Count,
    /// `3.537`.
    Thousands,
    /// `9.481,11`.
    Number,
    /// A value already in percent: `70,9%`.
    Percent,
    /// `part / whole` in percent: `70,9%`.
    Rate,
}

/// One column as the template declared it.
#[derive(Debug, Clone)]
struct Column {
    field: String,
    label: String,
    group: Option<String>,
    kind: Kind,
    part: String,
    whole: String,
    places: usize,
    align: &'static str,
    sum: bool,
}

fn text_key(map: &Map<String, Value>, key: &str) -> Option<String> {
    map.get(key)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

const KEYS: &[&str] = &[
    "field", "label", "group", "kind", "part", "whole", "places", "align", "sum",
];

fn column(n: usize, v: &Value, sample: Option<&Value>) -> Result<Column, String> {
    let Value::Object(map) = v else {
        return Err(format!(
            "`table` column {n} should be a map like {{\"field\": \"total\", \"label\": \"Tổng số\"}}, got {v}"
        ));
    };
    if let Some(k) = map.keys().find(|k| !KEYS.contains(&k.as_str())) {
        return Err(format!(
            "`table` column {n}: unknown key `{k}` (known: {})",
            KEYS.join(", ")
        ));
    }
    let label = text_key(map, "label")
        .ok_or_else(|| format!("`table` column {n} needs a `label` (its header text)"))?;
    let part = text_key(map, "part");
    let whole = text_key(map, "whole");
    let field = text_key(map, "field");
    let kind_name = text_key(map, "kind");
    let kind = match (kind_name.as_deref(), &part, &whole, &field) {
        (None | Some("rate"), Some(_), Some(_), None) => Kind::Rate,
        (_, Some(_), _, _) | (_, _, Some(_), _) => {
            return Err(format!(
                "`table` column {n} (“{label}”): a rate column needs both `part` and `whole` and no `field`"
            ));
        }
        (_, None, None, None) => {
            return Err(format!(
                "`table` column {n} (“{label}”) needs a `field` (or `part` and `whole` for a rate)"
            ));
        }
        (Some(k), None, None, Some(_)) => match k {
            "plain" | "year" => Kind::Plain,
            "text" => Kind::Text,
            "count" => Kind::Count,
            "thousands" => Kind::Thousands,
            "number" | "decimal" => Kind::Number,
            "percent" => Kind::Percent,
            other => {
                return Err(format!(
                    "`table` column {n} (“{label}”): `kind` is `{other}`; use year, text, count, thousands, number or percent"
                ));
            }
        },
        (None, None, None, Some(f)) => {
            if f == "at" {
                Kind::Plain
            } else if sample.and_then(|s| s.get(f)).is_some_and(Value::is_string) {
                Kind::Text
            } else {
                Kind::Thousands
            }
        }
    };
    let align = match text_key(map, "align").as_deref() {
        Some(a @ ("left" | "center" | "right")) => match a {
            "left" => "left",
            "center" => "center",
            _ => "right",
        },
        Some(other) => {
            return Err(format!(
                "`table` column {n} (“{label}”): `align` is `{other}`; use left, center or right"
            ));
        }
        None => match kind {
            Kind::Text => "left",
            Kind::Plain => "center",
            _ => "right",
        },
    };
    let places = map
        .get("places")
        .and_then(Value::as_u64)
        .map_or(if kind == Kind::Number { 2 } else { 1 }, |p| {
            p.min(6) as usize
        });
    Ok(Column {
        field: field.unwrap_or_default(),
        label,
        group: text_key(map, "group"),
        kind,
        part: part.unwrap_or_default(),
        whole: whole.unwrap_or_default(),
        places,
        align,
        sum: map.get("sum").and_then(Value::as_bool).unwrap_or(true),
    })
}

/// A figure as printed: its estimate words kept (`trên 1.500`), or its `shown` text.
fn figure(v: &Value, format: impl Fn(f64) -> String) -> Option<String> {
    let value = phrase::value_of(v)?;
    let shown = v.get("shown").and_then(Value::as_str).map(str::to_string);
    let body = shown.unwrap_or_else(|| format(value));
    Some(
        match v
            .get("approx")
            .and_then(Value::as_str)
            .filter(|a| !a.is_empty())
        {
            Some(a) => format!("{a} {body}"),
            None => body,
        },
    )
}

fn whole_number(x: f64) -> i64 {
    x.round().clamp(i64::MIN as f64, i64::MAX as f64) as i64
}

fn rate(part: Option<f64>, whole: Option<f64>, places: usize) -> Option<String> {
    let rate = phrase::ratio(part?, whole?).get("rate")?.as_f64()?;
    Some(locale::percent(rate, places))
}

impl Column {
    /// The cell of one row; `None` when the figure is absent.
    fn cell(&self, row: &Value) -> Option<String> {
        match self.kind {
            // The rate of an estimate keeps its word: `khoảng 75,5%`.
            Kind::Rate => {
                let (part, whole) = (row.get(&self.part)?, row.get(&self.whole)?);
                let r = phrase::ratio_figures(part, whole)?;
                let printed = rate(phrase::value_of(part), phrase::value_of(whole), self.places)?;
                Some(match r.get("approx").and_then(Value::as_str) {
                    Some(a) => format!("{a} {printed}"),
                    None => printed,
                })
            }
            kind => {
                let v = row.get(&self.field)?;
                match v {
                    Value::Null => None,
                    Value::String(s) => Some(s.clone()),
                    Value::Number(n) if kind == Kind::Plain || kind == Kind::Text => {
                        Some(n.to_string())
                    }
                    Value::Bool(_) | Value::Array(_) => Some(v.to_string()),
                    _ => self.format(v),
                }
            }
        }
    }

    fn format(&self, v: &Value) -> Option<String> {
        match self.kind {
            Kind::Count => figure(v, |x| locale::count(whole_number(x))),
            Kind::Number => figure(v, |x| locale::number(x, self.places)),
            Kind::Percent => figure(v, |x| locale::percent(x, self.places)),
            Kind::Plain | Kind::Text => figure(v, |x| x.to_string()),
            Kind::Thousands | Kind::Rate => figure(v, |x| locale::thousands(whole_number(x))),
        }
    }

    /// The total-row cell: the sum of a figure column (absent when any row lacks the figure),
    /// the rate of the sums for a rate column, nothing for text, years and percentages.
    fn total(&self, rows: &[Value]) -> Option<String> {
        if !self.sum {
            return None;
        }
        match self.kind {
            Kind::Count | Kind::Thousands | Kind::Number => {
                // A sum over an estimate (`trên 1.500`) is no exact total either.
                let estimate = rows.iter().any(|r| {
                    r.get(&self.field)
                        .and_then(|v| v.get("approx"))
                        .and_then(Value::as_str)
                        .is_some_and(|a| !a.is_empty())
                });
                if estimate {
                    return None;
                }
                let sum = phrase::total(rows, Some(&self.field))?;
                self.format(&json!(sum))
            }
            Kind::Rate => rate(
                phrase::total(rows, Some(&self.part)),
                phrase::total(rows, Some(&self.whole)),
                self.places,
            ),
            Kind::Plain | Kind::Text | Kind::Percent => None,
        }
    }
}

/// The header rows: one, or two when a column has a group — neighbours sharing a group get
/// one merged cell over their labels, the other columns one cell spanning both rows.
fn head(columns: &[Column]) -> Vec<Value> {
    if columns.iter().all(|c| c.group.is_none()) {
        return vec![json!(
            columns.iter().map(|c| c.label.clone()).collect::<Vec<_>>()
        )];
    }
    let mut top = Vec::new();
    let mut below = Vec::new();
    let mut i = 0;
    while let Some(c) = columns.get(i) {
        match &c.group {
            None => {
                top.push(json!({"text": c.label, "rowspan": 2}));
                i += 1;
            }
            Some(g) => {
                let span = columns
                    .iter()
                    .skip(i)
                    .take_while(|d| d.group.as_ref() == Some(g))
                    .count();
                top.push(json!({"text": g, "colspan": span}));
                below.extend(columns.iter().skip(i).take(span).map(|d| json!(d.label)));
                i += span;
            }
        }
    }
    vec![Value::Array(top), Value::Array(below)]
}

/// Builds the `{"table": …}` value from `rows` (series points or table rows) and the
/// declared `columns`; `total` is the total row's label (first column), `caption` the line
/// above the table.
pub fn build(
    rows: &[Value],
    columns: &[Value],
    total: Option<&str>,
    caption: Option<&str>,
) -> Result<Value, String> {
    if columns.is_empty() {
        return Err("`table` needs `columns=` with at least one column".into());
    }
    let columns = columns
        .iter()
        .enumerate()
        .map(|(i, c)| column(i + 1, c, rows.first()))
        .collect::<Result<Vec<_>, _>>()?;
    let body: Vec<Vec<Option<String>>> = rows
        .iter()
        .map(|r| columns.iter().map(|c| c.cell(r)).collect())
        .collect();
    let mut table = Map::new();
    table.insert(
        "align".into(),
        json!(columns.iter().map(|c| c.align).collect::<Vec<_>>()),
    );
    table.insert("head".into(), json!(head(&columns)));
    table.insert("rows".into(), json!(body));
    if let Some(label) = total.map(str::trim).filter(|l| !l.is_empty()) {
        let cells: Vec<Option<String>> = columns
            .iter()
            .enumerate()
            .map(|(i, c)| {
                if i == 0 {
                    Some(label.to_string())
                } else {
                    c.total(rows)
                }
            })
            .collect();
        table.insert("total".into(), json!(cells));
    }
    if let Some(caption) = caption.map(str::trim).filter(|c| !c.is_empty()) {
        table.insert("caption".into(), json!(caption));
    }
    Ok(json!({ "table": table }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Block, Inline, fenced};

    fn areas() -> Vec<Value> {
        vec![
            json!({"at": 2015, "total": 205, "recognised": 98}),
            json!({"at": 2016, "total": 244, "recognised": 173}),
            json!({"at": 2017, "total": 3537, "recognised": null}),
        ]
    }

    fn columns() -> Vec<Value> {
        vec![
            json!({"field": "at", "label": "Năm"}),
            json!({"field": "total", "label": "Tổng số", "group": "Khu dân cư"}),
            json!({"field": "recognised", "label": "Được công nhận", "group": "Khu dân cư", "kind": "count"}),
            json!({"part": "recognised", "whole": "total", "label": "Tỷ lệ", "group": "Khu dân cư"}),
        ]
    }

    #[test]
    fn a_series_becomes_a_grouped_table() {
        let v = build(&areas(), &columns(), None, Some("Bảng 1")).expect("builds");
        let t = &v["table"];
        assert_eq!(t["align"], json!(["center", "right", "right", "right"]));
        assert_eq!(
            t["head"],
            json!([
                [{"text": "Năm", "rowspan": 2}, {"text": "Khu dân cư", "colspan": 3}],
                ["Tổng số", "Được công nhận", "Tỷ lệ"]
            ])
        );
        // 173/244 = 70,90…% → 70,9%; an absent figure is an empty cell, and so is its rate.
        assert_eq!(
            t["rows"],
            json!([
                ["2015", "205", "98", "47,8%"],
                ["2016", "244", "173", "70,9%"],
                ["2017", "3.537", null, null]
            ])
        );
        assert!(t.get("total").is_none());
        assert_eq!(t["caption"], "Bảng 1");
        // What `block` prints reads back into the model.
        match fenced::block_from_value(&v) {
            Ok(Block::Table(table)) => {
                assert_eq!(table.columns(), 4);
                assert_eq!(table.head.len(), 2);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn total_rows_sum_or_stay_empty() {
        let complete = vec![
            json!({"at": 2023, "total": 120, "recognised": 80}),
            json!({"at": 2024, "total": 124, "recognised": 93}),
        ];
        let v = build(&complete, &columns(), Some("Cộng"), None).expect("builds");
        // 173/244 of the sums, not an average of the rates.
        assert_eq!(v["table"]["total"], json!(["Cộng", "244", "173", "70,9%"]));
        let v = build(&areas(), &columns(), Some("Cộng"), None).expect("builds");
        // One row lacks `recognised`: no total there (never a partial sum), nor a rate.
        assert_eq!(v["table"]["total"], json!(["Cộng", "3.986", null, null]));
        let mut cols = columns();
        cols[1]["sum"] = json!(false);
        let v = build(&complete, &cols, Some("Cộng"), None).expect("builds");
        assert_eq!(v["table"]["total"], json!(["Cộng", null, "173", "70,9%"]));
    }

    #[test]
    fn table_rows_text_and_estimates() {
        let rows = vec![
            json!({"name": "Camera an ninh", "teams": 52, "members": {"value": 1500, "approx": "trên", "shown": null}}),
            json!({"name": "Tổ 2", "teams": 6, "members": 8.5}),
        ];
        let cols = vec![
            json!({"field": "name", "label": "Mô hình"}),
            json!({"field": "teams", "label": "Số tổ", "kind": "count"}),
            json!({"field": "members", "label": "Thành viên", "kind": "number"}),
        ];
        let v = build(&rows, &cols, Some("Tổng cộng"), None).expect("builds");
        let t = &v["table"];
        assert_eq!(t["align"], json!(["left", "right", "right"]));
        assert_eq!(t["head"], json!([["Mô hình", "Số tổ", "Thành viên"]]));
        assert_eq!(t["rows"][0], json!(["Camera an ninh", "52", "trên 1.500"]));
        assert_eq!(t["rows"][1], json!(["Tổ 2", "06", "8,5"]));
        // No exact total over an estimate.
        assert_eq!(t["total"], json!(["Tổng cộng", "58", null]));
        match fenced::block_from_value(&v) {
            Ok(Block::Table(table)) => {
                assert_eq!(Inline::plain_text(&table.rows[0][2]), "trên 1.500")
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn mistakes_name_the_column() {
        for (col, says) in [
            (json!({"field": "x"}), "needs a `label`"),
            (json!({"label": "A"}), "needs a `field`"),
            (
                json!({"label": "A", "part": "x"}),
                "needs both `part` and `whole`",
            ),
            (
                json!({"label": "A", "field": "x", "kind": "money"}),
                "`kind` is `money`",
            ),
            (
                json!({"label": "A", "field": "x", "colour": 1}),
                "unknown key `colour`",
            ),
            (
                json!({"label": "A", "field": "x", "align": "up"}),
                "`align` is `up`",
            ),
            (json!("Năm"), "should be a map"),
        ] {
            let e = build(&areas(), &[col], None, None).expect_err("a mistake");
            assert!(e.contains(says), "{e}");
        }
        assert!(build(&areas(), &[], None, None).is_err());
    }
}
