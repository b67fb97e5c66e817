//! Where links go: cross-references by ID (`@SMS-4.2`), links to content files
//! (`@/modules/intro.md#anchor`), files beside a page (images), and footnote anchors.

use std::collections::BTreeMap;
use std::ops::Range;

use pulldown_cmark::{Event, Tag};

use super::{escape_html, Context};
use crate::content::slugify;

/// Resolves `SMS-4.2`, `lorig-2014`, or `/path/file.md#anchor` to (href, label, tooltip).
pub(super) fn resolve(
    reference: &str,
    cx: &Context,
) -> Result<(String, String, Option<String>), (String, String)> {
    let content = cx.content;
    if reference.trim().is_empty() {
        return Err((
            "empty cross-reference".to_string(),
            "write an ID or resource key after `@`, e.g. `[@SMS-1.2]`".to_string(),
        ));
    }
    if let Some(path) = reference.strip_prefix('/') {
        let (file, anchor) = match path.split_once('#') {
            Some((f, a)) => (f, Some(a)),
            None => (path, None),
        };
        return match content.page_by_rel(file) {
            Some(page) => {
                let href = match anchor {
                    Some(a) => format!("{}#{a}", page.href()),
                    None => page.href(),
                };
                Ok((href, page.title().to_string(), None))
            }
            None => {
                let index = format!("{}/_index.md", file.trim_end_matches('/'));
                let rels = content.by_rel.keys().map(String::as_str);
                let hint = if content.by_rel.contains_key(&index) {
                    format!("link to a section by its `_index.md`: `@/{index}`")
                } else {
                    match crate::diagnostic::closest(file, rels) {
                        Some(near) => format!("did you mean `@/{near}`?"),
                        None => "link to a file under `content/`, e.g. `@/modules/_index.md`"
                            .to_string(),
                    }
                };
                Err((format!("link to unknown content file `{file}`"), hint))
            }
        };
    }
    match content.ids.get(reference) {
        Some(&target) => {
            let (href, label) = content.target_link(target);
            Ok((href, label, Some(content.target_title(target))))
        }
        None => {
            let hint = match crate::diagnostic::closest(reference, content.ids.keys().map(String::as_str)) {
                Some(near) => format!("did you mean `{near}`?"),
                None => "cross-references name a competency (`SMS-1`), objective (`SMS-1.2`), framework element (`GP-1`) or resource key".to_string(),
            };
            Err((format!("unknown cross-reference `{reference}`"), hint))
        }
    }
}

/// The same link or image with another destination.
pub(super) fn with_dest<'a>(tag: &Tag<'a>, url: String) -> Tag<'a> {
    match tag.clone() {
        Tag::Link {
            link_type,
            title,
            id,
            ..
        } => Tag::Link {
            link_type,
            dest_url: url.into(),
            title,
            id,
        },
        Tag::Image {
            link_type,
            title,
            id,
            ..
        } => Tag::Image {
            link_type,
            dest_url: url.into(),
            title,
            id,
        },
        other => other,
    }
}

/// Footnote numbers, in the order their first reference (or their definition) appears.
pub(super) fn number_footnotes(events: &[(Event, Range<usize>)]) -> BTreeMap<String, usize> {
    let mut notes = BTreeMap::new();
    for (e, _) in events {
        if let Event::FootnoteReference(name) | Event::Start(Tag::FootnoteDefinition(name)) = e {
            let next = notes.len() + 1;
            notes.entry(name.to_string()).or_insert(next);
        }
    }
    notes
}

pub(super) fn footnote_id(name: &str) -> String {
    let slug = slugify(name);
    format!(
        "fn-{}",
        if slug.is_empty() {
            escape_html(name)
        } else {
            slug
        }
    )
}

/// A relative link to a file that sits beside the page under `content/` (an image, a PDF),
/// adjusted for where the page is written.
pub(super) fn asset_url(dest: &str, cx: &Context) -> Option<String> {
    if dest.is_empty() || dest.starts_with(['/', '#', '@', '?']) || dest.contains(':') {
        return None;
    }
    let path = dest.split(['#', '?']).next().unwrap_or(dest);
    let mut parts: Vec<&str> = cx.source_dir.split('/').filter(|p| !p.is_empty()).collect();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    let joined = parts.join("/");
    cx.content
        .assets
        .contains(&joined)
        .then(|| format!("{}{dest}", cx.asset_prefix))
}
