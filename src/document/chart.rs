//! A chart in the body: one definition that the DOCX writer turns into a native, editable
//! Word chart and the PDF writer into vector graphics (the shared geometry is in
//! `writer::layout::chart`).
//!
//! Templates never write a chart by hand: the `chart(...)` template function builds it from a
//! declared series and the `block` filter prints it as a fenced ```` ```vanban ```` block of
//! one JSON line, `{"chart": {...}}`, which [`Chart::from_json`] reads back here.

use serde::{Deserialize, Serialize};

/// How the primary series are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ChartKind {
    Bar,
    Line,
}

/// How the values of an axis are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ValueFormat {
    /// A whole number with thousands dots: `3.537`.
    Count,
    /// A percentage (the value is already in percent) with one decimal: `70,9%`.
    Percent,
}

/// One named series: a value per category; `None` is a gap (a missing figure is never 0).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Series {
    pub name: String,
    pub values: Vec<Option<f64>>,
    /// The estimate word of each value (`khoảng` of `khoảng 160`), kept in its label; empty
    /// when no value is an estimate.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub approx: Vec<Option<String>>,
}

impl Series {
    /// The label of value `i` as printed (`khoảng 160`), given the plain label of its value.
    pub fn labelled(&self, i: usize, plain: String) -> String {
        match self.approx.get(i).and_then(Option::as_deref) {
            Some(word) if !word.is_empty() => format!("{word} {plain}"),
            _ => plain,
        }
    }
}

/// A line on a secondary value axis on the right (e.g. a rate over bars of counts).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Secondary {
    pub series: Series,
    pub format: ValueFormat,
    /// The secondary axis title, e.g. `Tỷ lệ (%)`; may be empty.
    #[serde(default)]
    pub axis: String,
}

/// A bar or line chart over text categories (years).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Chart {
    pub kind: ChartKind,
    /// Printed above the plot, bold; may be empty.
    #[serde(default)]
    pub title: String,
    /// The category labels in order, e.g. `["2015", …, "2024"]`.
    pub categories: Vec<String>,
    /// The category axis title, e.g. `Năm`; may be empty.
    #[serde(default)]
    pub category_axis: String,
    /// The primary series (left axis), drawn as `kind`.
    pub series: Vec<Series>,
    pub format: ValueFormat,
    /// The primary value axis title; may be empty.
    #[serde(default)]
    pub axis: String,
    /// An optional line on a secondary axis.
    #[serde(default)]
    pub line: Option<Secondary>,
}

// Values are checked finite when a chart is read (`from_json`), so equality is reflexive.
impl Eq for Series {}
impl Eq for Secondary {}
impl Eq for Chart {}

/// At most this many categories or series: a chart is read on one A4 page width.
const MAX_CATEGORIES: usize = 40;
const MAX_SERIES: usize = 6;
/// Values above this are refused: no administrative figure is that large, and the axis
/// arithmetic stays exact well below it.
const MAX_VALUE: f64 = 1e15;

impl Chart {
    /// Reads the `{...}` of a `{"chart": {...}}` block and checks it: at least one category
    /// and one series, one value per category, finite non-negative values.
    pub fn from_json(value: &serde_json::Value) -> Result<Chart, String> {
        let chart: Chart = serde_json::from_value(value.clone())
            .map_err(|e| format!("the chart block is not a chart definition: {e}"))?;
        chart.validate()?;
        Ok(chart)
    }

    /// Every series: the primary ones, then the secondary line.
    pub fn all_series(&self) -> impl Iterator<Item = &Series> {
        self.series
            .iter()
            .chain(self.line.as_ref().map(|l| &l.series))
    }

    fn validate(&self) -> Result<(), String> {
        if self.categories.is_empty() {
            return Err("a chart needs at least one category (year)".into());
        }
        if self.categories.len() > MAX_CATEGORIES {
            return Err(format!(
                "a chart has at most {MAX_CATEGORIES} categories, this one has {}",
                self.categories.len()
            ));
        }
        if self.series.is_empty() {
            return Err("a chart needs at least one series of values".into());
        }
        if self.series.len() > MAX_SERIES {
            return Err(format!("a chart has at most {MAX_SERIES} series"));
        }
        for s in self.all_series() {
            if !s.approx.is_empty() && s.approx.len() != s.values.len() {
                return Err(format!(
                    "series `{}` has {} estimate words for {} values",
                    s.name,
                    s.approx.len(),
                    s.values.len()
                ));
            }
            if s.values.len() != self.categories.len() {
                return Err(format!(
                    "series `{}` has {} values for {} categories",
                    s.name,
                    s.values.len(),
                    self.categories.len()
                ));
            }
            if let Some(bad) = s
                .values
                .iter()
                .flatten()
                .find(|v| !v.is_finite() || **v < 0.0 || **v > MAX_VALUE)
            {
                return Err(format!(
                    "series `{}` has the value {bad}: a chart shows figures from 0 to 10^15",
                    s.name
                ));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn sample() -> serde_json::Value {
        json!({
            "kind": "bar", "title": "T", "categories": ["2023", "2024"],
            "series": [{"name": "A", "values": [1.0, null]}],
            "format": "count",
            "line": {"series": {"name": "R", "values": [50.0, 70.9]}, "format": "percent"}
        })
    }

    #[test]
    fn reads_a_chart_with_gaps_and_a_line() {
        let c = Chart::from_json(&sample()).expect("valid");
        assert_eq!(c.series[0].values, [Some(1.0), None]);
        assert_eq!(c.all_series().count(), 2);
        assert_eq!(
            c.line.as_ref().map(|l| l.format),
            Some(ValueFormat::Percent)
        );
    }

    #[test]
    fn refuses_wrong_lengths_unknown_keys_and_negative_values() {
        let mut v = sample();
        v["series"][0]["values"] = json!([1.0]);
        assert!(Chart::from_json(&v).unwrap_err().contains("1 values for 2"));
        let mut v = sample();
        v["colour"] = json!("red");
        assert!(Chart::from_json(&v).unwrap_err().contains("colour"));
        let mut v = sample();
        v["series"][0]["values"] = json!([-1.0, 2.0]);
        assert!(Chart::from_json(&v).is_err());
        let mut v = sample();
        v["series"][0]["values"] = json!([1e300, 2.0]);
        assert!(Chart::from_json(&v).is_err());
        let mut v = sample();
        v["categories"] = json!([]);
        v["series"][0]["values"] = json!([]);
        assert!(Chart::from_json(&v).is_err());
    }
}
