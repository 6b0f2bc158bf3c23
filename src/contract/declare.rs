//! One declaration of a template header built and checked: the template's own body, else
//! the catalogue's entry, merged; its kind, fields (a series' group, a table's columns) and
//! their `part_of` wholes.

use super::{Declaration, Field, Kind, ROOTS, RawDeclaration, RawFields, catalogue};

/// Builds one declaration: a body given in the template, else the catalogue's.
pub(super) fn declaration(
    name: &str,
    raw: Option<RawDeclaration>,
) -> Result<Declaration, (String, String)> {
    let root = name.split('.').next().unwrap_or("");
    if !ROOTS.contains(&root) || !name.contains('.') {
        return Err((
            format!("`{name}` is not a name a template can read"),
            "declare names under data. (your own figures, series, tables and text), narrative. (paragraphs), or the catalogue's unit. and facts.".into(),
        ));
    }
    let catalogued = catalogue::get(name);
    if matches!(root, "unit" | "facts") && catalogued.is_none() {
        return Err((
            format!("`{name}` is not in vanban's catalogue"),
            "put your own figures under data. (e.g. data.teams) and declare their kind".into(),
        ));
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
                format!("`{name}` has no kind"),
                "write e.g. `data.teams: { kind: count, label: Số tổ tự quản }`".into(),
            ));
        }
    };
    let Some(kind) = raw.kind.or((root == "narrative").then_some(Kind::Text)) else {
        return Err((
            format!("`{name}` has no kind"),
            "add `kind:` — count, decimal, money, area, percent, text, series or table".into(),
        ));
    };
    if root == "data" && matches!(kind, Kind::Record | Kind::List) {
        return Err((
            format!("`{name}`: kind `{}` is for the catalogue", kind.name()),
            "your own data is a figure (count, decimal, money, area, percent), text, a series or a table".into(),
        ));
    }
    if root == "narrative" && kind != Kind::Text {
        return Err((
            format!("`{name}`: a narrative section is text"),
            "write `kind: text`, or put figures under data.".into(),
        ));
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
                return Err((
                    format!("series `{name}` does not say what each entry holds"),
                    "add `of: count` (one figure per year) or `of: { recognised: count, total: count }`".into(),
                ));
            }
        },
        Kind::Table => match raw.columns {
            Some(cols) if !cols.0.is_empty() => {
                cols.0.into_iter().map(|(n, f)| f.into_field(n)).collect()
            }
            _ => {
                return Err((
                    format!("table `{name}` has no columns"),
                    "add `columns: { name: text, households: count }`".into(),
                ));
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
                format!("`{name}.{}` cannot itself be a {}", f.name, f.kind.name()),
                "columns and series entries hold figures, text, dates or flags".into(),
            ));
        }
    }
    for f in &fields {
        if let Some(whole) = &f.part_of
            && !fields
                .iter()
                .any(|w| &w.name == whole && w.kind.is_figure() && w.name != f.name)
        {
            return Err((
                format!(
                    "`{name}.{}` is a part of `{whole}`, which is not a figure beside it",
                    f.name
                ),
                format!(
                    "name one of: {}",
                    fields
                        .iter()
                        .filter(|w| w.kind.is_figure() && w.name != f.name)
                        .map(|w| w.name.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ));
        }
    }
    if let Some(whole) = &raw.part_of
        && (!kind.is_figure() || !whole.starts_with("data.") || whole == name)
    {
        return Err((
            format!("`{name}`: `part_of` joins two figures under data."),
            "write e.g. `data.recognised: { kind: count, part_of: data.total }`".into(),
        ));
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
