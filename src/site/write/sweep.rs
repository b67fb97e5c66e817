//! Removing what a site no longer produces from its output: stale files, and the folders they
//! leave empty.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::Error;

/// Removes what the site no longer produces: files, and folders left empty. Top-level entries
/// whose names start with a dot (`.git`, `.nojekyll`, ...) belong to whoever put them there.
pub(super) fn remove_stale(dir: &Path, wanted: impl Fn(&str) -> bool + Sync) -> Result<(), Error> {
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

#[cfg(test)]
mod tests {
    use super::remove_stale;

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
}
