//! The corpus's lessons and modules as a Hugo site, so that Hugo can be timed on the same pages
//! on the same machine (`corpus --hugo`; docs/PERFORMANCE.md, "Against Hugo").
//!
//! Each page is the Trellis page's markdown with what Hugo reads differently changed: the
//! `[taxonomies]` header is dropped, so that the keys under it (the last table of every corpus
//! page) are top-level keys as Hugo wants them; `resources` (a reserved key in Hugo) becomes
//! `refs`; `<!-- more -->` becomes Hugo's `<!--more-->`; `@/` links become `relref` shortcodes,
//! which Hugo resolves and checks as Trellis does `@/` links; and `[@ID]` cross-references
//! become links to an anchor. The rewriting knows the forms the corpus writes, not all of
//! Trellis's syntax. The layouts render what Trellis's theme renders around a lesson: head, site
//! header with the menu and a search form, breadcrumbs, the table of contents, the body with
//! highlighted code (CSS classes, as Trellis writes them), the page's terms and previous and
//! next links; sections list their pages with descriptions, and term pages are paginated by 50,
//! Trellis's default. Hugo gets the easier job (docs/PERFORMANCE.md lists what it leaves out).

use std::fmt::Write as _;
use std::io;
use std::path::{Path, PathBuf};

use super::plan::Plan;
use super::site::{home, modules_index};
use super::write::{at, write_all};

const CONFIG: &str = r##"baseURL = "https://example.org/synthetic/"
title = "Synthetic Self-Management Curriculum"
languageCode = "en"
paginate = 50
disableKinds = ["RSS"]
enableRobotsTXT = true

[params]
description = "A generated competency-based curriculum for benchmarking."

[taxonomies]
topic = "topics"
profession = "professions"

[markup.highlight]
noClasses = false

[markup.tableOfContents]
startLevel = 2
endLevel = 3

[[menu.main]]
name = "Modules"
url = "/modules/"
weight = 1
"##;

const BASEOF: &str = r##"<!DOCTYPE html>
<html lang="{{ site.LanguageCode }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} · {{ site.Title }}</title>
<meta name="description" content="{{ with .Description }}{{ . }}{{ else }}{{ site.Params.description }}{{ end }}">
<link rel="stylesheet" href="{{ "css/style.css" | relURL }}">
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header">
  <a class="brand" href="{{ "" | relURL }}">{{ site.Title }}</a>
  <nav class="site-nav" aria-label="Main"><ul>
  {{- $page := . }}{{ range site.Menus.main }}
    <li><a href="{{ .URL | relURL }}"{{ if $page.HasMenuCurrent "main" . }} aria-current="true"{{ end }}>{{ .Name }}</a></li>
  {{- end }}
  </ul></nav>
  <form class="site-search" role="search" action="{{ "search/" | relURL }}" method="get">
    <label for="site-search-input">Search the curriculum</label>
    <input id="site-search-input" type="search" name="q">
    <button type="submit">Search</button>
  </form>
</header>
<nav class="breadcrumbs" aria-label="Breadcrumb"><ol>
{{- range .Ancestors.Reverse }}
  <li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>
{{- end }}
  <li><a href="{{ .RelPermalink }}" aria-current="page">{{ .LinkTitle }}</a></li>
</ol></nav>
<main id="main">
{{ block "main" . }}{{ end }}
</main>
<footer class="site-footer"><p>{{ site.Title }}</p></footer>
</body>
</html>
"##;

const SINGLE: &str = r##"{{ define "main" }}
<article class="doc">
  <header class="doc-header">
    <h1>{{ .Title }}</h1>
    <p class="lede">{{ .Description }}</p>
    <p class="doc-meta">{{ .ReadingTime }} min read</p>
  </header>
  <nav class="toc" aria-label="On this page"><h2>On this page</h2>{{ .TableOfContents }}</nav>
  <div class="prose">{{ .Content }}</div>
  {{- range $taxonomy, $_ := site.Taxonomies }}{{ with $.GetTerms $taxonomy }}
  <p class="terms">{{ $taxonomy | humanize }}: {{ range . }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}</p>
  {{- end }}{{ end }}
  <nav class="prevnext" aria-label="Previous and next">
    {{- /* Hugo's "next in section" is the page before this one in weight order. */}}
    {{- with .NextInSection }}<a rel="prev" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
    {{- with .PrevInSection }}<a rel="next" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
  </nav>
