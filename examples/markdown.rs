//! Writes the Markdown vanban's templates produce for fact sheets — the text other tools
//! (pandoc) can be timed on in `benches/compare.sh`:
//!
//! ```sh
//! cargo run --release --example markdown -- OUT-DIR FACT-SHEET...
//! ```
//!
//! One `OUT-DIR/<sheet stem>-<template>.md` per document: the kind and the trích yếu as a
//! heading, then the body exactly as the template rendered it (the ND30 header block and the
//! signature, which vanban lays out itself, are not Markdown and are left out).

use std::path::PathBuf;

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args_os().skip(1).map(PathBuf::from);
    let out = args
        .next()
        .ok_or_else(|| anyhow::anyhow!("usage: markdown OUT-DIR FACT-SHEET..."))?;
    std::fs::create_dir_all(&out)?;
    let templates = vanban::template::Templates::load(None)?;
    let mut written = 0;
    for file in args {
        let checked = vanban::check(&file, &templates, None).map_err(|d| anyhow::anyhow!("{d}"))?;
        let sheet = &checked.loaded.sheet;
        let stem = file
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        // The contexts `render` uses (roll-up and cross-references included).
        for (spec, value) in sheet
            .documents
            .iter()
            .zip(vanban::contexts(&checked, &templates))
        {
            let ctx = tera::Context::from_serialize(&value)?;
            let rendered = templates
                .render(&spec.template, &ctx)
                .map_err(|d| anyhow::anyhow!("{d}"))?;
            let text = format!(
                "# {}\n\n**{}**\n\n{}",
                rendered.kind, rendered.title, rendered.body
            );
            std::fs::write(out.join(format!("{stem}-{}.md", spec.template)), text)?;
            written += 1;
        }
    }
    println!("wrote {written} Markdown files to {}", out.display());
    Ok(())
}
