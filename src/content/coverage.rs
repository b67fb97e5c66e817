//! Curriculum coverage: for each objective, the pages that teach it, the resources that support
//! it and the quiz questions that assess it. The curriculum map and `trellis check` both read
//! these figures, so the page and the terminal always agree.

use super::Content;
use crate::quiz::Answer;

/// The coverage of one objective.
#[derive(Debug)]
pub struct ObjectiveCoverage {
    /// Indices into `Content::competencies` and its `objectives`.
    pub competency: usize,
    pub objective: usize,
    /// Pages whose `teaches` lists it.
    pub taught_in: Vec<usize>,
    /// Resources naming the objective, then those naming only its competency.
    pub resources: Vec<usize>,
    /// Quiz questions assessing it (confidence self-ratings are not assessment).
    pub questions: usize,
    /// The quiz pages those questions are on.
    pub quizzes: Vec<usize>,
}

/// Competencies in reading order (their page's weight, then `SMS-2` before `SMS-10`), each with
/// its objectives' coverage.
pub fn coverage(content: &Content) -> Vec<(usize, Vec<ObjectiveCoverage>)> {
    let mut order: Vec<usize> = (0..content.competencies.len()).collect();
    order.sort_by_key(|&c| {
        let comp = &content.competencies[c];
        (content.pages[comp.page].meta.weight, natural(&comp.id))
    });
    order
        .into_iter()
        .map(|c| {
            let comp = &content.competencies[c];
            let objectives = (0..comp.objectives.len())
                .map(|o| objective_coverage(content, c, o))
                .collect();
            (c, objectives)
        })
        .collect()
}

fn objective_coverage(content: &Content, c: usize, o: usize) -> ObjectiveCoverage {
    let comp = &content.competencies[c];
    let id = &comp.objectives[o].id;
    let names = |r: usize, wanted: &str| {
        content.resources[r]
            .record
            .competencies
            .iter()
            .any(|x| x.get_ref() == wanted)
    };
    let mut resources: Vec<usize> = (0..content.resources.len())
        .filter(|&r| names(r, id))
        .collect();
    resources.extend((0..content.resources.len()).filter(|&r| !names(r, id) && names(r, &comp.id)));
    let mut questions = 0;
    let mut quizzes = Vec::new();
    for quiz in &content.quizzes {
        let n = quiz
            .questions
            .iter()
            .filter(|q| {
                !matches!(q.answer, Answer::Confidence) && q.objectives.iter().any(|x| x == id)
            })
            .count();
        if n > 0 {
            questions += n;
            quizzes.push(quiz.page);
        }
    }
    ObjectiveCoverage {
        competency: c,
        objective: o,
        taught_in: content.taught_in.get(id).cloned().unwrap_or_default(),
        resources,
        questions,
        quizzes,
    }
}

/// Whether a quiz assesses any objective with a scored question.
pub fn assesses_anything(quiz: &super::Quiz) -> bool {
    quiz.questions
        .iter()
        .any(|q| !matches!(q.answer, Answer::Confidence) && !q.objectives.is_empty())
}

/// Resources that nothing in the curriculum points at and that name no competency or objective.
pub fn orphan_resources(
    content: &Content,
    cited: &std::collections::BTreeSet<String>,
) -> Vec<usize> {
    let listed: std::collections::BTreeSet<&str> = content
        .pages
        .iter()
        .flat_map(|p| p.meta.resources.iter().chain(&p.meta.sources))
        .map(|k| k.get_ref().as_str())
        .collect();
    (0..content.resources.len())
        .filter(|&r| {
            let rec = &content.resources[r].record;
            rec.competencies.is_empty() && !listed.contains(rec.key()) && !cited.contains(rec.key())
        })
        .collect()
}

/// A sort key that puts `sms-10` after `sms-9`.
pub fn natural(s: &str) -> (String, u64) {
    let digits = s.len() - s.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let (head, tail) = s.split_at(s.len() - digits);
    (head.to_string(), tail.parse().unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::natural;

    #[test]
    fn natural_order_of_ids() {
        assert!(natural("sms-9") < natural("sms-10"));
        assert_eq!(natural("year"), ("year".to_string(), 0));
    }
}
