//! The one door to the outside for reading: fact sheets, their children (by path and by
//! glob), the folders a batch walks, user templates and workbooks are read through a
//! [`Source`]. The disk is one source ([`Disk`]); an [`Overlay`] puts files held in memory
//! (standard input, an editor's unsaved buffer) over another, so a sheet that is not a file
//! is checked, rolled up and rendered exactly like one. Typst's `World` is the model: the
//! stages never open a file themselves, so what they read is what the source says, and the
//! hashes the manifest records are of the bytes the source gave.
//!
//! Writing is the other door (`output::write_atomic`).

use std::collections::BTreeMap;
use std::io::{self, Read as _};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What a path is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    File,
    Folder,
}

/// An entry of a folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The folder joined with the entry's name.
    pub path: PathBuf,
    /// The name, when it is valid Unicode (others are never fact sheets).
    pub name: Option<String>,
    /// A folder itself, not a link to one: a walk that follows only these cannot loop.
    pub folder: bool,
}

/// Where vanban reads from.
pub trait Source: Sync {
    /// The bytes of a file, at most `limit + 1` of them: a caller that gets more than `limit`
    /// knows the file is too large without holding all of it.
    fn read(&self, path: &Path, limit: u64) -> io::Result<Vec<u8>>;
    /// The size of a file, before reading it.
    fn size(&self, path: &Path) -> io::Result<u64>;
    /// Whether the path is a file or a folder (links followed), `None` when it is neither.
    fn kind(&self, path: &Path) -> Option<Kind>;
    /// The entries of a folder, in no particular order.
    fn list(&self, dir: &Path) -> io::Result<Vec<Entry>>;
    /// The file's identity: its canonical path (two names of one file are one file); the
    /// path itself when it has none.
    fn canonical(&self, path: &Path) -> PathBuf;

    fn is_file(&self, path: &Path) -> bool {
        self.kind(path) == Some(Kind::File)
    }
    fn is_folder(&self, path: &Path) -> bool {
        self.kind(path) == Some(Kind::Folder)
    }
}

/// The files of this computer.
#[derive(Debug, Clone, Copy, Default)]
pub struct Disk;

/// The disk, for callers that name no source.
pub static DISK: Disk = Disk;

/// The disk as a shared source.
pub fn disk() -> Arc<dyn Source + Send> {
    Arc::new(Disk)
}

impl Source for Disk {
    fn read(&self, path: &Path, limit: u64) -> io::Result<Vec<u8>> {
        let handle = std::fs::File::open(path)?;
        let size = handle.metadata().map(|m| m.len()).unwrap_or(0);
        // The size on disk can be wrong (a pipe, a file still growing): never read past the
        // limit.
        let mut bytes = Vec::with_capacity(size.min(limit.saturating_add(1)) as usize);
        handle
            .take(limit.saturating_add(1))
            .read_to_end(&mut bytes)?;
        Ok(bytes)
    }

    fn size(&self, path: &Path) -> io::Result<u64> {
        Ok(std::fs::metadata(path)?.len())
    }

    fn kind(&self, path: &Path) -> Option<Kind> {
        let meta = std::fs::metadata(path).ok()?;
        if meta.is_file() {
            Some(Kind::File)
        } else if meta.is_dir() {
            Some(Kind::Folder)
        } else {
            None
        }
    }

    fn list(&self, dir: &Path) -> io::Result<Vec<Entry>> {
        let mut out = Vec::new();
        for entry in std::fs::read_dir(dir)? {
            let entry = entry?;
            out.push(Entry {
                path: entry.path(),
                name: entry.file_name().to_str().map(str::to_string),
                folder: entry.file_type()?.is_dir(),
            });
        }
        Ok(out)
    }

    fn canonical(&self, path: &Path) -> PathBuf {
        std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
    }
}

/// Files held in memory over another source: each is read, listed in its folder and
/// matched by globs as if it were written there; everything else is the source below.
pub struct Overlay {
    below: Arc<dyn Source + Send>,
    files: BTreeMap<PathBuf, Vec<u8>>,
}

impl Overlay {
    pub fn new(below: Arc<dyn Source + Send>) -> Overlay {
        Overlay {
            below,
            files: BTreeMap::new(),
        }
    }

    /// The overlay with `bytes` as the file `path` (replacing the file below, if any).
    pub fn with(mut self, path: &Path, bytes: Vec<u8>) -> Overlay {
        self.files.insert(clean(path), bytes);
        self
    }

    fn get(&self, path: &Path) -> Option<&Vec<u8>> {
        self.files.get(&clean(path))
    }
}

/// A path without `.` components, so `./a.yaml` and `a.yaml` are one file of the overlay.
fn clean(path: &Path) -> PathBuf {
    path.components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .collect()
}

impl Source for Overlay {
    fn read(&self, path: &Path, limit: u64) -> io::Result<Vec<u8>> {
        match self.get(path) {
            Some(bytes) => {
                let end = bytes
                    .len()
                    .min(usize::try_from(limit.saturating_add(1)).unwrap_or(usize::MAX));
                Ok(bytes.get(..end).unwrap_or(bytes).to_vec())
            }
            None => self.below.read(path, limit),
        }
    }

    fn size(&self, path: &Path) -> io::Result<u64> {
        match self.get(path) {
            Some(bytes) => Ok(bytes.len() as u64),
            None => self.below.size(path),
        }
    }

    fn kind(&self, path: &Path) -> Option<Kind> {
        if self.get(path).is_some() {
            return Some(Kind::File);
        }
        let folder = clean(path);
        if self
            .files
            .keys()
            .any(|f| f.starts_with(&folder) && *f != folder)
        {
            return Some(Kind::Folder);
        }
        self.below.kind(path)
    }

