//! Derived facts: everything a document states that follows from the fact sheet — year-over-year
//! comparisons, ratios and rates, totals, and the TT124 Điều 5 verdicts. Pure functions of the
//! typed fact sheet; templates only choose words around what is computed here.

use crate::factsheet::{CaseCount, CriteriaFacts, FactSheet, Level, SubUnits};
use crate::locale;
use chrono::{Datelike, NaiveDate};
use serde::Serialize;

/// A figure this period against the same period last year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Comparison {
    pub current: i64,
    pub previous: i64,
}

impl Comparison {
    pub fn new(current: i64, previous: i64) -> Self {
        Comparison { current, previous }
    }

    /// The change, positive for an increase.
    pub fn delta(&self) -> i64 {
        self.current - self.previous
    }

    /// `tăng 02 vụ`, `giảm 04 đối tượng`, `không tăng, không giảm`.
    pub fn phrase(&self, noun: &str) -> String {
        let d = self.delta();
        let with_noun = |n: i64| {
            if noun.is_empty() {
                locale::count(n)
            } else {
                format!("{} {noun}", locale::count(n))
            }
        };
        match d.signum() {
            1 => format!("tăng {}", with_noun(d)),
            -1 => format!("giảm {}", with_noun(-d)),
            _ => "không tăng, không giảm".to_string(),
        }
    }

    /// The change as a percentage of last year's figure, rounded to one decimal:
    /// `Some(-36.4)`. `None` when last year was zero (a rise from nothing has no percentage).
    pub fn percent_change(&self) -> Option<f64> {
        if self.previous == 0 {
            return None;
        }
        Some(self.delta() as f64 * 100.0 / self.previous as f64)
    }

    /// The phrase with its percentage: `giảm 04 đối tượng (giảm 36,4%)`; without one when
    /// nothing changed or last year was zero.
    pub fn phrase_with_percent(&self, noun: &str) -> String {
        let base = self.phrase(noun);
        match self.percent_change() {
            Some(p) if self.delta() != 0 => {
                let word = if p > 0.0 { "tăng" } else { "giảm" };
                format!("{base} ({word} {})", locale::percent(p.abs(), 1))
            }
            _ => base,
        }
    }
}

/// `num/den` with the percentage: `10/10 (100%)`, `139/186 (74,7%)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Ratio {
    pub num: i64,
    pub den: i64,
}

impl Ratio {
    pub fn new(num: i64, den: i64) -> Self {
        Ratio { num, den }
    }

    /// `10/10`, `01/01`, `18/56`.
    pub fn fraction(&self) -> String {
        format!("{}/{}", locale::count(self.num), locale::count(self.den))
    }

    /// `100%`; `None` when the denominator is zero.
    pub fn percent(&self) -> Option<String> {
        locale::ratio_percent(self.num, self.den, 1)
    }

    /// The rate in percent, for comparisons with thresholds.
    pub fn rate(&self) -> Option<f64> {
        (self.den != 0).then(|| self.num as f64 * 100.0 / self.den as f64)
    }

    /// `10/10 (100%)`.
    pub fn text(&self) -> String {
        match self.percent() {
            Some(p) => format!("{} ({p})", self.fraction()),
            None => self.fraction(),
        }
    }
}

/// Đạt or Chưa đạt, with why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Verdict {
    pub pass: bool,
    /// `Đạt` / `Chưa đạt`.
    pub label: String,
    /// What the verdict rests on, a clause in Vietnamese (empty when there is nothing to add).
    pub reason: String,
}

impl Verdict {
    fn from_problems(problems: Vec<String>, basis: String) -> Verdict {
        let pass = problems.is_empty();
        Verdict {
            pass,
            label: if pass { "Đạt" } else { "Chưa đạt" }.to_string(),
            reason: if pass { basis } else { problems.join("; ") },
        }
    }
}

/// One item of the "đối chiếu" list of a commune's report: TT124 Điều 5 criteria 1, 3, 4 and
/// criterion 2 spelled out as Điều 4 khoản 2, 3, 4, as the reports do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CriterionCheck {
    /// Which Điều 5 criterion this item belongs to (1–4).
    pub criterion: u8,
    pub verdict: Verdict,
}

