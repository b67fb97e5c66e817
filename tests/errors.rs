//! The exact text of each user-facing build error, from invalid fixture sites.

mod harness;
use harness::Site;

#[test]
fn missing_site_toml() {
    Site::fixture("minimal")
        .remove("site.toml")
        .build()
        .failure()
        .stderr_is(
            "error: could not find `site.toml` in `.`
  = hint: run trellis in the folder that holds your site, or pass `--root <DIR>`
",
        );
}

#[test]
fn malformed_toml_in_front_matter() {
    Site::fixture("minimal")
        .edit(
            "content/notes/second.md",
            "title = \"Second lesson\"",
            "title = \"Second lesson",
        )
        .build()
        .failure()
        .stderr_is(
            "error: invalid basic string, expected `\"`
 --> content/notes/second.md:2:23
  |
2 | title = \"Second lesson
  |                       ^
  = hint: check the TOML syntax: strings need double quotes, lists need [ ]

error: found 1 problem in the site; nothing was written
",
        );
}

#[test]
fn unknown_front_matter_key_suggests_the_near_one() {
    Site::fixture("minimal")
        .edit("content/notes/second.md", "weight = 2", "wieght = 2")
        .build()
        .failure()
        .stderr_is(
            "error: unknown field `wieght`
 --> content/notes/second.md:3:1
  |
3 | wieght = 2
  | ^^^^^^
  = hint: did you mean `weight`?

error: found 1 problem in the site; nothing was written
",
        );
}

#[test]
fn missing_required_field() {
    Site::fixture("minimal")
        .edit("content/notes/second.md", "title = \"Second lesson\"\n", "")
        .build()
        .failure()
        .stderr_is(
            "error: missing field `title`
 --> content/notes/second.md:2:1
  |
2 | weight = 2
  | ^
  = hint: add `title = ...`; see docs/authoring.md for the required keys

error: found 1 problem in the site; nothing was written
",
        );
}

#[test]
fn duplicate_ids_name_both_places() {
    Site::fixture("minimal")
        .file(
            "content/t-2.md",
            "+++\nkind = \"competency\"\nid = \"T-1\"\ntitle = \"Again\"\nstatement = \"s\"\n[[objectives]]\nid = \"T-1.1\"\ntext = \"t\"\n+++\n",
        )
        .build()
        .failure()
        .stderr_is(
            "error: duplicate ID `T-1`
 --> content/t-2.md:3:6
  |
3 | id = \"T-1\"
  |      ^^^^^
  = hint: `T-1` is already defined at content/t-1.md:3:6; IDs must be unique across the site

error: found 1 problem in the site; nothing was written
",
        );
}

#[test]
fn unknown_cross_reference() {
    Site::fixture("minimal")
        .edit(
            "content/notes/second.md",
            "Back to",
            "See [@T-1.2]. Back to",
        )
        .build()
        .failure()
        .stderr_is(
            "error: unknown cross-reference `T-1.2`
 --> content/notes/second.md:5:5
  |
5 | See [@T-1.2]. Back to [the first](@/notes/first.md#why-it-matters).
  |     ^^^^^^^^
  = hint: did you mean `T-1.1`?

error: found 1 problem in the site; nothing was written
",
        );
}

#[test]
fn unknown_template() {
    Site::fixture("minimal")
        .edit("content/notes/second.md", "weight = 2", "weight = 2\ntemplate = \"lesson.html\"")
        .build()
        .failure()
        .stderr_is(
            "error: unknown template `lesson.html`
 --> content/notes/second.md:4:12
  |
4 | template = \"lesson.html\"
  |            ^^^^^^^^^^^^^
  = hint: add `templates/lesson.html` to the site, or use one of: 404.html, competency.html, curriculum_map.html, framework.html, index.html, library.html, page.html, progress.html, quiz.html, resource_filter.html, resources.html, search.html, section.html, taxonomy_list.html, taxonomy_term.html

error: found 1 problem in the site; nothing was written
",
        );
}

/// The acceptance scenario: three problems in three files, all reported, exit 1, and
/// the previous output untouched.
#[test]
fn all_errors_reported_together_and_old_output_survives() {
    let site = Site::fixture("minimal");
    let before = site.build().success().snapshot();
    let run = site
        .edit(
            "content/notes/second.md",
            "title = \"Second lesson\"",
            "title = \"Second lesson",
        )
        .edit(
            "content/notes/first.md",
            "weight = 1",
            "weight = 1\ncolour = \"red\"",
        )
        .edit("content/_index.md", "[@T-1]", "[@T-9]")
        .build()
        .failure();
    let stderr = &run.stderr;
    assert!(
        stderr.contains("error: unknown cross-reference `T-9`\n --> content/_index.md:5:"),
        "{stderr}"
    );
    assert!(
        stderr.contains("error: unknown field `colour`\n --> content/notes/first.md:5:1"),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "error: invalid basic string, expected `\"`\n --> content/notes/second.md:2:23"
        ),
        "{stderr}"
    );
    assert!(
        stderr.ends_with("error: found 3 problems in the site; nothing was written\n"),
        "{stderr}"
    );
    assert_eq!(
        run.snapshot(),
        before,
        "a failed build must leave public/ as it was"
    );
}

