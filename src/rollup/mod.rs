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

mod assess;
mod compare;
mod context;
pub mod figures;
mod parents;
pub(crate) mod tree;
pub mod units;

pub use assess::{Reason, Unassessed};
pub use context::{ChildContext, RollupContext, context_of};
pub use parents::Parents;
pub use tree::{GlobMatch, Walk};

use crate::contract::{Aggregate, Merged};
use crate::derive;
use crate::diagnostic::{Diagnostic, Diagnostics, Severity};
use crate::factsheet::load::Loaded;
use crate::factsheet::{FactSheet, Level, SubUnits};
use crate::i18n::args;
use crate::template::Templates;
use compare::{Sums, written};
use context::child_context;
use figures::Plan;
use serde::Serialize;
use serde_json::{Map, Value};
use std::path::PathBuf;
use units::ModelTotals;

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
    pub context: context::ChildContext,
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
    /// Every commune-level unit below this one whose own documents assess it for this
    /// sheet's period, with its TT124 verdict, in tree order.
    pub communes: Vec<Verdict>,
    /// Every commune-level unit below this one that carries no verdict, with the reason.
    pub unassessed: Vec<Unassessed>,
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

/// A checked child, as the roll-up needs it (kept only while its parent is rolled up).
struct Summary {
    file: PathBuf,
    shown: String,
    /// The child's sheet with what it takes from its own children filled in, its tree
    /// and positions as written.
    loaded: Loaded,
    data: Map<String, Value>,
    rollup: Option<RollUp>,
    /// The figures its workbook row supplied, with their cells.
    cells: std::collections::BTreeMap<String, String>,
    /// What its own templates say each count counts (`data.sessions` → `hội nghị`).
    units: std::collections::BTreeMap<String, String>,
}