/// The Điều 5 assessment of a commune, ward or town.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CommuneAssessment {
    /// Six checks in the order the reports list them.
    pub checks: Vec<CriterionCheck>,
    /// The four Điều 5 criteria.
    pub criteria: Vec<Verdict>,
    pub pass: bool,
    /// Numbers (1–4) of the Điều 5 criteria not met.
    pub failed: Vec<u8>,
}

/// Totals of the sub-units TT124 counts for criterion 4.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SubUnitTotals {
    pub total: i64,
    pub registered: i64,
    pub recognised: Option<i64>,
}

pub fn sub_unit_totals(groups: &[SubUnits]) -> SubUnitTotals {
    let total = groups.iter().map(|g| g.total as i64).sum();
    let registered = groups.iter().map(|g| g.registered as i64).sum();
    let recognised = groups
        .iter()
        .map(|g| g.recognised.map(i64::from))
        .sum::<Option<i64>>();
    SubUnitTotals {
        total,
        registered,
        recognised,
    }
}

/// The share of sub-units that must be recognised (TT124 Điều 5 khoản 4).
pub const RECOGNITION_THRESHOLD_PERCENT: f64 = 70.0;

fn in_quarter_one(date: NaiveDate, year: i32) -> bool {
    date.year() == year && date.month() <= 3
}

/// Judges TT124 Điều 5 for a commune-level unit from the facts.
pub fn assess_commune(sheet: &FactSheet) -> CommuneAssessment {
    let year = sheet.period.year;
    let c = &sheet.facts.criteria;

    let criterion1 = criterion_one(c, sheet, year);
    let policy = Verdict::from_problems(
        if c.policy_carried_out {
            vec![]
        } else {
            vec!["chưa triển khai, thực hiện đầy đủ các chủ trương, chính sách, quy định về bảo đảm an ninh, trật tự".into()]
        },
        String::new(),
    );
    let events = Verdict::from_problems(
        c.security_events
            .iter()
            .map(|l| format!("để xảy ra trường hợp tại điểm {l}"))
            .collect(),
        String::new(),
    );
    let prevention = prevention_check(sheet);
    let criterion3 = {
        let mut problems = Vec::new();
        if !c.police_effective {
            problems
                .push("Công an chưa chủ động nắm chắc tình hình, tham mưu hiệu quả".to_string());
        }
        if c.police_disciplined > 0 {
            problems.push(format!(
                "có {} cá nhân vi phạm bị xử lý kỷ luật",
                locale::count(c.police_disciplined as i64)
            ));
        }
        Verdict::from_problems(problems, String::new())
    };
    let criterion4 = criterion_four(&sheet.unit.sub_units);

    let criterion2 = Verdict::from_problems(
        [&policy, &events, &prevention]
            .iter()
            .filter(|v| !v.pass)
            .map(|v| v.reason.clone())
            .collect(),
        String::new(),
    );
    let criteria = vec![
        criterion1.clone(),
        criterion2,
        criterion3.clone(),
        criterion4.clone(),
    ];
    let failed: Vec<u8> = criteria
        .iter()
        .zip(1u8..)
        .filter(|(v, _)| !v.pass)
        .map(|(_, n)| n)
        .collect();
    let checks = vec![
        (1, criterion1),
        (2, policy),
        (2, events),
        (2, prevention),
        (3, criterion3),
        (4, criterion4),
    ]
    .into_iter()
    .map(|(criterion, verdict)| CriterionCheck { criterion, verdict })
    .collect();
    CommuneAssessment {
        checks,
        pass: failed.is_empty(),
        failed,
        criteria,
    }
}

