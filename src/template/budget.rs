//! A bounded render: a template renders within a time and an output budget, on a thread
//! of its own.

use super::{LARGEST_OUTPUT, Source, Templates, trace};
use crate::diagnostic::{Diagnostic, Severity};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tera::Context;

/// Why a bounded render stopped.
pub(super) enum Stop {
    Tera(tera::Error),
    /// Out of time or room: what it ran out of.
    Budget(String),
}

/// Where a render writes: counts what it holds and reads the clock at each write, and
/// refuses to go on past [`LARGEST_OUTPUT`] or [`RENDER_TIME`](super::RENDER_TIME).
pub(super) struct Budget {
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
pub(super) fn budget(source: &Source, why: &str) -> Diagnostic {
    let mut d = Diagnostic::new(
        Severity::Error,
        "template-stopped",
        "",
        crate::i18n::args! {"detail" => why},
    );
    d.file = source.file.clone();
    d
}

impl Templates {
    /// Renders a template (or one block of it) within [`RENDER_TIME`](super::RENDER_TIME) and
    /// [`LARGEST_OUTPUT`].
    /// Tera has no instruction budget, so the render runs on a thread of its own: the output
    /// it writes is counted (and the clock read) as it goes, which stops any loop that writes;
    /// a loop that writes nothing is abandoned when the time is up (the caller goes on; the
    /// thread ends with the process).
    pub(super) fn bounded(
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::template::tests::folder;

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
}
