//! The exact text of template errors: syntax errors with their position, includes that lead
//! back to their own template, macros that never stop, and errors while rendering, reported
//! once however many pages they break. None of them may crash the binary or touch public/.

mod harness;
use harness::Site;

/// A page template of the fixture, extending the default theme's base.
fn page_template(main: &str) -> String {
    format!("{{% extends \"base.html\" %}}\n{{% block main %}}\n{main}\n{{% endblock main %}}\n")
}

/// Builds `site` once cleanly, then with `break_it` applied: the failed build exits 1 with
/// `stderr`, and leaves the first build's output as it was, with no temporary folder beside it.
/// `check` fails with the same problems, and ends by saying the other checks did not run.
#[track_caller]
fn fails_and_keeps_old_output(break_it: impl FnOnce(Site) -> Site, stderr: &str) {
    let site = Site::fixture("minimal");
    let before = site.build().success().snapshot();
    let site = break_it(site);
    let run = site.build().failure().stderr_is(stderr);
    assert_eq!(
        run.snapshot(),
        before,
        "a failed build must leave public/ as it was"
    );
    assert!(!site.path().join("public.trellis-tmp").exists());
    let checked = stderr.replace(
        "; nothing was written\n",
        "; the other checks did not run\n",
    );
    site.run(&["check"]).failure().stderr_is(&checked);
}

