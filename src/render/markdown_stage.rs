//! The markdown stage: every page's body, framework elements' `about` and quiz questions,
//! rendered once and in parallel, before any template runs. Unknown cross-references found here
//! are reported with the build's other problems.

use std::collections::{BTreeSet, HashMap};
use std::sync::{Mutex, MutexGuard, PoisonError};

use rayon::prelude::*;

use super::{quiz, root_for};
use crate::content::{ids, Content};
use crate::diagnostic::Diagnostic;
use crate::markdown::{self, Rendered};

/// Markdown of every page, rendered once.
pub struct RenderedPage {
    /// The body; its HTML is kept apart, in `html`.
    pub body: Rendered,
    /// How many words the body's text has.
    pub words: usize,
    /// The body's HTML: rendered with the rest (`serve`), or left out and rendered just before
    /// its page is written, then let go (a build: [`Self::set_html`], [`Self::release_html`]).
    html: Mutex<String>,
    /// `about` of each framework element on the page.
    pub about: Vec<Rendered>,
    /// The questions of a quiz page.
    pub questions: Vec<quiz::QuestionHtml>,
}

impl RenderedPage {
    /// The body's HTML: empty when left out or released.
    pub fn html(&self) -> MutexGuard<'_, String> {
        self.html.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Gives the body its HTML, rendered late ([`body_html`]).
    pub fn set_html(&self, html: String) {
        *self.html() = html;
    }

    /// Lets the body's HTML go: once its page is written, a build no longer needs it.
    pub fn release_html(&self) {
        self.set_html(String::new());
    }
}

/// Renders every page's markdown in parallel; unknown cross-references become diagnostics.
/// `theme_ids` are ids the templates use, which heading anchors must not take. Without
/// `body_html`, page bodies get no HTML (see [`body_html`]). Returns the anchors each page
/// reserved, which rendering a body again needs.
pub fn render_markdown(
    content: &Content,
    theme_ids: &BTreeSet<String>,
    body_html: bool,
) -> (Vec<RenderedPage>, Reserved, Vec<Diagnostic>) {
    let reserved = Reserved::new(content, theme_ids);
    let results: Vec<(RenderedPage, Vec<Diagnostic>)> = (0..content.pages.len())
        .into_par_iter()
        .map(|i| render_page(content, &reserved, i, body_html))
        .collect();
    let mut pages = Vec::with_capacity(results.len());
    let mut errors = Vec::new();
    for (p, e) in results {
        pages.push(p);
        errors.extend(e);
    }
    (pages, reserved, errors)
}

/// The markdown context of page `i`'s body, handed to `f`.
fn with_context<T>(
    content: &Content,
    reserved: &Reserved,
    i: usize,
    html: bool,
    f: impl FnOnce(&markdown::Context) -> T,
) -> T {
    let page = &content.pages[i];
    let root = root_for(&page.path);
    f(&markdown::Context {
        content,
        root: &root,
        reserved: reserved.of(content, i),
        file: &page.file,
        source: &page.source,
        offset: page.body_start,
        source_dir: page.rel.rsplit_once('/').map_or("", |(dir, _)| dir),
        asset_prefix: if page.is_section { "" } else { "../" },
        html,
    })
}

/// The HTML of page `i`'s body, for a build whose markdown stage left it out: the same
/// rendering again, this time with its HTML (its problems were reported the first time).
pub fn body_html(content: &Content, reserved: &Reserved, i: usize) -> String {
    with_context(content, reserved, i, true, |cx| {
        markdown::render(content.pages[i].body(), cx, &mut Vec::new()).html
    })
}

