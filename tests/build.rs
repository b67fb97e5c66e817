//! What `trellis build` produces from fixture sites: the HTML a reader gets, the files beside it,
//! and what the command line does with its options.
//!
//! Most tests read one shared build of `tests/fixtures/curriculum` (see [`curriculum`]); tests
//! that change the site or the command line build their own copy.

mod harness;

use std::sync::OnceLock;

use harness::{Run, Site};

/// The curriculum fixture, built once for every test that only reads its output.
fn curriculum() -> &'static Run {
    static BUILT: OnceLock<Run> = OnceLock::new();
    BUILT.get_or_init(|| Site::fixture_for_static("curriculum").build().success())
}

/// Asserts that two snapshots hold the same files with the same bytes, naming the differences.
#[track_caller]
fn assert_same_output(
    a: &std::collections::BTreeMap<String, Vec<u8>>,
    b: &std::collections::BTreeMap<String, Vec<u8>>,
) {
    let only_a: Vec<&String> = a.keys().filter(|k| !b.contains_key(*k)).collect();
    let only_b: Vec<&String> = b.keys().filter(|k| !a.contains_key(*k)).collect();
    let differ: Vec<&String> = a
        .iter()
        .filter(|(k, v)| b.get(*k).is_some_and(|w| w != *v))
        .map(|(k, _)| k)
        .collect();
    assert!(
        only_a.is_empty() && only_b.is_empty() && differ.is_empty(),
        "outputs differ\nonly in the first: {only_a:?}\nonly in the second: {only_b:?}\ndifferent bytes: {differ:?}"
    );
    assert!(!a.is_empty(), "the output is empty");
}

// ---------------------------------------------------------------------------------------------
// Markdown

#[test]
fn tables_footnotes_strikethrough_and_task_lists_become_html() {
    let page = curriculum().page("markdown/index.html");
    page.within("<table>", "</table>")
        .contains("<th>feature</th>")
        .contains("<td>tables</td>");
    assert!(
        page.urls().contains(&"#fn-note".to_string()),
        "no footnote link"
    );
    assert!(page.ids().contains("fn-note"), "no footnote definition");
    assert_eq!(page.count("type=\"checkbox\""), 2);
    assert_eq!(page.count("checked"), 1);
    page.contains("<del>struck out</del>")
        .contains("The footnote text.")
        .contains("plain block &lt;with&gt; angle brackets");
}

#[test]
fn smart_punctuation_curls_quotes_and_makes_dashes() {
    curriculum()
        .page("markdown/index.html")
        .contains("“Double quotes”")
        .contains("‘single quotes’")
        .contains("– with a dash… and an ellipsis")
        .lacks("&quot;Double quotes&quot;")
        .lacks("quotes -- with");
}

#[test]
fn headings_get_anchors_from_their_text_or_a_custom_id_and_duplicates_are_numbered() {
    let page = curriculum().page("markdown/index.html");
    let ids = page.ids();
    for id in [
        "overview",
        "first-step",
        "second-step",
        "why-it-matters",
        "why-it-matters-1",
        "custom",
    ] {
        assert!(ids.contains(id), "no id=\"{id}\" in {ids:?}");
    }
    page.contains("<h2 id=\"why-it-matters\">Why it matters</h2>")
        .contains("<h2 id=\"why-it-matters-1\">Why it matters</h2>")
        .contains("<h2 id=\"custom\">Chosen anchor</h2>")
        .lacks("{#custom}")
        .lacks("chosen-anchor");
}

#[test]
fn no_page_repeats_an_id() {
    let run = curriculum();
    assert_eq!(run.duplicate_ids(), Vec::<String>::new());
    // A heading named like an anchor the page already uses gets a suffix.
    let run = Site::fixture("curriculum")
        .file(
            "content/competencies/c-2.md",
            "+++\nkind = \"competency\"\nid = \"C-2\"\ntitle = \"Two\"\nstatement = \"S.\"\n\n\
             [[objectives]]\nid = \"C-2.1\"\ntext = \"T.\"\n+++\n## C-2.1\n\n## Main\n",
        )
        .build()
        .success();
    run.page("competencies/c-2/index.html")
        .contains("<h2 id=\"c-2-1-1\">C-2.1</h2>")
        .contains("<h2 id=\"main-1\">Main</h2>");
    assert_eq!(run.duplicate_ids(), Vec::<String>::new());
    // Each page keeps clear of its own items' anchors only; the library, which lists every
    // resource, keeps clear of all of them.
    let run = Site::fixture("curriculum")
        .file(
            "content/notes.md",
            "+++\ntitle = \"Notes\"\n+++\n## C-1.1\n\n## Ref smith-2020-goals\n",
        )
        .file(
            "content/library/_index.md",
            &format!(
                "{}\n## Ref smith-2020-goals\n",
                std::fs::read_to_string(
                    harness::repo().join("tests/fixtures/curriculum/content/library/_index.md")
                )
                .unwrap()
            ),
        )
        .build()
        .success();
    run.page("notes/index.html")
        .contains("<h2 id=\"c-1-1\">C-1.1</h2>")
        .contains("<h2 id=\"ref-smith-2020-goals\">Ref smith-2020-goals</h2>");
    run.page("library/index.html")
        .contains("<h2 id=\"ref-smith-2020-goals-1\">Ref smith-2020-goals</h2>");
    assert_eq!(run.duplicate_ids(), Vec::<String>::new());
}

