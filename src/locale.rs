//! Vietnamese formatting of numbers, dates, percentages and amounts in words.
//!
//! Everything here is a pure function over plain values, written the way Vietnamese
//! administrative documents (Nghị định 30/2020/NĐ-CP style) print them:
//!
//! * thousands are separated by a dot and decimals by a comma: `9.481,11`;
//! * small counts take a leading zero: `06`;
//! * dates pad days below 10 and the months 1 and 2 with a zero: `ngày 05 tháng 01 năm 2024`,
//!   `ngày 25 tháng 3 năm 2024`;
//! * amounts of money are repeated in words: `9.000.000 đồng (chín triệu đồng)`.
//!
//! No function panics for any input. Floating-point inputs that are not finite (NaN, ±∞) are
//! printed as [`NO_VALUE`] (an em dash, the usual "no figure" mark in a table), never as
//! `NaN` or `inf`.

use chrono::{Datelike, NaiveDate};

/// Printed instead of a number when a floating-point input is NaN or infinite.
pub const NO_VALUE: &str = "—";

/// Fractional places above this are treated as this many (an `f64` has no more meaningful
/// digits, and it keeps the output bounded for absurd requests).
pub const MAX_PLACES: usize = 20;

/// What a blank day or month is printed as in [`date_long_parts`]: four spaces.
pub const BLANK_DATE_PART: &str = "    ";

/// Integer with thousands separated by dots.
///
/// 3537 → `3.537`; 12535 → `12.535`; -1200 → `-1.200`; 0 → `0`. Works for the whole `i64`
/// range, including `i64::MIN`.
pub fn thousands(n: i64) -> String {
    let grouped = group_digits(&n.unsigned_abs().to_string());
    if n < 0 {
        format!("-{grouped}")
    } else {
        grouped
    }
}

/// A count as written in these documents: 1 to 9 with a leading zero (`06`, `01`), 0 as `0`,
/// 10 and above with thousands separators (`1.100`). Negative counts are printed as
/// [`thousands`] does, without padding (`-6`).
pub fn count(n: i64) -> String {
    if (1..10).contains(&n) {
        format!("0{n}")
    } else {
        thousands(n)
    }
}

/// Decimal number with a comma before the decimals, dots between thousands and exactly
/// `places` decimals: `decimal(9481.11, 2)` → `9.481,11`; `decimal(2.5, 1)` → `2,5`;
/// `decimal(3.0, 0)` → `3`.
///
/// Rounding is half away from zero on the shortest decimal form of `x` (the digits Rust prints
/// for it), so the decimal the author wrote is what gets rounded: 2.675 → `2,68` and
/// 77.45 → `77,5`, even though the nearest binary floats lie slightly below those values.
/// A result that rounds to zero has no minus sign. `places` is capped at [`MAX_PLACES`].
/// NaN and ±∞ give [`NO_VALUE`].
pub fn decimal(x: f64, places: usize) -> String {
    match Fixed::from_f64(x, places) {
        Some(f) => f.render(false),
        None => NO_VALUE.to_string(),
    }
}

/// Like [`decimal`] with at most `max_places` decimals, trailing zeros (and then a dangling
/// comma) trimmed: `number(2.50, 2)` → `2,5`; `number(9481.11, 2)` → `9.481,11`;
/// `number(1200.0, 2)` → `1.200`. NaN and ±∞ give [`NO_VALUE`].
pub fn number(x: f64, max_places: usize) -> String {
    match Fixed::from_f64(x, max_places) {
        Some(f) => f.render(true),
        None => NO_VALUE.to_string(),
    }
}

/// A value already in percent, as [`number`] prints it followed by `%`:
/// `percent(77.43, 1)` → `77,4%`; `percent(100.0, 1)` → `100%`; `percent(75.0, 1)` → `75%`.
/// NaN and ±∞ give [`NO_VALUE`] without a `%` sign.
pub fn percent(p: f64, max_places: usize) -> String {
    match Fixed::from_f64(p, max_places) {
        Some(f) => format!("{}%", f.render(true)),
        None => NO_VALUE.to_string(),
    }
}

