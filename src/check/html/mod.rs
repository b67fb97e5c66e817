//! A small, linear HTML tokenizer for checking output pages: start and end tags with their
//! attributes and offsets, and text. It does not build a tree; comments, doctypes and the
//! insides of `<script>` and `<style>` are skipped.

mod attrs;

pub use attrs::{attr, decode_entities, heading_level, known};

#[derive(Debug, PartialEq, Eq)]
pub enum Token<'a> {
    /// `<name attrs>`: the raw attribute text, and where the `<` is.
    Start {
        name: &'a str,
        attrs: &'a str,
        at: usize,
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
            let tag_end = tag_end(bytes, name_start + name_len);
            self.pos = tag_end;
            if closing {
                return Some(Token::End { name, at: lt });
            }
            let attrs_end = if bytes.get(tag_end - 1) == Some(&b'>') {
                tag_end - 1
            } else {
                tag_end
            };
            let mut attrs = &html[name_start + name_len..attrs_end];
            if attrs.ends_with('/') {
                attrs = attrs.trim_end_matches('/');
            }
            if name.eq_ignore_ascii_case("script") {
                self.raw = Some("</script");
            } else if name.eq_ignore_ascii_case("style") {
                self.raw = Some("</style");
            }
            return Some(Token::Start {
                name,
                attrs,
                at: lt,
            });
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
                    attrs: " class=\"a>b\"",
                    at: 15
                },
                Token::Text("Hi "),
                Token::Start {
                    name: "a",
                    attrs: " href='x.html'",
                    at: 43
                },
                Token::Text("y"),
                Token::End { name: "a", at: 61 },
                Token::End { name: "p", at: 65 },
                Token::Start {
                    name: "script",
                    attrs: "",
                    at: 69
                },
                Token::End {
                    name: "script",
                    at: 88
                },
                Token::Start {
                    name: "br",
                    attrs: "",
                    at: 97
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
        let end = |html: &str| tag_end(html.as_bytes(), 2);
        assert_eq!(end("<a title=\"x>y\" data-q='\">' href=z>rest"), 34);
        assert_eq!(end("<a title='it\"s'>"), 16);
        assert_eq!(end("<a>"), 3);
        // An unclosed quote or tag runs to the end of the page.
        assert_eq!(end("<a title=\"x>"), 12);
        assert_eq!(end("<a href=x"), 9);
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
