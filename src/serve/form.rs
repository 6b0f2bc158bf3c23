//! The editor's form: every value of a fact sheet with its Vietnamese label and its kind,
//! from the templates' declarations, the catalogue and the labels of the sheet's own frame.

use super::edit::{EditError, Scalar, scalars};
use crate::contract::{Declaration, Kind, Merged, catalogue};
use crate::factsheet::paths::Position;
use serde_saphyr::granit_parser::ScalarStyle;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// One editable value.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub key: String,
    pub label: String,
    /// `count`, `decimal`, `money`, `area`, `percent`, `date`, `flag`, `text` or
    /// `paragraph` (a narrative paragraph: a text area).
    pub kind: &'static str,
    pub value: String,
    pub position: Position,
}

/// The frame's labels (`assets/labels.yaml`), by pattern (`[]` for any index).
fn frame_labels() -> &'static BTreeMap<String, String> {
    static LABELS: OnceLock<BTreeMap<String, String>> = OnceLock::new();
    LABELS.get_or_init(|| {
        // Embedded and covered by a unit test; without it the form shows field keys.
        serde_saphyr::from_str(include_str!("assets/labels.yaml")).unwrap_or_default()
    })
}

/// `a[0].b[12]` → `a[].b[]`.
fn pattern(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut in_index = false;
    for c in path.chars() {
        match c {
            '[' => {
                in_index = true;
                out.push('[');
            }
            ']' => {
                in_index = false;
                out.push(']');
            }
            _ if in_index => {}
            _ => out.push(c),
        }
    }
    out
}

/// `a[0].b[1]` → `a.b` (how declarations name what is inside lists).
fn without_indices(path: &str) -> String {
    pattern(path).replace("[]", "")
}

/// The list index at the end of `path` (`narrative.x[2]` → 2).
fn last_index(path: &str) -> Option<usize> {
    let inner = path.strip_suffix(']')?;
    inner.rsplit_once('[')?.1.parse().ok()
}

/// A scalar kind of the contract as the form's kind; `None` for structures.
fn scalar_kind(kind: Kind) -> Option<&'static str> {
    match kind {
        Kind::Count
        | Kind::Decimal
        | Kind::Money
        | Kind::Area
        | Kind::Percent
        | Kind::Date
        | Kind::Flag
        | Kind::Text => Some(kind.name()),
        _ => None,
    }
}

/// The kind a value's own text suggests, for a field no declaration types.
fn guessed_kind(s: &Scalar) -> &'static str {
    if s.style != ScalarStyle::Plain {
        return if s.value.chars().count() > 80 || s.value.contains('\n') {
            "paragraph"
        } else {
            "text"
        };
    }
    let v = s.value.as_str();
    if v == "true" || v == "false" {
        "flag"
    } else if v.parse::<i64>().is_ok() {
        "count"
    } else if v.parse::<f64>().is_ok() {
        "decimal"
    } else if v.len() == 10 && chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d").is_ok() {
        "date"
    } else if v.chars().count() > 80 {
        "paragraph"
    } else {
        "text"
    }
}

/// The longest declared name (of the sheet's templates, or of the catalogue) that `path`
/// is, or is under: the declaration and what of the path is left below it.
fn declaration_of(path: &str, merged: &Merged) -> Option<(Declaration, String)> {
    let bare = without_indices(path);
    let parts: Vec<&str> = bare.split('.').collect();
    for n in (1..=parts.len()).rev() {
        let name = parts.get(..n).unwrap_or_default().join(".");
        let rest = parts.get(n..).unwrap_or_default().join(".");
        if let Some(d) = merged.get(&name) {
            return Some((d.clone(), rest));
        }
        if let Some(raw) = catalogue::get(&name)
            && let Some(kind) = raw.kind
        {
            let d = Declaration {
                name: name.clone(),
                kind,
                label: raw.label.unwrap_or_default(),
                required: false,
                aggregate: crate::contract::Aggregate::None,
                part_of: None,
                fields: Vec::new(),
                example: None,
                unit: None,
            };
            return Some((d, rest));
        }
    }
    None
}

