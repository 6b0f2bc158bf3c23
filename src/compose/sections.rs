//! The fact sheet's `sections:` → the edits of each document's outline
//! ([`crate::document::outline`]): which entries apply to which document, the section
//! content as body blocks (paragraphs with the clerk's emphasis, a numbered list, a table or
//! a chart over a declared series, built by the templates' own `table()`/`chart()`), and the
//! checks that put every mistake at its line in the sheet.

use crate::contract::{self, Kind};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::markdown::parse_body;
use crate::document::outline::{Edit, Place, Section};
use crate::document::{Block, fenced};
use crate::factsheet::load::nearest;
use crate::factsheet::sections::{SectionChart, SectionSpec, SectionTable};
use crate::factsheet::{DocumentSpec, FactSheet};
use crate::i18n::Args;
use crate::i18n::args;
use crate::template::filters::rich_text;
use crate::template::{chart, table};
use serde_json::{Map, Value};

/// How deep sub-sections go: a top-level section and five levels below (`1.1.1.1.`).
const DEEPEST: usize = 6;

fn backticked(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `did you mean `x`?` when a name is near one of `names`, then the list of them.
/// The arguments of the catalogue's `suggestion`: did you mean the nearest of `names`, and
/// the list of them, named by `what` (`documents`, `blocks`, `series`, `table`).
fn suggest(word: &str, names: &[String], what: &'static str) -> Args {
    let best = nearest(word, names);
    let hint = if best.is_some() { "best" } else { "list" };
    args! {"hint" => hint, "best" => best.unwrap_or_default(), "what" => what,
    "names" => backticked(names)}
}

/// Whether entry `spec` of `sections:` reshapes document `doc`, whose template has the
/// blocks `blocks`: it names that template, or names none and the template has its block.
pub fn applies(spec: &SectionSpec, doc: &DocumentSpec, blocks: &[String]) -> bool {
    match &spec.document {
        Some(t) => *t == doc.template,
        None => spec
            .places()
            .first()
            .is_some_and(|(_, anchor)| blocks.iter().any(|b| b == anchor)),
    }
}

/// The edits of `sheet`'s `sections:` for document `doc` (its template's blocks `blocks`),
/// each with its index in `sections:`; `data` is the sheet's open data. An entry that cannot
/// be built is a diagnostic at its path (`check` reports the same first).
pub fn edits(
    sheet: &FactSheet,
    doc: &DocumentSpec,
    blocks: &[String],
    data: &Map<String, Value>,
) -> Result<Vec<(usize, Edit)>, Box<Diagnostic>> {
    let mut out = Vec::new();
    for (i, spec) in sheet.sections.iter().enumerate() {
        if !applies(spec, doc, blocks) {
            continue;
        }
        let path = format!("sections[{i}]");
        let Some((key, anchor)) = spec.places().first().copied() else {
            continue;
        };
        let anchor = anchor.to_string();
        let place = match key {
            "after" => Place::After(anchor),
            "before" => Place::Before(anchor),
            "replace" => Place::Replace(anchor),
            "drop" => Place::Drop(anchor),
            _ => Place::Rename(anchor),
        };
        let section = section(spec, data, &path)
            .map_err(|(path, code, args)| Diagnostic::new(Severity::Error, code, path, args))?;
        out.push((i, Edit { place, section }));
    }
    Ok(out)
}

/// A problem with a section: the path, the catalogue code and its arguments.
type Problem = (String, &'static str, Args);

/// The section `spec` (at `path`) as the outline prints it.
fn section(spec: &SectionSpec, data: &Map<String, Value>, path: &str) -> Result<Section, Problem> {
    let mut content = Vec::new();
    for (j, p) in spec.paragraphs.iter().enumerate() {
        content.extend(markdown(&rich_text(p), &format!("{path}.paragraphs[{j}]"))?);
    }
    if !spec.items.is_empty() {
        let list: String = spec
            .items
            .iter()
            .map(|item| format!("1. {}\n", rich_text(item)))
            .collect();
        content.extend(markdown(&list, &format!("{path}.items"))?);
    }
    if let Some(t) = &spec.table {
        content.push(table_block(t, data, &format!("{path}.table"))?);
    }
    if let Some(c) = &spec.chart {
        content.push(chart_block(c, data, &format!("{path}.chart"))?);
    }
    let sections = spec
        .sections
        .iter()
        .enumerate()
        .map(|(j, sub)| section(sub, data, &format!("{path}.sections[{j}]")))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Section {
        heading: spec.heading.clone(),
        content,
        sections,
    })
}

fn markdown(text: &str, path: &str) -> Result<Vec<Block>, Problem> {
    parse_body(text).map(|b| b.blocks).map_err(|e| {
        (
            path.to_string(),
            "section-text-invalid",
            args! {"detail" => e.message},
        )
    })
}

/// The value of `data.NAME` named by `reference`, and the name.
fn series<'a>(reference: &str, data: &'a Map<String, Value>) -> (Option<&'a Vec<Value>>, &'a str) {
    let name = reference.strip_prefix("data.").unwrap_or(reference);
    let value = data.get(name).and_then(Value::as_array);
    (
        value,
        data.get_key_value(name).map_or("", |(k, _)| k.as_str()),
    )
}

