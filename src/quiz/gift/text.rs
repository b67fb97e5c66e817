//! The characters of a GIFT question: escapes resolved, each remembering where it came from in
//! the file (for error positions), and the small searches the parser makes over them.

use std::ops::Range;

/// A character of a question with escapes resolved, and the bytes of the source it came from.
#[derive(Clone, Copy, Debug)]
pub(super) struct Ch {
    pub(super) c: char,
    /// Written with a backslash, so it has no GIFT meaning.
    pub(super) escaped: bool,
    pub(super) start: usize,
    pub(super) end: usize,
}

impl Ch {
    /// Whether this is `c` with its GIFT meaning.
    pub(super) fn is(self, c: char) -> bool {
        !self.escaped && self.c == c
    }

    pub(super) fn span(self) -> Range<usize> {
        self.start..self.end
    }
}

/// A question's lines as one text: joined by new lines, with escapes resolved.
pub(super) fn decode(source: &str, lines: &[Range<usize>]) -> Vec<Ch> {
    let mut text: Vec<Ch> = Vec::new();
    for line in lines {
        if let Some(last) = text.last() {
            let end = last.end;
            text.push(Ch {
                c: '\n',
                escaped: false,
                start: end,
                end,
            });
        }
        let mut chars = source[line.clone()].char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let start = line.start + i;
            let escape = chars.peek().map(|&(_, next)| next).filter(|&next| {
                c == '\\' && matches!(next, ':' | '=' | '#' | '~' | '{' | '}' | '\\' | 'n')
            });
            text.push(match escape {
                Some(next) => {
                    chars.next();
                    let c = if next == 'n' { '\n' } else { next };
                    Ch {
                        c,
                        escaped: true,
                        start,
                        end: start + 2,
                    }
                }
                None => Ch {
                    c,
                    escaped: false,
                    start,
                    end: start + c.len_utf8(),
                },
            });
        }
    }
    text
}

/// `text` cut before each of `markers`, trimmed; text before the first marker is a piece of its
/// own when it is not blank (Moodle reads it as an answer with no marker).
pub(super) fn split<'a>(text: &'a [Ch], markers: &[char]) -> Vec<&'a [Ch]> {
    let mut pieces = Vec::new();
    let mut start = 0;
    for (i, ch) in text.iter().enumerate() {
        if i > start && markers.iter().any(|&m| ch.is(m)) {
            pieces.push(trim(&text[start..i]));
            start = i;
        }
    }
    pieces.push(trim(&text[start..]));
    pieces.retain(|piece| !piece.is_empty());
    pieces
}

/// Text without a format prefix, or None when blank.
pub(super) fn text_of(text: &[Ch]) -> Option<String> {
    let text = strip_format(text);
    (!text.is_empty()).then(|| to_string(text))
}

pub(super) fn strip_format(text: &[Ch]) -> &[Ch] {
    let text = trim(text);
    ["[markdown]", "[html]", "[plain]", "[moodle]"]
        .iter()
        .find(|format| starts_with(text, format))
        .map_or(text, |format| trim(&text[format.len()..]))
}

pub(super) fn to_string(text: &[Ch]) -> String {
    text.iter().map(|ch| ch.c).collect()
}

pub(super) fn span_of(text: &[Ch]) -> Range<usize> {
    match (text.first(), text.last()) {
        (Some(first), Some(last)) => first.start..last.end,
        _ => 0..0,
    }
}

pub(super) fn trim(text: &[Ch]) -> &[Ch] {
    let start = text
        .iter()
        .position(|ch| !ch.c.is_whitespace())
        .unwrap_or(text.len());
    let end = text
        .iter()
        .rposition(|ch| !ch.c.is_whitespace())
        .map_or(start, |i| i + 1);
    &text[start..end]
}

pub(super) fn matches_at(text: &[Ch], at: usize, pattern: &str) -> bool {
    let mut chars = text[at..].iter();
    pattern
        .chars()
        .all(|c| chars.next().is_some_and(|ch| ch.is(c)))
}

pub(super) fn starts_with(text: &[Ch], pattern: &str) -> bool {
    matches_at(text, 0, pattern)
}

/// The first place where `pattern` appears with its GIFT meaning.
pub(super) fn find(text: &[Ch], pattern: &str) -> Option<usize> {
    (0..text.len()).find(|&i| matches_at(text, i, pattern))
}

pub(super) fn rfind(text: &[Ch], pattern: &str) -> Option<usize> {
    (0..text.len())
        .rev()
        .find(|&i| matches_at(text, i, pattern))
}
