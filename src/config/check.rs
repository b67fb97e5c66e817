//! The `[check]` table of site.toml: what `trellis check` (and every build) reports, and how
//! seriously.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use crate::diagnostic::{closest, Diagnostic, Diagnostics, Severity};

/// A rule's level, as written in `[check.levels]`.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    Error,
    Warning,
    Off,
}

/// Every rule: its name, the check it belongs to, and its default level.
pub const RULES: &[(&str, &str, Level)] = &[
    ("broken-link", "links", Level::Error),
    ("broken-anchor", "links", Level::Error),
    ("external-link", "links", Level::Warning),
    ("untaught", "coverage", Level::Warning),
    ("unsupported", "coverage", Level::Warning),
    ("unassessed", "coverage", Level::Warning),
    ("orphan-resource", "coverage", Level::Warning),
    ("quiz-objectives", "coverage", Level::Warning),
    ("readability", "readability", Level::Warning),
    ("image-alt", "accessibility", Level::Error),
    ("heading-order", "accessibility", Level::Error),
    ("multiple-h1", "accessibility", Level::Error),
    ("empty-link", "accessibility", Level::Error),
    ("vague-link-text", "accessibility", Level::Warning),
    ("table-header", "accessibility", Level::Error),
    ("duplicate-id", "accessibility", Level::Error),
    ("resource-fields", "metadata", Level::Warning),
    ("duplicate-resource", "metadata", Level::Error),
    ("description", "metadata", Level::Warning),
    ("symlink", "metadata", Level::Warning),
];

/// The check (links, coverage, ...) a rule belongs to.
pub fn check_of(rule: &str) -> &'static str {
    RULES
        .iter()
        .find(|(name, _, _)| *name == rule)
        .map_or("check", |(_, check, _)| check)
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckConfig {
    /// Quiz questions (not confidence ratings) each objective needs to count as assessed.
    #[serde(default = "default_min_questions")]
    pub min_questions: usize,
    /// Audience -> the highest Flesch-Kincaid grade its pages may read at.
    #[serde(default = "default_readability")]
    pub readability: BTreeMap<Spanned<String>, Spanned<f64>>,
    /// Seconds to wait for each external link with `--external`.
    #[serde(default = "default_timeout")]
    pub external_timeout: Spanned<f64>,
    /// External links checked at once with `--external`.
    #[serde(default = "default_concurrency")]
    pub external_concurrency: Spanned<usize>,
    /// Rule -> "error", "warning" or "off".
    #[serde(default)]
    pub levels: BTreeMap<Spanned<String>, Level>,
}

impl Default for CheckConfig {
    fn default() -> Self {
        CheckConfig {
            min_questions: default_min_questions(),
            readability: default_readability(),
            external_timeout: default_timeout(),
            external_concurrency: default_concurrency(),
            levels: BTreeMap::new(),
        }
    }
}

fn default_min_questions() -> usize {
    2
}
fn default_readability() -> BTreeMap<Spanned<String>, Spanned<f64>> {
    [("learner", 12.0), ("patient", 8.0)]
        .into_iter()
        .map(|(a, g)| (Spanned::new(0..0, a.to_string()), Spanned::new(0..0, g)))
        .collect()
}
fn default_timeout() -> Spanned<f64> {
    Spanned::new(0..0, 10.0)
}
fn default_concurrency() -> Spanned<usize> {
    Spanned::new(0..0, 8)
}

impl CheckConfig {
    /// The severity of `rule`'s findings, or `None` when it is off.
    pub fn severity(&self, rule: &str) -> Option<Severity> {
        let level = self
            .levels
            .iter()
            .find(|(name, _)| name.get_ref() == rule)
            .map(|(_, l)| *l)
            .or_else(|| RULES.iter().find(|(n, _, _)| *n == rule).map(|r| r.2))
            .unwrap_or(Level::Error);
        match level {
            Level::Error => Some(Severity::Error),
            Level::Warning => Some(Severity::Warning),
            Level::Off => None,
        }
    }

    /// The grade limit of `audience`, if it is declared.
    pub fn grade_limit(&self, audience: &str) -> Option<f64> {
        self.readability
            .iter()
            .find(|(a, _)| a.get_ref() == audience)
            .map(|(_, g)| *g.get_ref())
    }

    pub fn audiences(&self) -> impl Iterator<Item = &str> {
        self.readability.keys().map(|a| a.get_ref().as_str())
    }

    pub(super) fn validate(&self, file: &Path, source: &str, ds: &mut Diagnostics) {
        for name in self.levels.keys() {
            let rule = name.get_ref();
            if !RULES.iter().any(|(n, _, _)| n == rule) {
                let d = Diagnostic::new(format!("unknown check rule `{rule}`")).at(
                    file,
                    source,
                    name.span(),
                );
                ds.push(match closest(rule, RULES.iter().map(|r| r.0)) {
                    Some(near) => d.hint(format!("did you mean `{near}`?")),
                    None => d.hint("see docs/authoring.md for the rules `trellis check` knows"),
                });
            }
        }
        for (audience, grade) in &self.readability {
            if !crate::content::ids::is_slug(audience.get_ref()) {
                ds.push(
                    Diagnostic::new(format!("invalid audience name `{}`", audience.get_ref()))
                        .at(file, source, audience.span())
                        .hint("use lower-case letters, digits and dashes, e.g. `patient`"),
                );
            }
            if !(1.0..=30.0).contains(grade.get_ref()) {
                ds.push(
                    Diagnostic::new(format!(
                        "grade limit {} for `{}` is out of range",
                        grade.get_ref(),
                        audience.get_ref()
                    ))
                    .at(file, source, grade.span())
                    .hint("give a school grade between 1 and 30, e.g. `patient = 8`"),
                );
            }
        }
        let timeout = *self.external_timeout.get_ref();
        if timeout.is_nan() || timeout <= 0.0 {
            ds.push(
                Diagnostic::new("`external_timeout` must be more than 0 seconds")
                    .at(file, source, self.external_timeout.span())
                    .hint("e.g. `external_timeout = 10`"),
            );
        }
        if *self.external_concurrency.get_ref() == 0 {
            ds.push(
                Diagnostic::new("`external_concurrency` must be at least 1")
                    .at(file, source, self.external_concurrency.span())
                    .hint("e.g. `external_concurrency = 8`"),
            );
        }
    }
}