#[test]
fn a_heading_and_a_footnote_with_the_same_name_get_distinct_ids() {
    let run = Site::fixture("curriculum")
        .file(
            "content/notes.md",
            "+++\ntitle = \"Notes\"\n+++\n## Note\n\nA claim[^note].\n\n[^note]: Its source.\n",
        )
        .build()
        .success();
    assert_eq!(run.duplicate_ids(), Vec::<String>::new());
    run.assert_links_resolve();
}

#[test]
fn headings_do_not_take_ids_the_theme_uses() {
    let run = Site::fixture("curriculum")
        .edit(
            "content/lessons/_index.md",
            "The lessons of the course.",
            "The lessons of the course.\n\n## Section pages\n",
        )
        .edit(
            "content/lessons/beta.md",
            "Opening paragraph.",
            "Opening paragraph.\n\n## Teaches title\n",
        )
        .build()
        .success();
    assert_eq!(run.duplicate_ids(), Vec::<String>::new());
}

#[test]
fn table_of_contents_nests_h3_headings_under_their_h2() {
    let page = curriculum().page("markdown/index.html");
    let toc = page.within("<nav class=\"toc\"", "</nav>");
    assert_eq!(toc.count("<ol>"), 2, "one list and one nested list");
    toc.in_order(&[
        "<a href=\"#overview\">Overview</a><ol>",
        "<a href=\"#first-step\">First step</a>",
        "<a href=\"#second-step\">Second step</a>",
        "</ol></li>",
        "<a href=\"#why-it-matters\">Why it matters</a>",
        "<a href=\"#why-it-matters-1\">Why it matters</a>",
        "<a href=\"#custom\">Chosen anchor</a>",
    ]);

    let run = Site::fixture("curriculum")
        .edit(
            "content/markdown.md",
            "weight = 9",
            "weight = 9\ntoc = false",
        )
        .build()
        .success();
    run.page("markdown/index.html")
        .lacks("<nav class=\"toc\"")
        .contains("<h3 id=\"first-step\">");
}

const CODE_PAGE: &str = r#"+++
title = "Code"
+++
```rust
fn main() {
    println!("hello <world>");
}
```

```python
def greet():
    return "hi"
```

```nosuchlang
keep <this> as text
```
"#;

#[test]
fn fenced_code_is_highlighted_with_classes_and_no_inline_styles() {
    let run = Site::fixture("curriculum")
        .file("content/code.md", CODE_PAGE)
        .build()
        .success();
    let page = run.page("code/index.html");
    page.within("<code class=\"language-rust\">", "</code></pre>")
        .contains("<span class=\"hl-")
        .contains(">fn</span>")
        .contains("hello &lt;world&gt;");
    page.within("<code class=\"language-python\">", "</code></pre>")
        .contains("<span class=\"hl-");
    page.within("<code class=\"language-nosuchlang\">", "</code></pre>")
        .contains("keep &lt;this&gt; as text")
        .lacks("<span");
    for file in run.html_files() {
        run.page(&file).lacks("style=");
    }
}

#[test]
fn syntax_stylesheet_is_generated_with_a_dark_scheme() {
    let run = curriculum();
    let css = run.read("css/syntax.css");
    assert!(css.contains(".hl-comment"), "no highlight classes:\n{css}");
    assert!(
        css.contains("@media (prefers-color-scheme: dark)"),
        "no dark-scheme media query"
    );
    run.page("lessons/beta/index.html")
        .contains("href=\"../../css/syntax.css\"");
}

// ---------------------------------------------------------------------------------------------
// Cross-references

#[test]
fn id_references_link_relatively_with_the_id_as_text_at_every_depth() {
    let run = curriculum();

    let home = run.page("index.html");
    assert_eq!(home.href_of("C-1"), "competencies/c-1/index.html");
    assert_eq!(home.href_of("C-1.1"), "competencies/c-1/index.html#c-1-1");
    assert_eq!(home.href_of("P-1"), "framework/principles/index.html#p-1");

    let depth1 = run.page("markdown/index.html");
    assert_eq!(
        depth1.href_of("C-1.1"),
        "../competencies/c-1/index.html#c-1-1"
    );

    let depth2 = run
        .page("lessons/beta/index.html")
        .within("<div class=\"prose\">", "</div>");
    assert_eq!(depth2.href_of("C-1"), "../../competencies/c-1/index.html");
    assert_eq!(
        depth2.href_of("C-1.1"),
        "../../competencies/c-1/index.html#c-1-1"
    );
    assert_eq!(
        depth2.href_of("P-1"),
        "../../framework/principles/index.html#p-1"
    );

    let depth3 = run.page("lessons/extra/deep/index.html");
    assert_eq!(
        depth3.href_of("C-1"),
        "../../../competencies/c-1/index.html"
    );
}