/// `num / den` as a percentage with at most `max_places` decimals (trailing zeros trimmed);
/// `None` when `den == 0`. `ratio_percent(9, 12, 1)` → `Some("75%")`,
/// `ratio_percent(139, 186, 1)` → `Some("74,7%")`.
///
/// Computed exactly in integers (no floating point), rounding half away from zero:
/// 1/8 at 0 places is `13%`, -1/8 is `-13%`. `max_places` is capped at [`MAX_PLACES`].
pub fn ratio_percent(num: i64, den: i64, max_places: usize) -> Option<String> {
    if den == 0 {
        return None;
    }
    let places = max_places.min(MAX_PLACES);
    let n = u128::from(num.unsigned_abs()) * 100;
    let d = u128::from(den.unsigned_abs());
    let int = (n / d).to_string();
    let mut rem = n % d;
    // One digit more than needed decides the rounding exactly: the tail is at least one half
    // of the last kept place exactly when its first digit is 5 or more.
    let mut frac = String::with_capacity(places + 1);
    for _ in 0..=places {
        rem *= 10; // rem < d <= 2^63, so this cannot overflow u128
        let digit = u8::try_from(rem / d).unwrap_or(0);
        frac.push(char::from(b'0' + digit));
        rem %= d;
    }
    let fixed = Fixed::round(num.is_negative() != den.is_negative(), &int, &frac, places);
    Some(format!("{}%", fixed.render(true)))
}

/// The long date of Nghị định 30: the day below 10 and the months 1 and 2 take a leading
/// zero, the months 3 to 12 do not. `ngày 05 tháng 01 năm 2024`, `ngày 25 tháng 3 năm 2024`,
/// `ngày 15 tháng 11 năm 2024`.
pub fn date_long(d: NaiveDate) -> String {
    date_long_parts(Some(d.day()), Some(d.month()), d.year())
}

/// The long date for drafts in which the day and/or the month is left blank to be filled in
/// by hand. A blank part (`None`) is printed as exactly four spaces ([`BLANK_DATE_PART`]) in
/// place of the number, keeping the single spaces around it, so
/// `(None, Some(8), 2024)` gives `"ngày" + " " + "    " + " " + "tháng 8 năm 2024"`.
///
/// Given parts follow the padding rule of [`date_long`]; they are not validated (a day 0 prints
/// as `00`, a month 13 as `13`).
pub fn date_long_parts(day: Option<u32>, month: Option<u32>, year: i32) -> String {
    let day = day.map_or_else(|| BLANK_DATE_PART.to_string(), pad_day);
    let month = month.map_or_else(|| BLANK_DATE_PART.to_string(), pad_month);
    format!("ngày {day} tháng {month} năm {year}")
}

/// Short numeric date with the same padding rule as [`date_long`]: `12/01/2024`,
/// `05/9/2019`, `28/12/2021`, `04/3/2024`.
pub fn date_short(d: NaiveDate) -> String {
    format!("{}/{}", day_month(d), d.year())
}

/// Day and month without the year, same padding rule: `16/11`, `01/11`, `31/3`, `05/02`.
pub fn day_month(d: NaiveDate) -> String {
    format!("{}/{}", pad_day(d.day()), pad_month(d.month()))
}

