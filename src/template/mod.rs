//! The Tera environment: built-in templates (embedded in the binary) plus a user's overrides,
//! each with its contract (the header declaring what it reads), the Vietnamese filters, the
//! phrase functions, the shared component library (`_lib.md.tera`) and Markdown escaping of
//! every inserted value.
//!
//! A template is Markdown with the blocks `kind` (BÁO CÁO), `type_code` (BC), `title` (the
//! trích yếu) and `body`; the body's sections are blocks of their own so a user template can
//! `extends` a built-in one and replace one section. Tera's autoescaping is pointed at our
//! own Markdown escaper, so `{{ value }}` can never turn data into markup.
//!
//! A template that does not parse is not fatal: it is kept aside with its diagnostic
//! (template file, line, column), so `check` reports it together with everything else.

pub mod chart;
pub mod filters;
pub mod functions;
pub mod table;
pub mod trace;

mod blocks;
mod budget;
mod contracts;
mod read;
mod report;
mod split;

pub use blocks::BlockNode;
use blocks::blocks_in;
use budget::{Stop, budget};
use read::{build_tera, read_template, set_aside_cycles};
use split::{BLOCKS, add_splitters, split_block, splitter_name, unescape_inline};

pub use filters::escape_markdown;

use crate::contract::{self, Contract};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Scheme;
use anyhow::{Context as _, Result};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;
use tera::{Context, Tera};

/// Suffix of template files; also what Tera autoescapes on.
pub const SUFFIX: &str = ".md.tera";

/// The largest template file read, in bytes (the largest shipped one is 14 KB): a larger
/// file in the templates folder is set aside unread, so it costs a run nothing.
pub const LARGEST_TEMPLATE: u64 = 500_000;

/// How long one render of a template may take (the shipped ones take milliseconds) and how
/// much Markdown it may write: a user template that loops for ever, or writes without end,
/// is stopped and reported at its file instead of taking the machine.
pub const RENDER_TIME: Duration = Duration::from_secs(5);
pub const LARGEST_OUTPUT: usize = 20_000_000;

/// The shared component library every template may call (`{{ <verdict pass={…}/> }}`).
pub const LIBRARY: &str = "_lib";

/// The templates shipped with vanban: (name, source).
pub const BUILTIN: &[(&str, &str)] = &[
    (LIBRARY, include_str!("../../templates/_lib.md.tera")),
    (
        "bao-cao-ket-qua-tt124",
        include_str!("../../templates/bao-cao-ket-qua-tt124.md.tera"),
    ),
    (
        "bao-cao-so-ket",
        include_str!("../../templates/bao-cao-so-ket.md.tera"),
    ),
    (
        "bao-cao-tong-hop",
        include_str!("../../templates/bao-cao-tong-hop.md.tera"),
    ),
    (
        "bao-cao-tong-ket",
        include_str!("../../templates/bao-cao-tong-ket.md.tera"),
    ),
    (
        "bien-ban-danh-gia",
        include_str!("../../templates/bien-ban-danh-gia.md.tera"),
    ),
    (
        "ke-hoach-tt124",
        include_str!("../../templates/ke-hoach-tt124.md.tera"),
    ),
    (
        "quyet-dinh-cong-nhan",
        include_str!("../../templates/quyet-dinh-cong-nhan.md.tera"),
    ),
    (
        "to-trinh-cong-nhan",
        include_str!("../../templates/to-trinh-cong-nhan.md.tera"),
    ),
];

/// What a template produces for one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub kind: String,
    pub type_code: String,
    pub title: String,
    /// The body as Markdown.
    pub body: String,
    /// The header's `numbering` (inherited through `extends`), default `sections`.
    pub numbering: Scheme,
    /// The header's `place_date` (inherited), default true.
    pub place_date: bool,
}

/// One template as loaded.
struct Source {
    /// Where it came from: `built-in` or the file.
    origin: String,
    /// The file to point diagnostics at.
    file: PathBuf,
    text: String,
    contract: Result<Contract, Vec<Diagnostic>>,
    /// Its parent when it `extends` another template.
    parent: Option<String>,
    /// Why Tera could not load it.
    broken: Option<Diagnostic>,
}

/// The loaded templates.
pub struct Templates {
    /// Shared with the thread each render runs on (see [`Templates::bounded`]).
    tera: Arc<Tera>,
    sources: BTreeMap<String, Source>,
    /// [`RENDER_TIME`] (shorter in tests).
    render_time: Duration,
}

