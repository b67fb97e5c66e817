//! One linear pass over an output page: the ids it defines, the URLs it links to, and what its
//! markup does to readers of assistive technology (images without alt text, skipped heading
//! levels, a second h1, empty or vague links, tables without headers, duplicate ids).

use rustc_hash::FxHashSet;
use std::ops::Range;

use super::html::{self, Token};
use super::source::{Cat, CATS};

/// Where in the output something is: in which markdown region (if any), and which element of
/// its category it is there, counting from 0.
#[derive(Clone, Copy, Debug)]
pub struct Place {
    pub region: Option<usize>,
    pub cat: Option<Cat>,
    pub index: usize,
}

#[derive(Debug)]
pub struct Problem {
    pub rule: &'static str,
    pub message: String,
    pub hint: String,
    pub place: Place,
}

#[derive(Debug)]
pub struct Url {
    pub value: String,
    pub place: Place,
}

#[derive(Debug, Default)]
pub struct Scan {
    pub ids: FxHashSet<String>,
    pub urls: Vec<Url>,
    pub problems: Vec<Problem>,
    /// Per region, how many elements of each category the output has there.
    pub counts: Vec<[usize; CATS]>,
}

/// Link texts that say nothing about where a link goes.
const VAGUE: [&str; 13] = [
    "click here",
    "click",
    "here",
    "link",
    "this link",
    "read more",
    "more",
    "learn more",
    "this page",
    "this",
    "go",
    "more info",
    "info",
];

/// The most letters (not counting spaces) of any text in `VAGUE`.
const VAGUE_LETTERS: usize = 9;

struct OpenLink {
    place: Place,
    has_href: bool,
    label: Option<String>,
    /// Where the link's text starts in the text of the open links.
    text_from: usize,
    image_alt: bool,
}

struct OpenTable {
    place: Place,
    header_text: bool,
    headers: usize,
}

/// Scans `html`; `regions` are the byte ranges of the page's markdown in it, in order. Of the
/// URLs, only those `keep` returns true for (given the page's ids) are kept.
pub fn scan(
    html: &str,
    regions: &[Range<usize>],
    keep: impl Fn(&str, &FxHashSet<String>) -> bool,
) -> Scan {
    let mut out = Scan {
        counts: vec![[0; CATS]; regions.len()],
        ..Scan::default()
    };
    let mut region_at = 0;
    let mut heading_prev: Vec<u8> = vec![1; regions.len()];
    let mut template_prev = 1u8;
    let mut h1s = 0;
    let mut links: Vec<OpenLink> = Vec::new();
    // The text of the open links, one buffer for all: a link's text is its tail.
    let mut link_text = String::new();
    let mut tables: Vec<OpenTable> = Vec::new();
    let mut in_th = 0usize;
    // Most URLs are settled by `keep`: only those it keeps are copied.
    let mut urls = Vec::new();
    let problem = |out: &mut Scan, rule, message: String, hint: &str, place| {
        out.problems.push(Problem {
            rule,
            message,
            hint: hint.to_string(),
            place,
        })
    };
    for token in html::tokens(html) {
        match token {
            Token::Start {
                name, at, known, ..
            } => {
                while region_at < regions.len() && regions[region_at].end <= at {
                    region_at += 1;
                }
                let region = regions
                    .get(region_at)
                    .filter(|r| r.contains(&at))
                    .map(|_| region_at);
                let place = |out: &mut Scan, cat: Option<Cat>| {
                    let index = match (region, cat) {
                        (Some(r), Some(c)) => {
                            let n = &mut out.counts[r][c as usize];
                            *n += 1;
                            *n - 1
                        }
                        _ => 0,
                    };
                    Place { region, cat, index }
                };
                let name = if name.bytes().any(|b| b.is_ascii_uppercase()) {
                    std::borrow::Cow::Owned(name.to_ascii_lowercase())
                } else {
                    std::borrow::Cow::Borrowed(name)
                };
                let has_href = known.href.is_some();
                let level = html::heading_level(&name);
                let cat = match name.as_ref() {
                    "a" => Some(Cat::Link),
                    "img" => Some(Cat::Image),
                    "table" => Some(Cat::Table),
                    _ if level.is_some() => Some(Cat::Heading),
                    _ => None,
                };
                let here = place(&mut out, cat);
                if let Some(id) = known.id.map(html::decode_entities) {
                    let id_place = place(&mut out, Some(Cat::Id));
                    if !out.ids.insert(id.to_string()) {
                        problem(
                            &mut out,
                            "duplicate-id",
                            format!("the id `{id}` is used more than once on this page"),
                            "ids must be unique on a page: links to it and labels that refer to it reach only the first; rename one",
                            id_place,
                        );
                    }
                }
                // Only the values looked at are decoded.
                if let Some(v) = known.href {
                    urls.push((html::decode_entities(v), here));
                }
                if let Some(v) = known.src {
                    urls.push((html::decode_entities(v), here));
                }
                match name.as_ref() {
                    "a" => links.push(OpenLink {
                        place: here,
                        has_href,
                        label: known.label.map(|l| html::decode_entities(l).into_owned()),
                        text_from: link_text.len(),
                        image_alt: false,
                    }),
                    "img" => {
                        let alt = known.alt.map(html::decode_entities);
                        let decorative =
                            matches!(
                                known.role.map(html::decode_entities).as_deref(),
                                Some("presentation" | "none")
                            ) || known.aria_hidden.map(html::decode_entities).as_deref()
                                == Some("true");
                        match alt {
                            Some(a) if !a.trim().is_empty() => {
                                if let Some(l) = links.last_mut() {
                                    l.image_alt = true;
                                }
                            }
                            Some(_) if decorative => {}
                            _ => problem(
                                &mut out,
                                "image-alt",
                                "image without alt text".into(),
                                "describe what the image shows in the brackets: `![A nurse and a patient writing an action plan](plan.png)`",
                                here,
                            ),
                        }
                    }
                    "table" => tables.push(OpenTable {
                        place: here,
                        header_text: false,
                        headers: 0,
                    }),
                    "th" => {
                        in_th += 1;
                        if let Some(t) = tables.last_mut() {
                            t.headers += 1;
                        }
                    }
                    _ => {}
                }
                if let Some(level) = level {
                    if level == 1 {
                        h1s += 1;
                        if h1s > 1 {
                            problem(
                                &mut out,
                                "multiple-h1",
                                "more than one h1 heading on the page".into(),
                                "the page title is the page's h1; start headings in the body at `##`",
                                here,
                            );
                        }
                    }
                    let prev = match region {
                        Some(r) => &mut heading_prev[r],
                        None => &mut template_prev,
                    };
                    if level > *prev + 1 {
                        let hashes = "#".repeat(usize::from(*prev) + 1);
                        problem(
                            &mut out,
                            "heading-order",
                            format!("heading level skipped: h{level} after h{prev}", prev = *prev),
                            &format!("headings go down one level at a time; make this one `{hashes}` (h{})", *prev + 1),
                            here,
                        );
                    }
                    if level > 1 {
                        *prev = level;
                    }
                }
            }
            Token::End { name, .. } => {
                if name.eq_ignore_ascii_case("a") {
                    if let Some(link) = links.pop() {
                        check_link(&mut out, &link, &link_text[link.text_from..]);
                        if links.is_empty() {
                            link_text.clear();
                        }
                    }
                } else if name.eq_ignore_ascii_case("th") {
                    in_th = in_th.saturating_sub(1);
                } else if name.eq_ignore_ascii_case("table") {
                    if let Some(t) = tables.pop() {
                        if !t.header_text {
                            let message = if t.headers == 0 {
                                "table without a header row"
                            } else {
                                "table whose header row is empty"
                            };
                            problem(&mut out, "table-header", message.into(), "give the table a first row of column names, followed by a `| --- |` line", t.place);
                        }
                    }
                }
            }
            Token::Text(text) => {
                if !links.is_empty() {
                    link_text.push_str(text);
                }
                if in_th > 0 && !text.trim().is_empty() {
                    if let Some(t) = tables.last_mut() {
                        t.header_text = true;
                    }
                }
            }
        }
    }
    out.urls = urls
        .into_iter()
        .filter(|(url, _)| keep(url, &out.ids))
        .map(|(url, place)| Url {
            value: url.into_owned(),
            place,
        })
        .collect();
    // Scans are kept until every page is made.
    out.urls.shrink_to_fit();
    out
}

