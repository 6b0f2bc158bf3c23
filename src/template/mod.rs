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

pub use filters::escape_markdown;

use crate::contract::{self, Contract};
use crate::diagnostic::Diagnostic;
use crate::document::Scheme;
use crate::document::outline::ANCHOR;
use crate::factsheet::paths::Position;
use anyhow::{Context as _, Result};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};
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

/// The report Tera attaches to a syntax or rendering error, wherever it sits in the chain.
fn report(e: &tera::Error) -> Option<&tera::ReportError> {
    let mut current: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(err) = current {
        if let Some(t) = err.downcast_ref::<tera::Error>() {
            match t.kind() {
                tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) => {
                    return Some(r);
                }
                _ => {}
            }
        }
        current = err.source();
    }
    None
}

/// Tera errors nest their cause; the whole chain on one line, without Tera's source excerpt.
fn tera_message(e: &tera::Error) -> String {
    if let Some(r) = report(e) {
        let mut out = r.message().to_string();
        let mut source = std::error::Error::source(e);
        while let Some(s) = source {
            let text = s.to_string();
            if !out.contains(&text) && !text.contains("-->") {
                out.push_str(": ");
                out.push_str(&text);
            }
            source = s.source();
        }
        return out;
    }
    let mut out = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        out.push_str(": ");
        out.push_str(&s.to_string());
        source = s.source();
    }
    out
}

