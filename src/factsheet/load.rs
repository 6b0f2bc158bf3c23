//! Loading a fact sheet: bytes → YAML tree → cleaned tree → typed [`FactSheet`], with every
//! problem reported as a located [`Diagnostic`] in plain words (see [`super::yaml_errors`]).
//!
//! The YAML is read in two steps so that one run reports several mistakes: the parser builds
//! a generic tree (syntax errors and duplicate keys stop here), then the tree is converted to
//! the typed model again and again, each time dropping the field that failed, until it
//! converts. A typo in one key therefore does not hide a wrong type three sections later.

use super::FactSheet;
pub use super::loads::{Loads, Read, read_bytes, read_file, sha256};
use super::paths::{LazyPathMap, PathMap, Position};
use super::yaml_errors::{self, Found, join};
use crate::diagnostic::{Diagnostic, Severity};
use serde_json::Value;
use std::path::{Path, PathBuf};
use unicode_normalization::UnicodeNormalization;

/// A successfully loaded fact sheet and where its fields are.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub file: PathBuf,
    pub sheet: FactSheet,
    pub paths: LazyPathMap,
    /// The YAML as a tree (after dropping fields that failed), for the open data checks.
    pub tree: Value,
    /// Errors in fields that were dropped so the rest could load. Non-empty means the sheet
    /// is incomplete: validate it to find more mistakes, but never render it.
    pub errors: Vec<Diagnostic>,
    /// Hex SHA-256 of the bytes parsed, when they came from a file read whole.
    pub sha256: Option<String>,
}

impl Loaded {
    /// Attaches the file and position of its path to a diagnostic.
    pub fn locate(&self, d: Diagnostic) -> Diagnostic {
        locate(d, &self.file, &self.paths)
    }
}

pub(super) fn locate(mut d: Diagnostic, file: &Path, paths: &PathMap) -> Diagnostic {
    d.file = file.to_path_buf();
    if d.position.is_none() {
        d.position = paths.locate(&d.path);
    }
    d
}

/// The largest fact sheet vanban reads, in bytes. A real one is a few hundred lines (the
/// largest shipped example is 10 KB); a file a hundred times that is not a fact sheet, and
/// reading it would cost memory and time for nothing.
pub const LARGEST_FILE: u64 = 1_000_000;

/// The longest text value, in characters: about seven printed pages. Laying out one
/// paragraph costs more than linear time in Typst when it holds many italic or bold runs,
/// so the limit also bounds the time to render.
pub const LONGEST_TEXT: usize = 20_000;

pub(super) fn file_too_large(size: u64) -> Diagnostic {
    Diagnostic::new(
        Severity::Error,
        "file-too-large",
        "",
        crate::i18n::args! {"size" => kilobytes(size), "limit" => kilobytes(LARGEST_FILE)},
    )
}

/// `1001 KB`, rounded up so a file just over the limit never reads as the limit.
fn kilobytes(bytes: u64) -> String {
    format!("{} KB", bytes.div_ceil(1000))
}

/// Reads and parses a fact sheet file. A file larger than [`LARGEST_FILE`] is refused before
/// it is read.
pub fn load_file(file: &Path) -> Result<Loaded, Vec<Diagnostic>> {
    load_file_with(file, &mut |_, _| {})
}

/// Something a sheet's documents depend on, besides the templates, vanban's version and the
/// render options (recorded for every sheet). the check (`lib.rs`) lists the fact sheet itself;
/// whatever else it reads adds its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dependency {
    /// A file read: the fact sheet, a child sheet.
    File(PathBuf),
    /// A glob pattern, as `glob::glob` takes it (joined to the sheet's folder), and what it
    /// matched, so that a new or removed match is noticed.
    Glob {
        pattern: String,
        matched: Vec<PathBuf>,
    },
    /// A value the caller computes once per run (e.g. one workbook row, labelled
    /// `workbook:<file>:<key>`): current values are passed to [`crate::batch::render`]
    /// in [`crate::batch::Options::digests`].
    Digest { label: String, sha256: String },
}

