//! Finds content files with walkdir, parses them in parallel, and arranges them into sections.

use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use super::front_matter::{self, SortBy};
use super::{validate, Content, Page};
use crate::config::Config;
use crate::diagnostic::{Diagnostic, Diagnostics};

#[derive(Clone, Debug, Default)]
pub struct LoadOptions {
    /// Include pages marked `draft = true`.
    pub drafts: bool,
}

/// Loads and resolves `content/`. Problems are collected, not fatal: the content that did load
/// is returned with them, so later stages can report their own problems in the same build.
pub fn load(config: &Config, options: &LoadOptions) -> (Content, Diagnostics) {
    let mut ds = Diagnostics::default();
    let dir = config.root.join("content");
    let mut content = Content::default();
    if dir.is_dir() {
        let (markdown, assets, symlinks) = find_files(&config.root, &dir, &mut ds);
        content.assets = assets;
        content.symlinks = symlinks;
        let results: Vec<Result<Page, Diagnostic>> = markdown
            .par_iter()
            .map(|(file, rel)| load_file(&config.root, file, rel))
            .collect();
        content.pages.reserve(results.len() + 1);
        for (r, (file, rel)) in results.into_iter().zip(&markdown) {
            match r {
                Ok(page) => content.pages.push(page),
                Err(d) => {
                    ds.push(d);
                    content.broken_files.insert(rel.clone());
                    if let Ok(source) = crate::fs::read_to_string(&config.root.join(file)) {
                        content
                            .broken_ids
                            .extend(front_matter::salvage_ids(&source));
                    }
                }
            }
        }
        if !options.drafts {
            drop_drafts(&mut content.pages);
        }
    } else {
        ds.push(
            Diagnostic::new(format!(
                "could not find the `content` folder in `{}`",
                crate::config::display_dir(&config.root)
            ))
            .hint("create `content/_index.md`: it is the home page"),
        );
    }
    if !content.pages.iter().any(|p| p.rel == "_index.md") {
        content.pages.push(implicit_home(config));
    }
    content.pages.sort_by(|a, b| a.rel.cmp(&b.rel));
    content.by_rel = content
        .pages
        .iter()
        .enumerate()
        .map(|(i, p)| (p.rel.clone(), i))
        .collect();
    content.home = content.by_rel["_index.md"];

    arrange(&mut content, &mut ds);
    validate::resolve(&mut content, config, &mut ds);
    (content, ds)
}

/// A site without `content/_index.md` still has a home page: the site's title and its sections.
fn implicit_home(config: &Config) -> Page {
    let meta = toml::from_str(&format!(
        "title = {}",
        toml::Value::String(config.title.clone())
    ))
    .expect("a title alone is valid front matter");
    Page {
        file: PathBuf::from("content/_index.md"),
        rel: "_index.md".into(),
        source: String::new(),
        front_start: 0,
        body_start: 0,
        meta,
        records: Vec::new(),
        is_section: true,
        path: String::new(),
        parent: None,
        pages: Vec::new(),
        subsections: Vec::new(),
        gift: None,
    }
}

/// Markdown files (site-relative file, content-relative rel), other files, and symbolic links
/// (site-relative, and whether each leads to a folder). Links are not followed: one may lead
/// out of the site, or in a circle, and the `trellis check` rule `symlink` reports them.
fn find_files(root: &Path, dir: &Path, ds: &mut Diagnostics) -> FoundFiles {
    let mut markdown = Vec::new();
    let mut assets = std::collections::BTreeSet::new();
    let mut symlinks = Vec::new();
    for entry in WalkDir::new(dir).sort_by_file_name() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                ds.push(Diagnostic::new(format!(
                    "could not read the content folder: {e}"
                )));
                continue;
            }
        };
        let name = entry.file_name().to_string_lossy();
        if name.starts_with('.') || name.ends_with('~') {
            continue;
        }
        if entry.path_is_symlink() {
            let file = entry.path().strip_prefix(root).unwrap_or(entry.path());
            symlinks.push((crate::fs::slash_path(file), entry.path().is_dir()));
            continue;
        }
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = entry.path().strip_prefix(dir).unwrap_or(entry.path());
        let rel_str = crate::fs::slash_path(rel);
        if name.ends_with(".md") || name.ends_with(".gift") {
            let file = entry.path().strip_prefix(root).unwrap_or(entry.path());
            markdown.push((file.to_path_buf(), rel_str));
        } else {
            assets.insert(rel_str);
        }
    }
    (markdown, assets, symlinks)
}