fn tera_name(name: &str) -> String {
    format!("{name}{SUFFIX}")
}

/// The text of block `block` in `text`: `None` when the template has no such block,
/// `Some(None)` when the block computes its text rather than stating it.
fn literal_block(text: &str, block: &str) -> Option<Option<String>> {
    let open = format!("{{% block {block} %}}");
    let start = text.find(&open)? + open.len();
    let end = start + text.get(start..)?.find("{% endblock")?;
    let body = text.get(start..end)?.trim();
    Some((!body.contains('{') && !body.is_empty()).then(|| body.to_string()))
}

/// The template named in `{% extends "x.md.tera" %}`, if any.
fn extends(text: &str) -> Option<String> {
    let at = text.find("{% extends")?;
    let rest = &text[at..];
    let q1 = rest.find(['"', '\''])?;
    let quote = rest[q1..].chars().next()?;
    let q2 = rest[q1 + 1..].find(quote)? + q1 + 1;
    let name = &rest[q1 + 1..q2];
    Some(name.strip_suffix(SUFFIX).unwrap_or(name).to_string())
}

impl Templates {
    /// The built-in templates, overridden or extended by `*.md.tera` files in `dir` on the
    /// disk.
    pub fn load(dir: Option<&Path>) -> Result<Templates> {
        Templates::load_from(&crate::source::DISK, dir)
    }

    /// [`Self::load`] with the folder read from `source`.
    pub fn load_from(source: &dyn crate::source::Source, dir: Option<&Path>) -> Result<Templates> {
        type File = (String, String, PathBuf, Option<Diagnostic>);
        let mut files: BTreeMap<String, File> = BUILTIN
            .iter()
            .map(|(name, src)| {
                (
                    name.to_string(),
                    (
                        src.to_string(),
                        "built-in".to_string(),
                        PathBuf::from(format!("templates/{name}{SUFFIX}")),
                        None,
                    ),
                )
            })
            .collect();
        if let Some(dir) = dir {
            let entries = source
                .list(dir)
                .with_context(|| format!("cannot read the templates folder {}", dir.display()))?;
            for entry in entries {
                let path = entry.path;
                let Some(name) = path
                    .file_name()
                    .and_then(|n| n.to_str())
                    .and_then(|n| n.strip_suffix(SUFFIX))
                else {
                    continue;
                };
                let origin = path.display().to_string();
                // A file that cannot be read is set aside with its reason, like one that does
                // not parse: reported when a document uses it, free when none does.
                let file = match read_template(source, &path) {
                    Ok(src) => (
                        crate::factsheet::load::clean_text(&src),
                        origin,
                        path.clone(),
                        None,
                    ),
                    Err(d) => (String::new(), origin, path.clone(), Some(*d)),
                };
                files.insert(name.to_string(), file);
            }
        }
        let mut sources: BTreeMap<String, Source> = files
            .into_iter()
            .map(|(name, (text, origin, file, unread))| {
                let contract = if unread.is_some() {
                    Ok(Contract::default())
                } else {
                    contract::parse(&text).map_err(|errors| {
                        errors
                            .into_iter()
                            .map(|h| {
                                let mut d = h.diagnostic();
                                d.file = file.clone();
                                d
                            })
                            .collect()
                    })
                };
                let parent = extends(&text);
                (
                    name,
                    Source {
                        origin,
                        file,
                        text,
                        contract,
                        parent,
                        broken: unread,
                    },
                )
            })
            .collect();
        set_aside_cycles(&mut sources);
        let mut tera = build_tera(&mut sources);
        add_splitters(&mut tera, &sources);
        Ok(Templates {
            tera: Arc::new(tera),
            sources,
            render_time: RENDER_TIME,
        })
    }

    /// Whether a document can name this template (the component library cannot).
    pub fn exists(&self, name: &str) -> bool {
        !name.starts_with('_') && self.sources.contains_key(name)
    }

    /// Document template names with their origin.
    pub fn list(&self) -> impl Iterator<Item = (&str, &str)> {
        self.sources
            .iter()
            .filter(|(n, _)| !n.starts_with('_'))
            .map(|(n, s)| (n.as_str(), s.origin.as_str()))
    }