/// Changes made to the parsed tree before it is checked and typed: the figures of a
/// data-entry workbook row (see [`crate::workbook`]). It sees the cleaned tree and where each
/// field of the file is (built only if the patch asks).
pub type Patch<'a> = dyn FnMut(&mut Value, &LazyPathMap) + 'a;

/// [`load_file`], with `patch` applied to the tree before anything checks it, so the checks
/// (kinds, limits, required names, rules) see the patched figures.
pub fn load_file_with(file: &Path, patch: &mut Patch<'_>) -> Result<Loaded, Vec<Diagnostic>> {
    let read = read_file(&crate::source::DISK, file);
    let mut loaded = load_str_with(&read.text?, file, patch)?;
    loaded.sha256 = read.sha256;
    Ok(loaded)
}

pub use super::yaml_errors::nearest;

/// Template text as the rest of the program sees it: no BOM, no control characters but
/// line breaks and tabs (a vertical tab pasted from Excel makes an invalid DOCX),
/// NFC-normalised so `ộ` typed as `ô` + combining dot compares and prints like the
/// precomposed letter. Fact sheets are cleaned after parsing instead, value by value
/// ([`yaml_errors::clean_tree`]), so that YAML escapes are cleaned too.
pub fn clean_text(text: &str) -> String {
    text.trim_start_matches('\u{feff}')
        .chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\t' | '\r'))
        .nfc()
        .collect()
}

/// Parses fact-sheet text; `file` is used in diagnostics only.
///
/// Only a leading BOM is removed before parsing, so that positions match the file; every
/// text value and key is cleaned after parsing, escapes included.
pub fn load_str(text: &str, file: &Path) -> Result<Loaded, Vec<Diagnostic>> {
    load_str_with(text, file, &mut |_, _| {})
}

