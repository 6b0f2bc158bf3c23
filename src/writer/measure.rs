//! Rough text widths in Times New Roman, so the ND30 rules (under the agency, the motto and
//! the summary) get a length proportional to the text above them and the header table's
//! columns are wide enough for the quốc hiệu. Advance widths are the standard Times metrics
//! (1/1000 em; Liberation Serif matches them); Vietnamese letters take their base letter's
//! width, which is close enough for a rule.

use unicode_normalization::UnicodeNormalization;

/// Advance widths of `a..z` and `A..Z` in Times Roman.
const ROMAN_LOWER: [u16; 26] = [
    444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389,
    278, 500, 500, 722, 500, 500, 444,
];
const ROMAN_UPPER: [u16; 26] = [
    722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556,
    611, 722, 722, 944, 722, 722, 611,
];
/// The same in Times Bold.
const BOLD_LOWER: [u16; 26] = [
    500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389,
    333, 556, 500, 722, 500, 500, 444,
];
const BOLD_UPPER: [u16; 26] = [
    722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722, 556,
    667, 722, 722, 1000, 722, 722, 667,
];

/// Width of one character in 1/1000 em.
fn advance(c: char, bold: bool) -> u32 {
    // Strip diacritics: "Ộ" → "O"; đ/Đ do not decompose.
    let base = match c {
        'đ' => 'd',
        'Đ' => 'D',
        c => c.nfd().next().unwrap_or(c),
    };
    let (lower, upper) = if bold {
        (&BOLD_LOWER, &BOLD_UPPER)
    } else {
        (&ROMAN_LOWER, &ROMAN_UPPER)
    };
    let width = match base {
        'a'..='z' => lower
            .get(base as usize - 'a' as usize)
            .copied()
            .unwrap_or(500),
        'A'..='Z' => upper
            .get(base as usize - 'A' as usize)
            .copied()
            .unwrap_or(500),
        ' ' | ',' | '.' => 250,
        ':' | ';' | '/' | '!' => 278,
        '-' | '(' | ')' => 333,
        '%' => 833,
        _ => 500,
    };
    u32::from(width)
}

/// Estimated width of `text` at `half_points` size, in twips (1/20 pt).
pub(crate) fn width_twips(text: &str, half_points: u32, bold: bool) -> u32 {
    let em: u64 = text.chars().map(|c| u64::from(advance(c, bold))).sum();
    // em/1000 × size pt × 20 twips, with the size in half-points.
    u32::try_from(em * u64::from(half_points) / 100).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn national_title_at_13pt_bold() {
        // The sum of the Times Bold advances is 20.861 em: 271 pt at 13 pt, 5424 twips.
        let w = width_twips("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 26, true);
        assert!((5300..5550).contains(&w), "{w}");
    }

    #[test]
    fn diacritics_take_the_base_width() {
        assert_eq!(width_twips("Ộ", 28, true), width_twips("O", 28, true));
        assert_eq!(width_twips("đ", 28, false), width_twips("d", 28, false));
    }
}
