//! The tree of fact sheets: `children:` entries resolved to files (paths and globs relative
//! to the sheet's folder, never outside it), and the walk that keeps a tree a tree (no loop,
//! no sheet counted twice, no unit counted twice under two file names).
//!
//! A child is read only once it is known to be a fact sheet in the parent's folder: an entry
//! naming any other file is an error that says so without opening it, so no message ever
//! quotes a file that is not a fact sheet (`children: [/etc/passwd]`).

use crate::diagnostic::{Diagnostic, Severity};
use crate::factsheet::find::{is_editor_file, is_sheet};
use crate::factsheet::load::Loaded;
use crate::i18n::Args;
use crate::i18n::args;
use crate::source::Source;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use unicode_normalization::UnicodeNormalization;

/// Where a roll-up is in the tree: the sheets being checked above this one (to catch a
/// loop), every sheet already counted, with the sheet that listed it (to catch a sheet
/// counted twice), and every unit counted, by what makes it one unit (to catch a copy).
#[derive(Debug, Default)]
pub struct Walk {
    pub(super) stack: Vec<PathBuf>,
    pub(super) seen: BTreeMap<PathBuf, PathBuf>,
    /// (parent, name, level, period) → the child's file, for the children of each parent.
    units: BTreeMap<(PathBuf, String, String), PathBuf>,
    /// The hash of a child's bytes → its file, over the whole tree.
    bytes: BTreeMap<String, PathBuf>,
}

impl Walk {
    /// An error at the parent's `children:` entry when `child` is a unit already counted:
    /// a sibling with the same name, level and period, or a sheet with the same bytes
    /// anywhere in the tree (`xa/a.yaml` copied to `xa/a (1).yaml`). Otherwise the child is
    /// remembered and `None` returned. Called before anything of the child is summed.
    pub(crate) fn same_unit(
        &mut self,
        source: &dyn Source,
        parent: &Loaded,
        entry: &Entry,
        child: &Loaded,
    ) -> Option<Diagnostic> {
        let own = source.canonical(&parent.file);
        let unit = &child.sheet.unit;
        let name: String = unit
            .name
            .nfc()
            .flat_map(char::to_lowercase)
            .collect::<String>()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let level = serde_json::to_string(&unit.level).unwrap_or_default();
        let period = serde_json::to_string(&child.sheet.period).unwrap_or_default();
        let key = (own, name, format!("{level} {period}"));
        let copy = child.sha256.as_ref().and_then(|h| self.bytes.get(h));
        let sibling = self.units.get(&key);
        let (other, identical) = match (copy, sibling) {
            (Some(other), _) => (other.clone(), true),
            (None, Some(other)) => (other.clone(), false),
            (None, None) => {
                self.units.insert(key, entry.file.clone());
                if let Some(h) = &child.sha256 {
                    self.bytes.insert(h.clone(), entry.file.clone());
                }
                return None;
            }
        };
        let folder = parent.file.parent().unwrap_or(Path::new(""));
        let show = |f: &Path| {
            f.strip_prefix(folder)
                .unwrap_or(f)
                .to_string_lossy()
                .replace('\\', "/")
        };
        let path = format!("children[{}]", entry.index);
        let mut d = Diagnostic::new(
            Severity::Error,
            "child-counted-twice",
            path.clone(),
            args! {
                "child" => &entry.shown,
                "identical" => if identical { "yes" } else { "no" },
                "level" => unit.level.word(),
                "name" => &unit.name,
                "year" => child.sheet.period.year.to_string(),
                "other" => show(&other),
            },
        );
        d.file = parent.file.clone();
        d.position = parent.paths.locate(&path);
        Some(d)
    }
}

/// A glob of `children:` and the files it matched, for the incremental manifest: a new
/// child file matching it must make the parent render again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GlobMatch {
    /// The pattern as expanded, joined to the sheet's folder: `data/huyen-x/xa/*.yaml`.
    pub pattern: String,
    /// The fact sheets it matched, in name order.
    pub matched: Vec<PathBuf>,
}

/// A child sheet found from an entry of `children:`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Index of the `children:` entry that named it.
    pub index: usize,
    /// The file, joined to the parent's folder (relative when the parent's path is).
    pub file: PathBuf,
    /// The file as the parent's folder sees it: `xa/a.yaml`.
    pub shown: String,
    /// The file's canonical path: two entries naming one file are one child.
    pub canonical: PathBuf,
}

fn is_fact_sheet(source: &dyn Source, path: &Path) -> bool {
    source.is_file(path) && is_sheet(path) && !is_editor_file(path)
}

/// The fact sheets a `children:` glob matches (editor files and other files left out), in
/// name order: one matcher for the roll-up and for the manifest that re-checks it.
pub fn sheets_matching(
    source: &dyn Source,
    pattern: &str,
) -> Result<Vec<PathBuf>, glob::PatternError> {
    let options = glob::MatchOptions {
        case_sensitive: true,
        require_literal_separator: true,
        require_literal_leading_dot: true,
    };
    let mut found: Vec<PathBuf> = crate::source::glob(source, pattern, options)?
        .into_iter()
        .filter(|p| is_fact_sheet(source, p))
        .collect();
    found.sort();
    Ok(found)
}

