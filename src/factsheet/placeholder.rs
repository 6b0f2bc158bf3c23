//! Placeholders: the values `vanban init` writes for the clerk to replace (`<Tên đơn vị>`,
//! `<số hộ>`). Every one is Vietnamese words in angle brackets, so none can pass for data:
//! each one left in a fact sheet is an error at its line, and a sheet with an error never
//! renders. Markup a clerk pastes (`<b>`, `<w:t>`, `<a href="…">`) is not one: it holds no
//! space or Vietnamese letter, or holds `=`, `/`, `"`, and prints literally.

use crate::diagnostic::{Diagnostic, Severity};
use serde_json::Value;

/// The first placeholder in a text: `<…>` holding a letter and a space or a letter beyond
/// ASCII, no other bracket and none of the marks of a tag (`=`, `/`, `"`, `:`).
pub fn find(s: &str) -> Option<&str> {
    let mut rest = s;
    while let Some(open) = rest.find('<') {
        let after = &rest[open + 1..];
        let close = after.find(['<', '>'])?;
        let inner = &after[..close];
        let words = inner.chars().any(char::is_alphabetic)
            && inner.chars().any(|c| c == ' ' || !c.is_ascii())
            && !inner.contains(['=', '/', '"', ':']);
        if after[close..].starts_with('>') && words {
            return Some(&rest[open..open + close + 2]);
        }
        rest = &after[close..];
    }
    None
}

/// Whether a text holds a placeholder.
pub fn is_placeholder(s: &str) -> bool {
    find(s).is_some()
}

/// One error per placeholder left in the sheet, at its path (the loader gives the line).
pub fn scan(node: &Value, path: &str, out: &mut Vec<Diagnostic>) {
    match node {
        Value::String(s) => {
            if let Some(p) = find(s) {
                out.push(Diagnostic::new(
                    Severity::Error,
                    "placeholder-left",
                    path,
                    crate::i18n::args! {"placeholder" => p},
                ));
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                scan(item, &format!("{path}[{i}]"), out);
            }
        }
        Value::Object(map) => {
            for (k, v) in map {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                scan(v, &p, out);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn placeholders_are_angle_brackets_around_words() {
        assert_eq!(find("<Tên đơn vị>"), Some("<Tên đơn vị>"));
        assert_eq!(
            find("UBND phường <Tên đơn vị>"),
            Some("<Tên đơn vị>"),
            "inside a text"
        );
        assert_eq!(find("a < b và c > d"), Some("< b và c >"));
        assert_eq!(find("<1.000>"), None, "no letter: not a placeholder");
        assert_eq!(find("x < 5"), None);
        assert_eq!(find("<<Tên>"), Some("<Tên>"));
        assert_eq!(find("<ngày YYYY-MM-DD>"), Some("<ngày YYYY-MM-DD>"));
        // Markup pasted into a text is printed literally, not taken for a placeholder.
        assert_eq!(find("<b>1. không</b> | a"), None);
        assert_eq!(find("</w:t><w:r>&amp; ]]> <?xml"), None);
        assert_eq!(find("#set text(red) <l> #{1+1}"), None);
        assert_eq!(find("<a href=\"x y\">"), None);
        assert_eq!(find("Ban Chỉ đạo 138"), None);
    }

    #[test]
    fn each_placeholder_is_one_error_at_its_path() {
        let tree = json!({
            "unit": {"name": "<Tên đơn vị>", "households": "<số hộ>", "level": "xa"},
            "narrative": {"characteristics": ["Thật", "<Đặc điểm địa bàn>"]},
        });
        let mut out = Vec::new();
        scan(&tree, "", &mut out);
        let paths: Vec<&str> = out.iter().map(|d| d.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "narrative.characteristics[1]",
                "unit.households",
                "unit.name"
            ]
        );
    }
}
