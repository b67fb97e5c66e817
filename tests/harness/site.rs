//! The Site builder: a fixture, the shipped site or an empty folder copied to a temp dir, and
//! the files a test writes, edits or removes there before running the binary.

use std::path::{Path, PathBuf};
use std::sync::Arc;

pub struct Site {
    pub(super) dir: Arc<tempfile::TempDir>,
}

/// Copies the folder `from`, with everything in it, to `to`.
pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(from).unwrap();
        let dest = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(entry.path(), &dest).unwrap();
        }
    }
}

/// The repository's own folder (the shipped SMS site lives there).
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

impl Site {
    /// A copy of `tests/fixtures/<name>`.
    pub fn fixture(name: &str) -> Site {
        let dir = tempfile::tempdir().unwrap();
        copy_dir(&repo().join("tests/fixtures").join(name), dir.path());
        Site { dir: Arc::new(dir) }
    }

    /// A copy of the shipped site (site.toml, content/, themes/).
    pub fn shipped() -> Site {
        let dir = tempfile::tempdir().unwrap();
        std::fs::copy(repo().join("site.toml"), dir.path().join("site.toml")).unwrap();
        for sub in ["content", "themes"] {
            copy_dir(&repo().join(sub), &dir.path().join(sub));
        }
        Site { dir: Arc::new(dir) }
    }

    /// An empty folder.
    pub fn empty() -> Site {
        Site {
            dir: Arc::new(tempfile::tempdir().unwrap()),
        }
    }

    /// Writes (or replaces) a file of the site.
    pub fn file(self, path: &str, text: &str) -> Site {
        let p = self.dir.path().join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
        self
    }

    /// Replaces `from` with `to` in a file of the site; the text must be there.
    pub fn edit(self, path: &str, from: &str, to: &str) -> Site {
        let p = self.dir.path().join(path);
        let text = std::fs::read_to_string(&p).unwrap();
        assert!(text.contains(from), "`{from}` not found in {path}");
        std::fs::write(p, text.replacen(from, to, 1)).unwrap();
        self
    }

    pub fn remove(self, path: &str) -> Site {
        let p = self.dir.path().join(path);
        if p.is_dir() {
            std::fs::remove_dir_all(p).unwrap();
        } else {
            std::fs::remove_file(p).unwrap();
        }
        self
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }
}

// ---------------------------------------------------------------------------------------------
// Helpers for the build and shipped-site tests.

impl Site {
    /// Like [`Site::fixture`], but in cargo's scratch folder for integration tests: for a build
    /// held in a `static`, which is never dropped, so the leftover folder stays under `target/`.
    pub fn fixture_for_static(name: &str) -> Site {
        let dir = static_tempdir();
        copy_dir(&repo().join("tests/fixtures").join(name), dir.path());
        Site { dir: Arc::new(dir) }
    }

    /// Like [`Site::shipped`], in cargo's scratch folder (see [`Site::fixture_for_static`]).
    pub fn shipped_for_static() -> Site {
        let dir = static_tempdir();
        std::fs::copy(repo().join("site.toml"), dir.path().join("site.toml")).unwrap();
        for sub in ["content", "themes"] {
            copy_dir(&repo().join(sub), &dir.path().join(sub));
        }
        Site { dir: Arc::new(dir) }
    }

    /// Copies a folder of the repository (e.g. `themes/default`) into the site at `to`.
    pub fn copy_from_repo(self, from: &str, to: &str) -> Site {
        copy_dir(&repo().join(from), &self.dir.path().join(to));
        self
    }
}

/// A temp folder for a site held in a `static`. Such folders are never dropped, so this sweeps
/// the ones earlier test runs left behind (an hour old: no run still uses them).
fn static_tempdir() -> tempfile::TempDir {
    const PREFIX: &str = "static-site-";
    let parent = Path::new(env!("CARGO_TARGET_TMPDIR"));
    for entry in std::fs::read_dir(parent).into_iter().flatten().flatten() {
        let stale = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > std::time::Duration::from_secs(3600));
        if stale && entry.file_name().to_string_lossy().starts_with(PREFIX) {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
    tempfile::Builder::new()
        .prefix(PREFIX)
        .tempdir_in(parent)
        .unwrap()
}
