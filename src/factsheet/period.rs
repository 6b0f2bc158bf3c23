//! The reporting period and what kind of period it is.

use super::Level;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The reporting period.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    pub year: i32,
    /// A review over several years (tổng kết giai đoạn): the first year; `year` is the last.
    #[serde(default)]
    pub first_year: Option<i32>,
    /// For a periodic report: the facts cover the first `months` months of the year
    /// (`8` → 01/01 – 31/8, "8 tháng đầu năm"; `12` → the whole year). Without it the period
    /// is TT124's evaluation period.
    #[serde(default)]
    pub months: Option<u32>,
    /// First day; overrides the default.
    #[serde(default)]
    pub from: Option<NaiveDate>,
    /// Last day; overrides the default.
    #[serde(default)]
    pub to: Option<NaiveDate>,
}

/// What a period is, for the words that name it (the `period.*` components of
/// `templates/_lib.md.tera`) and for the templates that accept only some kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodKind {
    /// No `months`, no `first_year`: TT124 Điều 8's evaluation period of the year.
    Tt124,
    /// `months: 12`: the calendar year.
    Year,
    /// `months: 1`–`11`: the first months of the year ("8 tháng đầu năm 2024").
    Months,
    /// `first_year`: a review over several years ("giai đoạn 2015 - 2024").
    Years,
}

impl PeriodKind {
    /// The word a template header uses (`periods: [tt124, year]`).
    pub fn name(self) -> &'static str {
        match self {
            PeriodKind::Tt124 => "tt124",
            PeriodKind::Year => "year",
            PeriodKind::Months => "months",
            PeriodKind::Years => "years",
        }
    }
}

impl Period {
    /// The evaluation period of TT124 Điều 8 for `level` in `year`: residential areas
    /// 01/11 of the previous year – 31/10; every other unit 16/11 – 15/11.
    pub fn tt124_range(level: Level, year: i32) -> Option<(NaiveDate, NaiveDate)> {
        let (start_day, end_month, end_day) = match level {
            Level::KhuDanCu => (1, 10, 31),
            _ => (16, 11, 15),
        };
        Some((
            NaiveDate::from_ymd_opt(year.checked_sub(1)?, 11, start_day)?,
            NaiveDate::from_ymd_opt(year, end_month, end_day)?,
        ))
    }

    /// What kind of period this is: several years, some months, the calendar year or
    /// TT124's evaluation period.
    pub fn kind(&self) -> PeriodKind {
        match (self.first_year, self.months) {
            (Some(_), _) => PeriodKind::Years,
            (None, Some(m)) if m < 12 => PeriodKind::Months,
            (None, Some(_)) => PeriodKind::Year,
            (None, None) => PeriodKind::Tt124,
        }
    }

    /// The first `months` months of `year`: 01/01 – the last day of month `months`
    /// (29/02 in a leap year).
    pub fn months_range(year: i32, months: u32) -> Option<(NaiveDate, NaiveDate)> {
        if !(1..=12).contains(&months) {
            return None;
        }
        let from = NaiveDate::from_ymd_opt(year, 1, 1)?;
        let to = if months == 12 {
            NaiveDate::from_ymd_opt(year, 12, 31)?
        } else {
            NaiveDate::from_ymd_opt(year, months + 1, 1)?.pred_opt()?
        };
        Some((from, to))
    }

    /// The period in force: the given dates, else the first `months` months, else TT124's
    /// evaluation period for the level.
    pub fn range(&self, level: Level) -> Option<(NaiveDate, NaiveDate)> {
        let (from, to) = match (self.first_year, self.months) {
            (Some(first), _) => (
                NaiveDate::from_ymd_opt(first, 1, 1)?,
                NaiveDate::from_ymd_opt(self.year, 12, 31)?,
            ),
            (None, Some(m)) => Period::months_range(self.year, m)?,
            (None, None) => Period::tt124_range(level, self.year)?,
        };
        Some((self.from.unwrap_or(from), self.to.unwrap_or(to)))
    }
}
