//! Turns a TOML parse or deserialize error into a positioned diagnostic.

use std::path::Path;

use crate::diagnostic::{closest, Diagnostic};

/// `offset` is where the TOML text starts inside `source` (the whole file), so positions are
/// reported in the file the author edits, not in the extracted front matter.
pub fn toml_diagnostic(
    path: &Path,
    source: &str,
    offset: usize,
    err: &toml::de::Error,
) -> Diagnostic {
    let full = err.message().trim().replace('\n', "; ");
    // "unknown field `x`, expected one of ..." : the list goes to the hint, not the headline.
    let message = match full.split_once("`, expected") {
        Some((head, _)) if full.starts_with("unknown field") => format!("{head}`"),
        _ => full.clone(),
    };
    let span = err
        .span()
        .map_or(offset..offset, |s| offset + s.start..offset + s.end);
    let mut d = Diagnostic::new(message.clone()).at(path, source, span);
    if let Some(hint) = hint_for(&full) {
        d = d.hint(hint);
    }
    d
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
    if message.contains("invalid") || message.contains("expected") {
        return Some("check the TOML syntax: strings need double quotes, lists need [ ]".into());
    }
    None
}
