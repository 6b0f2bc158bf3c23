//! Reading a fact sheet's bytes once per run: the bytes hashed as read, and the parse-once
//! cache [`Loads`] every reader of the run shares.

use super::load::{LARGEST_FILE, Loaded, Patch, file_too_large, load_str_with, locate};
use super::paths::{PathMap, Position};
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::Source;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

/// A fact sheet's bytes as read once: the hash of exactly those bytes (what the incremental
/// manifest records: never a later re-read of the file), and the text or why it is not one.
#[derive(Debug)]
pub struct Read {
    /// Hex SHA-256 of the bytes read; `None` when the file could not be read whole.
    pub sha256: Option<String>,
    pub text: Result<String, Vec<Diagnostic>>,
}

/// Hex SHA-256 of `bytes`: the identity of what was read, which the manifest records and
/// the roll-up keys its copies of children by.
pub fn sha256(bytes: &[u8]) -> String {
    use sha2::{Digest as _, Sha256};
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Reads `file` from `source` once: at most [`LARGEST_FILE`] bytes, hashed as read, then as
/// UTF-8 text.
pub fn read_file(source: &dyn Source, file: &Path) -> Read {
    let cannot_read = |e: std::io::Error| Read {
        sha256: None,
        text: Err(vec![locate(
            Diagnostic::new(
                Severity::Error,
                "cannot-read-file",
                "",
                crate::i18n::args! {"detail" => e.to_string()},
            ),
            file,
            &PathMap::default(),
        )]),
    };
    let too_large = |size: u64| Read {
        sha256: None,
        text: Err(vec![locate(
            file_too_large(size),
            file,
            &PathMap::default(),
        )]),
    };
    match source.size(file) {
        Ok(size) if size > LARGEST_FILE => return too_large(size),
        Ok(_) => {}
        Err(e) => return cannot_read(e),
    }
    // The size on disk can be wrong (a pipe, a file still growing): the source never reads
    // past the limit.
    let bytes = match source.read(file, LARGEST_FILE) {
        Ok(bytes) => bytes,
        Err(e) => return cannot_read(e),
    };
    if bytes.len() as u64 > LARGEST_FILE {
        return too_large(bytes.len() as u64);
    }
    after_read(file);
    read_bytes(file, bytes)
}

/// [`read_file`] of bytes already in memory (standard input, an editor's buffer): `file`
/// names them in diagnostics; nothing is read.
pub fn read_bytes(file: &Path, bytes: Vec<u8>) -> Read {
    if bytes.len() as u64 > LARGEST_FILE {
        return Read {
            sha256: None,
            text: Err(vec![locate(
                file_too_large(bytes.len() as u64),
                file,
                &PathMap::default(),
            )]),
        };
    }
    let sha256 = Some(sha256(&bytes));
    let text = String::from_utf8(bytes).map_err(|e| {
        let before = e
            .as_bytes()
            .get(..e.utf8_error().valid_up_to())
            .unwrap_or_default();
        let line = before.iter().filter(|b| **b == b'\n').count() + 1;
        let column = String::from_utf8_lossy(before.rsplit(|b| *b == b'\n').next().unwrap_or(&[]))
            .chars()
            .count()
            + 1;
        let mut d = Diagnostic::new(Severity::Error, "not-utf8", "", Vec::new());
        d.position = Some(Position { line, column });
        vec![locate(d, file, &PathMap::default())]
    });
    Read { sha256, text }
}

/// The test hook of the race between reading a sheet and recording it (debug builds only, so
/// a release binary never looks at it): with `VANBAN_TEST_AFTER_READ=1`, a file
/// `<sheet>.after-read` beside a sheet just read is renamed over the sheet — exactly what a
/// clerk saving the sheet at that moment does, without a sleep in any test.
#[cfg(debug_assertions)]
fn after_read(file: &Path) {
    if std::env::var_os("VANBAN_TEST_AFTER_READ").is_some() {
        let mut next = file.as_os_str().to_owned();
        next.push(".after-read");
        let _ = std::fs::rename(&next, file);
    }
}

#[cfg(not(debug_assertions))]
fn after_read(_: &Path) {}

/// Fact sheets already read in this run, by path. In a batch over a province a khu dân cư's
/// sheet is read for itself and again for the roll-ups of its xã, huyện and tỉnh: its bytes
/// are read once, hashed as read, and parsed once (a copy is given after). Every reader in
/// the run therefore sees one version of a sheet, and the hash the manifest records for it
/// is the hash of that version, whatever happens to the file during the run.
pub struct Loads {
    /// Where the run reads: the disk, or buffers over it.
    source: Arc<dyn Source + Send>,
    read: Mutex<HashMap<PathBuf, Arc<Read>>>,
    parsed: Mutex<HashMap<PathBuf, Arc<Loaded>>>,
}

impl Default for Loads {
    fn default() -> Loads {
        Loads::over(crate::source::disk())
    }
}

/// A lock that a panic elsewhere leaves usable: no entry is ever half-inserted.
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl Loads {
    /// A run that reads from `source`.
    pub fn over(source: Arc<dyn Source + Send>) -> Loads {
        Loads {
            source,
            read: Mutex::default(),
            parsed: Mutex::default(),
        }
    }

    /// Where this run reads: every sheet, child and folder of the run is read through it.
    pub fn source(&self) -> &dyn Source {
        &*self.source
    }

    /// [`Self::source`], to keep beyond the run's borrow.
    pub fn shared_source(&self) -> Arc<dyn Source + Send> {
        Arc::clone(&self.source)
    }

    /// The bytes of `file` as this run read them (reading them now the first time).
    pub fn read(&self, file: &Path) -> Arc<Read> {
        if let Some(read) = lock(&self.read).get(file).cloned() {
            return read;
        }
        let read = Arc::new(read_file(&*self.source, file));
        // Two threads may read a file at once: the first to finish is the run's version.
        lock(&self.read)
            .entry(file.to_path_buf())
            .or_insert(read)
            .clone()
    }

    /// Gives `file` these bytes for the rest of the run: it is never read (a sheet from
    /// standard input or an editor's buffer, named `file` in messages).
    pub fn insert(&self, file: &Path, bytes: Vec<u8>) {
        let read = Arc::new(read_bytes(file, bytes));
        lock(&self.read).insert(file.to_path_buf(), read);
        lock(&self.parsed).remove(file);
    }

    /// The hash of `file`'s bytes as this run read them; `None` if it was not read whole.
    pub fn sha256(&self, file: &Path) -> Option<String> {
        lock(&self.read).get(file).and_then(|r| r.sha256.clone())
    }

    /// [`load_file`](super::load::load_file), or a copy of what it gave for `file` earlier
    /// in this run. Only a sheet that loads is kept parsed (an error is found again, with its
    /// lines, by each reader).
    pub fn load(&self, file: &Path) -> Result<Loaded, Vec<Diagnostic>> {
        let cached = lock(&self.parsed).get(file).cloned();
        if let Some(loaded) = cached {
            return Ok(Loaded::clone(&loaded));
        }
        let loaded = self.load_with(file, &mut |_, _| {})?;
        lock(&self.parsed).insert(file.to_path_buf(), Arc::new(loaded.clone()));
        Ok(loaded)
    }

    /// [`load_file_with`](super::load::load_file_with) on the bytes this run read for `file`
    /// (not kept parsed: the patch reports what it did to its caller).
    pub fn load_with(&self, file: &Path, patch: &mut Patch<'_>) -> Result<Loaded, Vec<Diagnostic>> {
        let read = self.read(file);
        let text = read.text.as_ref().map_err(Clone::clone)?;
        let mut loaded = load_str_with(text, file, patch)?;
        loaded.sha256 = read.sha256.clone();
        Ok(loaded)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::factsheet::load::tests::BASE;

    #[test]
    fn sha256_is_hex_of_the_standard_digest() {
        assert_eq!(
            sha256(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn a_sheet_is_parsed_once_per_run_and_an_error_every_time() {
        let dir = std::env::temp_dir().join(format!("vanban-loads-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let file = dir.join("a.yaml");
        std::fs::write(&file, BASE).expect("write");
        let loads = Loads::default();
        let first = loads.load(&file).expect("loads");
        // Changed on disk: the run keeps what it read (one run sees one version of a sheet).
        std::fs::write(&file, BASE.replace("1000", "2000")).expect("write");
        let second = loads.load(&file).expect("copy");
        assert_eq!(first.sheet.unit.households, second.sheet.unit.households);
        assert_eq!(
            second.paths.locate("unit.households").map(|p| p.line),
            Some(5)
        );
        // The hash is of the bytes parsed, not of the file as it is now.
        assert_eq!(loads.sha256(&file), Some(sha256(BASE.as_bytes())));
        assert_eq!(first.sha256, loads.sha256(&file));
        let broken = dir.join("b.yaml");
        std::fs::write(&broken, "unit: [").expect("write");
        let once = loads.load(&broken).expect_err("broken");
        std::fs::write(&broken, BASE).expect("write");
        let again = loads
            .load(&broken)
            .expect_err("the run's version is the broken one");
        assert_eq!(once, again, "the error is found again, with its line");
        assert!(
            Loads::default().load(&broken).is_ok(),
            "the next run reads it again"
        );
        assert_eq!(Loads::default().sha256(&broken), None, "nothing read yet");
        std::fs::remove_dir_all(&dir).expect("clean up");
    }
}