impl Summary {
    /// Where the child's figure is: its workbook cell when the workbook gave it,
    /// `file:line:col` when the sheet writes it, `file (sum of its children)` when it takes
    /// it from its own children.
    fn at(&self, path: &str) -> String {
        if let Some(cell) = self.cells.get(path) {
            return cell.clone();
        }
        let pos = written(&self.loaded.tree, path)
            .then(|| self.loaded.paths.locate(path))
            .flatten();
        match pos {
            Some(pos) => format!("{}:{}:{}", self.file.display(), pos.line, pos.column),
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
        derive::unit_name(self.loaded.sheet.unit.level, &self.loaded.sheet.unit.name)
    }

    fn models(&self) -> ModelTotals {
        match &self.rollup {
            Some(r) if self.loaded.sheet.facts.models.is_empty() => r.models.clone(),
            _ => ModelTotals::of(&self.loaded.sheet.facts.models),
        }
    }
}
/// A child as its check returns it, for the roll-up: its sheet with what it takes from its
/// own children filled in, its data, its own roll-up and the figures its workbook row gave.
pub struct CheckedChild {
    pub loaded: Loaded,
    pub data: Map<String, Value>,
    pub rollup: Option<RollUp>,
    /// The figures a workbook supplied, by field path, with their cell.
    pub cells: std::collections::BTreeMap<String, String>,
}

/// The children of one sheet, each checked once, with the problems of its `children:` list.
pub struct Gathered {
    children: Vec<Summary>,
    globs: Vec<GlobMatch>,
    problems: Vec<Diagnostic>,
}

/// How a child is checked: by the caller (the check stage), which passes itself in, so the
/// roll-up never calls back into the stage above it. `inherited` is what the parent sums.
pub type CheckChild<'a> =
    dyn FnMut(&std::path::Path, &Merged, &mut Walk) -> Result<CheckedChild, Diagnostics> + 'a;

/// The gather stage: every child `children:` names, resolved once and checked by `check`
/// (each rolling up its own children first); a loop, a sheet counted twice, a broken child,
/// a child not below the parent and a copy of a unit are problems at the parent's entry.
pub fn gather(
    loaded: &Loaded,
    merged: &Merged,
    templates: &Templates,
    source: &dyn crate::source::Source,
    walk: &mut Walk,
    check: &mut CheckChild<'_>,
) -> Gathered {
    let (entries, globs, mut out) = tree::resolve(loaded, source);
    let own = source.canonical(&loaded.file);
    walk.stack.push(own.clone());
    walk.seen.entry(own).or_default();
    let level = loaded.sheet.unit.level;
    let at_entry = |index: usize, code: &'static str, args: crate::i18n::Args| {
        let path = format!("children[{index}]");
        let mut d = Diagnostic::new(Severity::Error, code, path.clone(), args);
        d.file = loaded.file.clone();
        d.position = loaded.paths.locate(&path);
        d
    };
    let mut children: Vec<Summary> = Vec::new();
    for entry in entries {
        if walk.stack.contains(&entry.canonical) {
            out.push(at_entry(
                entry.index,
                "children-loop",
                args! {"child" => &entry.shown},
            ));
            continue;
        }
        if let Some(by) = walk.seen.get(&entry.canonical) {
            out.push(at_entry(
                entry.index,
                "child-under-two-parents",
                args! {"child" => &entry.shown, "parent" => by.display().to_string()},
            ));
            continue;
        }
        walk.seen
            .insert(entry.canonical.clone(), loaded.file.clone());
        match check(&entry.file, merged, walk) {
            Err(diagnostics) => {
                let n = diagnostics.error_count();
                out.extend(diagnostics.0.into_iter().filter(Diagnostic::is_error));
                out.push(at_entry(
                    entry.index,
                    "child-has-errors",
                    args! {"child" => &entry.shown, "n" => n},
                ));
            }
            Ok(checked) => {
                let child_level = checked.loaded.sheet.unit.level;
                if child_level.rank() >= level.rank() {
                    out.push(at_entry(
                        entry.index,
                        "child-not-below",
                        args! {
                            "child" => &entry.shown,
                            "child_level" => child_level.word(),
                            "name" => &checked.loaded.sheet.unit.name,
                            "level" => level.word(),
                        },
                    ));
                    continue;
                }
                // A copy of a unit, before anything of it is summed.
                if let Some(d) = walk.same_unit(source, loaded, &entry, &checked.loaded) {
                    out.push(d);
                    continue;
                }
                let units = templates
                    .contracts(&checked.loaded)
                    .0
                    .by_name
                    .into_iter()
                    .filter_map(|(name, (d, _))| Some((name, d.unit?)))
                    .collect();
                children.push(Summary {
                    file: entry.file,
                    shown: entry.shown,
                    loaded: checked.loaded,
                    data: checked.data,
                    rollup: checked.rollup,
                    cells: checked.cells,
                    units,
                });
            }
        }
    }
    walk.stack.pop();
    Gathered {
        children,
        globs,
        problems: out,
    }
}