impl Templates {
    /// The built-in templates, overridden or extended by `*.md.tera` files in `dir`.
    pub fn load(dir: Option<&Path>) -> Result<Templates> {
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
            let entries = std::fs::read_dir(dir)
                .with_context(|| format!("cannot read the templates folder {}", dir.display()))?;
            for entry in entries {
                let path = entry?.path();
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
                let file = match read_template(&path) {
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
                                let mut d = Diagnostic::error("", h.message).with_help(h.help);
                                d.file = file.clone();
                                d.position = h.position;
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
            return Err(Box::new(Diagnostic::error(
                "",
                format!("there is no template `{name}`"),
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

    /// Renders a template (or one block of it) within [`RENDER_TIME`] and [`LARGEST_OUTPUT`].
    /// Tera has no instruction budget, so the render runs on a thread of its own: the output
    /// it writes is counted (and the clock read) as it goes, which stops any loop that writes;
    /// a loop that writes nothing is abandoned when the time is up (the caller goes on; the
    /// thread ends with the process).
    fn bounded(
        &self,
        template: &str,
        block: Option<&'static str>,
        context: &Context,
    ) -> Result<String, Stop> {
        let (tx, rx) = std::sync::mpsc::channel();
        let tera = Arc::clone(&self.tera);
        let template = template.to_string();
        let context = context.clone();
        let start = Instant::now();
        let limit = self.render_time;
        let traced = trace::recording();
        let spawned = std::thread::Builder::new()
            .name("template".into())
            .spawn(move || {
                if traced {
                    trace::start();
                }
                let mut out = Budget {
                    bytes: Vec::new(),
                    start,
                    limit,
                    stopped: None,
                };
                let result = match block {
                    Some(b) => tera.render_block_to(&template, b, &context, &mut out),
                    None => tera.render_to(&template, &context, &mut out),
                };
                let result = match (result, out.stopped) {
                    (_, Some(why)) => Err(Stop::Budget(why)),
                    (Err(e), None) => Err(Stop::Tera(e)),
                    (Ok(()), None) => Ok(String::from_utf8_lossy(&out.bytes).into_owned()),
                };
                let _ = tx.send((result, trace::finish()));
            });
        if let Err(e) = spawned {
            return Err(Stop::Tera(tera::Error::message(format!(
                "cannot start the render: {e}"
            ))));
        }
        match rx.recv_timeout(limit.saturating_sub(start.elapsed())) {
            Ok((result, calls)) => {
                trace::extend(calls);
                result
            }
            Err(_) => Err(Stop::Budget(too_long(limit))),
        }
    }

    /// A Tera error as a diagnostic at the file and line Tera names.
    fn diagnostic(&self, e: &tera::Error, fallback: &Source, block: &str) -> Diagnostic {
        let r = report(e);
        let file = r
            .and_then(|r| r.filename().strip_suffix(SUFFIX))
            .and_then(|n| self.sources.get(n))
            .map(|s| s.file.clone())
            .unwrap_or_else(|| fallback.file.clone());
        let mut d = Diagnostic::error("", format!("in block `{block}`: {}", tera_message(e)))
            .with_help("a value the template reads may be absent: test it with `{% if x is not none %}`, or declare it `required: true` in the header");
        d.file = file;
        d.position = r.map(|r| Position {
            line: r.span().start_line,
            column: r.span().start_col + 1,
        });
        d
    }
}

/// A named block of a template and the blocks inside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlockNode {
    pub name: String,
    pub children: Vec<BlockNode>,
}

impl BlockNode {
    /// This block's name and those of every block inside it, in order.
    pub fn names(nodes: &[BlockNode]) -> Vec<String> {
        let mut out = Vec::new();
        for n in nodes {
            out.push(n.name.clone());
            out.extend(BlockNode::names(&n.children));
        }
        out
    }
}

/// [`Templates::blocks`] over the loaded sources.
fn blocks_in(sources: &BTreeMap<String, Source>, name: &str) -> Vec<BlockNode> {
    let mut chain: Vec<(&str, &str)> = Vec::new();
    let mut next = Some(name);
    while let Some(n) = next.take() {
        let Some(s) = sources.get(n) else { break };
        if chain.iter().any(|(seen, _)| *seen == n) {
            break;
        }
        chain.push((n, s.text.as_str()));
        next = s.parent.as_deref();
    }
    fn replace(tree: &mut [BlockNode], def: &BlockNode) -> bool {
        for node in tree.iter_mut() {
            if node.name == def.name {
                node.children = def.children.clone();
                return true;
            }
            if replace(&mut node.children, def) {
                return true;
            }
        }
        false
    }
    fn each(defs: &[BlockNode], tree: &mut [BlockNode]) {
        for def in defs {
            replace(tree, def);
            each(&def.children, tree);
        }
    }
    let mut tree: Vec<BlockNode> = Vec::new();
    for (_, text) in chain.iter().rev() {
        let own = block_tree(text);
        if tree.is_empty() {
            tree = own;
        } else {
            each(&own, &mut tree);
        }
    }
    tree.into_iter()
        .find(|n| n.name == "body")
        .map(|n| n.children)
        .unwrap_or_default()
}

/// The `{% block NAME %}` … `{% endblock %}` structure of a template's text (comments
/// skipped); a tag Tera would refuse is left to Tera to report.
fn block_tree(text: &str) -> Vec<BlockNode> {
    let mut stack: Vec<BlockNode> = vec![BlockNode {
        name: String::new(),
        children: Vec::new(),
    }];
    let mut rest = text;
    while let Some(at) = rest.find('{') {
        let Some(after) = rest.get(at..) else { break };
        if let Some(comment) = after.strip_prefix("{#") {
            rest = comment
                .find("#}")
                .and_then(|e| comment.get(e + 2..))
                .unwrap_or("");
            continue;
        }
        let Some(tag) = after.strip_prefix("{%") else {
            rest = after.get(1..).unwrap_or("");
            continue;
        };
        let Some(end) = tag.find("%}") else { break };
        let inner = tag
            .get(..end)
            .unwrap_or("")
            .trim_matches(|c: char| c == '-' || c.is_whitespace());
        let mut words = inner.split_whitespace();
        match (words.next(), words.next()) {
            (Some("block"), Some(name)) => stack.push(BlockNode {
                name: name.to_string(),
                children: Vec::new(),
            }),
            (Some("endblock"), _) if stack.len() > 1 => {
                if let Some(node) = stack.pop()
                    && let Some(parent) = stack.last_mut()
                {
                    parent.children.push(node);
                }
            }
            _ => {}
        }
        rest = tag.get(end + 2..).unwrap_or("");
    }
    while stack.len() > 1 {
        if let Some(node) = stack.pop()
            && let Some(parent) = stack.last_mut()
        {
            parent.children.push(node);
        }
    }
    stack.pop().map(|root| root.children).unwrap_or_default()
}

/// Why a bounded render stopped.
enum Stop {
    Tera(tera::Error),
    /// Out of time or room: what it ran out of.
    Budget(String),
}

/// Where a render writes: counts what it holds and reads the clock at each write, and
/// refuses to go on past [`LARGEST_OUTPUT`] or [`RENDER_TIME`].
struct Budget {
    bytes: Vec<u8>,
    start: Instant,
    limit: Duration,
    stopped: Option<String>,
}

fn too_long(limit: Duration) -> String {
    format!("it ran for more than {:.1} seconds", limit.as_secs_f64())
}

impl std::io::Write for Budget {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.bytes.len() + buf.len() > LARGEST_OUTPUT {
            self.stopped = Some(format!(
                "it wrote more than {} MB",
                LARGEST_OUTPUT / 1_000_000
            ));
        } else if self.start.elapsed() > self.limit {
            self.stopped = Some(too_long(self.limit));
        }
        if let Some(why) = &self.stopped {
            return Err(std::io::Error::other(why.clone()));
        }
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The diagnostic of a render stopped for its budget, at the template's file.
fn budget(source: &Source, why: &str) -> Diagnostic {
    let mut d = Diagnostic::error("", format!("the template was stopped: {why}"))
        .with_help("a document renders in well under a second: look for a `for` loop over a large range or nested loops, or an `include` that writes the same text again and again");
    d.file = source.file.clone();
    d
}

/// Reads a template file: only a regular file (a link to one is followed), at most
/// [`LARGEST_TEMPLATE`] bytes, UTF-8. A device, a pipe or a folder is refused before it is
/// opened (reading `/dev/zero` never ends, opening a pipe waits for a writer).
fn read_template(path: &Path) -> std::result::Result<String, Box<Diagnostic>> {
    use std::io::Read;
    let fail = |message: String, help: &str| {
        let mut d = Diagnostic::error("", message).with_help(help);
        d.file = path.to_path_buf();
        Box::new(d)
    };
    let cannot = |e: std::io::Error| {
        fail(
            format!("cannot read the template: {e}"),
            "check that the file can be read",
        )
    };
    let meta = std::fs::metadata(path).map_err(cannot)?;
    if !meta.is_file() {
        return Err(fail(
            "the template is not a regular file (a folder, a device or a pipe, or a link to one)"
                .into(),
            "put the template's own file in the templates folder",
        ));
    }
    let too_large = |size: u64| {
        fail(
            format!(
                "the template is too large: {} KB (the limit is {} KB)",
                size.div_ceil(1000),
                LARGEST_TEMPLATE / 1000
            ),
            "a template is a few pages of text (the shipped ones are under 15 KB): check that this is the right file",
        )
    };
    if meta.len() > LARGEST_TEMPLATE {
        return Err(too_large(meta.len()));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(LARGEST_TEMPLATE + 1).read_to_end(&mut bytes))
        .map_err(cannot)?;
    if bytes.len() as u64 > LARGEST_TEMPLATE {
        return Err(too_large(bytes.len() as u64));
    }
    String::from_utf8(bytes).map_err(|_| {
        fail(
            "the template is not UTF-8 text".into(),
            "save it as UTF-8 (in Notepad: Save As → Encoding: UTF-8)",
        )
    })
}

/// The templates a template names in `{% extends "…" %}` and `{% include "…" %}`, each with
/// the word and where it is written.
fn references(text: &str) -> Vec<(&'static str, String, Position)> {
    let mut out = Vec::new();
    let mut rest = text;
    let mut offset = 0;
    while let Some(at) = rest.find("{%") {
        let tag = &rest[at + 2..];
        let inner = tag.trim_start_matches('-').trim_start();
        for word in ["extends", "include"] {
            let Some(after) = inner.strip_prefix(word) else {
                continue;
            };
            let after = after.trim_start();
            let Some(quote) = after.chars().next().filter(|c| matches!(c, '"' | '\'')) else {
                continue;
            };
            let Some(end) = after[1..].find(quote) else {
                continue;
            };
            let name = &after[1..1 + end];
            let before = &text[..offset + at];
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
            out.push((
                word,
                name.strip_suffix(SUFFIX).unwrap_or(name).to_string(),
                Position { line, column },
            ));
        }
        offset += at + 2;
        rest = &rest[at + 2..];
    }
    out
}

/// Sets aside every template that `extends` or `include`s its way back to itself, with an
/// error at the line that leads into the cycle, before Tera sees any of them: rendering one
/// would never end (two templates extending each other overflowed the stack).
fn set_aside_cycles(sources: &mut BTreeMap<String, Source>) {
    let edges: BTreeMap<String, Vec<(&'static str, String, Position)>> = sources
        .iter()
        .map(|(n, s)| (n.clone(), references(&s.text)))
        .collect();
    for (start, refs) in &edges {
        for (word, first, at) in refs {
            // A path from `first` back to `start`, depth first, each template once.
            let mut path = vec![start.clone(), first.clone()];
            let mut seen = vec![start.clone()];
            if !leads_back(&edges, start, &mut path, &mut seen) {
                continue;
            }
            let Some(source) = sources.get_mut(start) else {
                continue;
            };
            let mut d = Diagnostic::error(
                "",
                format!(
                    "the templates form a cycle: {} (this template {} `{first}`)",
                    path.join(" → "),
                    if *word == "include" { "includes" } else { "extends" }
                ),
            )
            .with_help("a template extends or includes only templates that do not lead back to it: remove or change this line");
            d.file = source.file.clone();
            d.position = Some(*at);
            source.broken = Some(d);
            break;
        }
    }
}

/// Whether the last template of `path` leads back to `start`; `path` then ends with it.
fn leads_back(
    edges: &BTreeMap<String, Vec<(&'static str, String, Position)>>,
    start: &str,
    path: &mut Vec<String>,
    seen: &mut Vec<String>,
) -> bool {
    let Some(last) = path.last().cloned() else {
        return false;
    };
    if last == start {
        return true;
    }
    if seen.contains(&last) {
        return false;
    }
    seen.push(last.clone());
    for (_, next, _) in edges.get(&last).map(Vec::as_slice).unwrap_or_default() {
        path.push(next.clone());
        if leads_back(edges, start, path, seen) {
            return true;
        }
        path.pop();
    }
    false
}

impl Templates {
    /// After a render error: the declared name whose absence caused it. Each name the
    /// template declares, mentions and the context lacks is given a stand-in (an empty list,
    /// an empty text, a zero) in turn; the first with which the template renders, or fails
    /// elsewhere, is the culprit of the first error. Only run on the error path.
    pub fn absent_cause(&self, name: &str, context: &serde_json::Value) -> Option<String> {
        let text: String = self
            .lineage(name)
            .into_iter()
            .filter(|(n, _)| *n != LIBRARY)
            .map(|(_, t)| t)
            .collect();
        let absent = |path: &str| {
            path.split('.')
                .try_fold(context, |v, k| v.get(k))
                .is_none_or(serde_json::Value::is_null)
        };
        let stand_ins = [
            serde_json::Value::Array(Vec::new()),
            serde_json::Value::String(String::new()),
            serde_json::Value::from(0),
        ];
        let first = Context::from_serialize(context)
            .ok()
            .and_then(|ctx| self.render(name, &ctx).err());
        for d in self.contract(name).reads {
            if !absent(&d.name) || !text.contains(&d.name) {
                continue;
            }
            for stand_in in &stand_ins {
                let mut patched = context.clone();
                if !set_path(&mut patched, &d.name, stand_in.clone()) {
                    break;
                }
                let Ok(ctx) = Context::from_serialize(&patched) else {
                    break;
                };
                // Renders, or fails further on: this name was the cause of the first error.
                match self.render(name, &ctx) {
                    Ok(_) => return Some(d.name),
                    Err(e) if first.as_ref().is_some_and(|f| *f != e) => return Some(d.name),
                    Err(_) => {}
                }
            }
        }
        None
    }
}

/// Sets `a.b.c` in a JSON object, making the groups on the way; `false` when a step is not
/// a group.
fn set_path(v: &mut serde_json::Value, path: &str, value: serde_json::Value) -> bool {
    let mut node = v;
    let steps: Vec<&str> = path.split('.').collect();
    let Some((last, groups)) = steps.split_last() else {
        return false;
    };
    for step in groups {
        if node.get(*step).is_none_or(serde_json::Value::is_null)
            && let Some(map) = node.as_object_mut()
        {
            map.insert(
                step.to_string(),
                serde_json::Value::Object(Default::default()),
            );
        }
        match node.get_mut(*step) {
            Some(next) => node = next,
            None => return false,
        }
    }
    match node.as_object_mut() {
        Some(map) => {
            map.insert(last.to_string(), value);
            true
        }
        None => false,
    }
}

/// A Tera with our filters, phrase functions and Markdown escaping, and no templates yet.
fn environment() -> Tera {
    let mut tera = Tera::new();
    filters::register(&mut tera);
    functions::register(&mut tera);
    tera.set_escape_fn(escape_markdown);
    tera.autoescape_on([SUFFIX]);
    tera
}

/// Adds every template to one Tera; a template that does not parse is set aside with its
/// diagnostic and the rest are loaded without it.
fn build_tera(sources: &mut BTreeMap<String, Source>) -> Tera {
    loop {
        let mut tera = environment();
        let good: Vec<(String, String)> = sources
            .iter()
            .filter(|(_, s)| s.broken.is_none())
            .map(|(n, s)| (tera_name(n), s.text.clone()))
            .collect();
        let Err(e) = tera.add_raw_templates(good.iter().map(|(n, t)| (n.as_str(), t.as_str())))
        else {
            return tera;
        };
        // Which template failed: the one Tera names, else a missing parent's child.
        let culprit = report(&e)
            .and_then(|r| r.filename().strip_suffix(SUFFIX).map(str::to_string))
            .or_else(|| {
                first_report(&e).and_then(|r| r.name.strip_suffix(SUFFIX).map(str::to_string))
            })
            .or_else(|| match e.kind() {
                tera::ErrorKind::MissingParent { current, .. }
                | tera::ErrorKind::CircularExtend { tpl: current, .. } => {
                    current.strip_suffix(SUFFIX).map(str::to_string)
                }
                _ => None,
            })
            .filter(|n| sources.get(n).is_some_and(|s| s.broken.is_none()))
            .or_else(|| {
                sources
                    .iter()
                    .find(|(_, s)| s.broken.is_none())
                    .map(|(n, _)| n.clone())
            });
        let Some(culprit) = culprit else {
            return tera;
        };
        let Some(source) = sources.get_mut(&culprit) else {
            return tera;
        };
        let mut d = Diagnostic::error("", format!("the template does not parse: {}", tera_message(&e)))
            .with_help("fix the template syntax at this line (Tera 2: `{{ value }}`, `{% if … %}…{% endif %}`)");
        d.file = source.file.clone();
        d.position = report(&e).map(|r| Position {
            line: r.span().start_line,
            column: r.span().start_col + 1,
        });
        if d.position.is_none()
            && let Some(r) = first_report(&e).filter(|r| r.name == tera_name(&culprit))
        {
            d = reported(d, r);
        }
        source.broken = Some(d);
    }
}

/// One report of an error Tera gives as plain text (an unknown filter, test, function or
/// component is found when the templates are put together, and comes as a message holding
/// every such report, sorted by template): the first, with its template and place.
#[derive(Debug, PartialEq, Eq)]
struct TextReport {
    /// The Tera name: `bao-cao-rieng.md.tera`.
    name: String,
    position: Position,
    /// `Unknown filter `khong_co``.
    message: String,
}

/// The first report in an error's text: `error: MESSAGE` then ` --> NAME:LINE:COL`.
fn first_report(e: &tera::Error) -> Option<TextReport> {
    let text = e.to_string();
    let mut message = None;
    for line in text.lines() {
        let line = line.trim();
        if let Some(m) = line.strip_prefix("error: ") {
            message = Some(m.trim_start_matches("error: ").to_string());
        } else if let Some(at) = line.strip_prefix("--> ") {
            let mut parts = at.rsplitn(3, ':');
            let column = parts.next()?.parse().ok()?;
            let line = parts.next()?.parse().ok()?;
            let name = parts.next()?.to_string();
            return Some(TextReport {
                name,
                position: Position { line, column },
                message: message.unwrap_or_default(),
            });
        }
    }
    None
}

/// A load diagnostic narrowed to one report: its message and place, not every template's.
fn reported(mut d: Diagnostic, r: TextReport) -> Diagnostic {
    d.message = format!("the template does not load: {}", r.message);
    d.position = Some(r.position);
    d.help = Some(
        "a filter, test, function or component the template uses does not exist: check its spelling (`vanban templates` lists the templates; docs/templates.md the filters)".into(),
    );
    d
}

/// The blocks a document template fills, in the order [`Templates::render_once`] returns.
const BLOCKS: [&str; 4] = ["kind", "type_code", "title", "body"];
/// Around each block in a splitter's output: control characters no fact sheet or template
/// text carries (the loader turns them into spaces).
const OPEN: char = '\u{1E}';
const CLOSE: char = '\u{1F}';

/// A document template's splitter: a template that extends it and wraps each of its four
/// blocks in markers, so that one render gives all four (Tera's `render_block` evaluates
/// the whole template for each block, four times the work). Its name ends in the suffix, so
/// the same Markdown escaping applies; a `/` keeps it apart from any template file's name.
fn splitter_name(name: &str) -> String {
    format!("split/{name}{SUFFIX}")
}

fn add_splitters(tera: &mut Tera, sources: &BTreeMap<String, Source>) {
    let splitters: Vec<(String, String)> = sources
        .iter()
        .filter(|(n, s)| !n.starts_with('_') && s.broken.is_none())
        .map(|(n, _)| {
            let mut text = format!("{{% extends \"{}\" %}}", tera_name(n));
            for block in BLOCKS {
                text.push_str(&format!(
                    "{{% block {block} %}}{OPEN}{block}{CLOSE}{{{{ super() }}}}{CLOSE}{block}{OPEN}{{% endblock {block} %}}"
                ));
            }
            // The blocks inside the body mark where they start and end, so the document
            // model knows its outline (see `document::outline`).
            for block in BlockNode::names(&blocks_in(sources, n)) {
                if BLOCKS.contains(&block.as_str()) {
                    continue;
                }
                text.push_str(&format!(
                    "{{% block {block} %}}{ANCHOR}{block}{ANCHOR}{{{{ super() }}}}{ANCHOR}/{block}{ANCHOR}{{% endblock {block} %}}"
                ));
            }
            (splitter_name(n), text)
        })
        .collect();
    // Without splitters every render takes the slower path; nothing else changes.
    let mut with = tera.clone();
    if with
        .add_raw_templates(splitters.iter().map(|(n, t)| (n.as_str(), t.as_str())))
        .is_ok()
    {
        *tera = with;
    }
}

/// The text between a block's markers, when they occur exactly once each.
fn split_block(out: &str, block: &str) -> Option<String> {
    let open = format!("{OPEN}{block}{CLOSE}");
    let close = format!("{CLOSE}{block}{OPEN}");
    if out.matches(&open).count() != 1 || out.matches(&close).count() != 1 {
        return None;
    }
    let start = out.find(&open)? + open.len();
    let end = out.find(&close)?;
    out.get(start..end).map(str::to_string)
}

/// The title block is plain text, not Markdown: undo the escaping of inserted values.
fn unescape_inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(next) = chars.next() {
                if next.is_ascii_punctuation() {
                    out.push(next);
                } else {
                    out.push(c);
                    out.push(next);
                }
            } else {
                out.push(c);
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One render of the splitter gives every block exactly as rendering it alone does, for
    /// every document of every example sheet (the one render is really taken).
    #[test]
    fn one_render_gives_the_four_blocks_of_every_example() {
        let templates = Templates::load(None).expect("built-in templates");
        let mut documents = 0;
        let mut sheets: Vec<PathBuf> = std::fs::read_dir("data")
            .expect("data/")
            .map(|e| e.expect("entry").path())
            .collect();
        sheets.extend(
            std::fs::read_dir("data/huyen-thach-thanh-2024-tong-hop/xa")
                .expect("xa/")
                .map(|e| e.expect("entry").path()),
        );
        sheets.push("data/huyen-thach-thanh-2024-tong-hop/huyen-thach-thanh.yaml".into());
        for sheet in sheets
            .iter()
            .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        {
            let checked = crate::check(sheet, &templates, None).expect("example checks");
            let contexts = crate::contexts(&checked, &templates);
            for (spec, value) in checked.loaded.sheet.documents.iter().zip(&contexts) {
                let ctx = Context::from_serialize(value).expect("context");
                let name = &spec.template;
                let source = templates.sources.get(name).expect("source");
                let mut once = templates
                    .render_once(name, source, &ctx)
                    .expect("within budget")
                    .expect("one render");
                let each = templates.render_each(name, source, &ctx).expect("each");
                // One render also marks where the body's blocks start and end.
                let marks = once[3].matches(ANCHOR).count();
                assert_eq!(
                    marks,
                    4 * BlockNode::names(&templates.blocks(name)).len(),
                    "{name}: every block marked"
                );
                once[3] = once[3]
                    .split(ANCHOR)
                    .step_by(2)
                    .collect::<Vec<_>>()
                    .concat();
                assert_eq!(once, each, "{}: {name}", sheet.display());
                assert!(once[3].len() > 1000, "{name}: a body");
                documents += 1;
            }
        }
        assert!(documents >= 12, "{documents}");
    }

    #[test]
    fn a_block_missing_or_repeated_falls_back_to_rendering_each() {
        let out = format!("{OPEN}kind{CLOSE}BÁO CÁO{CLOSE}kind{OPEN}");
        assert_eq!(split_block(&out, "kind").as_deref(), Some("BÁO CÁO"));
        assert_eq!(split_block(&out, "title"), None);
        assert_eq!(split_block(&format!("{out}{out}"), "kind"), None);
    }

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

    #[test]
    fn a_broken_template_is_set_aside_with_its_line() {
        let dir = std::env::temp_dir().join(format!("vanban-tpl-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("tmp");
        std::fs::write(dir.join("hong.md.tera"), "{% block kind %}X{% endblock kind %}\n{% block body %}\nok\n{{ x | }}\n{% endblock body %}").expect("write");
        let t = Templates::load(Some(&dir)).expect("loads the rest");
        let p = t.problems("hong");
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].position.map(|p| p.line), Some(4));
        assert!(p[0].file.ends_with("hong.md.tera"));
        assert_eq!(t.problems("bao-cao-so-ket"), []);
        let _ = std::fs::remove_dir_all(&dir);
    }

    /// A templates folder holding `files` (name, text).
    fn folder(tag: &str, files: &[(&str, &str)]) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("vanban-tpl-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("tmp");
        for (name, text) in files {
            std::fs::write(dir.join(name), text).expect("write");
        }
        dir
    }

    #[test]
    fn extends_and_include_cycles_are_errors_at_their_lines() {
        let dir = folder(
            "cycle",
            &[
                ("a.md.tera", "{% extends \"b.md.tera\" %}\n"),
                ("b.md.tera", "{#- vanban\n-#}\n{% extends 'a.md.tera' %}\n"),
                (
                    "c.md.tera",
                    "{% block kind %}X{% endblock kind %}\n{% block body %}{%- include \"d.md.tera\" %}{% endblock body %}",
                ),
                ("d.md.tera", "x{% include \"c.md.tera\" %}"),
                ("e.md.tera", "{% extends \"bao-cao-so-ket.md.tera\" %}"),
            ],
        );
        let t = Templates::load(Some(&dir)).expect("loads");
        let at = |name: &str| {
            let p = t.problems(name);
            let d = p.first().unwrap_or_else(|| panic!("no problem for {name}"));
            (d.message.clone(), d.position.map(|p| (p.line, p.column)))
        };
        assert_eq!(
            at("a"),
            (
                "the templates form a cycle: a → b → a (this template extends `b`)".into(),
                Some((1, 1))
            )
        );
        assert_eq!(at("b").1, Some((3, 1)));
        assert_eq!(
            at("c"),
            (
                "the templates form a cycle: c → d → c (this template includes `d`)".into(),
                Some((2, 17))
            )
        );
        // Nothing else is blamed, and a template extending a built-in is fine.
        assert_eq!(t.problems("e"), []);
        assert_eq!(t.problems(LIBRARY), []);
        assert!(t.contract("a").reads.is_empty(), "no endless recursion");
        assert!(t.render("a", &Context::new()).is_err());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn only_regular_files_of_a_bounded_size_are_read() {
        let big = "x".repeat(LARGEST_TEMPLATE as usize + 1);
        let dir = folder("files", &[("big.md.tera", &big)]);
        std::fs::create_dir_all(dir.join("folder.md.tera")).expect("dir");
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink("/dev/zero", dir.join("zero.md.tera")).expect("link");
            let fifo = dir.join("fifo.md.tera");
            let made = std::process::Command::new("mkfifo").arg(&fifo).status();
            assert!(made.is_ok_and(|s| s.success()), "mkfifo");
        }
        let t = Templates::load(Some(&dir)).expect("loads without reading them");
        let message = |name: &str| t.problems(name).first().map(|d| d.message.clone());
        assert_eq!(
            message("big").as_deref(),
            Some("the template is too large: 501 KB (the limit is 500 KB)")
        );
        for name in ["folder", "zero", "fifo"] {
            if cfg!(unix) || name == "folder" {
                assert!(
                    message(name).is_some_and(|m| m.contains("not a regular file")),
                    "{name}: {:?}",
                    t.problems(name)
                );
            }
        }
        assert_eq!(t.problems("bao-cao-so-ket"), [], "the others load");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_render_stops_at_its_budget() {
        let dir = folder(
            "budget",
            &[
                (
                    "writes.md.tera",
                    &format!(
                        "{{% block kind %}}X{{% endblock kind %}}{{% block body %}}{{% for i in range(end=100000) %}}{}{{% endfor %}}{{% endblock body %}}",
                        "y".repeat(300)
                    ),
                ),
                (
                    "spins.md.tera",
                    "{% block kind %}X{% endblock kind %}{% block body %}{% for i in range(end=3000) %}{% for j in range(end=1000) %}{% set k = j %}{% endfor %}{% endfor %}{% endblock body %}",
                ),
            ],
        );
        let mut t = Templates::load(Some(&dir)).expect("loads");
        let ctx = Context::new();
        let d = t.render("writes", &ctx).expect_err("too much output");
        assert_eq!(
            d.message,
            "the template was stopped: it wrote more than 20 MB"
        );
        assert!(d.file.ends_with("writes.md.tera"), "{d}");
        // A loop that writes nothing is abandoned at the time limit.
        t.render_time = Duration::from_millis(50);
        let start = Instant::now();
        let d = t.render("spins", &ctx).expect_err("too long");
        assert_eq!(
            d.message,
            "the template was stopped: it ran for more than 0.1 seconds"
        );
        assert!(start.elapsed() < Duration::from_secs(2));
        // The writer reads the clock at each write.
        let mut late = Budget {
            bytes: Vec::new(),
            start: Instant::now(),
            limit: Duration::ZERO,
            stopped: None,
        };
        std::thread::sleep(Duration::from_millis(1));
        assert!(std::io::Write::write(&mut late, b"x").is_err());
        let _ = std::fs::remove_dir_all(&dir);
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

    #[test]
    fn an_unknown_filter_sets_aside_only_its_template_at_its_line() {
        let dir = std::env::temp_dir().join(format!("vanban-tpl-filter-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("tmp");
        std::fs::write(
            dir.join("rieng.md.tera"),
            "{% block kind %}X{% endblock kind %}\n{% block body %}\nCó {{ unit.households | khong_co }} hộ.\n{% endblock body %}",
        )
        .expect("write");
        let t = Templates::load(Some(&dir)).expect("loads the rest");
        let p = t.problems("rieng");
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(p[0].file.ends_with("rieng.md.tera"), "{p:?}");
        assert_eq!(
            p[0].position,
            Some(Position {
                line: 3,
                column: 25
            })
        );
        assert_eq!(
            p[0].message,
            "the template does not load: Unknown filter `khong_co`"
        );
        // The library and the other templates are untouched.
        for name in ["bao-cao-so-ket", "bao-cao-tong-hop", LIBRARY] {
            assert_eq!(t.problems(name), [], "{name}");
        }
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn the_absent_name_behind_a_render_error_is_found() {
        let dir = std::env::temp_dir().join(format!("vanban-tpl-absent-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("tmp");
        std::fs::write(
            dir.join("rieng.md.tera"),
            "{#- vanban\nreads:\n  unit.households:\n  narrative.lessons: { label: Bài học }\n-#}\n{% block kind %}X{% endblock kind %}{% block type_code %}BC{% endblock type_code %}{% block title %}T{% endblock title %}\n{% block body %}\n{{ unit.households }}\n\n{{ <paragraphs items={narrative.lessons}/> }}\n{% endblock body %}",
        )
        .expect("write");
        let t = Templates::load(Some(&dir)).expect("loads");
        let context = serde_json::json!({"unit": {"households": 5}, "narrative": {}});
        let ctx = Context::from_serialize(&context).expect("context");
        assert!(t.render("rieng", &ctx).is_err());
        assert_eq!(
            t.absent_cause("rieng", &context).as_deref(),
            Some("narrative.lessons")
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn reports_in_tera_text_are_read() {
        let e = tera::Error::message(
            "error: Unknown filter `a`\n  --> x.md.tera:10:25\n   |\n\nerror: Unknown test `b`\n  --> y.md.tera:2:3",
        );
        assert_eq!(
            first_report(&e),
            Some(TextReport {
                name: "x.md.tera".into(),
                position: Position {
                    line: 10,
                    column: 25
                },
                message: "Unknown filter `a`".into(),
            })
        );
    }
}
