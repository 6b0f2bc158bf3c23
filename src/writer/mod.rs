//! Writers: each turns a [`crate::document::Document`] into bytes of one format. They know
//! nothing of fact sheets or templates.

pub mod docx;
pub mod layout;
pub(crate) mod measure;
pub mod pdf;
pub mod text;
