//! Writing a built site to disk: a first build appears whole (written aside, then renamed);
//! later builds write only the files whose bytes changed and remove what is gone.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rayon::prelude::*;

use super::Built;
use crate::render::{theme, Output};
use crate::Error;

fn sibling(output: &Path, suffix: &str) -> PathBuf {
    let name = output
        .file_name()
        .map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
    output.with_file_name(format!("{name}.trellis-{suffix}"))
}

/// Writes a site rendered in memory (its `outputs`), as a build would: see [`Stream`].
pub fn write_output(site: &Built, output: &Path) -> Result<(), Error> {
    let stream = Stream::begin(output)?;
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
    committed: bool,
}

enum Mode {
    Fresh { tmp: PathBuf },
    Sync { changed: Mutex<Vec<Output>> },
}

impl Stream {
    pub fn begin(output: &Path) -> Result<Stream, Error> {
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
        // A rendered output wins over a static file of the same path.
        let copied: Vec<(&str, Source<'_>)> = copied_files(site)
            .into_iter()
            .filter(|(rel, _)| !rendered.contains(rel))
            .collect();
        let dir = match &mut self.mode {
            Mode::Fresh { tmp } => tmp.clone(),
            Mode::Sync { changed } => {
                let statics: HashSet<&str> = copied.iter().map(|(rel, _)| *rel).collect();
                remove_stale(&self.output, |rel| {
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

/// Whether the file at `path` holds exactly `bytes`.
fn holds(path: &Path, bytes: &[u8]) -> bool {
    let Some(file) = open_file_itself(path) else {
        return false;
    };
    match file.metadata() {
        Ok(meta) if meta.is_file() && meta.len() == bytes.len() as u64 => same_bytes(file, bytes),
        _ => false,
    }
}

/// The file at `path` opened for reading, unless it is a symbolic link (which a build replaces
/// with a file). On Linux the open itself refuses links, so the path is looked up once.
#[cfg(target_os = "linux")]
fn open_file_itself(path: &Path) -> Option<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW)
        .open(path)
        .ok()
}

#[cfg(not(target_os = "linux"))]
fn open_file_itself(path: &Path) -> Option<std::fs::File> {
    let meta = std::fs::symlink_metadata(path).ok()?;
    if meta.file_type().is_symlink() {
        return None;
    }
    std::fs::File::open(path).ok()
}

/// Whether `file` reads as exactly `bytes`, compared a piece at a time: most pages are
/// unchanged, and reading each into a new buffer first cost an allocation per page.
fn same_bytes(mut file: impl std::io::Read, bytes: &[u8]) -> bool {
    let mut piece = [0u8; 16 * 1024];
    let mut at = 0;
    loop {
        match file.read(&mut piece) {
            Ok(0) => return at == bytes.len(),
            Ok(n) => {
                if bytes.get(at..at + n) != Some(&piece[..n]) {
                    return false;
                }
                at += n;
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => return false,
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

/// Removes what the site no longer produces: files, and folders left empty. Top-level entries
/// whose names start with a dot (`.git`, `.nojekyll`, ...) belong to whoever put them there.
fn remove_stale(dir: &Path, wanted: impl Fn(&str) -> bool + Sync) -> Result<(), Error> {
    // Hidden top-level entries (`public/.git`) are left alone; below the top, everything is
    // swept.
    let tops: Vec<Entry> = entries(dir)?
        .into_iter()
        .filter(|e| !e.name.starts_with('.'))
        .collect();
    tops.par_iter()
        .try_for_each(|e| sweep(e, "", &wanted).map(drop))
}

/// An entry of a folder of the output.
struct Entry {
    path: PathBuf,
    name: String,
    folder: bool,
}

/// The entries of `folder`; a symbolic link is not a folder here, so the sweep never follows
/// one out of the output.
fn entries(folder: &Path) -> Result<Vec<Entry>, Error> {
    let mut list = Vec::new();
    for e in std::fs::read_dir(folder).map_err(|e| unreadable(folder, &e))? {
        let e = e.map_err(|e| unreadable(folder, &e))?;
        let kind = e.file_type().map_err(|e| unreadable(folder, &e))?;
        list.push(Entry {
            name: e.file_name().to_string_lossy().into_owned(),
            path: e.path(),
            folder: kind.is_dir(),
        });
    }
    Ok(list)
}

fn unreadable(dir: &Path, e: &dyn std::fmt::Display) -> Error {
    Error::Other(format!("could not read `{}`: {e}", dir.display()))
}

/// Removes `entry` (in the folder at `parent`, a path relative to the output folder ending in
/// `/`, or empty) if it is a file `wanted` does not want, or a folder whose entries all went;
/// the entries of a folder are swept side by side. Returns whether the entry went, so that a
/// build that removes nothing makes no removal calls at all.
fn sweep(
    entry: &Entry,
    parent: &str,
    wanted: &(impl Fn(&str) -> bool + Sync),
) -> Result<bool, Error> {
    let rel = format!("{parent}{}", entry.name);
    if !entry.folder {
        if wanted(&rel) {
            return Ok(false);
        }
        crate::fs::remove_file(&entry.path)?;
        return Ok(true);
    }
    let inside = entries(&entry.path)?;
    let prefix = rel + "/";
    let went = inside
        .par_iter()
        .map(|e| sweep(e, &prefix, wanted).map(usize::from))
        .try_reduce(|| 0, |a, b| Ok(a + b))?;
    Ok(went == inside.len() && std::fs::remove_dir(&entry.path).is_ok())
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
/// outputs are written and outputs that are gone are removed. Statics and assets are compared
/// with what is on disk.
pub fn write_diff(dir: &Path, before: &Built, site: &Built) -> Result<usize, Error> {
    let old: std::collections::HashMap<&str, &[u8]> = before
        .outputs
        .iter()
        .map(|o| (o.path.as_str(), o.bytes.as_slice()))
        .collect();
    let written = write_changed(dir, &site.outputs, &|p| old.get(p).copied())?;
    let now: std::collections::HashSet<&str> =
        site.outputs.iter().map(|o| o.path.as_str()).collect();
    for gone in old.keys().filter(|p| !now.contains(*p)) {
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

/// Theme and site static files, and the assets beside content pages, where they changed.
pub fn write_statics(dir: &Path, site: &Built) -> Result<(), Error> {
    for (rel, source) in copied_files(site) {
        write_if_changed(&dir.join(rel), &source.bytes()?)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{holds, remove_stale, same_bytes};

    #[cfg(unix)]
    #[test]
    fn a_file_holds_bytes_only_itself_and_never_through_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.html");
        std::fs::write(&real, "same").unwrap();
        let link = dir.path().join("link.html");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        assert!(holds(&real, b"same"));
        assert!(!holds(&real, b"samE"));
        assert!(!holds(&real, b"same!"));
        assert!(!holds(&link, b"same"), "a link is replaced by a file");
        assert!(!holds(dir.path(), b""), "a folder holds no bytes");
        assert!(!holds(&dir.path().join("missing.html"), b""));
    }

    #[test]
    fn stale_files_go_with_the_folders_they_leave_empty_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let files = [
            "index.html",
            "a/index.html",
            "a/old/index.html",
            "a/old/deeper/x.js",
            "b/keep/index.html",
            "b/gone.html",
            "c/only-stale.html",
            ".git/HEAD",
        ];
        for f in files {
            let path = root.join(f);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "x").unwrap();
        }
        std::fs::create_dir_all(root.join("empty/inner")).unwrap();
        let wanted = ["index.html", "a/index.html", "b/keep/index.html"];
        remove_stale(root, |rel| wanted.contains(&rel)).unwrap();
        let mut left: Vec<String> = walkdir::WalkDir::new(root)
            .min_depth(1)
            .into_iter()
            .map(|e| {
                let e = e.unwrap();
                let rel = e.path().strip_prefix(root).unwrap().to_string_lossy();
                rel.replace('\\', "/")
            })
            .collect();
        left.sort();
        assert_eq!(
            left,
            [
                ".git",
                ".git/HEAD",
                "a",
                "a/index.html",
                "b",
                "b/keep",
                "b/keep/index.html",
                "index.html"
            ]
        );
    }

    #[test]
    fn files_compare_equal_only_when_every_byte_matches() {
        let page: Vec<u8> = (0..40_000u32).map(|i| (i % 251) as u8).collect();
        assert!(same_bytes(&page[..], &page));
        assert!(same_bytes(&b""[..], b""));
        assert!(!same_bytes(&page[..39_999], &page), "shorter file");
        assert!(!same_bytes(&page[..], &page[..39_999]), "longer file");
        let mut late = page.clone();
        late[30_000] ^= 1;
        assert!(
            !same_bytes(&late[..], &page),
            "a difference past the first piece"
        );
    }
}
