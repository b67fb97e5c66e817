//! Renders the site with Tera: one job per output page, run in parallel, each with a context
//! built from the shared views. Also the generated files (sitemap.xml, robots.txt, syntax.css).

mod context;
mod date;
mod listing;
mod markdown_stage;
mod page_context;
mod progress;
pub mod quiz;
mod search_page;
mod template_errors;
pub mod theme;

use rayon::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;
use tera::Tera;

use crate::config::Config;
use crate::content::{Content, Kind};
use crate::diagnostic::{closest, Diagnostic};
use crate::markdown;
use crate::timings::{Part, Parts};
pub use context::Views;
pub use markdown_stage::{render_markdown, render_page, RenderedPage, Reserved};
use template_errors::Failure;
pub use template_errors::{TemplateFile, TemplateFiles};

/// One file of output: a path relative to the output folder, and its bytes.
pub struct Output {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// The template of each output that is not a content page, by output path (for reports).
pub fn generated_templates(
    content: &Content,
    config: &Config,
) -> std::collections::HashMap<String, String> {
    let mut map: std::collections::HashMap<String, String> = listing::listings(content, config)
        .into_iter()
        .map(|l| (format!("{}index.html", l.path), l.template.to_string()))
        .collect();
    map.insert("search/index.html".into(), "search.html".into());
    map.insert("404.html".into(), "404.html".into());
    map
}

/// Every value, or every error when there is one.
fn all_or_errors<T, E>(results: Vec<Result<T, E>>) -> Result<Vec<T>, Vec<E>> {
    let mut values = Vec::with_capacity(results.len());
    let mut errors = Vec::new();
    for r in results {
        match r {
            Ok(v) => values.push(v),
            Err(d) => errors.push(d),
        }
    }
    if errors.is_empty() {
        Ok(values)
    } else {
        Err(errors)
    }
}

/// Relative path from a page at `path` (e.g. `a/b/`) to the site root (`../../`).
pub fn root_for(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}

/// A problem for each template of a generated page that the theme lacks, naming the first
/// page that needs it. The search page is left out: a theme without one has none.
pub fn missing_generated_templates(
    config: &Config,
    content: &Content,
    tera: &Tera,
) -> Vec<Diagnostic> {
    let mut needed: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for (path, template) in generated_templates(content, config) {
        if template != "search.html" && tera.get_template(&template).is_err() {
            needed.entry(template).or_default().push(path);
        }
    }
    needed
        .into_iter()
        .map(|(name, mut paths)| {
            paths.sort_unstable();
            let pages = match paths.len() {
                1 => format!("`{}`", paths[0]),
                2 => format!("`{}` and 1 other page", paths[0]),
                n => format!("`{}` and {} other pages", paths[0], n - 1),
            };
            Diagnostic::new(format!(
                "the theme has no template `{name}`, needed by the generated page {pages}"
            ))
            .hint(theme::missing_template_hint(config, &name))
        })
        .collect()
}

/// The template a page renders with, or a diagnostic when it does not exist.
pub fn template_for(
    config: &Config,
    content: &Content,
    tera: &Tera,
    page: usize,
) -> Result<String, Diagnostic> {
    let p = &content.pages[page];
    let names: Vec<&str> = tera.get_template_names().collect();
    if let Some(t) = &p.meta.template {
        let name = t.get_ref();
        if names.contains(&name.as_str()) {
            return Ok(name.clone());
        }
        return Err(unknown_template(
            p.error_at(format!("unknown template `{name}`"), t.span()),
            name,
            &names,
        ));
    }
    let name = match p.kind() {
        Kind::Section if page == content.home => "index.html".to_string(),
        Kind::Section => "section.html".to_string(),
        Kind::Library => "library.html".to_string(),
        Kind::Competency => "competency.html".to_string(),
        Kind::Framework => "framework.html".to_string(),
        Kind::Resources => "resources.html".to_string(),
        Kind::CurriculumMap => "curriculum_map.html".to_string(),
        Kind::Quiz => "quiz.html".to_string(),
        Kind::Progress => "progress.html".to_string(),
        Kind::Page => {
            let parent_template = p
                .parent
                .and_then(|s| content.pages[s].meta.page_template.as_ref());
            if let Some(t) = parent_template {
                if !names.contains(&t.get_ref().as_str()) {
                    let section = &content.pages[p.parent.unwrap_or(0)];
                    let d =
                        section.error_at(format!("unknown template `{}`", t.get_ref()), t.span());
                    return Err(unknown_template(d, t.get_ref(), &names));
                }
                t.get_ref().clone()
            } else {
                "page.html".to_string()
            }
        }
    };
    if names.contains(&name.as_str()) {
        Ok(name)
    } else {
        Err(Diagnostic::new(format!(
            "the theme has no template `{name}`, needed by `{}`",
            p.rel
        ))
        .in_file(&p.file)
        .hint(theme::missing_template_hint(config, &name)))
    }
}

fn unknown_template(d: Diagnostic, name: &str, names: &[&str]) -> Diagnostic {
    let mut pages: Vec<&str> = names
        .iter()
        .copied()
        .filter(|n| !n.contains('/') && !matches!(*n, "macros.html" | "base.html"))
        .collect();
    pages.sort_unstable();
    match closest(name, pages.iter().copied()) {
        Some(near) => d.hint(format!("did you mean `{near}`?")),
        None => d.hint(format!(
            "add `templates/{name}` to the site, or use one of: {}",
            pages.join(", ")
        )),
    }
}

/// Everything a render job needs, shared by all jobs.
pub struct Renderer<'a> {
    pub config: &'a Config,
    pub content: &'a Content,
    pub tera: &'a Tera,
    /// The templates' text and paths, for errors.
    pub template_files: &'a TemplateFiles,
    pub rendered: &'a [RenderedPage],
    pub views: &'a Views,
    pub templates: &'a [String],
    /// Built on first use by the library or a filter page.
    pub library_index: std::sync::OnceLock<listing::LibraryIndex>,
    /// The `site` value, serialized once for each set of active menu items.
    pub site_values: std::sync::Mutex<std::collections::HashMap<Vec<bool>, tera::Value>>,
    /// Each page's reserved anchors and items, indexed once per build.
    pub reserved: &'a Reserved,
    /// Set when the markdown stage left page bodies' HTML out (a build, which renders each
    /// page once): [`Renderer::render_each`] renders a body's HTML just before its page and
    /// lets it go once the page is handed on. `serve` keeps every body's HTML instead.
    pub lazy_html: bool,
    /// Where the time of each part of rendering is added up, when timing stages.
    pub parts: Option<Arc<Parts>>,
    /// The theme's and the site's static files, by output path: one at the path of a
    /// generated file (`robots.txt`...) takes its place.
    pub statics: &'a std::collections::BTreeMap<String, theme::Source>,
}

