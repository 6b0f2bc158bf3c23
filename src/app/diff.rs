//! `vanban diff`: how the documents' text changes between two versions of a fact sheet.

use super::{Exit, Reporter};
use crate::template::Templates;
use std::path::{Path, PathBuf};

// What `diff` is asked to do (its `--help` is in locales/*/cli.ftl).
#[derive(clap::Args)]
pub struct Options {
    pub old: PathBuf,
    pub new: PathBuf,
    #[arg(long)]
    pub templates: Option<PathBuf>,
}

/// Prints, per document of the new sheet, the lines that changed on `out`.
pub fn run(options: Options, r: &Reporter) -> anyhow::Result<Exit> {
    let templates = Templates::load(options.templates.as_deref())?;
    let old = texts(&options.old, &templates, r);
    let new = texts(&options.new, &templates, r);
    let Some((old, new)) = old.zip(new) else {
        return Ok(Exit::Failed);
    };
    for (name, diff) in pair(&old, &new) {
        r.console.out(&format!("=== {name}\n{diff}"));
    }
    Ok(Exit::Success)
}

/// Each document of `new` with the lines changed from the document of the same name in
/// `old` (all of it when `old` has none); documents that did not change are left out.
pub fn pair<'a>(old: &[(String, String)], new: &'a [(String, String)]) -> Vec<(&'a str, String)> {
    new.iter()
        .filter_map(|(name, new_text)| {
            let old_text = old
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, t)| t.as_str())
                .unwrap_or("");
            let diff = crate::writer::text::diff_lines(old_text, new_text);
            (!diff.is_empty()).then_some((name.as_str(), diff))
        })
        .collect()
}

/// The text of every document of a fact sheet, or `None` after printing its diagnostics.
fn texts(file: &Path, templates: &Templates, r: &Reporter) -> Option<Vec<(String, String)>> {
    match crate::check::check(file, templates, None).and_then(|c| {
        r.report(&c.warnings);
        crate::produce::build_documents(&c, templates)
    }) {
        Err(d) => {
            r.report(&d);
            None
        }
        Ok(documents) => Some(
            documents
                .into_iter()
                .map(|(name, doc)| (name, crate::writer::text::write(&doc)))
                .collect(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(name: &str, text: &str) -> (String, String) {
        (name.to_string(), text.to_string())
    }

    #[test]
    fn documents_are_paired_by_name_and_unchanged_ones_left_out() {
        let old = [doc("a", "one\ntwo\n"), doc("b", "same\n")];
        let new = [
            doc("b", "same\n"),
            doc("a", "one\nthree\n"),
            doc("c", "new\n"),
        ];
        let pairs = pair(&old, &new);
        let names: Vec<&str> = pairs.iter().map(|(n, _)| *n).collect();
        assert_eq!(names, ["a", "c"]);
        assert!(pairs[0].1.contains("three"), "{}", pairs[0].1);
        assert!(
            pairs[1].1.contains("new"),
            "a document new in `new` shows whole"
        );
    }
}
