//! Fenced divs (pandoc style) in template Markdown: a line `::: NAME [WORD…]` opens one, a
//! line `:::` closes it. They give paragraphs a role (`basis`, `center`) or send them to a
//! part of the document outside the body (`authority`, `addressees`, `signature`,
//! `recipients`, `appendix`).
//!
//! CommonMark knows no divs, so a pre-pass replaces each div line with a marker paragraph
//! (a private-use character no font prints, stripped from the rest of the text first) that
//! the Markdown builder recognises. One parse of the whole text keeps footnotes working
//! across divs. Data can never form a div line: the template escaper escapes `:`.

use super::outline::ANCHOR;
use super::{Block, Inline, Role, Span};

/// Starts a marker paragraph; never left in the text otherwise.
pub(crate) const MARK: char = '\u{E000}';

/// A div of the template Markdown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Div {
    Basis,
    Center,
    Authority,
    Addressees,
    Signature,
    Recipients,
    Appendix { landscape: bool },
}

/// The names templates write, for messages.
pub const NAMES: &str = "basis, center, authority, addressees, signature, recipients, appendix";

impl Div {
    fn parse(name: &str, words: &[&str]) -> Result<Div, DivError> {
        let div = match name {
            "basis" => Div::Basis,
            "center" => Div::Center,
            "authority" => Div::Authority,
            "addressees" => Div::Addressees,
            "signature" => Div::Signature,
            "recipients" => Div::Recipients,
            "appendix" => match words {
                [] => Div::Appendix { landscape: false },
                ["landscape"] => Div::Appendix { landscape: true },
                _ => {
                    return Err(DivError::new(
                        format!("`::: appendix {}` is not understood", words.join(" ")),
                        "write `::: appendix` or `::: appendix landscape`",
                    ));
                }
            },
            _ => {
                return Err(DivError::new(
                    format!("`::: {name}` is not a div vanban knows"),
                    format!("the divs are: {NAMES}"),
                ));
            }
        };
        if !words.is_empty() && !matches!(div, Div::Appendix { .. }) {
            return Err(DivError::new(
                format!(
                    "`::: {name} {}`: this div takes no words after its name",
                    words.join(" ")
                ),
                format!("write `::: {name}` alone on its line"),
            ));
        }
        Ok(div)
    }

    pub fn name(self) -> &'static str {
        match self {
            Div::Basis => "basis",
            Div::Center => "center",
            Div::Authority => "authority",
            Div::Addressees => "addressees",
            Div::Signature => "signature",
            Div::Recipients => "recipients",
            Div::Appendix { .. } => "appendix",
        }
    }

    /// The marker paragraph that stands for the opening line.
    fn marker(self) -> String {
        match self {
            Div::Appendix { landscape: true } => format!("{MARK}appendix landscape"),
            other => format!("{MARK}{}", other.name()),
        }
    }

    /// The div a marker paragraph opens, `Some(None)` for a closing marker, `None` when the
    /// text is not a marker.
    pub(crate) fn from_marker(text: &str) -> Option<Option<Div>> {
        let rest = text.strip_prefix(MARK)?;
        if rest.is_empty() {
            return Some(None);
        }
        let mut words = rest.split(' ');
        let name = words.next()?;
        let words: Vec<&str> = words.collect();
        Div::parse(name, &words).ok().map(Some)
    }
}

/// A div that cannot be read; the caller names the template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DivError {
    pub message: String,
    pub help: String,
}

impl DivError {
    pub(crate) fn new(message: impl Into<String>, help: impl Into<String>) -> Self {
        DivError {
            message: message.into(),
            help: help.into(),
        }
    }
}

impl std::fmt::Display for DivError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// Replaces div lines by marker paragraphs, checking that every div is known, closed, and
/// nested only inside an appendix (and there only `basis` and `center`).
pub(crate) fn mark(source: &str) -> Result<String, DivError> {
    let source: String = source.chars().filter(|&c| c != MARK).collect();
    let source = anchor_paragraphs(&source);
    let mut out = String::with_capacity(source.len() + 64);
    let mut open: Vec<Div> = Vec::new();
    for line in source.split_inclusive('\n') {
        let bare = line.trim_end();
        let Some(rest) = bare.strip_prefix(":::") else {
            out.push_str(line);
            continue;
        };
        if rest.starts_with(':') {
            return Err(DivError::new(
                format!("`{bare}`: a div line has exactly three colons"),
                "open a div with `::: NAME` and close it with `:::`",
            ));
        }
        let words: Vec<&str> = rest.split_whitespace().collect();
        let marker = match words.split_first() {
            None => {
                if open.pop().is_none() {
                    return Err(DivError::new(
                        "a `:::` line closes no div",
                        "remove it, or open the div before it with `::: NAME`",
                    ));
                }
                MARK.to_string()
            }
            Some((name, words)) => {
                let div = Div::parse(name, words)?;
                match (open.last(), div) {
                    (None, _) | (Some(Div::Appendix { .. }), Div::Basis | Div::Center) => {}
                    (Some(outer), _) => {
                        return Err(DivError::new(
                            format!(
                                "`::: {}` is inside `::: {}`, which is not closed",
                                div.name(),
                                outer.name()
                            ),
                            format!(
                                "close `::: {}` with a `:::` line first (only `basis` and `center` may sit inside an appendix)",
                                outer.name()
                            ),
                        ));
                    }
                }
                open.push(div);
                div.marker()
            }
        };
        out.push_str("\n\n");
        out.push_str(&marker);
        out.push_str("\n\n");
    }
    if let Some(div) = open.last() {
        return Err(DivError::new(
            format!("the `::: {}` div is never closed", div.name()),
            "end it with a line `:::`",
        ));
    }
    Ok(out)
}

