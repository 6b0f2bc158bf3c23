//! Fresh temporary folders for integration tests: unique per call (process id + counter), so
//! tests running in parallel never share or delete each other's output.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

/// A new empty folder under the system temp dir, named after `name`.
pub fn temp_dir(name: &str) -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "vanban-test-{name}-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// Every file under `dir`, recursively, sorted.
pub fn files_under(dir: &std::path::Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                out.extend(files_under(&p));
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// Copies the tree `from` into `to`, each file's text passed through `edit` (the identity for
/// a plain copy; fixtures are text).
pub fn copy_tree_with(from: &std::path::Path, to: &std::path::Path, edit: &dyn Fn(&str) -> String) {
    std::fs::create_dir_all(to).expect("mkdir");
    for e in std::fs::read_dir(from).expect("read_dir") {
        let p = e.expect("entry").path();
        let target = to.join(p.file_name().expect("name"));
        if p.is_dir() {
            copy_tree_with(&p, &target, edit);
        } else {
            let text = std::fs::read_to_string(&p).expect("read");
            std::fs::write(&target, edit(&text)).expect("write");
        }
    }
}

/// [`copy_tree_with`] without changes.
pub fn copy_tree(from: &std::path::Path, to: &std::path::Path) {
    copy_tree_with(from, to, &|t| t.to_string());
}
