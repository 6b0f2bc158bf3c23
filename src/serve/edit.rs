//! Editing a fact sheet's YAML in place: each edit replaces the text of one scalar value and
//! nothing else, so the clerk's comments, key order and layout survive a save.
//!
//! The walk mirrors [`crate::factsheet::paths::PathMap`] (the same parser, the same field
//! paths) but keeps each scalar's whole span and style, which a replacement needs.

use crate::factsheet::paths::Position;
use serde::{Deserialize, Serialize};
use serde_saphyr::granit_parser::{Event, Parser, ScalarStyle, StructureStyle};

/// One scalar value of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scalar {
    /// Field path: `unit.households`, `unit.sub_units[0].total`.
    pub path: String,
    /// The value as YAML reads it (escapes resolved).
    pub value: String,
    /// Byte range of the value's text in the file (quotes included).
    pub start: usize,
    pub end: usize,
    pub style: ScalarStyle,
    /// Inside `{ … }` or `[ … ]`, where `,` and brackets end a plain value.
    pub in_flow: bool,
    pub position: Position,
}

/// One change the clerk asks for: a field path and the new value as typed.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct Edit {
    pub field: String,
    pub value: String,
}

/// Why an edit cannot be applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditError {
    /// No scalar value at that path in the file (a new key is not written by an edit).
    NoSuchField(String),
    /// The file does not parse as YAML.
    Unparsable,
    /// After the replacement the field does not read back as the value given.
    NotKept(String),
}

enum Frame {
    Map {
        path: String,
        key: Option<String>,
        flow: bool,
    },
    Seq {
        path: String,
        index: usize,
        flow: bool,
    },
}

