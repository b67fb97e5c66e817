//! A small, linear HTML tokenizer for checking output pages: start and end tags with their
//! attributes and offsets, and text. It does not build a tree; comments, doctypes and the
//! insides of `<script>` and `<style>` are skipped.

mod attrs;

pub use attrs::{decode_entities, heading_level, Known};

#[derive(Debug, PartialEq, Eq)]
pub enum Token<'a> {
    /// `<name attrs>`: where the `<` is, and the attributes the checks read.
    Start {
        name: &'a str,
        at: usize,
        known: Known<'a>,
    },
    End {
        name: &'a str,
        at: usize,
    },
    Text(&'a str),
}

pub struct Tokens<'a> {
    html: &'a str,
    pos: usize,
    /// Inside `<script>` or `<style>`: the end tag to skip to.
    raw: Option<&'static str>,
}

pub fn tokens(html: &str) -> Tokens<'_> {
    Tokens {
        html,
        pos: 0,
        raw: None,
    }
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        let html = self.html;
        let bytes = html.as_bytes();
        if let Some(end) = self.raw.take() {
            let rest = &html[self.pos..];
            self.pos += find_ascii_ci(rest, end).unwrap_or(rest.len());
        }
        loop {
            if self.pos >= html.len() {
                return None;
            }
            let start = self.pos;
            let Some(lt) = find_byte(b'<', &bytes[start..]).map(|i| start + i) else {
                self.pos = html.len();
                return Some(Token::Text(&html[start..]));
            };
            if lt > start {
                self.pos = lt;
                return Some(Token::Text(&html[start..lt]));
            }
            let (closing, name_start) = match bytes.get(lt + 1) {
                Some(b'!') if bytes[lt..].starts_with(b"<!--") => {
                    // `<!-->` closes at once, as in browsers.
                    self.pos = memchr::memmem::find(&bytes[lt + 2..], b"-->")
                        .map_or(html.len(), |i| lt + 2 + i + 3);
                    continue;
                }
                Some(b'!' | b'?') => {
                    self.pos =
                        memchr::memchr(b'>', &bytes[lt..]).map_or(html.len(), |i| lt + i + 1);
                    continue;
                }
                Some(b'/') => (true, lt + 2),
                _ => (false, lt + 1),
            };
            let name_len = bytes[name_start..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
                .count();
            if name_len == 0 {
                // A lone `<` in text.
                self.pos = lt + 1;
                return Some(Token::Text(&html[lt..lt + 1]));
            }
            let name = &html[name_start..name_start + name_len];
            if closing {
                self.pos = tag_end(bytes, name_start + name_len);
                return Some(Token::End { name, at: lt });
            }
            let (tag_end, known) = read_attrs(html, name_start + name_len);
            self.pos = tag_end;
            if name.len() == 6 && name.eq_ignore_ascii_case("script") {
                self.raw = Some("</script");
            } else if name.len() == 5 && name.eq_ignore_ascii_case("style") {
                self.raw = Some("</style");
            }
            return Some(Token::Start {
                name,
                at: lt,
                known,
            });
        }
    }
}

