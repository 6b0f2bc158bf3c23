//! The cleaning every text value gets once the YAML is read: pasted spaces and hyphens made
//! plain, line breaks and tabs turned into spaces, control characters dropped, NFC.

use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

/// What one character of a value becomes.
enum Clean {
    Keep(char),
    /// A line break or tab inside a value: a single space between words.
    Break,
    Drop,
}

fn clean_char(c: char) -> Clean {
    match c {
        // Pastes from Word, Excel and web pages: their plain equivalents.
        '\u{a0}' | '\u{3000}' => Clean::Keep(' '),
        '\u{2011}' => Clean::Keep('-'),
        '\u{200b}' | '\u{2060}' | '\u{feff}' => Clean::Drop,
        '\t' | '\u{b}' | '\u{c}' | '\r' | '\n' | '\u{85}' | '\u{2028}' | '\u{2029}' => Clean::Break,
        c if c.is_control() => Clean::Drop,
        c => Clean::Keep(c),
    }
}

/// One text value as the documents print it: pasted spaces and hyphens made plain, line
/// breaks and tabs turned into one space between words, every other control character
/// dropped (a vertical tab or an escape makes an invalid DOCX), NFC-normalised so `ộ`
/// typed as `ô` + combining dot compares and prints like the precomposed letter.
pub fn clean_value_text(s: &str) -> String {
    if unicode_normalization::is_nfc(s)
        && s.chars()
            .all(|c| matches!(clean_char(c), Clean::Keep(k) if k == c))
    {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.chars() {
        match clean_char(c) {
            Clean::Keep(k) => {
                if pending_space && k != ' ' && !out.is_empty() && !out.ends_with(' ') {
                    out.push(' ');
                }
                pending_space = false;
                out.push(k);
            }
            Clean::Break => pending_space = true,
            Clean::Drop => {}
        }
    }
    out.nfc().collect()
}

/// Text the YAML reader accepts: each raw control character other than a line break or a
/// tab, which YAML forbids, becomes one character that [`clean_value_text`] handles the same
/// way (a space for a vertical tab or form feed, a zero-width space for the rest, removed
/// after parsing). One character for one, so every position stays right.
pub fn neutralise_controls(text: &str) -> std::borrow::Cow<'_, str> {
    let odd = |c: char| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{85}');
    if !text.chars().any(odd) {
        return std::borrow::Cow::Borrowed(text);
    }
    text.chars()
        .map(|c| match c {
            '\u{b}' | '\u{c}' => ' ',
            c if odd(c) => '\u{200b}',
            c => c,
        })
        .collect()
}

/// Cleans every text value and every key of a parsed tree, once.
pub fn clean_tree(node: &mut Value) {
    match node {
        Value::String(s) => {
            let cleaned = clean_value_text(s);
            if cleaned != *s {
                *s = cleaned;
            }
        }
        Value::Array(items) => items.iter_mut().for_each(clean_tree),
        Value::Object(map) => {
            let old = std::mem::take(map);
            for (key, mut value) in old {
                clean_tree(&mut value);
                map.insert(clean_value_text(&key), value);
            }
        }
        _ => {}
    }
}
