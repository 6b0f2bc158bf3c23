//! The incremental manifest `<out>/.vanban-manifest.json`: for each output folder, what its
//! documents were made from (the fact sheet and every file, glob and digest it depends on,
//! its workbook row, the templates, vanban's version and the render settings) and the hash
//! of every file written. A sheet whose inputs and outputs all still match is skipped without
//! being read as YAML: deciding costs a few file hashes, not a check.
//!
//! The manifest vouches only for what was rendered: a file's hash is the hash of the bytes
//! the run read and made the documents from (kept beside the parsed sheet, see
//! [`crate::factsheet::load::Loads`]), never of a later read, so a sheet saved during a run
//! is rendered again by the next one. The outputs it lists are the files vanban wrote, and
//! the only files it ever removes (a document the sheet no longer issues).
//!
//! The manifest is written once, at the end of a run, after every output it describes is in
//! place, and atomically; a run that is killed leaves the previous manifest, so what it did
//! write is simply rendered again.

use super::Dependency;
use crate::factsheet::load::sha256;
use crate::source::Source;
use crate::template::Templates;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The manifest's file name inside the output folder.
pub const FILE_NAME: &str = ".vanban-manifest.json";

/// Bumped when the layout below changes: an older manifest is then ignored (all rendered).
const LAYOUT: u32 = 1;

/// Everything recorded about one output folder.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    layout: u32,
    /// Output folder key (`xa/a`) → entry.
    pub entries: BTreeMap<String, Entry>,
}

/// What one fact sheet's documents were made from, and what was written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// The fact sheet, absolute.
    pub sheet: PathBuf,
    /// vanban's version and the render settings (formats, PDF standard).
    pub settings: String,
    /// Template name → hash of it, its parents and the component library.
    pub templates: BTreeMap<String, String>,
    pub dependencies: Vec<Recorded>,
    pub outputs: Vec<Output>,
    /// Files written by earlier runs in other formats, of documents still issued, still as
    /// written: vanban's own, so removed when their document is no longer issued.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kept: Vec<Output>,
}

/// A dependency with the value it had when the documents were made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Recorded {
    /// A file (absolute) and the hash of its bytes; `None` when it could not be read.
    File {
        path: PathBuf,
        sha256: Option<String>,
    },
    /// A glob pattern (absolute) and the files it matched, sorted.
    Glob {
        pattern: String,
        matched: Vec<PathBuf>,
    },
    /// A value the caller computes once per run (a workbook row), by label.
    Digest { label: String, sha256: String },
    /// The workbook row of a fact sheet (absolute): its digest, `None` when the workbook had
    /// no row for it, so a row added, changed or removed renders the sheet again.
    Row {
        sheet: PathBuf,
        sha256: Option<String>,
    },
}

/// One written file: its path relative to the output folder, `/`-separated, and its hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Output {
    pub path: String,
    pub sha256: String,
}

/// Hex SHA-256 of a file's bytes; `None` if it cannot be read.
pub fn file_sha256(path: &Path) -> Option<String> {
    std::fs::read(path).ok().map(|b| sha256(&b))
}

/// `path` made absolute against the current folder (without touching the file system), so
/// a manifest stays valid whatever folder vanban is run from.
pub fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// Every document template's [`template_hash`], by name.
pub fn template_hashes(templates: &Templates) -> BTreeMap<String, String> {
    templates
        .list()
        .map(|(name, _)| (name.to_string(), template_hash(templates, name)))
        .collect()
}

/// The hash of what a template's documents are rendered from (see [`Templates::lineage`]).
pub fn template_hash(templates: &Templates, name: &str) -> String {
    let mut all = Vec::new();
    for (n, text) in templates.lineage(name) {
        for part in [n.as_bytes(), b"\0", text.as_bytes(), b"\0"] {
            all.extend_from_slice(part);
        }
    }
    sha256(&all)
}

/// The files matching a glob pattern, absolute and sorted; unreadable entries are left out.
pub fn glob_matches(source: &dyn Source, pattern: &str) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = crate::rollup::tree::sheets_matching(source, pattern)
        .unwrap_or_default()
        .iter()
        .map(|p| absolute(p))
        .collect();
    found.sort();
    found
}

/// Records `dependency` with the value the documents were made from: for a file, the hash of
/// the bytes this run read (`read`, from the run's [`crate::factsheet::load::Loads`]); a file
/// the run did not read whole is recorded without one, so the next run renders again.
pub fn record(dependency: &Dependency, read: &dyn Fn(&Path) -> Option<String>) -> Recorded {
    match dependency {
        Dependency::File(path) => Recorded::File {
            sha256: read(path),
            path: absolute(path),
        },
        Dependency::Glob { pattern, matched } => {
            let pattern = absolute(Path::new(pattern)).to_string_lossy().into_owned();
            let mut matched: Vec<PathBuf> = matched.iter().map(|p| absolute(p)).collect();
            matched.sort();
            Recorded::Glob { pattern, matched }
        }
        Dependency::Digest { label, sha256 } => Recorded::Digest {
            label: label.clone(),
            sha256: sha256.clone(),
        },
    }
}

