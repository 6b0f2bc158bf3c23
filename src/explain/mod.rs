//! `vanban explain`: where every number of a document comes from, for the clerk who signs it.
//!
//! Each document is rendered as `render` renders it, its text written as the `txt` writer
//! writes it, and every number of that text is matched to the values that print it:
//!
//! - a figure typed in the fact sheet (its `file:line:col`), or taken from a workbook cell;
//! - a figure the sheet leaves out and its children give (each child's file and value);
//! - a child's own figure (a district's appendix row per commune);
//! - a value vanban computes (`derived.*`, the period's dates, the TT124 verdicts), with the
//!   fields it is computed from;
//! - a phrase function a template calls (`ratio`, `compare`, `change`, `stats`, `total`,
//!   `table`, `chart`), with its inputs;
//! - the template's own text (legal citations, thresholds), at its line;
//! - the layout (section and list numbers, footnote marks, a table's row numbers).
//!
//! A value is matched by the forms the filters print it in (`08`, `3.537`, `77,4%`,
//! `ngày 05 tháng 11 năm 2024`); the longest form found around a number wins, so the document
//! date explains the `2024` of the place-date line, not the period's year. A number no form
//! covers is reported unexplained.

mod forms;
mod layout;
mod scan;
mod source;
mod sources;

use crate::check::Checked;
use crate::diagnostic::{Diagnostic, Diagnostics, Severity};
use crate::i18n::args;
use crate::template::Templates;
use crate::workbook::Workbook;
use serde::Serialize;
pub use source::{Input, Part, Source};
use sources::Catalogue;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// The explanation of every document of one fact sheet.
#[derive(Debug, Clone, Serialize)]
pub struct Explanation {
    pub file: PathBuf,
    pub documents: Vec<DocumentExplanation>,
}

/// The numbers of one document, in reading order.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentExplanation {
    pub template: String,
    /// The document as the `txt` writer prints it (lines are counted in it).
    #[serde(skip)]
    pub text: String,
    pub numbers: Vec<Number>,
}

/// One number of a document's text and where it comes from.
#[derive(Debug, Clone, Serialize)]
pub struct Number {
    /// 1-based line and column (in characters) in the text output.
    pub line: usize,
    pub column: usize,
    pub text: String,
    /// The words around it.
    pub context: String,
    /// Empty when nothing explains it.
    pub sources: Vec<Source>,
}

impl DocumentExplanation {
    /// The numbers nothing explains.
    pub fn unexplained(&self) -> impl Iterator<Item = &Number> {
        self.numbers.iter().filter(|n| n.sources.is_empty())
    }
}

impl Explanation {
    /// The human report: per document, one line per number with its sources below it.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for d in &self.documents {
            out.push_str(&format!("== {} ({})\n", d.template, self.file.display()));
            for n in &d.numbers {
                out.push_str(&format!(
                    "{:>4}:{:<3} {:<10} {}\n",
                    n.line, n.column, n.text, n.context
                ));
                if n.sources.is_empty() {
                    out.push_str("           ? not explained: no value of the sheet, its children or the template prints it\n");
                }
                // Several fields can hold the same value: the likeliest few, and how many more.
                let shown = 4;
                for s in n.sources.iter().take(shown) {
                    out.push_str(&format!("           ← {s}\n"));
                }
                if n.sources.len() > shown {
                    out.push_str(&format!(
                        "           … or {} other value(s) printed the same way (--format json lists them)\n",
                        n.sources.len() - shown
                    ));
                }
            }
            let missing = d.unexplained().count();
            out.push_str(&format!(
                "   {} number(s), {} not explained\n",
                d.numbers.len(),
                missing
            ));
        }
        out
    }
}

