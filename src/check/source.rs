//! What a page's markdown puts into its output, in order and with source positions: the links,
//! images, headings, tables and ids, so a problem found in the output can be reported at the
//! line the author wrote. Also the page's prose for readability, and the resources it cites.

use std::ops::Range;

use pulldown_cmark::{Event, LinkType, Tag, TagEnd};

use super::html::{self, Token};
use crate::content::{Content, Kind, Page};

/// Kinds of output elements that are matched, one by one and in order, with their source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cat {
    Link,
    Image,
    Heading,
    Table,
    Id,
}

pub const CATS: usize = 5;

/// A piece of markdown in a page's file: the body, or a framework element's `about`.
#[derive(Debug, Default)]
pub struct Region {
    /// Where the markdown starts in the file.
    pub offset: usize,
    /// Per category, the span in the file of each element, in output order.
    pub elements: [Vec<Range<usize>>; CATS],
}

/// Prose for readability: text with a paragraph separator between blocks, and where each run
/// of it starts in the file.
#[derive(Debug, Default)]
pub struct Prose {
    pub text: String,
    /// (offset in `text`, offset in the file), in order.
    pub segments: Vec<(usize, usize)>,
}

/// Ends a block of prose (a paragraph, a list item): a sentence never runs across it.
pub const BLOCK: char = '\u{2029}';

impl Prose {
    /// The file offset of `at`, an offset in `text`.
    pub fn source_offset(&self, at: usize) -> usize {
        let i = self.segments.partition_point(|s| s.0 <= at);
        match i.checked_sub(1).map(|i| self.segments[i]) {
            Some((text, file)) => file + (at - text),
            None => 0,
        }
    }

    fn push(&mut self, text: &str, file_offset: usize) {
        self.segments.push((self.text.len(), file_offset));
        self.text.push_str(text);
    }

    fn end_block(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with(BLOCK) {
            self.text.push(BLOCK);
        }
    }
}

#[derive(Debug, Default)]
pub struct PageSource {
    pub regions: Vec<Region>,
    pub prose: Prose,
    /// Keys and IDs cited with `[@...]` links.
    pub cited: Vec<String>,
}

/// Reads a page's markdown: the body and, on a framework page, each element's `about`.
pub fn page_source(content: &Content, i: usize) -> PageSource {
    let page = &content.pages[i];
    let mut out = PageSource::default();
    let mut pieces = vec![(page.body(), page.body_start)];
    if page.kind() == Kind::Framework {
        for e in content.elements.iter().filter(|e| e.page == i) {
            pieces.push((e.about.as_str(), e.about_offset(&page.source)));
        }
    }
    for (markdown, offset) in pieces {
        let mut region = Region {
            offset,
            ..Region::default()
        };
        read(page, markdown, offset, &mut region, &mut out);
        out.regions.push(region);
    }
    out
}

fn read(page: &Page, markdown: &str, offset: usize, region: &mut Region, out: &mut PageSource) {
    let quiet = page.kind() == Kind::Quiz;
    // Depth of elements whose text is not prose: code, tables, headings, images, `[@ID]` links.
    let mut skip = 0usize;
    let mut links: Vec<bool> = Vec::new();
    let push = |region: &mut Region, cat: Cat, r: &Range<usize>| {
        region.elements[cat as usize].push(offset + r.start..offset + r.end);
    };
    for (event, range) in crate::markdown::events(markdown) {
        match event {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                ..
            }) => {
                push(region, Cat::Link, &range);
                // `[@ID]` shows an ID or a citation, not prose.
                let citation = dest_url.starts_with('@')
                    && matches!(
                        link_type,
                        LinkType::ShortcutUnknown
                            | LinkType::CollapsedUnknown
                            | LinkType::ReferenceUnknown
                    );
                if let Some(target) = dest_url.strip_prefix('@') {
                    out.cited
                        .push(target.split('#').next().unwrap_or("").to_string());
                }
                links.push(citation);
                skip += usize::from(citation);
            }
            Event::End(TagEnd::Link) if links.pop() == Some(true) => {
                skip = skip.saturating_sub(1);
            }
            Event::Start(Tag::Image { .. }) => {
                push(region, Cat::Image, &range);
                skip += 1;
            }
            Event::Start(Tag::Heading { .. }) => {
                push(region, Cat::Heading, &range);
                push(region, Cat::Id, &range);
                skip += 1;
            }
            Event::Start(Tag::Table(_)) => {
                push(region, Cat::Table, &range);
                skip += 1;
            }
            Event::Start(Tag::CodeBlock(_)) => skip += 1,
            Event::Start(Tag::FootnoteDefinition(_)) => push(region, Cat::Id, &range),
            Event::FootnoteReference(_) => push(region, Cat::Link, &range),
            Event::Start(Tag::HtmlBlock) => raw_html(markdown, range, offset, region),
            Event::InlineHtml(_) => raw_html(markdown, range, offset, region),
            Event::End(TagEnd::Image | TagEnd::Heading(_) | TagEnd::Table | TagEnd::CodeBlock) => {
                skip = skip.saturating_sub(1)
            }
            Event::Text(t) if skip == 0 && !quiet => out.prose.push(&t, offset + range.start),
            Event::Code(_) | Event::SoftBreak | Event::HardBreak if skip == 0 && !quiet => {
                out.prose.push(" ", offset + range.start)
            }
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Item
                | TagEnd::BlockQuote(_)
                | TagEnd::FootnoteDefinition,
            ) => out.prose.end_block(),
            _ => {}
        }
    }
    out.prose.end_block();
}

/// The tags of raw HTML in markdown, which the output carries as they are.
fn raw_html(markdown: &str, range: Range<usize>, offset: usize, region: &mut Region) {
    let text = &markdown[range.clone()];
    for token in html::tokens(text) {
        let Token::Start {
            name, at, known, ..
        } = token
        else {
            continue;
        };
        let end = text[at..].find('>').map_or(text.len(), |e| at + e + 1);
        let span = offset + range.start + at..offset + range.start + end;
        let name = name.to_ascii_lowercase();
        let cat = match name.as_str() {
            "a" => Some(Cat::Link),
            "img" => Some(Cat::Image),
            "table" => Some(Cat::Table),
            n if html::heading_level(n).is_some() => Some(Cat::Heading),
            _ => None,
        };
        if let Some(cat) = cat {
            region.elements[cat as usize].push(span.clone());
        }
        if known.id.is_some() {
            region.elements[Cat::Id as usize].push(span);
        }
    }
}

/// The IDs and keys a piece of markdown cites with `@` (`[@key]`, `[text](@key)`): a quick scan
/// that needs no parse. It may also find an `@` in code; for finding unused resources that errs
/// on the side of calling a resource used.
pub fn cited(markdown: &str) -> impl Iterator<Item = String> + '_ {
    markdown.match_indices('@').filter_map(move |(at, _)| {
        let rest = &markdown[at + 1..];
        let len = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_')))
            .unwrap_or(rest.len());
        (len > 0).then(|| rest[..len].trim_end_matches('.').to_string())
    })
}
