//! Which columns a workbook has: one per scalar figure a template declares, and for a series
//! kept per year one per figure per year (see [`years`] for when a series is kept per year).

use super::key::FigureKey;
use crate::contract::{Contract, Declaration, Kind};
use crate::factsheet::load::Loaded;
use serde_json::Value;
use std::collections::BTreeSet;

/// One column to write: its key, its label (row 1) and the kind of its figure.
#[derive(Debug, Clone, PartialEq)]
pub struct Spec {
    pub key: FigureKey,
    pub label: String,
    pub kind: Kind,
}

/// The most years of a series the workbook gives columns: a review over a decade or two.
pub const MOST_YEARS: usize = 20;

/// Which series get a column per year, and the years.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Years {
    pub years: Vec<i64>,
    /// The declared names of the series kept per year.
    pub series: BTreeSet<String>,
}

/// The columns for a template's declarations, in their order: one per scalar figure, and for
/// a series of [`Years::series`] one per figure per year; and the declarations that get none
/// (tables, and the other series).
pub fn columns<'c>(contract: &'c Contract, years: &Years) -> (Vec<Spec>, Vec<&'c Declaration>) {
    let (per_year, years) = (&years.series, &years.years);
    let mut specs = Vec::new();
    let mut left_out = Vec::new();
    for d in &contract.reads {
        match d.kind {
            k if k.is_figure() => specs.push(Spec {
                key: FigureKey {
                    name: d.name.clone(),
                    point: None,
                },
                label: d.label.clone(),
                kind: k,
            }),
            Kind::Series if per_year.contains(&d.name) && !years.is_empty() => {
                let mut any = false;
                for year in years {
                    for f in d.fields.iter().filter(|f| f.kind.is_figure()) {
                        any = true;
                        let single = d.single_figure();
                        specs.push(Spec {
                            key: FigureKey {
                                name: d.name.clone(),
                                point: Some((*year, (!single).then(|| f.name.clone()))),
                            },
                            label: if single {
                                format!("{} — {year}", d.label)
                            } else {
                                format!(
                                    "{} — {year}: {}",
                                    d.label,
                                    f.label.as_deref().unwrap_or(&f.name)
                                )
                            },
                            kind: f.kind,
                        });
                    }
                }
                if !any {
                    left_out.push(d);
                }
            }
            Kind::Series | Kind::Table => left_out.push(d),
            _ => {}
        }
    }
    (specs, left_out)
}

/// The years a series' entries are for, as a sheet writes them (`2024: …` or `- { at: 2024, … }`):
/// `None` when the sheet has none, `Some(Err(()))` when one is named by something else than a
/// year (a month, `6 tháng đầu năm`).
fn entry_years(tree: &Value, name: &str) -> Option<Result<Vec<i64>, ()>> {
    let year = |v: Option<i64>| v.filter(|y| (1900..=2200).contains(y)).ok_or(());
    let series = name.split('.').try_fold(tree, |node, k| node.get(k))?;
    let found: Result<Vec<i64>, ()> = match series {
        Value::Object(map) if !map.is_empty() => {
            map.keys().map(|k| year(k.trim().parse().ok())).collect()
        }
        Value::Array(items) if !items.is_empty() => items
            .iter()
            .map(|i| {
                year(match i.get("at") {
                    Some(Value::Number(n)) => n.as_i64(),
                    Some(Value::String(s)) => s.trim().parse().ok(),
                    _ => None,
                })
            })
            .collect(),
        _ => return None,
    };
    Some(found)
}

