//! A workbook cell read as a figure. Spreadsheets hold numbers as numbers, but a clerk often
//! types them as text the Vietnamese way (`3.537`, `3 537`, `77,4`, `77,4%`), or a CSV file
//! holds nothing but text: every such form reads as the number it writes. What is not a
//! number is a problem at its cell; the kind (whole number, not negative) is left to the
//! fact-sheet checks, which see the figure as if it had been typed in the sheet.

use crate::contract::data::value::{APPROXIMATIONS, parse_vietnamese_number};
use crate::i18n::Args;
use crate::i18n::args;
use serde_json::{Number, Value};

/// What a cell holds, as read from the file.
#[derive(Debug, Clone, PartialEq)]
pub enum CellValue {
    Empty,
    Number(f64),
    Text(String),
    /// A true/false: shown as the spreadsheet shows it.
    Other(String),
    /// An error value such as `#DIV/0!`.
    Error(String),
    /// A date (`01/01/2024`): a figure typed into a cell formatted as a date.
    Date(String),
    /// A formula saved without its value (by a program that does not calculate): its text.
    Formula(String),
}

/// Why a cell is not a figure: a message of the catalogue (`cell-not-a-number`) and its
/// arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotAFigure {
    pub code: &'static str,
    pub args: Args,
}

impl NotAFigure {
    fn new(code: &'static str, args: Args) -> NotAFigure {
        NotAFigure { code, args }
    }
}

/// The number a text writes, the Vietnamese way: `3.537`, `3 537` (any kind of space between
/// digit groups), `9.481,11`, `77,4`, `77,4%`, `-5`. `None` for anything else (`2.5` is
/// ambiguous and refused, as in a fact sheet).
pub fn parse_number_text(text: &str) -> Option<f64> {
    let t = text.trim();
    let t = t.strip_suffix('%').map(str::trim_end).unwrap_or(t);
    let (negative, t) = match t.strip_prefix(['-', '−']) {
        Some(rest) => (true, rest.trim_start()),
        None => (false, t),
    };
    // Spaces group thousands as dots do: `3 537` and `1 234 567`; each group after the first
    // has three digits, so `12 5` is not a number.
    let spaced: Vec<&str> = t.split(char::is_whitespace).collect();
    let joined = if spaced.len() > 1 {
        let int_groups = spaced.iter().skip(1).all(|g| {
            let int = g.split(',').next().unwrap_or("");
            int.len() == 3 && int.chars().all(|c| c.is_ascii_digit())
        });
        if !int_groups || spaced.iter().any(|g| g.is_empty()) {
            return None;
        }
        spaced.concat()
    } else {
        t.to_string()
    };
    let x = parse_vietnamese_number(&joined)?;
    Some(if negative { -x } else { x })
}

/// A cell as the fact-sheet value it stands for: `Ok(None)` when empty (absent, never 0).
pub fn figure(cell: &CellValue, approximations: bool) -> Result<Option<Value>, NotAFigure> {
    match cell {
        CellValue::Empty => Ok(None),
        CellValue::Number(x) => number(*x).map(Some),
        CellValue::Text(t) if t.trim().is_empty() => Ok(None),
        CellValue::Text(t) => {
            if let Some(x) = parse_number_text(t) {
                return number(x).map(Some);
            }
            // `trên 1.500`, `hơn 26 nghìn`: an estimate, which the open-data checks read.
            let t = t.trim();
            if approximations
                && APPROXIMATIONS
                    .iter()
                    .any(|a| t.strip_prefix(a).is_some_and(|r| r.starts_with(' ')))
            {
                return Ok(Some(Value::String(t.to_string())));
            }
            Err(NotAFigure::new("cell-not-a-number", args! {"text" => t}))
        }
        CellValue::Other(shown) => Err(NotAFigure::new(
            "cell-value-not-a-number",
            args! {"shown" => shown},
        )),
        CellValue::Error(error) => Err(NotAFigure::new(
            "cell-holds-error",
            args! {"error" => error},
        )),
        CellValue::Date(shown) => Err(NotAFigure::new("cell-holds-date", args! {"date" => shown})),
        CellValue::Formula(formula) => Err(NotAFigure::new(
            "cell-holds-formula",
            args! {"formula" => formula},
        )),
    }
}

/// A finite number as JSON: a whole one as an integer, so a count reads as a count.
fn number(x: f64) -> Result<Value, NotAFigure> {
    if !x.is_finite() {
        return Err(NotAFigure::new("cell-not-finite", Vec::new()));
    }
    if x.fract() == 0.0 && x.abs() < 9e15 {
        return Ok(Value::Number(Number::from(x as i64)));
    }
    Number::from_f64(x)
        .map(Value::Number)
        .ok_or(NotAFigure::new("cell-not-finite", Vec::new()))
}

