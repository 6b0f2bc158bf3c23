//! `vanban init`: a commented fact-sheet skeleton to start from.

use super::{Exit, Reporter};
use crate::contract::skeleton;
use crate::template::Templates;
use std::path::PathBuf;

// What `init` is asked to do (the doc comments are its `--help`).
#[derive(clap::Args)]
pub struct Options {
    /// Level of the unit: xa, phuong, thi_tran, khu_dan_cu, huyen, tinh
    #[arg(long, alias = "level", default_value = "phuong")]
    pub kind: String,
    /// Print exactly what this template reads
    #[arg(long)]
    pub template: Option<String>,
    /// Folder of *.md.tera templates that override or extend the built-in ones
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
        return Ok(r.usage(&format!(
            "--kind {kind}: write one of xa, phuong, thi_tran, khu_dan_cu, huyen, tinh"
        )));
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
        return Ok(r.usage(&format!(
            "there is no template `{template}` (run `vanban templates` for the list)"
        )));
    }
    let contract = templates.contract(&template);
    if let Some(words) = contract.levels_excluding(level) {
        return Ok(r.usage(&format!(
            "`{template}` is written for a {}; pass --kind with one of them",
            words.join(", ")
        )));
    }
    r.console.out(&skeleton::skeleton(
        &template,
        &contract,
        level,
        options.year.unwrap_or_else(this_year),
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