#[test]
fn broken_file_does_not_cascade_into_unknown_id_errors() {
    // sms-like competency with a typo: its IDs are still known, so links to them stay quiet.
    Site::fixture("minimal")
        .edit("content/t-1.md", "weight = 1", "wieght = 1")
        .build()
        .failure()
        .stderr_contains("error: unknown field `wieght`")
        .stderr_contains("error: found 1 problem in the site");
}

#[test]
fn resource_record_rules() {
    Site::fixture("minimal")
        .edit("content/refs.md", "year = 2020\n", "")
        .edit("content/refs.md", "journal = \"Journal of Tests\"\n", "")
        .build()
        .failure()
        .stderr_is(
            "error: resource `doe-2020-goals` of kind `article` is missing `year`
 --> content/refs.md:6:7
  |
6 | key = \"doe-2020-goals\"
  |       ^^^^^^^^^^^^^^^^
  = hint: add `year = 2014`; only web pages and policy documents may leave it out

error: resource `doe-2020-goals` is an article but has no `journal`
 --> content/refs.md:7:8
  |
7 | kind = \"article\"
  |        ^^^^^^^^^
  = hint: add `journal = \"...\"`, or choose another kind

error: found 2 problems in the site; nothing was written
",
        );
}

#[test]
fn competency_needs_statement_and_valid_objective_ids() {
    Site::fixture("minimal")
        .edit(
            "content/t-1.md",
            "statement = \"Write tests that can fail.\"\n",
            "",
        )
        .build()
        .failure()
        .stderr_contains(
            "error: missing `statement` for kind `competency`\n --> content/t-1.md:2:8",
        );
    Site::fixture("minimal")
        .edit("content/t-1.md", "id = \"T-1.1\"", "id = \"T-2.1\"")
        .edit(
            "content/notes/first.md",
            "teaches = [\"T-1.1\"]",
            "teaches = []",
        )
        .edit("content/notes/first.md", "See [@T-1.1] and", "See")
        .edit(
            "content/refs.md",
            "competencies = [\"T-1.1\"]",
            "competencies = [\"T-1\"]",
        )
        .build()
        .failure()
        .stderr_contains(
            "error: invalid objective ID `T-2.1` for competency `T-1`\n --> content/t-1.md:9:6",
        )
        .stderr_contains(
            "= hint: objective IDs are the competency ID, a dot and a number, e.g. `T-1.1`",
        );
}

#[test]
fn unknown_taxonomy_menu_page_and_theme() {
    Site::fixture("minimal")
        .edit("content/notes/first.md", "topics = [", "topic = [")
        .build()
        .failure()
        .stderr_contains("error: unknown taxonomy `topic`\n --> content/notes/first.md:8:1")
        .stderr_contains("= hint: did you mean `topics`?");
    Site::fixture("minimal")
        .edit("site.toml", "notes/_index.md", "note/_index.md")
        .build()
        .failure()
        .stderr_contains("error: menu entry `Notes` names an unknown content file `note/_index.md`\n --> site.toml:7:8")
        .stderr_contains("= hint: did you mean `notes/_index.md`?");
    Site::fixture("minimal")
        .edit("site.toml", "base_url", "theme = \"fancy\"\nbase_url")
        .build()
        .failure()
        .stderr_contains("error: unknown theme `fancy`\n --> site.toml:3:9");
}

#[test]
fn missing_front_matter_fence() {
    Site::fixture("minimal")
        .file("content/notes/third.md", "title = \"x\"\n")
        .build()
        .failure()
        .stderr_contains("error: expected front matter: the file must start with a `+++` line\n --> content/notes/third.md:1:1");
}

#[test]
fn check_reports_the_same_errors_and_writes_nothing() {
    let site = Site::fixture("minimal").edit("content/_index.md", "[@T-1]", "[@T-9]");
    site.run(&["check"])
        .failure()
        .stderr_contains("error: unknown cross-reference `T-9`");
    assert!(!site.path().join("public").exists());
}

#[test]
fn slug_clash_blames_the_file_with_the_slug() {
    Site::fixture("minimal")
        .file("content/notes/c.md", "+++\ntitle = \"Clash\"\nslug = \"first\"\n+++\n")
        .build()
        .failure()
        .stderr_is(
            "error: `notes/c.md` would be written to `notes/first/index.html`, which `notes/first.md` already uses
 --> content/notes/c.md:3:8
  |
3 | slug = \"first\"
  |        ^^^^^^^
  = hint: give one of them a different `slug`

error: found 1 problem in the site; nothing was written
",
        );
}

