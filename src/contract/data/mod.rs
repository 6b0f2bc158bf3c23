//! The open part of a fact sheet — `data:` (figures, series, tables and text the user names)
//! and `narrative:` — checked against the declarations of the templates the sheet's documents
//! use: a missing required name, a value of the wrong kind, a misspelt or unread key. Values
//! come out normalised for templates: series as points in year order, approximate figures
//! (`trên 1.500`) as `{value, approx, shown}`, absent values left out (never zero).

use crate::contract::{Declaration, Field, Kind, Merged};
use crate::diagnostic::{Diagnostic, Severity};
use crate::factsheet::load::nearest;
use crate::i18n::args;
use serde_json::{Map, Value, json};

pub(crate) mod value;

use value::{Problem, figure, problem, scalar, text};

/// The result of checking the open data.
#[derive(Debug, Default)]
pub struct Checked {
    /// `data` as templates see it.
    pub data: Map<String, Value>,
    pub diagnostics: Vec<Diagnostic>,
}

struct Checker<'a> {
    merged: &'a Merged,
    out: Vec<Diagnostic>,
    /// The period's years, from the sheet: the first year of a review (`first_year`) when
    /// it has one, and the last. A series point outside them is an error.
    first_year: Option<i64>,
    last_year: Option<i64>,
}

/// A figure's plain value (an estimate's `value`).
fn plain(v: Option<&Value>) -> Option<f64> {
    crate::phrase::value_of(v?)
}

