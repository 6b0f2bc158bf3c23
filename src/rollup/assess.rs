//! Which units below a parent carry a TT124 Điều 5 verdict. A verdict is a claim made by the
//! unit's own documents, never by its level: a commune contributes one only when its sheet
//! states the criteria (`facts.criteria`) and issues, for the parent's period, a document
//! whose template assesses them — a template declares that by requiring `facts.criteria`
//! (`bao-cao-ket-qua-tt124`, `bien-ban-danh-gia`…). Any other commune is "not assessed": the
//! parent's documents say nothing about its verdict, and `check` says which and why.

use super::Summary;
use super::compare::written;
use crate::derive::{self, CommuneAssessment};
use crate::diagnostic::{Diagnostic, Severity};
use crate::factsheet::Period;
use crate::i18n::args;
use crate::i18n::{self, Lang};
use crate::template::Templates;
use serde::Serialize;
use std::path::PathBuf;

/// Why a commune below carries no verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Reason {
    /// None of its documents assesses the criteria (the templates it issues).
    NoAssessingDocument { templates: Vec<String> },
    /// It issues an assessing document but its sheet states no `facts.criteria`.
    NoCriteria,
    /// Its sheet is for another period than the parent's.
    OtherPeriod { period: PeriodWords },
}

impl Reason {
    /// The reason as a diagnostic words it, in `lang`.
    pub fn explain(&self, lang: Lang) -> String {
        match self {
            Reason::NoAssessingDocument { templates } => say(
                lang,
                "unassessed-no-document",
                args! {"templates" => templates.join(", ")},
            ),
            Reason::NoCriteria => i18n::text(lang, "unassessed-no-criteria"),
            Reason::OtherPeriod { period } => say(
                lang,
                "unassessed-other-period",
                args! {"period" => period.words(lang)},
            ),
        }
    }
}

/// A commune below the parent without a verdict, as templates see it (`rollup.communes.unassessed`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unassessed {
    /// `xã Tân Phú`.
    pub full: String,
    /// The unit whose sheet lists it: `huyện Yên Lạc`.
    pub within: String,
    pub file: PathBuf,
    #[serde(flatten)]
    pub reason: Reason,
}

/// Whether a template assesses the Điều 5 criteria: it requires `facts.criteria`.
pub fn assesses(templates: &Templates, template: &str) -> bool {
    templates
        .contract(template)
        .reads
        .iter()
        .any(|d| d.name == "facts.criteria" && d.required)
}

/// A period as a message writes it: `2024`, `8 months of 2024`, `2015-2024` (`năm 2024`,
/// `8 tháng đầu năm 2024`, `giai đoạn 2015-2024`). Given to templates in English, as its
/// [`Display`](std::fmt::Display).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodWords {
    year: i32,
    months: Option<u32>,
    first_year: Option<i32>,
}

impl PeriodWords {
    pub fn words(&self, lang: Lang) -> String {
        let year = self.year.to_string();
        match (self.first_year, self.months) {
            (Some(first), _) => say(
                lang,
                "period-range",
                args! {"first" => first.to_string(), "year" => year},
            ),
            (None, Some(m)) if m < 12 => say(
                lang,
                "period-months",
                args! {"months" => m.to_string(), "year" => year},
            ),
            _ => say(lang, "period-year", args! {"year" => year}),
        }
    }
}

impl std::fmt::Display for PeriodWords {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.words(Lang::En))
    }
}

