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
    /// Where the value sits when it is one cell of a series or table the form shows as a grid.
    pub grid: Option<Cell>,
}

/// One value of a series or table (`P.<row>.<column>` or `P[<i>].<column>`, every value
/// under `P` a scalar): the form shows `P` as one grid, a row per year or entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// The series or table's key (`data.areas`).
    pub group: String,
    pub group_label: String,
    /// The year or key of the row (`2015`), or the entry's number from 1 in a list.
    pub row: String,
    /// The member's key (`recognised`).
    pub column: String,
    pub column_label: String,
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
    // A series' rest starts with the row's year or key, a table's with the column.
    let member = rest
        .split('.')
        .find_map(|part| d.fields.iter().find(|f| f.name == part));
    if let Some(f) = member {
        let sub = f.label.clone().unwrap_or_else(|| rest.clone());
        let kind = scalar_kind(f.kind).unwrap_or_else(|| guessed_kind(s));
        return (format!("{label} › {sub}"), kind);
    }
    (format!("{label} › {rest}"), guessed_kind(s))
}

/// A key split as a grid cell: the group, the row and the column.
type Split<'a> = (&'a str, String, &'a str);

/// `P.<row>.<column>` → (`P`, row, column); `P[<i>].<column>` → (`P`, `i + 1`, column).
fn split_cell(path: &str) -> Option<Split<'_>> {
    let (head, column) = path.rsplit_once('.')?;
    if column.is_empty() || column.contains('[') {
        return None;
    }
    let (group, row) = match head.strip_suffix(']') {
        Some(inner) => {
            let (group, index) = inner.rsplit_once('[')?;
            (
                group,
                index.parse::<usize>().ok()?.checked_add(1)?.to_string(),
            )
        }
        None => {
            let (group, row) = head.rsplit_once('.')?;
            (group, row.to_string())
        }
    };
    (!group.is_empty() && !row.is_empty()).then_some((group, row, column))
}

/// The declaration named exactly `path` (indices dropped).
fn declared(path: &str, merged: &Merged) -> Option<Declaration> {
    declaration_of(path, merged).and_then(|(d, rest)| rest.is_empty().then_some(d))
}

/// The grid cell of every field that is one: a group whose values are all `P.<row>.<column>`
/// scalars, none a paragraph, and whose rows are list entries, years, or the rows of a
/// declared series or table (not a record's sub-records, which are not rows of one table).
fn grid_cells(fields: &[Field], merged: &Merged) -> Vec<Option<Cell>> {
    let split: Vec<_> = fields.iter().map(|f| split_cell(&f.key)).collect();
    let mut verdict: BTreeMap<&str, bool> = BTreeMap::new();
    for (group, _, _) in split.iter().flatten() {
        if verdict.contains_key(group) {
            continue;
        }
        let under = |key: &str| {
            key.strip_prefix(*group)
                .is_some_and(|r| r.starts_with('.') || r.starts_with('['))
        };
        let members: Vec<(&Field, Option<&Split>)> = fields
            .iter()
            .zip(&split)
            .filter(|(f, _)| under(&f.key))
            .map(|(f, c)| (f, c.as_ref()))
            .collect();
        let all_cells = members
            .iter()
            .all(|(f, c)| c.is_some_and(|c| c.0 == *group) && f.kind != "paragraph");
        let rows_are_rows = || {
            let declared_kind = declared(group, merged).map(|d| d.kind);
            matches!(declared_kind, Some(Kind::Series | Kind::Table))
                || members.iter().all(|(f, c)| {
                    let listed = f.key.as_bytes().get(group.len()) == Some(&b'[');
                    listed || c.is_some_and(|c| c.1.parse::<i64>().is_ok())
                })
        };
        verdict.insert(group, all_cells && rows_are_rows());
    }
    let labels = frame_labels();
    split
        .iter()
        .zip(fields)
        .map(|(c, f)| {
            let (group, row, column) = c.as_ref()?;
            if !verdict.get(group).copied().unwrap_or(false) {
                return None;
            }
            let d = declared(group, merged);
            let listed = f.key.as_bytes().get(group.len()) == Some(&b'[');
            let group_pattern = pattern(group);
            let column_pattern = if listed {
                format!("{group_pattern}[].{column}")
            } else {
                format!("{group_pattern}.{column}")
            };
            let group_label = d
                .as_ref()
                .map(|d| d.label.clone())
                .filter(|l| !l.is_empty())
                .or_else(|| labels.get(&group_pattern).cloned())
                .unwrap_or_else(|| group.to_string());
            let column_label = d
                .as_ref()
                .and_then(|d| d.fields.iter().find(|m| m.name == *column))
                .and_then(|m| m.label.clone())
                .or_else(|| labels.get(&column_pattern).cloned())
                .or_else(|| labels.get(&format!("*.{column}")).cloned())
                .unwrap_or_else(|| column.to_string());
            Some(Cell {
                group: group.to_string(),
                group_label,
                row: row.clone(),
                column: column.to_string(),
                column_label,
            })
        })
        .collect()
}

