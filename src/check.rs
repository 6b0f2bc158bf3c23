//! Checking a fact sheet: the typed frame, the rules, the template declarations, the
//! templates themselves and the characters against the PDF font.

use crate::diagnostic::{Diagnostic, Diagnostics, Severity};
use crate::factsheet::load::{Loaded, load_file_with};
use crate::i18n::args;
use crate::template::Templates;
use crate::{compose, contract, factsheet, rollup, template, workbook};
use serde_json::Value;
use std::path::Path;

/// A fact sheet that passed every check, with its open data as templates see it.
#[derive(Debug, Clone)]
pub struct Checked {
    pub loaded: Loaded,
    /// `data:` normalised by the declarations.
    pub data: serde_json::Map<String, serde_json::Value>,
    pub warnings: Diagnostics,
    /// What the documents depend on besides the templates and the render options: the fact
    /// sheet itself, and whatever else the check read (the incremental render re-checks them).
    pub dependencies: Vec<factsheet::load::Dependency>,
    /// The figures a workbook supplied, by field path, with their place:
    /// `so-lieu.xlsx:'Số liệu'!C5` (a parent's message about this sheet's figure cites it).
    pub cells: std::collections::BTreeMap<String, String>,
    /// The roll-up over the sheet's `children:`; `None` for a sheet without children.
    /// `rollup.files` and `rollup.globs` are what its documents depend on beyond the sheet.
    pub rollup: Option<rollup::RollUp>,
}

/// What a sheet's documents depend on besides templates and options: the sheet, its
/// workbook row, and for a roll-up every sheet below it and every glob with its matches (a
/// child's own workbook row is read again when the child's file is).
fn dependencies(
    file: &Path,
    rollup: Option<&rollup::RollUp>,
    workbook: Option<&workbook::Workbook>,
) -> Vec<factsheet::load::Dependency> {
    let mut files = vec![file.to_path_buf()];
    let mut out = Vec::new();
    if let Some(r) = rollup {
        files.extend(r.files.iter().cloned());
        out.extend(r.globs.iter().map(|g| factsheet::load::Dependency::Glob {
            pattern: g.pattern.clone(),
            matched: g.matched.clone(),
        }));
    }
    for file in files {
        if let Some(f) = workbook.and_then(|w| w.figures_for(&file).ok()) {
            out.push(factsheet::load::Dependency::Digest {
                label: f.label(),
                sha256: f.workbook.row_digest(f.row),
            });
        }
        out.push(factsheet::load::Dependency::File(file));
    }
    out
}

/// Characters of a template's own text that the PDF font cannot print, at their line and
/// column in the template file (one per template is enough to act on).
fn unprintable_in_template(
    templates: &Templates,
    name: &str,
    covers: &dyn Fn(char) -> bool,
) -> Option<Diagnostic> {
    let text = templates.text(name)?;
    for (i, line) in text.lines().enumerate() {
        if let Some((col, c)) = line
            .chars()
            .enumerate()
            .find(|(_, c)| !c.is_control() && !covers(*c))
        {
            let mut d = Diagnostic::new(
                Severity::Error,
                "template-character-unprintable",
                "",
                args! {"char" => c.to_string(), "code" => format!("{:04X}", c as u32), "template" => name},
            );
            d.file = templates.file(name)?;
            d.position = Some(factsheet::paths::Position {
                line: i + 1,
                column: col + 1,
            });
            return Some(d);
        }
    }
    None
}

