//! A synthetic province for benchmarks: one tỉnh, ~10 huyện, ~150 xã/phường/thị trấn and
//! ~1,500 khu dân cư fact sheets with a realistic spread of figures.
//!
//! ```sh
//! cargo run --release --example province -- --seed 1 --out /tmp/province
//! ```
//!
//! Seeded and deterministic: the same seed writes the same bytes (our own SplitMix64, no
//! clock, no hash-map order). Every figure is invented. A unit `X.yaml` keeps its children in
//! the folder `X/` beside it and lists them with `children: ["X/*.yaml"]` (`--no-children`
//! leaves the key out, for a vanban without roll-up). A parent's figures are the exact sums of
//! its children's, so a roll-up agrees with them. File stems are unique across the tree, so
//! `vanban render` of every folder never writes two sheets to one output folder.
//!
//! Documents: a khu dân cư issues the year-end `bao-cao-so-ket` (the only template for its
//! level); a xã/phường/thị trấn the `ke-hoach-tt124` (January) and the
//! `bao-cao-ket-qua-tt124` (November); a huyện and the tỉnh the year-end `bao-cao-tong-hop`
//! over their children, stating none of the figures the roll-up sums (`bao-cao-so-ket` with
//! the sums typed in, under `--no-children`).
//!
//! `--vary` (the data of the property tests, tests/it/properties.rs, which include
//! `province/gen.rs`): the tree reports on the year or its first 6 or 8 months; communes that
//! issue no TT124 report (a periodic or year-end `bao-cao-so-ket` only); districts with the
//! summary or the periodic report; absent figures (left out, never 0, a parent stating the
//! total its children cannot sum); patrols typed as estimates (`khoảng 1.230`).

#[path = "province/gen.rs"]
mod generator;

use generator::{Options, generate};
use std::path::PathBuf;

fn main() -> anyhow::Result<()> {
    let options = parse_args()?;
    let sheets = generate(&options)?;
    println!(
        "wrote {sheets} fact sheets under {} (seed {})",
        options.out.display(),
        options.seed
    );
    Ok(())
}

fn parse_args() -> anyhow::Result<Options> {
    let mut options = Options::new(1, PathBuf::from("/tmp/province"));
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || {
            args.next()
                .ok_or_else(|| anyhow::anyhow!("{arg} needs a value"))
        };
        match arg.as_str() {
            "--seed" => options.seed = value()?.parse()?,
            "--out" => options.out = PathBuf::from(value()?),
            "--districts" => options.districts = value()?.parse()?,
            "--year" => options.year = value()?.parse()?,
            "--no-children" => options.children = false,
            "--vary" => options.vary = true,
            _ => anyhow::bail!(
                "usage: province [--seed N] [--out DIR] [--districts N] [--year YYYY] [--no-children] [--vary]"
            ),
        }
    }
    anyhow::ensure!(options.districts >= 1, "--districts must be at least 1");
    Ok(options)
}

#[cfg(test)]
mod tests {
    use super::generator::words::slug;
    use super::*;
    use std::path::Path;
    use vanban::template::Templates;

