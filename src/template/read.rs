//! Reading template files into one Tera: only regular files of a bounded size, cycles of
//! `extends` and `include` set aside, a template that does not parse set aside with its line.

use super::report::{first_report, report, reported, tera_message};
use super::{LARGEST_TEMPLATE, SUFFIX, Source, escape_markdown, filters, functions, tera_name};
use crate::diagnostic::{Diagnostic, Severity};
use crate::factsheet::paths::Position;
use crate::i18n::Args;
use crate::source::Source as Reader;
use std::collections::BTreeMap;
use std::path::Path;
use tera::Tera;

/// Reads a template file: only a regular file (a link to one is followed), at most
/// [`LARGEST_TEMPLATE`] bytes, UTF-8. A device, a pipe or a folder is refused before it is
/// opened (reading `/dev/zero` never ends, opening a pipe waits for a writer).
pub(super) fn read_template(
    source: &dyn Reader,
    path: &Path,
) -> std::result::Result<String, Box<Diagnostic>> {
    let fail = |code: &'static str, args: Args| {
        let mut d = Diagnostic::new(Severity::Error, code, "", args);
        d.file = path.to_path_buf();
        Box::new(d)
    };
    let cannot = |e: std::io::Error| {
        fail(
            "template-unreadable",
            crate::i18n::args! {"detail" => e.to_string()},
        )
    };
    let size = source.size(path).map_err(cannot)?;
    if !source.is_file(path) {
        return Err(fail("template-not-a-file", Vec::new()));
    }
    let too_large = |size: u64| {
        fail(
            "template-too-large",
            crate::i18n::args! {"size" => size.div_ceil(1000).to_string(),
            "limit" => (LARGEST_TEMPLATE / 1000).to_string()},
        )
    };
    if size > LARGEST_TEMPLATE {
        return Err(too_large(size));
    }
    let bytes = source.read(path, LARGEST_TEMPLATE).map_err(cannot)?;
    if bytes.len() as u64 > LARGEST_TEMPLATE {
        return Err(too_large(bytes.len() as u64));
    }
    String::from_utf8(bytes).map_err(|_| fail("template-not-utf8", Vec::new()))
}

/// The templates a template names in `{% extends "…" %}` and `{% include "…" %}`, each with
/// the word and where it is written.
fn references(text: &str) -> Vec<(&'static str, String, Position)> {
    let mut out = Vec::new();
    let mut rest = text;
    let mut offset = 0;
    while let Some(at) = rest.find("{%") {
        let tag = &rest[at + 2..];
        let inner = tag.trim_start_matches('-').trim_start();
        for word in ["extends", "include"] {
            let Some(after) = inner.strip_prefix(word) else {
                continue;
            };
            let after = after.trim_start();
            let Some(quote) = after.chars().next().filter(|c| matches!(c, '"' | '\'')) else {
                continue;
            };
            let Some(end) = after[1..].find(quote) else {
                continue;
            };
            let name = &after[1..1 + end];
            let before = &text[..offset + at];
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
            out.push((
                word,
                name.strip_suffix(SUFFIX).unwrap_or(name).to_string(),
                Position { line, column },
            ));
        }
        offset += at + 2;
        rest = &rest[at + 2..];
    }
    out
}

