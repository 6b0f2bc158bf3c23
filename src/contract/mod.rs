//! The template contract: what a template reads from a fact sheet.
//!
//! Every template starts with a header — a Tera comment whose first line is `vanban` — holding
//! YAML declarations: which fact-sheet names it reads, their kind, whether they are required,
//! a Vietnamese label and how a figure rolls up over child units. One declaration feeds
//! `check` (missing, wrong kind, keys no template reads), `vanban templates`, `vanban init
//! --template` and, later, the data-entry workbook and the roll-up. Names taken from the
//! built-in catalogue (`templates/catalogue.yaml`: the `unit.*` and `facts.*` keys vanban
//! knows) may be declared with no body: the catalogue supplies it.

pub mod catalogue;
pub mod data;
mod declare;
pub mod skeleton;

use declare::declaration;

use crate::document::Scheme;
use crate::factsheet::paths::{PathMap, Position};
use crate::factsheet::{Level, PeriodKind};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What kind of value a name holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A whole number of things: households, cases, sessions.
    Count,
    /// A number with decimals.
    Decimal,
    /// An amount in đồng.
    Money,
    /// An area in hectares.
    Area,
    /// A share already in percent.
    Percent,
    /// Text: a string, or (for a narrative section) a list of paragraphs.
    Text,
    /// A figure, or a group of figures, per year or per period.
    Series,
    /// Rows of named columns.
    Table,
    /// A structure defined by the catalogue (checked by vanban's own types).
    Record,
    /// A list of catalogue records.
    List,
    /// A date, `YYYY-MM-DD`.
    Date,
    /// Yes or no.
    Flag,
}

impl Kind {
    /// Kinds a number of which is written in the fact sheet.
    pub fn is_figure(self) -> bool {
        matches!(
            self,
            Kind::Count | Kind::Decimal | Kind::Money | Kind::Area | Kind::Percent
        )
    }

    /// The word for the kind in messages and listings, in the clerk's terms.
    pub fn describe(self) -> &'static str {
        match self {
            Kind::Count => "a count (whole number)",
            Kind::Decimal => "a number",
            Kind::Money => "an amount in đồng",
            Kind::Area => "an area in ha",
            Kind::Percent => "a percentage",
            Kind::Text => "text",
            Kind::Series => "a series (one entry per year or period)",
            Kind::Table => "a table (a list of rows)",
            Kind::Record => "a group of keys",
            Kind::List => "a list",
            Kind::Date => "a date (YYYY-MM-DD)",
            Kind::Flag => "true or false",
        }
    }

    /// The kind as a clerk's skeleton names it.
    pub fn vietnamese(self) -> &'static str {
        match self {
            Kind::Count => "số đếm",
            Kind::Decimal => "số thập phân",
            Kind::Money => "số tiền, đồng",
            Kind::Area => "diện tích, ha",
            Kind::Percent => "tỷ lệ %",
            Kind::Text => "văn bản",
            Kind::Series => "chuỗi số liệu",
            Kind::Table => "bảng",
            Kind::Record => "nhóm số liệu",
            Kind::List => "danh sách",
            Kind::Date => "ngày, YYYY-MM-DD",
            Kind::Flag => "true hoặc false",
        }
    }

    fn default_aggregate(self) -> Aggregate {
        match self {
            // A series sums its count, money and area figures point by point.
            Kind::Count | Kind::Money | Kind::Area | Kind::Series => Aggregate::Sum,
            _ => Aggregate::None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Kind::Count => "count",
            Kind::Decimal => "decimal",
            Kind::Money => "money",
            Kind::Area => "area",
            Kind::Percent => "percent",
            Kind::Text => "text",
            Kind::Series => "series",
            Kind::Table => "table",
            Kind::Record => "record",
            Kind::List => "list",
            Kind::Date => "date",
            Kind::Flag => "flag",
        }
    }
}

/// How a figure combines over the child units of a district or province.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Aggregate {
    Sum,
    Max,
    None,
}

/// A column of a table, or a figure of a series group.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Field {
    pub name: String,
    pub kind: Kind,
    pub label: Option<String>,
    pub required: bool,
    /// The field of the same entry or row this one is a part of (`recognised` of `total`):
    /// a part above its whole is an error at its line.
    pub part_of: Option<String>,
}