/// Every scalar value of `source` as a form field, in file order.
pub fn fields(source: &str, merged: &Merged) -> Result<Vec<Field>, EditError> {
    let mut all: Vec<Field> = scalars(source)?
        .into_iter()
        .map(|s| {
            let (label, kind) = describe(&s, merged);
            Field {
                key: s.path,
                label,
                kind,
                value: s.value,
                position: s.position,
                grid: None,
            }
        })
        .collect();
    let cells = grid_cells(&all, merged);
    for (f, cell) in all.iter_mut().zip(cells) {
        f.grid = cell;
    }
    Ok(all)
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

    #[test]
    fn series_and_tables_are_grids_and_records_are_not() {
        let source = include_str!("../../data/huyen-yen-lac-2015-2024.yaml");
        let template = include_str!("../../templates/bao-cao-tong-ket.md.tera");
        let mut merged = Merged::default();
        merged.add(
            "bao-cao-tong-ket",
            &crate::contract::parse(template).expect("the template's contract parses"),
        );
        let all = fields(source, &merged).expect("parses");
        let find = |k: &str| all.iter().find(|f| f.key == k).expect(k).clone();
        let cell = find("data.areas.2017.recognised")
            .grid
            .expect("a grid cell");
        assert_eq!(cell.group, "data.areas");
        assert_eq!(cell.row, "2017");
        assert_eq!(cell.column, "recognised");
        assert_eq!(cell.column_label, "Được công nhận");
        assert!(cell.group_label.starts_with("Khu dân cư: tổng số"));
        assert_eq!(find("data.areas.2017.recognised").kind, "count");
        let forces = find("data.forces.2024.models").grid.expect("forces");
        assert_eq!(
            (forces.row.as_str(), forces.column.as_str()),
            ("2024", "models")
        );
        // A table: a list of records, rows numbered from 1.
        let model = find("data.models_list[2].members")
            .grid
            .expect("table cell");
        assert_eq!(
            (model.group.as_str(), model.row.as_str()),
            ("data.models_list", "3")
        );
        assert_eq!(
            find("data.models_list[0].name").grid.expect("name").column,
            "name"
        );
        let rows = |g: &str| {
            let mut r: Vec<String> = all
                .iter()
                .filter_map(|f| {
                    f.grid
                        .as_ref()
                        .filter(|c| c.group == g)
                        .map(|c| c.row.clone())
                })
                .collect();
            r.dedup();
            r
        };
        assert_eq!(rows("data.areas").len(), 10);
        assert_eq!(
            rows("data.communes").first().map(String::as_str),
            Some("2015")
        );
        assert_eq!(
            find("issuer.recipients[1].name")
                .grid
                .expect("recipients")
                .group_label,
            "Nơi nhận văn bản"
        );
        // Plain values and records with lists or nested records are not grids.
        for key in [
            "data.weapons",
            "unit.households",
            "issuer.signer.name",
            "documents[0].number",
            "documents[0].responds_to.kind",
            "sections[0].heading",
        ] {
            assert_eq!(find(key).grid, None, "{key}");
        }
    }

    #[test]
    fn cells_split_into_group_row_and_column() {
        assert_eq!(
            split_cell("data.areas.2015.total"),
            Some(("data.areas", "2015".into(), "total"))
        );
        assert_eq!(
            split_cell("data.x[0].count"),
            Some(("data.x", "1".into(), "count"))
        );
        assert_eq!(split_cell("unit.name"), None);
        assert_eq!(split_cell("issuer.archive[0]"), None);
        assert_eq!(split_cell("a.b[1]"), None);
    }
}
