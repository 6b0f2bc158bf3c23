//! Property tests over generated fact sheets and trees (issue 15, item 10): random periods
//! (3, 6, 8, 9, 12 months, the TT124 evaluation year, ten-year series), gaps, estimates,
//! absent figures, names typed in any case, mixed templates and levels. The sheets are the
//! shipped examples with those parts generated, so every run checks documents nobody tuned.
//!
//! `cargo test` runs a few cases of each; a longer run:
//!
//! ```sh
//! PROPTEST_CASES=500 cargo test --release --test it properties
//! ```
//!

use crate::common::tmp::temp_dir;
use proptest::prelude::*;
use proptest::test_runner::{Config, FileFailurePersistence};
use std::path::{Path, PathBuf};
use vanban::document::{Block, Document};
use vanban::template::Templates;

fn config() -> Config {
    Config {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(8),
        failure_persistence: Some(Box::new(FileFailurePersistence::Off)),
        ..Config::default()
    }
}

fn example(name: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("data")
            .join(name),
    )
    .expect("example")
}

/// A sheet's text with the lines from `from` (a line starting so) to the next line at the
/// same or a lower indent replaced by `with`.
fn replace_block(text: &str, from: &str, with: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let start = lines
        .iter()
        .position(|l| l.trim_start().starts_with(from))
        .unwrap_or_else(|| panic!("no `{from}`"));
    let indent = |l: &str| l.len() - l.trim_start().len();
    let level = indent(lines[start]);
    let end = lines[start + 1..]
        .iter()
        .position(|l| {
            !l.trim().is_empty() && indent(l) <= level && !l.trim_start().starts_with('#')
        })
        .map(|i| start + 1 + i)
        .unwrap_or(lines.len());
    let mut out: Vec<String> = lines[..start].iter().map(|s| s.to_string()).collect();
    out.extend(with.lines().map(str::to_string));
    out.extend(lines[end..].iter().map(|s| s.to_string()));
    out.join("\n") + "\n"
}

/// A periodic commune report (`bao-cao-so-ket`, the Pờ Y sheet) with generated parts.
#[derive(Debug, Clone)]
struct Periodic {
    months: Option<u32>,
    households: Option<u32>,
    population: Option<u32>,
    total: u32,
    registered: u32,
    recognised: Option<u32>,
    agency: String,
    short_name: bool,
    tip_offs: Option<u32>,
}

const AGENCIES: &[&str] = &[
    "Công an huyện Vân Hà",
    "Ban Chỉ đạo 138",
    "Ban Chỉ đạo an ninh, trật tự",
    "BAN CHỈ ĐẠO XÃ PỜ Y",
];

fn periodic() -> impl Strategy<Value = Periodic> {
    (
        prop::option::of(prop::sample::select(vec![3u32, 6, 8, 9, 12])),
        prop::option::of(1u32..20_000),
        prop::option::of(1u32..90_000),
        1u32..40,
        prop::sample::select(AGENCIES.to_vec()),
        any::<bool>(),
        prop::option::of(0u32..200),
        0.0f64..=1.0,
        prop::option::of(0.0f64..=1.0),
    )
        .prop_map(
            |(months, households, population, total, agency, short_name, tip_offs, r, c)| {
                let registered = ((f64::from(total) * r).round() as u32).min(total);
                // A clean sheet: at least one person per household (fewer is a warning).
                let population = match (households, population) {
                    (Some(h), Some(p)) => Some(p.max(h)),
                    (_, p) => p,
                };
                Periodic {
                    months,
                    households,
                    population,
                    total,
                    registered,
                    recognised: c
                        .map(|c| ((f64::from(registered) * c).round() as u32).min(registered)),
                    agency: agency.to_string(),
                    short_name,
                    tip_offs,
                }
            },
        )
}

impl Periodic {
    fn yaml(&self) -> String {
        let mut s = example("xa-po-y-2024-8-thang.yaml");
        let opt =
            |key: &str, v: Option<u32>| v.map(|v| format!("  {key}: {v}")).unwrap_or_default();
        s = replace_block(&s, "households:", &opt("households", self.households));
        s = replace_block(&s, "population:", &opt("population", self.population));
        let recognised = self
            .recognised
            .map(|r| format!(", recognised: {r}"))
            .unwrap_or_default();
        s = replace_block(
            &s,
            "sub_units:",
            &format!(
                "  sub_units:\n    - {{ kind: thôn, category: khu_dan_cu, total: {}, registered: {}{recognised} }}",
                self.total, self.registered
            ),
        );
        s = replace_block(
            &s,
            "months:",
            &self
                .months
                .map(|m| format!("  months: {m}"))
                .unwrap_or_default(),
        );
        s = replace_block(&s, "agency:", &format!("  agency: [\"{}\"]", self.agency));
        let short = if self.short_name {
            format!("  short_name: \"{}\"", self.agency)
        } else {
            String::new()
        };
        s = replace_block(&s, "short_name:", &short);
        s = replace_block(&s, "tip_offs:", &opt("tip_offs", self.tip_offs));
        // The sheet's directives (April to July) move into a shorter period's months.
        if self.months.is_some_and(|m| m < 8) {
            s = s
                .replace("date: 2024-04-", "date: 2024-01-")
                .replace("date: 2024-06-", "date: 2024-02-")
                .replace("date: 2024-07-", "date: 2024-03-");
        }
        s
    }
}

