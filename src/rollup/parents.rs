//! What the parents in a run read of their children. A commune's sheet holds `data.patrols`
//! because its district's summary sums it; checked on its own it would be told "no document
//! of this fact sheet reads `patrols`". When the district is in the same run, the commune is
//! checked with what the district (and the province above it) reads, as the district's
//! roll-up checks it: same declarations, same normalisation, no false warning.

use crate::contract::Merged;
use crate::factsheet::load::{LARGEST_FILE, Loaded, Loads, load_file};
use crate::source::{DISK, Source};
use crate::template::Templates;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// For each sheet of a run below a parent of the same run: what its parents read.
#[derive(Default)]
pub struct Parents {
    /// Canonical child path → the declarations it inherits.
    by_child: HashMap<PathBuf, Merged>,
    /// Every sheet below the run's sheets (their children, the children's children…), as
    /// the parents name them: a workbook row for one of them is used by its parent's roll-up.
    below: Vec<PathBuf>,
    /// Where the run reads: a child's identity is its canonical path there.
    source: Option<std::sync::Arc<dyn Source + Send>>,
}

/// Whether a sheet's text may list children: a cheap look before parsing, so a run over a
/// province parses only its parents here (every sheet is parsed anyway when checked).
fn may_have_children(source: &dyn Source, file: &Path) -> bool {
    source.read(file, LARGEST_FILE).is_ok_and(|bytes| {
        bytes
            .split(|b| *b == b'\n')
            .any(|l| l.starts_with(b"children:") || l.starts_with(b"\"children\":"))
    })
}

impl Parents {
    /// The parents among `sheets` and what each child below them inherits. A sheet that
    /// does not load is left out here (its own check reports it).
    pub fn of(sheets: &[PathBuf], templates: &Templates, loads: Option<&Loads>) -> Parents {
        let load = |f: &Path| -> Option<Loaded> {
            match loads {
                Some(l) => l.load(f).ok(),
                None => load_file(f).ok(),
            }
        };
        let shared = loads.map(Loads::shared_source);
        let source = loads.map_or(&DISK as &dyn Source, Loads::source);
        // Each parent's own declarations and its children, down the whole tree (a parent
        // below the run's sheets passes on what it reads too).
        let mut own: HashMap<PathBuf, Merged> = HashMap::new();
        let mut parent_of: HashMap<PathBuf, PathBuf> = HashMap::new();
        let mut below = Vec::new();
        let mut todo: Vec<PathBuf> = sheets.to_vec();
        let mut done: std::collections::HashSet<PathBuf> = std::collections::HashSet::new();
        while let Some(file) = todo.pop() {
            let me = source.canonical(&file);
            if !done.insert(me.clone()) || !may_have_children(source, &file) {
                continue;
            }
            let Some(loaded) = load(&file) else { continue };
            if loaded.sheet.children.is_empty() {
                continue;
            }
            let (merged, _) = templates.contracts(&loaded);
            own.insert(me.clone(), merged);
            let (entries, _, _) = super::tree::resolve(&loaded, source);
            for e in entries {
                // A child listed by two parents is an error the parents report; the first
                // keeps it here.
                if !parent_of.contains_key(&e.canonical) {
                    parent_of.insert(e.canonical.clone(), me.clone());
                    below.push(e.file.clone());
                    todo.push(e.file);
                }
            }
        }
        let mut by_child = HashMap::new();
        for child in parent_of.keys() {
            let mut merged = Merged::default();
            let mut at = child.clone();
            let mut steps = 0;
            // Up the chain of parents in the run (bounded: a loop is the parents' error).
            while let Some(parent) = parent_of.get(&at) {
                if let Some(m) = own.get(parent) {
                    super::inherit(&mut merged, m);
                }
                at = parent.clone();
                steps += 1;
                if steps > 16 {
                    break;
                }
            }
            by_child.insert(child.clone(), merged);
        }
        below.sort();
        Parents {
            by_child,
            below,
            source: shared,
        }
    }

    /// Every sheet below the run's sheets.
    pub fn below(&self) -> &[PathBuf] {
        &self.below
    }

    /// What the parents in the run read of `file`; `None` when no parent in the run lists it.
    pub fn inherited(&self, file: &Path) -> Option<&Merged> {
        if self.by_child.is_empty() {
            return None;
        }
        let canonical = match &self.source {
            Some(source) => source.canonical(file),
            None => DISK.canonical(file),
        };
        self.by_child.get(&canonical)
    }
}
