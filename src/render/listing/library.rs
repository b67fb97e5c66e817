//! The resource library: its resources grouped by kind, the facets (kind, topic, competency,
//! year) that filter it, and the data of its filter pages.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Serialize;

use crate::content::coverage::natural;
use crate::content::{ids, slugify, Content, ResourceKind, Target};
use crate::render::context::ResourceCtx;
use crate::render::Renderer;

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

pub(super) const FACETS: [(&str, &str); 4] = [
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
        .map(|t| (slugify(t.get_ref()), t.get_ref().clone()))
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
pub(super) fn facet_index(content: &Content) -> Vec<BTreeMap<String, (String, Vec<usize>)>> {
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

pub(super) fn filter_path(content: &Content, facet: usize, value: &str) -> Option<String> {
    let lib = content.library?;
    Some(format!(
        "{}{}/{value}/",
        content.pages[lib].path, FACETS[facet].0
    ))
}

/// The facet index and the facet navigation, computed once per build and shared by the library
/// and all its filter pages.
pub struct LibraryIndex {
    /// Per facet, each value's label and resources, in reference-list order.
    pub(super) index: Vec<BTreeMap<String, (String, Vec<usize>)>>,
    facets: Vec<Facet>,
    /// Each resource's place in reference-list order ([`citation_order`]).
    rank: Vec<usize>,
}

impl LibraryIndex {
    pub fn new(content: &Content) -> LibraryIndex {
        let mut index = facet_index(content);
        let facets = facets(content, &index);
        let rank = citation_ranks(content);
        for (_, list) in index.iter_mut().flat_map(BTreeMap::values_mut) {
            list.sort_unstable_by_key(|&r| rank[r]);
        }
        LibraryIndex {
            index,
            facets,
            rank,
        }
    }

    /// The facets for a filter page: all but the competency list, which grows with the
    /// curriculum and is on the library page itself.
    pub(super) fn filter_facets(&self) -> Vec<Facet> {
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

/// The library's data: all resources grouped by kind, and the facets.
pub fn library(r: &Renderer) -> Library {
    let content = r.content;
    let count = content.resources.len();
    let groups = ResourceKind::ALL
        .iter()
        .filter_map(|kind| {
            let mut items: Vec<usize> = (0..count)
                .filter(|&i| content.resources[i].record.kind.get_ref() == kind)
                .collect();
            if items.is_empty() {
                return None;
            }
            let rank = &r.library_index().rank;
            items.sort_unstable_by_key(|&i| rank[i]);
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
        count,
        groups,
        facets: r.library_index().facets.clone(),
    }
}

/// Reference-list order: first author, then year, then title (then the order of the
/// resources' files, which is stable from build to build).
fn citation_order(content: &Content, i: usize) -> (String, Option<i64>, String, usize) {
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
        i,
    )
}

/// Each resource's place in reference-list order: its keys are worked out once, not at each
/// comparison of each list that is sorted.
fn citation_ranks(content: &Content) -> Vec<usize> {
    let mut order: Vec<usize> = (0..content.resources.len()).collect();
    order.sort_by_cached_key(|&i| citation_order(content, i));
    let mut rank = vec![0; order.len()];
    for (place, &i) in order.iter().enumerate() {
        rank[i] = place;
    }
    rank
}

#[derive(Serialize)]
pub(super) struct FilterCtx {
    pub(super) facet_title: &'static str,
    pub(super) label: String,
    pub(super) library_href: String,
    // `resources` is added from the views' values.
    pub(super) facets: Vec<Facet>,
}
