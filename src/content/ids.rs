//! Stable identifiers: their syntax, their URL anchors, and what each one points at.

/// Lower-case letters and digits in dash-separated runs: `lorig-2014-action-planning`.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// Upper-case letters and digits in dash-separated runs, starting with a letter: `GP-1`, `DEF-SMS`.
pub fn is_element_id(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_uppercase())
        && s.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        })
}

/// A competency ID: letters, a dash, a number: `SMS-1`.
pub fn is_competency_id(s: &str) -> bool {
    match s.rsplit_once('-') {
        Some((prefix, n)) => {
            is_element_id(prefix) && !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())
        }
        None => false,
    }
}

/// An objective ID of competency `competency`: `SMS-1.2` for `SMS-1`.
pub fn is_objective_id_of(s: &str, competency: &str) -> bool {
    s.strip_prefix(competency)
        .and_then(|rest| rest.strip_prefix('.'))
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// The URL anchor of an ID: lower case, dots as dashes (`SMS-4.2` -> `sms-4-2`).
pub fn anchor(id: &str) -> String {
    id.to_ascii_lowercase().replace('.', "-")
}

/// The anchor of a resource in a list: `ref-<key>`.
pub fn resource_anchor(key: &str) -> String {
    format!("ref-{key}")
}

/// What a cross-reference ID points at (indices into the content model).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Competency(usize),
    Objective(usize, usize),
    Element(usize),
    Resource(usize),
}

impl Target {
    pub fn describe(self) -> &'static str {
        match self {
            Target::Competency(_) => "competency",
            Target::Objective(..) => "objective",
            Target::Element(_) => "framework element",
            Target::Resource(_) => "resource",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_syntax() {
        assert!(is_slug("lorig-2014-action-planning"));
        assert!(!is_slug("Lorig-2014") && !is_slug("a--b") && !is_slug("-a"));
        assert!(is_element_id("GP-1") && is_element_id("DEF-SMS") && is_element_id("VISION"));
        assert!(!is_element_id("gp-1") && !is_element_id("1-GP"));
        assert!(
            is_competency_id("SMS-1") && !is_competency_id("SMS") && !is_competency_id("SMS-1.1")
        );
        assert!(is_objective_id_of("SMS-1.2", "SMS-1"));
        assert!(!is_objective_id_of("SMS-12", "SMS-1") && !is_objective_id_of("SMS-2.1", "SMS-1"));
    }

    #[test]
    fn anchors_are_lower_case_without_dots() {
        assert_eq!(anchor("SMS-4.2"), "sms-4-2");
        assert_eq!(resource_anchor("a-1"), "ref-a-1");
    }
}
