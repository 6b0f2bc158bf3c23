#![no_main]
//! Markdown body → Document → every writer (DOCX, text, PDF). Writers may return errors,
//! never panic.

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use vanban::writer::pdf::PdfRenderer;

static PDF: OnceLock<PdfRenderer> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    // Keep PDF renders fast.
    if data.len() > 4096 {
        return;
    }
    let text = String::from_utf8_lossy(data);
    // A malformed ```vanban block is an error, as it should be; nothing to render then.
    let Ok(body) = vanban::document::markdown::parse_body(&text) else {
        return;
    };
    let mut doc = vanban::document::sample::sample_document();
    doc.body = body.blocks;
    doc.footnotes = body.footnotes;
    doc.authority = body.authority;
    doc.addressees = body.addressees;
    if !body.signatures.is_empty() {
        doc.signatures = body.signatures;
    }
    doc.appendices = body.appendices;
    if doc.finish(vanban::document::Scheme::Sections).is_err() {
        return;
    }
    let _ = vanban::writer::docx::write(&doc);
    let _ = vanban::writer::text::write(&doc);
    let pdf = PDF.get_or_init(|| PdfRenderer::new().expect("PDF renderer"));
    let _ = pdf.render(&doc, Default::default());
});
