//! Taxonomy pages: the list of a taxonomy's terms, and each term's entries cut into pages with a
//! pagination bar.

use serde::Serialize;

use crate::render::context;
use crate::render::Renderer;

/// Where page `n` (from 1) of a term's listing goes.
pub(super) fn term_path(tax: &str, slug: &str, n: usize) -> String {
    if n == 1 {
        format!("{tax}/{slug}/")
    } else {
        format!("{tax}/{slug}/page/{n}/")
    }
}

#[derive(Serialize)]
pub(super) struct TaxonomyPageCtx {
    name: String,
    pub(super) title: String,
    href: String,
    terms: Vec<TermCount>,
}

#[derive(Serialize)]
struct TermCount {
    name: String,
    href: String,
    count: usize,
}

#[derive(Serialize)]
pub(super) struct TermCtx {
    pub(super) name: String,
    pub(super) href: String,
    // The `pages` and `resources` on this page of the listing are added from the views' values.
    /// How many the term has in all.
    pub(super) page_count: usize,
    pub(super) resource_count: usize,
}

#[derive(Serialize)]
pub(super) struct PageLink {
    pub(super) number: usize,
    pub(super) href: String,
    pub(super) current: bool,
    /// Page numbers are skipped before this one (shown as an ellipsis).
    pub(super) gap_before: bool,
}

/// The page numbers a pagination bar shows: the first, the last, and two either side of the
/// current one, so the bar stays short however long the list grows.
pub(super) fn page_window(current: usize, total: usize) -> Vec<usize> {
    (1..=total)
        .filter(|&k| k == 1 || k == total || k.abs_diff(current) <= 2)
        .collect()
}

#[derive(Serialize)]
pub(super) struct Paginator {
    pub(super) current: usize,
    pub(super) total: usize,
    /// The first entry on this page, counting from 1, and the last.
    pub(super) first: usize,
    pub(super) last: usize,
    pub(super) entries: usize,
    pub(super) previous: Option<String>,
    pub(super) next: Option<String>,
    pub(super) pages: Vec<PageLink>,
}

pub(super) fn taxonomy_ctx(r: &Renderer, tax: &str) -> TaxonomyPageCtx {
    let title = r
        .config
        .taxonomy(tax)
        .map_or_else(|| tax.to_string(), |t| t.title.clone());
    let mut terms: Vec<TermCount> = r.content.terms[tax]
        .iter()
        .map(|(slug, t)| TermCount {
            name: t.name.clone(),
            href: context::term_href(tax, slug),
            count: t.pages.len() + t.resources.len(),
        })
        .collect();
    terms.sort_by_key(|a| a.name.to_lowercase());
    TaxonomyPageCtx {
        name: tax.to_string(),
        title,
        href: format!("{tax}/index.html"),
        terms,
    }
}

#[cfg(test)]
mod tests {
    use super::page_window;

    #[test]
    fn the_pagination_window_stays_short() {
        assert_eq!(page_window(1, 1), [1]);
        assert_eq!(page_window(1, 4), [1, 2, 3, 4]);
        assert_eq!(page_window(10, 40), [1, 8, 9, 10, 11, 12, 40]);
        assert_eq!(page_window(40, 40), [1, 38, 39, 40]);
    }
}
