//! vanban — facts in, documents out.
//!
//! The pipeline (see DESIGN.md): fact sheet → checked facts (against the typed frame, the
//! rules and the declarations of the templates its documents use) → derived figures →
//! template → Markdown → [`document::Document`] → writers (DOCX, PDF, text). `check` runs the
//! whole pipeline in memory; `render` is `check` plus writing the files, so a sheet that
//! passes `check` renders.

#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic
    )
)]

pub mod app;
pub mod batch;
pub mod compose;
pub mod context;
pub mod contract;
pub mod derive;
pub mod diagnostic;
pub mod document;
pub mod explain;
pub mod factsheet;
pub mod locale;
pub mod output;
pub mod phrase;
pub mod rollup;
pub mod template;
pub mod workbook;
pub mod writer;

mod check;
mod produce;

pub use check::{CheckOptions, check, check_bytes, check_with};
pub(crate) use check::{check_in, contracts};
pub use produce::{
    RenderOptions, build_document, build_documents, contexts, output_dir, produce, render_checked,
};

use diagnostic::Diagnostics;
use factsheet::load::Loaded;
use serde_json::{Map, Value};

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Format {
    Docx,
    Pdf,
    Txt,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Docx => "docx",
            Format::Pdf => "pdf",
            Format::Txt => "txt",
        }
    }
}

/// A fact sheet that passed every check, with its open data as templates see it.
#[derive(Debug, Clone)]
pub struct Checked {
    pub loaded: Loaded,
    /// `data:` normalised by the declarations.
    pub data: Map<String, Value>,
    pub warnings: Diagnostics,
    /// What the documents depend on besides the templates and the render options: the fact
    /// sheet itself, and whatever else the check read (the incremental render re-checks them).
    pub dependencies: Vec<factsheet::load::Dependency>,
    /// The figures a workbook supplied, by field path, with their place:
    /// `so-lieu.xlsx:'Số liệu'!C5` (a parent's message about this sheet's figure cites it).
    pub cells: std::collections::BTreeMap<String, String>,
    /// The roll-up over the sheet's `children:`; `None` for a sheet without children.
    /// `rollup.files` and `rollup.globs` are what its documents depend on beyond the sheet.
    pub rollup: Option<rollup::RollUp>,
}
