//! Bounded inputs: what a small hostile or careless file costs is bounded before anything is
//! allocated for it. A workbook with a value at XFD1048576, one that unzips to more than the
//! limit, a million-line CSV; a formula saved without its value and a date in a count cell;
//! a sheet file named in NFD matched to its NFC workbook key; templates that extend each
//! other, a 100 MB template nobody uses; `children:` naming a file outside the sheet's folder
//! or a file that is not a fact sheet — whose content no message may quote.

use crate::common::run::{stderr, vanban};
use crate::common::tmp::temp_dir;
use std::io::Write;
use std::path::Path;

const TEMPLATES: &str = "tests/fixtures/open/templates";
const AN_BINH: &str = "tests/fixtures/workbook/phuong-an-binh.yaml";

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

/// An .xlsx with one sheet `Số liệu` whose `<sheetData>` is `rows`, and `extra` entries (name,
/// bytes) besides. Cell style 1 is a date format (numFmtId 14).
fn xlsx(file: &Path, rows: &str, extra: &[(&str, &[u8])]) {
    xlsx_declaring(file, "", rows, extra);
}

/// [`xlsx`] whose sheet declares `dimension` (`A1:C9`) when not empty.
fn xlsx_declaring(file: &Path, dimension: &str, rows: &str, extra: &[(&str, &[u8])]) {
    let dimension = if dimension.is_empty() {
        String::new()
    } else {
        format!(r#"<dimension ref="{dimension}"/>"#)
    };
    let parts: [(&str, String); 6] = [
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>"#.into(),
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.into(),
        ),
        (
            "xl/workbook.xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Số liệu" sheetId="1" r:id="rId1"/></sheets></workbook>"#.into(),
        ),
        (
            "xl/_rels/workbook.xml.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#.into(),
        ),
        (
            "xl/styles.xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>"#.into(),
        ),
        (
            "xl/worksheets/sheet1.xml",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{dimension}<sheetData>{rows}</sheetData></worksheet>"#
            ),
        ),
    ];
    let mut zip = zip::ZipWriter::new(std::fs::File::create(file).expect("create"));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    for (name, text) in &parts {
        zip.start_file(*name, options).expect("entry");
        zip.write_all(text.as_bytes()).expect("write");
    }
    for (name, bytes) in extra {
        zip.start_file(*name, options).expect("entry");
        zip.write_all(bytes).expect("write");
    }
    zip.finish().expect("zip");
}

