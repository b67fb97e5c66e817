//! Inline markdown: `@` cross-references resolved to links, footnote references, asset URLs,
//! and the plain text the events carry.

use std::collections::BTreeMap;
use std::ops::Range;

use pulldown_cmark::{Event, LinkType, Tag, TagEnd};

use super::links::{asset_url, footnote_id, resolve, with_dest};
use super::Context;
use crate::diagnostic::Diagnostic;

/// Pushes inline events, resolving `@` links; accumulates plain text.
pub(super) fn push_inline<'a>(
    events: &[(Event<'a>, Range<usize>)],
    cx: &Context,
    notes: &BTreeMap<String, usize>,
    errors: &mut Vec<Diagnostic>,
    out: &mut Vec<Event<'a>>,
    text: &mut String,
) {
    let mut i = 0;
    while i < events.len() {
        let (event, range) = &events[i];
        if let Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) = event
        {
            if let Some(reference) = dest_url.strip_prefix('@') {
                let end = find_end(events, i);
                let inner = &events[i + 1..end];
                let inner_text = plain_text(inner.iter().map(|(e, _)| e));
                let shortcut = matches!(
                    link_type,
                    LinkType::ShortcutUnknown
                        | LinkType::CollapsedUnknown
                        | LinkType::ReferenceUnknown
                ) || inner_text.trim().is_empty()
                    || inner_text.trim() == dest_url.as_ref();
                match resolve(reference, cx) {
                    Ok((href, label, tooltip)) => {
                        if cx.html {
                            out.push(Event::Start(Tag::Link {
                                link_type: LinkType::Inline,
                                dest_url: format!("{}{}", cx.root, href).into(),
                                title: tooltip.unwrap_or_else(|| title.to_string()).into(),
                                id: id.clone(),
                            }));
                        }
                        if shortcut {
                            text.push_str(&label);
                            if cx.html {
                                out.push(Event::Text(label.into()));
                            }
                        } else {
                            push_inline(inner, cx, notes, errors, out, text);
                        }
                        if cx.html {
                            out.push(Event::End(TagEnd::Link));
                        }
                    }
                    Err((message, hint)) => {
                        let span = cx.offset + range.start..cx.offset + range.end;
                        let target = reference
                            .trim_start_matches('/')
                            .split('#')
                            .next()
                            .unwrap_or("");
                        if !cx.content.is_broken(target) {
                            errors.push(
                                Diagnostic::new(message)
                                    .at(cx.file, cx.source, span)
                                    .hint(hint),
                            );
                        }
                        if shortcut {
                            if cx.html {
                                out.push(Event::Text(reference.to_string().into()));
                            }
                        } else {
                            push_inline(inner, cx, notes, errors, out, text);
                        }
                    }
                }
                i = end + 1;
                continue;
            }
        }
        if !cx.html {
            // Only the text is wanted.
            match event {
                Event::Text(t) | Event::Code(t) => text.push_str(t),
                Event::SoftBreak | Event::HardBreak => text.push(' '),
                _ => {}
            }
            i += 1;
            continue;
        }
        if let Event::FootnoteReference(name) = event {
            let n = notes.get(name.as_ref()).copied().unwrap_or(0);
            out.push(Event::Html(
                format!(
                    "<sup class=\"footnote-reference\"><a href=\"#{}\">{n}</a></sup>",
                    footnote_id(name)
                )
                .into(),
            ));
            i += 1;
            continue;
        }
        if let Event::Start(tag @ (Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. })) =
            event
        {
            if let Some(url) = asset_url(dest_url, cx) {
                out.push(Event::Start(with_dest(tag, url)));
                i += 1;
                continue;
            }
        }
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            _ => {}
        }
        out.push(event.clone());
        i += 1;
    }
}

/// Index of the End event matching the Start at `start`.
pub(super) fn find_end(events: &[(Event, Range<usize>)], start: usize) -> usize {
    let mut depth = 0usize;
    for (j, (e, _)) in events.iter().enumerate().skip(start) {
        match e {
            Event::Start(_) => depth += 1,
            Event::End(_) => {
                depth -= 1;
                if depth == 0 {
                    return j;
                }
            }
            _ => {}
        }
    }
    events.len() - 1
}

pub(super) fn plain_text<'a>(events: impl Iterator<Item = &'a Event<'a>>) -> String {
    let mut s = String::new();
    for e in events {
        match e {
            Event::Text(t) | Event::Code(t) => s.push_str(t),
            Event::SoftBreak | Event::HardBreak => s.push(' '),
            _ => {}
        }
    }
    s
}