/// [`load_str`] with a [`Patch`] applied to the tree after parsing.
pub fn load_str_with(
    text: &str,
    file: &Path,
    patch: &mut Patch<'_>,
) -> Result<Loaded, Vec<Diagnostic>> {
    let text = text.trim_start_matches('\u{feff}');
    if text.len() as u64 > LARGEST_FILE {
        return Err(vec![locate(
            file_too_large(text.len() as u64),
            file,
            &PathMap::default(),
        )]);
    }
    if yaml_errors::is_blank(text) {
        return Err(vec![locate(
            yaml_errors::empty_file(),
            file,
            &PathMap::default(),
        )]);
    }
    // The YAML reader rejects a raw control character (a vertical tab pasted from Excel);
    // each is replaced by one character the cleaning below removes or turns into a space.
    let text = &*yaml_errors::neutralise_controls(text);
    let paths = LazyPathMap::new(text);
    let mut tree: Value = serde_saphyr::from_str(text).map_err(|e| {
        vec![locate(
            yaml_errors::syntax_diagnostic(&e, text, &paths),
            file,
            &paths,
        )]
    })?;
    if tree.is_null() {
        return Err(vec![locate(yaml_errors::empty_file(), file, &paths)]);
    }
    if !tree.is_object() {
        let mut d = yaml_errors::not_a_group(&tree);
        d.position = Some(Position { line: 1, column: 1 });
        return Err(vec![locate(d, file, &paths)]);
    }
    yaml_errors::clean_tree(&mut tree);
    patch(&mut tree, &paths);

    let mut diagnostics: Vec<Diagnostic> = Vec::new();
    too_large(&tree, "", &mut diagnostics);
    too_long(&mut tree, "", &mut diagnostics);
    super::placeholder::scan(&tree, "", &mut diagnostics);
    let mut diagnostics: Vec<Diagnostic> = diagnostics
        .into_iter()
        .map(|d| locate(d, file, &paths))
        .collect();
    // Each failed pass removes one field, so this ends; the cap guards against a bug.
    for _ in 0..64 {
        match serde_path_to_error::deserialize::<_, FactSheet>(&tree) {
            Ok(sheet) => {
                diagnostics.sort_by_key(|d| d.position);
                return Ok(Loaded {
                    file: file.to_path_buf(),
                    sheet,
                    paths,
                    tree,
                    errors: diagnostics,
                    sha256: None,
                });
            }
            Err(e) => {
                let path = e.path().to_string();
                let path = if path == "." { String::new() } else { path };
                let message = e.inner().to_string();
                let value = get(&tree, &path).cloned();
                let literal = match (&value, paths.locate(&path)) {
                    (Some(v @ Value::Number(_)), Some(at)) => {
                        yaml_errors::number_literal(text, at, v)
                    }
                    _ => None,
                };
                let found = Found {
                    value: value.as_ref(),
                    literal,
                };
                let choices = || allowed_values(&tree, &path);
                let mut d = yaml_errors::field_diagnostic(&path, &message, &found, &choices);
                let unknown = d.code == "unknown-key";
                if unknown {
                    d.position = paths.locate_key(&d.path);
                }
                // A text with an unquoted comma in `{ ... }` reads as several keys: one
                // error for the line, and its pieces are dropped together.
                if (unknown || value.as_ref().is_some_and(Value::is_null))
                    && let Some(split) = comma_split(&mut tree, &d.path, text, &paths)
                {
                    diagnostics.push(locate(split, file, &paths));
                    continue;
                }
                let removed = remove_path(&mut tree, &path);
                // A parent dropped for a missing field is then missing itself: say it once.
                let already = diagnostics.iter().any(|old| {
                    old.path == d.path
                        || old.path.starts_with(&format!("{}.", d.path))
                        || old.path.starts_with(&format!("{}[", d.path))
                });
                if !already {
                    diagnostics.push(locate(d, file, &paths));
                }
                if !removed {
                    break;
                }
            }
        }
    }
    diagnostics.sort_by_key(|d| d.position);
    Err(diagnostics)
}

/// When the key at `path` is a piece of a text cut at an unquoted comma in `{ ... }`,
/// removes every such piece of its line from the tree and returns the one diagnostic.
fn comma_split(tree: &mut Value, path: &str, text: &str, paths: &PathMap) -> Option<Diagnostic> {
    let (parent, key) = match path.rsplit_once('.') {
        Some((parent, key)) => (parent, key),
        None => ("", path),
    };
    if key.ends_with(']') {
        return None;
    }
    let line = paths.locate_key(path)?.line;
    let split = yaml_errors::comma_split(text, line, key)?;
    let Some(Value::Object(map)) = walk(tree, parent) else {
        return None;
    };
    let mut removed = false;
    for fragment in &split.fragments {
        if map.get(fragment).is_some_and(Value::is_null) {
            removed |= map.remove(fragment).is_some();
        }
    }
    removed.then(|| split.diagnostic(parent, paths))
}

/// The values an enum field allows: converting the tree with a value no enum has makes
/// serde list them.
fn allowed_values(tree: &Value, path: &str) -> Vec<String> {
    let mut probe = tree.clone();
    match walk(&mut probe, path) {
        Some(node) => *node = Value::String("\u{1}".to_string()),
        None => return Vec::new(),
    }
    match serde_path_to_error::deserialize::<_, FactSheet>(&probe) {
        Err(e) if e.path().to_string() == path => {
            let message = e.inner().to_string();
            if message.contains("unknown variant") {
                yaml_errors::expected_names(&message)
            } else {
                Vec::new()
            }
        }
        _ => Vec::new(),
    }
}

/// No figure in these documents comes near a trillion; a larger number is a typo (an extra
/// digit, a pasted ID) and would overflow the arithmetic that derives phrases from it.
pub const LARGEST_FIGURE: f64 = 1e12;

