//! Orchestrates a build: load -> render markdown -> render templates (each page scanned for
//! the checks and handed to the writer as it renders) -> check -> commit the output. Every stage
//! reports its problems; the output folder changes only at the commit, after all of them passed,
//! so a failed build never touches the previous output.

mod outputs;
pub(crate) mod write;

use outputs::{render_and_check, render_with, Outcome};

use std::path::{Path, PathBuf};
use std::time::Instant;

use rayon::prelude::*;

use crate::check;
use crate::config::Config;
use crate::content::{self, Content, LoadOptions};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::render::{self, theme, Output, RenderedPage, Renderer, Views};
use crate::search;
use crate::timings::Timings;
use crate::Error;

/// What to build and where.
#[derive(Clone, Debug, Default)]
pub struct BuildOptions {
    /// The folder that holds `site.toml`.
    pub root: PathBuf,
    /// Output folder; default `<root>/public`.
    pub output: Option<PathBuf>,
    /// Replaces `base_url` from site.toml.
    pub base_url: Option<String>,
    pub drafts: bool,
    /// Build into an output folder even when it holds files that are not a Trellis site.
    pub force: bool,
}

/// Figures about a finished build, for the summary line.
#[derive(Debug)]
pub struct Summary {
    pub pages: usize,
    pub generated: usize,
    pub files: usize,
    pub competencies: usize,
    pub objectives: usize,
    pub resources: usize,
    pub millis: u128,
    pub output: PathBuf,
    pub search: search::Stats,
    /// What the checks found (warnings only, after a successful build).
    pub check: check::Report,
}

/// A site rendered in memory: the model, the rendered markdown and every output file. `serve`
/// keeps it between rebuilds and updates parts of it.
pub struct Built {
    pub(crate) config: Config,
    pub(crate) content: Content,
    pub(crate) theme: theme::Theme,
    pub(crate) rendered: Vec<RenderedPage>,
    /// Whether `rendered` holds page bodies' HTML (`serve`) or the renderer makes each just
    /// before its page, from `reserved` (a build or check, which renders each page once).
    pub(crate) body_html: bool,
    pub(crate) reserved: render::Reserved,
    pub(crate) views: Views,
    pub(crate) templates: Vec<String>,
    /// Pages, listings, generated files and the search index (not statics or assets).
    pub(crate) outputs: Vec<Output>,
    pub(crate) search: search::Stats,
}

impl Built {
    pub(crate) fn renderer(&self) -> Renderer<'_> {
        Renderer {
            config: &self.config,
            content: &self.content,
            tera: &self.theme.tera,
            template_files: &self.theme.files,
            rendered: &self.rendered,
            views: &self.views,
            templates: &self.templates,
            library_index: std::sync::OnceLock::new(),
            site_values: Default::default(),
            reserved: &self.reserved,
            lazy_html: !self.body_html,
            parts: None,
            statics: &self.theme.statics,
        }
    }
}

/// The template of every page, or the problems of those that have none; and a problem for
/// each template of a generated page (a listing, the 404 page) that the theme lacks.
pub(crate) fn page_templates(
    config: &Config,
    content: &Content,
    tera: &tera::Tera,
    ds: &mut Diagnostics,
) -> Vec<String> {
    let found: Vec<Result<String, Diagnostic>> = (0..content.pages.len())
        .into_par_iter()
        .map(|i| render::template_for(config, content, tera, i))
        .collect();
    ds.extend(render::missing_generated_templates(config, content, tera));
    found
        .into_iter()
        .map(|t| {
            t.unwrap_or_else(|d| {
                ds.push(d);
                String::new()
            })
        })
        .collect()
}

/// Loads, validates and renders the whole site in memory.
pub fn render_site(options: &BuildOptions, t: &mut Timings) -> Result<Built, Error> {
    let mut site = prepare(options, t, true)?;
    let renderer = site.renderer();
    let (done, search) = render_with(&site, &renderer, &renderer.jobs(), t, |o| o)?;
    site.outputs = done.into_iter().map(|(_, o)| o).collect();
    site.search = search;
    Ok(site)
}