</article>
{{ end }}
"##;

const LIST: &str = r##"{{ define "main" }}
<h1>{{ .Title }}</h1>
<div class="prose">{{ .Content }}</div>
<ul class="cards">
{{- range .Pages }}
  <li><a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ with .Description }}<p class="card-text">{{ . }}</p>{{ else }}<div class="card-text">{{ .Summary }}</div>{{ end }}</li>
{{- end }}
</ul>
{{ end }}
"##;

const TAXONOMY: &str = r##"{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul class="terms">
{{- range .Data.Terms.Alphabetical }}
  <li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>
{{- end }}
</ul>
{{ end }}
"##;

const TERM: &str = r##"{{ define "main" }}
<h1>{{ .Title }}</h1>
{{- $pager := .Paginate .Pages }}
<ul class="cards">
{{- range $pager.Pages }}
  <li><a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ with .Description }}<p class="card-text">{{ . }}</p>{{ else }}<div class="card-text">{{ .Summary }}</div>{{ end }}</li>
{{- end }}
</ul>
<nav class="pagination" aria-label="Pages">
  {{- with $pager.Prev }}<a rel="prev" href="{{ .URL }}">Previous</a>{{ end }}
  {{- with $pager.Next }}<a rel="next" href="{{ .URL }}">Next</a>{{ end }}
</nav>
{{ end }}
"##;

const STYLE: &str =
    "body { font: 1rem/1.5 system-ui, sans-serif; max-width: 50rem; margin: 0 auto; }\n\
                     .highlight { background: #f6f8fa; }\n";

/// The Trellis page `text` as Hugo reads it (see the module's comment).
fn for_hugo(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 256);
    let mut lines = text.split_inclusive('\n');
    let mut fences = 0;
    for line in lines.by_ref() {
        if line.trim_end() == "+++" {
            fences += 1;
            out.push_str(line);
            if fences == 2 {
                break;
            }
        } else if line.trim_end() == "[taxonomies]" || line.starts_with("sort_by") {
            // Taxonomies are top-level keys in Hugo, and it sorts by weight by default.
        } else if let Some(rest) = line.strip_prefix("resources = ") {
            out.push_str("refs = ");
            out.push_str(rest);
        } else {
            out.push_str(line);
        }
    }
    let body: String = lines.collect();
    out.push_str(&links(&body.replace("<!-- more -->", "<!--more-->")));
    out
}

/// `](@/a/b.md#x)` -> `]({{< relref "/a/b.md#x" >}})`, `](@ID)` -> `](#ID)` and `[@ID]` ->
/// `[ID](#ID)`; any other `@` is left as it is.
fn links(body: &str) -> String {
    let mut out = String::with_capacity(body.len() + 256);
    let mut rest = body;
    while let Some(at) = rest.find('@') {
        let (before, after) = rest.split_at(at);
        let target_end = after
            .find(|c: char| matches!(c, ')' | ']') || c.is_whitespace())
            .unwrap_or(after.len());
        let target = &after[1..target_end];
        let closes = |c: char| after[target_end..].starts_with(c);
        if before.ends_with("](") && closes(')') {
            out.push_str(before);
            if target.starts_with('/') {
                let _ = write!(out, "{{{{< relref \"{target}\" >}}}}");
            } else {
                let _ = write!(out, "#{target}");
            }
            rest = &after[target_end..];
        } else if before.ends_with('[') && closes(']') && !after[target_end + 1..].starts_with('(')
        {
            let _ = write!(out, "{before}{target}](#{target})");
            rest = &after[target_end + 1..];
        } else {
            out.push_str(before);
            out.push('@');
            rest = &after[1..];
        }
    }
    out.push_str(rest);
    out
}

