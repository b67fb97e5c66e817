//! Writing a built site to disk: a first build appears whole (written aside, then renamed);
//! later builds write only the files whose bytes changed and remove what is gone.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rayon::prelude::*;

mod compare;
mod sweep;

use super::Built;
use crate::render::{theme, Output};
use crate::Error;
use compare::holds;
use sweep::remove_stale;
pub(crate) use sweep::Listing;

fn sibling(output: &Path, suffix: &str) -> PathBuf {
    let name = output
        .file_name()
        .map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
    output.with_file_name(format!("{name}.trellis-{suffix}"))
}

/// Writes a site rendered in memory (its `outputs`), as a build would: see [`Stream`].
pub fn write_output(site: &Built, output: &Path) -> Result<(), Error> {
    let stream = Stream::begin(output, None)?;
    for o in &site.outputs {
        stream.accept(&o.path, &o.bytes)?;
    }
    let paths: Vec<&str> = site.outputs.iter().map(|o| o.path.as_str()).collect();
    stream.commit(site, &paths)
}

/// A build's outputs on their way to disk while the site renders, so that no more than the
/// changed files are held in memory. Nothing reaches the output folder before [`Stream::commit`]:
/// with no output yet, files are written into a folder beside it that is renamed into place;
/// over an existing output, each file is compared with the one on disk as it comes and only
/// the changed ones are kept, to be written on commit. Dropped without a commit (a template
/// error, a failed check), it removes what it wrote and the output is as it was.
pub(crate) struct Stream {
    output: PathBuf,
    mode: Mode,
    /// The existing output as it was listed while the site loaded, to sweep from.
    listing: Option<Listing>,
    committed: bool,
}

enum Mode {
    Fresh { tmp: PathBuf },
    Sync { changed: Mutex<Vec<Output>> },
}

impl Stream {
    /// Starts writing to `output`. `listing`: the output's files, listed beforehand (see
    /// [`Listing::start`]); without one, the output is listed when the build is committed.
    pub fn begin(output: &Path, listing: Option<Listing>) -> Result<Stream, Error> {
        if output.is_file() {
            return Err(Error::Other(format!(
                "`{}` is a file, not a folder",
                output.display()
            )));
        }
        let mode = if output.is_dir() {
            Mode::Sync {
                changed: Mutex::new(Vec::new()),
            }
        } else {
            let tmp = sibling(output, "tmp");
            crate::fs::remove_dir_all(&tmp)?;
            crate::fs::create_dir_all(&tmp)?;
            Mode::Fresh { tmp }
        };
        Ok(Stream {
            output: output.to_path_buf(),
            mode,
            listing,
            committed: false,
        })
    }

    /// Takes one output (from any thread); a copy is kept only when it is to be written later.
    pub fn accept(&self, path: &str, bytes: &[u8]) -> Result<(), Error> {
        match &self.mode {
            Mode::Fresh { tmp } => Ok(crate::fs::write(&tmp.join(path), bytes)?),
            Mode::Sync { changed } => {
                if !holds(&self.output.join(path), bytes) {
                    changed
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .push(Output {
                            path: path.to_string(),
                            bytes: bytes.to_vec(),
                        });
                }
                Ok(())
            }
        }
    }

    /// Completes the output: static files and assets, then (over an existing output) the changed
    /// files written and the files the site no longer has removed, or (a first build) the folder
    /// renamed into place. `paths` are the paths of every output the stream took.
    pub fn commit(mut self, site: &Built, paths: &[&str]) -> Result<(), Error> {
        let rendered: HashSet<&str> = paths.iter().copied().collect();
        // A rendered page wins over a static file of the same path (a generated file such as
        // robots.txt is not made when a static file takes its place).
        let copied: Vec<(&str, Source<'_>)> = copied_files(site)
            .into_iter()
            .filter(|(rel, _)| !rendered.contains(rel))
            .collect();
        let dir = match &mut self.mode {
            Mode::Fresh { tmp } => tmp.clone(),
            Mode::Sync { changed } => {
                let statics: HashSet<&str> = copied.iter().map(|(rel, _)| *rel).collect();
                let listing = self
                    .listing
                    .take()
                    .unwrap_or_else(|| Listing::now(&self.output));
                remove_stale(listing, |rel| {
                    rendered.contains(rel) || statics.contains(rel)
                })?;
                let changed = std::mem::take(changed.get_mut().unwrap_or_else(|e| e.into_inner()));
                // Each was found to differ when it was taken: no need to compare it again.
                changed
                    .par_iter()
                    .try_for_each(|o| replace_file(&self.output.join(&o.path), &o.bytes))?;
                self.output.clone()
            }
        };
        copied
            .par_iter()
            .try_for_each(|(rel, source)| write_if_changed(&dir.join(rel), &source.bytes()?))?;
        if let Mode::Fresh { tmp } = &self.mode {
            crate::fs::rename(tmp, &self.output)?;
        }
        self.committed = true;
        Ok(())
    }
}

impl Drop for Stream {
    fn drop(&mut self) {
        if let (false, Mode::Fresh { tmp }) = (self.committed, &self.mode) {
            let _ = std::fs::remove_dir_all(tmp);
        }
    }
}

/// One file of the finished site, wherever its bytes come from.
enum Source<'a> {
    Theme(&'a theme::Source),
    File(PathBuf),
}

impl Source<'_> {
    fn bytes(&self) -> Result<std::borrow::Cow<'_, [u8]>, Error> {
        Ok(match self {
            Source::Theme(s) => s.bytes()?,
            Source::File(from) => std::borrow::Cow::Owned(crate::fs::read(from)?),
        })
    }
}

