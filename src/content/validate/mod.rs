//! Checks what serde cannot (kinds, ID syntax, duplicates, references between files) and builds
//! the curriculum indexes: competencies, framework elements, resources, taxonomy terms.

use std::collections::BTreeMap;

use toml::Spanned;

use super::ids::{self, Target};
use super::{slugify, Competency, Content, Element, Kind, Objective, Resource, Term};

mod kinds;
mod quizzes;
mod record;
mod references;

use crate::config::Config;
use crate::diagnostic::Diagnostics;
use kinds::check_kinds;
use quizzes::collect_quizzes;
use record::check_record;
use references::check_references;

pub fn resolve(content: &mut Content, config: &Config, ds: &mut Diagnostics) {
    check_kinds(content, ds);
    register(content, ds);
    check_references(content, config, ds);
    collect_quizzes(content, ds);
    index_terms(content, config, ds);
}

/// Where an ID was first defined (its page and span), for duplicate messages: only a
/// duplicate needs it as a file, line and column.
struct Defined {
    page: usize,
    span: std::ops::Range<usize>,
}

fn origin_of(content: &Content, page: usize, span: std::ops::Range<usize>) -> String {
    content.pages[page]
        .error_at("", span)
        .origin()
        .unwrap_or_default()
}

/// Collects competencies, objectives, framework elements and resources, and their IDs.
fn register(content: &mut Content, ds: &mut Diagnostics) {
    let mut defined: BTreeMap<String, Defined> = BTreeMap::new();
    let mut competencies = Vec::new();
    let mut elements = Vec::new();
    let mut resources = Vec::new();
    let mut ids: BTreeMap<String, Target> = BTreeMap::new();

    let mut claim = |content: &Content,
                     page: usize,
                     id: &Spanned<String>,
                     target: Target,
                     ds: &mut Diagnostics|
     -> bool {
        let name = id.get_ref();
        if let Some(first) = defined.get(name) {
            ds.push(
                content.pages[page]
                    .error_at(format!("duplicate ID `{name}`"), id.span())
                    .hint(format!(
                        "`{name}` is already defined at {}; IDs must be unique across the site",
                        origin_of(content, first.page, first.span.clone())
                    )),
            );
            return false;
        }
        defined.insert(
            name.clone(),
            Defined {
                page,
                span: id.span(),
            },
        );
        ids.insert(name.clone(), target);
        true
    };

    for i in 0..content.pages.len() {
        let p = &content.pages[i];
        match p.kind() {
            Kind::Competency => {
                let (Some(id), Some(statement), Some(objectives)) =
                    (&p.meta.id, &p.meta.statement, &p.meta.objectives)
                else {
                    continue;
                };
                let cid = id.get_ref();
                if !ids::is_competency_id(cid) {
                    ds.push(
                        p.error_at(format!("invalid competency ID `{cid}`"), id.span())
                            .hint("use upper-case letters, a dash and a number, e.g. `SMS-1`"),
                    );
                    continue;
                }
                let c = competencies.len();
                if !claim(content, i, id, Target::Competency(c), ds) {
                    continue;
                }
                let mut objs = Vec::new();
                for o in objectives.get_ref() {
                    let oid = o.id.get_ref();
                    if !ids::is_objective_id_of(oid, cid) {
                        ds.push(p.error_at(format!("invalid objective ID `{oid}` for competency `{cid}`"), o.id.span())
                            .hint(format!("objective IDs are the competency ID, a dot and a number, e.g. `{cid}.{}`", objs.len() + 1)));
                        continue;
                    }
                    if claim(content, i, &o.id, Target::Objective(c, objs.len()), ds) {
                        objs.push(Objective {
                            id: oid.clone(),
                            text: o.text.clone(),
                        });
                    }
                }
                competencies.push(Competency {
                    page: i,
                    id: cid.clone(),
                    title: p.meta.title.clone(),
                    statement: statement.get_ref().clone(),
                    objectives: objs,
                });
            }
            Kind::Framework => {
                let Some(list) = &p.meta.elements else {
                    continue;
                };
                for e in list.get_ref() {
                    let eid = e.id.get_ref();
                    if !ids::is_element_id(eid) {
                        ds.push(
                            p.error_at(
                                format!("invalid framework element ID `{eid}`"),
                                e.id.span(),
                            )
                            .hint("use upper-case letters, digits and dashes, e.g. `GP-1`"),
                        );
                        continue;
                    }
                    if claim(content, i, &e.id, Target::Element(elements.len()), ds) {
                        elements.push(Element {
                            page: i,
                            id: eid.clone(),
                            name: e.name.clone(),
                            text: e.text.clone(),
                            about: e
                                .about
                                .as_ref()
                                .map_or_else(String::new, |a| a.get_ref().clone()),
                            about_start: p.front_start
                                + e.about.as_ref().map_or(0, |a| a.span().start),
                        });
                    }
                }
            }
            _ => {}
        }
    }

    for i in 0..content.pages.len() {
        let records = std::mem::take(&mut content.pages[i].records);
        for record in records {
            // A record with a bad field still claims its key, so links to it are not reported too.
            check_record(&content.pages[i], &record, ds);
            if claim(
                content,
                i,
                &record.key,
                Target::Resource(resources.len()),
                ds,
            ) {
                resources.push(Resource { page: i, record });
            }
        }
    }

    content.competencies = competencies;
    content.elements = elements;
    content.resources = resources;
    content.ids = ids;
    content.library = content.pages.iter().position(|p| p.kind() == Kind::Library);
}

