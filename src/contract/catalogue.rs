//! The built-in catalogue (`templates/catalogue.yaml`): the `unit.*` and `facts.*` keys vanban's
//! own types define, each with a kind, a label and a roll-up rule, so that a template declares
//! them by name only.

use super::{Ordered, RawDeclaration};
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
}
