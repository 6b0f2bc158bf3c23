//! Loading a fact sheet: bytes → clean text → YAML tree → typed [`FactSheet`], with every
//! problem reported as a located [`Diagnostic`].
//!
//! The YAML is read in two steps so that one run reports several mistakes: the parser builds
//! a generic tree (syntax errors and duplicate keys stop here), then the tree is converted to
//! the typed model again and again, each time dropping the field that failed, until it
//! converts. A typo in one key therefore does not hide a wrong type three sections later.

use super::FactSheet;
use super::paths::{PathMap, Position};
use crate::diagnostic::Diagnostic;
use serde_json::Value;
use std::path::{Path, PathBuf};
use unicode_normalization::UnicodeNormalization;

/// A successfully loaded fact sheet and where its fields are.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub file: PathBuf,
    pub sheet: FactSheet,
    pub paths: PathMap,
    /// The YAML as a tree (after dropping fields that failed), for the open data checks.
    pub tree: Value,
    /// Errors in fields that were dropped so the rest could load. Non-empty means the sheet
    /// is incomplete: validate it to find more mistakes, but never render it.
    pub errors: Vec<Diagnostic>,
}

impl Loaded {
    /// Attaches the file and position of its path to a diagnostic.
    pub fn locate(&self, d: Diagnostic) -> Diagnostic {
        locate(d, &self.file, &self.paths)
    }
}

fn locate(mut d: Diagnostic, file: &Path, paths: &PathMap) -> Diagnostic {
    d.file = file.to_path_buf();
    if d.position.is_none() {
        d.position = paths.locate(&d.path);
    }
    d
}

/// Reads and parses a fact sheet file.
pub fn load_file(file: &Path) -> Result<Loaded, Vec<Diagnostic>> {
    let bytes = std::fs::read(file).map_err(|e| {
        vec![locate(
            Diagnostic::error("", format!("cannot read the file: {e}")).with_help(
                "check the path; fact sheets are YAML files such as data/phuong-ba-dinh-2024.yaml",
            ),
            file,
            &PathMap::default(),
        )]
    })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let before = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = before.iter().filter(|b| **b == b'\n').count() + 1;
        let column = String::from_utf8_lossy(before.rsplit(|b| *b == b'\n').next().unwrap_or(&[]))
            .chars()
            .count()
            + 1;
        let mut d = Diagnostic::error("", "the file is not UTF-8 text")
            .with_help("save it as UTF-8 (in Notepad: Save As → Encoding: UTF-8)");
        d.position = Some(Position { line, column });
        vec![locate(d, file, &PathMap::default())]
    })?;
    load_str(&text, file)
}

/// Text as the rest of the program sees it: no BOM, no control characters (a vertical tab
/// pasted from Excel makes an invalid DOCX), NFC-normalised so `ộ` typed as `ô` + combining
/// dot compares and prints like the precomposed letter.
pub fn clean_text(text: &str) -> String {
    text.trim_start_matches('\u{feff}')
        .chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\t' | '\r'))
        .nfc()
        .collect()
}

