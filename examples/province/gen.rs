//! The generator of the synthetic province: the tree of units and their fact sheets.
//! Shared by the `province` example and the property tests (tests/it/properties.rs), which
//! include this file with `#[path]`.

pub mod figures;
pub mod words;

use figures::*;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use unicode_normalization::UnicodeNormalization;
use words::*;

/// Level of a unit, with how its own name and its khu dân cư are called in the text.
#[derive(Clone, Copy, PartialEq)]
enum Level {
    Province,
    District { town: bool },
    Area,
}

#[derive(Clone, Copy, PartialEq)]
enum CommuneKind {
    Xa,
    Phuong,
    ThiTran,
}

impl CommuneKind {
    fn key(self) -> &'static str {
        match self {
            CommuneKind::Xa => "xa",
            CommuneKind::Phuong => "phuong",
            CommuneKind::ThiTran => "thi_tran",
        }
    }
    fn word(self) -> &'static str {
        match self {
            CommuneKind::Xa => "xã",
            CommuneKind::Phuong => "phường",
            CommuneKind::ThiTran => "thị trấn",
        }
    }
    fn area_kind(self) -> &'static str {
        match self {
            CommuneKind::Xa => "thôn",
            CommuneKind::Phuong => "tổ dân phố",
            CommuneKind::ThiTran => "khu phố",
        }
    }
}

pub struct Options {
    pub seed: u64,
    pub out: PathBuf,
    pub districts: u64,
    pub year: i32,
    pub children: bool,
    /// The variation mode: 6- and 8-month periods, mixed templates, absent figures, estimates.
    pub vary: bool,
    /// How many communes a district has, and khu dân cư a commune (at most one per 30 hộ).
    pub communes: (u64, u64),
    pub areas: (u64, u64),
}

impl Options {
    /// The province of the benchmarks: ten districts of 11–19 communes of 6–15 khu dân cư.
    pub fn new(seed: u64, out: PathBuf) -> Options {
        Options {
            seed,
            out,
            districts: 10,
            year: 2024,
            children: true,
            vary: false,
            communes: (11, 19),
            areas: (6, 15),
        }
    }
}

/// What a commune issues in the variation mode.
#[derive(Clone, Copy, PartialEq)]
enum Issues {
    /// The TT124 plan and report (assessed against Điều 5), and with `report` the year-end
    /// `bao-cao-so-ket` too.
    Tt124 { report: bool },
    /// Only a `bao-cao-so-ket` for the period: no TT124 assessment.
    Report,
}

/// What a parent needs of a child it has written.
struct Written {
    figures: Figures,
    areas: u64,
    areas_recognised: u64,
    commune_met: Option<bool>,
    /// A district's patrols: how many, and whether its sheet states them.
    patrols: (u64, bool),
}

struct Generator {
    rng: Rng,
    year: i32,
    children: bool,
    vary: bool,
    /// The period of the whole tree: `None` the year, else its first n months.
    months: Option<u64>,
    communes: (u64, u64),
    areas: (u64, u64),
    names: Vec<String>,
    sheets: usize,
}

/// Writes the province of `options`; returns how many fact sheets.
pub fn generate(options: &Options) -> anyhow::Result<usize> {
    let mut g = Generator {
        rng: Rng(options.seed),
        year: options.year,
        children: options.children,
        vary: options.vary,
        months: None,
        communes: options.communes,
        areas: options.areas,
        names: Vec::new(),
        sheets: 0,
    };
    std::fs::create_dir_all(&options.out)?;
    let province = place_name(&mut g.rng, &mut g.names);
    g.province(&options.out, &province, options.districts)?;
    Ok(g.sheets)
}

