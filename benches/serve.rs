//! Benchmark of the editor's live preview (`cargo bench --bench serve`): on a warm editor,
//! the preview after one edit of the Ba Đình sheet (four documents) — the edit applied to the
//! YAML in memory, the sheet checked, the documents built and laid out as SVG pages. Each run
//! types a new number of households, as a clerk typing does, so the paragraphs that cite it
//! are laid out anew while the rest comes from Typst's memo cache. The target is a median of
//! at most 50 ms.

use std::hint::black_box;
use std::time::{Duration, Instant};

use vanban::serve::Editor;
use vanban::serve::edit::Edit;

mod common;

const WARMUP: usize = 10;
const RUNS: usize = 60;
const SHEET: &str = "phuong-ba-dinh-2024.yaml";

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn edit(i: usize) -> Vec<Edit> {
    vec![Edit {
        field: "unit.households".into(),
        value: (3600 + i).to_string(),
    }]
}

fn main() -> anyhow::Result<()> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let start = Instant::now();
    let editor = Editor::new(&dir, None)?;
    let first = editor
        .preview(SHEET, &[])
        .map_err(|e| anyhow::anyhow!("{}", e.message))?;
    let pages: usize = first.documents.iter().map(|d| d.pages.len()).sum();
    println!(
        "cold: editor and first preview {:.1} ms; {} documents, {pages} pages",
        ms(start.elapsed()),
        first.documents.len()
    );
    anyhow::ensure!(
        first.documents.len() == 4,
        "the Ba Đình sheet has four documents"
    );
    for i in 0..WARMUP {
        black_box(
            editor
                .preview(SHEET, &edit(i))
                .map_err(|e| anyhow::anyhow!("{}", e.message))?,
        );
    }
    let mut times = Vec::with_capacity(RUNS);
    let mut cpu = Duration::ZERO;
    for i in 0..RUNS {
        let edits = edit(WARMUP + i);
        let (t, c) = (Instant::now(), common::cpu_time());
        let p = editor
            .preview(SHEET, &edits)
            .map_err(|e| anyhow::anyhow!("{}", e.message))?;
        times.push(t.elapsed());
        cpu += common::cpu_time().saturating_sub(c);
        let want = format!("{}", 3600 + WARMUP + i);
        let shown = p
            .documents
            .first()
            .is_some_and(|d| d.text.replace('.', "").contains(&format!("có {want} hộ")));
        anyhow::ensure!(shown, "the preview shows the edited households ({want})");
    }
    times.sort();
    let median = ms(times[RUNS / 2]);
    println!(
        "preview after one edit, warm, {RUNS} runs: median {median:.1} ms, min {:.1}, p90 {:.1}, max {:.1} ms (this thread's CPU {:.1} ms mean; layout runs on rayon's threads too)",
        ms(times[0]),
        ms(times[RUNS * 9 / 10]),
        ms(times[RUNS - 1]),
        ms(cpu) / RUNS as f64
    );
    println!(
        "target: median ≤ 50 ms — {}",
        if median <= 50.0 { "met" } else { "NOT met" }
    );
    Ok(())
}
