//! The HTML a reader gets from Markdown and front matter: tables, punctuation, heading anchors,
//! the table of contents, highlighted code, and text escaped wherever it is printed.

use super::curriculum;
use super::harness::{self, Site};

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

#[test]
fn a_page_date_is_shown_in_words_on_an_english_site_and_as_written_otherwise() {
    let site = Site::fixture("minimal").edit(
        "content/notes/first.md",
        "title = \"First lesson\"",
        "title = \"First lesson\"\ndate = 2026-01-05",
    );
    site.build()
        .success()
        .page("notes/first/index.html")
        .contains("<span>Updated <time datetime=\"2026-01-05\">5 January 2026</time></span>");
    let site = site.edit(
        "site.toml",
        "title = \"Fixture Site\"",
        "title = \"Fixture Site\"\nlanguage = \"fr\"",
    );
    site.build()
        .success()
        .page("notes/first/index.html")
        .contains("<time datetime=\"2026-01-05\">2026-01-05</time>");
}