impl Generator {
    fn province(&mut self, dir: &Path, name: &str, districts: u64) -> anyhow::Result<()> {
        let stem = format!("tinh-{}", slug(name));
        let sub = dir.join(&stem);
        // Varied, the tree reports on the year, or on its first 6 or 8 months.
        if self.vary {
            self.months = *self.rng.pick(&[None, Some(6), Some(8)]);
        }
        let mut total = Figures::default();
        let mut patrols = (0, true);
        let (mut areas, mut recognised, mut communes, mut met) = (0, 0, 0, 0);
        for i in 0..districts {
            let district = place_name(&mut self.rng, &mut self.names);
            // One district in four is a thị xã (mostly phường), the rest huyện.
            let town = i % 4 == 1;
            let w = self.district(&sub, &district, town, name)?;
            total.add(&w.figures);
            patrols = (patrols.0 + w.patrols.0, patrols.1 && w.patrols.1);
            areas += w.areas;
            recognised += w.areas_recognised;
            communes += w.commune_met.map_or(0, |_| 1);
            met += u64::from(w.commune_met == Some(true));
        }
        let _ = (communes, met);
        let located = String::new();
        let yaml = self.sheet(
            &Unit {
                level: Level::Province,
                name,
                located_in: &located,
                parent: None,
                figures: &total,
                areas,
                areas_recognised: recognised,
                area_kind: "thôn, tổ dân phố, khu phố",
                children: Some(&stem),
                patrols: (self.vary && !patrols.1).then_some(Patrols::About(patrols.0)),
            },
            self.summary(),
        );
        self.write(dir, &stem, &yaml)
    }