/// The canonical form of a cell for the row digest: the number it reads as (so `3.537`,
/// `3 537` and 3537 are one value), else its trimmed text, else empty.
pub fn normalised(cell: &CellValue) -> String {
    match figure(cell, true) {
        Ok(Some(Value::String(s))) => s,
        Ok(Some(v)) => v.to_string(),
        Ok(None) => String::new(),
        Err(_) => match cell {
            CellValue::Text(t) | CellValue::Other(t) => t.trim().to_string(),
            // As before error values had a variant of their own: digests stay the same.
            CellValue::Error(e) => format!("the error {e}"),
            CellValue::Date(t) => format!("date {t}"),
            CellValue::Formula(f) => format!("={f}"),
            CellValue::Number(x) => x.to_string(),
            CellValue::Empty => String::new(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn text(s: &str) -> CellValue {
        CellValue::Text(s.to_string())
    }

    #[test]
    fn vietnamese_number_text() {
        assert_eq!(parse_number_text("3.537"), Some(3537.0));
        assert_eq!(parse_number_text(" 3 537 "), Some(3537.0));
        assert_eq!(parse_number_text("3\u{a0}537"), Some(3537.0));
        assert_eq!(parse_number_text("1 234 567"), Some(1_234_567.0));
        assert_eq!(parse_number_text("1.234.567"), Some(1_234_567.0));
        assert_eq!(parse_number_text("77,4"), Some(77.4));
        assert_eq!(parse_number_text("77,4%"), Some(77.4));
        assert_eq!(parse_number_text("9.481,11"), Some(9481.11));
        assert_eq!(parse_number_text("12 345,5"), Some(12345.5));
        assert_eq!(parse_number_text("-5"), Some(-5.0));
        assert_eq!(parse_number_text("0"), Some(0.0));
        for bad in [
            "nhiều", "2.5", "12 5", "3  537", "", "%", "1,2,3", "3.537đ", "x 123",
        ] {
            assert_eq!(parse_number_text(bad), None, "{bad}");
        }
    }

    #[test]
    fn cells_as_figures() {
        let ok = |c: &CellValue| figure(c, true).ok().flatten();
        assert_eq!(ok(&CellValue::Number(3537.0)), Some(json!(3537)));
        assert_eq!(ok(&CellValue::Number(2.5)), Some(json!(2.5)));
        assert_eq!(ok(&text("3.537")), Some(json!(3537)));
        assert_eq!(ok(&text("77,4")), Some(json!(77.4)));
        assert_eq!(ok(&text("trên 1.500")), Some(json!("trên 1.500")));
        // Empty is absent, never zero.
        assert_eq!(figure(&CellValue::Empty, true), Ok(None));
        assert_eq!(figure(&text("  "), true), Ok(None));
        let e = figure(&text("nhiều"), true).expect_err("not a number");
        assert_eq!(e.code, "cell-not-a-number");
        assert_eq!(e.args, args! {"text" => "nhiều"});
        assert!(figure(&text("trên 1.500"), false).is_err(), "no estimates");
        let e = figure(&CellValue::Error("#DIV/0!".into()), true).expect_err("an error");
        assert_eq!(e.code, "cell-holds-error");
        assert!(figure(&CellValue::Other("TRUE".into()), true).is_err());
        assert!(figure(&CellValue::Number(f64::NAN), true).is_err());
        let e = figure(&CellValue::Date("01/01/2024".into()), true).expect_err("a date");
        assert_eq!(
            (e.code, e.args),
            ("cell-holds-date", args! {"date" => "01/01/2024"})
        );
        let e = figure(&CellValue::Formula("SUM(C3:C9)".into()), true).expect_err("no value");
        assert_eq!(
            (e.code, e.args),
            ("cell-holds-formula", args! {"formula" => "SUM(C3:C9)"})
        );
    }

    #[test]
    fn digest_form_ignores_how_the_number_is_typed() {
        assert_eq!(normalised(&text("3.537")), "3537");
        assert_eq!(normalised(&text("3 537")), "3537");
        assert_eq!(normalised(&CellValue::Number(3537.0)), "3537");
        assert_eq!(normalised(&CellValue::Empty), "");
        assert_eq!(normalised(&text(" nhiều ")), "nhiều");
        assert_ne!(normalised(&text("3.538")), normalised(&text("3.537")));
    }
}
