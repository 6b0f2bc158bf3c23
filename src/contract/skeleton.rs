//! `vanban init --template NAME`: a commented fact sheet holding exactly what one template
//! reads — the typed frame every document needs (unit, period, issuer, documents) and then
//! every declared name with its label, kind and, for the catalogue's records, an example.
//! Values are left blank (a blank figure is absent, never a zero) or are placeholders in
//! angle brackets (`<Tên đơn vị>`), which `check` reports until they are replaced.

use super::{Contract, Declaration, Kind};
use crate::factsheet::Level;
use crate::i18n::{self, Lang};
use std::fmt::Write as _;

fn level_name(level: Level) -> &'static str {
    match level {
        Level::KhuDanCu => "khu_dan_cu",
        Level::Xa => "xa",
        Level::Phuong => "phuong",
        Level::ThiTran => "thi_tran",
        Level::Huyen => "huyen",
        Level::Tinh => "tinh",
    }
}

/// Parses a level as written in a fact sheet (`phuong`, `huyen`…).
pub fn parse_level(s: &str) -> Option<Level> {
    [
        Level::KhuDanCu,
        Level::Xa,
        Level::Phuong,
        Level::ThiTran,
        Level::Huyen,
        Level::Tinh,
    ]
    .into_iter()
    .find(|l| level_name(*l) == s)
}

/// The skeleton's words in one language: its comments are for the clerk who fills it.
struct Words(Lang);

impl Words {
    fn t(&self, id: &str) -> String {
        i18n::text(self.0, id)
    }
    fn with(&self, id: &str, args: i18n::Args) -> String {
        i18n::text_with(self.0, id, &args)
    }
    fn kind(&self, kind: Kind) -> &'static str {
        match self.0 {
            Lang::Vi => kind.vietnamese(),
            Lang::En => kind.describe(),
        }
    }
}

fn comment(d: &Declaration, w: &Words) -> String {
    let mut c = format!("# {}", d.label);
    if d.kind != Kind::Record && d.kind != Kind::List {
        let _ = write!(c, " ({})", w.kind(d.kind));
    }
    if d.required {
        let _ = write!(c, ", {}", w.t("init-required"));
    }
    c
}

/// One declared name as YAML lines at `indent` (the key without its root).
fn entry(out: &mut String, key: &str, d: &Declaration, year: i32, w: &Words) {
    let pad = "  ";
    match d.kind {
        Kind::Record | Kind::List => match d.example.as_deref().map(str::trim_end) {
            Some(ex) if !ex.contains('\n') && !ex.starts_with("- ") => {
                let _ = writeln!(out, "{pad}{key}: {ex}   {}", comment(d, w));
            }
            Some(ex) => {
                let _ = writeln!(out, "{pad}{key}:   {}", comment(d, w));
                for line in ex.lines() {
                    let _ = writeln!(out, "{pad}  {line}");
                }
            }
            None => {
                let _ = writeln!(out, "{pad}{key}:   {}", comment(d, w));
            }
        },
        Kind::Series => {
            let _ = writeln!(
                out,
                "{pad}{key}:   {} — {}",
                comment(d, w),
                w.t("init-per-year")
            );
            for y in [year.saturating_sub(1), year] {
                if d.single_figure() {
                    let _ = writeln!(out, "{pad}  {y}:");
                } else {
                    let fields: Vec<String> =
                        d.fields.iter().map(|f| format!("{}: ", f.name)).collect();
                    let _ = writeln!(out, "{pad}  {y}: {{ {}}}", fields.join(", "));
                }
            }
        }
        Kind::Table => {
            let _ = writeln!(
                out,
                "{pad}{key}:   {} — {}",
                comment(d, w),
                w.t("init-per-row")
            );
            for (i, f) in d.fields.iter().enumerate() {
                let lead = if i == 0 { "- " } else { "  " };
                let label = f
                    .label
                    .clone()
                    .unwrap_or_else(|| w.kind(f.kind).to_string());
                let _ = writeln!(out, "{pad}  {lead}{}:   # {label}", f.name);
            }
        }
        Kind::Text if d.name.starts_with("narrative.") => {
            let _ = writeln!(
                out,
                "{pad}{key}: []   {} — {}",
                comment(d, w),
                w.t("init-per-paragraph")
            );
        }
        _ => {
            let _ = writeln!(out, "{pad}{key}:   {}", comment(d, w));
        }
    }
}

/// The skeleton for `template` at `level`, reporting on `year`, commented in `lang`.
pub fn skeleton(
    template: &str,
    contract: &Contract,
    level: Level,
    year: i32,
    lang: Lang,
) -> String {
    let w = &Words(lang);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {}{}",
        w.with("init-header", crate::i18n::args! {"template" => template}),
        contract
            .about
            .as_deref()
            .map(|a| format!(" — {a}"))
            .unwrap_or_default()
    );
    for id in ["init-fill", "init-check", "init-render"] {
        let _ = writeln!(out, "# {}", w.t(id));
    }
    out.push_str("schema: 1\n\n");
    let word = level.word();
    let _ = writeln!(
        out,
        "unit:\n  name: <Tên đơn vị>          # {}\n  level: {}",
        w.with("init-name", crate::i18n::args! {"word" => word}),
        level_name(level)
    );
    let under = |root: &str| -> Vec<(&str, &Declaration)> {
        contract
            .reads
            .iter()
            .filter_map(|d| d.name.strip_prefix(root).map(|k| (k, d)))
            .collect()
    };
    for (key, d) in under("unit.") {
        entry(&mut out, key, d, year, w);
    }
    let _ = writeln!(out, "\nperiod:\n  year: {year}");
    // The period the template is written for (`periods:` in its header).
    use crate::factsheet::PeriodKind as P;
    let only = |k: P| !contract.periods.is_empty() && contract.periods.iter().all(|p| *p == k);
    if only(P::Years) {
        let _ = writeln!(
            out,
            "  first_year: {}       # {}",
            year.saturating_sub(9),
            w.t("init-first-year")
        );
    } else if contract.periods.contains(&P::Months) {
        let _ = writeln!(out, "  # months: 6               # {}", w.t("init-months"));
    } else if contract.periods.is_empty() && contract.reads.iter().any(|d| d.kind == Kind::Series) {
        let _ = writeln!(
            out,
            "  # first_year: {}      # {}",
            year.saturating_sub(9),
            w.t("init-first-year")
        );
    }
    let _ = write!(
        out,
        "\nissuer:\n  parent_agency: [\"UBND {word} <Tên đơn vị>\"]   # {per_line}\n  agency: [\"Ban Chỉ đạo an ninh, trật tự\"]\n  abbreviation: BCĐ\n  signer:\n    position: Trưởng ban\n    name: \"\"\n  recipients:\n    - {{ name: <cơ quan nhận>, purpose: báo cáo }}\n  archive: [VT]\n\ndocuments:\n  - template: {template}\n    date: {year}-11           # {date}\n",
        per_line = w.t("init-per-line"),
        date = w.t("init-date"),
    );
    // A district or province usually sums its units' own sheets (see docs/fact-sheet.md).
    if matches!(level, Level::Huyen | Level::Tinh) {
        let _ = write!(
            out,
            "\n# children:                  # {}\n#   - xa/*.yaml               # {}\n",
            w.t("init-children"),
            w.t("init-children-more")
        );
    }
    for root in ["facts", "data", "narrative"] {
        let entries = under(&format!("{root}."));
        if entries.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{root}:");
        for (key, d) in entries {
            entry(&mut out, key, d, year, w);
        }
    }
    out
}
