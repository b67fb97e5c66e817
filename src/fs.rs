//! Thin wrappers over `std::fs` that name the path in every error.

use std::io;
use std::path::{Path, PathBuf};

/// An I/O failure together with the file or folder it concerned.
#[derive(Debug, thiserror::Error)]
#[error("{action} `{}`: {source}", path.display())]
pub struct FsError {
    pub action: &'static str,
    pub path: PathBuf,
    #[source]
    pub source: io::Error,
}

/// `path` with `/` between its parts on every system, as the site's own paths are written
/// (`notes/first.md`).
pub fn slash_path(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

fn wrap<T>(action: &'static str, path: &Path, r: io::Result<T>) -> Result<T, FsError> {
    r.map_err(|source| FsError {
        action,
        path: path.to_path_buf(),
        source,
    })
}

pub fn read_to_string(path: &Path) -> Result<String, FsError> {
    wrap("could not read", path, std::fs::read_to_string(path))
}

pub fn read(path: &Path) -> Result<Vec<u8>, FsError> {
    wrap("could not read", path, std::fs::read(path))
}

pub fn remove_file(path: &Path) -> Result<(), FsError> {
    wrap("could not remove", path, std::fs::remove_file(path))
}

pub fn write(path: &Path, bytes: &[u8]) -> Result<(), FsError> {
    if let Some(parent) = path.parent() {
        create_dir_all(parent)?;
    }
    wrap("could not write", path, std::fs::write(path, bytes))
}

pub fn create_dir_all(path: &Path) -> Result<(), FsError> {
    wrap(
        "could not create folder",
        path,
        std::fs::create_dir_all(path),
    )
}

pub fn copy(from: &Path, to: &Path) -> Result<(), FsError> {
    if let Some(parent) = to.parent() {
        create_dir_all(parent)?;
    }
    wrap("could not copy", from, std::fs::copy(from, to).map(|_| ()))
}

pub fn rename(from: &Path, to: &Path) -> Result<(), FsError> {
    wrap("could not rename", from, std::fs::rename(from, to))
}

/// Removes a folder and everything in it; a folder that is not there is fine.
pub fn remove_dir_all(path: &Path) -> Result<(), FsError> {
    match std::fs::remove_dir_all(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        r => wrap("could not remove", path, r),
    }
}