impl Serialize for PeriodWords {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// The catalogue's message `id` in `lang`.
fn say(lang: Lang, id: &str, args: i18n::Args) -> String {
    i18n::text_with(lang, id, &args)
}

/// A period as a message writes it (see [`PeriodWords`]).
pub(super) fn period_words(p: &Period) -> PeriodWords {
    // Worded alike, alike: 12 months is the year, a review's months are not said.
    PeriodWords {
        year: p.year,
        months: p.months.filter(|m| *m < 12 && p.first_year.is_none()),
        first_year: p.first_year,
    }
}

/// Whether two periods are the same for an assessment (12 months is the whole year).
pub(super) fn same_period(a: &Period, b: &Period) -> bool {
    let months = |p: &Period| p.months.filter(|m| *m < 12);
    a.year == b.year && a.first_year == b.first_year && months(a) == months(b)
}

/// The child's verdict when its own documents make one for `period`; `None` for a unit that
/// is not a commune (no Điều 5 verdict at all), `Some(Err)` for a commune not assessed.
pub(super) fn verdict(
    c: &Summary,
    period: &Period,
    templates: &Templates,
) -> Option<Result<CommuneAssessment, Reason>> {
    let sheet = &c.loaded.sheet;
    if !sheet.unit.level.is_commune() {
        return None;
    }
    let issued: Vec<String> = sheet.documents.iter().map(|d| d.template.clone()).collect();
    if !issued.iter().any(|t| assesses(templates, t)) {
        return Some(Err(Reason::NoAssessingDocument { templates: issued }));
    }
    if !written(&c.loaded.tree, "facts.criteria") {
        return Some(Err(Reason::NoCriteria));
    }
    if !same_period(&sheet.period, period) {
        return Some(Err(Reason::OtherPeriod {
            period: period_words(&sheet.period),
        }));
    }
    Some(Ok(derive::assess_commune(sheet)))
}

/// At most this many communes are named in the note; the rest are counted.
const NAMED: usize = 8;

/// One note for the communes below that carry no verdict, grouped by reason. It is a note,
/// not a warning: nothing in the parent's sheet is wrong, its documents just leave those
/// communes' verdicts out; what would change it is in the children's sheets.
pub(super) fn note(
    unassessed: &[Unassessed],
    total: usize,
    period: &Period,
    file: &std::path::Path,
    position: Option<crate::factsheet::paths::Position>,
) -> Option<Diagnostic> {
    if unassessed.is_empty() {
        return None;
    }
    // Grouped by reason, in first-seen order; the groups are worded in each language (an
    // argument of a message is text, so the two wordings are two arguments).
    let mut reasons: Vec<(&Reason, Vec<String>)> = Vec::new();
    for u in unassessed {
        let shown = u.file.display().to_string();
        match reasons.iter_mut().find(|(r, _)| **r == u.reason) {
            Some((_, files)) => files.push(shown),
            None => reasons.push((&u.reason, vec![shown])),
        }
    }
    let groups = |lang: Lang| -> String {
        let groups: Vec<String> = reasons
            .iter()
            .map(|(why, files)| {
                let n = files.len();
                let mut named: Vec<String> = files.iter().take(NAMED).cloned().collect();
                if n > NAMED {
                    named.push(say(lang, "unassessed-and-more", args! {"n" => n - NAMED}));
                }
                format!("{} ({})", named.join(", "), why.explain(lang))
            })
            .collect();
        groups.join("; ")
    };
    let period = period_words(period);
    let mut d = Diagnostic::new(
        Severity::Note,
        "communes-unassessed",
        "children",
        args! {
            "n" => unassessed.len(),
            "total" => total,
            "period_en" => period.words(Lang::En),
            "period_vi" => period.words(Lang::Vi),
            "groups_en" => groups(Lang::En),
            "groups_vi" => groups(Lang::Vi),
        },
    );
    d.file = file.to_path_buf();
    d.position = position;
    Some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn period(year: i32, months: Option<u32>, first_year: Option<i32>) -> Period {
        Period {
            year,
            first_year,
            months,
            from: None,
            to: None,
        }
    }

    #[test]
    fn periods_match_on_year_months_and_span() {
        assert!(same_period(
            &period(2024, None, None),
            &period(2024, Some(12), None)
        ));
        assert!(!same_period(
            &period(2024, Some(8), None),
            &period(2024, None, None)
        ));
        assert!(!same_period(
            &period(2023, None, None),
            &period(2024, None, None)
        ));
        assert!(!same_period(
            &period(2024, None, Some(2015)),
            &period(2024, None, None)
        ));
        assert_eq!(
            period_words(&period(2024, Some(8), None)).to_string(),
            "8 months of 2024"
        );
        assert_eq!(
            period_words(&period(2024, None, Some(2015))).to_string(),
            "2015-2024"
        );
        assert_eq!(
            period_words(&period(2024, Some(8), None)).words(Lang::Vi),
            "8 tháng đầu năm 2024"
        );
        assert_eq!(
            serde_json::to_value(period_words(&period(2024, Some(12), None))).ok(),
            Some(serde_json::json!("2024"))
        );
    }

    #[test]
    fn only_templates_that_require_the_criteria_assess() {
        let t = Templates::load(None).expect("built-in templates");
        for name in ["bao-cao-ket-qua-tt124", "bien-ban-danh-gia"] {
            assert!(assesses(&t, name), "{name}");
        }
        for name in ["bao-cao-so-ket", "ke-hoach-tt124", "bao-cao-tong-hop"] {
            assert!(!assesses(&t, name), "{name}");
        }
    }

    #[test]
    fn one_note_groups_the_communes_by_reason() {
        let u = |file: &str, reason: Reason| Unassessed {
            full: "xã A".into(),
            within: "huyện B".into(),
            file: PathBuf::from(file),
            reason,
        };
        let so_ket = Reason::NoAssessingDocument {
            templates: vec!["bao-cao-so-ket".into()],
        };
        let all: Vec<Unassessed> = (0..10)
            .map(|i| u(&format!("xa/{i}.yaml"), so_ket.clone()))
            .chain([u("xa/z.yaml", Reason::NoCriteria)])
            .collect();
        let p = period(2024, Some(8), None);
        let d = note(&all, 12, &p, std::path::Path::new("h.yaml"), None).expect("a note");
        assert_eq!(d.severity, crate::diagnostic::Severity::Note);
        assert_eq!(d.code, "communes-unassessed");
        let vi = d.text(Lang::Vi);
        assert!(
            vi.starts_with("11 trong 12 xã trực thuộc chưa được đánh giá theo TT124 Điều 5 cho 8 tháng đầu năm 2024"),
            "{vi}"
        );
        assert!(
            vi.contains("xa/7.yaml, và 2 xã khác (không văn bản nào của xã đánh giá các tiêu chí (xã ban hành bao-cao-so-ket)); xa/z.yaml (tờ khai số liệu của xã không ghi `facts.criteria`)"),
            "{vi}"
        );
        assert!(
            d.message.starts_with(
                "11 of the 12 communes below are not assessed against TT124 Điều 5 for 8 months of 2024"
            ),
            "{}",
            d.message
        );
        assert!(
            d.message.contains(
                "xa/7.yaml, and 2 more (none of its documents assesses the criteria (it issues bao-cao-so-ket)); xa/z.yaml (its sheet states no facts.criteria)"
            ),
            "{}",
            d.message
        );
        assert!(note(&[], 3, &p, std::path::Path::new("h.yaml"), None).is_none());
    }
}
