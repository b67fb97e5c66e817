//! Lesson pages: front matter, sections of prose with cross-references, lists, tables and code
//! blocks.

use std::fmt::Write as _;

use super::plan::{Module, Plan};
use super::prose::{
    cap, heading, instruction, one_sentence, paragraph, paragraph_within, pick_names, title,
    toml_list, toml_str,
};
use super::rng::{Rng, LESSON};
use super::vocabulary::{AGENTS, MASS, PROFESSIONS, TOPICS};

#[derive(Clone, Copy)]
enum Link {
    Lesson,
    Objective,
    Competency,
    Resource,
}

/// A sentence holding one cross-reference of `kind`.
fn link_sentence(
    r: &mut Rng,
    plan: &Plan,
    g: usize,
    teaches: &[String],
    res: &[String],
    kind: Link,
) -> String {
    match kind {
        Link::Lesson => {
            let target = if plan.lessons < 2 {
                "@/modules/_index.md".to_string()
            } else {
                let other = (g + 1 + r.below(plan.lessons - 1)) % plan.lessons;
                plan.lesson_path(other)
            };
            let text = format!("more on {}", r.pick(MASS));
            match r.below(3) {
                0 => format!("See [{text}]({target}) for a worked example."),
                1 => format!("This builds on [{text}]({target})."),
                _ => format!("The lesson with [{text}]({target}) takes this further."),
            }
        }
        Link::Objective => {
            let id = &teaches[r.below(teaches.len())];
            match r.below(3) {
                0 => format!("This section supports objective [@{id}]."),
                1 => format!("It works towards [the objective](@{id})."),
                _ => format!("Keep [@{id}] in mind while you read."),
            }
        }
        Link::Competency => {
            let c = r.below(plan.competencies) + 1;
            format!("The wider competency is [@CMP-{c}].")
        }
        Link::Resource => {
            let key = &res[r.below(res.len())];
            match r.below(3) {
                0 => format!("For background, read [@{key}]."),
                1 => format!("[@{key}] reports similar findings."),
                _ => format!("The approach follows [@{key}]."),
            }
        }
    }
}

fn bullet_list(r: &mut Rng, out: &mut String, numbered: bool) -> usize {
    let mut words = 0;
    for i in 0..r.range(3, 5) {
        let item = instruction(r);
        words += item.split(' ').count();
        if numbered {
            let _ = writeln!(out, "{}. {item}.", i + 1);
        } else {
            let _ = writeln!(out, "- {item}");
        }
    }
    words
}

fn table(r: &mut Rng, out: &mut String) {
    out.push_str("| step | who | focus |\n| --- | --- | --- |\n");
    for i in 0..r.range(3, 4) {
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            i + 1,
            r.pick(AGENTS).1,
            r.pick(MASS)
        );
    }
}

fn code_block(r: &mut Rng, out: &mut String, n: usize) {
    let planned = r.range(3, 7);
    match (n / 10 - 1) % 3 {
        0 => {
            let _ = write!(
                out,
                "```rust\n/// Share of the planned steps done this week.\nfn progress(done: u32, planned: u32) -> f32 {{\n    if planned == 0 {{\n        return 0.0;\n    }}\n    done as f32 / planned as f32\n}}\n\nfn main() {{\n    let week = [(1, {planned}), ({}, {planned}), ({planned}, {planned})];\n    for (done, planned) in week {{\n        println!(\"{{:.0}}%\", progress(done, planned) * 100.0);\n    }}\n}}\n```\n",
                planned - 1
            );
        }
        1 => {
            let _ = write!(
                out,
                "```python\ndef needs_a_smaller_step(ratings, threshold={planned}):\n    \"\"\"Steps whose confidence rating is below the threshold.\"\"\"\n    return [step for step, score in ratings.items() if score < threshold]\n\nplan = {{\"walk ten minutes\": 8, \"log symptoms\": 5, \"call a friend\": 6}}\nprint(needs_a_smaller_step(plan))\n```\n"
            );
        }
        _ => {
            let _ = write!(
                out,
                "```text\nGoal:        {}\nAction plan: {}\nHow often:   {planned} times this week\nConfidence:  {}/10\n```\n",
                cap(r.pick(MASS)),
                instruction(r),
                r.range(5, 9)
            );
        }
    }
}