#[test]
fn a_template_that_includes_itself_is_a_load_error() {
    fails_and_keeps_old_output(
        |site| site.file("templates/page.html", "<main>\n  {% include \"page.html\" %}\n</main>\n"),
        "error: `page.html` includes itself: page.html → page.html
 --> templates/page.html:2:3
  |
2 |   {% include \"page.html\" %}
  |   ^^^^^^^^^^^^^^^^^^^^^^^^^
  = hint: an include that leads back to its own template never ends; move the shared part into a template of its own

error: found 1 problem in the site; nothing was written
",
    );
}

#[test]
fn templates_that_include_each_other_are_one_load_error() {
    fails_and_keeps_old_output(
        |site| {
            site.file("templates/page.html", "{% include \"partials/a.html\" %}\n")
                .file("templates/partials/a.html", "<a>{% include \"partials/b.html\" %}</a>\n")
                .file("templates/partials/b.html", "<b>{%- include 'partials/a.html' -%}</b>\n")
        },
        "error: `partials/a.html` includes itself: partials/a.html → partials/b.html → partials/a.html
 --> templates/partials/a.html:1:4
  |
1 | <a>{% include \"partials/b.html\" %}</a>
  |    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  = hint: an include that leads back to its own template never ends; move the shared part into a template of its own

error: found 1 problem in the site; nothing was written
",
    );
}

#[test]
fn a_macro_that_calls_itself_without_end_stops_with_an_error() {
    fails_and_keeps_old_output(
        |site| {
            site.file(
                "templates/page.html",
                "{% extends \"base.html\" %}{% import \"loop.html\" as loop %}\n{% block main %}{{ loop::down(n=3) }}{% endblock main %}\n",
            )
            .file(
                "templates/loop.html",
                "{% macro down(n) %}\n{% for i in [1] %}{% if true %}<li>{{ self::down(n=n - 1) }}</li>{% endif %}{% endfor %}\n{% endmacro down %}\n",
            )
        },
        "error: in macro `self::down`: templates nest too deeply: page.html calls loop::down calls self::down … (an include or macro that calls itself?)
 --> templates/loop.html:2:39
  |
2 | {% for i in [1] %}{% if true %}<li>{{ self::down(n=n - 1) }}</li>{% endif %}{% endfor %}
  |                                       ^^^^^^^^^^
  = hint: a recursive macro needs a condition that stops it; an include cannot lead back to its own template
    note: `page.html` failed on 2 pages: content/notes/first.md and content/notes/second.md

error: found 1 problem in the site; nothing was written
",
    );
}

#[test]
fn an_include_that_leads_back_only_sometimes_is_stopped_while_rendering() {
    // Inside an `if`, an include may stop: not an error when loading, but the depth limit
    // still ends it cleanly when it does not.
    fails_and_keeps_old_output(
        |site| site.file("templates/page.html", "{% if page %}{% include \"page.html\" %}{% endif %}\n"),
        "error: templates nest too deeply: page.html includes page.html … (an include or macro that calls itself?)
 --> templates/page.html
  = hint: a recursive macro needs a condition that stops it; an include cannot lead back to its own template
    note: `page.html` failed on 2 pages: content/notes/first.md and content/notes/second.md

error: found 1 problem in the site; nothing was written
",
    );
}

#[test]
fn a_recursive_macro_that_stops_renders() {
    Site::fixture("minimal")
        .file(
            "templates/page.html",
            "{% import \"count.html\" as count %}\n<p>{{ count::down(n=20) }}</p>\n",
        )
        .file(
            "templates/count.html",
            "{% macro down(n) %}{{ n }}{% if n > 0 %}{% for i in [1] %} {{ self::down(n=n - 1) }}{% endfor %}{% endif %}{% endmacro down %}",
        )
        .build()
        .success()
        .page("notes/first/index.html")
        .contains("<p>20 19 18 17 16 15 14 13 12 11 10 9 8 7 6 5 4 3 2 1 0</p>");
}

#[test]
fn syntax_errors_point_into_each_template_that_has_one() {
    fails_and_keeps_old_output(
        |site| {
            site.file(
                "templates/page.html",
                &page_template("{% if page.title or %}<h1>x</h1>{% endif %}"),
            )
            .file("templates/section.html", "{{ section.title }\n")
        },
        "error: expected a value that can be negated
 --> templates/page.html:3:21
  |
3 | {% if page.title or %}<h1>x</h1>{% endif %}
  |                     ^
  = hint: check the Tera syntax at this position; see docs/templates.md

error: expected `or`, `and`, `not`, `<=`, `>=`, `<`, `>`, `==`, `!=`, `+`, `-`, `*`, `/`, `%`, a filter, or a variable end (`}}`)
 --> templates/section.html:1:18
  |
1 | {{ section.title }
  |                  ^
  = hint: check the Tera syntax at this position; see docs/templates.md

error: found 2 problems in the site; nothing was written
",
    );
}

#[test]
fn a_syntax_error_in_a_theme_names_the_theme_file() {
    Site::fixture("minimal")
        .copy_from_repo("themes/default", "themes/x")
        .edit("site.toml", "base_url", "theme = \"x\"\nbase_url")
        .edit(
            "themes/x/templates/page.html",
            "{% block main %}",
            "{% block main %}{% endblok %}",
        )
        .build()
        .failure()
        .stderr_contains("\n --> themes/x/templates/page.html:");
}

#[test]
fn a_rendering_error_is_reported_once_with_the_pages_it_broke() {
    let site = Site::fixture("minimal")
        .file(
            "content/notes/third.md",
            "+++\ntitle = \"Third\"\n+++\nText.\n",
        )
        .file(
            "templates/page.html",
            &page_template("<h1>{{ page.titel }}</h1>"),
        );
    site.build().failure().stderr_is(
        "error: Variable `page.titel` not found in context while rendering 'page.html'
 --> templates/page.html:3:8
  |
3 | <h1>{{ page.titel }}</h1>
  |        ^^^^^^^^^^
  = hint: see docs/templates.md for the variables and filters templates can use
    note: `page.html` failed on 3 pages, such as content/notes/first.md and content/notes/second.md

error: found 1 problem in the site; nothing was written
",
    );
    assert!(!site.path().join("public").exists());
    assert!(!site.path().join("public.trellis-tmp").exists());
}

#[test]
fn an_unknown_filter_in_a_parent_template_points_at_it() {
    Site::fixture("minimal")
        .copy_from_repo("themes/default", "themes/x")
        .edit("site.toml", "base_url", "theme = \"x\"\nbase_url")
        .edit(
            "themes/x/templates/base.html",
            "{{ page_title",
            "{{ page_title | shout",
        )
        .build()
        .failure()
        .stderr_contains("error: Filter 'shout' not found\n --> themes/x/templates/base.html:");
}