fn too_large(node: &Value, path: &str, out: &mut Vec<Diagnostic>) {
    match node {
        Value::Number(n) if n.as_f64().is_some_and(|x| x.abs() > LARGEST_FIGURE) => {
            out.push(Diagnostic::new(
                Severity::Error,
                "figure-too-large",
                path,
                crate::i18n::args! {"value" => n.to_string()},
            ));
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                too_large(item, &format!("{path}[{i}]"), out);
            }
        }
        Value::Object(map) => {
            for (k, v) in map {
                too_large(v, &join(path, k), out);
            }
        }
        _ => {}
    }
}

/// Reports every text longer than [`LONGEST_TEXT`] characters and cuts it to that length, so
/// that the checks still run on the rest of the sheet at a bounded cost (a sheet with an
/// error never renders).
fn too_long(node: &mut Value, path: &str, out: &mut Vec<Diagnostic>) {
    match node {
        // Bytes bound characters from above: most texts need no count.
        Value::String(s) if s.len() > LONGEST_TEXT => {
            let chars = s.chars().count();
            if chars > LONGEST_TEXT {
                out.push(Diagnostic::new(
                    Severity::Error,
                    "text-too-long",
                    path,
                    crate::i18n::args! {"n" => chars, "limit" => LONGEST_TEXT},
                ));
                let cut = s
                    .char_indices()
                    .nth(LONGEST_TEXT)
                    .map_or(s.len(), |(i, _)| i);
                s.truncate(cut);
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter_mut().enumerate() {
                too_long(item, &format!("{path}[{i}]"), out);
            }
        }
        Value::Object(map) => {
            for (k, v) in map.iter_mut() {
                too_long(v, &join(path, k), out);
            }
        }
        _ => {}
    }
}

/// Drops the field at `path` so the next pass can go on; for a missing field `path` is the
/// group that lacks it, and the group is dropped. Returns false when nothing could be removed.
fn remove_path(tree: &mut Value, path: &str) -> bool {
    if path.is_empty() {
        return false;
    }
    let (parent, last) = match path.rfind(['.', '[']) {
        Some(cut) => (&path[..cut], &path[cut..]),
        None => ("", path),
    };
    let Some(node) = walk(tree, parent) else {
        return false;
    };
    if let Some(index) = last.strip_prefix('[').and_then(|s| s.strip_suffix(']')) {
        let Ok(i) = index.parse::<usize>() else {
            return false;
        };
        match node {
            Value::Array(items) if i < items.len() => {
                items.remove(i);
                true
            }
            _ => false,
        }
    } else {
        let key = last.trim_start_matches('.');
        match node {
            Value::Object(map) => map.remove(key).is_some(),
            _ => false,
        }
    }
}

/// One step of a field path: a key, or an index into a list.
enum Step<'p> {
    Key(&'p str),
    Index(usize),
}

/// The steps of `facts.incidents[0].cases`; `None` for a malformed index.
fn steps(path: &str) -> Option<Vec<Step<'_>>> {
    let mut out = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let (key, indices) = part.split_at(part.find('[').unwrap_or(part.len()));
        if !key.is_empty() {
            out.push(Step::Key(key));
        }
        for index in indices.split(['[', ']']).filter(|s| !s.is_empty()) {
            out.push(Step::Index(index.parse::<usize>().ok()?));
        }
    }
    Some(out)
}

fn get<'a>(tree: &'a Value, path: &str) -> Option<&'a Value> {
    steps(path)?
        .into_iter()
        .try_fold(tree, |node, step| match step {
            Step::Key(k) => node.get(k),
            Step::Index(i) => node.get(i),
        })
}

fn walk<'a>(tree: &'a mut Value, path: &str) -> Option<&'a mut Value> {
    steps(path)?
        .into_iter()
        .try_fold(tree, |node, step| match step {
            Step::Key(k) => node.get_mut(k),
            Step::Index(i) => node.get_mut(i),
        })
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    pub(in crate::factsheet) const BASE: &str = "schema: 1
unit:
  name: Ba Đình
  level: phuong
  households: 1000
