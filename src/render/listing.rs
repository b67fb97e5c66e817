//! Generated pages that list things: the resource library and its filter pages, taxonomy pages,
//! and the curriculum map's data.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Serialize;

use super::context::{self, Link, ResourceCtx};
use super::Renderer;
use crate::content::coverage::natural;
use crate::content::{ids, slugify, Content, ResourceKind, Target};

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

#[derive(Clone, Serialize)]
pub struct FacetValue {
    label: String,
    href: String,
    count: usize,
}

#[derive(Clone, Serialize)]
pub struct Facet {
    name: &'static str,
    title: &'static str,
    values: Vec<FacetValue>,
}

#[derive(Serialize)]
pub struct Group {
    kind: &'static str,
    label: &'static str,
    resources: Vec<Arc<ResourceCtx>>,
}

#[derive(Serialize)]
pub struct Library {
    count: usize,
    groups: Vec<Group>,
    facets: Vec<Facet>,
}

const FACETS: [(&str, &str); 4] = [
    ("kind", "Kind"),
    ("topic", "Topic"),
    ("competency", "Competency"),
    ("year", "Year"),
];

/// Facet values of one resource: (value slug, label) per facet, in FACETS order.
fn facet_values(content: &Content, r: usize) -> [Vec<(String, String)>; 4] {
    let rec = &content.resources[r].record;
    let kind = *rec.kind.get_ref();
    let topics = rec
        .taxonomies
        .iter()
        .filter(|(n, _)| n.get_ref() == "topics")
        .flat_map(|(_, t)| t.iter())
        .map(|t| (slugify(t), t.clone()))
        .collect();
    let mut comps: Vec<(String, String)> = Vec::new();
    for id in &rec.competencies {
        let c = match content.ids.get(id.get_ref()) {
            Some(Target::Competency(c)) | Some(Target::Objective(c, _)) => *c,
            _ => continue,
        };
        let cid = &content.competencies[c].id;
        if !comps.iter().any(|(s, _)| *s == ids::anchor(cid)) {
            comps.push((
                ids::anchor(cid),
                format!("{cid} · {}", content.competencies[c].title),
            ));
        }
    }
    let year = rec.year().map_or_else(
        || ("n-d".to_string(), "No date".to_string()),
        |y| (y.to_string(), y.to_string()),
    );
    [
        vec![(kind.name().to_string(), kind.plural().to_string())],
        topics,
        comps,
        vec![year],
    ]
}

/// Every facet value with its resources, sorted for display.
fn facet_index(content: &Content) -> Vec<BTreeMap<String, (String, Vec<usize>)>> {
    let mut index: Vec<BTreeMap<String, (String, Vec<usize>)>> = vec![BTreeMap::new(); 4];
    for r in 0..content.resources.len() {
        for (f, values) in facet_values(content, r).into_iter().enumerate() {
            for (slug, label) in values {
                index[f]
                    .entry(slug)
                    .or_insert_with(|| (label, Vec::new()))
                    .1
                    .push(r);
            }
        }
    }
    index
}

fn filter_path(content: &Content, facet: usize, value: &str) -> Option<String> {
    let lib = content.library?;
    Some(format!(
        "{}{}/{value}/",
        content.pages[lib].path, FACETS[facet].0
    ))
}

/// The facet index and the facet navigation, computed once per build and shared by the library
/// and all its filter pages.
pub struct LibraryIndex {
    index: Vec<BTreeMap<String, (String, Vec<usize>)>>,
    facets: Vec<Facet>,
}

impl LibraryIndex {
    pub fn new(content: &Content) -> LibraryIndex {
        let index = facet_index(content);
        let facets = facets(content, &index);
        LibraryIndex { index, facets }
    }

    /// The facets for a filter page: all but the competency list, which grows with the
    /// curriculum and is on the library page itself.
    fn filter_facets(&self) -> Vec<Facet> {
        self.facets
            .iter()
            .filter(|f| f.name != "competency")
            .cloned()
            .collect()
    }
}