impl Frame {
    fn flow(&self) -> bool {
        match self {
            Frame::Map { flow, .. } | Frame::Seq { flow, .. } => *flow,
        }
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// The path a node gets from its parent frame, when it is a value (not a mapping key).
fn value_path(stack: &mut [Frame]) -> Option<String> {
    match stack.last_mut() {
        None => Some(String::new()),
        Some(Frame::Seq { path, index, .. }) => {
            let p = format!("{path}[{index}]");
            *index += 1;
            Some(p)
        }
        Some(Frame::Map { path, key, .. }) => key.take().map(|k| join(path, &k)),
    }
}

/// Byte offset of each character index (the parser counts characters).
fn byte_offsets(source: &str) -> Vec<usize> {
    let mut out: Vec<usize> = source.char_indices().map(|(b, _)| b).collect();
    out.push(source.len());
    out
}

/// Every scalar value of the file, in file order; `Err` when the YAML does not parse.
pub fn scalars(source: &str) -> Result<Vec<Scalar>, EditError> {
    let offsets = byte_offsets(source);
    let byte = |chars: usize| offsets.get(chars).copied().unwrap_or(source.len());
    let mut out = Vec::new();
    let mut stack: Vec<Frame> = Vec::new();
    for item in Parser::new_from_str(source) {
        let (event, span) = item.map_err(|_| EditError::Unparsable)?;
        match event {
            Event::Scalar(value, style, ..) => {
                let in_flow = stack.last().is_some_and(Frame::flow);
                if let Some(path) = value_path(&mut stack) {
                    let (start, end) = (byte(span.start.index()), byte(span.end.index()));
                    // Nothing written after the key: YAML's null, blank in the form.
                    let value = if start == end && style == ScalarStyle::Plain {
                        String::new()
                    } else {
                        value.to_string()
                    };
                    out.push(Scalar {
                        path,
                        value,
                        start,
                        end,
                        style,
                        in_flow,
                        position: Position {
                            line: span.start.line(),
                            column: span.start.col() + 1,
                        },
                    });
                } else if let Some(Frame::Map { key, .. }) = stack.last_mut() {
                    *key = Some(value.to_string());
                }
            }
            Event::MappingStart(style, ..) => {
                let path = value_path(&mut stack).unwrap_or_default();
                stack.push(Frame::Map {
                    path,
                    key: None,
                    flow: style == StructureStyle::Flow,
                });
            }
            Event::SequenceStart(style, ..) => {
                let path = value_path(&mut stack).unwrap_or_default();
                stack.push(Frame::Seq {
                    path,
                    index: 0,
                    flow: style == StructureStyle::Flow,
                });
            }
            Event::MappingEnd | Event::SequenceEnd => {
                stack.pop();
            }
            Event::Alias(_) => {
                value_path(&mut stack);
            }
            _ => {}
        }
    }
    Ok(out)
}

/// Whether `text` reads back as itself when written plain: not empty, no leading or
/// trailing space, no character that starts a YAML indicator or a comment, no `: `, and not
/// a word YAML reads as something else when `text_field` wants a string (`yes`, `null`, a
/// number in a text field).
fn plain_ok(text: &str, in_flow: bool, text_field: bool) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    if text.trim() != text || text.contains('\n') || text.contains('\t') {
        return false;
    }
    if "-?:,[]{}#&*!|>'\"%@`".contains(first) {
        return false;
    }
    if text.contains(": ") || text.contains(" #") || text.ends_with(':') {
        return false;
    }
    if in_flow && text.contains([',', '[', ']', '{', '}']) {
        return false;
    }
    if text_field {
        let lower = text.to_lowercase();
        let special = [
            "true", "false", "yes", "no", "on", "off", "null", "~", "y", "n",
        ];
        if special.contains(&lower.as_str()) || text.parse::<f64>().is_ok() || looks_like_date(text)
        {
            return false;
        }
    }
    true
}

fn looks_like_date(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 10
        && b.get(4) == Some(&b'-')
        && b.get(7) == Some(&b'-')
        && text
            .chars()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// `text` as a double-quoted YAML scalar (JSON's escapes are YAML's).
fn double_quoted(text: &str) -> String {
    serde_json::Value::String(text.to_string()).to_string()
}

/// The YAML text that replaces `scalar` so that it reads `value`: plain when the old value
/// was plain and the new one reads back as typed; a quoted value keeps its quotes; a block
/// paragraph becomes a quoted line. `text_field`: the field holds text, so `2024` or `yes`
/// typed there must stay words.
fn replacement(scalar: &Scalar, value: &str, text_field: bool) -> String {
    let plain = plain_ok(value, scalar.in_flow, text_field);
    match scalar.style {
        ScalarStyle::Plain if plain => value.to_string(),
        // An emptied number: nothing after the key, which YAML reads as absent.
        ScalarStyle::Plain if value.is_empty() && !text_field => String::new(),
        ScalarStyle::SingleQuoted if !value.contains('\n') => {
            format!("'{}'", value.replace('\'', "''"))
        }
        _ => double_quoted(value),
    }
}

/// Where the `|` or `>` header of the block scalar whose lines start at `start` is: on the
/// last line before them that is not blank, after a `:`, a `-` or a space.
fn block_header(source: &str, start: usize) -> Option<usize> {
    let before = source.get(..start)?;
    let line_end = before.trim_end().len();
    let line_start = before.get(..line_end)?.rfind('\n').map_or(0, |i| i + 1);
    let line = before.get(line_start..line_end)?;
    let mut prev = ' ';
    for (i, c) in line.char_indices() {
        if (c == '|' || c == '>') && (prev == ' ' || prev == ':' || prev == '-') {
            return Some(line_start + i);
        }
        prev = c;
    }
    None
}

/// `source` with every edit applied; each field must be a scalar value already in the file.
/// `text_field(path)` says whether a field holds text. Each edited field is read back from the
/// new text and must give exactly the value typed (or nothing, for an emptied number).
pub fn apply(
    source: &str,
    edits: &[Edit],
    text_field: &dyn Fn(&str) -> bool,
) -> Result<String, EditError> {
    if edits.is_empty() {
        return Ok(source.to_string());
    }
    let all = scalars(source)?;
    // The last edit of a field wins; replacements go from the end so offsets stay valid.
    let mut chosen: Vec<(&Scalar, &Edit)> = Vec::new();
    for edit in edits {
        let scalar = all
            .iter()
            .find(|s| s.path == edit.field)
            .ok_or_else(|| EditError::NoSuchField(edit.field.clone()))?;
        chosen.retain(|(s, _)| s.path != scalar.path);
        chosen.push((scalar, edit));
    }
    chosen.sort_by_key(|(s, _)| std::cmp::Reverse(s.start));
    let mut out = source.to_string();
    for (scalar, edit) in &chosen {
        let text = replacement(scalar, &edit.value, text_field(&scalar.path));
        match scalar.style {
            ScalarStyle::Literal | ScalarStyle::Folded => {
                // The span is the block's lines; its `|` or `>` header goes too, and the
                // line breaks after the block stay.
                let header = block_header(source, scalar.start).ok_or(EditError::Unparsable)?;
                let body = source.get(scalar.start..scalar.end).unwrap_or_default();
                let breaks = body
                    .get(body.trim_end_matches(['\n', '\r', ' ']).len()..)
                    .unwrap_or_default();
                let text = format!("{text}{breaks}");
                out.replace_range(header..scalar.end, &text);
            }
            _ => out.replace_range(scalar.start..scalar.end, &text),
        }
    }
    let after = scalars(&out)?;
    for (_, edit) in &chosen {
        let kept = after
            .iter()
            .find(|s| s.path == edit.field)
            .is_some_and(|s| s.value == edit.value);
        if !kept {
            return Err(EditError::NotKept(edit.field.clone()));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHEET: &str = "# a comment\nunit:\n  name: Ba Đình   # the ward\n  households: 3537\n  sub_units:\n    - { kind: khu phố, total: 10 }\n  note: 'it''s'\nnarrative:\n  x:\n    - >-\n      Một đoạn\n      dài.\n";

    fn edit(field: &str, value: &str) -> Edit {
        Edit {
            field: field.into(),
            value: value.into(),
        }
    }

    fn text_fields(p: &str) -> bool {
        !p.ends_with("households") && !p.ends_with("total")
    }

    #[test]
    fn scalars_have_paths_spans_and_positions() {
        let all = scalars(SHEET).expect("parses");
        let h = all
            .iter()
            .find(|s| s.path == "unit.households")
            .expect("households");
        assert_eq!(&SHEET[h.start..h.end], "3537");
        assert_eq!(
            h.position,
            Position {
                line: 4,
                column: 15
            }
        );
        let t = all
            .iter()
            .find(|s| s.path == "unit.sub_units[0].total")
            .expect("flow value");
        assert!(t.in_flow);
        assert_eq!(&SHEET[t.start..t.end], "10");
        let q = all.iter().find(|s| s.path == "unit.note").expect("quoted");
        assert_eq!(&SHEET[q.start..q.end], "'it''s'");
        assert_eq!(q.value, "it's");
    }

    #[test]
    fn an_edit_changes_only_its_value() {
        let out = apply(SHEET, &[edit("unit.households", "3600")], &text_fields).expect("edits");
        assert_eq!(out, SHEET.replace("3537", "3600"));
        let out = apply(SHEET, &[edit("unit.name", "Ba Đình mới")], &text_fields).expect("edits");
        assert_eq!(
            out,
            SHEET.replace("name: Ba Đình   #", "name: Ba Đình mới   #")
        );
    }

    #[test]
    fn values_yaml_would_misread_are_quoted() {
        let out = apply(SHEET, &[edit("unit.name", "a: b # c")], &text_fields).expect("edits");
        assert!(out.contains("name: \"a: b # c\"   # the ward"), "{out}");
        let out = apply(SHEET, &[edit("unit.name", "2024")], &text_fields).expect("edits");
        assert!(out.contains("name: \"2024\""), "{out}");
        let out = apply(
            SHEET,
            &[edit("unit.sub_units[0].kind", "a, b")],
            &text_fields,
        )
        .expect("edits");
        assert!(out.contains("{ kind: \"a, b\", total: 10 }"), "{out}");
        let out = apply(SHEET, &[edit("unit.note", "don't")], &text_fields).expect("edits");
        assert!(out.contains("note: 'don''t'"), "{out}");
    }

    #[test]
    fn a_word_in_a_number_field_is_written_as_typed() {
        // The check then reports it at its line: the preview shows the clerk's mistake.
        let out = apply(SHEET, &[edit("unit.households", "nhiều")], &text_fields).expect("edits");
        assert!(out.contains("households: nhiều\n"), "{out}");
    }

    #[test]
    fn a_block_paragraph_becomes_one_quoted_line() {
        let out =
            apply(SHEET, &[edit("narrative.x[0]", "Đoạn mới.")], &text_fields).expect("edits");
        let after = scalars(&out).expect("parses");
        let p = after
            .iter()
            .find(|s| s.path == "narrative.x[0]")
            .expect("paragraph");
        assert_eq!(p.value, "Đoạn mới.");
        assert!(out.starts_with("# a comment\nunit:\n  name: Ba Đình   # the ward\n"));
    }

    #[test]
    fn an_unknown_field_or_broken_yaml_is_refused() {
        assert_eq!(
            apply(SHEET, &[edit("unit.nope", "1")], &text_fields),
            Err(EditError::NoSuchField("unit.nope".into()))
        );
        assert_eq!(
            apply("a: [1\n", &[edit("a[0]", "2")], &text_fields),
            Err(EditError::Unparsable)
        );
    }

    #[test]
    fn an_emptied_number_is_left_blank() {
        let out = apply(SHEET, &[edit("unit.households", "")], &text_fields).expect("edits");
        assert!(out.contains("  households: \n"), "{out}");
    }
}
