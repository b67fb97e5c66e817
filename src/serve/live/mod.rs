//! Incremental rebuilds for `serve`: the last good build stays in memory, and a change re-renders
//! only what it affects.
//!
//! - A page whose body changed (its front matter is byte-for-byte the same): its markdown and its
//!   page; when its summary changed, also its section and the taxonomy pages that list it. The
//!   search index follows right after the reload.
//! - Templates: the theme is reloaded and only the pages whose template uses a changed template
//!   (by `extends`, `include` or `import`) are rendered again; a templates folder that appears
//!   or goes counts as every template below it.
//! - Static files: written again, nothing rendered.
//! - Anything else (front matter, new, deleted or renamed files, site.toml, GIFT files, assets)
//!   and any change after a failed build: a full build, still written only where bytes changed.

mod change;
mod dependents;

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostics;
use crate::render::{self, theme, Job, Output};
use crate::site::{self, write, BuildOptions, Built};
use crate::timings::Timings;
use crate::Error;
pub(super) use change::source;
use change::Change;
use dependents::dependents;

/// What a rebuild did, for the terminal and the open tabs.
pub struct Rebuilt {
    /// Output files written.
    pub written: usize,
    /// Pages rendered again (all of them for a full build).
    pub rendered: usize,
    pub full: bool,
    /// Only stylesheets changed: tabs can swap them without reloading.
    pub css_only: bool,
    /// The pages whose markdown changed (for the readability panel); `None`: maybe all.
    pub prose: Option<Vec<usize>>,
}

/// The served site: its folder and the last good build.
pub struct Live {
    options: BuildOptions,
    dir: PathBuf,
    site: Option<Built>,
    /// Output path -> index in `site.outputs`.
    index: HashMap<String, usize>,
    /// The build in memory no longer matches the files (a rebuild failed): build everything.
    stale: bool,
    /// The search index must be rebuilt (a page body changed).
    search_due: bool,
}

