//! The Tera environment: built-in templates (embedded in the binary) plus a user's overrides,
//! the Vietnamese filters, and Markdown escaping of every inserted value.
//!
//! A template is Markdown with four blocks: `kind` (BÁO CÁO), `type_code` (BC), `title` (the
//! trích yếu) and `body`. Tera's autoescaping is pointed at our own Markdown escaper, so
//! `{{ value }}` can never turn data into markup (a unit named `*Ba Đình*` prints the stars).

use crate::locale;
use anyhow::{Context as _, Result, bail};
use std::collections::BTreeMap;
use std::path::Path;
use tera::{Context, Kwargs, State, Tera};

/// Suffix of template files; also what Tera autoescapes on.
pub const SUFFIX: &str = ".md.tera";

/// The templates shipped with vanban: (name, source).
pub const BUILTIN: &[(&str, &str)] = &[
    (
        "bao-cao-ket-qua-tt124",
        include_str!("../templates/bao-cao-ket-qua-tt124.md.tera"),
    ),
    (
        "bao-cao-so-ket",
        include_str!("../templates/bao-cao-so-ket.md.tera"),
    ),
    (
        "ke-hoach-tt124",
        include_str!("../templates/ke-hoach-tt124.md.tera"),
    ),
];

/// What a template produces for one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub kind: String,
    pub type_code: String,
    pub title: String,
    /// The body as Markdown.
    pub body: String,
}

/// The loaded templates.
pub struct Templates {
    tera: Tera,
    /// name → where it came from (`built-in` or a path), for `vanban templates`.
    sources: BTreeMap<String, String>,
    /// name → template text, to list the facts a template reads.
    texts: BTreeMap<String, String>,
}

impl Templates {
    /// The built-in templates, overridden or extended by `*.md.tera` files in `dir`.
    pub fn load(dir: Option<&Path>) -> Result<Templates> {
        let mut tera = Tera::new();
        register_filters(&mut tera);
        tera.set_escape_fn(escape_markdown);
        tera.autoescape_on([SUFFIX]);
        let mut sources = BTreeMap::new();
        let mut texts = BTreeMap::new();
        let mut files: BTreeMap<String, (String, String)> = BUILTIN
            .iter()
            .map(|(name, src)| (name.to_string(), (src.to_string(), "built-in".to_string())))
            .collect();
        if let Some(dir) = dir {
            let entries = std::fs::read_dir(dir)
                .with_context(|| format!("cannot read the templates folder {}", dir.display()))?;
            for entry in entries {
                let path = entry?.path();
                let Some(name) = path
                    .file_name()
                    .and_then(|n| n.to_str())
                    .and_then(|n| n.strip_suffix(SUFFIX))
                else {
                    continue;
                };
                let src = std::fs::read_to_string(&path)
                    .with_context(|| format!("cannot read template {}", path.display()))?;
                let src = crate::factsheet::load::clean_text(&src);
                files.insert(name.to_string(), (src, path.display().to_string()));
            }
        }
        for (name, (src, origin)) in files {
            tera.add_raw_template(&format!("{name}{SUFFIX}"), &src)
                .map_err(|e| anyhow::anyhow!("{}", render_tera_error(&e)))
                .with_context(|| format!("template `{name}` ({origin}) does not parse"))?;
            sources.insert(name.clone(), origin);
            texts.insert(name, src);
        }
        Ok(Templates {
            tera,
            sources,
            texts,
        })
    }

    pub fn exists(&self, name: &str) -> bool {
        self.sources.contains_key(name)
    }

    /// Template names with their origin.
    pub fn list(&self) -> impl Iterator<Item = (&str, &str)> {
        self.sources.iter().map(|(n, o)| (n.as_str(), o.as_str()))
    }

    /// The fact-sheet fields a template reads (`facts.propaganda.articles`, `unit.households`,
    /// `narrative.characteristics`…), found by scanning its text for dotted names and following
    /// `{% set x = facts.y %}` aliases. Derived values (`derived.…`) are not listed: they
    /// follow from these.
    pub fn fact_paths(&self, name: &str) -> Vec<String> {
        let Some(text) = self.texts.get(name) else {
            return Vec::new();
        };
        fact_paths(text)
    }