impl Renderer<'_> {
    fn library_index(&self) -> &listing::LibraryIndex {
        self.library_index
            .get_or_init(|| listing::LibraryIndex::new(self.content))
    }
}

/// Files made beside the pages by [`Renderer::render_each`].
pub const EXTRA_FILES: [&str; 3] = ["sitemap.xml", "robots.txt", "css/syntax.css"];

/// What one output page is.
pub enum Job {
    Page(usize),
    Listing(listing::Listing),
    Search,
    NotFound,
}

impl<'a> Renderer<'a> {
    /// Every output page of the site: content pages, generated listings, search and 404.
    pub fn jobs(&self) -> Vec<Job> {
        let mut jobs: Vec<Job> = (0..self.content.pages.len()).map(Job::Page).collect();
        jobs.extend(
            listing::listings(self.content, self.config)
                .into_iter()
                .map(Job::Listing),
        );
        jobs.push(Job::NotFound);
        // A theme without a search page simply has none.
        if self.tera.get_template_names().any(|n| n == "search.html") {
            jobs.push(Job::Search);
        }
        jobs
    }

    /// How large a job's page is likely to be, roughly: the search page's index and the pages
    /// that list every resource or objective grow with the site (2), a library filter lists a
    /// whole kind or year of resources (1); other pages list a bounded number of items (0).
    fn job_weight(&self, job: &Job) -> u8 {
        match job {
            Job::Search => 2,
            Job::Page(i) => match self.content.pages[*i].kind() {
                Kind::Library | Kind::CurriculumMap => 2,
                _ => 0,
            },
            Job::Listing(l) if l.is_filter() => 1,
            Job::Listing(_) | Job::NotFound => 0,
        }
    }

