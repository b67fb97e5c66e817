//! The build and serve benchmark (issue 7): for each corpus size, a cold build (no output yet),
//! warm builds (the same site again over its output: the median of `--runs`, 3 by default, with
//! the fastest and slowest, and the processor time they took), peak memory, output and index
//! bytes; and for sizes up to 10,000 pages, the one-page edit latency of `trellis serve`.
//!
//! ```sh
//! cargo build --release --bins --examples
//! ./target/release/examples/bench 1000 10000 50000
//! ./target/release/examples/bench --runs 5 10000
//! ./target/release/examples/bench --hugo 10000
//! ```
//!
//! Before each timed build it flushes what the earlier ones wrote (`sync`), untimed.
//!
//! It runs the release binaries `target/release/trellis` and `target/release/examples/corpus`
//! and prints a markdown table (docs/PERFORMANCE.md holds the figures). With `--hugo`, it also
//! writes each corpus's lessons and modules as a Hugo site (`corpus --hugo`) and times `hugo`
//! (on PATH) on it the same way, one build of each tool after the other, so that both meet the
//! same machine.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

struct Run {
    wall: Duration,
    /// User and system time of the child, on all its threads.
    cpu: Duration,
    peak_rss_kb: i64,
}

/// Runs a command to its end; wall time and the child's peak resident memory (from wait4).
/// What earlier commands wrote is flushed to disk first, untimed, so that the kernel's
/// writing back of one build's output does not land in the next one's time.
// wait4 reaps the child, which `Child::wait` cannot see.
#[allow(clippy::zombie_processes)]
fn measure(cmd: &mut Command) -> Run {
    // SAFETY: sync takes no arguments and cannot fail.
    unsafe { libc::sync() };
    let start = Instant::now();
    let child = cmd.stdout(Stdio::null()).spawn().expect("run the command");
    let mut status = 0;
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: a plain wait4 on our own child, with valid pointers to locals.
    let pid = unsafe { libc::wait4(child.id() as i32, &mut status, 0, &mut usage) };
    assert!(pid > 0 && status == 0, "{cmd:?} failed ({status})");
    let time = |t: libc::timeval| {
        Duration::from_secs(t.tv_sec.unsigned_abs())
            + Duration::from_micros(t.tv_usec.unsigned_abs())
    };
    Run {
        wall: start.elapsed(),
        cpu: time(usage.ru_utime) + time(usage.ru_stime),
        peak_rss_kb: usage.ru_maxrss,
    }
}

fn dir_bytes(dir: &Path) -> u64 {
    walk(dir)
        .iter()
        .map(|p| p.metadata().map_or(0, |m| m.len()))
        .sum()
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out
}

/// Median and worst of the serve edit latencies: (end-to-end to the reload event, rebuild as
/// the server reports it), in ms.
fn serve_edits(trellis: &Path, site: &Path, edits: usize) -> (Vec<f64>, Vec<f64>) {
    let mut child = Command::new(trellis)
        .args(["--root", site.to_str().unwrap(), "serve", "--port", "0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start trellis serve");
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    out.read_line(&mut line).unwrap();
    let port: u16 = line
        .split("127.0.0.1:")
        .nth(1)
        .and_then(|r| r.split('/').next())
        .and_then(|p| p.parse().ok())
        .expect("the server's address");
    let (tx, rx) = std::sync::mpsc::channel::<String>();
    std::thread::spawn(move || {
        for l in out.lines().map_while(Result::ok) {
            let _ = tx.send(l);
        }
    });
    let file = site.join("content/modules/m-0001/l-01.md");
    let (mut total, mut rebuild) = (Vec::new(), Vec::new());
    for n in 0..edits {
        let mut events = TcpStream::connect(("127.0.0.1", port)).unwrap();
        events
            .write_all(b"GET /__trellis/events HTTP/1.1\r\nHost: bench\r\n\r\n")
            .unwrap();
        events
            .set_read_timeout(Some(Duration::from_secs(60)))
            .unwrap();
        let mut seen = String::new();
        let mut buf = [0u8; 4096];
        while !seen.contains("retry:") {
            let k = events.read(&mut buf).unwrap();
            seen.push_str(&String::from_utf8_lossy(&buf[..k]));
        }
        let mut text = std::fs::read_to_string(&file).unwrap();
        text.push_str(&format!("\nA sentence added by edit {n}.\n"));
        let start = Instant::now();
        std::fs::write(&file, text).unwrap();
        while !seen.contains("event: reload") {
            let k = events.read(&mut buf).unwrap();
            seen.push_str(&String::from_utf8_lossy(&buf[..k]));
        }
        total.push(start.elapsed().as_secs_f64() * 1000.0);
        while let Ok(l) = rx.recv_timeout(Duration::from_secs(60)) {
            if let Some(ms) = l.strip_prefix("Re-rendered").and_then(|r| {
                r.rsplit_once(" in ")
                    .and_then(|(_, t)| t.trim_end_matches(" ms").parse::<f64>().ok())
            }) {
                rebuild.push(ms);
            }
            if l.starts_with("Updated the search index") {
                break;
            }
        }
    }
    // Stopped as with Ctrl+C, so that the server removes its build folder.
    // SAFETY: `kill` only sends a signal to our own child, which has not been reaped yet.
    unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGINT) };
    let _ = child.wait();
    (total, rebuild)
}

