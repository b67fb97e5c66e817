//! Quiz pages: their questions (from front matter or a GIFT file) checked against the
//! curriculum and collected into the content model.

use std::collections::BTreeMap;

use super::origin_of;
use crate::content::{Content, Kind, Quiz};
use crate::diagnostic::{closest, Diagnostics};

/// Turns each quiz page's questions into the model, checking question IDs and objectives.
pub(super) fn collect_quizzes(content: &mut Content, ds: &mut Diagnostics) {
    let objective_ids: Vec<String> = content
        .competencies
        .iter()
        .flat_map(|c| c.objectives.iter().map(|o| o.id.clone()))
        .collect();
    let mut quizzes = Vec::new();
    for (i, p) in content.pages.iter().enumerate() {
        if p.kind() != Kind::Quiz {
            continue;
        }
        let mut questions = Vec::new();
        let check_objectives = |q: &crate::quiz::Question,
                                spans: Vec<std::ops::Range<usize>>,
                                ds: &mut Diagnostics|
         -> bool {
            if q.objectives.is_empty() {
                ds.push(p.error_at(format!("question `{}` assesses no objective", q.id), q.span.clone()).hint(
                    "in a GIFT file, put the question under a `$CATEGORY:` whose last part is an objective ID, e.g. `$CATEGORY: SMS/SMS-1.1`",
                ));
                return false;
            }
            let mut ok = true;
            for (o, span) in q.objectives.iter().zip(spans) {
                if content.objective(o).is_none() && !content.is_broken(o) {
                    ok = false;
                    let d = p.error_at(
                        format!("unknown objective `{o}` in question `{}`", q.id),
                        span,
                    );
                    ds.push(match closest(o, objective_ids.iter().map(String::as_str)) {
                        Some(near) => d.hint(format!("did you mean `{near}`?")),
                        None => d.hint("questions assess objective IDs such as `SMS-1.2`"),
                    });
                }
            }
            ok
        };
        if let Some((gift_questions, errors)) = &p.gift {
            for e in errors {
                let d = p.error_at(e.message.clone(), e.span.clone());
                ds.push(match &e.hint {
                    Some(h) => d.hint(h.clone()),
                    None => d,
                });
            }
            for q in gift_questions {
                let spans = q
                    .objectives
                    .iter()
                    .map(|_| q.span.start..q.span.start + 1)
                    .collect();
                if check_objectives(q, spans, ds) {
                    questions.push(q.clone());
                }
            }
        }
        let entries = p
            .meta
            .questions
            .as_ref()
            .map_or(&[][..], |q| q.get_ref().as_slice());
        let mut seen: BTreeMap<&str, std::ops::Range<usize>> = BTreeMap::new();
        for entry in entries {
            let id = entry.id.get_ref();
            if let Some(first) = seen.get(id.as_str()) {
                let at = origin_of(content, i, first.clone());
                ds.push(
                    p.error_at(format!("duplicate question ID `{id}`"), entry.id.span())
                        .hint(format!(
                            "`{id}` is already used at {at}; question IDs must be unique in a quiz"
                        )),
                );
                continue;
            }
            seen.insert(id, entry.id.span());
            match entry.to_question() {
                Ok(q) => {
                    if check_objectives(&q, entry.objectives.iter().map(|o| o.span()).collect(), ds)
                    {
                        questions.push(q);
                    }
                }
                Err(errors) => {
                    for e in errors {
                        let d = p.error_at(e.message, e.span);
                        ds.push(match e.hint {
                            Some(h) => d.hint(h),
                            None => d,
                        });
                    }
                }
            }
        }
        let shuffle = p.meta.shuffle.as_ref().is_none_or(|s| *s.get_ref());
        quizzes.push(Quiz {
            page: i,
            shuffle,
            questions,
        });
    }
    content.quizzes = quizzes;
}
