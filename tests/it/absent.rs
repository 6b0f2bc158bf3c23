//! Absent is not zero, and bounded cost: a report never states a fact the fact sheet does not
//! give (no "không xảy ra" without `incidents: []`, no heading with nothing under it), and a
//! fact sheet or a text too large to be one is refused with a message a clerk can act on.

use crate::common::run::{stderr, vanban};
use crate::common::tmp::temp_dir;
use std::path::{Path, PathBuf};
use vanban::document::{Block, Document};
use vanban::factsheet::load::{LARGEST_FILE, LONGEST_TEXT, load_file};
use vanban::template::Templates;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures/absent").join(name)
}

/// Every document of a fact sheet file, via the library (check, then build).
fn documents(file: &Path) -> Vec<(String, Document)> {
    let templates = Templates::load(None).expect("templates");
    let checked = vanban::check(file, &templates, None).unwrap_or_else(|d| panic!("{d}"));
    vanban::build_documents(&checked, &templates).unwrap_or_else(|d| panic!("{d}"))
}

/// The one document of `file` as plain text.
fn text_of(file: &Path) -> String {
    let docs = documents(file);
    assert_eq!(docs.len(), 1);
    vanban::writer::text::write(&docs[0].1)
}

/// A fact sheet written from `yaml` into a fresh folder.
fn sheet(name: &str, yaml: &str) -> PathBuf {
    let path = temp_dir(name).join(format!("{name}.yaml"));
    std::fs::write(&path, yaml).expect("write");
    path
}

/// The headings with nothing under them: followed by a heading of the same or a higher
/// level, or by the end of the body.
fn empty_headings(doc: &Document) -> Vec<String> {
    let mut empty = Vec::new();
    // An article (`Điều 1. Công nhận …`) carries its own text: it is never empty.
    if doc.numbering == vanban::document::Scheme::Articles {
        return empty;
    }
    for (i, block) in doc.body.iter().enumerate() {
        if let Block::Heading { level, number, .. } = block {
            let next = doc.body.get(i + 1);
            let filled = match next {
                Some(Block::Heading { level: l, .. }) => l > level,
                Some(_) => true,
                None => false,
            };
            if !filled {
                empty.push(number.clone());
            }
        }
    }
    empty
}

fn headings(doc: &Document) -> Vec<String> {
    doc.body
        .iter()
        .filter_map(|b| match b {
            Block::Heading { content, .. } => Some(vanban::document::Inline::plain_text(content)),
            _ => None,
        })
        .collect()
}

const NOTHING_HAPPENED: &str = "không xảy ra vụ phạm tội, vi phạm pháp luật";

#[test]
fn without_incidents_nothing_is_said_about_crime() {
    let file = fixture("so-ket-bare.yaml");
    let text = text_of(&file);
    assert!(!text.contains("không xảy ra"), "{text}");
    assert!(!text.contains("Tội phạm và vi phạm pháp luật"), "{text}");
    let docs = documents(&file);
    let doc = &docs[0].1;
    assert_eq!(empty_headings(doc), Vec::<String>::new(), "{text}");
    // Nothing in any section: no heading at all, only the closing sentence.
    assert_eq!(headings(doc), Vec::<String>::new(), "{text}");
    assert!(text.contains("Trên đây là báo cáo"), "{text}");

    // And the clerk is told, at the field, what to write.
    let loaded = load_file(&file).expect("loads");
    let warnings = vanban::factsheet::absent::warnings(&loaded);
    let crime = warnings
        .iter()
        .find(|d| d.path == "facts.incidents")
        .unwrap_or_else(|| panic!("{warnings:#?}"));
    assert!(!crime.is_error());
    assert_eq!(
        crime.message,
        "no figures for \"Tội phạm và vi phạm pháp luật\" in bao-cao-so-ket: the section is left out"
    );
    assert!(
        crime
            .help
            .as_deref()
            .is_some_and(|h| h.contains("write `incidents: []` if nothing happened")),
        "{crime}"
    );
    // Pointed at the document that leaves it out (the key is not in the file).
    assert_eq!(crime.position.map(|p| p.line), Some(17), "{crime}");
    for path in [
        "narrative.characteristics",
        "facts.propaganda",
        "narrative.tasks",
    ] {
        assert!(
            warnings.iter().any(|d| d.path == path),
            "{path}: {warnings:#?}"
        );
    }
}