type FoundFiles = (
    Vec<(PathBuf, String)>,
    std::collections::BTreeSet<String>,
    Vec<(String, bool)>,
);

fn load_file(root: &Path, file: &Path, rel: &str) -> Result<Page, Diagnostic> {
    let source = crate::fs::read_to_string(&root.join(file)).map_err(|e| {
        let d = Diagnostic::new(format!("could not read `{}`: {}", file.display(), e.source))
            .in_file(file);
        if e.source.kind() == std::io::ErrorKind::InvalidData {
            d.hint("save the file as UTF-8 text")
        } else {
            d
        }
    })?;
    if rel.ends_with(".gift") {
        return Ok(gift_page(file, rel, source));
    }
    let parsed = front_matter::parse(file, &source)?;
    Ok(Page {
        file: file.to_path_buf(),
        rel: rel.to_string(),
        front_start: parsed.front_start,
        body_start: parsed.body_start,
        source,
        meta: parsed.meta,
        records: parsed.records,
        is_section: rel == "_index.md" || rel.ends_with("/_index.md"),
        path: String::new(),
        parent: None,
        pages: Vec::new(),
        subsections: Vec::new(),
        gift: None,
    })
}

/// A Moodle GIFT file is a quiz page: its title from a `// title:` comment or its file name.
fn gift_page(file: &Path, rel: &str, source: String) -> Page {
    let (quiz, errors) = crate::quiz::gift::parse(&source);
    let stem = rel
        .rsplit('/')
        .next()
        .unwrap_or(rel)
        .trim_end_matches(".gift");
    let title = quiz.title.clone().unwrap_or_else(|| {
        let words = stem.replace(['-', '_'], " ");
        let mut chars = words.chars();
        chars
            .next()
            .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
    });
    let meta = toml::from_str(&format!(
        "title = {}\nkind = \"quiz\"",
        toml::Value::String(title)
    ))
    .expect("a title and a kind are valid front matter");
    Page {
        file: file.to_path_buf(),
        rel: rel.to_string(),
        front_start: 0,
        body_start: source.len(),
        source,
        meta,
        records: Vec::new(),
        is_section: false,
        path: String::new(),
        parent: None,
        pages: Vec::new(),
        subsections: Vec::new(),
        gift: Some((quiz.questions, errors)),
    }
}

/// Removes draft pages, and everything below a draft section.
fn drop_drafts(pages: &mut Vec<Page>) {
    let hidden: Vec<String> = pages
        .iter()
        .filter(|p| p.is_section && p.meta.draft && p.rel != "_index.md")
        .map(|p| format!("{}/", section_dir(&p.rel)))
        .collect();
    pages.retain(|p| !p.meta.draft && !hidden.iter().any(|d| p.rel.starts_with(d)));
}

/// The folder of a section file: `modules/_index.md` -> `modules`, `_index.md` -> ``.
fn section_dir(rel: &str) -> &str {
    rel.strip_suffix("_index.md")
        .map_or(rel, |d| d.trim_end_matches('/'))
}

fn parent_dir(dir: &str) -> Option<String> {
    if dir.is_empty() {
        None
    } else {
        Some(
            dir.rsplit_once('/')
                .map_or(String::new(), |(d, _)| d.to_string()),
        )
    }
}

/// Whether `s` can be one segment of a page's URL, as a `slug`: not empty, not `.` or `..`,
/// and nothing that would end the segment or the path (`/`, `\\`, `?`, `#`, `%`) or be
/// invisible in it (spaces and control characters).
fn is_segment(s: &str) -> bool {
    !s.is_empty()
        && s != "."
        && s != ".."
        && !s.chars().any(|c| {
            matches!(c, '/' | '\\' | '?' | '#' | '%') || c.is_whitespace() || c.is_control()
        })
}

