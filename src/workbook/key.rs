//! The name of a workbook column's figure, as row 2 writes it: a scalar as the fact sheet
//! names it (`data.patrols`, `unit.households`, `facts.tip_offs`), or one year of a series —
//! `data.teams[2024]` (a series of one figure) or `data.areas[2024].recognised` (a figure of a
//! group).

use std::fmt;

/// A column's figure.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct FigureKey {
    /// The declared name: `data.patrols`, `data.areas`.
    pub name: String,
    /// For a series: the year, and the figure of the group (none for a series of one figure).
    pub point: Option<(i64, Option<String>)>,
}

fn plain(part: &str) -> bool {
    !part.is_empty() && part.chars().all(|c| c.is_alphanumeric() || c == '_')
}

impl FigureKey {
    /// Parses a key; `None` when it is not the name of a figure a fact sheet can hold.
    pub fn parse(key: &str) -> Option<FigureKey> {
        let (name, point) = match key.split_once('[') {
            None => (key, None),
            Some((name, rest)) => {
                let (year, after) = rest.split_once(']')?;
                let year: i64 = year
                    .trim()
                    .parse()
                    .ok()
                    .filter(|y| (1900..=2200).contains(y))?;
                let field = match after {
                    "" => None,
                    f => Some(f.strip_prefix('.').filter(|f| plain(f))?.to_string()),
                };
                (name, Some((year, field)))
            }
        };
        let (root, rest) = name.split_once('.')?;
        let valid = matches!(root, "unit" | "facts" | "data")
            && rest.split('.').all(plain)
            && (point.is_none() || root == "data");
        valid.then(|| FigureKey {
            name: name.to_string(),
            point,
        })
    }
}

impl fmt::Display for FigureKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.name)?;
        if let Some((year, field)) = &self.point {
            write!(f, "[{year}]")?;
            if let Some(field) = field {
                write!(f, ".{field}")?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip() {
        for key in [
            "data.patrols",
            "unit.households",
            "facts.tip_offs",
            "data.teams[2024]",
            "data.areas[2015].recognised",
        ] {
            let parsed = FigureKey::parse(key).unwrap_or_else(|| panic!("{key}"));
            assert_eq!(parsed.to_string(), key);
        }
        let k = FigureKey::parse("data.areas[2015].recognised").expect("parses");
        assert_eq!(k.name, "data.areas");
        assert_eq!(k.point, Some((2015, Some("recognised".into()))));
        for bad in [
            "patrols",
            "narrative.notes",
            "data.",
            "data.a b",
            "unit.households[2024]",
            "data.areas[x]",
            "data.areas[2024",
            "data.areas[2024]x",
            "data.areas[2024].",
            "data.areas[99999]",
            "oops",
        ] {
            assert_eq!(FigureKey::parse(bad), None, "{bad}");
        }
    }
}
