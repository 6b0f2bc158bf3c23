//! Helpers shared by the integration tests.

pub mod ooxml;
pub mod poppler;
pub mod run;
pub mod tmp;
pub mod webdriver;
