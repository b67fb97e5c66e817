//! The data templates see, as serializable views of the content model (docs/templates.md is the
//! contract). Hrefs are site-relative; templates prefix them with `root`.

use std::collections::HashMap;
use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;

use crate::content::{ids, Content, Target};
use crate::markdown::Heading;

#[derive(Clone, Debug, Serialize)]
pub struct Link {
    pub title: String,
    pub href: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct TermLink {
    pub name: String,
    pub href: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct IdLink {
    pub id: String,
    pub href: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct ResourceCtx {
    pub key: String,
    pub anchor: String,
    pub href: String,
    pub kind: &'static str,
    pub kind_label: &'static str,
    pub citation: String,
    pub short: String,
    pub year: Option<i64>,
    pub title: String,
    pub authors: Vec<String>,
    pub journal: Option<String>,
    pub publisher: Option<String>,
    pub volume: Option<String>,
    pub issue: Option<String>,
    pub pages: Option<String>,
    pub doi: Option<String>,
    pub url: Option<String>,
    pub link: Option<String>,
    pub annotation: String,
    pub topics: Vec<TermLink>,
    pub competencies: Vec<IdLink>,
}

/// A page as it appears in lists.
#[derive(Clone, Debug, Serialize)]
pub struct PageSummary {
    pub title: String,
    pub href: String,
    pub description: String,
    pub summary: String,
    pub kind: &'static str,
    pub weight: i64,
    pub date: Option<String>,
    pub page_count: usize,
}

#[derive(Clone, Debug, Serialize)]
pub struct TaxonomyTerms {
    pub name: String,
    pub title: String,
    pub terms: Vec<TermLink>,
}

#[derive(Clone, Debug, Serialize)]
pub struct TaughtObjective {
    pub id: String,
    pub text: String,
    pub href: String,
    pub competency_id: String,
    pub competency_title: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct PageCtx<'a> {
    pub title: &'a str,
    pub description: &'a str,
    pub kind: &'static str,
    pub href: String,
    pub summary: &'a str,
    pub toc: &'a [Heading],
    pub show_toc: bool,
    pub date: Option<String>,
    pub weight: i64,
    pub draft: bool,
    pub word_count: usize,
    pub reading_minutes: usize,
    pub extra: &'a toml::Table,
    pub taxonomies: Vec<TaxonomyTerms>,
    pub teaches: Vec<TaughtObjective>,
    pub prev: Option<Link>,
    pub next: Option<Link>,
    pub section: Option<Link>,
    // The page's `resources`, `sources` (lists of ResourceCtx), `pages` and `subsections`
    // (lists of PageSummary) are added to its value from the views' values, and its `content`
    // (the body's HTML) is moved in: see `Renderer::page_context`.
}

#[derive(Clone, Debug, Serialize)]
pub struct ObjectiveCtx {
    pub id: String,
    pub anchor: String,
    pub text: String,
    pub href: String,
    pub taught_in: Vec<Link>,
    pub resources: Vec<Arc<ResourceCtx>>,
}

#[derive(Clone, Debug, Serialize)]
pub struct CompetencyCtx {
    pub id: String,
    pub anchor: String,
    pub title: String,
    pub statement: String,
    pub href: String,
    pub objectives: Vec<ObjectiveCtx>,
    pub taught_in: Vec<Link>,
    pub resources: Vec<Arc<ResourceCtx>>,
}

#[derive(Clone, Debug, Serialize)]
pub struct ElementCtx {
    pub id: String,
    pub anchor: String,
    pub name: String,
    pub text: String,
    pub about: String,
}

/// Builds the per-item views once per build, so pages share them instead of rebuilding.
pub struct Views {
    pub resources: Vec<Arc<ResourceCtx>>,
    /// `resources` as template values, serialized once: a page's context takes copies.
    resource_values: Vec<tera::Value>,
    pub summaries: Vec<PageSummary>,
    /// Resources linked to each competency, directly or through one of its objectives.
    by_competency: Vec<Vec<usize>>,
    /// Resources linked to each objective itself, by objective ID.
    by_objective: HashMap<String, Vec<usize>>,
}

impl Views {
    /// `summary`: the plain-text summary of each page, by index.
    pub fn new<'s>(content: &Content, summary: impl Fn(usize) -> &'s str + Sync) -> Views {
        let resources: Vec<Arc<ResourceCtx>> = (0..content.resources.len())
            .into_par_iter()
            .map(|r| Arc::new(resource_ctx(content, r)))
            .collect();
        let mut by_competency = vec![Vec::new(); content.competencies.len()];
        let mut by_objective: HashMap<String, Vec<usize>> = HashMap::new();
        for (r, res) in content.resources.iter().enumerate() {
            let mut linked = Vec::new();
            for id in &res.record.competencies {
                match content.ids.get(id.get_ref()) {
                    Some(Target::Competency(c)) => linked.push(*c),
                    Some(Target::Objective(c, _)) => {
                        linked.push(*c);
                        let list = by_objective.entry(id.get_ref().clone()).or_default();
                        if list.last() != Some(&r) {
                            list.push(r);
                        }
                    }
                    _ => {}
                }
            }
            linked.sort_unstable();
            linked.dedup();
            for c in linked {
                by_competency[c].push(r);
            }
        }
        let summaries: Vec<PageSummary> = content
            .pages
            .par_iter()
            .enumerate()
            .map(|(i, p)| PageSummary {
                title: p.meta.title.clone(),
                href: p.href(),
                description: p.meta.description.clone(),
                // Plain text from the page, escaped: templates may print it as HTML.
                summary: crate::markdown::escape_html(summary(i)),
                kind: p.kind().name(),
                weight: p.meta.weight,
                date: p.meta.date.as_ref().map(|d| d.get_ref().to_string()),
                page_count: p.pages.len(),
            })
            .collect();
        Views {
            resource_values: resources.par_iter().map(|r| value(&**r)).collect(),
            resources,
            summaries,
            by_competency,
            by_objective,
        }
    }

    /// Resources `list` (indexes into `resources`) as a template value.
    pub fn resource_list(&self, list: impl IntoIterator<Item = usize>) -> tera::Value {
        tera::Value::Array(
            list.into_iter()
                .map(|r| self.resource_values[r].clone())
                .collect(),
        )
    }

    /// The summaries of `pages` as a template value.
    pub fn summary_list(&self, pages: impl IntoIterator<Item = usize>) -> tera::Value {
        tera::Value::Array(
            pages
                .into_iter()
                .map(|p| value(&self.summaries[p]))
                .collect(),
        )
    }

    pub fn link(&self, page: usize) -> Link {
        let s = &self.summaries[page];
        Link {
            title: s.title.clone(),
            href: s.href.clone(),
        }
    }
}

/// `view` as a template value. The views are plain structs of strings, numbers and lists,
/// which always serialize.
pub fn value(view: &impl Serialize) -> tera::Value {
    tera::to_value(view).expect("template views serialize to JSON")
}

/// `view` as a template value with the lists `lists` added to it: lists of resources (copies
/// of the values the views serialized once) or of page summaries (serialized where used).
pub fn value_with<const N: usize>(
    view: &impl Serialize,
    lists: [(&str, tera::Value); N],
) -> tera::Value {
    let mut v = value(view);
    if let tera::Value::Object(map) = &mut v {
        for (key, list) in lists {
            map.insert(key.to_string(), list);
        }
    }
    v
}

pub fn term_href(taxonomy: &str, slug: &str) -> String {
    format!("{taxonomy}/{slug}/index.html")
}

fn resource_ctx(content: &Content, r: usize) -> ResourceCtx {
    let rec = &content.resources[r].record;
    let kind = *rec.kind.get_ref();
    let topics = rec
        .taxonomies
        .iter()
        .filter(|(name, _)| name.get_ref() == "topics")
        .flat_map(|(_, terms)| terms.iter().map(|t| t.get_ref()))
        .map(|t| TermLink {
            name: t.clone(),
            href: term_href("topics", &crate::content::slugify(t)),
        })
        .collect();
    let competencies = rec
        .competencies
        .iter()
        .filter_map(|id| {
            let target = content.ids.get(id.get_ref())?;
            Some(IdLink {
                id: id.get_ref().clone(),
                href: content.target_link(*target).0,
            })
        })
        .collect();
    ResourceCtx {
        key: rec.key().to_string(),
        anchor: ids::resource_anchor(rec.key()),
        href: content.resource_href(r),
        kind: kind.name(),
        kind_label: kind.label(),
        citation: rec.citation_html(),
        short: rec.short(),
        year: rec.year(),
        title: rec.title.get_ref().clone(),
        authors: rec.authors.get_ref().clone(),
        journal: rec.journal.clone(),
        publisher: rec.publisher.clone(),
        volume: rec.volume.clone(),
        issue: rec.issue.clone(),
        pages: rec.pages.clone(),
        doi: rec.doi.as_ref().map(|d| d.get_ref().clone()),
        url: rec.url.as_ref().map(|u| u.get_ref().clone()),
        link: rec.link(),
        annotation: rec.annotation.get_ref().clone(),
        topics,
        competencies,
    }
}

/// Pages teaching objective `id`, as links.
pub fn taught_in(content: &Content, views: &Views, id: &str) -> Vec<Link> {
    content.taught_in.get(id).map_or_else(Vec::new, |pages| {
        pages.iter().map(|&p| views.link(p)).collect()
    })
}

/// Resources linked to competency `c` (directly, or through one of its objectives).
pub fn competency_resources(views: &Views, c: usize) -> Vec<Arc<ResourceCtx>> {
    views.by_competency[c]
        .iter()
        .map(|&r| views.resources[r].clone())
        .collect()
}

/// Resources linked to objective `id` itself.
pub fn objective_resources(views: &Views, id: &str) -> Vec<Arc<ResourceCtx>> {
    views.by_objective.get(id).map_or_else(Vec::new, |list| {
        list.iter().map(|&r| views.resources[r].clone()).collect()
    })
}

pub fn competency_ctx(content: &Content, views: &Views, c: usize) -> CompetencyCtx {
    let comp = &content.competencies[c];
    let href = content.pages[comp.page].href();
    let objectives: Vec<ObjectiveCtx> = comp
        .objectives
        .iter()
        .map(|o| ObjectiveCtx {
            id: o.id.clone(),
            anchor: ids::anchor(&o.id),
            text: o.text.clone(),
            href: format!("{href}#{}", ids::anchor(&o.id)),
            taught_in: taught_in(content, views, &o.id),
            resources: objective_resources(views, &o.id),
        })
        .collect();
    let mut taught: Vec<Link> = Vec::new();
    for o in &objectives {
        for l in &o.taught_in {
            if !taught.iter().any(|t| t.href == l.href) {
                taught.push(l.clone());
            }
        }
    }
    CompetencyCtx {
        id: comp.id.clone(),
        anchor: ids::anchor(&comp.id),
        title: comp.title.clone(),
        statement: comp.statement.clone(),
        href,
        objectives,
        taught_in: taught,
        resources: competency_resources(views, c),
    }
}