/// Checks a sheet written to a temporary file; the documents and the check's warnings.
fn build(yaml: &str, name: &str) -> (PathBuf, Vec<(String, Document)>, Vec<String>) {
    let dir = temp_dir(name);
    let file = dir.join("sheet.yaml");
    std::fs::write(&file, yaml).expect("write");
    let templates = Templates::load(None).expect("templates");
    let checked = vanban::check(&file, &templates, None)
        .unwrap_or_else(|d| panic!("generated sheet fails check:\n{d}\n{yaml}"));
    // Notes say what a document leaves out (an unassessed child); only warnings count.
    let warnings = checked
        .warnings
        .0
        .iter()
        .filter(|d| d.severity == vanban::diagnostic::Severity::Warning)
        .map(|d| d.to_string())
        .collect();
    let docs = vanban::build_documents(&checked, &templates).unwrap_or_else(|d| panic!("{d}"));
    (file, docs, warnings)
}

fn unexplained(file: &Path) -> Vec<String> {
    let templates = Templates::load(None).expect("templates");
    let checked = vanban::check(file, &templates, None).unwrap_or_else(|d| panic!("{d}"));
    let e = vanban::explain::explain(&checked, &templates, None, None)
        .unwrap_or_else(|d| panic!("{d}"));
    e.documents
        .iter()
        .flat_map(|d| {
            d.unexplained().map(|n| {
                format!(
                    "{} {}:{} {} in `{}`",
                    d.template, n.line, n.column, n.text, n.context
                )
            })
        })
        .collect()
}

