//! `vanban explain`: every number of every shipped example's documents has a source, the
//! explained text is the text `render --format txt` writes, and a number nothing in the data
//! prints is reported as unexplained.

use crate::common::run::{stderr, vanban};
use crate::common::tmp::{files_under, temp_dir};
use std::path::{Path, PathBuf};
use vanban::template::Templates;

fn example_sheets() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let sheets: Vec<PathBuf> = files_under(&root)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    assert!(sheets.len() >= 9, "{sheets:?}");
    sheets
}

fn explain(file: &Path, templates: &Templates) -> vanban::explain::Explanation {
    let checked = vanban::check(file, templates, None).unwrap_or_else(|d| panic!("{d}"));
    vanban::explain::explain(&checked, templates, None, None).unwrap_or_else(|d| panic!("{d}"))
}

#[test]
fn every_number_of_every_example_is_explained() {
    let templates = Templates::load(None).expect("templates");
    let mut documents = 0;
    for file in example_sheets() {
        let checked = vanban::check(&file, &templates, None).unwrap_or_else(|d| panic!("{d}"));
        let built = vanban::build_documents(&checked, &templates).unwrap_or_else(|d| panic!("{d}"));
        let e = explain(&file, &templates);
        assert_eq!(e.documents.len(), built.len(), "{}", file.display());
        for (d, (name, doc)) in e.documents.iter().zip(&built) {
            documents += 1;
            assert_eq!(&d.template, name);
            // The text explained is the text the txt writer writes.
            assert_eq!(d.text, vanban::writer::text::write(doc), "{name}");
            let digits = d.text.chars().filter(char::is_ascii_digit).count();
            let covered: usize = d
                .numbers
                .iter()
                .map(|n| n.text.chars().filter(char::is_ascii_digit).count())
                .sum();
            assert_eq!(covered, digits, "{name}: every digit belongs to a number");
            let missing: Vec<String> = d
                .unexplained()
                .map(|n| format!("{}:{} {} in `{}`", n.line, n.column, n.text, n.context))
                .collect();
            assert!(
                missing.is_empty(),
                "{} {name}: unexplained numbers:\n{}",
                file.display(),
                missing.join("\n")
            );
        }
    }
    assert!(documents >= 12, "{documents}");
}

/// The report's entries: a number's line with its source lines below it.
fn entries(out: &str) -> Vec<String> {
    let mut all: Vec<String> = Vec::new();
    for line in out.lines() {
        match all.last_mut() {
            Some(last) if line.starts_with("           ") => {
                last.push('\n');
                last.push_str(line);
            }
            _ => all.push(line.to_string()),
        }
    }
    all
}

#[test]
fn the_ba_dinh_report_cites_its_lines() {
    let o = vanban(&["explain", "data/phuong-ba-dinh-2024.yaml"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    for template in [
        "bao-cao-ket-qua-tt124",
        "bien-ban-danh-gia",
        "to-trinh-cong-nhan",
        "quyet-dinh-cong-nhan",
    ] {
        assert!(out.contains(&format!("== {template} (")), "{out}");
    }
    assert!(!out.contains("not explained:"), "{out}");
    // The households: typed at line 12, column 15.
    let households = entries(&out)
        .into_iter()
        .find(|entry| entry.contains(" 3.537 ") && entry.contains("có 3.537 hộ"))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(
        households.contains("data/phuong-ba-dinh-2024.yaml:12:15 unit.households"),
        "{households}"
    );
    // 10/10 khu phố: computed from the sub-unit lines of the sheet.
    let sub_units = entries(&out)
        .into_iter()
        .find(|entry| entry.contains("10/10 khu phố"))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(
        sub_units.contains("data/phuong-ba-dinh-2024.yaml:15:3 unit.sub_units"),
        "{sub_units}"
    );
    // The citation of the circular is the template's own text.
    assert!(
        out.contains("text of template bao-cao-ket-qua-tt124, line"),
        "{out}"
    );
}

#[test]
fn json_and_one_document() {
    let o = vanban(&[
        "explain",
        "data/phuong-ba-dinh-2024.yaml",
        "--document",
        "to-trinh-cong-nhan",
        "--format",
        "json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let docs = v["documents"].as_array().expect("documents");
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["template"], "to-trinh-cong-nhan");
    let numbers = docs[0]["numbers"].as_array().expect("numbers");
    assert!(!numbers.is_empty());
    for n in numbers {
        assert!(!n["sources"].as_array().expect("sources").is_empty(), "{n}");
        assert!(n["line"].as_u64().is_some_and(|l| l > 0), "{n}");
    }
    assert!(
        numbers
            .iter()
            .any(|n| n["sources"][0]["kind"] == "typed"
                && n["sources"][0]["line"].as_u64().is_some()),
        "{v}"
    );
    let o = vanban(&[
        "explain",
        "data/phuong-ba-dinh-2024.yaml",
        "--document",
        "bao-cao-so-ket",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("issues no `bao-cao-so-ket` document"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_number_the_data_does_not_give_is_unexplained() {
    // A user template that prints arithmetic of its own: no field, child, function or
    // literal of the template prints 10612, so explain must say so.
    let dir = temp_dir("explain-arith");
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/to-trinh-cong-nhan.md.tera"),
    )
    .expect("template");
    let changed = text.replacen(
        "{% endblock body %}",
        "Ước tính {{ unit.households * 3 + 1 }} người.\n\n{% endblock body %}",
        1,
    );
    assert_ne!(changed, text);
    std::fs::write(dir.join("to-trinh-cong-nhan.md.tera"), changed).expect("write");
    let templates = Templates::load(Some(&dir)).expect("templates");
    let e = explain(Path::new("data/phuong-ba-dinh-2024.yaml"), &templates);
    let d = e
        .documents
        .iter()
        .find(|d| d.template == "to-trinh-cong-nhan")
        .expect("document");
    let missing: Vec<&str> = d.unexplained().map(|n| n.text.as_str()).collect();
    assert_eq!(missing, vec!["10612"], "{}", e.to_text());
    let o = vanban(&[
        "explain",
        "data/phuong-ba-dinh-2024.yaml",
        "--templates",
        dir.to_str().expect("utf-8"),
        "--document",
        "to-trinh-cong-nhan",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("not explained"));
}

/// A share the template computes (`Có 03/04 xã …`) is explained by the ratio call as a whole,
/// not by whatever other fields happen to hold 3 and 4.
#[test]
fn a_share_is_explained_by_its_ratio() {
    let templates = Templates::load(None).expect("templates");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let e = explain(
        &root.join("data/huyen-thach-thanh-2024-tong-hop/huyen-thach-thanh.yaml"),
        &templates,
    );
    let numbers: Vec<&vanban::explain::Number> = e.documents[0]
        .numbers
        .iter()
        .filter(|n| n.context.contains("Có 03/04 xã"))
        .collect();
    assert_eq!(numbers.len(), 2, "{numbers:?}");
    for n in numbers {
        assert!(
            n.sources.iter().all(|s| matches!(
                s,
                vanban::explain::Source::Phrase { function, field, .. }
                    if function == "ratio" && field == "fraction"
            )),
            "{n:?}"
        );
    }
}
