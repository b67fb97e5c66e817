//! Generated pages that list things: the resource library and its filter pages, taxonomy pages,
//! and the curriculum map's data.

mod curriculum_map;
mod library;
mod taxonomy;

use super::context;
use super::Renderer;
use crate::content::Content;
use library::{facet_index, filter_path, FilterCtx, FACETS};
use taxonomy::{page_window, taxonomy_ctx, term_path, PageLink, Paginator, TermCtx};

pub use curriculum_map::{curriculum_map, ShortRef};
pub use library::{library, LibraryIndex};

/// A generated page: where it goes, what it shows.
pub struct Listing {
    pub path: String,
    pub title: String,
    pub description: String,
    pub template: &'static str,
    /// The content page it hangs below, for breadcrumbs.
    pub parent: Option<usize>,
    what: What,
}

enum What {
    Filter {
        facet: usize,
        value: String,
    },
    Taxonomy(String),
    /// One page of a term's entries: taxonomy, term slug, page number from 1, entries per page.
    Term(String, String, usize, usize),
}

/// All generated listing pages of the site.
pub fn listings(content: &Content, config: &crate::config::Config) -> Vec<Listing> {
    let mut out = Vec::new();
    if let Some(lib) = content.library {
        for (f, values) in facet_index(content).into_iter().enumerate() {
            for (slug, (label, _)) in values {
                out.push(Listing {
                    path: filter_path(content, f, &slug).unwrap_or_default(),
                    title: format!("Resources — {}: {label}", FACETS[f].1),
                    description: format!(
                        "Resources in the library filtered by {}: {label}.",
                        FACETS[f].1.to_lowercase()
                    ),
                    template: "resource_filter.html",
                    parent: Some(lib),
                    what: What::Filter {
                        facet: f,
                        value: slug,
                    },
                });
            }
        }
    }
    for (tax, terms) in &content.terms {
        out.push(Listing {
            path: format!("{tax}/"),
            title: String::new(),
            description: String::new(),
            template: "taxonomy_list.html",
            parent: None,
            what: What::Taxonomy(tax.clone()),
        });
        let per = config
            .taxonomy(tax)
            .map_or(50, |t| *t.paginate_by.get_ref())
            .max(1);
        for (slug, term) in terms {
            let entries = term.pages.len() + term.resources.len();
            for n in 1..=entries.div_ceil(per).max(1) {
                out.push(Listing {
                    path: term_path(tax, slug, n),
                    title: term.name.clone(),
                    description: String::new(),
                    template: "taxonomy_term.html",
                    parent: None,
                    what: What::Term(tax.clone(), slug.clone(), n, per),
                });
            }
        }
    }
    out
}

impl Listing {
    /// What this listing is, for messages: "the `topics` term page “caregivers”".
    pub fn describe(&self) -> String {
        match &self.what {
            What::Filter { .. } => format!("the library's filter page “{}”", self.title),
            What::Taxonomy(tax) => format!("the list of `{tax}` terms"),
            What::Term(tax, _, 1, _) => format!("the `{tax}` term page “{}”", self.title),
            What::Term(tax, _, n, _) => {
                format!("page {n} of the `{tax}` term page “{}”", self.title)
            }
        }
    }

    /// The taxonomy whose pages this listing is one of.
    pub fn taxonomy(&self) -> Option<&str> {
        match &self.what {
            What::Taxonomy(tax) | What::Term(tax, ..) => Some(tax),
            What::Filter { .. } => None,
        }
    }

    /// Whether this is a library filter page (every resource of a kind, year, topic...).
    pub fn is_filter(&self) -> bool {
        matches!(self.what, What::Filter { .. })
    }

    /// Whether this listing shows `page` among its pages.
    pub fn lists_page(&self, content: &Content, page: usize) -> bool {
        match &self.what {
            What::Term(tax, slug, n, per) => {
                let pages = &content.terms[tax][slug].pages;
                pages
                    .iter()
                    .skip((n - 1) * per)
                    .take(*per)
                    .any(|&p| p == page)
            }
            _ => false,
        }
    }

    /// Adds this listing's variables; also sets `page_title` for taxonomy pages.
    pub fn fill(&self, r: &Renderer, ctx: &mut tera::Context) {
        let content = r.content;
        match &self.what {
            What::Filter { facet, value } => {
                // In reference-list order already.
                let (label, list) = &r.library_index().index[*facet][value];
                let filter = FilterCtx {
                    facet_title: FACETS[*facet].1,
                    label: label.clone(),
                    library_href: content
                        .library
                        .map(|l| content.pages[l].href())
                        .unwrap_or_default(),
                    facets: r.library_index().filter_facets(),
                };
                let resources = r.views.resource_list(list.iter().copied());
                ctx.insert_value(
                    "filter",
                    context::value_with(&filter, [("resources", resources)]),
                );
            }
            What::Taxonomy(tax) => {
                let t = taxonomy_ctx(r, tax);
                ctx.insert("page_title", &t.title);
                ctx.insert("taxonomy", &t);
            }
            What::Term(tax, slug, n, per) => {
                let term = &content.terms[tax][slug];
                let t = taxonomy_ctx(r, tax);
                let entries = term.pages.len() + term.resources.len();
                let total = entries.div_ceil(*per).max(1);
                let (from, to) = ((n - 1) * per, (n * per).min(entries));
                let title = if total > 1 {
                    format!("{}: {} (page {n} of {total})", t.title, term.name)
                } else {
                    format!("{}: {}", t.title, term.name)
                };
                ctx.insert("page_title", &title);
                ctx.insert("taxonomy", &t);
                // Pages first, then resources, cut into pages of `per` entries.
                let np = term.pages.len();
                let page_slice = &term.pages[from.min(np)..to.min(np)];
                let res_slice = &term.resources[from.max(np) - np..to.max(np) - np];
                let href = |k: usize| format!("{}index.html", term_path(tax, slug, k));
                let view = TermCtx {
                    name: term.name.clone(),
                    href: href(1),
                    page_count: np,
                    resource_count: term.resources.len(),
                };
                let lists = [
                    ("pages", r.views.summary_list(page_slice.iter().copied())),
                    (
                        "resources",
                        r.views.resource_list(res_slice.iter().copied()),
                    ),
                ];
                ctx.insert_value("term", context::value_with(&view, lists));
                ctx.insert(
                    "paginator",
                    &Paginator {
                        current: *n,
                        total,
                        first: (from + 1).min(entries),
                        last: to,
                        entries,
                        previous: (*n > 1).then(|| href(n - 1)),
                        next: (*n < total).then(|| href(n + 1)),
                        pages: {
                            let window = page_window(*n, total);
                            let mut prev = 0;
                            window
                                .into_iter()
                                .map(|k| {
                                    let gap_before = k > prev + 1;
                                    prev = k;
                                    PageLink {
                                        number: k,
                                        href: href(k),
                                        current: k == *n,
                                        gap_before,
                                    }
                                })
                                .collect()
                        },
                    },
                );
            }
        }
    }
}
