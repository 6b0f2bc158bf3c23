//! The integration tests, as ONE test binary (each extra `tests/*.rs` would link the whole
//! typst stack again): they run the `vanban` binary on fixtures and read the DOCX XML and the
//! PDF text.

mod common;

mod absent;
mod bad_inputs;
mod batch;
mod bounds;
mod charts;
mod cli;
mod document_model;
mod docx_writer;
mod dossier;
mod explain;
mod injection;
mod lang;
mod open_data;
mod pdf_writer;
mod plan_and_periodic;
mod properties;
mod render_example;
mod render_pdf;
mod rollup;
mod sections;
mod serve;
mod tables;
mod truthful;
mod twins;
mod workbook;