    /// Everything wrong with a template itself: a header that does not parse, a syntax error,
    /// a broken parent or library — each at its template file, line and column.
    pub fn problems(&self, name: &str) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        let mut seen = Vec::new();
        let mut next = Some(name.to_string());
        while let Some(n) = next.take() {
            if seen.contains(&n) {
                break;
            }
            let Some(s) = self.sources.get(&n) else { break };
            if let Err(errors) = &s.contract {
                out.extend(errors.iter().cloned());
            }
            if let Some(b) = &s.broken {
                out.push(b.clone());
            }
            next = s.parent.clone();
            seen.push(n);
        }
        if let Some(lib) = self.sources.get(LIBRARY).and_then(|s| s.broken.clone())
            && name != LIBRARY
            && !out.contains(&lib)
        {
            out.push(lib);
        }
        out
    }

    /// What a template reads: its own declarations after its parent's (a child's declaration
    /// of the same name wins).
    pub fn contract(&self, name: &str) -> Contract {
        // The lineage from the template up, each once (a cycle is set aside at load, and
        // must not loop here either).
        let mut chain: Vec<&Source> = Vec::new();
        let mut seen: Vec<&str> = Vec::new();
        let mut next = Some(name);
        while let Some(n) = next.take() {
            let Some((key, s)) = self.sources.get_key_value(n) else {
                break;
            };
            if seen.contains(&key.as_str()) {
                break;
            }
            seen.push(key.as_str());
            chain.push(s);
            next = s.parent.as_deref();
        }
        let mut merged = Contract::default();
        for s in chain.into_iter().rev() {
            let own = s.contract.clone().unwrap_or_default();
            for d in own.reads {
                merged.reads.retain(|r| r.name != d.name);
                merged.reads.push(d);
            }
            if own.about.is_some() {
                merged.about = own.about;
            }
            if !own.levels.is_empty() {
                merged.levels = own.levels;
            }
            if !own.periods.is_empty() {
                merged.periods = own.periods;
            }
            merged.numbering = own.numbering.or(merged.numbering);
            merged.place_date = own.place_date.or(merged.place_date);
        }
        merged
    }

    /// The file a template's diagnostics point at.
    pub fn file(&self, name: &str) -> Option<PathBuf> {
        self.sources.get(name).map(|s| s.file.clone())
    }

    /// What a document of this template is rendered from: the template, the templates it
    /// `extends` and the component library, as (name, text). The incremental render hashes
    /// these to notice a changed template.
    pub fn lineage(&self, name: &str) -> Vec<(&str, &str)> {
        let mut out: Vec<(&str, &str)> = Vec::new();
        let mut next = Some(name);
        while let Some(n) = next.take() {
            let Some((key, s)) = self.sources.get_key_value(n) else {
                break;
            };
            if out.iter().any(|(seen, _)| *seen == key.as_str()) {
                break;
            }
            out.push((key.as_str(), s.text.as_str()));
            next = s.parent.as_deref();
        }
        if let Some((key, lib)) = self.sources.get_key_value(LIBRARY)
            && !out.iter().any(|(seen, _)| *seen == key.as_str())
        {
            out.push((key.as_str(), lib.text.as_str()));
        }
        out
    }

    /// The source text of a template.
    pub fn text(&self, name: &str) -> Option<&str> {
        self.sources.get(name).map(|s| s.text.as_str())
    }

    /// The type code a template gives its documents (`BC`, `TTr`), for cross-references
    /// between the documents of one fact sheet: the literal text of its `type_code` block (or
    /// its parent's); `None` when the block computes it.
    pub fn type_code(&self, name: &str) -> Option<String> {
        let mut source = self.sources.get(name)?;
        for _ in 0..8 {
            if let Some(code) = literal_block(&source.text, "type_code") {
                return code;
            }
            source = self.sources.get(source.parent.as_deref()?)?;
        }
        None
    }

    /// The named blocks inside a template's `body`, nested as they are and in order, through
    /// its `extends` chain (a child's block replaces what the parent's held): what a fact
    /// sheet's `sections:` can anchor to, and what the splitter marks in the body.
    pub fn blocks(&self, name: &str) -> Vec<BlockNode> {
        blocks_in(&self.sources, name)
    }

    /// Renders the four blocks of a template; an error is a diagnostic at the template's
    /// file, line and column.
    pub fn render(&self, name: &str, context: &Context) -> Result<Rendered, Box<Diagnostic>> {
        let Some(source) = self.sources.get(name) else {
            return Err(Box::new(Diagnostic::new(
                Severity::Error,
                "template-not-found",
                "",
                crate::i18n::args! {"template" => name},
            )));
        };
        if let Some(p) = self.problems(name).into_iter().next() {
            return Err(Box::new(p));
        }
        let contract = self.contract(name);
        let [kind, type_code, title, body] = match self.render_once(name, source, context)? {
            Some(blocks) => blocks,
            None => self.render_each(name, source, context)?,
        };
        Ok(Rendered {
            kind: kind.trim().to_string(),
            type_code: type_code.trim().to_string(),
            title: unescape_inline(title.trim()),
            body,
            numbering: contract.numbering.unwrap_or_default(),
            place_date: contract.place_date.unwrap_or(true),
        })
    }

    /// The four blocks from one render of the template's splitter (see [`add_splitters`]);
    /// `None` when Tera fails or a block is not where the splitter expects it (the blocks
    /// are then rendered one by one, to place the error), an error when the render ran out
    /// of its budget (rendering again would only take as long).
    fn render_once(
        &self,
        name: &str,
        source: &Source,
        context: &Context,
    ) -> Result<Option<[String; 4]>, Box<Diagnostic>> {
        let out = match self.bounded(&splitter_name(name), None, context) {
            Ok(out) => out,
            Err(Stop::Tera(_)) => return Ok(None),
            Err(Stop::Budget(why)) => return Err(Box::new(budget(source, &why))),
        };
        let mut blocks = BLOCKS.map(|block| split_block(&out, block));
        if blocks.iter().any(Option::is_none) {
            return Ok(None);
        }
        Ok(Some(
            blocks.each_mut().map(|b| b.take().unwrap_or_default()),
        ))
    }

    /// The four blocks rendered one by one. Tera evaluates the whole template for any block,
    /// so this is only for an error: the body first, so the error is reported in the block it
    /// is in more often than not.
    fn render_each(
        &self,
        name: &str,
        source: &Source,
        context: &Context,
    ) -> Result<[String; 4], Box<Diagnostic>> {
        let full = tera_name(name);
        let block = |block: &'static str| -> Result<String, Box<Diagnostic>> {
            self.bounded(&full, Some(block), context)
                .map_err(|stop| match stop {
                    Stop::Tera(e) => Box::new(self.diagnostic(&e, source, block)),
                    Stop::Budget(why) => Box::new(budget(source, &why)),
                })
        };
        let body = block("body")?;
        Ok([block("kind")?, block("type_code")?, block("title")?, body])
    }
}
#[cfg(test)]
mod tests {
    use super::*;
    use read::environment;