/// The digest of the workbook row for `sheet`, `None` when it has none.
pub fn row_digest(workbook: &crate::workbook::Workbook, sheet: &Path) -> Option<String> {
    workbook
        .figures_for(sheet)
        .ok()
        .map(|f| f.workbook.row_digest(f.row))
}

/// What the current run knows without reading any fact sheet.
pub struct Current<'a> {
    pub settings: &'a str,
    /// Template name → [`template_hash`], computed once per run.
    pub templates: &'a BTreeMap<String, String>,
    /// Label → current value of every digest the caller computed (workbook rows).
    pub digests: &'a BTreeMap<String, String>,
    /// The workbook given (`--figures`); whether one is given at all is in `settings`.
    pub workbook: Option<&'a crate::workbook::Workbook>,
    /// Where the run reads its sheets: a dependency is compared with what it gives now.
    pub source: &'a dyn Source,
}

impl Recorded {
    /// Whether this dependency still has the value recorded.
    fn unchanged(&self, current: &Current) -> bool {
        match self {
            Recorded::File { path, sha256 } => {
                let now = current
                    .source
                    .read(path, crate::factsheet::load::LARGEST_FILE)
                    .ok()
                    .map(|b| crate::factsheet::load::sha256(&b));
                sha256.is_some() && now.as_ref() == sha256.as_ref()
            }
            Recorded::Glob { pattern, matched } => {
                glob_matches(current.source, pattern) == *matched
            }
            Recorded::Digest { label, sha256 } => current.digests.get(label) == Some(sha256),
            Recorded::Row { sheet, sha256 } => {
                current.workbook.map(|w| row_digest(w, sheet)) == Some(sha256.clone())
            }
        }
    }
}

impl Entry {
    /// Whether the documents of `sheet` at `dir` can be kept as they are: same sheet, same
    /// settings, every template, dependency and output file unchanged.
    pub fn is_fresh(&self, sheet: &Path, out: &Path, current: &Current) -> bool {
        self.sheet == sheet
            && self.settings == current.settings
            && self
                .templates
                .iter()
                .all(|(name, hash)| current.templates.get(name) == Some(hash))
            && self.dependencies.iter().all(|d| d.unchanged(current))
            && !self.outputs.is_empty()
            && self.outputs.iter().all(|o| {
                let path = o.path.split('/').fold(out.to_path_buf(), |p, c| p.join(c));
                file_sha256(&path).as_deref() == Some(o.sha256.as_str())
            })
    }
}

impl Manifest {
    /// The manifest of `out`; an empty one when there is none, or it cannot be read or is
    /// of another layout (everything is then rendered, which is always safe).
    pub fn load(out: &Path) -> Manifest {
        std::fs::read(out.join(FILE_NAME))
            .ok()
            .and_then(|bytes| serde_json::from_slice::<Manifest>(&bytes).ok())
            .filter(|m| m.layout == LAYOUT)
            .unwrap_or_default()
    }

