//! The variables a template gets: those of every page (`site`, breadcrumbs, the page's title
//! and path) and those of a content page (`page` or `section`, with the items of its kind).

use serde::Serialize;

use super::context::{
    self, competency_ctx, ElementCtx, Link, PageCtx, TaughtObjective, TaxonomyTerms, TermLink,
};
use super::{listing, progress, quiz, root_for, Renderer};
use crate::content::{ids, Kind};

#[derive(Serialize)]
struct SiteCtx<'a> {
    title: &'a str,
    description: &'a str,
    language: &'a str,
    base_url: &'a str,
    extra: &'a toml::Table,
    menu: Vec<MenuCtx>,
    taxonomies: Vec<TaxonomyCtx>,
}

#[derive(Serialize)]
struct MenuCtx {
    title: String,
    href: String,
    active: bool,
}

#[derive(Serialize)]
struct TaxonomyCtx {
    name: String,
    title: String,
    href: String,
}

impl Renderer<'_> {
    /// Variables every template gets. `parent` is the page whose ancestors form the breadcrumbs.
    pub(super) fn base_context(
        &self,
        path: &str,
        title: &str,
        description: &str,
        page: Option<usize>,
    ) -> tera::Context {
        let mut ctx = tera::Context::new();
        let root = root_for(path);
        let current_href = format!("{path}index.html");
        let menu: Vec<_> = self
            .config
            .menu
            .iter()
            .filter_map(|m| {
                let target = self.content.page_by_rel(m.page.get_ref())?;
                let active = !target.path.is_empty() && path.starts_with(&target.path)
                    || target.path == path;
                Some((m, target, active))
            })
            .collect();
        let active: Vec<bool> = menu.iter().map(|(_, _, a)| *a).collect();
        let mut sites = self
            .site_values
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let site = sites.entry(active).or_insert_with(|| {
            let menu = menu
                .iter()
                .map(|(m, target, active)| MenuCtx {
                    title: m.title.clone(),
                    href: target.href(),
                    active: *active,
                })
                .collect();
            let taxonomies = self
                .config
                .taxonomies
                .iter()
                .map(|t| TaxonomyCtx {
                    name: t.name.get_ref().clone(),
                    title: t.title.clone(),
                    href: format!("{}/index.html", t.name.get_ref()),
                })
                .collect();
            context::value(&SiteCtx {
                title: &self.config.title,
                description: &self.config.description,
                language: &self.config.language,
                base_url: self.config.base_url.get_ref(),
                extra: &self.config.extra,
                menu,
                taxonomies,
            })
        });
        ctx.insert_value("site", site.clone());
        drop(sites);
        let breadcrumbs: Vec<Link> = match page {
            Some(p) => {
                let mut chain: Vec<Link> = self
                    .content
                    .ancestors(p)
                    .into_iter()
                    .map(|a| self.views.link(a))
                    .collect();
                // Generated listings hang below `page` itself.
                if self.content.pages[p].path != path {
                    chain.push(self.views.link(p));
                }
                chain
            }
            None if path.is_empty() => Vec::new(),
            None => vec![self.views.link(self.content.home)],
        };
        ctx.insert("root", &root);
        ctx.insert("current_href", &current_href);
        ctx.insert("breadcrumbs", &breadcrumbs);
        ctx.insert("page_title", title);
        ctx.insert("description", description);
        ctx
    }

    pub(super) fn page_context(&self, i: usize, ctx: &mut tera::Context) {
        let content = self.content;
        let page = &content.pages[i];
        let rendered = &self.rendered[i];
        let body = &rendered.body;
        // Moved into the page's value, not copied; [`Renderer::take_back_body`] returns it.
        let html = std::mem::take(&mut *rendered.html());
        let word_count = rendered.words;
        let resources_of = |keys: &[toml::Spanned<String>]| -> Vec<usize> {
            keys.iter()
                .filter_map(|k| content.resource(k.get_ref()))
                .collect()
        };
        let teaches = page
            .meta
            .teaches
            .iter()
            .filter_map(|t| {
                let (c, o) = content.objective(t.get_ref())?;
                let comp = &content.competencies[c];
                let obj = &comp.objectives[o];
                Some(TaughtObjective {
                    id: obj.id.clone(),
                    text: obj.text.clone(),
                    href: content
                        .target_link(crate::content::Target::Objective(c, o))
                        .0,
                    competency_id: comp.id.clone(),
                    competency_title: comp.title.clone(),
                })
            })
            .collect();
        let (prev, next) = match page.parent {
            Some(s) if !page.is_section => {
                let siblings = &content.pages[s].pages;
                let pos = siblings.iter().position(|&x| x == i);
                let at = |d: isize| {
                    pos.and_then(|p| siblings.get(p.checked_add_signed(d)?))
                        .map(|&x| self.views.link(x))
                };
                (at(-1), at(1))
            }
            _ => (None, None),
        };
        let taxonomies = self
            .config
            .taxonomies
            .iter()
            .filter_map(|t| {
                let name = t.name.get_ref();
                let terms = page
                    .meta
                    .taxonomies
                    .iter()
                    .find(|(n, _)| n.get_ref() == name)?
                    .1;
                Some(TaxonomyTerms {
                    name: name.clone(),
                    title: t.title.clone(),
                    terms: terms
                        .iter()
                        .map(|term| TermLink {
                            name: term.get_ref().clone(),
                            href: context::term_href(
                                name,
                                &crate::content::slugify(term.get_ref()),
                            ),
                        })
                        .collect(),
                })
            })
            .collect();
        let page_ctx = PageCtx {
            title: &page.meta.title,
            description: &page.meta.description,
            kind: page.kind().name(),
            href: page.href(),
            summary: &self.views.summaries[i].summary,
            toc: &body.toc,
            show_toc: page.meta.toc.unwrap_or(true) && !body.toc.is_empty(),
            date: page.meta.date.as_ref().map(|d| d.get_ref().to_string()),
            weight: page.meta.weight,
            draft: page.meta.draft,
            word_count,
            reading_minutes: word_count.div_ceil(200).max(1),
            extra: &page.meta.extra,
            taxonomies,
            teaches,
            prev,
            next,
            section: page.parent.map(|s| self.views.link(s)),
        };
        let views = self.views;
        let resources = if page.kind() == Kind::Resources {
            Vec::new()
        } else {
            resources_of(&page.meta.resources)
        };
        let page_value = context::value_with(
            &page_ctx,
            [
                ("resources", views.resource_list(resources)),
                (
                    "sources",
                    views.resource_list(resources_of(&page.meta.sources)),
                ),
                ("pages", views.summary_list(page.pages.iter().copied())),
                (
                    "subsections",
                    views.summary_list(page.subsections.iter().copied()),
                ),
                ("content", tera::Value::String(html)),
            ],
        );
        match page.kind() {
            Kind::Competency => {
                if let Some(c) = self.reserved.competency_on(i) {
                    ctx.insert("competency", &competency_ctx(content, self.views, c));
                }
            }
            Kind::Framework => {
                let elements: Vec<ElementCtx> = self
                    .reserved
                    .elements_on(i)
                    .iter()
                    .map(|&e| &content.elements[e])
                    .zip(&rendered.about)
                    .map(|(e, about)| ElementCtx {
                        id: e.id.clone(),
                        anchor: ids::anchor(&e.id),
                        name: e.name.clone(),
                        text: e.text.clone(),
                        about: about.html.clone(),
                    })
                    .collect();
                ctx.insert("elements", &elements);
            }
            Kind::Resources => {
                let mut list: Vec<usize> = self.reserved.resources_on(i).to_vec();
                list.extend(resources_of(&page.meta.resources));
                ctx.insert_value("resources", self.views.resource_list(list));
            }
            Kind::Library => ctx.insert("library", &listing::library(self)),
            Kind::CurriculumMap => ctx.insert("map", &listing::curriculum_map(self)),
            Kind::Progress => ctx.insert("progress", &progress::progress(content, self.views)),
            Kind::Quiz => {
                if let Some(q) = self.reserved.quiz_on(i) {
                    let q = &content.quizzes[q];
                    ctx.insert("quiz", &quiz::view(content, q, &rendered.questions));
                }
            }
            Kind::Page | Kind::Section => {}
        }
        ctx.insert_value(value_key(page.is_section), page_value);
    }

    /// Gives page `i`'s body HTML back from `ctx`, its context, once the page is rendered: the
    /// checks read it next (and `serve` keeps it for the next build).
    pub(super) fn take_back_body(&self, i: usize, mut ctx: tera::Context) {
        let key = value_key(self.content.pages[i].is_section);
        if let Some(tera::Value::Object(mut value)) = ctx.remove(key) {
            if let Some(tera::Value::String(html)) = value.remove("content") {
                self.rendered[i].set_html(html);
            }
        }
    }
}

/// The name of a content page's own value in its template: `section` or `page`.
fn value_key(is_section: bool) -> &'static str {
    if is_section {
        "section"
    } else {
        "page"
    }
}