    fn files(dir: &Path) -> Vec<PathBuf> {
        let mut out = Vec::new();
        for entry in std::fs::read_dir(dir).expect("list") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                out.extend(files(&path));
            } else {
                out.push(path);
            }
        }
        out.sort();
        out
    }

    fn options(name: &str, seed: u64, children: bool) -> Options {
        let out =
            std::env::temp_dir().join(format!("vanban-province-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&out);
        Options {
            districts: 1,
            children,
            ..Options::new(seed, out)
        }
    }

    #[test]
    fn slug_drops_marks_and_spaces() {
        assert_eq!(slug("Đông Hòa"), "dong-hoa");
        assert_eq!(slug("Quảng Hà"), slug("Quang Hà"));
    }

    #[test]
    fn same_seed_same_bytes_other_seed_other_figures() {
        let (a, b, c) = (
            options("a", 7, true),
            options("b", 7, true),
            options("c", 8, true),
        );
        let n = generate(&a).expect("generates");
        assert_eq!(generate(&b).expect("generates"), n);
        generate(&c).expect("generates");
        let (fa, fb) = (files(&a.out), files(&b.out));
        assert_eq!(
            fa.len(),
            n,
            "one file per sheet: no two sheets share a name"
        );
        for (x, y) in fa.iter().zip(&fb) {
            assert_eq!(x.strip_prefix(&a.out).ok(), y.strip_prefix(&b.out).ok());
            assert_eq!(
                std::fs::read(x).expect("read"),
                std::fs::read(y).expect("read")
            );
        }
        assert_ne!(
            fa.iter()
                .map(|f| std::fs::read(f).expect("read"))
                .collect::<Vec<_>>(),
            files(&c.out)
                .iter()
                .map(|f| std::fs::read(f).expect("read"))
                .collect::<Vec<_>>()
        );
        for o in [a, b, c] {
            let _ = std::fs::remove_dir_all(&o.out);
        }
    }

    /// With `children:`, the province and its district state no sums: every sheet passes
    /// check with no warning, the roll-up included.
    #[test]
    fn with_children_every_sheet_and_roll_up_checks_clean() {
        let o = options("rolled", 3, true);
        generate(&o).expect("generates");
        let templates = Templates::load(None).expect("templates");
        let mut rolled = 0;
        for file in files(&o.out) {
            let checked = vanban::check(&file, &templates, None)
                .unwrap_or_else(|d| panic!("{}: {d}", file.display()));
            assert!(
                checked.warnings.0.is_empty(),
                "{}: {}",
                file.display(),
                checked.warnings
            );
            rolled += usize::from(checked.rollup.is_some());
        }
        assert!(
            rolled > 2,
            "the province, the district and the communes roll up"
        );
        let _ = std::fs::remove_dir_all(&o.out);
    }

    /// Every sheet of a one-district province passes the checks without `children:` (the
    /// sums typed in), and a parent's households are the sum of its children's.
    #[test]
    fn sheets_pass_check_and_parents_sum_children() {
        let o = options("check", 3, false);
        generate(&o).expect("generates");
        let templates = Templates::load(None).expect("templates");
        let mut households = std::collections::BTreeMap::new();
        for file in files(&o.out) {
            let checked = vanban::check(&file, &templates, None)
                .unwrap_or_else(|d| panic!("{}: {d}", file.display()));
            assert!(
                checked.warnings.0.is_empty(),
                "{}: {}",
                file.display(),
                checked.warnings
            );
            households.insert(
                file.with_extension(""),
                checked.loaded.sheet.unit.households,
            );
        }
        let mut parents = 0;
        for (unit, total) in &households {
            let children: Vec<_> = households
                .iter()
                .filter(|(child, _)| child.parent() == Some(unit.as_path()))
                .collect();
            if !children.is_empty() {
                parents += 1;
                let sum: u64 = children.iter().filter_map(|(_, h)| **h).sum();
                assert_eq!(total.expect("stated"), sum, "{}", unit.display());
            }
        }
        assert!(
            parents > 2,
            "a province, a district and its communes have children"
        );
        let _ = std::fs::remove_dir_all(&o.out);
    }

    fn varied(name: &str, seed: u64) -> Options {
        Options {
            districts: 2,
            vary: true,
            communes: (2, 3),
            areas: (2, 3),
            ..options(name, seed, true)
        }
    }

    /// The varied tree is seeded too: same seed, same bytes; seeds 1, 5 and 8 cover the year,
    /// 8 months and 6 months.
    #[test]
    fn varied_tree_same_seed_same_bytes() {
        for seed in [1, 5, 8] {
            let (a, b) = (varied("va", seed), varied("vb", seed));
            let n = generate(&a).expect("generates");
            assert_eq!(generate(&b).expect("generates"), n);
            let (fa, fb) = (files(&a.out), files(&b.out));
            assert_eq!(fa.len(), n);
            for (x, y) in fa.iter().zip(&fb) {
                assert_eq!(x.strip_prefix(&a.out).ok(), y.strip_prefix(&b.out).ok());
                assert_eq!(
                    std::fs::read(x).expect("read"),
                    std::fs::read(y).expect("read")
                );
            }
            for o in [a, b] {
                let _ = std::fs::remove_dir_all(&o.out);
            }
        }
    }

    /// What the variation mode writes: a year tree with communes that issue no TT124 report,
    /// 6- and 8-month trees of periodic reports only, absent figures, estimated patrols; and
    /// every sheet of each passes check (its warnings are the roll-up's, see the README).
    #[test]
    fn varied_trees_vary_and_pass_check() {
        let templates = Templates::load(None).expect("templates");
        let mut text = String::new();
        let mut left_out = 0;
        for (seed, months) in [(1, None), (5, Some(8)), (8, Some(6))] {
            let o = varied("vcheck", seed);
            generate(&o).expect("generates");
            let mut unassessed = 0;
            for file in files(&o.out) {
                let yaml = std::fs::read_to_string(&file).expect("read");
                match months {
                    Some(m) => {
                        assert!(
                            yaml.contains(&format!("  months: {m}\n")),
                            "{}",
                            file.display()
                        );
                        assert!(!yaml.contains("tt124"), "{}", file.display());
                    }
                    None => assert!(!yaml.contains("months:"), "{}", file.display()),
                }
                let commune = ["level: xa", "level: phuong", "level: thi_tran"]
                    .iter()
                    .any(|l| yaml.contains(l));
                unassessed += usize::from(commune && !yaml.contains("bao-cao-ket-qua-tt124"));
                vanban::check(&file, &templates, None)
                    .unwrap_or_else(|d| panic!("{}: {d}\n{yaml}", file.display()));
                left_out += usize::from(
                    yaml.contains("\n  households:") && !yaml.contains("\n  population:"),
                );
                text.push_str(&yaml);
            }
            assert!(unassessed > 0, "seed {seed}: every commune assessed");
            let _ = std::fs::remove_dir_all(&o.out);
        }
        // Absent figures leave their keys out (never a 0 written for them), and some
        // district states its patrols as an estimate.
        assert!(left_out > 0, "no population left out");
        assert!(text.contains("patrols: khoảng") || text.contains("patrols: trên"));
        assert!(
            text.contains("template: bao-cao-so-ket\n")
                && text.contains("template: bao-cao-tong-hop\n")
        );
    }
}
