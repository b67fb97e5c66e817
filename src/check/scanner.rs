//! The scan of each output page as it is rendered: where its markdown is in the HTML, and
//! which of its links can be settled on the spot.

use rustc_hash::{FxHashMap, FxHashSet};

use super::{links, scan, Checked, Input, Options};

/// Scans output pages for the checks, one at a time and from any thread, so that a build can
/// check each page as it renders it and then let its HTML go.
pub struct Scanner<'a> {
    input: &'a Input<'a>,
    page_of: FxHashMap<String, usize>,
    /// Every file the output will have that is known before rendering (pages, listings,
    /// static files): a link to one of them, without a fragment, is settled as it is scanned.
    planned: FxHashSet<&'a str>,
    base_path: String,
    /// Keep external links for the report (see [`Options::list_external`]).
    keep_external: bool,
}

/// What the scan of one output page found, for [`super::run_scanned`].
pub struct Scanned(pub(super) Checked);

impl<'a> Scanner<'a> {
    /// `planned`: output paths known before rendering; links to them need not be kept.
    pub fn new(input: &'a Input<'a>, planned: &'a [String], options: Options) -> Scanner<'a> {
        let page_of = input
            .content
            .pages
            .iter()
            .enumerate()
            .map(|(i, p)| (p.href(), i))
            .collect();
        let mut known: FxHashSet<&str> = planned.iter().map(String::as_str).collect();
        known.extend(input.files.iter().copied());
        Scanner {
            input,
            page_of,
            planned: known,
            base_path: input.config.base_path(),
            keep_external: options.external || options.list_external,
        }
    }

    /// Whether a URL found on the page at `path` must wait for the whole output to be
    /// checked: links to planned files and to ids of the page itself are settled here, so a
    /// large site keeps only a few URLs per page (the rest are template chrome and body links
    /// that resolve).
    fn undecided(&self, path: &str, root: &str, url: &str, ids: &FxHashSet<String>) -> bool {
        if url
            .strip_prefix(root)
            .is_some_and(|rest| plain_path(rest) && self.planned.contains(rest))
        {
            return false;
        }
        match links::classify(path, url, &self.base_path) {
            links::Kind::Other => false,
            links::Kind::Internal(target, fragment) => {
                let file = links::file_of(target, |f| self.planned.contains(f));
                match fragment {
                    None => !self.planned.contains(file.as_str()),
                    Some(f) => file != path || !ids.contains(&f),
                }
            }
            links::Kind::External => self.keep_external,
            links::Kind::Outside(_) => true,
        }
    }

    /// Scans an output file; `None` for files that are not HTML pages.
    pub fn scan(&self, path: &str, bytes: &[u8]) -> Option<Scanned> {
        if !path.ends_with(".html") {
            return None;
        }
        let html = std::str::from_utf8(bytes).unwrap_or("");
        let page = self.page_of.get(path).copied();
        let regions = match page {
            Some(i) => page_regions(self.input, i, html),
            None => Vec::new(),
        };
        // The way up to the site root, as templates write it (`../../`).
        let root = crate::render::root_for(path);
        let scan = scan::scan(html, &regions, |url, ids| {
            self.undecided(path, &root, url, ids)
        });
        Some(Scanned(Checked {
            path: path.to_string(),
            page,
            scan,
            source: std::sync::OnceLock::new(),
        }))
    }
}

/// Whether `rest` (what follows the way up to the root in a URL) is a plain path that resolves
/// to itself: no `.` or `..` segment, no empty one, nothing percent-encoded, no query, fragment
/// or scheme. Most URLs on a page are such links to the template's files and sections, and
/// need no resolving.
fn plain_path(rest: &str) -> bool {
    let bytes = rest.as_bytes();
    let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
        return false;
    };
    if first == b'.' || first == b'/' || last == b'/' {
        return false;
    }
    let mut prev = 0u8;
    for &b in bytes {
        if matches!(b, b'%' | b'?' | b'#' | b':' | b'\\')
            || (prev == b'/' && matches!(b, b'/' | b'.'))
        {
            return false;
        }
        prev = b;
    }
    true
}

/// Where page `i`'s rendered markdown (body, then each framework element's `about`) sits in
/// its output page.
fn page_regions(input: &Input, i: usize, html: &str) -> Vec<std::ops::Range<usize>> {
    let rendered = &input.markdown[i];
    let body = rendered.html();
    let mut htmls = vec![body.as_str()];
    htmls.extend(rendered.about.iter().map(|a| a.html.as_str()));
    let mut regions = Vec::new();
    let mut from = 0;
    for piece in &htmls {
        if piece.trim().is_empty() {
            regions.push(0..0);
            continue;
        }
        match find_verbatim(&html[from..], piece) {
            Some(at) => {
                regions.push(from + at..from + at + piece.len());
                from += at + piece.len();
            }
            None => regions.push(0..0),
        }
    }
    regions
}

/// Where `piece` occurs in `html`: a vectorised search for its first bytes, then one
/// comparison (a searcher built for the whole, often large, piece costs more than the search).
fn find_verbatim(html: &str, piece: &str) -> Option<usize> {
    let mut head_len = piece.len().min(64);
    while !piece.is_char_boundary(head_len) {
        head_len -= 1;
    }
    let head = &piece[..head_len];
    let mut from = 0;
    let finder = memchr::memmem::Finder::new(head);
    while let Some(at) = finder.find(&html.as_bytes()[from..]) {
        let at = from + at;
        if html[at..].starts_with(piece) {
            return Some(at);
        }
        from = at + 1;
        while !html.is_char_boundary(from) {
            from += 1;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::plain_path;
    use crate::check::links;

    #[test]
    fn plain_paths_after_the_root_resolve_to_themselves() {
        let page = "modules/m-1/l-01/index.html";
        let root = "../../../";
        for rest in [
            "css/trellis.css",
            "index.html",
            "modules/m-1/l-02/index.html",
            "search/index.html",
        ] {
            assert!(plain_path(rest), "{rest}");
            let url = format!("{root}{rest}");
            match links::classify(page, &url, "/") {
                links::Kind::Internal(target, None) => assert_eq!(target, rest),
                other => panic!("{url}: {other:?}"),
            }
        }
        for rest in [
            "",
            "modules/",
            "./index.html",
            "../index.html",
            "a/./b.html",
            "a/../b.html",
            "a//b.html",
            "/index.html",
            "a%20b.html",
            "index.html#top",
            "search/index.html?q=x",
            "mailto:someone@example.org",
            "https://example.org/",
            "a\\b.html",
        ] {
            assert!(!plain_path(rest), "{rest}");
        }
    }
}
