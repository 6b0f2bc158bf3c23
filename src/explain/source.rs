//! What a source of a number is, and how the report prints it.

use serde::Serialize;
use serde_json::Value;
use std::fmt;
use std::path::{Path, PathBuf};

/// Where a number comes from.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Source {
    /// A value typed in the fact sheet.
    Typed {
        file: PathBuf,
        line: Option<usize>,
        column: Option<usize>,
        path: String,
    },
    /// A figure from a cell of the `--figures` workbook.
    Cell {
        workbook: PathBuf,
        cell: String,
        path: String,
    },
    /// A figure the sheet leaves out, combined over its children.
    Children { path: String, children: Vec<Part> },
    /// A figure of one child (a district's row per commune).
    Child { path: String, child: Part },
    /// A value vanban computes from the fields in `from`.
    Computed { path: String, from: Vec<Part> },
    /// A phrase function the template calls, with the figures it was given.
    Phrase {
        function: String,
        field: String,
        inputs: Vec<Input>,
    },
    /// The number of entries of a list of the sheet.
    Count { path: String, at: Option<Part> },
    /// The template's own text.
    Template { template: String, line: usize },
    /// The document's layout: section and list numbers, footnote marks, table row numbers.
    Layout { what: String },
}

impl Source {
    /// The order a clerk reads equal candidates in: what the sheet states first, then what
    /// is computed from it, then the template and the layout.
    pub fn rank(&self) -> u8 {
        match self {
            Source::Typed { .. } | Source::Cell { .. } => 0,
            Source::Children { .. } => 1,
            Source::Phrase { .. } => 2,
            Source::Computed { .. } => 3,
            Source::Child { .. } => 4,
            Source::Count { .. } => 5,
            Source::Template { .. } => 6,
            Source::Layout { .. } => 7,
        }
    }
}

/// A field of a fact sheet, where it is written (no line when it is not written there:
/// a child's figure summed from its own children).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Part {
    pub file: PathBuf,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<Value>,
}

/// A figure given to a phrase function, and the fields of the sheet that hold that value.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Input {
    pub name: String,
    pub value: Value,
    pub from: Vec<Part>,
}

fn place(file: &Path, line: Option<usize>, column: Option<usize>) -> String {
    match (line, column) {
        (Some(l), Some(c)) => format!("{}:{l}:{c}", file.display()),
        _ => file.display().to_string(),
    }
}

fn shown(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => n
            .as_f64()
            .map(|x| crate::locale::number(x, 4))
            .unwrap_or_else(|| n.to_string()),
        other => other.to_string(),
    }
}

impl fmt::Display for Part {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {}",
            place(&self.file, self.line, self.column),
            self.path
        )?;
        if let Some(v) = &self.value {
            write!(f, " = {}", shown(v))?;
        }
        if self.line.is_none() {
            write!(
                f,
                " (not written there: computed or summed from its own children)"
            )?;
        }
        Ok(())
    }
}

fn parts(list: &[Part]) -> String {
    list.iter()
        .map(|p| p.to_string())
        .collect::<Vec<_>>()
        .join("; ")
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Typed {
                file,
                line,
                column,
                path,
            } => write!(f, "{} {path}", place(file, *line, *column)),
            Source::Cell {
                workbook,
                cell,
                path,
            } => write!(f, "{}:{cell} {path} (workbook)", workbook.display()),
            Source::Children { path, children } => write!(
                f,
                "{path}: combined over {} children: {}",
                children.len(),
                parts(children)
            ),
            Source::Child { path, child } => write!(f, "{path}: the child's {child}"),
            Source::Computed { path, from } if from.is_empty() => {
                write!(f, "computed by vanban: {path}")
            }
            Source::Computed { path, from } => {
                write!(f, "computed by vanban: {path} from {}", parts(from))
            }
            Source::Phrase {
                function,
                field,
                inputs,
            } => {
                let args: Vec<String> = inputs
                    .iter()
                    .map(|i| {
                        let from = if i.from.is_empty() {
                            String::new()
                        } else {
                            format!(" [{}]", parts(&i.from))
                        };
                        format!("{}={}{from}", i.name, shown(&i.value))
                    })
                    .collect();
                write!(
                    f,
                    "template function {function}({}).{field}",
                    args.join(", ")
                )
            }
            Source::Count { path, at } => match at {
                Some(p) => write!(f, "number of entries of {path} ({p})"),
                None => write!(f, "number of entries of {path}"),
            },
            Source::Template { template, line } => {
                write!(f, "text of template {template}, line {line}")
            }
            Source::Layout { what } => write!(f, "layout: {what}"),
        }
    }
}
