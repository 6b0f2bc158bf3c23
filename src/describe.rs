//! Types that describe themselves: each struct of the template context is declared through
//! [`context_type!`], which keeps its doc comments both as Rust documentation and as the text
//! `vanban templates --context` and docs/context.md print (see `context::documentation`). A
//! hand-written list would drift from the types; this one cannot. A base module (like
//! `locale`): the roll-up declares its part of the context with it too.

use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// One variable of the template context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variable {
    /// Its path as a template writes it: `unit.households`, `children[].data`.
    pub path: String,
    /// What it holds: `number`, `text or none`, `list of record`.
    pub kind: String,
    /// Its doc comment, joined into one paragraph.
    pub doc: String,
}

impl Variable {
    /// The variable `field` under `parent`, documented by the lines of its doc comment.
    pub fn new(parent: &str, field: &str, kind: String, doc: &[&str]) -> Variable {
        Variable {
            path: join(parent, field),
            kind,
            doc: doc
                .iter()
                .map(|l| l.trim())
                .collect::<Vec<_>>()
                .join(" ")
                .trim()
                .to_string(),
        }
    }
}

/// `parent.field`, or `field` at the top.
pub fn join(parent: &str, field: &str) -> String {
    if parent.is_empty() {
        field.to_string()
    } else {
        format!("{parent}.{field}")
    }
}

/// A type of the template context: what kind of value it is, and the variables under it.
pub trait Describe {
    /// `number`, `text`, `record`, `list of …`.
    fn kind() -> String;
    /// The variables under a value of this type found at `path` (none for a plain value).
    fn fields(_path: &str, _out: &mut Vec<Variable>) {}
}

/// Declares a context struct: the struct itself (serialised as templates see it) and its
/// [`Describe`], whose text is the doc comment of each field.
macro_rules! context_type {
    (
        $(#[doc = $doc:literal])*
        $(#[derive($($extra:ident),*)])?
        pub struct $name:ident {
            $(
                $(#[doc = $fdoc:literal])*
                pub $field:ident : $ty:ty,
            )*
        }
    ) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, serde::Serialize $($(, $extra)*)?)]
        pub struct $name {
            $(
                $(#[doc = $fdoc])*
                pub $field: $ty,
            )*
        }

        impl $crate::describe::Describe for $name {
            fn kind() -> String {
                "record".to_string()
            }
            fn fields(path: &str, out: &mut Vec<$crate::describe::Variable>) {
                $(
                    out.push($crate::describe::Variable::new(
                        path,
                        stringify!($field),
                        <$ty as $crate::describe::Describe>::kind(),
                        &[$($fdoc),*],
                    ));
                    <$ty as $crate::describe::Describe>::fields(
                        &$crate::describe::join(path, stringify!($field)),
                        out,
                    );
                )*
            }
        }
    };
}
pub(crate) use context_type;

/// Plain values: a kind and nothing under them.
macro_rules! plain {
    ($($ty:ty => $kind:literal),* $(,)?) => {
        $(impl Describe for $ty {
            fn kind() -> String {
                $kind.to_string()
            }
        })*
    };
}
pub(crate) use plain;

plain! {
    u8 => "number", u32 => "number", u64 => "number", i32 => "number", i64 => "number",
    usize => "number", f64 => "number", bool => "boolean", String => "text",
    Value => "any value", Map<String, Value> => "map of name to value",
    BTreeMap<String, String> => "map of name to text",
}

impl<T: Describe> Describe for Option<T> {
    fn kind() -> String {
        format!("{} or none", T::kind())
    }
    fn fields(path: &str, out: &mut Vec<Variable>) {
        T::fields(path, out)
    }
}

impl<T: Describe> Describe for Vec<T> {
    fn kind() -> String {
        format!("list of {}", T::kind())
    }
    fn fields(path: &str, out: &mut Vec<Variable>) {
        T::fields(&format!("{path}[]"), out)
    }
}

/// Every variable under a context type, in declaration order.
pub fn variables<T: Describe>() -> Vec<Variable> {
    let mut out = Vec::new();
    T::fields("", &mut out);
    out
}