/// Reads a start tag from `i`, just past its name, to the `>` that closes it: the first one
/// outside quotes, as [`tag_end`] finds it. Returns the offset past that `>` (the end of the
/// page if there is none) and the attributes the checks read, in one pass over the tag.
fn read_attrs(html: &str, mut i: usize) -> (usize, Known<'_>) {
    let bytes = html.as_bytes();
    let len = bytes.len();
    let mut known = Known::default();
    // Past a quoted run that starts at `at`: to the end of the page if it is not closed.
    let skip_quoted =
        |at: usize| find_byte(bytes[at], &bytes[at + 1..]).map_or(len, |n| at + 1 + n + 1);
    loop {
        while i < len && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            i += 1;
        }
        let Some(&b) = bytes.get(i) else {
            return (len, known);
        };
        match b {
            b'>' => return (i + 1, known),
            // A quote where a name should be: skipped whole, as the tag's end is found.
            b'"' | b'\'' => {
                i = skip_quoted(i);
                continue;
            }
            _ => {}
        }
        let name_start = i;
        while i < len
            && !matches!(bytes[i], b'=' | b'>' | b'"' | b'\'')
            && !bytes[i].is_ascii_whitespace()
        {
            i += 1;
        }
        let name = &html[name_start..i];
        let mut j = i;
        while j < len && bytes[j].is_ascii_whitespace() {
            j += 1;
        }
        if bytes.get(j) != Some(&b'=') {
            known.note(name, "");
            continue;
        }
        j += 1;
        while j < len && bytes[j].is_ascii_whitespace() {
            j += 1;
        }
        match bytes.get(j) {
            Some(&q @ (b'"' | b'\'')) => match find_byte(q, &bytes[j + 1..]) {
                Some(n) => {
                    known.note(name, &html[j + 1..j + 1 + n]);
                    i = j + 1 + n + 1;
                }
                None => {
                    known.note(name, &html[j + 1..]);
                    return (len, known);
                }
            },
            _ => {
                let from = j;
                i = j;
                while i < len && bytes[i] != b'>' && !bytes[i].is_ascii_whitespace() {
                    if matches!(bytes[i], b'"' | b'\'') {
                        i = skip_quoted(i);
                    } else {
                        i += 1;
                    }
                }
                let mut value = &html[from..i];
                if i >= len || bytes[i] == b'>' {
                    value = value.trim_end_matches('/');
                }
                known.note(name, value);
            }
        }
    }
}

/// How many bytes a search looks at one by one before it hands over to `memchr`, whose setup
/// costs more than the short distances between most tags, quotes and brackets.
const SHORT: usize = 32;

/// The first `needle` in `hay`.
#[inline]
pub(super) fn find_byte(needle: u8, hay: &[u8]) -> Option<usize> {
    let head = hay.len().min(SHORT);
    match hay[..head].iter().position(|&b| b == needle) {
        Some(i) => Some(i),
        None => memchr::memchr(needle, &hay[head..]).map(|i| head + i),
    }
}

/// The first `>`, `"` or `'` in `hay`.
#[inline]
fn find_tag_byte(hay: &[u8]) -> Option<usize> {
    let head = hay.len().min(SHORT);
    match hay[..head]
        .iter()
        .position(|&b| matches!(b, b'>' | b'"' | b'\''))
    {
        Some(i) => Some(i),
        None => memchr::memchr3(b'>', b'"', b'\'', &hay[head..]).map(|i| head + i),
    }
}

/// The offset just past the `>` that closes a tag, skipping quoted attribute values.
fn tag_end(bytes: &[u8], mut i: usize) -> usize {
    while let Some(at) = find_tag_byte(&bytes[i..]) {
        let b = bytes[i + at];
        if b == b'>' {
            return i + at + 1;
        }
        // Skip to the closing quote; an unclosed one runs to the end.
        let from = i + at + 1;
        match find_byte(b, &bytes[from..]) {
            Some(len) => i = from + len + 1,
            None => return bytes.len(),
        }
    }
    bytes.len()
}

