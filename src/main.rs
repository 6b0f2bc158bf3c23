//! The `vanban` command line: parses arguments, calls the library, prints, sets the exit code
//! (0 success, 1 invalid input or failed output, 2 usage error).

#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic
    )
)]

use anyhow::Result;
use clap::{Parser, Subcommand, ValueEnum};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use vanban::batch;
use vanban::diagnostic::{Diagnostic, Diagnostics};
use vanban::template::Templates;
use vanban::workbook::Workbook;
use vanban::{CheckOptions, Format, RenderOptions};

// The PDF writer allocates heavily (Typst's layout, krilla's export): mimalloc keeps a batch's
// threads from contending on the system allocator and its memory from fragmenting.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "vanban",
    version,
    about = "Turns YAML fact sheets into Vietnamese administrative documents (ND30 DOCX and PDF)"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Render every document of the fact sheets (files, or folders searched for *.yaml, *.yml)
    Render {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Output folder; each fact sheet gets a subfolder named after it
        #[arg(short, long, default_value = "output")]
        out: PathBuf,
        /// Formats to write, comma-separated
        #[arg(long, value_delimiter = ',', default_value = "docx,pdf")]
        format: Vec<FormatArg>,
        /// Folder of *.md.tera templates that override or extend the built-in ones
        #[arg(long)]
        templates: Option<PathBuf>,
        /// PDF standard: a-2b (PDF/A-2b, for archiving) or none
        #[arg(long, default_value = "a-2b")]
        pdf_standard: PdfStandardArg,
        /// How to print problems on stderr: human (default) or json (one object per line)
        #[arg(long, value_enum, default_value_t = MessageFormat::Human)]
        message_format: MessageFormat,
        /// Render every fact sheet, even those whose documents are up to date
        #[arg(long)]
        force: bool,
        /// A filled data-entry workbook (.xlsx or .csv, see `vanban workbook`): each fact
        /// sheet's figures are taken from its row
        #[arg(long, value_name = "FILE")]
        figures: Option<PathBuf>,
    },
    /// Check fact sheets; print every problem, exit 1 if there is an error
    Check {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[arg(long)]
        templates: Option<PathBuf>,
        /// A filled data-entry workbook (.xlsx or .csv): figures from each sheet's row
        #[arg(long, value_name = "FILE")]
        figures: Option<PathBuf>,
        /// How to print problems on stderr: human (default) or json (one object per line)
        #[arg(long, value_enum, default_value_t = MessageFormat::Human)]
        message_format: MessageFormat,
    },
    /// Where every number of each document comes from: the typed figure (file:line:col),
    /// the children summed, the workbook cell, the computation or the template's own text
    Explain {
        sheet: PathBuf,
        /// Only the document of this template
        #[arg(long, value_name = "NAME")]
        document: Option<String>,
        /// text (default) or json
        #[arg(long, value_enum, default_value_t = ExplainFormat::Text)]
        format: ExplainFormat,
        #[arg(long)]
        templates: Option<PathBuf>,
        /// The data-entry workbook the sheet is rendered with (.xlsx or .csv)
        #[arg(long, value_name = "FILE")]
        figures: Option<PathBuf>,
    },
    /// Show how the documents' text changes between two versions of a fact sheet
    Diff {
        old: PathBuf,
        new: PathBuf,
        #[arg(long)]
        templates: Option<PathBuf>,
    },
    /// Print a commented fact-sheet skeleton to start from
    Init {
        /// Level of the unit: xa, phuong, thi_tran, khu_dan_cu, huyen, tinh
        #[arg(long, alias = "level", default_value = "phuong")]
        kind: String,
        /// Print exactly what this template reads
        #[arg(long)]
        template: Option<String>,
        #[arg(long)]
        templates: Option<PathBuf>,
    },
    /// Write a data-entry workbook (.xlsx): a column per figure the template declares, a row
    /// per unit prefilled with its fact sheet's figures; fill it, then `render --figures`
    Workbook {
        /// The template whose figures are the columns (`vanban templates` lists them)
        template: String,
        /// Fact sheets to give a row each: folders (searched recursively) or files
        #[arg(long, num_args = 1..)]
        units: Vec<PathBuf>,
        /// The workbook to write [default: so-lieu-TEMPLATE.xlsx]
        #[arg(short, long)]
        out: Option<PathBuf>,
        #[arg(long)]
        templates: Option<PathBuf>,
    },
    /// List the templates and the facts each one uses; with NAME, that template alone and
    /// the blocks a fact sheet's `sections:` can anchor to
    Templates {
        /// One template to show (its declarations and its blocks)
        name: Option<String>,
        #[arg(long)]
        templates: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    Docx,
    Pdf,
    Txt,
}

