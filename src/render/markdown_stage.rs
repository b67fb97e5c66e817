//! The markdown stage: every page's body, framework elements' `about` and quiz questions,
//! rendered once and in parallel, before any template runs. Unknown cross-references found here
//! are reported with the build's other problems.

use std::collections::BTreeSet;

use rayon::prelude::*;

use super::{quiz, root_for};
use crate::content::{ids, Content};
use crate::diagnostic::Diagnostic;
use crate::markdown::{self, Rendered};

/// Markdown of every page, rendered once.
pub struct RenderedPage {
    pub body: Rendered,
    /// `about` of each framework element on the page.
    pub about: Vec<Rendered>,
    /// The questions of a quiz page.
    pub questions: Vec<quiz::QuestionHtml>,
}

/// Renders every page's markdown in parallel; unknown cross-references become diagnostics.
/// `theme_ids` are ids the templates use, which heading anchors must not take.
pub fn render_markdown(
    content: &Content,
    theme_ids: &BTreeSet<String>,
) -> (Vec<RenderedPage>, Vec<Diagnostic>) {
    let results: Vec<(RenderedPage, Vec<Diagnostic>)> = (0..content.pages.len())
        .into_par_iter()
        .map(|i| render_page(content, theme_ids, i))
        .collect();
    let mut pages = Vec::with_capacity(results.len());
    let mut errors = Vec::new();
    for (p, e) in results {
        pages.push(p);
        errors.extend(e);
    }
    (pages, errors)
}

/// Renders the markdown of page `i`: its body, its framework elements' `about`, its questions.
pub fn render_page(
    content: &Content,
    theme_ids: &BTreeSet<String>,
    i: usize,
) -> (RenderedPage, Vec<Diagnostic>) {
    let page = &content.pages[i];
    let root = root_for(&page.path);
    let mut reserved = reserved_anchors(content, i);
    reserved.extend(theme_ids.iter().cloned());
    let mut errors = Vec::new();
    let source_dir = page.rel.rsplit_once('/').map_or("", |(dir, _)| dir);
    let cx = markdown::Context {
        content,
        root: &root,
        reserved: &reserved,
        file: &page.file,
        source: &page.source,
        offset: page.body_start,
        source_dir,
        asset_prefix: if page.is_section { "" } else { "../" },
    };
    let body = markdown::render(page.body(), &cx, &mut errors);
    let about = content
        .elements
        .iter()
        .filter(|e| e.page == i)
        .map(|e| {
            if e.about.is_empty() {
                return Rendered::default();
            }
            let cx = markdown::Context {
                offset: e.about_offset(&page.source),
                ..cx
            };
            markdown::render(&e.about, &cx, &mut errors)
        })
        .collect();
    let questions = content
        .quizzes
        .iter()
        .find(|q| q.page == i)
        .map(|q| quiz::render_questions(q, &cx, &mut errors))
        .unwrap_or_default();
    (
        RenderedPage {
            body,
            about,
            questions,
        },
        errors,
    )
}

/// Anchors a page's template will use for its own items, so headings do not collide with them.
fn reserved_anchors(content: &Content, page: usize) -> BTreeSet<String> {
    let mut set = BTreeSet::new();
    for c in content.competencies.iter().filter(|c| c.page == page) {
        set.insert(ids::anchor(&c.id));
        set.extend(c.objectives.iter().map(|o| ids::anchor(&o.id)));
    }
    for e in content.elements.iter().filter(|e| e.page == page) {
        set.insert(ids::anchor(&e.id));
    }
    for r in &content.resources {
        if r.page == page || content.library == Some(page) {
            set.insert(ids::resource_anchor(r.record.key()));
        }
    }
    set.insert("main".into());
    set
}
