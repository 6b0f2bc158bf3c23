//! Roll-up over a tree of fact sheets (`children:`) and the district summary
//! `bao-cao-tong-hop`, on the fixture tree `tests/fixtures/rollup/huyen/`: huyện Đông Sơn over
//! three xã, one of which sums two thôn. The expected sums are added up here from the leaf
//! sheets themselves (read with the loader, not the roll-up).

use crate::common::run::{stderr, vanban};
use crate::common::{ooxml, poppler, tmp};
use std::path::{Path, PathBuf};
use vanban::factsheet::FactSheet;
use vanban::locale::thousands;

const TREE: &str = "tests/fixtures/rollup/huyen";
const DISTRICT: &str = "tests/fixtures/rollup/huyen/dong-son.yaml";
const DISAGREES: &str = "tests/fixtures/rollup/huyen/dong-son-sai-so.yaml";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn sheet(rel: &str) -> FactSheet {
    vanban::factsheet::load::load_file(&root().join(rel))
        .unwrap_or_else(|d| panic!("{rel}: {d:#?}"))
        .sheet
}

/// The sheets that give the district's figures at first hand: xã Đông Hòa's two thôn
/// (households, population) and the two xã that state theirs.
fn leaves() -> Vec<FactSheet> {
    [
        "xa/dong-hoa/thon-1.yaml",
        "xa/dong-hoa/thon-2.yaml",
        "xa/b-dong-tien.yaml",
        "xa/c-dong-thanh.yaml",
    ]
    .iter()
    .map(|f| sheet(&format!("{TREE}/{f}")))
    .collect()
}

fn communes() -> Vec<FactSheet> {
    ["a-dong-hoa", "b-dong-tien", "c-dong-thanh"]
        .iter()
        .map(|f| sheet(&format!("{TREE}/xa/{f}.yaml")))
        .collect()
}

