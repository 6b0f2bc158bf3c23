//! Where each field of a YAML file is: a map from field paths (`facts.incidents[0].cases`) to
//! line and column.
//!
//! serde gives a location only for errors it raises itself; cross-field rules found later
//! (recognised > registered, a date outside the period) need the location of a field of an
//! already-typed value. Walking the parser's events once gives every node's position.

use serde_saphyr::granit_parser::{Event, Parser};
use std::collections::BTreeMap;
use std::ops::Deref;
use std::sync::{Arc, OnceLock};

/// Positions are the diagnostics' own type: a located problem needs no fact sheet.
pub use crate::diagnostic::Position;

/// Field path → position of its value (or of its key, for a mapping or sequence value).
#[derive(Debug, Default, Clone)]
pub struct PathMap {
    map: BTreeMap<String, Position>,
    /// Field path → position of its key (for "unknown key" errors).
    keys: BTreeMap<String, Position>,
}

/// A [`PathMap`] built the first time a position is asked for. Building it parses the YAML
/// a second time (a third of loading a sheet), and most sheets of a batch load, check and
/// roll up without a single diagnostic to place.
#[derive(Debug, Clone)]
pub struct LazyPathMap {
    source: Arc<str>,
    map: OnceLock<PathMap>,
}

impl LazyPathMap {
    pub fn new(source: &str) -> Self {
        LazyPathMap {
            source: source.into(),
            map: OnceLock::new(),
        }
    }
}

impl Deref for LazyPathMap {
    type Target = PathMap;

    fn deref(&self) -> &PathMap {
        self.map.get_or_init(|| PathMap::build(&self.source))
    }
}

enum Frame {
    Map {
        path: String,
        key: Option<(String, Position)>,
    },
    Seq {
        path: String,
        index: usize,
    },
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

impl PathMap {
    /// Builds the map; a file that does not parse gives the positions read so far (the
    /// deserializer reports the syntax error itself).
    pub fn build(source: &str) -> PathMap {
        let mut map = BTreeMap::new();
        let mut keys = BTreeMap::new();
        let mut stack: Vec<Frame> = Vec::new();
        for item in Parser::new_from_str(source) {
            let Ok((event, span)) = item else { break };
            let pos = Position {
                line: span.start.line(),
                column: span.start.col() + 1,
            };
            match event {
                Event::Scalar(value, ..) => {
                    if let Some((p, key_pos)) = node_path(&mut stack, pos) {
                        // A scalar value: point at the value itself (where the mistake is).
                        keys.insert(p.clone(), key_pos);
                        map.insert(p, pos);
                    } else if let Some(Frame::Map { key, .. }) = stack.last_mut() {
                        *key = Some((value.to_string(), pos));
                    }
                }
                Event::MappingStart(..) => {
                    let (p, key_pos) = node_path(&mut stack, pos).unwrap_or_default_path(pos);
                    keys.entry(p.clone()).or_insert(key_pos);
                    map.entry(p.clone()).or_insert(key_pos);
                    stack.push(Frame::Map { path: p, key: None });
                }
                Event::SequenceStart(..) => {
                    let (p, key_pos) = node_path(&mut stack, pos).unwrap_or_default_path(pos);
                    keys.entry(p.clone()).or_insert(key_pos);
                    map.entry(p.clone()).or_insert(key_pos);
                    stack.push(Frame::Seq { path: p, index: 0 });
                }
                Event::MappingEnd | Event::SequenceEnd => {
                    stack.pop();
                }
                Event::Alias(_) => {
                    node_path(&mut stack, pos);
                }
                _ => {}
            }
        }
        PathMap { map, keys }
    }

    /// The position of exactly `path`, without falling back to a parent (`vanban explain`
    /// places a figure only where it is written).
    pub fn exact(&self, path: &str) -> Option<Position> {
        self.map.get(path).copied()
    }

    /// The position of the key of `path` (where an unknown key is written).
    pub fn locate_key(&self, path: &str) -> Option<Position> {
        self.keys.get(path).copied().or_else(|| self.locate(path))
    }

    /// The position of `path`, or of its nearest ancestor that is in the file (a missing
    /// optional field points at the mapping that should hold it).
    pub fn locate(&self, path: &str) -> Option<Position> {
        let mut p = path;
        loop {
            if let Some(pos) = self.map.get(p) {
                return Some(*pos);
            }
            let cut = p.rfind(['.', '['])?;
            p = &p[..cut];
        }
    }

    /// The path of the last field that starts at or before `pos`: the field an error at
    /// `pos` is about.
    pub fn path_at(&self, pos: Position) -> Option<&str> {
        self.map
            .iter()
            .filter(|(p, at)| **at <= pos && !p.is_empty())
            .max_by_key(|(p, at)| (**at, p.len()))
            .map(|(p, _)| p.as_str())
    }
}

/// The path a new node gets from its parent frame, if it is a value (not a key).
fn node_path(stack: &mut [Frame], pos: Position) -> Option<(String, Position)> {
    match stack.last_mut() {
        None => Some((String::new(), pos)),
        Some(Frame::Seq { path, index }) => {
            let p = format!("{path}[{index}]");
            *index += 1;
            Some((p, pos))
        }
        Some(Frame::Map { path, key }) => key.take().map(|(k, key_pos)| (join(path, &k), key_pos)),
    }
}

trait DefaultPath {
    fn unwrap_or_default_path(self, pos: Position) -> (String, Position);
}

impl DefaultPath for Option<(String, Position)> {
    fn unwrap_or_default_path(self, pos: Position) -> (String, Position) {
        // A collection used as a key is not valid in a fact sheet; give it a path that
        // matches nothing rather than failing here.
        self.unwrap_or_else(|| ("?".to_string(), pos))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: &str = "schema: 1\nunit:\n  name: Ba Đình\n  sub_units:\n    - kind: khu phố\n      total: 10\n    - kind: cơ quan\n      total: 1\n";

    #[test]
    fn scalar_values_point_at_the_value() {
        let map = PathMap::build(SRC);
        assert_eq!(map.locate("schema"), Some(Position { line: 1, column: 9 }));
        assert_eq!(
            map.locate("unit.name"),
            Some(Position { line: 3, column: 9 })
        );
        assert_eq!(
            map.locate("unit.sub_units[1].total"),
            Some(Position {
                line: 8,
                column: 14
            })
        );
    }

    #[test]
    fn missing_fields_fall_back_to_the_parent() {
        let map = PathMap::build(SRC);
        assert_eq!(
            map.locate("unit.sub_units[0].recognised"),
            map.locate("unit.sub_units[0]")
        );
        assert_eq!(map.locate("unit.sub_units[0]").map(|p| p.line), Some(5));
        assert_eq!(map.locate("nothing.here"), None);
    }

    #[test]
    fn keys_have_their_own_positions() {
        let map = PathMap::build(SRC);
        assert_eq!(
            map.locate_key("unit.name"),
            Some(Position { line: 3, column: 3 })
        );
    }

    #[test]
    fn path_at_finds_the_field_of_a_position() {
        let map = PathMap::build(SRC);
        assert_eq!(
            map.path_at(Position {
                line: 6,
                column: 14
            }),
            Some("unit.sub_units[0].total")
        );
    }
}
