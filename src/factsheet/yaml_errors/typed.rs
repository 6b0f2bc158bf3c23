//! Conversion errors: a value the typed conversion (serde) rejects, restated as what was
//! found and what is expected, with a fix.

use super::{backticked, between_backticks, expected_names, has_jargon, join, last_key, nearest};
use crate::diagnostic::{Diagnostic, Severity};
use crate::factsheet::paths::Position;
use crate::i18n::Args;
use crate::i18n::args;
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
        let best = nearest(&field, &expected);
        let hint = if best.is_some() { "best" } else { "allowed" };
        return Diagnostic::new(
            Severity::Error,
            "unknown-key",
            full,
            args! {"key" => field, "hint" => hint, "best" => best.unwrap_or_default(),
            "allowed" => backticked(&expected)},
        );
    }
    if let Some(field) = between_backticks(message, "missing field `") {
        return Diagnostic::new(
            Severity::Error,
            "missing-key",
            join(path, &field),
            args! {"key" => field},
        );
    }
    if let Some(variant) = between_backticks(message, "unknown variant `") {
        let expected = expected_names(message);
        return Diagnostic::new(
            Severity::Error,
            "not-an-allowed-value",
            path,
            args! {"found" => "variant", "value" => variant, "kind" => "choice",
            "choices" => backticked(&expected)},
        );
    }
    let kind = expected_kind(message, path);
    if let Some(kind) = kind {
        return typed_diagnostic(path, message, kind, found, choices);
    }
    let key = last_key(path);
    // Our own message (PartialDate, "`…` is not a date: …"): the text is an argument. The
    // test is on serde's error text, which carries our message: the only way to know it.
    if message.contains("is not a date")
        && let Some(value) = between_backticks(message, "`")
    {
        return Diagnostic::new(
            Severity::Error,
            "not-a-date",
            path,
            args! {"found" => "partial", "value" => value, "kind" => "date"},
        );
    }
    // Anything else is a library's wording: restate it without it.
    if has_jargon(message) || message.starts_with("invalid ") {
        let mut a = found_args(found);
        a.push(("key", key.into()));
        Diagnostic::new(Severity::Error, "does-not-fit", path, a)
    } else {
        Diagnostic::new(
            Severity::Error,
            "field-rejected",
            path,
            args! {"detail" => message, "key" => key},
        )
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

/// The catalogue's `kind-help` variant for a kind: the fix for a value of the wrong kind.
fn kind_name(kind: Kind, choices: &[String]) -> &'static str {
    match kind {
        Kind::WholeNumber { unsigned: true } => "whole-unsigned",
        Kind::WholeNumber { unsigned: false } => "whole-signed",
        Kind::Number => "decimal",
        Kind::Bool => "bool",
        Kind::List => "list",
        Kind::Text => "text",
        Kind::Group => "group",
        Kind::Date { partial: false } => "date",
        Kind::Date { partial: true } => "date-partial",
        Kind::Choice if choices.is_empty() => "choice-none",
        Kind::Choice => "choice",
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
    // Every message gets the found value, the kind (for `kind-help`) and its choices.
    let error = |code: &'static str, more: Args| {
        let mut a = found_args(found);
        a.push(("kind", kind_name(kind, &choices).into()));
        a.push(("choices", backticked(&choices).into()));
        a.extend(more);
        Diagnostic::new(Severity::Error, code, path, a)
    };

    if matches!(found.value, Some(Value::Null)) {
        return error("no-value", args! {"key" => key});
    }
    let integer = found.value.and_then(Value::as_i64);
    match kind {
        Kind::WholeNumber { unsigned } if message.starts_with("invalid value") => match integer {
            Some(n) if n < 0 && unsigned => error("negative-figure", args! {"hint" => "whole"}),
            _ => error("too-large-for-figure", Vec::new()),
        },
        Kind::WholeNumber { .. } => {
            let more = match literal_text(found).as_deref().and_then(grouped_thousands) {
                Some(digits) => args! {"hint" => "thousands", "digits" => digits},
                None => args! {"hint" => "kind"},
            };
            error("not-a-whole-number", more)
        }
        Kind::Number => {
            let text = literal_text(found);
            let more = match text.as_deref() {
                Some(t) if decimal_comma(t).is_some() => {
                    args! {"hint" => "comma", "digits" => decimal_comma(t).unwrap_or_default()}
                }
                Some(t) if grouped_thousands(t).is_some() => {
                    args! {"hint" => "thousands", "digits" => grouped_thousands(t).unwrap_or_default()}
                }
                _ => args! {"hint" => "kind"},
            };
            error("not-a-number", more)
        }
        Kind::Bool => error("not-true-or-false", Vec::new()),
        Kind::Date { .. } => error("not-a-date", Vec::new()),
        Kind::Choice => error("not-an-allowed-value", Vec::new()),
        Kind::Text => {
            let more = match (found.value, literal_text(found)) {
                (Some(Value::Number(_) | Value::Bool(_)), Some(t)) => {
                    args! {"hint" => "quote", "key" => key, "text" => t}
                }
                (Some(Value::Array(_) | Value::Object(_)), _) => args! {"hint" => "inline"},
                _ => args! {"hint" => "kind"},
            };
            error("not-text", more)
        }
        Kind::List => error("not-a-list", Vec::new()),
        Kind::Group => error("not-a-group", Vec::new()),
    }
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

/// The found value as arguments of a message (the catalogue's `found-value`): `found` says
/// what it is (`given`, `empty`, `list`, `group`, `unseen`), `value` the value as written
/// (`"abc"`, `3.537`, `true`).
pub(super) fn found_args(found: &Found<'_>) -> Args {
    let (what, value) = match found.value {
        None => ("unseen", String::new()),
        Some(Value::Null) => ("empty", String::new()),
        Some(Value::Bool(b)) => ("given", b.to_string()),
        Some(Value::Number(n)) => (
            "given",
            found.literal.clone().unwrap_or_else(|| n.to_string()),
        ),
        Some(Value::String(s)) => {
            let short: String = s.chars().take(40).collect();
            if short.len() < s.len() {
                ("given", format!("\"{short}…\""))
            } else {
                ("given", format!("\"{s}\""))
            }
        }
        Some(Value::Array(_)) => ("list", String::new()),
        Some(Value::Object(_)) => ("group", String::new()),
    };
    args! {"found" => what, "value" => value}
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