/// Sets output paths, parents and ordered children.
fn arrange(content: &mut Content, ds: &mut Diagnostics) {
    let sections: BTreeMap<String, usize> = content
        .pages
        .iter()
        .enumerate()
        .filter(|(_, p)| p.is_section)
        .map(|(i, p)| (section_dir(&p.rel).to_string(), i))
        .collect();

    for page in &mut content.pages {
        let dir = if page.is_section {
            section_dir(&page.rel).to_string()
        } else {
            page.rel
                .rsplit_once('/')
                .map_or(String::new(), |(d, _)| d.to_string())
        };
        // The nearest enclosing section; a section starts looking above its own folder.
        let mut search = if page.is_section {
            parent_dir(&dir)
        } else {
            Some(dir.clone())
        };
        while let Some(d) = search {
            if let Some(&s) = sections.get(&d) {
                page.parent = Some(s);
                break;
            }
            search = parent_dir(&d);
        }
        page.path = if page.is_section {
            if dir.is_empty() {
                String::new()
            } else {
                format!("{dir}/")
            }
        } else {
            let stem = page
                .rel
                .rsplit('/')
                .next()
                .unwrap_or(&page.rel)
                .trim_end_matches(".md")
                .trim_end_matches(".gift");
            let name = match &page.meta.slug {
                Some(slug) if is_segment(slug.get_ref()) => slug.get_ref().as_str(),
                Some(slug) => {
                    ds.push(
                        page.error_at(
                            format!(
                                "`slug = {:?}` is not one segment of a URL",
                                slug.get_ref()
                            ),
                            slug.span(),
                        )
                        .hint("a slug replaces the last part of the page's URL: use letters, digits and dashes, such as `slug = \"first-visit\"`"),
                    );
                    stem
                }
                None => stem,
            };
            if dir.is_empty() {
                format!("{name}/")
            } else {
                format!("{dir}/{name}/")
            }
        };
    }

    // Two files may not write the same output.
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, p) in content.pages.iter().enumerate() {
        if let Some(&first) = seen.get(p.path.as_str()) {
            // Blame the file that chose the clashing URL with a `slug`, if one did.
            let (culprit, other) = match (&p.meta.slug, &content.pages[first].meta.slug) {
                (None, Some(_)) => (&content.pages[first], p),
                _ => (p, &content.pages[first]),
            };
            let span = culprit.meta.slug.as_ref().map_or(0..0, |s| s.span());
            let message = format!(
                "`{}` would be written to `{}`, which `{}` already uses",
                culprit.rel,
                culprit.href(),
                other.rel
            );
            ds.push(
                culprit
                    .error_at(message, span)
                    .hint("give one of them a different `slug`"),
            );
        } else {
            seen.insert(&p.path, i);
        }
    }

    // Children, in each section's order.
    let mut children: BTreeMap<usize, (Vec<usize>, Vec<usize>)> = BTreeMap::new();
    for (i, p) in content.pages.iter().enumerate() {
        if let Some(parent) = p.parent {
            let entry = children.entry(parent).or_default();
            if p.is_section {
                entry.1.push(i)
            } else {
                entry.0.push(i)
            }
        }
    }
    for (section, (mut pages, mut subsections)) in children {
        let sort_by = content.pages[section]
            .meta
            .sort_by
            .as_ref()
            .map_or(SortBy::Weight, |s| *s.get_ref());
        let cmp = |a: &usize, b: &usize| compare(&content.pages[*a], &content.pages[*b], sort_by);
        pages.sort_by(cmp);
        subsections.sort_by(cmp);
        content.pages[section].pages = pages;
        content.pages[section].subsections = subsections;
    }
}

fn compare(a: &Page, b: &Page, sort_by: SortBy) -> Ordering {
    let by_title = || {
        a.meta
            .title
            .cmp(&b.meta.title)
            .then_with(|| a.rel.cmp(&b.rel))
    };
    match sort_by {
        SortBy::Weight => a.meta.weight.cmp(&b.meta.weight).then_with(by_title),
        SortBy::Title => by_title(),
        // Newest first; undated pages last.
        SortBy::Date => {
            let key = |p: &Page| p.meta.date.as_ref().map(|d| d.get_ref().to_string());
            key(b).cmp(&key(a)).then_with(by_title)
        }
    }
}
