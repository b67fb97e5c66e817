//! Curriculum: competencies with their objectives, resources (key and TOML record, with
//! distinct titles) and the reading lists that hold them.

use std::fmt::Write as _;

use super::plan::{Plan, Resource};
use super::prose::{
    cap, heading, instruction, one_sentence, paragraph, pick_names, title, toml_list, toml_str,
};
use super::rng::{Rng, COMPETENCY, LIST, RESOURCE};
use super::vocabulary::{
    ADJECTIVES, AGENTS, JOURNALS, MASS, ORGANISATIONS, PLACES, PUBLISHERS, RESOURCE_KINDS,
    STUDY_TYPES, SURNAMES, TOPICS,
};

pub(super) fn competency(plan: &Plan, c: usize) -> String {
    let r = &mut Rng::new(plan.seed, COMPETENCY, c);
    let id = format!("CMP-{}", c + 1);
    let mut out = String::new();
    let _ = writeln!(out, "+++\nkind = \"competency\"\nid = \"{id}\"");
    let _ = writeln!(out, "title = {}", toml_str(&title(r)));
    let _ = writeln!(out, "description = {}", toml_str(&one_sentence(r)));
    let _ = writeln!(out, "statement = {}", toml_str(&one_sentence(r)));
    let source = &plan.resources[r.below(plan.resources.len())].key;
    let _ = writeln!(out, "sources = [\"{source}\"]\nweight = {}", c + 1);
    for o in 0..plan.objectives_per {
        let _ = write!(
            out,
            "\n[[objectives]]\nid = \"{id}.{}\"\ntext = {}\n",
            o + 1,
            toml_str(&format!("{}.", instruction(r)))
        );
    }
    out.push_str("+++\n\n");
    paragraph(r, &mut out);
    let _ = write!(out, "\n\n## {}\n\n", heading(r));
    paragraph(r, &mut out);
    out.push('\n');
    out
}

fn author(r: &mut Rng) -> String {
    let mut s = format!(
        "{}, {}.",
        r.pick(SURNAMES),
        (b'A' + r.below(26) as u8) as char
    );
    if r.chance(1, 3) {
        let _ = write!(s, " {}.", (b'A' + r.below(26) as u8) as char);
    }
    s
}

/// Resource `i`: its key and its TOML record, drawn from its own stream.
pub(super) fn resource(plan: &Plan, i: usize) -> Resource {
    let r = &mut Rng::new(plan.seed, RESOURCE, i);
    let kind = r.pick(RESOURCE_KINDS);
    let year = r.range(1990, 2025);
    let authors: Vec<String> = match kind {
        "report" if r.chance(1, 2) => vec![r.pick(ORGANISATIONS).to_string()],
        "web" if r.chance(1, 3) => Vec::new(),
        "web" => vec![r.pick(ORGANISATIONS).to_string()],
        _ => (0..r.range(1, 5)).map(|_| author(r)).collect(),
    };
    let title = match kind {
        "article" => format!("{}: {}", title(r), r.pick(STUDY_TYPES)),
        "book" => format!(
            "{} {}: a handbook for {}",
            cap(r.pick(ADJECTIVES)),
            r.pick(MASS),
            r.pick(AGENTS).1
        ),
        "report" => format!(
            "{} in {}: report of a national survey",
            cap(r.pick(MASS)),
            r.pick(PLACES).trim_start_matches("in ")
        ),
        _ => format!("{} for {}", cap(r.pick(MASS)), r.pick(AGENTS).1),
    };
    let lead = match authors.first() {
        Some(a) => a.split([',', ' ']).next().unwrap_or("anon"),
        None => "web",
    };
    let word: String = title
        .split(' ')
        .next()
        .unwrap_or("item")
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect();
    let key = format!(
        "{}-{year}-{}-{}",
        lead.to_ascii_lowercase(),
        word.to_ascii_lowercase(),
        i + 1
    );

    let mut t = String::new();
    let _ = writeln!(
        t,
        "key = \"{key}\"\nkind = \"{kind}\"\nauthors = {}",
        toml_list(&authors)
    );
    if kind != "web" || r.chance(1, 2) {
        let _ = writeln!(t, "year = {year}");
    }
    let _ = writeln!(t, "title = {}", toml_str(&title));
    match kind {
        "article" => {
            let _ = writeln!(t, "journal = {}", toml_str(r.pick(JOURNALS)));
            let first = r.range(1, 400);
            let _ = writeln!(
                t,
                "volume = \"{}\"\nissue = \"{}\"\npages = \"{first}-{}\"",
                r.range(1, 40),
                r.range(1, 12),
                first + r.range(5, 20)
            );
            if r.chance(1, 2) {
                let _ = writeln!(t, "doi = \"10.5555/synth.{}\"", i + 1);
            }
        }
        "book" | "report" => {
            let (publisher, city) = r.pick(PUBLISHERS);
            let _ = writeln!(t, "publisher = \"{publisher}\"\nplace = \"{city}\"");
        }
        _ => {
            let _ = writeln!(t, "url = \"https://example.org/synth/{key}\"");
        }
    }
    let c = r.below(plan.competencies) + 1;
    let mut ids = vec![format!("CMP-{c}")];
    if r.chance(1, 2) {
        ids.push(format!("CMP-{c}.{}", r.range(1, plan.objectives_per)));
    }
    let _ = writeln!(t, "competencies = {}", toml_list(&ids));
    let _ = writeln!(t, "annotation = {}", toml_str(&one_sentence(r)));
    let _ = writeln!(
        t,
        "taxonomies = {{ topics = {} }}",
        toml_list(&pick_names(r, TOPICS, 1, 2))
    );
    let year = (t.contains("\nyear = ")).then_some(year);
    Resource {
        key,
        title,
        year,
        toml: t,
    }
}

/// Gives a second work with the same title and year a part number ("…, part 2"), as `trellis
/// check` reports such pairs as duplicates. Runs in index order, so it is deterministic.
pub(super) fn distinct_titles(resources: &mut [Resource]) {
    let mut seen = std::collections::HashSet::new();
    for r in resources {
        let fold = |t: &str| -> String {
            t.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect()
        };
        let base = r.title.clone();
        let mut part = 1;
        while r.year.is_some() && !seen.insert((fold(&r.title), r.year)) {
            part += 1;
            r.title = format!("{base}, part {part}");
        }
        if part > 1 {
            r.toml = r.toml.replacen(
                &format!("title = {}", toml_str(&base)),
                &format!("title = {}", toml_str(&r.title)),
                1,
            );
        }
    }
}

pub(super) fn resource_list(plan: &Plan, i: usize, records: &[Resource]) -> String {
    let r = &mut Rng::new(plan.seed, LIST, i);
    let mut out = String::with_capacity(records.len() * 600);
    let _ = writeln!(
        out,
        "+++\nkind = \"resources\"\ntitle = \"Reading list {}\"",
        i + 1
    );
    let _ = writeln!(
        out,
        "description = {}\nweight = {}",
        toml_str(&one_sentence(r)),
        i + 1
    );
    for rec in records {
        out.push_str("\n[[resources]]\n");
        out.push_str(&rec.toml);
    }
    out.push_str("+++\n\n");
    paragraph(r, &mut out);
    out.push('\n');
    out
}