/// Parses fact-sheet text; `file` is used in diagnostics only.
pub fn load_str(text: &str, file: &Path) -> Result<Loaded, Vec<Diagnostic>> {
    let text = clean_text(text);
    let paths = PathMap::build(&text);
    let mut tree: Value = serde_saphyr::from_str(&text)
        .map_err(|e| vec![locate(syntax_diagnostic(&e, &paths), file, &paths)])?;

    let mut diagnostics: Vec<Diagnostic> = Vec::new();
    too_large(&tree, "", &mut diagnostics);
    let mut diagnostics: Vec<Diagnostic> = diagnostics
        .into_iter()
        .map(|d| locate(d, file, &paths))
        .collect();
    // Each failed pass removes one field, so this ends; the cap guards against a bug.
    for _ in 0..64 {
        match serde_path_to_error::deserialize::<_, FactSheet>(&tree) {
            Ok(sheet) => {
                diagnostics.sort_by_key(|d| d.position);
                return Ok(Loaded {
                    file: file.to_path_buf(),
                    sheet,
                    paths,
                    tree,
                    errors: diagnostics,
                });
            }
            Err(e) => {
                let path = e.path().to_string();
                let path = if path == "." { String::new() } else { path };
                let mut d = field_diagnostic(&path, &e.inner().to_string());
                if d.message.starts_with("unknown key") {
                    d.position = paths.locate_key(&d.path);
                }
                let removed = remove_failed(&mut tree, &path, &d.message);
                // A parent dropped for a missing field is then missing itself: say it once.
                let already = diagnostics.iter().any(|old| {
                    old.path == d.path
                        || old.path.starts_with(&format!("{}.", d.path))
                        || old.path.starts_with(&format!("{}[", d.path))
                });
                if !already {
                    diagnostics.push(locate(d, file, &paths));
                }
                if !removed {
                    break;
                }
            }
        }
    }
    diagnostics.sort_by_key(|d| d.position);
    Err(diagnostics)
}

/// No figure in these documents comes near a trillion; a larger number is a typo (an extra
/// digit, a pasted ID) and would overflow the arithmetic that derives phrases from it.
pub const LARGEST_FIGURE: f64 = 1e12;

fn too_large(node: &Value, path: &str, out: &mut Vec<Diagnostic>) {
    match node {
        Value::Number(n) if n.as_f64().is_some_and(|x| x.abs() > LARGEST_FIGURE) => {
            out.push(
                Diagnostic::error(path, format!("{n} is too large for a figure in a report"))
                    .with_help("check for an extra digit; figures must be below 1.000.000.000.000"),
            );
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                too_large(item, &format!("{path}[{i}]"), out);
            }
        }
        Value::Object(map) => {
            for (k, v) in map {
                too_large(v, &join(path, k), out);
            }
        }
        _ => {}
    }
}

/// A YAML syntax (or duplicate-key) error, with the parser's position.
fn syntax_diagnostic(e: &serde_saphyr::Error, paths: &PathMap) -> Diagnostic {
    let position = e.location().map(|l| Position {
        line: l.line() as usize,
        column: l.column() as usize,
    });
    let message = e.without_snippet().to_string();
    // The parser's message ends with its own "at line X column Y"; ours is in front.
    let message = match message.rfind(" at line ") {
        Some(cut) => message[..cut].to_string(),
        None => message,
    };
    let path = position
        .and_then(|p| paths.path_at(p))
        .unwrap_or("")
        .to_string();
    let help = if message.contains("duplicate") {
        "a key may appear once per mapping: merge the two entries or rename one"
    } else {
        "check the indentation (spaces, not tabs) and that every `key: value` has a space after the colon; quote text that starts with a special character such as `*`, `&`, `!`, `%`, `@` or `-`"
    };
    Diagnostic {
        position,
        ..Diagnostic::error(path, message).with_help(help)
    }
}

