//! Markdown to HTML with pulldown-cmark: cross-references by ID, stable heading anchors, a table
//! of contents, highlighted code, and the plain text of the page.

mod highlight;
mod inline;
mod links;
mod outline;

use rustc_hash::FxHashSet;
use std::collections::BTreeSet;
use std::ops::Range;

use pulldown_cmark::{BrokenLink, CodeBlockKind, CowStr, Event, Options, Parser, Tag, TagEnd};

pub use highlight::stylesheet as highlight_stylesheet;
use inline::{find_end, push_inline};
use links::{footnote_id, number_footnotes};
use outline::{cut_sections, heading_number, nest};
pub use outline::{Heading, TextSection};

use crate::content::{slugify, Content};
use crate::diagnostic::Diagnostic;

/// A rendered piece of markdown.
#[derive(Debug, Default)]
pub struct Rendered {
    pub html: String,
    pub toc: Vec<Heading>,
    /// Plain text, for word counts and summaries.
    pub text: String,
    /// Plain text before `<!-- more -->`, if the marker is present.
    pub summary: Option<String>,
    /// The text cut at each `##` heading: the part before the first one (empty id and title),
    /// then one part per heading. Search lands readers on these.
    pub sections: Vec<TextSection>,
}

impl Rendered {
    /// The plain text of one of this page's `sections`.
    pub fn section_text(&self, section: &TextSection) -> &str {
        &self.text[section.range.clone()]
    }
}

/// The number of words of `text`: `text.split_whitespace().count()`, without making the
/// slices.
pub fn count_words(text: &str) -> usize {
    let bytes = text.as_bytes();
    if text.is_ascii() {
        // `char::is_whitespace` for ASCII: space, and tab to carriage return. A word starts
        // wherever a space is followed by anything else. Counted in byte-sized sums over runs
        // of 255 pairs, which compilers turn into wide instructions.
        let space = |b: u8| u8::from((b == b' ') | (b.wrapping_sub(b'\t') <= b'\r' - b'\t'));
        let first = bytes.first().is_some_and(|&b| space(b) == 0);
        let Some(rest) = bytes.get(1..) else {
            return 0;
        };
        let starts: usize = bytes
            .chunks(255)
            .zip(rest.chunks(255))
            .map(|(before, here)| {
                let run = before
                    .iter()
                    .zip(here)
                    .fold(0u8, |n, (&a, &b)| n + (space(a) & (space(b) ^ 1)));
                usize::from(run)
            })
            .sum();
        return usize::from(first) + starts;
    }
    let mut words = 0;
    let mut after_space = true;
    for c in text.chars() {
        let space = c.is_whitespace();
        words += usize::from(after_space && !space);
        after_space = space;
    }
    words
}

/// What a piece of markdown is rendered against.
#[derive(Clone, Copy)]
pub struct Context<'a> {
    pub content: &'a Content,
    /// Relative path from the page being rendered to the site root.
    pub root: &'a str,
    /// Anchors already used on the page (objectives, elements, resources): headings avoid them.
    pub reserved: Taken<'a>,
    /// The file the markdown comes from, its whole text, and where the markdown starts in it.
    pub file: &'a std::path::Path,
    pub source: &'a str,
    pub offset: usize,
    /// The page's folder under `content/` (`modules/intro`), and what to put before a relative
    /// link to a file in it: `../` for a page (rendered one folder deeper), nothing for a section.
    pub source_dir: &'a str,
    pub asset_prefix: &'a str,
    /// Whether to make the HTML. Without it, rendering yields the text, TOC, summary and
    /// sections only (and the same problems): a build that renders each page's HTML again
    /// just before writing the page needs no more up front.
    pub html: bool,
}

/// Anchors a page's headings must leave alone: a set every page shares (the theme's ids) and
/// lists of the page's own (its items' anchors; on the library page, every resource's).
/// Borrowed, not merged into a new set per page.
#[derive(Clone, Copy)]
pub struct Taken<'a> {
    pub shared: &'a BTreeSet<String>,
    pub lists: [&'a [String]; 2],
}

impl Taken<'_> {
    fn contains(&self, anchor: &str) -> bool {
        self.shared.contains(anchor) || self.lists.iter().any(|l| l.iter().any(|a| a == anchor))
    }
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES
}