#[test]
fn resource_references_show_authors_and_year_and_link_into_the_library() {
    let run = curriculum();
    assert_eq!(
        run.page("index.html").href_of("Smith & Jones (2020)"),
        "library/index.html#ref-smith-2020-goals"
    );
    assert_eq!(
        run.page("markdown/index.html")
            .href_of("Brown et al. (2018)"),
        "../library/index.html#ref-brown-2018-coaching"
    );
    let prose = run
        .page("lessons/beta/index.html")
        .within("<div class=\"prose\">", "</div>");
    assert_eq!(
        prose.href_of("Smith & Jones (2020)"),
        "../../library/index.html#ref-smith-2020-goals"
    );
    run.page("library/index.html")
        .contains("id=\"ref-smith-2020-goals\"")
        .contains("id=\"ref-brown-2018-coaching\"");
}

#[test]
fn resource_references_without_a_library_link_to_their_list_page() {
    let run = Site::fixture("minimal").build().success();
    assert_eq!(
        run.page("notes/first/index.html").href_of("the reference"),
        "../../refs/index.html#ref-doe-2020-goals"
    );
    run.page("refs/index.html")
        .contains("id=\"ref-doe-2020-goals\"");
}

#[test]
fn references_with_your_own_words_keep_the_words() {
    let run = curriculum();
    assert_eq!(
        run.page("index.html").href_of("the review objective"),
        "competencies/c-1/index.html#c-1-2"
    );
    let prose = run
        .page("lessons/beta/index.html")
        .within("<div class=\"prose\">", "</div>");
    assert_eq!(
        prose.href_of("my words"),
        "../../competencies/c-1/index.html#c-1-2"
    );
    assert!(
        prose.hrefs_of("C-1.2").is_empty(),
        "the ID replaced the words"
    );
}

#[test]
fn file_links_resolve_to_the_page_and_keep_the_anchor() {
    let run = curriculum();
    assert_eq!(
        run.page("index.html").href_of("the first lesson"),
        "lessons/beta/index.html#getting-started"
    );
    assert_eq!(
        run.page("markdown/index.html").href_of("the glossary"),
        "../glossary/index.html"
    );
    let prose = run
        .page("lessons/beta/index.html")
        .within("<div class=\"prose\">", "</div>");
    assert_eq!(
        prose.href_of("the tour"),
        "../../markdown/index.html#custom"
    );
    assert_eq!(prose.href_of("home"), "../../index.html");
    run.page("lessons/beta/index.html")
        .contains("id=\"getting-started\"");
}

// ---------------------------------------------------------------------------------------------
// Relative URLs and the link checker

#[test]
fn internal_urls_are_relative_except_on_the_404_page() {
    let run = curriculum();
    for file in run.html_files() {
        if file == "404.html" {
            continue;
        }
        run.page(&file).lacks("href=\"/").lacks("src=\"/");
    }
    let not_found = run.page("404.html");
    assert!(not_found.urls().len() > 3, "404.html has almost no links");
    for url in not_found.urls() {
        if url.starts_with('#') {
            continue;
        }
        let rest = url
            .strip_prefix("/course/")
            .unwrap_or_else(|| panic!("404.html: `{url}` does not start with the base path"));
        let path = rest.split('#').next().unwrap();
        assert!(run.exists(path), "404.html: `{url}` leads nowhere");
    }
}

#[test]
fn every_internal_link_and_anchor_resolves() {
    curriculum().assert_links_resolve();
    Site::fixture("minimal")
        .build()
        .success()
        .assert_links_resolve();
}

#[test]
fn link_checker_reports_missing_files_anchors_and_absolute_urls() {
    let run = Site::fixture("curriculum")
        .file(
            "static/checker.html",
            r##"<p id="top"><a href="nowhere/index.html">a</a>
<a href="lessons/index.html#no-such-anchor">b</a>
<a href="/lessons/index.html">c</a>
<img src="missing.png" alt="">
<a href="#top">fine</a> <a href="lessons/">fine</a> <a href="lessons/index.html?x=1#section-pages">fine</a>
<a href="https://example.com/nowhere">external</a> <a href="mailto:a@example.org">mail</a></p>"##,
        )
        .build()
        .success();
    let broken = run.broken_links();
    assert_eq!(broken.len(), 4, "{broken:#?}");
    assert!(broken.iter().all(|b| b.starts_with("checker.html: ")));
    assert!(broken[0].contains("nowhere/index.html"), "{broken:#?}");
    assert!(broken[1].contains("no-such-anchor"), "{broken:#?}");
    assert!(broken[2].contains("absolute"), "{broken:#?}");
    assert!(broken[3].contains("missing.png"), "{broken:#?}");
}

// ---------------------------------------------------------------------------------------------
// Sections

