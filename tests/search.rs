//! The search index `trellis build` writes: where documents come from, how IDs and anchors are
//! indexed, and that the files are self-registering scripts.

mod harness;
use harness::Site;

#[test]
fn index_files_are_scripts_that_register_themselves() {
    let run = Site::fixture("minimal").build().success();
    assert!(run.stdout.contains("Search index: "), "{}", run.stdout);
    let meta = run.read("search/meta.js");
    assert!(
        meta.starts_with("trellisSearch.meta({\"v\":1,\"docs\":"),
        "{meta}"
    );
    assert!(run
        .read("search/s/0.js")
        .starts_with("trellisSearch.shard(0,{"));
    assert!(run
        .read("search/f/0.js")
        .starts_with("trellisSearch.frag(0,["));
}

#[test]
fn competencies_objectives_and_resources_are_documents_with_deep_links() {
    let run = Site::fixture("minimal").build().success();
    let fragments: String = (0..20)
        .filter(|g| run.exists(&format!("search/f/{g}.js")))
        .map(|g| run.read(&format!("search/f/{g}.js")))
        .collect();
    assert!(
        fragments.contains(
            r#""t":"T-1.1 · Assert on behaviour.","u":"t-1/index.html#t-1-1","k":"objective""#
        ),
        "{fragments}"
    );
    assert!(fragments.contains(r#""t":"T-1 · Testing","u":"t-1/index.html","k":"competency""#));
    assert!(fragments.contains(r#""t":"Goals that matter","u":"refs/index.html#ref-doe-2020-goals","k":"resource","c":"Doe & Roe (2020) · Journal article""#));
    // The notes section has a lesson that teaches, so its pages are module pages.
    assert!(fragments.contains(r#""t":"First lesson","u":"notes/first/index.html","k":"module""#));
}

#[test]
fn ids_are_exact_tokens_and_words_are_stemmed() {
    let run = Site::fixture("minimal").build().success();
    let shards: String = (0..10)
        .filter(|s| run.exists(&format!("search/s/{s}.js")))
        .map(|s| run.read(&format!("search/s/{s}.js")))
        .collect();
    assert!(shards.contains("\"t-1-1\":["), "{shards}");
    assert!(shards.contains("\"goal\":["), "goals -> goal: {shards}");
    assert!(!shards.contains("\"the\":["), "stop words are not indexed");
}

#[test]
fn long_pages_are_searchable_by_section() {
    let body: String = (1..=3)
        .map(|n| {
            format!(
                "## Part {n}\n\n{}\n\n",
                "Caregivers plan small steps together. ".repeat(40)
            )
        })
        .collect();
    let run = Site::fixture("minimal")
        .file(
            "content/notes/long.md",
            &format!("+++\ntitle = \"Long\"\n+++\n{body}"),
        )
        .build()
        .success();
    let fragments: String = (0..20)
        .filter(|g| run.exists(&format!("search/f/{g}.js")))
        .map(|g| run.read(&format!("search/f/{g}.js")))
        .collect();
    for n in 1..=3 {
        assert!(
            fragments.contains(&format!(
                r#""t":"Part {n}","u":"notes/long/index.html#part-{n}""#
            )),
            "section {n}"
        );
    }
}

#[test]
fn the_search_page_lists_everything_a_to_z() {
    let run = Site::fixture("minimal").build().success();
    run.page("search/index.html")
        .contains("<h2 id=\"az-title\">A–Z index</h2>")
        .contains("<a href=\"../t-1/index.html#t-1-1\">T-1.1 · Assert on behaviour.</a>")
        .contains("Goals that matter — Doe &amp; Roe (2020)")
        .contains("<a href=\"../notes/first/index.html\">First lesson</a>");
}
