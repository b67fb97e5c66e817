//! Pages built from what content declares: taxonomy terms and their pagination, the resource
//! library's filter pages and the curriculum map.

use super::curriculum;
use super::harness::Site;

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
