//! The readability and external-link parts of a report, and the report itself: for people
//! (findings grouped by file, the coverage matrix, a summary line) or as JSON for tools.

use std::fmt::Write as _;
use std::time::Duration;

use rayon::prelude::*;
use serde::Serialize;
use serde_json::json;

use super::links::{self, Status};
use super::{readability, Checked, Findings, Input, Report};
use crate::diagnostic::{line_col, Diagnostic, Severity};

#[derive(Clone, Debug, Serialize)]
pub struct PageReadability {
    pub file: String,
    /// The output page, site-relative.
    pub url: String,
    pub audience: Option<String>,
    /// The audience's grade limit.
    pub limit: Option<f64>,
    pub words: usize,
    pub sentences: usize,
    pub syllables: usize,
    pub polysyllables: usize,
    pub flesch_reading_ease: f64,
    pub flesch_kincaid_grade: f64,
    pub smog: f64,
    pub hardest: Vec<HardSentence>,
}

#[derive(Clone, Debug, Serialize)]
pub struct HardSentence {
    pub line: usize,
    pub column: usize,
    pub grade: f64,
    pub text: String,
}

/// Pages with fewer words are scored but not held to their audience's limit.
const MIN_WORDS: usize = 30;

fn round(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// Scores every content page and reports those above their audience's limit.
pub(super) fn readability(
    input: &Input,
    checked: &[&Checked],
    all: bool,
    f: &mut Findings,
) -> Vec<PageReadability> {
    let content = input.content;
    let scored: Vec<(PageReadability, Option<Diagnostic>)> = checked
        .par_iter()
        .filter_map(|c| {
        let i = c.page?;
        let page = &content.pages[i];
        let declared = std::iter::once(i)
            .chain(content.ancestors(i).into_iter().rev())
            .find_map(|p| content.pages[p].meta.audience.as_ref().map(|a| (p, a)));
        let audience = declared.map(|(_, a)| a.get_ref().clone());
        let limit = audience
            .as_deref()
            .and_then(|a| input.config.check.grade_limit(a));
        if !all && limit.is_none() {
            return None;
        }
        let score = readability::score(&c.source(content).prose);
        let counts = score.counts;
        let grade = counts.flesch_kincaid_grade();
        let mut finding = None;
        let hardest: Vec<HardSentence> = score
            .hardest
            .iter()
            .map(|h| {
                let (line, column, _) = line_col(&page.source, h.offset);
                HardSentence {
                    line,
                    column,
                    grade: round(h.grade),
                    text: h.text.clone(),
                }
            })
            .collect();
        if let (Some(limit), Some(audience)) = (limit, &audience) {
            if counts.words >= MIN_WORDS && grade > limit {
                let message = format!(
                    "`{audience}` page reads at grade {:.1} (Flesch-Kincaid), above its limit of {limit}",
                    grade
                );
                let d = match declared {
                    Some((p, a)) if p == i => page.error_at(message, a.span()),
                    _ => Diagnostic::new(message).at(
                        &page.file,
                        &page.source,
                        page.body_start..page.body_start,
                    ),
                };
                let mut d = d
                    .hint(format!("shorten long sentences and prefer short, everyday words; the limit is `{audience} = {limit}` under [check.readability] in site.toml"))
                    .note(format!(
                        "SMOG grade {:.1}, Flesch reading ease {:.1}; {} words in {} sentences",
                        counts.smog(),
                        counts.flesch_reading_ease(),
                        counts.words,
                        counts.sentences
                    ))
                    .note("hardest sentences (above the limit):");
                for h in hardest.iter().filter(|h| h.grade > limit) {
                    d = d.note(format!(
                        "  {}:{}:{}  grade {:.1}  \u{201c}{}\u{201d}",
                        page.file.display(),
                        h.line,
                        h.column,
                        h.grade,
                        h.text
                    ));
                }
                finding = Some(d);
            }
        }
        let row = PageReadability {
            file: page.file.display().to_string(),
            url: c.path.clone(),
            audience,
            limit,
            words: counts.words,
            sentences: counts.sentences,
            syllables: counts.syllables,
            polysyllables: counts.polysyllables,
            flesch_reading_ease: round(counts.flesch_reading_ease()),
            flesch_kincaid_grade: round(grade),
            smog: round(counts.smog()),
            hardest,
        };
        Some((row, finding))
    })
    .collect();
    let mut rows = Vec::with_capacity(scored.len());
    for (row, finding) in scored {
        if let Some(d) = finding {
            f.push("readability", d);
        }
        rows.push(row);
    }
    rows.sort_by(|a, b| a.file.cmp(&b.file));
    rows
}

#[derive(Clone, Debug, Serialize)]
pub struct ExternalLink {
    pub url: String,
    /// Where it is first used.
    pub file: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// `unchecked`, `ok` or `broken`.
    pub status: &'static str,
    pub detail: Option<String>,
}

/// Lists each external URL once, where it is first used; fetches them when `fetch` is given
/// (timeout, concurrency) and reports the broken ones.
pub(super) fn external(
    mut found: Vec<(String, Diagnostic)>,
    fetch: Option<(Duration, usize)>,
    f: &mut Findings,
) -> Vec<ExternalLink> {
    found.sort_by(|a, b| {
        a.0.cmp(&b.0)
            .then_with(|| a.1.sort_key().cmp(&b.1.sort_key()))
    });
    found.dedup_by(|a, b| a.0 == b.0);
    let urls: Vec<String> = found.iter().map(|(u, _)| u.clone()).collect();
    let statuses = match fetch {
        Some((timeout, concurrency)) => links::fetch_all(&urls, timeout, concurrency),
        None => vec![Status::Unchecked; urls.len()],
    };
    let mut list = Vec::new();
    for ((url, at), status) in found.into_iter().zip(statuses) {
        let (status_name, detail) = match &status {
            Status::Unchecked => ("unchecked", None),
            Status::Ok(code) => ("ok", Some(format!("HTTP {code}"))),
            Status::Broken(why) => ("broken", Some(why.clone())),
        };
        list.push(ExternalLink {
            url: url.clone(),
            file: at
                .file()
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
            line: at.line_col().map(|p| p.0),
            column: at.line_col().map(|p| p.1),
            status: status_name,
            detail,
        });
        if let Status::Broken(why) = status {
            let d = Diagnostic::new(format!("external link `{url}` is broken: {why}"));
            let d = match (at.file(), at.line_col()) {
                (Some(_), Some(_)) => at_position(d, &at),
                (Some(file), None) => d.in_file(file),
                _ => d,
            };
            f.push("external-link", d.hint("update or remove the link; if the site was only briefly down, run the check again later"));
        }
    }
    list
}

/// `d` with the position (and notes) of `at`, a located diagnostic with another message.
fn at_position(d: Diagnostic, at: &Diagnostic) -> Diagnostic {
    at.clone().with_message(d.message())
}

/// How to print a report.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    #[default]
    Human,
    Json,
}