fn table_block(t: &SectionTable, data: &Map<String, Value>, path: &str) -> Result<Block, Problem> {
    let (key, reference) = match (&t.series, &t.rows) {
        (Some(s), None) => ("series", s),
        (None, Some(r)) => ("rows", r),
        _ => {
            return Err((path.to_string(), "table-without-source", Vec::new()));
        }
    };
    let (Some(rows), _) = series(reference, data) else {
        return Err(absent(&format!("{path}.{key}"), reference));
    };
    let columns: Vec<Value> = t
        .columns
        .iter()
        .map(|c| serde_json::to_value(c).unwrap_or(Value::Null))
        .collect();
    let value =
        table::build(rows, &columns, t.total.as_deref(), t.caption.as_deref()).map_err(|m| {
            (
                format!("{path}.columns"),
                "section-table-invalid",
                args! {"detail" => m, "where" => "columns"},
            )
        })?;
    fenced::block_from_value(&value).map_err(|m| {
        (
            path.to_string(),
            "section-table-invalid",
            args! {"detail" => m, "where" => "table"},
        )
    })
}

fn chart_block(c: &SectionChart, data: &Map<String, Value>, path: &str) -> Result<Block, Problem> {
    let (Some(points), _) = series(&c.series, data) else {
        return Err(absent(&format!("{path}.series"), &c.series));
    };
    let mut args = match serde_json::to_value(c) {
        Ok(Value::Object(map)) => map,
        _ => Map::new(),
    };
    args.insert("series".into(), Value::Array(points.clone()));
    let value = chart::build_from(&args).map_err(|m| {
        (
            path.to_string(),
            "section-chart-invalid",
            // The template's `kind=` is the sheet's `kind:`.
            args! {"detail" => m.replace("=`", "`")},
        )
    })?;
    fenced::block_from_value(&value).map_err(|m| {
        (
            path.to_string(),
            "section-chart-invalid",
            args! {"detail" => m},
        )
    })
}

fn absent(path: &str, reference: &str) -> Problem {
    (
        path.to_string(),
        "section-data-absent",
        args! {"reference" => reference},
    )
}

/// Every mistake in `sheet`'s `sections:`, at its path: the operation (one of after, before,
/// replace, drop, rename; none in a sub-section), the block named (did-you-mean over the
/// blocks of the documents it reshapes, `blocks` giving each template's), `document`, what
/// each operation takes, and each table or chart against the declarations (`merged`) and
/// the data.
pub fn check(
    sheet: &FactSheet,
    blocks: &dyn Fn(&str) -> Option<Vec<String>>,
    merged: &contract::Merged,
    data: &Map<String, Value>,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let templates: Vec<String> = {
        let mut t: Vec<String> = sheet.documents.iter().map(|d| d.template.clone()).collect();
        t.dedup();
        t
    };
    for (i, spec) in sheet.sections.iter().enumerate() {
        let path = format!("sections[{i}]");
        let places = spec.places();
        let Some(&(key, anchor)) = places.first() else {
            out.push(Diagnostic::new(
                Severity::Error,
                "section-without-place",
                path.clone(),
                Vec::new(),
            ));
            continue;
        };
        if let Some((second, _)) = places.get(1) {
            out.push(Diagnostic::new(
                Severity::Error,
                "section-two-places",
                format!("{path}.{second}"),
                args! {"first" => key, "second" => *second},
            ));
        }
        // The documents it reshapes and the blocks they have.
        let targets: Vec<&String> = match &spec.document {
            Some(t) if !templates.contains(t) => {
                out.push(Diagnostic::new(
                    Severity::Error,
                    "section-unknown-document",
                    format!("{path}.document"),
                    {
                        let mut a = suggest(t, &templates, "documents");
                        a.push(("template", t.into()));
                        a
                    },
                ));
                continue;
            }
            Some(t) => vec![t],
            None => templates.iter().collect(),
        };
        let mut names: Vec<String> = Vec::new();
        let mut known = true;
        for t in &targets {
            match blocks(t) {
                Some(b) => {
                    for n in b {
                        if !names.contains(&n) {
                            names.push(n);
                        }
                    }
                }
                None => known = false,
            }
        }
        if known && !names.iter().any(|n| n == anchor) {
            let one = match &spec.document {
                Some(t) => Some(t),
                None if targets.len() == 1 => targets.first().copied(),
                None => None,
            };
            let mut a = suggest(anchor, &names, "blocks");
            a.extend(args! {"whose" => if one.is_some() { "one" } else { "all" },
            "template" => one.cloned().unwrap_or_default(), "anchor" => anchor});
            out.push(Diagnostic::new(
                Severity::Error,
                "section-unknown-block",
                format!("{path}.{key}"),
                a,
            ));
        }
        out.extend(check_content(spec, key, &path, 0, merged, data));
    }
    out
}

