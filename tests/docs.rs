//! The authoring guide's examples are real: each one is taken from docs/authoring.md and built
//! inside a copy of the shipped site, so the guide cannot drift from what Trellis accepts.

mod harness;
use harness::{repo, Site};

/// The fenced code blocks of the guide, in order, as (info string, text).
fn blocks() -> Vec<(String, String)> {
    let guide = std::fs::read_to_string(repo().join("docs/authoring.md")).unwrap();
    let mut out = Vec::new();
    let mut current: Option<(String, String)> = None;
    for line in guide.lines() {
        match (&mut current, line.strip_prefix("```")) {
            (None, Some(info)) => current = Some((info.trim().to_string(), String::new())),
            (Some(_), Some("")) => out.push(current.take().unwrap()),
            (Some((_, text)), _) => {
                text.push_str(line);
                text.push('\n');
            }
            (None, None) => {}
        }
    }
    out
}

fn block(info: &str, containing: &str) -> String {
    blocks()
        .into_iter()
        .find(|(i, t)| i == info && t.contains(containing))
        .unwrap_or_else(|| {
            panic!("docs/authoring.md has no ```{info} block containing `{containing}`")
        })
        .1
}

#[test]
fn every_example_in_the_authoring_guide_builds() {
    let page = block("markdown", "title = \"Setting goals together\"");
    // The kind examples define IDs the shipped site already has; rename them to keep them apart.
    let competency = block("toml", "kind = \"competency\"").replace("SMS-1", "DOC-1");
    let framework = block("toml", "kind = \"framework\"").replace("GP-1", "DOC-GP-1");
    let resources = block("toml", "kind = \"resources\"")
        .replace("lorig-2014-action-planning", "doc-lorig-2014")
        // The example is the shipped record: another DOI and year keep it from being a duplicate.
        .replace("10.1177/1742395313495572", "10.1177/doc-example")
        .replace("year = 2014", "year = 2013");
    let site_toml = block("toml", "base_url = ");
    assert!(site_toml.contains("[[taxonomies]]"));
    // The examples add a competency that nothing teaches or assesses: the shipped site's gates
    // would stop the build, which is their job, so here gaps are warnings again.
    let run = Site::shipped()
        .edit(
            "site.toml",
            "untaught = \"error\"\nunsupported = \"error\"\nunassessed = \"error\"\n",
            "",
        )
        .file("content/modules/doc-example.md", &page)
        .file("content/doc-competency.md", &format!("{competency}Body.\n"))
        .file("content/doc-framework.md", &format!("{framework}Body.\n"))
        .file(
            "content/resources/doc-resources.md",
            &format!("{resources}Body.\n"),
        )
        .file(
            "templates/page.html",
            &block("html", "{% extends \"base.html\" %}"),
        )
        .build()
        .success();
    run.page("modules/doc-example/index.html")
        .contains("Draft course material: check with your instructor.")
        .contains("href=\"../../competencies/sms-1/index.html#sms-1-1\"")
        .contains("Lorig et al. (2014)");
    run.page("doc-competency/index.html")
        .contains("id=\"doc-1-2\"");
    run.page("doc-framework/index.html")
        .contains("id=\"doc-gp-1\"");
    run.page("resources/index.html")
        .contains("id=\"ref-doc-lorig-2014\"");
}

#[test]
fn the_site_toml_example_is_valid() {
    let site_toml = block("toml", "base_url = ");
    Site::fixture("minimal")
        .file(
            "site.toml",
            &site_toml.replace("framework/_index.md", "notes/_index.md"),
        )
        .build()
        .success();
}
