//! The footnote invariants, established once when a [`Document`] is built so no writer has
//! to check them: every footnote is referenced, footnotes are numbered in order of first
//! reference (as Word and Typst number them), and no footnote contains a footnote.

use super::{Document, Inline};

/// Renumbers the notes of `doc` in order of first reference (body, then appendices) and drops
/// notes nothing refers to. A reference to a note that does not exist, or a reference inside
/// a note, is an error (a fault in the document's construction, not in a clerk's data).
pub fn settle(doc: &mut Document) -> Result<(), String> {
    for (i, note) in doc.footnotes.iter().enumerate() {
        if note
            .paragraphs
            .iter()
            .flatten()
            .any(|x| matches!(x, Inline::Note(_)))
        {
            return Err(format!("footnote {} contains a footnote reference", i + 1));
        }
    }
    let count = doc.footnotes.len();
    // `order[new] = old`; `renumber[old] = new`.
    let mut order: Vec<usize> = Vec::new();
    let mut renumber: Vec<Option<usize>> = vec![None; count];
    for inlines in doc.inlines_mut() {
        for inline in inlines.iter_mut() {
            let Inline::Note(old) = inline else { continue };
            let Some(slot) = renumber.get_mut(*old) else {
                return Err(format!(
                    "footnote reference {} points past the {count} footnote(s) of the document",
                    *old + 1
                ));
            };
            let new = *slot.get_or_insert_with(|| {
                order.push(*old);
                order.len() - 1
            });
            *inline = Inline::Note(new);
        }
    }
    let mut old_notes: Vec<Option<super::Footnote>> = std::mem::take(&mut doc.footnotes)
        .into_iter()
        .map(Some)
        .collect();
    doc.footnotes = order
        .iter()
        .filter_map(|&old| old_notes.get_mut(old).and_then(Option::take))
        .collect();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::sample::sample_document;
    use crate::document::{Block, Footnote, Span};

    fn note(text: &str) -> Footnote {
        Footnote {
            paragraphs: vec![vec![Inline::Text(Span::plain(text))]],
        }
    }

    #[test]
    fn notes_follow_first_reference_and_unused_ones_go() {
        let mut doc = sample_document();
        doc.body = vec![Block::paragraph(vec![
            Inline::Note(2),
            Inline::Note(0),
            Inline::Note(2),
        ])];
        doc.footnotes = vec![note("a"), note("b"), note("c")];
        settle(&mut doc).expect("valid");
        assert_eq!(doc.footnotes, [note("c"), note("a")]);
        assert_eq!(
            doc.body,
            [Block::paragraph(vec![
                Inline::Note(0),
                Inline::Note(1),
                Inline::Note(0)
            ])]
        );
    }

    #[test]
    fn dangling_and_nested_references_are_errors() {
        let mut doc = sample_document();
        doc.body.push(Block::paragraph(vec![Inline::Note(7)]));
        let err = settle(&mut doc).expect_err("note 8 does not exist");
        assert!(err.contains("footnote reference 8"), "{err}");

        let mut doc = sample_document();
        doc.footnotes.push(Footnote {
            paragraphs: vec![vec![Inline::Note(0)]],
        });
        assert!(settle(&mut doc).is_err());
    }
}