/// The home page: the Trellis corpus's links to its competencies, library and map would point
/// at pages the Hugo site does not have.
fn hugo_home(plan: &Plan) -> String {
    let page = for_hugo(&home(plan));
    let (front, body) = page.split_at(page.find("+++\n\n").unwrap_or(0) + 5);
    let kept = body.split_once("\n\n").map_or("", |(_, rest)| rest);
    format!(
        "{front}This synthetic curriculum has {} lessons in [{} modules]({{{{< relref \"/modules/_index.md\" >}}}}).\n\n{kept}",
        plan.lessons,
        plan.modules.len()
    )
}

/// What [`generate`] wrote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HugoSummary {
    pub lessons: usize,
    pub modules: usize,
    pub files: usize,
    pub bytes: u64,
}

impl std::fmt::Display for HugoSummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} lesson pages in {} modules as a Hugo site: {} files, {} bytes written",
            self.lessons, self.modules, self.files, self.bytes
        )
    }
}

/// Writes the lessons and modules of the corpus of `pages` lessons and `seed` as a Hugo site
/// into `out` (which should be empty, see [`super::prepare_out`]).
pub fn generate(pages: usize, seed: u64, out: &Path) -> io::Result<HugoSummary> {
    let plan = &Plan::new(pages, seed);
    let content = out.join("content");
    let layouts = out.join("layouts/_default");
    for dir in [&content.join("modules"), &layouts, &out.join("static/css")] {
        std::fs::create_dir_all(dir).map_err(|e| at(e, dir))?;
    }
    let files: Vec<(PathBuf, String)> = vec![
        (out.join("hugo.toml"), CONFIG.to_string()),
        (layouts.join("baseof.html"), BASEOF.to_string()),
        (layouts.join("single.html"), SINGLE.to_string()),
        (layouts.join("list.html"), LIST.to_string()),
        (layouts.join("taxonomy.html"), TAXONOMY.to_string()),
        (layouts.join("term.html"), TERM.to_string()),
        (out.join("static/css/style.css"), STYLE.to_string()),
        (content.join("_index.md"), hugo_home(plan)),
        (
            content.join("modules/_index.md"),
            for_hugo(&modules_index(plan)),
        ),
    ];
    let mut written = write_all(&files)?;
    written += super::write_modules(plan, &content, |page| for_hugo(&page))?;
    Ok(HugoSummary {
        lessons: pages,
        modules: plan.modules.len(),
        files: written.files,
        bytes: written.bytes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_and_links_are_rewritten_for_hugo() {
        let page = "+++\ntitle = \"T\"\nresources = [\"k\"]\nsort_by = \"weight\"\n\n[taxonomies]\n\
                    topics = [\"a\"]\n+++\n\nLead.\n\n<!-- more -->\n\nSee [more](@/modules/m-0002/l-03.md), \
                    [the objective](@CMP-1.1), [@CMP-2] and a@b.\n";
        assert_eq!(
            for_hugo(page),
            "+++\ntitle = \"T\"\nrefs = [\"k\"]\n\ntopics = [\"a\"]\n+++\n\nLead.\n\n<!--more-->\n\n\
             See [more]({{< relref \"/modules/m-0002/l-03.md\" >}}), [the objective](#CMP-1.1), \
             [CMP-2](#CMP-2) and a@b.\n"
        );
        for (text, hugo) in [
            (
                "[home](@/_index.md#top)",
                "[home]({{< relref \"/_index.md#top\" >}})",
            ),
            ("[@X](https://x.org)", "[@X](https://x.org)"),
            ("[@a b] and [x](@y \"t\")", "[@a b] and [x](@y \"t\")"),
            ("mail me@x", "mail me@x"),
            ("unclosed [@X", "unclosed [@X"),
            ("unclosed [x](@/a.md", "unclosed [x](@/a.md"),
        ] {
            assert_eq!(links(text), hugo, "{text}");
        }
    }

    #[test]
    fn the_home_page_links_only_to_what_the_hugo_site_has() {
        let plan = Plan::new(30, 1);
        let home = hugo_home(&plan);
        assert!(home.starts_with("+++\ntitle = "), "{home}");
        assert!(home.contains(
            "This synthetic curriculum has 30 lessons in [3 modules]({{< relref \"/modules/_index.md\" >}})."
        ), "{home}");
        assert_eq!(home.matches("relref").count(), 1, "{home}");
    }
}