/// A conversion error of one field, with a fix suggestion.
fn field_diagnostic(path: &str, message: &str) -> Diagnostic {
    if let Some(field) = between_backticks(message, "unknown field `") {
        let expected = expected_names(message);
        // The path may already end with the offending key.
        let full = if path == field || path.ends_with(&format!(".{field}")) {
            path.to_string()
        } else {
            join(path, &field)
        };
        let mut d = Diagnostic::error(full, format!("unknown key `{field}`"));
        d = match nearest(&field, &expected) {
            Some(best) => d.with_help(format!(
                "did you mean `{best}`? (see docs/fact-sheet.md for every key)"
            )),
            None => d.with_help(format!(
                "keys allowed here: {}",
                expected
                    .iter()
                    .map(|s| format!("`{s}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        };
        return d;
    }
    if let Some(field) = between_backticks(message, "missing field `") {
        return Diagnostic::error(join(path, &field), format!("`{field}` is required here"))
            .with_help("add it (see `vanban init` for a commented example)");
    }
    if let Some(variant) = between_backticks(message, "unknown variant `") {
        let expected = expected_names(message);
        let mut d = Diagnostic::error(
            path,
            format!("`{variant}` is not one of the allowed values"),
        );
        d = d.with_help(format!(
            "write one of: {}",
            expected
                .iter()
                .map(|s| format!("`{s}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ));
        return d;
    }
    let help = if message.contains("expected u") || message.contains("expected i") {
        "write a whole number of 0 or more, without dots or spaces (3537, not 3.537)"
    } else if message.contains("expected f64") {
        "write a number with a dot for decimals (2.5)"
    } else if message.contains("date") || message.contains("input contains invalid characters") {
        "write dates as YYYY-MM-DD, e.g. 2024-11-05"
    } else if message.contains("expected a boolean") {
        "write true or false"
    } else if message.contains("expected a sequence") {
        "write a list: one `- item` per line"
    } else if message.contains("expected a string") {
        "put the text in quotes"
    } else {
        "see docs/fact-sheet.md for what this key takes"
    };
    Diagnostic::error(path, message.to_string()).with_help(help)
}

fn join(path: &str, key: &str) -> String {
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
fn expected_names(message: &str) -> Vec<String> {
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

/// Drops the field at `path` (or, for an unknown key, that key) so the next pass can go on.
/// Returns false when nothing could be removed.
fn remove_failed(tree: &mut Value, path: &str, message: &str) -> bool {
    if message.ends_with("is required here") {
        // Missing: nothing to drop; the parent cannot convert without it, so drop the parent.
        return match path.rfind(['.', '[']) {
            Some(cut) => remove_path(tree, &path[..cut]),
            None => false,
        };
    }
    remove_path(tree, path)
}

fn remove_path(tree: &mut Value, path: &str) -> bool {
    if path.is_empty() {
        return false;
    }
    let (parent, last) = match path.rfind(['.', '[']) {
        Some(cut) => (&path[..cut], &path[cut..]),
        None => ("", path),
    };
    let Some(node) = walk(tree, parent) else {
        return false;
    };
    if let Some(index) = last.strip_prefix('[').and_then(|s| s.strip_suffix(']')) {
        let Ok(i) = index.parse::<usize>() else {
            return false;
        };
        match node {
            Value::Array(items) if i < items.len() => {
                items.remove(i);
                true
            }
            _ => false,
        }
    } else {
        let key = last.trim_start_matches('.');
        match node {
            Value::Object(map) => map.remove(key).is_some(),
            _ => false,
        }
    }
}

fn walk<'a>(tree: &'a mut Value, path: &str) -> Option<&'a mut Value> {
    let mut node = tree;
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let (key, indices) = match part.find('[') {
            Some(cut) => (&part[..cut], &part[cut..]),
            None => (part, ""),
        };
        if !key.is_empty() {
            node = node.get_mut(key)?;
        }
        for index in indices.split(['[', ']']).filter(|s| !s.is_empty()) {
            node = node.get_mut(index.parse::<usize>().ok()?)?;
        }
    }
    Some(node)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nfc_and_control_characters() {
        let decomposed = "Pho\u{302}\u{300}\u{b}ng";
        assert_eq!(clean_text(decomposed), "Phồng");
        assert_eq!(clean_text("\u{feff}a\tb\r\n"), "a\tb\r\n");
    }

    #[test]
    fn nearest_key() {
        let keys: Vec<String> = ["households", "population", "name"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(nearest("housholds", &keys), Some("households".into()));
        assert_eq!(nearest("zzz", &keys), None);
    }

    #[test]
    fn remove_nested() {
        let mut v: Value = serde_json::json!({"a": {"b": [1, {"c": 2, "d": 3}]}});
        assert!(remove_path(&mut v, "a.b[1].c"));
        assert_eq!(v, serde_json::json!({"a": {"b": [1, {"d": 3}]}}));
        assert!(remove_path(&mut v, "a.b[0]"));
        assert!(!remove_path(&mut v, "a.x.y"));
    }
}
