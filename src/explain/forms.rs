//! The ways a value can appear in a document: a number as each filter prints it (`08`,
//! `3.537`, `77,4%`), a date in its three forms, and for a piece of prose the few words around
//! each number in it (a `2024` inside "Tết Nguyên đán Giáp Thìn 2024" is that sentence's,
//! not the period's).

use crate::locale;
use chrono::NaiveDate;

/// Every string the figure filters print for `x` (`count`, `thousands`, `number`,
/// `percent`, `money`), and Tera's own `{{ x }}`.
pub fn number(x: f64) -> Vec<String> {
    let mut out = Vec::new();
    if !x.is_finite() {
        return out;
    }
    if x.fract() == 0.0 && x.abs() < 1e15 {
        let n = x as i64;
        out.push(locale::count(n));
        out.push(locale::thousands(n));
        out.push(n.to_string());
        out.push(locale::percent(x, 0));
    } else {
        out.push(x.to_string());
        for places in 0..=3 {
            out.push(locale::number(x, places));
            out.push(locale::decimal(x, places));
            out.push(locale::percent(x, places));
        }
        out.push(locale::count(x.round() as i64));
    }
    out.sort();
    out.dedup();
    out.retain(|f| f.chars().any(|c| c.is_ascii_digit()));
    out
}

/// The ways a fraction `part/whole` is printed (`03/04`, `161/212`, `3.537/3.600`): a ratio's
/// parts as the share components print them.
pub fn fraction(part: f64, whole: f64) -> Vec<String> {
    if part.fract() != 0.0 || whole.fract() != 0.0 || !part.is_finite() || !whole.is_finite() {
        return Vec::new();
    }
    let (p, w) = (part as i64, whole as i64);
    let mut out = vec![
        format!("{}/{}", locale::count(p), locale::count(w)),
        format!("{}/{}", locale::thousands(p), locale::thousands(w)),
    ];
    out.sort();
    out.dedup();
    out
}

/// The forms of a text value: a date as the date filters print it, a single word (a number
/// of a document, `47-NQ/ĐU`) as it is, and prose by the words around each of its numbers.
pub fn text(s: &str) -> Vec<String> {
    if !s.chars().any(|c| c.is_ascii_digit()) {
        return Vec::new();
    }
    let s = s.trim();
    // The header prints the agency lines in capitals (`BAN CHỈ ĐẠO 138`).
    let upper = s.to_uppercase();
    let mut out = as_typed(s);
    if upper != s {
        out.extend(as_typed(&upper));
    }
    out
}

fn as_typed(s: &str) -> Vec<String> {
    if let Some(forms) = date(s) {
        return forms;
    }
    if !s.contains(char::is_whitespace) {
        return vec![s.to_string()];
    }
    windows(&s.replace('*', ""))
}

/// A full date (`2024-11-05`) or a draft's partial one (`2024-11`, `2024`) as it is printed.
fn date(s: &str) -> Option<Vec<String>> {
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Some(vec![
            locale::date_long(d),
            locale::date_short(d),
            locale::day_month(d),
            s.to_string(),
        ]);
    }
    let mut parts = s.split('-');
    let year: i32 = parts.next()?.parse().ok()?;
    let month = match parts.next() {
        Some(m) => Some(m.parse::<u32>().ok().filter(|m| (1..=12).contains(m))?),
        None => None,
    };
    if parts.next().is_some() || !(1000..=9999).contains(&year) {
        return None;
    }
    Some(vec![
        locale::date_long_parts(None, month, year),
        s.to_string(),
    ])
}

/// For each word of `prose` holding a digit: the word in every run of three words around it
/// (`Giáp Thìn 2024.`; the whole text when it is shorter), and alone when it is more than a
/// bare number (`124/2021/TT-BCA`, `70%`). Two words would be too common to place a number:
/// a typed subject ending in `năm 2024` would claim every `năm 2024` of the document.
pub fn windows(prose: &str) -> Vec<String> {
    let words: Vec<&str> = prose.split_whitespace().collect();
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        if !w.chars().any(|c| c.is_ascii_digit()) {
            continue;
        }
        if words.len() <= 3 {
            out.push(words.join(" "));
        } else {
            for start in i.saturating_sub(2)..=i {
                if let Some(run) = words.get(start..start + 3) {
                    out.push(run.join(" "));
                }
            }
        }
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '%');
        if bare.chars().count() >= 3
            && bare
                .chars()
                .any(|c| c.is_alphabetic() || c == '/' || c == '%')
        {
            out.push(bare.to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fractions_as_the_share_components_print_them() {
        assert_eq!(
            fraction(3.0, 4.0),
            vec!["03/04".to_string(), "3/4".to_string()]
        );
        assert!(fraction(3537.0, 3600.0).contains(&"3.537/3.600".to_string()));
        assert!(fraction(0.5, 4.0).is_empty());
    }

    #[test]
    fn numbers_as_the_filters_print_them() {
        let f = number(3537.0);
        assert!(f.contains(&"3.537".to_string()) && f.contains(&"3537".to_string()));
        assert!(number(8.0).contains(&"08".to_string()));
        let p = number(161.0 * 100.0 / 212.0);
        assert!(p.contains(&"75,9%".to_string()) && p.contains(&"76%".to_string()));
        assert!(number(2.5).contains(&"2,5".to_string()));
    }

    #[test]
    fn dates_and_prose() {
        assert!(text("2024-11-05").contains(&"ngày 05 tháng 11 năm 2024".to_string()));
        assert!(text("2024-11-05").contains(&"05/11/2024".to_string()));
        assert_eq!(text("47-NQ/ĐU"), vec!["47-NQ/ĐU".to_string()]);
        let w = text("dịp Tết Nguyên đán Giáp Thìn 2024.");
        assert_eq!(
            w,
            vec!["Giáp Thìn 2024.".to_string(), "GIÁP THÌN 2024.".to_string()]
        );
        // A bare number of prose is never a form on its own: it would explain any 8.
        assert_eq!(windows("có 8 tổ"), vec!["có 8 tổ".to_string()]);
        assert!(
            windows("theo Thông tư 124/2021/TT-BCA nay").contains(&"124/2021/TT-BCA".to_string())
        );
        assert!(text("no digits").is_empty());
        assert!(text("Ban Chỉ đạo 138").contains(&"CHỈ ĐẠO 138".to_string()));
    }
}
