//! What both writer benchmarks share: the binary's allocator and a per-thread CPU clock.

use std::time::Duration;

// The allocator of the `vanban` binary, so the figures are what a render costs there.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// CPU time this thread has run, from Linux's schedstat (nanoseconds); zero elsewhere. On a
/// shared machine the wall clock also counts other programs' turns on the CPU; this does not.
pub fn cpu_time() -> Duration {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .map(Duration::from_nanos)
        .unwrap_or_default()
}