pub fn escape_html(s: &str) -> String {
    // Most strings a template prints (paths, titles) have nothing to escape.
    if !s.bytes().any(|b| entity(b).is_some()) {
        return s.to_string();
    }
    let mut out = Vec::with_capacity(s.len() + 16);
    // Writing into a Vec cannot fail.
    let _ = escape_html_into(s, &mut out);
    // Every byte that needs escaping is ASCII, so the text between them is whole UTF-8.
    String::from_utf8(out).unwrap_or_default()
}

/// Writes `s` escaped into `out`: the same bytes as [`escape_html`], without making a string
/// of them first (Tera writes every `{{ value }}` of a template this way).
pub fn escape_html_into(s: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let bytes = s.as_bytes();
    let mut done = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if let Some(entity) = entity(b) {
            out.write_all(&bytes[done..i])?;
            out.write_all(entity.as_bytes())?;
            done = i + 1;
        }
    }
    out.write_all(&bytes[done..])
}

#[inline]
fn entity(b: u8) -> Option<&'static str> {
    match b {
        b'&' => Some("&amp;"),
        b'<' => Some("&lt;"),
        b'>' => Some("&gt;"),
        b'"' => Some("&quot;"),
        b'\'' => Some("&#39;"),
        _ => None,
    }
}

/// The events of `markdown` with their byte ranges, parsed as [`render`] parses them: a
/// bracketed `[@ID]` is a link to `@ID`.
pub fn events(markdown: &str) -> Vec<(Event<'_>, Range<usize>)> {
    let mut callback = |link: BrokenLink| {
        let label = link.reference.trim();
        label
            .starts_with('@')
            .then(|| (CowStr::from(label.to_string()), CowStr::from("")))
    };
    let parser = Parser::new_with_broken_link_callback(markdown, options(), Some(&mut callback));
    parser.into_offset_iter().collect()
}