#[test]
fn an_explicit_empty_list_says_nothing_happened() {
    let file = fixture("so-ket-none.yaml");
    let text = text_of(&file);
    assert!(
        text.contains(&format!(
            "Trong 8 tháng đầu năm 2024, trên địa bàn {NOTHING_HAPPENED} liên quan đến an ninh, trật tự."
        )),
        "{text}"
    );
    let docs = documents(&file);
    let doc = &docs[0].1;
    assert_eq!(empty_headings(doc), Vec::<String>::new(), "{text}");
    assert_eq!(
        headings(doc),
        [
            "KẾT QUẢ THỰC HIỆN CÁC MẶT CÔNG TÁC",
            "Tình hình trật tự, an toàn xã hội",
            "Tội phạm và vi phạm pháp luật"
        ],
        "{text}"
    );
    let loaded = load_file(&file).expect("loads");
    let warnings = vanban::factsheet::absent::warnings(&loaded);
    assert!(
        !warnings.iter().any(|d| d.path == "facts.incidents"),
        "{warnings:#?}"
    );
}

#[test]
fn last_years_total_alone_states_no_count_for_this_year() {
    let yaml = std::fs::read_to_string(fixture("so-ket-bare.yaml")).expect("fixture")
        + "facts:\n  incidents_previous: { cases: 6, offenders: 11 }\n";
    let text = text_of(&sheet("previous-only", &yaml));
    assert!(!text.contains("xảy ra"), "{text}");
    assert!(!text.contains("so với cùng kỳ"), "{text}");
}

#[test]
fn tt124_leaves_out_the_sections_without_figures() {
    let file = fixture("tt124-bare.yaml");
    let docs = documents(&file);
    let doc = &docs[0].1;
    let text = vanban::writer::text::write(doc);
    assert_eq!(empty_headings(doc), Vec::<String>::new(), "{text}");
    let h = headings(doc);
    assert!(!h.iter().any(|h| h == "Công tác tuyên truyền"), "{h:?}");
    assert!(
        !h.iter()
            .any(|h| h == "Kết quả xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc"),
        "{h:?}"
    );
    // Without core forces or the police's evaluation that section goes too; what the
    // criteria give is still there, numbered without a gap.
    assert!(
        !h.iter()
            .any(|h| h == "Kết quả xây dựng lực lượng nòng cốt bảo vệ an ninh, trật tự ở cơ sở"),
        "{h:?}"
    );
    assert!(text.contains("1. Kết quả phân loại"), "{text}");
    let loaded = load_file(&file).expect("loads");
    let warned: Vec<String> = vanban::factsheet::absent::warnings(&loaded)
        .into_iter()
        .map(|d| d.path)
        .collect();
    assert_eq!(
        warned,
        [
            "facts.propaganda",
            "narrative.movement",
            "facts.core_forces",
            "facts.criteria.policy_carried_out",
            "facts.criteria.police_effective",
            "facts.criteria.police_disciplined"
        ]
    );
}

#[test]
fn the_shipped_examples_leave_nothing_out() {
    for example in [
        "data/xa-po-y-2024-8-thang.yaml",
        "data/phuong-ba-dinh-2024.yaml",
        "data/phuong-phuoc-long-2024.yaml",
        "data/huyen-yen-lac-2015-2024.yaml",
    ] {
        let loaded = load_file(&root().join(example)).expect("loads");
        let warnings = vanban::factsheet::absent::warnings(&loaded);
        assert!(warnings.is_empty(), "{example}: {warnings:#?}");
        for (name, doc) in documents(&root().join(example)) {
            assert_eq!(
                empty_headings(&doc),
                Vec::<String>::new(),
                "{example} {name}"
            );
        }
    }
}

