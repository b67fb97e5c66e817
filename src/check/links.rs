//! Links of the output: internal ones must lead to a file, and their `#fragment` to an id on
//! it; external ones are listed, and checked over the network only when asked (`--external`).

use rustc_hash::{FxHashMap, FxHashSet};
use std::borrow::Cow;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use crate::diagnostic::closest;

/// What a URL in an output page is.
#[derive(Debug)]
pub enum Kind<'a> {
    /// Leaves the site over HTTP(S).
    External,
    /// A scheme the check does not follow (mailto:, tel:, data:, ...).
    Other,
    /// A file of the site (output-relative) and a fragment.
    Internal(String, Option<String>),
    /// Climbs above the site's root or is an absolute path outside its base path.
    Outside(&'a str),
}

/// Classifies `url`, found on the page at `page` (output-relative), for a site served at
/// `base_path` (`/` or `/sms/`).
pub fn classify<'a>(page: &str, url: &'a str, base_path: &str) -> Kind<'a> {
    if url.starts_with("http://") || url.starts_with("https://") || url.starts_with("//") {
        return Kind::External;
    }
    let scheme = url.split(['/', '?', '#']).next().unwrap_or("");
    if scheme.contains(':') {
        return Kind::Other;
    }
    let (path, fragment) = match url.split_once('#') {
        Some((p, f)) => (p, Some(percent_decode(f).into_owned())),
        None => (url, None),
    };
    let path = path.split('?').next().unwrap_or("");
    let target = if path.is_empty() {
        page.to_string()
    } else if let Some(abs) = path.strip_prefix('/') {
        match ("/".to_string() + abs).strip_prefix(base_path) {
            Some(rest) => match resolve_relative("", &percent_decode(rest)) {
                Some(t) => t,
                None => return Kind::Outside(url),
            },
            None => return Kind::Outside(url),
        }
    } else {
        match resolve_relative(page, &percent_decode(path)) {
            Some(t) => t,
            None => return Kind::Outside(url),
        }
    };
    Kind::Internal(target, fragment.filter(|f| !f.is_empty()))
}

/// Resolves a relative path against the folder of `from`; `None` when it climbs above the root.
fn resolve_relative(from: &str, path: &str) -> Option<String> {
    let mut out = String::with_capacity(from.len() + path.len());
    out.push_str(from.rsplit_once('/').map_or("", |(dir, _)| dir));
    for segment in path.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                if out.is_empty() {
                    return None;
                }
                out.truncate(out.rfind('/').unwrap_or(0));
            }
            s => {
                if !out.is_empty() {
                    out.push('/');
                }
                out.push_str(s);
            }
        }
    }
    if (path.ends_with('/') || path.is_empty()) && !out.is_empty() {
        out.push('/');
    }
    Some(out)
}

fn percent_decode(s: &str) -> Cow<'_, str> {
    if !s.contains('%') {
        return Cow::Borrowed(s);
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Ok(b) = u8::from_str_radix(&s[i + 1..i + 3], 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    Cow::Owned(String::from_utf8_lossy(&out).into_owned())
}

/// The file an internal link's target path serves: `index.html` of a folder, or of a path
/// that names a folder without its slash (given the files there are).
pub fn file_of(target: String, exists: impl Fn(&str) -> bool) -> String {
    let mut file = target;
    if file.is_empty() || file.ends_with('/') {
        file.push_str("index.html");
    } else if !exists(&file) {
        let len = file.len();
        file.push_str("/index.html");
        if !exists(&file) {
            file.truncate(len);
        }
    }
    file
}

/// Where a link was written: the markdown of a page (its path under `content/`), or a template
/// (which has no `@/` links).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source<'a> {
    Markdown { page: &'a str },
    Template,
}

/// The hint for a link that leads outside the site.
pub fn outside_hint(source: Source) -> &'static str {
    match source {
        Source::Markdown { .. } => "write links relative to the page, or link to pages by their source file: `[text](@/modules/intro.md)`",
        Source::Template => "start a template's links to the site with `{{ root }}`, the path from the page to the site's root",
    }
}