/// The series that get a column per year, and the years. A series is per year when the units
/// write it with years; one no unit writes is taken per year only when a unit's period spans
/// several years (a review with `period.first_year`), since a series may also be per month
/// or per named period. A series any unit writes otherwise is left out. The years are those
/// of the units' periods (`first_year`..`year`, or `year`) and of the entries they write, the
/// latest [`MOST_YEARS`].
pub fn years(contract: &Contract, units: &[&Loaded]) -> Years {
    let review = units.iter().any(|l| {
        l.sheet
            .period
            .first_year
            .is_some_and(|f| f < l.sheet.period.year)
    });
    let mut all: Vec<i64> = Vec::new();
    let mut series = BTreeSet::new();
    for d in contract.reads.iter().filter(|d| d.kind == Kind::Series) {
        let written: Vec<Result<Vec<i64>, ()>> = units
            .iter()
            .filter_map(|l| entry_years(&l.tree, &d.name))
            .collect();
        if written.iter().any(Result::is_err) || (written.is_empty() && !review) {
            continue;
        }
        all.extend(written.into_iter().flatten().flatten());
        series.insert(d.name.clone());
    }
    if series.is_empty() {
        return Years::default();
    }
    for l in units {
        let last = i64::from(l.sheet.period.year);
        let first = l.sheet.period.first_year.map_or(last, i64::from);
        all.extend(first.max(last - MOST_YEARS as i64 + 1)..=last);
    }
    all.sort_unstable();
    all.dedup();
    let skip = all.len().saturating_sub(MOST_YEARS);
    Years {
        years: all.split_off(skip),
        series,
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::contract::parse;
    use std::path::Path;

    pub(in crate::workbook) const HEADER: &str = "{#- vanban\nreads:\n  data.patrols: { kind: count, label: Lượt tuần tra }\n  data.rate: { kind: percent, label: Tỷ lệ }\n  data.monthly: { kind: series, label: Theo năm, of: count }\n  data.areas: { kind: series, label: Khu dân cư, of: { total: count, recognised: { kind: count, label: Được công nhận }, note: text } }\n  data.rows: { kind: table, columns: { name: text, households: count } }\n  narrative.notes:\n  unit.households:\n-#}";

    pub(in crate::workbook) fn keys(specs: &[Spec]) -> Vec<String> {
        specs.iter().map(|s| s.key.to_string()).collect()
    }

    #[test]
    fn figures_are_columns_series_by_year_tables_are_not() {
        let c = parse(HEADER).expect("header");
        let (specs, left_out) = columns(&c, &Years::default());
        assert_eq!(
            keys(&specs),
            ["data.patrols", "data.rate", "unit.households"]
        );
        let left: Vec<&str> = left_out.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(
            left,
            ["data.monthly", "data.areas", "data.rows"],
            "no year, no series column"
        );

        let both = Years {
            years: vec![2023, 2024],
            series: ["data.monthly", "data.areas"].map(String::from).into(),
        };
        let (specs, left_out) = columns(&c, &both);
        assert_eq!(
            keys(&specs),
            [
                "data.patrols",
                "data.rate",
                "data.monthly[2023]",
                "data.monthly[2024]",
                "data.areas[2023].total",
                "data.areas[2023].recognised",
                "data.areas[2024].total",
                "data.areas[2024].recognised",
                "unit.households"
            ]
        );
        assert_eq!(specs[2].label, "Theo năm — 2023");
        assert_eq!(specs[5].label, "Khu dân cư — 2023: Được công nhận");
        assert_eq!(specs[1].kind, Kind::Percent);
        assert_eq!(left_out.len(), 1);
    }

    #[test]
    fn which_series_are_per_year() {
        let c = parse(HEADER).expect("header");
        let sheet = |period: &str, data: &str| {
            let text = format!(
                "schema: 1\nunit: {{ name: A, level: xa }}\nperiod: {period}\nissuer: {{ agency: [A], abbreviation: A, signer: {{ position: B }} }}\ndocuments: [{{ template: t }}]\ndata: {data}\n"
            );
            crate::factsheet::load::load_str(&text, Path::new("a.yaml")).expect("loads")
        };
        // No unit writes a series and no period spans years: none per year.
        let a = sheet("{ year: 2024 }", "{}");
        assert_eq!(years(&c, &[&a]), Years::default());
        // A review period: every series no unit writes, over its years.
        let review = sheet("{ year: 2024, first_year: 2022 }", "{}");
        let y = years(&c, &[&a, &review]);
        assert_eq!(y.years, [2022, 2023, 2024]);
        assert_eq!(y.series.len(), 2);
        // Written per year (also before the period): per year; per month: left out.
        let written = sheet(
            "{ year: 2024 }",
            "{ areas: { 2021: { total: 3 } }, monthly: [{ at: 1, value: 2 }] }",
        );
        let y = years(&c, &[&written]);
        assert_eq!(y.years, [2021, 2024]);
        assert_eq!(y.series, ["data.areas".to_string()].into());
        let long = sheet("{ year: 2024, first_year: 1990 }", "{}");
        let y = years(&c, &[&long]);
        assert_eq!(y.years.len(), MOST_YEARS);
        assert_eq!(y.years.last(), Some(&2024));
    }
}
