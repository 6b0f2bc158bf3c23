//! Runs of text a line must never break inside: document numbers (`23/2012/TT-BCA`,
//! `47-NQ/ĐU`, `93/BC-BCĐ`) and dates (`12/01/2024`). Both page writers ask here, so Word and
//! the PDF keep the same runs whole; the text itself is never changed and nothing invisible
//! is added to it.
//!
//! Word and LibreOffice never break after a `/` inside such a run, but may break after its
//! `-`: the DOCX writes those as non-breaking hyphens (`w:noBreakHyphen`, which Find and copy
//! treat as `-`). Typst would break after a `/` before a letter (`124/2021/` | `TT-BCA`), so
//! the PDF boxes the whole run.

use std::ops::Range;

/// Byte ranges of `text` that must stay on one line: a run that starts with a digit, is made
/// of letters and digits joined by single `/` or `-`, and has at least one `/`.
pub fn unbreakable(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    // The open run: its start, its end so far, whether a `/` joins two of its parts, and
    // the separator waiting for the next part.
    let mut run: Option<(usize, usize, bool, Option<char>)> = None;
    for (i, c) in text.char_indices() {
        let next = i + c.len_utf8();
        run = match (run, c) {
            (None, c) if c.is_ascii_digit() && !preceded_by_word(text, i) => {
                Some((i, next, false, None))
            }
            (Some((s, _, slash, sep)), c) if c.is_alphanumeric() => {
                Some((s, next, slash || sep == Some('/'), None))
            }
            (Some((s, e, slash, None)), '/' | '-') => Some((s, e, slash, Some(c))),
            (Some((s, e, slash, _)), _) => {
                if slash {
                    out.push(s..e);
                }
                None
            }
            (None, _) => None,
        };
    }
    if let Some((s, e, true, _)) = run {
        out.push(s..e);
    }
    out
}

/// The longest word [`slash_words`] keeps whole, in characters: a longer one (a web address)
/// could not fit a line anyway, and a box would run into the margin where Word breaks it.
const LONGEST_SLASH_WORD: usize = 40;

/// Byte ranges of the words of `text` (runs between spaces) with a `/` inside them
/// (`nhận/tổng`, `(10/10)`): Word and LibreOffice never break a line after a `/`, where Typst
/// would before a letter. The PDF keeps them whole; the DOCX needs nothing.
pub fn slash_words(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    let close = |s: usize, e: usize, out: &mut Vec<Range<usize>>| {
        let word = text.get(s..e).unwrap_or_default();
        let inner = word
            .trim_end_matches('/')
            .trim_start_matches('/')
            .contains('/');
        if inner && word.chars().count() <= LONGEST_SLASH_WORD {
            out.push(s..e);
        }
    };
    for (i, c) in text.char_indices() {
        match (start, c.is_whitespace()) {
            (None, false) => start = Some(i),
            (Some(s), true) => {
                close(s, i, &mut out);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        close(s, text.len(), &mut out);
    }
    out
}

/// Whether the character before byte `i` is a letter or digit (a number inside a word is
/// not the start of one).
fn preceded_by_word(text: &str, i: usize) -> bool {
    text.get(..i)
        .and_then(|s| s.chars().next_back())
        .is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn runs(text: &str) -> Vec<&str> {
        unbreakable(text)
            .into_iter()
            .filter_map(|r| text.get(r))
            .collect()
    }

    #[test]
    fn document_numbers_and_dates_are_found() {
        assert_eq!(
            runs("Thông tư số 23/2012/TT-BCA và 124/2021/TT-BCA."),
            ["23/2012/TT-BCA", "124/2021/TT-BCA"]
        );
        assert_eq!(
            runs("Nghị quyết số 47-NQ/ĐU ngày 12/01/2024;"),
            ["47-NQ/ĐU", "12/01/2024"]
        );
        assert_eq!(runs("Số: 93/BC-BCĐ"), ["93/BC-BCĐ"]);
        // A trailing separator is not part of the run.
        assert_eq!(runs("161/212- x"), ["161/212"]);
    }

    #[test]
    fn words_with_a_slash_inside() {
        let text = "Khu dân cư (được công nhận/tổng số), 10/10 thôn; và/ hay /x";
        let words: Vec<&str> = slash_words(text)
            .into_iter()
            .filter_map(|r| text.get(r))
            .collect();
        assert_eq!(words, ["nhận/tổng", "10/10"]);
        let link = "xem https://congan.thanhhoa.gov.vn/tin-tuc/an-ninh-trat-tu/2024/bao-cao";
        assert_eq!(slash_words(link), Vec::<Range<usize>>::new());
    }

    #[test]
    fn other_text_is_left_alone() {
        assert_eq!(runs("giai đoạn 2015 - 2024, 2015-2024"), Vec::<&str>::new());
        assert_eq!(runs("Độc lập - Tự do - Hạnh phúc"), Vec::<&str>::new());
        assert_eq!(runs("A1/2 x//y 3//4"), Vec::<&str>::new());
    }
}
