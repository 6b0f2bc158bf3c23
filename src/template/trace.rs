//! A record of the phrase functions a template calls while `vanban explain` renders it
//! (kept here, beside the functions, so that the template stage never calls up into explain):
//! `ratio(part=161, whole=212)` computes a figure no fact sheet states, so the explanation
//! needs the call and its inputs. Off (one thread-local check per call) unless a render is
//! being explained.

use serde_json::Value;
use std::cell::RefCell;

/// One call of a template function.
#[derive(Debug, Clone, PartialEq)]
pub struct Call {
    pub function: &'static str,
    /// The figures it was given, by argument name.
    pub inputs: Vec<(&'static str, Value)>,
    pub output: Value,
}

thread_local! {
    static CALLS: RefCell<Option<Vec<Call>>> = const { RefCell::new(None) };
}

/// Starts recording on this thread (dropping any earlier record).
pub fn start() {
    CALLS.with(|c| *c.borrow_mut() = Some(Vec::new()));
}

/// Stops recording and returns the calls, in the order they were made.
pub fn finish() -> Vec<Call> {
    CALLS.with(|c| c.borrow_mut().take()).unwrap_or_default()
}

/// Whether this thread records: a render on a thread of its own records there when its
/// caller does (see [`super::Templates`]'s bounded render), and hands the calls back.
pub fn recording() -> bool {
    CALLS.with(|c| c.borrow().is_some())
}

/// Adds calls recorded on another thread to this thread's record (if it records).
pub fn extend(calls: Vec<Call>) {
    CALLS.with(|c| {
        if let Some(mine) = c.borrow_mut().as_mut() {
            mine.extend(calls);
        }
    });
}

/// Records a call when recording; `call` is built only then.
pub fn record(call: impl FnOnce() -> Call) {
    CALLS.with(|c| {
        if let Some(calls) = c.borrow_mut().as_mut() {
            calls.push(call());
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_only_between_start_and_finish() {
        let call = || Call {
            function: "ratio",
            inputs: vec![("part", Value::from(1))],
            output: Value::Null,
        };
        record(call);
        assert!(finish().is_empty());
        start();
        record(call);
        assert_eq!(finish().len(), 1);
        record(call);
        assert!(finish().is_empty());
    }
}
