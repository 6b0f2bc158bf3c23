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

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// SplitMix64: tiny, fast, good enough for invented figures, stable across platforms.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next() % items.len() as u64) as usize]
    }
}

const FIRST: &[&str] = &[
    "An", "Bình", "Cẩm", "Đông", "Hòa", "Hưng", "Hải", "Kim", "Lạc", "Long", "Minh", "Nam", "Ngọc",
    "Phú", "Phúc", "Quang", "Quảng", "Tân", "Thanh", "Thạch", "Thiệu", "Thọ", "Thuận", "Trung",
    "Vĩnh", "Xuân", "Yên", "Đức", "Hoằng", "Nga", "Sơn", "Triệu", "Hà", "Định", "Cao", "Tiên",
    "Mỹ", "Gia", "Lương", "Hồng",
];
const SECOND: &[&str] = &[
    "An", "Bình", "Châu", "Định", "Đông", "Giang", "Hà", "Hải", "Hòa", "Hưng", "Khê", "Lâm", "Lộc",
    "Lợi", "Long", "Minh", "Ninh", "Phong", "Phú", "Phúc", "Sơn", "Tây", "Thành", "Thịnh", "Thủy",
    "Tiến", "Trung", "Tân", "Vân", "Xuyên", "Yên", "Nghĩa", "Quý", "Lạc", "Khánh", "Thái",
];
const FAMILY: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý",
    "Trịnh", "Mai",
];
const MIDDLE: &[&str] = &[
    "Văn", "Thị", "Đức", "Minh", "Thanh", "Hữu", "Quang", "Ngọc", "Xuân",
];
const GIVEN: &[&str] = &[
    "Hùng", "Dũng", "Lan", "Hương", "Tuấn", "Hải", "Nam", "Bình", "Thắng", "Long", "Hà", "Cường",
    "Sơn", "Phương", "Thảo", "Quyết", "Tâm", "Trung", "Hiếu", "Nghĩa",
];
const INCIDENTS: &[&str] = &[
    "Trộm cắp tài sản",
    "Cố ý gây thương tích",
    "Sử dụng trái phép chất ma túy",
    "Đánh bạc",
    "Lừa đảo chiếm đoạt tài sản",
    "Gây rối trật tự công cộng",
];
const MODELS: &[&str] = &[
    "Tổ tự quản về an ninh, trật tự",
    "Camera an ninh",
    "Tổ liên gia an toàn về phòng cháy, chữa cháy",
    "Dòng họ tự quản về an ninh, trật tự",
    "Tổ hòa giải ở cơ sở",
];
const CHARACTERISTICS: &[&str] = &[
    "Địa bàn có nhiều tuyến đường giao thông đi qua, người và phương tiện qua lại đông; tiềm ẩn phức tạp về trộm cắp tài sản và tai nạn giao thông.",
    "Nhân dân chủ yếu sản xuất nông nghiệp, đời sống từng bước được cải thiện; một bộ phận thanh niên đi làm ăn xa, việc quản lý cư trú còn khó khăn.",
    "Trên địa bàn có chợ, trường học và cơ sở kinh doanh; tình hình an ninh, trật tự cơ bản ổn định, không để xảy ra điểm nóng.",
    "Dân cư đông, có khu công nghiệp thu hút lao động từ nơi khác đến, công tác quản lý cư trú và phòng, chống tệ nạn xã hội còn nhiều khó khăn.",
];
const STRENGTHS: &[&str] = &[
    "Phong trào toàn dân bảo vệ an ninh Tổ quốc được cấp ủy, chính quyền quan tâm chỉ đạo; ý thức của Nhân dân trong phòng, chống tội phạm được nâng lên.",
    "Các mô hình tự quản phát huy hiệu quả, tin báo có giá trị của Nhân dân tăng so với cùng kỳ.",
];
const LIMITATIONS: &[&str] = &[
    "Một số mô hình hoạt động còn hình thức; kinh phí hỗ trợ lực lượng ở cơ sở còn hạn chế.",
    "Việc tập hợp Nhân dân tham gia họp dân còn hạn chế, hiệu quả tuyên truyền chưa cao.",
];
const ADVISING: &[&str] = &[
    "Ban Chỉ đạo chủ động tham mưu cấp ủy, chính quyền ban hành văn bản chỉ đạo thực hiện Thông tư số 124/2021/TT-BCA và phong trào toàn dân bảo vệ an ninh Tổ quốc.",
    "Thường trực Ban Chỉ đạo tham mưu tổ chức “Ngày hội toàn dân bảo vệ an ninh Tổ quốc”, kiểm tra, đôn đốc các đơn vị thực hiện.",
];
const CAUSES: &[&str] = &[
    "Vai trò, trách nhiệm của một số đoàn thể chưa cao; nhận thức của một bộ phận người dân còn hạn chế.",
    "Cán bộ làm công tác phong trào phần lớn kiêm nhiệm, chưa được đào tạo cơ bản về nghiệp vụ.",
];
const TASKS: &[&str] = &[
    "Tiếp tục đẩy mạnh tuyên truyền, vận động Nhân dân tham gia phong trào toàn dân bảo vệ an ninh Tổ quốc.",
    "Duy trì, nhân rộng các mô hình tự quản về an ninh, trật tự có hiệu quả.",
];

