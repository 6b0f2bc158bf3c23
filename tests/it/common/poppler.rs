//! Reading PDFs back with poppler's tools (`pdftotext`, `pdfinfo`, `pdffonts`, from
//! poppler-utils, which `.ci/run` installs), so tests see what a reader of the PDF sees.
#![allow(dead_code)]

use std::path::PathBuf;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Writes `pdf` to a fresh file in the temp dir (removed again after use) and returns its
/// path.
pub fn save(pdf: &[u8]) -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let path = std::env::temp_dir().join(format!(
        "vanban-pdf-test-{}-{}.pdf",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::write(&path, pdf).expect("write temp pdf");
    path
}

/// Runs a poppler tool and returns its stdout; a missing tool is a clear failure.
pub fn poppler(tool: &str, args: &[&str], pdf: &[u8]) -> String {
    let path = save(pdf);
    let output = Command::new(tool)
        .args(args)
        .arg(&path)
        .args(if tool == "pdftotext" {
            &["-"][..]
        } else {
            &[][..]
        })
        // pdfinfo prints dates in the local zone; pin it.
        .env("TZ", "UTC")
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "cannot run `{tool}` ({e}): install poppler-utils (apt-get install poppler-utils)"
            )
        });
    let _ = std::fs::remove_file(&path);
    assert!(
        output.status.success(),
        "{tool} {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("poppler output is UTF-8")
}