/// Loads and validates the site and renders its markdown: everything but the output files.
/// `body_html`: whether to keep page bodies' HTML (see [`Built::body_html`]).
fn prepare(options: &BuildOptions, t: &mut Timings, body_html: bool) -> Result<Built, Error> {
    let mut config = Config::load(&options.root)?;
    if let Some(url) = &options.base_url {
        crate::config::check_base_url(url).map_err(|d| Error::Content(vec![d]))?;
        config.base_url = toml::Spanned::new(0..0, url.clone());
    }
    let load_content = || {
        content::load(
            &config,
            &LoadOptions {
                drafts: options.drafts,
            },
        )
    };
    let load_theme = || theme::load(&config);
    // The theme's templates are parsed while the content loads (one after the other when
    // timing stages, so each time is its own).
    let ((content, mut ds), theme) = if t.enabled() {
        let content = load_content();
        t.mark("load");
        let theme = load_theme();
        t.mark("theme");
        (content, theme)
    } else {
        rayon::join(load_content, load_theme)
    };
    let theme = match theme {
        Ok(t) => Some(t),
        Err(errors) => {
            ds.extend(errors);
            None
        }
    };
    let theme_ids = theme.as_ref().map(|t| t.ids.clone()).unwrap_or_default();
    let (rendered, reserved, errors) = render::render_markdown(&content, &theme_ids, body_html);
    ds.extend(errors);
    t.mark("markdown");
    let Some(theme) = theme else {
        return ds.finish(()).map(|_| unreachable!());
    };
    let templates = page_templates(&config, &content, &theme.tera, &mut ds);
    check_output_dir(&options.root, &output_dir(options), &mut ds);
    ds.finish(())?;

    let views = Views::new(&content, |i| {
        rendered[i].body.summary.as_deref().unwrap_or_default()
    });
    Ok(Built {
        views,
        config,
        content,
        theme,
        rendered,
        body_html,
        reserved,
        templates,
        outputs: Vec::new(),
        search: search::Stats::default(),
    })
}

fn output_dir(options: &BuildOptions) -> PathBuf {
    options
        .output
        .clone()
        .unwrap_or_else(|| options.root.join("public"))
}

/// Refuses an output folder that is the site itself, holds it, or lies inside one of the
/// site's own folders: every build replaces its output folder, so it would delete them.
fn check_output_dir(root: &Path, output: &Path, ds: &mut Diagnostics) {
    let (root, out) = (real_path(root), real_path(output));
    let refuse = |why: String| {
        Diagnostic::new(format!(
            "refusing to write the site into `{}`: {why}",
            output.display()
        ))
        .hint("the output folder is replaced on every build; choose a folder of its own, such as `public`")
    };
    if root.starts_with(&out) {
        ds.push(refuse(if root == out {
            "it is the site's own folder".into()
        } else {
            "it holds the site's own folder".into()
        }));
    } else if let Some(folder) = SOURCE_FOLDERS
        .iter()
        .find(|f| out.starts_with(root.join(f)))
    {
        ds.push(refuse(format!("it is inside the site's `{folder}` folder")));
    }
}

/// The folders a site is made from: with `site.toml`, everything a build reads and everything
/// `serve` watches.
pub const SOURCE_FOLDERS: [&str; 4] = ["content", "templates", "themes", "static"];

/// `path` made absolute, with `..` taken away and symbolic links followed as far as it exists:
/// `std::path::absolute` keeps `a/..`, so `site/..` would not be seen to hold `site`.
fn real_path(path: &Path) -> PathBuf {
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut real = PathBuf::new();
    for part in abs.components() {
        match part {
            std::path::Component::ParentDir => {
                real.pop();
            }
            std::path::Component::CurDir => {}
            other => {
                real.push(other);
                if let Ok(resolved) = real.canonicalize() {
                    real = resolved;
                }
            }
        }
    }
    real
}

