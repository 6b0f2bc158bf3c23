//! Roll-up over a tree of fact sheets: a district's or a province's sheet lists its
//! children (`children:`, paths or globs relative to its folder); each child is loaded and
//! checked like any sheet (itself rolling up its own children), and every figure the parent's
//! templates declare combines over the children by its rule (`aggregate: sum|max|none`).
//!
//! - A figure the parent leaves out takes the children's sum; a value missing in any child
//!   leaves the sum out too (a partial sum is not a total) and a warning names the children
//!   that lack it.
//! - A figure the parent states that disagrees with its children is an error naming both
//!   values and both places.
//! - A child with errors fails the parent's roll-up (its errors are reported at its own
//!   lines, and the parent says which child broke it); a loop, a sheet listed twice, a
//!   pattern matching nothing and a child not below the parent's level are errors.
//!
//! The templates see `children` (one entry per child, in the order `children:` lists them, a
//! glob's matches by file name) and `rollup` (the communes that met the TT124 standard and
//! those that did not, the models); see `docs/templates.md`.

pub mod figures;
mod tree;
pub mod units;

pub use tree::{GlobMatch, Walk};

use crate::contract::{Aggregate, Merged};
use crate::derive::{self, CommuneAssessment};
use crate::diagnostic::Diagnostic;
use crate::factsheet::load::Loaded;
use crate::factsheet::paths::Position;
use crate::factsheet::{FactSheet, Level, SubUnits};
use crate::template::Templates;
use figures::Plan;
use serde::Serialize;
use serde_json::{Map, Value, json};
use std::path::PathBuf;
use units::{CategoryTotals, ModelTotals};

/// A commune-level unit of the tree with its TT124 Điều 5 verdict (from
/// [`derive::assess_commune`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Verdict {
    /// `xã Tân Phú`.
    pub full: String,
    /// The unit whose sheet lists it: `huyện Yên Lạc`.
    pub within: String,
    pub file: PathBuf,
    pub pass: bool,
    /// The Điều 5 criteria (1–4) not met.
    pub failed: Vec<u8>,
}

/// One child as the parent's documents see it.
#[derive(Debug, Clone, PartialEq)]
pub struct Child {
    /// The child's fact sheet, joined to the parent's folder.
    pub file: PathBuf,
    pub name: String,
    pub level: Level,
    /// Its entry of the `children` list of the template context.
    pub context: Value,
}

/// What the parent takes from its children where it states nothing itself.
#[derive(Debug, Clone, Default)]
struct Fill {
    builtins: Vec<(String, f64)>,
    data: Vec<(String, Value)>,
    sub_units: Option<Vec<SubUnits>>,
}

/// The roll-up of one sheet over its children.
#[derive(Debug, Clone)]
pub struct RollUp {
    /// The direct children, in the order `children:` lists them.
    pub children: Vec<Child>,
    /// Every fact sheet below this one (children, their children…): what the parent's
    /// documents depend on, for the incremental manifest.
    pub files: Vec<PathBuf>,
    /// Every glob of this sheet and of the sheets below it, with what it matched: a new file
    /// matching one changes the roll-up.
    pub globs: Vec<GlobMatch>,
    /// Every commune-level unit below this one with its TT124 verdict, in tree order.
    pub communes: Vec<Verdict>,
    /// The community models of the units below.
    pub models: ModelTotals,
    /// The names the parent takes from its children (`unit.households`, `data.patrols`…).
    pub filled: Vec<String>,
    fill: Fill,
}

impl RollUp {
    /// Writes the rolled-up figures into the parent's sheet and data where it states none.
    pub fn apply(&self, sheet: &mut FactSheet, data: &mut Map<String, Value>) {
        for (path, x) in &self.fill.builtins {
            figures::set_builtin(sheet, path, *x);
        }
        for (key, v) in &self.fill.data {
            data.insert(key.clone(), v.clone());
        }
        if let Some(groups) = &self.fill.sub_units {
            sheet.unit.sub_units = groups.clone();
        }
    }
}

/// Declarations of `from` that roll up, added to `merged` (not required) so that a child
/// checked for its parent normalises, and itself rolls up, what the parent sums.
pub fn inherit(merged: &mut Merged, from: &Merged) {
    for (name, (d, _)) in &from.by_name {
        if d.aggregate == Aggregate::None || merged.by_name.contains_key(name) {
            continue;
        }
        let mut d = d.clone();
        d.required = false;
        merged.by_name.insert(name.clone(), (d, Vec::new()));
    }
}