/// The figures every level states, summed from the children upwards.
#[derive(Default, Clone)]
struct Figures {
    households: u64,
    population: u64,
    area_ha: f64,
    meetings: u64,
    attendees: u64,
    leaflets: u64,
    banners: u64,
    broadcasts: u64,
    tip_offs: u64,
    disputes: u64,
    /// (category index, cases, offenders, cases last year, offenders last year)
    incidents: Vec<(usize, u64, u64, u64, u64)>,
    traffic: (u64, u64, u64),
    traffic_previous: (u64, u64, u64),
    fires: u64,
    fires_previous: u64,
    /// (model index, teams, members)
    models: Vec<(usize, u64, u64)>,
}

impl Figures {
    fn add(&mut self, o: &Figures) {
        self.households += o.households;
        self.population += o.population;
        self.area_ha += o.area_ha;
        self.meetings += o.meetings;
        self.attendees += o.attendees;
        self.leaflets += o.leaflets;
        self.banners += o.banners;
        self.broadcasts += o.broadcasts;
        self.tip_offs += o.tip_offs;
        self.disputes += o.disputes;
        for &(cat, c, f, pc, pf) in &o.incidents {
            match self.incidents.iter_mut().find(|i| i.0 == cat) {
                Some(i) => {
                    i.1 += c;
                    i.2 += f;
                    i.3 += pc;
                    i.4 += pf;
                }
                None => self.incidents.push((cat, c, f, pc, pf)),
            }
        }
        self.incidents.sort_by_key(|i| i.0);
        self.traffic = sum3(self.traffic, o.traffic);
        self.traffic_previous = sum3(self.traffic_previous, o.traffic_previous);
        self.fires += o.fires;
        self.fires_previous += o.fires_previous;
        for &(m, t, n) in &o.models {
            match self.models.iter_mut().find(|x| x.0 == m) {
                Some(x) => {
                    x.1 += t;
                    x.2 += n;
                }
                None => self.models.push((m, t, n)),
            }
        }
        self.models.sort_by_key(|m| m.0);
    }

    fn cases(&self) -> (u64, u64) {
        self.incidents
            .iter()
            .fold((0, 0), |a, i| (a.0 + i.1, a.1 + i.3))
    }
}

fn sum3(a: (u64, u64, u64), b: (u64, u64, u64)) -> (u64, u64, u64) {
    (a.0 + b.0, a.1 + b.1, a.2 + b.2)
}

