//! The link checker: every relative URL of the given pages resolved against the output folder,
//! with its `#fragment` looked up among the ids of the target page.

use std::collections::BTreeMap;
use std::path::Path;

use super::html::attr_values;

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
