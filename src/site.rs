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

fn render_site(options: &BuildOptions, t: &mut Timings) -> Result<Rendered, Error> {
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
    t.mark("load");
    let theme = match theme::load(&config) {
        Ok(t) => Some(t),
        Err(errors) => {
            ds.extend(errors);
            None
        }
    };
    let theme_ids = theme.as_ref().map(|t| t.ids.clone()).unwrap_or_default();
    t.mark("theme");
    let (rendered, errors) = render::render_markdown(&content, &theme_ids);
    ds.extend(errors);
    t.mark("markdown");
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
    let (outputs, search) = if std::env::var_os("TRELLIS_TIMINGS").is_some() {
        let outputs = renderer.render_all();
        t.mark("templates");
        let search = search::build_index(search::collect(&content, &rendered));
        t.mark("search");
        (outputs, search)
    } else {
        rayon::join(
            || renderer.render_all(),
            || search::build_index(search::collect(&content, &rendered)),
        )
    };
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
    let site = render_site(options, &mut Timings::from_env())?;
    Ok(summary(site, start, output_dir(options)))
}

/// Builds the site into the output folder, replacing it only when everything succeeded.
pub fn build(options: &BuildOptions) -> Result<Summary, Error> {
    let start = Instant::now();
    let mut t = Timings::from_env();
    let site = render_site(options, &mut t)?;
    let output = output_dir(options);
    write_output(&site, &output)?;
    t.mark("write");
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

/// Writes the site. A first build is written aside and renamed into place, so the output
/// appears whole. Over an existing output, only files whose bytes changed are written and files
/// the site no longer has are removed: creating and deleting tens of thousands of files costs
/// far more than comparing them. Either way nothing is written unless the whole site rendered.
fn write_output(site: &Rendered, output: &Path) -> Result<(), Error> {
    if output.is_file() {
        return Err(Error::Other(format!(
            "`{}` is a file, not a folder",
            output.display()
        )));
    }
    if output.is_dir() {
        return sync_into(site, output);
    }
    let tmp = sibling(output, "tmp");
    crate::fs::remove_dir_all(&tmp)?;
    crate::fs::create_dir_all(&tmp)?;
    if let Err(e) = sync_into(site, &tmp) {
        let _ = crate::fs::remove_dir_all(&tmp);
        return Err(e);
    }
    crate::fs::rename(&tmp, output)?;
    Ok(())
}

/// One file of the finished site, wherever its bytes come from.
enum Source<'a> {
    Bytes(&'a [u8]),
    Theme(&'a theme::Source),
    File(PathBuf),
}

fn sync_into(site: &Rendered, dir: &Path) -> Result<(), Error> {
    let content_dir = site.config.root.join("content");
    let mut files: Vec<(&str, Source)> = Vec::with_capacity(site.outputs.len() + 64);
    files.extend(
        site.statics
            .iter()
            .map(|(rel, s)| (rel.as_str(), Source::Theme(s))),
    );
    files.extend(
        site.content
            .assets
            .iter()
            .map(|a| (a.as_str(), Source::File(content_dir.join(a)))),
    );
    files.extend(
        site.outputs
            .iter()
            .map(|o| (o.path.as_str(), Source::Bytes(&o.bytes))),
    );
    // Later entries win, as they did when files were written in this order.
    let mut wanted: std::collections::HashMap<&str, usize> =
        std::collections::HashMap::with_capacity(files.len());
    for (i, (rel, _)) in files.iter().enumerate() {
        wanted.insert(rel, i);
    }
    remove_stale(dir, &wanted)?;
    wanted.par_iter().try_for_each(|(rel, &i)| {
        let path = dir.join(rel);
        let bytes: std::borrow::Cow<[u8]> = match &files[i].1 {
            Source::Bytes(b) => std::borrow::Cow::Borrowed(b),
            Source::Theme(s) => s.bytes()?,
            Source::File(from) => std::borrow::Cow::Owned(crate::fs::read(from)?),
        };
        write_if_changed(&path, &bytes)
    })
}

/// Writes `bytes` unless the file already holds exactly them.
fn write_if_changed(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    if let Ok(meta) = std::fs::symlink_metadata(path) {
        if meta.is_file() && meta.len() == bytes.len() as u64 {
            if let Ok(old) = std::fs::read(path) {
                if old == bytes {
                    return Ok(());
                }
            }
        } else if meta.is_dir() {
            crate::fs::remove_dir_all(path)?;
        }
    }
    Ok(crate::fs::write(path, bytes)?)
}

/// Removes what the site no longer produces: files, and folders left empty. Top-level entries
/// whose names start with a dot (`.git`, `.nojekyll`, ...) belong to whoever put them there.
fn remove_stale(dir: &Path, wanted: &std::collections::HashMap<&str, usize>) -> Result<(), Error> {
    let walker = walkdir::WalkDir::new(dir)
        .min_depth(1)
        .contents_first(true)
        .into_iter()
        .filter_entry(|e| e.depth() != 1 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry =
            entry.map_err(|e| Error::Other(format!("could not read `{}`: {e}", dir.display())))?;
        let path = entry.path();
        let rel = path
            .strip_prefix(dir)
            .unwrap_or(path)
            .to_string_lossy()
            .replace('\\', "/");
        if entry.file_type().is_dir() {
            // Empty now that its stale files are gone: remove it (fails harmlessly otherwise).
            let _ = std::fs::remove_dir(path);
        } else if !wanted.contains_key(rel.as_str()) {
            crate::fs::remove_file(path)?;
        }
    }
    Ok(())
}
