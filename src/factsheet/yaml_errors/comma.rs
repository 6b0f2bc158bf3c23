//! An unquoted comma in `{ ... }`: YAML splits the text into several keys without values;
//! the loader reports it as a text that needs quotes.

use super::clean::clean_value_text;
use super::join;
use crate::diagnostic::{Diagnostic, Severity};
use crate::factsheet::paths::PathMap;
use crate::i18n::args;

/// Text with an unquoted comma inside a flow mapping, split by YAML into several keys.
#[derive(Debug, PartialEq)]
pub struct CommaSplit {
    /// Each split text: its key and the whole text as meant.
    pub texts: Vec<(String, String)>,
    /// The fragments YAML read as keys (with no value), cleaned as the tree's keys are.
    pub fragments: Vec<String>,
}

impl CommaSplit {
    /// One diagnostic for the line; `parent` is the path of the mapping.
    pub fn diagnostic(&self, parent: &str, paths: &PathMap) -> Diagnostic {
        let keys: Vec<String> = self.texts.iter().map(|(k, _)| format!("`{k}`")).collect();
        let fixes: Vec<String> = self
            .texts
            .iter()
            .map(|(k, v)| format!("{k}: {}", quote(v)))
            .collect();
        let first_key = self
            .texts
            .first()
            .map(|(k, _)| k.as_str())
            .unwrap_or_default();
        let first = join(parent, first_key);
        // The lists go as all-but-last and last: the catalogue joins them with its "and".
        let (keys, last) = split_last(&keys);
        let (fixes, last_fix) = split_last(&fixes);
        let mut d = Diagnostic::new(
            Severity::Error,
            "comma-in-text",
            first.clone(),
            args! {"n" => self.texts.len(), "keys" => keys, "last" => last,
            "fixes" => fixes, "last-fix" => last_fix},
        );
        d.position = paths.locate(&first);
        d
    }
}

/// `["a", "b", "c"]` → `("a, b", "c")`.
fn split_last(items: &[String]) -> (String, String) {
    match items {
        [] => (String::new(), String::new()),
        [init @ .., last] => (init.join(", "), last.clone()),
    }
}

/// Text in double quotes (single quotes when it holds a double quote).
fn quote(text: &str) -> String {
    if text.contains('"') {
        format!("'{}'", text.replace('\'', "''"))
    } else {
        format!("\"{text}\"")
    }
}

/// Finds, on `line` of `source`, a `{ ... }` in which `fragment` is an entry without a
/// value that follows a `key: text` entry: a text cut at its commas.
pub fn comma_split(source: &str, line: usize, fragment: &str) -> Option<CommaSplit> {
    let text = source.lines().nth(line.checked_sub(1)?)?;
    for group in flow_groups(text) {
        let entries = split_top_level(&group);
        let mut split = CommaSplit {
            texts: Vec::new(),
            fragments: Vec::new(),
        };
        let mut current: Option<(String, String)> = None;
        let mut found = false;
        for entry in &entries {
            match entry_kind(entry) {
                Entry::Bare(bare) => {
                    if let Some((_, value)) = current.as_mut() {
                        value.push_str(", ");
                        value.push_str(bare);
                        let cleaned = clean_value_text(bare);
                        found |= cleaned == fragment;
                        split.fragments.push(cleaned);
                    }
                }
                Entry::Text(key, value) => {
                    close(&mut current, &mut split);
                    current = Some((key.to_string(), value.to_string()));
                }
                Entry::Other => close(&mut current, &mut split),
            }
        }
        close(&mut current, &mut split);
        if found {
            return Some(split);
        }
    }
    None
}

fn close(current: &mut Option<(String, String)>, split: &mut CommaSplit) {
    if let Some((key, value)) = current.take()
        && value.contains(", ")
    {
        split.texts.push((key, value));
    }
}

enum Entry<'a> {
    /// No `: `: YAML reads it as a key without a value.
    Bare(&'a str),
    /// `key: plain text` (unquoted, not a number).
    Text(&'a str, &'a str),
    Other,
}

fn entry_kind(entry: &str) -> Entry<'_> {
    let entry = entry.trim();
    if entry.is_empty() || entry.starts_with(['"', '\'', '[', '{', '&', '*', '!', '#']) {
        return Entry::Other;
    }
    let colon = entry
        .find(": ")
        .or_else(|| entry.strip_suffix(':').map(|s| s.len()));
    let Some(colon) = colon else {
        return Entry::Bare(entry);
    };
    let key = entry[..colon].trim();
    let value = entry[colon + 1..].trim();
    let plain_text = !value.is_empty()
        && !value.starts_with(['"', '\'', '[', '{', '&', '*', '!'])
        && value.parse::<f64>().is_err()
        && !matches!(value, "true" | "false" | "null" | "~");
    if plain_text {
        Entry::Text(key, value)
    } else {
        Entry::Other
    }
}

/// The contents of every `{ ... }` that opens and closes on the line, innermost last.
fn flow_groups(line: &str) -> Vec<String> {
    let mut groups = Vec::new();
    let mut opens: Vec<usize> = Vec::new();
    let mut quote: Option<char> = None;
    let chars: Vec<char> = line.chars().collect();
    let mut prev = ' ';
    for (i, &c) in chars.iter().enumerate() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None => match c {
                '"' | '\'' if matches!(prev, ' ' | ',' | '{' | '[' | ':') => quote = Some(c),
                '#' if prev == ' ' => break,
                '{' => opens.push(i),
                '}' => {
                    if let Some(start) = opens.pop() {
                        groups.push(chars.get(start + 1..i).unwrap_or_default().iter().collect());
                    }
                }
                _ => {}
            },
        }
        prev = c;
    }
    groups
}

/// Splits at commas outside quotes and brackets.
fn split_top_level(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut prev = ' ';
    for c in text.chars() {
        match quote {
            Some(q) => {
                if c == q {
                    quote = None;
                }
                current.push(c);
            }
            None => match c {
                '"' | '\'' if matches!(prev, ' ' | ',' | '{' | '[' | ':') => {
                    quote = Some(c);
                    current.push(c);
                }
                '{' | '[' => {
                    depth += 1;
                    current.push(c);
                }
                '}' | ']' => {
                    depth = depth.saturating_sub(1);
                    current.push(c);
                }
                ',' if depth == 0 => out.push(std::mem::take(&mut current)),
                _ => current.push(c),
            },
        }
        prev = c;
    }
    out.push(current);
    out
}