impl Live {
    pub fn new(options: BuildOptions, dir: PathBuf) -> Live {
        Live {
            options,
            dir,
            site: None,
            index: HashMap::new(),
            stale: true,
            search_due: false,
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The last good build, if there is one.
    pub fn site(&self) -> Option<&Built> {
        self.site.as_ref()
    }

    /// Rebuilds after `changed` (absolute or root-relative paths; empty for the first build).
    pub fn rebuild(&mut self, changed: &[PathBuf]) -> Result<Rebuilt, Error> {
        let change = self.classify(changed);
        let result = match change {
            Change::Bodies(rels) => self.bodies(&rels),
            Change::Templates(names) => self.templates(&names),
            Change::Statics { css_only } => self.statics(css_only),
            Change::Full => self.full(),
        };
        if result.is_err() {
            self.stale = true;
        }
        result
    }

    /// Brings the search index up to date after body edits; returns the files written.
    pub fn refresh_search(&mut self) -> Result<usize, Error> {
        let Some(site) = self
            .site
            .as_mut()
            .filter(|_| self.search_due && !self.stale)
        else {
            return Ok(0);
        };
        self.search_due = false;
        let index = site.search_index();
        site.search = index.stats;
        let files: Vec<Output> = index
            .files
            .into_iter()
            .map(|(path, text)| Output {
                path,
                bytes: text.into_bytes(),
            })
            .collect();
        self.replace(files, true)
    }

    fn full(&mut self) -> Result<Rebuilt, Error> {
        let options = BuildOptions {
            output: Some(self.dir.clone()),
            ..self.options.clone()
        };
        let site = site::render_site(&options, &mut Timings::from_env())?;
        let written = match &self.site {
            Some(before) => write::write_diff(&self.dir, before, &site)?,
            None => {
                write::write_output(&site, &self.dir)?;
                site.outputs.len()
            }
        };
        self.index = index_of(&site.outputs);
        let rendered = site.content.pages.len();
        self.site = Some(site);
        self.stale = false;
        self.search_due = false;
        Ok(Rebuilt {
            written,
            rendered,
            full: true,
            css_only: false,
            prose: None,
        })
    }

    /// Pages whose bodies alone changed. Falls back to a full build when a front matter did.
    fn bodies(&mut self, rels: &[String]) -> Result<Rebuilt, Error> {
        let mut edited = Vec::new();
        {
            let site = self.site.as_ref().expect("classified with a build");
            for rel in rels {
                let i = site
                    .content
                    .pages
                    .iter()
                    .position(|p| &p.rel == rel)
                    .expect("classified as a known page");
                let page = &site.content.pages[i];
                let source = crate::fs::read_to_string(&self.options.root.join(&page.file))?;
                if source.get(..page.body_start) != Some(&page.source[..page.body_start]) {
                    return self.full();
                }
                if source != page.source {
                    edited.push((i, source));
                }
            }
        }
        let site = self.site.as_mut().expect("classified with a build");
        let mut ds = Diagnostics::default();
        let mut summary_changed = Vec::new();
        let pages: Vec<usize> = edited.iter().map(|(i, _)| *i).collect();
        for (i, source) in edited {
            site.content.pages[i].source = source;
        }
        site.reserved = render::Reserved::new(&site.content, &site.theme.ids);
        for &i in &pages {
            let (rendered, errors) =
                render::render_page(&site.content, &site.reserved, i, site.body_html);
            ds.extend(errors);
            let summary =
                crate::markdown::escape_html(rendered.body.summary.as_deref().unwrap_or(""));
            if site.views.summaries[i].summary != summary {
                site.views.summaries[i].summary = summary;
                summary_changed.push(i);
            }
            site.rendered[i] = rendered;
        }
        ds.finish(())?;
        let parents: Vec<usize> = summary_changed
            .iter()
            .filter_map(|&i| site.content.pages[i].parent)
            .collect();
        let renderer = site.renderer();
        let jobs = renderer.jobs();
        let selected: Vec<&Job> = jobs
            .iter()
            .filter(|job| match job {
                Job::Page(p) => pages.contains(p) || parents.contains(p),
                _ => summary_changed.iter().any(|&i| renderer.lists_page(job, i)),
            })
            .collect();
        let outputs = renderer.render_jobs(&selected).map_err(Error::Content)?;
        self.search_due = !pages.is_empty();
        self.put(outputs, pages)
    }

    /// Templates changed: reload the theme, render the pages whose templates use them.
    fn templates(&mut self, names: &BTreeSet<String>) -> Result<Rebuilt, Error> {
        let config = &self.site.as_ref().expect("classified with a build").config;
        let theme = theme::load(config).map_err(Error::Content)?;
        if Some(&theme.ids) != self.site.as_ref().map(|s| &s.theme.ids) {
            // Heading anchors avoid the templates' ids: they must be computed again.
            return self.full();
        }
        let site = self.site.as_mut().expect("classified with a build");
        let mut ds = Diagnostics::default();
        let templates = site::page_templates(&site.config, &site.content, &theme.tera, &mut ds);
        ds.finish(())?;
        // A folder that appeared or went (`templates/` itself is "") stands for every template
        // below it, before or now: an override of `page.html` may come with its folder.
        let below = |folder: &str, name: &str| {
            folder.is_empty()
                || name
                    .strip_prefix(folder)
                    .is_some_and(|rest| rest.starts_with('/'))
        };
        let mut changed = names.clone();
        changed.extend(
            site.theme
                .tera
                .templates
                .keys()
                .chain(theme.tera.templates.keys())
                .filter(|name| names.iter().any(|folder| below(folder, name)))
                .cloned(),
        );
        let affected = dependents(&theme.tera, &changed);
        site.theme = theme;
        site.templates = templates;
        let renderer = site.renderer();
        let jobs = renderer.jobs();
        let selected: Vec<&Job> = jobs
            .iter()
            .filter(|job| affected.contains(renderer.job_template(job)))
            .collect();
        let outputs = renderer.render_jobs(&selected).map_err(Error::Content)?;
        self.put(outputs, Vec::new())
    }

    fn statics(&mut self, css_only: bool) -> Result<Rebuilt, Error> {
        let site = self.site.as_mut().expect("classified with a build");
        site.theme.statics = theme::load(&site.config).map_err(Error::Content)?.statics;
        write::write_statics(&self.dir, site)?;
        Ok(Rebuilt {
            written: 0,
            rendered: 0,
            full: false,
            css_only,
            prose: Some(Vec::new()),
        })
    }

    /// Puts re-rendered pages in place: a partial rebuild.
    fn put(&mut self, outputs: Vec<Output>, prose: Vec<usize>) -> Result<Rebuilt, Error> {
        let rendered = outputs.len();
        let written = self.replace(outputs, false)?;
        Ok(Rebuilt {
            written,
            rendered,
            full: false,
            css_only: false,
            prose: Some(prose),
        })
    }

    /// Puts new versions of outputs in place (in memory and on disk, where bytes changed). A new
    /// search index replaces the old one whole: its files that are gone are removed.
    fn replace(&mut self, outputs: Vec<Output>, search: bool) -> Result<usize, Error> {
        let site = self.site.as_mut().expect("replacing in a build");
        let written = {
            let old = &site.outputs;
            let index = &self.index;
            write::write_changed(&self.dir, &outputs, &|p| {
                index.get(p).map(|&i| old[i].bytes.as_slice())
            })?
        };
        if search {
            let now: BTreeSet<&str> = outputs.iter().map(|o| o.path.as_str()).collect();
            let is_index = |p: &str| p.starts_with("search/") && p.ends_with(".js");
            for o in site.outputs.iter().filter(|o| is_index(&o.path)) {
                if !now.contains(o.path.as_str()) {
                    crate::fs::remove_file(&self.dir.join(&o.path))?;
                }
            }
            site.outputs.retain(|o| !is_index(&o.path));
            self.index = index_of(&site.outputs);
        }
        for o in outputs {
            match self.index.get(&o.path) {
                Some(&i) => site.outputs[i] = o,
                None => {
                    self.index.insert(o.path.clone(), site.outputs.len());
                    site.outputs.push(o);
                }
            }
        }
        Ok(written)
    }
}

fn index_of(outputs: &[Output]) -> HashMap<String, usize> {
    outputs
        .iter()
        .enumerate()
        .map(|(i, o)| (o.path.clone(), i))
        .collect()
}
