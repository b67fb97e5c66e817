//! The attributes of a start tag that the checks read, and character references decoded.

use std::borrow::Cow;

/// The attributes the checks read, noted as the tokenizer reads a start tag: their values as
/// written (the checks decode those they use, with [`decode_entities`]).
#[derive(Debug, Default, PartialEq, Eq)]
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

impl<'a> Known<'a> {
    /// Notes attribute `name` with `value` (`""` for a bare one) if it is one the checks read.
    #[inline]
    pub(super) fn note(&mut self, name: &str, value: &'a str) {
        // Most attributes (`class`, `data-*`, most `aria-*`) are none of these: the length
        // rules out most of them before any letter is compared.
        let is = |wanted: &str| name.eq_ignore_ascii_case(wanted);
        // The slot, and whether this attribute wins over one already there (`aria-label`
        // over `title` and `aria-labelledby`).
        let (slot, wins) = match name.len() {
            2 if is("id") => (&mut self.id, false),
            3 if is("src") => (&mut self.src, false),
            3 if is("alt") => (&mut self.alt, false),
            4 if is("href") => (&mut self.href, false),
            4 if is("role") => (&mut self.role, false),
            5 if self.label.is_none() && is("title") => (&mut self.label, false),
            10 if is("aria-label") => (&mut self.label, true),
            11 if is("aria-hidden") => (&mut self.aria_hidden, false),
            15 if is("aria-labelledby") => (&mut self.label, false),
            _ => return,
        };
        if slot.is_none() || wins {
            *slot = Some(value);
        }
    }
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
    fn entities_and_heading_levels() {
        assert_eq!(decode_entities("&#8217;&#x41;&bogus"), "\u{2019}A&bogus");
        assert_eq!(heading_level("h3"), Some(3));
        assert_eq!(heading_level("hr"), None);
    }
}