#[test]
fn section_pages_are_ordered_by_weight_then_title() {
    curriculum()
        .page("lessons/index.html")
        .within("<h2 id=\"section-pages\">", "</ol>")
        .in_order(&[">Beta</a>", ">Alpha</a>", ">Gamma</a>", ">Deep dive</a>"]);
}

#[test]
fn sort_by_title_ignores_weight() {
    curriculum()
        .page("glossary/index.html")
        .within("<h2 id=\"section-pages\">", "</ol>")
        .in_order(&[">Apple</a>", ">Mango</a>", ">Zebra</a>"]);
}

#[test]
fn a_page_in_a_folder_without_index_belongs_to_the_nearest_section() {
    let run = curriculum();
    assert!(run.exists("lessons/extra/deep/index.html"));
    assert!(!run.exists("lessons/extra/index.html"));
    assert_eq!(
        run.page("lessons/index.html").href_of("Deep dive"),
        "../lessons/extra/deep/index.html"
    );
    let crumbs = run
        .page("lessons/extra/deep/index.html")
        .within("<nav class=\"breadcrumbs", "</nav>");
    assert_eq!(
        crumbs.link_hrefs(),
        [
            "../../../index.html",
            "../../../lessons/index.html",
            "../../../lessons/extra/deep/index.html"
        ]
    );
    assert_eq!(crumbs.link_texts()[1..], ["Lessons", "Deep dive"]);
}

/// The titles of a page's previous and next links, `None` when absent.
fn prev_next(run: &Run, path: &str) -> (Option<String>, Option<String>) {
    let page = run.page(path);
    if !page.has("<nav class=\"prevnext\"") {
        return (None, None);
    }
    let nav = page.within("<nav class=\"prevnext\"", "</nav>");
    let title = |rel: &str| {
        nav.has(&format!("rel=\"{rel}\"")).then(|| {
            nav.within(&format!("rel=\"{rel}\""), "</a>")
                .within("<span class=\"prevnext-title\">", "</span>")
                .html
                .trim_start_matches("<span class=\"prevnext-title\">")
                .trim_end_matches("</span>")
                .to_string()
        })
    };
    (title("prev"), title("next"))
}

#[test]
fn previous_and_next_follow_the_section_order() {
    let run = curriculum();
    let s = |t: &str| Some(t.to_string());
    assert_eq!(
        prev_next(run, "lessons/beta/index.html"),
        (None, s("Alpha"))
    );
    assert_eq!(
        prev_next(run, "lessons/alpha/index.html"),
        (s("Beta"), s("Gamma"))
    );
    assert_eq!(
        prev_next(run, "lessons/gamma/index.html"),
        (s("Alpha"), s("Deep dive"))
    );
    assert_eq!(
        prev_next(run, "lessons/extra/deep/index.html"),
        (s("Gamma"), None)
    );
    assert_eq!(
        prev_next(run, "glossary/apple/index.html"),
        (None, s("Mango"))
    );
    assert_eq!(
        prev_next(run, "glossary/zebra/index.html"),
        (s("Mango"), None)
    );
    assert_eq!(
        run.page("lessons/beta/index.html")
            .within("<nav class=\"prevnext\"", "</nav>")
            .href_of("Next → Alpha"),
        "../../lessons/alpha/index.html"
    );
}

#[test]
fn breadcrumbs_lead_from_home_to_the_current_page() {
    let run = curriculum();
    let crumbs = run
        .page("lessons/beta/index.html")
        .within("<nav class=\"breadcrumbs", "</nav>");
    assert_eq!(
        crumbs.link_hrefs(),
        [
            "../../index.html",
            "../../lessons/index.html",
            "../../lessons/beta/index.html"
        ]
    );
    assert_eq!(crumbs.link_texts()[1..], ["Lessons", "Beta"]);
    crumbs.contains("href=\"../../lessons/beta/index.html\" aria-current=\"page\">Beta</a>");
    run.page("index.html").lacks("<nav class=\"breadcrumbs");
}

// ---------------------------------------------------------------------------------------------
// Drafts

#[test]
fn drafts_and_draft_sections_are_left_out_by_default() {
    let run = curriculum();
    for path in [
        "lessons/draft/index.html",
        "hidden/index.html",
        "hidden/secret/index.html",
    ] {
        assert!(!run.exists(path), "{path} was built");
    }
    run.page("lessons/index.html").lacks("Unfinished lesson");
    run.page("index.html").lacks("Hidden section");
    let sitemap = run.read("sitemap.xml");
    assert!(!sitemap.contains("hidden") && !sitemap.contains("draft"));
    assert_eq!(
        prev_next(run, "lessons/gamma/index.html").1.as_deref(),
        Some("Deep dive")
    );
}