    /// The report of a district or the province over its children: the summary that takes
    /// their sums, or under `--no-children` the periodic report with the sums typed in.
    fn summary(&self) -> &'static str {
        if self.children {
            "bao-cao-tong-hop"
        } else {
            "bao-cao-so-ket"
        }
    }

    fn district(
        &mut self,
        dir: &Path,
        name: &str,
        town: bool,
        province: &str,
    ) -> anyhow::Result<Written> {
        let stem = format!("{}-{}", if town { "tx" } else { "huyen" }, slug(name));
        let sub = dir.join(&stem);
        let located = format!("tỉnh {province}");
        let word = if town { "thị xã" } else { "huyện" };
        let count = self.rng.range(self.communes.0, self.communes.1);
        // Varied, a district of a 6- or 8-month tree may issue the periodic report instead
        // of the summary, and its patrols are stated exactly, as an estimate, or not at all.
        let template = if self.vary && self.months.is_some() && self.rng.chance(0.4) {
            "bao-cao-so-ket"
        } else {
            self.summary()
        };
        let patrols = if self.vary {
            self.rng.range(40, 120) * count
        } else {
            0
        };
        let stated = match (self.vary, template) {
            (true, "bao-cao-tong-hop") => Some(match self.rng.range(0, 2) {
                0 => Patrols::Exact(patrols),
                1 => Patrols::About(patrols),
                _ => Patrols::Above(patrols),
            }),
            _ => None,
        };
        let mut total = Figures::default();
        let (mut areas, mut recognised, mut communes, mut met) = (0, 0, 0, 0);
        for i in 0..count {
            let kind = match (town, i) {
                (false, 0) => CommuneKind::ThiTran,
                (false, _) => CommuneKind::Xa,
                (true, i) if i % 3 == 2 => CommuneKind::Xa,
                (true, _) => CommuneKind::Phuong,
            };
            let commune = place_name(&mut self.rng, &mut self.names);
            let w = self.commune(
                &sub,
                &commune,
                kind,
                &format!("{word} {name}, tỉnh {province}"),
                word,
            )?;
            total.add(&w.figures);
            areas += w.areas;
            recognised += w.areas_recognised;
            communes += 1;
            met += u64::from(w.commune_met == Some(true));
        }
        let yaml = self.sheet(
            &Unit {
                level: Level::District { town },
                name,
                located_in: &located,
                parent: Some("tỉnh"),
                figures: &total,
                areas,
                areas_recognised: recognised,
                area_kind: "thôn, tổ dân phố, khu phố",
                children: Some(&stem),
                patrols: stated,
            },
            template,
        );
        self.write(dir, &stem, &yaml)?;
        let _ = communes;
        // A periodic report states none of the TT124 figures its communes give.
        if template == "bao-cao-so-ket" {
            total.absent.extend(TT124_ONLY);
        }
        // What none of its communes gives, the district's roll-up cannot give either: for
        // the province it is absent (not a figure some district gives).
        for k in KEYS {
            if total.given_by_none(k) {
                total.absent.insert(k);
            }
        }
        Ok(Written {
            patrols: (patrols, stated.is_some()),
            figures: total,
            areas,
            areas_recognised: recognised,
            commune_met: Some(met > 0),
        })
    }

    fn commune(
        &mut self,
        dir: &Path,
        name: &str,
        kind: CommuneKind,
        located_in: &str,
        parent: &str,
    ) -> anyhow::Result<Written> {
        let stem = format!("{}-{}", kind.key().replace('_', "-"), slug(name));
        let sub = dir.join(&stem);
        let households = self.rng.range(300, 3000);
        let count = self
            .rng
            .range(self.areas.0, self.areas.1)
            .min(households / 30);
        // Split the households among the areas by random weights, each at least 20.
        let weights: Vec<u64> = (0..count).map(|_| self.rng.range(5, 15)).collect();
        let sum: u64 = weights.iter().sum();
        let spare = households - 20 * count;
        let mut shares: Vec<u64> = weights.iter().map(|w| 20 + spare * w / sum).collect();
        let given: u64 = shares.iter().sum();
        if let Some(first) = shares.first_mut() {
            *first += households - given;
        }
        let mut total = Figures::default();
        let mut taken = Vec::new();
        let area_located = format!("{} {name}, {located_in}", kind.word());
        for share in shares {
            let area = place_name(&mut self.rng, &mut taken);
            let figures = area_figures(&mut self.rng, share, self.vary);
            let area_stem = format!("{stem}-{}", slug(&area));
            let yaml = self.sheet(
                &Unit {
                    level: Level::Area,
                    name: &area,
                    located_in: &area_located,
                    parent: Some(kind.word()),
                    figures: &figures,
                    areas: 0,
                    areas_recognised: 0,
                    area_kind: kind.area_kind(),
                    children: None,
                    patrols: None,
                },
                "bao-cao-so-ket",
            );
            self.write(&sub, &area_stem, &yaml)?;
            total.add(&figures);
        }
        // Recognised 85–95% of the areas, rounded down; the TT124 criterion needs 70%.
        let recognised = count * self.rng.range(85, 95) / 100;
        // Varied: over a year three communes in ten issue only the year-end report (no TT124
        // assessment), a third of the others that report as well; over 6 or 8 months every
        // commune issues the periodic report only.
        let issues = match (self.vary, self.months) {
            (false, _) => Issues::Tt124 { report: false },
            (true, Some(_)) => Issues::Report,
            (true, None) if self.rng.chance(0.3) => Issues::Report,
            (true, None) => Issues::Tt124 {
                report: self.rng.chance(0.35),
            },
        };
        let (yaml, met) = self.commune_sheet(
            &Commune {
                name,
                kind,
                located_in,
                parent,
                areas: count,
                recognised,
                issues,
            },
            &mut total,
        );
        self.write(dir, &stem, &yaml)?;
        Ok(Written {
            figures: total,
            areas: count,
            areas_recognised: recognised,
            commune_met: met,
            patrols: (0, false),
        })
    }

    fn write(&mut self, dir: &Path, stem: &str, yaml: &str) -> anyhow::Result<()> {
        std::fs::create_dir_all(dir)?;
        let text: String = yaml.nfc().collect();
        std::fs::write(dir.join(format!("{stem}.yaml")), text)?;
        self.sheets += 1;
        Ok(())
    }

    /// The issuer, signer and recipients block. `title` is the unit as named (`xã An Phú`),
    /// `above` the level it reports to (empty for the tỉnh). A khu dân cư reports through
    /// its Ban Công tác Mặt trận under the commune's UBND; every other unit through its Ban
    /// Chỉ đạo, signed by the chairman of its UBND.
    fn issuer(&mut self, out: &mut String, title: &str, above: &str, area: bool) {
        let signer = person(&mut self.rng);
        let _ = writeln!(out, "issuer:");
        if area {
            let _ = writeln!(out, "  parent_agency: [{}]", q(&format!("UBND {above}")));
            let _ = writeln!(out, "  agency: [\"Ban Công tác Mặt trận\", {}]", q(title));
            let _ = writeln!(out, "  abbreviation: BCTMT");
            let _ = writeln!(
                out,
                "  short_name: {}",
                q(&format!("Ban Công tác Mặt trận {title}"))
            );
            let _ = writeln!(out, "  signer:");
            let _ = writeln!(out, "    position: Trưởng ban");
        } else {
            let _ = writeln!(out, "  parent_agency: [{}]", q(&format!("UBND {title}")));
            let _ = writeln!(out, "  agency: [\"Ban Chỉ đạo an ninh, trật tự\"]");
            let _ = writeln!(out, "  abbreviation: BCĐ");
            let _ = writeln!(
                out,
                "  short_name: {}",
                q(&format!("Ban Chỉ đạo an ninh, trật tự {title}"))
            );
            let _ = writeln!(out, "  signer:");
            let _ = writeln!(out, "    position: Trưởng ban");
            let _ = writeln!(
                out,
                "    seal_title: {}",
                q(&format!("Chủ tịch UBND {title}"))
            );
        }
        let _ = writeln!(out, "    name: {}", q(&signer));
        let _ = writeln!(out, "  recipients:");
        if above.is_empty() {
            let _ = writeln!(out, "    - {{ name: Bộ Công an, purpose: báo cáo }}");
        } else {
            let _ = writeln!(
                out,
                "    - {{ name: {}, purpose: báo cáo }}",
                q(&format!("Ban Chỉ đạo an ninh, trật tự {above}"))
            );
            let _ = writeln!(
                out,
                "    - {{ name: {}, purpose: báo cáo }}",
                q(&format!("Công an {above}"))
            );
        }
        let _ = writeln!(out, "    - {{ name: Thành viên Ban Chỉ đạo }}");
        let _ = writeln!(out, "  archive: [VT]");
    }

    /// The `period:` block of the tree: the year, or its first n months.
    fn period(&self, out: &mut String) {
        let _ = writeln!(out, "\nperiod:\n  year: {}", self.year);
        if let Some(months) = self.months {
            let _ = writeln!(out, "  months: {months}");
        }
        let _ = writeln!(out);
    }

    /// A khu dân cư, huyện or tỉnh sheet issuing `template`.
    fn sheet(&mut self, unit: &Unit, template: &str) -> String {
        let mut out = String::new();
        let (level, word, title_word) = match unit.level {
            Level::Province => ("tinh", "tỉnh", "tỉnh"),
            Level::District { town: true } => ("huyen", "thị xã", "thị xã"),
            Level::District { town: false } => ("huyen", "huyện", "huyện"),
            Level::Area => ("khu_dan_cu", unit.area_kind, unit.area_kind),
        };
        let _ = writeln!(
            out,
            "# {word} {} — synthetic (examples/province.rs); every figure is invented.",
            unit.name
        );
        let _ = writeln!(out, "schema: 1\n");
        if self.children
            && let Some(folder) = unit.children
        {
            let _ = writeln!(out, "children: [{}]\n", q(&format!("{folder}/*.yaml")));
        }
        let _ = writeln!(out, "unit:");
        let _ = writeln!(out, "  name: {}", q(unit.name));
        let _ = writeln!(out, "  level: {level}");
        if !unit.located_in.is_empty() {
            let _ = writeln!(out, "  located_in: {}", q(unit.located_in));
        }
        if let Some(parent) = unit.parent {
            let _ = writeln!(out, "  parent: {}", q(parent));
        }
        // With `children:` a district or the province states none of what its children sum
        // (the roll-up does), except a total the roll-up cannot make because a child leaves
        // it out: that it states from its own records.
        let rolled = self.children && unit.children.is_some();
        let summary = template == "bao-cao-tong-hop";
        let f = unit.figures;
        let state = |key: &str| {
            if rolled {
                // What the template reads and the children cannot sum.
                let read = match key {
                    "area_ha" => !summary,
                    k if TT124_ONLY.contains(&k) => summary,
                    _ => true,
                };
                read && f.partial(key)
            } else {
                f.has(key)
            }
        };
        if !rolled {
            let _ = writeln!(out, "  households: {}", f.households);
        }
        if state("population") {
            let _ = writeln!(out, "  population: {}", f.population);
        }
        if state("area_ha") {
            let _ = writeln!(out, "  area_ha: {:.1}", f.area_ha);
        }
        if unit.areas > 0 && !rolled {
            let _ = writeln!(out, "  sub_units:");
            // Before the assessment at the year's end no khu dân cư is recognised yet.
            let recognised = match self.months {
                None => format!(", recognised: {}", unit.areas_recognised),
                Some(_) => String::new(),
            };
            let _ = writeln!(
                out,
                "    - {{ kind: {}, category: khu_dan_cu, total: {}, registered: {}{recognised} }}",
                q(unit.area_kind),
                unit.areas,
                unit.areas,
            );
        }
        self.period(&mut out);
        let title = format!("{title_word} {}", unit.name);
        // The level above as named: `tỉnh X` for a huyện, `xã Y` for a khu dân cư.
        let above = match unit.level {
            Level::Province => "",
            _ => unit.located_in.split(',').next().unwrap_or(""),
        };
        self.issuer(&mut out, &title, above, unit.level == Level::Area);
        let _ = writeln!(out, "\ndocuments:");
        // Khu dân cư report at the end of October (their period ends 31/10), the rest later;
        // over n months, within the n-th month, the lower levels first.
        let (month, day) = match (self.months, unit.level) {
            (None, Level::Area) => (10, self.rng.range(25, 31)),
            (None, Level::District { .. }) => (11, self.rng.range(20, 28)),
            (None, _) => (12, self.rng.range(1, 10)),
            (Some(n), Level::Area) => (n, self.rng.range(10, 15)),
            (Some(n), Level::District { .. }) => (n, self.rng.range(21, 25)),
            (Some(n), _) => (n, self.rng.range(26, 28)),
        };
        let _ = writeln!(out, "  - template: {template}");
        let _ = writeln!(out, "    number: {}", self.rng.range(1, 150));
        let _ = writeln!(out, "    date: {}-{month:02}-{day:02}", self.year);
        if let Some(patrols) = unit.patrols {
            let _ = writeln!(out, "\ndata:\n  patrols: {}", patrols.written());
        }
        if !rolled {
            let _ = writeln!(out, "\nfacts:");
            facts(&mut out, f, false, true);
        } else {
            let mut facts = String::new();
            if state("attendees") {
                let _ = writeln!(facts, "  propaganda: {{ attendees: {} }}", f.attendees);
            }
            for (key, value) in [
                ("tip_offs", f.tip_offs),
                ("households_pledged", f.pledged),
                ("disputes_mediated", f.disputes),
                ("offenders_supported", f.supported),
                ("addicts_supported", f.addicts),
            ] {
                if state(key) {
                    let _ = writeln!(facts, "  {key}: {value}");
                }
            }
            // The periodic report's incidents and accidents (no roll-up sums them), and its
            // models by name (a roll-up counts them only).
            if !summary {
                incidents(&mut facts, f, true);
                models(&mut facts, f);
            }
            if !facts.is_empty() {
                let _ = write!(out, "\nfacts:\n{facts}");
            }
        }
        narrative(&mut self.rng, &mut out, false, true, rolled && summary);
        out
    }

    /// A xã, phường or thị trấn sheet: the TT124 plan and year-end report, and varied a
    /// periodic report, or that report alone. Writes into `f` the commune's own TT124 figures
    /// and what its sheet leaves out; returns the YAML and whether the commune meets every
    /// criterion as generated (`None`: not assessed).
    fn commune_sheet(&mut self, c: &Commune, f: &mut Figures) -> (String, Option<bool>) {
        let (name, kind, located_in, parent) = (c.name, c.kind, c.located_in, c.parent);
        let (areas, recognised) = (c.areas, c.recognised);
        let assessed = matches!(c.issues, Issues::Tt124 { .. });
        let report = matches!(c.issues, Issues::Report | Issues::Tt124 { report: true });
        // The commune's own sums stand whatever its khu dân cư leave out; varied, it leaves
        // out its area, and without a TT124 report last year's incidents now and then.
        f.absent.clear();
        if self.vary {
            if self.rng.chance(0.15) {
                f.absent.insert("area_ha");
            }
            if !assessed && self.rng.chance(0.15) {
                f.absent.insert("incidents_previous");
            }
        }
        if !assessed {
            f.absent.extend(TT124_ONLY);
        }
        let r = &mut self.rng;
        let mut out = String::new();
        let title = format!("{} {name}", kind.word());
        let _ = writeln!(
            out,
            "# {title} — synthetic (examples/province.rs); every figure is invented.\nschema: 1\n"
        );
        if self.children {
            let stem = format!("{}-{}", kind.key().replace('_', "-"), slug(name));
            let _ = writeln!(out, "children: [{}]\n", q(&format!("{stem}/*.yaml")));
        }
        let _ = writeln!(out, "unit:");
        let _ = writeln!(out, "  name: {}", q(name));
        let _ = writeln!(out, "  level: {}", kind.key());
        let _ = writeln!(out, "  located_in: {}", q(located_in));
        let _ = writeln!(out, "  parent: {}", q(parent));
        let _ = writeln!(
            out,
            "  recognised_by: {}",
            q(&format!("Chủ tịch UBND {parent}"))
        );
        let _ = writeln!(out, "  households: {}", f.households);
        let _ = writeln!(out, "  population: {}", f.population);
        if f.has("area_ha") {
            let _ = writeln!(out, "  area_ha: {:.1}", f.area_ha);
        }
        let agencies = r.range(3, 60);
        let _ = writeln!(out, "  agencies_enterprises: {agencies}");
        // Some communes fail a criterion: an unregistered area (criterion 4), a plan of
        // April (criterion 1), a disciplined police officer (criterion 3), or more cases
        // than last year (criterion 2, from the figures).
        let unregistered = u64::from(r.chance(0.04));
        let late_plan = r.chance(0.04);
        let disciplined = u64::from(r.chance(0.03));
        let schools = r.range(1, 5);
        // Before the assessment at the year's end nothing is recognised yet.
        let year_end = self.months.is_none();
        let recognised_of = |n: u64| {
            if year_end {
                format!(", recognised: {n}")
            } else {
                String::new()
            }
        };
        let _ = writeln!(out, "  sub_units:");
        let _ = writeln!(
            out,
            "    - {{ kind: {}, category: khu_dan_cu, total: {areas}, registered: {}{} }}",
            q(kind.area_kind()),
            areas - unregistered,
            recognised_of(recognised.min(areas - unregistered))
        );
        let schools_recognised = schools - u64::from(r.chance(0.1));
        let _ = writeln!(
            out,
            "    - {{ kind: nhà trường, category: co_so_giao_duc, total: {schools}, registered: {schools}{} }}",
            recognised_of(schools_recognised)
        );
        let _ = writeln!(
            out,
            "    - {{ kind: cơ quan, category: co_quan, total: 1, registered: 1{} }}",
            recognised_of(1)
        );
        let _ = writeln!(
            out,
            "  subdivision: {{ kind: tổ an ninh xã hội, count: {} }}",
            areas * r.range(3, 8)
        );
        let year = self.year;
        self.period(&mut out);
        let above = located_in.split(',').next().unwrap_or(parent).to_string();
        self.issuer(&mut out, &title, &above, false);
        let r = &mut self.rng;
        let _ = writeln!(out, "\ndocuments:");
        if assessed {
            let _ = writeln!(out, "  - template: ke-hoach-tt124");
            let _ = writeln!(out, "    number: {}", r.range(1, 30));
            let _ = writeln!(out, "    date: {year}-01-{:02}", r.range(10, 28));
            let _ = writeln!(out, "  - template: bao-cao-ket-qua-tt124");
            let _ = writeln!(out, "    number: {}", r.range(60, 200));
            let _ = writeln!(out, "    date: {year}-11-{:02}", r.range(1, 12));
        }
        if report {
            let (month, day) = match self.months {
                None => (12, r.range(1, 10)),
                Some(n) => (n, r.range(16, 20)),
            };
            let _ = writeln!(out, "  - template: bao-cao-so-ket");
            let _ = writeln!(out, "    number: {}", r.range(1, 150));
            let _ = writeln!(out, "    date: {year}-{month:02}-{day:02}");
        }
        let _ = writeln!(out, "\nfacts:");
        // Drawn for every commune (its district may state the total), written by a TT124 one.
        f.pledged = f.households - f.households * r.range(0, 8) / 100;
        f.supported = r.range(0, 20);
        f.addicts = r.range(0, 10);
        if assessed {
            let _ = writeln!(out, "  households_pledged: {}", f.pledged);
            let _ = writeln!(out, "  offenders_supported: {}", f.supported);
            let _ = writeln!(out, "  addicts_supported: {}", f.addicts);
        }
        facts(&mut out, f, assessed, report);
        let (cases, previous) = f.cases();
        if !assessed {
            narrative(&mut self.rng, &mut out, false, true, false);
            return (out, None);
        }
        let _ = writeln!(out, "  plan:");
        let _ = writeln!(
            out,
            "    sub_unit_dossier_to: {}",
            q(&format!(
                "Thường trực Ban Chỉ đạo {title} (qua Công an {title})"
            ))
        );
        let _ = writeln!(
            out,
            "    dossier_to: {}",
            q(&format!(
                "Thường trực Ban Chỉ đạo {above} (qua Công an {above})"
            ))
        );
        let resolution_month = if late_plan { 4 } else { r.range(1, 3) };
        let _ = writeln!(out, "  criteria:");
        for (key, kind_word, code, issuer, subject) in [
            (
                "party_resolution",
                "Nghị quyết",
                "-NQ/ĐU",
                format!("Đảng ủy {title}"),
                format!("lãnh đạo công tác bảo đảm an ninh, trật tự năm {year}"),
            ),
            (
                "plan",
                "Kế hoạch",
                "/KH-BCĐ",
                format!("UBND {title}"),
                format!(
                    "bảo đảm an ninh, trật tự và xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc năm {year}"
                ),
            ),
        ] {
            let _ = writeln!(out, "    {key}:");
            let _ = writeln!(out, "      kind: {kind_word}");
            let _ = writeln!(
                out,
                "      number: {}",
                q(&format!("{:02}{code}", r.range(1, 60)))
            );
            let _ = writeln!(
                out,
                "      date: {year}-{resolution_month:02}-{:02}",
                r.range(2, 28)
            );
            let _ = writeln!(out, "      issuer: {}", q(&issuer));
            let _ = writeln!(out, "      subject: {}", q(&subject));
        }
        let _ = writeln!(out, "    registered: true");
        let _ = writeln!(out, "    policy_carried_out: true");
        let _ = writeln!(out, "    police_effective: true");
        let _ = writeln!(out, "    police_disciplined: {disciplined}");
        narrative(&mut self.rng, &mut out, true, report, false);
        let criterion_4 = unregistered == 0 && recognised * 10 >= areas * 7;
        let met = criterion_4 && !late_plan && disciplined == 0 && cases <= previous;
        (out, Some(met))
    }
}

