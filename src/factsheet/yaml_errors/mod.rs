//! Messages in a clerk's terms for everything the YAML reader or the typed conversion
//! rejects, and the cleaning every text value gets once the YAML is read.
//!
//! serde and serde-saphyr describe mistakes in a programmer's terms (`invalid type: string
//! "abc", expected u32`, `set DuplicateKeyPolicy in Options`); nothing of that reaches the
//! user. Each mistake is restated as what was found and what is expected, with a fix.

mod clean;
mod comma;
mod syntax;
mod typed;

pub use clean::{clean_tree, clean_value_text, neutralise_controls};
pub use comma::{CommaSplit, comma_split};
pub use syntax::{JARGON, empty_file, is_blank, not_a_group, syntax_diagnostic};
pub use typed::{Found, field_diagnostic, grouped_thousands, number_literal};

// ---------------------------------------------------------------------------------------
// Shared helpers
// ---------------------------------------------------------------------------------------

/// Whether a parser's message speaks the programmer's language (serde, options, visitors):
/// such a message is restated, never shown.
pub(super) fn has_jargon(text: &str) -> bool {
    let lower = text.to_lowercase();
    JARGON.iter().any(|j| lower.contains(&j.to_lowercase()))
        || [
            "deserializ",
            "option<",
            "options",
            "visitor",
            "unit struct",
            "enum",
        ]
        .iter()
        .any(|j| lower.contains(j))
}

fn last_key(path: &str) -> &str {
    let path = path.trim_end_matches(|c: char| c == ']' || c.is_ascii_digit());
    let path = path.trim_end_matches('[');
    path.rsplit('.').next().unwrap_or(path)
}

fn backticked(names: &[String]) -> String {
    names
        .iter()
        .map(|s| format!("`{s}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

fn between_backticks(message: &str, prefix: &str) -> Option<String> {
    let start = message.find(prefix)? + prefix.len();
    let end = message[start..].find('`')? + start;
    Some(message[start..end].to_string())
}

/// The names listed after "expected one of" (or "expected `x`") in a serde message.
pub fn expected_names(message: &str) -> Vec<String> {
    let Some(at) = message.find("expected") else {
        return Vec::new();
    };
    message[at..]
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

/// The allowed name closest to a typo, if any is close enough to be a likely intent.
pub fn nearest(word: &str, candidates: &[String]) -> Option<String> {
    candidates
        .iter()
        .map(|c| (strsim::damerau_levenshtein(word, c), c))
        .filter(|(dist, c)| *dist <= 2.max(c.chars().count() / 3))
        .min_by_key(|(dist, _)| *dist)
        .map(|(_, c)| c.clone())
}
