//! Full-text search, built with the site: the documents a student lands on (pages, the `##`
//! sections of long pages, competencies, objectives, framework elements, resources), scored
//! once here with BM25F, and written as small self-registering `.js` files so that the browser
//! client (themes/default/static/js/search.js) works over HTTP and from `file://` alike.

mod analyse;
mod index;
pub mod tokenizer;

use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap};

use crate::content::{Content, Kind};
use crate::render::RenderedPage;

pub use index::{build_index, write_index, Index, Stats};

/// A page longer than this many words is also searchable by its `##` sections.
const SECTION_WORDS: usize = 300;

/// One search result a reader can land on.
#[derive(Debug, Default)]
pub struct Doc<'a> {
    pub title: String,
    /// Site-relative link, with the anchor of the exact heading or item.
    pub url: String,
    /// competency, objective, framework, module, resource or page.
    pub kind: &'static str,
    /// Where it sits: the page of a section, the competency of an objective, a citation.
    pub context: String,
    /// Plain text shown in snippets (borrowed from the rendered page where it can be).
    pub text: Cow<'a, str>,
    pub ids: Vec<String>,
    pub headings: String,
    pub authors: String,
    pub tags: String,
}

/// Documents grouped as the browser fetches them: one group per page (its sections, objectives
/// or elements with it), resources in groups of a few dozen.
pub fn collect<'a>(content: &'a Content, rendered: &'a [RenderedPage]) -> Vec<Vec<Doc<'a>>> {
    let module_trees = module_trees(content);
    let quiz_of: HashMap<usize, &crate::content::Quiz> =
        content.quizzes.iter().map(|q| (q.page, q)).collect();
    let mut competencies_of: HashMap<usize, Vec<&crate::content::Competency>> = HashMap::new();
    for c in &content.competencies {
        competencies_of.entry(c.page).or_default().push(c);
    }
    let mut elements_of: HashMap<usize, Vec<&crate::content::Element>> = HashMap::new();
    for e in &content.elements {
        elements_of.entry(e.page).or_default().push(e);
    }
    let mut groups = Vec::new();
    for (i, page) in content.pages.iter().enumerate() {
        let r = &rendered[i].body;
        let kind = match page.kind() {
            Kind::Competency => "competency",
            Kind::Framework => "framework",
            Kind::Quiz => "quiz",
            _ if top_section(content, i).is_some_and(|t| module_trees.contains(&t)) => "module",
            _ => "page",
        };
        let mut group = Vec::new();
        let words = rendered[i].words;
        let split = words > SECTION_WORDS && r.sections.len() > 1;
        let mut main = Doc {
            title: page.meta.title.clone(),
            url: page.href(),
            kind,
            context: page
                .parent
                .map(|p| content.pages[p].meta.title.clone())
                .unwrap_or_default(),
            headings: r
                .sections
                .iter()
                .map(|s| s.title.as_str())
                .collect::<Vec<_>>()
                .join(" "),
            tags: page
                .meta
                .taxonomies
                .values()
                .flatten()
                .map(|t| t.get_ref().as_str())
                .collect::<Vec<_>>()
                .join(" "),
            ..Doc::default()
        };
        main.text = Cow::Borrowed(if split {
            r.section_text(&r.sections[0])
        } else {
            &r.text
        });
        if !page.meta.description.is_empty() {
            main.text = format!("{} {}", page.meta.description, main.text).into();
        }
        let competencies = competencies_of.get(&i).map_or(&[][..], Vec::as_slice);
        // A quiz is found by what its questions ask and the objectives they assess.
        if let Some(q) = quiz_of.get(&i) {
            for question in &q.questions {
                main.text.to_mut().push(' ');
                main.text.to_mut().push_str(&question.prompt);
                main.tags.push(' ');
                main.tags.push_str(&question.objectives.join(" "));
            }
        }
        if let Some(c) = competencies.first() {
            main.title = format!("{} · {}", c.id, c.title);
            main.ids.push(tokenizer::id_token(&c.id));
            main.text = format!("{} {}", c.statement, main.text).into();
        }
        group.push(main);
        if split {
            for s in &r.sections[1..] {
                group.push(Doc {
                    title: s.title.clone(),
                    url: format!("{}#{}", page.href(), s.id),
                    kind,
                    context: page.meta.title.clone(),
                    text: Cow::Borrowed(r.section_text(s)),
                    ..Doc::default()
                });
            }
        }
        for c in competencies {
            for o in &c.objectives {
                group.push(Doc {
                    title: format!("{} · {}", o.id, o.text),
                    url: format!("{}#{}", page.href(), crate::content::ids::anchor(&o.id)),
                    kind: "objective",
                    context: format!("{} · {}", c.id, c.title),
                    text: Cow::Borrowed(&o.text),
                    ids: vec![tokenizer::id_token(&o.id)],
                    ..Doc::default()
                });
            }
        }
        let elements = elements_of.get(&i).map_or(&[][..], Vec::as_slice);
        for (e, about) in elements.iter().zip(&rendered[i].about) {
            let name = if e.name.is_empty() {
                String::new()
            } else {
                format!(" · {}", e.name)
            };
            group.push(Doc {
                title: format!("{}{name}", e.id),
                url: format!("{}#{}", page.href(), crate::content::ids::anchor(&e.id)),
                kind: "framework",
                context: page.meta.title.clone(),
                text: format!("{} {}", e.text, about.text).into(),
                ids: vec![tokenizer::id_token(&e.id)],
                ..Doc::default()
            });
        }
        groups.push(group);
    }
    for chunk in content
        .resources
        .chunks(32)
        .enumerate()
        .map(|(n, c)| (n * 32, c))
    {
        let (start, resources) = chunk;
        groups.push(
            resources
                .iter()
                .enumerate()
                .map(|(k, res)| {
                    let rec = &res.record;
                    let container = rec
                        .journal
                        .as_ref()
                        .or(rec.publisher.as_ref())
                        .cloned()
                        .unwrap_or_default();
                    Doc {
                        title: rec.title.get_ref().clone(),
                        url: content.resource_href(start + k),
                        kind: "resource",
                        context: format!("{} · {}", rec.short(), rec.kind.get_ref().label()),
                        text: format!("{} {container}", rec.annotation.get_ref()).into(),
                        // The year goes with the authors ("Bodenheimer 2009" is how people ask), and the
                        // first author counts twice: it is the name the work is known by.
                        authors: format!(
                            "{} {} {}",
                            rec.authors.get_ref().first().map_or("", String::as_str),
                            rec.authors.get_ref().join(" "),
                            rec.year().map_or_else(String::new, |y| y.to_string())
                        ),
                        tags: rec
                            .taxonomies
                            .values()
                            .flatten()
                            .map(|t| t.get_ref().clone())
                            .chain(rec.competencies.iter().map(|c| c.get_ref().clone()))
                            .collect::<Vec<_>>()
                            .join(" "),
                        ..Doc::default()
                    }
                })
                .collect(),
        );
    }
    groups
}

/// The top-level section (a child of the home page) that `page` is in.
fn top_section(content: &Content, page: usize) -> Option<usize> {
    let mut chain = content.ancestors(page);
    chain.push(page);
    chain
        .into_iter()
        .find(|&p| content.pages[p].parent == Some(content.home))
}

/// Top-level sections with at least one page that teaches an objective: their pages are
/// course modules.
fn module_trees(content: &Content) -> BTreeSet<usize> {
    content
        .pages
        .iter()
        .enumerate()
        .filter(|(_, p)| !p.meta.teaches.is_empty() && p.kind() == Kind::Page)
        .filter_map(|(i, _)| top_section(content, i))
        .collect()
}
