//! `trellis check`: each kind of finding with its exact text, from a fixture that passes every
//! check (`tests/fixtures/check`) with one defect added at a time.

mod harness;
use harness::{Run, Site};

fn check(site: &Site) -> Run {
    site.run(&["check"])
}

/// A folder without `site.toml` is not a site: there is nothing to count problems in, and
/// `check` never writes, so the error stands alone.
#[test]
fn check_outside_a_site_says_only_that() {
    check(&Site::empty()).failure().stderr_is(
        "error: could not find `site.toml` in `.`
  = hint: run trellis in the folder that holds your site, or pass `--root <DIR>`
",
    );
}

#[test]
fn a_clean_site_passes_with_its_coverage_matrix() {
    let run = check(&Site::fixture("check")).clean();
    assert!(
        run.stdout.ends_with(
            "Curriculum coverage: 1 objective in 1 competency; 0 not taught, 0 without resources, 0 with fewer than 2 questions
  objective  taught  resources  questions
C-1  Planning
  C-1.1           1          1          2
External links: 1 (not fetched; `trellis check --external` checks them)
Check: no problems in 5 pages
"
        ),
        "{}",
        run.stdout
    );
}

#[test]
fn the_coverage_matrix_marks_each_gap() {
    let site = Site::fixture("check").edit(
        "content/c-1.md",
        "text = \"Agree on a goal.\"\n",
        "text = \"Agree on a goal.\"\n\n[[objectives]]\nid = \"C-1.2\"\ntext = \"Review the plan.\"\n",
    );
    let run = check(&site).success();
    assert!(
        run.stdout.ends_with(
            "Curriculum coverage: 2 objectives in 1 competency; 1 not taught, 1 without resources, 1 with fewer than 2 questions
  objective  taught  resources  questions
C-1  Planning
  C-1.1           1          1          2
  C-1.2           0          0          0  << not taught, no resources, too few questions
External links: 1 (not fetched; `trellis check --external` checks them)
Check: 3 warnings in 1 file (5 pages checked)
"
        ),
        "{}",
        run.stdout
    );
    assert_eq!(
        run.stderr,
        "content/c-1.md: 3 warnings

warning[untaught]: objective `C-1.2` is not taught on any page
  --> content/c-1.md:13:6
   |
13 | id = \"C-1.2\"
   |      ^^^^^^^
   = hint: add `teaches = [\"C-1.2\"]` to the front matter of the page that teaches it

warning[unsupported]: objective `C-1.2` has no supporting resource
  --> content/c-1.md:13:6
   |
13 | id = \"C-1.2\"
   |      ^^^^^^^
   = hint: name it, or `C-1`, in the `competencies` of a resource record

warning[unassessed]: objective `C-1.2` is not assessed enough: no quiz question assesses it, and 2 are needed
  --> content/c-1.md:13:6
   |
13 | id = \"C-1.2\"
   |      ^^^^^^^
   = hint: add questions with `objectives = [\"C-1.2\"]` to a quiz, or change `min_questions` under [check] in site.toml

"
    );
}

