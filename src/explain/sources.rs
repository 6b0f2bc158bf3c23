//! The sources a document's numbers can come from, each with the forms it prints in.

use super::forms;
use super::source::{Input, Part, Source};
use crate::check::Checked;
use crate::diagnostic::Cell;
use crate::factsheet::load::Loaded;
use crate::template::trace::Call;
use crate::workbook::Workbook;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Every leaf of a JSON value with its path (`a.b[0].c`), arrays included as themselves.
fn leaves<'v>(v: &'v Value, path: String, out: &mut Vec<(String, &'v Value)>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                leaves(x, p, out);
            }
        }
        Value::Array(items) => {
            out.push((path.clone(), v));
            for (i, x) in items.iter().enumerate() {
                leaves(x, format!("{path}[{i}]"), out);
            }
        }
        _ => out.push((path, v)),
    }
}

fn value_at<'v>(root: &'v Value, path: &str) -> Option<&'v Value> {
    let mut v = root;
    for seg in path.split('.') {
        let (key, rest) = seg.split_once('[').unwrap_or((seg, ""));
        if !key.is_empty() {
            v = v.get(key)?;
        }
        for index in rest.split('[').filter(|s| !s.is_empty()) {
            v = v.get(index.trim_end_matches(']').parse::<usize>().ok()?)?;
        }
    }
    Some(v)
}

fn same(a: &Value, b: &Value) -> bool {
    match (crate::phrase::value_of(a), crate::phrase::value_of(b)) {
        (Some(x), Some(y)) => (x - y).abs() < 1e-9,
        _ => a == b,
    }
}

/// The printed forms of a leaf value.
fn forms_of(v: &Value) -> Vec<String> {
    match v {
        Value::Number(n) => n.as_f64().map(forms::number).unwrap_or_default(),
        Value::String(s) => forms::text(s),
        _ => Vec::new(),
    }
}

fn has_digit(v: &Value) -> bool {
    match v {
        Value::Number(_) => true,
        Value::String(s) => s.chars().any(|c| c.is_ascii_digit()),
        _ => false,
    }
}

/// Where `[i]`, `.2024` and `[2024]` spell the same path.
fn normal(path: &str) -> String {
    path.replace('[', ".").replace(']', "")
}

/// The fields of the sheet a computed value is made from (the context's names, as
/// `docs/templates.md` lists them).
const COMPUTED_FROM: &[(&str, &[&str])] = &[
    ("derived.registration", &["unit.sub_units"]),
    ("derived.recognition", &["unit.sub_units"]),
    ("derived.sub_unit", &["unit.sub_units"]),
    ("derived.articles", &["unit.level", "unit.sub_units"]),
    ("unit.residential", &["unit.sub_units"]),
    (
        "derived.households_pledged_percent",
        &["facts.households_pledged", "unit.households"],
    ),
    (
        "derived.incident",
        &["facts.incidents", "facts.incidents_previous"],
    ),
    (
        "derived.assessment",
        &[
            "facts.criteria",
            "unit.sub_units",
            "facts.models",
            "facts.incidents",
            "facts.incidents_previous",
        ],
    ),
    ("derived.traffic", &["facts.traffic_accidents"]),
    ("derived.fires", &["facts.fires"]),
    ("derived.labour", &["facts.labour_accidents"]),
    ("derived.drugs", &["facts.drug_prevention"]),
    ("derived.sentences_serving", &["facts.sentences"]),
    (
        "derived.schedule",
        &["period.year", "unit.level", "facts.plan"],
    ),
    ("derived.weapons", &["facts.weapons_handed_in"]),
    ("derived.other_results", &["facts.other_results"]),
    (
        "period",
        &[
            "period.year",
            "period.months",
            "period.first_year",
            "unit.level",
        ],
    ),
];

/// What explanation sources are drawn from: the sheet's typed values (once), and each
/// document's context and template calls.
pub struct Catalogue<'a> {
    checked: &'a Checked,
    sources: Vec<Source>,
    index: BTreeMap<String, usize>,
    /// The sheet's own leaves: path → value (a series' year keys included).
    typed: Vec<(String, Value)>,
    sheet_forms: BTreeMap<String, Vec<usize>>,
    children: BTreeMap<PathBuf, Option<Loaded>>,
    cells: BTreeMap<String, (PathBuf, Cell)>,
}