#[test]
fn drafts_flag_builds_drafts_and_draft_sections() {
    let run = Site::fixture("curriculum")
        .run(&["build", "--drafts"])
        .success();
    run.page("lessons/draft/index.html")
        .contains("<h1>Unfinished lesson</h1>");
    run.page("hidden/index.html")
        .contains("<h1>Hidden section</h1>")
        .contains(">Secret page</a>");
    run.page("hidden/secret/index.html")
        .contains("<h1>Secret page</h1>");
    run.page("lessons/index.html")
        .within("<h2 id=\"section-pages\">", "</ol>")
        .in_order(&[">Gamma</a>", ">Unfinished lesson</a>", ">Deep dive</a>"]);
    assert!(run.read("sitemap.xml").contains("hidden/secret/"));
}

// ---------------------------------------------------------------------------------------------
// Command-line options

#[test]
fn output_option_writes_the_site_elsewhere() {
    let site = Site::fixture("curriculum");
    let run = site.run(&["build", "--output", "site-out"]).success();
    assert!(run.stdout.contains("site-out"), "{}", run.stdout);
    run.page("index.html").contains("Course Fixture");
    assert!(run.exists("lessons/beta/index.html"));
    assert!(!site.path().join("public").exists());

    let elsewhere = tempfile::tempdir().unwrap();
    let target = elsewhere.path().join("www");
    let run = site
        .run(&["build", "--output", target.to_str().unwrap()])
        .success();
    assert_eq!(run.output(), target);
    assert!(target.join("lessons/beta/index.html").is_file());
}

#[test]
fn base_url_option_sets_the_sitemap_robots_and_404_base() {
    let run = curriculum();
    let urls = run.sitemap_urls();
    assert!(urls.contains(&"https://example.org/course/lessons/beta/".to_string()));
    assert!(run
        .read("robots.txt")
        .contains("Sitemap: https://example.org/course/sitemap.xml"));

    for base in [
        "https://cdn.example.net/learn/",
        "https://cdn.example.net/learn",
    ] {
        let run = Site::fixture("curriculum")
            .run(&["build", "--base-url", base])
            .success();
        let urls = run.sitemap_urls();
        assert!(!urls.is_empty());
        for url in &urls {
            assert!(
                url.starts_with("https://cdn.example.net/learn/"),
                "{url} (base {base})"
            );
        }
        assert!(urls.contains(&"https://cdn.example.net/learn/lessons/beta/".to_string()));
        assert!(run
            .read("robots.txt")
            .contains("Sitemap: https://cdn.example.net/learn/sitemap.xml\n"));
        run.page("404.html")
            .contains("href=\"/learn/css/trellis.css\"");
        run.page("lessons/beta/index.html").lacks("cdn.example.net");
    }
}

#[test]
fn sitemap_lists_every_page_with_an_absolute_url() {
    let run = curriculum();
    let mut expected: Vec<String> = run
        .html_files()
        .into_iter()
        .filter(|f| f.ends_with("index.html"))
        .map(|f| {
            format!(
                "https://example.org/course/{}",
                f.trim_end_matches("index.html")
            )
        })
        .collect();
    expected.sort();
    let mut urls = run.sitemap_urls();
    urls.sort();
    assert_eq!(urls, expected);
}

#[test]
fn refuses_to_write_the_output_into_the_site_itself() {
    for output in [".", "content/generated"] {
        let site = Site::fixture("curriculum");
        site.run(&["build", "--output", output])
            .failure()
            .stderr_contains("refusing to write the site into");
        assert!(site.path().join("site.toml").is_file());
        assert!(site.path().join("content/lessons/beta.md").is_file());
        assert!(!site.path().join("content/generated").exists());
    }
}

#[test]
fn help_describes_each_command_and_its_options() {
    let site = Site::empty();
    let top = site.run(&["--help"]).success();
    for part in ["build", "check", "--root"] {
        assert!(
            top.stdout.contains(part),
            "--help lacks {part}:\n{}",
            top.stdout
        );
    }
    let build = site.run(&["build", "--help"]).success();
    for part in ["--output", "--base-url", "--drafts", "--root"] {
        assert!(
            build.stdout.contains(part),
            "build --help lacks {part}:\n{}",
            build.stdout
        );
    }
    let check = site.run(&["check", "--help"]).success();
    for part in ["--drafts", "--root"] {
        assert!(
            check.stdout.contains(part),
            "check --help lacks {part}:\n{}",
            check.stdout
        );
    }
}

#[test]
fn root_option_builds_a_site_from_another_folder() {
    let site = Site::fixture("curriculum");
    let elsewhere = tempfile::tempdir().unwrap();
    let root = site.path().to_str().unwrap().to_string();
    let run = site
        .run_in(elsewhere.path(), &["--root", &root, "build"])
        .success();
    run.page("lessons/beta/index.html")
        .contains("<h1>Beta</h1>");
    assert_eq!(
        std::fs::read_dir(elsewhere.path()).unwrap().count(),
        0,
        "wrote into the working folder"
    );
    std::fs::remove_dir_all(site.path().join("public")).unwrap();
    site.run_in(elsewhere.path(), &["build", "--root", &root])
        .success();
    assert!(site.path().join("public/index.html").is_file());

    std::fs::remove_dir_all(site.path().join("public")).unwrap();
    let parent = site.path().parent().unwrap();
    let name = site.path().file_name().unwrap().to_str().unwrap();
    site.run_in(parent, &["--root", name, "build"]).success();
    assert!(site.path().join("public/index.html").is_file());
}