#[test]
fn broken_links_and_anchors_point_at_the_markdown() {
    let site = Site::fixture("check").edit(
        "content/lesson.md",
        "## Why it matters",
        "Read [the plan](missing/index.html) and [the reason](@/lesson.md#why-it-mattrs).\n\n## Why it matters",
    );
    check(&site).failure().stderr_is(
        "content/lesson.md: 2 errors

error[broken-link]: link to `missing/index.html` leads to no file: the site has no `lesson/missing/index.html`
 --> content/lesson.md:8:6
  |
8 | Read [the plan](missing/index.html) and [the reason](@/lesson.md#why-it-mattrs).
  |      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  = hint: link to pages by their source file, `[text](@/modules/intro.md)`, so the URL is always right

error[broken-anchor]: link to `../lesson/index.html#why-it-mattrs`: `lesson/index.html` has no element with id `why-it-mattrs`
 --> content/lesson.md:8:41
  |
8 | Read [the plan](missing/index.html) and [the reason](@/lesson.md#why-it-mattrs).
  |                                         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  = hint: did you mean `#why-it-matters`?

",
    );
}

#[test]
fn links_resolve_against_every_output_file() {
    // Some links are settled as each page is scanned (planned pages, the page's own ids), the
    // rest once every file exists (other pages' ids, the search index): both find the same.
    let site = Site::fixture("check").edit(
        "content/lesson.md",
        "## Why it matters",
        "See [the competency](../c-1) and [@C-1.1], [the reason](#why-it-matters), [the index](../search/meta.js) and [the gap](#nowhere).\n\n## Why it matters",
    );
    check(&site).failure().stderr_is(
        "content/lesson.md: 1 error

error[broken-anchor]: link to `#nowhere`: `lesson/index.html` has no element with id `nowhere`
 --> content/lesson.md:8:110
  |
8 | See [the competency](../c-1) and [@C-1.1], [the reason](#why-it-matters), [the index](../search/meta.js) and [the gap](#nowhere).
  |                                                                                                              ^^^^^^^^^^^^^^^^^^^
  = hint: link to a heading by its anchor, as listed under \"On this page\"

",
    );
}

#[test]
fn accessibility_problems_in_markdown_are_reported_where_they_were_written() {
    let site = Site::fixture("check").edit(
        "content/lesson.md",
        "## Why it matters",
        "![](plan.png) and [](../c-1/index.html) and [click here](@/quiz.md).\n\n# Another title\n\n#### Too deep\n\n| | |\n| - | - |\n| 1 | 2 |\n\n<span id=\"why-it-matters\">x</span>\n\n## Why it matters",
    );
    check(&site).failure().stderr_is(
        "content/lesson.md: 7 errors, 1 warning

error[image-alt]: image without alt text
 --> content/lesson.md:8:1
  |
8 | ![](plan.png) and [](../c-1/index.html) and [click here](@/quiz.md).
  | ^^^^^^^^^^^^^
  = hint: describe what the image shows in the brackets: `![A nurse and a patient writing an action plan](plan.png)`

error[broken-link]: link to `plan.png` leads to no file: the site has no `lesson/plan.png`
 --> content/lesson.md:8:1
  |
8 | ![](plan.png) and [](../c-1/index.html) and [click here](@/quiz.md).
  | ^^^^^^^^^^^^^
  = hint: a file a page uses goes beside its markdown: put it at `content/plan.png`, or fix the path, which is read from the folder of `content/lesson.md`

error[empty-link]: link without text
 --> content/lesson.md:8:19
  |
8 | ![](plan.png) and [](../c-1/index.html) and [click here](@/quiz.md).
  |                   ^^^^^^^^^^^^^^^^^^^^^
  = hint: write the words a reader should see in the brackets: `[the action-planning lesson](@/modules/plans.md)`

warning[vague-link-text]: link text `click here` does not say where the link goes
 --> content/lesson.md:8:45
  |
8 | ![](plan.png) and [](../c-1/index.html) and [click here](@/quiz.md).
  |                                             ^^^^^^^^^^^^^^^^^^^^^^^
  = hint: screen-reader users often list a page's links out of context: name the destination, e.g. `[the CDC's best-practice guide](...)`

error[multiple-h1]: more than one h1 heading on the page
  --> content/lesson.md:10:1
   |
10 | # Another title
   | ^^^^^^^^^^^^^^^
   = hint: the page title is the page's h1; start headings in the body at `##`

error[heading-order]: heading level skipped: h4 after h1
  --> content/lesson.md:12:1
   |
12 | #### Too deep
   | ^^^^^^^^^^^^^
   = hint: headings go down one level at a time; make this one `##` (h2)

error[table-header]: table whose header row is empty
  --> content/lesson.md:14:1
   |
14 | | | |
   | ^^^^^
   = hint: give the table a first row of column names, followed by a `| --- |` line

error[duplicate-id]: the id `why-it-matters` is used more than once on this page
  --> content/lesson.md:20:1
   |
20 | ## Why it matters
   | ^^^^^^^^^^^^^^^^^
   = hint: ids must be unique on a page: links to it and labels that refer to it reach only the first; rename one

",
    );
}

#[test]
fn a_page_above_its_audience_grade_names_its_hardest_sentences() {
    let site = Site::fixture("check").file(
        "content/plan.md",
        "+++
title = \"Your plan\"
description = \"A plan to share with patients.\"
audience = \"patient\"
+++
Comprehensive self-management necessitates interprofessional collaboration, individualized
medication reconciliation, and continuous evaluation of therapeutic effectiveness.

Patients experiencing multimorbidity frequently encounter considerable organizational complexity
when coordinating appointments across numerous specialty services.

Walk each day. Eat well. Sleep.
",
    );
    check(&site).success().stderr_is(
        "content/plan.md: 1 warning

warning[readability]: `patient` page reads at grade 26.2 (Flesch-Kincaid), above its limit of 8
 --> content/plan.md:4:12
  |
4 | audience = \"patient\"
  |            ^^^^^^^^^
  = hint: shorten long sentences and prefer short, everyday words; the limit is `patient = 8` under [check.readability] in site.toml
    SMOG grade 15.6, Flesch reading ease -80.7; 35 words in 5 sentences
    hardest sentences (above the limit):
      content/plan.md:6:1  grade 37.9  \u{201c}Comprehensive self-management necessitates interprofessional collaboration, individuali\u{2026}\u{201d}
      content/plan.md:9:1  grade 32.0  \u{201c}Patients experiencing multimorbidity frequently encounter considerable organizational c\u{2026}\u{201d}

",
    );
}

#[test]
fn a_section_audience_applies_to_its_pages_and_unknown_audiences_are_errors() {
    let hard =
        "Interprofessional collaboration facilitates comprehensive individualized self-management.";
    let body = format!("{hard} {hard} {hard} {hard} {hard}\n");
    let site = Site::fixture("check")
        .edit(
            "content/_index.md",
            "description = \"The home page.\"",
            "description = \"The home page.\"\naudience = \"learner\"",
        )
        .file(
            "content/hard.md",
            &format!("+++\ntitle = \"Hard\"\ndescription = \"Hard.\"\n+++\n{body}"),
        );
    check(&site)
        .success()
        .stderr_contains("warning[readability]: `learner` page reads at grade 43.8 (Flesch-Kincaid), above its limit of 12\n --> content/hard.md:5:1\n");
    Site::fixture("check")
        .edit(
            "content/lesson.md",
            "teaches",
            "audience = \"patinet\"\nteaches",
        )
        .run(&["check"])
        .failure()
        .stderr_is(
            "error: unknown audience `patinet`
 --> content/lesson.md:4:12
  |
4 | audience = \"patinet\"
  |            ^^^^^^^^^
  = hint: did you mean `patient`?

error: found 1 problem in the site; the other checks did not run
",
        );
}

#[test]
fn metadata_orphans_and_quizzes_that_assess_nothing() {
    let site = Site::fixture("check")
        .edit("content/lesson.md", "description = \"How to agree on a goal.\"\n", "")
        .edit(
            "content/refs.md",
            "annotation = \"Why goals should come from the person.\"\n",
            "annotation = \"Why goals should come from the person.\"

[[resources]]
key = \"roe-2019\"
kind = \"book\"
authors = [\"Roe, R.\"]
year = 2019
title = \"Goals That Matter\"
doi = \"10.1000/roe\"
annotation = \"A book on goals.\"

[[resources]]
key = \"poe-2021\"
kind = \"article\"
authors = [\"Poe, P.\"]
year = 2021
title = \"Plans\"
journal = \"Journal of Plans\"
doi = \"10.1000/ROE\"
competencies = [\"C-1\"]
annotation = \"Plans.\"
",
        )
        .file(
            "content/confidence.md",
            "+++\nkind = \"quiz\"\ntitle = \"How sure are you?\"\ndescription = \"Rate your confidence.\"\n\n[[questions]]\nid = \"sure\"\ntype = \"confidence\"\nobjectives = [\"C-1.1\"]\nprompt = \"How confident are you?\"\n+++\nOne rating.\n",
        );
    check(&site).failure().stderr_is(
        "content/confidence.md: 1 warning

warning[quiz-objectives]: quiz `How sure are you?` assesses no objective
 --> content/confidence.md:2:8
  |
2 | kind = \"quiz\"
  |        ^^^^^^
  = hint: add scored questions that name the objectives they assess: `objectives = [\"SMS-1.1\"]`

content/lesson.md: 1 warning

warning[description]: page `Setting goals` has no description
 --> content/lesson.md:2:1
  |
2 | title = \"Setting goals\"
  | ^^^^^^^^^^^^^^^^^^^^^^^
  = hint: add `description = \"...\"`: one sentence on what the page offers; lists, search results and search engines show it

content/refs.md: 1 error, 2 warnings

warning[orphan-resource]: resource `roe-2019` is not used: no page lists or cites it, and it supports no competency
  --> content/refs.md:17:7
   |
17 | key = \"roe-2019\"
   |       ^^^^^^^^^^
   = hint: cite it with `[@roe-2019]`, list it in a page's `resources`, or name the objectives it supports in `competencies`

warning[resource-fields]: resource `roe-2019` (book) has no `publisher`
  --> content/refs.md:17:7
   |
17 | key = \"roe-2019\"
   |       ^^^^^^^^^^
   = hint: readers need it to find the work: add `publisher = \"...\"`

error[duplicate-resource]: resource `poe-2021` duplicates `roe-2019`: the same DOI `10.1000/ROE`
  --> content/refs.md:26:7
   |
26 | key = \"poe-2021\"
   |       ^^^^^^^^^^
   = hint: `roe-2019` is defined at content/refs.md:17:7; keep one record and cite it by its key everywhere

",
    );
}

#[test]
fn levels_in_site_toml_raise_lower_or_silence_a_rule() {
    let vague = |levels: &str| {
        Site::fixture("check")
            .edit(
                "content/lesson.md",
                "## Why",
                "[Here](@/quiz.md).\n\n## Why",
            )
            .edit(
                "site.toml",
                "[check.readability]",
                &format!("[check.levels]\n{levels}\n\n[check.readability]"),
            )
    };
    check(&vague(""))
        .success()
        .stderr_contains("warning[vague-link-text]: link text `Here`");
    check(&vague("vague-link-text = \"error\""))
        .failure()
        .stderr_contains("error[vague-link-text]: link text `Here`");
    check(&vague("vague-link-text = \"off\"")).clean();
    check(&vague("vague-link-txt = \"off\""))
        .failure()
        .stderr_is(
            "error: unknown check rule `vague-link-txt`
 --> site.toml:9:1
  |
9 | vague-link-txt = \"off\"
  | ^^^^^^^^^^^^^^
  = hint: did you mean `vague-link-text`?

error: found 1 problem in the site; the other checks did not run
",
        );
}

#[test]
fn a_build_fails_on_an_error_finding_and_keeps_the_previous_output() {
    let site = Site::fixture("check");
    site.build().clean();
    let before = site.build().clean().snapshot();
    let site = site.edit(
        "content/lesson.md",
        "## Why it matters",
        "[gone](gone.html)\n\n## Why it matters",
    );
    let run = site
        .build()
        .failure()
        .stderr_contains("error[broken-link]: link to `gone.html` leads to no file")
        .stderr_contains("error: found 1 problem in the site; nothing was written\n");
    assert_eq!(
        run.snapshot(),
        before,
        "the previous output must stay as it was"
    );
    // A warning does not stop the build; it is printed.
    site.edit(
        "content/lesson.md",
        "[gone](gone.html)",
        "[here](@/quiz.md)",
    )
    .build()
    .success()
    .stderr_contains("warning[vague-link-text]")
    .stderr_contains("warning: the site has 1 warning; it was built anyway");
}

/// A first build writes its pages into a folder beside `public/` as they render; when the
/// checks then fail, that folder goes and no `public/` appears.
#[test]
fn a_first_build_that_fails_its_checks_leaves_no_output_behind() {
    let site = Site::fixture("check").edit(
        "content/lesson.md",
        "## Why it matters",
        "[gone](gone.html)\n\n## Why it matters",
    );
    site.build()
        .failure()
        .stderr_contains("error[broken-link]: link to `gone.html` leads to no file")
        .stderr_contains("error: found 1 problem in the site; nothing was written\n");
    let left: Vec<String> = std::fs::read_dir(site.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("public"))
        .collect();
    assert_eq!(
        left,
        Vec::<String>::new(),
        "the failed build left output behind"
    );
}

/// A template has no `@/` links: its broken links get hints about its paths and `static/`
/// (a link in markdown keeps the `@/` hint, see `broken_links_and_anchors_point_at_the_markdown`).
#[test]
fn a_broken_link_made_by_a_template_points_at_the_template() {
    let site = Site::fixture("check")
        .copy_from_repo("themes/default", "themes/default")
        .edit(
            "themes/default/templates/quiz.html",
            "{% block main %}",
            "{% block main %}<link rel=\"stylesheet\" href=\"{{ root }}css/missing.css\">\
             <a href=\"{{ root }}nowhere/index.html\">Nowhere</a>\
             <a href=\"{{ root }}../up.html\">Up</a>",
        );
    check(&site).failure().stderr_is(
        "themes/default/templates/quiz.html: 3 errors

error[broken-link]: link to `../css/missing.css` leads to no file: the site has no `css/missing.css`
 --> themes/default/templates/quiz.html
  = hint: add `css/missing.css` to the site's `static/` folder (or the theme's), or fix the path the template builds: its links start with `{{ root }}`
    note: on the page `quiz/index.html`, made by the template `quiz.html`

error[broken-link]: link to `../nowhere/index.html` leads to no file: the site has no `nowhere/index.html`
 --> themes/default/templates/quiz.html
  = hint: add `nowhere/index.html` to the site's `static/` folder (or the theme's), or fix the path the template builds: its links start with `{{ root }}`
    note: on the page `quiz/index.html`, made by the template `quiz.html`

error[broken-link]: link to `../../up.html` leads outside the site
 --> themes/default/templates/quiz.html
  = hint: start a template's links to the site with `{{ root }}`, the path from the page to the site's root
    note: on the page `quiz/index.html`, made by the template `quiz.html`

",
    );
}

#[test]
fn the_json_report_follows_its_schema() {
    let site =
        Site::fixture("check").edit("content/lesson.md", "## Why", "[here](@/quiz.md)\n\n## Why");
    let run = site.run(&["check", "--format", "json"]).success();
    assert_eq!(run.stderr, "", "JSON goes to stdout only");
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(v["version"], 1);
    assert_eq!(
        v["summary"],
        serde_json::json!({ "errors": 0, "warnings": 1, "files": 1, "pages": 5 })
    );
    assert_eq!(
        v["findings"][0],
        serde_json::json!({
            "severity": "warning",
            "check": "accessibility",
            "rule": "vague-link-text",
            "file": "content/lesson.md",
            "line": 8,
            "column": 1,
            "message": "link text `here` does not say where the link goes",
            "hint": "screen-reader users often list a page's links out of context: name the destination, e.g. `[the CDC's best-practice guide](...)`",
            "notes": [],
        })
    );
    assert_eq!(
        v["coverage"],
        serde_json::json!({
            "min_questions": 2,
            "competencies": [{
                "id": "C-1",
                "title": "Planning",
                "objectives": [{
                    "id": "C-1.1",
                    "text": "Agree on a goal.",
                    "taught_in": ["content/lesson.md"],
                    "resources": 1,
                    "questions": 2,
                    "gaps": [],
                }],
            }],
        })
    );
    let lesson = v["readability"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["file"] == "content/lesson.md")
        .unwrap();
    for key in ["words", "sentences", "syllables", "polysyllables"] {
        assert!(lesson[key].is_u64(), "{key}: {lesson}");
    }
    for key in ["flesch_reading_ease", "flesch_kincaid_grade", "smog"] {
        assert!(lesson[key].is_f64(), "{key}: {lesson}");
    }
    assert_eq!(lesson["url"], "lesson/index.html");
    assert_eq!(lesson["audience"], serde_json::Value::Null);
    assert!(lesson["hardest"][0]["line"].is_u64() && lesson["hardest"][0]["text"].is_string());
    assert_eq!(
        v["external_links"],
        serde_json::json!([{
            "url": "https://example.org/goals",
            "file": "content/refs.md",
            "line": 12,
            "column": 7,
            "status": "unchecked",
            "detail": null,
        }])
    );
    // A site that does not load still answers in JSON, with exit status 1.
    let broken = Site::fixture("check").edit("content/lesson.md", "teaches", "teachs");
    let run = broken.run(&["check", "--format", "json"]).failure();
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(v["summary"]["errors"], 1);
    assert_eq!(v["findings"][0]["check"], "build");
    assert_eq!(v["findings"][0]["message"], "unknown field `teachs`");
    assert_eq!(
        (
            v["findings"][0]["line"].as_u64(),
            v["findings"][0]["column"].as_u64()
        ),
        (Some(4), Some(1))
    );
}

/// A loopback server: `/ok` answers 200, `/missing` 404, `/slow` only after 3 s.
fn link_server() -> String {
    let server = tiny_http::Server::http("127.0.0.1:0").unwrap();
    let addr = server.server_addr().to_ip().unwrap();
    std::thread::spawn(move || {
        for request in server.incoming_requests() {
            std::thread::spawn(move || {
                let status = match request.url() {
                    "/ok" => 200,
                    "/slow" => {
                        std::thread::sleep(std::time::Duration::from_secs(3));
                        200
                    }
                    _ => 404,
                };
                let _ =
                    request.respond(tiny_http::Response::from_string("x").with_status_code(status));
            });
        }
    });
    format!("http://{addr}")
}

#[test]
fn external_links_are_fetched_only_when_asked() {
    let base = link_server();
    let site = Site::fixture("check")
        .edit("site.toml", "min_questions = 2", "min_questions = 2\nexternal_timeout = 0.5\nexternal_concurrency = 2")
        .edit(
            "content/lesson.md",
            "## Why",
            &format!("See [the guide]({base}/ok), [the old guide]({base}/missing) and [the slow guide]({base}/slow).\n\n## Why"),
        )
        .edit("content/refs.md", "https://example.org/goals", &format!("{base}/ok"));
    let offline = check(&site).clean();
    assert!(offline
        .stdout
        .contains("External links: 3 (not fetched; `trellis check --external` checks them)"));

    let started = std::time::Instant::now();
    let run = site.run(&["check", "--external"]).success();
    assert!(
        started.elapsed().as_secs_f64() < 2.5,
        "the slow link must time out"
    );
    assert!(
        run.stdout
            .contains("External links: 3 checked, 1 ok, 2 broken\n"),
        "{}",
        run.stdout
    );
    let line = format!("See [the guide]({base}/ok), [the old guide]({base}/missing) and [the slow guide]({base}/slow).");
    let finding = |link: String, why: &str| {
        let column = line.find(&link).unwrap() + 1;
        let url = &link[link.find('(').unwrap() + 1..link.len() - 1];
        format!(
            "warning[external-link]: external link `{url}` is broken: {why}
 --> content/lesson.md:8:{column}
  |
8 | {line}
  | {}{}
  = hint: update or remove the link; if the site was only briefly down, run the check again later
",
            " ".repeat(column - 1),
            "^".repeat(link.len())
        )
    };
    assert_eq!(
        run.stderr,
        format!(
            "content/lesson.md: 2 warnings\n\n{}\n{}\n",
            finding(
                format!("[the old guide]({base}/missing)"),
                "HTTP 404 Not Found"
            ),
            finding(
                format!("[the slow guide]({base}/slow)"),
                "no answer within 0.5 s"
            ),
        )
    );
}
