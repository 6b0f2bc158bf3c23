//! PDF writer: lays a [`Document`] out in the Nghị định 30 format with Typst, compiled
//! in-process.
//!
//! The Typst source is a fixed layout file (`pdf/layout.typ`); the document reaches it only
//! as a virtual JSON file, turned into content with text functions, so characters such as
//! `#`, `$`, `*` or `@` in the data always print literally. Fonts are embedded in the binary
//! and the PDF's identifier and dates come from the document, so the same document gives
//! the same bytes on every machine and every run.

mod data;
mod dehint;
mod world;

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use anyhow::{Context, anyhow};
use chrono::Datelike;
use typst::foundations::{Datetime, Smart};
use typst_layout::PagedDocument;
use typst_pdf::{PdfStandard, PdfStandards, Timestamp};

use crate::document::Document;
use world::{DocWorld, Shared};

/// Options for the PDF writer.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PdfOptions {
    /// Produce PDF/A-2b (archival) instead of plain PDF 1.7.
    pub pdf_a: bool,
}

/// Typst's memo cache is global and grows with every new document. Every `EVICT_EVERY`
/// renders, drop what was not used since the last `EVICT_MAX_AGE` evictions: a long batch
/// stays bounded while the parts every document shares (header, closing) stay cached.
const EVICT_EVERY: usize = 8;
const EVICT_MAX_AGE: usize = 4;

/// A reusable renderer: holds the parsed fonts, the parsed layout and the Typst library, so
/// a batch of documents in one process pays for them once. `Sync`: one renderer can serve
/// parallel renders.
pub struct PdfRenderer {
    shared: Shared,
    renders: AtomicUsize,
    /// SVG of pages already exported, by the hash of the laid-out page: a preview after one
    /// edit exports again only the pages that edit changed.
    svgs: Mutex<HashMap<u128, Arc<str>>>,
}

/// Pages kept in [`PdfRenderer::svgs`] before it is emptied (a few sheets' worth).
const SVG_CACHE: usize = 200;

impl PdfRenderer {
    /// Parses the embedded fonts and the layout and builds the Typst library (about 1 ms).
    pub fn new() -> anyhow::Result<Self> {
        Ok(PdfRenderer {
            shared: Shared::new()?,
            renders: AtomicUsize::new(0),
            svgs: Mutex::default(),
        })
    }

    /// Whether the embedded fonts print `c` in every style (what `check` tests every
    /// character of a fact sheet against).
    pub fn covers(&self, c: char) -> bool {
        self.shared.covers(c)
    }

    /// Lays `doc` out with Typst: the pages the PDF prints, and the world that made them
    /// (whose sources name the places of later export errors).
    fn layout<'a>(&'a self, doc: &Document) -> anyhow::Result<(PagedDocument, DocWorld<'a>)> {
        let data = data::to_json(doc, &|c| self.shared.covers(c))?;
        let today = typst_date(doc.meta.date)?;
        let world = DocWorld::new(&self.shared, data, today);

        let compiled = typst::compile::<PagedDocument>(&world);
        // A warning means the layout met something it did not expect (an unknown font, a
        // label attached to nothing…); the PDF may look wrong, so it is an error, not a note.
        // (Missing glyphs raise no warning in Typst; data.rs checks them before compiling.)
        let paged = match compiled.output {
            Ok(paged) if compiled.warnings.is_empty() => paged,
            Ok(_) => {
                return Err(anyhow!(
                    "typst layout: {}",
                    world.describe(&compiled.warnings)
                ));
            }
            Err(errors) => {
                let mut all: Vec<_> = errors.iter().cloned().collect();
                all.extend(compiled.warnings.iter().cloned());
                return Err(anyhow!("typst layout: {}", world.describe(&all)));
            }
        };
        self.evict_now_and_then();
        Ok((paged, world))
    }

    /// Every few renders, drops the memo cache's stale entries (see [`EVICT_EVERY`]).
    fn evict_now_and_then(&self) {
        if self.renders.fetch_add(1, Ordering::Relaxed) % EVICT_EVERY == EVICT_EVERY - 1 {
            typst::comemo::evict(EVICT_MAX_AGE);
        }
    }

    /// The pages of `doc` as the PDF lays them out, each an SVG image (the editor's live
    /// preview, `vanban serve`).
    pub fn svg_pages(&self, doc: &Document) -> anyhow::Result<Vec<Arc<str>>> {
        let (paged, _) = self.layout(doc)?;
        let options = typst_svg::SvgOptions::default();
        Ok(paged
            .pages()
            .iter()
            .map(|page| {
                let key = typst::utils::hash128(page);
                if let Some(svg) = self.svg_cache().get(&key) {
                    return Arc::clone(svg);
                }
                let svg: Arc<str> = typst_svg::svg(page, &options).into();
                let mut cache = self.svg_cache();
                if cache.len() >= SVG_CACHE {
                    cache.clear();
                }
                cache.insert(key, Arc::clone(&svg));
                svg
            })
            .collect())
    }

    fn svg_cache(&self) -> std::sync::MutexGuard<'_, HashMap<u128, Arc<str>>> {
        // A poisoned lock only means another export panicked: the map is still sound.
        self.svgs.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Renders `doc` to the bytes of a PDF file.
    pub fn render(&self, doc: &Document, opts: PdfOptions) -> anyhow::Result<Vec<u8>> {
        let date = doc.meta.date;
        let (paged, world) = self.layout(doc)?;
        let standards = if opts.pdf_a {
            PdfStandards::new(&[PdfStandard::A_2b])
                .map_err(|e| anyhow!("PDF/A-2b: {}", e.message()))?
        } else {
            PdfStandards::default()
        };
        let pdf_options = typst_pdf::PdfOptions {
            // Typst hashes this into the PDF's /ID; without it the ID comes from title and
            // author only, and two numbered documents with one title would share it.
            ident: Smart::Custom(format!(
                "vanban|{}|{}|{}",
                doc.meta.title, doc.header.number_line, date
            )),
            creator: Smart::Custom(Some(concat!("vanban ", env!("CARGO_PKG_VERSION")).into())),
            // The document's date at midnight UTC, never the clock: same input, same bytes.
            timestamp: Some(Timestamp::new_utc(
                Datetime::from_ymd_hms(date.year(), date.month() as u8, date.day() as u8, 0, 0, 0)
                    .ok_or_else(|| anyhow!("document date {date} is out of range"))?,
            )),
            standards,
            ..typst_pdf::PdfOptions::default()
        };
        let pdf = typst_pdf::pdf(&paged, &pdf_options)
            .map_err(|errors| anyhow!("PDF export: {}", world.describe(&errors)))
            .context(if opts.pdf_a {
                "writing PDF/A-2b"
            } else {
                "writing PDF"
            })?;
        Ok(pdf)
    }
}

fn typst_date(date: chrono::NaiveDate) -> anyhow::Result<Datetime> {
    Datetime::from_ymd(date.year(), date.month() as u8, date.day() as u8)
        .ok_or_else(|| anyhow!("document date {date} is out of range"))
}

/// One-shot convenience: renders with a renderer shared by the whole process, so repeated
/// calls still parse the fonts only once.
pub fn write(doc: &Document, opts: PdfOptions) -> anyhow::Result<Vec<u8>> {
    static SHARED: OnceLock<PdfRenderer> = OnceLock::new();
    let renderer = match SHARED.get() {
        Some(renderer) => renderer,
        None => {
            let renderer = PdfRenderer::new()?;
            SHARED.get_or_init(|| renderer)
        }
    };
    renderer.render(doc, opts)
}
