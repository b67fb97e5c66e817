//! Turns a TOML parse or deserialize error into a positioned diagnostic.

use std::ops::Range;
use std::path::Path;

use crate::diagnostic::{closest, line_col, Diagnostic};

/// `offset` is where the TOML text starts inside `source` (the whole file), so positions are
/// reported in the file the author edits, not in the extracted front matter.
pub fn toml_diagnostic(
    path: &Path,
    source: &str,
    offset: usize,
    err: &toml::de::Error,
) -> Diagnostic {
    let full = err.message().trim().replace('\n', "; ");
    let span = err
        .span()
        .map_or(offset..offset, |s| offset + s.start..offset + s.end);
    if full.starts_with("duplicate key") {
        return duplicate_key(path, source, offset, span);
    }
    // "unknown field `x`, expected one of ..." : the list goes to the hint, not the headline.
    let message = match full.split_once("`, expected") {
        Some((head, _)) if full.starts_with("unknown field") => format!("{head}`"),
        _ => full.clone(),
    };
    let mut d = Diagnostic::new(message.clone()).at(path, source, span);
    if let Some(hint) = hint_for(&full) {
        d = d.hint(hint);
    }
    d
}

/// A key (or table) set twice: named, with the line that first sets it when a scan of the lines
/// above finds it (for a key, back to its table's header).
fn duplicate_key(path: &Path, source: &str, offset: usize, span: Range<usize>) -> Diagnostic {
    let key = source
        .get(span.clone())
        .unwrap_or_default()
        .trim()
        .trim_matches(|c| matches!(c, '[' | ']' | '"' | '\''))
        .trim();
    if key.is_empty() || key.contains('\n') {
        return Diagnostic::new("duplicate key")
            .at(path, source, span)
            .hint("each key may be set only once in a table; remove one of them");
    }
    let line_start = source[..span.start.min(source.len())]
        .rfind('\n')
        .map_or(0, |i| i + 1)
        .max(offset);
    let header = source[line_start..].trim_start().starts_with('[');
    let first_line = line_col(source, offset).0;
    let above: Vec<(usize, &str)> = source[offset..line_start]
        .lines()
        .enumerate()
        .map(|(i, l)| (first_line + i, l.trim()))
        .collect();
    let first = above.into_iter().rev().find_map(|(n, l)| {
        if header {
            return (l == format!("[{key}]")).then_some(Some(n));
        }
        let quoted = format!("\"{key}\"");
        let rest = l.strip_prefix(key).or_else(|| l.strip_prefix(&quoted[..]));
        if rest.is_some_and(|r| r.trim_start().starts_with('=')) {
            Some(Some(n))
        } else if l.starts_with('[') {
            Some(None) // the table's header: not found in this table
        } else {
            None
        }
    });
    let what = if header { "table" } else { "key" };
    let hint = match first.flatten() {
        Some(line) => format!("`{key}` is already set on line {line}; remove one of them"),
        None => format!("`{key}` is set more than once; remove one of them"),
    };
    Diagnostic::new(format!("duplicate {what} `{key}`"))
        .at(path, source, span)
        .hint(hint)
}

fn hint_for(message: &str) -> Option<String> {
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let (field, expected) = rest.split_once('`')?;
        let names: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
        return Some(match closest(field, names.iter().copied()) {
            Some(near) => format!("did you mean `{near}`?"),
            None => format!("the keys allowed here are: {}", names.join(", ")),
        });
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let field = rest.split('`').next().unwrap_or(rest);
        return Some(format!(
            "add `{field} = ...`; see docs/authoring.md for the required keys"
        ));
    }
    if message.starts_with("unknown variant") {
        return Some("use one of the values listed".into());
    }
    // A value of the wrong type is valid TOML: say what the key takes, not how to quote.
    if message.starts_with("invalid type:") || message.starts_with("invalid value:") {
        let expected = message.rsplit_once(", expected ")?.1;
        let hint = match expected {
            "a string" | "a borrowed string" => "this key takes text: put it in double quotes",
            "i64" | "i32" | "u64" | "u32" | "usize" | "an integer" => {
                "this key takes a whole number, written without quotes, e.g. `2`"
            }
            "f64" | "f32" | "a float" => "this key takes a number, written without quotes",
            "a boolean" => "this key takes `true` or `false`, written without quotes",
            "a sequence" => "this key takes a list in square brackets, e.g. `[\"a\", \"b\"]`",
            _ => return None,
        };
        return Some(hint.into());
    }
    if message.contains("invalid") || message.contains("expected") {
        return Some("check the TOML syntax: strings need double quotes, lists need [ ]".into());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diagnostic(source: &str) -> Diagnostic {
        let err = toml::from_str::<toml::Table>(source).unwrap_err();
        toml_diagnostic(Path::new("a.toml"), source, 0, &err)
    }

    #[test]
    fn a_duplicate_key_names_the_line_that_first_sets_it() {
        let d = diagnostic("title = \"a\"\nweight = 1\ntitle = \"b\"\n");
        assert_eq!(d.message(), "duplicate key `title`");
        assert_eq!(d.line_col(), Some((3, 1)));
        assert_eq!(
            d.hint_text(),
            Some("`title` is already set on line 1; remove one of them")
        );
        // The scan stops at the table's header, so a key of another table is not named.
        let d = diagnostic("[a]\nx = 1\n[b]\ny = 1\n  x = 2\nx = 3\n");
        assert_eq!(
            (d.message(), d.line_col(), d.hint_text()),
            (
                "duplicate key `x`",
                Some((6, 1)),
                Some("`x` is already set on line 5; remove one of them")
            )
        );
        let d = diagnostic("[a]\nx = 1\n\n[a]\ny = 1\n");
        assert_eq!(
            (d.message(), d.line_col(), d.hint_text()),
            (
                "duplicate table `a`",
                Some((4, 2)),
                Some("`a` is already set on line 1; remove one of them")
            )
        );
        // A dotted key is not found by the scan: the hint is general.
        let d = diagnostic("a.b = 1\na.b = 2\n");
        assert_eq!(
            d.hint_text(),
            Some("`b` is set more than once; remove one of them")
        );
    }

    #[test]
    fn type_errors_say_what_the_key_takes() {
        let hint = |message: &str| hint_for(message);
        assert_eq!(
            hint("invalid type: integer `5`, expected a string").as_deref(),
            Some("this key takes text: put it in double quotes")
        );
        assert_eq!(
            hint("invalid type: string \"2\", expected i64").as_deref(),
            Some("this key takes a whole number, written without quotes, e.g. `2`")
        );
        assert_eq!(hint("invalid type: map, expected something odd"), None);
        assert_eq!(
            hint("string values must be quoted, expected literal string").as_deref(),
            Some("check the TOML syntax: strings need double quotes, lists need [ ]")
        );
    }
}