/// Renders the markdown of page `i`: its body (with its HTML if `body_html`), its framework
/// elements' `about`, its questions.
pub fn render_page(
    content: &Content,
    reserved: &Reserved,
    i: usize,
    body_html: bool,
) -> (RenderedPage, Vec<Diagnostic>) {
    with_context(content, reserved, i, body_html, |cx| {
        let mut errors = Vec::new();
        let mut body = markdown::render(content.pages[i].body(), cx, &mut errors);
        let html = Mutex::new(std::mem::take(&mut body.html));
        // The text is kept for the whole build: without the room it grew into.
        body.text.shrink_to_fit();
        let words = markdown::count_words(&body.text);
        // The rest is small and always rendered in full.
        let cx = markdown::Context { html: true, ..*cx };
        let page = &content.pages[i];
        let about = reserved
            .elements_on(i)
            .iter()
            .map(|&e| {
                let e = &content.elements[e];
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
        let questions = reserved
            .quiz_on(i)
            .map(|q| quiz::render_questions(&content.quizzes[q], &cx, &mut errors))
            .unwrap_or_default();
        (
            RenderedPage {
                body,
                words,
                html,
                about,
                questions,
            },
            errors,
        )
    })
}

/// Anchors the templates use, which headings must not take: the theme's own ids, and each
/// page's ids for its items (competencies, objectives, framework elements, resources); and the
/// framework elements and quiz of each page, whose markdown is rendered with its body. Indexed
/// by page once, so that rendering every page stays linear in the size of the site.
pub struct Reserved {
    theme: BTreeSet<String>,
    by_page: HashMap<usize, Vec<String>>,
    /// Every resource's anchor: the library page lists them all.
    resources: Vec<String>,
    /// Indexes into `Content::elements`, `quizzes`, `competencies` and `resources`, by the
    /// page that holds them.
    elements: HashMap<usize, Vec<usize>>,
    quizzes: HashMap<usize, usize>,
    competencies: HashMap<usize, usize>,
    resources_on: HashMap<usize, Vec<usize>>,
}

impl Reserved {
    pub fn new(content: &Content, theme_ids: &BTreeSet<String>) -> Reserved {
        let mut by_page: HashMap<usize, Vec<String>> = HashMap::new();
        let mut competencies = HashMap::new();
        for (n, c) in content.competencies.iter().enumerate() {
            competencies.entry(c.page).or_insert(n);
            let list = by_page.entry(c.page).or_default();
            list.push(ids::anchor(&c.id));
            list.extend(c.objectives.iter().map(|o| ids::anchor(&o.id)));
        }
        let mut elements: HashMap<usize, Vec<usize>> = HashMap::new();
        for (n, e) in content.elements.iter().enumerate() {
            by_page.entry(e.page).or_default().push(ids::anchor(&e.id));
            elements.entry(e.page).or_default().push(n);
        }
        let mut quizzes = HashMap::new();
        for (n, q) in content.quizzes.iter().enumerate() {
            // A page holds one quiz; were there more, the first counts.
            quizzes.entry(q.page).or_insert(n);
        }
        let mut resources = Vec::new();
        let mut resources_on: HashMap<usize, Vec<usize>> = HashMap::new();
        for (n, r) in content.resources.iter().enumerate() {
            resources_on.entry(r.page).or_default().push(n);
            let anchor = ids::resource_anchor(r.record.key());
            by_page.entry(r.page).or_default().push(anchor.clone());
            if content.library.is_some() {
                resources.push(anchor);
            }
        }
        let mut theme = theme_ids.clone();
        // The skip link's target.
        theme.insert("main".into());
        Reserved {
            theme,
            by_page,
            resources,
            elements,
            quizzes,
            competencies,
            resources_on,
        }
    }

    /// The framework elements on page `page`, in order.
    pub fn elements_on(&self, page: usize) -> &[usize] {
        self.elements.get(&page).map_or(&[], Vec::as_slice)
    }

    /// The quiz of page `page`.
    pub fn quiz_on(&self, page: usize) -> Option<usize> {
        self.quizzes.get(&page).copied()
    }

    /// The competency page `page` states (the first, if it held more).
    pub fn competency_on(&self, page: usize) -> Option<usize> {
        self.competencies.get(&page).copied()
    }

    /// The resources listed on page `page`, in order.
    pub fn resources_on(&self, page: usize) -> &[usize] {
        self.resources_on.get(&page).map_or(&[], Vec::as_slice)
    }

    /// The anchors page `page` must leave to its template.
    fn of(&self, content: &Content, page: usize) -> markdown::Taken<'_> {
        let own = self.by_page.get(&page).map_or(&[][..], Vec::as_slice);
        let library = if content.library == Some(page) {
            self.resources.as_slice()
        } else {
            &[]
        };
        markdown::Taken {
            shared: &self.theme,
            lists: [own, library],
        }
    }
}