    fn render_str(src: &str, ctx: &Context) -> String {
        let mut tera = environment();
        tera.add_raw_template("t.md.tera", src)
            .expect("template parses");
        tera.render("t.md.tera", ctx).expect("renders")
    }

    #[test]
    fn values_are_escaped_for_markdown() {
        let mut ctx = Context::new();
        ctx.insert("name", "*Ba* [Đình](x) # 1. <b> ::: basis");
        let out = render_str("{{ name }}", &ctx);
        assert_eq!(out, r"\*Ba\* \[Đình\]\(x\) \# 1\. \<b\> \:\:\: basis");
        ctx.insert("para", "*Ba* **Đình** #");
        assert_eq!(render_str("{{ para | rich }}", &ctx), r"*Ba* **Đình** \#");
    }

    #[test]
    fn filters_format_vietnamese_and_keep_estimates() {
        let mut ctx = Context::new();
        ctx.insert("n", &3537);
        ctx.insert("d", "2024-01-05");
        ctx.insert("m", &9_000_000);
        ctx.insert(
            "a",
            &serde_json::json!({"value": 1500, "approx": "trên", "shown": null}),
        );
        let out = render_str(
            "{{ n | thousands }}|{{ 6 | count }}|{{ d | date_long }}|{{ m | money_short }}|{{ a | thousands }}",
            &ctx,
        );
        assert_eq!(
            unescape_inline(&out),
            "3.537|06|ngày 05 tháng 01 năm 2024|9.000.000đ (chín triệu đồng)|trên 1.500"
        );
    }

    /// Renders `src` with the shared component library.
    fn render_with_lib(src: &str) -> String {
        let mut tera = environment();
        let lib = BUILTIN
            .iter()
            .find(|(n, _)| *n == LIBRARY)
            .map(|(_, s)| *s)
            .unwrap_or("");
        tera.add_raw_templates([("_lib.md.tera", lib), ("t.md.tera", src)])
            .expect("templates parse");
        unescape_inline(&tera.render("t.md.tera", &Context::new()).expect("renders"))
    }