impl<'a> Catalogue<'a> {
    pub fn new(checked: &'a Checked, workbook: Option<&Workbook>) -> Self {
        let loaded = &checked.loaded;
        let cells = workbook
            .and_then(|w| w.figures_for(&loaded.file).ok())
            .map(|figures| {
                let mut tree = loaded.tree.clone();
                let applied = figures.apply(&mut tree, &loaded.paths, &loaded.file);
                applied
                    .filled
                    .into_iter()
                    .map(|(k, cell)| (normal(&k), (figures.workbook.file.clone(), cell)))
                    .collect()
            })
            .unwrap_or_default();
        let mut c = Catalogue {
            checked,
            sources: Vec::new(),
            index: BTreeMap::new(),
            typed: Vec::new(),
            sheet_forms: BTreeMap::new(),
            children: BTreeMap::new(),
            cells,
        };
        let mut all = Vec::new();
        leaves(&loaded.tree, String::new(), &mut all);
        let mut typed: Vec<(String, Value, Source)> = Vec::new();
        for (path, v) in all {
            if v.is_array() || !has_digit(v) {
                continue;
            }
            let source = c.typed_source(&path);
            typed.push((path, v.clone(), source));
        }
        // A series written by year (`2015: { … }`): the year is the key's.
        let mut keys = Vec::new();
        year_keys(&loaded.tree, String::new(), &mut keys);
        for (path, year) in keys {
            let pos = loaded.paths.locate_key(&path);
            let source = Source::Typed {
                file: loaded.file.clone(),
                line: pos.map(|p| p.line),
                column: pos.map(|p| p.column),
                path: path.clone(),
            };
            typed.push((path, Value::from(year), source));
        }
        for (path, v, source) in typed {
            let id = c.add(source);
            for f in forms_of(&v) {
                c.sheet_forms.entry(f).or_default().push(id);
            }
            c.typed.push((path, v));
        }
        c
    }

    fn typed_source(&self, path: &str) -> Source {
        let loaded = &self.checked.loaded;
        if let Some((workbook, cell)) = self.cells.get(&normal(path)) {
            return Source::Cell {
                workbook: workbook.clone(),
                cell: cell.to_string(),
                path: path.to_string(),
            };
        }
        let pos = loaded.paths.exact(path);
        Source::Typed {
            file: loaded.file.clone(),
            line: pos.map(|p| p.line),
            column: pos.map(|p| p.column),
            path: path.to_string(),
        }
    }

    /// The forms of the sheet's typed values, by form.
    pub fn sheet_forms(&self) -> BTreeMap<String, Vec<usize>> {
        self.sheet_forms.clone()
    }

    /// Adds a source (once) and returns its id.
    pub fn add(&mut self, source: Source) -> usize {
        let key = format!("{source:?}");
        if let Some(&id) = self.index.get(&key) {
            return id;
        }
        self.sources.push(source);
        let id = self.sources.len() - 1;
        self.index.insert(key, id);
        id
    }

    pub fn get(&self, id: usize) -> Option<&Source> {
        self.sources.get(id)
    }

    /// A field of the sheet as a part, when it is written there.
    fn part(&self, path: &str) -> Option<Part> {
        let loaded = &self.checked.loaded;
        let pos = loaded.paths.exact(path)?;
        Some(Part {
            file: loaded.file.clone(),
            line: Some(pos.line),
            column: Some(pos.column),
            path: path.to_string(),
            value: None,
        })
    }

    /// Whether the context's `path` holds the sheet's own value (typed there, so the sheet's
    /// forms already explain it).
    fn is_typed(&self, doc: usize, path: &str, v: &Value) -> bool {
        let mut candidates = vec![path.to_string()];
        if let Some(rest) = path.strip_prefix("document.") {
            candidates.push(format!("documents[{doc}].{rest}"));
        }
        if let Some(rest) = path.strip_prefix("issuer.") {
            candidates.push(format!("documents[{doc}].issuer.{rest}"));
            candidates.push(format!("documents[{doc}].issuer.signer.{rest}"));
            candidates.push(format!("issuer.signer.{rest}"));
        }
        if let Some(rest) = path.strip_prefix("plan.") {
            candidates.push(format!("facts.plan.{rest}"));
        }
        let n = |p: &str| normal(p);
        if candidates
            .iter()
            .any(|c| self.typed.iter().any(|(p, x)| n(p) == n(c) && same(x, v)))
        {
            return true;
        }
        // Normalised open data (a series written by year becomes a list of points): the
        // same figure of the same group, by value.
        let root: Vec<&str> = path.splitn(3, ['.', '[']).collect();
        let (Some(a), Some(b)) = (root.first(), root.get(1)) else {
            return false;
        };
        if !matches!(*a, "data" | "facts" | "unit") {
            return false;
        }
        let group = format!("{a}.{b}");
        let last = path.rsplit(['.', '[']).next().unwrap_or("");
        self.typed.iter().any(|(p, x)| {
            p.starts_with(&group)
                && same(x, v)
                && (p.rsplit(['.', '[']).next() == Some(last) || last == "at" || last == "value")
        })
    }

