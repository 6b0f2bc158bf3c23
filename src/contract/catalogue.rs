//! The built-in catalogue (`templates/catalogue.yaml`): the `unit.*` and `facts.*` keys vanban's
//! own types define, each with a kind, a label and a roll-up rule, so that a template declares
//! them by name only.

use super::{Kind, Ordered, RawDeclaration};
use std::sync::OnceLock;

/// The catalogue as shipped (embedded).
pub const SOURCE: &str = include_str!("../../templates/catalogue.yaml");

fn entries() -> &'static [(String, RawDeclaration)] {
    static ENTRIES: OnceLock<Vec<(String, RawDeclaration)>> = OnceLock::new();
    ENTRIES.get_or_init(|| {
        // Embedded and covered by a unit test: it cannot fail in a released binary; an empty
        // catalogue would only make declarations of catalogue keys report "not in the catalogue".
        serde_saphyr::from_str::<Ordered<RawDeclaration>>(SOURCE)
            .map(|o| o.0)
            .unwrap_or_default()
    })
}

/// The catalogue's entry for a name.
pub(crate) fn get(name: &str) -> Option<RawDeclaration> {
    entries()
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, d)| d.clone())
}

/// Every entry with its kind and label, in the catalogue's order.
fn all() -> impl Iterator<Item = (&'static str, Option<Kind>, &'static str)> {
    entries().iter().map(|(name, d)| {
        (
            name.as_str(),
            d.kind,
            d.label.as_deref().unwrap_or_default(),
        )
    })
}

/// The built-in figures, the one list of them: every entry of a figure kind (a count, an
/// area…), as `(name, kind, label)`. What rolls up, what a workbook gives a column and what
/// the roll-up reads from a typed sheet are these.
pub fn figures() -> Vec<(&'static str, Kind, &'static str)> {
    all()
        .filter_map(|(name, kind, label)| Some((name, kind?, label)))
        .filter(|(_, kind, _)| kind.is_figure())
        .collect()
}

/// Whether `name` is a built-in figure (one of [`figures`]).
pub fn is_figure(name: &str) -> bool {
    all().any(|(n, kind, _)| n == name && kind.is_some_and(Kind::is_figure))
}

/// The figures directly under a record (`facts.propaganda` gives its seven counts), as
/// `(name, kind, label)`; empty for a figure, a list, a record of no figures.
pub fn parts(record: &str) -> Vec<(&'static str, Kind, &'static str)> {
    figures()
        .into_iter()
        .filter(|(name, _, _)| {
            name.strip_prefix(record)
                .and_then(|rest| rest.strip_prefix('.'))
                .is_some_and(|field| !field.contains('.'))
        })
        .collect()
}

/// The entries directly under `prefix` (`facts.` gives `facts.propaganda`, not
/// `facts.propaganda.articles`), as `(field, kind word, label)`: the documentation of the
/// built-in keys of the template context.
pub fn described(prefix: &str) -> Vec<(&'static str, String, &'static str)> {
    all()
        .filter_map(|(name, kind, label)| {
            let field = name.strip_prefix(prefix)?;
            let word = kind
                .and_then(|k| serde_json::to_value(k).ok())
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default();
            (!field.contains('.')).then_some((field, word, label))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogue_parses_and_every_entry_is_a_valid_declaration() {
        let parsed = serde_saphyr::from_str::<Ordered<RawDeclaration>>(SOURCE).expect("parses");
        assert!(parsed.0.len() > 30);
        for (name, raw) in parsed.0 {
            super::super::declaration(&name, Some(raw)).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        }
    }

    #[test]
    fn figures_and_the_parts_of_a_record_come_from_the_entries() {
        let all = figures();
        assert!(all.contains(&("unit.households", Kind::Count, "Số hộ gia đình")));
        assert!(all.iter().all(|(_, kind, _)| kind.is_figure()));
        assert!(is_figure("unit.area_ha") && is_figure("facts.propaganda.articles"));
        assert!(!is_figure("facts.propaganda") && !is_figure("facts.models"));
        let propaganda = parts("facts.propaganda");
        assert_eq!(propaganda.len(), 7);
        assert_eq!(
            propaganda[0],
            ("facts.propaganda.articles", Kind::Count, "bài tuyên truyền")
        );
        assert!(parts("unit.households").is_empty());
        assert!(parts("facts.models").is_empty());
        let facts: Vec<&str> = described("facts.").iter().map(|(f, _, _)| *f).collect();
        assert!(facts.contains(&"propaganda") && !facts.contains(&"articles"));
    }
}
