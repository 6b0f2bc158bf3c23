//! Tera errors as diagnostics at their template file and line, and the absent value behind
//! a render error.

use super::{LIBRARY, SUFFIX, Source, Templates};
use crate::diagnostic::{Diagnostic, Severity};
use crate::factsheet::paths::Position;
use tera::Context;

/// The report Tera attaches to a syntax or rendering error, wherever it sits in the chain.
pub(super) fn report(e: &tera::Error) -> Option<&tera::ReportError> {
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
pub(super) fn tera_message(e: &tera::Error) -> String {
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
    /// A Tera error as a diagnostic at the file and line Tera names.
    pub(super) fn diagnostic(&self, e: &tera::Error, fallback: &Source, block: &str) -> Diagnostic {
        let r = report(e);
        let file = r
            .and_then(|r| r.filename().strip_suffix(SUFFIX))
            .and_then(|n| self.sources.get(n))
            .map(|s| s.file.clone())
            .unwrap_or_else(|| fallback.file.clone());
        let mut d = Diagnostic::new(
            Severity::Error,
            "template-render-failed",
            "",
            crate::i18n::args! {"block" => block, "detail" => tera_message(e)},
        );
        d.file = file;
        d.position = r.map(|r| Position {
            line: r.span().start_line,
            column: r.span().start_col + 1,
        });
        d
    }
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

/// One report of an error Tera gives as plain text (an unknown filter, test, function or
/// component is found when the templates are put together, and comes as a message holding
/// every such report, sorted by template): the first, with its template and place.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct TextReport {
    /// The Tera name: `bao-cao-rieng.md.tera`.
    pub(super) name: String,
    pub(super) position: Position,
    /// `Unknown filter `khong_co``.
    pub(super) message: String,
}

/// The first report in an error's text: `error: MESSAGE` then ` --> NAME:LINE:COL`.
pub(super) fn first_report(e: &tera::Error) -> Option<TextReport> {
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
pub(super) fn reported(d: Diagnostic, r: TextReport) -> Diagnostic {
    Diagnostic {
        position: Some(r.position),
        file: d.file,
        ..Diagnostic::new(
            d.severity,
            "template-not-loaded",
            d.path,
            crate::i18n::args! {"detail" => r.message},
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
