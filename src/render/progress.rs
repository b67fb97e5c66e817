//! The "My progress" page's data: the curriculum, and every quiz question with the version the
//! browser files its saved answer under.

use serde::Serialize;

use crate::content::Content;
use crate::quiz::version;

#[derive(Serialize)]
struct ProgressQuestion<'a> {
    id: &'a str,
    version: String,
    #[serde(rename = "type")]
    kind: &'static str,
    objectives: &'a [String],
}

#[derive(Serialize)]
struct ProgressQuiz<'a> {
    id: &'a str,
    title: &'a str,
    href: String,
    questions: Vec<ProgressQuestion<'a>>,
}

#[derive(Serialize)]
struct ProgressObjective {
    id: String,
    text: String,
    href: String,
    /// Quizzes with questions on this objective.
    quizzes: Vec<super::context::Link>,
    resources: Vec<super::listing::ShortRef>,
}

#[derive(Serialize)]
struct ProgressCompetency {
    id: String,
    title: String,
    href: String,
    objectives: Vec<ProgressObjective>,
}

#[derive(Serialize)]
struct ProgressData<'a> {
    competencies: &'a [ProgressCompetency],
    quizzes: Vec<ProgressQuiz<'a>>,
}

#[derive(Serialize)]
pub struct ProgressView {
    /// The same data as `data`, for the page without JavaScript.
    competencies: Vec<ProgressCompetency>,
    quizzes: Vec<super::context::Link>,
    /// JSON for the browser script: every competency, objective and quiz question.
    data: String,
}

/// What the "My progress" page needs: the curriculum, and every quiz question with its version.
pub fn progress(content: &Content, views: &super::Views) -> ProgressView {
    let quiz_links = |objective: &str| -> Vec<super::context::Link> {
        content
            .quizzes
            .iter()
            .filter(|q| {
                q.questions
                    .iter()
                    .any(|x| x.objectives.iter().any(|o| o == objective))
            })
            .map(|q| views.link(q.page))
            .collect()
    };
    let competencies: Vec<ProgressCompetency> = {
        content
            .competencies
            .iter()
            .enumerate()
            .map(|(c, comp)| {
                let ctx = super::context::competency_ctx(content, views, c);
                ProgressCompetency {
                    id: comp.id.clone(),
                    title: comp.title.clone(),
                    href: ctx.href.clone(),
                    objectives: ctx
                        .objectives
                        .into_iter()
                        .map(|o| ProgressObjective {
                            quizzes: quiz_links(&o.id),
                            resources: o
                                .resources
                                .iter()
                                .map(|r| super::listing::ShortRef::new(&r.short, &r.href))
                                .collect(),
                            id: o.id,
                            text: o.text,
                            href: o.href,
                        })
                        .collect(),
                }
            })
            .collect()
    };
    let quizzes: Vec<ProgressQuiz> = content
        .quizzes
        .iter()
        .map(|q| {
            let page = &content.pages[q.page];
            ProgressQuiz {
                id: &page.path,
                title: &page.meta.title,
                href: page.href(),
                questions: q
                    .questions
                    .iter()
                    .map(|x| ProgressQuestion {
                        id: &x.id,
                        version: version(x),
                        kind: x.answer.type_name(),
                        objectives: &x.objectives,
                    })
                    .collect(),
            }
        })
        .collect();
    let data = ProgressData {
        competencies: &competencies,
        quizzes,
    };
    // `</` cannot end the script element early: escape it inside the JSON.
    let data = serde_json::to_string(&data)
        .unwrap_or_default()
        .replace("</", "<\\/");
    ProgressView {
        competencies,
        quizzes: content.quizzes.iter().map(|q| views.link(q.page)).collect(),
        data,
    }
}
