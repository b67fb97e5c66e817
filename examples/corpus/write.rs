//! Writing the files: preparing the output folder, writing a batch of files and counting what
//! was written, and naming the path in I/O errors.

use std::io;
use std::path::{Path, PathBuf};

/// Creates `out`, or checks that it is empty; with `force`, clears the generator's own files.
pub fn prepare_out(out: &Path, force: bool) -> io::Result<()> {
    match std::fs::read_dir(out) {
        Ok(mut entries) => {
            if entries.next().is_none() {
                return Ok(());
            }
            if !force {
                return Err(io::Error::new(
                    io::ErrorKind::AlreadyExists,
                    format!(
                        "`{}` is not empty; pass --force to replace its content/ and site.toml",
                        out.display()
                    ),
                ));
            }
            let content = out.join("content");
            if content.exists() {
                std::fs::remove_dir_all(&content).map_err(|e| at(e, &content))?;
            }
            Ok(())
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            std::fs::create_dir_all(out).map_err(|e| at(e, out))
        }
        Err(e) => Err(at(e, out)),
    }
}

#[derive(Default)]
pub(super) struct Written {
    pub(super) files: usize,
    pub(super) bytes: u64,
}

impl std::ops::AddAssign for Written {
    fn add_assign(&mut self, other: Written) {
        self.files += other.files;
        self.bytes += other.bytes;
    }
}

pub(super) fn write_all(files: &[(PathBuf, String)]) -> io::Result<Written> {
    let mut w = Written::default();
    for (path, text) in files {
        std::fs::write(path, text).map_err(|e| at(e, path))?;
        w.files += 1;
        w.bytes += text.len() as u64;
    }
    Ok(w)
}

/// Names the path in an I/O error.
pub(super) fn at(e: io::Error, path: &Path) -> io::Error {
    io::Error::new(e.kind(), format!("{}: {e}", path.display()))
}