    fn child(&mut self, file: &Path) -> Option<&Loaded> {
        self.children
            .entry(file.to_path_buf())
            .or_insert_with(|| crate::factsheet::load::load_file(file).ok())
            .as_ref()
    }

    /// A field of a child's sheet.
    fn child_part(&mut self, file: &Path, path: &str) -> Part {
        let (pos, value) = match self.child(file) {
            Some(l) => (
                l.paths.exact(path),
                value_at(&l.tree, path)
                    .filter(|v| !v.is_object() && !v.is_array())
                    .cloned(),
            ),
            None => (None, None),
        };
        Part {
            file: file.to_path_buf(),
            line: pos.map(|p| p.line),
            column: pos.map(|p| p.column),
            path: path.to_string(),
            value,
        }
    }

    /// Where a context value the sheet does not type comes from.
    fn classify(&mut self, doc: usize, path: &str) -> Source {
        let rollup = self.checked.rollup.as_ref();
        if let Some(rest) = path.strip_prefix("children[")
            && let Some((i, rest)) = rest.split_once(']')
            && let Some(child) = i
                .parse::<usize>()
                .ok()
                .and_then(|i| rollup?.children.get(i))
        {
            let file = child.file.clone();
            let rest = rest.trim_start_matches('.');
            let mapped = match rest.split_once('.').map_or((rest, ""), |(a, b)| (a, b)) {
                ("households" | "population" | "name", _) => format!("unit.{rest}"),
                ("propaganda", _) => format!("facts.{rest}"),
                ("data", _) => rest.to_string(),
                ("sub_units", _) => "unit.sub_units".to_string(),
                _ => {
                    return Source::Computed {
                        path: path.to_string(),
                        from: vec![self.child_part(&file, "unit")],
                    };
                }
            };
            let child = self.child_part(&file, &mapped);
            return Source::Child {
                path: path.to_string(),
                child,
            };
        }
        if let Some(r) = rollup {
            let filled = r.filled.iter().find(|f| {
                path == f.as_str()
                    || path.starts_with(&format!("{f}."))
                    || path.starts_with(&format!("{f}["))
            });
            if let Some(f) = filled.cloned() {
                let files: Vec<PathBuf> = r.children.iter().map(|c| c.file.clone()).collect();
                let children = files.iter().map(|file| self.child_part(file, &f)).collect();
                return Source::Children { path: f, children };
            }
            if path.starts_with("rollup.") {
                let files: Vec<PathBuf> = r.children.iter().map(|c| c.file.clone()).collect();
                let from = files
                    .iter()
                    .map(|file| self.child_part(file, "unit"))
                    .collect();
                return Source::Computed {
                    path: path.to_string(),
                    from,
                };
            }
        }
        let mut from: Vec<String> = Vec::new();
        if let Some(rest) = path.strip_prefix("unit.sub_units[")
            && let Some((i, _)) = rest.split_once(']')
        {
            from.push(format!("unit.sub_units[{i}]"));
        } else if let Some(rest) = path.strip_prefix("documents[")
            && let Some((i, _)) = rest.split_once(']')
        {
            from.push(format!("documents[{i}].number"));
            from.push(format!("documents[{i}].date"));
        } else if path.starts_with("document.") {
            from.push(format!("documents[{doc}].number"));
            from.push(format!("documents[{doc}].date"));
        } else if let Some((_, inputs)) = COMPUTED_FROM
            .iter()
            .find(|(prefix, _)| path.starts_with(prefix))
        {
            from.extend(inputs.iter().map(|s| s.to_string()));
        }
        Source::Computed {
            path: path.to_string(),
            from: from.iter().filter_map(|p| self.part(p)).collect(),
        }
    }