/// Taxonomy name -> term slug -> pages and resources, in site.toml's order of taxonomies. A term
/// must make a URL, and two spellings that make the same one (`café`, `cafe`) are reported rather
/// than merged quietly, unless they differ only in case.
fn index_terms(content: &mut Content, config: &Config, ds: &mut Diagnostics) {
    let mut terms: BTreeMap<String, BTreeMap<String, Term>> = config
        .taxonomies
        .iter()
        .map(|t| (t.name.get_ref().clone(), BTreeMap::new()))
        .collect();
    // Taxonomy -> slug -> where the term was first written (page, span).
    let mut first: BTreeMap<(&str, String), (usize, std::ops::Range<usize>)> = BTreeMap::new();
    let tagged = content
        .pages
        .iter()
        .enumerate()
        .flat_map(|(i, p)| tags(&p.meta.taxonomies, i, Some(i), None));
    let tagged = tagged.chain(
        content
            .resources
            .iter()
            .enumerate()
            .flat_map(|(r, res)| tags(&res.record.taxonomies, res.page, None, Some(r))),
    );
    for (tax, term, at, page, resource) in tagged {
        let Some(map) = terms.get_mut(tax) else {
            continue;
        };
        let name = term.get_ref().trim();
        let slug = slugify(name);
        if slug.is_empty() {
            let message = format!(
                "term `{name}` of taxonomy `{tax}` has no letters or digits to make a URL from"
            );
            ds.push(
                content.pages[at].error_at(message, term.span()).hint(
                    "use a term with letters or digits in it: its page's URL is made from them",
                ),
            );
            continue;
        }
        // Most terms are met again, spelled the same way: those allocate nothing more here.
        let t = match map.get_mut(&slug) {
            Some(t) => t,
            None => {
                first.insert((tax, slug.clone()), (at, term.span()));
                map.entry(slug.clone()).or_insert_with(|| Term {
                    name: name.to_string(),
                    ..Term::default()
                })
            }
        };
        let earlier = &t.name;
        if earlier != name && earlier.to_lowercase() != name.to_lowercase() {
            let (p, span) = &first[&(tax, slug.clone())];
            let message =
                format!("term `{name}` of taxonomy `{tax}` has the same URL as `{earlier}`");
            let hint = format!(
                "`{earlier}` is used at {}, and both would share the page `{tax}/{slug}/`; \
                 spell the term the same way in both places",
                origin_of(content, *p, span.clone())
            );
            ds.push(content.pages[at].error_at(message, term.span()).hint(hint));
        }
        if let Some(p) = page {
            if t.pages.last() != Some(&p) {
                t.pages.push(p);
            }
        }
        if let Some(r) = resource {
            if t.resources.last() != Some(&r) {
                t.resources.push(r);
            }
        }
    }
    content.terms = terms;
}

/// Each term of `taxonomies` with the taxonomy's name, the page that writes it, and the page or
/// resource it tags.
fn tags(
    taxonomies: &super::front_matter::Taxonomies,
    at: usize,
    page: Option<usize>,
    resource: Option<usize>,
) -> impl Iterator<Item = (&str, &Spanned<String>, usize, Option<usize>, Option<usize>)> {
    taxonomies.iter().flat_map(move |(name, list)| {
        list.iter()
            .map(move |term| (name.get_ref().as_str(), term, at, page, resource))
    })
}