fn criterion_one(c: &CriteriaFacts, sheet: &FactSheet, year: i32) -> Verdict {
    let mut problems = Vec::new();
    match &c.party_resolution {
        None => problems.push("chưa có nghị quyết của Đảng ủy về bảo đảm an ninh, trật tự".into()),
        Some(r) if !in_quarter_one(r.date, year) => problems.push(format!(
            "nghị quyết của Đảng ủy ban hành ngày {}, không trong quý I",
            locale::date_short(r.date)
        )),
        Some(_) => {}
    }
    match &c.plan {
        None => problems.push("chưa có kế hoạch của Ủy ban nhân dân".into()),
        Some(p) if !in_quarter_one(p.date, year) => problems.push(format!(
            "kế hoạch ban hành ngày {}, không trong quý I",
            locale::date_short(p.date)
        )),
        Some(_) => {}
    }
    if !c.registered {
        problems.push("chưa đăng ký phấn đấu đạt tiêu chuẩn trong quý I".into());
    }
    let models = c.working_models.unwrap_or(sheet.facts.models.len() as u32);
    if models == 0 {
        problems.push(
            "chưa có mô hình phong trào toàn dân bảo vệ an ninh Tổ quốc hoạt động hiệu quả".into(),
        );
    }
    Verdict::from_problems(
        problems,
        format!(
            "{} mô hình phong trào hoạt động hiệu quả",
            locale::count(models as i64)
        ),
    )
}

/// Điều 4 khoản 4: crime held down, no serious crime (unless force majeure), no new hotspot
/// or social-evil person, no serious accident (unless force majeure).
fn prevention_check(sheet: &FactSheet) -> Verdict {
    let c = &sheet.facts.criteria;
    let incidents = &sheet.facts.incidents;
    let mut problems = Vec::new();
    if let Some(cmp) = incident_comparison(sheet)
        && cmp.cases.delta() > 0
    {
        problems.push(format!(
            "tội phạm, vi phạm pháp luật {} so với cùng kỳ",
            cmp.cases.phrase("vụ")
        ));
    }
    let serious: u64 = incidents
        .iter()
        .map(|i| u64::from(i.serious - i.serious_force_majeure.min(i.serious)))
        .sum();
    if serious > 0 {
        problems.push(format!(
            "xảy ra {} vụ tội phạm nghiêm trọng trở lên",
            locale::count(serious as i64)
        ));
    }
    if c.new_hotspots > 0 {
        problems.push(format!(
            "phát sinh {} tụ điểm phức tạp về trật tự xã hội",
            locale::count(c.new_hotspots as i64)
        ));
    }
    if c.new_social_evil_persons > 0 {
        problems.push(format!(
            "phát sinh {} người mắc tệ nạn xã hội",
            locale::count(c.new_social_evil_persons as i64)
        ));
    }
    for a in c.serious_accidents.iter().filter(|a| !a.force_majeure) {
        problems.push(format!("để xảy ra {}", a.what));
    }
    Verdict::from_problems(problems, String::new())
}

fn criterion_four(groups: &[SubUnits]) -> Verdict {
    if groups.is_empty() {
        return Verdict::from_problems(
            vec!["chưa có số liệu khu dân cư, cơ quan, doanh nghiệp, cơ sở giáo dục (unit.sub_units)".into()],
            String::new(),
        );
    }
    let totals = sub_unit_totals(groups);
    let registered = Ratio::new(totals.registered, totals.total);
    let mut problems = Vec::new();
    if totals.registered < totals.total {
        problems.push(format!(
            "mới có {} khu dân cư, cơ quan, doanh nghiệp, cơ sở giáo dục đăng ký, chưa đạt 100%",
            registered.text()
        ));
    }
    let basis = match totals.recognised {
        None => {
            problems.push(
                "chưa có kết quả công nhận khu dân cư, cơ quan, doanh nghiệp, cơ sở giáo dục"
                    .into(),
            );
            String::new()
        }
        Some(recognised) => {
            let ratio = Ratio::new(recognised, totals.total);
            let rate = ratio.rate().unwrap_or(0.0);
            if rate < RECOGNITION_THRESHOLD_PERCENT {
                problems.push(format!("{} được công nhận, dưới 70%", ratio.text()));
            }
            format!(
                "{} đăng ký, {} được công nhận đạt tiêu chuẩn (≥ 70%)",
                registered.text(),
                ratio.text()
            )
        }
    };
    Verdict::from_problems(problems, basis)
}