/// Lesson `l` (0-based) of module `m`.
pub(super) fn lesson(plan: &Plan, m: &Module, l: usize) -> String {
    let g = m.first + l;
    let n = g + 1;
    let r = &mut Rng::new(plan.seed, LESSON, g);
    let mut out = String::with_capacity(5000);

    // Lesson g teaches objective g mod O, so every objective is taught once there are O lessons.
    let objectives = plan.objectives();
    let mut teaches = vec![g % objectives];
    if objectives > 1 && r.chance(1, 2) {
        teaches.push((g + 1 + r.below(objectives - 1)) % objectives);
    }
    let teaches: Vec<String> = teaches.into_iter().map(|k| plan.objective(k)).collect();
    let k = r.range(1, 3);
    let res: Vec<String> = r
        .distinct(k, plan.resources.len())
        .into_iter()
        .map(|i| plan.resources[i].key.clone())
        .collect();

    let _ = writeln!(out, "+++\ntitle = {}", toml_str(&title(r)));
    let _ = writeln!(out, "description = {}", toml_str(&one_sentence(r)));
    let _ = writeln!(out, "weight = {}", l + 1);
    let _ = writeln!(out, "teaches = {}", toml_list(&teaches));
    let _ = writeln!(out, "resources = {}", toml_list(&res));
    out.push_str("\n[taxonomies]\n");
    let _ = writeln!(out, "topics = {}", toml_list(&pick_names(r, TOPICS, 2, 3)));
    let _ = writeln!(
        out,
        "professions = {}",
        toml_list(&pick_names(r, PROFESSIONS, 1, 2))
    );
    out.push_str("+++\n\n");

    let target = r.range(410, 540);
    let mut words = paragraph(r, &mut out);
    out.push_str("\n\n<!-- more -->\n\n");

    let sections = r.range(3, 5);
    let links = [
        Link::Lesson,
        if r.chance(1, 4) {
            Link::Competency
        } else {
            Link::Objective
        },
        if r.chance(1, 5) {
            Link::Lesson
        } else {
            Link::Resource
        },
    ];
    let bullets_in = r.below(sections);
    let numbered_in = r.below(sections);
    let extra_in = r.below(sections);
    for s in 0..sections {
        let budget = (target.saturating_sub(words)) / (sections - s);
        let mut section_words = 0;
        let _ = writeln!(out, "## {}\n", heading(r));
        section_words += paragraph_within(r, &mut out, budget);
        for (i, kind) in links.iter().enumerate() {
            if i * sections / links.len() == s {
                out.push(' ');
                let link = link_sentence(r, plan, g, &teaches, &res, *kind);
                section_words += link.split(' ').count();
                out.push_str(&link);
            }
        }
        out.push_str("\n\n");
        if s == bullets_in {
            section_words += bullet_list(r, &mut out, false);
            out.push('\n');
        }
        if s == numbered_in {
            section_words += bullet_list(r, &mut out, true);
            out.push('\n');
        }
        if s == extra_in && n.is_multiple_of(5) {
            table(r, &mut out);
            out.push('\n');
        }
        if s == extra_in && n.is_multiple_of(10) {
            code_block(r, &mut out, n);
            out.push('\n');
        }
        let mut sub = false;
        while section_words < budget {
            if !sub && r.chance(1, 2) {
                let _ = writeln!(out, "### {}\n", heading(r));
                sub = true;
            }
            section_words += paragraph_within(r, &mut out, budget - section_words);
            out.push_str("\n\n");
        }
        words += section_words;
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}
