//! Which fact sheets a command line names, and where each one's documents go.
//!
//! A file is taken as given; a folder is searched recursively for `*.yaml` and `*.yml`,
//! leaving out editor lock and backup files and hidden files and folders. A sheet given as a
//! file, or lying directly in a given folder, writes to `<out>/<stem>/`; one in a subfolder
//! keeps its place: `<out>/<subfolder>/<stem>/`, so two `x.yaml` in two district folders do
//! not meet. Two sheets that would still write the same folder are refused before anything
//! is written.

use crate::diagnostic::{Diagnostic, Severity};
use crate::factsheet::find::sheets_in;
use crate::i18n::args;
use crate::source::Source;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use unicode_normalization::UnicodeNormalization;

/// One fact sheet to render.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Job {
    /// The fact sheet, as given or as found under a given folder.
    pub sheet: PathBuf,
    /// Its output folder relative to `<out>`, `/`-separated, without extension (`xa/a`).
    pub key: String,
}

impl Job {
    /// The folder its documents are written to.
    pub fn out_dir(&self, out: &Path) -> PathBuf {
        self.key
            .split('/')
            .fold(out.to_path_buf(), |p, c| p.join(c))
    }

    /// The folder that holds [`Job::out_dir`] (what `RenderOptions::out_dir` must be, since
    /// the library appends the sheet's stem).
    pub fn parent_dir(&self, out: &Path) -> PathBuf {
        match self.key.rsplit_once('/') {
            Some((parent, _)) => parent.split('/').fold(out.to_path_buf(), |p, c| p.join(c)),
            None => out.to_path_buf(),
        }
    }
}

/// The output key of a sheet at `relative` (to its folder argument): components joined with
/// `/`, the extension dropped, NFC (a name saved as `ô` + a combining mark and one saved
/// with the composed letter are one name, so they meet as a collision, not as two folders).
fn key_of(relative: &Path) -> String {
    let mut parts: Vec<String> = relative
        .parent()
        .into_iter()
        .flat_map(|p| p.components())
        .map(|c| c.as_os_str().to_string_lossy().nfc().collect())
        .collect();
    parts.push(stem(relative));
    parts.join("/")
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().nfc().collect())
        .unwrap_or_else(|| "output".to_string())
}

/// The fact sheets named by `paths`, in order: files as given, each folder's sheets sorted by
/// their path inside it. A folder with no fact sheet, or one that cannot be read, is a
/// problem of its own (the other arguments are still expanded).
pub fn expand(paths: &[PathBuf]) -> (Vec<Job>, Vec<Diagnostic>) {
    expand_in(&crate::source::DISK, paths)
}

/// [`expand`] with the folders read from `source`.
pub fn expand_in(source: &dyn Source, paths: &[PathBuf]) -> (Vec<Job>, Vec<Diagnostic>) {
    let mut jobs = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        if !source.is_folder(path) {
            jobs.push(Job {
                sheet: path.clone(),
                key: stem(path),
            });
            continue;
        }
        let found = match sheets_in(source, path) {
            Ok(found) => found,
            Err(e) => {
                let mut d = Diagnostic::new(
                    Severity::Error,
                    "folder-unreadable",
                    "",
                    args! {"detail" => e.to_string()},
                );
                d.file = path.clone();
                problems.push(d);
                continue;
            }
        };
        if found.is_empty() {
            let mut d = Diagnostic::new(Severity::Error, "no-sheet-in-folder", "", Vec::new());
            d.file = path.clone();
            problems.push(d);
            continue;
        }
        let mut found: Vec<(String, PathBuf)> = found
            .into_iter()
            .map(|p| {
                let relative = p.strip_prefix(path).unwrap_or(&p).to_path_buf();
                (key_of(&relative), p)
            })
            .collect();
        found.sort();
        jobs.extend(found.into_iter().map(|(key, sheet)| Job { sheet, key }));
    }
    (jobs, problems)
}

/// Sheets that would write the same output folder, one error for each sheet after the
/// first: `x.yaml` beside `x.yml`, one sheet given twice, or two `x.yaml` in two folders
/// given as two arguments.
pub fn collisions(jobs: &[Job], out: &Path) -> Vec<Diagnostic> {
    let mut first: BTreeMap<&str, &Job> = BTreeMap::new();
    let mut problems = Vec::new();
    for job in jobs {
        let Some(earlier) = first.get(job.key.as_str()) else {
            first.insert(&job.key, job);
            continue;
        };
        // One file by two names (or a sheet given twice) is the same sheet.
        let same = crate::source::DISK.canonical(&earlier.sheet)
            == crate::source::DISK.canonical(&job.sheet);
        let target = job.out_dir(out);
        let mut d = if same {
            Diagnostic::new(
                Severity::Error,
                "sheet-given-twice",
                "",
                args! {"first" => earlier.sheet.display().to_string()},
            )
        } else {
            Diagnostic::new(
                Severity::Error,
                "same-output-folder",
                "",
                args! {
                    "folder" => target.display().to_string(),
                    "first" => earlier.sheet.display().to_string(),
                },
            )
        };
        d.file = job.sheet.clone();
        problems.push(d);
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_keep_subfolders_and_drop_the_extension() {
        assert_eq!(key_of(Path::new("x.yaml")), "x");
        assert_eq!(key_of(Path::new("huyen/xa/a.yml")), "huyen/xa/a");
        assert_eq!(
            key_of(Path::new("xa/pho\u{302}\u{300}ng.yaml")),
            key_of(Path::new("xa/phồng.yaml"))
        );
        let job = Job {
            sheet: PathBuf::from("d/huyen/a.yaml"),
            key: "huyen/a".into(),
        };
        assert_eq!(job.out_dir(Path::new("o")), Path::new("o/huyen/a"));
        assert_eq!(job.parent_dir(Path::new("o")), Path::new("o/huyen"));
    }

    #[test]
    fn folders_expand_recursively_and_collisions_are_found() {
        let dir = std::env::temp_dir().join(format!("vanban-expand-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        for f in [
            "b.yaml",
            "a/x.yaml",
            "a/.#x.yaml",
            "a/~$x.yaml",
            "a/x.yaml~",
            "a/notes.txt",
            ".git/c.yaml",
            "b.yml",
        ] {
            let p = dir.join(f);
            std::fs::create_dir_all(p.parent().expect("parent")).expect("dir");
            std::fs::write(&p, "").expect("write");
        }
        std::fs::create_dir_all(dir.join("empty")).expect("dir");
        let (jobs, problems) = expand(std::slice::from_ref(&dir));
        assert!(problems.is_empty(), "{problems:?}");
        let keys: Vec<&str> = jobs.iter().map(|j| j.key.as_str()).collect();
        assert_eq!(keys, ["a/x", "b", "b"]);
        let clashes = collisions(&jobs, Path::new("out"));
        assert_eq!(clashes.len(), 1);
        assert_eq!(clashes[0].code, "same-output-folder", "{clashes:?}");
        assert!(clashes[0].message.contains("same folder"), "{clashes:?}");

        let twice = [dir.join("a"), dir.join("a/x.yaml")];
        let (jobs, _) = expand(&twice);
        let clashes = collisions(&jobs, Path::new("out"));
        assert_eq!(clashes[0].code, "sheet-given-twice", "{clashes:?}");

        let (jobs, problems) = expand(&[dir.join("empty")]);
        assert!(jobs.is_empty());
        assert_eq!(problems[0].code, "no-sheet-in-folder");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