/// The label and kind of one value.
fn describe(s: &Scalar, merged: &Merged) -> (String, &'static str) {
    let pat = pattern(&s.path);
    let labels = frame_labels();
    let frame = labels.get(&pat).or_else(|| {
        pat.strip_prefix("documents[].issuer.")
            .and_then(|rest| labels.get(&format!("issuer.{rest}")))
    });
    let paragraph =
        (pat.starts_with("narrative.") && pat.ends_with("[]")) || pat == "sections[].paragraphs[]";
    let numbered = |label: String| match last_index(&s.path) {
        Some(i) if paragraph || pat.ends_with("[]") => format!("{label} ({})", i + 1),
        _ => label,
    };
    if let Some(label) = frame {
        let kind = if paragraph {
            "paragraph"
        } else {
            guessed_kind(s)
        };
        return (numbered(label.clone()), kind);
    }
    let Some((d, rest)) = declaration_of(&s.path, merged) else {
        let kind = if paragraph {
            "paragraph"
        } else {
            guessed_kind(s)
        };
        return (s.path.clone(), kind);
    };
    let label = if d.label.is_empty() {
        d.name.clone()
    } else {
        d.label.clone()
    };
    if rest.is_empty() {
        let kind = if paragraph || d.kind == Kind::Text && guessed_kind(s) == "paragraph" {
            "paragraph"
        } else {
            scalar_kind(d.kind).unwrap_or_else(|| guessed_kind(s))
        };
        return (numbered(label), kind);
    }
    // Inside a series, table or record: its field's own label and kind when declared.
    let first = rest.split('.').next().unwrap_or_default();
    if let Some(f) = d.fields.iter().find(|f| f.name == first) {
        let sub = f.label.clone().unwrap_or_else(|| rest.clone());
        let kind = scalar_kind(f.kind).unwrap_or_else(|| guessed_kind(s));
        return (format!("{label} › {sub}"), kind);
    }
    (format!("{label} › {rest}"), guessed_kind(s))
}

/// Every scalar value of `source` as a form field, in file order.
pub fn fields(source: &str, merged: &Merged) -> Result<Vec<Field>, EditError> {
    Ok(scalars(source)?
        .into_iter()
        .map(|s| {
            let (label, kind) = describe(&s, merged);
            Field {
                key: s.path,
                label,
                kind,
                value: s.value,
                position: s.position,
            }
        })
        .collect())
}

/// Whether the form's field `key` holds text (so a typed `2024` or `yes` stays a word).
pub fn is_text(key: &str, merged: &Merged, source: &str) -> bool {
    let Ok(all) = scalars(source) else {
        return false;
    };
    all.iter()
        .find(|s| s.path == key)
        .is_some_and(|s| matches!(describe(s, merged).1, "text" | "paragraph"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_frame_labels_parse() {
        assert!(frame_labels().len() > 30);
        assert_eq!(
            frame_labels().get("unit.name").map(String::as_str),
            Some("Tên đơn vị")
        );
    }

    #[test]
    fn patterns_drop_indices() {
        assert_eq!(pattern("a[0].b[12]"), "a[].b[]");
        assert_eq!(without_indices("a[0].b[12].c"), "a.b.c");
        assert_eq!(last_index("narrative.x[2]"), Some(2));
    }

    #[test]
    fn fields_have_vietnamese_labels_and_kinds() {
        let source = include_str!("../../data/phuong-ba-dinh-2024.yaml");
        let all = fields(source, &Merged::default()).expect("parses");
        let find = |k: &str| all.iter().find(|f| f.key == k).expect(k).clone();
        let h = find("unit.households");
        assert_eq!((h.label.as_str(), h.kind), ("Số hộ gia đình", "count"));
        assert_eq!(h.value, "3537");
        assert_eq!(h.position.line, 12);
        assert_eq!(find("unit.name").label, "Tên đơn vị");
        assert_eq!(find("documents[1].date").kind, "date");
        assert_eq!(find("issuer.signer.name").label, "Họ và tên người ký");
        assert_eq!(find("narrative.characteristics[1]").kind, "paragraph");
        assert_eq!(find("facts.criteria.registered").kind, "flag");
        assert!(is_text("unit.name", &Merged::default(), source));
        assert!(!is_text("unit.households", &Merged::default(), source));
    }
}