    #[test]
    fn change_component_words_comparisons() {
        let cases = [
            ("now=2, before=0", "unit=\"vụ\"", "tăng 02 vụ"),
            (
                "now=7, before=11",
                "unit=\"đối tượng\"",
                "giảm 04 đối tượng",
            ),
            ("now=6, before=6", "unit=\"vụ\"", "không tăng, không giảm"),
            ("now=25, before=13", "unit=\"vụ\"", "tăng 12 vụ"),
            ("now=3, before=1", "", "tăng 02"),
            // With the percentage: none from zero, none when unchanged, rounded not truncated.
            (
                "now=2, before=0",
                "unit=\"vụ\" percent={true}",
                "tăng 02 vụ",
            ),
            (
                "now=0, before=3",
                "unit=\"vụ\" percent={true}",
                "giảm 03 vụ (giảm 100%)",
            ),
            (
                "now=7, before=11",
                "unit=\"đối tượng\" percent={true}",
                "giảm 04 đối tượng (giảm 36,4%)",
            ),
            (
                "now=9, before=8",
                "unit=\"vụ\" percent={true}",
                "tăng 01 vụ (tăng 12,5%)",
            ),
            (
                "now=6, before=6",
                "unit=\"vụ\" percent={true}",
                "không tăng, không giảm",
            ),
        ];
        for (args, opts, expected) in cases {
            let src = format!("{{{{ <change c={{compare({args})}} {opts}/> }}}}");
            assert_eq!(render_with_lib(&src), expected, "{args} {opts}");
        }
        assert_eq!(
            render_with_lib(
                "{{ <rate r={ratio(part=161, whole=212)}/> }} {{ <rate r={ratio(part=161, whole=212)} places={0}/> }} {{ <and_list items={[2, 4]}/> }}"
            ),
            "161/212 (75,9%) 161/212 (76%) 2 và 4"
        );
    }

    #[test]
    fn phrase_functions_from_templates() {
        let ctx = Context::new();
        let out = render_str(
            "{% set r = ratio(part=161, whole=212) %}{{ r.rate | percent }} {{ r.rate | percent(places=0) }} {% set c = compare(now=7, before=11) %}{{ c.direction }} {{ c.amount | count }}",
            &ctx,
        );
        assert_eq!(unescape_inline(&out), "75,9% 76% down 04");
    }

    #[test]
    fn builtin_templates_load_with_their_contracts() {
        let t = Templates::load(None).expect("built-ins load");
        for (name, _) in BUILTIN {
            assert_eq!(t.problems(name), [], "{name}");
        }
        assert!(t.exists("bao-cao-ket-qua-tt124"));
        assert!(!t.exists("nope"));
        assert!(!t.exists(LIBRARY));
        assert!(
            t.contract("bao-cao-ket-qua-tt124")
                .reads
                .iter()
                .any(|d| d.name == "facts.propaganda")
        );
    }

    /// A templates folder holding `files` (name, text).
    pub(super) fn folder(tag: &str, files: &[(&str, &str)]) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("vanban-tpl-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("tmp");
        for (name, text) in files {
            std::fs::write(dir.join(name), text).expect("write");
        }
        dir
    }

    #[test]
    fn header_settings_are_inherited_through_extends() {
        let dir = std::env::temp_dir().join(format!("vanban-tpl-ext-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("tmp");
        std::fs::write(
            dir.join("cha.md.tera"),
            "{#- vanban\nnumbering: articles\nplace_date: false\n-#}\n{% block kind %}QUYẾT ĐỊNH{% endblock kind %}{% block type_code %}QĐ{% endblock type_code %}{% block title %}T{% endblock title %}{% block body %}# A{% endblock body %}",
        )
        .expect("write");
        std::fs::write(
            dir.join("con.md.tera"),
            "{#- vanban\nnumbering: none\n-#}\n{% extends \"cha.md.tera\" %}",
        )
        .expect("write");
        let t = Templates::load(Some(&dir)).expect("loads");
        let child = t.render("con", &Context::new()).expect("renders");
        assert_eq!((child.numbering, child.place_date), (Scheme::None, false));
        let parent = t.render("cha", &Context::new()).expect("renders");
        assert_eq!(
            (parent.numbering, parent.place_date),
            (Scheme::Articles, false)
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}