/// Renders `sheet` in `formats` into a fresh folder; returns (folder, stdout, stderr).
fn render(sheet: &str, formats: &str, name: &str) -> (PathBuf, String, String) {
    let out = tmp::temp_dir(name);
    let o = vanban(&[
        "render",
        sheet,
        "-o",
        out.to_str().expect("utf-8"),
        "--format",
        formats,
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    (
        out,
        String::from_utf8_lossy(&o.stdout).into_owned(),
        stderr(&o),
    )
}

/// The sentences the summary must state, from the leaves' own figures.
fn expected_sentences() -> Vec<String> {
    let leaves = leaves();
    let households: u64 = leaves.iter().filter_map(|s| s.unit.households).sum();
    let population: u64 = leaves.iter().filter_map(|s| s.unit.population).sum();
    let communes = communes();
    let (mut areas, mut areas_recognised) = (0u32, 0u32);
    for g in communes.iter().flat_map(|c| &c.unit.sub_units) {
        if g.kind == "thôn" {
            areas += g.total;
            areas_recognised += g.recognised.expect("recognised");
        }
    }
    let rate = f64::from(areas_recognised) * 100.0 / f64::from(areas);
    let pledged: u64 = communes
        .iter()
        .filter_map(|c| c.facts.households_pledged)
        .sum();
    let articles: u32 = leaves
        .iter()
        .filter_map(|s| s.facts.propaganda.articles)
        .sum();
    vec![
        format!(
            "{} hộ với {} nhân khẩu",
            thousands(households as i64),
            thousands(population as i64)
        ),
        format!(
            "{areas_recognised}/{areas} thôn ({}) được công nhận",
            vanban::locale::percent(rate, 1)
        ),
        format!("{} hộ gia đình", thousands(pledged as i64)),
        format!("đăng tải {articles} tin, bài tuyên truyền"),
    ]
}

#[test]
fn the_summary_states_the_childrens_sums() {
    let (out, _, err) = render(DISTRICT, "txt", "rollup-txt");
    let txt = std::fs::read_to_string(out.join("dong-son/bao-cao-tong-hop.txt")).expect("txt");
    for s in expected_sentences() {
        assert!(txt.contains(&s), "no `{s}` in:\n{txt}");
    }
    // The verdicts of the three xã, from derive::assess_commune of each.
    assert!(
        txt.contains("Có 02/03 xã, phường, thị trấn (66,7%) đạt tiêu chuẩn"),
        "{txt}"
    );
    assert!(txt.contains(": xã Đông Hòa và xã Đông Tiến."), "{txt}");
    assert!(
        txt.contains("Có 01 đơn vị chưa đạt tiêu chuẩn: xã Đông Thanh (chưa đạt tiêu chí 4)."),
        "{txt}"
    );
    // The appendix: one row per child in the order listed, with its own figures.
    let rows: Vec<&str> = txt.lines().filter(|l| l.starts_with("| ")).collect();
    assert_eq!(rows.len(), 4, "{txt}");
    assert!(
        rows[1].starts_with("| 1 | Xã Đông Hòa | 805 |"),
        "{}",
        rows[1]
    );
    assert!(
        rows[3].ends_with("| Chưa đạt (tiêu chí 4) |"),
        "{}",
        rows[3]
    );
    // xã Đông Thanh gives no tip-offs: no total is printed, and the warning names it.
    assert!(!txt.contains("tin có giá trị"), "{txt}");
    assert!(
        err.contains("warning: facts.tip_offs:")
            && err.contains(
                "1 of 3 do not give it (tests/fixtures/rollup/huyen/xa/c-dong-thanh.yaml)"
            ),
        "{err}"
    );
}

#[test]
fn the_summary_docx_and_pdf_state_the_sums() {
    let (out, _, _) = render(DISTRICT, "docx,pdf", "rollup-docx-pdf");
    let docx = std::fs::read(out.join("dong-son/bao-cao-tong-hop.docx")).expect("docx");
    let parts = ooxml::docx_parts(&docx);
    for (name, xml) in parts
        .iter()
        .filter(|(n, _)| n.starts_with("word/") && n.ends_with(".xml"))
    {
        assert_eq!(
            ooxml::misordered_children(xml),
            Vec::<String>::new(),
            "{name}"
        );
    }
    let doc = ooxml::plain_text(ooxml::part(&parts, "word/document.xml"));
    let pdf = std::fs::read(out.join("dong-son/bao-cao-tong-hop.pdf")).expect("pdf");
    let text = poppler::poppler("pdftotext", &["-enc", "UTF-8"], &pdf);
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for s in expected_sentences() {
        assert!(doc.contains(&s), "DOCX lacks `{s}`:\n{doc}");
        assert!(text.contains(&s), "PDF lacks `{s}`:\n{text}");
    }
}

#[test]
fn a_figure_that_disagrees_names_both_values_and_places() {
    let o = vanban(&["check", DISAGREES]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    let households: u64 = leaves().iter().filter_map(|s| s.unit.households).sum();
    // The parent's place and value, the children's sum, and each child's place and value
    // (xã Đông Hòa's is its own children's sum, so it has no line of its own).
    let line = err
        .lines()
        .find(|l| l.contains("error: unit.households:"))
        .unwrap_or_else(|| panic!("{err}"));
    assert!(
        line.starts_with("tests/fixtures/rollup/huyen/dong-son-sai-so.yaml:8:15: error:"),
        "{line}"
    );
    assert!(
        line.contains(&format!(
            "is 3100 here, but the children add up to {households}:"
        )),
        "{line}"
    );
    for part in [
        "tests/fixtures/rollup/huyen/xa/a-dong-hoa.yaml (sum of its children) gives 805",
        "tests/fixtures/rollup/huyen/xa/b-dong-tien.yaml:7:15 gives 1250",
        "tests/fixtures/rollup/huyen/xa/c-dong-thanh.yaml:8:15 gives 980",
    ] {
        assert!(line.contains(part), "no `{part}` in {line}");
    }
    assert!(
        err.contains(&format!(
            "help: correct this figure or the child sheet that is wrong; or remove it here to use the children's sum ({households})"
        )),
        "{err}"
    );
    // A declared figure of the template (data.patrols) the same way, at its own line.
    assert!(
        err.contains("dong-son-sai-so.yaml:27:12: error: data.patrols: `data.patrols`")
            && err.contains("is 400 here, but the children add up to 430"),
        "{err}"
    );
    // Nothing is written from a sheet with errors.
    let out = tmp::temp_dir("rollup-disagree");
    let o = vanban(&["render", DISAGREES, "-o", out.to_str().expect("utf-8")]);
    assert_eq!(o.status.code(), Some(1));
    assert!(!out.join("dong-son-sai-so").exists());
}

/// Copies the fixture tree into a fresh folder, to break it there.
fn copy_tree(name: &str) -> PathBuf {
    let dir = tmp::temp_dir(name);
    tmp::copy_tree(&root().join(TREE), &dir);
    dir
}

fn edit(file: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(file).expect("read");
    assert!(text.contains(from), "{}: no `{from}`", file.display());
    std::fs::write(file, text.replacen(from, to, 1)).expect("write");
}

#[test]
fn a_broken_child_fails_the_parent_with_both_places() {
    let dir = copy_tree("rollup-broken");
    let child = dir.join("xa/dong-hoa/thon-2.yaml");
    edit(&child, "households: 385", "households: ba trăm");
    let o = vanban(&["check", dir.join("dong-son.yaml").to_str().expect("utf-8")]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    // The grandchild's own error at its line, then each level naming the child that broke.
    assert!(
        err.contains(&format!(
            "{}:6:15: error: unit.households: \"ba trăm\" is not a whole number",
            child.display()
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "{}:23:5: error: children[0]: the child sheet `dong-hoa/thon-2.yaml` has 1 error(s)",
            dir.join("xa/a-dong-hoa.yaml").display()
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "{}:26:5: error: children[0]: the child sheet `xa/a-dong-hoa.yaml` has 2 error(s)",
            dir.join("dong-son.yaml").display()
        )),
        "{err}"
    );
    assert!(err.contains("help: correct the child sheet"), "{err}");
}

#[test]
fn a_missing_figure_in_one_child_leaves_the_sum_out() {
    let dir = copy_tree("rollup-missing");
    edit(&dir.join("xa/b-dong-tien.yaml"), "  households: 1250\n", "");
    let out = tmp::temp_dir("rollup-missing-out");
    let o = vanban(&[
        "render",
        dir.join("dong-son.yaml").to_str().expect("utf-8"),
        "-o",
        out.to_str().expect("utf-8"),
        "--format",
        "txt",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("warning: unit.households: `unit.households` (Số hộ gia đình) is not summed over the children: 1 of 3 do not give it")
            && err.contains("xa/b-dong-tien.yaml"),
        "{err}"
    );
    let txt = std::fs::read_to_string(out.join("dong-son/bao-cao-tong-hop.txt")).expect("txt");
    // No partial sum (805 + 980) presented as the district's households.
    assert!(!txt.contains("1.785"), "{txt}");
    assert!(!txt.contains(" hộ với "), "{txt}");
    assert!(txt.contains("| 2 | Xã Đông Tiến |  |"), "{txt}");
}

#[test]
fn loops_duplicates_empty_patterns_and_levels_are_errors() {
    let dir = copy_tree("rollup-tree");
    let district = dir.join("dong-son.yaml");
    edit(
        &district,
        "  - xa/*.yaml\n",
        "  - xa/*.yaml\n  - xa/b-dong-tien.yaml\n  - phuong/*.yaml\n",
    );
    // xã Đông Thanh lists the district (outside its folder) and itself: a loop; thôn 1
    // lists a sheet of its own level.
    edit(
        &dir.join("xa/c-dong-thanh.yaml"),
        "documents:",
        "children: [../dong-son.yaml, c-dong-thanh.yaml]\ndocuments:",
    );
    edit(
        &dir.join("xa/dong-hoa/thon-1.yaml"),
        "documents:",
        "children: [thon-2.yaml]\ndocuments:",
    );
    let o = vanban(&["check", district.to_str().expect("utf-8")]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    for (message, help) in [
        (
            "children[1]: `xa/b-dong-tien.yaml` is listed twice (also by children[0])",
            "help: list each child once",
        ),
        (
            "children[2]: `phuong/*.yaml` matches no fact sheet",
            "help: check the folder and the pattern: they are relative to this sheet's folder",
        ),
        (
            "children[0]: `../dong-son.yaml` is outside this sheet's folder",
            "help: move the unit's fact sheet into this folder",
        ),
        (
            "children[1]: `c-dong-thanh.yaml` is this sheet or a sheet above it: the children form a loop",
            "help: a sheet lists only the units below it",
        ),
        (
            "children[0]: `thon-2.yaml` is a khu dân cư (Thôn 2): a child must be a unit below this khu dân cư",
            "help: list only the units below this one",
        ),
    ] {
        assert!(err.contains(message), "no `{message}` in:\n{err}");
        assert!(err.contains(help), "no `{help}` in:\n{err}");
    }
}

#[test]
fn the_roll_up_records_every_file_and_glob_below_the_sheet() {
    let templates = vanban::template::Templates::load(None).expect("templates");
    let checked = vanban::check(&root().join(DISTRICT), &templates, None).expect("checks");
    let r = checked.rollup.expect("a roll-up");
    let names: Vec<String> = r
        .files
        .iter()
        .map(|f| {
            f.strip_prefix(root().join(TREE))
                .expect("inside the tree")
                .display()
                .to_string()
        })
        .collect();
    assert_eq!(
        names,
        [
            "xa/a-dong-hoa.yaml",
            "xa/dong-hoa/thon-1.yaml",
            "xa/dong-hoa/thon-2.yaml",
            "xa/b-dong-tien.yaml",
            "xa/c-dong-thanh.yaml",
        ]
    );
    let globs: Vec<(String, usize)> = r
        .globs
        .iter()
        .map(|g| {
            (
                g.pattern.rsplit("huyen/").next().unwrap_or("").to_string(),
                g.matched.len(),
            )
        })
        .collect();
    assert_eq!(
        globs,
        [
            ("xa/*.yaml".to_string(), 3),
            ("xa/dong-hoa/*.yaml".to_string(), 2)
        ]
    );
    // The sheet without children has none.
    let leaf = vanban::check(
        &root().join(format!("{TREE}/xa/b-dong-tien.yaml")),
        &templates,
        None,
    )
    .expect("checks");
    assert!(leaf.rollup.is_none());
}

/// A template of its own declaring a series (summed year by year) and a figure rolled up by
/// `max`: the parent that states neither gets the children's; a point it states that
/// disagrees is an error at that point's line.
#[test]
fn series_and_max_roll_up_by_their_declared_rule() {
    let dir = tmp::temp_dir("rollup-series");
    std::fs::create_dir_all(dir.join("templates")).expect("mkdir");
    std::fs::create_dir_all(dir.join("xa")).expect("mkdir");
    std::fs::write(
        dir.join("templates/thong-ke.md.tera"),
        "{#- vanban\nreads:\n  data.areas: { kind: series, of: { total: count, recognised: { kind: count, required: false } } }\n  data.largest: { kind: count, aggregate: max }\n-#}\n{% block kind %}BÁO CÁO{% endblock kind %}{% block type_code %}BC{% endblock type_code %}{% block title %}Thống kê{% endblock title %}{% block body %}\n{% for p in data.areas %}Năm {{ p.at }}: {% if p.recognised is not none %}{{ p.recognised | thousands }}{% else %}chưa đủ số liệu{% endif %}/{{ p.total | thousands }}.\n\n{% endfor %}Lớn nhất: {{ data.largest | thousands }}./.\n{% endblock body %}\n",
    )
    .expect("template");
    let sheet = |name: &str, level: &str, extra: &str| {
        format!(
            "schema: 1\nunit: {{ name: {name}, level: {level} }}\nperiod: {{ year: 2024 }}\nissuer: {{ agency: [Ban Chỉ đạo], abbreviation: BCĐ, signer: {{ position: Trưởng ban }} }}\ndocuments: [{{ template: thong-ke }}]\n{extra}"
        )
    };
    std::fs::write(
        dir.join("xa/a.yaml"),
        sheet("A", "xa", "data:\n  largest: 40\n  areas:\n    2023: { total: 10, recognised: 7 }\n    2024: { total: 10, recognised: 8 }\n"),
    )
    .expect("a");
    std::fs::write(
        dir.join("xa/b.yaml"),
        sheet("B", "xa", "data:\n  largest: 55\n  areas:\n    2023: { total: 6 }\n    2024: { total: 6, recognised: 5 }\n"),
    )
    .expect("b");
    std::fs::write(
        dir.join("huyen.yaml"),
        sheet("H", "huyen", "children: [xa/*.yaml]\n"),
    )
    .expect("huyen");
    let templates = dir.join("templates");
    let out = dir.join("out");
    let o = vanban(&[
        "render",
        dir.join("huyen.yaml").to_str().expect("utf-8"),
        "--templates",
        templates.to_str().expect("utf-8"),
        "-o",
        out.to_str().expect("utf-8"),
        "--format",
        "txt",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let txt = std::fs::read_to_string(out.join("huyen/thong-ke.txt")).expect("txt");
    // 2023: B gives no recognised count, so there is no sum for it (not 7).
    assert!(txt.contains("Năm 2023: chưa đủ số liệu/16."), "{txt}");
    assert!(txt.contains("Năm 2024: 13/16."), "{txt}");
    assert!(txt.contains("Lớn nhất: 55./."), "{txt}");
    let err = stderr(&o);
    assert!(
        err.contains("warning: data.areas:") && err.contains("xa/b.yaml"),
        "{err}"
    );
    // The parent states 2024 with a recognised count its children do not add up to.
    std::fs::write(
        dir.join("huyen.yaml"),
        sheet(
            "H",
            "huyen",
            "children: [xa/*.yaml]\ndata:\n  largest: 60\n  areas:\n    2024: { total: 16, recognised: 12 }\n",
        ),
    )
    .expect("huyen");
    let o = vanban(&[
        "check",
        dir.join("huyen.yaml").to_str().expect("utf-8"),
        "--templates",
        templates.to_str().expect("utf-8"),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("huyen.yaml:10:36: error: data.areas.2024.recognised:")
            && err.contains("is 12 here, but the children add up to 13:")
            && err.contains("xa/a.yaml:10:36 gives 8"),
        "{err}"
    );
    assert!(
        err.contains("error: data.largest:")
            && err.contains("is 60 here, but the children reach at most 55")
            && err.contains("the children's largest figure (55)"),
        "{err}"
    );
}

/// A district (8 months of 2024, `bao-cao-tong-hop`) over two communes that issue 8-month
/// `bao-cao-so-ket` reports (xã Pờ Y's sheet, twice under two names): no commune assesses
/// the TT124 criteria, so nothing is said about their verdicts.
fn district_over_so_ket(name: &str) -> PathBuf {
    let dir = tmp::temp_dir(name);
    std::fs::create_dir_all(dir.join("xa")).expect("mkdir");
    let po_y =
        std::fs::read_to_string(root().join("data/xa-po-y-2024-8-thang.yaml")).expect("read");
    std::fs::write(dir.join("xa/po-y.yaml"), &po_y).expect("write");
    std::fs::write(
        dir.join("xa/dak-xu.yaml"),
        po_y.replacen("name: Pờ Y", "name: Đăk Xú", 1),
    )
    .expect("write");
    std::fs::write(
        dir.join("ngoc-hoi.yaml"),
        "schema: 1\nunit: { name: Ngọc Hồi, level: huyen, located_in: tỉnh Kon Tum }\n\
         period: { year: 2024, months: 8 }\n\
         issuer:\n  agency: [Công an huyện Vân Hà]\n  abbreviation: CAH\n  \
         signer: { position: Trưởng Công an huyện, name: Lê Văn Hòa }\n  archive: [VT]\n\
         documents:\n  - { template: bao-cao-tong-hop, number: 12, date: 2024-09-05 }\n\
         children: [xa/*.yaml]\n",
    )
    .expect("write");
    dir
}

#[test]
fn communes_whose_documents_do_not_assess_them_get_no_verdict() {
    let dir = district_over_so_ket("rollup-unassessed");
    let district = dir.join("ngoc-hoi.yaml");
    let (out, _, _) = render(
        district.to_str().expect("utf-8"),
        "txt",
        "rollup-unassessed-out",
    );
    let txt = std::fs::read_to_string(out.join("ngoc-hoi/bao-cao-tong-hop.txt")).expect("txt");
    for claim in ["Đạt", "Chưa đạt", "chưa đạt", "theo Điều 5", "đơn vị đạt"] {
        assert!(!txt.contains(claim), "`{claim}` in:\n{txt}");
    }
    // The appendix may say what is true: not assessed.
    let rows: Vec<&str> = txt.lines().filter(|l| l.starts_with("| ")).collect();
    assert_eq!(rows.len(), 3, "{txt}");
    assert!(rows[1].ends_with("| Chưa đánh giá |"), "{}", rows[1]);
    assert!(rows[2].ends_with("| Chưa đánh giá |"), "{}", rows[2]);
    // The figures still roll up: both communes' households.
    assert!(txt.contains("5.574 hộ"), "{txt}");
    // The period is the sheet's (8 months), and the agency, without a short_name, prints
    // as typed.
    assert!(txt.contains("8 tháng đầu năm 2024"), "{txt}");
    assert!(!txt.contains("Trong năm 2024"), "{txt}");
    assert!(txt.contains("Công an huyện Vân Hà"), "{txt}");
    assert!(!txt.contains("vân hà") && !txt.contains("Vân hà"), "{txt}");

    // `check` says once which communes carry no verdict and why; a note, not a warning.
    let o = vanban(&["check", district.to_str().expect("utf-8")]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(!err.contains("warning"), "{err}");
    let notes: Vec<&str> = err.lines().filter(|l| l.contains(": note: ")).collect();
    assert_eq!(notes.len(), 1, "{err}");
    assert!(
        notes[0].contains(
            "2 of the 2 communes below are not assessed against TT124 Điều 5 for 8 months of 2024"
        ) && notes[0].contains("xa/dak-xu.yaml")
            && notes[0].contains("xa/po-y.yaml")
            && notes[0].contains(
                "(none of its documents assesses the criteria (it issues bao-cao-so-ket))"
            ),
        "{}",
        notes[0]
    );
}

#[test]
fn a_commune_assessed_for_another_period_gets_no_verdict() {
    let dir = copy_tree("rollup-other-period");
    // xã Đông Thanh's report is for 2023: the 2024 summary states no verdict about it.
    let c = dir.join("xa/c-dong-thanh.yaml");
    edit(&c, "year: 2024", "year: 2023");
    edit(&c, "date: 2024-01-15", "date: 2023-01-15");
    edit(&c, "date: 2024-01-25", "date: 2023-01-25");
    let district = dir.join("dong-son.yaml");
    let o = vanban(&["check", district.to_str().expect("utf-8")]);
    let err = stderr(&o);
    assert!(
        err.contains("1 of the 3 communes below are not assessed")
            && err.contains("c-dong-thanh.yaml (its sheet is for 2023)"),
        "{err}"
    );
    let (out, _, _) = render(
        district.to_str().expect("utf-8"),
        "txt",
        "rollup-other-period-out",
    );
    let txt = std::fs::read_to_string(out.join("dong-son/bao-cao-tong-hop.txt")).expect("txt");
    assert!(
        txt.contains("Có 02/02 xã, phường, thị trấn (100%) đạt tiêu chuẩn"),
        "{txt}"
    );
    assert!(!txt.contains("Đông Thanh (chưa đạt"), "{txt}");
}

#[test]
fn a_figure_the_parent_in_the_run_reads_is_not_unread() {
    // xã Đông Tiến states data.patrols for the district's summary; its own report does not
    // read it. With the district in the run, nothing says "no document reads" it.
    let o = vanban(&["check", TREE]);
    let err = stderr(&o);
    assert!(!err.contains("reads `patrols`"), "{err}");
    // Checked alone, no parent reads it: the warning is true.
    let o = vanban(&["check", &format!("{TREE}/xa/b-dong-tien.yaml")]);
    let err = stderr(&o);
    assert!(
        err.contains("warning: data.patrols: no document of this fact sheet reads `patrols`"),
        "{err}"
    );
}

#[test]
fn repeated_warnings_are_printed_three_times_then_counted() {
    // Six khu dân cư sheets without narrative: each gives the same section warnings.
    let dir = tmp::temp_dir("rollup-grouped");
    let thon = std::fs::read_to_string(root().join(format!("{TREE}/xa/dong-hoa/thon-1.yaml")))
        .expect("read");
    for i in 0..6 {
        std::fs::write(dir.join(format!("thon-{i}.yaml")), &thon).expect("write");
    }
    let o = vanban(&["check", dir.to_str().expect("utf-8")]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    let strengths = err
        .lines()
        .filter(|l| l.contains("warning: narrative.strengths:"))
        .count();
    assert_eq!(strengths, 3, "{err}");
    assert!(
        err.contains("warning: and 3 more like this: narrative.strengths: no figures for"),
        "{err}"
    );
    // JSON output keeps every one, for scripts.
    let o = vanban(&[
        "check",
        dir.to_str().expect("utf-8"),
        "--message-format",
        "json",
    ]);
    let json = stderr(&o);
    assert_eq!(
        json.lines()
            .filter(|l| l.contains("\"field\":\"narrative.strengths\""))
            .count(),
        6,
        "{json}"
    );
}

/// A user template folder with one broken template (an unknown filter) and one that uses a
/// narrative section without testing for it.
fn user_templates(name: &str) -> PathBuf {
    let dir = tmp::temp_dir(name);
    let head = "{% block kind %}BÁO CÁO{% endblock kind %}{% block type_code %}BC{% endblock type_code %}{% block title %}Thử{% endblock title %}\n";
    std::fs::write(
        dir.join("hong.md.tera"),
        format!("{{#- vanban\nreads:\n  unit.households:\n-#}}\n{head}{{% block body %}}\nCó {{{{ unit.households | khong_co }}}} hộ.\n{{% endblock body %}}\n"),
    )
    .expect("write");
    std::fs::write(
        dir.join("bai-hoc.md.tera"),
        format!("{{#- vanban\nreads:\n  unit.households:\n  narrative.lessons: {{ label: Bài học kinh nghiệm }}\n-#}}\n{head}{{% block body %}}\nCó {{{{ unit.households | thousands }}}} hộ.\n\n{{{{ <paragraphs items={{narrative.lessons}}/> }}}}\n{{% endblock body %}}\n"),
    )
    .expect("write");
    dir
}

#[test]
fn a_broken_user_template_fails_only_the_sheets_that_use_it_once() {
    let templates = user_templates("rollup-broken-template");
    let t = templates.to_str().expect("utf-8");
    // The whole tree, none of which uses the broken template: nothing about it.
    let o = vanban(&["check", "--templates", t, "data/"]);
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    assert!(!err.contains("khong_co") && !err.contains("_lib"), "{err}");
    // A sheet that uses it: one error, at the template's own line.
    let sheet = templates.join("dung.yaml");
    let text =
        std::fs::read_to_string(root().join("data/phuong-phuoc-long-2024.yaml")).expect("read");
    std::fs::write(
        &sheet,
        text.replacen("template: ke-hoach-tt124", "template: hong", 1),
    )
    .expect("write");
    let o = vanban(&["check", "--templates", t, sheet.to_str().expect("utf-8")]);
    let err = stderr(&o);
    let errors: Vec<&str> = err.lines().filter(|l| l.contains(": error: ")).collect();
    assert_eq!(errors.len(), 1, "{err}");
    assert!(
        errors[0].ends_with(
            "hong.md.tera:7:25: error: the template does not load: Unknown filter `khong_co`"
        ),
        "{}",
        errors[0]
    );
}

#[test]
fn a_missing_narrative_key_is_named_as_the_key() {
    let templates = user_templates("rollup-missing-key");
    let sheet = templates.join("bai-hoc.yaml");
    let text = std::fs::read_to_string(root().join("data/phuong-ba-dinh-2024.yaml")).expect("read");
    std::fs::write(
        &sheet,
        text.replacen("template: bao-cao-ket-qua-tt124", "template: bai-hoc", 1),
    )
    .expect("write");
    let o = vanban(&[
        "check",
        "--templates",
        templates.to_str().expect("utf-8"),
        sheet.to_str().expect("utf-8"),
    ]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("error: narrative.lessons: `narrative.lessons` (Bài học kinh nghiệm) is required by template `bai-hoc`"),
        "{err}"
    );
    assert!(!err.contains("undefined") && !err.contains("_lib"), "{err}");
}

/// A district over two communes with user templates: the district's summary counts
/// `data.sessions` in `buổi`; each commune's report declares it with `child_unit`.
fn sessions_tree(name: &str, child_unit: &str) -> PathBuf {
    let dir = tmp::temp_dir(name);
    let head = "{% block kind %}BÁO CÁO{% endblock kind %}{% block type_code %}BC{% endblock type_code %}{% block title %}Thử{% endblock title %}\n";
    let body = "{% block body %}\n{% if data.sessions is not none %}Tổ chức {{ data.sessions | thousands }} {{ units[\"data.sessions\"] }} tuyên truyền.{% endif %}\n{% endblock body %}\n";
    std::fs::create_dir_all(dir.join("t")).expect("mkdir");
    std::fs::write(
        dir.join("t/tong-hop-buoi.md.tera"),
        format!("{{#- vanban\nlevels: [huyen]\nreads:\n  data.sessions: {{ kind: count, unit: buổi, label: Buổi tuyên truyền }}\n-#}}\n{head}{body}"),
    )
    .expect("write");
    std::fs::write(
        dir.join("t/bao-cao-xa.md.tera"),
        format!("{{#- vanban\nlevels: [xa]\nreads:\n  data.sessions: {{ kind: count, unit: {child_unit}, label: Tuyên truyền }}\n-#}}\n{head}{body}"),
    )
    .expect("write");
    let issuer = "issuer:\n  agency: [Công an huyện Vân Hà]\n  abbreviation: CAH\n  signer: { position: Trưởng Công an, name: Lê Văn Hòa }\n  archive: [VT]\n";
    std::fs::create_dir_all(dir.join("xa")).expect("mkdir");
    for (file, name, n) in [("a", "Vân An", 12), ("b", "Vân Bình", 30)] {
        std::fs::write(
            dir.join(format!("xa/{file}.yaml")),
            format!("schema: 1\nunit: {{ name: {name}, level: xa }}\nperiod: {{ year: 2024 }}\n{issuer}documents:\n  - template: bao-cao-xa\ndata:\n  sessions: {n}\n"),
        )
        .expect("write");
    }
    std::fs::write(
        dir.join("huyen.yaml"),
        format!("schema: 1\nunit: {{ name: Vân Hà, level: huyen }}\nperiod: {{ year: 2024 }}\n{issuer}documents:\n  - template: tong-hop-buoi\nchildren: [xa/*.yaml]\n"),
    )
    .expect("write");
    dir
}

#[test]
fn figures_counted_in_different_words_are_not_summed() {
    // Conferences (hội nghị) in the communes, sessions (buổi) in the district: an error.
    let dir = sessions_tree("rollup-units-clash", "hội nghị");
    let o = vanban(&[
        "check",
        "--templates",
        dir.join("t").to_str().expect("utf-8"),
        dir.join("huyen.yaml").to_str().expect("utf-8"),
    ]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains(
            "error: data.sessions: `data.sessions` counts buổi in this sheet's templates, but "
        ) && err.contains("xa/a.yaml (hội nghị)")
            && err.contains("different things are not summed"),
        "{err}"
    );

    // The same word: summed, and the word printed with the figure.
    let dir = sessions_tree("rollup-units-same", "buổi");
    let out = dir.join("out");
    let o = vanban(&[
        "render",
        "--templates",
        dir.join("t").to_str().expect("utf-8"),
        dir.join("huyen.yaml").to_str().expect("utf-8"),
        "-o",
        out.to_str().expect("utf-8"),
        "--format",
        "txt",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let txt = std::fs::read_to_string(out.join("huyen/tong-hop-buoi.txt")).expect("txt");
    assert!(txt.contains("Tổ chức 42 buổi tuyên truyền."), "{txt}");
}