    /// Renders the four blocks of a template.
    pub fn render(&self, name: &str, context: &Context) -> Result<Rendered> {
        if !self.exists(name) {
            bail!("there is no template `{name}`");
        }
        let full = format!("{name}{SUFFIX}");
        let block = |block: &str| -> Result<String> {
            self.tera
                .render_block(&full, block, context)
                .map_err(|e| anyhow::anyhow!("{}", render_tera_error(&e)))
                .with_context(|| format!("template `{name}`, block `{block}`"))
        };
        Ok(Rendered {
            kind: block("kind")?.trim().to_string(),
            type_code: block("type_code")?.trim().to_string(),
            title: unescape_inline(block("title")?.trim()),
            body: block("body")?,
        })
    }
}

/// Dotted names in `text` that start at a fact-sheet root, with `set` aliases resolved.
fn fact_paths(text: &str) -> Vec<String> {
    const ROOTS: [&str; 5] = ["unit.", "facts.", "narrative.", "period.", "issuer."];
    let is_name = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '.';
    // Dotted words in order of appearance.
    let words: Vec<&str> = text
        .split(|c: char| !is_name(c))
        .filter(|w| w.contains('.') && w.starts_with(|c: char| c.is_ascii_lowercase()))
        .map(|w| w.trim_end_matches('.'))
        .collect();
    // Aliases: `set NAME = PATH` and `for NAME in PATH`.
    let mut aliases: BTreeMap<String, String> = BTreeMap::new();
    aliases.insert("plan".into(), "facts.plan".into());
    let tokens: Vec<&str> = text.split_whitespace().collect();
    for w in tokens.windows(4) {
        if (w[0] == "set" && w[2] == "=") || (w[0] == "for" && w[2] == "in") {
            let target = w[3].trim_end_matches(['%', '}', '-', ')']);
            if target.contains('.') {
                aliases.insert(w[1].to_string(), target.to_string());
            }
        }
    }
    let resolve = |word: &str| -> String {
        let (head, rest) = word.split_once('.').unwrap_or((word, ""));
        match aliases.get(head) {
            Some(full) if !rest.is_empty() => format!("{full}.{rest}"),
            Some(full) => full.clone(),
            None => word.to_string(),
        }
    };
    let mut out: Vec<String> = words
        .iter()
        .map(|w| {
            // Aliases may chain (`v = checks[0].verdict`); resolve a few times.
            let mut p = resolve(w);
            for _ in 0..3 {
                p = resolve(&p);
            }
            p
        })
        .filter(|p| ROOTS.iter().any(|r| p.starts_with(r)))
        // Names the context computes rather than reads from the fact sheet.
        .filter(|p| {
            ![
                "period.label",
                "period.previous_year",
                "period.next_year",
                "unit.full",
                "unit.level_word",
                "unit.residential",
                "issuer.signer_position",
            ]
            .iter()
            .any(|d| p == d || p.starts_with(&format!("{d}.")) || p.starts_with(&format!("{d}_")))
        })
        .collect();
    out.sort();
    out.dedup();
    // Keep leaves only: `facts.propaganda` is implied by `facts.propaganda.articles`.
    let leaves: Vec<String> = out
        .iter()
        .filter(|p| !out.iter().any(|q| q.starts_with(&format!("{p}."))))
        .cloned()
        .collect();
    leaves
}

/// Tera errors nest their cause; show the whole chain on one line.
fn render_tera_error(e: &tera::Error) -> String {
    let mut out = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        out.push_str(": ");
        out.push_str(&s.to_string());
        source = s.source();
    }
    out
}

/// Backslash-escapes every character that could start Markdown syntax, and folds line
/// breaks to spaces, so a value is always literal text inside one paragraph.
pub fn escape_markdown(input: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut buf = [0u8; 4];
    for c in input.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '<' | '>' | '(' | ')' | '#' | '+'
            | '-' | '.' | '!' | '|' | '~' | '&' | '$' | '@' | '^' | '=' => {
                out.write_all(b"\\")?;
                out.write_all(c.encode_utf8(&mut buf).as_bytes())?;
            }
            '\n' | '\r' => out.write_all(b" ")?,
            _ => out.write_all(c.encode_utf8(&mut buf).as_bytes())?,
        }
    }
    Ok(())
}