fn check_link(out: &mut Scan, link: &OpenLink, text: &str) {
    if !link.has_href {
        return;
    }
    let text = html::decode_entities(text);
    let shown = link.label.as_deref().unwrap_or(&text);
    let words = shown.trim_matches(|c: char| !c.is_alphanumeric());
    // Most link texts are longer than any vague one: no need to normalise those.
    if words
        .chars()
        .filter(|c| !c.is_whitespace())
        .nth(VAGUE_LETTERS)
        .is_some()
    {
        return;
    }
    let normal: String = words
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    let normal = normal.trim_matches(|c: char| !c.is_alphanumeric());
    if normal.is_empty() && !link.image_alt {
        out.problems.push(Problem {
            rule: "empty-link",
            message: "link without text".into(),
            hint: "write the words a reader should see in the brackets: `[the action-planning lesson](@/modules/plans.md)`".into(),
            place: link.place,
        });
    } else if VAGUE.contains(&normal) {
        out.problems.push(Problem {
            rule: "vague-link-text",
            message: format!("link text `{}` does not say where the link goes", shown.trim()),
            hint: "screen-reader users often list a page's links out of context: name the destination, e.g. `[the CDC's best-practice guide](...)`".into(),
            place: link.place,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_link_texts_skip_normalising_but_vague_ones_do_not() {
        let longest = VAGUE.iter().map(|v| v.replace(' ', "").len()).max();
        assert_eq!(longest, Some(VAGUE_LETTERS));
        let rules = |html: &str| -> Vec<&'static str> {
            scan(html, &[], |_, _| true)
                .problems
                .iter()
                .map(|p| p.rule)
                .collect()
        };
        assert_eq!(
            rules("<a href=x>  Learn\n  MORE… </a>"),
            ["vague-link-text"]
        );
        assert_eq!(rules("<a href=x>Click &amp; here</a>"), Vec::<&str>::new());
        assert_eq!(rules("<a href=x> … </a>"), ["empty-link"]);
        assert!(rules("<a href=x>the action-planning lesson</a>").is_empty());
        // Each link reads its own text; an outer one reads the inner one's too.
        assert_eq!(
            rules("<a href=x>Read <a href=y>here</a> about <b>it</b></a><a href=z>More</a>"),
            ["vague-link-text", "vague-link-text"]
        );
        assert_eq!(
            rules("<a href=x>Go <a href=y>to the lesson</a></a>"),
            Vec::<&str>::new()
        );
    }
}
