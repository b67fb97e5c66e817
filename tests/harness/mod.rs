//! One fluent harness for integration tests: build a site in a temp dir with the real
//! `trellis` binary, then assert on its exit status, stderr and output files.
//!
//! ```ignore
//! Site::fixture("minimal").file("content/a.md", "...").build().success().page("a/index.html").contains("...");
//! ```
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

pub struct Site {
    dir: Arc<tempfile::TempDir>,
}

pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
    root: PathBuf,
    output: PathBuf,
    /// Keeps the site's folder alive as long as the run is inspected.
    _site: Arc<tempfile::TempDir>,
}

fn copy_dir(from: &Path, to: &Path) {
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

    /// `trellis build`.
    pub fn build(&self) -> Run {
        self.run(&["build"])
    }

    /// `trellis <args>` in the site's folder.
    pub fn run(&self, args: &[&str]) -> Run {
        self.run_with(self.dir.path(), args, &[])
    }

    /// `trellis <args>` in the site's folder, with extra environment variables.
    pub fn run_env(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        self.run_with(self.dir.path(), args, env)
    }

    /// `trellis <args>` started in another folder (for `--root`); a relative `--output` is
    /// taken from that folder, as the binary does.
    pub fn run_in(&self, cwd: &Path, args: &[&str]) -> Run {
        self.run_with(cwd, args, &[])
    }

    fn run_with(&self, cwd: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
        let out = Command::new(env!("CARGO_BIN_EXE_trellis"))
            .args(args)
            .current_dir(cwd)
            .env("NO_COLOR", "1")
            .envs(env.iter().copied())
            .output()
            .unwrap();
        let output = match args.iter().position(|a| *a == "--output" || *a == "-o") {
            Some(i) => cwd.join(args[i + 1]),
            None => self.dir.path().join("public"),
        };
        Run {
            code: out.status.code(),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
            root: self.dir.path().to_path_buf(),
            output,
            _site: Arc::clone(&self.dir),
        }
    }
}

impl Run {
    #[track_caller]
    pub fn success(self) -> Run {
        assert_eq!(
            self.code,
            Some(0),
            "expected success; stderr:\n{}",
            self.stderr
        );
        // A successful build may print the checks' warnings, never an error.
        assert!(
            !self.stderr.lines().any(|l| l.starts_with("error")),
            "unexpected errors on stderr:\n{}",
            self.stderr
        );
        self
    }

    /// Success with nothing at all on stderr: not even a warning.
    #[track_caller]
    pub fn clean(self) -> Run {
        let run = self.success();
        assert!(run.stderr.is_empty(), "unexpected stderr:\n{}", run.stderr);
        run
    }

    #[track_caller]
    pub fn failure(self) -> Run {
        assert_eq!(
            self.code,
            Some(1),
            "expected exit 1; stdout:\n{}\nstderr:\n{}",
            self.stdout,
            self.stderr
        );
        self
    }

    #[track_caller]
    pub fn stderr_is(self, expected: &str) -> Run {
        assert_eq!(
            self.stderr, expected,
            "\n--- actual stderr ---\n{}",
            self.stderr
        );
        self
    }

    #[track_caller]
    pub fn stderr_contains(self, part: &str) -> Run {
        assert!(
            self.stderr.contains(part),
            "stderr lacks `{part}`:\n{}",
            self.stderr
        );
        self
    }

    /// Text of an output file (relative to the output folder).
    #[track_caller]
    pub fn read(&self, path: &str) -> String {
        let p = self.output.join(path);
        std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("cannot read output {path}: {e}"))
    }

    pub fn exists(&self, path: &str) -> bool {
        self.output.join(path).exists()
    }

    /// An output page, for chained assertions.
    #[track_caller]
    pub fn page(&self, path: &str) -> Page {
        Page {
            path: path.to_string(),
            html: self.read(path),
        }
    }

    pub fn output(&self) -> &Path {
        &self.output
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Every output file with its bytes, for comparing builds.
    pub fn snapshot(&self) -> BTreeMap<String, Vec<u8>> {
        snapshot(&self.output)
    }
}

pub fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path()
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

pub struct Page {
    pub path: String,
    pub html: String,
}

impl Page {
    #[track_caller]
    pub fn contains(self, part: &str) -> Page {
        assert!(
            self.html.contains(part),
            "{} lacks `{part}`:\n{}",
            self.path,
            self.html
        );
        self
    }

    #[track_caller]
    pub fn lacks(self, part: &str) -> Page {
        assert!(
            !self.html.contains(part),
            "{} should not contain `{part}`",
            self.path
        );
        self
    }

