//! The keys by which a fact sheet shapes its documents: `sections:` (the outline — sections
//! inserted after or before a template block, replaced, renamed, dropped, nested) and
//! `documents[i].responds_to` (the directive the document answers, cited in its opening).
//! They mirror the YAML field for field and reject unknown keys like every other part of the
//! sheet; what they mean for a document is in [`crate::compose`]. Documented for users in
//! `docs/fact-sheet.md`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One entry of the top-level `sections:` list. A top-level entry names exactly one of
/// `after`, `before`, `replace`, `drop`, `rename`; a sub-section (under `sections:`) names
/// none. What is printed: `heading`, then `paragraphs`, `items`, `table`, `chart`, then the
/// sub-sections one level down.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SectionSpec {
    /// A block name (`vanban templates NAME` lists them): the section follows it.
    #[serde(default)]
    pub after: Option<String>,
    /// The section comes before this block.
    #[serde(default)]
    pub before: Option<String>,
    /// The block's place and number, new content (and heading, when given).
    #[serde(default)]
    pub replace: Option<String>,
    /// The block is left out.
    #[serde(default)]
    pub drop: Option<String>,
    /// The block's heading becomes `heading`.
    #[serde(default)]
    pub rename: Option<String>,
    /// The template of the one document to reshape, when the sheet issues several.
    #[serde(default)]
    pub document: Option<String>,
    /// The section's heading, as typed; a top-level section prints it UPPERCASE.
    #[serde(default)]
    pub heading: Option<String>,
    /// Paragraphs, with the clerk's `*italic*` and `**bold**` kept (as in `narrative`).
    #[serde(default)]
    pub paragraphs: Vec<String>,
    /// A numbered list (`1.`, `2.` — as the tasks of a report).
    #[serde(default)]
    pub items: Vec<String>,
    /// A table of a declared series or table, as the templates' `table(...)`.
    #[serde(default)]
    pub table: Option<SectionTable>,
    /// A chart of a declared series, as the templates' `chart(...)`.
    #[serde(default)]
    pub chart: Option<SectionChart>,
    /// Sub-sections, numbered `1.`, `2.` under the section (then `1.1.`).
    #[serde(default)]
    pub sections: Vec<SectionSpec>,
}

impl SectionSpec {
    /// The operation keys given, as (key, block name).
    pub fn places(&self) -> Vec<(&'static str, &str)> {
        [
            ("after", &self.after),
            ("before", &self.before),
            ("replace", &self.replace),
            ("drop", &self.drop),
            ("rename", &self.rename),
        ]
        .into_iter()
        .filter_map(|(k, v)| v.as_deref().map(|v| (k, v)))
        .collect()
    }

    /// Whether it prints anything besides its heading.
    pub fn has_content(&self) -> bool {
        !self.paragraphs.is_empty()
            || !self.items.is_empty()
            || self.table.is_some()
            || self.chart.is_some()
            || !self.sections.is_empty()
    }
}

/// `table:` of a section: the arguments of the templates' `table(...)`.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SectionTable {
    /// A declared series: `data.areas`.
    #[serde(default)]
    pub series: Option<String>,
    /// Or a declared table: `data.models_list`.
    #[serde(default)]
    pub rows: Option<String>,
    pub columns: Vec<TableColumn>,
    /// The label of a total row (first column); no total row without it.
    #[serde(default)]
    pub total: Option<String>,
    /// The bold line above the table.
    #[serde(default)]
    pub caption: Option<String>,
}

/// One column of a section's table (the keys of `table(...)`'s columns).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct TableColumn {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    pub label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub whole: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub places: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub align: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sum: Option<bool>,
}

/// `chart:` of a section: the arguments of the templates' `chart(...)`.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SectionChart {
    /// A declared series: `data.areas`.
    pub series: String,
    pub fields: Vec<ChartField>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub axis: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate: Option<ChartRate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category_axis: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate_axis: Option<String>,
}

/// What a chart draws: a field of each point and its legend name.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ChartField {
    pub field: String,
    pub name: String,
}

/// A chart's rate line: part / whole of each point, in percent.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ChartRate {
    pub part: String,
    pub whole: String,
    pub name: String,
}

/// A directive a document answers: `Kế hoạch số 31/KH-BCĐ ngày 15/3/2024 của Ban Chỉ đạo
/// huyện về …`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Directive {
    /// As written: `Kế hoạch`, `Công văn`, `Chỉ thị`.
    pub kind: String,
    /// Number and symbol: `31/KH-BCĐ`.
    pub number: String,
    pub date: NaiveDate,
    /// Who issued it, as written after `của`: `Ban Chỉ đạo an ninh, trật tự tỉnh`.
    #[serde(default)]
    pub issuer: Option<String>,
    /// What it is about, as written after `về`.
    #[serde(default)]
    pub about: Option<String>,
}

/// One value or a list of them (`responds_to: { … }` or `responds_to: [{ … }, { … }]`);
/// absent is an empty list.
#[derive(Debug, Clone, PartialEq)]
pub struct OneOrMany<T>(pub Vec<T>);

impl<T> Default for OneOrMany<T> {
    fn default() -> Self {
        OneOrMany(Vec::new())
    }
}

impl<T> std::ops::Deref for OneOrMany<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        &self.0
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for OneOrMany<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for Visit<T> {
            type Value = OneOrMany<T>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a group of keys, or a list of them")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<Self::Value, A::Error> {
                T::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(|one| OneOrMany(vec![one]))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                seq: A,
            ) -> Result<Self::Value, A::Error> {
                Vec::<T>::deserialize(serde::de::value::SeqAccessDeserializer::new(seq))
                    .map(OneOrMany)
            }
            fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
                Ok(OneOrMany(Vec::new()))
            }
            fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
                Ok(OneOrMany(Vec::new()))
            }
        }
        d.deserialize_any(Visit(std::marker::PhantomData))
    }
}

impl<T: Serialize> Serialize for OneOrMany<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}