/// The hint for a missing file (an image, a PDF) that a page's markdown links relatively: such
/// files sit beside the markdown under `content/`, so say where this one was looked for. `None`
/// for links to pages (`.html`, a folder), which the `@/` hint fits, and for paths that climb
/// out of `content/`. `rel` is the page's path under `content/`.
fn asset_hint(rel: &str, url: &str) -> Option<String> {
    let path = url.split(['#', '?']).next().unwrap_or(url);
    let name = path.rsplit('/').next().unwrap_or(path);
    let (_, ext) = name.rsplit_once('.')?;
    if path.starts_with('/') || ext.eq_ignore_ascii_case("html") || ext.eq_ignore_ascii_case("htm")
    {
        return None;
    }
    let wanted = resolve_relative(rel, &percent_decode(path))?;
    Some(format!(
        "a file a page uses goes beside its markdown: put it at `content/{wanted}`, or fix the path, which is read from the folder of `content/{rel}`"
    ))
}

/// The problem with an internal link, if any: (rule, message, hint).
pub fn check_internal(
    url: &str,
    target: &str,
    fragment: Option<&str>,
    source: Source,
    files: &FxHashSet<&str>,
    ids: &FxHashMap<&str, &FxHashSet<String>>,
) -> Option<(&'static str, String, String)> {
    let file = file_of(target.to_string(), |f| files.contains(f));
    if !files.contains(file.as_str()) {
        let hint = match source {
            // A missing image or file: where it was looked for.
            Source::Markdown { page } => asset_hint(page, url).unwrap_or_else(|| "link to pages by their source file, `[text](@/modules/intro.md)`, so the URL is always right".into()),
            Source::Template => format!("add `{file}` to the site's `static/` folder (or the theme's), or fix the path the template builds: its links start with `{{{{ root }}}}`"),
        };
        return Some((
            "broken-link",
            format!("link to `{url}` leads to no file: the site has no `{file}`"),
            hint,
        ));
    }
    let fragment = fragment?;
    let page_ids = ids.get(file.as_str());
    if page_ids.is_some_and(|set| set.contains(fragment)) {
        return None;
    }
    let hint = match page_ids.and_then(|set| closest(fragment, set.iter().map(String::as_str))) {
        Some(near) => format!("did you mean `#{near}`?"),
        None => "link to a heading by its anchor, as listed under \"On this page\"".to_string(),
    };
    Some((
        "broken-anchor",
        format!("link to `{url}`: `{file}` has no element with id `{fragment}`"),
        hint,
    ))
}

/// The result of fetching an external link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Status {
    Unchecked,
    Ok(u16),
    Broken(String),
}

/// Fetches every URL with at most `concurrency` at once, each within `timeout`.
pub fn fetch_all(urls: &[String], timeout: Duration, concurrency: usize) -> Vec<Status> {
    let agent = ureq::AgentBuilder::new()
        .timeout_connect(timeout)
        .timeout(timeout)
        .redirects(5)
        .user_agent(concat!("trellis-check/", env!("CARGO_PKG_VERSION")))
        .build();
    let next = AtomicUsize::new(0);
    let results: Vec<std::sync::Mutex<Status>> = urls
        .iter()
        .map(|_| std::sync::Mutex::new(Status::Unchecked))
        .collect();
    std::thread::scope(|s| {
        for _ in 0..concurrency.clamp(1, urls.len().max(1)) {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(url) = urls.get(i) else { break };
                let status = fetch(&agent, url, timeout);
                *results[i].lock().unwrap_or_else(|e| e.into_inner()) = status;
            });
        }
    });
    results
        .into_iter()
        .map(|m| m.into_inner().unwrap_or_else(|e| e.into_inner()))
        .collect()
}

