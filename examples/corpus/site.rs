//! site.toml and the pages around the lessons: the home page, the section pages, the resource
//! library, the curriculum map and each module's index.

use std::fmt::Write as _;

use super::plan::{Module, Plan};
use super::prose::{one_sentence, paragraph, title, toml_str};
use super::rng::{Rng, FIXED, MODULE};

pub(super) fn site_toml() -> String {
    let mut out = String::from(
        "title = \"Synthetic Self-Management Curriculum\"\n\
         description = \"A generated competency-based curriculum for benchmarking Trellis.\"\n\
         base_url = \"https://example.org/synthetic/\"\n",
    );
    for (title, page) in [
        ("Modules", "modules/_index.md"),
        ("Competencies", "competencies/_index.md"),
        ("Resources", "resources/_index.md"),
        ("Curriculum map", "curriculum-map.md"),
    ] {
        let _ = write!(out, "\n[[menu]]\ntitle = \"{title}\"\npage = \"{page}\"\n");
    }
    for (name, title) in [("topics", "Topics"), ("professions", "Professions")] {
        let _ = write!(
            out,
            "\n[[taxonomies]]\nname = \"{name}\"\ntitle = \"{title}\"\n"
        );
    }
    out
}

/// Front matter with a title and a description, then `extra` lines, then a paragraph or two.
pub(super) fn simple_page(r: &mut Rng, title: &str, extra: &str, body: &str) -> String {
    let mut out = format!(
        "+++\ntitle = {}\ndescription = {}\n{extra}+++\n\n{body}",
        toml_str(title),
        toml_str(&one_sentence(r))
    );
    paragraph(r, &mut out);
    out.push('\n');
    out
}

pub(super) fn home(plan: &Plan) -> String {
    let r = &mut Rng::new(plan.seed, FIXED, 0);
    let body = format!(
        "This synthetic curriculum has {} lessons in [{} modules](@/modules/_index.md), \
         [{} competencies](@/competencies/_index.md), a [library](@/resources/_index.md) of {} \
         resources and a [curriculum map](@/curriculum-map.md).\n\n",
        plan.lessons,
        plan.modules.len(),
        plan.competencies,
        plan.resources.len()
    );
    simple_page(r, "Synthetic Self-Management Curriculum", "", &body)
}

pub(super) fn modules_index(plan: &Plan) -> String {
    let r = &mut Rng::new(plan.seed, FIXED, 1);
    simple_page(r, "Modules", "weight = 1\nsort_by = \"weight\"\n", "")
}

pub(super) fn competencies_index(plan: &Plan) -> String {
    let r = &mut Rng::new(plan.seed, FIXED, 2);
    simple_page(r, "Competencies", "weight = 2\n", "")
}

pub(super) fn library(plan: &Plan) -> String {
    let r = &mut Rng::new(plan.seed, FIXED, 3);
    simple_page(
        r,
        "Resource library",
        "kind = \"library\"\nweight = 3\n",
        "",
    )
}

pub(super) fn curriculum_map(plan: &Plan) -> String {
    let r = &mut Rng::new(plan.seed, FIXED, 4);
    let body = "Each row shows where a [competency](@/competencies/_index.md) or objective is \
                taught and which resources from the [library](@/resources/_index.md) support it.\n\n";
    simple_page(
        r,
        "Curriculum map",
        "kind = \"curriculum-map\"\nweight = 4\ntoc = false\n",
        body,
    )
}

pub(super) fn module_index(plan: &Plan, m: &Module) -> String {
    let r = &mut Rng::new(plan.seed, MODULE, m.number);
    let title = format!("Module {}: {}", m.number, title(r));
    simple_page(
        r,
        &title,
        &format!("weight = {}\nsort_by = \"weight\"\n", m.number),
        "",
    )
}