/// The paragraph a block's start mark becomes (`@name`), or its end (`@/name`).
pub(crate) fn anchor_marker(token: &str) -> String {
    format!("{MARK}@{token}")
}

/// What a marker paragraph says about a template block: `Some((true, name))` where the block
/// starts, `Some((false, name))` where it ends.
pub(crate) fn anchor_from_marker(text: &str) -> Option<(bool, &str)> {
    let rest = text.strip_prefix(MARK)?.strip_prefix('@')?;
    Some(match rest.strip_prefix('/') {
        Some(name) => (false, name),
        None => (true, rest),
    })
}

/// Turns the block marks of the rendered Markdown (see [`super::outline::ANCHOR`]) into
/// marker paragraphs of their own. A block opened inside a line of text (text before and
/// after it) cannot hold a section: its mark is dropped so the paragraph stays whole.
fn anchor_paragraphs(source: &str) -> String {
    if !source.contains(ANCHOR) {
        return source.to_string();
    }
    let mut out = String::with_capacity(source.len() + 256);
    for line in source.split_inclusive('\n') {
        if !line.contains(ANCHOR) {
            out.push_str(line);
            continue;
        }
        let parts: Vec<&str> = line.split(ANCHOR).collect();
        // Text, token, text, token, … text: the tokens sit at the odd places.
        let text_before = |i: usize| {
            parts
                .iter()
                .take(i)
                .step_by(2)
                .any(|t| !t.trim().is_empty())
        };
        let text_after = |i: usize| {
            parts
                .iter()
                .skip(i + 1)
                .step_by(2)
                .any(|t| !t.trim().is_empty())
        };
        for (i, part) in parts.iter().enumerate() {
            if i % 2 == 0 {
                out.push_str(part);
            } else if !(text_before(i) && text_after(i)) {
                out.push_str("\n\n");
                out.push_str(&anchor_marker(part));
                out.push_str("\n\n");
            }
        }
    }
    out
}

/// Ends every căn cứ paragraph with `;` and the last of each run with `.`, replacing the
/// punctuation and spaces a template or a clerk left at the end.
pub fn punctuate_basis(blocks: &mut [Block]) {
    let mut i = 0;
    while i < blocks.len() {
        let is_basis = |b: Option<&Block>| {
            matches!(
                b,
                Some(Block::Paragraph {
                    role: Role::Basis,
                    ..
                })
            )
        };
        if !is_basis(blocks.get(i)) {
            i += 1;
            continue;
        }
        let start = i;
        while is_basis(blocks.get(i)) {
            i += 1;
        }
        for (n, block) in blocks.iter_mut().enumerate().take(i).skip(start) {
            if let Block::Paragraph { content, .. } = block {
                end_with(content, if n + 1 == i { '.' } else { ';' });
            }
        }
    }
}

fn end_with(content: &mut Vec<Inline>, mark: char) {
    let strip = |s: &str| {
        s.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ';' | '.' | ','))
            .len()
    };
    // Drop runs that were nothing but punctuation, then trim the last run of text.
    while let Some(pos) = content.iter().rposition(|i| matches!(i, Inline::Text(_))) {
        if let Some(Inline::Text(span)) = content.get_mut(pos) {
            let keep = strip(&span.text);
            span.text.truncate(keep);
            if span.text.is_empty() {
                content.remove(pos);
                continue;
            }
            span.text.push(mark);
        }
        return;
    }
    content.push(Inline::Text(Span::plain(mark.to_string())));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn div_lines_become_markers() {
        let out = mark("a\n::: basis\nb\n:::\n").expect("valid");
        assert_eq!(out, format!("a\n\n\n{MARK}basis\n\nb\n\n\n{MARK}\n\n"));
        assert_eq!(
            Div::from_marker(&format!("{MARK}basis")),
            Some(Some(Div::Basis))
        );
        assert_eq!(Div::from_marker(&MARK.to_string()), Some(None));
        assert_eq!(Div::from_marker("basis"), None);
        // A stray marker character in the text is dropped, so data cannot fake a div.
        assert_eq!(mark(&format!("x{MARK}basis\n")).expect("valid"), "xbasis\n");
    }

    #[test]
    fn bad_divs_are_errors() {
        let err = |s: &str| mark(s).expect_err(s).message;
        assert!(err("::: sigature\n:::\n").contains("`::: sigature` is not a div"));
        assert!(err("::: basis\nx\n").contains("never closed"));
        assert!(err(":::\n").contains("closes no div"));
        assert!(err("::: signature\n::: basis\n:::\n:::\n").contains("inside"));
        assert!(err("::: appendix sideways\n:::\n").contains("appendix sideways"));
        assert!(err(":::: basis\n:::\n").contains("three colons"));
        assert!(err("::: basis x\n:::\n").contains("no words"));
        assert!(mark("::: appendix landscape\n::: center\nx\n:::\n:::\n").is_ok());
    }

    #[test]
    fn basis_lines_end_with_semicolons_and_a_full_stop() {
        let par = |role, s: &str| Block::Paragraph {
            role,
            content: vec![Inline::Text(Span::plain(s))],
        };
        let mut blocks = vec![
            par(Role::Basis, "Căn cứ Luật A,"),
            par(Role::Basis, "Căn cứ Nghị định B ; "),
            par(Role::Basis, "Xét đề nghị."),
            par(Role::Center, "QUYẾT ĐỊNH:"),
        ];
        punctuate_basis(&mut blocks);
        assert_eq!(
            blocks,
            [
                par(Role::Basis, "Căn cứ Luật A;"),
                par(Role::Basis, "Căn cứ Nghị định B;"),
                par(Role::Basis, "Xét đề nghị."),
                par(Role::Center, "QUYẾT ĐỊNH:"),
            ]
        );
    }
}