/// Every percentage printed, as a number.
fn percentages(text: &str) -> Vec<f64> {
    let mut out = Vec::new();
    for (at, _) in text.match_indices('%') {
        let head: String = text[..at]
            .chars()
            .rev()
            .take_while(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        if let Ok(x) = head.replace('.', "").replace(',', ".").parse::<f64>() {
            out.push(x);
        }
    }
    out
}

/// Headings with nothing under them before the next heading of the same or a higher rank.
fn empty_headings(doc: &Document) -> Vec<String> {
    let mut out = Vec::new();
    for (i, b) in doc.body.iter().enumerate() {
        if let Block::Heading { level, number, .. } = b {
            let next = doc.body.get(i + 1);
            let empty = match next {
                None => true,
                Some(Block::Heading { level: l, .. }) => l <= level,
                Some(_) => false,
            };
            if empty {
                out.push(number.clone());
            }
        }
    }
    out
}

proptest! {
    #![proptest_config(config())]

    /// Every number of a generated periodic report has a source, no rate exceeds 100% and no
    /// heading stands empty.
    #[test]
    fn periodic_reports_are_explained_and_bounded(p in periodic()) {
        let (file, docs, _) = build(&p.yaml(), "prop-periodic");
        for (name, doc) in &docs {
            let text = vanban::writer::text::write(doc);
            for x in percentages(&text) {
                prop_assert!(x <= 100.0, "{name}: {x}% in\n{text}");
            }
            prop_assert!(empty_headings(doc).is_empty(), "{name}: empty headings {:?}\n{text}", empty_headings(doc));
        }
        let missing = unexplained(&file);
        prop_assert!(missing.is_empty(), "{}\n{:?}", missing.join("\n"), p);
    }

    /// A ten-year series with gaps and an estimate (the Yên Lạc review): every number
    /// explained, no rate over 100%.
    #[test]
    fn series_with_gaps_and_estimates_are_explained(s in series()) {
        let (file, docs, _) = build(&s.yaml(), "prop-series");
        for (name, doc) in &docs {
            let text = vanban::writer::text::write(doc);
            for x in percentages(&text) {
                prop_assert!(x <= 100.0, "{name}: {x}% in\n{text}");
            }
        }
        let missing = unexplained(&file);
        prop_assert!(missing.is_empty(), "{}\n{:?}", missing.join("\n"), s);
    }
}

proptest! {
    #![proptest_config(config())]

    /// The period words agree with `period`: "n tháng" for a report of n < 12 months.
    #[test]
    fn period_words_agree(p in periodic()) {
        let (_, docs, _) = build(&p.yaml(), "prop-period");
        for (name, doc) in &docs {
            let text = vanban::writer::text::write(doc);
            match p.months {
                Some(m) if m < 12 => prop_assert!(text.contains(&format!("{m} tháng")), "{name}: no `{m} tháng`\n{text}"),
                _ => prop_assert!(text.contains("năm 2024"), "{name}\n{text}"),
            }
        }
    }

    /// A name is printed as typed (upper-cased only in the header lines).
    #[test]
    fn names_print_as_typed(p in periodic()) {
        let (_, docs, _) = build(&p.yaml(), "prop-names");
        for (name, doc) in &docs {
            let text = vanban::writer::text::write(doc);
            let lower = text.to_lowercase();
            let typed = p.agency.to_lowercase();
            for (at, _) in lower.match_indices(&typed) {
                let shown = &text[at..at + p.agency.len()];
                prop_assert!(
                    shown == p.agency || shown == p.agency.to_uppercase(),
                    "{name}: `{shown}` printed for `{}`", p.agency
                );
            }
        }
    }

    /// A clean generated sheet gives no warning.
    #[test]
    fn clean_sheets_give_no_warning(p in periodic()) {
        let (_, _, warnings) = build(&p.yaml(), "prop-warn");
        prop_assert!(warnings.is_empty(), "{}", warnings.join("\n"));
    }

    /// Every estimate keeps its qualifier wherever its figure is printed, and no run of
    /// years is claimed across a missing year.
    #[test]
    fn estimates_and_gaps(s in series()) {
        let (_, docs, _) = build(&s.yaml(), "prop-gaps");
        for (name, doc) in &docs {
            let text = vanban::writer::text::write(doc);
            if let Some((year, n)) = s.estimate {
                let shown = vanban::locale::count(i64::from(n));
                let elsewhere = s.points.iter().any(|(y, t, r)| *y != year && (*t == n || r.is_some_and(|r| r == n)));
                if !elsewhere {
                    // A fraction `160/212` (not a document number `112/BC-BCĐ`, nor a date).
                    // Of its own year's total (another series may print the same count).
                    let whole = s.points.iter().find(|(y, _, _)| *y == year).map(|(_, t, _)| vanban::locale::count(i64::from(*t))).unwrap_or_default();
                    let needle = format!(" {shown}/{whole}");
                    let fractions = text.match_indices(&needle).filter(|(at, m)| {
                        !text[at + m.len()..].starts_with(|c: char| c.is_ascii_digit() || c == '.')
                            && !text[..*at].ends_with("ngày")
                    });
                    for (at, _) in fractions {
                        prop_assert!(text[..at].ends_with("khoảng"), "{name}: `{shown}` without its qualifier\n{text}");
                    }
                }
            }
            for (from, to) in runs(&text) {
                for y in from..=to {
                    prop_assert!(s.points.iter().any(|(py, _, r)| *py == y && r.is_some()),
                        "{name}: a run {from} - {to} across the missing {y}\n{text}");
                }
            }
        }
    }
}

/// A district (the Thạch Thành sheet) over generated communes that issue periodic
/// `bao-cao-so-ket` reports, which assess nothing against TT124.
fn district(communes: &[Periodic]) -> PathBuf {
    let dir = temp_dir("prop-tree");
    std::fs::create_dir_all(dir.join("xa")).expect("dir");
    for (i, c) in communes.iter().enumerate() {
        let yaml = c
            .yaml()
            .replace("name: Pờ Y", &format!("name: Pờ Y {}", i + 1));
        std::fs::write(dir.join(format!("xa/xa-{i}.yaml")), yaml).expect("write");
    }
    let parent = dir.join("huyen.yaml");
    std::fs::write(
        &parent,
        example("huyen-thach-thanh-2024-tong-hop/huyen-thach-thanh.yaml"),
    )
    .expect("write");
    parent
}

proptest! {
    #![proptest_config(config())]

    /// Every number of a roll-up over generated communes has a source.
    #[test]
    fn rolled_up_trees_are_explained(communes in prop::collection::vec(periodic(), 1..4)) {
        let parent = district(&communes);
        let missing = unexplained(&parent);
        prop_assert!(missing.is_empty(), "{}", missing.join("\n"));
    }

    /// No TT124 verdict about a commune that no document of its own assesses.
    #[test]
    fn no_verdict_for_unassessed_units(communes in prop::collection::vec(periodic(), 1..4)) {
        let parent = district(&communes);
        let templates = Templates::load(None).expect("templates");
        let checked = vanban::check(&parent, &templates, None).unwrap_or_else(|d| panic!("{d}"));
        for (name, doc) in vanban::build_documents(&checked, &templates).unwrap_or_else(|d| panic!("{d}")) {
            let text = vanban::writer::text::write(&doc);
            for verdict in ["chưa đạt tiêu chí", "Chưa đạt", "đạt tiêu chuẩn “An toàn về an ninh, trật tự” theo Điều 5"] {
                prop_assert!(!text.contains(verdict), "{name}: `{verdict}`\n{text}");
            }
        }
    }
}

/// The years of every "n năm liên tiếp (a - b)".
fn runs(text: &str) -> Vec<(u32, u32)> {
    let mut out = Vec::new();
    for (at, _) in text.match_indices("năm liên tiếp (") {
        let rest = &text[at + "năm liên tiếp (".len()..];
        let years: Vec<u32> = rest
            .split(')')
            .next()
            .unwrap_or("")
            .split(" - ")
            .filter_map(|y| y.trim().parse().ok())
            .collect();
        if let [a, b] = years[..] {
            out.push((a, b));
        }
    }
    out
}

/// The Yên Lạc ten-year review with its `data.areas` series generated: some years missing,
/// some recognised figures missing, one figure an estimate (`khoảng N`).
#[derive(Debug, Clone)]
struct Series {
    /// (year, total, recognised)
    points: Vec<(u32, u32, Option<u32>)>,
    estimate: Option<(u32, u32)>,
}

fn series() -> impl Strategy<Value = Series> {
    (
        prop::collection::vec(
            (any::<bool>(), 150u32..260, 0.0f64..=1.0, any::<bool>()),
            10,
        ),
        prop::option::of(0usize..10),
    )
        .prop_map(|(years, estimate)| {
            let mut points = Vec::new();
            for (i, (present, total, share, has_recognised)) in years.into_iter().enumerate() {
                let year = 2015 + i as u32;
                // The first and the last year stay: the review compares them. A point states
                // both figures (the series declares both required), so a gap is a whole year.
                if (present && has_recognised) || i == 0 || i == 9 {
                    let r = (f64::from(total) * share).round() as u32;
                    points.push((year, total, Some(r.min(total))));
                }
            }
            let estimate = estimate
                .and_then(|i| points.get(i % points.len()).copied())
                .and_then(|(y, _, r)| r.map(|r| (y, r)));
            Series { points, estimate }
        })
}

impl Series {
    fn yaml(&self) -> String {
        let mut block = String::from("  areas:\n");
        for (y, t, r) in &self.points {
            let r = match (r, self.estimate) {
                (Some(r), Some((ey, _))) if ey == *y => format!(", recognised: khoảng {r}"),
                (Some(r), _) => format!(", recognised: {r}"),
                (None, _) => String::new(),
            };
            block.push_str(&format!("    {y}: {{ total: {t}{r} }}\n"));
        }
        replace_block(&example("huyen-yen-lac-2015-2024.yaml"), "areas:", &block)
    }
}

#[test]
fn the_generators_write_what_they_say() {
    let p = Periodic {
        months: Some(6),
        households: None,
        population: Some(1234),
        total: 9,
        registered: 7,
        recognised: None,
        agency: "Công an huyện Vân Hà".into(),
        short_name: false,
        tip_offs: None,
    };
    let y = p.yaml();
    assert!(
        y.contains("  months: 6\n") && !y.contains("households: 2787"),
        "{y}"
    );
    assert!(
        y.contains("total: 9, registered: 7 }") && !y.contains("short_name"),
        "{y}"
    );
    assert!(
        y.contains("agency: [\"Công an huyện Vân Hà\"]") && !y.contains("tip_offs"),
        "{y}"
    );
    let s = Series {
        points: vec![
            (2015, 200, Some(100)),
            (2017, 210, Some(3)),
            (2024, 212, Some(161)),
        ],
        estimate: Some((2024, 161)),
    };
    let y = s.yaml();
    assert!(
        y.contains("    2024: { total: 212, recognised: khoảng 161 }\n"),
        "{y}"
    );
    assert!(
        y.contains("    2017: { total: 210, recognised: 3 }\n")
            && !y.contains("2016: { total: 205"),
        "{y}"
    );
    assert!(y.contains("  communes:"), "{y}");
}

/// The province generator (examples/province.rs), its variation mode shared with the tests.
#[allow(dead_code)]
#[path = "../../examples/province/gen.rs"]
mod province;

/// A small varied province from `seed`: 2 districts of 2–3 communes of 2–3 khu dân cư, over
/// the year or its first 6 or 8 months, with communes that issue no TT124 report, absent
/// figures and estimates. Returns its folder.
fn varied_tree(seed: u64) -> PathBuf {
    let out = temp_dir("prop-province");
    let options = province::Options {
        districts: 2,
        vary: true,
        communes: (2, 3),
        areas: (2, 3),
        ..province::Options::new(seed, out.clone())
    };
    province::generate(&options).expect("generates");
    out
}

/// The full names (`xã Tân Phú`) of the communes of a tree that issue no TT124 report.
fn unassessed(sheets: &[PathBuf]) -> Vec<String> {
    let mut out = Vec::new();
    for file in sheets {
        let yaml = std::fs::read_to_string(file).expect("read");
        let word = [
            ("level: xa\n", "xã"),
            ("level: phuong\n", "phường"),
            ("level: thi_tran\n", "thị trấn"),
        ]
        .into_iter()
        .find(|(level, _)| yaml.contains(level));
        if let Some((_, word)) = word
            && !yaml.contains("template: bao-cao-ket-qua-tt124")
        {
            let name = yaml
                .lines()
                .find_map(|l| l.strip_prefix("  name: "))
                .expect("a name")
                .trim_matches('"');
            out.push(format!("{word} {name}"));
        }
    }
    out
}

proptest! {
    #![proptest_config(config())]

    /// Every sheet of a varied tree passes check (no error).
    #[test]
    fn varied_trees_pass_check(seed in any::<u64>()) {
        let dir = varied_tree(seed);
        let templates = Templates::load(None).expect("templates");
        for file in crate::common::tmp::files_under(&dir) {
            let checked = vanban::check(&file, &templates, None);
            prop_assert!(checked.is_ok(), "seed {seed}: {}: {}", file.display(), checked.err().map(|d| d.to_string()).unwrap_or_default());
        }
    }

    /// A clean varied tree gives no warning.
    #[test]
    fn varied_trees_give_no_warning(seed in any::<u64>()) {
        let dir = varied_tree(seed);
        let templates = Templates::load(None).expect("templates");
        for file in crate::common::tmp::files_under(&dir) {
            let checked = vanban::check(&file, &templates, None).unwrap_or_else(|d| panic!("{d}"));
            let warnings: Vec<String> = checked
                .warnings
                .0
                .iter()
                .filter(|d| d.severity == vanban::diagnostic::Severity::Warning)
                .map(|d| d.to_string())
                .collect();
            prop_assert!(warnings.is_empty(), "seed {seed}: {}:\n{}", file.display(), warnings.join("\n"));
        }
    }

    /// No document of a district or the province states a TT124 verdict (Đạt / Chưa đạt,
    /// "đạt tiêu chuẩn … theo Điều 5") about a commune that issued no TT124 report.
    #[test]
    fn varied_trees_state_no_verdict_for_unassessed_units(seed in any::<u64>()) {
        let dir = varied_tree(seed);
        let sheets = crate::common::tmp::files_under(&dir);
        let names = unassessed(&sheets);
        let templates = Templates::load(None).expect("templates");
        for file in &sheets {
            let checked = vanban::check(file, &templates, None).unwrap_or_else(|d| panic!("{d}"));
            if checked.rollup.as_ref().is_none_or(|r| r.communes.is_empty()) {
                continue;
            }
            for (doc, built) in vanban::build_documents(&checked, &templates).unwrap_or_else(|d| panic!("{d}")) {
                let text = vanban::writer::text::write(&built);
                for line in text.lines() {
                    let lower = line.to_lowercase();
                    for name in &names {
                        prop_assert!(
                            !(lower.contains(&name.to_lowercase()) && lower.contains("đạt")),
                            "seed {seed}: {} {doc}: a verdict about {name}, which issued no TT124 report:\n{line}",
                            file.display()
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn the_varied_tree_has_unassessed_communes() {
    // Seed 1 is a year tree: some communes issue only the year-end report.
    let dir = varied_tree(1);
    let sheets = crate::common::tmp::files_under(&dir);
    let names = unassessed(&sheets);
    assert!(!names.is_empty(), "{sheets:?}");
    assert!(
        names.iter().all(|n| n.starts_with("xã ")
            || n.starts_with("phường ")
            || n.starts_with("thị trấn ")),
        "{names:?}"
    );
}
