//! Checks what serde cannot (kinds, ID syntax, duplicates, references between files) and builds
//! the curriculum indexes: competencies, framework elements, resources, taxonomy terms.

use std::collections::BTreeMap;

use toml::Spanned;

use super::ids::{self, Target};
use super::{slugify, Competency, Content, Element, Kind, Objective, Resource, Term};

mod quizzes;
mod record;

use crate::config::Config;
use crate::diagnostic::{closest, Diagnostic, Diagnostics};
use quizzes::collect_quizzes;
use record::check_record;

pub fn resolve(content: &mut Content, config: &Config, ds: &mut Diagnostics) {
    check_kinds(content, ds);
    register(content, ds);
    check_references(content, config, ds);
    collect_quizzes(content, ds);
    index_terms(content, config);
}

/// Each kind in its place, with the fields it needs and no fields of other kinds.
fn check_kinds(content: &Content, ds: &mut Diagnostics) {
    let mut library: Option<usize> = None;
    for (i, p) in content.pages.iter().enumerate() {
        let kind = p.kind();
        let kind_span = p.meta.kind.as_ref().map_or(0..0, |k| k.span());
        if p.is_section && !kind.is_section_kind() {
            ds.push(
                p.error_at(format!("kind `{}` cannot be used in an `_index.md` file", kind.name()), kind_span.clone())
                    .hint("an `_index.md` is a section: use `kind = \"section\"` or `kind = \"library\"`, or move this content to its own file"),
            );
        } else if !p.is_section && kind.is_section_kind() {
            ds.push(
                p.error_at(
                    format!("kind `{}` is only for `_index.md` files", kind.name()),
                    kind_span.clone(),
                )
                .hint("rename this file to `_index.md` inside its own folder"),
            );
        }
        if kind == Kind::Library {
            if let Some(first) = library {
                ds.push(
                    p.error_at(
                        "a site can have only one resource library",
                        kind_span.clone(),
                    )
                    .hint(format!(
                        "`{}` is already the library",
                        content.pages[first].rel
                    )),
                );
            } else {
                library = Some(i);
            }
        }
        let m = &p.meta;
        let only = |field: &str, span: std::ops::Range<usize>, allowed: &str| {
            p.error_at(format!("`{field}` is only allowed {allowed}"), span)
                .hint(format!("remove `{field}`, or set the right `kind`"))
        };
        if kind != Kind::Competency {
            if let Some(s) = &m.id {
                ds.push(only("id", s.span(), "when kind = \"competency\""));
            }
            if let Some(s) = &m.statement {
                ds.push(only("statement", s.span(), "when kind = \"competency\""));
            }
            if let Some(s) = &m.objectives {
                ds.push(only("objectives", s.span(), "when kind = \"competency\""));
            }
        }
        if kind != Kind::Framework {
            if let Some(s) = &m.elements {
                ds.push(only("elements", s.span(), "when kind = \"framework\""));
            }
        }
        if kind != Kind::Quiz {
            if let Some(s) = &m.questions {
                ds.push(only("questions", s.span(), "when kind = \"quiz\""));
            }
            if let Some(s) = &m.shuffle {
                ds.push(only("shuffle", s.span(), "when kind = \"quiz\""));
            }
        }
        if let Some(s) = &m.include {
            ds.push(only("include", s.span(), "when kind = \"resources\""));
        }
        if !p.is_section {
            if let Some(s) = &m.page_template {
                ds.push(only(
                    "page_template",
                    s.span(),
                    "in an `_index.md` (a section)",
                ));
            }
            if let Some(s) = &m.sort_by {
                ds.push(only("sort_by", s.span(), "in an `_index.md` (a section)"));
            }
        }
        let missing = |field: &str, example: &str| {
            p.error_at(
                format!("missing `{field}` for kind `{}`", kind.name()),
                kind_span.clone(),
            )
            .hint(format!("add `{example}` to the front matter"))
        };
        match kind {
            Kind::Competency => {
                if m.id.is_none() {
                    ds.push(missing("id", "id = \"SMS-1\""));
                }
                if m.statement.is_none() {
                    ds.push(missing("statement", "statement = \"...\""));
                }
                if m.objectives.as_ref().is_none_or(|o| o.get_ref().is_empty()) {
                    ds.push(missing(
                        "objectives",
                        "[[objectives]] with an `id` and `text`",
                    ));
                }
            }
            Kind::Framework if m.elements.as_ref().is_none_or(|e| e.get_ref().is_empty()) => {
                ds.push(missing("elements", "[[elements]] with an `id` and `text`"));
            }
            Kind::Quiz
                if !p.rel.ends_with(".gift")
                    && m.questions.as_ref().is_none_or(|q| q.get_ref().is_empty()) =>
            {
                ds.push(missing(
                    "questions",
                    "[[questions]] with `id`, `type`, `objectives` and `prompt`",
                ));
            }
            _ => {}
        }
    }
}