/// The title block is plain text, not Markdown: undo the escaping of inserted values.
fn unescape_inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(next) = chars.next() {
                if next.is_ascii_punctuation() {
                    out.push(next);
                } else {
                    out.push(c);
                    out.push(next);
                }
            } else {
                out.push(c);
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn places(kwargs: &Kwargs, default: usize) -> usize {
    kwargs
        .get::<i64>("places")
        .ok()
        .flatten()
        .map(|p| p.clamp(0, 6) as usize)
        .unwrap_or(default)
}

fn parse_date(s: &str) -> tera::TeraResult<chrono::NaiveDate> {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| tera::Error::message(format!("`{s}` is not a YYYY-MM-DD date")))
}

/// The Vietnamese filters templates use; see `docs/templates.md`.
fn register_filters(tera: &mut Tera) {
    tera.register_filter("thousands", |n: i64, _: Kwargs, _: &State| {
        locale::thousands(n)
    });
    tera.register_filter("count", |n: i64, _: Kwargs, _: &State| locale::count(n));
    tera.register_filter("number", |x: f64, kw: Kwargs, _: &State| {
        locale::number(x, places(&kw, 2))
    });
    tera.register_filter("percent", |x: f64, kw: Kwargs, _: &State| {
        locale::percent(x, places(&kw, 1))
    });
    tera.register_filter("words", |n: i64, _: Kwargs, _: &State| {
        locale::words(n.max(0) as u64)
    });
    tera.register_filter("money", |n: i64, _: Kwargs, _: &State| {
        locale::money(n.max(0) as u64)
    });
    tera.register_filter("money_short", |n: i64, _: Kwargs, _: &State| {
        locale::money_short(n.max(0) as u64)
    });
    tera.register_filter("roman", |n: i64, _: Kwargs, _: &State| {
        locale::roman(n.clamp(0, u32::MAX as i64) as u32)
    });
    tera.register_filter(
        "date_long",
        |s: &str, _: Kwargs, _: &State| -> tera::TeraResult<String> {
            Ok(locale::date_long(parse_date(s)?))
        },
    );
    tera.register_filter(
        "date_short",
        |s: &str, _: Kwargs, _: &State| -> tera::TeraResult<String> {
            Ok(locale::date_short(parse_date(s)?))
        },
    );
    tera.register_filter(
        "day_month",
        |s: &str, _: Kwargs, _: &State| -> tera::TeraResult<String> {
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
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render_str(src: &str, ctx: &Context) -> String {
        let mut tera = Tera::new();
        register_filters(&mut tera);
        tera.set_escape_fn(escape_markdown);
        tera.autoescape_on([SUFFIX]);
        tera.add_raw_template("t.md.tera", src)
            .expect("template parses");
        tera.render("t.md.tera", ctx).expect("renders")
    }

    #[test]
    fn values_are_escaped_for_markdown() {
        let mut ctx = Context::new();
        ctx.insert("name", "*Ba* [Đình](x) # 1. <b>");
        let out = render_str("{{ name }}", &ctx);
        assert_eq!(out, r"\*Ba\* \[Đình\]\(x\) \# 1\. \<b\>");
    }

    #[test]
    fn filters_format_vietnamese() {
        let mut ctx = Context::new();
        ctx.insert("n", &3537);
        ctx.insert("d", "2024-01-05");
        ctx.insert("m", &9_000_000);
        let out = render_str(
            "{{ n | thousands }}|{{ 6 | count }}|{{ d | date_long }}|{{ m | money_short }}",
            &ctx,
        );
        let unescaped = unescape_inline(&out);
        assert_eq!(
            unescaped,
            "3.537|06|ngày 05 tháng 01 năm 2024|9.000.000đ (chín triệu đồng)"
        );
    }

    #[test]
    fn fact_paths_follow_aliases() {
        let paths = fact_paths(
            "{% set p = facts.propaganda %}{{ p.articles | count }} {{ unit.households }}\n\
             {% for m in facts.models %}{{ m.name }}{% endfor %}{{ derived.x }} {{ plan.focus_model.name }}",
        );
        assert_eq!(
            paths,
            [
                "facts.models.name",
                "facts.plan.focus_model.name",
                "facts.propaganda.articles",
                "unit.households"
            ]
        );
    }

    #[test]
    fn builtin_templates_parse() {
        let t = Templates::load(None).expect("built-ins load");
        assert!(t.exists("bao-cao-ket-qua-tt124"));
        assert!(!t.exists("nope"));
    }
}
