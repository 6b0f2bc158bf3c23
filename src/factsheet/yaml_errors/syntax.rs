//! The whole file (empty, not a group of keys) and YAML syntax errors: duplicate keys, a
//! second document, anchors, merges, and the reader's own messages without its jargon.

use super::clean::clean_value_text;
use super::typed::{Found, found_args};
use super::{has_jargon, join};
use crate::diagnostic::{Diagnostic, Severity};
use crate::factsheet::paths::{PathMap, Position};
use crate::i18n::Args;
use crate::i18n::args;
use serde_json::Value;
use serde_saphyr::granit_parser::{Event, Parser};

// ---------------------------------------------------------------------------------------
// The whole file
// ---------------------------------------------------------------------------------------

/// True when the text holds no YAML content: only blank lines, comments and markers.
pub fn is_blank(text: &str) -> bool {
    text.lines().all(|l| {
        let l = l.trim();
        l.is_empty() || l.starts_with('#') || l == "---" || l == "..."
    })
}

/// The diagnostic for a file whose top is not `key: value` lines (a list, a single text).
pub fn not_a_group(value: &Value) -> Diagnostic {
    let found = Found {
        value: Some(value),
        literal: None,
    };
    Diagnostic::new(Severity::Error, "file-not-a-group", "", found_args(&found))
}

/// The diagnostic for a file with nothing in it.
pub fn empty_file() -> Diagnostic {
    Diagnostic::new(Severity::Error, "empty-file", "", Vec::new())
}

// ---------------------------------------------------------------------------------------
// Syntax errors
// ---------------------------------------------------------------------------------------

/// The error under the snippet and alias wrappers.
fn root_error(e: &serde_saphyr::Error) -> &serde_saphyr::Error {
    match e.without_snippet() {
        serde_saphyr::Error::AliasError { error, .. } => root_error(error),
        other => other,
    }
}

/// A YAML syntax error (or a duplicate key, a second document, a `.nan`), located.
pub fn syntax_diagnostic(e: &serde_saphyr::Error, source: &str, paths: &PathMap) -> Diagnostic {
    use serde_saphyr::Error as E;
    let e = root_error(e);
    let mut position = e.location().filter(|l| l.line() > 0).map(|l| Position {
        line: l.line() as usize,
        column: l.column().max(1) as usize,
    });
    let mut path = position
        .and_then(|p| paths.path_at(p))
        .unwrap_or("")
        .to_string();
    let (code, args): (&'static str, Args) = match e {
        E::DuplicateMappingKey { key, .. } => {
            let (args, at) = duplicate_key(key.as_deref(), position, source);
            if let Some(at) = at {
                path = at;
            }
            ("duplicate-key", args)
        }
        E::MultipleDocuments { .. } => {
            path.clear();
            // Point at the `---` that starts the second document.
            if let Some(p) = position {
                let marker = source
                    .lines()
                    .take(p.line)
                    .enumerate()
                    .filter(|(_, l)| l.starts_with("---"))
                    .map(|(i, _)| i + 1)
                    .last();
                if let Some(line) = marker {
                    position = Some(Position { line, column: 1 });
                }
            }
            ("multiple-documents", Vec::new())
        }
        E::NonFiniteFloat { value, .. } => (
            "not-a-number",
            args! {"found" => "code", "value" => value.as_str(), "hint" => "plain"},
        ),
        E::Budget { .. }
        | E::AliasReplayCounterOverflow { .. }
        | E::AliasReplayLimitExceeded { .. }
        | E::AliasExpansionLimitExceeded { .. }
        | E::AliasReplayStackDepthExceeded { .. }
        | E::RecursiveReferencesRequireWeakTypes { .. } => {
            path.clear();
            ("file-too-complex", args! {"cause" => "aliases"})
        }
        E::Eof { .. } => ("unexpected-end", Vec::new()),
        E::UnknownAnchor { .. } => ("unknown-anchor", Vec::new()),
        E::MergeKeyNotAllowed { .. } | E::MergeValueNotMapOrSeqOfMaps { .. } => {
            ("merge-not-allowed", Vec::new())
        }
        E::InvalidUtf8Input => ("not-utf8", Vec::new()),
        _ => {
            use serde_saphyr::MessageFormatter;
            let message = serde_saphyr::UserMessageFormatter
                .format_message(e)
                .into_owned();
            // Some messages end with their own "at line X column Y"; ours is in front.
            let message = match message.rfind(" at line ") {
                Some(cut) => message[..cut].to_string(),
                None => message,
            };
            // The parser's own words for the commonest slips, restated with their fix.
            if message.contains("recursion limit") {
                path.clear();
                ("file-too-complex", args! {"cause" => "brackets"})
            } else if message.contains("tabs") {
                path.clear();
                ("tab-indent", Vec::new())
            } else if message.contains("quoted scalar") {
                path.clear();
                // Point at the quote that opens it: the last line above with an odd count.
                if let Some(p) = position {
                    let opened = source
                        .lines()
                        .take(p.line)
                        .enumerate()
                        .filter(|(_, l)| l.matches('"').count() % 2 == 1)
                        .last();
                    if let Some((i, l)) = opened {
                        let column = l.rfind('"').map_or(1, |b| l[..b].chars().count() + 1);
                        position = Some(Position {
                            line: i + 1,
                            column,
                        });
                    }
                }
                ("unclosed-quote", Vec::new())
            } else if message.contains("indicator") || message.contains("flow") {
                path.clear();
                ("unclosed-bracket", Vec::new())
            } else {
                let shape = if has_jargon(&message) {
                    "jargon"
                } else {
                    "detail"
                };
                ("yaml-syntax", args! {"shape" => shape, "detail" => message})
            }
        }
    };
    Diagnostic {
        position,
        ..Diagnostic::new(Severity::Error, code, path, args)
    }
}