#[test]
fn check_validates_a_good_site_and_writes_nothing() {
    let site = Site::fixture("curriculum");
    let run = site.run(&["check"]).success();
    assert!(run.stdout.starts_with("Checked "), "{}", run.stdout);
    assert!(run.stdout.contains("nothing written"), "{}", run.stdout);
    assert!(!site.path().join("public").exists());
    assert!(!site.path().join("public.trellis-tmp").exists());
}

// ---------------------------------------------------------------------------------------------
// Themes, templates, static files and content assets

#[test]
fn a_site_template_replaces_the_theme_template_of_the_same_name() {
    let run = Site::fixture("curriculum")
        .file(
            "templates/page.html",
            r#"{% extends "base.html" %}
{% block main %}<article><h1>{{ page.title }}</h1>
<p class="marker">Rendered by the site's own page template</p>
{{ page.content | safe }}</article>{% endblock main %}
"#,
        )
        .build()
        .success();
    run.page("lessons/beta/index.html")
        .contains("<h1>Beta</h1>")
        .contains("Rendered by the site's own page template")
        .contains("href=\"#main\"")
        .contains("<h2 id=\"getting-started\">");
    run.page("lessons/index.html").lacks("Rendered by the site");
    run.page("competencies/c-1/index.html")
        .lacks("Rendered by the site");
}

#[test]
fn static_files_are_copied_and_win_over_the_theme() {
    let run = Site::fixture("curriculum")
        .file(
            "static/css/trellis.css",
            "/* the site's own stylesheet */\n",
        )
        .file("static/handouts/checklist.txt", "Checklist\n")
        .build()
        .success();
    assert_eq!(
        run.read("css/trellis.css"),
        "/* the site's own stylesheet */\n"
    );
    assert_eq!(run.read("handouts/checklist.txt"), "Checklist\n");
    assert!(run.read("css/syntax.css").contains(".hl-"));
}

#[test]
fn content_files_that_are_not_markdown_are_copied_beside_their_pages() {
    let run = curriculum();
    let original = std::fs::read(
        harness::repo().join("tests/fixtures/curriculum/content/lessons/diagram.svg"),
    )
    .unwrap();
    assert_eq!(
        std::fs::read(run.output().join("lessons/diagram.svg")).unwrap(),
        original
    );
    run.page("lessons/index.html")
        .contains("<img src=\"diagram.svg\" alt=\"A small diagram\"");
}

#[test]
fn an_image_beside_a_page_file_shows_on_that_page() {
    let run = Site::fixture("curriculum")
        .edit(
            "content/lessons/alpha.md",
            "Alpha body.",
            "Alpha body. ![A small diagram](diagram.svg)",
        )
        .build()
        .success();
    run.assert_links_resolve();
}

#[test]
fn the_theme_named_in_site_toml_is_used() {
    let run = Site::fixture("curriculum")
        .copy_from_repo("themes/default", "themes/x")
        .edit(
            "site.toml",
            "title = \"Course Fixture\"",
            "title = \"Course Fixture\"\ntheme = \"x\"",
        )
        .edit(
            "themes/x/templates/page.html",
            "{% block main %}",
            "{% block main %}\n<p class=\"marker\">Theme x page</p>",
        )
        .file("themes/x/static/x.txt", "from theme x\n")
        .build()
        .success();
    run.page("lessons/beta/index.html").contains("Theme x page");
    assert_eq!(run.read("x.txt"), "from theme x\n");
    run.assert_links_resolve();
}

#[test]
fn a_site_without_a_home_file_still_gets_a_home_page() {
    let run = Site::fixture("minimal")
        .remove("content/_index.md")
        .build()
        .success();
    let home = run
        .page("index.html")
        .contains("<h1")
        .contains("Fixture Site");
    assert_eq!(
        home.within("<main", "</main>").href_of("Notes"),
        "notes/index.html"
    );
    let crumbs = run
        .page("notes/index.html")
        .within("<nav class=\"breadcrumbs", "</nav>");
    assert_eq!(crumbs.link_hrefs()[0], "../index.html");
    run.assert_links_resolve();
}

// ---------------------------------------------------------------------------------------------
// Determinism and the output folder

#[test]
fn the_shipped_site_builds_byte_identically_in_two_folders() {
    let first = Site::shipped().build().success().snapshot();
    let second = Site::shipped().build().success().snapshot();
    assert_same_output(&first, &second);
}

#[test]
fn rebuilding_the_same_folder_gives_identical_output() {
    let site = Site::shipped();
    let first = site.build().success().snapshot();
    let second = site.build().success().snapshot();
    assert_same_output(&first, &second);
}