/// Explains every document of a checked sheet (only `only` when given: a template name).
/// `workbook` is the `--figures` workbook the sheet was checked with, so that its figures
/// are placed at their cells.
pub fn explain(
    checked: &Checked,
    templates: &Templates,
    workbook: Option<&Workbook>,
    only: Option<&str>,
) -> Result<Explanation, Diagnostics> {
    let sheet = &checked.loaded.sheet;
    if let Some(name) = only
        && !sheet.documents.iter().any(|d| d.template == name)
    {
        let names: Vec<&str> = sheet
            .documents
            .iter()
            .map(|d| d.template.as_str())
            .collect();
        let mut d = Diagnostic::new(
            Severity::Error,
            "document-not-issued",
            "documents",
            args! {"template" => name, "names" => names.join(", ")},
        );
        d.file = checked.loaded.file.clone();
        return Err(Diagnostics(vec![d]));
    }
    let contexts = crate::produce::contexts(checked, templates);
    let mut catalogue = Catalogue::new(checked, workbook);
    let mut documents = Vec::new();
    for (index, (spec, value)) in sheet.documents.iter().zip(contexts).enumerate() {
        if only.is_some_and(|name| name != spec.template) {
            continue;
        }
        crate::template::trace::start();
        let doc = crate::produce::build_document(checked, templates, spec, &value);
        let calls = crate::template::trace::finish();
        let doc = doc.map_err(|d| Diagnostics(vec![*d]))?;
        let text = crate::writer::text::write(&doc);
        let mut forms: BTreeMap<String, Vec<usize>> = catalogue.sheet_forms();
        let mut add = |catalogue: &mut Catalogue, source: Source, printed: Vec<String>| {
            let id = catalogue.add(source);
            for f in printed {
                forms.entry(f).or_default().push(id);
            }
        };
        for (source, printed) in catalogue.context_sources(index, &value) {
            add(&mut catalogue, source, printed);
        }
        for (source, printed) in catalogue.call_sources(&calls) {
            add(&mut catalogue, source, printed);
        }
        for (name, source_text) in templates.lineage(&spec.template) {
            for (line, literal) in scan::literal_lines(source_text) {
                for segment in literal.split('\0') {
                    let printed = forms::windows(segment);
                    if !printed.is_empty() {
                        let source = Source::Template {
                            template: name.to_string(),
                            line,
                        };
                        add(&mut catalogue, source, printed);
                    }
                }
            }
        }
        let mut found = scan::occurrences(&text, &forms);
        found.extend(layout::layout(&text, &doc, &mut catalogue));
        let numbers = scan::tokens(&text)
            .into_iter()
            .map(|t| {
                let ids = scan::sources_of(&t, &found);
                let (line, column) = line_column(&text, t.start);
                Number {
                    line,
                    column,
                    text: text[t.start..t.end].to_string(),
                    context: context_around(&text, t.start, t.end),
                    sources: {
                        let mut s: Vec<Source> = ids
                            .iter()
                            .filter_map(|&i| catalogue.get(i).cloned())
                            .collect();
                        s.sort_by_key(Source::rank);
                        s
                    },
                }
            })
            .collect();
        documents.push(DocumentExplanation {
            template: spec.template.clone(),
            text,
            numbers,
        });
    }
    Ok(Explanation {
        file: checked.loaded.file.clone(),
        documents,
    })
}

fn line_column(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    (line, text[start..at].chars().count() + 1)
}

/// A few words either side of `text[start..end]`, on its line.
fn context_around(text: &str, start: usize, end: usize) -> String {
    let line_start = text[..start].rfind('\n').map(|i| i + 1).unwrap_or(0);
    let line_end = text[end..]
        .find('\n')
        .map(|i| end + i)
        .unwrap_or(text.len());
    let before: Vec<&str> = text[line_start..start].split(' ').collect();
    let after: Vec<&str> = text[end..line_end].split(' ').collect();
    let keep = 4;
    let b = before.len().saturating_sub(keep);
    let head = if b > 0 { "…" } else { "" };
    let tail = if after.len() > keep { "…" } else { "" };
    format!(
        "{head}{}{}{}{tail}",
        before.get(b..).unwrap_or_default().join(" "),
        &text[start..end],
        after
            .get(..keep.min(after.len()))
            .unwrap_or_default()
            .join(" ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_and_context() {
        let text = "a\nmột hai ba bốn năm 3.537 hộ, sáu bảy tám chín";
        let at = text.find("3.537").unwrap_or_default();
        assert_eq!(line_column(text, at), (2, 20));
        assert_eq!(
            context_around(text, at, at + 5),
            "…ba bốn năm 3.537 hộ, sáu bảy…"
        );
    }
}