fn median(xs: &[f64]) -> f64 {
    let mut v = xs.to_vec();
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
}

const USAGE: &str = "usage: bench [--runs N] [--hugo] [PAGES...]

Generates a corpus of each size (1000 and 10000 pages when none is given), times a cold build
and N warm builds (3 by default), and prints a markdown table. With --hugo, also times `hugo`
(on PATH) on the same lessons and modules, its builds taking turns with Trellis's. Build first:
cargo build --release --bins --examples";

/// Stops with `message` and the usage, as a command line tool does for arguments it cannot use.
fn usage_error(message: &str) -> ! {
    eprintln!("error: {message}\n\n{USAGE}");
    std::process::exit(2);
}

fn main() {
    let mut args = std::env::args().skip(1);
    let mut runs = 3;
    let mut hugo = false;
    let mut sizes: Vec<usize> = Vec::new();
    while let Some(a) = args.next() {
        if a == "--help" || a == "-h" {
            println!("{USAGE}");
            return;
        } else if a == "--hugo" {
            hugo = true;
        } else if a == "--runs" {
            runs = args
                .next()
                .and_then(|n| n.parse().ok())
                .filter(|&n| n > 0)
                .unwrap_or_else(|| {
                    usage_error("--runs takes a number of warm builds, e.g. --runs 5")
                });
        } else {
            match a.parse() {
                Ok(n) if n > 0 => sizes.push(n),
                _ => usage_error(&format!(
                    "`{a}` is not a number of pages; give corpus sizes, e.g. 1000 10000 50000"
                )),
            }
        }
    }
    let sizes = if sizes.is_empty() {
        vec![1000, 10_000]
    } else {
        sizes
    };
    let release = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release");
    let (trellis, corpus) = (release.join("trellis"), release.join("examples/corpus"));
    assert!(
        trellis.is_file() && corpus.is_file(),
        "build first: cargo build --release --bins --examples"
    );
    let hugo_version = hugo.then(|| {
        hugo_version().unwrap_or_else(|| {
            usage_error("--hugo needs `hugo` on PATH (Debian: apt-get install hugo)")
        })
    });
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!("{cores} cores\n");
    let mut against = Vec::new();
    println!("| pages | files in | cold build | warm build: median (min-max) of {runs} | warm processor time (median) | pages/s (cold) | peak RSS | output | search index | serve edit: rebuild / to reload (median, max) |");
    println!("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    for n in sizes {
        let work = std::env::temp_dir().join(format!("trellis-bench-{n}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&work);
        let site = work.join("site");
        let status = Command::new(&corpus)
            .args(["--pages", &n.to_string(), "--out", site.to_str().unwrap()])
            .stdout(Stdio::null())
            .status()
            .unwrap();
        assert!(status.success(), "the corpus generator failed");
        let inputs = walk(&site.join("content")).len();
        let out = work.join("public");
        let build = || {
            let mut c = Command::new(&trellis);
            c.args([
                "--root",
                site.to_str().unwrap(),
                "build",
                "--output",
                out.to_str().unwrap(),
            ]);
            c
        };
        let hugo_site = work.join("hugo-site");
        let hugo_out = work.join("hugo-public");
        if hugo {
            let status = Command::new(&corpus)
                .args(["--pages", &n.to_string(), "--hugo", "--out"])
                .arg(&hugo_site)
                .stdout(Stdio::null())
                .status()
                .unwrap();
            assert!(status.success(), "the corpus generator failed (--hugo)");
        }
        let hugo_build = || {
            let mut c = Command::new("hugo");
            c.arg("--quiet")
                .arg("--source")
                .arg(&hugo_site)
                .arg("--destination")
                .arg(&hugo_out);
            c
        };
        // With --hugo the two tools take turns, so that a slow spell of the machine meets both.
        let cold = measure(&mut build());
        let hugo_cold = hugo.then(|| measure(&mut hugo_build()));
        let (mut warm, mut hugo_warm) = (Vec::new(), Vec::new());
        for _ in 0..runs {
            warm.push(measure(&mut build()));
            if hugo {
                hugo_warm.push(measure(&mut hugo_build()));
            }
        }
        let secs = |f: fn(&Run) -> Duration| -> Vec<f64> {
            warm.iter().map(|r| f(r).as_secs_f64()).collect()
        };
        let walls = secs(|r| r.wall);
        let (fastest, slowest) = spread(&walls);
        if let Some(hugo_cold) = hugo_cold {
            let hugo_walls: Vec<f64> = hugo_warm.iter().map(|r| r.wall.as_secs_f64()).collect();
            let (lo, hi) = spread(&hugo_walls);
            let hugo_peak = hugo_warm
                .iter()
                .map(|r| r.peak_rss_kb)
                .fold(hugo_cold.peak_rss_kb, i64::max);
            against.push(format!(
                "| {n} | {:.2} s | {:.2} s | {:.2} s ({fastest:.2}-{slowest:.2}) | {:.2} s ({lo:.2}-{hi:.2}) | {} MB in {} files |",
                cold.wall.as_secs_f64(),
                hugo_cold.wall.as_secs_f64(),
                median(&walls),
                median(&hugo_walls),
                hugo_peak / 1024,
                walk(&hugo_out).len(),
            ));
        }
        let peak_rss_kb = warm
            .iter()
            .map(|r| r.peak_rss_kb)
            .fold(cold.peak_rss_kb, i64::max);
        let search = out.join("search");
        let index =
            dir_bytes(&search.join("s")) + search.join("meta.js").metadata().map_or(0, |m| m.len());
        let serve = if n <= 10_000 {
            let (total, rebuild) = serve_edits(&trellis, &site, 5);
            let max = |xs: &[f64]| xs.iter().copied().fold(0.0, f64::max);
            format!(
                "{:.0} ms ({:.0}) / {:.0} ms ({:.0})",
                median(&rebuild),
                max(&rebuild),
                median(&total),
                max(&total)
            )
        } else {
            "—".to_string()
        };
        println!(
            "| {n} | {inputs} | {:.2} s | {:.2} s ({fastest:.2}-{slowest:.2}) | {:.2} s | {:.0} | {} MB | {} MB in {} files | {} kB (+{} MB result text) | {serve} |",
            cold.wall.as_secs_f64(),
            median(&walls),
            median(&secs(|r| r.cpu)),
            inputs as f64 / cold.wall.as_secs_f64(),
            peak_rss_kb / 1024,
            dir_bytes(&out) / 1_000_000,
            walk(&out).len(),
            index / 1000,
            dir_bytes(&search.join("f")) / 1_000_000,
        );
        let _ = std::fs::remove_dir_all(&work);
    }
    if let Some(version) = hugo_version {
        println!("\nAgainst Hugo (`hugo --quiet`, {version}), on the same lessons and modules:\n");
        println!("| pages | Trellis cold | Hugo cold | Trellis warm: median (min-max) of {runs} | Hugo warm: median (min-max) of {runs} | Hugo peak RSS, output |");
        println!("| --- | --- | --- | --- | --- | --- |");
        for row in against {
            println!("{row}");
        }
    }
}

/// The fastest and the slowest of `xs`.
fn spread(xs: &[f64]) -> (f64, f64) {
    xs.iter()
        .fold((f64::MAX, 0.0f64), |(lo, hi), &w| (lo.min(w), hi.max(w)))
}

/// `hugo version`'s first word after "hugo", e.g. `v0.111.3+extended`; `None` without `hugo`.
fn hugo_version() -> Option<String> {
    let out = Command::new("hugo").arg("version").output().ok()?;
    let text = String::from_utf8_lossy(&out.stdout);
    Some(
        text.split_whitespace()
            .nth(1)
            .unwrap_or("version unknown")
            .to_string(),
    )
}