period:
  year: 2024
issuer:
  agency: [Ban Chỉ đạo]
  abbreviation: BCĐ
  signer:
    position: Trưởng ban
documents:
  - template: bao-cao-ket-qua-tt124
facts:
  models:
    - name: Camera an ninh
      cameras: 18
";

    /// The errors of loading `text`, from a failed or an incomplete load.
    fn errors(text: &str) -> Vec<Diagnostic> {
        match load_str(text, Path::new("t.yaml")) {
            Ok(loaded) => loaded.errors,
            Err(d) => d,
        }
    }

    /// The sheet loaded from `text`, which must load without errors.
    fn sheet(text: &str) -> FactSheet {
        let loaded = load_str(text, Path::new("t.yaml")).unwrap_or_else(|d| panic!("{d:#?}"));
        assert!(loaded.errors.is_empty(), "{:#?}", loaded.errors);
        loaded.sheet
    }

    /// Each case must give at least one error, and none may speak serde.
    #[test]
    fn no_library_words_reach_the_user() {
        let cases = [
            BASE.replace(
                "households: 1000",
                "households: abc\n  population: -5\n  area_ha: abc\n  agencies_enterprises: 3.537\n  sub_units: abc",
            ),
            BASE.replace("level: phuong", "level: 5"),
            BASE.replace("name: Ba Đình", "name: 123"),
            BASE.replace("name: Ba Đình", "name:\n    - a"),
            BASE.replace("year: 2024", "year: 2024.5"),
            BASE.replace(
                "  signer:\n    position: Trưởng ban",
                "  signer: Trưởng ban",
            ),
            BASE.replace(
                "  - template: bao-cao-ket-qua-tt124",
                "  - template: bao-cao-ket-qua-tt124\n    date: 2024\n    number: 1.234.567",
            ),
            BASE.replace(
                "      cameras: 18",
                "      cameras: 18\n      teams: 5000000000",
            ),
            format!(
                "{BASE}  criteria:\n    registered: có\n    plan: {{ kind: KH, number: 1, date: 2024-13-45 }}\n"
            ),
            format!("{BASE}  incidents:\n    - {{ category: Trộm, cases: }}\n"),
            format!("{BASE}  weapons_handed_in:\n    - {{ item: thuốc nổ, quantity: '2,5' }}\n"),
            BASE.replace("households: 1000", "households: 1000\n  households: 1200"),
            format!("{BASE}---\nschema: 1\n"),
            BASE.replace("households: 1000", "households: .nan"),
            String::new(),
            "- a\n- b\n".to_string(),
            "a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: [*f,*f,*f,*f,*f,*f,*f,*f,*f,*f]\n".to_string(),
        ];
        let mut all = Vec::new();
        for case in &cases {
            let found = errors(case);
            assert!(!found.is_empty(), "no error for:\n{case}");
            all.extend(found);
        }
        for d in &all {
            let text = format!("{} {}", d.message, d.help.as_deref().unwrap_or(""));
            for word in yaml_errors::JARGON {
                assert!(!text.contains(word), "`{word}` in: {d}");
            }
        }
        let said = |message: &str, help: &str| {
            assert!(
                all.iter()
                    .any(|d| d.message == message && d.help.as_deref() == Some(help)),
                "no `{message}` / `{help}` in {all:#?}"
            )
        };
        let whole = "write a whole number of 0 or more, without dots or spaces (3537, not 3.537)";
        said("\"abc\" is not a whole number", whole);
        said("-5 cannot be negative", "write a whole number of 0 or more");
        said(
            "3.537 is not a whole number",
            "write 3537: in a fact sheet a dot is a decimal point, so thousands are written without dots or spaces",
        );
        said(
            "\"1.234.567\" is not a whole number",
            "write 1234567: in a fact sheet a dot is a decimal point, so thousands are written without dots or spaces",
        );
        said(
            "\"abc\" is not a number",
            "write a number with a dot for decimals (2.5)",
        );
        said("\"2,5\" is not a number", "write 2.5: decimals take a dot");
        said(
            "expected a list, found \"abc\"",
            "write a list: one `- item` per line below the key, or [a, b] on one line",
        );
        said(
            "expected text, found 123",
            "put the text in quotes: name: \"123\"",
        );
        said(
            "expected a group of keys, found \"Trưởng ban\"",
            "write its keys on the lines below, indented, one `key: value` per line (see docs/fact-sheet.md)",
        );
        said(
            "\"có\" is not true or false",
            "write true or false, without quotes",
        );
        said("`cases` has no value", whole);
        said(
            "5 is not one of the allowed values",
            "write one of: `khu_dan_cu`, `xa`, `phuong`, `thi_tran`, `huyen`, `tinh`",
        );
        said(
            "\"2024-13-45\" is not a date",
            "write dates as YYYY-MM-DD, e.g. 2024-11-05",
        );
        said(
            "5000000000 is too large for this figure",
            "check for an extra digit",
        );
    }

    #[test]
    fn unquoted_comma_in_flow_mapping_is_one_error() {
        let text = BASE.replace(
            "    - name: Camera an ninh\n      cameras: 18",
            "    - { name: Tổ tự quản phòng, chống tội phạm, tệ nạn xã hội, members: 120 }",
        );
        let found = errors(&text);
        assert_eq!(found.len(), 1, "{found:#?}");
        let d = &found[0];
        assert_eq!(d.path, "facts.models[0].name");
        assert_eq!(d.position.map(|p| p.line), Some(17));
        assert!(d.message.contains("contains a comma"), "{d}");
        assert!(d.message.contains("must be in quotes"), "{d}");
        assert_eq!(
            d.help.as_deref(),
            Some("write name: \"Tổ tự quản phòng, chống tội phạm, tệ nạn xã hội\"")
        );
        // Quoted, it loads.
        let fixed = BASE.replace(
            "    - name: Camera an ninh\n      cameras: 18",
            "    - { name: \"Tổ tự quản phòng, chống tội phạm, tệ nạn xã hội\", members: 120 }",
        );
        assert_eq!(
            sheet(&fixed).facts.models[0].name,
            "Tổ tự quản phòng, chống tội phạm, tệ nạn xã hội"
        );
        // A comma in a text that is not followed by anything else is found as well.
        let last = BASE.replace(
            "level: phuong",
            "level: phuong\n  subdivision: { count: 86, kind: tổ an ninh, trật tự }",
        );
        let found = errors(&last);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(
            found[0].help.as_deref(),
            Some("write kind: \"tổ an ninh, trật tự\"")
        );
    }

    #[test]
    fn duplicate_key_shows_both_lines() {
        let text = BASE.replace(
            "households: 1000",
            "households: 1000\n  population: 4000\n  households: 1200",
        );
        let found = errors(&text);
        assert_eq!(found.len(), 1, "{found:#?}");
        let d = &found[0];
        assert_eq!(d.message, "key `households` appears twice (lines 5 and 7)");
        assert_eq!(
            d.help.as_deref(),
            Some("a key may appear once in a group: keep one")
        );
        assert_eq!(d.path, "unit.households");
        assert_eq!(d.position.map(|p| p.line), Some(7));
        // The same key in another group is not counted.
        let text = format!("{BASE}  incidents:\n    - {{ category: A, cases: 1, cases: 2 }}\n");
        let found = errors(&text);
        assert_eq!(found[0].message, "key `cases` appears twice (on line 20)");
    }

    #[test]
    fn two_documents_nan_and_empty_file() {
        let two = format!("{BASE}---\nschema: 1\n");
        let found = errors(&two);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(
            found[0].message,
            "the file holds more than one YAML document"
        );
        assert_eq!(
            found[0].help.as_deref(),
            Some("a fact sheet is one YAML document: remove the second '---'")
        );
        assert_eq!(found[0].position.map(|p| p.line), Some(19));

        for (value, shown) in [(".nan", "`.nan`"), (".inf", "`.inf`"), ("-.inf", "`-.inf`")] {
            let found = errors(&BASE.replace("households: 1000", &format!("households: {value}")));
            assert_eq!(found.len(), 1, "{found:#?}");
            assert_eq!(found[0].message, format!("{shown} is not a number"));
            assert_eq!(found[0].help.as_deref(), Some("write a number"));
            assert_eq!(found[0].position.map(|p| p.line), Some(5));
        }

        for empty in ["", "\n\n", "# nothing yet\n", "\u{feff}---\n"] {
            let found = errors(empty);
            assert_eq!(found.len(), 1, "{found:#?}");
            assert_eq!(found[0].message, "the file is empty");
            assert!(
                found[0]
                    .help
                    .as_deref()
                    .is_some_and(|h| h.starts_with("the file is empty: start from vanban init")),
                "{found:#?}"
            );
        }
    }

    #[test]
    fn text_is_cleaned_after_parsing() {
        let name = |value: &str| {
            sheet(&BASE.replace("name: Ba Đình", &format!("name: {value}")))
                .unit
                .name
        };
        assert_eq!(name(r#""Ba\vĐình""#), "Ba Đình");
        assert_eq!(name(r#""\x1b[31mX""#), "[31mX");
        assert_eq!(name(r#""A\0B\x07C""#), "ABC");
        assert_eq!(name(r#""Pho\u0302\u0300ng""#), "Phồng");
        assert_eq!(name("Ba\u{a0}Đình\u{2011}Hà"), "Ba Đình-Hà");
        assert_eq!(name("Ba\u{200b}\u{2060}Đình\u{3000}X"), "BaĐình X");
        assert_eq!(name(r#""Ba\tĐình\r\nHà\n""#), "Ba Đình Hà");
        assert_eq!(name(r#""Ba\u2028Đình""#), "Ba Đình");
        // Keys are cleaned too: a pasted no-break space in a key is a plain key.
        let text = BASE.replace("  households: 1000", "  households\u{200b}: 1000");
        assert_eq!(sheet(&text).unit.households, Some(1000));
        // Raw control characters (pasted, not escaped) are cleaned the same way, and
        // positions still match the file: nothing before parsing moves a character.
        assert_eq!(name("Ba\u{b}Đình"), "Ba Đình");
        assert_eq!(name("\"Ba\u{b}Đình\u{1b}[31m\""), "Ba Đình[31m");
        assert_eq!(name("\u{1b}[31mX"), "[31mX");
        let text = BASE.replace("name: Ba Đình", "name: \"Ba\u{b}Đình\"\n  population: x");
        let found = errors(&text);
        assert_eq!(found[0].position.map(|p| (p.line, p.column)), Some((4, 15)));
    }

    #[test]
    fn nfc_and_control_characters() {
        let decomposed = "Pho\u{302}\u{300}\u{b}ng";
        assert_eq!(clean_text(decomposed), "Phồng");
        assert_eq!(clean_text("\u{feff}a\tb\r\n"), "a\tb\r\n");
    }

    #[test]
    fn nearest_key() {
        let keys: Vec<String> = ["households", "population", "name"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(nearest("housholds", &keys), Some("households".into()));
        assert_eq!(nearest("zzz", &keys), None);
    }

    #[test]
    fn remove_nested() {
        let mut v: Value = serde_json::json!({"a": {"b": [1, {"c": 2, "d": 3}]}});
        assert!(remove_path(&mut v, "a.b[1].c"));
        assert_eq!(v, serde_json::json!({"a": {"b": [1, {"d": 3}]}}));
        assert!(remove_path(&mut v, "a.b[0]"));
        assert!(!remove_path(&mut v, "a.x.y"));
    }
}
