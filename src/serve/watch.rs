//! Watching the site's sources: each burst of changes is rebuilt, reported on the terminal, and
//! sent to the open tabs.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use notify::{EventKind, RecursiveMode, Watcher};

use super::live;
use super::reload::{self, Event};
use super::{say, State};
use crate::site::BuildOptions;
use crate::Error;

/// How long the file system must be quiet before a rebuild: editors save by writing a temporary
/// file and renaming it, a burst that takes a few milliseconds.
const QUIET: Duration = Duration::from_millis(30);

/// Watches the site's sources and rebuilds after each burst of changes (editors write temporary
/// files and rename them: wait until the file system has been quiet for a moment).
///
/// The site's folder is watched on its own (not its subfolders), so `site.toml` and the source
/// folders are seen when they appear or go, and each source folder that is there is watched
/// with everything in it. The output (`public/`, or serve's folder outside the site) is not a
/// source: writing it never triggers a rebuild.
pub(super) fn watch(
    state: Arc<State>,
    build: BuildOptions,
    mut live: live::Live,
) -> Result<(), Error> {
    let (tx, rx) = std::sync::mpsc::channel::<notify::Result<notify::Event>>();
    let mut watcher = notify::recommended_watcher(tx)
        .map_err(|e| Error::Other(format!("could not watch the site: {e}")))?;
    let root = build.root;
    let _ = watcher.watch(&root, RecursiveMode::NonRecursive);
    for folder in crate::site::SOURCE_FOLDERS {
        follow(&mut watcher, &root.join(folder));
    }
    std::thread::spawn(move || {
        while let Ok(first) = rx.recv() {
            let mut paths: Vec<PathBuf> = Vec::new();
            let mut lost = false;
            let mut take = |event: notify::Result<notify::Event>| {
                // Reading files (as every build does) is not a change.
                match event {
                    Ok(e) if !matches!(e.kind, EventKind::Access(_)) => {
                        lost |= e.need_rescan();
                        paths.extend(e.paths.iter().filter_map(|p| live::source(&root, p)));
                    }
                    _ => {}
                }
            };
            take(first);
            while let Ok(next) = rx.recv_timeout(QUIET) {
                take(next);
            }
            // Before the rebuild reads them: what is written into a new folder afterwards is
            // seen too.
            for folder in crate::site::SOURCE_FOLDERS {
                if lost || paths.iter().any(|p| p == Path::new(folder)) {
                    follow(&mut watcher, &root.join(folder));
                }
            }
            if lost {
                // Events were dropped: anything may have changed.
                paths = vec![root.clone()];
            }
            if !paths.is_empty() {
                paths.sort();
                paths.dedup();
                rebuild(&state, &mut live, &paths);
            }
        }
    });
    Ok(())
}

/// Watches `folder` and everything in it if it is there, and stops watching it if not (a folder
/// removed and made again is a new folder, with no watch).
fn follow(watcher: &mut notify::RecommendedWatcher, folder: &Path) {
    if folder.is_dir() {
        let _ = watcher.watch(folder, RecursiveMode::Recursive);
    } else {
        let _ = watcher.unwatch(folder);
    }
}

/// Rebuilds what `changed` affects, then tells the tabs; the search index follows.
pub(super) fn rebuild(state: &State, live: &mut live::Live, changed: &[PathBuf]) {
    let _building = super::building();
    let started = std::time::Instant::now();
    match live.rebuild(changed) {
        Ok(done) => {
            if let Ok(mut c) = state.current.write() {
                *c = Some(live.dir().to_path_buf());
            }
            if let Ok(mut e) = state.errors.write() {
                *e = None;
            }
            if !changed.is_empty() {
                let what = if done.full {
                    format!("Rebuilt all {} pages", done.rendered)
                } else if done.rendered == 0 {
                    "Copied static files".to_string()
                } else {
                    format!(
                        "Re-rendered {} page{}",
                        done.rendered,
                        plural(done.rendered)
                    )
                };
                say(&format!(
                    "{what} ({} file{} changed) in {} ms",
                    done.written,
                    plural(done.written),
                    started.elapsed().as_millis()
                ));
            }
            // The panel's figures are worked out before the tabs reload, so they match the page:
            // for every page after a full build, else for the pages whose markdown changed.
            if let (Some(site), Ok(mut figures)) = (live.site(), state.readability.write()) {
                if done.prose.is_none() {
                    figures.clear();
                }
                let rows = site.readability(done.prose.as_deref());
                figures.extend(
                    rows.iter()
                        .map(|row| (row.url.clone(), reload::readability_json(row))),
                );
            }
            state.hub.broadcast(if done.css_only {
                &Event::Css
            } else {
                &Event::Reload
            });
            let started = std::time::Instant::now();
            match live.refresh_search() {
                Ok(0) => {}
                Ok(n) => say(&format!(
                    "Updated the search index ({n} file{} changed) in {} ms",
                    plural(n),
                    started.elapsed().as_millis()
                )),
                Err(e) => report_failure(state, &e),
            }
        }
        Err(e) => report_failure(state, &e),
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// A failed build: the terminal and every open tab show its problems.
fn report_failure(state: &State, e: &Error) {
    let report = e.report(crate::Task::Build);
    let _ = std::io::Write::write_all(&mut std::io::stderr(), report.as_bytes());
    if let Ok(mut errors) = state.errors.write() {
        *errors = Some(report.clone());
    }
    state.hub.broadcast(&Event::Errors(report));
}