/// One name a template reads.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Declaration {
    /// Full fact-sheet path: `data.areas`, `narrative.lessons`, `facts.propaganda`.
    pub name: String,
    pub kind: Kind,
    pub label: String,
    pub required: bool,
    pub aggregate: Aggregate,
    /// A figure that is a part of another declared figure (`data.recognised` of
    /// `data.total`): never more than it.
    pub part_of: Option<String>,
    /// A series: its figure (one field named `value`) or its group of figures.
    /// A table: its columns.
    pub fields: Vec<Field>,
    /// The skeleton `vanban init` prints under the name (catalogue records and lists).
    #[serde(skip)]
    pub example: Option<String>,
    /// What a count counts, as printed (`buổi`, `hội nghị`, `điểm`): figures counted in
    /// different words are never summed into one (see `rollup`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
}

impl Declaration {
    /// Whether a series holds one figure per point (not a group).
    pub fn single_figure(&self) -> bool {
        self.kind == Kind::Series && matches!(self.fields.as_slice(), [f] if f.name == "value")
    }
}

/// A template's header.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Contract {
    /// One line saying what the document is.
    pub about: Option<String>,
    /// The unit levels the template is written for; empty means any.
    pub levels: Vec<Level>,
    /// The kinds of period the template's words are written for (`periods: [tt124, year]`);
    /// empty means any. A TT124 verdict is for a year, never for 8 months.
    pub periods: Vec<PeriodKind>,
    pub reads: Vec<Declaration>,
    /// How headings are numbered; `None` when the header does not say (then `sections`).
    pub numbering: Option<Scheme>,
    /// `false` for a document without a place-date line (a BIÊN BẢN); `None` = not said.
    pub place_date: Option<bool>,
}

impl Contract {
    /// The words of the levels the template is written for, when `level` is not one of
    /// them (`None` when it is, or when the template is for any level): the one rule behind
    /// both `check`'s error and `init`'s refusal.
    pub fn levels_excluding(&self, level: Level) -> Option<Vec<&'static str>> {
        (!self.levels.is_empty() && !self.levels.contains(&level))
            .then(|| self.levels.iter().map(|l| l.word()).collect())
    }
}

/// A problem in a template header, at a line and column of the template file: a catalogue
/// code and its arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderError {
    pub position: Option<Position>,
    pub code: &'static str,
    pub args: crate::i18n::Args,
}

impl HeaderError {
    /// The diagnostic (without its file).
    pub fn diagnostic(&self) -> crate::diagnostic::Diagnostic {
        let mut d = crate::diagnostic::Diagnostic::new(
            crate::diagnostic::Severity::Error,
            self.code,
            "",
            self.args.clone(),
        );
        d.position = self.position;
        d
    }
}

/// The roots a template may declare under, with what they are.
pub const ROOTS: [&str; 4] = ["data", "narrative", "facts", "unit"];

