//! Finding the numbers of a document's text and the printed forms that cover them.

use std::collections::BTreeMap;

/// A number as printed: a run of digits with the dots and commas inside it (`3.537`, `77,4`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte range in the text.
    pub start: usize,
    pub end: usize,
}

fn is_sep(c: char) -> bool {
    c == '.' || c == ','
}

/// Every number of `text`, in order.
pub fn tokens(text: &str) -> Vec<Token> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(&(start, c)) = chars.get(i) {
        if !c.is_ascii_digit() {
            i += 1;
            continue;
        }
        let mut j = i;
        loop {
            match (chars.get(j + 1), chars.get(j + 2)) {
                (Some((_, d)), _) if d.is_ascii_digit() => j += 1,
                (Some((_, s)), Some((_, d))) if is_sep(*s) && d.is_ascii_digit() => j += 2,
                _ => break,
            }
        }
        let end = chars
            .get(j + 1)
            .map(|(at, _)| *at)
            .unwrap_or_else(|| text.len());
        out.push(Token { start, end });
        i = j + 1;
    }
    out
}

/// Whether `text[start..end]` can be a whole printed value: it splits no number (no digit,
/// and no dot or comma between digits, right outside it).
fn bounded(text: &str, start: usize, end: usize) -> bool {
    let before: Vec<char> = text[..start].chars().rev().take(2).collect();
    let after: Vec<char> = text[end..].chars().take(2).collect();
    let inner_first = text[start..end].chars().next();
    let inner_last = text[start..end].chars().next_back();
    let digit = |c: Option<&char>| c.is_some_and(|c| c.is_ascii_digit());
    let starts_digit = inner_first.is_some_and(|c| c.is_ascii_digit());
    let ends_digit = inner_last.is_some_and(|c| c.is_ascii_digit());
    let left_ok = !starts_digit
        || !(digit(before.first())
            || (before.first().is_some_and(|c| is_sep(*c)) && digit(before.get(1))));
    let right_ok = !ends_digit
        || !(digit(after.first())
            || (after.first().is_some_and(|c| is_sep(*c)) && digit(after.get(1))));
    left_ok && right_ok
}

/// A place in the text where a form was found, and whose it is.
#[derive(Debug, Clone)]
pub struct Occurrence {
    pub start: usize,
    pub end: usize,
    pub source: usize,
}

/// Every bounded occurrence in `text` of each form (form → the sources that print it).
pub fn occurrences(text: &str, forms: &BTreeMap<String, Vec<usize>>) -> Vec<Occurrence> {
    let mut out = Vec::new();
    for (form, sources) in forms {
        if form.is_empty() {
            continue;
        }
        for (at, _) in text.match_indices(form.as_str()) {
            if bounded(text, at, at + form.len()) {
                out.extend(sources.iter().map(|&source| Occurrence {
                    start: at,
                    end: at + form.len(),
                    source,
                }));
            }
        }
    }
    out
}

/// The sources of a token: those of the longest occurrences that contain it.
pub fn sources_of(token: &Token, found: &[Occurrence]) -> Vec<usize> {
    let covering: Vec<&Occurrence> = found
        .iter()
        .filter(|o| o.start <= token.start && token.end <= o.end)
        .collect();
    let Some(longest) = covering.iter().map(|o| o.end - o.start).max() else {
        return Vec::new();
    };
    let mut out: Vec<usize> = covering
        .iter()
        .filter(|o| o.end - o.start == longest)
        .map(|o| o.source)
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The literal text of a template, line by line, with each Tera tag replaced by a break
/// (`\0`) and the Markdown marks a reader never sees removed (`**`, `\.`, `# `, `[^note]`).
pub fn literal_lines(template: &str) -> Vec<(usize, String)> {
    let mut plain = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find(['{']) {
        let (head, tail) = rest.split_at(open);
        plain.push_str(head);
        let close = match tail.get(..2) {
            Some("{{") => "}}",
            Some("{%") => "%}",
            Some("{#") => "#}",
            _ => {
                plain.push('{');
                rest = &tail[1..];
                continue;
            }
        };
        match tail.find(close) {
            Some(end) => {
                // Keep the tag's line breaks so line numbers stay right.
                let tag = &tail[..end + 2];
                plain.push('\0');
                plain.extend(tag.chars().filter(|c| *c == '\n'));
                rest = &tail[end + 2..];
            }
            None => {
                rest = "";
            }
        }
    }
    plain.push_str(rest);
    plain
        .lines()
        .enumerate()
        .map(|(i, line)| {
            let mut l = line.trim_start_matches('#').trim_start().to_string();
            while let Some(at) = l.find("[^") {
                let end = l[at..].find(']').map(|e| at + e + 1).unwrap_or(l.len());
                let end = if l[end..].starts_with(':') {
                    end + 1
                } else {
                    end
                };
                l.replace_range(at..end, "\0");
            }
            let mut out = String::with_capacity(l.len());
            let mut escaped = false;
            for c in l.chars() {
                if escaped {
                    out.push(c);
                    escaped = false;
                } else if c == '\\' {
                    escaped = true;
                } else if c != '*' {
                    out.push(c);
                }
            }
            (i + 1, out)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str) -> Vec<&str> {
        tokens(text).iter().map(|t| &text[t.start..t.end]).collect()
    }

    #[test]
    fn numbers_of_a_text() {
        assert_eq!(
            shown("có 3.537 hộ (77,4%), 10/10 khu phố, năm 2024."),
            vec!["3.537", "77,4", "10", "10", "2024"]
        );
    }

    #[test]
    fn a_form_never_splits_a_number() {
        assert!(!bounded("3.537", 0, 1));
        assert!(bounded("10/10", 0, 2));
        let at = "năm 2024.".find('2').unwrap_or_default();
        assert!(bounded("năm 2024.", at, at + 4));
        assert!(!bounded("2024", 1, 4));
    }

    #[test]
    fn the_longest_cover_wins() {
        let text = "ngày 05 tháng 11 năm 2024";
        let mut forms = BTreeMap::new();
        forms.insert("2024".to_string(), vec![0]);
        forms.insert(text.to_string(), vec![1]);
        let found = occurrences(text, &forms);
        let t = tokens(text);
        assert_eq!(sources_of(&t[2], &found), vec![1]);
    }

    #[test]
    fn literal_text_of_a_template() {
        let lines = literal_lines("# Điều {{ n }}\nThông tư số 124/2021/TT-BCA[^a]\n**Đạt\\.**");
        assert_eq!(lines[0], (1, "Điều \0".to_string()));
        assert_eq!(lines[1], (2, "Thông tư số 124/2021/TT-BCA\0".to_string()));
        assert_eq!(lines[2], (3, "Đạt.".to_string()));
    }
}
