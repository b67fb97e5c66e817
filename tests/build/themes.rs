//! Themes, templates, static files and content assets: what a site overrides, what is copied
//! beside the pages, and the home page a site gets without a home file.

use super::curriculum;
use super::harness::{self, Site};

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
fn a_static_file_takes_the_place_of_a_generated_file_in_a_first_build_and_a_rebuild() {
    let robots = "User-agent: *\nDisallow: /\n";
    let site = Site::fixture("curriculum")
        .file("static/robots.txt", robots)
        .file("static/css/syntax.css", "/* the site's own */\n");
    let first = site.build().success();
    assert_eq!(first.read("robots.txt"), robots);
    assert_eq!(first.read("css/syntax.css"), "/* the site's own */\n");
    assert!(first.read("sitemap.xml").contains("<urlset"));
    // Over its own output, the static files stay and are not rewritten.
    let before = std::fs::metadata(first.output().join("robots.txt"))
        .and_then(|m| m.modified())
        .unwrap();
    let again = site.build().success();
    assert_eq!(again.read("robots.txt"), robots);
    let after = std::fs::metadata(again.output().join("robots.txt"))
        .and_then(|m| m.modified())
        .unwrap();
    assert_eq!(before, after);
    // Without the static file, the generated one is back.
    let site = site.remove("static/robots.txt");
    assert!(site
        .build()
        .success()
        .read("robots.txt")
        .contains("Sitemap: "));
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

/// The hint for a template that a `themes/default/` folder in the site lacks.
fn hint(name: &str) -> String {
    format!("`themes/default/` in the site replaces the built-in default theme whole, so it must hold every template: add `templates/{name}` to it, or remove the folder to use the built-in theme and put only the templates you change in the site's `templates/`")
}

/// A theme folder in the site is used whole: what it lacks is not taken from the built-in
/// theme. Each missing template is named with the page that needs it, and the hint says how to
/// change only a few templates.
#[test]
fn a_theme_folder_that_lacks_templates_does_not_fall_back_to_the_built_in_theme() {
    Site::fixture("minimal")
        .copy_from_repo("themes/default", "themes/default")
        .remove("themes/default/templates/page.html")
        .remove("themes/default/templates/404.html")
        .build()
        .failure()
        .stderr_is(&format!(
            "error: the theme has no template `404.html`, needed by the generated page `404.html`
  = hint: {}

error: the theme has no template `page.html`, needed by `notes/first.md`
 --> content/notes/first.md
  = hint: {}

error: the theme has no template `page.html`, needed by `notes/second.md`
 --> content/notes/second.md
  = hint: {}

error: found 3 problems in the site; nothing was written
",
            hint("404.html"),
            hint("page.html"),
            hint("page.html"),
        ));
    // A custom theme gets no templates from the built-in one either.
    Site::fixture("minimal")
        .copy_from_repo("themes/default", "themes/x")
        .edit("site.toml", "title = \"Fixture Site\"", "title = \"Fixture Site\"\ntheme = \"x\"")
        .remove("themes/x/templates/taxonomy_term.html")
        .build()
        .failure()
        .stderr_is(
            "error: the theme has no template `taxonomy_term.html`, needed by the generated page `topics/goal-setting/index.html`
  = hint: `themes/x/` takes no templates from the built-in default theme: add `templates/taxonomy_term.html` to it, or to the site's `templates/`

error: found 1 problem in the site; nothing was written
",
        );
}

/// A template that every page extends or imports is reported once, at the tag of the first
/// template that names it, with how many others do: not Tera's message about one template.
#[test]
fn a_theme_folder_without_its_base_or_macros_names_them_once_each() {
    let run = Site::fixture("minimal")
        .copy_from_repo("themes/default", "themes/default")
        .remove("themes/default/templates/base.html")
        .remove("themes/default/templates/macros.html");
    let count = |text: &str| {
        std::fs::read_dir(run.path().join("themes/default/templates"))
            .unwrap()
            .flatten()
            .filter(|e| std::fs::read_to_string(e.path()).is_ok_and(|t| t.contains(text)))
            .count()
    };
    let (extends, imports) = (
        count("{% extends \"base.html\" %}"),
        count("{% import \"macros.html\""),
    );
    assert!(extends > 2 && imports > 2, "{extends} {imports}");
    run.build().failure().stderr_is(&format!(
        "error: the theme has no template `base.html`, which `404.html` extends (as do {} other templates)
 --> themes/default/templates/404.html:1:1
  |
1 | {{% extends \"base.html\" %}}
  | ^^^^^^^^^^^^^^^^^^^^^^^^^
  = hint: {}

error: the theme has no template `macros.html`, which `competency.html` imports (as do {} other templates)
 --> themes/default/templates/competency.html:2:1
  |
2 | {{% import \"macros.html\" as m %}}
  | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  = hint: {}

error: found 2 problems in the site; nothing was written
",
        extends - 1,
        hint("base.html"),
        imports - 1,
        hint("macros.html"),
    ));
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
