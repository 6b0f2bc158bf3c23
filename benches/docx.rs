//! Benchmark of the DOCX writer (`cargo bench --bench docx`): milliseconds per document in a
//! warm process, for the sample and for the shipped example, at the zip deflate level the
//! writer uses (1), with the binary's allocator. Prints CPU time (this thread's, from Linux's
//! schedstat) beside the wall clock, which on a shared machine also counts other programs'
//! turns.

use std::hint::black_box;
use std::time::Instant;

use vanban::document::Document;
use vanban::document::sample::sample_document;

mod common;
use common::cpu_time;

const WARMUP: usize = 50;
const RUNS: usize = 1000;

fn bench(label: &str, doc: &Document) -> anyhow::Result<()> {
    for _ in 0..WARMUP {
        black_box(vanban::writer::docx::write(doc)?);
    }
    let (start, start_cpu) = (Instant::now(), cpu_time());
    let mut bytes = 0;
    for _ in 0..RUNS {
        bytes = black_box(vanban::writer::docx::write(doc)?).len();
    }
    let wall = start.elapsed().as_secs_f64() * 1e3 / RUNS as f64;
    let cpu = cpu_time().saturating_sub(start_cpu).as_secs_f64() * 1e3 / RUNS as f64;
    println!("{label:<28} CPU {cpu:6.3} ms  wall {wall:6.3} ms per document  ({bytes} bytes)");
    Ok(())
}

fn main() -> anyhow::Result<()> {
    bench("sample (3 pages)", &sample_document())?;
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let templates = vanban::template::Templates::load(None)?;
    let checked = vanban::check(
        &root.join("data/phuong-ba-dinh-2024.yaml"),
        &templates,
        None,
    )
    .map_err(|d| anyhow::anyhow!("{d}"))?;
    let docs = vanban::build_documents(&checked, &templates).map_err(|d| anyhow::anyhow!("{d}"))?;
    for (name, doc) in &docs {
        bench(&format!("example {name}"), doc)?;
    }
    Ok(())
}
