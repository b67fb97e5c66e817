//! Stage timings for profiling a build: `TRELLIS_TIMINGS=1 trellis build` prints how long
//! each stage took to stderr, and the process's resident memory after it (on Linux). Off by
//! default, so output stays quiet and deterministic.

use std::time::Instant;

pub struct Timings {
    enabled: bool,
    last: Instant,
}

impl Timings {
    pub fn from_env() -> Timings {
        Timings {
            enabled: std::env::var_os("TRELLIS_TIMINGS").is_some_and(|v| v != "0"),
            last: Instant::now(),
        }
    }

    /// Whether stage times are printed: stages then run one after the other, so each is timed
    /// alone.
    pub fn enabled(&self) -> bool {
        self.enabled
    }

    /// Ends the stage that began at the previous mark.
    pub fn mark(&mut self, stage: &str) {
        if self.enabled {
            let now = Instant::now();
            let rss = resident_mb().map_or(String::new(), |mb| format!("  {mb:>5} MB resident"));
            eprintln!(
                "timing: {stage:<12} {:>7.1} ms{rss}",
                (now - self.last).as_secs_f64() * 1000.0
            );
            self.last = now;
        }
    }
}

/// The resident memory of this process in MB, from `/proc/self/statm` (Linux only).
fn resident_mb() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096 / 1_000_000)
}