/// Sets aside every template that `extends` or `include`s its way back to itself, with an
/// error at the line that leads into the cycle, before Tera sees any of them: rendering one
/// would never end (two templates extending each other overflowed the stack).
pub(super) fn set_aside_cycles(sources: &mut BTreeMap<String, Source>) {
    let edges: BTreeMap<String, Vec<(&'static str, String, Position)>> = sources
        .iter()
        .map(|(n, s)| (n.clone(), references(&s.text)))
        .collect();
    for (start, refs) in &edges {
        for (word, first, at) in refs {
            // A path from `first` back to `start`, depth first, each template once.
            let mut path = vec![start.clone(), first.clone()];
            let mut seen = vec![start.clone()];
            if !leads_back(&edges, start, &mut path, &mut seen) {
                continue;
            }
            let Some(source) = sources.get_mut(start) else {
                continue;
            };
            let mut d = Diagnostic::new(
                Severity::Error,
                "template-cycle",
                "",
                crate::i18n::args! {"cycle" => path.join(" → "), "word" => *word, "first" => first},
            );
            d.file = source.file.clone();
            d.position = Some(*at);
            source.broken = Some(d);
            break;
        }
    }
}

/// Whether the last template of `path` leads back to `start`; `path` then ends with it.
fn leads_back(
    edges: &BTreeMap<String, Vec<(&'static str, String, Position)>>,
    start: &str,
    path: &mut Vec<String>,
    seen: &mut Vec<String>,
) -> bool {
    let Some(last) = path.last().cloned() else {
        return false;
    };
    if last == start {
        return true;
    }
    if seen.contains(&last) {
        return false;
    }
    seen.push(last.clone());
    for (_, next, _) in edges.get(&last).map(Vec::as_slice).unwrap_or_default() {
        path.push(next.clone());
        if leads_back(edges, start, path, seen) {
            return true;
        }
        path.pop();
    }
    false
}

/// A Tera with our filters, phrase functions and Markdown escaping, and no templates yet.
pub(super) fn environment() -> Tera {
    let mut tera = Tera::new();
    filters::register(&mut tera);
    functions::register(&mut tera);
    tera.set_escape_fn(escape_markdown);
    tera.autoescape_on([SUFFIX]);
    tera
}

/// Adds every template to one Tera; a template that does not parse is set aside with its
/// diagnostic and the rest are loaded without it.
pub(super) fn build_tera(sources: &mut BTreeMap<String, Source>) -> Tera {
    loop {
        let mut tera = environment();
        let good: Vec<(String, String)> = sources
            .iter()
            .filter(|(_, s)| s.broken.is_none())
            .map(|(n, s)| (tera_name(n), s.text.clone()))
            .collect();
        let Err(e) = tera.add_raw_templates(good.iter().map(|(n, t)| (n.as_str(), t.as_str())))
        else {
            return tera;
        };
        // Which template failed: the one Tera names, else a missing parent's child.
        let culprit = report(&e)
            .and_then(|r| r.filename().strip_suffix(SUFFIX).map(str::to_string))
            .or_else(|| {
                first_report(&e).and_then(|r| r.name.strip_suffix(SUFFIX).map(str::to_string))
            })
            .or_else(|| match e.kind() {
                tera::ErrorKind::MissingParent { current, .. }
                | tera::ErrorKind::CircularExtend { tpl: current, .. } => {
                    current.strip_suffix(SUFFIX).map(str::to_string)
                }
                _ => None,
            })
            .filter(|n| sources.get(n).is_some_and(|s| s.broken.is_none()))
            .or_else(|| {
                sources
                    .iter()
                    .find(|(_, s)| s.broken.is_none())
                    .map(|(n, _)| n.clone())
            });
        let Some(culprit) = culprit else {
            return tera;
        };
        let Some(source) = sources.get_mut(&culprit) else {
            return tera;
        };
        let mut d = Diagnostic::new(
            Severity::Error,
            "template-syntax",
            "",
            crate::i18n::args! {"detail" => tera_message(&e)},
        );
        d.file = source.file.clone();
        d.position = report(&e).map(|r| Position {
            line: r.span().start_line,
            column: r.span().start_col + 1,
        });
        if d.position.is_none()
            && let Some(r) = first_report(&e).filter(|r| r.name == tera_name(&culprit))
        {
            d = reported(d, r);
        }
        source.broken = Some(d);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::template::tests::folder;
    use crate::template::*;

    #[test]
    fn a_broken_template_is_set_aside_with_its_line() {
        let dir = std::env::temp_dir().join(format!("vanban-tpl-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("tmp");
        std::fs::write(dir.join("hong.md.tera"), "{% block kind %}X{% endblock kind %}\n{% block body %}\nok\n{{ x | }}\n{% endblock body %}").expect("write");
        let t = Templates::load(Some(&dir)).expect("loads the rest");
        let p = t.problems("hong");
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].position.map(|p| p.line), Some(4));
        assert!(p[0].file.ends_with("hong.md.tera"));
        assert_eq!(t.problems("bao-cao-so-ket"), []);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn extends_and_include_cycles_are_errors_at_their_lines() {
        let dir = folder(
            "cycle",
            &[
                ("a.md.tera", "{% extends \"b.md.tera\" %}\n"),
                ("b.md.tera", "{#- vanban\n-#}\n{% extends 'a.md.tera' %}\n"),
                (
                    "c.md.tera",
                    "{% block kind %}X{% endblock kind %}\n{% block body %}{%- include \"d.md.tera\" %}{% endblock body %}",
                ),
                ("d.md.tera", "x{% include \"c.md.tera\" %}"),
                ("e.md.tera", "{% extends \"bao-cao-so-ket.md.tera\" %}"),
            ],
        );
        let t = Templates::load(Some(&dir)).expect("loads");
        let at = |name: &str| {
            let p = t.problems(name);
            let d = p.first().unwrap_or_else(|| panic!("no problem for {name}"));
            (d.message.clone(), d.position.map(|p| (p.line, p.column)))
        };
        assert_eq!(
            at("a"),
            (
                "the templates form a cycle: a → b → a (this template extends `b`)".into(),
                Some((1, 1))
            )
        );
        assert_eq!(at("b").1, Some((3, 1)));
        assert_eq!(
            at("c"),
            (
                "the templates form a cycle: c → d → c (this template includes `d`)".into(),
                Some((2, 17))
            )
        );
        // Nothing else is blamed, and a template extending a built-in is fine.
        assert_eq!(t.problems("e"), []);
        assert_eq!(t.problems(LIBRARY), []);
        assert!(t.contract("a").reads.is_empty(), "no endless recursion");
        assert!(t.render("a", &Context::new()).is_err());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn only_regular_files_of_a_bounded_size_are_read() {
        let big = "x".repeat(LARGEST_TEMPLATE as usize + 1);
        let dir = folder("files", &[("big.md.tera", &big)]);
        std::fs::create_dir_all(dir.join("folder.md.tera")).expect("dir");
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink("/dev/zero", dir.join("zero.md.tera")).expect("link");
            let fifo = dir.join("fifo.md.tera");
            let made = std::process::Command::new("mkfifo").arg(&fifo).status();
            assert!(made.is_ok_and(|s| s.success()), "mkfifo");
        }
        let t = Templates::load(Some(&dir)).expect("loads without reading them");
        let message = |name: &str| t.problems(name).first().map(|d| d.message.clone());
        assert_eq!(
            message("big").as_deref(),
            Some("the template is too large: 501 KB (the limit is 500 KB)")
        );
        for name in ["folder", "zero", "fifo"] {
            if cfg!(unix) || name == "folder" {
                assert!(
                    message(name).is_some_and(|m| m.contains("not a regular file")),
                    "{name}: {:?}",
                    t.problems(name)
                );
            }
        }
        assert_eq!(t.problems("bao-cao-so-ket"), [], "the others load");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