    /// Number of occurrences of `part`.
    pub fn count(&self, part: &str) -> usize {
        self.html.matches(part).count()
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

impl Run {
    /// Every `.html` file of the output, relative to it, sorted.
    pub fn html_files(&self) -> Vec<String> {
        self.snapshot_paths()
            .into_iter()
            .filter(|p| p.ends_with(".html"))
            .collect()
    }

    fn snapshot_paths(&self) -> Vec<String> {
        let mut paths: Vec<String> = walkdir::WalkDir::new(&self.output)
            .into_iter()
            .map(Result::unwrap)
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                e.path()
                    .strip_prefix(&self.output)
                    .unwrap()
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect::<Vec<_>>()
                    .join("/")
            })
            .collect();
        paths.sort();
        paths
    }

    /// Every internal link of every page (except `404.html`, whose links use the base path)
    /// that does not lead to an output file, or whose `#fragment` is not an `id` there.
    pub fn broken_links(&self) -> Vec<String> {
        check_links(&self.output, &self.html_files())
    }

    /// Ids that occur more than once on a page, as `page: id`, over every page.
    pub fn duplicate_ids(&self) -> Vec<String> {
        let mut duplicates = Vec::new();
        for file in self.html_files() {
            let mut seen = std::collections::BTreeSet::new();
            for id in attr_values(&self.read(&file), "id") {
                if !seen.insert(id.clone()) {
                    duplicates.push(format!("{file}: {id}"));
                }
            }
        }
        duplicates
    }

    /// The `<loc>` values of `sitemap.xml`, in order.
    pub fn sitemap_urls(&self) -> Vec<String> {
        self.read("sitemap.xml")
            .split("<loc>")
            .skip(1)
            .map(|s| s.split("</loc>").next().unwrap_or("").to_string())
            .collect()
    }

    /// Asserts that [`Run::broken_links`] finds nothing.
    #[track_caller]
    pub fn assert_links_resolve(&self) {
        let broken = self.broken_links();
        assert!(
            broken.is_empty(),
            "{} broken link(s):\n{}",
            broken.len(),
            broken.join("\n")
        );
    }
}

impl Page {
    /// Contains `text` as a template would print it (HTML-escaped).
    #[track_caller]
    pub fn contains_text(self, text: &str) -> Page {
        let escaped = escape_html(text);
        assert!(
            self.html.contains(&escaped),
            "{} lacks the text `{text}` (as `{escaped}`)",
            self.path
        );
        self
    }

    /// The part of the page from the first `start` up to the next `end` (both included), for
    /// assertions about one region (a nav, a list). Panics if either is missing.
    #[track_caller]
    pub fn within(&self, start: &str, end: &str) -> Page {
        let from = self
            .html
            .find(start)
            .unwrap_or_else(|| panic!("{} lacks `{start}`:\n{}", self.path, self.html));
        let len = self.html[from..]
            .find(end)
            .unwrap_or_else(|| panic!("{} lacks `{end}` after `{start}`", self.path));
        Page {
            path: format!("{} [{start} .. {end}]", self.path),
            html: self.html[from..from + len + end.len()].to_string(),
        }
    }

    /// Whether the page contains `start` at all (for regions that may be absent).
    pub fn has(&self, part: &str) -> bool {
        self.html.contains(part)
    }

    /// The hrefs of the `<a>` elements whose text (tags stripped, entities decoded) is `text`.
    pub fn hrefs_of(&self, text: &str) -> Vec<String> {
        anchors(&self.html)
            .into_iter()
            .filter(|(_, t)| t == text)
            .map(|(href, _)| href)
            .collect()
    }

    /// The href of the first `<a>` whose text is `text`.
    #[track_caller]
    pub fn href_of(&self, text: &str) -> String {
        self.hrefs_of(text)
            .into_iter()
            .next()
            .unwrap_or_else(|| panic!("{} has no link with the text `{text}`", self.path))
    }

    /// The texts of the `<a>` elements, in page order.
    pub fn link_texts(&self) -> Vec<String> {
        anchors(&self.html).into_iter().map(|(_, t)| t).collect()
    }

    /// The hrefs of the `<a>` elements, in page order.
    pub fn link_hrefs(&self) -> Vec<String> {
        anchors(&self.html).into_iter().map(|(h, _)| h).collect()
    }

    /// Asserts that the parts appear in this order.
    #[track_caller]
    pub fn in_order(self, parts: &[&str]) -> Page {
        let mut at = 0;
        for part in parts {
            match self.html[at..].find(part) {
                Some(i) => at += i + part.len(),
                None => panic!(
                    "{}: `{part}` is missing or out of order (expected order {parts:?}):\n{}",
                    self.path, self.html
                ),
            }
        }
        self
    }

    /// Every `id="..."` of the page.
    pub fn ids(&self) -> std::collections::BTreeSet<String> {
        attr_values(&self.html, "id").into_iter().collect()
    }

    /// Every `href` and `src` value of the page, entities decoded.
    pub fn urls(&self) -> Vec<String> {
        let mut urls = attr_values(&self.html, "href");
        urls.extend(attr_values(&self.html, "src"));
        urls
    }
}

