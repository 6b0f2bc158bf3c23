//! Which files are fact sheets: the name rule (`*.yaml`, `*.yml`; editor lock, backup and
//! hidden files never) and the one folder walk. The batch's folder arguments, the roll-up's
//! `children:` globs and the workbook's unit list all find sheets through it.

use crate::source::Source;
use std::path::{Path, PathBuf};

/// Whether a file name is one an editor or office suite leaves beside the real file, or a
/// hidden file: `.#x.yaml` (Emacs lock), `~$x.yaml` (Office lock), `x.yaml~` (backup),
/// `.x.yaml.swp`, `.x.yaml`.
pub fn is_editor_name(name: &str) -> bool {
    name.starts_with('.') || name.starts_with("~$") || name.ends_with('~') || name.ends_with('#')
}

/// Whether the file at `path` is named as an editor's lock, backup or hidden file.
pub fn is_editor_file(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| is_editor_name(&n.to_string_lossy()))
}

/// Whether `path` is named like a fact sheet: `*.yaml` or `*.yml`.
pub fn is_sheet(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "yaml" || e == "yml")
}

/// The fact sheets under `dir`, recursively, sorted (editor files skipped): what
/// `render DIR` renders and `vanban workbook --units DIR` lists.
pub fn sheets_in(source: &dyn Source, dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    walk(source, dir, &mut found)?;
    found.sort();
    Ok(found)
}

/// The fact sheets under `dir`, recursively, in directory order. Symbolic links to folders
/// are not followed (no loops); links to files are.
fn walk(source: &dyn Source, dir: &Path, found: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in source.list(dir)? {
        let Some(name) = &entry.name else { continue };
        if is_editor_name(name) {
            continue;
        }
        if entry.folder {
            walk(source, &entry.path, found)?;
        } else if is_sheet(&entry.path) && source.is_file(&entry.path) {
            found.push(entry.path);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editor_and_hidden_files_are_recognised() {
        for name in [
            ".#x.yaml",
            "~$x.yaml",
            "x.yaml~",
            ".x.yaml.swp",
            ".x.yaml",
            "#x.yaml#",
        ] {
            assert!(is_editor_name(name), "{name}");
        }
        for name in ["x.yaml", "x~y.yml", "xa-1.yaml"] {
            assert!(!is_editor_name(name), "{name}");
        }
    }

    #[test]
    fn editor_files_are_not_fact_sheets() {
        for name in [".#a.yaml", "~$a.yaml", "a.yaml~", ".hidden.yaml"] {
            assert!(is_editor_file(Path::new(name)), "{name}");
        }
        assert!(!is_editor_file(Path::new("xa/a.yaml")));
    }
}