/// A commune to write, and what it issues.
struct Commune<'a> {
    name: &'a str,
    kind: CommuneKind,
    located_in: &'a str,
    parent: &'a str,
    areas: u64,
    recognised: u64,
    issues: Issues,
}

struct Unit<'a> {
    level: Level,
    name: &'a str,
    located_in: &'a str,
    parent: Option<&'a str>,
    figures: &'a Figures,
    areas: u64,
    areas_recognised: u64,
    area_kind: &'a str,
    children: Option<&'a str>,
    /// `data.patrols`, for a summary that states it.
    patrols: Option<Patrols>,
}

/// A figure as a clerk types it: exact, or an estimate (`khoảng 1.200`, `trên 1.150`).
#[derive(Clone, Copy)]
enum Patrols {
    Exact(u64),
    About(u64),
    Above(u64),
}

impl Patrols {
    fn written(self) -> String {
        match self {
            Patrols::Exact(n) => n.to_string(),
            // Rounded to the ten, or down to the fifty below.
            Patrols::About(n) => format!("khoảng {}", thousands((n + 5) / 10 * 10)),
            Patrols::Above(n) => format!("trên {}", thousands(n.saturating_sub(1) / 50 * 50)),
        }
    }
}

/// `1230` → `1.230`, as the Vietnamese write it.
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}
