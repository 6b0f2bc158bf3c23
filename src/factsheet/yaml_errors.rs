//! Messages in a clerk's terms for everything the YAML reader or the typed conversion
//! rejects, and the cleaning every text value gets once the YAML is read.
//!
//! serde and serde-saphyr describe mistakes in a programmer's terms (`invalid type: string
//! "abc", expected u32`, `set DuplicateKeyPolicy in Options`); nothing of that reaches the
//! user. Each mistake is restated as what was found and what is expected, with a fix.

use super::paths::{PathMap, Position};
use crate::diagnostic::Diagnostic;
use serde_json::Value;
use serde_saphyr::granit_parser::{Event, Parser};
use unicode_normalization::UnicodeNormalization;

// ---------------------------------------------------------------------------------------
// Cleaning
// ---------------------------------------------------------------------------------------

/// What one character of a value becomes.
enum Clean {
    Keep(char),
    /// A line break or tab inside a value: a single space between words.
    Break,
    Drop,
}

fn clean_char(c: char) -> Clean {
    match c {
        // Pastes from Word, Excel and web pages: their plain equivalents.
        '\u{a0}' | '\u{3000}' => Clean::Keep(' '),
        '\u{2011}' => Clean::Keep('-'),
        '\u{200b}' | '\u{2060}' | '\u{feff}' => Clean::Drop,
        '\t' | '\u{b}' | '\u{c}' | '\r' | '\n' | '\u{85}' | '\u{2028}' | '\u{2029}' => Clean::Break,
        c if c.is_control() => Clean::Drop,
        c => Clean::Keep(c),
    }
}

/// One text value as the documents print it: pasted spaces and hyphens made plain, line
/// breaks and tabs turned into one space between words, every other control character
/// dropped (a vertical tab or an escape makes an invalid DOCX), NFC-normalised so `ộ`
/// typed as `ô` + combining dot compares and prints like the precomposed letter.
pub fn clean_value_text(s: &str) -> String {
    if unicode_normalization::is_nfc(s)
        && s.chars()
            .all(|c| matches!(clean_char(c), Clean::Keep(k) if k == c))
    {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.chars() {
        match clean_char(c) {
            Clean::Keep(k) => {
                if pending_space && k != ' ' && !out.is_empty() && !out.ends_with(' ') {
                    out.push(' ');
                }
                pending_space = false;
                out.push(k);
            }
            Clean::Break => pending_space = true,
            Clean::Drop => {}
        }
    }
    out.nfc().collect()
}

/// Text the YAML reader accepts: each raw control character other than a line break or a
/// tab, which YAML forbids, becomes one character that [`clean_value_text`] handles the same
/// way (a space for a vertical tab or form feed, a zero-width space for the rest, removed
/// after parsing). One character for one, so every position stays right.
pub fn neutralise_controls(text: &str) -> std::borrow::Cow<'_, str> {
    let odd = |c: char| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{85}');
    if !text.chars().any(odd) {
        return std::borrow::Cow::Borrowed(text);
    }
    text.chars()
        .map(|c| match c {
            '\u{b}' | '\u{c}' => ' ',
            c if odd(c) => '\u{200b}',
            c => c,
        })
        .collect()
}

/// Cleans every text value and every key of a parsed tree, once.
pub fn clean_tree(node: &mut Value) {
    match node {
        Value::String(s) => {
            let cleaned = clean_value_text(s);
            if cleaned != *s {
                *s = cleaned;
            }
        }
        Value::Array(items) => items.iter_mut().for_each(clean_tree),
        Value::Object(map) => {
            let old = std::mem::take(map);
            for (key, mut value) in old {
                clean_tree(&mut value);
                map.insert(clean_value_text(&key), value);
            }
        }
        _ => {}
    }
}

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
    Diagnostic::error("", format!("expected a group of keys, found {}", describe(&found)))
        .with_help("a fact sheet is a group of `key: value` lines starting with `schema: 1`: start from vanban init")
}