/// An inline-string cell.
fn text(at: &str, value: &str) -> String {
    format!(r#"<c r="{at}" t="inlineStr"><is><t>{value}</t></is></c>"#)
}

/// The key row and a row for phường An Bình with `patrols` as its C cell.
fn an_binh(patrols: &str) -> String {
    format!(
        "<row r=\"1\">{}{}{}</row><row r=\"2\">{}{}</row>",
        text("A1", "file"),
        text("B1", "name"),
        text("C1", "data.patrols"),
        text("A2", "phuong-an-binh.yaml"),
        patrols
    )
}

fn check_with(figures: &Path, sheet: &str) -> (Option<i32>, String) {
    let o = vanban(&[
        "check",
        "--templates",
        TEMPLATES,
        "--figures",
        s(figures),
        sheet,
    ]);
    (o.status.code(), stderr(&o))
}

#[test]
fn a_value_at_the_far_corner_is_refused_with_the_extent() {
    let dir = temp_dir("bounds-corner");
    let file = dir.join("so-lieu.xlsx");
    let rows = an_binh(r#"<c r="C2"><v>3537</v></c>"#);
    xlsx(
        &file,
        &format!("{rows}<row r=\"1048576\">{}</row>", text("XFD1048576", "x")),
        &[],
    );
    assert!(std::fs::metadata(&file).expect("size").len() < 10_000);
    let (code, err) = check_with(&file, AN_BINH);
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains(&format!(
            "{}: error: the workbook is too large: 'Số liệu'!XFD1048576 has a value; vanban reads at most 100.000 rows, 1.000 columns and 2.000.000 cells",
            file.display()
        )),
        "{err}"
    );
    // A sheet that declares a million rows is refused before a cell is read.
    xlsx_declaring(&file, "A1:C1048576", &rows, &[]);
    let (code, err) = check_with(&file, AN_BINH);
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains("error: the workbook is too large: the sheet 'Số liệu' spans A1:C1048576 (1.048.576 rows × 3 columns); vanban reads at most"),
        "{err}"
    );
    assert!(
        err.contains("help: a workbook of figures has one row per unit"),
        "{err}"
    );
    // Without the stray cell, the same workbook is read.
    xlsx(&file, &rows, &[]);
    let (code, err) = check_with(&file, AN_BINH);
    assert_eq!(code, Some(0), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_workbook_that_unzips_past_the_limit_is_refused_before_it_is_read() {
    let dir = temp_dir("bounds-inflate");
    let file = dir.join("so-lieu.xlsx");
    // 101 MB of one byte deflate to about 100 KB.
    let padding = vec![b' '; 101_000_000];
    xlsx(
        &file,
        &an_binh(r#"<c r="C2"><v>3537</v></c>"#),
        &[("xl/media/padding.bin", &padding)],
    );
    drop(padding);
    assert!(std::fs::metadata(&file).expect("size").len() < 1_000_000);
    let (code, err) = check_with(&file, AN_BINH);
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains("error: the workbook is too large: it holds 102 MB once unzipped (vanban reads at most 100 MB)"),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_million_line_csv_is_refused_before_it_is_parsed() {
    let dir = temp_dir("bounds-csv");
    let file = dir.join("so-lieu.csv");
    let mut text = String::from("Tệp;Đơn vị;Lượt\nfile;name;data.patrols\n");
    text.push_str(&"x.yaml;X;1\n".repeat(1_048_574));
    std::fs::write(&file, text).expect("write");
    let (code, err) = check_with(&file, AN_BINH);
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains("error: the workbook is too large: the CSV file has 1.048.576 lines (vanban reads at most 100.000 rows)"),
        "{err}"
    );
    // A thousand rows that match no sheet are one warning each for the first five, then one.
    let mut text = String::from("file;name;data.patrols\nphuong-an-binh.yaml;An Bình;3537\n");
    for i in 0..1000 {
        text.push_str(&format!("x{i}.yaml;X;1\n"));
    }
    std::fs::write(&file, text).expect("write");
    let o = vanban(&[
        "render",
        "--templates",
        TEMPLATES,
        "--figures",
        s(&file),
        "--format",
        "txt",
        "-o",
        s(&dir.join("out")),
        AN_BINH,
    ]);
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    assert_eq!(
        err.matches("matches no fact sheet given").count(),
        5,
        "{err}"
    );
    assert!(
        err.contains("warning: and 995 more rows match no fact sheet given"),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_formula_without_its_value_and_a_date_in_a_count_are_errors_at_their_cells() {
    let dir = temp_dir("bounds-cells");
    let file = dir.join("so-lieu.xlsx");
    xlsx(&file, &an_binh(r#"<c r="C2"><f>SUM(C5:C9)</f></c>"#), &[]);
    let (code, err) = check_with(&file, AN_BINH);
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains(
            "'Số liệu'!C2: error: data.patrols: the cell holds the formula =SUM(C5:C9) but no value"
        ),
        "{err}"
    );
    assert!(err.contains("help: the file was saved by a program that does not calculate"));
    // 45292, typed into a cell formatted as a date.
    xlsx(&file, &an_binh(r#"<c r="C2" s="1"><v>45292</v></c>"#), &[]);
    let (code, err) = check_with(&file, AN_BINH);
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains(
            "'Số liệu'!C2: error: data.patrols: the cell holds the date 01/01/2024, not a number"
        ),
        "{err}"
    );
    assert!(!err.contains("45292"), "{err}");
    // A formula with its cached value reads as the value.
    xlsx(
        &file,
        &an_binh(r#"<c r="C2"><f>SUM(C5:C9)</f><v>3537</v></c>"#),
        &[],
    );
    let (code, err) = check_with(&file, AN_BINH);
    assert_eq!(code, Some(0), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_sheet_named_in_nfd_matches_its_nfc_key() {
    let dir = temp_dir("bounds-nfc");
    let nfc = "phường-an-bình.yaml";
    let nfd = "phu\u{31b}o\u{31b}\u{300}ng-an-bi\u{300}nh.yaml";
    assert_ne!(nfc, nfd);
    assert_eq!(
        unicode_normalization::UnicodeNormalization::nfc(nfd).collect::<String>(),
        nfc
    );
    let sheet = dir.join(nfd);
    std::fs::copy(AN_BINH, &sheet).expect("copy");
    let file = dir.join("so-lieu.csv");
    std::fs::write(
        &file,
        format!("file;name;data.patrols\n{nfc};An Bình;3.537\n"),
    )
    .expect("csv");
    let (code, err) = check_with(&file, s(&sheet));
    assert_eq!(code, Some(0), "{err}");
    assert!(!err.contains("no row"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn template_cycles_and_unusable_template_files_never_take_the_run_down() {
    let dir = temp_dir("bounds-templates");
    let templates = dir.join("templates");
    std::fs::create_dir_all(&templates).expect("dir");
    std::fs::write(
        templates.join("a.md.tera"),
        "{#- vanban\nabout: A\n-#}\n{% extends \"b.md.tera\" %}\n",
    )
    .expect("write");
    std::fs::write(templates.join("b.md.tera"), "{% extends \"a.md.tera\" %}\n").expect("write");
    // A 100 MB template nobody uses (sparse: nothing is written) is never read.
    let big = std::fs::File::create(templates.join("lon.md.tera")).expect("create");
    big.set_len(100_000_000).expect("size");
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("/dev/zero", templates.join("zero.md.tera")).expect("link");
        let made = std::process::Command::new("mkfifo")
            .arg(templates.join("fifo.md.tera"))
            .status();
        assert!(made.is_ok_and(|s| s.success()));
    }
    let sheet = dir.join("s.yaml");
    let text = std::fs::read_to_string("data/xa-po-y-2024-8-thang.yaml").expect("read");
    std::fs::write(&sheet, &text).expect("write");
    let o = vanban(&["check", "--templates", s(&templates), s(&sheet)]);
    assert_eq!(o.status.code(), Some(0), "unused: {}", stderr(&o));

    std::fs::write(
        &sheet,
        text.replace("template: bao-cao-so-ket", "template: a"),
    )
    .expect("write");
    let o = vanban(&["check", "--templates", s(&templates), s(&sheet)]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "an error, not an abort: {err}");
    assert!(
        err.contains(&format!(
            "{}:4:1: error: the templates form a cycle: a → b → a (this template extends `b`)",
            templates.join("a.md.tera").display()
        )),
        "{err}"
    );
    let o = vanban(&["templates", "--templates", s(&templates)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let listed = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(
        listed.contains("the template is too large: 100000 KB"),
        "{listed}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn children_outside_the_folder_or_not_fact_sheets_are_errors_that_quote_nothing() {
    let dir = temp_dir("bounds-children");
    let secret = dir.join("secret.txt");
    std::fs::write(&secret, "MẬT: [không được in ra\n").expect("write");
    let tree = dir.join("huyen");
    std::fs::create_dir_all(tree.join("xa")).expect("dir");
    std::fs::write(tree.join("xa/ghi-chu.txt"), "MẬT: [không được in ra\n").expect("write");
    let text = std::fs::read_to_string("tests/fixtures/rollup/huyen/dong-son.yaml").expect("read");
    let district = tree.join("huyen.yaml");
    std::fs::write(
        &district,
        text.replace(
            "  - xa/*.yaml\n",
            &format!(
                "  - {}\n  - ../secret.txt\n  - /etc/passwd\n  - xa/ghi-chu.txt\n",
                secret.display()
            ),
        ),
    )
    .expect("write");
    let o = vanban(&["check", s(&district)]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    for (i, shown) in [
        (0, secret.display().to_string()),
        (1, "../secret.txt".to_string()),
        (2, "/etc/passwd".to_string()),
    ] {
        assert!(
            err.contains(&format!(
                "error: children[{i}]: `{shown}` is outside this sheet's folder"
            )),
            "{i}: {err}"
        );
    }
    assert!(
        err.contains("error: children[3]: `xa/ghi-chu.txt` is not a fact sheet"),
        "{err}"
    );
    assert!(!err.contains("MẬT") && !err.contains("root:"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}
