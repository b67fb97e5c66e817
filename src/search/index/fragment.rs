//! Fragment files: what each document shows as a result (title, link, kind, context and the
//! start of its text), one file per group of documents.

use super::json::push_json_str;
use crate::search::Doc;

/// Longest text kept for snippets.
const SNIPPET_CHARS: usize = 3000;

/// Fragment file `g`: what each of `docs` shows as a result, as
/// `trellisSearch.frag(g,[{"t":title,"u":url,"k":kind,"c":context,"x":snippet},...]);`.
pub(super) fn fragment(g: usize, docs: &[Doc]) -> String {
    let size: usize = docs
        .iter()
        .map(|d| d.title.len() + d.url.len() + d.context.len() + d.text.len().min(SNIPPET_CHARS))
        .sum();
    let mut out = String::with_capacity(size + size / 16 + docs.len() * 40 + 32);
    out.push_str("trellisSearch.frag(");
    out.push_str(itoa::Buffer::new().format(g));
    out.push_str(",[");
    for (k, d) in docs.iter().enumerate() {
        if k > 0 {
            out.push(',');
        }
        let fields = [
            ("{\"t\":", &*d.title),
            (",\"u\":", &*d.url),
            (",\"k\":", d.kind),
            (",\"c\":", &*d.context),
            (",\"x\":", clip(&d.text)),
        ];
        for (key, value) in fields {
            out.push_str(key);
            push_json_str(&mut out, value);
        }
        out.push('}');
    }
    out.push_str("]);\n");
    out
}

/// The first `SNIPPET_CHARS` characters of `text`.
fn clip(text: &str) -> &str {
    // No more bytes than that, or only ASCII up to there: no need to count characters.
    if text.len() <= SNIPPET_CHARS {
        return text;
    }
    if text.as_bytes()[..SNIPPET_CHARS].is_ascii() {
        return &text[..SNIPPET_CHARS];
    }
    match text.char_indices().nth(SNIPPET_CHARS) {
        Some((i, _)) => &text[..i],
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::doc;
    use super::*;

    #[test]
    fn fragments_hold_each_result_as_json() {
        let mut a = doc("Goals \"SMART\"", "Set goals.\nThen review them.");
        a.context = "Module 1 › Lesson".into();
        let b = doc("Two", &"word ".repeat(SNIPPET_CHARS));
        let text = fragment(7, &[a, b]);
        let json = text
            .strip_prefix("trellisSearch.frag(7,")
            .and_then(|t| t.strip_suffix(");\n"))
            .unwrap();
        let items: serde_json::Value = serde_json::from_str(json).unwrap();
        assert_eq!(items[0]["t"], "Goals \"SMART\"");
        assert_eq!(items[0]["u"], "x");
        assert_eq!(items[0]["k"], "page");
        assert_eq!(items[0]["c"], "Module 1 › Lesson");
        assert_eq!(items[0]["x"], "Set goals.\nThen review them.");
        assert_eq!(items[1]["x"].as_str().unwrap().len(), SNIPPET_CHARS);
        assert_eq!(items.as_array().unwrap().len(), 2);
    }

    #[test]
    fn snippets_keep_the_first_characters_however_the_text_is_written() {
        let by_chars = |t: &str| -> String { t.chars().take(SNIPPET_CHARS).collect() };
        let n = SNIPPET_CHARS;
        for text in [
            String::new(),
            "a".repeat(n - 1),
            "a".repeat(n),
            "a".repeat(n + 1),
            "\u{e9}".repeat(n - 1),
            "\u{e9}".repeat(n + 5),
            format!("{}\u{e9}{}", "a".repeat(n - 1), "b".repeat(10)),
            format!("{}\u{2014}", "a".repeat(n)),
            format!("\u{1f600}{}", "a".repeat(2 * n)),
        ] {
            assert_eq!(clip(&text), by_chars(&text), "{} bytes", text.len());
        }
    }
}