impl Report {
    /// Findings grouped by file (for stderr), and the coverage matrix and summary (for stdout).
    pub fn human(&self) -> (String, String) {
        let mut err = String::new();
        let mut files = 0;
        let mut i = 0;
        while i < self.findings.len() {
            let file = self.findings[i].file();
            let group: Vec<&Diagnostic> = self.findings[i..]
                .iter()
                .take_while(|d| d.file() == file)
                .collect();
            i += group.len();
            files += 1;
            let errors = group
                .iter()
                .filter(|d| d.severity() == Severity::Error)
                .count();
            let name = file.map_or_else(|| "the site".to_string(), |p| p.display().to_string());
            let _ = writeln!(err, "{name}: {}\n", counts(errors, group.len() - errors));
            for d in group {
                let _ = writeln!(err, "{d}");
            }
        }
        let mut out = super::coverage::matrix(&self.coverage, self.min_questions);
        if !self.external.is_empty() {
            let unchecked = self.external.iter().all(|e| e.status == "unchecked");
            if unchecked {
                let _ = writeln!(
                    out,
                    "External links: {} (not fetched; `trellis check --external` checks them)",
                    self.external.len()
                );
            } else {
                let broken = self
                    .external
                    .iter()
                    .filter(|e| e.status == "broken")
                    .count();
                let _ = writeln!(
                    out,
                    "External links: {} checked, {} ok, {broken} broken",
                    self.external.len(),
                    self.external.len() - broken
                );
            }
        }
        let (errors, warnings) = (self.count(Severity::Error), self.count(Severity::Warning));
        if errors + warnings == 0 {
            let _ = writeln!(out, "Check: no problems in {} pages", self.pages);
        } else {
            let _ = writeln!(
                out,
                "Check: {} in {files} file{} ({} pages checked)",
                counts(errors, warnings),
                if files == 1 { "" } else { "s" },
                self.pages
            );
        }
        (err, out)
    }

    /// The report as JSON (the schema is in docs/authoring.md).
    pub fn json(&self) -> String {
        let findings: Vec<serde_json::Value> = self.findings.iter().map(finding_json).collect();
        let files: std::collections::BTreeSet<Option<&std::path::Path>> =
            self.findings.iter().map(|d| d.file()).collect();
        let value = json!({
            "version": 1,
            "summary": {
                "errors": self.count(Severity::Error),
                "warnings": self.count(Severity::Warning),
                "files": files.len(),
                "pages": self.pages,
            },
            "findings": findings,
            "coverage": { "min_questions": self.min_questions, "competencies": self.coverage },
            "readability": self.readability,
            "external_links": self.external,
        });
        let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
        text.push('\n');
        text
    }
}

pub fn finding_json(d: &Diagnostic) -> serde_json::Value {
    let rule = d.rule_name();
    json!({
        "severity": d.severity().name(),
        "check": rule.map_or("build", crate::config::check_of),
        "rule": rule,
        "file": d.file().map(|p| p.display().to_string()),
        "line": d.line_col().map(|p| p.0),
        "column": d.line_col().map(|p| p.1),
        "message": d.message(),
        "hint": d.hint_text(),
        "notes": d.notes(),
    })
}

fn counts(errors: usize, warnings: usize) -> String {
    let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
    match (errors, warnings) {
        (e, 0) => plural(e, "error"),
        (0, w) => plural(w, "warning"),
        (e, w) => format!("{}, {}", plural(e, "error"), plural(w, "warning")),
    }
}
