//! Stage timings for profiling a build: `TRELLIS_TIMINGS=1 trellis build` prints how long
//! each stage took to stderr, and the process's resident memory after it (on Linux), and
//! splits the templates stage into the processor time of each of its parts. Off by default,
//! so output stays quiet and deterministic.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Instant;

pub struct Timings {
    last: Instant,
    /// Set when timing: where the parts of rendering add up their times.
    parts: Option<Arc<Parts>>,
}

/// A part of rendering a page, timed on whichever thread does it.
#[derive(Clone, Copy, Debug)]
pub enum Part {
    /// The body's markdown to HTML, highlighting included.
    Body,
    /// The page's or listing's template context.
    Context,
    /// Tera rendering the template.
    Template,
    /// The checks' scan of the output.
    Scan,
    /// Comparing the output with the file on disk, or writing it aside.
    Keep,
}

const PARTS: [(Part, &str); 5] = [
    (Part::Body, "body html"),
    (Part::Context, "contexts"),
    (Part::Template, "tera"),
    (Part::Scan, "scan"),
    (Part::Keep, "compare/write"),
];

/// The processor time spent in each [`Part`], summed over threads.
#[derive(Default)]
pub struct Parts {
    nanos: [AtomicU64; PARTS.len()],
}

impl Parts {
    /// Runs `f`, adding the processor time its thread spent in it to `part` when `parts` is
    /// given.
    pub fn time<T>(parts: Option<&Parts>, part: Part, f: impl FnOnce() -> T) -> T {
        let Some(parts) = parts else { return f() };
        let start = thread_time();
        let out = f();
        let nanos = thread_time().saturating_sub(start);
        parts.nanos[part as usize].fetch_add(nanos, Ordering::Relaxed);
        out
    }
}

/// The processor time of the calling thread so far, in nanoseconds: time the thread waited for
/// a core on a busy machine does not count.
#[cfg(target_os = "linux")]
fn thread_time() -> u64 {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes into the timespec it is given, which lives on this stack.
    let ok = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) } == 0;
    if !ok {
        return 0;
    }
    t.tv_sec.unsigned_abs() * 1_000_000_000 + t.tv_nsec.unsigned_abs()
}

/// Elsewhere, the time since the first call: a thread's wall time, waits included.
#[cfg(not(target_os = "linux"))]
fn thread_time() -> u64 {
    static START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
    let start = *START.get_or_init(Instant::now);
    u64::try_from(start.elapsed().as_nanos()).unwrap_or(u64::MAX)
}

impl Timings {
    pub fn from_env() -> Timings {
        let enabled = std::env::var_os("TRELLIS_TIMINGS").is_some_and(|v| v != "0");
        Timings {
            last: Instant::now(),
            parts: enabled.then(Arc::default),
        }
    }

    /// Where the parts of rendering add their times, when timing.
    pub fn parts(&self) -> Option<Arc<Parts>> {
        self.parts.clone()
    }

    /// Prints the processor time of each part of rendering so far.
    pub fn print_parts(&self) {
        let Some(parts) = &self.parts else { return };
        for (part, name) in PARTS {
            let nanos = parts.nanos[part as usize].load(Ordering::Relaxed);
            eprintln!(
                "timing:   {name:<14} {:>7.1} ms of processor time",
                nanos as f64 / 1e6
            );
        }
    }

    /// Whether stage times are printed: stages then run one after the other, so each is timed
    /// alone.
    pub fn enabled(&self) -> bool {
        self.parts.is_some()
    }

    /// Ends the stage that began at the previous mark.
    pub fn mark(&mut self, stage: &str) {
        if self.enabled() {
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
