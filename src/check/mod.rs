//! `trellis check`: the quality gates before publishing. Over the site rendered in memory it
//! checks links and anchors, curriculum coverage, readability for each page's audience, content
//! accessibility and metadata, and reports each finding at the source line that caused it.
//! Every build runs the same checks (without the network): error-level findings fail it.

mod coverage;
mod html;
mod links;
mod metadata;
mod readability;
mod report;
mod scan;
mod scanner;
mod source;

use std::collections::{BTreeSet, HashMap};

use rustc_hash::{FxHashMap, FxHashSet};
use std::path::PathBuf;
use std::time::Duration;

use rayon::prelude::*;

use crate::config::Config;
use crate::content::Content;
use crate::diagnostic::{Diagnostic, Severity};
use crate::render::RenderedPage;
pub use coverage::{CompetencyRow, ObjectiveRow};
pub use readability::Counts;
pub use report::{ExternalLink, Format, PageReadability};
pub use scanner::{Scanned, Scanner};

/// How `trellis check` was asked to run.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// Fetch external links over the network.
    pub external: bool,
    /// List every external link with where it is first used (the report of `trellis check`);
    /// a build needs only the findings, so its scan lets external links go as it meets them.
    pub list_external: bool,
    /// Score the readability of every page, not only those whose audience has a limit (the
    /// report of `trellis check` lists every page; a build needs only the findings).
    pub all_scores: bool,
}

/// The rendered site, as the checks see it.
pub struct Input<'a> {
    pub config: &'a Config,
    pub content: &'a Content,
    pub markdown: &'a [RenderedPage],
    /// Output files that are not rendered pages: theme and site static files, content assets.
    pub files: Vec<&'a str>,
    /// The template of each page, and of each generated output by its path.
    pub templates: &'a [String],
    pub generated: &'a HashMap<String, String>,
}

/// Everything `trellis check` found.
#[derive(Debug, Default)]
pub struct Report {
    /// Sorted by file and position.
    pub findings: Vec<Diagnostic>,
    pub coverage: Vec<CompetencyRow>,
    pub min_questions: usize,
    pub readability: Vec<PageReadability>,
    pub external: Vec<ExternalLink>,
    pub pages: usize,
}

impl Report {
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|d| d.severity() == severity)
            .count()
    }
}

/// Findings as they are collected, at the level site.toml gives each rule.
pub struct Findings<'a> {
    config: &'a crate::config::CheckConfig,
    list: Vec<Diagnostic>,
}

impl Findings<'_> {
    pub fn push(&mut self, rule: &'static str, d: Diagnostic) {
        if let Some(severity) = self.config.severity(rule) {
            self.list.push(d.rule(rule, severity));
        }
    }
}

/// One output page with what the scan found and where its markdown came from.
struct Checked {
    path: String,
    page: Option<usize>,
    scan: scan::Scan,
    /// The page's markdown, read only when something needs it (a finding to place, prose to
    /// score): most pages of a large site need neither.
    source: std::sync::OnceLock<source::PageSource>,
}

impl Checked {
    fn source(&self, content: &Content) -> &source::PageSource {
        self.source.get_or_init(|| match self.page {
            Some(i) => source::page_source(content, i),
            None => source::PageSource::default(),
        })
    }
}

