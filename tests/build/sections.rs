//! Sections and navigation: the order of a section's pages, previous and next links,
//! breadcrumbs, and drafts left out of all of them unless asked for.

use super::curriculum;
use super::harness::{Run, Site};

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
