//! Benchmark of the PDF writer (`cargo bench --bench pdf`): the cost of a fresh renderer's
//! first document, then warm renders of the sample — repeated as is (Typst's memo cache
//! hits) and with every paragraph changed (a batch of new documents) — plain and PDF/A-2b.

use std::hint::black_box;
use std::time::{Duration, Instant};

use vanban::document::sample::sample_document;
use vanban::document::{Block, Document, Inline, Span};
use vanban::writer::pdf::{PdfOptions, PdfRenderer};

mod common;
use common::cpu_time;

const WARMUP: usize = 20;
const RUNS: usize = 200;

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// Which cases to run: `VANBAN_BENCH=new` runs only those whose label contains `new` (for a
/// profiler); `VANBAN_BENCH_RUNS` sets the number of timed runs.
fn selected(label: &str) -> bool {
    std::env::var("VANBAN_BENCH").map_or(true, |only| label.contains(&only))
}

fn runs() -> usize {
    std::env::var("VANBAN_BENCH_RUNS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(RUNS)
}

/// The sample with iteration `i` written into every paragraph, so no paragraph's layout can
/// come from the cache of an earlier iteration.
fn variant(base: &Document, i: usize) -> Document {
    let mut doc = base.clone();
    doc.header.number_line = format!("Số: {i}/BC-BCĐ");
    for block in &mut doc.body {
        if let Block::Paragraph { content, .. } | Block::ListItem { content, .. } = block {
            content.push(Inline::Text(Span::plain(format!(" (bản {i})"))));
        }
    }
    doc
}

fn bench(
    label: &str,
    renderer: &PdfRenderer,
    opts: PdfOptions,
    doc_for: impl Fn(usize) -> Document,
) -> anyhow::Result<()> {
    if !selected(label) {
        return Ok(());
    }
    let runs = runs();
    for i in 0..WARMUP {
        black_box(renderer.render(&doc_for(i), opts)?);
    }
    let mut times = Vec::with_capacity(runs);
    let mut cpu = Duration::ZERO;
    let mut bytes = 0;
    for i in 0..runs {
        let doc = doc_for(WARMUP + i);
        let (start, start_cpu) = (Instant::now(), cpu_time());
        let pdf = renderer.render(&doc, opts)?;
        times.push(start.elapsed());
        cpu += cpu_time().saturating_sub(start_cpu);
        bytes = pdf.len();
    }
    times.sort();
    let mean = ms(times.iter().sum::<Duration>()) / runs as f64;
    let median = ms(times[runs / 2]);
    println!(
        "{label:<36} CPU {:6.2} ms  wall mean {mean:6.2} median {median:6.2} min {:6.2} ms  ({} KiB)",
        ms(cpu) / runs as f64,
        ms(times[0]),
        bytes / 1024
    );
    Ok(())
}

/// Pages of a PDF, via pdfinfo (outside the timed code); `?` if poppler is not installed.
fn pages(pdf: &[u8]) -> String {
    let path = std::env::temp_dir().join(format!("vanban-bench-{}.pdf", std::process::id()));
    let count = std::fs::write(&path, pdf).ok().and_then(|_| {
        let out = std::process::Command::new("pdfinfo")
            .arg(&path)
            .output()
            .ok()?;
        let info = String::from_utf8(out.stdout).ok()?;
        info.lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .map(|n| n.trim().to_string())
    });
    let _ = std::fs::remove_file(&path);
    count.unwrap_or_else(|| "?".into())
}

fn main() -> anyhow::Result<()> {
    let sample = sample_document();

    // The first document of a fresh process: font parsing, library build, layout parsing and
    // Typst's cold caches.
    let start = Instant::now();
    let renderer = PdfRenderer::new()?;
    let created = start.elapsed();
    let start = Instant::now();
    let first = renderer.render(&sample, PdfOptions::default())?;
    let first_doc = start.elapsed();
    println!(
        "fresh renderer: new {:.2} ms, first document {:.2} ms; sample = {} pages, {} KiB",
        ms(created),
        ms(first_doc),
        pages(&first),
        first.len() / 1024
    );
    let start = Instant::now();
    let pdf_a = renderer.render(&sample, PdfOptions { pdf_a: true })?;
    println!(
        "first PDF/A-2b document {:.2} ms, {} KiB",
        ms(start.elapsed()),
        pdf_a.len() / 1024
    );

    let plain = PdfOptions::default();
    let archival = PdfOptions { pdf_a: true };
    println!(
        "warm, {} runs after {WARMUP} warm-up runs (CPU = this thread's CPU time per document, mean):",
        runs()
    );
    bench("same sample, plain", &renderer, plain, |_| sample.clone())?;
    bench("same sample, PDF/A-2b", &renderer, archival, |_| {
        sample.clone()
    })?;
    bench("new document each run, plain", &renderer, plain, |i| {
        variant(&sample, i)
    })?;
    bench(
        "new document each run, PDF/A-2b",
        &renderer,
        archival,
        |i| variant(&sample, i),
    )?;

    // The shipped example, through the whole pipeline up to the Document (outside the timing):
    // re-rendered as is, and with one figure corrected each run (the clerk's usual case).
    let example = example_document(None)?;
    println!(
        "example data/phuong-ba-dinh-2024.yaml = {} pages",
        pages(&renderer.render(&example, archival)?)
    );
    bench("example, same, PDF/A-2b", &renderer, archival, |_| {
        example.clone()
    })?;
    let corrected: Vec<Document> = if selected("example, one figure changed, PDF/A") {
        (0..WARMUP + runs())
            .map(|i| example_document(Some(i)))
            .collect::<anyhow::Result<_>>()?
    } else {
        Vec::new()
    };
    bench(
        "example, one figure changed, PDF/A",
        &renderer,
        archival,
        |i| corrected[i].clone(),
    )?;
    bench(
        "example, every paragraph new, PDF/A",
        &renderer,
        archival,
        |i| variant(&example, i),
    )?;
    Ok(())
}

/// The example's BÁO CÁO as a Document; `tip_offs` set to 1000 + `n` when given, so every
/// such document differs from the last in one sentence.
fn example_document(n: Option<usize>) -> anyhow::Result<Document> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut text = std::fs::read_to_string(root.join("data/phuong-ba-dinh-2024.yaml"))?;
    if let Some(n) = n {
        text = text.replace("  tip_offs: 55", &format!("  tip_offs: {}", 1000 + n));
    }
    let file = std::env::temp_dir().join(format!("vanban-bench-{}.yaml", std::process::id()));
    std::fs::write(&file, text)?;
    let templates = vanban::template::Templates::load(None)?;
    let checked = vanban::check(&file, &templates, None).map_err(|d| anyhow::anyhow!("{d}"))?;
    let _ = std::fs::remove_file(&file);
    let mut docs =
        vanban::build_documents(&checked, &templates).map_err(|d| anyhow::anyhow!("{d}"))?;
    docs.pop()
        .map(|(_, doc)| doc)
        .ok_or_else(|| anyhow::anyhow!("the example issues no document"))
}