impl Checker<'_> {
    fn error(&mut self, path: String, p: Problem) {
        self.out
            .push(Diagnostic::new(Severity::Error, p.code, path, p.args));
    }

    /// A group of fields (a series point or a table row) → its normalised map.
    fn group(
        &mut self,
        path: &str,
        fields: &[Field],
        v: &Value,
        what: &str,
    ) -> Option<Map<String, Value>> {
        let Value::Object(given) = v else {
            self.error(
                path.to_string(),
                problem(
                    "group-expected",
                    args! {"what" => what, "fields" => fields
                    .iter()
                    .map(|f| format!("{}: …", f.name))
                    .collect::<Vec<_>>()
                    .join(", ")},
                ),
            );
            return None;
        };
        // A row or entry left wholly blank (as `vanban init` prints it) is absent, not wrong.
        if given.values().all(Value::is_null) {
            return None;
        }
        let names: Vec<String> = fields.iter().map(|f| f.name.clone()).collect();
        let mut out = Map::new();
        // `{ name: Tổ phòng, chống tội phạm, members: 8 }` splits at the comma: the pieces
        // after it arrive as unknown keys without a value. Say so once, with the fix.
        let pieces: Vec<&String> = given
            .iter()
            .filter(|(k, v)| v.is_null() && !names.contains(k) && *k != "at")
            .map(|(k, _)| k)
            .collect();
        if let Some(first) = pieces.first() {
            let text_field = fields
                .iter()
                .find(|f| f.kind == Kind::Text && given.get(&f.name).is_some_and(Value::is_string));
            let joined = pieces
                .iter()
                .map(|p| p.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            let mut a = args! {"pieces" => joined};
            match text_field {
                Some(f) => a.extend(args! {"hint" => "member", "field" => &f.name,
                "text" => given.get(&f.name).and_then(Value::as_str).unwrap_or("")}),
                None => a.extend(args! {"hint" => "generic"}),
            }
            self.error(format!("{path}.{first}"), problem("text-cut-at-comma", a));
        }
        for (k, value) in given {
            if (k == "at" && what == "entry") || pieces.contains(&k) {
                continue;
            }
            let Some(f) = fields.iter().find(|f| &f.name == k) else {
                let best = nearest(k, &names);
                let hint = if best.is_some() { "row-best" } else { "row" };
                self.error(
                    format!("{path}.{k}"),
                    problem(
                        "unknown-key",
                        args! {"key" => k, "hint" => hint, "best" => best.unwrap_or_default(),
                        "allowed" => names.join(", ")},
                    ),
                );
                continue;
            };
            match scalar(f.kind, value) {
                Ok(Some(x)) => {
                    out.insert(k.clone(), x);
                }
                Ok(None) => {}
                Err(p) => self.error(format!("{path}.{k}"), p),
            }
        }
        for f in fields
            .iter()
            .filter(|f| f.required && !out.contains_key(&f.name))
        {
            // A member written but left blank (`models:`) is absent, as the docs say; only
            // one left out of the entry or row is missing.
            if !given.contains_key(&f.name) {
                self.error(
                    path.to_string(),
                    problem(
                        "member-missing",
                        args! {"field" => &f.name, "kind" => f.kind.name()},
                    ),
                );
            }
        }
        // A part never exceeds its whole (`recognised` of `total`).
        for f in fields {
            let Some(whole) = &f.part_of else { continue };
            if let (Some(part), Some(all)) = (plain(out.get(&f.name)), plain(out.get(whole)))
                && part > all
            {
                self.error(
                    format!("{path}.{}", f.name),
                    problem(
                        "part-exceeds-whole",
                        args! {"rule" => "member", "name" => &f.name, "whole-name" => whole,
                        "part" => crate::locale::number(part, 2),
                        "whole" => crate::locale::number(all, 2)},
                    ),
                );
            }
        }
        // Every column is in the row for templates; an absent one is null.
        for f in fields {
            out.entry(f.name.clone()).or_insert(Value::Null);
        }
        Some(out)
    }

    fn series(&mut self, path: &str, d: &Declaration, v: &Value) -> Option<Value> {
        let point =
            |this: &mut Self, p: &str, at: Value, value: &Value| -> Option<Map<String, Value>> {
                let mut m = if let Some(only) = d.fields.first().filter(|_| d.single_figure()) {
                    let mut m = Map::new();
                    match figure(only.kind, value) {
                        Ok(Some(x)) => {
                            m.insert("value".into(), x);
                        }
                        Ok(None) => {}
                        Err(e) => this.error(p.to_string(), e),
                    }
                    m
                } else {
                    this.group(p, &d.fields, value, "entry")?
                };
                m.insert("at".into(), at);
                Some(m)
            };
        let mut points: Vec<Map<String, Value>> = Vec::new();
        match v {
            Value::Null => return None,
            Value::Object(by_key) => {
                for (key, value) in by_key {
                    let at = match key.trim().parse::<i64>() {
                        Ok(y) => json!(y),
                        Err(_) => json!(key),
                    };
                    if !self.within_period(&format!("{path}.{key}"), &at) {
                        continue;
                    }
                    if let Some(p) = point(self, &format!("{path}.{key}"), at, value) {
                        points.push(p);
                    }
                }
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    let p = format!("{path}[{i}]");
                    let Some(at) = item.get("at").cloned().filter(|a| !a.is_null()) else {
                        self.error(p, problem("entry-without-at", Vec::new()));
                        continue;
                    };
                    if !self.within_period(&p, &at) {
                        continue;
                    }
                    let value = if d.single_figure() {
                        item.get("value").unwrap_or(&Value::Null)
                    } else {
                        item
                    };
                    if let Some(pt) = point(self, &p, at, value) {
                        points.push(pt);
                    }
                }
            }
            _ => {
                self.error(
                    path.to_string(),
                    problem("not-a-series", args! {"name" => &d.name}),
                );
                return None;
            }
        }
        // Years in order; periods named by text stay in the order written.
        if points
            .iter()
            .all(|p| p.get("at").is_some_and(Value::is_i64))
        {
            points.sort_by_key(|p| p.get("at").and_then(Value::as_i64));
            self.fill_missing_years(&mut points, d);
        }
        Some(Value::Array(
            points.into_iter().map(Value::Object).collect(),
        ))
    }

    /// Whether a point's year lies within the period; reports it at its line when not.
    /// Before a single year's period, years are allowed (the history a report compares
    /// with); after the period's last year, never.
    fn within_period(&mut self, path: &str, at: &Value) -> bool {
        let Some(year) = at.as_i64() else { return true };
        let after = self.last_year.is_some_and(|last| year > last);
        let before = self.first_year.is_some_and(|first| year < first);
        if after || before {
            let shape = match (self.first_year, self.last_year) {
                (Some(_), Some(_)) => "range",
                (_, Some(_)) => "until",
                _ => "none",
            };
            let year_text = |y: Option<i64>| y.map(|y| y.to_string()).unwrap_or_default();
            self.error(
                path.to_string(),
                problem(
                    "year-outside-period",
                    args! {"year" => year.to_string(), "shape" => shape,
                    "first" => year_text(self.first_year), "last" => year_text(self.last_year)},
                ),
            );
            return false;
        }
        true
    }

    /// In a review over several years, a year of the period the series does not give is an
    /// empty point: a gap that tables and charts show and no run or change crosses.
    fn fill_missing_years(&self, points: &mut Vec<Map<String, Value>>, d: &Declaration) {
        let (Some(first), Some(last)) = (self.first_year, self.last_year) else {
            return;
        };
        if points.is_empty() || last - first > 200 {
            return;
        }
        for year in first..=last {
            let has = points
                .iter()
                .any(|p| p.get("at").and_then(Value::as_i64) == Some(year));
            if !has {
                let mut m = Map::new();
                for f in &d.fields {
                    m.insert(f.name.clone(), Value::Null);
                }
                m.insert("at".into(), json!(year));
                points.push(m);
            }
        }
        points.sort_by_key(|p| p.get("at").and_then(Value::as_i64));
    }

    fn table(&mut self, path: &str, d: &Declaration, v: &Value) -> Option<Value> {
        match v {
            Value::Null => None,
            Value::Array(rows) => Some(Value::Array(
                rows.iter()
                    .enumerate()
                    .filter_map(|(i, row)| {
                        self.group(&format!("{path}[{i}]"), &d.fields, row, "row")
                    })
                    .map(Value::Object)
                    .collect(),
            )),
            _ => {
                self.error(
                    path.to_string(),
                    problem(
                        "not-a-table",
                        args! {"name" => &d.name, "fields" => d.fields
                        .iter()
                        .map(|f| format!("{}: …", f.name))
                        .collect::<Vec<_>>()
                        .join(", ")},
                    ),
                );
                None
            }
        }
    }

    fn value(&mut self, d: &Declaration, v: &Value) -> Option<Value> {
        let path = d.name.clone();
        match d.kind {
            Kind::Series => self.series(&path, d, v),
            Kind::Table => self.table(&path, d, v),
            Kind::Text => match text(v, false) {
                Ok(x) => x,
                Err(p) => {
                    self.error(path, p);
                    None
                }
            },
            k => match scalar(k, v) {
                Ok(x) => x,
                Err(p) => {
                    self.error(path, p);
                    None
                }
            },
        }
    }

    /// Warns about a key under `root` that no template of the sheet reads.
    fn unread(&mut self, root: &str, key: &str) {
        let path = format!("{root}.{key}");
        if self.merged.reads(&path) {
            return;
        }
        let names = self.merged.names_under(root);
        let best = nearest(key, &names);
        let hint = match &best {
            Some(_) => "best",
            None if names.is_empty() => "nothing",
            None => "names",
        };
        self.out.push(Diagnostic::new(
            Severity::Warning,
            "no-document-reads",
            path,
            args! {"key" => key, "hint" => hint, "best" => best.unwrap_or_default(),
            "names" => names.join(", ")},
        ));
    }
}