    /// The sources of one document's context: what vanban computed, summed or took from a
    /// child, with their forms (the sheet's own values are [`Self::sheet_forms`]).
    pub fn context_sources(&mut self, doc: usize, context: &Value) -> Vec<(Source, Vec<String>)> {
        let mut all = Vec::new();
        leaves(context, String::new(), &mut all);
        let mut out = Vec::new();
        for (path, v) in all {
            if let Value::Array(items) = v {
                if items.is_empty() || path.is_empty() {
                    continue;
                }
                let at = self.part(&path);
                let source = Source::Count { path, at };
                out.push((source, forms::number(items.len() as f64)));
                continue;
            }
            if !has_digit(v) || self.is_typed(doc, &path, v) {
                continue;
            }
            let printed = forms_of(v);
            if printed.is_empty() {
                continue;
            }
            out.push((self.classify(doc, &path), printed));
        }
        out
    }

    /// The sheet's fields holding `x` (at most three: more says nothing).
    fn holding(&self, x: f64) -> Vec<Part> {
        let found: Vec<Part> = self
            .typed
            .iter()
            .filter(|(_, v)| crate::phrase::value_of(v).is_some_and(|y| (x - y).abs() < 1e-9))
            .filter_map(|(p, _)| self.part(p))
            .collect();
        if found.len() > 3 { Vec::new() } else { found }
    }

    /// The values the template's function calls computed, with their inputs.
    pub fn call_sources(&mut self, calls: &[Call]) -> Vec<(Source, Vec<String>)> {
        let mut out = Vec::new();
        for call in calls {
            let inputs: Vec<Input> = call
                .inputs
                .iter()
                .map(|(name, v)| Input {
                    name: name.to_string(),
                    value: v.clone(),
                    from: crate::phrase::value_of(v)
                        .map(|x| self.holding(x))
                        .unwrap_or_default(),
                })
                .collect();
            let mut all = Vec::new();
            leaves(&call.output, String::new(), &mut all);
            for (field, v) in all {
                if v.is_array() || !has_digit(v) {
                    continue;
                }
                let printed = forms_of(v);
                if printed.is_empty() {
                    continue;
                }
                let source = Source::Phrase {
                    function: call.function.to_string(),
                    field: if field.is_empty() {
                        "value".into()
                    } else {
                        field
                    },
                    inputs: inputs.clone(),
                };
                out.push((source, printed));
            }
            // A ratio is printed as its fraction too (`03/04 xã`): the call explains the
            // fraction whole, not its two numbers apart.
            let figure = |name: &str| {
                call.inputs
                    .iter()
                    .find(|(n, _)| *n == name)
                    .and_then(|(_, v)| crate::phrase::value_of(v))
            };
            if call.function == "ratio"
                && let (Some(part), Some(whole)) = (figure("part"), figure("whole"))
            {
                let printed = forms::fraction(part, whole);
                if !printed.is_empty() {
                    let source = Source::Phrase {
                        function: call.function.to_string(),
                        field: "fraction".into(),
                        inputs: inputs.clone(),
                    };
                    out.push((source, printed));
                }
            }
        }
        out
    }
}

/// The year keys of series written by year (`data.areas.2015`).
fn year_keys(v: &Value, path: String, out: &mut Vec<(String, i64)>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                if let Ok(year) = k.parse::<i64>() {
                    out.push((p.clone(), year));
                }
                year_keys(x, p, out);
            }
        }
        Value::Array(items) => {
            for (i, x) in items.iter().enumerate() {
                year_keys(x, format!("{path}[{i}]"), out);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn paths_of_values() {
        let v = json!({"a": {"b": [1, {"c": 2}]}});
        assert_eq!(value_at(&v, "a.b[1].c"), Some(&json!(2)));
        assert_eq!(value_at(&v, "a.b[0]"), Some(&json!(1)));
        let mut all = Vec::new();
        leaves(&v, String::new(), &mut all);
        let paths: Vec<&str> = all.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(paths, vec!["a.b", "a.b[0]", "a.b[1].c"]);
        assert_eq!(normal("data.areas[2024].x"), "data.areas.2024.x");
    }
}