/// How diagnostics are printed on stderr.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum MessageFormat {
    /// `file:line:col: error: field: message` with a `help:` line, and a summary per file
    Human,
    /// One JSON object per diagnostic per line:
    /// {"file","line","column","severity","field","message","help"}; nothing else
    Json,
}

/// How `explain` prints.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ExplainFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum PdfStandardArg {
    #[value(name = "a-2b")]
    A2b,
    None,
}

/// Writes to stdout. A closed pipe (`vanban templates | head`) is not an error worth a panic
/// or a lost render: what is printed is informational, so write failures are ignored.
fn say(text: &str) {
    use std::io::Write;
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}

fn print_diagnostics(d: &Diagnostics) {
    report(d, MessageFormat::Human);
}

/// The run's repeated warnings, grouped in human output (JSON gets every one).
static GROUPED: vanban::diagnostic::Grouper = vanban::diagnostic::Grouper::new();

/// Prints diagnostics on stderr in `format`.
fn report(d: &Diagnostics, format: MessageFormat) {
    if d.0.is_empty() {
        return;
    }
    match format {
        MessageFormat::Human => eprint!("{}", GROUPED.filter(d)),
        MessageFormat::Json => eprint!("{}", d.to_json_lines()),
    }
}

/// The warnings left unprinted by [`report`], one line per kind.
fn report_grouped(format: MessageFormat) {
    if format == MessageFormat::Human {
        for line in GROUPED.summary() {
            eprintln!("{line}");
        }
    }
}

/// A per-file summary line: human text only; JSON output carries diagnostics alone.
fn summary(text: &str, format: MessageFormat) {
    if format == MessageFormat::Human {
        eprintln!("{text}");
    }
}