/// Whether a raw value holds something (not blank, not an empty list or group).
fn present(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => false,
        Some(Value::String(s)) => !s.trim().is_empty(),
        Some(Value::Array(a)) => !a.is_empty(),
        Some(Value::Object(m)) => !m.is_empty(),
        Some(_) => true,
    }
}

fn lookup<'a>(tree: &'a Value, name: &str) -> Option<&'a Value> {
    let (root, rest) = name.split_once('.')?;
    let node = tree.get(root)?;
    // Keys under data/narrative may themselves contain dots only if the user wrote them so.
    node.get(rest)
        .or_else(|| rest.split('.').try_fold(node, |n, k| n.get(k)))
}

/// Checks the sheet's raw tree against the merged declarations. `templates_of` names the
/// templates that declare a name, for messages.
pub fn check(tree: &Value, merged: &Merged) -> Checked {
    let period = tree.get("period");
    let year = |k: &str| period.and_then(|p| p.get(k)).and_then(Value::as_i64);
    let mut c = Checker {
        merged,
        out: Vec::new(),
        first_year: year("first_year"),
        last_year: year("year"),
    };
    let mut data = Map::new();
    // data: declared values checked and normalised; undeclared ones warned about.
    if let Some(given) = tree.get("data") {
        match given {
            Value::Object(map) => {
                for (key, v) in map {
                    match merged.get(&format!("data.{key}")) {
                        Some(d) => {
                            if let Some(x) = c.value(d, v) {
                                data.insert(key.clone(), x);
                            }
                        }
                        None => c.unread("data", key),
                    }
                }
            }
            Value::Null => {}
            _ => c.error("data".into(), problem("data-not-a-group", Vec::new())),
        }
    }
    // A figure declared a part of another is never more than it.
    for (name, (d, _)) in &merged.by_name {
        let (Some(whole), Some(key)) = (&d.part_of, name.strip_prefix("data.")) else {
            continue;
        };
        let whole_key = whole.trim_start_matches("data.");
        if let (Some(part), Some(all)) = (plain(data.get(key)), plain(data.get(whole_key)))
            && part > all
        {
            c.error(
                name.clone(),
                problem(
                    "part-exceeds-whole",
                    args! {"rule" => "declared", "name" => name, "whole-name" => whole,
                    "part" => crate::locale::number(part, 2),
                    "whole" => crate::locale::number(all, 2)},
                ),
            );
        }
    }
    // Required names: data by what survived the checks (a series of blank entries is no
    // series), the rest by what the file holds.
    for (name, (d, templates)) in &merged.by_name {
        let given = match name.strip_prefix("data.") {
            Some(key) => present(data.get(key)),
            None => present(lookup(tree, name)),
        };
        if d.required && !given {
            c.out.push(Diagnostic::new(
                Severity::Error,
                "required-by-template",
                name.clone(),
                args! {"name" => name, "label" => &d.label,
                "templates" => templates.join("`, `"), "kind" => d.kind.name(),
                "template" => templates.first().map(String::as_str).unwrap_or("")},
            ));
        }
    }
    // narrative: sections are text; unread ones warned about.
    if let Some(Value::Object(sections)) = tree.get("narrative") {
        for key in sections.keys() {
            c.unread("narrative", key);
        }
    }
    // facts: a catalogue entry given but read by no document.
    if let Some(Value::Object(facts)) = tree.get("facts") {
        for (key, v) in facts {
            if present(Some(v)) && !merged.reads(&format!("facts.{key}")) {
                c.out.push(Diagnostic::new(
                    Severity::Warning,
                    "no-document-reads",
                    format!("facts.{key}"),
                    args! {"key" => format!("facts.{key}"), "hint" => "facts"},
                ));
            }
        }
    }
    // Every declared name is in the context, absent ones as null, so a template tests
    // `is not none` instead of failing on an undefined name.
    for name in merged.by_name.keys() {
        if let Some(key) = name.strip_prefix("data.") {
            data.entry(key.to_string()).or_insert(Value::Null);
        }
    }
    Checked {
        data,
        diagnostics: c.out,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contract::parse;

    fn merged(header: &str) -> Merged {
        let mut m = Merged::default();
        m.add(
            "t",
            &parse(&format!("{{#- vanban\nreads:\n{header}\n-#}}")).expect("header"),
        );
        m
    }

    #[test]
    fn series_tables_and_unread_keys() {
        let m = merged(
            "  data.areas: { kind: series, of: { recognised: count, total: count } }\n  data.teams: { kind: series, of: count }\n  data.rows: { kind: table, columns: { name: text, households: count } }\n  data.total: { kind: count, required: true }\n  narrative.lessons:",
        );
        let tree = json!({
            "data": {
                "areas": {"2016": {"recognised": 110, "total": 212}, "2015": {"recognised": 98, "total": 212}},
                "teams": {"2015": 120, "2024": "trên 180"},
                "rows": [{"name": "Xã A", "households": 12}, {"name": "Xã B", "houshold": 3}],
                "extra": 1
            },
            "narrative": {"lesons": ["x"]}
        });
        let c = check(&tree, &m);
        assert_eq!(c.data["areas"][0]["at"], json!(2015), "years sorted");
        assert_eq!(c.data["areas"][1]["recognised"], json!(110));
        assert_eq!(c.data["teams"][1]["value"]["approx"], json!("trên"));
        assert_eq!(c.data["rows"][0]["households"], json!(12));
        let msgs: Vec<String> = c
            .diagnostics
            .iter()
            .map(|d| {
                format!(
                    "{}: {} / {}",
                    d.path,
                    d.message,
                    d.help.clone().unwrap_or_default()
                )
            })
            .collect();
        let all = msgs.join("\n");
        assert!(
            all.contains("data.total: `data.total` (total) is required by template `t`"),
            "{all}"
        );
        assert!(
            all.contains(
                "data.rows[1].houshold: unknown key `houshold` / did you mean `households`?"
            ),
            "{all}"
        );
        assert!(all.contains("data.extra: no document"), "{all}");
        assert!(
            all.contains("narrative.lesons: no document")
                && all.contains("did you mean `lessons`?"),
            "{all}"
        );
    }
}