    /// The path of the file a job writes.
    pub fn job_path(&self, job: &Job) -> String {
        match job {
            Job::Page(i) => self.content.pages[*i].href(),
            Job::Listing(l) => format!("{}index.html", l.path),
            Job::Search => "search/index.html".into(),
            Job::NotFound => "404.html".into(),
        }
    }

    /// Every file [`Renderer::render_each`] will make of `jobs`, except the search index's:
    /// known before anything renders.
    pub fn planned_paths(&self, jobs: &[Job]) -> Vec<String> {
        let mut paths: Vec<String> = jobs.iter().map(|j| self.job_path(j)).collect();
        paths.extend(EXTRA_FILES.iter().map(|p| p.to_string()));
        paths
    }

    /// Two outputs of `jobs` (or a job and a generated file) that would be written to the same
    /// path: one would silently replace the other. Two content pages are caught when the content
    /// loads; this catches a page against a generated page (a taxonomy's, the search page...)
    /// and generated pages against each other.
    pub fn clashes(&self, jobs: &[Job]) -> Vec<Diagnostic> {
        let mut seen: HashMap<String, usize> = HashMap::with_capacity(jobs.len());
        let mut found = Vec::new();
        for (i, job) in jobs.iter().enumerate() {
            let path = self.job_path(job);
            match seen.get(&path) {
                Some(&first) => found.push(self.clash(&jobs[first], job, &path)),
                None => {
                    seen.insert(path, i);
                }
            }
        }
        for extra in EXTRA_FILES {
            if let Some(&first) = seen.get(extra) {
                let d = self.blame(
                    &jobs[first],
                    format!("would be written to `{extra}`, which Trellis makes for every site"),
                );
                found.push(d);
            }
        }
        found
    }

    /// The error for `a` and `b`, both written to `path`: at the content page, if one is, or at
    /// the taxonomy in site.toml.
    fn clash(&self, a: &Job, b: &Job, path: &str) -> Diagnostic {
        let (culprit, other) = match (a, b) {
            (Job::Page(_), _) => (a, b),
            (_, Job::Page(_)) => (b, a),
            (Job::Listing(l), _) if l.taxonomy().is_some() => (a, b),
            _ => (b, a),
        };
        self.blame(
            culprit,
            format!(
                "would be written to `{path}`, which {} also uses",
                self.describe(other)
            ),
        )
    }

    /// `what` said of `job`, at the place that chose its path.
    fn blame(&self, job: &Job, what: String) -> Diagnostic {
        match job {
            Job::Page(i) => {
                let page = &self.content.pages[*i];
                let message = format!("`{}` {what}", page.rel);
                match &page.meta.slug {
                    Some(slug) => page.error_at(message, slug.span()),
                    None => Diagnostic::new(message).in_file(&page.file),
                }
                .hint("give the page another file name, or another `slug`")
            }
            Job::Listing(l) => {
                let d = Diagnostic::new(format!("{} {what}", capitalized(&l.describe())));
                match l.taxonomy().and_then(|t| self.config.taxonomy(t)) {
                    Some(t) => d
                        .at(
                            std::path::Path::new(crate::config::FILE_NAME),
                            &self.config.source,
                            t.name.span(),
                        )
                        .hint("give the taxonomy another `name`"),
                    None => d,
                }
            }
            Job::Search | Job::NotFound => {
                Diagnostic::new(format!("{} {what}", capitalized(&self.describe(job))))
            }
        }
    }

