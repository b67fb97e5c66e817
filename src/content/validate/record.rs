//! Field rules of resource records that serde cannot express: ones that depend on the record's
//! kind, and the syntax of keys, DOIs and URLs.

use crate::content::{ids, Page, ResourceKind, ResourceRecord};
use crate::diagnostic::Diagnostics;

/// Field rules of a resource record that depend on its kind.
pub(super) fn check_record(p: &Page, r: &ResourceRecord, ds: &mut Diagnostics) {
    let key = r.key.get_ref();
    let kind = *r.kind.get_ref();
    if !ids::is_slug(key) {
        ds.push(
            p.error_at(format!("invalid resource key `{key}`"), r.key.span())
                .hint(
                    "use lower-case letters, digits and dashes, e.g. `lorig-2014-action-planning`",
                ),
        );
    }
    let authors = r.authors.get_ref();
    if authors.iter().any(|a| a.trim().is_empty()) {
        ds.push(
            p.error_at(
                format!("resource `{key}` has an empty author name"),
                r.authors.span(),
            )
            .hint("write each author as \"Surname, I.\" or an organisation name"),
        );
    } else if authors.is_empty() && !kind.year_optional() {
        ds.push(
            p.error_at(format!("resource `{key}` has no authors"), r.key.span())
                .hint("add `authors = [\"Surname, I.\"]` (an organisation name is fine); only web pages and policy documents may leave them out"),
        );
    }
    if r.title.get_ref().trim().is_empty() {
        ds.push(p.error_at(
            format!("resource `{key}` has an empty title"),
            r.title.span(),
        ));
    }
    if r.annotation.get_ref().trim().is_empty() {
        ds.push(
            p.error_at(
                format!("resource `{key}` has an empty annotation"),
                r.annotation.span(),
            )
            .hint("say in one line why this resource matters to a learner"),
        );
    }
    match &r.year {
        None if !kind.year_optional() => ds.push(
            p.error_at(
                format!(
                    "resource `{key}` of kind `{}` is missing `year`",
                    kind.name()
                ),
                r.key.span(),
            )
            .hint("add `year = 2014`; only web pages and policy documents may leave it out"),
        ),
        Some(y) if !(1500..=2100).contains(y.get_ref()) => ds.push(
            p.error_at(
                format!("resource `{key}` has an implausible year {}", y.get_ref()),
                y.span(),
            )
            .hint("write the four-digit year of publication"),
        ),
        _ => {}
    }
    if kind == ResourceKind::Article && r.journal.is_none() {
        ds.push(
            p.error_at(
                format!("resource `{key}` is an article but has no `journal`"),
                r.kind.span(),
            )
            .hint("add `journal = \"...\"`, or choose another kind"),
        );
    }
    if let Some(doi) = &r.doi {
        if !doi.get_ref().starts_with("10.") || doi.get_ref().contains(char::is_whitespace) {
            ds.push(
                p.error_at(
                    format!("resource `{key}` has an invalid DOI `{}`", doi.get_ref()),
                    doi.span(),
                )
                .hint("write the DOI alone, starting with `10.`, without `https://doi.org/`"),
            );
        }
    }
    if let Some(url) = &r.url {
        let u = url.get_ref();
        if !(u.starts_with("http://") || u.starts_with("https://"))
            || u.contains(char::is_whitespace)
        {
            ds.push(
                p.error_at(
                    format!("resource `{key}` has an invalid URL `{u}`"),
                    url.span(),
                )
                .hint("write a full URL starting with `https://` or `http://`"),
            );
        }
    }
}