/// An error that is not about one place of a fact sheet (an unreadable templates folder, a
/// failed write), as one diagnostic of `file`.
fn failure(file: &Path, message: String) -> Diagnostics {
    let mut d = Diagnostic::error("", message);
    d.file = file.to_path_buf();
    Diagnostics(vec![d])
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let format = match &cli.command {
        Command::Render { message_format, .. } | Command::Check { message_format, .. } => {
            *message_format
        }
        _ => MessageFormat::Human,
    };
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            match format {
                MessageFormat::Human => eprintln!("error: {e:#}"),
                MessageFormat::Json => report(&failure(Path::new(""), format!("{e:#}")), format),
            }
            ExitCode::from(1)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Render {
            paths,
            out,
            format,
            templates,
            pdf_standard,
            message_format,
            force,
            figures,
        } => {
            let templates = Templates::load(templates.as_deref())?;
            let Some(workbook) = read_workbook(figures.as_deref(), message_format) else {
                return Ok(ExitCode::from(1));
            };
            let mut formats: Vec<Format> = format
                .iter()
                .map(|f| match f {
                    FormatArg::Docx => Format::Docx,
                    FormatArg::Pdf => Format::Pdf,
                    FormatArg::Txt => Format::Txt,
                })
                .collect();
            formats.sort();
            formats.dedup();
            let options = RenderOptions {
                out_dir: out,
                formats,
                pdf: vanban::writer::pdf::PdfOptions {
                    pdf_a: matches!(pdf_standard, PdfStandardArg::A2b),
                },
            };
            let pdf = if options.formats.contains(&Format::Pdf) {
                Some(vanban::writer::pdf::PdfRenderer::new()?)
            } else {
                None
            };
            let (jobs, problems) = batch::expand::expand(&paths);
            let clashes = batch::expand::collisions(&jobs, &options.out_dir);
            if !clashes.is_empty() {
                report(&Diagnostics(clashes), message_format);
                return Ok(ExitCode::from(1));
            }
            report(&Diagnostics(problems.clone()), message_format);
            if let Some(workbook) = &workbook {
                // A row for a sheet below a parent given is used by the parent's roll-up.
                let sheets: Vec<PathBuf> = jobs.iter().map(|j| j.sheet.clone()).collect();
                let parents = vanban::rollup::Parents::of(&sheets, &templates, None);
                let rows = workbook
                    .rows_without_sheet(sheets.iter().chain(parents.below()).map(PathBuf::as_path));
                report(&rows, message_format);
            }
            let digests = workbook
                .as_ref()
                .map(vanban::workbook::row_digests)
                .unwrap_or_default();
            let batch_options = batch::Options {
                render: options,
                force,
                progress: message_format == MessageFormat::Human && std::io::stderr().is_terminal(),
                digests: &digests,
                workbook: workbook.as_ref(),
            };
            let print = |job: &batch::expand::Job, outcome: &batch::Outcome| match outcome {
                batch::Outcome::Written { files, warnings } => {
                    report(warnings, message_format);
                    let paths: String =
                        files.iter().map(|p| format!("{}\n", p.display())).collect();
                    say(&paths);
                }
                batch::Outcome::Skipped => {}
                batch::Outcome::Refused(diagnostics) => {
                    report(diagnostics, message_format);
                    summary(
                        &format!(
                            "{}: not rendered: {} error(s)",
                            job.sheet.display(),
                            diagnostics.error_count()
                        ),
                        message_format,
                    );
                }
                batch::Outcome::Failed(diagnostics) => report(diagnostics, message_format),
            };
            let done = batch::render(&jobs, &templates, &batch_options, pdf.as_ref(), &print);
            if let Some(d) = &done.manifest_error {
                report(&Diagnostics(vec![d.clone()]), message_format);
            }
            report_grouped(message_format);
            if jobs.len() > 1 || done.skipped > 0 || done.removed > 0 || !problems.is_empty() {
                summary(done.to_string().trim_end(), message_format);
            }
            Ok(if done.failed() == 0 && problems.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        Command::Check {
            paths,
            templates,
            figures,
            message_format,
        } => {
            let templates = Templates::load(templates.as_deref())?;
            let Some(workbook) = read_workbook(figures.as_deref(), message_format) else {
                return Ok(ExitCode::from(1));
            };
            // Everything render does but writing: the documents are built and written to
            // memory in both formats, so a sheet that passes renders.
            let pdf = vanban::writer::pdf::PdfRenderer::new()?;
            let covers = |c: char| pdf.covers(c);
            let options = RenderOptions {
                out_dir: PathBuf::from("output"),
                formats: vec![Format::Docx, Format::Pdf],
                pdf: vanban::writer::pdf::PdfOptions { pdf_a: true },
            };
            let (jobs, problems) = batch::expand::expand(&paths);
            report(&Diagnostics(problems.clone()), message_format);
            let mut failed = !problems.is_empty();
            let loads = vanban::factsheet::load::Loads::default();
            let sheets: Vec<PathBuf> = jobs.iter().map(|j| j.sheet.clone()).collect();
            let parents = vanban::rollup::Parents::of(&sheets, &templates, Some(&loads));
            // A row for a sheet below a parent given is used by the parent's roll-up.
            let unused_rows = workbook.as_ref().map(|w| {
                w.rows_without_sheet(sheets.iter().chain(parents.below()).map(PathBuf::as_path))
            });
            for file in sheets {
                let check = CheckOptions {
                    covers: Some(&covers),
                    workbook: workbook.as_ref(),
                    loads: Some(&loads),
                    parents: Some(&parents),
                };
                let result = vanban::check_with(&file, &templates, &check).and_then(|checked| {
                    vanban::produce(&checked, &templates, &options, Some(&pdf))
                        .map(|_| checked.warnings)
                });
                match result {
                    Ok(warnings) => {
                        report(&warnings, message_format);
                        summary(&format!("{}: ok", file.display()), message_format);
                    }
                    Err(diagnostics) => {
                        report(&diagnostics, message_format);
                        summary(
                            &format!("{}: {} error(s)", file.display(), diagnostics.error_count()),
                            message_format,
                        );
                        failed = true;
                    }
                }
            }
            // Reported after the sheets, as before: the rows nothing used.
            if let Some(rows) = &unused_rows {
                report(rows, message_format);
            }
            report_grouped(message_format);
            Ok(if failed {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Explain {
            sheet,
            document,
            format,
            templates,
            figures,
        } => {
            let templates = Templates::load(templates.as_deref())?;
            let Some(workbook) = read_workbook(figures.as_deref(), MessageFormat::Human) else {
                return Ok(ExitCode::from(1));
            };
            let check = CheckOptions {
                workbook: workbook.as_ref(),
                ..CheckOptions::default()
            };
            let explained = vanban::check_with(&sheet, &templates, &check).and_then(|checked| {
                vanban::explain::explain(
                    &checked,
                    &templates,
                    workbook.as_ref(),
                    document.as_deref(),
                )
            });
            match explained {
                Ok(e) => {
                    match format {
                        ExplainFormat::Text => say(&e.to_text()),
                        ExplainFormat::Json => {
                            say(&format!("{}\n", serde_json::to_string_pretty(&e)?))
                        }
                    }
                    Ok(ExitCode::SUCCESS)
                }
                Err(d) => {
                    print_diagnostics(&d);
                    Ok(ExitCode::from(1))
                }
            }
        }
        Command::Diff {
            old,
            new,
            templates,
        } => {
            let templates = Templates::load(templates.as_deref())?;
            let old_docs = texts(&old, &templates)?;
            let new_docs = texts(&new, &templates)?;
            let Some((old_docs, new_docs)) = old_docs.zip(new_docs) else {
                return Ok(ExitCode::from(1));
            };
            for (name, new_text) in &new_docs {
                let old_text = old_docs
                    .iter()
                    .find(|(n, _)| n == name)
                    .map(|(_, t)| t.as_str())
                    .unwrap_or("");
                let diff = vanban::writer::text::diff_lines(old_text, new_text);
                if !diff.is_empty() {
                    say(&format!("=== {name}\n{diff}"));
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Init {
            kind,
            template,
            templates,
        } => {
            let Some(level) = vanban::contract::skeleton::parse_level(&kind) else {
                eprintln!(
                    "error: --kind {kind}: write one of xa, phuong, thi_tran, khu_dan_cu, huyen, tinh"
                );
                return Ok(ExitCode::from(2));
            };
            let Some(template) = template else {
                say(&vanban::factsheet::SKELETON
                    .replace("level: phuong", &format!("level: {kind}")));
                return Ok(ExitCode::SUCCESS);
            };
            let templates = Templates::load(templates.as_deref())?;
            if !templates.exists(&template) {
                eprintln!(
                    "error: there is no template `{template}` (run `vanban templates` for the list)"
                );
                return Ok(ExitCode::from(2));
            }
            let contract = templates.contract(&template);
            if !contract.levels.is_empty() && !contract.levels.contains(&level) {
                let words: Vec<&str> = contract.levels.iter().map(|l| l.word()).collect();
                eprintln!(
                    "error: `{template}` is written for a {}; pass --kind with one of them",
                    words.join(", ")
                );
                return Ok(ExitCode::from(2));
            }
            say(&vanban::contract::skeleton::skeleton(
                &template,
                &contract,
                level,
                this_year(),
            ));
            Ok(ExitCode::SUCCESS)
        }
        Command::Workbook {
            template,
            units,
            out,
            templates,
        } => {
            let templates = Templates::load(templates.as_deref())?;
            let out = out.unwrap_or_else(|| PathBuf::from(format!("so-lieu-{template}.xlsx")));
            match vanban::workbook::write::for_template(&templates, &template, &units) {
                Ok((bytes, warnings)) => {
                    print_diagnostics(&warnings);
                    vanban::output::write_atomic(&out, &bytes)?;
                    say(&format!("{}\n", out.display()));
                    Ok(ExitCode::SUCCESS)
                }
                Err(d) => {
                    print_diagnostics(&d);
                    Ok(ExitCode::from(1))
                }
            }
        }
        Command::Templates { name, templates } => {
            let templates = Templates::load(templates.as_deref())?;
            if let Some(name) = &name
                && !templates.exists(name)
            {
                let names: Vec<String> = templates.list().map(|(n, _)| n.to_string()).collect();
                match vanban::factsheet::load::nearest(name, &names) {
                    Some(best) => eprintln!(
                        "error: there is no template `{name}`; did you mean `{best}`? (run `vanban templates` for the list)"
                    ),
                    None => eprintln!(
                        "error: there is no template `{name}` (run `vanban templates` for the list)"
                    ),
                }
                return Ok(ExitCode::from(2));
            }
            for (name, origin) in templates
                .list()
                .filter(|(n, _)| name.as_deref().is_none_or(|only| only == *n))
            {
                let c = templates.contract(name);
                say(&format!("{name} ({origin})\n"));
                if let Some(about) = &c.about {
                    say(&format!("  {about}\n"));
                }
                if !c.levels.is_empty() {
                    let words: Vec<&str> = c.levels.iter().map(|l| l.word()).collect();
                    say(&format!("  for: {}\n", words.join(", ")));
                }
                if !c.periods.is_empty() {
                    let kinds: Vec<&str> = c.periods.iter().map(|k| k.name()).collect();
                    say(&format!("  periods: {}\n", kinds.join(", ")));
                }
                for p in templates.problems(name) {
                    say(&format!(
                        "  problem: {}\n",
                        p.to_string().replace('\n', "\n  ")
                    ));
                }
                for d in &c.reads {
                    let mut line = format!("  {:<34} {:<8} {}", d.name, d.kind.name(), d.label);
                    if d.required {
                        line.push_str(" (required)");
                    }
                    if d.kind.is_figure() && d.aggregate != vanban::contract::Aggregate::None {
                        line.push_str(&format!(
                            " [{}]",
                            match d.aggregate {
                                vanban::contract::Aggregate::Sum => "sum",
                                vanban::contract::Aggregate::Max => "max",
                                vanban::contract::Aggregate::None => "none",
                            }
                        ));
                    }
                    for f in &d.fields {
                        line.push_str(&format!(
                            "\n  {:<34} {:<8} {}",
                            format!("  .{}", f.name),
                            f.kind.name(),
                            f.label.as_deref().unwrap_or("")
                        ));
                    }
                    say(&format!("{}\n", line.trim_end()));
                }
                // The blocks a fact sheet's `sections:` anchors to, nested as in the body.
                let blocks = templates.blocks(name);
                if !blocks.is_empty() {
                    say("  blocks (sections: after, before, replace, drop, rename):\n");
                    print_blocks(&blocks, 2);
                }
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// A template's blocks, one a line, indented by nesting.
fn print_blocks(blocks: &[vanban::template::BlockNode], depth: usize) {
    for b in blocks {
        say(&format!("{}{}\n", "  ".repeat(depth), b.name));
        print_blocks(&b.children, depth + 1);
    }
}

/// The workbook of `--figures`, read once: `Some(None)` without one, `None` after printing
/// why it cannot be used.
fn read_workbook(file: Option<&Path>, format: MessageFormat) -> Option<Option<Workbook>> {
    let Some(file) = file else {
        return Some(None);
    };
    match vanban::workbook::read(file) {
        Ok(workbook) => {
            report(&workbook.warnings, format);
            Some(Some(workbook))
        }
        Err(d) => {
            report(&d, format);
            summary(
                &format!("{}: not used: {} error(s)", file.display(), d.error_count()),
                format,
            );
            None
        }
    }
}

/// This year, for the skeleton's period (no clock dependency: days since the epoch).
fn this_year() -> i32 {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    chrono::DateTime::from_timestamp(secs as i64, 0)
        .map(|t| chrono::Datelike::year(&t))
        .unwrap_or(2025)
}

/// The text of every document of a fact sheet, or `None` after printing its diagnostics.
fn texts(file: &Path, templates: &Templates) -> Result<Option<Vec<(String, String)>>> {
    match vanban::check(file, templates, None).and_then(|c| {
        print_diagnostics(&c.warnings);
        vanban::build_documents(&c, templates)
    }) {
        Err(d) => {
            print_diagnostics(&d);
            Ok(None)
        }
        Ok(documents) => Ok(Some(
            documents
                .into_iter()
                .map(|(name, doc)| (name, vanban::writer::text::write(&doc)))
                .collect(),
        )),
    }
}
