//! Heading numbers, computed over the whole [`Document`] once it is built, so removing a
//! section from a template never leaves a gap or a repeated number. The scheme comes from the
//! template header (`numbering: sections | articles | none`).

use super::{Block, Document};
use crate::locale;
use serde::{Deserialize, Serialize};

/// How headings are numbered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Scheme {
    /// `I.`, `1.`, `1.1.`, `1.1.1.` — reports and plans.
    #[default]
    Sections,
    /// `Điều 1.`, then `1.` and `a)` below — a QUYẾT ĐỊNH, a quy chế.
    Articles,
    /// No numbers.
    None,
}

/// Numbers the headings of the body and, each on its own, of every appendix.
pub fn number(doc: &mut Document, scheme: Scheme) {
    doc.numbering = scheme;
    number_blocks(&mut doc.body, scheme);
    for appendix in &mut doc.appendices {
        number_blocks(&mut appendix.blocks, scheme);
    }
}

fn number_blocks(blocks: &mut [Block], scheme: Scheme) {
    let mut counters = [0u32; 6];
    for block in blocks {
        if let Block::Heading { level, number, .. } = block {
            *number = next(&mut counters, *level, scheme);
        }
    }
}

/// Advances the counters for a heading of `level` and returns its label.
fn next(counters: &mut [u32; 6], level: u8, scheme: Scheme) -> String {
    let idx = usize::from(level.clamp(1, 6) - 1);
    // `idx < 6`, the length of the counters: the split always succeeds.
    let Some((upto, below)) = counters.split_at_mut_checked(idx + 1) else {
        return String::new();
    };
    if let Some(c) = upto.last_mut() {
        *c += 1;
    }
    below.fill(0);
    let Some((top, clauses)) = upto.split_first() else {
        return String::new();
    };
    match (scheme, clauses) {
        (Scheme::None, _) => String::new(),
        (Scheme::Sections, []) => format!("{}.", locale::roman(*top)),
        (Scheme::Articles, []) => format!("Điều {top}."),
        // A point (điểm) under a clause of an article: a), b)…
        (Scheme::Articles, [_, point]) => format!("{})", letter(*point)),
        // Clause numbers restart under each section and chain below: 2., 2.1., 2.1.1.
        (_, clauses) => {
            let parts: Vec<String> = clauses.iter().map(|n| n.to_string()).collect();
            format!("{}.", parts.join("."))
        }
    }
}

/// `a`…`z`, then `aa`, `ab`… (Vietnamese legal points skip no letter in practice; the
/// alphabet is the Latin one used for điểm).
fn letter(n: u32) -> String {
    const LETTERS: &[u8; 26] = b"abcdefghijklmnopqrstuvwxyz";
    let mut n = n.max(1) - 1;
    let mut out = Vec::new();
    loop {
        out.push(LETTERS.get((n % 26) as usize).copied().unwrap_or(b'a'));
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::markdown::parse_body;

    fn numbers(markdown: &str, scheme: Scheme) -> Vec<String> {
        let mut blocks = parse_body(markdown).expect("parses").blocks;
        number_blocks(&mut blocks, scheme);
        blocks
            .iter()
            .filter_map(|b| match b {
                Block::Heading { number, .. } => Some(number.clone()),
                _ => None,
            })
            .collect()
    }

    const OUTLINE: &str = "# Một\n\n## A\n\n### x\n\n### y\n\n## B\n\n# Hai\n\n## C\n";

    #[test]
    fn sections_are_numbered_without_gaps() {
        assert_eq!(
            numbers(OUTLINE, Scheme::Sections),
            ["I.", "1.", "1.1.", "1.2.", "2.", "II.", "1."]
        );
    }

    #[test]
    fn articles_clauses_and_points() {
        assert_eq!(
            numbers(OUTLINE, Scheme::Articles),
            ["Điều 1.", "1.", "a)", "b)", "2.", "Điều 2.", "1."]
        );
        assert_eq!(numbers(OUTLINE, Scheme::None), ["", "", "", "", "", "", ""]);
    }

    #[test]
    fn letters_go_past_z() {
        assert_eq!(letter(1), "a");
        assert_eq!(letter(26), "z");
        assert_eq!(letter(27), "aa");
    }
}
