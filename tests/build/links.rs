//! Links between pages: cross-references by ID, citations of resources and links to files, all
//! relative (but on the 404 page), and the link checker the other tests rely on.

use super::curriculum;
use super::harness::Site;

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
