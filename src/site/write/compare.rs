//! Whether a file of the output already holds a page's bytes: a build over its own output
//! writes only the files that changed.

use std::path::Path;

/// Whether the file at `path` holds exactly `bytes`.
pub(super) fn holds(path: &Path, bytes: &[u8]) -> bool {
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

/// Whether `file`, which is `bytes.len()` long, reads as `bytes`, compared a piece at a time:
/// most pages are unchanged, and reading each into a new buffer first cost an allocation per
/// page. Reading stops at that length, without the read that would find the end of the file: a
/// system call per page, for a length already known.
fn same_bytes(mut file: impl std::io::Read, bytes: &[u8]) -> bool {
    let mut piece = [0u8; 16 * 1024];
    let mut at = 0;
    while at < bytes.len() {
        let want = piece.len().min(bytes.len() - at);
        match file.read(&mut piece[..want]) {
            Ok(0) => return false,
            Ok(n) => {
                if bytes[at..at + n] != piece[..n] {
                    return false;
                }
                at += n;
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::{holds, same_bytes};

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
        assert!(!holds(&real, b"same!"), "a shorter file");
        assert!(!holds(&real, b"sam"), "a longer file");
        assert!(!holds(&link, b"same"), "a link is replaced by a file");
        assert!(!holds(dir.path(), b""), "a folder holds no bytes");
        assert!(!holds(&dir.path().join("missing.html"), b""));
    }

    #[test]
    fn files_compare_equal_only_when_every_byte_matches() {
        let page: Vec<u8> = (0..40_000u32).map(|i| (i % 251) as u8).collect();
        assert!(same_bytes(&page[..], &page));
        assert!(same_bytes(&b""[..], b""));
        assert!(!same_bytes(&page[..39_999], &page), "shorter file");
        let mut late = page.clone();
        late[30_000] ^= 1;
        assert!(
            !same_bytes(&late[..], &page),
            "a difference past the first piece"
        );
    }
}
