//! The curriculum map's data: every competency's objectives, where each is taught, the resources
//! that support it and the questions that assess it.

use serde::Serialize;

use crate::content::ids;
use crate::render::context::Link;
use crate::render::Renderer;

#[derive(Serialize)]
pub struct MapObjective {
    id: String,
    text: String,
    href: String,
    taught_in: Vec<Link>,
    resources: Vec<ShortRef>,
    /// Quiz questions (not confidence ratings) that assess it, and the quizzes they are in.
    questions: usize,
    quizzes: Vec<Link>,
    /// Whether it has at least `min_questions` questions.
    assessed: bool,
}

#[derive(Serialize)]
pub struct ShortRef {
    short: String,
    href: String,
}

impl ShortRef {
    pub fn new(short: &str, href: &str) -> ShortRef {
        ShortRef {
            short: short.to_string(),
            href: href.to_string(),
        }
    }
}

#[derive(Serialize)]
pub struct MapCompetency {
    id: String,
    title: String,
    statement: String,
    href: String,
    objectives: Vec<MapObjective>,
}

#[derive(Serialize)]
pub struct Map {
    competencies: Vec<MapCompetency>,
    objective_count: usize,
    untaught_count: usize,
    unsupported_count: usize,
    unassessed_count: usize,
    /// Questions an objective needs to count as assessed (`[check] min_questions`).
    min_questions: usize,
}

/// Competency x objective x where it is taught x which resources support it x the questions
/// that assess it: the figures of `content::coverage`, which `trellis check` prints too.
pub fn curriculum_map(r: &Renderer) -> Map {
    let content = r.content;
    let min_questions = r.config.check.min_questions;
    let mut map = Map {
        competencies: Vec::new(),
        objective_count: 0,
        untaught_count: 0,
        unsupported_count: 0,
        unassessed_count: 0,
        min_questions,
    };
    for (c, coverage) in crate::content::coverage::coverage(content) {
        let comp = &content.competencies[c];
        let href = content.pages[comp.page].href();
        let objectives: Vec<MapObjective> = coverage
            .into_iter()
            .map(|o| {
                let obj = &comp.objectives[o.objective];
                MapObjective {
                    id: obj.id.clone(),
                    text: obj.text.clone(),
                    href: format!("{href}#{}", ids::anchor(&obj.id)),
                    taught_in: o.taught_in.iter().map(|&p| r.views.link(p)).collect(),
                    resources: o
                        .resources
                        .iter()
                        .map(|&x| {
                            ShortRef::new(&r.views.resources[x].short, &r.views.resources[x].href)
                        })
                        .collect(),
                    questions: o.questions,
                    quizzes: o.quizzes.iter().map(|&p| r.views.link(p)).collect(),
                    assessed: o.questions >= min_questions,
                }
            })
            .collect();
        map.objective_count += objectives.len();
        map.untaught_count += objectives.iter().filter(|o| o.taught_in.is_empty()).count();
        map.unsupported_count += objectives.iter().filter(|o| o.resources.is_empty()).count();
        map.unassessed_count += objectives.iter().filter(|o| !o.assessed).count();
        map.competencies.push(MapCompetency {
            id: comp.id.clone(),
            title: comp.title.clone(),
            statement: comp.statement.clone(),
            href,
            objectives,
        });
    }
    map
}