/// HTML-escapes like the generator's templates: `& < > " '`.
pub fn escape_html(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// Decodes the entities the generator writes (and a few numeric ones).
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let Some(end) = rest.find(';').filter(|&e| e <= 10) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..end];
        let decoded = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some('\u{a0}'),
            _ => entity
                .strip_prefix("#x")
                .or_else(|| entity.strip_prefix("#X"))
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Values of the attribute `name` (written `name="..."` or `name='...'` after whitespace), with
/// entities decoded. A simple scanner: text content never holds a raw `"`, the generator
/// escapes it.
pub fn attr_values(html: &str, name: &str) -> Vec<String> {
    let pattern = format!("{name}=");
    let bytes = html.as_bytes();
    let mut values = Vec::new();
    let mut from = 0;
    while let Some(i) = html[from..].find(&pattern) {
        let at = from + i;
        from = at + pattern.len();
        if at == 0 || !bytes[at - 1].is_ascii_whitespace() {
            continue;
        }
        let rest = &html[from..];
        let quote = match rest.chars().next() {
            Some(q @ ('"' | '\'')) => q,
            _ => continue,
        };
        if let Some(end) = rest[1..].find(quote) {
            values.push(decode_entities(&rest[1..1 + end]));
        }
    }
    values
}

/// `(href, text)` of every `<a ...>text</a>`, text with tags stripped and entities decoded.
fn anchors(html: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(i) = html[from..].find("<a ") {
        let start = from + i;
        let Some(open_end) = html[start..].find('>').map(|e| start + e) else {
            break;
        };
        let Some(close) = html[open_end..].find("</a>").map(|e| open_end + e) else {
            break;
        };
        let href = attr_values(&html[start..=open_end], "href")
            .into_iter()
            .next()
            .unwrap_or_default();
        let text = decode_entities(strip_tags(&html[open_end + 1..close]).trim());
        found.push((href, text));
        from = close;
    }
    found
}

fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// Whether a URL leaves the site (and is not checked).
fn is_external(url: &str) -> bool {
    [
        "http:",
        "https:",
        "mailto:",
        "tel:",
        "data:",
        "javascript:",
        "//",
    ]
    .iter()
    .any(|p| url.starts_with(p))
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && bytes[i + 1].is_ascii_hexdigit()
            && bytes[i + 2].is_ascii_hexdigit()
        {
            if let Ok(b) = u8::from_str_radix(&s[i + 1..i + 3], 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Resolves a relative URL path against the folder of the page `from` (both output-relative,
/// `/`-separated). `None` when it climbs above the output root.
pub fn resolve_relative(from: &str, path: &str) -> Option<String> {
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for segment in path.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    let mut joined = parts.join("/");
    if path.ends_with('/') && !joined.is_empty() {
        joined.push('/');
    }
    Some(joined)
}

/// The link checker behind [`Run::broken_links`], over the given output-relative pages.
pub fn check_links(output: &Path, pages: &[String]) -> Vec<String> {
    let mut ids: BTreeMap<String, std::collections::BTreeSet<String>> = BTreeMap::new();
    let mut ids_of = |file: &str| -> std::collections::BTreeSet<String> {
        ids.entry(file.to_string())
            .or_insert_with(|| {
                let html = std::fs::read_to_string(output.join(file)).unwrap_or_default();
                attr_values(&html, "id").into_iter().collect()
            })
            .clone()
    };
    let mut broken = Vec::new();
    for page in pages.iter().filter(|p| p.as_str() != "404.html") {
        let html = std::fs::read_to_string(output.join(page)).unwrap();
        let mut urls = attr_values(&html, "href");
        urls.extend(attr_values(&html, "src"));
        for url in urls {
            if is_external(&url) {
                continue;
            }
            if url.starts_with('/') {
                broken.push(format!("{page}: `{url}` is absolute, not relative"));
                continue;
            }
            let (path, fragment) = match url.split_once('#') {
                Some((p, f)) => (p, Some(percent_decode(f))),
                None => (url.as_str(), None),
            };
            let path = path.split('?').next().unwrap_or("");
            let target = if path.is_empty() {
                page.clone()
            } else {
                let Some(mut t) = resolve_relative(page, &percent_decode(path)) else {
                    broken.push(format!("{page}: `{url}` climbs above the site root"));
                    continue;
                };
                if t.is_empty() || t.ends_with('/') || output.join(&t).is_dir() {
                    if !t.is_empty() && !t.ends_with('/') {
                        t.push('/');
                    }
                    t.push_str("index.html");
                }
                if !output.join(&t).is_file() {
                    broken.push(format!("{page}: `{url}` -> missing file `{t}`"));
                    continue;
                }
                t
            };
            if let Some(fragment) = fragment.filter(|f| !f.is_empty()) {
                if !target.ends_with(".html") || !ids_of(&target).contains(&fragment) {
                    broken.push(format!(
                        "{page}: `{url}` -> `{target}` has no id=\"{fragment}\""
                    ));
                }
            }
        }
    }
    broken
}
