//! A small, linear HTML tokenizer for checking output pages: start and end tags with their
//! attributes and offsets, and text. It does not build a tree; comments, doctypes and the
//! insides of `<script>` and `<style>` are skipped.

use std::borrow::Cow;

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
fn find_byte(needle: u8, hay: &[u8]) -> Option<usize> {
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

/// The attributes of a start tag: (name, value with entities decoded); `None` for a bare name.
pub fn attrs(raw: &str) -> impl Iterator<Item = (&str, Option<Cow<'_, str>>)> {
    raw_attrs(raw).map(|(name, value)| (name, value.map(decode_entities)))
}

/// The attributes of a start tag: (name, value as written); `None` for a bare name.
fn raw_attrs(raw: &str) -> impl Iterator<Item = (&str, Option<&str>)> {
    let bytes = raw.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            i += 1;
        }
        if i >= bytes.len() {
            return None;
        }
        let start = i;
        while i < bytes.len() && !bytes[i].is_ascii_whitespace() && bytes[i] != b'=' {
            i += 1;
        }
        let name = &raw[start..i];
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        if bytes.get(i) != Some(&b'=') {
            return Some((name, None));
        }
        i += 1;
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let value = match bytes.get(i) {
            Some(&q @ (b'"' | b'\'')) => {
                let from = i + 1;
                let len = find_byte(q, &bytes[from..]).unwrap_or(bytes.len() - from);
                i = from + len + 1;
                &raw[from..from + len]
            }
            _ => {
                let from = i;
                while i < bytes.len() && !bytes[i].is_ascii_whitespace() {
                    i += 1;
                }
                &raw[from..i]
            }
        };
        Some((name, Some(value)))
    })
}

/// The attributes the checks read, from one pass over a start tag's attributes: their values
/// as written (the checks decode those they use, with [`decode_entities`]).
#[derive(Debug, Default)]
pub struct Known<'a> {
    pub id: Option<&'a str>,
    pub href: Option<&'a str>,
    pub src: Option<&'a str>,
    pub alt: Option<&'a str>,
    pub role: Option<&'a str>,
    pub aria_hidden: Option<&'a str>,
    /// `aria-label`, else `title`; `aria-labelledby` counts as a label too.
    pub label: Option<&'a str>,
}

pub fn known(raw: &str) -> Known<'_> {
    let mut k = Known::default();
    if raw.is_empty() {
        return k;
    }
    for (name, value) in raw_attrs(raw) {
        // Most attributes (`class`, `data-*`, most `aria-*`) are none of these: the length
        // rules out most of them before any letter is compared.
        let is = |wanted: &str| name.eq_ignore_ascii_case(wanted);
        // The slot, and whether this attribute wins over one already there (`aria-label`
        // over `title` and `aria-labelledby`).
        let (slot, wins) = match name.len() {
            2 if is("id") => (&mut k.id, false),
            3 if is("src") => (&mut k.src, false),
            3 if is("alt") => (&mut k.alt, false),
            4 if is("href") => (&mut k.href, false),
            4 if is("role") => (&mut k.role, false),
            5 if k.label.is_none() && is("title") => (&mut k.label, false),
            10 if is("aria-label") => (&mut k.label, true),
            11 if is("aria-hidden") => (&mut k.aria_hidden, false),
            15 if is("aria-labelledby") => (&mut k.label, false),
            _ => continue,
        };
        if slot.is_none() || wins {
            *slot = Some(value.unwrap_or(""));
        }
    }
    k
}

/// The value of attribute `name` of a start tag (`Some("")` for a bare attribute).
pub fn attr<'a>(raw: &'a str, name: &str) -> Option<Cow<'a, str>> {
    attrs(raw)
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.unwrap_or(Cow::Borrowed("")))
}

/// Decodes the named entities the generator writes and numeric ones.
pub fn decode_entities(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let decoded = rest.find(';').filter(|&e| e <= 10).and_then(|end| {
            let entity = &rest[1..end];
            let c = match entity {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                _ => entity
                    .strip_prefix("#x")
                    .or_else(|| entity.strip_prefix("#X"))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            };
            c.map(|c| (c, end))
        });
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The heading level of `h1`..`h6`.
pub fn heading_level(name: &str) -> Option<u8> {
    match name.as_bytes() {
        [b'h' | b'H', d @ b'1'..=b'6'] => Some(d - b'0'),
        _ => None,
    }
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
    fn attributes_quoted_unquoted_and_bare() {
        let raw = " href=\"a&amp;b\" hidden data-x=1 alt=''";
        let all: Vec<(&str, Option<String>)> = attrs(raw)
            .map(|(n, v)| (n, v.map(|v| v.into_owned())))
            .collect();
        assert_eq!(
            all,
            vec![
                ("href", Some("a&b".to_string())),
                ("hidden", None),
                ("data-x", Some("1".to_string())),
                ("alt", Some(String::new())),
            ]
        );
        assert_eq!(attr(raw, "hidden").as_deref(), Some(""));
        assert_eq!(attr(raw, "src"), None);
        assert_eq!(decode_entities("&#8217;&#x41;&bogus"), "\u{2019}A&bogus");
        assert_eq!(heading_level("h3"), Some(3));
        assert_eq!(heading_level("hr"), None);
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
