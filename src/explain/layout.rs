//! The numbers a document's layout prints: section and list numbers, footnote marks, table
//! row numbers.

use super::scan::Occurrence;
use super::source::Source;
use super::sources::Catalogue;
use crate::document::{Block, Document};

/// The numbers the layout puts in the text: section and list numbers at the start of their
/// line, footnote marks `[1]`, and a table's row numbers `| 1 |`, `| 2 |`….
pub fn layout(text: &str, doc: &Document, catalogue: &mut Catalogue) -> Vec<Occurrence> {
    let mut labels: Vec<(String, &str)> = Vec::new();
    let mut collect = |blocks: &[Block]| {
        for b in blocks {
            match b {
                Block::Heading { number, .. } if !number.is_empty() => {
                    labels.push((format!("{number} "), "section number"))
                }
                Block::ListItem { marker, .. } if marker.chars().any(|c| c.is_ascii_digit()) => {
                    labels.push((format!("{marker} "), "list number"))
                }
                _ => {}
            }
        }
    };
    collect(&doc.body);
    for a in &doc.appendices {
        collect(&a.blocks);
    }
    let mut out = Vec::new();
    let mut at = 0;
    let mut row = 1;
    for line in text.split_inclusive('\n') {
        let body = line.trim_start();
        let indent = line.len() - body.len();
        if let Some((label, what)) = labels.iter().find(|(l, _)| body.starts_with(l.as_str())) {
            let source = catalogue.add(Source::Layout {
                what: what.to_string(),
            });
            out.push(Occurrence {
                start: at + indent,
                end: at + indent + label.len() - 1,
                source,
            });
        }
        if let Some(cells) = body.strip_prefix("| ") {
            let first = cells.split(" |").next().unwrap_or("");
            if first == row.to_string() {
                let source = catalogue.add(Source::Layout {
                    what: "table row number".into(),
                });
                out.push(Occurrence {
                    start: at + indent + 2,
                    end: at + indent + 2 + first.len(),
                    source,
                });
                row += 1;
            }
        } else {
            row = 1;
        }
        at += line.len();
    }
    let source = catalogue.add(Source::Layout {
        what: "footnote mark".into(),
    });
    let mut rest = 0;
    while let Some(open) = text[rest..].find('[') {
        let start = rest + open;
        let digits: String = text[start + 1..]
            .chars()
            .take_while(|c| c.is_ascii_digit())
            .collect();
        let end = start + 1 + digits.len();
        if !digits.is_empty() && text[end..].starts_with(']') {
            out.push(Occurrence {
                start,
                end: end + 1,
                source,
            });
        }
        rest = start + 1;
    }
    out
}