/// Runs every check, given the scans of the output pages ([`Scanner`]) and the path of every
/// output file.
pub fn run_scanned(
    input: &Input,
    scanned: &[Scanned],
    output_paths: &[&str],
    options: Options,
) -> Report {
    let content = input.content;
    let check = &input.config.check;
    let mut f = Findings {
        config: check,
        list: Vec::new(),
    };
    let checked: Vec<&Checked> = scanned.iter().map(|s| &s.0).collect();
    let mut files: FxHashSet<&str> = output_paths.iter().copied().collect();
    files.extend(input.files.iter().copied());
    let ids: FxHashMap<&str, &FxHashSet<String>> = checked
        .iter()
        .map(|c| (c.path.as_str(), &c.scan.ids))
        .collect();
    let base_path = input.config.base_path();
    let record_links: HashMap<String, (usize, std::ops::Range<usize>)> = content
        .resources
        .iter()
        .enumerate()
        .filter_map(|(r, res)| {
            let rec = &res.record;
            let span = rec
                .doi
                .as_ref()
                .map(|d| d.span())
                .or_else(|| rec.url.as_ref().map(|u| u.span()))?;
            let start = content.pages[res.page].front_start;
            Some((rec.link()?, (r, start + span.start..start + span.end)))
        })
        .collect();
    let per_page: Vec<(RuleFindings, ExternalLinks)> = checked
        .par_iter()
        .map(|c| page_links(input, c, &files, &ids, &base_path, &record_links))
        .collect();
    let mut external: ExternalLinks = Vec::new();
    for (problems, links) in per_page {
        for (rule, d) in problems {
            f.push(rule, d);
        }
        external.extend(links);
    }
    let cited: BTreeSet<String> = content
        .pages
        .par_iter()
        .flat_map_iter(|p| source::cited(p.body()).collect::<Vec<_>>())
        .collect::<Vec<String>>()
        .into_iter()
        .collect();
    let rows = coverage::check(content, check.min_questions, &cited, &mut f);
    metadata::check(content, &mut f);
    let readability = report::readability(input, &checked, options.all_scores, &mut f);
    let external = report::external(
        external,
        options.external.then(|| {
            (
                Duration::from_secs_f64(*check.external_timeout.get_ref()),
                *check.external_concurrency.get_ref(),
            )
        }),
        &mut f,
    );

    let mut findings = f.list;
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    findings.dedup();
    Report {
        findings,
        coverage: rows,
        min_questions: check.min_questions,
        readability,
        external,
        pages: content.pages.len(),
    }
}

type RecordLinks = HashMap<String, (usize, std::ops::Range<usize>)>;
/// Findings with the rule that made them, before site.toml's levels apply.
type RuleFindings = Vec<(&'static str, Diagnostic)>;
/// External URLs with where they are used.
type ExternalLinks = Vec<(String, Diagnostic)>;

/// The findings of one page's scan, and its links checked: (rule, finding) pairs, and the
/// external links with where they are.
fn page_links(
    input: &Input,
    c: &Checked,
    files: &FxHashSet<&str>,
    ids: &FxHashMap<&str, &FxHashSet<String>>,
    base_path: &str,
    record_links: &RecordLinks,
) -> (RuleFindings, ExternalLinks) {
    let content = input.content;
    let mut problems = Vec::new();
    let mut external = Vec::new();
    for p in &c.scan.problems {
        problems.push((
            p.rule,
            locate(input, c, &p.place, &p.message).hint(p.hint.clone()),
        ));
    }
    for url in &c.scan.urls {
        match links::classify(&c.path, &url.value, base_path) {
            links::Kind::External => {
                let at = match (url.place.region, record_links.get(url.value.as_str())) {
                    // A resource's link is printed by templates: point at the record.
                    (None, Some((r, span))) => {
                        let page = &content.pages[content.resources[*r].page];
                        Diagnostic::new("").at(&page.file, &page.source, span.clone())
                    }
                    _ => locate(input, c, &url.place, ""),
                };
                external.push((url.value.clone(), at));
            }
            links::Kind::Other => {}
            links::Kind::Outside(u) => problems.push((
                "broken-link",
                locate(
                    input,
                    c,
                    &url.place,
                    &format!("link to `{u}` leads outside the site"),
                )
                .hint(links::outside_hint(source_of(input, c, &url.place))),
            )),
            links::Kind::Internal(target, fragment) => {
                if let Some((rule, message, hint)) = links::check_internal(
                    &url.value,
                    &target,
                    fragment.as_deref(),
                    source_of(input, c, &url.place),
                    files,
                    ids,
                ) {
                    problems.push((rule, locate(input, c, &url.place, &message).hint(hint)));
                }
            }
        }
    }
    (problems, external)
}

/// Whether what is at `place` in the output of `c` comes from a page's markdown or a template.
fn source_of<'a>(input: &'a Input, c: &Checked, place: &scan::Place) -> links::Source<'a> {
    match (c.page, place.region) {
        (Some(i), Some(_)) => links::Source::Markdown {
            page: &input.content.pages[i].rel,
        },
        _ => links::Source::Template,
    }
}