fn facets(content: &Content, index: &[BTreeMap<String, (String, Vec<usize>)>]) -> Vec<Facet> {
    FACETS
        .iter()
        .enumerate()
        .map(|(f, (name, title))| {
            let mut values: Vec<(&String, &(String, Vec<usize>))> = index[f].iter().collect();
            match f {
                0 => values.sort_by_key(|(slug, _)| {
                    ResourceKind::ALL
                        .iter()
                        .position(|k| k.name() == slug.as_str())
                }),
                // Newest first; undated last.
                3 => values.sort_by(|a, b| (a.0 == "n-d").cmp(&(b.0 == "n-d")).then(b.0.cmp(a.0))),
                2 => values.sort_by_key(|a| natural(a.0)),
                _ => {}
            }
            Facet {
                name,
                title,
                values: values
                    .into_iter()
                    .map(|(slug, (label, rs))| FacetValue {
                        label: label.clone(),
                        href: format!(
                            "{}index.html",
                            filter_path(content, f, slug).unwrap_or_default()
                        ),
                        count: rs.len(),
                    })
                    .collect(),
            }
        })
        .collect()
}

/// The library's data: all resources grouped by kind (or only `subset`), and the facets.
pub fn library(r: &Renderer, subset: Option<&[usize]>) -> Library {
    let content = r.content;
    let all: Vec<usize> = (0..content.resources.len()).collect();
    let list = subset.unwrap_or(&all);
    let groups = ResourceKind::ALL
        .iter()
        .filter_map(|kind| {
            let mut items: Vec<usize> = list
                .iter()
                .copied()
                .filter(|&i| content.resources[i].record.kind.get_ref() == kind)
                .collect();
            if items.is_empty() {
                return None;
            }
            items.sort_by(|&a, &b| citation_order(content, a, b));
            Some(Group {
                kind: kind.name(),
                label: kind.plural(),
                resources: items
                    .into_iter()
                    .map(|i| r.views.resources[i].clone())
                    .collect(),
            })
        })
        .collect();
    Library {
        count: list.len(),
        groups,
        facets: r.library_index().facets.clone(),
    }
}

/// Reference-list order: first author, then year, then title.
fn citation_order(content: &Content, a: usize, b: usize) -> std::cmp::Ordering {
    let key = |i: usize| {
        let rec = &content.resources[i].record;
        (
            // Works without an author are filed under their title, as in APA.
            rec.authors
                .get_ref()
                .first()
                .unwrap_or(rec.title.get_ref())
                .to_lowercase(),
            rec.year(),
            rec.title.get_ref().to_lowercase(),
        )
    };
    key(a).cmp(&key(b))
}