    fn list(&self, dir: &Path) -> io::Result<Vec<Entry>> {
        let folder = clean(dir);
        let mine: Vec<Entry> = self
            .files
            .keys()
            .filter(|f| f.parent().unwrap_or(Path::new("")) == folder)
            .map(|f| Entry {
                path: dir.join(f.file_name().unwrap_or_default()),
                name: f.file_name().and_then(|n| n.to_str()).map(str::to_string),
                folder: false,
            })
            .collect();
        let mut out = match self.below.list(dir) {
            Ok(entries) => entries,
            Err(e) if mine.is_empty() => return Err(e),
            Err(_) => Vec::new(),
        };
        out.retain(|e| !mine.iter().any(|m| m.path == e.path));
        out.extend(mine);
        Ok(out)
    }

    fn canonical(&self, path: &Path) -> PathBuf {
        if self.get(path).is_some() {
            // An absolute, clean name: two spellings of one buffer are one child.
            let absolute = if path.is_absolute() {
                clean(path)
            } else {
                std::env::current_dir()
                    .map(|d| clean(&d.join(path)))
                    .unwrap_or_else(|_| clean(path))
            };
            return absolute;
        }
        self.below.canonical(path)
    }
}

/// The paths a glob pattern matches in `source` (files and folders, in no particular
/// order), as the `glob` crate would spell them: the pattern's literal folder joined with
/// the names found below it.
pub fn glob(
    source: &dyn Source,
    pattern: &str,
    options: glob::MatchOptions,
) -> Result<Vec<PathBuf>, glob::PatternError> {
    let matcher = glob::Pattern::new(pattern)?;
    let wild = |s: &str| s.contains(['*', '?', '[']);
    let parts: Vec<&str> = pattern.split('/').collect();
    let literal = parts.iter().take_while(|p| !wild(p)).count();
    if literal == parts.len() {
        let path = PathBuf::from(pattern);
        return Ok(source.kind(&path).map(|_| path).into_iter().collect());
    }
    let base = parts.get(..literal).unwrap_or_default().join("/");
    let rest = parts.get(literal..).unwrap_or_default();
    // How deep below the base a match can be: any depth with `**`.
    let depth = if rest.contains(&"**") {
        usize::MAX
    } else {
        rest.len()
    };
    let mut found = Vec::new();
    let start = if base.is_empty() && !pattern.starts_with('/') {
        None
    } else if base.is_empty() {
        Some(PathBuf::from("/"))
    } else {
        Some(PathBuf::from(&base))
    };
    walk(source, start.as_deref(), depth, &mut |path| {
        if matcher.matches_path_with(path, options) {
            found.push(path.to_path_buf());
        }
    });
    Ok(found)
}

/// Every path below `dir` (the current folder, spelled without `./`, for `None`) down to
/// `depth` levels, following folders but not links to folders.
fn walk(source: &dyn Source, dir: Option<&Path>, depth: usize, visit: &mut dyn FnMut(&Path)) {
    if depth == 0 {
        return;
    }
    let Ok(entries) = source.list(dir.unwrap_or(Path::new("."))) else {
        return;
    };
    for e in entries {
        let path = match (dir, &e.name) {
            (None, Some(name)) => PathBuf::from(name),
            (None, None) => continue,
            (Some(_), _) => e.path.clone(),
        };
        visit(&path);
        if e.folder {
            walk(source, Some(&path), depth - 1, visit);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options() -> glob::MatchOptions {
        glob::MatchOptions {
            case_sensitive: true,
            require_literal_separator: true,
            require_literal_leading_dot: true,
        }
    }

    #[test]
    fn a_buffer_is_read_listed_and_matched_as_a_file_of_its_folder() {
        let dir = std::env::temp_dir().join(format!("vanban-source-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("xa")).expect("dir");
        std::fs::write(dir.join("xa/a.yaml"), "on disk").expect("write");
        let overlay = Overlay::new(disk())
            .with(&dir.join("xa/b.yaml"), b"in memory".to_vec())
            .with(&dir.join("xa/a.yaml"), b"edited".to_vec());
        assert_eq!(
            overlay.read(&dir.join("xa/a.yaml"), 100).expect("read"),
            b"edited"
        );
        assert_eq!(
            overlay.read(&dir.join("xa/b.yaml"), 3).expect("read"),
            b"in m"
        );
        assert_eq!(overlay.kind(&dir.join("xa/b.yaml")), Some(Kind::File));
        assert_eq!(
            DISK.kind(&dir.join("xa/b.yaml")),
            None,
            "nothing was written"
        );
        let pattern = format!("{}/xa/*.yaml", dir.display());
        let mut matched = glob(&overlay, &pattern, options()).expect("glob");
        matched.sort();
        assert_eq!(matched, [dir.join("xa/a.yaml"), dir.join("xa/b.yaml")]);
        assert_eq!(
            glob(&DISK, &pattern, options()).expect("glob"),
            [dir.join("xa/a.yaml")]
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn globs_match_as_the_glob_crate_does() {
        let here = Path::new(env!("CARGO_MANIFEST_DIR"));
        for (pattern, least) in [("data/**/*.yaml", 6), ("data/huyen-*/xa/th*.yaml", 2)] {
            let pattern = format!("{}/{pattern}", here.display());
            let mut ours = glob(&DISK, &pattern, options()).expect("glob");
            ours.sort();
            let theirs: Vec<PathBuf> = glob::glob_with(&pattern, options())
                .expect("glob")
                .filter_map(Result::ok)
                .collect();
            assert!(ours.len() >= least, "{ours:?}");
            assert_eq!(ours, theirs);
        }
    }
}