/// A finding about something at `place` in the output of `c`, pointed at its source: the line
/// of markdown that made it, else the template that did.
fn locate(input: &Input, c: &Checked, place: &scan::Place, message: &str) -> Diagnostic {
    let d = Diagnostic::new(message);
    if let (Some(i), Some(r)) = (c.page, place.region) {
        let page = &input.content.pages[i];
        let region = &c.source(input.content).regions[r];
        let span = place
            .cat
            .map(|cat| cat as usize)
            .filter(|&cat| c.scan.counts[r][cat] == region.elements[cat].len())
            .and_then(|cat| region.elements[cat].get(place.index).cloned())
            .unwrap_or(region.offset..region.offset);
        return d.at(&page.file, &page.source, span);
    }
    let template = match c.page {
        Some(i) => input.templates.get(i).cloned(),
        None => input.generated.get(&c.path).cloned(),
    }
    .unwrap_or_default();
    d.in_file(&template_file(input.config, &template))
        .note(format!(
            "note: on the page `{}`, made by the template `{template}`",
            c.path
        ))
}

/// The file a template comes from: the site's `templates/`, the theme's folder, or the
/// default theme built into trellis (shown by its path in the repository).
fn template_file(config: &Config, name: &str) -> PathBuf {
    let site = PathBuf::from("templates").join(name);
    if config.root.join(&site).is_file() {
        return site;
    }
    PathBuf::from("themes")
        .join(config.theme.get_ref())
        .join("templates")
        .join(name)
}

/// The JSON report of a site that could not be loaded or rendered: its problems as findings.
pub fn failure_json(e: &crate::Error) -> String {
    let findings: Vec<serde_json::Value> = match e {
        crate::Error::Content(ds) => ds.iter().map(report::finding_json).collect(),
        crate::Error::NoSite(d) => vec![report::finding_json(d)],
        other => vec![serde_json::json!({
            "severity": "error", "check": "build", "rule": null, "file": null, "line": null,
            "column": null, "message": other.report(crate::Task::Check).trim_start_matches("error: ").trim_end(),
            "hint": null, "notes": [],
        })],
    };
    let files: BTreeSet<String> = findings
        .iter()
        .filter_map(|f| f["file"].as_str().map(str::to_string))
        .collect();
    let value = serde_json::json!({
        "version": 1,
        "summary": { "errors": findings.len(), "warnings": 0, "files": files.len(), "pages": 0 },
        "findings": findings,
        "coverage": null,
        "readability": [],
        "external_links": [],
    });
    format!(
        "{}\n",
        serde_json::to_string_pretty(&value).unwrap_or_default()
    )
}

/// The readability of the content pages `pages`, scored as `trellis check` scores it: for the panel
/// `trellis serve` shows authors.
pub fn readability_of_pages(
    config: &Config,
    content: &Content,
    pages: &[usize],
) -> Vec<PageReadability> {
    let checked: Vec<Checked> = pages
        .par_iter()
        .map(|&i| Checked {
            path: content.pages[i].href(),
            page: Some(i),
            scan: scan::Scan::default(),
            source: std::sync::OnceLock::new(),
        })
        .collect();
    let input = Input {
        config,
        content,
        markdown: &[],
        files: Vec::new(),
        templates: &[],
        generated: &HashMap::new(),
    };
    let mut ignored = Findings {
        config: &config.check,
        list: Vec::new(),
    };
    let checked: Vec<&Checked> = checked.iter().collect();
    report::readability(&input, &checked, true, &mut ignored)
}
