//! Renders every output file of a site (pages, listings, generated files, the search index)
//! and runs the checks over each as it is made.

use crate::check;
use crate::render::{self, Output, Renderer};
use crate::search;
use crate::timings::{Part, Parts, Timings};
use crate::Error;

use super::Built;

/// Renders every output file (`jobs`, the generated files, the search index) with `renderer`,
/// handing each to `sink` as it is made. Templates and the search index are independent: they
/// are built side by side (one after the other when timing stages, so each time is its own).
pub(super) fn render_with<T: Send>(
    site: &Built,
    renderer: &Renderer,
    jobs: &[render::Job],
    t: &mut Timings,
    sink: impl Fn(Output) -> T + Sync + Send,
) -> Result<(Vec<(String, T)>, search::Stats), Error> {
    let clashes = renderer.clashes(jobs);
    if !clashes.is_empty() {
        return Err(Error::Content(clashes));
    }
    let search = || {
        let mut files = Vec::new();
        let stats = site.write_search_index(|path, text| {
            let o = Output {
                path,
                bytes: text.into_bytes(),
            };
            files.push((o.path.clone(), sink(o)));
        });
        (files, stats)
    };
    let (done, (files, stats)) = if t.enabled() {
        let done = renderer.render_each(jobs, &sink);
        t.mark("templates");
        t.print_parts();
        let search = search();
        t.mark("search");
        (done, search)
    } else {
        rayon::join(|| renderer.render_each(jobs, &sink), search)
    };
    let mut done = done.map_err(Error::Content)?;
    done.extend(files);
    Ok((done, stats))
}

impl Built {
    pub(crate) fn search_index(&self) -> search::Index {
        search::build_index(search::collect(&self.content, &self.rendered))
    }

    /// Builds the search index, handing each of its files to `emit` as it is made.
    fn write_search_index(&self, emit: impl FnMut(String, String)) -> search::Stats {
        search::write_index(search::collect(&self.content, &self.rendered), emit)
    }
}

/// What the checks see of a site.
fn check_input<'a>(
    site: &'a Built,
    generated: &'a std::collections::HashMap<String, String>,
) -> check::Input<'a> {
    let mut files: Vec<&str> = site.theme.statics.keys().map(String::as_str).collect();
    files.extend(site.content.assets.iter().map(String::as_str));
    check::Input {
        config: &site.config,
        content: &site.content,
        markdown: &site.rendered,
        files,
        templates: &site.templates,
        generated,
    }
}

/// What [`render_and_check`] made of a site, besides the output it handed on.
pub(super) struct Outcome {
    pub(super) report: check::Report,
    /// The path of every output file.
    pub(super) paths: Vec<String>,
    pub(super) search: search::Stats,
    /// What the scans found: the report is made of them, and a build lets them go without
    /// waiting.
    pub(super) scans: Vec<check::Scanned>,
}

/// Renders the site and checks each output as it is made, handing it on to `keep` (which may
/// write it). No more than one page per thread is held in memory here.
pub(super) fn render_and_check(
    site: &Built,
    t: &mut Timings,
    options: check::Options,
    keep: impl Fn(Output) -> Result<(), Error> + Sync + Send,
) -> Result<Outcome, Error> {
    let generated = render::generated_templates(&site.content, &site.config);
    let input = check_input(site, &generated);
    // When timing, the renderer and the sink below add up the time of each part of a page.
    let timed = t.parts();
    let parts = timed.as_deref();
    let mut renderer = site.renderer();
    renderer.parts.clone_from(&timed);
    let jobs = renderer.jobs();
    let planned = renderer.planned_paths(&jobs);
    let scanner = check::Scanner::new(&input, &planned, options);
    let (done, search) = render_with(site, &renderer, &jobs, t, |o| {
        let scanned = Parts::time(parts, Part::Scan, || scanner.scan(&o.path, &o.bytes));
        Parts::time(parts, Part::Keep, || keep(o)).map(|()| scanned)
    })?;
    let mut paths = Vec::with_capacity(done.len());
    let mut scans = Vec::with_capacity(done.len());
    for (path, result) in done {
        scans.extend(result?);
        paths.push(path);
    }
    let refs: Vec<&str> = paths.iter().map(String::as_str).collect();
    let report = check::run_scanned(&input, &scans, &refs, options);
    t.mark("check");
    Ok(Outcome {
        report,
        paths,
        search,
        scans,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::{prepare, render_site, BuildOptions};

    /// A build leaves page bodies' HTML out of the markdown stage and renders each just before
    /// its page; `serve` keeps it from the start. Both must make the same files.
    #[test]
    fn pages_whose_html_is_rendered_late_match_pages_rendered_at_once() {
        let options = BuildOptions {
            root: env!("CARGO_MANIFEST_DIR").into(),
            ..BuildOptions::default()
        };
        let mut t = Timings::from_env();
        let kept = render_site(&options, &mut t).unwrap();
        let late = prepare(&options, &mut t, false).unwrap();
        let html_left = |site: &Built| {
            site.rendered
                .iter()
                .filter(|r| !r.html().is_empty())
                .count()
        };
        assert_eq!(html_left(&late), 0);
        assert!(html_left(&kept) > 50);
        let renderer = late.renderer();
        let (done, _) = render_with(&late, &renderer, &renderer.jobs(), &mut t, |o| o).unwrap();
        assert_eq!(done.len(), kept.outputs.len());
        for ((path, o), k) in done.iter().zip(&kept.outputs) {
            assert_eq!((path, &o.path), (&k.path, &k.path));
            assert!(o.bytes == k.bytes, "{path} differs");
        }
        // Each body's HTML went again once its page was made.
        assert_eq!(html_left(&late), 0);
        // The largest pages render first, but the outputs come back in the jobs' order.
        let jobs = renderer.jobs();
        let planned = renderer.planned_paths(&jobs);
        let made: Vec<&String> = done
            .iter()
            .map(|(path, _)| path)
            .take(planned.len())
            .collect();
        assert_eq!(made, planned.iter().collect::<Vec<_>>());
        assert!(planned.iter().any(|p| p == "search/index.html"));
    }
}