/// A checked child, reduced to what the roll-up needs.
struct Summary {
    file: PathBuf,
    shown: String,
    sheet: FactSheet,
    data: Map<String, Value>,
    /// Where the child states each figure the roll-up reads.
    positions: Vec<(String, Position)>,
    rollup: Option<RollUp>,
}

impl Summary {
    /// Where the child's figure is: `file:line:col` when it writes it, `file (sum of its
    /// children)` when it takes it from its own children.
    fn at(&self, path: &str) -> String {
        match self.positions.iter().find(|(p, _)| p == path) {
            Some((_, pos)) => format!("{}:{}:{}", self.file.display(), pos.line, pos.column),
            None if self
                .rollup
                .as_ref()
                .is_some_and(|r| r.filled.iter().any(|f| f == path)) =>
            {
                format!("{} (sum of its children)", self.file.display())
            }
            None => self.file.display().to_string(),
        }
    }

    fn full(&self) -> String {
        derive::unit_name(self.sheet.unit.level, &self.sheet.unit.name)
    }

    fn models(&self) -> ModelTotals {
        match &self.rollup {
            Some(r) if self.sheet.facts.models.is_empty() => r.models.clone(),
            _ => ModelTotals::of(&self.sheet.facts.models),
        }
    }

    fn assessment(&self) -> Option<CommuneAssessment> {
        self.sheet
            .unit
            .level
            .is_commune()
            .then(|| derive::assess_commune(&self.sheet))
    }
}

/// Whether the sheet's own YAML gives a value at `path` (`unit.households`, `data.patrols`).
fn written(tree: &Value, path: &str) -> bool {
    path.split('.')
        .try_fold(tree, |node, key| node.get(key))
        .is_some_and(|v| !v.is_null())
}

/// At most this many children are named in one message; the rest are counted.
const NAMED: usize = 12;

fn names(items: Vec<String>) -> String {
    let n = items.len();
    let mut shown: Vec<String> = items.into_iter().take(NAMED).collect();
    if n > NAMED {
        shown.push(format!("and {} more", n - NAMED));
    }
    shown.join(", ")
}