/// Where the header is: the text of the first `{# … #}` comment when its first line is
/// `vanban`, and the line the YAML starts on.
fn header_text(template: &str) -> Option<(&str, usize)> {
    let trimmed = template.trim_start();
    let start = template.len() - trimmed.len();
    let rest = trimmed.strip_prefix("{#")?;
    let end = rest.find("#}")?;
    let inner = &rest[..end];
    let inner_offset = start + 2;
    let (inner, skipped) = match inner.strip_prefix('-') {
        Some(s) => (s, 1),
        None => (inner, 0),
    };
    let inner = inner.strip_suffix('-').unwrap_or(inner);
    let first_newline = inner.find('\n')?;
    if inner[..first_newline].trim() != "vanban" {
        return None;
    }
    let yaml = &inner[first_newline + 1..];
    let yaml_offset = inner_offset + skipped + first_newline + 1;
    let line = template[..yaml_offset].matches('\n').count() + 1;
    Some((yaml, line))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHeader {
    #[serde(default)]
    about: Option<String>,
    #[serde(default)]
    levels: Vec<Level>,
    #[serde(default)]
    periods: Vec<PeriodKind>,
    #[serde(default)]
    reads: Ordered<Option<RawDeclaration>>,
    #[serde(default)]
    numbering: Option<Scheme>,
    #[serde(default)]
    place_date: Option<bool>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawDeclaration {
    #[serde(default)]
    pub kind: Option<Kind>,
    #[serde(default)]
    pub label: Option<String>,
    #[serde(default)]
    pub required: Option<bool>,
    #[serde(default)]
    pub aggregate: Option<Aggregate>,
    /// A series: a kind, or name → kind for a group of figures.
    #[serde(default)]
    pub of: Option<RawFields>,
    /// A table: name → kind.
    #[serde(default)]
    pub columns: Option<Ordered<RawField>>,
    #[serde(default)]
    pub part_of: Option<String>,
    #[serde(default)]
    pub example: Option<String>,
    /// What a count counts: `buổi`, `hội nghị`.
    #[serde(default)]
    pub unit: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub(crate) enum RawFields {
    One(Kind),
    Group(Ordered<RawField>),
}

#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub(crate) enum RawField {
    Kind(Kind),
    Full {
        kind: Kind,
        #[serde(default)]
        label: Option<String>,
        #[serde(default)]
        required: Option<bool>,
        #[serde(default)]
        part_of: Option<String>,
    },
}

impl RawField {
    fn into_field(self, name: String) -> Field {
        match self {
            RawField::Kind(kind) => Field {
                name,
                kind,
                label: None,
                required: true,
                part_of: None,
            },
            RawField::Full {
                kind,
                label,
                required,
                part_of,
            } => Field {
                name,
                kind,
                label,
                required: required.unwrap_or(true),
                part_of,
            },
        }
    }
}

/// A YAML mapping kept in the order it was written.
#[derive(Debug, Clone)]
pub(crate) struct Ordered<V>(pub Vec<(String, V)>);

impl<V> Default for Ordered<V> {
    fn default() -> Self {
        Ordered(Vec::new())
    }
}

impl<'de, V: Deserialize<'de>> Deserialize<'de> for Ordered<V> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit<V>(std::marker::PhantomData<V>);
        impl<'de, V: Deserialize<'de>> serde::de::Visitor<'de> for Visit<V> {
            type Value = Ordered<V>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a mapping of names")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Self::Value, A::Error> {
                let mut out = Vec::new();
                while let Some((k, v)) = map.next_entry::<String, V>()? {
                    out.push((k, v));
                }
                Ok(Ordered(out))
            }
        }
        d.deserialize_map(Visit(std::marker::PhantomData))
    }
}

/// Parses a template's header; a template without one reads nothing declared.
pub fn parse(template: &str) -> Result<Contract, Vec<HeaderError>> {
    let Some((yaml, first_line)) = header_text(template) else {
        return Ok(Contract::default());
    };
    let shift = |p: Position| Position {
        line: p.line + first_line - 1,
        column: p.column,
    };
    let raw: RawHeader = serde_saphyr::from_str(yaml).map_err(|e| {
        vec![HeaderError {
            position: e.location().map(|l| {
                shift(Position {
                    line: l.line() as usize,
                    column: l.column() as usize,
                })
            }),
            code: "header-invalid",
            args: crate::i18n::args! {"detail" => first_line_of(&e.without_snippet().to_string())},
        }]
    })?;
    let paths = PathMap::build(yaml);
    let mut errors = Vec::new();
    let mut reads: Vec<Declaration> = Vec::new();
    for (name, raw) in raw.reads.0 {
        let at = paths.locate_key(&format!("reads.{name}")).map(shift);
        match declaration(&name, raw) {
            Ok(d) => {
                if reads.iter().any(|r| r.name == d.name) {
                    errors.push(HeaderError {
                        position: at,
                        code: "declared-twice",
                        args: crate::i18n::args! {"name" => &name},
                    });
                } else {
                    reads.push(d);
                }
            }
            Err((code, args)) => errors.push(HeaderError {
                position: at,
                code,
                args,
            }),
        }
    }
    if errors.is_empty() {
        Ok(Contract {
            about: raw.about,
            levels: raw.levels,
            periods: raw.periods,
            reads,
            numbering: raw.numbering,
            place_date: raw.place_date,
        })
    } else {
        Err(errors)
    }
}

fn first_line_of(s: &str) -> String {
    let line = s.lines().next().unwrap_or("");
    match line.rfind(" at line ") {
        Some(cut) => line[..cut].to_string(),
        None => line.to_string(),
    }
}

/// The declarations of several templates (the documents of one fact sheet), by name, each
/// with the templates that declare it.
#[derive(Debug, Default, Clone)]
pub struct Merged {
    pub by_name: BTreeMap<String, (Declaration, Vec<String>)>,
}