/// The `children:` entries of a sheet resolved to files, in the order listed (a glob's
/// matches in name order), with every glob and what it matched, and the problems: an entry
/// that names no file, a glob that matches nothing, a file named twice.
pub fn resolve(
    loaded: &Loaded,
    source: &dyn Source,
) -> (Vec<Entry>, Vec<GlobMatch>, Vec<Diagnostic>) {
    let folder = loaded
        .file
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let mut entries: Vec<Entry> = Vec::new();
    let mut globs = Vec::new();
    let mut problems = Vec::new();
    // Where the entries are read from: the sheet's folder (`here` = `yes` for the current
    // folder), which some messages name.
    let place = || -> Args {
        if folder.as_os_str().is_empty() {
            args! {"here" => "yes", "folder" => ""}
        } else {
            args! {"here" => "no", "folder" => folder.display().to_string()}
        }
    };
    let error = |index: usize, code: &'static str, args: Args| {
        let path = format!("children[{index}]");
        let mut d = Diagnostic::new(Severity::Error, code, path.clone(), args);
        d.file = loaded.file.clone();
        d.position = loaded.paths.locate(&path);
        d
    };
    let shown = |file: &Path| {
        file.strip_prefix(&folder)
            .unwrap_or(file)
            .to_string_lossy()
            .replace('\\', "/")
    };
    // What `children:` may name: the sheet's folder and below, links resolved.
    let root = source.canonical(if folder.as_os_str().is_empty() {
        Path::new(".")
    } else {
        &folder
    });
    for (index, raw) in loaded.sheet.children.iter().enumerate() {
        let pattern = raw.trim();
        if pattern.is_empty() {
            problems.push(error(index, "children-entry-empty", Vec::new()));
            continue;
        }
        let found: Vec<PathBuf> = if pattern.contains(['*', '?', '[']) {
            let full = if Path::new(pattern).is_absolute() || folder.as_os_str().is_empty() {
                pattern.to_string()
            } else {
                match folder.to_str() {
                    Some(f) => format!("{}/{pattern}", glob::Pattern::escape(f)),
                    None => pattern.to_string(),
                }
            };
            let mut matched: Vec<PathBuf> = match sheets_matching(source, &full) {
                Ok(paths) => paths,
                Err(e) => {
                    problems.push(error(
                        index,
                        "children-bad-pattern",
                        args! {"pattern" => pattern, "detail" => e.msg},
                    ));
                    continue;
                }
            };
            matched.sort();
            globs.push(GlobMatch {
                pattern: full.clone(),
                matched: matched.clone(),
            });
            if matched.is_empty() {
                let mut args = args! {"pattern" => pattern};
                args.extend(place());
                problems.push(error(index, "children-pattern-matches-nothing", args));
            }
            matched
        } else {
            let file = folder.join(pattern);
            let Some(file) = existing(source, &file) else {
                let mut args = args! {"pattern" => pattern};
                args.extend(place());
                problems.push(error(index, "child-sheet-missing", args));
                continue;
            };
            vec![file]
        };
        let mut outside = false;
        for file in found {
            let canonical = source.canonical(&file);
            // Checked before the file is read: nothing of it may reach a message.
            if !canonical.starts_with(&root) {
                if !outside {
                    let mut args = args! {"child" => shown(&file)};
                    args.extend(place());
                    problems.push(error(index, "child-outside-folder", args));
                }
                outside = true;
                continue;
            }
            if !is_fact_sheet(source, &file) {
                problems.push(error(
                    index,
                    "child-not-a-sheet",
                    args! {"child" => shown(&file)},
                ));
                continue;
            }
            if let Some(first) = entries.iter().find(|e| e.canonical == canonical) {
                problems.push(error(
                    index,
                    "child-listed-twice",
                    args! {"child" => shown(&file), "first" => first.index.to_string()},
                ));
                continue;
            }
            entries.push(Entry {
                index,
                shown: shown(&file),
                file,
                canonical,
            });
        }
    }
    (entries, globs, problems)
}

/// `file` if it exists; else a file of the same folder whose name is the same once both are
/// NFC (a sheet saved by a system that writes `ộ` as `ô` + a combining dot, while the YAML
/// holds the composed letter): the first such file in name order.
fn existing(source: &dyn Source, file: &Path) -> Option<PathBuf> {
    if source.is_file(file) {
        return Some(file.to_path_buf());
    }
    let wanted: String = file.file_name()?.to_str()?.nfc().collect();
    let folder = match file.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut found: Vec<PathBuf> = source
        .list(folder)
        .ok()?
        .into_iter()
        .filter_map(|e| e.name)
        .filter(|n| n.nfc().collect::<String>() == wanted)
        .map(|n| file.with_file_name(n))
        .filter(|p| source.is_file(p))
        .collect();
    found.sort();
    found.into_iter().next()
}
