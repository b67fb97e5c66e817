use std::process::ExitCode;

use clap::Parser;
use trellis::check::Format;
use trellis::cli::{Cli, Command};
use trellis::diagnostic::Severity;
use trellis::site::{self, Summary};
use trellis::Task;

/// mimalloc: a build allocates and frees millions of small strings from two threads at once,
/// where it is markedly faster than glibc's allocator (see docs/PERFORMANCE.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay` and `mi_option_allow_thp` in mimalloc's `mi_option_t`: 15 and 43 in
/// the v3 sources built here (the Rust bindings name no constants for them).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
const MI_OPTION_ALLOW_THP: libmimalloc_sys::mi_option_t = 43;
/// How long a build lets freed memory wait before returning it to the system.
const PURGE_DELAY_MS: std::ffi::c_long = 1000;
/// The stack of each of rayon's threads, which render the pages. Tera stops includes and macro
/// calls nesting past 64 levels (`MAX_NESTING` in vendor/tera), and a level of a macro that
/// recurses inside loops and `if`s takes up to about 40 KiB in a debug build: more than the
/// 2 MiB of a default thread holds. Untouched stack is only reserved address space.
const RENDER_STACK: usize = 16 << 20;

fn main() -> ExitCode {
    let cli = Cli::parse();
    // Fails only when the pool already exists, and nothing has made it before this line.
    let _ = rayon::ThreadPoolBuilder::new()
        .stack_size(RENDER_STACK)
        .build_global();
    if !matches!(cli.command, Command::Serve { .. }) {
        tune_memory_for_a_burst();
    }
    let options = cli.build_options();
    match cli.command {
        Command::Build { .. } => match site::build(&options) {
            Ok(s) => {
                print_warnings(&s);
                print_summary(&s, "Built", &format!(" into {}", s.output.display()));
                ExitCode::SUCCESS
            }
            Err(e) => fail(&e, Task::Build),
        },
        Command::Check {
            external, format, ..
        } => {
            let checks = trellis::check::Options {
                external,
                list_external: true,
                all_scores: true,
            };
            match (site::check(&options, checks), format) {
                (Ok(s), Format::Json) => {
                    print!("{}", s.check.json());
                    exit_for(&s)
                }
                (Ok(s), Format::Human) => {
                    let (findings, matrix) = s.check.human();
                    eprint!("{findings}");
                    print_summary(&s, "Checked", "; nothing written");
                    print!("{matrix}");
                    exit_for(&s)
                }
                (Err(e), Format::Json) => {
                    print!("{}", trellis::check::failure_json(&e));
                    ExitCode::FAILURE
                }
                (Err(e), Format::Human) => fail(&e, Task::Check),
            }
        }
        Command::Serve { port, ref bind, .. } => {
            let serve = trellis::serve::ServeOptions {
                build: options,
                bind: bind.clone(),
                port,
            };
            match trellis::serve::serve(serve) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => fail(&e, Task::Build),
            }
        }
    }
}

fn fail(e: &trellis::Error, task: Task) -> ExitCode {
    eprint!("{}", e.report(task));
    ExitCode::FAILURE
}

fn exit_for(s: &Summary) -> ExitCode {
    if s.check.count(Severity::Error) > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// A successful build still shows the checks' warnings.
fn print_warnings(s: &Summary) {
    let n = s.check.findings.len();
    if n == 0 {
        return;
    }
    // A large site's warnings would bury the build's output: show the first few.
    const SHOWN: usize = 20;
    for d in s.check.findings.iter().take(SHOWN) {
        eprintln!("{d}");
    }
    let more = if n > SHOWN {
        format!(" ({} not shown)", n - SHOWN)
    } else {
        String::new()
    };
    eprintln!(
        "warning: the site has {n} warning{}{more}; it was built anyway (`trellis check` lists them all, with the coverage matrix)",
        if n == 1 { "" } else { "s" }
    );
}

fn print_summary(s: &Summary, verb: &str, place: &str) {
    println!(
        "{verb} {} pages and {} listing pages ({} competencies, {} objectives, {} resources) in {} ms{place}",
        s.pages, s.generated, s.competencies, s.objectives, s.resources, s.millis
    );
    let kb = |b: usize| b.div_ceil(1024);
    println!(
        "Search index: {} documents, {} terms in {} shards, {} kB (+{} kB of result text), built in {} ms",
        s.search.docs,
        s.search.terms,
        s.search.shards,
        kb(s.search.index_bytes),
        kb(s.search.fragment_bytes),
        s.search.millis
    );
}

/// A build or check is a burst of a few seconds that allocates and frees a lot.
/// - Freed memory waits a second (not mimalloc's 10 ms) before it goes back to the system:
///   memory freed and soon needed again is reused instead of faulted back in (a 50k build took
///   a fifth fewer page faults than with 100 ms), and what stays free for longer does not swell
///   the peak (never purging held 8 MB more at 10k, 100 MB more at 50k).
/// - No transparent huge pages: a page of 2 MB is zeroed whole when first touched, even for a
///   few bytes, and again after each purge. That zeroing was 14% of a 10k build's CPU, and the
///   huge pages held 40 MB more at the peak.
///
/// See docs/PERFORMANCE.md for the figures.
fn tune_memory_for_a_burst() {
    // SAFETY: these set process-wide options before the threads that allocate are started.
    unsafe {
        libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, PURGE_DELAY_MS);
        libmimalloc_sys::mi_option_set(MI_OPTION_ALLOW_THP, 0);
    }
    // mimalloc asked for huge pages on the memory it took before `main`; this turns them off
    // for the whole process. A kernel without the setting returns an error, which changes
    // nothing.
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE takes plain integers and touches no memory of ours.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}
