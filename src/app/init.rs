//! `vanban init`: a commented fact-sheet skeleton to start from.

use super::{Exit, Reporter};
use crate::contract::skeleton;
use crate::template::Templates;
use std::path::PathBuf;

// What `init` is asked to do (its `--help` is in locales/*/cli.ftl).
#[derive(clap::Args)]
pub struct Options {
    #[arg(long, alias = "level", default_value = "phuong")]
    pub kind: String,
    #[arg(long)]
    pub template: Option<String>,
    #[arg(long)]
    pub templates: Option<PathBuf>,
    // The year of the skeleton's period; `None` is this year.
    #[arg(skip)]
    pub year: Option<i32>,
}

/// Prints the skeleton on `out`; a level or template that does not exist is a usage error.
pub fn run(options: Options, r: &Reporter) -> anyhow::Result<Exit> {
    let kind = &options.kind;
    let Some(level) = skeleton::parse_level(kind) else {
        return Ok(r.usage(&r.t("init-unknown-level", crate::i18n::args! {"kind" => kind})));
    };
    let Some(template) = options.template else {
        // The same year as `init --template`: this year's period, dates and evaluation end.
        let year = options.year.unwrap_or_else(this_year);
        r.console.out(
            &crate::factsheet::SKELETON
                .replace("level: phuong", &format!("level: {kind}"))
                .replace("  year: 2024", &format!("  year: {year}"))
                .replace("# from: 2023-11-16", &format!("# from: {}-11-16", year - 1))
                .replace("# to: 2024-11-15", &format!("# to: {year}-11-15"))
                .replace("date: 2024-11 ", &format!("date: {year}-11 ")),
        );
        return Ok(Exit::Success);
    };
    let templates = Templates::load(options.templates.as_deref())?;
    if !templates.exists(&template) {
        return Ok(r.usage(&r.t("app-no-template", crate::i18n::args! {"name" => &template})));
    }
    let contract = templates.contract(&template);
    if let Some(words) = contract.levels_excluding(level) {
        let levels = words.join(", ");
        return Ok(r.usage(&r.t(
            "init-wrong-level",
            crate::i18n::args! {"template" => &template, "levels" => levels},
        )));
    }
    r.console.out(&skeleton::skeleton(
        &template,
        &contract,
        level,
        options.year.unwrap_or_else(this_year),
        r.lang,
    ));
    Ok(Exit::Success)
}

/// This year, for the skeleton's period (from the system clock, in UTC).
pub fn this_year() -> i32 {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    chrono::DateTime::from_timestamp(secs as i64, 0)
        .map(|t| chrono::Datelike::year(&t))
        .unwrap_or(2025)
}
