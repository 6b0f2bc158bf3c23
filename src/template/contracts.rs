//! What a fact sheet's documents declare: the contracts of the templates it issues, merged,
//! and whether each template is written for the sheet's level and period.

use super::Templates;
use crate::contract;
use crate::diagnostic::{Diagnostic, Severity};
use crate::factsheet::{self, load::Loaded};
use crate::i18n::args;

impl Templates {
    /// The declarations of every template the sheet's documents use, and the problems of
    /// those templates themselves (header, syntax, level, period).
    pub fn contracts(&self, loaded: &Loaded) -> (contract::Merged, Vec<Diagnostic>) {
        let mut merged = contract::Merged::default();
        let mut problems = Vec::new();
        let level = loaded.sheet.unit.level;
        for (i, spec) in loaded.sheet.documents.iter().enumerate() {
            if !self.exists(&spec.template) {
                continue; // validate reports it
            }
            for p in self.problems(&spec.template) {
                if !problems.contains(&p) {
                    problems.push(p);
                }
            }
            let c = self.contract(&spec.template);
            if let Some(words) = c.levels_excluding(level) {
                problems.push(loaded.locate(Diagnostic::new(
                    Severity::Error,
                    "template-not-for-level",
                    format!("documents[{i}].template"),
                    args! {
                        "template" => &spec.template,
                        "levels" => words.join(", "),
                        "level" => level.word(),
                    },
                )));
            }
            let period = loaded.sheet.period.kind();
            if !c.periods.is_empty() && !c.periods.contains(&period) {
                // Said at the line that makes the period what it is.
                let at = match period {
                    factsheet::PeriodKind::Years => "period.first_year",
                    factsheet::PeriodKind::Months | factsheet::PeriodKind::Year => "period.months",
                    factsheet::PeriodKind::Tt124 => "period.year",
                };
                let kinds: Vec<&str> = c.periods.iter().map(|k| k.name()).collect();
                problems.push(loaded.locate(Diagnostic::new(
                    Severity::Error,
                    "template-not-for-period",
                    at,
                    args! {
                        "template" => &spec.template,
                        "index" => i,
                        "period" => period.name(),
                        "periods" => kinds.join(", "),
                    },
                )));
            }
            merged.add(&spec.template, &c);
        }
        (merged, problems)
    }
}
