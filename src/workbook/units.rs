//! The units of a workbook: the fact sheets `--units` names (folders searched recursively,
//! editor files skipped), each with its row key and, prefilled, the figures it already holds.

use super::columns::Spec;
use super::fill::value_of;
use crate::diagnostic::{Diagnostic, Diagnostics, Severity};
use crate::factsheet::load::{Loaded, load_file};
use crate::i18n::args;
use crate::source::{DISK, Source};
use serde_json::Value;
use std::path::PathBuf;

/// One unit's row as written: its key (column A), its name and its current figures.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitRow {
    pub key: String,
    pub name: String,
    pub values: Vec<Option<Value>>,
    /// For a parent whose children have rows: per column, the children's rows (indices into
    /// the rows) and the rule that combines them; its cells are formulas, not for typing.
    pub sums: Option<Vec<Option<Sum>>>,
}

/// A parent's cell: the children's cells combined by the parent's rule.
#[derive(Debug, Clone, PartialEq)]
pub struct Sum {
    pub rows: Vec<usize>,
    pub rule: crate::contract::Aggregate,
}

/// The fact sheets named by `--units` (folders expanded), each with its key: the path
/// relative to the folder given, or the file name of a sheet given as a file.
pub fn unit_files(units: &[PathBuf]) -> Result<Vec<(String, PathBuf)>, Diagnostics> {
    let mut out: Vec<(String, PathBuf)> = Vec::new();
    let mut errors = Vec::new();
    for given in units {
        let found: Vec<(String, PathBuf)> = if DISK.is_folder(given) {
            match crate::factsheet::find::sheets_in(&DISK, given) {
                Ok(files) => files
                    .into_iter()
                    .map(|f| {
                        let rel = f.strip_prefix(given).unwrap_or(&f);
                        let key = rel
                            .components()
                            .map(|c| c.as_os_str().to_string_lossy().into_owned())
                            .collect::<Vec<_>>()
                            .join("/");
                        (key, f)
                    })
                    .collect(),
                Err(e) => {
                    let mut d = Diagnostic::new(
                        Severity::Error,
                        "folder-unreadable-units",
                        "",
                        args! {"detail" => e.to_string()},
                    );
                    d.file = given.clone();
                    errors.push(d);
                    continue;
                }
            }
        } else {
            let key = given
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            vec![(key, given.clone())]
        };
        for (key, file) in found {
            if let Some((_, first)) = out.iter().find(|(k, _)| *k == key) {
                let mut d = Diagnostic::new(
                    Severity::Error,
                    "units-share-row",
                    "",
                    args! {
                        "key" => &key,
                        "first" => first.display().to_string(),
                        "second" => file.display().to_string(),
                    },
                );
                d.file = file.clone();
                errors.push(d);
                continue;
            }
            out.push((key, file));
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(Diagnostics(errors))
    }
}

/// The canonical paths of a parent's children (as its `children:` resolves them).
pub fn children_of(loaded: &Loaded) -> Vec<PathBuf> {
    if loaded.sheet.children.is_empty() {
        return Vec::new();
    }
    crate::rollup::tree::resolve(loaded, &DISK)
        .0
        .into_iter()
        .map(|e| e.canonical)
        .collect()
}

fn canonical(file: &std::path::Path) -> PathBuf {
    DISK.canonical(file)
}

/// The units that get a row: the fact sheets (by key) whose documents use `template`, each
/// loaded (`None` when it cannot be read: an empty row and a warning), and the parents with
/// a child among them (their row shows the children's sums); any other sheet whose
/// documents do not use the template is left out with a warning.
pub fn load_units(
    files: &[(String, PathBuf)],
    template: &str,
) -> (Vec<(String, Option<Loaded>)>, Diagnostics) {
    let mut units: Vec<(String, Option<Loaded>)> = Vec::new();
    let mut warnings = Vec::new();
    let mut others: Vec<(String, PathBuf, Loaded)> = Vec::new();
    for (key, file) in files {
        match load_file(file) {
            Ok(loaded) => {
                if !loaded
                    .sheet
                    .documents
                    .iter()
                    .any(|d| d.template == template)
                {
                    others.push((key.clone(), file.clone(), loaded));
                    continue;
                }
                units.push((key.clone(), Some(loaded)));
            }
            Err(errors) => {
                let mut d = Diagnostic::new(
                    Severity::Warning,
                    "unit-sheet-unreadable",
                    "",
                    args! {"n" => errors.len()},
                );
                d.file = file.clone();
                warnings.push(d);
                units.push((key.clone(), None));
            }
        }
    }
    // Parents over rows, up the tree (a province over districts over communes), in the
    // order the files came.
    let mut with_row: Vec<PathBuf> = units
        .iter()
        .filter_map(|(_, l)| l.as_ref().map(|l| canonical(&l.file)))
        .collect();
    let mut placed = vec![false; others.len()];
    loop {
        let mut added = false;
        for ((_, _, loaded), placed) in others.iter().zip(placed.iter_mut()) {
            if !*placed && children_of(loaded).iter().any(|c| with_row.contains(c)) {
                *placed = true;
                with_row.push(canonical(&loaded.file));
                added = true;
            }
        }
        if !added {
            break;
        }
    }
    for ((key, file, loaded), placed) in others.into_iter().zip(placed) {
        if placed {
            units.push((key, Some(loaded)));
        } else {
            let mut d = Diagnostic::new(
                Severity::Warning,
                "unit-not-using-template",
                "documents",
                args! {"template" => template},
            );
            d.file = file;
            warnings.push(d);
        }
    }
    (units, Diagnostics(warnings))
}

/// Each parent row's cells: per column, the rows of its children and its rule, for the
/// columns its own templates roll up (`plans[i]`: the rolled-up names of unit `i` with their
/// rule, empty for a unit without children in the workbook).
pub fn sums(
    units: &[(String, Option<Loaded>)],
    specs: &[Spec],
    plans: &[Vec<(String, crate::contract::Aggregate)>],
) -> Vec<Option<Vec<Option<Sum>>>> {
    let paths: Vec<Option<PathBuf>> = units
        .iter()
        .map(|(_, l)| l.as_ref().map(|l| canonical(&l.file)))
        .collect();
    units
        .iter()
        .zip(plans)
        .map(|((_, l), plan)| {
            let loaded = l.as_ref()?;
            let rows: Vec<usize> = children_of(loaded)
                .iter()
                .filter_map(|c| paths.iter().position(|p| p.as_ref() == Some(c)))
                .collect();
            if rows.is_empty() {
                return None;
            }
            Some(
                specs
                    .iter()
                    .map(|s| {
                        if s.key.point.is_some() {
                            return None;
                        }
                        let (_, rule) = plan.iter().find(|(name, _)| *name == s.key.name)?;
                        Some(Sum {
                            rows: rows.clone(),
                            rule: *rule,
                        })
                    })
                    .collect(),
            )
        })
        .collect()
}

/// A unit's row, prefilled with the figures of `specs` its sheet holds.
pub fn unit_row(key: &str, loaded: Option<&Loaded>, specs: &[Spec]) -> UnitRow {
    UnitRow {
        key: key.to_string(),
        name: loaded
            .map(|l| format!("{} {}", l.sheet.unit.level.word(), l.sheet.unit.name))
            .unwrap_or_default(),
        values: specs
            .iter()
            .map(|s| {
                loaded
                    .and_then(|l| value_of(&l.tree, &s.key))
                    .filter(|v| v.is_number() || v.is_string())
                    .cloned()
            })
            .collect(),
        sums: None,
    }
}
