#![no_main]
//! Fact sheet loading and checking: any text must load or fail with diagnostics, and a
//! loaded sheet must validate and check without panicking.

use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(loaded) = vanban::factsheet::load::load_str(&text, Path::new("fuzz.yaml")) {
        let _ = vanban::factsheet::validate::validate(&loaded.sheet, &|_| true);
        let _ = vanban::contract::data::check(&loaded.tree, &vanban::contract::Merged::default());
    }
});
