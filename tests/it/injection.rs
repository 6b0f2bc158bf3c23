//! Injection: every free-text value of the shipped example carries a payload of Markdown,
//! Typst, XML, Tera or control characters; the documents must still render (or `check` must
//! refuse the sheet with a diagnostic, never a panic), the payload must print literally in the
//! text, the DOCX and the PDF, no template may evaluate it, and no control character may
//! reach the text, `word/document.xml` or the output of `vanban diff`.

use crate::common::ooxml::{docx_parts, part, plain_text};
use crate::common::poppler::poppler;
use crate::common::run::{stderr, vanban};
use crate::common::tmp::temp_dir;
use serde_json::Value;
use std::path::{Path, PathBuf};

const EXAMPLE: &str = "data/phuong-ba-dinh-2024.yaml";

/// Keys whose values are codes the program looks up or dates: they stay as they are so the
/// sheet stays valid. Every other string (names, lines of the issuer, recipients, abbreviations,
/// document numbers of the criteria, list items, narrative paragraphs) carries the payload.
const KEEP: &[&str] = &[
    "schema", "level", "category", "template", "date", "from", "to",
    // who chairs and who keeps the minutes: words the BIÊN BẢN looks for, not prose
    "role",
];

struct Payload {
    name: &'static str,
    /// Appended to every free text.
    text: &'static str,
    /// What a reader must see of it, literally.
    visible: &'static [&'static str],
}

const PAYLOADS: &[Payload] = &[
    Payload {
        name: "markdown",
        text: "*x* # [a](b) ![i](j) <b>x</b> | ~~s~~ `c`",
        visible: &["*x* # [a](b) ![i](j) <b>x</b> | ~~s~~ `c`"],
    },
    Payload {
        name: "typst",
        text: "#set text(red) $x$ @ref <l> #{1+1}",
        visible: &["#set text(red) $x$ @ref <l> #{1+1}"],
    },
    Payload {
        name: "xml",
        text: "</w:t><w:r>&amp; ]]> <?xml",
        visible: &["</w:t><w:r>&amp; ]]> <?xml"],
    },
    Payload {
        name: "tera",
        text: "{{ 7*7 }} {% if true %}",
        visible: &["{{ 7*7 }} {% if true %}"],
    },
    Payload {
        name: "control",
        text: "ctl\u{1b}[31mred\u{0}nul\u{7}bel\u{b}vt e\u{300}nd",
        // The controls go; the combining grave joins its letter (NFC).
        visible: &["red", "nul", "bel", "vt", "\u{e8}nd"],
    },
];

/// Appends `payload` to every free-text string under `value` (`key` is the key holding it).
fn inject(value: &mut Value, key: Option<&str>, payload: &str) {
    match value {
        Value::String(s) if !key.is_some_and(|k| KEEP.contains(&k)) => {
            s.push(' ');
            s.push_str(payload);
        }
        Value::Array(items) => items.iter_mut().for_each(|v| inject(v, key, payload)),
        Value::Object(map) => map
            .iter_mut()
            .for_each(|(k, v)| inject(v, Some(k.as_str()), payload)),
        _ => {}
    }
}

