//! JSON strings written by hand into the index files, escaped exactly as `serde_json` escapes
//! them.

/// Appends `s` as a JSON string, escaped as `serde_json` escapes it. Most text has nothing to
/// escape: it is checked and copied 16 bytes at a time.
pub(super) fn push_json_str(out: &mut String, s: &str) {
    fn special(b: u8) -> bool {
        b < 0x20 || b == b'"' || b == b'\\'
    }
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let bytes = s.as_bytes();
    out.push('"');
    let mut done = 0;
    let mut i = 0;
    while i < bytes.len() {
        if let Some(chunk) = bytes.get(i..i + 16) {
            // No early exit, so the compiler checks the 16 bytes at once.
            if !chunk.iter().fold(false, |any, &b| any | special(b)) {
                i += 16;
                continue;
            }
        }
        let b = bytes[i];
        if special(b) {
            // Every special byte is ASCII: slicing at it keeps UTF-8 intact.
            out.push_str(&s[done..i]);
            match b {
                b'"' => out.push_str("\\\""),
                b'\\' => out.push_str("\\\\"),
                b'\n' => out.push_str("\\n"),
                b'\r' => out.push_str("\\r"),
                b'\t' => out.push_str("\\t"),
                0x08 => out.push_str("\\b"),
                0x0c => out.push_str("\\f"),
                _ => {
                    out.push_str("\\u00");
                    out.push(char::from(HEX[usize::from(b >> 4)]));
                    out.push(char::from(HEX[usize::from(b & 0xf)]));
                }
            }
            done = i + 1;
        }
        i += 1;
    }
    out.push_str(&s[done..]);
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_strings_are_escaped_as_serde_json_escapes_them() {
        let mut texts: Vec<String> = (0u8..0x80).map(|b| char::from(b).to_string()).collect();
        texts.extend([
            String::new(),
            "plain text longer than sixteen bytes, with nothing to escape".into(),
            "a \"quoted\" word and a back\\slash after sixteen bytes\n\tand more".into(),
            "é naïve — “curly” quotes\u{1f}\u{7f} 🙂 and a tab\tat the end\t".into(),
            "0123456789abcde\"".into(),
        ]);
        for text in texts {
            let mut ours = String::new();
            push_json_str(&mut ours, &text);
            assert_eq!(ours, serde_json::to_string(&text).unwrap(), "{text:?}");
        }
    }
}