/// Checks every child of `loaded` and rolls the declared figures up. Returns the roll-up,
/// or `None` when a child is broken (the errors say which), and the diagnostics: the
/// children's errors, the tree's problems, disagreements, and warnings for sums left out.
pub(crate) fn roll_up(
    loaded: &Loaded,
    merged: &Merged,
    data: &Map<String, Value>,
    templates: &Templates,
    covers: Option<&dyn Fn(char) -> bool>,
    walk: &mut Walk,
) -> (Option<RollUp>, Vec<Diagnostic>) {
    let (entries, mut globs, mut out) = tree::resolve(loaded);
    let own = std::fs::canonicalize(&loaded.file).unwrap_or_else(|_| loaded.file.clone());
    walk.stack.push(own.clone());
    walk.seen.entry(own).or_default();
    let plan = Plan::of(merged);
    let level = loaded.sheet.unit.level;
    let at_entry = |index: usize, message: String, help: &str| {
        let path = format!("children[{index}]");
        let mut d = Diagnostic::error(path.clone(), message).with_help(help.to_string());
        d.file = loaded.file.clone();
        d.position = loaded.paths.locate(&path);
        d
    };
    let mut children: Vec<Summary> = Vec::new();
    for entry in entries {
        if walk.stack.contains(&entry.canonical) {
            out.push(at_entry(
                entry.index,
                format!(
                    "`{}` is this sheet or a sheet above it: the children form a loop",
                    entry.shown
                ),
                "a sheet lists only the units below it: remove this entry",
            ));
            continue;
        }
        if let Some(by) = walk.seen.get(&entry.canonical) {
            out.push(at_entry(
                entry.index,
                format!(
                    "`{}` is already counted under `{}`",
                    entry.shown,
                    by.display()
                ),
                "a unit belongs to one parent: list it in one sheet only, or its figures count twice",
            ));
            continue;
        }
        walk.seen
            .insert(entry.canonical.clone(), loaded.file.clone());
        match crate::check_in(&entry.file, templates, covers, walk, merged) {
            Err(diagnostics) => {
                let n = diagnostics.error_count();
                out.extend(diagnostics.0.into_iter().filter(Diagnostic::is_error));
                out.push(at_entry(
                    entry.index,
                    format!(
                        "the child sheet `{}` has {n} error(s): the sums over the children cannot be made",
                        entry.shown
                    ),
                    "correct the child sheet (its errors are listed with their lines), then check this sheet again",
                ));
            }
            Ok(checked) => {
                let child_level = checked.loaded.sheet.unit.level;
                if child_level.rank() >= level.rank() {
                    out.push(at_entry(
                        entry.index,
                        format!(
                            "`{}` is a {} ({}): a child must be a unit below this {}",
                            entry.shown,
                            child_level.word(),
                            checked.loaded.sheet.unit.name,
                            level.word()
                        ),
                        "list only the units below this one (xã, phường, thị trấn under a huyện; khu dân cư under a xã), or correct unit.level in that sheet",
                    ));
                    continue;
                }
                // Only where the child writes the figure: a figure it takes from its own
                // children has no line of its own.
                let positions = plan
                    .scalars
                    .iter()
                    .map(|s| s.path.clone())
                    .chain(plan.series.iter().map(|s| s.name.clone()))
                    .chain(plan.sub_units.then(|| "unit.sub_units".to_string()))
                    .filter(|p| written(&checked.loaded.tree, p))
                    .filter_map(|p| checked.loaded.paths.locate(&p).map(|pos| (p, pos)))
                    .collect();
                children.push(Summary {
                    file: entry.file,
                    shown: entry.shown,
                    sheet: checked.loaded.sheet,
                    data: checked.data,
                    positions,
                    rollup: checked.rollup,
                });
            }
        }
    }
    walk.stack.pop();
    if out.iter().any(Diagnostic::is_error) {
        return (None, out);
    }

    let mut fill = Fill::default();
    let mut filled = Vec::new();
    let mut sums = Sums {
        loaded,
        children: &children,
        out: &mut out,
    };
    for s in &plan.scalars {
        if let Some(v) = sums.scalar(s, data) {
            match s.path.strip_prefix("data.") {
                Some(key) => fill.data.push((key.to_string(), v)),
                None => {
                    if let Some(x) = crate::phrase::value_of(&v) {
                        fill.builtins.push((s.path.clone(), x));
                    }
                }
            }
            filled.push(s.path.clone());
        }
    }
    for s in &plan.series {
        if let Some(v) = sums.series(s, data) {
            fill.data
                .push((s.name.trim_start_matches("data.").to_string(), v));
            filled.push(s.name.clone());
        }
    }
    if plan.sub_units
        && let Some(groups) = sums.sub_units()
    {
        fill.sub_units = Some(groups);
        filled.push("unit.sub_units".into());
    }

    let within = derive::unit_name(level, &loaded.sheet.unit.name);
    let mut files = Vec::new();
    let mut communes = Vec::new();
    let mut models = Vec::new();
    let mut entries = Vec::new();
    for c in &children {
        files.push(c.file.clone());
        let assessment = c.assessment();
        let mut below: Vec<Verdict> = Vec::new();
        if let Some(a) = &assessment {
            below.push(Verdict {
                full: c.full(),
                within: within.clone(),
                file: c.file.clone(),
                pass: a.pass,
                failed: a.failed.clone(),
            });
        }
        if let Some(r) = &c.rollup {
            files.extend(r.files.iter().cloned());
            globs.extend(r.globs.iter().cloned());
            below.extend(r.communes.iter().cloned());
        }
        let m = c.models();
        entries.push(Child {
            file: c.file.clone(),
            name: c.sheet.unit.name.clone(),
            level: c.sheet.unit.level,
            context: child_context(c, &plan, assessment.as_ref(), &below, &m),
        });
        communes.extend(below);
        models.push(m);
    }
    let rollup = RollUp {
        children: entries,
        files,
        globs,
        communes,
        models: ModelTotals::combine(&models),
        filled,
        fill,
    };
    (Some(rollup), out)
}