/// Cases and offenders summed over categories, against last year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct IncidentComparison {
    pub cases: Comparison,
    pub offenders: Comparison,
}

/// Total incidents against the same period last year: last year's total as given, else the
/// sum of every category's `previous`; `None` when neither is known.
pub fn incident_comparison(sheet: &FactSheet) -> Option<IncidentComparison> {
    let incidents = &sheet.facts.incidents;
    let previous = match sheet.facts.incidents_previous {
        Some(total) => total,
        None => {
            if incidents.is_empty() {
                return None;
            }
            let per_category: Option<Vec<_>> = incidents.iter().map(|i| i.previous).collect();
            let per_category = per_category?;
            CaseCount {
                cases: per_category
                    .iter()
                    .fold(0u32, |a, p| a.saturating_add(p.cases)),
                offenders: per_category
                    .iter()
                    .fold(0u32, |a, p| a.saturating_add(p.offenders)),
            }
        }
    };
    Some(IncidentComparison {
        cases: Comparison::new(
            incidents.iter().map(|i| i.cases as i64).sum(),
            previous.cases as i64,
        ),
        offenders: Comparison::new(
            incidents.iter().map(|i| i.offenders as i64).sum(),
            previous.offenders as i64,
        ),
    })
}

/// How a period is named in a periodic report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PeriodLabel {
    /// `8 tháng đầu năm 2024`, or `năm 2024` for twelve months.
    pub covered: String,
    /// The same words without the year: `8 tháng đầu năm`.
    pub covered_no_year: String,
    /// The same period last year: `8 tháng đầu năm 2023`.
    pub previous: String,
    /// What is left: `4 tháng cuối năm 2024`, or `năm 2025` after a full year.
    pub remaining: String,
}

/// Names the first `months` months of `year` (1–12).
pub fn period_label(year: i32, months: u32) -> PeriodLabel {
    let months = months.clamp(1, 12);
    if months == 12 {
        return PeriodLabel {
            covered: format!("năm {year}"),
            covered_no_year: "năm".to_string(),
            previous: format!("năm {}", year.saturating_sub(1)),
            remaining: format!("năm {}", year.saturating_add(1)),
        };
    }
    let head = format!("{months} tháng đầu năm");
    PeriodLabel {
        covered: format!("{head} {year}"),
        previous: format!("{head} {}", year.saturating_sub(1)),
        covered_no_year: head,
        remaining: format!("{} tháng cuối năm {year}", 12 - months),
    }
}

/// The dates a KẾ HOẠCH implementing TT124 states, all computed from the year (TT124 Điều 8,
/// 9) unless the fact sheet overrides a deadline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanSchedule {
    /// The unit's own evaluation period (16/11 of the previous year – 15/11 for a commune).
    pub unit_from: NaiveDate,
    pub unit_to: NaiveDate,
    /// The residential areas' period (01/11 of the previous year – 31/10).
    pub sub_unit_from: NaiveDate,
    pub sub_unit_to: NaiveDate,
    /// Registration (and its dossier) by the end of quarter I: 31/3.
    pub registration_by: NaiveDate,
    /// Sub-units' recognition dossiers (default 05/11: after their period, before 15/11).
    pub sub_unit_dossier_by: NaiveDate,
    /// Recognition of residential areas is decided before 15/11.
    pub sub_unit_recognition_by: NaiveDate,
    /// The unit's dossier to the level above (default 17/11: after its period, before 20/11).
    pub dossier_by: NaiveDate,
    /// Recognition of communes (and agencies, schools) is decided before 20/11.
    pub recognition_by: NaiveDate,
}

