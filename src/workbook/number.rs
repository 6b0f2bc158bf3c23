//! A workbook cell read as a figure. Spreadsheets hold numbers as numbers, but a clerk often
//! types them as text the Vietnamese way (`3.537`, `3 537`, `77,4`, `77,4%`), or a CSV file
//! holds nothing but text: every such form reads as the number it writes. What is not a
//! number is a problem at its cell; the kind (whole number, not negative) is left to the
//! fact-sheet checks, which see the figure as if it had been typed in the sheet.

use crate::contract::data::value::{APPROXIMATIONS, parse_vietnamese_number};
use serde_json::{Number, Value};

/// What a cell holds, as read from the file.
#[derive(Debug, Clone, PartialEq)]
pub enum CellValue {
    Empty,
    Number(f64),
    Text(String),
    /// A true/false, an error such as `#DIV/0!`: shown as the spreadsheet shows it.
    Other(String),
    /// A date (`01/01/2024`): a figure typed into a cell formatted as a date.
    Date(String),
    /// A formula saved without its value (by a program that does not calculate): its text.
    Formula(String),
}

/// Why a cell is not a figure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotAFigure {
    pub message: String,
    pub help: String,
}

pub(super) const HELP: &str = "type the figure as digits: 3537 or 3.537 (dots between thousands), 77,4 \
                    (a comma before decimals); leave the cell empty when there is no figure \
                    (an empty cell is never read as 0)";

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
            Err(NotAFigure {
                message: format!("\"{t}\" is not a number"),
                help: HELP.to_string(),
            })
        }
        CellValue::Other(shown) => Err(NotAFigure {
            message: format!("{shown} is not a number"),
            help: HELP.to_string(),
        }),
        CellValue::Date(shown) => Err(NotAFigure {
            message: format!("the cell holds the date {shown}, not a number"),
            help: "the cell is formatted as a date, so the figure typed into it became a date: \
                   format it as a number (Format Cells → Number) and type the figure again"
                .to_string(),
        }),
        CellValue::Formula(formula) => Err(NotAFigure {
            message: format!("the cell holds the formula ={formula} but no value"),
            help: "the file was saved by a program that does not calculate formulas: open it \
                   in Excel or LibreOffice and save it again, or type the figure itself"
                .to_string(),
        }),
    }
}

/// A finite number as JSON: a whole one as an integer, so a count reads as a count.
fn number(x: f64) -> Result<Value, NotAFigure> {
    if !x.is_finite() {
        return Err(NotAFigure {
            message: "this is not a number".into(),
            help: HELP.into(),
        });
    }
    if x.fract() == 0.0 && x.abs() < 9e15 {
        return Ok(Value::Number(Number::from(x as i64)));
    }
    Number::from_f64(x).map(Value::Number).ok_or(NotAFigure {
        message: "this is not a number".into(),
        help: HELP.into(),
    })
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
        assert_eq!(e.message, "\"nhiều\" is not a number");
        assert!(e.help.contains("3.537"), "{}", e.help);
        assert!(figure(&text("trên 1.500"), false).is_err(), "no estimates");
        assert!(figure(&CellValue::Other("#DIV/0!".into()), true).is_err());
        assert!(figure(&CellValue::Number(f64::NAN), true).is_err());
        let e = figure(&CellValue::Date("01/01/2024".into()), true).expect_err("a date");
        assert_eq!(
            e.message,
            "the cell holds the date 01/01/2024, not a number"
        );
        assert!(e.help.contains("formatted as a date"), "{}", e.help);
        let e = figure(&CellValue::Formula("SUM(C3:C9)".into()), true).expect_err("no value");
        assert_eq!(
            e.message,
            "the cell holds the formula =SUM(C3:C9) but no value"
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
