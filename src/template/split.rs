//! One render for the four blocks of a document template: its splitter marks each block
//! (and the body's own blocks) in the output, and the blocks are cut out again.

use super::blocks::{BlockNode, blocks_in};
use super::{SUFFIX, Source, tera_name};
use crate::document::outline::ANCHOR;
use std::collections::BTreeMap;
use tera::Tera;

/// The blocks a document template fills, in the order
/// [`Templates::render_once`](super::Templates::render_once) returns.
pub(super) const BLOCKS: [&str; 4] = ["kind", "type_code", "title", "body"];
/// Around each block in a splitter's output: control characters no fact sheet or template
/// text carries (the loader turns them into spaces).
const OPEN: char = '\u{1E}';
const CLOSE: char = '\u{1F}';

/// A document template's splitter: a template that extends it and wraps each of its four
/// blocks in markers, so that one render gives all four (Tera's `render_block` evaluates
/// the whole template for each block, four times the work). Its name ends in the suffix, so
/// the same Markdown escaping applies; a `/` keeps it apart from any template file's name.
pub(super) fn splitter_name(name: &str) -> String {
    format!("split/{name}{SUFFIX}")
}

pub(super) fn add_splitters(tera: &mut Tera, sources: &BTreeMap<String, Source>) {
    let splitters: Vec<(String, String)> = sources
        .iter()
        .filter(|(n, s)| !n.starts_with('_') && s.broken.is_none())
        .map(|(n, _)| {
            let mut text = format!("{{% extends \"{}\" %}}", tera_name(n));
            for block in BLOCKS {
                text.push_str(&format!(
                    "{{% block {block} %}}{OPEN}{block}{CLOSE}{{{{ super() }}}}{CLOSE}{block}{OPEN}{{% endblock {block} %}}"
                ));
            }
            // The blocks inside the body mark where they start and end, so the document
            // model knows its outline (see `document::outline`).
            for block in BlockNode::names(&blocks_in(sources, n)) {
                if BLOCKS.contains(&block.as_str()) {
                    continue;
                }
                text.push_str(&format!(
                    "{{% block {block} %}}{ANCHOR}{block}{ANCHOR}{{{{ super() }}}}{ANCHOR}/{block}{ANCHOR}{{% endblock {block} %}}"
                ));
            }
            (splitter_name(n), text)
        })
        .collect();
    // Without splitters every render takes the slower path; nothing else changes.
    let mut with = tera.clone();
    if with
        .add_raw_templates(splitters.iter().map(|(n, t)| (n.as_str(), t.as_str())))
        .is_ok()
    {
        *tera = with;
    }
}

/// The text between a block's markers, when they occur exactly once each.
pub(super) fn split_block(out: &str, block: &str) -> Option<String> {
    let open = format!("{OPEN}{block}{CLOSE}");
    let close = format!("{CLOSE}{block}{OPEN}");
    if out.matches(&open).count() != 1 || out.matches(&close).count() != 1 {
        return None;
    }
    let start = out.find(&open)? + open.len();
    let end = out.find(&close)?;
    out.get(start..end).map(str::to_string)
}

/// The title block is plain text, not Markdown: undo the escaping of inserted values.
pub(super) fn unescape_inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(next) = chars.next() {
                if next.is_ascii_punctuation() {
                    out.push(next);
                } else {
                    out.push(c);
                    out.push(next);
                }
            } else {
                out.push(c);
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::template::*;

    /// One render of the splitter gives every block exactly as rendering it alone does, for
    /// every document of every example sheet (the one render is really taken).
    #[test]
    fn one_render_gives_the_four_blocks_of_every_example() {
        let templates = Templates::load(None).expect("built-in templates");
        let mut documents = 0;
        let mut sheets: Vec<PathBuf> = std::fs::read_dir("data")
            .expect("data/")
            .map(|e| e.expect("entry").path())
            .collect();
        sheets.extend(
            std::fs::read_dir("data/huyen-thach-thanh-2024-tong-hop/xa")
                .expect("xa/")
                .map(|e| e.expect("entry").path()),
        );
        sheets.push("data/huyen-thach-thanh-2024-tong-hop/huyen-thach-thanh.yaml".into());
        for sheet in sheets
            .iter()
            .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        {
            let checked = crate::check::check(sheet, &templates, None).expect("example checks");
            let contexts = crate::produce::contexts(&checked, &templates);
            for (spec, value) in checked.loaded.sheet.documents.iter().zip(&contexts) {
                let ctx = Context::from_serialize(value).expect("context");
                let name = &spec.template;
                let source = templates.sources.get(name).expect("source");
                let mut once = templates
                    .render_once(name, source, &ctx)
                    .expect("within budget")
                    .expect("one render");
                let each = templates.render_each(name, source, &ctx).expect("each");
                // One render also marks where the body's blocks start and end.
                let marks = once[3].matches(ANCHOR).count();
                assert_eq!(
                    marks,
                    4 * BlockNode::names(&templates.blocks(name)).len(),
                    "{name}: every block marked"
                );
                once[3] = once[3]
                    .split(ANCHOR)
                    .step_by(2)
                    .collect::<Vec<_>>()
                    .concat();
                assert_eq!(once, each, "{}: {name}", sheet.display());
                assert!(once[3].len() > 1000, "{name}: a body");
                documents += 1;
            }
        }
        assert!(documents >= 12, "{documents}");
    }

    #[test]
    fn a_block_missing_or_repeated_falls_back_to_rendering_each() {
        let out = format!("{OPEN}kind{CLOSE}BÁO CÁO{CLOSE}kind{OPEN}");
        assert_eq!(split_block(&out, "kind").as_deref(), Some("BÁO CÁO"));
        assert_eq!(split_block(&out, "title"), None);
        assert_eq!(split_block(&format!("{out}{out}"), "kind"), None);
    }
}
