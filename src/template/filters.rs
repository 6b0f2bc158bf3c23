//! The Vietnamese filters templates use (see `docs/templates.md`), and the Markdown escaping of
//! every inserted value. Figure filters accept an approximate figure (`{value, approx, shown}`)
//! and print its qualifier — `trên 1.500` — so an estimate can never be printed as exact.

use crate::locale;
use crate::phrase;
use tera::{Filter, Kwargs, State, Tera, TeraResult};

/// Backslash-escapes every character that could start Markdown syntax, and folds line
/// breaks to spaces, so a value is always literal text inside one paragraph. `:` is escaped
/// too, so no value can ever form a `:::` div line.
pub fn escape_markdown(input: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut buf = [0u8; 4];
    for c in input.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '<' | '>' | '(' | ')' | '#' | '+'
            | '-' | '.' | '!' | '|' | '~' | '&' | '$' | '@' | '^' | '=' | ':' => {
                out.write_all(b"\\")?;
                out.write_all(c.encode_utf8(&mut buf).as_bytes())?;
            }
            '\n' | '\r' => out.write_all(b" ")?,
            _ => out.write_all(c.encode_utf8(&mut buf).as_bytes())?,
        }
    }
    Ok(())
}

fn escaped(s: &str) -> String {
    let mut out = Vec::with_capacity(s.len() + 8);
    // Writing to a Vec cannot fail.
    let _ = escape_markdown(s, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// A clerk's paragraph as Markdown: `*italic*` and `**bold**` kept, everything else literal.
/// An emphasis mark counts only when it opens before a non-space and closes after one on the
/// same paragraph; any other `*` is printed as a star.
pub fn rich_text(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len() + 8);
    let mut plain = String::new();
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        let marker = if chars.get(i..).is_some_and(|t| t.starts_with(&['*', '*'])) {
            2
        } else if c == '*' {
            1
        } else {
            0
        };
        let pattern: &[char] = if marker == 2 { &['*', '*'] } else { &['*'] };
        if marker > 0 {
            let open_ok = chars
                .get(i + marker)
                .is_some_and(|c| !c.is_whitespace() && *c != '*');
            if open_ok {
                // Find the closing marker of the same width.
                let mut j = i + marker;
                let mut close = None;
                while j + marker <= chars.len() {
                    let here = chars.get(j..).is_some_and(|t| t.starts_with(pattern));
                    let after_star = chars.get(j + marker) == Some(&'*');
                    // `j > i`, so `j - 1` is a character of the paragraph.
                    let closes_word = chars.get(j - 1).is_some_and(|c| !c.is_whitespace());
                    if here && closes_word && (marker == 2 || !after_star) {
                        close = Some(j);
                        break;
                    }
                    j += 1;
                }
                if let Some(j) = close {
                    let inner: String = chars
                        .get(i + marker..j)
                        .unwrap_or_default()
                        .iter()
                        .collect();
                    if !inner.contains('*') {
                        out.push_str(&escaped(&plain));
                        plain.clear();
                        let mark = if marker == 2 { "**" } else { "*" };
                        out.push_str(mark);
                        out.push_str(&escaped(&inner));
                        out.push_str(mark);
                        i = j + marker;
                        continue;
                    }
                }
            }
        }
        plain.push(c);
        i += 1;
    }
    out.push_str(&escaped(&plain));
    out
}

/// `rich`: a paragraph with the clerk's emphasis (its output is already escaped).
struct Rich;

impl Filter<String, String> for Rich {
    fn call(&self, value: String, _: Kwargs, _: &State) -> String {
        rich_text(&value)
    }
    fn is_safe(&self) -> bool {
        true
    }
}

/// `block`: a structured block (what `table(...)` builds) printed as a fenced ```` ```vanban ````
/// block of one JSON line, which the body parser turns into a table. Safe: JSON escapes
/// every newline, so no value can end the fence or start Markdown.
struct StructuredBlock;

impl Filter<&tera::Value, TeraResult<String>> for StructuredBlock {
    fn call(&self, value: &tera::Value, _: Kwargs, _: &State) -> TeraResult<String> {
        let json = serde_json::to_value(value).unwrap_or(serde_json::Value::Null);
        crate::document::fenced::fence(&json).map_err(|e| {
            tera::Error::message(format!(
                "the `block` filter prints what `table(...)` builds: {e}"
            ))
        })
    }
    fn is_safe(&self) -> bool {
        true
    }
}

fn places(kwargs: &Kwargs, default: usize) -> usize {
    kwargs
        .get::<i64>("places")
        .ok()
        .flatten()
        .map(|p| p.clamp(0, 6) as usize)
        .unwrap_or(default)
}

fn parse_date(s: &str) -> TeraResult<chrono::NaiveDate> {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| tera::Error::message(format!("`{s}` is not a YYYY-MM-DD date")))
}

