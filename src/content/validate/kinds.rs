//! Each page's kind checked against its place (`_index.md` or not) and its front matter: the
//! fields its kind needs, and no fields of other kinds.

use crate::content::{Content, Kind};
use crate::diagnostic::Diagnostics;

/// Each kind in its place, with the fields it needs and no fields of other kinds.
pub(super) fn check_kinds(content: &Content, ds: &mut Diagnostics) {
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
        if let Some(date) = m.date.as_ref().filter(|d| d.get_ref().date.is_none()) {
            ds.push(
                p.error_at("`date` is a time of day without a day", date.span())
                    .hint(
                        "give the day the page was written or updated, such as `date = 2026-01-15`",
                    ),
            );
        }
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
        // `what` names the key or table to add, in backticks of its own.
        let missing = |field: &str, what: &str| {
            p.error_at(
                format!("missing `{field}` for kind `{}`", kind.name()),
                kind_span.clone(),
            )
            .hint(format!("add {what} to the front matter"))
        };
        match kind {
            Kind::Competency => {
                if m.id.is_none() {
                    ds.push(missing("id", "`id = \"SMS-1\"`"));
                }
                if m.statement.is_none() {
                    ds.push(missing("statement", "`statement = \"...\"`"));
                }
                if m.objectives.as_ref().is_none_or(|o| o.get_ref().is_empty()) {
                    ds.push(missing(
                        "objectives",
                        "an `[[objectives]]` table with an `id` and `text`",
                    ));
                }
            }
            Kind::Framework if m.elements.as_ref().is_none_or(|e| e.get_ref().is_empty()) => {
                ds.push(missing(
                    "elements",
                    "an `[[elements]]` table with an `id` and `text`",
                ));
            }
            Kind::Quiz
                if !p.rel.ends_with(".gift")
                    && m.questions.as_ref().is_none_or(|q| q.get_ref().is_empty()) =>
            {
                ds.push(missing(
                    "questions",
                    "a `[[questions]]` table with `id`, `type`, `objectives` and `prompt`",
                ));
            }
            _ => {}
        }
    }
}