/// Every string of the sheet that the PDF font cannot print, at its place in the file.
fn unprintable(loaded: &Loaded, covers: &dyn Fn(char) -> bool) -> Vec<Diagnostic> {
    fn walk(v: &Value, path: String, covers: &dyn Fn(char) -> bool, out: &mut Vec<Diagnostic>) {
        match v {
            Value::String(s) => {
                if let Some(c) = s.chars().find(|c| !c.is_control() && !covers(*c)) {
                    out.push(Diagnostic::new(
                        Severity::Error,
                        "character-unprintable",
                        path,
                        args! {"char" => c.to_string(), "code" => format!("{:04X}", c as u32)},
                    ));
                }
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    walk(item, format!("{path}[{i}]"), covers, out);
                }
            }
            Value::Object(map) => {
                for (k, item) in map {
                    let p = if path.is_empty() {
                        k.clone()
                    } else {
                        format!("{path}.{k}")
                    };
                    walk(item, p, covers, out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(&loaded.tree, String::new(), covers, &mut out);
    out
}

/// Loads and checks one fact sheet: the typed frame, the cross-field rules, the template
/// declarations, the templates themselves, the characters against the PDF font. Returns the
/// sheet with its warnings, or every diagnostic when there is at least one error.
pub fn check(
    file: &Path,
    templates: &Templates,
    covers: Option<&dyn Fn(char) -> bool>,
) -> Result<Checked, Diagnostics> {
    check_with(
        file,
        templates,
        &CheckOptions {
            covers,
            ..CheckOptions::default()
        },
    )
}

/// What `check` is given besides the fact sheet and the templates.
#[derive(Clone, Copy, Default)]
pub struct CheckOptions<'a> {
    /// Whether the PDF font can print a character; `None` skips that check.
    pub covers: Option<&'a dyn Fn(char) -> bool>,
    /// A data-entry workbook: each sheet's row (found by the sheet's path, for the children
    /// of a roll-up too) fills its figures before any check, and a problem with one of them is
    /// reported at its cell.
    pub workbook: Option<&'a workbook::Workbook>,
    /// Sheets already loaded in this run (a batch's roll-ups read each sheet again).
    pub loads: Option<&'a factsheet::load::Loads>,
    /// What the parents in this run read of their children: a child is checked with it, as
    /// its parent's roll-up checks it (no "nothing reads" for a figure its parent sums).
    pub parents: Option<&'a rollup::Parents>,
}

/// [`check`] with every option.
pub fn check_with(
    file: &Path,
    templates: &Templates,
    options: &CheckOptions<'_>,
) -> Result<Checked, Diagnostics> {
    let none = contract::Merged::default();
    let inherited = options
        .parents
        .and_then(|p| p.inherited(file))
        .unwrap_or(&none);
    check_in(
        file,
        templates,
        options,
        &mut rollup::Walk::default(),
        inherited,
    )
}

/// [`check_with`] of a sheet given as bytes (standard input, an editor's buffer): `name`
/// stands for it in messages and names its output folder; the sheet itself is never read
/// from a file (its `children:`, if any, are).
pub fn check_bytes(
    name: &Path,
    bytes: Vec<u8>,
    templates: &Templates,
    options: &CheckOptions<'_>,
) -> Result<Checked, Diagnostics> {
    // The bytes are a file of the source the check reads from: its children, if any, are
    // found beside `name` as if it were written there.
    let own;
    let loads = match options.loads {
        Some(loads) => {
            loads.insert(name, bytes);
            loads
        }
        None => {
            let overlay = crate::source::Overlay::new(crate::source::disk()).with(name, bytes);
            own = factsheet::load::Loads::over(std::sync::Arc::new(overlay));
            &own
        }
    };
    check_with(
        name,
        templates,
        &CheckOptions {
            loads: Some(loads),
            ..*options
        },
    )
}

/// [`check`] of a sheet inside a tree: `walk` is where the roll-up is, `inherited` what the
/// parent sums (checked and rolled up here too, so the parent finds it).
pub(crate) fn check_in(
    file: &Path,
    templates: &Templates,
    options: &CheckOptions<'_>,
    walk: &mut rollup::Walk,
    inherited: &contract::Merged,
) -> Result<Checked, Diagnostics> {
    let covers = options.covers;
    let mut no_row = None;
    let figures = match options.workbook.map(|w| w.figures_for(file)) {
        Some(Ok(figures)) => Some(figures),
        Some(Err(warning)) => {
            no_row = Some(*warning);
            None
        }
        None => None,
    };
    let mut applied = workbook::Applied::default();
    let mut patch = |tree: &mut Value, paths: &factsheet::paths::LazyPathMap| {
        if let Some(figures) = figures {
            applied = figures.apply(tree, paths, file);
        }
    };
    // One read of the file per run, whoever reads it: the hash the manifest records is the
    // hash of the bytes these documents are made from.
    let loaded = match (figures, options.loads) {
        (None, Some(loads)) => loads.load(file),
        (Some(_), Some(loads)) => loads.load_with(file, &mut patch),
        (_, None) => load_file_with(file, &mut patch),
    };
    let mut loaded = loaded.map_err(|found| {
        let mut found: Vec<Diagnostic> = found
            .into_iter()
            .filter_map(|d| relocate(&applied, figures, file, d))
            .collect();
        found.append(&mut applied.problems.clone());
        // No templates are known for a sheet that does not load: the catalogue's labels.
        let none = contract::Merged::default();
        for d in found.iter_mut().filter(|d| d.label.is_none()) {
            d.label = label(&none, &d.path);
        }
        Diagnostics(found)
    })?;
    // Errors of dropped fields first; then the rules, run on what did load, so one pass
    // reports a typo and a wrong total together.
    let mut found: Vec<Diagnostic> = loaded.errors.clone();
    found.extend(
        factsheet::validate::validate(&loaded.sheet, &|name| templates.exists(name))
            .into_iter()
            .map(|d| loaded.locate(d)),
    );
    let (mut merged, problems) = templates.contracts(&loaded);
    rollup::inherit(&mut merged, inherited);
    found.extend(problems);
    let open = contract::data::check(&loaded.tree, &merged);
    let mut data = open.data;
    // A required name the loader dropped for a mistake inside it is reported once, there.
    let dropped = |d: &Diagnostic| {
        d.code == "required-by-template"
            && loaded.errors.iter().any(|e| {
                e.path == d.path
                    || e.path.starts_with(&format!("{}.", d.path))
                    || e.path.starts_with(&format!("{}[", d.path))
            })
    };
    // With a template unknown, what it would read is unknown: no "nothing reads" warnings.
    let all_known = loaded
        .sheet
        .documents
        .iter()
        .all(|d| templates.exists(&d.template));
    let unread = |d: &Diagnostic| !all_known && d.code == "no-document-reads";
    found.extend(
        open.diagnostics
            .into_iter()
            .filter(|d| !dropped(d) && !unread(d))
            .map(|d| {
                let key_error = matches!(d.code, "unknown-key" | "no-document-reads");
                let mut d = loaded.locate(d);
                if key_error {
                    d.position = loaded.paths.locate_key(&d.path).or(d.position);
                }
                d
            }),
    );
    // The children: the sums fill what the sheet leaves out (so a required figure the
    // children give is no longer missing), before the sections are judged empty or not.
    let rolled = if loaded.sheet.children.is_empty() {
        None
    } else {
        // A child's strings are checked against the PDF font when the child itself is
        // rendered; its parent prints only its sums and its name.
        let child_options = CheckOptions {
            covers: None,
            ..*options
        };
        let mut check_child =
            |file: &Path, inherited: &contract::Merged, walk: &mut rollup::Walk| {
                check_in(file, templates, &child_options, walk, inherited).map(|c| {
                    rollup::CheckedChild {
                        loaded: c.loaded,
                        data: c.data,
                        rollup: c.rollup,
                        cells: c.cells,
                    }
                })
            };
        let source = options
            .loads
            .map_or(&crate::source::DISK as &dyn crate::source::Source, |l| {
                l.source()
            });
        let gathered = rollup::gather(&loaded, &merged, templates, source, walk, &mut check_child);
        let (rolled, diagnostics) = rollup::roll_up(&loaded, &merged, &data, templates, gathered);
        found.extend(diagnostics);
        if let Some(r) = &rolled {
            r.apply(&mut loaded.sheet, &mut data);
            found.retain(|d| !(d.code == "required-by-template" && r.filled.contains(&d.path)));
        }
        rolled
    };
    found.extend(factsheet::absent::warnings(&loaded));
    // The sheet's `sections:` against the blocks of its templates and their declarations.
    let blocks = |name: &str| {
        templates
            .exists(name)
            .then(|| template::BlockNode::names(&templates.blocks(name)))
    };
    // A part the loader dropped for a mistake inside it is reported once, there.
    let inside_dropped = |d: &Diagnostic| {
        loaded.errors.iter().any(|e| {
            e.path.starts_with(&format!("{}.", d.path))
                || e.path.starts_with(&format!("{}[", d.path))
        })
    };
    found.extend(
        compose::sections::check(&loaded.sheet, &blocks, &merged, &data)
            .into_iter()
            .filter(|d| !inside_dropped(d))
            .map(|d| loaded.locate(d)),
    );
    if let Some(covers) = covers {
        let mut names: Vec<&str> = loaded
            .sheet
            .documents
            .iter()
            .map(|d| d.template.as_str())
            .collect();
        names.sort_unstable();
        names.dedup();
        found.extend(
            names
                .into_iter()
                .filter(|n| templates.exists(n))
                .filter_map(|n| unprintable_in_template(templates, n, covers)),
        );
        found.extend(
            unprintable(&loaded, covers)
                .into_iter()
                .map(|d| loaded.locate(d)),
        );
    }
    // A figure from the workbook is reported at its cell.
    let mut found: Vec<Diagnostic> = found
        .into_iter()
        .filter_map(|d| relocate(&applied, figures, file, d))
        .collect();
    found.extend(applied.problems.iter().cloned());
    // A parent's figures are its children's sums: no row of its own is expected.
    found.extend(no_row.filter(|_| loaded.sheet.children.is_empty()));
    for d in found.iter_mut().filter(|d| d.label.is_none()) {
        d.label = label(&merged, &d.path);
    }
    found.sort_by(|a, b| {
        (
            a.file != loaded.file,
            &a.file,
            a.position,
            &a.cell,
            a.severity,
        )
            .cmp(&(
                b.file != loaded.file,
                &b.file,
                b.position,
                &b.cell,
                b.severity,
            ))
    });
    let diagnostics = Diagnostics(found);
    if diagnostics.has_errors() {
        Err(diagnostics)
    } else {
        Ok(Checked {
            loaded,
            data,
            warnings: diagnostics,
            dependencies: dependencies(file, rolled.as_ref(), options.workbook),
            cells: match figures {
                Some(f) => applied
                    .filled
                    .iter()
                    .map(|(path, cell)| {
                        (
                            path.clone(),
                            format!("{}:{cell}", f.workbook.file.display()),
                        )
                    })
                    .collect(),
                None => Default::default(),
            },
            rollup: rolled,
        })
    }
}

/// The label of the field at `path` (list positions aside: `data.patrols[3]` is labelled as
/// `data.patrols`), from the sheet's templates' declarations or the built-in catalogue; none
/// for a part of a field (a member of a record), whose key says more than its whole's label.
fn label(merged: &contract::Merged, path: &str) -> Option<String> {
    let mut name = path;
    while let Some(inner) = name.strip_suffix(']') {
        name = &inner[..inner.rfind('[')?];
    }
    merged
        .by_name
        .get(name)
        .map(|(d, _)| d.label.clone())
        .or_else(|| contract::catalogue::get(name).and_then(|d| d.label))
        .filter(|l| !l.is_empty())
}

/// A diagnostic about a figure the workbook supplied, at its cell (see
/// [`workbook::Applied::relocate`]).
fn relocate(
    applied: &workbook::Applied,
    figures: Option<workbook::Figures<'_>>,
    file: &Path,
    d: Diagnostic,
) -> Option<Diagnostic> {
    match figures {
        Some(figures) => applied.relocate(d, file, &figures.workbook.file),
        None => Some(d),
    }
}
