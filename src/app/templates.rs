//! `vanban templates`: the templates and the facts each one reads; with a name, that
//! template alone and the blocks a fact sheet's `sections:` can anchor to.

use super::{Exit, Reporter};
use crate::contract::Aggregate;
use crate::i18n::Lang;
use crate::template::{BlockNode, Templates};
use std::fmt::Write;
use std::path::PathBuf;

// What `templates` is asked to do (its `--help` is in locales/*/cli.ftl).
#[derive(clap::Args)]
pub struct Options {
    pub name: Option<String>,
    #[arg(long)]
    pub templates: Option<PathBuf>,
    #[arg(long, conflicts_with = "name")]
    pub context: bool,
}

/// Prints the listing on `out`; an unknown name is a usage error (with the nearest name).
pub fn run(options: Options, r: &Reporter) -> anyhow::Result<Exit> {
    if options.context {
        r.console.out(&crate::context::documentation());
        return Ok(Exit::Success);
    }
    let templates = Templates::load(options.templates.as_deref())?;
    if let Some(name) = &options.name
        && !templates.exists(name)
    {
        let names: Vec<String> = templates.list().map(|(n, _)| n.to_string()).collect();
        return Ok(
            r.usage(&match crate::factsheet::load::nearest(name, &names) {
                Some(best) => r.t(
                    "app-no-template-best",
                    crate::i18n::args! {"name" => name, "best" => best},
                ),
                None => r.t("app-no-template", crate::i18n::args! {"name" => name}),
            }),
        );
    }
    r.console
        .out(&listing(&templates, options.name.as_deref(), r.lang));
    Ok(Exit::Success)
}

/// Every template (or the one named): its origin, what it is about, the levels and periods
/// it is written for, its problems, what it reads, and its blocks.
pub fn listing(templates: &Templates, only: Option<&str>, lang: Lang) -> String {
    let t = |id: &str, args: crate::i18n::Args| crate::i18n::text_with(lang, id, &args);
    let mut s = String::new();
    for (name, origin) in templates
        .list()
        .filter(|(n, _)| only.is_none_or(|only| only == *n))
    {
        let c = templates.contract(name);
        let _ = writeln!(s, "{name} ({origin})");
        if let Some(about) = &c.about {
            let _ = writeln!(s, "  {about}");
        }
        if !c.levels.is_empty() {
            let words: Vec<&str> = c.levels.iter().map(|l| l.word()).collect();
            let levels = words.join(", ");
            let _ = writeln!(
                s,
                "  {}",
                t("app-templates-for", crate::i18n::args! {"levels" => levels})
            );
        }
        if !c.periods.is_empty() {
            let kinds: Vec<&str> = c.periods.iter().map(|k| k.name()).collect();
            let periods = kinds.join(", ");
            let _ = writeln!(
                s,
                "  {}",
                t(
                    "app-templates-periods",
                    crate::i18n::args! {"periods" => periods}
                )
            );
        }
        for p in templates.problems(name) {
            let problem = p.render(lang).replace('\n', "\n  ");
            let _ = writeln!(
                s,
                "  {}",
                t(
                    "app-templates-problem",
                    crate::i18n::args! {"problem" => problem}
                )
            );
        }
        for d in &c.reads {
            let mut line = format!("  {:<34} {:<8} {}", d.name, d.kind.name(), d.label);
            if d.required {
                let _ = write!(line, " {}", t("app-templates-required", vec![]));
            }
            if d.kind.is_figure() && d.aggregate != Aggregate::None {
                let _ = write!(
                    line,
                    " [{}]",
                    match d.aggregate {
                        Aggregate::Sum => "sum",
                        Aggregate::Max => "max",
                        Aggregate::None => "none",
                    }
                );
            }
            for f in &d.fields {
                let _ = write!(
                    line,
                    "\n  {:<34} {:<8} {}",
                    format!("  .{}", f.name),
                    f.kind.name(),
                    f.label.as_deref().unwrap_or("")
                );
            }
            let _ = writeln!(s, "{}", line.trim_end());
        }
        // The blocks a fact sheet's `sections:` anchors to, nested as in the body.
        let blocks = templates.blocks(name);
        if !blocks.is_empty() {
            let _ = writeln!(s, "  {}", t("app-templates-blocks", vec![]));
            write_blocks(&mut s, &blocks, 2);
        }
    }
    s
}

/// A template's blocks, one a line, indented by nesting.
fn write_blocks(s: &mut String, blocks: &[BlockNode], depth: usize) {
    for b in blocks {
        let _ = writeln!(s, "{}{}", "  ".repeat(depth), b.name);
        write_blocks(s, &b.children, depth + 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// docs/context.md is what the types say; regenerate it when a context type changes.
    #[test]
    fn docs_context_md_is_generated_from_the_types() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/context.md");
        let on_disk = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            on_disk == crate::context::documentation(),
            "docs/context.md is stale: run `cargo run -- templates --context > docs/context.md`"
        );
    }

    #[test]
    fn the_listing_names_every_built_in_template_and_one_alone() {
        let templates = Templates::load(None).expect("built-in templates");
        let all = listing(&templates, None, Lang::En);
        let names: Vec<String> = templates.list().map(|(n, _)| n.to_string()).collect();
        assert!(names.len() > 1);
        for name in &names {
            assert!(all.contains(&format!("{name} (")), "{name} missing");
        }
        let first = names.first().expect("a template");
        let one = listing(&templates, Some(first), Lang::En);
        assert!(one.starts_with(&format!("{first} (")));
        for other in names.iter().skip(1) {
            assert!(!one.contains(&format!("\n{other} (")), "{other} listed too");
        }
    }
}