/// Whitespace runs collapsed to one space, so line wrapping does not hide a payload.
fn squeeze(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Control characters other than line breaks and tabs.
fn controls(s: &str) -> Vec<char> {
    s.chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
        .collect()
}

/// The txt, the visible text of `word/document.xml` (and the raw XML), the PDF text.
struct Rendered {
    txt: String,
    document_xml: String,
    docx_text: String,
    pdf_text: String,
}

fn render(sheet: &Path, out: &Path) -> Result<Rendered, String> {
    let o = vanban(&[
        "render",
        &sheet.to_string_lossy(),
        "-o",
        &out.to_string_lossy(),
        "--format",
        "docx,pdf,txt",
    ]);
    assert_ne!(
        o.status.code(),
        Some(101),
        "render panicked: {}",
        stderr(&o)
    );
    if !o.status.success() {
        return Err(stderr(&o));
    }
    let paths: Vec<PathBuf> = String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(PathBuf::from)
        .collect();
    let find = |ext: &str| {
        let p = paths
            .iter()
            .find(|p| p.extension().is_some_and(|e| e == ext))
            .unwrap_or_else(|| panic!("no .{ext} among {paths:?}"));
        std::fs::read(p).expect("read output")
    };
    let parts = docx_parts(&find("docx"));
    let document_xml = part(&parts, "word/document.xml").to_string();
    Ok(Rendered {
        txt: String::from_utf8(find("txt")).expect("utf-8 txt"),
        docx_text: plain_text(&document_xml),
        document_xml,
        pdf_text: poppler("pdftotext", &["-enc", "UTF-8"], &find("pdf")),
    })
}

fn check_payload(p: &Payload, baseline_49: [usize; 3]) {
    let dir = temp_dir(&format!("injection-{}", p.name));
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(EXAMPLE))
        .expect("example");
    let mut sheet: Value = serde_saphyr::from_str(&text).expect("example parses");
    inject(&mut sheet, None, p.text);
    // JSON is YAML; `\u001b` and the like are written as escapes.
    let modified = dir.join(format!("{}.yaml", p.name));
    std::fs::write(
        &modified,
        serde_json::to_string_pretty(&sheet).expect("json"),
    )
    .expect("write sheet");
    let original = Path::new(env!("CARGO_MANIFEST_DIR")).join(EXAMPLE);

    let diff = vanban(&[
        "diff",
        &original.to_string_lossy(),
        &modified.to_string_lossy(),
    ]);
    let code = diff.status.code();
    assert!(
        matches!(code, Some(0 | 1)),
        "{}: diff exited {code:?}: {}",
        p.name,
        stderr(&diff)
    );
    let diff_out = String::from_utf8_lossy(&diff.stdout);
    assert!(
        p.visible.iter().all(|v| diff_out.contains(v)),
        "{}: the diff does not show the payload: {diff_out}",
        p.name
    );
    assert!(
        controls(&diff_out).is_empty(),
        "{}: control characters {:?} in the diff",
        p.name,
        controls(&diff_out)
    );

    match render(&modified, &dir.join("out")) {
        Err(err) => {
            // Refused: `check` must say why, with exit 1 (not a panic's 101).
            let c = vanban(&["check", &modified.to_string_lossy()]);
            assert_eq!(
                c.status.code(),
                Some(1),
                "{}: check: {}",
                p.name,
                stderr(&c)
            );
            assert!(
                !err.contains("panicked") && stderr(&c).contains("error"),
                "{}: no diagnostic: {err}",
                p.name
            );
        }
        Ok(r) => {
            let outputs = [
                ("txt", squeeze(&r.txt)),
                ("docx", squeeze(&r.docx_text)),
                ("pdf", squeeze(&r.pdf_text)),
            ];
            for (format, text) in &outputs {
                for v in p.visible {
                    assert!(
                        text.contains(&squeeze(v)),
                        "{}: {v:?} missing from the {format} text",
                        p.name
                    );
                }
            }
            for ((format, text), before) in outputs.iter().zip(baseline_49) {
                assert!(
                    text.matches("49").count() <= before,
                    "{}: a template evaluated the payload in the {format}",
                    p.name
                );
            }
            for (what, s) in [
                ("txt", &r.txt),
                ("document.xml", &r.document_xml),
                ("document.xml text", &r.docx_text),
            ] {
                assert!(
                    controls(s).is_empty(),
                    "{}: control characters {:?} in the {what}",
                    p.name,
                    controls(s)
                );
            }
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn payloads_print_literally_and_never_leak_control_characters() {
    let out = temp_dir("injection-base");
    let base = render(&Path::new(env!("CARGO_MANIFEST_DIR")).join(EXAMPLE), &out)
        .expect("the example renders");
    let _ = std::fs::remove_dir_all(&out);
    let baseline_49 =
        [&base.txt, &base.docx_text, &base.pdf_text].map(|t| squeeze(t).matches("49").count());
    std::thread::scope(|s| {
        for p in PAYLOADS {
            s.spawn(move || check_payload(p, baseline_49));
        }
    });
}