/// What an entry (or sub-section, `depth` > 0) holds against what its operation takes.
fn check_content(
    spec: &SectionSpec,
    key: &str,
    path: &str,
    depth: usize,
    merged: &contract::Merged,
    data: &Map<String, Value>,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let err = |at: String, code: &'static str, args: Args| {
        Diagnostic::new(Severity::Error, code, at, args)
    };
    if depth > 0 {
        for (k, _) in spec.places() {
            out.push(err(
                format!("{path}.{k}"),
                "place-in-sub-section",
                args! {"key" => k},
            ));
        }
        if spec.document.is_some() {
            out.push(err(
                format!("{path}.document"),
                "document-in-sub-section",
                Vec::new(),
            ));
        }
        if spec.heading.is_none() {
            out.push(err(
                path.to_string(),
                "sub-section-without-heading",
                Vec::new(),
            ));
        }
    }
    if depth >= DEEPEST {
        out.push(err(
            path.to_string(),
            "sections-too-deep",
            args! {"depth" => DEEPEST},
        ));
        return out;
    }
    match key {
        "drop" => {
            if spec.heading.is_some() || spec.has_content() {
                out.push(err(path.to_string(), "drop-with-content", Vec::new()));
            }
        }
        "rename" => {
            if spec.heading.is_none() {
                out.push(err(
                    format!("{path}.rename"),
                    "rename-without-heading",
                    Vec::new(),
                ));
            }
            if spec.has_content() {
                out.push(err(path.to_string(), "rename-with-content", Vec::new()));
            }
        }
        _ => {
            if spec.heading.is_none() && !spec.has_content() {
                out.push(err(path.to_string(), "section-empty", Vec::new()));
            }
        }
    }
    if let Some(t) = &spec.table {
        let at = format!("{path}.table");
        let declared = match (&t.series, &t.rows) {
            (Some(s), None) => Some(("series", s, Kind::Series)),
            (None, Some(r)) => Some(("rows", r, Kind::Table)),
            _ => None,
        };
        match declared {
            Some((k, name, kind)) if !is_declared(merged, name, kind) => {
                out.push(undeclared(merged, &format!("{at}.{k}"), name, kind));
            }
            _ => {
                if let Err((p, code, a)) = table_block(t, data, &at) {
                    out.push(err(p, code, a));
                }
            }
        }
    }
    if let Some(c) = &spec.chart {
        let at = format!("{path}.chart");
        if !is_declared(merged, &c.series, Kind::Series) {
            out.push(undeclared(
                merged,
                &format!("{at}.series"),
                &c.series,
                Kind::Series,
            ));
        } else if let Err((p, code, a)) = chart_block(c, data, &at) {
            out.push(err(p, code, a));
        }
    }
    for (j, sub) in spec.sections.iter().enumerate() {
        // A sub-section of a drop or rename is reported above as content.
        out.extend(check_content(
            sub,
            "after",
            &format!("{path}.sections[{j}]"),
            depth + 1,
            merged,
            data,
        ));
    }
    out
}

fn is_declared(merged: &contract::Merged, name: &str, kind: Kind) -> bool {
    name.starts_with("data.") && merged.get(name).is_some_and(|d| d.kind == kind)
}

fn undeclared(merged: &contract::Merged, path: &str, name: &str, kind: Kind) -> Diagnostic {
    let names: Vec<String> = merged
        .by_name
        .values()
        .filter(|(d, _)| d.kind == kind && d.name.starts_with("data."))
        .map(|(d, _)| d.name.clone())
        .collect();
    let what = if kind == Kind::Series {
        "series"
    } else {
        "table"
    };
    let mut a = suggest(name, &names, what);
    if names.is_empty() {
        a.retain(|(k, _)| *k != "hint");
        a.push(("hint", "none".into()));
    }
    a.push(("name", name.into()));
    Diagnostic::new(Severity::Error, "undeclared-data", path.to_string(), a)
}
