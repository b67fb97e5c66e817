//! Stage timings for profiling a build: `TRELLIS_TIMINGS=1 trellis build` prints how long
//! each stage took to stderr. Off by default, so output stays quiet and deterministic.

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
            eprintln!(
                "timing: {stage:<12} {:>7.1} ms",
                (now - self.last).as_secs_f64() * 1000.0
            );
            self.last = now;
        }
    }
}
