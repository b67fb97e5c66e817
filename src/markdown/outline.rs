//! A page's outline: the table of contents of its `##` and `###` headings, and its plain text
//! cut into the sections search lands readers on.

use std::ops::Range;

use pulldown_cmark::HeadingLevel;

/// A heading in the table of contents.
#[derive(Clone, Debug, serde::Serialize, PartialEq, Eq)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub title: String,
    pub children: Vec<Heading>,
}

#[derive(Debug, Default, Clone)]
pub struct TextSection {
    pub id: String,
    pub title: String,
    /// Where its text is in the page's `text` (see [`super::Rendered::section_text`]).
    pub range: Range<usize>,
}

/// `range` within `text`, without the whitespace at either end.
fn trimmed(text: &str, range: Range<usize>) -> Range<usize> {
    let piece = &text[range.clone()];
    let start = range.start + (piece.len() - piece.trim_start().len());
    let end = range.start + piece.trim_end().len();
    start..end.max(start)
}

/// `text` cut at each `##` heading (`cuts`: anchor, title and where it starts in `text`),
/// with the part before the first heading first.
pub(super) fn cut_sections(text: &str, cuts: Vec<(String, String, usize)>) -> Vec<TextSection> {
    let mut sections = Vec::with_capacity(cuts.len() + 1);
    let first = cuts.first().map_or(text.len(), |c| c.2);
    sections.push(TextSection {
        range: trimmed(text, 0..first),
        ..TextSection::default()
    });
    for (n, (id, title, start)) in cuts.iter().enumerate() {
        let end = cuts.get(n + 1).map_or(text.len(), |c| c.2);
        sections.push(TextSection {
            id: id.clone(),
            title: title.clone(),
            range: trimmed(text, *start..end),
        });
    }
    sections
}

pub(super) fn heading_number(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// The table of contents: `##` headings with their `###` children.
pub(super) fn nest(flat: Vec<(u8, String, String)>) -> Vec<Heading> {
    let mut toc: Vec<Heading> = Vec::new();
    for (level, id, title) in flat {
        let h = Heading {
            level,
            id,
            title,
            children: Vec::new(),
        };
        match level {
            2 => toc.push(h),
            3 => match toc.last_mut() {
                Some(parent) => parent.children.push(h),
                None => toc.push(h),
            },
            _ => {}
        }
    }
    toc
}