/// Where page `n` (from 1) of a term's listing goes.
fn term_path(tax: &str, slug: &str, n: usize) -> String {
    if n == 1 {
        format!("{tax}/{slug}/")
    } else {
        format!("{tax}/{slug}/page/{n}/")
    }
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

#[derive(Serialize)]
struct FilterCtx {
    facet_title: &'static str,
    label: String,
    library_href: String,
    // `resources` is added from the views' values.
    facets: Vec<Facet>,
}

#[derive(Serialize)]
struct TaxonomyPageCtx {
    name: String,
    title: String,
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
struct TermCtx {
    name: String,
    href: String,
    // The `pages` and `resources` on this page of the listing are added from the views' values.
    /// How many the term has in all.
    page_count: usize,
    resource_count: usize,
}

#[derive(Serialize)]
struct PageLink {
    number: usize,
    href: String,
    current: bool,
    /// Page numbers are skipped before this one (shown as an ellipsis).
    gap_before: bool,
}

/// The page numbers a pagination bar shows: the first, the last, and two either side of the
/// current one, so the bar stays short however long the list grows.
fn page_window(current: usize, total: usize) -> Vec<usize> {
    (1..=total)
        .filter(|&k| k == 1 || k == total || k.abs_diff(current) <= 2)
        .collect()
}

#[derive(Serialize)]
struct Paginator {
    current: usize,
    total: usize,
    /// The first entry on this page, counting from 1, and the last.
    first: usize,
    last: usize,
    entries: usize,
    previous: Option<String>,
    next: Option<String>,
    pages: Vec<PageLink>,
}

impl Listing {
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
                let (label, list) = &r.library_index().index[*facet][value];
                let mut list = list.clone();
                list.sort_by(|&a, &b| citation_order(content, a, b));
                let filter = FilterCtx {
                    facet_title: FACETS[*facet].1,
                    label: label.clone(),
                    library_href: content
                        .library
                        .map(|l| content.pages[l].href())
                        .unwrap_or_default(),
                    facets: r.library_index().filter_facets(),
                };
                let resources = r.views.resource_list(list);
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

fn taxonomy_ctx(r: &Renderer, tax: &str) -> TaxonomyPageCtx {
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

#[derive(Serialize)]
pub struct MapObjective {
    id: String,
    text: String,
    href: String,
    taught_in: Vec<Link>,
    resources: Vec<ShortRef>,
    /// Quiz questions (not confidence ratings) that assess it, and the quizzes they are in.
    questions: usize,
    quizzes: Vec<Link>,
    /// Whether it has at least `min_questions` questions.
    assessed: bool,
}

#[derive(Serialize)]
pub struct ShortRef {
    short: String,
    href: String,
}

impl ShortRef {
    pub fn new(short: &str, href: &str) -> ShortRef {
        ShortRef {
            short: short.to_string(),
            href: href.to_string(),
        }
    }
}

#[derive(Serialize)]
pub struct MapCompetency {
    id: String,
    title: String,
    statement: String,
    href: String,
    objectives: Vec<MapObjective>,
}

#[derive(Serialize)]
pub struct Map {
    competencies: Vec<MapCompetency>,
    objective_count: usize,
    untaught_count: usize,
    unsupported_count: usize,
    unassessed_count: usize,
    /// Questions an objective needs to count as assessed (`[check] min_questions`).
    min_questions: usize,
}

/// Competency x objective x where it is taught x which resources support it x the questions
/// that assess it: the figures of `content::coverage`, which `trellis check` prints too.
pub fn curriculum_map(r: &Renderer) -> Map {
    let content = r.content;
    let min_questions = r.config.check.min_questions;
    let mut map = Map {
        competencies: Vec::new(),
        objective_count: 0,
        untaught_count: 0,
        unsupported_count: 0,
        unassessed_count: 0,
        min_questions,
    };
    for (c, coverage) in crate::content::coverage::coverage(content) {
        let comp = &content.competencies[c];
        let href = content.pages[comp.page].href();
        let objectives: Vec<MapObjective> = coverage
            .into_iter()
            .map(|o| {
                let obj = &comp.objectives[o.objective];
                MapObjective {
                    id: obj.id.clone(),
                    text: obj.text.clone(),
                    href: format!("{href}#{}", ids::anchor(&obj.id)),
                    taught_in: o.taught_in.iter().map(|&p| r.views.link(p)).collect(),
                    resources: o
                        .resources
                        .iter()
                        .map(|&x| {
                            ShortRef::new(&r.views.resources[x].short, &r.views.resources[x].href)
                        })
                        .collect(),
                    questions: o.questions,
                    quizzes: o.quizzes.iter().map(|&p| r.views.link(p)).collect(),
                    assessed: o.questions >= min_questions,
                }
            })
            .collect();
        map.objective_count += objectives.len();
        map.untaught_count += objectives.iter().filter(|o| o.taught_in.is_empty()).count();
        map.unsupported_count += objectives.iter().filter(|o| o.resources.is_empty()).count();
        map.unassessed_count += objectives.iter().filter(|o| !o.assessed).count();
        map.competencies.push(MapCompetency {
            id: comp.id.clone(),
            title: comp.title.clone(),
            statement: comp.statement.clone(),
            href,
            objectives,
        });
    }
    map
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
