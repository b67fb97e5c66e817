//! Curriculum coverage: for each objective, the pages that teach it, the resources that support
//! it and the quiz questions that assess it. The curriculum map and `trellis check` both read
//! these figures, so the page and the terminal always agree.

use std::collections::HashMap;

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
    let index = Index::new(content);
    order
        .into_iter()
        .map(|c| {
            let comp = &content.competencies[c];
            let objectives = (0..comp.objectives.len())
                .map(|o| objective_coverage(content, &index, c, o))
                .collect();
            (c, objectives)
        })
        .collect()
}

/// Who names each competency and objective ID, gathered in one pass, so coverage grows with
/// the size of the curriculum rather than with objectives times resources.
struct Index<'a> {
    /// ID -> the resources naming it, in library order.
    resources: HashMap<&'a str, Vec<usize>>,
    /// Objective ID -> (quiz page, scored questions assessing it there), in quiz order.
    questions: HashMap<&'a str, Vec<(usize, usize)>>,
}

impl<'a> Index<'a> {
    fn new(content: &'a Content) -> Index<'a> {
        let mut resources: HashMap<&str, Vec<usize>> = HashMap::new();
        for (r, res) in content.resources.iter().enumerate() {
            for id in &res.record.competencies {
                let list = resources.entry(id.get_ref().as_str()).or_default();
                if list.last() != Some(&r) {
                    list.push(r);
                }
            }
        }
        let mut questions: HashMap<&str, Vec<(usize, usize)>> = HashMap::new();
        for quiz in &content.quizzes {
            let mut here: HashMap<&str, usize> = HashMap::new();
            for q in &quiz.questions {
                if matches!(q.answer, Answer::Confidence) {
                    continue;
                }
                let mut ids: Vec<&str> = q.objectives.iter().map(String::as_str).collect();
                ids.sort_unstable();
                ids.dedup();
                for id in ids {
                    *here.entry(id).or_default() += 1;
                }
            }
            for (id, n) in here {
                questions.entry(id).or_default().push((quiz.page, n));
            }
        }
        Index {
            resources,
            questions,
        }
    }
}

fn objective_coverage(content: &Content, index: &Index, c: usize, o: usize) -> ObjectiveCoverage {
    let comp = &content.competencies[c];
    let id = &comp.objectives[o].id;
    let naming = |id: &str| index.resources.get(id).map_or(&[][..], Vec::as_slice);
    let mut resources: Vec<usize> = naming(id).to_vec();
    resources.extend(
        naming(&comp.id)
            .iter()
            .filter(|r| naming(id).binary_search(r).is_err()),
    );
    let assessed = index
        .questions
        .get(id.as_str())
        .map_or(&[][..], Vec::as_slice);
    ObjectiveCoverage {
        competency: c,
        objective: o,
        taught_in: content.taught_in.get(id).cloned().unwrap_or_default(),
        resources,
        questions: assessed.iter().map(|(_, n)| n).sum(),
        quizzes: assessed.iter().map(|(page, _)| *page).collect(),
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
