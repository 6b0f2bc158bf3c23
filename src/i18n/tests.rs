//! The catalogue itself: every file parses, both languages say the same things, the
//! Vietnamese says them in Vietnamese.

use super::*;
use fluent_syntax::ast;
use std::collections::BTreeSet;

/// `id` and `id.attr` of every message of a file.
fn ids(text: &str) -> BTreeSet<String> {
    let resource = fluent_syntax::parser::parse(text).unwrap_or_else(|(_, e)| panic!("{e:?}"));
    let mut out = BTreeSet::new();
    for entry in resource.body {
        if let ast::Entry::Message(m) = entry {
            out.insert(m.id.name.to_string());
            for a in m.attributes {
                out.insert(format!("{}.{}", m.id.name, a.id.name));
            }
        }
    }
    out
}

#[test]
fn every_file_parses_and_both_languages_have_the_same_messages() {
    assert_eq!(
        sources(Lang::Vi).iter().map(|f| f.0).collect::<Vec<_>>(),
        sources(Lang::En).iter().map(|f| f.0).collect::<Vec<_>>()
    );
    let mut all = BTreeSet::new();
    for ((name, vi), (_, en)) in sources(Lang::Vi).iter().zip(sources(Lang::En)) {
        let (vi, en) = (ids(vi), ids(en));
        let only_vi: Vec<_> = vi.difference(&en).collect();
        let only_en: Vec<_> = en.difference(&vi).collect();
        assert!(
            only_vi.is_empty() && only_en.is_empty(),
            "{name}.ftl: only in vi: {only_vi:?}; only in en: {only_en:?}"
        );
        for id in &vi {
            assert!(
                all.insert(id.clone()),
                "`{id}` is defined twice ({name}.ftl)"
            );
        }
    }
}

/// English words that must not appear in a Vietnamese message (outside arguments and
/// `code`, which stay as the user typed them or as keys). Not "in": it is Vietnamese for
/// "print".
const BANNED: &[&str] = &[
    "the", "is", "are", "not", "and", "or", "of", "to", "be", "must", "should", "cannot", "error",
    "warning", "note", "help", "file", "sheet", "value", "number", "field", "missing", "write",
    "remove", "add", "template", "document", "child", "children", "unknown", "expected", "line",
    "column", "this", "that", "with", "from", "for", "more", "like",
];

/// The words of a message's text outside placeables (`{ $x }`) and `code spans`.
fn plain_words(text: &str) -> Vec<String> {
    let mut out = String::new();
    let (mut brace, mut tick) = (0usize, false);
    for c in text.chars() {
        match c {
            '{' => brace += 1,
            '}' => brace = brace.saturating_sub(1),
            '`' if brace == 0 => tick = !tick,
            _ if brace == 0 && !tick => out.push(c),
            _ => {}
        }
    }
    out.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

#[test]
fn vietnamese_messages_have_no_english_words() {
    for (name, text) in sources(Lang::Vi) {
        for (n, line) in text.lines().enumerate() {
            if line.trim_start().starts_with('#') {
                continue;
            }
            // The text after `id =` or `.attr =`, or a continuation line.
            let body = match line.split_once(" = ") {
                Some((_, body)) => body,
                None => line,
            };
            for w in plain_words(body) {
                assert!(
                    !BANNED.contains(&w.as_str()),
                    "locales/vi/{name}.ftl:{}: English word `{w}` in: {line}",
                    n + 1
                );
            }
        }
    }
}

#[test]
fn messages_take_their_arguments_and_the_language_from_the_locale() {
    let n: Args = args! {"n" => 40usize};
    assert_eq!(
        text_with(Lang::En, "more-like-this", &n),
        "and 40 more like this"
    );
    assert_eq!(
        text_with(Lang::Vi, "more-like-this", &n),
        "và 40 thông báo tương tự"
    );
    assert_eq!(text(Lang::Vi, "no-such-message"), "no-such-message");
    assert_eq!(Lang::from_locale(Some("en_US.UTF-8".into())), Lang::En);
    assert_eq!(Lang::from_locale(Some("vi_VN.UTF-8".into())), Lang::Vi);
    assert_eq!(Lang::from_locale(Some("C".into())), Lang::Vi);
    assert_eq!(Lang::from_locale(None), Lang::Vi);
    assert_eq!(Lang::detect(Some(Lang::En)), Lang::En);
}