/// The entry of one child in the `children` list of the template context.
fn child_context(
    c: &Summary,
    plan: &Plan,
    assessment: Option<&CommuneAssessment>,
    below: &[Verdict],
    models: &ModelTotals,
) -> Value {
    let unit = &c.sheet.unit;
    let full = c.full();
    // Every category is a key (`none` when the child has none), so a template can index it.
    let totals = units::by_category(&unit.sub_units);
    let sub_units: Map<String, Value> = units::CATEGORIES
        .iter()
        .map(|&category| {
            let t = totals.iter().find(|t| t.category == category);
            (
                units::category_name(category).to_string(),
                t.map(category_json).unwrap_or(Value::Null),
            )
        })
        .collect();
    let data: Map<String, Value> = plan
        .scalars
        .iter()
        .map(|s| s.path.as_str())
        .chain(plan.series.iter().map(|s| s.name.as_str()))
        .filter_map(|p| p.strip_prefix("data."))
        .map(|k| (k.to_string(), c.data.get(k).cloned().unwrap_or(Value::Null)))
        .collect();
    json!({
        "file": c.shown,
        "name": unit.name,
        "level": unit.level,
        "level_word": unit.level.word(),
        "full": full,
        "full_cap": derive::capitalize(&full),
        "households": unit.households,
        "population": unit.population,
        "sub_units": sub_units,
        "propaganda": c.sheet.facts.propaganda,
        "data": data,
        "models": models,
        "assessment": assessment,
        "communes": {
            "assessed": below.len(),
            "passed": below.iter().filter(|v| v.pass).count(),
        },
    })
}

/// Category totals as templates see them: `{kind, total, registered, recognised}`.
fn category_json(t: &CategoryTotals) -> Value {
    json!({
        "kind": t.kind(),
        "total": t.total,
        "registered": t.registered,
        "recognised": t.recognised,
    })
}

/// Adds `children` (always a list, empty without a roll-up) and `rollup` (`none` without
/// one) to a document's template context.
pub fn add_to_context(context: &mut Value, rollup: Option<&RollUp>) {
    let Some(map) = context.as_object_mut() else {
        return;
    };
    let children: Vec<Value> = rollup
        .map(|r| r.children.iter().map(|c| c.context.clone()).collect())
        .unwrap_or_default();
    map.insert("children".into(), Value::Array(children));
    let summary = rollup.map(|r| {
        let (passed, failed): (Vec<&Verdict>, Vec<&Verdict>) =
            r.communes.iter().partition(|v| v.pass);
        json!({
            "count": r.children.len(),
            "communes": {
                "assessed": r.communes.len(),
                "passed": passed,
                "failed": failed,
            },
            "models": r.models,
        })
    });
    map.insert("rollup".into(), summary.unwrap_or(Value::Null));
}

/// The comparisons and sums of one roll-up, with the diagnostics they give.
struct Sums<'a> {
    loaded: &'a Loaded,
    children: &'a [Summary],
    out: &'a mut Vec<Diagnostic>,
}

