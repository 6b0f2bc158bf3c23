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
}

/// What a parent needs of a child it has written.
struct Written {
    figures: Figures,
    areas: u64,
    areas_recognised: u64,
    commune_met: Option<bool>,
}

struct Generator {
    rng: Rng,
    year: i32,
    children: bool,
    names: Vec<String>,
    sheets: usize,
}

/// Writes the province of `options`; returns how many fact sheets.
pub fn generate(options: &Options) -> anyhow::Result<usize> {
    let mut g = Generator {
        rng: Rng(options.seed),
        year: options.year,
        children: options.children,
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
        let mut total = Figures::default();
        let (mut areas, mut recognised, mut communes, mut met) = (0, 0, 0, 0);
        for i in 0..districts {
            let district = place_name(&mut self.rng, &mut self.names);
            // One district in four is a thị xã (mostly phường), the rest huyện.
            let town = i % 4 == 1;
            let w = self.district(&sub, &district, town, name)?;
            total.add(&w.figures);
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
            },
            &["bao-cao-so-ket"],
        );
        self.write(dir, &stem, &yaml)
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
        let count = self.rng.range(11, 19);
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
            },
            &["bao-cao-so-ket"],
        );
        self.write(dir, &stem, &yaml)?;
        let _ = communes;
        Ok(Written {
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
        let count = self.rng.range(6, 15).min(households / 30);
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
            let figures = area_figures(&mut self.rng, share);
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
                },
                &["bao-cao-so-ket"],
            );
            self.write(&sub, &area_stem, &yaml)?;
            total.add(&figures);
        }
        // Recognised 85–95% of the areas, rounded down; the TT124 criterion needs 70%.
        let recognised = count * self.rng.range(85, 95) / 100;
        let yaml = self.commune_sheet(name, kind, located_in, parent, &total, count, recognised);
        self.write(dir, &stem, &yaml.0)?;
        Ok(Written {
            figures: total,
            areas: count,
            areas_recognised: recognised,
            commune_met: Some(yaml.1),
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

    /// A khu dân cư, huyện or tỉnh sheet issuing `templates` (all year-end reports).
    fn sheet(&mut self, unit: &Unit, templates: &[&str]) -> String {
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
        // (the roll-up does) and issues the summary over them.
        let rolled = self.children && unit.children.is_some();
        let templates: &[&str] = if rolled {
            &["bao-cao-tong-hop"]
        } else {
            templates
        };
        let f = unit.figures;
        if !rolled {
            let _ = writeln!(out, "  households: {}", f.households);
            let _ = writeln!(out, "  population: {}", f.population);
            let _ = writeln!(out, "  area_ha: {:.1}", f.area_ha);
        }
        if unit.areas > 0 && !rolled {
            let _ = writeln!(out, "  sub_units:");
            let _ = writeln!(
                out,
                "    - {{ kind: {}, category: khu_dan_cu, total: {}, registered: {}, recognised: {} }}",
                q(unit.area_kind),
                unit.areas,
                unit.areas,
                unit.areas_recognised
            );
        }
        let _ = writeln!(out, "\nperiod:\n  year: {}\n", self.year);
        let title = format!("{title_word} {}", unit.name);
        // The level above as named: `tỉnh X` for a huyện, `xã Y` for a khu dân cư.
        let above = match unit.level {
            Level::Province => "",
            _ => unit.located_in.split(',').next().unwrap_or(""),
        };
        self.issuer(&mut out, &title, above, unit.level == Level::Area);
        let _ = writeln!(out, "\ndocuments:");
        // Khu dân cư report at the end of October (their period ends 31/10), the rest later.
        let (month, day) = match unit.level {
            Level::Area => (10, self.rng.range(25, 31)),
            Level::District { .. } => (11, self.rng.range(20, 28)),
            _ => (12, self.rng.range(1, 10)),
        };
        for t in templates {
            let _ = writeln!(out, "  - template: {t}");
            let _ = writeln!(out, "    number: {}", self.rng.range(1, 150));
            let _ = writeln!(out, "    date: {}-{month:02}-{day:02}", self.year);
        }
        // A summary's facts are its children's sums, filled in by the roll-up.
        if !rolled {
            let _ = writeln!(out, "\nfacts:");
            facts(&mut out, f, false);
        }
        narrative(&mut self.rng, &mut out, false, rolled);
        out
    }

    /// A xã, phường or thị trấn sheet: the TT124 plan and year-end report. Returns the YAML
    /// and whether the commune meets every criterion as generated.
    #[allow(clippy::too_many_arguments)]
    fn commune_sheet(
        &mut self,
        name: &str,
        kind: CommuneKind,
        located_in: &str,
        parent: &str,
        f: &Figures,
        areas: u64,
        recognised: u64,
    ) -> (String, bool) {
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
        let _ = writeln!(out, "  area_ha: {:.1}", f.area_ha);
        let agencies = r.range(3, 60);
        let _ = writeln!(out, "  agencies_enterprises: {agencies}");
        // Some communes fail a criterion: an unregistered area (criterion 4), a plan of
        // April (criterion 1), a disciplined police officer (criterion 3), or more cases
        // than last year (criterion 2, from the figures).
        let unregistered = u64::from(r.chance(0.04));
        let late_plan = r.chance(0.04);
        let disciplined = u64::from(r.chance(0.03));
        let schools = r.range(1, 5);
        let _ = writeln!(out, "  sub_units:");
        let _ = writeln!(
            out,
            "    - {{ kind: {}, category: khu_dan_cu, total: {areas}, registered: {}, recognised: {} }}",
            q(kind.area_kind()),
            areas - unregistered,
            recognised.min(areas - unregistered)
        );
        let schools_recognised = schools - u64::from(r.chance(0.1));
        let _ = writeln!(
            out,
            "    - {{ kind: nhà trường, category: co_so_giao_duc, total: {schools}, registered: {schools}, recognised: {schools_recognised} }}"
        );
        let _ = writeln!(
            out,
            "    - {{ kind: cơ quan, category: co_quan, total: 1, registered: 1, recognised: 1 }}"
        );
        let _ = writeln!(
            out,
            "  subdivision: {{ kind: tổ an ninh xã hội, count: {} }}",
            areas * r.range(3, 8)
        );
        let year = self.year;
        let _ = writeln!(out, "\nperiod:\n  year: {year}\n");
        let above = located_in.split(',').next().unwrap_or(parent).to_string();
        self.issuer(&mut out, &title, &above, false);
        let r = &mut self.rng;
        let _ = writeln!(out, "\ndocuments:");
        let _ = writeln!(out, "  - template: ke-hoach-tt124");
        let _ = writeln!(out, "    number: {}", r.range(1, 30));
        let _ = writeln!(out, "    date: {year}-01-{:02}", r.range(10, 28));
        let _ = writeln!(out, "  - template: bao-cao-ket-qua-tt124");
        let _ = writeln!(out, "    number: {}", r.range(60, 200));
        let _ = writeln!(out, "    date: {year}-11-{:02}", r.range(1, 12));
        let _ = writeln!(out, "\nfacts:");
        let pledged = f.households - f.households * r.range(0, 8) / 100;
        let _ = writeln!(out, "  households_pledged: {pledged}");
        let _ = writeln!(out, "  offenders_supported: {}", r.range(0, 20));
        let _ = writeln!(out, "  addicts_supported: {}", r.range(0, 10));
        facts(&mut out, f, true);
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
        narrative(&mut self.rng, &mut out, true, false);
        let (cases, previous) = f.cases();
        let criterion_4 = unregistered == 0 && recognised * 10 >= areas * 7;
        let met = criterion_4 && !late_plan && disciplined == 0 && cases <= previous;
        (out, met)
    }
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
}