#[test]
fn output_does_not_depend_on_the_number_of_threads() {
    let one = Site::shipped()
        .run_env(&["build"], &[("RAYON_NUM_THREADS", "1")])
        .success()
        .snapshot();
    let two = Site::shipped()
        .run_env(&["build"], &[("RAYON_NUM_THREADS", "2")])
        .success()
        .snapshot();
    assert_same_output(&one, &two);
}

#[test]
fn a_rebuild_removes_output_of_deleted_pages_and_leaves_no_work_folders() {
    let site = Site::fixture("curriculum");
    let run = site.build().success();
    assert!(run.exists("lessons/gamma/index.html"));
    let site = site.remove("content/lessons/gamma.md");
    let run = site.build().success();
    assert!(!run.exists("lessons/gamma/index.html"));
    assert!(!run.exists("lessons/gamma"));
    assert!(!run.read("sitemap.xml").contains("gamma"));
    let mut entries: Vec<String> = std::fs::read_dir(site.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    entries.sort();
    assert_eq!(entries, ["content", "public", "site.toml"]);
}

#[test]
fn a_rebuild_removes_stray_files_but_leaves_hidden_top_level_entries_alone() {
    let site = Site::fixture("curriculum");
    site.build().success();
    let public = site.path().join("public");
    let put = |rel: &str, text: &str| {
        let path = public.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    // Publishing the output as a Git worktree keeps its repository inside it.
    put(".git/HEAD", "ref: refs/heads/pages\n");
    put(".git/objects/pack/p.idx", "x");
    put(".nojekyll", "");
    put("lessons/old/index.html", "stale");
    put("zz-stale.html", "stale");
    let run = site.build().success();
    for kept in [".git/HEAD", ".git/objects/pack/p.idx", ".nojekyll"] {
        assert!(run.exists(kept), "{kept} was removed");
    }
    for gone in ["lessons/old", "zz-stale.html"] {
        assert!(!run.exists(gone), "{gone} is still there");
    }
    assert!(run.exists("lessons/beta/index.html"));
}

// ---------------------------------------------------------------------------------------------
// Taxonomies, the resource library and the curriculum map

#[test]
fn taxonomy_pages_list_terms_and_what_is_filed_under_them() {
    let run = curriculum();
    let list = run.page("topics/index.html").contains("<h1>Topics</h1>");
    assert_eq!(
        list.href_of("goal setting (2)"),
        "../topics/goal-setting/index.html"
    );
    assert_eq!(
        list.href_of("coaching (1)"),
        "../topics/coaching/index.html"
    );

    let term = run
        .page("topics/goal-setting/index.html")
        .contains("<h1>goal setting</h1>")
        .contains("id=\"ref-smith-2020-goals\"")
        .contains("Goals that matter")
        .lacks("Coaching for health");
    assert_eq!(term.href_of("Beta"), "../../lessons/beta/index.html");

    run.page("topics/coaching/index.html")
        .contains("id=\"ref-brown-2018-coaching\"")
        .lacks("id=\"ref-smith-2020-goals\"");
    assert_eq!(
        run.page("lessons/beta/index.html")
            .within("<dl class=\"page-terms\"", "</dl>")
            .href_of("goal setting"),
        "../../topics/goal-setting/index.html"
    );
}

#[test]
fn long_term_pages_are_paginated() {
    let run = Site::fixture("curriculum")
        .edit(
            "site.toml",
            "name = \"topics\"\ntitle = \"Topics\"",
            "name = \"topics\"\ntitle = \"Topics\"\npaginate_by = 1",
        )
        .build()
        .success();
    // Beta (a page) on the first page, the resource on the second; the list counts both.
    let first = run
        .page("topics/goal-setting/index.html")
        .contains("1 page and 1 resource. Showing 1–1 of 2.")
        .contains("<title>Topics: goal setting (page 1 of 2) · Course Fixture</title>")
        .lacks("id=\"ref-smith-2020-goals\"");
    assert_eq!(first.href_of("Beta"), "../../lessons/beta/index.html");
    assert_eq!(
        first.href_of("Next page"),
        "../../topics/goal-setting/page/2/index.html"
    );
    let second = run
        .page("topics/goal-setting/page/2/index.html")
        .contains("id=\"ref-smith-2020-goals\"")
        .contains(
            "<a href=\"../../../../topics/goal-setting/page/2/index.html\" aria-current=\"page\">",
        )
        .lacks(">Beta<");
    assert_eq!(
        second.href_of("Previous page"),
        "../../../../topics/goal-setting/index.html"
    );
    assert!(!run.exists("topics/goal-setting/page/3/index.html"));
    assert!(!run.exists("topics/coaching/page/2/index.html"));
}

#[test]
fn library_filter_pages_by_kind_year_competency_and_topic() {
    let run = curriculum();
    let library = run.page("library/index.html");
    let urls = library.urls();
    for filter in [
        "../library/kind/article/index.html",
        "../library/kind/book/index.html",
        "../library/kind/web/index.html",
        "../library/year/2020/index.html",
        "../library/year/2018/index.html",
        "../library/year/n-d/index.html",
        "../library/competency/c-1/index.html",
        "../library/topic/goal-setting/index.html",
        "../library/topic/coaching/index.html",
    ] {
        assert!(urls.contains(&filter.to_string()), "library lacks {filter}");
    }

    let smith = "id=\"ref-smith-2020-goals\"";
    let brown = "id=\"ref-brown-2018-coaching\"";
    let org = "id=\"ref-fixture-org-self-care\"";
    let only = |path: &str, present: &[&str]| {
        let page = run.page(path);
        for id in [smith, brown, org] {
            if present.contains(&id) {
                assert!(page.has(id), "{path} lacks {id}");
            } else {
                assert!(!page.has(id), "{path} should not list {id}");
            }
        }
    };
    only("library/kind/article/index.html", &[smith]);
    only("library/kind/book/index.html", &[brown]);
    only("library/kind/web/index.html", &[org]);
    only("library/year/2020/index.html", &[smith]);
    only("library/year/n-d/index.html", &[org]);
    only("library/competency/c-1/index.html", &[smith, brown]);
    only("library/topic/goal-setting/index.html", &[smith]);
    only("library/topic/coaching/index.html", &[brown]);
    only("library/index.html", &[smith, brown, org]);
    run.page("library/kind/article/index.html")
        .contains("Goals that matter");
}

#[test]
fn curriculum_map_shows_where_each_objective_is_taught() {
    let map = curriculum().page("curriculum-map/index.html");
    let row = |id: &str| map.within(&format!(">{id}</a>"), "</tr>");

    let taught = row("C-1.1").contains("Set goals together.");
    assert_eq!(taught.href_of("Beta"), "../lessons/beta/index.html");
    assert_eq!(
        taught.href_of("Smith & Jones (2020)"),
        "../library/index.html#ref-smith-2020-goals"
    );
    taught.lacks("Not yet taught");

    let reviewed = row("C-1.2");
    assert_eq!(reviewed.href_of("Alpha"), "../lessons/alpha/index.html");
    reviewed.lacks("Not yet taught");

    row("C-1.3")
        .contains("Celebrate progress.")
        .contains("Not yet taught");
    assert_eq!(map.count("Not yet taught"), 1);
    assert_eq!(map.href_of("C-1.3"), "../competencies/c-1/index.html#c-1-3");
    map.contains("<strong>1</strong> not yet taught");
}

// ---------------------------------------------------------------------------------------------
// Escaping

#[test]
fn front_matter_text_is_escaped_in_the_html() {
    let run = Site::fixture("curriculum")
        .file(
            "content/lessons/escape.md",
            r#"+++
title = "Fish & Chips <script>alert('title')</script>"
description = "Salt & vinegar <script>alert('description')</script>"
weight = 8
resources = ["obrien-2021-escapes"]
[taxonomies]
topics = ["<script>alert('term')</script> & more"]
+++
See [@obrien-2021-escapes].
"#,
        )
        .file(
            "content/library/tricky.md",
            r#"+++
kind = "resources"
title = "Tricky <script>alert('list')</script>"

[[resources]]
key = "obrien-2021-escapes"
kind = "article"
authors = ["O'Brien, R.", "Smith & Sons"]
year = 2021
title = "<script>alert('resource')</script> & friends"
journal = "Journal <script>alert('journal')</script>"
annotation = "Tom & Jerry <script>alert('annotation')</script>"
taxonomies = { topics = ["coaching"] }
+++
"#,
        )
        .build()
        .success();
    // The only scripts are the theme's own (`<script src=...>`); nothing from front matter.
    for file in run.html_files() {
        run.page(&file).lacks("<script>");
    }
    assert!(!run.read("sitemap.xml").contains("<script"));
    run.page("lessons/escape/index.html")
        .contains("<h1>Fish &amp; Chips &lt;script&gt;alert(")
        .contains("<title>Fish &amp; Chips &lt;script&gt;")
        .contains("Salt &amp; vinegar &lt;script&gt;");
    run.page("lessons/index.html")
        .contains(">Fish &amp; Chips &lt;script&gt;alert(");
    run.page("library/index.html")
        .contains("&lt;script&gt;alert(")
        .contains("Tom &amp; Jerry")
        .contains("Smith &amp; Sons");
    let escape = run.page("lessons/escape/index.html");
    assert_eq!(
        escape
            .within("<div class=\"prose\">", "</div>")
            .link_texts(),
        ["O'Brien & Smith & Sons (2021)"]
    );
}

#[test]
fn summaries_in_listings_are_escaped() {
    let run = Site::fixture("curriculum")
        .file(
            "content/lessons/summary.md",
            "+++\ntitle = \"Summary\"\nweight = 9\n+++\n\
             Use the `<script>` tag & the `<em>` tag with care.\n\n<!-- more -->\n\nThe rest.\n",
        )
        .build()
        .success();
    run.page("lessons/index.html")
        .contains("Use the")
        .lacks("<script>")
        .lacks("<em>");
    for file in run.html_files() {
        run.page(&file).lacks("<script>");
    }
}