/// A figure given to a filter: its value, and the estimate words when it is approximate.
struct Figure {
    value: f64,
    approx: Option<String>,
    shown: Option<String>,
}

fn figure(v: &tera::Value, filter: &str) -> TeraResult<Figure> {
    let json = serde_json::to_value(v).unwrap_or(serde_json::Value::Null);
    match phrase::value_of(&json) {
        Some(value) => Ok(Figure {
            value,
            approx: json
                .get("approx")
                .and_then(|a| a.as_str())
                .filter(|a| !a.is_empty())
                .map(str::to_string),
            shown: json
                .get("shown")
                .and_then(|a| a.as_str())
                .map(str::to_string),
        }),
        None => Err(tera::Error::message(format!(
            "the `{filter}` filter needs a figure, got {}",
            if json.is_null() {
                "nothing (the figure is absent: test it with `is not none` first)".to_string()
            } else {
                json.to_string()
            }
        ))),
    }
}

/// Prints a figure with `format`, behind its estimate words when it has them.
fn with_figure(
    v: &tera::Value,
    filter: &str,
    format: impl Fn(f64) -> String,
) -> TeraResult<String> {
    let f = figure(v, filter)?;
    let body = f.shown.unwrap_or_else(|| format(f.value));
    Ok(match f.approx {
        Some(a) => format!("{a} {body}"),
        None => body,
    })
}

fn whole(x: f64) -> i64 {
    x.round().clamp(i64::MIN as f64, i64::MAX as f64) as i64
}

/// Registers the filters on `tera`.
pub fn register(tera: &mut Tera) {
    tera.register_filter("thousands", |v: &tera::Value, _: Kwargs, _: &State| {
        with_figure(v, "thousands", |x| locale::thousands(whole(x)))
    });
    tera.register_filter("count", |v: &tera::Value, _: Kwargs, _: &State| {
        with_figure(v, "count", |x| locale::count(whole(x)))
    });
    tera.register_filter("number", |v: &tera::Value, kw: Kwargs, _: &State| {
        let p = places(&kw, 2);
        with_figure(v, "number", |x| locale::number(x, p))
    });
    tera.register_filter("percent", |v: &tera::Value, kw: Kwargs, _: &State| {
        let p = places(&kw, 1);
        with_figure(v, "percent", |x| locale::percent(x, p))
    });
    tera.register_filter("words", |v: &tera::Value, _: Kwargs, _: &State| {
        with_figure(v, "words", |x| locale::words(whole(x).max(0) as u64))
    });
    tera.register_filter("money", |v: &tera::Value, _: Kwargs, _: &State| {
        with_figure(v, "money", |x| locale::money(whole(x).max(0) as u64))
    });
    tera.register_filter("money_short", |v: &tera::Value, _: Kwargs, _: &State| {
        with_figure(v, "money_short", |x| {
            locale::money_short(whole(x).max(0) as u64)
        })
    });
    tera.register_filter("roman", |n: i64, _: Kwargs, _: &State| {
        locale::roman(n.clamp(0, u32::MAX as i64) as u32)
    });
    tera.register_filter(
        "date_long",
        |s: &str, _: Kwargs, _: &State| -> TeraResult<String> {
            Ok(locale::date_long(parse_date(s)?))
        },
    );
    tera.register_filter(
        "date_short",
        |s: &str, _: Kwargs, _: &State| -> TeraResult<String> {
            Ok(locale::date_short(parse_date(s)?))
        },
    );
    tera.register_filter(
        "day_month",
        |s: &str, _: Kwargs, _: &State| -> TeraResult<String> {
            Ok(locale::day_month(parse_date(s)?))
        },
    );
    // Drops empty strings and nulls from a list, so optional clauses join without gaps.
    tera.register_filter(
        "filter_empty",
        |items: Vec<tera::Value>, _: Kwargs, _: &State| {
            items
                .into_iter()
                .filter(|v| !(v.is_none() || v.as_str().is_some_and(|s| s.trim().is_empty())))
                .collect::<Vec<_>>()
        },
    );
    tera.register_filter("capitalize_first", |s: &str, _: Kwargs, _: &State| {
        crate::derive::capitalize(s)
    });
    tera.register_filter("lower_first", |s: &str, _: Kwargs, _: &State| {
        crate::derive::lower_first(s)
    });
    tera.register_filter("rich", Rich);
    tera.register_filter("block", StructuredBlock);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rich_keeps_only_emphasis() {
        assert_eq!(rich_text("a *b* c"), "a *b* c");
        assert_eq!(rich_text("**Một là**, x"), "**Một là**, x");
        assert_eq!(rich_text("5 * 3 = 15"), r"5 \* 3 \= 15");
        assert_eq!(rich_text("# [x](y) *"), r"\# \[x\]\(y\) \*");
        assert_eq!(rich_text("*a b*c* d"), r"*a b*c\* d");
        assert_eq!(rich_text("* not a list"), r"\* not a list");
    }
}
