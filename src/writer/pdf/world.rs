//! The Typst [`World`] of the PDF writer: a closed box with the embedded fonts, the fixed
//! layout source and one virtual data file — no file system, no system fonts, no packages,
//! no clock.

use std::ops::Range;

use anyhow::Context;
use typst::diag::{FileError, FileResult, PackageError, Severity, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World, WorldExt};

/// The layout: fixed Typst code that reads the document from [`DATA_PATH`].
const LAYOUT: &str = include_str!("layout.typ");
const LAYOUT_PATH: &str = "/layout.typ";
/// Where the layout finds the document (`json("/data.json")`).
const DATA_PATH: &str = "/data.json";

/// Liberation Serif 2.1.5 (OFL, Times-metric, full Vietnamese), compiled into the binary so a
/// fresh machine needs no font install and no document ever falls back to another font.
pub(super) const FONTS: [&[u8]; 4] = [
    include_bytes!("../../../assets/fonts/LiberationSerif-Regular.ttf"),
    include_bytes!("../../../assets/fonts/LiberationSerif-Bold.ttf"),
    include_bytes!("../../../assets/fonts/LiberationSerif-Italic.ttf"),
    include_bytes!("../../../assets/fonts/LiberationSerif-BoldItalic.ttf"),
];

/// Everything that is the same for every document: parsed once, shared by all renders.
pub(super) struct Shared {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    printable: Printable,
    layout: Source,
    data_id: FileId,
}

impl Shared {
    pub(super) fn new() -> anyhow::Result<Self> {
        // Without hinting, which a PDF never uses (see dehint.rs); as shipped should that fail.
        let fonts: Vec<Font> = FONTS
            .iter()
            .flat_map(|data| {
                let bytes = match super::dehint::dehint(data) {
                    Ok(stripped) => Bytes::new(stripped),
                    Err(_) => Bytes::new(*data),
                };
                Font::iter(bytes)
            })
            .collect();
        anyhow::ensure!(
            fonts.len() == FONTS.len(),
            "embedded fonts: parsed {} of {} font files",
            fonts.len(),
            FONTS.len()
        );
        let book = FontBook::from_fonts(&fonts);
        let printable = Printable::of(&fonts);
        Ok(Shared {
            library: LazyHash::new(Library::builder().build()),
            book: LazyHash::new(book),
            fonts,
            printable,
            layout: Source::new(project_file(LAYOUT_PATH)?, LAYOUT.to_string()),
            data_id: project_file(DATA_PATH)?,
        })
    }

    /// Whether every embedded style (regular, bold, italic, bold italic) has a glyph for
    /// `c`, so any run can print it. Spaces and line ends are always fine.
    pub(super) fn covers(&self, c: char) -> bool {
        c == ' ' || c == '\n' || self.printable.contains(c)
    }
}

/// The characters every embedded style has a glyph for, as a bitmap: every character of
/// every document is looked up here, and a font's own coverage is a linear list of runs.
struct Printable(Vec<u64>);

impl Printable {
    fn of(fonts: &[Font]) -> Self {
        let bitmap = |font: &Font| {
            let mut bits: Vec<u64> = Vec::new();
            for c in font.info().coverage.iter() {
                let word = c as usize / 64;
                if bits.len() <= word {
                    bits.resize(word + 1, 0);
                }
                if let Some(bits) = bits.get_mut(word) {
                    *bits |= 1 << (c % 64);
                }
            }
            bits
        };
        let all = fonts
            .iter()
            .map(bitmap)
            .reduce(|a, b| a.iter().zip(&b).map(|(x, y)| x & y).collect())
            .unwrap_or_default();
        Printable(all)
    }

    fn contains(&self, c: char) -> bool {
        let c = c as usize;
        self.0
            .get(c / 64)
            .is_some_and(|word| word >> (c % 64) & 1 == 1)
    }
}

fn project_file(path: &str) -> anyhow::Result<FileId> {
    let vpath = VirtualPath::new(path)
        .map_err(|e| anyhow::anyhow!("{e:?}"))
        .with_context(|| format!("virtual path {path}"))?;
    Ok(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

/// The world of one document: the shared parts plus this document's data and date.
pub(super) struct DocWorld<'a> {
    shared: &'a Shared,
    data: Bytes,
    today: Datetime,
}

impl<'a> DocWorld<'a> {
    pub(super) fn new(shared: &'a Shared, data: Vec<u8>, today: Datetime) -> Self {
        DocWorld {
            shared,
            data: Bytes::new(data),
            today,
        }
    }

    /// Diagnostics as one readable message: severity, `file:line:col`, message and hints.
    pub(super) fn describe(&self, diags: &[SourceDiagnostic]) -> String {
        let mut out = String::new();
        for diag in diags {
            if !out.is_empty() {
                out.push('\n');
            }
            let severity = match diag.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            out.push_str(severity);
            if let Some(location) = self.location(diag) {
                out.push_str(" at ");
                out.push_str(&location);
            }
            out.push_str(": ");
            out.push_str(&diag.message);
            for hint in &diag.hints {
                out.push_str(" (hint: ");
                out.push_str(&hint.v);
                out.push(')');
            }
        }
        out
    }

    fn location(&self, diag: &SourceDiagnostic) -> Option<String> {
        let id = diag.span.id()?;
        let range: Range<usize> = self.range(diag.span)?;
        let (name, text) = if id == self.shared.layout.id() {
            ("layout.typ", self.shared.layout.text())
        } else if id == self.shared.data_id {
            ("data.json", self.data.as_str().ok()?)
        } else {
            return None;
        };
        let before = text.get(..range.start)?;
        let line = before.matches('\n').count() + 1;
        let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        Some(format!("{name}:{line}:{col}"))
    }

    fn denied(&self, id: FileId) -> FileError {
        match id.root() {
            // Package imports would mean network access and code we do not ship.
            VirtualRoot::Package(spec) => FileError::Package(PackageError::Other(Some(
                format!("packages are not available to the vanban layout ({spec})").into(),
            ))),
            VirtualRoot::Project => FileError::NotFound(id.vpath().get_with_slash().into()),
        }
    }
}

impl World for DocWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.shared.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.shared.book
    }

    fn main(&self) -> FileId {
        self.shared.layout.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.shared.layout.id() {
            Ok(self.shared.layout.clone())
        } else if id == self.shared.data_id {
            Err(FileError::NotSource)
        } else {
            Err(self.denied(id))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.shared.data_id {
            Ok(self.data.clone())
        } else if id == self.shared.layout.id() {
            Ok(Bytes::from_string(self.shared.layout.clone()))
        } else {
            Err(self.denied(id))
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.shared.fonts.get(index).cloned()
    }

    /// The document's own date, never the clock, so output depends on the input only.
    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_printable_bitmap_agrees_with_every_font() {
        let shared = Shared::new().expect("fonts");
        let mut printable = 0;
        for c in (0..0x11_0000).filter_map(char::from_u32) {
            let all = shared
                .fonts
                .iter()
                .all(|f| f.info().coverage.contains(c as u32));
            assert_eq!(shared.printable.contains(c), all, "{c:?}");
            printable += usize::from(all);
        }
        // Latin with every Vietnamese letter, and more; not the whole of Unicode.
        assert!((1_000..5_000).contains(&printable), "{printable}");
        assert!(shared.covers('ữ') && shared.covers('Đ') && !shared.covers('中'));
    }
}