/// The roll-up stage, over the gathered children: every declared figure combined by its
/// rule. Returns the roll-up, or `None` when the children could not all be gathered (the
/// errors say which), and the diagnostics: the tree's problems, disagreements, and
/// warnings for sums left out.
pub fn roll_up(
    loaded: &Loaded,
    merged: &Merged,
    data: &Map<String, Value>,
    templates: &Templates,
    gathered: Gathered,
) -> (Option<RollUp>, Vec<Diagnostic>) {
    let Gathered {
        children,
        mut globs,
        problems: mut out,
    } = gathered;
    if out.iter().any(Diagnostic::is_error) {
        return (None, out);
    }
    let level = loaded.sheet.unit.level;
    let plan = Plan::of(merged);

    // Figures counted in other words by a child's own template are not the same figure.
    let mut plan = plan;
    let clashes = units_clash(loaded, merged, &children, &plan, &mut out);
    plan.scalars.retain(|s| !clashes.contains(&s.path));
    plan.series.retain(|s| !clashes.contains(&s.name));
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
    let mut unassessed = Vec::new();
    let mut models = Vec::new();
    let mut entries = Vec::new();
    let period = &loaded.sheet.period;
    for c in &children {
        files.push(c.file.clone());
        let judged = assess::verdict(c, period, templates);
        let mut below: Vec<Verdict> = Vec::new();
        let mut not_below: Vec<Unassessed> = Vec::new();
        match &judged {
            Some(Ok(a)) => below.push(Verdict {
                full: c.full(),
                within: within.clone(),
                file: c.file.clone(),
                pass: a.pass,
                failed: a.failed.clone(),
            }),
            Some(Err(reason)) => not_below.push(Unassessed {
                full: c.full(),
                within: within.clone(),
                file: c.file.clone(),
                reason: reason.clone(),
            }),
            None => {}
        }
        if let Some(r) = &c.rollup {
            files.extend(r.files.iter().cloned());
            globs.extend(r.globs.iter().cloned());
            // The child judged its communes for its own period; this sheet's may differ.
            if same_period_as(c, period) {
                below.extend(r.communes.iter().cloned());
                not_below.extend(r.unassessed.iter().cloned());
            } else {
                not_below.extend(r.communes.iter().map(|v| Unassessed {
                    full: v.full.clone(),
                    within: v.within.clone(),
                    file: v.file.clone(),
                    reason: Reason::OtherPeriod {
                        period: assess::period_words(&c.loaded.sheet.period),
                    },
                }));
                not_below.extend(r.unassessed.iter().cloned());
            }
        }
        let m = c.models();
        let assessment = judged.as_ref().and_then(|j| j.as_ref().ok());
        let reason = judged.as_ref().and_then(|j| j.as_ref().err());
        entries.push(Child {
            file: c.file.clone(),
            name: c.loaded.sheet.unit.name.clone(),
            level: c.loaded.sheet.unit.level,
            context: child_context(c, &plan, assessment, reason, &below, &not_below, &m),
        });
        communes.extend(below);
        unassessed.extend(not_below);
        models.push(m);
    }
    out.extend(assess::note(
        &unassessed,
        communes.len() + unassessed.len(),
        period,
        &loaded.file,
        loaded.paths.locate_key("children"),
    ));
    let rollup = RollUp {
        children: entries,
        files,
        globs,
        communes,
        unassessed,
        models: ModelTotals::combine(&models),
        filled,
        fill,
    };
    (Some(rollup), out)
}

/// The rolled-up names a child's own template counts in another word than the parent's
/// (`buổi` here, `hội nghị` there): each an error at the parent, and no sum (conferences
/// and sessions added up would print as a number of either).
fn units_clash(
    loaded: &Loaded,
    merged: &Merged,
    children: &[Summary],
    plan: &Plan,
    out: &mut Vec<Diagnostic>,
) -> Vec<String> {
    let mut clashes = Vec::new();
    let names = plan
        .scalars
        .iter()
        .map(|s| s.path.as_str())
        .chain(plan.series.iter().map(|s| s.name.as_str()));
    for name in names {
        let Some(mine) = merged.get(name).and_then(|d| d.unit.as_deref()) else {
            continue;
        };
        let other: Vec<String> = children
            .iter()
            .filter_map(|c| {
                let theirs = c.units.get(name)?;
                (theirs != mine).then(|| format!("{} ({theirs})", c.file.display()))
            })
            .collect();
        if other.is_empty() {
            continue;
        }
        clashes.push(name.to_string());
        out.push(clashes_at(loaded, name, mine, &other));
    }
    clashes
}

/// The error of [`units_clash`]; kept apart so the list above reads plainly.
fn clashes_at(loaded: &Loaded, name: &str, mine: &str, other: &[String]) -> Diagnostic {
    let mut d = Diagnostic::new(
        Severity::Error,
        "children-count-other-things",
        name,
        args! {"name" => name, "unit" => mine, "others" => other.join(", ")},
    );
    d.file = loaded.file.clone();
    d.position = loaded.paths.locate_key("children");
    d
}

/// Whether a child's sheet is for the same period as its parent's (its own roll-up judged
/// the communes below it for its period).
fn same_period_as(c: &Summary, period: &crate::factsheet::Period) -> bool {
    assess::same_period(&c.loaded.sheet.period, period)
}

#[cfg(test)]
mod tests {
    use super::*;

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