/// The files copied rather than rendered: the theme's and site's static files, then the assets
/// beside content pages.
fn copied_files(site: &Built) -> Vec<(&str, Source<'_>)> {
    let content_dir = site.config.root.join("content");
    let statics = site.theme.statics.iter();
    statics
        .map(|(rel, s)| (rel.as_str(), Source::Theme(s)))
        .chain(
            site.content
                .assets
                .iter()
                .map(|a| (a.as_str(), Source::File(content_dir.join(a)))),
        )
        .collect()
}

/// Writes `bytes` unless the file already holds exactly them.
fn write_if_changed(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    if holds(path, bytes) {
        return Ok(());
    }
    replace_file(path, bytes)
}

/// Writes `bytes` at `path`, in place of a folder if one is there.
fn replace_file(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    if std::fs::symlink_metadata(path).is_ok_and(|m| m.is_dir()) {
        crate::fs::remove_dir_all(path)?;
    }
    Ok(crate::fs::write(path, bytes)?)
}

/// Writes `outputs` into `dir` where they differ from `before` (the same paths' previous
/// bytes), and returns how many files were written.
pub fn write_changed<'a>(
    dir: &Path,
    outputs: &[crate::render::Output],
    before: &dyn Fn(&str) -> Option<&'a [u8]>,
) -> Result<usize, Error> {
    let changed: Vec<&crate::render::Output> = outputs
        .iter()
        .filter(|o| before(&o.path) != Some(o.bytes.as_slice()))
        .collect();
    changed
        .par_iter()
        .try_for_each(|o| Ok::<(), Error>(crate::fs::write(&dir.join(&o.path), &o.bytes)?))?;
    Ok(changed.len())
}

/// Brings `dir` from the build `before` to the build `site`, comparing in memory: only changed
/// outputs are written, and outputs, statics and assets that are gone are removed. Statics and
/// assets are compared with what is on disk.
pub fn write_diff(dir: &Path, before: &Built, site: &Built) -> Result<usize, Error> {
    let old: std::collections::HashMap<&str, &[u8]> = before
        .outputs
        .iter()
        .map(|o| (o.path.as_str(), o.bytes.as_slice()))
        .collect();
    let written = write_changed(dir, &site.outputs, &|p| old.get(p).copied())?;
    let now = produced(site);
    for gone in produced(before).iter().filter(|p| !now.contains(*p)) {
        let path = dir.join(gone);
        if path.is_file() {
            crate::fs::remove_file(&path)?;
        }
        // Folders left empty by the removal go too (stopping at the first that is not empty).
        let mut parent = path.parent();
        while let Some(p) = parent.filter(|p| *p != dir) {
            if std::fs::remove_dir(p).is_err() {
                break;
            }
            parent = p.parent();
        }
    }
    write_statics(dir, site)?;
    Ok(written)
}

/// The paths of every file of `site`'s output: rendered, static or asset.
fn produced(site: &Built) -> HashSet<&str> {
    let copied = copied_files(site).into_iter().map(|(rel, _)| rel);
    site.outputs
        .iter()
        .map(|o| o.path.as_str())
        .chain(copied)
        .collect()
}

/// Theme and site static files, and the assets beside content pages, where they changed.
pub fn write_statics(dir: &Path, site: &Built) -> Result<(), Error> {
    for (rel, source) in copied_files(site) {
        write_if_changed(&dir.join(rel), &source.bytes()?)?;
    }
    Ok(())
}
