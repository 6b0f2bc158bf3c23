//! Running the `vanban` binary from the project folder.

use std::process::{Command, Output};

/// The `vanban` binary with its messages in English (the expectations of most tests are
/// the English messages; tests of the Vietnamese ones set the language themselves).
pub fn command() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_vanban"));
    c.env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "en_US.UTF-8");
    c
}

/// Runs `vanban ARGS` in the project folder.
pub fn vanban(args: &[&str]) -> Output {
    command()
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("vanban runs")
}

/// What it printed on stderr.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Renders `sheet` (DOCX and PDF, with `--templates` when given) into `out`, asserting
/// success; returns the first written DOCX's and PDF's bytes (the sheet's first document).
pub fn render_docx_pdf(
    sheet: &str,
    templates: Option<&str>,
    out: &std::path::Path,
) -> (Vec<u8>, Vec<u8>) {
    let mut args = vec!["render", sheet, "-o", out.to_str().expect("utf-8")];
    if let Some(t) = templates {
        args.extend(["--templates", t]);
    }
    let o = vanban(&args);
    assert!(o.status.success(), "{}", stderr(&o));
    let written: Vec<std::path::PathBuf> = String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(std::path::PathBuf::from)
        .collect();
    let read = |ext: &str| {
        let path = written
            .iter()
            .find(|p| p.extension().is_some_and(|e| e == ext))
            .unwrap_or_else(|| panic!("no .{ext} among {written:?}"));
        std::fs::read(path).expect("read output")
    };
    (read("docx"), read("pdf"))
}
