//! Curriculum coverage findings: objectives not taught, supported or assessed, resources the
//! curriculum never uses, quizzes that assess nothing; and the coverage matrix.

use serde::Serialize;

use super::Findings;
use crate::content::coverage::{assesses_anything, coverage, orphan_resources, ObjectiveCoverage};
use crate::content::Content;
use crate::diagnostic::Diagnostic;

#[derive(Debug, Serialize)]
pub struct CompetencyRow {
    pub id: String,
    pub title: String,
    pub objectives: Vec<ObjectiveRow>,
}

#[derive(Debug, Serialize)]
pub struct ObjectiveRow {
    pub id: String,
    pub text: String,
    /// Source files of the pages that teach it.
    pub taught_in: Vec<String>,
    pub resources: usize,
    pub questions: usize,
    /// `untaught`, `unsupported`, `unassessed`: the rules it breaks.
    pub gaps: Vec<&'static str>,
}

/// The matrix, and a finding for each gap.
pub fn check(
    content: &Content,
    min_questions: usize,
    cited: &std::collections::BTreeSet<String>,
    f: &mut Findings,
) -> Vec<CompetencyRow> {
    let rows = coverage(content)
        .into_iter()
        .map(|(c, objectives)| {
            let comp = &content.competencies[c];
            CompetencyRow {
                id: comp.id.clone(),
                title: comp.title.clone(),
                objectives: objectives
                    .iter()
                    .map(|o| objective_row(content, o, min_questions, f))
                    .collect(),
            }
        })
        .collect();
    for r in orphan_resources(content, cited) {
        let res = &content.resources[r];
        let key = res.record.key();
        f.push(
            "orphan-resource",
            content.pages[res.page]
                .error_at(format!("resource `{key}` is not used: no page lists or cites it, and it supports no competency"), res.record.key.span())
                .hint(format!("cite it with `[@{key}]`, list it in a page's `resources`, or name the objectives it supports in `competencies`")),
        );
    }
    for quiz in content.quizzes.iter().filter(|q| !assesses_anything(q)) {
        let page = &content.pages[quiz.page];
        let d = Diagnostic::new(format!("quiz `{}` assesses no objective", page.title()));
        let d = match &page.meta.kind {
            Some(k) if !page.rel.ends_with(".gift") => page.error_at(d.message(), k.span()),
            _ => d.in_file(&page.file),
        };
        f.push(
            "quiz-objectives",
            d.hint("add scored questions that name the objectives they assess: `objectives = [\"SMS-1.1\"]`"),
        );
    }
    rows
}

fn objective_row(
    content: &Content,
    o: &ObjectiveCoverage,
    min: usize,
    f: &mut Findings,
) -> ObjectiveRow {
    let comp = &content.competencies[o.competency];
    let id = &comp.objectives[o.objective].id;
    let page = &content.pages[comp.page];
    let span = page
        .meta
        .objectives
        .as_ref()
        .and_then(|list| list.get_ref().iter().find(|e| e.id.get_ref() == id))
        .map_or(0..0, |e| e.id.span());
    let at = |message: String| page.error_at(message, span.clone());
    let mut gaps = Vec::new();
    if o.taught_in.is_empty() {
        gaps.push("untaught");
        f.push(
            "untaught",
            at(format!("objective `{id}` is not taught on any page")).hint(format!(
                "add `teaches = [\"{id}\"]` to the front matter of the page that teaches it"
            )),
        );
    }
    if o.resources.is_empty() {
        gaps.push("unsupported");
        f.push(
            "unsupported",
            at(format!("objective `{id}` has no supporting resource")).hint(format!(
                "name it, or `{}`, in the `competencies` of a resource record",
                comp.id
            )),
        );
    }
    if o.questions < min {
        gaps.push("unassessed");
        let found = match o.questions {
            0 => "no quiz question assesses it".to_string(),
            1 => "only 1 quiz question assesses it".to_string(),
            n => format!("only {n} quiz questions assess it"),
        };
        f.push(
            "unassessed",
            at(format!("objective `{id}` is not assessed enough: {found}, and {min} are needed"))
                .hint(format!("add questions with `objectives = [\"{id}\"]` to a quiz, or change `min_questions` under [check] in site.toml")),
        );
    }
    ObjectiveRow {
        id: id.clone(),
        text: comp.objectives[o.objective].text.clone(),
        taught_in: o
            .taught_in
            .iter()
            .map(|&p| content.pages[p].file.display().to_string())
            .collect(),
        resources: o.resources.len(),
        questions: o.questions,
        gaps,
    }
}

/// The matrix as terminal text: one line per objective, gaps named at the end of the line.
pub fn matrix(rows: &[CompetencyRow], min_questions: usize) -> String {
    let objectives: Vec<&ObjectiveRow> = rows.iter().flat_map(|c| &c.objectives).collect();
    let count = |gap: &str| objectives.iter().filter(|o| o.gaps.contains(&gap)).count();
    let mut out = format!(
        "Curriculum coverage: {} objective{} in {} competenc{}; {} not taught, {} without resources, {} with fewer than {min_questions} question{}\n",
        objectives.len(),
        if objectives.len() == 1 { "" } else { "s" },
        rows.len(),
        if rows.len() == 1 { "y" } else { "ies" },
        count("untaught"),
        count("unsupported"),
        count("unassessed"),
        if min_questions == 1 { "" } else { "s" },
    );
    if rows.is_empty() {
        return out;
    }
    let width = objectives
        .iter()
        .map(|o| o.id.len())
        .max()
        .unwrap_or(0)
        .max(9);
    out.push_str(&format!(
        "  {:<width$}  taught  resources  questions\n",
        "objective"
    ));
    for c in rows {
        out.push_str(&format!("{}  {}\n", c.id, c.title));
        if c.objectives.is_empty() {
            out.push_str("  (no objectives)\n");
        }
        for o in &c.objectives {
            let gaps = if o.gaps.is_empty() {
                String::new()
            } else {
                let names: Vec<&str> = o
                    .gaps
                    .iter()
                    .map(|g| match *g {
                        "untaught" => "not taught",
                        "unsupported" => "no resources",
                        _ => "too few questions",
                    })
                    .collect();
                format!("  << {}", names.join(", "))
            };
            out.push_str(&format!(
                "  {:<width$}  {:>6}  {:>9}  {:>9}{gaps}\n",
                o.id,
                o.taught_in.len(),
                o.resources,
                o.questions
            ));
        }
    }
    out
}