fn find_ascii_ci(haystack: &str, needle: &str) -> Option<usize> {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    let mut from = 0;
    while let Some(i) = memchr::memchr(n[0], &h[from..]) {
        let at = from + i;
        if h.len() >= at + n.len() && h[at..at + n.len()].eq_ignore_ascii_case(n) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_with_offsets_skipping_comments_and_scripts() {
        let html = "<!DOCTYPE html><p class=\"a>b\">Hi <!-- x --><a href='x.html'>y</a></p><script>if (a<b) {}</script><br/>";
        let toks: Vec<Token> = tokens(html).collect();
        assert_eq!(
            toks,
            vec![
                Token::Start {
                    name: "p",
                    at: 15,
                    known: Known::default(),
                },
                Token::Text("Hi "),
                Token::Start {
                    name: "a",
                    at: 43,
                    known: Known {
                        href: Some("x.html"),
                        ..Known::default()
                    },
                },
                Token::Text("y"),
                Token::End { name: "a", at: 61 },
                Token::End { name: "p", at: 65 },
                Token::Start {
                    name: "script",
                    at: 69,
                    known: Known::default(),
                },
                Token::End {
                    name: "script",
                    at: 88
                },
                Token::Start {
                    name: "br",
                    at: 97,
                    known: Known::default(),
                },
            ]
        );
    }

    #[test]
    fn comments_end_at_the_first_closing_mark_and_unclosed_ones_run_to_the_end() {
        let texts = |html: &str| -> Vec<String> {
            tokens(html)
                .map(|t| match t {
                    Token::Text(t) => t.to_string(),
                    Token::Start { name, .. } => format!("<{name}>"),
                    Token::End { name, .. } => format!("</{name}>"),
                })
                .collect()
        };
        assert_eq!(texts("a<!-->b"), ["a", "b"]);
        assert_eq!(texts("<!-- <p> -- -->c<br>"), ["c", "<br>"]);
        assert_eq!(texts("<?xml x?><!x>d"), ["d"]);
        assert_eq!(texts("e<!-- <p>"), ["e"]);
        assert_eq!(texts("f<!"), ["f"]);
    }

    #[test]
    fn a_tag_ends_at_the_first_gt_outside_quotes() {
        // Start tags are read with their attributes, end tags only to their end: both end at
        // the same place.
        let end = |html: &str| {
            let end = tag_end(html.as_bytes(), 2);
            assert_eq!(read_attrs(html, 2).0, end, "{html}");
            end
        };
        assert_eq!(end("<a title=\"x>y\" data-q='\">' href=z>rest"), 34);
        assert_eq!(end("<a title='it\"s'>"), 16);
        assert_eq!(end("<a>"), 3);
        assert_eq!(end("<a \"x>y\" href=z>"), 16);
        assert_eq!(end("<a b=c\"d>e\" f>"), 14);
        // An unclosed quote or tag runs to the end of the page.
        assert_eq!(end("<a title=\"x>"), 12);
        assert_eq!(end("<a href=x"), 9);
        assert_eq!(end("<a \"x>"), 6);
    }

    #[test]
    fn the_attributes_the_checks_read_quoted_unquoted_and_bare() {
        fn known(html: &str) -> Known<'_> {
            match tokens(html).next() {
                Some(Token::Start { known, .. }) => known,
                other => panic!("{other:?}"),
            }
        }
        assert_eq!(
            known("<img src = \"a&amp;b.png\" hidden data-x=1 alt='' role=none/>"),
            Known {
                src: Some("a&amp;b.png"),
                alt: Some(""),
                role: Some("none"),
                ..Known::default()
            }
        );
        assert_eq!(
            known("<A HREF=x.html/ ID=top aria-hidden>"),
            Known {
                href: Some("x.html/"),
                id: Some("top"),
                aria_hidden: Some(""),
                ..Known::default()
            }
        );
        assert_eq!(known("<a href=x.html/>").href, Some("x.html"));
        // The first of two wins, but `aria-label` wins over `title` and `aria-labelledby`.
        assert_eq!(
            known("<a id=a id=b title=t aria-label=l aria-labelledby=x>"),
            Known {
                id: Some("a"),
                label: Some("l"),
                ..Known::default()
            }
        );
        assert_eq!(known("<a title=t aria-labelledby=x>").label, Some("t"));
        assert_eq!(known("<a href=\"unclosed").href, Some("unclosed"));
    }

    #[test]
    fn byte_searches_find_the_first_match_near_or_far() {
        for len in [0, 1, 5, SHORT - 1, SHORT, SHORT + 1, 3 * SHORT] {
            for at in [0, 1, SHORT - 1, SHORT, SHORT + 7, 2 * SHORT] {
                let mut hay = vec![b'a'; len];
                if at < len {
                    hay[at] = b'<';
                    if at + 1 < len {
                        hay[at + 1] = b'<';
                    }
                }
                let expected = (at < len).then_some(at);
                assert_eq!(find_byte(b'<', &hay), expected, "{len} {at}");
                if at < len {
                    hay[at] = b'"';
                }
                assert_eq!(find_tag_byte(&hay), expected, "{len} {at}");
            }
        }
    }
}