    /// What `job` makes, for messages.
    fn describe(&self, job: &Job) -> String {
        match job {
            Job::Page(i) => format!("`{}`", self.content.pages[*i].rel),
            Job::Listing(l) => l.describe(),
            Job::Search => "the search page".into(),
            Job::NotFound => "the “page not found” page".into(),
        }
    }

    /// The template a job renders with.
    pub fn job_template<'j>(&'j self, job: &'j Job) -> &'j str {
        match job {
            Job::Page(i) => &self.templates[*i],
            Job::Listing(l) => l.template,
            Job::Search => "search.html",
            Job::NotFound => "404.html",
        }
    }

    /// The taxonomy term listings that show page `page` in their lists.
    pub fn lists_page(&self, job: &Job, page: usize) -> bool {
        match job {
            Job::Listing(l) => l.lists_page(self.content, page),
            _ => false,
        }
    }

    /// Renders some of the jobs, in parallel; template errors are collected.
    pub fn render_jobs(&self, jobs: &[&Job]) -> Result<Vec<Output>, Vec<Diagnostic>> {
        // Only `serve` renders jobs piecemeal, and it keeps every body's HTML.
        debug_assert!(!self.lazy_html);
        all_or_errors(jobs.par_iter().map(|job| self.render_job(job)).collect())
            .map_err(|failures| self.report(failures))
    }

    /// Template errors, each reported once with the pages it broke.
    fn report(&self, failures: Vec<Failure>) -> Vec<Diagnostic> {
        template_errors::report(failures, self.tera, self.template_files)
    }

    /// Renders `jobs` (every page and listing: [`Renderer::jobs`]) and the generated files, in
    /// parallel, handing each output to `sink` as soon as it is made, so that a build need not
    /// hold the whole site in memory. Returns each output's path with what `sink` made of it;
    /// template errors are collected.
    pub fn render_each<T: Send>(
        &self,
        jobs: &[Job],
        sink: impl Fn(Output) -> T + Sync + Send,
    ) -> Result<Vec<(String, T)>, Vec<Diagnostic>> {
        // The largest pages start first, so that no core is left rendering one of them alone
        // at the end; the results are put back in the jobs' order.
        let mut order: Vec<usize> = (0..jobs.len()).collect();
        order.sort_by_key(|&j| std::cmp::Reverse(self.job_weight(&jobs[j])));
        let mut results: Vec<_> = order
            .par_iter()
            .map(|&j| (j, self.render_one(&jobs[j], &sink)))
            .collect();
        results.sort_unstable_by_key(|(j, _)| *j);
        let mut done = all_or_errors(results.into_iter().map(|(_, r)| r).collect())
            .map_err(|failures| self.report(failures))?;
        let extra = [
            self.sitemap(done.iter().map(|(path, _)| path.as_str())),
            Output {
                path: EXTRA_FILES[1].into(),
                bytes: format!(
                    "User-agent: *\nAllow: /\nSitemap: {}sitemap.xml\n",
                    self.config.absolute_base()
                )
                .into_bytes(),
            },
            Output {
                path: EXTRA_FILES[2].into(),
                bytes: markdown::highlight_stylesheet().into_bytes(),
            },
        ];
        // A static file of the same path (a site's own robots.txt, say) is copied instead.
        let extra = extra
            .into_iter()
            .filter(|o| !self.statics.contains_key(&o.path));
        done.extend(extra.map(|o| (o.path.clone(), sink(o))));
        Ok(done)
    }

