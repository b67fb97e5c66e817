//! Request paths to files, safely: only files inside the output folder are ever read. Every
//! suspicious request (`..`, encoded slashes or dots, backslashes, NUL, absolute or over-long
//! paths, symlinks that lead outside) is refused before the file system is touched.

use std::path::{Path, PathBuf};

/// The longest request target accepted.
pub const MAX_URL: usize = 2048;

#[derive(Debug, PartialEq, Eq)]
pub enum Resolved {
    File(PathBuf),
    /// A folder asked for without its trailing slash: redirect to this location.
    Redirect(String),
    NotFound,
    BadRequest,
}

/// Percent-decodes one path segment; `None` if it is malformed or decodes to something that
/// could escape its segment (a slash, a backslash, a NUL).
fn decode_segment(segment: &str) -> Option<String> {
    let bytes = segment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = segment.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    let s = String::from_utf8(out).ok()?;
    if s.contains(['/', '\\', '\0']) || s == ".." || s == "." {
        return None;
    }
    Some(s)
}

/// Maps a request target (`/a/b/?q=1`) to a file under `root`.
pub fn resolve(root: &Path, url: &str) -> Resolved {
    if url.len() > MAX_URL
        || !url.starts_with('/')
        || url.starts_with("//")
        || url.contains('\\')
        || url.contains('\0')
    {
        return Resolved::BadRequest;
    }
    let path = url.split(['?', '#']).next().unwrap_or("");
    let mut rel = PathBuf::new();
    for raw in path.split('/').filter(|s| !s.is_empty()) {
        match decode_segment(raw) {
            Some(segment) if !segment.contains(':') => rel.push(segment),
            _ => return Resolved::BadRequest,
        }
    }
    let candidate = root.join(&rel);
    // Symlinks may point anywhere: the real path must still be inside the real root.
    let (Ok(real_root), Ok(real)) = (root.canonicalize(), candidate.canonicalize()) else {
        return Resolved::NotFound;
    };
    if !real.starts_with(&real_root) {
        return Resolved::NotFound;
    }
    if real.is_dir() {
        if !path.ends_with('/') {
            let query = url.find('?').map_or("", |i| &url[i..]);
            return Resolved::Redirect(format!("{path}/{query}"));
        }
        let index = real.join("index.html");
        return if index.is_file() {
            Resolved::File(index)
        } else {
            Resolved::NotFound
        };
    }
    if real.is_file() {
        Resolved::File(real)
    } else {
        Resolved::NotFound
    }
}

pub fn content_type(path: &Path) -> &'static str {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase()
        .as_str()
    {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "xml" => "application/xml",
        "txt" | "gift" => "text/plain; charset=utf-8",
        "pdf" => "application/pdf",
        "md" => "text/markdown; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// A strong validator from the bytes themselves (FNV-1a), so it changes exactly when they do.
pub fn etag(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x100_0000_01b3);
    }
    format!("\"{h:016x}-{}\"", bytes.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("a/b")).unwrap();
        std::fs::write(dir.path().join("index.html"), "home").unwrap();
        std::fs::write(dir.path().join("a/index.html"), "a").unwrap();
        std::fs::write(dir.path().join("a/b/c.css"), "c").unwrap();
        dir
    }

    #[test]
    fn files_folders_and_redirects() {
        let d = site();
        let root = d.path();
        assert_eq!(
            resolve(root, "/"),
            Resolved::File(root.canonicalize().unwrap().join("index.html"))
        );
        assert_eq!(
            resolve(root, "/a/"),
            Resolved::File(root.canonicalize().unwrap().join("a/index.html"))
        );
        assert_eq!(
            resolve(root, "/a?x=1"),
            Resolved::Redirect("/a/?x=1".into())
        );
        assert_eq!(
            resolve(root, "/a/b/c.css"),
            Resolved::File(root.canonicalize().unwrap().join("a/b/c.css"))
        );
        assert_eq!(resolve(root, "/a/b/"), Resolved::NotFound);
        assert_eq!(resolve(root, "/nope"), Resolved::NotFound);
    }

    #[test]
    fn traversal_and_malformed_requests_are_refused() {
        let d = site();
        for probe in [
            "/../etc/passwd",
            "/a/../../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/%2E%2E/%2E%2E/etc/passwd",
            "/a%2f..%2f..%2fetc%2fpasswd",
            "/..%5c..%5cetc%5cpasswd",
            "/a\\..\\..\\etc",
            "//etc/passwd",
            "/C:/Windows/win.ini",
            "/a/%00.html",
            "/a/\0",
            "/%zz",
            "etc/passwd",
            "/.%2e/etc/passwd",
        ] {
            let r = resolve(d.path(), probe);
            assert!(
                matches!(r, Resolved::BadRequest | Resolved::NotFound),
                "{probe}: {r:?}"
            );
        }
        assert_eq!(
            resolve(d.path(), &format!("/{}", "a".repeat(MAX_URL))),
            Resolved::BadRequest
        );
    }

    #[test]
    #[cfg(unix)]
    fn symlinks_out_of_the_root_are_not_followed() {
        let d = site();
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret.txt"), "s").unwrap();
        std::os::unix::fs::symlink(outside.path().join("secret.txt"), d.path().join("link.txt"))
            .unwrap();
        assert_eq!(resolve(d.path(), "/link.txt"), Resolved::NotFound);
    }

    #[test]
    fn types_and_etags() {
        assert_eq!(
            content_type(Path::new("a.html")),
            "text/html; charset=utf-8"
        );
        assert_eq!(content_type(Path::new("a.WOFF2")), "font/woff2");
        assert_eq!(
            content_type(Path::new("bank.gift")),
            "text/plain; charset=utf-8"
        );
        assert_ne!(etag(b"a"), etag(b"b"));
    }
}
