//! Orchestrates a build: load -> render markdown -> render templates -> write aside -> swap.
//! Every stage reports its problems; the build stops before writing if there are any, so a
//! failed build never touches the previous output.

use std::path::{Path, PathBuf};
use std::time::Instant;

use rayon::prelude::*;

use crate::config::Config;
use crate::content::{self, Content, LoadOptions};
use crate::diagnostic::Diagnostics;
use crate::render::{self, theme, Output, Renderer, Views};
use crate::search;
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
}

/// A site rendered in memory.
struct Rendered {
    content: Content,
    outputs: Vec<Output>,
    statics: Vec<(String, theme::Source)>,
    config: Config,
    search: search::Stats,
}

fn render_site(options: &BuildOptions) -> Result<Rendered, Error> {
    let mut config = Config::load(&options.root)?;
    if let Some(url) = &options.base_url {
        config.base_url = url.clone();
    }
    let (content, mut ds) = content::load(
        &config,
        &LoadOptions {
            drafts: options.drafts,
        },
    );
    let theme = match theme::load(&config) {
        Ok(t) => Some(t),
        Err(errors) => {
            ds.extend(errors);
            None
        }
    };
    let theme_ids = theme.as_ref().map(|t| t.ids.clone()).unwrap_or_default();
    let (rendered, errors) = render::render_markdown(&content, &theme_ids);
    ds.extend(errors);
    let Some(theme) = theme else {
        return ds.finish(()).map(|_| unreachable!());
    };
    let mut templates = Vec::with_capacity(content.pages.len());
    for i in 0..content.pages.len() {
        match render::template_for(&content, &theme.tera, i) {
            Ok(t) => templates.push(t),
            Err(d) => {
                ds.push(d);
                templates.push(String::new());
            }
        }
    }
    check_output_dir(&options.root, &output_dir(options), &mut ds);
    ds.finish(())?;

    let summaries: Vec<String> = rendered
        .iter()
        .map(|r| r.body.summary.clone().unwrap_or_default())
        .collect();
    let renderer = Renderer {
        config: &config,
        content: &content,
        tera: &theme.tera,
        rendered: &rendered,
        views: Views::new(&content, &summaries),
        templates,
        library_index: std::sync::OnceLock::new(),
    };
    // Templates and the search index are independent: build them side by side.
    let (outputs, search) = rayon::join(
        || renderer.render_all(),
        || search::build_index(search::collect(&content, &rendered)),
    );
    let mut outputs = outputs.map_err(Error::Content)?;
    outputs.extend(search.files.into_iter().map(|(path, text)| Output {
        path,
        bytes: text.into_bytes(),
    }));
    let statics = theme.statics.into_iter().collect();
    Ok(Rendered {
        content,
        outputs,
        statics,
        config,
        search: search.stats,
    })
}

fn output_dir(options: &BuildOptions) -> PathBuf {
    options
        .output
        .clone()
        .unwrap_or_else(|| options.root.join("public"))
}

/// Refuses an output folder that is the site itself or holds it: the swap would delete it.
fn check_output_dir(root: &Path, output: &Path, ds: &mut Diagnostics) {
    let abs = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let (root, out) = (abs(root), abs(output));
    if root.starts_with(&out) || out.starts_with(root.join("content")) {
        ds.push(
            crate::diagnostic::Diagnostic::new(format!("refusing to write the site into `{}`", output.display()))
                .hint("the output folder is replaced on every build; choose a folder of its own, such as `public`"),
        );
    }
}

/// Validates everything and renders in memory; writes nothing.
pub fn check(options: &BuildOptions) -> Result<Summary, Error> {
    let start = Instant::now();
    let site = render_site(options)?;
    Ok(summary(site, start, output_dir(options)))
}

/// Builds the site into the output folder, replacing it only when everything succeeded.
pub fn build(options: &BuildOptions) -> Result<Summary, Error> {
    let start = Instant::now();
    let site = render_site(options)?;
    let output = output_dir(options);
    write_aside_and_swap(&site, &output)?;
    Ok(summary(site, start, output))
}

fn summary(site: Rendered, start: Instant, output: PathBuf) -> Summary {
    let pages = site.content.pages.len();
    Summary {
        pages,
        generated: site
            .outputs
            .iter()
            .filter(|o| o.path.ends_with(".html"))
            .count()
            - pages.min(site.outputs.len()),
        files: site.outputs.len() + site.statics.len() + site.content.assets.len(),
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
        search: site.search,
    }
}

fn sibling(output: &Path, suffix: &str) -> PathBuf {
    let name = output
        .file_name()
        .map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
    output.with_file_name(format!("{name}.trellis-{suffix}"))
}

fn write_aside_and_swap(site: &Rendered, output: &Path) -> Result<(), Error> {
    let tmp = sibling(output, "tmp");
    crate::fs::remove_dir_all(&tmp)?;
    crate::fs::create_dir_all(&tmp)?;
    let written = write_all(site, &tmp);
    if let Err(e) = written {
        let _ = crate::fs::remove_dir_all(&tmp);
        return Err(e);
    }
    if output.is_file() {
        let _ = crate::fs::remove_dir_all(&tmp);
        return Err(Error::Other(format!(
            "`{}` is a file, not a folder",
            output.display()
        )));
    }
    let old = sibling(output, "old");
    crate::fs::remove_dir_all(&old)?;
    if output.exists() {
        crate::fs::rename(output, &old)?;
    }
    crate::fs::rename(&tmp, output)?;
    crate::fs::remove_dir_all(&old)?;
    Ok(())
}

fn write_all(site: &Rendered, dir: &Path) -> Result<(), Error> {
    for (rel, source) in &site.statics {
        crate::fs::write(&dir.join(rel), &source.bytes()?)?;
    }
    let content_dir = site.config.root.join("content");
    for asset in &site.content.assets {
        crate::fs::copy(&content_dir.join(asset), &dir.join(asset))?;
    }
    site.outputs
        .par_iter()
        .try_for_each(|o| crate::fs::write(&dir.join(&o.path), &o.bytes))?;
    Ok(())
}