impl Merged {
    pub fn add(&mut self, template: &str, contract: &Contract) {
        for d in &contract.reads {
            let entry = self
                .by_name
                .entry(d.name.clone())
                .or_insert_with(|| (d.clone(), Vec::new()));
            // Required by any template makes it required for the sheet.
            entry.0.required |= d.required;
            if !entry.1.iter().any(|t| t == template) {
                entry.1.push(template.to_string());
            }
        }
    }

    pub fn get(&self, name: &str) -> Option<&Declaration> {
        self.by_name.get(name).map(|(d, _)| d)
    }

    /// Whether a fact-sheet path is read: declared itself, under a declared name, or above one.
    pub fn reads(&self, path: &str) -> bool {
        // `a` is `b` followed by `.` or `[` (no allocation: this runs for every key of every
        // sheet of a roll-up).
        let under = |a: &str, b: &str, marks: &[u8]| {
            a.strip_prefix(b)
                .and_then(|rest| rest.as_bytes().first())
                .is_some_and(|c| marks.contains(c))
        };
        self.by_name
            .keys()
            .any(|name| name == path || under(path, name, b".[") || under(name, path, b"."))
    }

    /// Declared names under `root.` (e.g. every `narrative.` section), for did-you-mean.
    pub fn names_under(&self, root: &str) -> Vec<String> {
        let prefix = format!("{root}.");
        self.by_name
            .keys()
            .filter_map(|n| n.strip_prefix(&prefix))
            .map(|n| n.split('.').next().unwrap_or(n).to_string())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: &str = "{#- vanban\nabout: Báo cáo thử\nlevels: [huyen]\nreads:\n  data.teams: { kind: count, label: Số tổ, required: true }\n  data.areas:\n    kind: series\n    of: { recognised: count, total: count }\n  data.rows: { kind: table, columns: { name: text, households: count } }\n  narrative.lessons:\n  unit.households:\n-#}\nbody";

    #[test]
    fn header_parses_in_order() {
        let c = parse(T).expect("parses");
        assert_eq!(c.about.as_deref(), Some("Báo cáo thử"));
        assert_eq!(c.levels, [Level::Huyen]);
        let names: Vec<&str> = c.reads.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "data.teams",
                "data.areas",
                "data.rows",
                "narrative.lessons",
                "unit.households"
            ]
        );
        assert!(c.reads[0].required);
        assert_eq!(c.reads[0].aggregate, Aggregate::Sum);
        assert_eq!(c.reads[1].fields.len(), 2);
        assert_eq!(c.reads[2].fields[1].kind, Kind::Count);
        assert_eq!(c.reads[3].kind, Kind::Text);
        assert_eq!(c.reads[4].kind, Kind::Count, "from the catalogue");
    }

    #[test]
    fn no_header_reads_nothing() {
        assert_eq!(parse("{# just a comment #}body").expect("ok").reads, []);
        assert_eq!(parse("body").expect("ok").reads, []);
    }

    #[test]
    fn header_errors_point_at_the_template_line() {
        let e = parse("{#- vanban\nreads:\n  data.x: { label: X }\n  facts.nope:\n-#}")
            .expect_err("errors");
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].position.map(|p| p.line), Some(3));
        let message = |e: &HeaderError| e.diagnostic().message;
        assert!(message(&e[0]).contains("no kind"), "{}", message(&e[0]));
        assert_eq!(e[1].position.map(|p| p.line), Some(4));
        assert!(message(&e[1]).contains("catalogue"), "{}", message(&e[1]));
    }

    #[test]
    fn merged_reads_cover_paths() {
        let mut m = Merged::default();
        m.add("t", &parse(T).expect("parses"));
        assert!(m.reads("data.teams"));
        assert!(m.reads("data.areas[2].total"));
        assert!(!m.reads("data.team"));
        assert_eq!(m.names_under("narrative"), ["lessons"]);
    }

    #[test]
    fn numbering_and_place_date_settings() {
        let c =
            parse("{#- vanban\nnumbering: articles\nplace_date: false\n-#}\nbody").expect("parses");
        assert_eq!(c.numbering, Some(Scheme::Articles));
        assert_eq!(c.place_date, Some(false));
        let c = parse(T).expect("parses");
        assert_eq!((c.numbering, c.place_date), (None, None));
        let e = parse("{#- vanban\nnumbering: chapters\n-#}\n").expect_err("unknown scheme");
        assert!(e[0].diagnostic().message.contains("not valid"), "{e:?}");
    }
}