/// One khu dân cư's figures for a unit of `households` households.
fn area_figures(rng: &mut Rng, households: u64) -> Figures {
    let mut f = Figures {
        households,
        population: households * rng.range(32, 42) / 10,
        area_ha: rng.range(300, 9000) as f64 / 10.0,
        meetings: rng.range(4, 14),
        attendees: households * rng.range(4, 12) / 10,
        leaflets: rng.range(0, 6) * 10,
        banners: rng.range(0, 4),
        broadcasts: rng.range(10, 60),
        tip_offs: rng.range(0, 5),
        disputes: rng.range(0, 3),
        ..Figures::default()
    };
    // Occasional incidents: most areas have none in a year.
    for cat in 0..INCIDENTS.len() {
        if rng.chance(0.06) {
            // Crime is slowly going down: last year had as many cases or one more, now and
            // then one fewer (which can fail TT124 criterion 2 for the commune).
            let cases = rng.range(1, 2);
            let previous = match rng.range(0, 9) {
                0 => cases - 1,
                1..=5 => cases,
                _ => cases + 1,
            };
            f.incidents.push((
                cat,
                cases,
                cases + rng.range(0, 1),
                previous,
                previous + rng.range(0, 1),
            ));
        } else if rng.chance(0.04) {
            // None this year, some last year: a category that went down to zero.
            let previous = 1;
            f.incidents.push((cat, 0, 0, previous, previous));
        }
    }
    if rng.chance(0.05) {
        f.traffic = (1, rng.range(0, 1), rng.range(0, 2));
    }
    if rng.chance(0.05) {
        f.traffic_previous = (1, rng.range(0, 1), rng.range(0, 2));
    }
    if rng.chance(0.02) {
        f.fires = 1;
    }
    if rng.chance(0.02) {
        f.fires_previous = 1;
    }
    // Every area runs at least one model (TT124 criterion 1 counts them).
    let first = rng.range(0, MODELS.len() as u64 - 1) as usize;
    for m in 0..MODELS.len() {
        if m == first || rng.chance(0.25) {
            let teams = rng.range(1, 3);
            f.models.push((m, teams, teams * rng.range(4, 10)));
        }
    }
    f
}

/// Lower-case ASCII for file names: `Đông Hòa` → `dong-hoa`.
fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.nfd().filter(|c| !is_combining_mark(*c)) {
        match c {
            'đ' | 'Đ' => out.push('d'),
            ' ' => out.push('-'),
            c if c.is_ascii_alphanumeric() => out.push(c.to_ascii_lowercase()),
            _ => {}
        }
    }
    out
}

/// A two-syllable place name whose file-name form is not yet in `taken` (`Quang Hà` and
/// `Quảng Hà` would share one file).
fn place_name(rng: &mut Rng, taken: &mut Vec<String>) -> String {
    loop {
        let (first, second) = (*rng.pick(FIRST), *rng.pick(SECOND));
        let name = format!("{first} {second}");
        let key = slug(&name);
        if first != second && !taken.contains(&key) {
            taken.push(key);
            return name;
        }
    }
}

fn person(rng: &mut Rng) -> String {
    format!(
        "{} {} {}",
        rng.pick(FAMILY),
        rng.pick(MIDDLE),
        rng.pick(GIVEN)
    )
}

