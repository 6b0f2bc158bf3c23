//! Writing output files atomically: the bytes go to a temporary file beside the target, which
//! is then renamed over it. A crash or a full disk never leaves a half-written document, and a
//! document open in another program keeps its old content until the new one is complete.

use crate::diagnostic::{Diagnostic, Severity};
use crate::factsheet::load::Loaded;
use crate::i18n::args;
use anyhow::{Context, Result};
use std::io::Write;
use std::path::Path;

/// Documents of one sheet that would write one file: a document's files are named after its
/// template, so two documents of one template overwrite each other (only the last would be
/// left, and the manifest would hold two hashes for one path). One error per document after
/// the first, at its `template:` line.
pub fn collisions(loaded: &Loaded) -> Vec<Diagnostic> {
    let documents = &loaded.sheet.documents;
    let mut out = Vec::new();
    for (i, spec) in documents.iter().enumerate() {
        let Some(first) = documents
            .iter()
            .take(i)
            .position(|d| d.template == spec.template)
        else {
            continue;
        };
        let name = &spec.template;
        out.push(loaded.locate(Diagnostic::new(
            Severity::Error,
            "documents-same-file",
            format!("documents[{i}].template"),
            args! {
                "first" => first.to_string(),
                "second" => i.to_string(),
                "name" => name,
            },
        )));
    }
    out
}

/// The temporary name of `name` while this process writes it: `.NAME.PID.tmp`, recognisable
/// so that the next run can remove what a killed run left behind ([`remove_stale`]).
fn temp_name(name: &str) -> String {
    format!(".{name}.{}.tmp", std::process::id())
}

/// Removes the temporary files that another vanban process left in `dir` (killed before
/// its rename): `.NAME.PID.tmp` where PID is not this process and, where the system says
/// (Linux `/proc`), not a running one either, so a concurrent run keeps its files. Returns
/// how many were removed; a folder that does not exist has none.
pub fn remove_stale(dir: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let own = std::process::id();
    let proc = Path::new("/proc/self").exists();
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(temp_pid) else {
            continue;
        };
        let running = pid == own || (proc && Path::new(&format!("/proc/{pid}")).exists());
        if !running && std::fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// The process id in a temporary name written by [`write_atomic`], if `name` is one.
fn temp_pid(name: &str) -> Option<u32> {
    let rest = name.strip_prefix('.')?.strip_suffix(".tmp")?;
    let (target, pid) = rest.rsplit_once('.')?;
    if target.is_empty() || pid.is_empty() || !pid.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    pid.parse().ok()
}

/// Writes `bytes` to `path` via a temporary file in the same folder and a rename, so a reader
/// (or a run killed half-way) sees the old file or the new one, never a part. The data is not
/// forced to disk first: that doubled a province batch's time (53 s → 25 s measured), and
/// after a power loss the manifest's output hashes find any file the disk lost and render it
/// again.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(temp_name(&name));
    // The folder is made only when it is missing: a batch writes thousands of files into
    // folders that exist, and a `mkdir` per file was 1% of a province's time.
    let mut file = std::fs::File::create(&tmp);
    if file
        .as_ref()
        .is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound)
    {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("cannot create the folder {}", dir.display()))?;
        file = std::fs::File::create(&tmp);
    }
    let result = (|| -> std::io::Result<()> {
        let mut f = file?;
        f.write_all(bytes)?;
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(e).with_context(|| format!("cannot write {}", path.display()));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_and_leaves_no_temp_file() {
        let dir = std::env::temp_dir().join(format!("vanban-out-{}", std::process::id()));
        let path = dir.join("a/b.txt");
        write_atomic(&path, b"one").expect("first write");
        write_atomic(&path, b"two").expect("second write");
        assert_eq!(std::fs::read(&path).expect("read back"), b"two");
        let names: Vec<_> = std::fs::read_dir(dir.join("a"))
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names.len(), 1);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn stale_temporary_files_are_recognised_and_removed() {
        assert_eq!(temp_pid(".b.docx.123.tmp"), Some(123));
        assert_eq!(temp_pid("..vanban-manifest.json.9.tmp"), Some(9));
        for name in [
            "b.docx",
            ".b.docx.tmp",
            ".b.docx.12a.tmp",
            "..1.tmp",
            ".b.docx.1.tmp~",
        ] {
            assert_eq!(temp_pid(name), None, "{name}");
        }
        let dir = std::env::temp_dir().join(format!("vanban-stale-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        // A pid above the kernel's maximum (4194304) is never running.
        let dead = dir.join(".b.docx.99999999.tmp");
        let own = dir.join(temp_name("c.pdf"));
        let kept = dir.join("b.docx");
        for p in [&dead, &own, &kept] {
            std::fs::write(p, b"x").expect("write");
        }
        assert_eq!(remove_stale(&dir), 1);
        assert!(!dead.exists() && own.exists() && kept.exists());
        let _ = std::fs::remove_dir_all(&dir);
        assert_eq!(remove_stale(&dir), 0);
    }
}
