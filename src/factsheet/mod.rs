//! The input model: one unit, one period, the documents to issue and the facts they state.
//!
//! These types mirror the YAML fact sheet (schema 1) field for field; every struct rejects
//! unknown keys so a typo is an error, not a silently ignored figure. Loading (with
//! file:line:col on every error) is in [`load`]; cross-field rules are in [`validate`].
//! Nothing here knows about templates or writers. The fields are documented for users in
//! `docs/fact-sheet.md`.

pub mod absent;
mod documents;
mod facts;
pub mod find;
mod issuer;
pub mod load;
mod loads;
pub mod paths;
mod period;
pub mod placeholder;
pub mod sections;
mod unit;
pub mod validate;
pub mod yaml_errors;

pub use documents::*;
pub use facts::*;
pub use issuer::*;
pub use period::*;
pub use unit::*;

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The only schema version this build reads.
pub const SCHEMA_VERSION: u32 = 1;

/// A whole fact sheet.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FactSheet {
    /// Schema version; must be 1.
    pub schema: u32,
    pub unit: Unit,
    pub period: Period,
    pub issuer: Issuer,
    /// The documents this fact sheet issues (at least one).
    pub documents: Vec<DocumentSpec>,
    #[serde(default)]
    pub facts: Facts,
    /// Free paragraphs no data can produce, by section name (`characteristics`,
    /// `implementation`, ...). Each entry is a list of paragraphs.
    #[serde(default)]
    pub narrative: BTreeMap<String, Vec<String>>,
    /// The user's own figures, series, tables and text, named as the templates declare them;
    /// checked against those declarations by `contract::data::check`, not by serde.
    #[serde(default)]
    pub data: BTreeMap<String, serde_json::Value>,
    /// The units one level below whose sheets this one sums up: paths or globs
    /// (`xa/*.yaml`) relative to this sheet's folder. See [`crate::rollup`].
    #[serde(default)]
    pub children: Vec<String>,
    /// Reshapes the outline of the documents without a template: sections after or before
    /// a template block, replaced, renamed, dropped (see [`sections::SectionSpec`]).
    #[serde(default)]
    pub sections: Vec<sections::SectionSpec>,
}

impl FactSheet {
    /// Who issues document `spec`: its own issuer when it names one, else the sheet's.
    pub fn issuer_of<'a>(&'a self, spec: &'a DocumentSpec) -> &'a Issuer {
        spec.issuer.as_ref().unwrap_or(&self.issuer)
    }
}

/// The commented skeleton `vanban init` prints (also checked by the tests to load cleanly).
pub const SKELETON: &str = include_str!("../../templates/fact-sheet.yaml");