    /// Writes the manifest atomically into `out`.
    pub fn save(&self, out: &Path) -> anyhow::Result<()> {
        let manifest = Manifest {
            layout: LAYOUT,
            entries: self.entries.clone(),
        };
        let mut json = serde_json::to_vec_pretty(&manifest)?;
        json.push(b'\n');
        crate::output::write_atomic(&out.join(FILE_NAME), &json)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_goes_stale_when_any_input_or_output_changes() {
        let dir = absolute(&std::env::temp_dir().join(format!("vanban-mf-{}", std::process::id())));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("out/a")).expect("dir");
        let sheet = dir.join("a.yaml");
        let child = dir.join("c1.yaml");
        std::fs::write(&sheet, "one").expect("write");
        std::fs::write(&child, "child").expect("write");
        std::fs::write(dir.join("out/a/t.docx"), "doc").expect("write");
        let templates = Templates::load(None).expect("built-in templates");
        let hashes = template_hashes(&templates);
        let digests: BTreeMap<String, String> = [("row".to_string(), "r1".to_string())].into();
        let current = Current {
            settings: "s",
            templates: &hashes,
            digests: &digests,
            workbook: None,
            source: &crate::source::DISK,
        };
        let pattern = format!("{}/c*.yaml", dir.display());
        let read = |p: &Path| file_sha256(p);
        let entry = Entry {
            sheet: sheet.clone(),
            settings: "s".into(),
            templates: [(
                "bao-cao-so-ket".to_string(),
                template_hash(&templates, "bao-cao-so-ket"),
            )]
            .into(),
            dependencies: vec![
                record(&Dependency::File(sheet.clone()), &read),
                record(
                    &Dependency::Glob {
                        pattern: pattern.clone(),
                        matched: vec![child.clone()],
                    },
                    &read,
                ),
                record(
                    &Dependency::Digest {
                        label: "row".into(),
                        sha256: "r1".into(),
                    },
                    &read,
                ),
            ],
            outputs: vec![Output {
                path: "a/t.docx".into(),
                sha256: sha256(b"doc"),
            }],
            kept: Vec::new(),
        };
        let out = dir.join("out");
        assert!(entry.is_fresh(&sheet, &out, &current));
        assert!(!entry.is_fresh(&child, &out, &current), "another sheet");
        let other = Current {
            settings: "t",
            ..current
        };
        assert!(!entry.is_fresh(&sheet, &out, &other), "settings");
        let mut edited = hashes.clone();
        edited.insert("bao-cao-so-ket".into(), "other".into());
        let other = Current {
            templates: &edited,
            ..current
        };
        assert!(!entry.is_fresh(&sheet, &out, &other), "template");
        let changed: BTreeMap<String, String> = [("row".to_string(), "r2".to_string())].into();
        let other = Current {
            digests: &changed,
            ..current
        };
        assert!(!entry.is_fresh(&sheet, &out, &other), "digest");

        std::fs::write(dir.join("c2.yaml"), "new child").expect("write");
        assert!(
            !entry.is_fresh(&sheet, &out, &current),
            "a new file matches the glob"
        );
        std::fs::remove_file(dir.join("c2.yaml")).expect("remove");
        assert!(entry.is_fresh(&sheet, &out, &current));

        std::fs::write(dir.join("out/a/t.docx"), "edited").expect("write");
        assert!(!entry.is_fresh(&sheet, &out, &current), "output modified");
        std::fs::remove_file(dir.join("out/a/t.docx")).expect("remove");
        assert!(!entry.is_fresh(&sheet, &out, &current), "output deleted");
        std::fs::write(dir.join("out/a/t.docx"), "doc").expect("write");

        std::fs::write(&sheet, "two").expect("write");
        assert!(!entry.is_fresh(&sheet, &out, &current), "sheet changed");

        let mut m = Manifest::default();
        m.entries.insert("a".into(), entry.clone());
        m.save(&out).expect("save");
        assert_eq!(Manifest::load(&out).entries, m.entries);
        std::fs::write(out.join(FILE_NAME), "{not json").expect("write");
        assert!(Manifest::load(&out).entries.is_empty());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_file_is_recorded_with_the_hash_of_what_was_read_and_a_row_by_its_presence() {
        // The hash given by the reader, whatever the file holds now.
        let recorded = record(&Dependency::File("nowhere.yaml".into()), &|_| {
            Some("read".to_string())
        });
        assert!(
            matches!(&recorded, Recorded::File { sha256: Some(h), .. } if h == "read"),
            "{recorded:?}"
        );
        let unread = record(&Dependency::File("nowhere.yaml".into()), &|_| None);
        let no_digests = BTreeMap::new();
        let hashes = BTreeMap::new();
        let current = Current {
            settings: "s",
            templates: &hashes,
            digests: &no_digests,
            workbook: None,
            source: &crate::source::DISK,
        };
        assert!(!unread.unchanged(&current), "an unread file is never fresh");

        let before = crate::workbook::tests::workbook(&["data.x"], &[("b.yaml", &["1"])]);
        let after = crate::workbook::tests::workbook(
            &["data.x"],
            &[("b.yaml", &["1"]), ("a.yaml", &["2"])],
        );
        let row = Recorded::Row {
            sheet: "/d/a.yaml".into(),
            sha256: row_digest(&before, Path::new("/d/a.yaml")),
        };
        let with = |w| Current {
            workbook: Some(w),
            ..current
        };
        assert!(row.unchanged(&with(&before)));
        assert!(!row.unchanged(&with(&after)), "a row added");
        assert!(!row.unchanged(&current), "no workbook");
    }

    #[test]
    fn template_hash_covers_the_library() {
        let templates = Templates::load(None).expect("built-in templates");
        let names: Vec<&str> = templates
            .lineage("bao-cao-so-ket")
            .into_iter()
            .map(|(n, _)| n)
            .collect();
        assert_eq!(names, ["bao-cao-so-ket", crate::template::LIBRARY]);
        assert_ne!(
            template_hash(&templates, "bao-cao-so-ket"),
            template_hash(&templates, "ke-hoach-tt124")
        );
    }
}