/// The schedule of a plan for `level` in `year`; `None` only for years chrono cannot hold.
pub fn plan_schedule(
    level: Level,
    year: i32,
    sub_unit_dossier_by: Option<NaiveDate>,
    dossier_by: Option<NaiveDate>,
) -> Option<PlanSchedule> {
    let (unit_from, unit_to) = crate::factsheet::Period::tt124_range(level, year)?;
    let (sub_unit_from, sub_unit_to) =
        crate::factsheet::Period::tt124_range(Level::KhuDanCu, year)?;
    let date = |m, d| NaiveDate::from_ymd_opt(year, m, d);
    Some(PlanSchedule {
        unit_from,
        unit_to,
        sub_unit_from,
        sub_unit_to,
        registration_by: date(3, 31)?,
        sub_unit_dossier_by: sub_unit_dossier_by.or(date(11, 5))?,
        sub_unit_recognition_by: date(11, 15)?,
        dossier_by: dossier_by.or(date(11, 17))?,
        recognition_by: date(11, 20)?,
    })
}

/// The TT124 articles whose criteria apply to a unit and the sub-units under it:
/// Điều 4 (khu dân cư), 5 (xã, phường, thị trấn), 6 (cơ quan, doanh nghiệp), 7 (cơ sở giáo dục).
pub fn criteria_articles(level: Level, sub_units: &[SubUnits]) -> Vec<u8> {
    use crate::factsheet::SubUnitCategory as C;
    let mut articles = vec![match level {
        Level::KhuDanCu => 4,
        _ => 5,
    }];
    for g in sub_units {
        articles.push(match g.category {
            C::KhuDanCu => 4,
            C::CoQuan | C::DoanhNghiep => 6,
            C::CoSoGiaoDuc => 7,
        });
    }
    articles.sort_unstable();
    articles.dedup();
    articles
}

/// `phường Ba Đình`.
pub fn unit_name(level: Level, name: &str) -> String {
    format!("{} {name}", level.word())
}

