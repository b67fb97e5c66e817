//! The attributes of a start tag as the checks read them: each name with its value, the few
//! the checks look at in one pass, and character references decoded.

use std::borrow::Cow;

use super::find_byte;

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
}
