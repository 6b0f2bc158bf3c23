//! One declaration of a template header built and checked: the template's own body, else
//! the catalogue's entry, merged; its kind, fields (a series' group, a table's columns) and
//! their `part_of` wholes.

use super::{Declaration, Field, Kind, ROOTS, RawDeclaration, RawFields, catalogue};
use crate::i18n::Args;
use crate::i18n::args;

/// Builds one declaration: a body given in the template, else the catalogue's.
pub(super) fn declaration(
    name: &str,
    raw: Option<RawDeclaration>,
) -> Result<Declaration, (&'static str, Args)> {
    let root = name.split('.').next().unwrap_or("");
    if !ROOTS.contains(&root) || !name.contains('.') {
        return Err(("undeclarable-name", args! {"name" => name}));
    }
    let catalogued = catalogue::get(name);
    if matches!(root, "unit" | "facts") && catalogued.is_none() {
        return Err(("not-in-catalogue", args! {"name" => name}));
    }
    let raw = match (raw, catalogued) {
        (Some(own), Some(cat)) => RawDeclaration {
            kind: own.kind.or(cat.kind),
            label: own.label.or(cat.label),
            required: own.required.or(cat.required),
            aggregate: own.aggregate.or(cat.aggregate),
            of: own.of.or(cat.of),
            columns: own.columns.or(cat.columns),
            part_of: own.part_of.or(cat.part_of),
            example: own.example.or(cat.example),
            unit: own.unit.or(cat.unit),
        },
        (Some(own), None) => own,
        (None, Some(cat)) => cat,
        (None, None) if root == "narrative" => RawDeclaration {
            kind: Some(Kind::Text),
            label: None,
            required: None,
            aggregate: None,
            of: None,
            columns: None,
            part_of: None,
            example: None,
            unit: None,
        },
        (None, None) => {
            return Err((
                "declaration-without-kind",
                args! {"name" => name, "hint" => "example"},
            ));
        }
    };
    let Some(kind) = raw.kind.or((root == "narrative").then_some(Kind::Text)) else {
        return Err((
            "declaration-without-kind",
            args! {"name" => name, "hint" => "kinds"},
        ));
    };
    if root == "data" && matches!(kind, Kind::Record | Kind::List) {
        return Err((
            "kind-for-catalogue",
            args! {"name" => name, "kind" => kind.name()},
        ));
    }
    if root == "narrative" && kind != Kind::Text {
        return Err(("narrative-not-text", args! {"name" => name}));
    }
    let fields: Vec<Field> = match kind {
        Kind::Series => match raw.of {
            Some(RawFields::One(k)) if k.is_figure() => vec![Field {
                name: "value".into(),
                kind: k,
                label: None,
                required: true,
                part_of: None,
            }],
            Some(RawFields::Group(group)) if !group.0.is_empty() => {
                group.0.into_iter().map(|(n, f)| f.into_field(n)).collect()
            }
            _ => {
                return Err(("series-without-of", args! {"name" => name}));
            }
        },
        Kind::Table => match raw.columns {
            Some(cols) if !cols.0.is_empty() => {
                cols.0.into_iter().map(|(n, f)| f.into_field(n)).collect()
            }
            _ => {
                return Err(("table-without-columns", args! {"name" => name}));
            }
        },
        _ => Vec::new(),
    };
    for f in &fields {
        if matches!(
            f.kind,
            Kind::Series | Kind::Table | Kind::Record | Kind::List
        ) {
            return Err((
                "nested-kind",
                args! {"name" => name, "field" => &f.name, "kind" => f.kind.name()},
            ));
        }
    }
    for f in &fields {
        if let Some(whole) = &f.part_of
            && !fields
                .iter()
                .any(|w| &w.name == whole && w.kind.is_figure() && w.name != f.name)
        {
            let names = fields
                .iter()
                .filter(|w| w.kind.is_figure() && w.name != f.name)
                .map(|w| w.name.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            return Err((
                "part-of-not-beside",
                args! {"name" => name, "field" => &f.name, "whole" => whole, "names" => names},
            ));
        }
    }
    if let Some(whole) = &raw.part_of
        && (!kind.is_figure() || !whole.starts_with("data.") || whole == name)
    {
        return Err(("part-of-misused", args! {"name" => name}));
    }
    let label = raw
        .label
        .unwrap_or_else(|| name.rsplit('.').next().unwrap_or(name).replace('_', " "));
    Ok(Declaration {
        name: name.to_string(),
        kind,
        label,
        required: raw.required.unwrap_or(false),
        aggregate: raw.aggregate.unwrap_or(kind.default_aggregate()),
        part_of: raw.part_of,
        fields,
        example: raw.example,
        unit: raw
            .unit
            .map(|u| u.trim().to_string())
            .filter(|u| !u.is_empty()),
    })
}