/// Uppercases the first letter only: `phường Ba Đình` → `Phường Ba Đình`.
pub fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comparison_phrases() {
        assert_eq!(Comparison::new(2, 0).phrase("vụ"), "tăng 02 vụ");
        assert_eq!(
            Comparison::new(7, 11).phrase("đối tượng"),
            "giảm 04 đối tượng"
        );
        assert_eq!(Comparison::new(6, 6).phrase("vụ"), "không tăng, không giảm");
        assert_eq!(Comparison::new(0, 3).phrase("vụ"), "giảm 03 vụ");
        assert_eq!(Comparison::new(0, 0).phrase("vụ"), "không tăng, không giảm");
        assert_eq!(Comparison::new(25, 13).phrase("vụ"), "tăng 12 vụ");
        assert_eq!(Comparison::new(3, 1).phrase(""), "tăng 02");
    }

    #[test]
    fn comparison_percentages() {
        // From zero: no percentage.
        assert_eq!(Comparison::new(2, 0).percent_change(), None);
        assert_eq!(
            Comparison::new(2, 0).phrase_with_percent("vụ"),
            "tăng 02 vụ"
        );
        // To zero: down 100%.
        assert_eq!(
            Comparison::new(0, 3).phrase_with_percent("vụ"),
            "giảm 03 vụ (giảm 100%)"
        );
        // Rounding: 4/11 = 36.36..% → 36,4%.
        assert_eq!(
            Comparison::new(7, 11).phrase_with_percent("đối tượng"),
            "giảm 04 đối tượng (giảm 36,4%)"
        );
        // 1/8 = 12.5% exactly.
        assert_eq!(
            Comparison::new(9, 8).phrase_with_percent("vụ"),
            "tăng 01 vụ (tăng 12,5%)"
        );
        // Unchanged: no percentage.
        assert_eq!(
            Comparison::new(6, 6).phrase_with_percent("vụ"),
            "không tăng, không giảm"
        );
    }

    #[test]
    fn ratios() {
        assert_eq!(Ratio::new(10, 10).text(), "10/10 (100%)");
        assert_eq!(Ratio::new(1, 1).text(), "01/01 (100%)");
        assert_eq!(Ratio::new(9, 12).text(), "09/12 (75%)");
        assert_eq!(Ratio::new(139, 186).text(), "139/186 (74,7%)");
        assert_eq!(Ratio::new(0, 0).text(), "0/0");
    }

    fn groups(total: u32, registered: u32, recognised: Option<u32>) -> Vec<SubUnits> {
        vec![SubUnits {
            kind: "khu dân cư".into(),
            category: crate::factsheet::SubUnitCategory::KhuDanCu,
            total,
            registered,
            recognised,
        }]
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
    }

    #[test]
    fn plan_schedule_per_level() {
        let s = plan_schedule(Level::Phuong, 2024, None, None).expect("schedule");
        assert_eq!((s.unit_from, s.unit_to), (d(2023, 11, 16), d(2024, 11, 15)));
        assert_eq!(
            (s.sub_unit_from, s.sub_unit_to),
            (d(2023, 11, 1), d(2024, 10, 31))
        );
        assert_eq!(s.registration_by, d(2024, 3, 31));
        assert_eq!(s.sub_unit_dossier_by, d(2024, 11, 5));
        assert_eq!(s.sub_unit_recognition_by, d(2024, 11, 15));
        assert_eq!(s.dossier_by, d(2024, 11, 17));
        assert_eq!(s.recognition_by, d(2024, 11, 20));
        for level in [Level::Xa, Level::ThiTran, Level::Huyen, Level::Tinh] {
            let s = plan_schedule(level, 2025, None, None).expect("schedule");
            assert_eq!((s.unit_from, s.unit_to), (d(2024, 11, 16), d(2025, 11, 15)));
        }
        let s =
            plan_schedule(Level::KhuDanCu, 2025, None, Some(d(2025, 11, 10))).expect("schedule");
        assert_eq!((s.unit_from, s.unit_to), (d(2024, 11, 1), d(2025, 10, 31)));
        assert_eq!(s.dossier_by, d(2025, 11, 10));
    }

    #[test]
    fn month_periods_and_leap_years() {
        use crate::factsheet::Period;
        assert_eq!(
            Period::months_range(2024, 2),
            Some((d(2024, 1, 1), d(2024, 2, 29)))
        );
        assert_eq!(
            Period::months_range(2023, 2),
            Some((d(2023, 1, 1), d(2023, 2, 28)))
        );
        assert_eq!(
            Period::months_range(2024, 8),
            Some((d(2024, 1, 1), d(2024, 8, 31)))
        );
        assert_eq!(
            Period::months_range(2024, 12),
            Some((d(2024, 1, 1), d(2024, 12, 31)))
        );
        assert_eq!(Period::months_range(2024, 13), None);
        assert_eq!(Period::months_range(2024, 0), None);
    }

    #[test]
    fn period_labels() {
        let l = period_label(2024, 8);
        assert_eq!(l.covered, "8 tháng đầu năm 2024");
        assert_eq!(l.previous, "8 tháng đầu năm 2023");
        assert_eq!(l.remaining, "4 tháng cuối năm 2024");
        let l = period_label(2024, 12);
        assert_eq!(l.covered, "năm 2024");
        assert_eq!(l.remaining, "năm 2025");
    }

    #[test]
    fn articles_follow_the_sub_units() {
        assert_eq!(
            criteria_articles(Level::Phuong, &groups(24, 24, None)),
            [4, 5]
        );
        assert_eq!(criteria_articles(Level::Xa, &[]), [5]);
    }

    #[test]
    fn criterion_four_threshold() {
        let v = criterion_four(&groups(12, 12, Some(9)));
        assert!(v.pass, "{v:?}");
        assert!(v.reason.contains("09/12 (75%)"), "{}", v.reason);
        let v = criterion_four(&groups(12, 12, Some(8)));
        assert!(!v.pass);
        assert!(v.reason.contains("08/12 (66,7%)"), "{}", v.reason);
        let v = criterion_four(&groups(10, 9, Some(9)));
        assert!(!v.pass);
        assert!(v.reason.contains("chưa đạt 100%"), "{}", v.reason);
        assert!(!criterion_four(&groups(10, 10, None)).pass);
        assert!(!criterion_four(&[]).pass);
    }
}