impl Sums<'_> {
    fn disagreement(
        &mut self,
        path: &str,
        label: &str,
        stated: String,
        rolled: String,
        rule: Aggregate,
        parts: Vec<String>,
    ) {
        let (verb, noun) = match rule {
            Aggregate::Max => ("reach at most", "largest figure"),
            _ => ("add up to", "sum"),
        };
        let mut d = Diagnostic::error(
            path,
            format!(
                "`{path}` ({label}) is {stated} here, but the children {verb} {rolled}: {}",
                names(parts)
            ),
        )
        .with_help(format!(
            "correct this figure or the child sheet that is wrong; or remove it here to use the children's {noun} ({rolled})"
        ));
        d.file = self.loaded.file.clone();
        d.position = self
            .loaded
            .paths
            .locate(path)
            .or_else(|| self.loaded.paths.locate_key("children"));
        self.out.push(d);
    }

    fn left_out(&mut self, path: &str, label: &str, lacking: Vec<String>) {
        let n = lacking.len();
        let mut d = Diagnostic::warning(
            path,
            format!(
                "`{path}` ({label}) is not summed over the children: {n} of {} do not give it ({}); the documents leave it out",
                self.children.len(),
                names(lacking)
            ),
        )
        .with_help("add it to those sheets to get the total, or state the total in this sheet");
        d.file = self.loaded.file.clone();
        d.position = self.loaded.paths.locate_key("children");
        self.out.push(d);
    }

    /// One figure: compared with the parent's when it states it, else returned to fill in.
    fn scalar(&mut self, s: &figures::Scalar, data: &Map<String, Value>) -> Option<Value> {
        let values: Vec<Option<Value>> = self
            .children
            .iter()
            .map(|c| figures::scalar(&c.sheet, &c.data, &s.path))
            .collect();
        let refs: Vec<Option<&Value>> = values.iter().map(Option::as_ref).collect();
        let rolled = figures::combine(&refs, s.rule);
        let stated = figures::scalar(&self.loaded.sheet, data, &s.path);
        match (stated, rolled) {
            (Some(stated), Some(rolled)) => {
                if figures::disagree(&stated, &rolled) {
                    let parts = self
                        .children
                        .iter()
                        .zip(&values)
                        .filter_map(|(c, v)| {
                            v.as_ref()
                                .map(|v| format!("{} gives {}", c.at(&s.path), figures::plain(v)))
                        })
                        .collect();
                    self.disagreement(
                        &s.path,
                        &s.label,
                        figures::plain(&stated),
                        figures::plain(&rolled),
                        s.rule,
                        parts,
                    );
                }
                None
            }
            (None, Some(rolled)) => Some(rolled),
            (None, None) if values.iter().any(Option::is_some) => {
                let lacking = self
                    .children
                    .iter()
                    .zip(&values)
                    .filter(|(_, v)| v.is_none())
                    .map(|(c, _)| c.file.display().to_string())
                    .collect();
                self.left_out(&s.path, &s.label, lacking);
                None
            }
            _ => None,
        }
    }

    /// A series, point by point.
    fn series(&mut self, s: &figures::Series, data: &Map<String, Value>) -> Option<Value> {
        let key = s.name.trim_start_matches("data.");
        let given: Vec<Option<&Value>> = self
            .children
            .iter()
            .map(|c| c.data.get(key).filter(|v| v.is_array()))
            .collect();
        if given.iter().all(Option::is_none) {
            return None;
        }
        let (rolled, lacking) = figures::combine_series(&given, s);
        let Some(stated) = data.get(key).filter(|v| v.is_array()) else {
            if lacking.iter().any(|l| *l) {
                let files = self
                    .children
                    .iter()
                    .zip(&lacking)
                    .filter(|(_, l)| **l)
                    .map(|(c, _)| c.file.display().to_string())
                    .collect();
                self.left_out(&s.name, &s.label, files);
            }
            return Some(rolled);
        };
        for point in stated.as_array().into_iter().flatten() {
            let Some(at) = figures::at_key(point) else {
                continue;
            };
            let Some(sum) = rolled.as_array().and_then(|ps| {
                ps.iter()
                    .find(|p| figures::at_key(p).as_deref() == Some(&at))
            }) else {
                continue;
            };
            for (field, rule) in &s.fields {
                let (Some(mine), Some(theirs)) = (
                    point.get(field).filter(|v| !v.is_null()),
                    sum.get(field).filter(|v| !v.is_null()),
                ) else {
                    continue;
                };
                if figures::disagree(mine, theirs) {
                    let path = self.series_path(&s.name, &at, field);
                    let parts = self
                        .children
                        .iter()
                        .filter_map(|c| {
                            let v = c
                                .data
                                .get(key)?
                                .as_array()?
                                .iter()
                                .find(|p| figures::at_key(p).as_deref() == Some(&at))?
                                .get(field)?;
                            Some(format!("{} gives {}", c.at(&s.name), figures::plain(v)))
                        })
                        .collect();
                    let label = format!("{}, {at}", s.label);
                    self.disagreement(
                        &path,
                        &label,
                        figures::plain(mine),
                        figures::plain(theirs),
                        *rule,
                        parts,
                    );
                }
            }
        }
        None
    }

    /// The path of one figure of a series point as the parent writes it: `data.areas.2024.total`
    /// for a series keyed by year, `data.areas[3].total` for a list.
    fn series_path(&self, name: &str, at: &str, field: &str) -> String {
        let keyed = format!("{name}.{at}.{field}");
        if self.loaded.paths.locate(&keyed).is_some() {
            return keyed;
        }
        let key = name.trim_start_matches("data.");
        let index = self
            .loaded
            .tree
            .get("data")
            .and_then(|d| d.get(key))
            .and_then(Value::as_array)
            .and_then(|ps| {
                ps.iter()
                    .position(|p| figures::at_key(p).as_deref() == Some(at))
            });
        match index {
            Some(i) => format!("{name}[{i}].{field}"),
            None => keyed,
        }
    }

    /// The sub-units per category: compared with the parent's groups when it lists them,
    /// else returned as groups to fill in.
    fn sub_units(&mut self) -> Option<Vec<SubUnits>> {
        let lists: Vec<&[SubUnits]> = self
            .children
            .iter()
            .map(|c| c.sheet.unit.sub_units.as_slice())
            .collect();
        let label = "khu dân cư, cơ quan, doanh nghiệp, cơ sở giáo dục";
        let stated = &self.loaded.sheet.unit.sub_units;
        let Some(rolled) = units::combine(&lists) else {
            if stated.is_empty() && lists.iter().any(|l| !l.is_empty()) {
                let lacking = self
                    .children
                    .iter()
                    .filter(|c| c.sheet.unit.sub_units.is_empty())
                    .map(|c| c.file.display().to_string())
                    .collect();
                self.left_out("unit.sub_units", label, lacking);
            }
            return None;
        };
        if stated.is_empty() {
            for t in rolled.iter().filter(|t| t.recognised.is_none()) {
                let lacking = self
                    .children
                    .iter()
                    .filter(|c| {
                        c.sheet
                            .unit
                            .sub_units
                            .iter()
                            .any(|g| g.category == t.category && g.recognised.is_none())
                    })
                    .map(|c| c.file.display().to_string())
                    .collect();
                self.left_out(
                    &format!(
                        "unit.sub_units.{}.recognised",
                        units::category_name(t.category)
                    ),
                    &format!("{} được công nhận", t.kind()),
                    lacking,
                );
            }
            return Some(units::as_groups(&rolled));
        }
        let mine = units::by_category(stated);
        for &category in &units::CATEGORIES {
            let theirs = rolled.iter().find(|t| t.category == category);
            let own = mine.iter().find(|t| t.category == category);
            let first = stated.iter().position(|g| g.category == category);
            let fields: [(&str, Option<u64>, Option<u64>); 3] = [
                ("total", own.map(|t| t.total), theirs.map(|t| t.total)),
                (
                    "registered",
                    own.map(|t| t.registered),
                    theirs.map(|t| t.registered),
                ),
                (
                    "recognised",
                    own.and_then(|t| t.recognised),
                    theirs.and_then(|t| t.recognised),
                ),
            ];
            for (field, stated_value, rolled_value) in fields {
                // A category the parent leaves out while its children have it counts as 0
                // stated; a recognised count left out on either side is not compared.
                let stated_value = match (stated_value, own, field) {
                    (None, None, "total" | "registered") => Some(0),
                    (v, _, _) => v,
                };
                let rolled_value = match (rolled_value, theirs, field) {
                    (None, None, "total" | "registered") => Some(0),
                    (v, _, _) => v,
                };
                let (Some(a), Some(b)) = (stated_value, rolled_value) else {
                    continue;
                };
                if a == b {
                    continue;
                }
                let path = match first {
                    Some(i) => format!("unit.sub_units[{i}].{field}"),
                    None => "unit.sub_units".to_string(),
                };
                let name = units::category_name(category);
                let parts = self
                    .children
                    .iter()
                    .filter_map(|c| {
                        let t = units::by_category(&c.sheet.unit.sub_units)
                            .into_iter()
                            .find(|t| t.category == category)?;
                        let v = match field {
                            "total" => t.total,
                            "registered" => t.registered,
                            _ => t.recognised?,
                        };
                        Some(format!("{} gives {v}", c.at("unit.sub_units")))
                    })
                    .collect();
                self.disagreement(
                    &path,
                    &format!("{name}: {field}"),
                    a.to_string(),
                    b.to_string(),
                    Aggregate::Sum,
                    parts,
                );
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_listings_are_cut() {
        let items: Vec<String> = (1..=15).map(|i| format!("x{i}.yaml")).collect();
        let text = names(items);
        assert!(text.starts_with("x1.yaml, x2.yaml"), "{text}");
        assert!(text.ends_with("x12.yaml, and 3 more"), "{text}");
    }

    #[test]
    fn inherited_declarations_are_optional() {
        let c = crate::contract::parse(
            "{#- vanban\nreads:\n  data.patrols: { kind: count, required: true }\n  data.note: { kind: text }\n-#}",
        )
        .expect("header");
        let mut parent = Merged::default();
        parent.add("t", &c);
        let mut child = Merged::default();
        inherit(&mut child, &parent);
        let d = child.get("data.patrols").expect("inherited");
        assert!(!d.required);
        assert!(child.get("data.note").is_none(), "text does not roll up");
    }
}