    /// Renders one job and hands its output to `sink`. In a build, a page's body HTML is
    /// rendered just before the page and let go after.
    fn render_one<T>(&self, job: &Job, sink: impl Fn(Output) -> T) -> Result<(String, T), Failure> {
        let lazy = match job {
            Job::Page(i) if self.lazy_html => {
                let r = &self.rendered[*i];
                r.set_html(Parts::time(self.parts.as_deref(), Part::Body, || {
                    markdown_stage::body_html(self.content, self.reserved, *i)
                }));
                Some(r)
            }
            _ => None,
        };
        let o = self.render_job(job)?;
        let done = (o.path.clone(), sink(o));
        if let Some(r) = lazy {
            r.release_html();
        }
        Ok(done)
    }

    fn render_job(&self, job: &Job) -> Result<Output, Failure> {
        let parts = self.parts.as_deref();
        let (template, ctx, capacity) = Parts::time(parts, Part::Context, || self.context(job));
        let out = self.job_path(job);
        let rendered = Parts::time(parts, Part::Template, || {
            self.render_template(template, &ctx, &out, capacity)
        });
        if let Job::Page(i) = job {
            self.take_back_body(*i, ctx);
        }
        rendered.map_err(|e| {
            let page = match job {
                Job::Page(i) => self.content.pages[*i].file.display().to_string(),
                _ => out,
            };
            Failure::new(template, page, &e)
        })
    }

    /// The template of `job`, its context, and a guess at the size of its output.
    fn context<'j>(&'j self, job: &'j Job) -> (&'j str, tera::Context, usize) {
        match job {
            Job::Page(i) => {
                let page = &self.content.pages[*i];
                // The page around a body is a few kilobytes of markup, more with resources.
                let capacity = self.rendered[*i].html().len() * 5 / 4 + 16 * 1024;
                let mut ctx = self.base_context(
                    &page.path,
                    &page.meta.title,
                    &page.meta.description,
                    Some(*i),
                );
                self.page_context(*i, &mut ctx);
                (&self.templates[*i], ctx, capacity)
            }
            Job::Listing(l) => {
                let mut ctx = self.base_context(&l.path, &l.title, &l.description, l.parent);
                l.fill(self, &mut ctx);
                (l.template, ctx, 32 * 1024)
            }
            Job::Search => {
                let mut ctx = self.base_context(
                    "search/",
                    "Search",
                    "Search every page, competency, objective and resource.",
                    None,
                );
                ctx.insert("az", &search_page::a_to_z(self));
                ("search.html", ctx, 64 * 1024)
            }
            Job::NotFound => {
                let mut ctx = self.base_context("", "Page not found", "", None);
                ctx.insert("root", &self.config.base_path());
                ctx.insert("current_href", "404.html");
                ("404.html", ctx, 16 * 1024)
            }
        }
    }

    /// Renders template `name` into `out`, in a buffer of `capacity` bytes to start with (a
    /// guess at the page's size: growing a buffer copies it).
    fn render_template(
        &self,
        name: &str,
        ctx: &tera::Context,
        out: &str,
        capacity: usize,
    ) -> Result<Output, tera::Error> {
        let mut bytes = Vec::with_capacity(capacity);
        // Templates and the values they print are UTF-8, so the bytes are too.
        self.tera.render_to(name, ctx, &mut bytes)?;
        Ok(Output {
            path: out.to_string(),
            bytes,
        })
    }

    fn sitemap<'p>(&self, paths: impl Iterator<Item = &'p str>) -> Output {
        let base = self.config.absolute_base();
        let mut urls: Vec<String> = paths
            .filter(|p| p.ends_with("index.html"))
            .map(|p| format!("{base}{}", p.trim_end_matches("index.html")))
            .collect();
        urls.sort();
        let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for u in urls {
            xml.push_str(&format!(
                "  <url><loc>{}</loc></url>\n",
                markdown::escape_html(&u)
            ));
        }
        xml.push_str("</urlset>\n");
        Output {
            path: EXTRA_FILES[0].into(),
            bytes: xml.into_bytes(),
        }
    }
}

/// `text` with its first letter in upper case.
fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}