/// Vietnamese words for a non-negative integer, in lowercase, covering all of `u64`.
///
/// Choices (Northern usage, as in bank and treasury documents):
///
/// * 0 is `không`; 10 is `mười`; tens from 20 are `… mươi` (`hai mươi`);
/// * `lăm` for 5 after `mười`/`mươi` (15 `mười lăm`, 25 `hai mươi lăm`), `năm` elsewhere
///   (105 `một trăm linh năm`);
/// * `mốt` for 1 after `mươi` (21 `hai mươi mốt`) but `mười một` for 11;
/// * `bốn`, never `tư`, for 4 after `mươi` (24 `hai mươi bốn`);
/// * `linh`, never `lẻ`, for a zero ten inside a hundred (101 `một trăm linh một`);
/// * scales are `nghìn` (never `ngàn`), `triệu`, `tỷ`; above `tỷ` the count of `tỷ` is itself
///   read as a number (10^12 `một nghìn tỷ`, 10^18 `một tỷ tỷ`);
/// * every group of three digits except the leading one is read in full, with `không trăm`
///   and `linh` (1005 `một nghìn không trăm linh năm`, 1_000_005
///   `một triệu không trăm linh năm`);
/// * groups that are entirely zero are skipped (2_000_000_000 `hai tỷ`, 1_005_000
///   `một triệu không trăm linh năm nghìn`).
pub fn words(n: u64) -> String {
    if n == 0 {
        return "không".to_string();
    }
    let mut out = Vec::new();
    push_words(n, true, &mut out);
    out.join(" ")
}

/// Money in figures and in words, as written in reports:
/// `money(9_000_000)` → `9.000.000 đồng (chín triệu đồng)`.
pub fn money(dong: u64) -> String {
    format!(
        "{} đồng ({} đồng)",
        group_digits(&dong.to_string()),
        words(dong)
    )
}

/// The short form used in tables and after fines:
/// `money_short(9_000_000)` → `9.000.000đ (chín triệu đồng)`.
pub fn money_short(dong: u64) -> String {
    format!(
        "{}đ ({} đồng)",
        group_digits(&dong.to_string()),
        words(dong)
    )
}

/// Roman numerals for section numbers: 1 `I`, 4 `IV`, 9 `IX`, 14 `XIV`, 3999 `MMMCMXCIX`.
/// Outside 1..=3999 the Arabic digits are returned (0 → `0`, 4000 → `4000`).
pub fn roman(n: u32) -> String {
    if !(1..=3999).contains(&n) {
        return n.to_string();
    }
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut rest = n;
    let mut out = String::new();
    for (value, symbol) in TABLE {
        while rest >= value {
            out.push_str(symbol);
            rest -= value;
        }
    }
    out
}

/// The Vietnamese alphabet used to letter points (điểm) of a clause, in order.
pub const POINT_LETTERS: [&str; 23] = [
    "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t",
    "u", "v", "x", "y",
];

