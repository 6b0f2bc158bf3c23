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
pub mod describe;
pub mod diagnostic;
pub mod document;
pub mod explain;
pub mod factsheet;
pub mod i18n;
pub mod locale;
pub mod output;
pub mod phrase;
pub mod rollup;
pub mod serve;
pub mod source;
pub mod template;
pub mod workbook;
pub mod writer;

mod check;
mod produce;

pub use check::{CheckOptions, Checked, check, check_bytes, check_with};
pub use produce::{
    Format, RenderOptions, build_document, build_documents, contexts, output_dir, produce,
    render_checked,
};
