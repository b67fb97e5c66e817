//! Removing what a site no longer produces from its output: stale files, and the folders they
//! leave empty.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::Error;

/// What an output folder held before a build decided what it wants: every entry, below the
/// hidden top-level ones (`public/.git`), which belong to whoever put them there. Listing a
/// large output means reading every one of its folders, so a build starts it in the background
/// while the site loads ([`Listing::start`]) and sweeps from it when the pages are written.
pub(crate) struct Listing(Pending);

/// The output folder, and its entries once they are listed.
struct Listed {
    dir: PathBuf,
    entries: Result<Vec<Entry>, Error>,
}

enum Pending {
    Background(std::thread::JoinHandle<Listed>),
    Done(Listed),
}

impl Listing {
    /// Lists `dir` on a thread of its own. The listing reads and never changes anything; what
    /// is added to the folder after it is not swept by this build, and what goes is skipped.
    pub fn start(dir: &Path) -> Listing {
        let dir = dir.to_path_buf();
        let spawned = std::thread::Builder::new()
            .name("list-output".into())
            .spawn({
                let dir = dir.clone();
                move || Listed {
                    entries: entries(&dir, true, false),
                    dir,
                }
            });
        Listing(match spawned {
            Ok(handle) => Pending::Background(handle),
            Err(e) => Pending::Done(Listed {
                dir,
                entries: Err(Error::Other(format!(
                    "could not start listing the output folder: {e}"
                ))),
            }),
        })
    }

    /// Lists `dir` now, reading its folders side by side.
    pub fn now(dir: &Path) -> Listing {
        Listing(Pending::Done(Listed {
            dir: dir.to_path_buf(),
            entries: entries(dir, true, true),
        }))
    }

    fn listed(self) -> Result<(PathBuf, Vec<Entry>), Error> {
        let listed = match self.0 {
            Pending::Done(listed) => listed,
            Pending::Background(handle) => handle
                .join()
                .map_err(|_| Error::Other("listing the output folder failed".into()))?,
        };
        Ok((listed.dir, listed.entries?))
    }
}

/// Removes what the site no longer produces, of what `listing` found: files `wanted` does not
/// want, and folders left empty.
pub(super) fn remove_stale(
    listing: Listing,
    wanted: impl Fn(&str) -> bool + Sync,
) -> Result<(), Error> {
    let (dir, entries) = listing.listed()?;
    entries
        .par_iter()
        .try_for_each(|e| sweep(&dir, e, "", &wanted).map(drop))
}

/// An entry of a folder of the output: a file (or a symbolic link, which the sweep never
/// follows out of the output), or a folder with its entries.
struct Entry {
    name: Box<str>,
    inside: Option<Box<[Entry]>>,
}

/// The entries of `folder` and, below them, of each of its folders, without the hidden ones
/// when it is the `top` (the output folder itself); `parallel`: folders are read side by side.
fn entries(folder: &Path, top: bool, parallel: bool) -> Result<Vec<Entry>, Error> {
    let mut listed = list(folder)?;
    if top {
        listed.retain(|(name, _)| !name.starts_with('.'));
    }
    let entry = |(name, is_folder): (String, bool)| {
        let inside = if is_folder {
            Some(entries(&folder.join(&name), false, parallel)?.into())
        } else {
            None
        };
        Ok(Entry {
            name: name.into(),
            inside,
        })
    };
    if parallel {
        listed.into_par_iter().map(entry).collect()
    } else {
        listed.into_iter().map(entry).collect()
    }
}

/// The entries of one folder: name, and whether it is a folder (a symbolic link is not).
fn list(folder: &Path) -> Result<Vec<(String, bool)>, Error> {
    let mut list = Vec::new();
    for e in std::fs::read_dir(folder).map_err(|e| unreadable(folder, &e))? {
        let e = e.map_err(|e| unreadable(folder, &e))?;
        let kind = e.file_type().map_err(|e| unreadable(folder, &e))?;
        list.push((e.file_name().to_string_lossy().into_owned(), kind.is_dir()));
    }
    Ok(list)
}

fn unreadable(dir: &Path, e: &dyn std::fmt::Display) -> Error {
    Error::Other(format!("could not read `{}`: {e}", dir.display()))
}

/// Removes `entry` (in the folder at `parent`, a path relative to the output folder `dir`
/// ending in `/`, or empty) if it is a file `wanted` does not want, or a folder whose entries
/// all went; the entries of a folder are swept side by side. Returns whether the entry went,
/// so that a build that removes nothing makes no removal calls at all. A file already gone
/// counts as removed; a folder that is not empty after all (something was put in it since the
/// listing) stays.
fn sweep(
    dir: &Path,
    entry: &Entry,
    parent: &str,
    wanted: &(impl Fn(&str) -> bool + Sync),
) -> Result<bool, Error> {
    let rel = format!("{parent}{}", entry.name);
    let Some(inside) = &entry.inside else {
        if wanted(&rel) {
            return Ok(false);
        }
        return match crate::fs::remove_file(&dir.join(&rel)) {
            Err(e) if e.source.kind() != std::io::ErrorKind::NotFound => Err(e.into()),
            _ => Ok(true),
        };
    };
    let prefix = format!("{rel}/");
    let went = inside
        .par_iter()
        .map(|e| sweep(dir, e, &prefix, wanted).map(usize::from))
        .try_reduce(|| 0, |a, b| Ok(a + b))?;
    Ok(went == inside.len() && std::fs::remove_dir(dir.join(&rel)).is_ok())
}

#[cfg(test)]
mod tests {
    use super::{remove_stale, Listing};

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
        remove_stale(Listing::now(root), |rel| wanted.contains(&rel)).unwrap();
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

    /// A build sweeps from a listing made while the site loaded: a stale file removed since is
    /// no error, and a file put in a folder since keeps the folder.
    #[test]
    fn a_listing_made_earlier_sweeps_what_is_still_there() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for f in ["index.html", "gone/old.html", "old/a.html", "old/b.html"] {
            let path = root.join(f);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "x").unwrap();
        }
        let listing = Listing::start(root);
        // Wait for the listing, then change the folder behind its back.
        let (dir, entries) = listing.listed().unwrap();
        let listing = Listing(super::Pending::Done(super::Listed {
            dir,
            entries: Ok(entries),
        }));
        std::fs::remove_file(root.join("gone/old.html")).unwrap();
        std::fs::write(root.join("old/new.html"), "x").unwrap();
        remove_stale(listing, |rel| rel == "index.html").unwrap();
        assert!(root.join("index.html").is_file());
        assert!(!root.join("gone").exists());
        assert!(!root.join("old/a.html").exists());
        assert!(root.join("old/new.html").is_file());
    }
}
