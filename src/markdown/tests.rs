use std::collections::BTreeSet;
use std::path::Path;

use super::*;
use crate::content::{Competency, Content, Objective, Target};

fn content() -> Content {
    let mut c = Content::default();
    c.pages.push(crate::content::Page {
        file: "content/t.md".into(),
        rel: "t.md".into(),
        source: String::new(),
        front_start: 0,
        body_start: 0,
        meta: toml::from_str("title = \"T\"").unwrap(),
        records: Vec::new(),
        is_section: false,
        path: "t/".into(),
        parent: None,
        pages: Vec::new(),
        subsections: Vec::new(),
        gift: None,
    });
    c.by_rel.insert("t.md".into(), 0);
    c.competencies.push(Competency {
        page: 0,
        id: "T-1".into(),
        title: "Testing".into(),
        statement: "Test things.".into(),
        objectives: vec![Objective {
            id: "T-1.1".into(),
            text: "Assert.".into(),
        }],
    });
    c.ids.insert("T-1".into(), Target::Competency(0));
    c.ids.insert("T-1.1".into(), Target::Objective(0, 0));
    c.assets.insert("img/a.png".into());
    c
}

fn render_md(md: &str, reserved: &[&str]) -> (Rendered, Vec<Diagnostic>) {
    render_with_html(md, reserved, true)
}

fn render_with_html(md: &str, reserved: &[&str], html: bool) -> (Rendered, Vec<Diagnostic>) {
    let content = content();
    let reserved: BTreeSet<String> = reserved.iter().map(|s| s.to_string()).collect();
    let cx = Context {
        content: &content,
        root: "../../",
        reserved: Taken {
            shared: &reserved,
            lists: [&[], &[]],
        },
        file: Path::new("content/x.md"),
        source: md,
        offset: 0,
        source_dir: "",
        asset_prefix: "../",
        html,
    };
    let mut errors = Vec::new();
    let r = render(md, &cx, &mut errors);
    (r, errors)
}

#[test]
fn headings_get_unique_anchors_that_avoid_reserved_ids() {
    let (r, _) = render_md("## Intro\n## Intro\n## Main\n", &["main"]);
    assert!(r.html.contains("<h2 id=\"intro\">Intro</h2>"));
    assert!(r.html.contains("<h2 id=\"intro-1\">Intro</h2>"));
    assert!(r.html.contains("<h2 id=\"main-1\">Main</h2>"));
}

#[test]
fn headings_avoid_the_anchors_of_the_pages_own_items() {
    let content = content();
    let shared: BTreeSet<String> = ["main".to_string()].into();
    let own = ["cmp-1".to_string(), "goals".to_string()];
    let library = ["ref-smith-2020".to_string()];
    let md = "## Goals\n## CMP 1\n## Ref Smith 2020\n## Main\n## Other\n";
    let cx = Context {
        content: &content,
        root: "",
        reserved: Taken {
            shared: &shared,
            lists: [&own, &library],
        },
        file: Path::new("content/x.md"),
        source: md,
        offset: 0,
        source_dir: "",
        asset_prefix: "",
        html: false,
    };
    let r = render(md, &cx, &mut Vec::new());
    let ids: Vec<&str> = r.toc.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(
        ids,
        ["goals-1", "cmp-1-1", "ref-smith-2020-1", "main-1", "other"]
    );
}

#[test]
fn toc_nests_h3_under_h2_and_skips_other_levels() {
    let (r, _) = render_md("# Top\n## A\n### A1\n#### deep\n## B\n", &[]);
    let titles: Vec<(&str, usize)> = r
        .toc
        .iter()
        .map(|h| (h.title.as_str(), h.children.len()))
        .collect();
    assert_eq!(titles, vec![("A", 1), ("B", 0)]);
    assert_eq!(r.toc[0].children[0].id, "a1");
}

#[test]
fn cross_references_resolve_relative_to_the_page() {
    let (r, errors) = render_md("See [@T-1.1] and [the competency](@T-1).\n", &[]);
    assert!(errors.is_empty());
    assert!(
        r.html
            .contains("<a href=\"../../t/index.html#t-1-1\" title=\"Assert.\">T-1.1</a>"),
        "{}",
        r.html
    );
    assert!(r
        .html
        .contains("<a href=\"../../t/index.html\" title=\"Test things.\">the competency</a>"));
}

#[test]
fn unknown_reference_is_reported_at_its_position() {
    let (_, errors) = render_md("Line one.\n\nSee [@T-2].\n", &[]);
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].origin().unwrap(), "content/x.md:3:5");
    assert_eq!(errors[0].message(), "unknown cross-reference `T-2`");
}

#[test]
fn footnotes_have_prefixed_ids_and_numbers_in_order() {
    let (r, _) = render_md(
        "## Note\nA[^note] and B[^b].\n\n[^b]: Bee.\n[^note]: Source.\n",
        &[],
    );
    assert!(r.html.contains("<a href=\"#fn-note\">1</a>"), "{}", r.html);
    assert!(r.html.contains("<a href=\"#fn-b\">2</a>"));
    assert!(r.html.contains("id=\"fn-note\""));
    assert!(r.html.contains("<h2 id=\"note\">"));
}

#[test]
fn summary_is_the_text_before_the_more_marker() {
    let (r, _) = render_md("First *para*.\n\n<!-- more -->\n\nRest.\n", &[]);
    assert_eq!(r.summary.as_deref(), Some("First para."));
    let (r, _) = render_md("No marker.\n", &[]);
    assert_eq!(r.summary, None);
}

