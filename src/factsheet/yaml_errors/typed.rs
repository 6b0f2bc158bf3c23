//! Conversion errors: a value the typed conversion (serde) rejects, restated as what was
//! found and what is expected, with a fix.

use super::{backticked, between_backticks, expected_names, has_jargon, join, last_key, nearest};
use crate::diagnostic::Diagnostic;
use crate::factsheet::paths::Position;
use serde_json::Value;

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
pub(super) fn describe(found: &Found<'_>) -> String {
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
        if let Some((first, rest)) = groups.split_first()
            && !rest.is_empty()
            && (1..=3).contains(&first.len())
            && digits(first)
            && rest.iter().all(|g| g.len() == 3 && digits(g))
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