/// Where an ID was first defined, for duplicate messages.
struct Defined {
    origin: String,
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
                        first.origin
                    )),
            );
            return false;
        }
        defined.insert(
            name.clone(),
            Defined {
                origin: origin_of(content, page, id.span()),
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

fn unknown(
    content: &Content,
    page: usize,
    what: &str,
    id: &Spanned<String>,
    candidates: Vec<&str>,
    hint: &str,
) -> Option<Diagnostic> {
    let name = id.get_ref();
    if content.is_broken(name) {
        return None;
    }
    let d = content.pages[page].error_at(format!("unknown {what} `{name}`"), id.span());
    Some(match closest(name, candidates) {
        Some(near) => d.hint(format!("did you mean `{near}`?")),
        None => d.hint(hint.to_string()),
    })
}

/// `teaches`, `resources`, `sources`, record `competencies`, taxonomies, and the menu.
fn check_references(content: &mut Content, config: &Config, ds: &mut Diagnostics) {
    let objective_ids: Vec<&str> = content
        .competencies
        .iter()
        .flat_map(|c| c.objectives.iter().map(|o| o.id.as_str()))
        .collect();
    let resource_keys: Vec<&str> = content.resources.iter().map(|r| r.record.key()).collect();
    let curriculum_ids: Vec<&str> = content
        .competencies
        .iter()
        .map(|c| c.id.as_str())
        .chain(objective_ids.iter().copied())
        .collect();
    let mut taught_in: BTreeMap<String, Vec<usize>> = BTreeMap::new();

    for (i, p) in content.pages.iter().enumerate() {
        for t in &p.meta.teaches {
            match content.objective(t.get_ref()) {
                Some(_) => taught_in.entry(t.get_ref().clone()).or_default().push(i),
                None => ds.extend(unknown(
                    content,
                    i,
                    "objective",
                    t,
                    objective_ids.clone(),
                    "`teaches` lists objective IDs such as `SMS-1.2`",
                )),
            }
        }
        for key in p.meta.resources.iter().chain(&p.meta.sources) {
            if content.resource(key.get_ref()).is_none() {
                ds.extend(unknown(
                    content,
                    i,
                    "resource",
                    key,
                    resource_keys.clone(),
                    "use the `key` of a resource record",
                ));
            }
        }
        for name in p.meta.taxonomies.keys() {
            if config.taxonomy(name.get_ref()).is_none() {
                ds.push(unknown_taxonomy(content, i, name, config));
            }
        }
        if let Some(audience) = &p.meta.audience {
            if config.check.grade_limit(audience.get_ref()).is_none() {
                let declared: Vec<&str> = config.check.audiences().collect();
                ds.extend(unknown(
                    content,
                    i,
                    "audience",
                    audience,
                    declared.clone(),
                    &format!(
                        "declare its grade limit in site.toml under [check.readability]; declared: {}",
                        declared.join(", ")
                    ),
                ));
            }
        }
    }
    for (r, res) in content.resources.iter().enumerate() {
        let _ = r;
        for id in &res.record.competencies {
            let ok = matches!(
                content.ids.get(id.get_ref()),
                Some(Target::Competency(_) | Target::Objective(..))
            );
            if !ok {
                ds.extend(unknown(
                    content,
                    res.page,
                    "competency or objective",
                    id,
                    curriculum_ids.clone(),
                    "use a competency ID like `SMS-1` or an objective ID like `SMS-1.2`",
                ));
            }
        }
        for name in res.record.taxonomies.keys() {
            if config.taxonomy(name.get_ref()).is_none() {
                ds.push(unknown_taxonomy(content, res.page, name, config));
            }
        }
    }
    let config_file = std::path::Path::new(crate::config::FILE_NAME);
    for item in &config.menu {
        if content.page_by_rel(item.page.get_ref()).is_none() {
            let d = Diagnostic::new(format!(
                "menu entry `{}` names an unknown content file `{}`",
                item.title,
                item.page.get_ref()
            ))
            .at(config_file, &config.source, item.page.span());
            let rels: Vec<&str> = content.by_rel.keys().map(String::as_str).collect();
            ds.push(match closest(item.page.get_ref(), rels) {
                Some(near) => d.hint(format!("did you mean `{near}`?")),
                None => {
                    d.hint("give the path of a file under `content/`, e.g. `framework/_index.md`")
                }
            });
        }
    }
    content.taught_in = taught_in;
}

fn unknown_taxonomy(
    content: &Content,
    page: usize,
    name: &Spanned<String>,
    config: &Config,
) -> Diagnostic {
    let declared: Vec<&str> = config
        .taxonomies
        .iter()
        .map(|t| t.name.get_ref().as_str())
        .collect();
    let d = content.pages[page].error_at(
        format!("unknown taxonomy `{}`", name.get_ref()),
        name.span(),
    );
    match closest(name.get_ref(), declared.iter().copied()) {
        Some(near) => d.hint(format!("did you mean `{near}`?")),
        None => d.hint(format!(
            "declare it in site.toml with [[taxonomies]]; declared: {}",
            if declared.is_empty() {
                "none".to_string()
            } else {
                declared.join(", ")
            }
        )),
    }
}

/// Taxonomy name -> term slug -> pages and resources, in site.toml's order of taxonomies.
fn index_terms(content: &mut Content, config: &Config) {
    let mut terms: BTreeMap<String, BTreeMap<String, Term>> = config
        .taxonomies
        .iter()
        .map(|t| (t.name.get_ref().clone(), BTreeMap::new()))
        .collect();
    let mut add = |tax: &str, term: &str, page: Option<usize>, resource: Option<usize>| {
        let Some(map) = terms.get_mut(tax) else {
            return;
        };
        let slug = slugify(term);
        if slug.is_empty() {
            return;
        }
        let t = map.entry(slug).or_insert_with(|| Term {
            name: term.trim().to_string(),
            ..Term::default()
        });
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
    };
    for (i, p) in content.pages.iter().enumerate() {
        for (name, list) in &p.meta.taxonomies {
            for term in list {
                add(name.get_ref(), term, Some(i), None);
            }
        }
    }
    for (r, res) in content.resources.iter().enumerate() {
        for (name, list) in &res.record.taxonomies {
            for term in list {
                add(name.get_ref(), term, None, Some(r));
            }
        }
    }
    content.terms = terms;
}