/// A narrative paragraph of at most `chars` characters (Vietnamese words, commas, the
/// clerk's emphasis), as the only text of a periodic report; returns the file, the paragraph
/// and the line it is on.
fn long_paragraph_sheet(name: &str, chars: usize) -> (PathBuf, String, usize) {
    let words =
        "Dân số đông, mật độ dân cư dày, *tiềm ẩn* nhiều vấn đề phức tạp về an ninh, trật tự. ";
    let paragraph = words.repeat(chars / words.chars().count());
    let paragraph = paragraph.trim_end().to_string();
    let head = std::fs::read_to_string(fixture("so-ket-bare.yaml")).expect("fixture");
    let line = head.lines().count() + 3;
    let yaml = head + &format!("narrative:\n  characteristics:\n    - \"{paragraph}\"\n");
    (sheet(name, &yaml), paragraph, line)
}

#[test]
fn a_text_longer_than_the_limit_is_refused_at_its_line() {
    let (path, paragraph, line) = long_paragraph_sheet("too-long", LONGEST_TEXT + 1000);
    let o = vanban(&["check", path.to_str().expect("utf-8 path")]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    let at = format!(
        "{}:{line}:7: error: narrative.characteristics[0]: this text is {} characters long; one text may have at most {LONGEST_TEXT}",
        path.display(),
        paragraph.chars().count()
    );
    assert!(err.contains(&at), "{err}");
    assert!(err.contains("help: split the paragraph"), "{err}");
}

#[test]
fn a_file_larger_than_the_limit_is_refused_before_it_is_read() {
    let mut yaml = std::fs::read_to_string(fixture("so-ket-bare.yaml")).expect("fixture");
    let comment = "# a line of padding, as a pasted spreadsheet would bring\n";
    while yaml.len() as u64 <= LARGEST_FILE {
        yaml.push_str(comment);
    }
    let path = sheet("too-large", &yaml);
    let o = vanban(&["check", path.to_str().expect("utf-8 path")]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains(&format!(
            "{}: error: the file is too large for a fact sheet: {} KB (the limit is 1000 KB)",
            path.display(),
            (yaml.len() as u64).div_ceil(1000)
        )),
        "{err}"
    );
    assert!(
        err.contains("help: a fact sheet is a few hundred lines"),
        "{err}"
    );
    let o = vanban(&[
        "render",
        path.to_str().expect("utf-8 path"),
        "--format",
        "txt",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
}

#[test]
fn the_longest_text_allowed_renders_whole() {
    let (path, paragraph, _) = long_paragraph_sheet("longest", LONGEST_TEXT);
    assert!(paragraph.chars().count() <= LONGEST_TEXT);
    let out = temp_dir("longest-out");
    let o = vanban(&[
        "render",
        path.to_str().expect("utf-8 path"),
        "--format",
        "txt",
        "-o",
        out.to_str().expect("utf-8 path"),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let written = String::from_utf8(o.stdout).expect("utf-8");
    let text = std::fs::read_to_string(written.trim()).expect("txt written");
    // The paragraph is one line, emphasis marks taken as emphasis, every word kept.
    let expected = paragraph.replace('*', "");
    assert!(
        text.lines().any(|l| l == expected),
        "the paragraph is not one whole line"
    );
}

#[test]
fn check_warns_about_every_section_left_out() {
    let o = vanban(&["check", "tests/fixtures/absent/tt124-bare.yaml"]);
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    assert!(
        err.contains("warning: facts.propaganda: no figures for \"Công tác tuyên truyền\" in bao-cao-ket-qua-tt124: the section is left out"),
        "{err}"
    );
    // The shipped examples leave nothing out.
    for sheet in [
        "data/phuong-ba-dinh-2024.yaml",
        "data/xa-po-y-2024-8-thang.yaml",
    ] {
        let o = vanban(&["check", sheet]);
        assert!(!stderr(&o).contains("left out"), "{sheet}");
    }
}
