//! Reading the generator's HTML by simple scanning: escaping and decoding entities, attribute
//! values, and the links of a page with their text.

/// HTML-escapes like the generator's templates: `& < > " '`.
pub fn escape_html(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// Decodes the entities the generator writes (and a few numeric ones).
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let Some(end) = rest.find(';').filter(|&e| e <= 10) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..end];
        let decoded = match entity {
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
        match decoded {
            Some(c) => {
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
    out
}

/// Values of the attribute `name` (written `name="..."` or `name='...'` after whitespace), with
/// entities decoded. A simple scanner: text content never holds a raw `"`, the generator
/// escapes it.
pub fn attr_values(html: &str, name: &str) -> Vec<String> {
    let pattern = format!("{name}=");
    let bytes = html.as_bytes();
    let mut values = Vec::new();
    let mut from = 0;
    while let Some(i) = html[from..].find(&pattern) {
        let at = from + i;
        from = at + pattern.len();
        if at == 0 || !bytes[at - 1].is_ascii_whitespace() {
            continue;
        }
        let rest = &html[from..];
        let quote = match rest.chars().next() {
            Some(q @ ('"' | '\'')) => q,
            _ => continue,
        };
        if let Some(end) = rest[1..].find(quote) {
            values.push(decode_entities(&rest[1..1 + end]));
        }
    }
    values
}

/// `(href, text)` of every `<a ...>text</a>`, text with tags stripped and entities decoded.
pub(super) fn anchors(html: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(i) = html[from..].find("<a ") {
        let start = from + i;
        let Some(open_end) = html[start..].find('>').map(|e| start + e) else {
            break;
        };
        let Some(close) = html[open_end..].find("</a>").map(|e| open_end + e) else {
            break;
        };
        let href = attr_values(&html[start..=open_end], "href")
            .into_iter()
            .next()
            .unwrap_or_default();
        let text = decode_entities(strip_tags(&html[open_end + 1..close]).trim());
        found.push((href, text));
        from = close;
    }
    found
}

fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}