/// Words of the libraries' vocabulary a clerk cannot act on.
pub const JARGON: &[&str] = &[
    "expected u",
    "expected i",
    "expected f64",
    "struct ",
    "invalid type",
    "invalid value",
    "DuplicateKeyPolicy",
    "from_str_multiple",
    "budget",
    "policy",
    "serde",
];

/// The arguments of `duplicate-key` (`key `households` appears twice (lines 12 and 15)`),
/// and the path of the key.
fn duplicate_key(
    key: Option<&str>,
    position: Option<Position>,
    source: &str,
) -> (Args, Option<String>) {
    let Some(key) = key else {
        return (args! {"shape" => "anonymous"}, None);
    };
    let keys = mapping_keys(source);
    // The second occurrence: the last one of that name at or before the error.
    let second = keys
        .iter()
        .rfind(|k| k.key == key && position.is_none_or(|p| k.position <= p))
        .or_else(|| keys.iter().rfind(|k| k.key == key));
    let Some(second) = second else {
        return (args! {"shape" => "bare", "key" => key, "n" => 2usize}, None);
    };
    let mut lines: Vec<usize> = keys
        .iter()
        .filter(|k| k.key == key && k.parent == second.parent)
        .map(|k| k.position.line)
        .collect();
    lines.dedup();
    let count = keys
        .iter()
        .filter(|k| k.key == key && k.parent == second.parent)
        .count();
    // Twice is said for 0 to 2: the parser reports a key it saw at least twice.
    let n = count.max(2);
    let args = match lines.as_slice() {
        [] => args! {"shape" => "bare", "key" => key, "n" => n},
        [one] => args! {"shape" => "one", "key" => key, "n" => n, "last" => *one},
        [init @ .., last] => args! {
            "shape" => "lines", "key" => key, "n" => n, "last" => *last,
            "lines" => init.iter().map(usize::to_string).collect::<Vec<_>>().join(", ")
        },
    };
    (args, Some(join(&second.parent, key)))
}

/// One key of a mapping as written in the file.
#[derive(Debug)]
struct KeyAt {
    parent: String,
    key: String,
    position: Position,
}

/// Every mapping key of the file with its parent path, in file order.
fn mapping_keys(source: &str) -> Vec<KeyAt> {
    enum Frame {
        Map { path: String, key: Option<String> },
        Seq { path: String, index: usize },
    }
    fn child(stack: &mut [Frame]) -> String {
        match stack.last_mut() {
            None => String::new(),
            Some(Frame::Seq { path, index }) => {
                let p = format!("{path}[{index}]");
                *index += 1;
                p
            }
            Some(Frame::Map { path, key }) => match key.take() {
                Some(k) => join(path, &k),
                None => "?".to_string(),
            },
        }
    }
    let mut out = Vec::new();
    let mut stack: Vec<Frame> = Vec::new();
    for item in Parser::new_from_str(source) {
        let Ok((event, span)) = item else { break };
        let position = Position {
            line: span.start.line(),
            column: span.start.col() + 1,
        };
        match event {
            Event::Scalar(value, ..) => match stack.last_mut() {
                Some(Frame::Map { path, key }) => {
                    if key.is_none() {
                        let value = clean_value_text(&value);
                        out.push(KeyAt {
                            parent: path.clone(),
                            key: value.clone(),
                            position,
                        });
                        *key = Some(value);
                    } else {
                        *key = None;
                    }
                }
                Some(Frame::Seq { index, .. }) => *index += 1,
                None => {}
            },
            Event::MappingStart(..) => {
                let path = child(&mut stack);
                stack.push(Frame::Map { path, key: None });
            }
            Event::SequenceStart(..) => {
                let path = child(&mut stack);
                stack.push(Frame::Seq { path, index: 0 });
            }
            Event::MappingEnd | Event::SequenceEnd => {
                stack.pop();
            }
            Event::Alias(_) => {
                child(&mut stack);
            }
            Event::DocumentEnd => stack.clear(),
            _ => {}
        }
    }
    out
}