/// The diagnostic for a file with nothing in it.
pub fn empty_file() -> Diagnostic {
    Diagnostic::error("", "the file is empty")
        .with_help("the file is empty: start from vanban init (`vanban init > data/phuong-x-2025.yaml` writes a commented fact sheet to fill in)")
}

// ---------------------------------------------------------------------------------------
// Syntax errors
// ---------------------------------------------------------------------------------------

const SYNTAX_HELP: &str = "check the indentation (spaces, not tabs) and that every `key: value` has a space after the colon; quote text that starts with a special character such as `*`, `&`, `!`, `%`, `@` or `-`";

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
    let (message, help): (String, String) = match e {
        E::DuplicateMappingKey { key, .. } => {
            let (message, at) = duplicate_key(key.as_deref(), position, source);
            if let Some(at) = at {
                path = at;
            }
            (message, "a key may appear once in a group: keep one".into())
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
            (
                "the file holds more than one YAML document".into(),
                "a fact sheet is one YAML document: remove the second '---'".into(),
            )
        }
        E::NonFiniteFloat { value, .. } => (
            format!("`{value}` is not a number"),
            "write a number".into(),
        ),
        E::Budget { .. }
        | E::AliasReplayCounterOverflow { .. }
        | E::AliasReplayLimitExceeded { .. }
        | E::AliasExpansionLimitExceeded { .. }
        | E::AliasReplayStackDepthExceeded { .. }
        | E::RecursiveReferencesRequireWeakTypes { .. } => {
            path.clear();
            (
            "the file is too large or too deeply nested to read".into(),
            "a fact sheet is a few hundred lines: check for a block pasted by mistake, or a `*name` that repeats a large part of the file".into(),
        )
        }
        E::Eof { .. } => (
            "the file ends in the middle of a value".into(),
            "check for a missing closing quote, `]` or `}`".into(),
        ),
        E::UnknownAnchor { .. } => (
            "`*` here refers to a `&name` that is not defined above".into(),
            "put text that starts with `*` in quotes".into(),
        ),
        E::MergeKeyNotAllowed { .. } | E::MergeValueNotMapOrSeqOfMaps { .. } => (
            "`<<` cannot be used here".into(),
            "write the keys out instead of merging them with `<<`".into(),
        ),
        E::InvalidUtf8Input => (
            "the file is not UTF-8 text".into(),
            "save it as UTF-8 (in Notepad: Save As → Encoding: UTF-8)".into(),
        ),
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
            let message = if has_jargon(&message) {
                "this part of the file cannot be read as YAML".to_string()
            } else {
                message
            };
            (message, SYNTAX_HELP.into())
        }
    };
    Diagnostic {
        position,
        ..Diagnostic::error(path, message).with_help(help)
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

fn has_jargon(text: &str) -> bool {
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

/// `key `households` appears twice (lines 12 and 15)`, and the path of the key.
fn duplicate_key(
    key: Option<&str>,
    position: Option<Position>,
    source: &str,
) -> (String, Option<String>) {
    let Some(key) = key else {
        return ("a key appears twice in this group".into(), None);
    };
    let keys = mapping_keys(source);
    // The second occurrence: the last one of that name at or before the error.
    let second = keys
        .iter()
        .rfind(|k| k.key == key && position.is_none_or(|p| k.position <= p))
        .or_else(|| keys.iter().rfind(|k| k.key == key));
    let Some(second) = second else {
        return (format!("key `{key}` appears twice"), None);
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
    let times = match count {
        0..=2 => "twice".to_string(),
        n => format!("{n} times"),
    };
    let lines = match lines.as_slice() {
        [] => String::new(),
        [one] => format!(" (on line {one})"),
        [init @ .., last] => format!(
            " (lines {} and {last})",
            init.iter()
                .map(usize::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    (
        format!("key `{key}` appears {times}{lines}"),
        Some(join(&second.parent, key)),
    )
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

// ---------------------------------------------------------------------------------------
// An unquoted comma in `{ ... }`
// ---------------------------------------------------------------------------------------

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
        let message = if keys.len() == 1 {
            format!(
                "the text of {} contains a comma; inside {{ }} a comma starts a new key, so the text must be in quotes",
                keys[0]
            )
        } else {
            format!(
                "the texts of {} contain commas; inside {{ }} a comma starts a new key, so each text must be in quotes",
                and_list(&keys)
            )
        };
        let fixes: Vec<String> = self
            .texts
            .iter()
            .map(|(k, v)| format!("{k}: {}", quote(v)))
            .collect();
        let first = join(parent, &self.texts[0].0);
        let mut d = Diagnostic::error(first.clone(), message)
            .with_help(format!("write {}", and_list(&fixes)));
        d.position = paths.locate(&first);
        d
    }
}

fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
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
                        groups.push(chars[start + 1..i].iter().collect());
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

// ---------------------------------------------------------------------------------------
// Conversion errors
// ---------------------------------------------------------------------------------------

/// What the failing field held, for the message.
pub struct Found<'a> {
    /// The value in the tree at the failing path.
    pub value: Option<&'a Value>,
    /// The value as written in the file, for a number (`3.537`, not `3.537` → `3.537`).
    pub literal: Option<String>,
}

/// A conversion error of one field, in plain words, with a fix. `choices` gives the values an
/// enum field allows, when the message does not list them.
pub fn field_diagnostic(
    path: &str,
    message: &str,
    found: &Found<'_>,
    choices: &dyn Fn() -> Vec<String>,
) -> Diagnostic {
    if let Some(field) = between_backticks(message, "unknown field `") {
        let expected = expected_names(message);
        // The path may already end with the offending key.
        let full = if path == field || path.ends_with(&format!(".{field}")) {
            path.to_string()
        } else {
            join(path, &field)
        };
        let d = Diagnostic::error(full, format!("unknown key `{field}`"));
        return match nearest(&field, &expected) {
            Some(best) => d.with_help(format!(
                "did you mean `{best}`? (see docs/fact-sheet.md for every key)"
            )),
            None => d.with_help(format!("keys allowed here: {}", backticked(&expected))),
        };
    }
    if let Some(field) = between_backticks(message, "missing field `") {
        return Diagnostic::error(join(path, &field), format!("`{field}` is required here"))
            .with_help("add it (see `vanban init` for a commented example)");
    }
    if let Some(variant) = between_backticks(message, "unknown variant `") {
        let expected = expected_names(message);
        return Diagnostic::error(
            path,
            format!("`{variant}` is not one of the allowed values"),
        )
        .with_help(format!("write one of: {}", backticked(&expected)));
    }
    let kind = expected_kind(message, path);
    if let Some(kind) = kind {
        return typed_diagnostic(path, message, kind, found, choices);
    }
    if message.contains("is not a date") {
        // Our own message (PartialDate): already plain.
        return Diagnostic::error(path, message.to_string())
            .with_help("write dates as YYYY-MM-DD, e.g. 2024-11-05");
    }
    // Anything else is a library's wording: restate it without it.
    let help = format!("see docs/fact-sheet.md for what `{}` takes", last_key(path));
    if has_jargon(message) || message.starts_with("invalid ") {
        Diagnostic::error(path, format!("{} does not fit here", describe(found))).with_help(help)
    } else {
        Diagnostic::error(path, message.to_string()).with_help(help)
    }
}

/// What a field expects, read from a serde message.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    WholeNumber { unsigned: bool },
    Number,
    Bool,
    List,
    Text,
    Group,
    Date { partial: bool },
    Choice,
}

/// chrono's messages for a date that does not parse.
const DATE_ERRORS: &[&str] = &[
    "input contains invalid characters",
    "premature end of input",
    "input is out of range",
    "trailing input",
    "no possible date and time matching input",
    "input is not enough for unique date and time",
    "bad or unsupported format string",
];

fn expected_kind(message: &str, path: &str) -> Option<Kind> {
    if DATE_ERRORS.iter().any(|e| message.contains(e)) {
        return Some(Kind::Date { partial: false });
    }
    let expected = message.rsplit_once(", expected ")?.1.trim();
    let date_key = last_key(path) == "date";
    let kind = match expected {
        e if e.starts_with("a formatted date") || e.contains("date") => {
            Kind::Date { partial: false }
        }
        "u8" | "u16" | "u32" | "u64" | "u128" | "usize" => Kind::WholeNumber { unsigned: true },
        "i8" | "i16" | "i32" | "i64" | "i128" | "isize" => Kind::WholeNumber { unsigned: false },
        "f32" | "f64" => Kind::Number,
        "a boolean" => Kind::Bool,
        "a sequence" => Kind::List,
        "a string" | "a character" | "a borrowed string" if date_key => {
            Kind::Date { partial: true }
        }
        "a string" | "a character" | "a borrowed string" => Kind::Text,
        "a map" => Kind::Group,
        e if e.starts_with("struct ") => Kind::Group,
        e if e == "string or map" || e.contains("variant") || e.starts_with("enum ") => {
            Kind::Choice
        }
        _ => return None,
    };
    Some(kind)
}

/// The fix for a value of the wrong kind.
fn kind_help(kind: Kind, choices: &[String]) -> String {
    match kind {
        Kind::WholeNumber { unsigned: true } => {
            "write a whole number of 0 or more, without dots or spaces (3537, not 3.537)".into()
        }
        Kind::WholeNumber { unsigned: false } => {
            "write a whole number without dots or spaces (2024, not 2.024)".into()
        }
        Kind::Number => "write a number with a dot for decimals (2.5)".into(),
        Kind::Bool => "write true or false, without quotes".into(),
        Kind::List => "write a list: one `- item` per line below the key, or [a, b] on one line".into(),
        Kind::Text => "put the text in quotes".into(),
        Kind::Group => "write its keys on the lines below, indented, one `key: value` per line (see docs/fact-sheet.md)".into(),
        Kind::Date { partial: false } => "write dates as YYYY-MM-DD, e.g. 2024-11-05".into(),
        Kind::Date { partial: true } => {
            "write dates as YYYY-MM-DD, e.g. 2024-11-05 (or YYYY-MM for a draft)".into()
        }
        Kind::Choice if choices.is_empty() => {
            "see docs/fact-sheet.md for the values allowed here".into()
        }
        Kind::Choice => format!("write one of: {}", backticked(choices)),
    }
}

fn typed_diagnostic(
    path: &str,
    message: &str,
    kind: Kind,
    found: &Found<'_>,
    choices: &dyn Fn() -> Vec<String>,
) -> Diagnostic {
    let key = last_key(path);
    let choices = if kind == Kind::Choice {
        choices()
    } else {
        Vec::new()
    };
    let help = kind_help(kind, &choices);
    let what = describe(found);
    let error = |message: String, help: String| Diagnostic::error(path, message).with_help(help);

    if matches!(found.value, Some(Value::Null)) {
        let help = match kind {
            Kind::Text => "write the text after the colon, or remove the key".to_string(),
            _ => help,
        };
        return error(format!("`{key}` has no value"), help);
    }
    let integer = found.value.and_then(Value::as_i64);
    match kind {
        Kind::WholeNumber { unsigned } if message.starts_with("invalid value") => match integer {
            Some(n) if n < 0 && unsigned => error(
                format!("{what} cannot be negative"),
                "write a whole number of 0 or more".into(),
            ),
            _ => error(
                format!("{what} is too large for this figure"),
                "check for an extra digit".into(),
            ),
        },
        Kind::WholeNumber { .. } => {
            let help = match literal_text(found).as_deref().and_then(grouped_thousands) {
                Some(digits) => format!(
                    "write {digits}: in a fact sheet a dot is a decimal point, so thousands are written without dots or spaces"
                ),
                None => help,
            };
            let message = if is_scalar(found) {
                format!("{what} is not a whole number")
            } else {
                format!("expected a whole number, found {what}")
            };
            error(message, help)
        }
        Kind::Number => {
            let text = literal_text(found);
            let help = match text.as_deref() {
                Some(t) if decimal_comma(t).is_some() => format!(
                    "write {}: decimals take a dot",
                    decimal_comma(t).unwrap_or_default()
                ),
                Some(t) if grouped_thousands(t).is_some() => format!(
                    "write {}: thousands are written without dots or spaces",
                    grouped_thousands(t).unwrap_or_default()
                ),
                _ => help,
            };
            let message = if is_scalar(found) {
                format!("{what} is not a number")
            } else {
                format!("expected a number, found {what}")
            };
            error(message, help)
        }
        Kind::Bool => {
            let message = if is_scalar(found) {
                format!("{what} is not true or false")
            } else {
                format!("true/false expected, found {what}")
            };
            error(message, help)
        }
        Kind::Date { .. } => {
            let message = if is_scalar(found) {
                format!("{what} is not a date")
            } else {
                format!("expected a date, found {what}")
            };
            error(message, help)
        }
        Kind::Choice => error(format!("{what} is not one of the allowed values"), help),
        Kind::Text => {
            let help = match (found.value, literal_text(found)) {
                (Some(Value::Number(_) | Value::Bool(_)), Some(t)) => {
                    format!("put the text in quotes: {key}: \"{t}\"")
                }
                (Some(Value::Array(_) | Value::Object(_)), _) => "write the text on the same line after the colon, and put it in quotes if it contains `: ` or starts with `-`, `[` or `{`".to_string(),
                _ => help,
            };
            error(format!("expected text, found {what}"), help)
        }
        Kind::List => error(format!("expected a list, found {what}"), help),
        Kind::Group => error(format!("expected a group of keys, found {what}"), help),
    }
}

fn is_scalar(found: &Found<'_>) -> bool {
    !matches!(found.value, Some(Value::Array(_) | Value::Object(_)))
}

/// The found value as the user wrote it, without quotes.
fn literal_text(found: &Found<'_>) -> Option<String> {
    match found.value? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(found.literal.clone().unwrap_or_else(|| n.to_string())),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// The found value in a message: `"abc"`, `3.537`, `true`, `a list`.
fn describe(found: &Found<'_>) -> String {
    match found.value {
        None => "this value".into(),
        Some(Value::Null) => "nothing".into(),
        Some(Value::Bool(b)) => b.to_string(),
        Some(Value::Number(n)) => found.literal.clone().unwrap_or_else(|| n.to_string()),
        Some(Value::String(s)) => {
            let short: String = s.chars().take(40).collect();
            if short.len() < s.len() {
                format!("\"{short}…\"")
            } else {
                format!("\"{s}\"")
            }
        }
        Some(Value::Array(_)) => "a list".into(),
        Some(Value::Object(_)) => "a group of keys".into(),
    }
}

/// `3.537`, `3,537`, `1.234.567`, `3 537` → the digits, when the groups after the first are
/// exactly three digits long: Vietnamese thousands separators.
pub fn grouped_thousands(text: &str) -> Option<String> {
    let text = text.trim();
    for sep in ['.', ',', ' '] {
        let groups: Vec<&str> = text.split(sep).collect();
        let digits = |g: &str| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit());
        if groups.len() >= 2
            && (1..=3).contains(&groups[0].len())
            && digits(groups[0])
            && groups[1..].iter().all(|g| g.len() == 3 && digits(g))
        {
            return Some(groups.concat());
        }
    }
    None
}

/// `2,5` → `2.5`: a Vietnamese decimal comma.
fn decimal_comma(text: &str) -> Option<String> {
    let (whole, fraction) = text.trim().split_once(',')?;
    let digits = |g: &str| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit());
    (digits(whole) && digits(fraction) && fraction.len() != 3)
        .then(|| format!("{whole}.{fraction}"))
}

/// The number as written at `position` of `source`, if it reads as `value`.
pub fn number_literal(source: &str, position: Position, value: &Value) -> Option<String> {
    let line = source.lines().nth(position.line.checked_sub(1)?)?;
    let token: String = line
        .chars()
        .skip(position.column.checked_sub(1)?)
        .take_while(|c| !c.is_whitespace() && !matches!(c, ',' | '}' | ']' | '#'))
        .collect();
    let number = value.as_f64()?;
    let reads = token
        .parse::<f64>()
        .is_ok_and(|t| t == number || (t - number).abs() <= f64::EPSILON * number.abs());
    reads.then_some(token)
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