/// Refuses to sweep a folder that holds files but not a site: a build deletes whatever in its
/// output folder the site does not make. A folder Trellis built holds the files every build
/// makes besides the pages.
fn check_output_is_a_site(output: &Path, force: bool) -> Result<(), Error> {
    let holds_files = std::fs::read_dir(output).is_ok_and(|mut entries| entries.next().is_some());
    if force || !holds_files || built_by_trellis(output) {
        return Ok(());
    }
    Err(Diagnostic::new(format!(
        "`{}` already holds files, and not a site Trellis built",
        output.display()
    ))
    .hint("a build deletes every file in its output folder that the site does not make; choose a new or empty folder, or pass `--force` to replace what is there")
    .into())
}

/// Whether `output` holds the files every Trellis build makes besides the pages.
fn built_by_trellis(output: &Path) -> bool {
    render::EXTRA_FILES.iter().all(|f| output.join(f).is_file())
}

impl Built {
    /// The readability of content pages (for the panel of `trellis serve`): of `pages`, or of
    /// every page.
    pub(crate) fn readability(&self, pages: Option<&[usize]>) -> Vec<check::PageReadability> {
        let all: Vec<usize>;
        let pages = match pages {
            Some(p) => p,
            None => {
                all = (0..self.content.pages.len()).collect();
                &all
            }
        };
        check::readability_of_pages(&self.config, &self.content, pages)
    }
}

/// Validates everything, renders in memory and runs every check; writes nothing. The report
/// may hold errors: the caller decides what they mean.
pub fn check(options: &BuildOptions, check: check::Options) -> Result<Summary, Error> {
    let start = Instant::now();
    let mut t = Timings::from_env();
    let site = prepare(options, &mut t, false)?;
    let Outcome {
        report,
        paths,
        search,
        ..
    } = render_and_check(&site, &mut t, check, |_| Ok(()))?;
    Ok(summary(
        &site,
        &paths,
        search,
        start,
        output_dir(options),
        report,
    ))
}

/// Builds the site into the output folder, replacing it only when everything succeeded: a
/// template error or an error-level finding of the checks stops the build before anything in
/// the output folder changes. Pages are written aside (or compared with the output) as they
/// render, so a build holds no more than the changed files in memory.
pub fn build(options: &BuildOptions) -> Result<Summary, Error> {
    let start = Instant::now();
    let mut t = Timings::from_env();
    let output = output_dir(options);
    // Sweeping the previous output needs a list of everything in it: on a large site, reading
    // thousands of folders. It is read in the background while the site loads, which keeps
    // both cores busy less than rendering does.
    let listing = built_by_trellis(&output).then(|| write::Listing::start(&output));
    let site = prepare(options, &mut t, false)?;
    check_output_is_a_site(&output, options.force)?;
    let stream = write::Stream::begin(&output, listing)?;
    let Outcome {
        report,
        paths,
        search,
        scans,
    } = render_and_check(&site, &mut t, check::Options::default(), |o| {
        stream.accept(&o.path, &o.bytes)
    })?;
    if report.count(crate::diagnostic::Severity::Error) > 0 {
        return Err(Error::Content(report.findings));
    }
    let refs: Vec<&str> = paths.iter().map(String::as_str).collect();
    stream.commit(&site, &refs)?;
    t.mark("write");
    let summary = summary(&site, &paths, search, start, output, report);
    // Freeing a large site's millions of small allocations takes a noticeable part of a
    // build; a command line build exits without waiting for it.
    std::thread::spawn(move || drop((site, paths, scans)));
    Ok(summary)
}

fn summary(
    site: &Built,
    paths: &[String],
    search: search::Stats,
    start: Instant,
    output: PathBuf,
    check: check::Report,
) -> Summary {
    let pages = site.content.pages.len();
    Summary {
        pages,
        generated: paths.iter().filter(|p| p.ends_with(".html")).count() - pages.min(paths.len()),
        files: paths.len() + site.theme.statics.len() + site.content.assets.len(),
        competencies: site.content.competencies.len(),
        objectives: site
            .content
            .competencies
            .iter()
            .map(|c| c.objectives.len())
            .sum(),
        resources: site.content.resources.len(),
        millis: start.elapsed().as_millis(),
        output,
        search,
        check,
    }
}