fn fetch(agent: &ureq::Agent, url: &str, timeout: Duration) -> Status {
    let url = if url.starts_with("//") {
        format!("https:{url}")
    } else {
        url.to_string()
    };
    match agent.get(&url).call() {
        Ok(response) => Status::Ok(response.status()),
        Err(ureq::Error::Status(code, response)) => {
            Status::Broken(format!("HTTP {code} {}", response.status_text()))
        }
        Err(ureq::Error::Transport(t)) => {
            let text = t.to_string();
            if text.contains("timed out") || text.contains("WouldBlock") {
                Status::Broken(format!("no answer within {} s", timeout.as_secs_f64()))
            } else {
                Status::Broken(t.message().map_or(text.clone(), |m| m.to_string()))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A link in the markdown of `b.md`.
    const MD: Source = Source::Markdown { page: "b.md" };

    fn internal(page: &str, url: &str) -> (String, Option<String>) {
        match classify(page, url, "/sms/") {
            Kind::Internal(t, f) => (t, f),
            _ => panic!("{url} is not internal"),
        }
    }

    #[test]
    fn missing_files_of_markdown_are_looked_for_beside_it_but_pages_are_not() {
        assert_eq!(
            asset_hint("modules/intro.md", "img/cycle%20one.svg#top").as_deref(),
            Some("a file a page uses goes beside its markdown: put it at `content/modules/img/cycle one.svg`, or fix the path, which is read from the folder of `content/modules/intro.md`")
        );
        assert_eq!(
            asset_hint("modules/_index.md", "../plan.PDF").as_deref(),
            Some("a file a page uses goes beside its markdown: put it at `content/plan.PDF`, or fix the path, which is read from the folder of `content/modules/_index.md`")
        );
        for url in [
            "../other/index.html",
            "page.HTM",
            "folder/",
            "../../up.png",
            "/abs.png",
            "notes",
        ] {
            assert_eq!(asset_hint("modules/intro.md", url), None, "{url}");
        }
    }

    #[test]
    fn urls_resolve_against_the_page() {
        assert_eq!(
            internal("a/b/index.html", "../c/index.html#x%20y"),
            ("a/c/index.html".into(), Some("x y".into()))
        );
        assert_eq!(
            internal("a/index.html", "#top"),
            ("a/index.html".into(), Some("top".into()))
        );
        assert_eq!(internal("a/index.html", "../"), ("".into(), None));
        assert_eq!(
            internal("404.html", "/sms/css/x.css?v=1"),
            ("css/x.css".into(), None)
        );
        assert!(matches!(
            classify("a/index.html", "../../x", "/"),
            Kind::Outside(_)
        ));
        assert!(matches!(
            classify("404.html", "/other/x", "/sms/"),
            Kind::Outside(_)
        ));
        assert!(matches!(
            classify("a.html", "https://e.org/", "/"),
            Kind::External
        ));
        assert!(matches!(
            classify("a.html", "mailto:a@b.c", "/"),
            Kind::Other
        ));
    }

    #[test]
    fn missing_files_and_anchors_are_problems() {
        let files: FxHashSet<&str> = ["a/index.html", "b/index.html"].into_iter().collect();
        let b_ids: FxHashSet<String> = ["intro".to_string()].into_iter().collect();
        let ids: FxHashMap<&str, &FxHashSet<String>> =
            [("b/index.html", &b_ids)].into_iter().collect();
        assert!(check_internal("../b/", "b/", None, MD, &files, &ids).is_none());
        assert!(check_internal("../b", "b", Some("intro"), MD, &files, &ids).is_none());
        let (rule, message, _) = check_internal("../c/", "c/", None, MD, &files, &ids).unwrap();
        assert_eq!(
            (rule, message.as_str()),
            (
                "broken-link",
                "link to `../c/` leads to no file: the site has no `c/index.html`"
            )
        );
        let (rule, _, hint) =
            check_internal("../b/#intr", "b/", Some("intr"), MD, &files, &ids).unwrap();
        assert_eq!(
            (rule, hint.as_str()),
            ("broken-anchor", "did you mean `#intro`?")
        );
    }
}