/// The letter of a point (điểm) by zero-based index: 0 `a`, 4 `đ`, 5 `e`, 22 `y`
/// (the order a b c d đ e g h i k l m n o p q r s t u v x y).
///
/// Beyond `y` the letters are doubled once: 23 `aa`, 24 `bb`, 27 `đđ`, 45 `yy`. Beyond `yy`
/// (index 46 and up) the one-based number is returned as digits (46 → `47`), so any index
/// gives a short, distinct label.
pub fn point_letter(index: usize) -> String {
    let len = POINT_LETTERS.len();
    match POINT_LETTERS.get(index) {
        Some(letter) => (*letter).to_string(),
        None => match index.checked_sub(len).and_then(|i| POINT_LETTERS.get(i)) {
            Some(letter) => letter.repeat(2),
            None => index.saturating_add(1).to_string(),
        },
    }
}

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/// Inserts a dot every three digits from the right into a string of ASCII digits.
fn group_digits(digits: &str) -> String {
    let len = digits.len();
    let mut out = String::with_capacity(len + len / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (len - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

fn pad_day(day: u32) -> String {
    if day < 10 {
        format!("0{day}")
    } else {
        day.to_string()
    }
}

fn pad_month(month: u32) -> String {
    if month == 1 || month == 2 {
        format!("0{month}")
    } else {
        month.to_string()
    }
}

/// A rounded decimal: sign, integer digits, and exactly the requested number of fraction
/// digits (all ASCII).
struct Fixed {
    negative: bool,
    int: String,
    frac: String,
}

impl Fixed {
    /// Rounds the shortest decimal form of `x` to `places` (capped at [`MAX_PLACES`]);
    /// `None` for NaN and ±∞.
    fn from_f64(x: f64, places: usize) -> Option<Fixed> {
        if !x.is_finite() {
            return None;
        }
        // `Display` for f64 prints the shortest round-tripping decimal, never in exponent form.
        let text = format!("{}", x.abs());
        let (int, frac) = text.split_once('.').unwrap_or((text.as_str(), ""));
        Some(Fixed::round(
            x.is_sign_negative(),
            int,
            frac,
            places.min(MAX_PLACES),
        ))
    }

    /// Rounds the magnitude `int.frac` to `places` decimals, half away from zero (the first
    /// dropped digit being 5 or more rounds the magnitude up).
    fn round(negative: bool, int: &str, frac: &str, places: usize) -> Fixed {
        let mut digits: Vec<u8> = int.bytes().collect();
        digits.extend(frac.bytes().take(places));
        digits.resize(int.len() + places, b'0');
        let round_up = frac.as_bytes().get(places).is_some_and(|&d| d >= b'5');
        let mut carry = round_up;
        for d in digits.iter_mut().rev() {
            if !carry {
                break;
            }
            if *d == b'9' {
                *d = b'0';
            } else {
                *d += 1;
                carry = false;
            }
        }
        if carry {
            digits.insert(0, b'1');
        }
        // `digits` holds at least `places` digits (it was resized to `int.len() + places`).
        let (int_digits, frac_digits) = digits.split_at(digits.len().saturating_sub(places));
        let mut int: String = int_digits.iter().map(|&b| char::from(b)).collect();
        let frac: String = frac_digits.iter().map(|&b| char::from(b)).collect();
        let trimmed = int.trim_start_matches('0');
        int = if trimmed.is_empty() {
            "0".to_string()
        } else {
            trimmed.to_string()
        };
        let is_zero = int == "0" && frac.bytes().all(|b| b == b'0');
        Fixed {
            negative: negative && !is_zero,
            int,
            frac,
        }
    }

    /// `-1.234,50`; with `trim`, trailing fraction zeros and then a dangling comma are dropped.
    fn render(&self, trim: bool) -> String {
        let frac = if trim {
            self.frac.trim_end_matches('0')
        } else {
            self.frac.as_str()
        };
        let mut out = String::new();
        if self.negative {
            out.push('-');
        }
        out.push_str(&group_digits(&self.int));
        if !frac.is_empty() {
            out.push(',');
            out.push_str(frac);
        }
        out
    }
}

const DIGITS: [&str; 10] = [
    "không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín",
];

const BILLION: u64 = 1_000_000_000;

/// Pushes the words for `n > 0`. `leading` says whether `n` starts the whole number (then its
/// first group is read short: `năm`, not `không trăm linh năm`).
fn push_words(n: u64, leading: bool, out: &mut Vec<&'static str>) {
    if n >= BILLION {
        push_words(n / BILLION, leading, out);
        out.push("tỷ");
        let low = n % BILLION;
        if low > 0 {
            push_words(low, false, out);
        }
        return;
    }
    // n < 10^9: groups of millions, thousands and units.
    let groups = [
        (n / 1_000_000, Some("triệu")),
        (n / 1_000 % 1_000, Some("nghìn")),
        (n % 1_000, None),
    ];
    let mut first = leading;
    for (group, scale) in groups {
        if group == 0 {
            continue;
        }
        push_group(group, !first, out);
        first = false;
        if let Some(scale) = scale {
            out.push(scale);
        }
    }
}

/// Pushes the words for one group `1..=999`; `full` reads it with its hundreds even when they
/// are zero (`không trăm linh năm`).
fn push_group(group: u64, full: bool, out: &mut Vec<&'static str>) {
    let digit = |d: u64| DIGITS.get((d % 10) as usize).copied().unwrap_or_default();
    let hundreds = group / 100 % 10;
    let tens = group / 10 % 10;
    let units = group % 10;
    if full || hundreds > 0 {
        out.push(digit(hundreds));
        out.push("trăm");
        if tens == 0 && units > 0 {
            out.push("linh");
        }
    }
    match tens {
        0 => {
            if units > 0 {
                out.push(digit(units));
            }
        }
        1 => {
            out.push("mười");
            match units {
                0 => {}
                5 => out.push("lăm"),
                u => out.push(digit(u)),
            }
        }
        t => {
            out.push(digit(t));
            out.push("mươi");
            match units {
                0 => {}
                1 => out.push("mốt"),
                5 => out.push("lăm"),
                u => out.push(digit(u)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
    }

    #[test]
    fn thousands_examples() {
        assert_eq!(thousands(3537), "3.537");
        assert_eq!(thousands(12535), "12.535");
        assert_eq!(thousands(-1200), "-1.200");
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(-999), "-999");
        assert_eq!(thousands(1000), "1.000");
        assert_eq!(thousands(100_000), "100.000");
        assert_eq!(thousands(1_234_567), "1.234.567");
        assert_eq!(thousands(i64::MAX), "9.223.372.036.854.775.807");
        assert_eq!(thousands(i64::MIN), "-9.223.372.036.854.775.808");
    }

    #[test]
    fn count_examples() {
        assert_eq!(count(0), "0");
        assert_eq!(count(1), "01");
        assert_eq!(count(6), "06");
        assert_eq!(count(9), "09");
        assert_eq!(count(10), "10");
        assert_eq!(count(1100), "1.100");
        assert_eq!(count(-6), "-6");
        assert_eq!(count(-1200), "-1.200");
        assert_eq!(count(i64::MIN), "-9.223.372.036.854.775.808");
    }

    #[test]
    fn decimal_examples() {
        assert_eq!(decimal(9481.11, 2), "9.481,11");
        assert_eq!(decimal(2.5, 1), "2,5");
        assert_eq!(decimal(3.0, 0), "3");
        assert_eq!(decimal(2.5, 3), "2,500");
        assert_eq!(decimal(1200.0, 2), "1.200,00");
        assert_eq!(decimal(-1234.5, 1), "-1.234,5");
        assert_eq!(decimal(0.0, 2), "0,00");
    }

    #[test]
    fn decimal_rounds_half_away_from_zero() {
        assert_eq!(decimal(0.05, 1), "0,1");
        assert_eq!(decimal(-0.05, 1), "-0,1");
        assert_eq!(decimal(2.675, 2), "2,68");
        assert_eq!(decimal(77.45, 1), "77,5");
        assert_eq!(decimal(1.005, 2), "1,01");
        assert_eq!(decimal(0.5, 0), "1");
        assert_eq!(decimal(1.5, 0), "2");
        assert_eq!(decimal(2.5, 0), "3");
        assert_eq!(decimal(-2.5, 0), "-3");
        assert_eq!(decimal(2.44, 1), "2,4");
        assert_eq!(decimal(9.995, 2), "10,00");
        assert_eq!(decimal(999.95, 1), "1.000,0");
        assert_eq!(decimal(999_999.5, 0), "1.000.000");
    }

    #[test]
    fn decimal_negative_zero_has_no_sign() {
        assert_eq!(decimal(-0.0, 1), "0,0");
        assert_eq!(decimal(-0.04, 1), "0,0");
        assert_eq!(number(-0.004, 2), "0");
    }

    #[test]
    fn decimal_extremes_do_not_panic() {
        assert_eq!(decimal(f64::NAN, 2), NO_VALUE);
        assert_eq!(decimal(f64::INFINITY, 2), NO_VALUE);
        assert_eq!(decimal(f64::NEG_INFINITY, 2), NO_VALUE);
        let max = decimal(f64::MAX, 2);
        assert!(max.starts_with("179.769.313.486.231.570"), "{max}");
        assert!(max.ends_with(",00"));
        assert!(decimal(f64::MIN, 0).starts_with("-179.769"));
        assert_eq!(decimal(1e-300, 2), "0,00");
        assert_eq!(decimal(f64::MIN_POSITIVE, 0), "0");
        assert_eq!(decimal(1e20, 0), "100.000.000.000.000.000.000");
        // Absurd place counts are capped.
        assert_eq!(
            decimal(1.0, usize::MAX),
            format!("1,{}", "0".repeat(MAX_PLACES))
        );
        assert_eq!(number(1.25, usize::MAX), "1,25");
    }

    #[test]
    fn number_examples() {
        assert_eq!(number(2.50, 2), "2,5");
        assert_eq!(number(9481.11, 2), "9.481,11");
        assert_eq!(number(1200.0, 2), "1.200");
        assert_eq!(number(1.999, 2), "2");
        assert_eq!(number(0.1, 0), "0");
        assert_eq!(number(-12.30, 3), "-12,3");
        assert_eq!(number(f64::NAN, 2), NO_VALUE);
    }

    #[test]
    fn percent_examples() {
        assert_eq!(percent(77.43, 1), "77,4%");
        assert_eq!(percent(100.0, 1), "100%");
        assert_eq!(percent(75.0, 1), "75%");
        assert_eq!(percent(77.45, 1), "77,5%");
        assert_eq!(percent(99.96, 1), "100%");
        assert_eq!(percent(12.5, 0), "13%");
        assert_eq!(percent(-3.25, 1), "-3,3%");
        assert_eq!(percent(f64::NAN, 1), NO_VALUE);
        assert_eq!(percent(f64::INFINITY, 1), NO_VALUE);
    }

    #[test]
    fn ratio_percent_examples() {
        assert_eq!(ratio_percent(9, 12, 1).as_deref(), Some("75%"));
        assert_eq!(ratio_percent(139, 186, 1).as_deref(), Some("74,7%"));
        assert_eq!(ratio_percent(1, 0, 1), None);
        assert_eq!(ratio_percent(0, 0, 1), None);
        assert_eq!(ratio_percent(0, 5, 1).as_deref(), Some("0%"));
        assert_eq!(ratio_percent(12, 12, 1).as_deref(), Some("100%"));
        assert_eq!(ratio_percent(1, 3, 2).as_deref(), Some("33,33%"));
        assert_eq!(ratio_percent(2, 3, 1).as_deref(), Some("66,7%"));
        assert_eq!(ratio_percent(1, 8, 0).as_deref(), Some("13%"));
        assert_eq!(ratio_percent(-1, 8, 0).as_deref(), Some("-13%"));
        assert_eq!(ratio_percent(1, -8, 1).as_deref(), Some("-12,5%"));
        assert_eq!(ratio_percent(-1, -8, 1).as_deref(), Some("12,5%"));
        assert_eq!(ratio_percent(1, 2000, 1).as_deref(), Some("0,1%"));
        assert_eq!(ratio_percent(-1, 3000, 1).as_deref(), Some("0%"));
        assert_eq!(ratio_percent(3, 2, 1).as_deref(), Some("150%"));
    }

    #[test]
    fn ratio_percent_extremes_do_not_panic() {
        assert_eq!(
            ratio_percent(i64::MIN, i64::MIN, 1).as_deref(),
            Some("100%")
        );
        assert_eq!(
            ratio_percent(i64::MIN, 1, 0).as_deref(),
            Some("-922.337.203.685.477.580.800%")
        );
        assert_eq!(ratio_percent(1, i64::MAX, 2).as_deref(), Some("0%"));
        assert_eq!(
            ratio_percent(1, 3, usize::MAX),
            Some(format!("33,{}%", "3".repeat(MAX_PLACES)))
        );
    }

    #[test]
    fn date_long_examples() {
        assert_eq!(date_long(date(2024, 1, 5)), "ngày 05 tháng 01 năm 2024");
        assert_eq!(date_long(date(2024, 3, 25)), "ngày 25 tháng 3 năm 2024");
        assert_eq!(date_long(date(2024, 11, 15)), "ngày 15 tháng 11 năm 2024");
        assert_eq!(date_long(date(2024, 2, 29)), "ngày 29 tháng 02 năm 2024");
        assert_eq!(date_long(date(2024, 12, 9)), "ngày 09 tháng 12 năm 2024");
        assert_eq!(date_long(date(2024, 10, 10)), "ngày 10 tháng 10 năm 2024");
    }

    #[test]
    fn date_long_parts_examples() {
        assert_eq!(
            date_long_parts(None, Some(8), 2024),
            "ngày      tháng 8 năm 2024"
        );
        assert_eq!(
            date_long_parts(None, Some(8), 2024),
            format!("ngày {BLANK_DATE_PART} tháng 8 năm 2024")
        );
        assert_eq!(
            date_long_parts(None, None, 2024),
            "ngày      tháng      năm 2024"
        );
        assert_eq!(
            date_long_parts(Some(5), None, 2024),
            "ngày 05 tháng      năm 2024"
        );
        assert_eq!(
            date_long_parts(Some(5), Some(1), 2024),
            date_long(date(2024, 1, 5))
        );
        assert_eq!(
            date_long_parts(Some(0), Some(13), -1),
            "ngày 00 tháng 13 năm -1"
        );
        assert_eq!(
            date_long_parts(Some(u32::MAX), Some(u32::MAX), i32::MIN),
            format!("ngày {} tháng {} năm {}", u32::MAX, u32::MAX, i32::MIN)
        );
    }

    #[test]
    fn date_short_examples() {
        assert_eq!(date_short(date(2024, 1, 12)), "12/01/2024");
        assert_eq!(date_short(date(2019, 9, 5)), "05/9/2019");
        assert_eq!(date_short(date(2021, 12, 28)), "28/12/2021");
        assert_eq!(date_short(date(2024, 3, 4)), "04/3/2024");
    }

    #[test]
    fn day_month_examples() {
        assert_eq!(day_month(date(2024, 11, 16)), "16/11");
        assert_eq!(day_month(date(2024, 11, 1)), "01/11");
        assert_eq!(day_month(date(2024, 3, 31)), "31/3");
        assert_eq!(day_month(date(2024, 2, 5)), "05/02");
    }

    #[test]
    fn words_small() {
        let cases: &[(u64, &str)] = &[
            (0, "không"),
            (1, "một"),
            (4, "bốn"),
            (5, "năm"),
            (10, "mười"),
            (11, "mười một"),
            (14, "mười bốn"),
            (15, "mười lăm"),
            (20, "hai mươi"),
            (21, "hai mươi mốt"),
            (24, "hai mươi bốn"),
            (25, "hai mươi lăm"),
            (31, "ba mươi mốt"),
            (55, "năm mươi lăm"),
            (99, "chín mươi chín"),
            (100, "một trăm"),
            (101, "một trăm linh một"),
            (104, "một trăm linh bốn"),
            (105, "một trăm linh năm"),
            (110, "một trăm mười"),
            (111, "một trăm mười một"),
            (115, "một trăm mười lăm"),
            (121, "một trăm hai mươi mốt"),
            (999, "chín trăm chín mươi chín"),
        ];
        for &(n, expected) in cases {
            assert_eq!(words(n), expected, "{n}");
        }
    }

    #[test]
    fn words_large() {
        let cases: &[(u64, &str)] = &[
            (1_000, "một nghìn"),
            (1_001, "một nghìn không trăm linh một"),
            (1_005, "một nghìn không trăm linh năm"),
            (1_010, "một nghìn không trăm mười"),
            (1_100, "một nghìn một trăm"),
            (10_000, "mười nghìn"),
            (15_000, "mười lăm nghìn"),
            (21_000, "hai mươi mốt nghìn"),
            (100_000, "một trăm nghìn"),
            (1_000_000, "một triệu"),
            (9_000_000, "chín triệu"),
            (85_000_000, "tám mươi lăm triệu"),
            (1_005_000, "một triệu không trăm linh năm nghìn"),
            (1_000_005, "một triệu không trăm linh năm"),
            (
                1_234_567,
                "một triệu hai trăm ba mươi bốn nghìn năm trăm sáu mươi bảy",
            ),
            (1_000_000_000, "một tỷ"),
            (2_000_000_000, "hai tỷ"),
            (1_000_000_005, "một tỷ không trăm linh năm"),
            (2_500_000_000, "hai tỷ năm trăm triệu"),
            (1_000_000_000_000, "một nghìn tỷ"),
            (1_001_000_000_000, "một nghìn không trăm linh một tỷ"),
            (1_000_000_000_000_000_000, "một tỷ tỷ"),
        ];
        for &(n, expected) in cases {
            assert_eq!(words(n), expected, "{n}");
        }
    }

    #[test]
    fn words_u64_max() {
        assert_eq!(
            words(u64::MAX),
            "mười tám tỷ bốn trăm bốn mươi sáu triệu bảy trăm bốn mươi bốn nghìn \
             không trăm bảy mươi ba tỷ bảy trăm linh chín triệu năm trăm năm mươi mốt nghìn \
             sáu trăm mười lăm"
        );
    }

    #[test]
    fn words_have_single_spaces_and_northern_forms() {
        for n in (0..2_000_u64).chain([u64::MAX, 1_000_000_000_000_000_000]) {
            let w = words(n);
            assert!(
                !w.contains("  ") && !w.starts_with(' ') && !w.ends_with(' '),
                "{n}: {w}"
            );
            for southern in ["ngàn", "lẻ", "tư"] {
                assert!(!w.split(' ').any(|x| x == southern), "{n}: {w}");
            }
        }
    }

    #[test]
    fn money_examples() {
        assert_eq!(money(9_000_000), "9.000.000 đồng (chín triệu đồng)");
        assert_eq!(money(0), "0 đồng (không đồng)");
        assert_eq!(
            money(1_500_000),
            "1.500.000 đồng (một triệu năm trăm nghìn đồng)"
        );
        assert!(money(u64::MAX).starts_with("18.446.744.073.709.551.615 đồng (mười tám tỷ"));
        assert_eq!(money_short(9_000_000), "9.000.000đ (chín triệu đồng)");
        assert_eq!(money_short(0), "0đ (không đồng)");
    }

    #[test]
    fn roman_examples() {
        let cases: &[(u32, &str)] = &[
            (1, "I"),
            (2, "II"),
            (3, "III"),
            (4, "IV"),
            (5, "V"),
            (9, "IX"),
            (10, "X"),
            (14, "XIV"),
            (40, "XL"),
            (90, "XC"),
            (400, "CD"),
            (1994, "MCMXCIV"),
            (3999, "MMMCMXCIX"),
            (0, "0"),
            (4000, "4000"),
            (u32::MAX, "4294967295"),
        ];
        for &(n, expected) in cases {
            assert_eq!(roman(n), expected, "{n}");
        }
    }

    #[test]
    fn point_letter_examples() {
        let all: Vec<String> = (0..23).map(point_letter).collect();
        assert_eq!(
            all.join(" "),
            "a b c d đ e g h i k l m n o p q r s t u v x y"
        );
        assert_eq!(point_letter(23), "aa");
        assert_eq!(point_letter(24), "bb");
        assert_eq!(point_letter(27), "đđ");
        assert_eq!(point_letter(45), "yy");
        assert_eq!(point_letter(46), "47");
        assert_eq!(point_letter(usize::MAX), usize::MAX.to_string());
    }

    #[test]
    fn output_is_nfc() {
        use unicode_normalization::UnicodeNormalization;
        let samples = [
            words(u64::MAX),
            words(1_234_567_891),
            money(85_000_000),
            money_short(21),
            date_long(date(2024, 1, 5)),
            date_long_parts(None, None, 2024),
            point_letter(4),
            point_letter(27),
            decimal(f64::NAN, 1),
        ];
        for s in samples {
            assert_eq!(s.nfc().collect::<String>(), s);
        }
    }
}