#[test]
fn empty_reference_and_section_link_without_index() {
    Site::fixture("minimal")
        .file(
            "content/notes/e.md",
            "+++\ntitle = \"E\"\n+++\nSee [@] and [notes](@/notes/).\n",
        )
        .build()
        .failure()
        .stderr_is(
            "error: empty cross-reference
 --> content/notes/e.md:4:5
  |
4 | See [@] and [notes](@/notes/).
  |     ^^^
  = hint: write an ID or resource key after `@`, e.g. `[@SMS-1.2]`

error: link to unknown content file `notes/`
 --> content/notes/e.md:4:13
  |
4 | See [@] and [notes](@/notes/).
  |             ^^^^^^^^^^^^^^^^^
  = hint: link to a section by its `_index.md`: `@/notes/_index.md`

error: found 2 problems in the site; nothing was written
",
        );
}

#[test]
fn file_that_is_not_utf8() {
    let site = Site::fixture("minimal");
    std::fs::write(
        site.path().join("content/notes/l.md"),
        b"+++\ntitle = \"caf\xe9\"\n+++\n",
    )
    .unwrap();
    site.build().failure().stderr_is(
        "error: could not read `content/notes/l.md`: stream did not contain valid UTF-8
 --> content/notes/l.md
  = hint: save the file as UTF-8 text

error: found 1 problem in the site; nothing was written
",
    );
}

#[test]
fn a_slug_must_be_one_segment_of_a_url() {
    for slug in ["../../pwned", ".", "", "a/b", "two words"] {
        let site = Site::fixture("minimal").edit(
            "content/notes/first.md",
            "title = \"First lesson\"",
            &format!("title = \"First lesson\"\nslug = {slug:?}"),
        );
        site.build()
            .failure()
            .stderr_contains(&format!(
                "error: `slug = {slug:?}` is not one segment of a URL\n --> content/notes/first.md:3:8"
            ))
            .stderr_contains("= hint: a slug replaces the last part of the page's URL: use letters, digits and dashes, such as `slug = \"first-visit\"`");
        let parent = site.path().parent().unwrap();
        assert!(!parent.join("pwned").exists() && !site.path().join("pwned").exists());
        assert!(!site.path().join("public").exists());
    }
}

#[test]
fn a_page_may_not_take_the_path_of_a_generated_page() {
    Site::fixture("minimal")
        .edit(
            "content/notes/second.md",
            "title = \"Second lesson\"",
            "title = \"Second lesson\"\nslug = \"../search\"",
        )
        .build()
        .failure()
        .stderr_contains("error: `slug = \"../search\"` is not one segment of a URL");
    Site::fixture("minimal")
        .file("content/search.md", "+++\ntitle = \"Find\"\ndescription = \"Finding.\"\n+++\nText.\n")
        .build()
        .failure()
        .stderr_contains("error: `search.md` would be written to `search/index.html`, which the search page also uses\n --> content/search.md\n")
        .stderr_contains("= hint: give the page another file name, or another `slug`");
    Site::fixture("minimal")
        .file("content/topics.md", "+++\ntitle = \"Topics\"\ndescription = \"All of them.\"\n+++\nText.\n")
        .build()
        .failure()
        .stderr_contains("error: `topics.md` would be written to `topics/index.html`, which the list of `topics` terms also uses");
    Site::fixture("minimal")
        .edit("site.toml", "name = \"topics\"", "name = \"notes\"")
        .edit("content/notes/first.md", "topics = [", "notes = [")
        .edit("content/refs.md", "{ topics = ", "{ notes = ")
        .build()
        .failure()
        .stderr_contains("error: `notes/_index.md` would be written to `notes/index.html`, which the list of `notes` terms also uses");
    Site::fixture("minimal")
        .edit("site.toml", "name = \"topics\"", "name = \"search\"")
        .edit("content/notes/first.md", "topics = [", "search = [")
        .edit("content/refs.md", "{ topics = ", "{ search = ")
        .build()
        .failure()
        .stderr_contains("error: The list of `search` terms would be written to `search/index.html`, which the search page also uses\n  --> site.toml:10:8")
        .stderr_contains("= hint: give the taxonomy another `name`");
}

#[test]
fn base_url_must_be_an_address_or_a_path() {
    Site::fixture("minimal")
        .edit("site.toml", "base_url = \"https://example.org/course/\"", "base_url = \"not a url\"")
        .build()
        .failure()
        .stderr_contains("error: base URL `not a url` is neither an http(s) address nor a path\n --> site.toml:3:12")
        .stderr_contains("= hint: give the address the site is published at, such as `https://example.org/sms/`, or its path on the server, such as `/sms/`");
    let site = Site::fixture("minimal");
    site.run(&["build", "--base-url", "ftp://example.org"])
        .failure()
        .stderr_contains(
            "error: base URL `ftp://example.org` is neither an http(s) address nor a path",
        );
    site.run(&["build", "--base-url", "/sms/"]).success();
    site.run(&["build", "--base-url", "http://localhost:8000/"])
        .success();
}

#[test]
fn a_date_needs_a_day() {
    Site::fixture("minimal")
        .edit(
            "content/notes/first.md",
            "title = \"First lesson\"",
            "title = \"First lesson\"\ndate = 10:00:00",
        )
        .build()
        .failure()
        .stderr_contains(
            "error: `date` is a time of day without a day\n --> content/notes/first.md:3:8",
        )
        .stderr_contains(
            "= hint: give the day the page was written or updated, such as `date = 2026-01-15`",
        );
}