#[test]
fn links_to_files_beside_the_page_are_adjusted_and_others_left_alone() {
    let (r, _) = render_md(
        "![alt](img/a.png) [x](img/missing.png) [y](https://e.org/a.png)\n",
        &[],
    );
    assert!(r.html.contains("src=\"../img/a.png\""), "{}", r.html);
    assert!(r.html.contains("href=\"img/missing.png\""));
    assert!(r.html.contains("href=\"https://e.org/a.png\""));
}

#[test]
fn tables_and_code_blocks_are_keyboard_scrollable() {
    let (r, _) = render_md("| a |\n| - |\n| 1 |\n\n```\ncode\n```\n", &[]);
    assert!(r.html.contains(
        "<div class=\"table-wrap\" role=\"region\" aria-label=\"Table\" tabindex=\"0\">"
    ));
    assert!(r
        .html
        .contains("<pre class=\"code\" tabindex=\"0\"><code>code\n</code></pre>"));
}

#[test]
fn words_are_counted_as_split_whitespace_counts_them() {
    for text in [
        "",
        "   ",
        "one",
        " two  words ",
        "tab\tvertical\x0bform\x0cfeed\r\nend",
        "no\u{a0}break em\u{2003}space ideographic\u{3000}space",
        "caf\u{e9} na\u{ef}ve \u{2014} r\u{e9}sum\u{e9}",
        "\u{85}next-line\u{85}",
    ] {
        assert_eq!(
            count_words(text),
            text.split_whitespace().count(),
            "{text:?}"
        );
    }
    // Long texts, with words across the runs the count is made in.
    for len in [254, 255, 256, 510, 511, 1000, 4096] {
        let text: String = (0..len)
            .map(|i: usize| match i % 7 {
                0 => ' ',
                3 if i.is_multiple_of(5) => '\n',
                _ => char::from(b'a' + (i % 26) as u8),
            })
            .collect();
        for t in [&text[..], text.trim_start(), &text[1..]] {
            assert_eq!(count_words(t), t.split_whitespace().count(), "{len}");
        }
    }
}

#[test]
fn html_escaping_replaces_the_five_special_characters_wherever_they_are() {
    assert_eq!(escape_html(""), "");
    assert_eq!(
        escape_html("../../plans/index.html"),
        "../../plans/index.html"
    );
    assert_eq!(
        escape_html("Tom & Jerry's <\"plan\">"),
        "Tom &amp; Jerry&#39;s &lt;&quot;plan&quot;&gt;"
    );
    assert_eq!(escape_html("<"), "&lt;");
    assert_eq!(escape_html("caf\u{e9} >"), "caf\u{e9} &gt;");
    assert_eq!(escape_html("end&"), "end&amp;");
}

#[test]
fn escaping_into_the_output_writes_the_bytes_escape_html_returns() {
    for s in [
        "",
        "plain",
        "Tom & Jerry's <\"plan\">",
        "caf\u{e9} >",
        "&&",
        "<a href='x'>",
    ] {
        let mut out = Vec::new();
        crate::markdown::escape_html_into(s, &mut out).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), escape_html(s), "{s}");
    }
    // Templates print values through it: the rendered page has them escaped.
    let mut tera = tera::Tera::default();
    tera.set_escape_fns(escape_html, crate::markdown::escape_html_into);
    tera.add_raw_template("t.html", "<p title=\"{{ v }}\">{{ v }}|{{ v | safe }}</p>")
        .unwrap();
    let mut ctx = tera::Context::new();
    ctx.insert("v", "a<b & 'c'");
    assert_eq!(
        tera.render("t.html", &ctx).unwrap(),
        "<p title=\"a&lt;b &amp; &#39;c&#39;\">a&lt;b &amp; &#39;c&#39;|a<b & 'c'</p>"
    );
}

/// A build's markdown stage renders without HTML; what it keeps must be what a render with
/// HTML finds.
#[test]
fn rendering_without_html_finds_the_same_text_toc_and_problems() {
    let md = "Intro with a [link](https://example.org)\nand `code`.\n\n\
        ## Goals [@T-1]\n\nSee [@T-1.1] and [the objective](@T-1.1), not [@NOPE-9].\n\n\
        <!-- more -->\n\n\
        ### A table\n\n| Step | Why |\n| --- | --- |\n| Plan | *Clear* |\n\n\
        Text with a note.[^n]\n\n```rust\nfn main() {}\n```\n\n    indented code\n\n\
        ![A chart](img/a.png)\n\n[^n]: The note, with [@T-1].\n\n## Goals\n\nLast line.\n";
    let (with, errors_with) = render_with_html(md, &["goals"], true);
    let (without, errors_without) = render_with_html(md, &["goals"], false);
    assert!(without.html.is_empty());
    assert!(with.html.contains("<table>"), "{}", with.html);
    assert_eq!(without.text, with.text);
    assert!(with.text.contains("The note, with"), "{}", with.text);
    assert!(with.text.contains("Clear"), "{}", with.text);
    assert_eq!(without.toc, with.toc);
    assert_eq!(without.summary, with.summary);
    let sections = |r: &Rendered| -> Vec<(String, String, std::ops::Range<usize>)> {
        r.sections
            .iter()
            .map(|s| (s.id.clone(), s.title.clone(), s.range.clone()))
            .collect()
    };
    assert_eq!(sections(&without), sections(&with));
    let messages =
        |e: &[Diagnostic]| -> Vec<String> { e.iter().map(|d| format!("{d:?}")).collect() };
    assert_eq!(messages(&errors_without), messages(&errors_with));
    assert_eq!(errors_with.len(), 1);
}