/// A double-quoted YAML string (the generator's text has no control characters).
fn q(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

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

struct Options {
    seed: u64,
    out: PathBuf,
    districts: u64,
    year: i32,
    children: bool,
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

/// Writes the province of `options`; returns how many fact sheets.
fn generate(options: &Options) -> anyhow::Result<usize> {
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

fn parse_args() -> anyhow::Result<Options> {
    let mut options = Options {
        seed: 1,
        out: PathBuf::from("/tmp/province"),
        districts: 10,
        year: 2024,
        children: true,
    };
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
            _ => anyhow::bail!(
                "usage: province [--seed N] [--out DIR] [--districts N] [--year YYYY] [--no-children]"
            ),
        }
    }
    anyhow::ensure!(options.districts >= 1, "--districts must be at least 1");
    Ok(options)
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

/// The `facts:` entries every level shares; `tt124` for the commune's year-end report.
fn facts(out: &mut String, f: &Figures, tt124: bool) {
    let _ = writeln!(out, "  propaganda:");
    let _ = writeln!(out, "    broadcasts: {}", f.broadcasts);
    let _ = writeln!(out, "    banners: {}", f.banners);
    let _ = writeln!(out, "    leaflets: {}", f.leaflets);
    let _ = writeln!(out, "    meetings: {}", f.meetings);
    let _ = writeln!(out, "    attendees: {}", f.attendees);
    let _ = writeln!(out, "  tip_offs: {}", f.tip_offs);
    if tt124 {
        let _ = writeln!(out, "  disputes_mediated: {}", f.disputes);
    }
    let current: Vec<_> = f.incidents.iter().filter(|i| i.1 > 0).collect();
    if current.is_empty() {
        let _ = writeln!(out, "  incidents: []");
    } else {
        let _ = writeln!(out, "  incidents:");
        for &&(cat, cases, offenders, pc, pf) in &current {
            let _ = writeln!(out, "    - category: {}", q(INCIDENTS[cat]));
            let _ = writeln!(out, "      cases: {cases}");
            let _ = writeln!(out, "      offenders: {offenders}");
            let _ = writeln!(out, "      previous: {{ cases: {pc}, offenders: {pf} }}");
        }
    }
    let (pc, pf) = f
        .incidents
        .iter()
        .fold((0, 0), |a, i| (a.0 + i.3, a.1 + i.4));
    let _ = writeln!(
        out,
        "  incidents_previous: {{ cases: {pc}, offenders: {pf} }}"
    );
    if !tt124 {
        let (c, d, i) = f.traffic;
        let (pc, pd, pi) = f.traffic_previous;
        let _ = writeln!(
            out,
            "  traffic_accidents: {{ cases: {c}, deaths: {d}, injuries: {i}, previous: {{ cases: {pc}, deaths: {pd}, injuries: {pi} }} }}"
        );
        let _ = writeln!(
            out,
            "  fires: {{ cases: {}, previous: {{ cases: {} }} }}",
            f.fires, f.fires_previous
        );
    }
    if !f.models.is_empty() {
        let _ = writeln!(out, "  models:");
        for &(m, teams, members) in &f.models {
            let _ = writeln!(out, "    - name: {}", q(MODELS[m]));
            let _ = writeln!(out, "      teams: {teams}");
            let _ = writeln!(out, "      members: {members}");
        }
    }
}

/// A few stock paragraphs, as a clerk would paste them; a summary over children has no
/// advising, causes or tasks section to print them in.
fn narrative(rng: &mut Rng, out: &mut String, tt124: bool, summary: bool) {
    let _ = writeln!(out, "\nnarrative:");
    let _ = writeln!(
        out,
        "  characteristics:\n    - {}",
        q(rng.pick::<&str>(CHARACTERISTICS))
    );
    if tt124 {
        let _ = writeln!(out, "  movement:\n    - {}", q(rng.pick::<&str>(STRENGTHS)));
    } else {
        let _ = writeln!(
            out,
            "  strengths:\n    - {}",
            q(rng.pick::<&str>(STRENGTHS))
        );
        if !summary {
            let _ = writeln!(out, "  advising:\n    - {}", q(rng.pick::<&str>(ADVISING)));
        }
        let _ = writeln!(
            out,
            "  limitations:\n    - {}",
            q(rng.pick::<&str>(LIMITATIONS))
        );
        if !summary {
            let _ = writeln!(out, "  causes:\n    - {}", q(rng.pick::<&str>(CAUSES)));
            let _ = writeln!(out, "  tasks:\n    - {}", q(rng.pick::<&str>(TASKS)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
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
            seed,
            out,
            districts: 1,
            year: 2024,
            children,
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
}