/// Renders `markdown`; problems (unknown cross-references) go to `errors`.
pub fn render(markdown: &str, cx: &Context, errors: &mut Vec<Diagnostic>) -> Rendered {
    let events = events(markdown);
    let notes = number_footnotes(&events);

    let mut out_events: Vec<Event> = Vec::with_capacity(events.len());
    let mut text = String::new();
    let mut summary = None;
    // Anchors this page's headings took.
    let mut used: FxHashSet<String> = FxHashSet::default();
    let mut flat: Vec<(u8, String, String)> = Vec::new();
    let mut cuts: Vec<(String, String, usize)> = Vec::new();
    let mut i = 0;
    while i < events.len() {
        let (event, _) = &events[i];
        match event {
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => {
                let end = find_end(&events, i);
                // Render the heading's inline content first: its title is the text a reader
                // sees, with cross-references already resolved.
                let mut inner_out = Vec::new();
                let mut title = String::new();
                push_inline(
                    &events[i + 1..end],
                    cx,
                    &notes,
                    errors,
                    &mut inner_out,
                    &mut title,
                );
                let title = title.trim().to_string();
                let mut anchor = match id {
                    Some(id) => id.to_string(),
                    None => {
                        let s = slugify(&title);
                        if s.is_empty() {
                            "section".to_string()
                        } else {
                            s
                        }
                    }
                };
                let taken =
                    |a: &str, used: &FxHashSet<String>| cx.reserved.contains(a) || used.contains(a);
                if taken(&anchor, &used) {
                    let base = anchor.clone();
                    let mut n = 1;
                    while taken(&anchor, &used) {
                        anchor = format!("{base}-{n}");
                        n += 1;
                    }
                }
                used.insert(anchor.clone());
                let lvl = heading_number(*level);
                flat.push((lvl, anchor.clone(), title.clone()));
                if lvl == 2 {
                    cuts.push((anchor.clone(), title.clone(), text.len()));
                }
                if cx.html {
                    let mut open = format!("<h{lvl} id=\"{}\"", escape_html(&anchor));
                    if !classes.is_empty() {
                        let cls: Vec<&str> = classes.iter().map(|c| c.as_ref()).collect();
                        open.push_str(&format!(" class=\"{}\"", escape_html(&cls.join(" "))));
                    }
                    for (k, v) in attrs {
                        open.push_str(&format!(
                            " {}=\"{}\"",
                            escape_html(k),
                            escape_html(v.as_deref().unwrap_or(""))
                        ));
                    }
                    open.push('>');
                    out_events.push(Event::Html(open.into()));
                    out_events.extend(inner_out);
                    out_events.push(Event::Html(format!("</h{lvl}>\n").into()));
                }
                text.push_str(&title);
                text.push('\n');
                i = end + 1;
                continue;
            }
            Event::Start(Tag::CodeBlock(kind)) if cx.html => {
                let end = find_end(&events, i);
                let code: String = events[i + 1..end]
                    .iter()
                    .filter_map(|(e, _)| match e {
                        Event::Text(t) => Some(t.as_ref()),
                        _ => None,
                    })
                    .collect();
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => {
                        info.split([' ', ',', '{']).next().unwrap_or("").to_string()
                    }
                    CodeBlockKind::Indented => String::new(),
                };
                out_events.push(Event::Html(code_block(&code, &lang).into()));
                i = end + 1;
                continue;
            }
            // Code is not part of the text: without HTML there is nothing to make of it.
            Event::Start(Tag::CodeBlock(_)) => {
                i = find_end(&events, i) + 1;
                continue;
            }
            Event::Html(h) | Event::InlineHtml(h)
                if h.trim() == "<!-- more -->" && summary.is_none() =>
            {
                summary = Some(text.trim().to_string());
            }
            // Without HTML, the rest only adds markup.
            Event::Start(Tag::FootnoteDefinition(_))
            | Event::End(TagEnd::FootnoteDefinition | TagEnd::Table)
            | Event::Start(Tag::Table(_))
                if !cx.html => {}
            // Footnote ids get a prefix so they cannot collide with heading anchors.
            Event::Start(Tag::FootnoteDefinition(name)) => {
                let n = notes.get(name.as_ref()).copied().unwrap_or(0);
                out_events.push(Event::Html(
                    format!(
                        "<div class=\"footnote-definition\" id=\"{}\"><sup class=\"footnote-definition-label\">{n}</sup>\n",
                        footnote_id(name)
                    )
                    .into(),
                ));
            }
            Event::End(TagEnd::FootnoteDefinition) => {
                out_events.push(Event::Html("</div>\n".into()));
            }
            // Wide tables scroll inside a region that a keyboard user can focus.
            Event::Start(Tag::Table(_)) => {
                out_events.push(Event::Html(
                    "<div class=\"table-wrap\" role=\"region\" aria-label=\"Table\" tabindex=\"0\">\n".into(),
                ));
                out_events.push(event.clone());
            }
            Event::End(TagEnd::Table) => {
                out_events.push(event.clone());
                out_events.push(Event::Html("</div>\n".into()));
            }
            _ => {
                let end = if matches!(event, Event::Start(Tag::Link { .. })) {
                    find_end(&events, i)
                } else {
                    i
                };
                push_inline(
                    &events[i..=end],
                    cx,
                    &notes,
                    errors,
                    &mut out_events,
                    &mut text,
                );
                if matches!(
                    event,
                    Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell)
                ) {
                    text.push('\n');
                }
                i = end + 1;
                continue;
            }
        }
        i += 1;
    }
    let mut html = String::new();
    if cx.html {
        html.reserve(markdown.len() * 3 / 2);
        pulldown_cmark::html::push_html(&mut html, out_events.into_iter());
    }
    let sections = cut_sections(&text, cuts);
    Rendered {
        html,
        toc: nest(flat),
        text,
        summary,
        sections,
    }
}

fn code_block(code: &str, lang: &str) -> String {
    let lang_attr = if lang.is_empty() {
        String::new()
    } else {
        format!(" class=\"language-{}\"", escape_html(lang))
    };
    let body = if lang.is_empty() {
        None
    } else {
        highlight::highlight(code, lang)
    };
    match body {
        Some(h) => {
            format!("<pre class=\"code\" tabindex=\"0\"><code{lang_attr}>{h}</code></pre>\n")
        }
        None => format!(
            "<pre class=\"code\" tabindex=\"0\"><code{lang_attr}>{}</code></pre>\n",
            escape_html(code)
        ),
    }
}

#[cfg(test)]
mod tests;
