//! One output page and the chained assertions on it: what it contains, lacks and in which order,
//! its regions, links and ids.

use super::html::{anchors, attr_values, escape_html};

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
