//! A quiz as the page shows it: every question with its inputs, and, for the no-JS reader, its
//! answer and explanation in a disclosure; plus the answer key the browser script marks with.

use serde::Serialize;

use crate::content::{Content, Quiz};
use crate::markdown::{self, escape_html};
use crate::quiz::{version, Answer, Question};

/// The markdown pieces of one question, rendered as HTML for the page they are on.
#[derive(Debug, Default, Clone)]
pub struct QuestionHtml {
    pub prompt: String,
    pub hint: Option<String>,
    pub explanation: Option<String>,
    /// Option texts and their feedback (single, multiple), items (ordering), pair sides (matching).
    pub texts: Vec<String>,
    pub feedback: Vec<Option<String>>,
    pub extra: Vec<String>,
}

/// Renders the markdown of every question on a quiz page.
pub fn render_questions(
    quiz: &Quiz,
    cx: &markdown::Context,
    errors: &mut Vec<crate::diagnostic::Diagnostic>,
) -> Vec<QuestionHtml> {
    let page_offset = cx.content.pages[quiz.page].front_start;
    quiz.questions
        .iter()
        .map(|q| {
            let cx = markdown::Context {
                offset: page_offset + q.span.start,
                ..*cx
            };
            let mut block = |s: &str| markdown::render(s, &cx, errors).html;
            let prompt = block(&q.prompt);
            let hint = q.hint.as_deref().map(&mut block);
            let explanation = q.explanation.as_deref().map(&mut block);
            let mut inline = |s: &str| strip_paragraph(&markdown::render(s, &cx, errors).html);
            let (texts, feedback, extra) = match &q.answer {
                Answer::Single(choices) | Answer::Multiple(choices) => (
                    choices.iter().map(|c| inline(&c.text)).collect(),
                    choices
                        .iter()
                        .map(|c| c.feedback.as_deref().map(&mut inline))
                        .collect(),
                    Vec::new(),
                ),
                Answer::TrueFalse {
                    if_true, if_false, ..
                } => (
                    Vec::new(),
                    vec![
                        if_true.as_deref().map(&mut inline),
                        if_false.as_deref().map(&mut inline),
                    ],
                    Vec::new(),
                ),
                Answer::Short { otherwise, .. } => (
                    Vec::new(),
                    vec![otherwise.as_deref().map(&mut inline)],
                    Vec::new(),
                ),
                Answer::Ordering(items) => (
                    items.iter().map(|i| inline(i)).collect(),
                    Vec::new(),
                    Vec::new(),
                ),
                Answer::Matching(pairs) => (
                    pairs.iter().map(|(a, _)| inline(a)).collect(),
                    Vec::new(),
                    pairs.iter().map(|(_, b)| inline(b)).collect(),
                ),
                Answer::Numeric { .. } | Answer::Confidence => (Vec::new(), Vec::new(), Vec::new()),
            };
            QuestionHtml {
                prompt,
                hint,
                explanation,
                texts,
                feedback,
                extra,
            }
        })
        .collect()
}

fn strip_paragraph(html: &str) -> String {
    let t = html.trim();
    match t.strip_prefix("<p>").and_then(|s| s.strip_suffix("</p>")) {
        Some(inner) if !inner.contains("<p>") => inner.to_string(),
        _ => t.to_string(),
    }
}

#[derive(Serialize)]
pub struct QuizView {
    /// The key saved progress is filed under: the quiz page's path.
    pub id: String,
    pub shuffle: bool,
    pub count: usize,
    pub questions: Vec<QuestionView>,
    /// JSON for the browser script (the answer key and feedback).
    pub key: String,
}

#[derive(Serialize)]
pub struct ObjectiveLink {
    pub id: String,
    pub text: String,
    pub href: String,
}

#[derive(Serialize)]
pub struct Item {
    /// The item's index in the author's (correct) order.
    pub index: usize,
    pub html: String,
}

#[derive(Serialize)]
pub struct QuestionView {
    pub id: String,
    pub number: usize,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub version: String,
    pub objectives: Vec<ObjectiveLink>,
    pub prompt: String,
    pub hint: Option<String>,
    pub explanation: Option<String>,
    /// single / multiple: options in the author's order.
    pub options: Vec<Item>,
    /// ordering: items, and matching: prompts, in a fixed scrambled order (the script reshuffles).
    pub items: Vec<Item>,
    /// matching: the answers offered for every prompt, scrambled.
    pub choices: Vec<Item>,
    /// The correct answer as HTML, for the disclosure and "Show answer".
    pub answer: String,
}

#[derive(Serialize)]
struct KeyQuestion<'a> {
    id: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    version: String,
    objectives: &'a [String],
    /// single/multiple: indices of correct options; ordering: the correct order of item indices;
    /// matching: for each prompt index, its answer's index; true-false: [1] for true, [0] for false.
    correct: Vec<usize>,
    accept: Vec<String>,
    value: Option<f64>,
    tolerance: Option<f64>,
    /// Feedback HTML per option (single, multiple), [if true, if false], or [otherwise].
    feedback: Vec<Option<String>>,
    answer: String,
}

#[derive(Serialize)]
struct Key<'a> {
    quiz: &'a str,
    title: &'a str,
    shuffle: bool,
    questions: Vec<KeyQuestion<'a>>,
}

/// The texts at `order`, each with its index in the author's order.
fn items(texts: &[String], order: impl IntoIterator<Item = usize>) -> Vec<Item> {
    order
        .into_iter()
        .map(|index| Item {
            index,
            html: texts[index].clone(),
        })
        .collect()
}

/// A deterministic shuffle of 0..n seeded by a string, that never returns the identity order
/// when another exists (so a scrambled list never gives the answer away).
pub fn scramble(n: usize, seed: &str) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    let mut state: u64 = seed.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    });
    for i in (1..n).rev() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        order.swap(i, (state % (i as u64 + 1)) as usize);
    }
    if n > 1 && order.iter().enumerate().all(|(i, &x)| i == x) {
        order.rotate_left(1);
    }
    order
}

pub fn view(content: &Content, quiz: &Quiz, html: &[QuestionHtml]) -> QuizView {
    let page = &content.pages[quiz.page];
    let mut questions = Vec::new();
    let mut keys = Vec::new();
    for (n, (q, h)) in quiz.questions.iter().zip(html).enumerate() {
        let objectives = q
            .objectives
            .iter()
            .filter_map(|id| {
                let (c, o) = content.objective(id)?;
                Some(ObjectiveLink {
                    id: id.clone(),
                    text: content.competencies[c].objectives[o].text.clone(),
                    href: content
                        .target_link(crate::content::Target::Objective(c, o))
                        .0,
                })
            })
            .collect();
        let (view, key) = question(q, h, n + 1, objectives);
        questions.push(view);
        keys.push(key);
    }
    let key = Key {
        quiz: &page.path,
        title: &page.meta.title,
        shuffle: quiz.shuffle,
        questions: keys,
    };
    // `</` cannot end the script element early: escape it inside the JSON.
    let key = serde_json::to_string(&key)
        .unwrap_or_default()
        .replace("</", "<\\/");
    QuizView {
        id: page.path.clone(),
        shuffle: quiz.shuffle,
        count: questions.len(),
        questions,
        key,
    }
}

fn question<'a>(
    q: &'a Question,
    h: &QuestionHtml,
    number: usize,
    objectives: Vec<ObjectiveLink>,
) -> (QuestionView, KeyQuestion<'a>) {
    let version = version(q);
    let seed = format!("{}{}", q.id, version);
    let mut view = QuestionView {
        id: q.id.clone(),
        number,
        kind: q.answer.type_name(),
        version: version.clone(),
        objectives,
        prompt: h.prompt.clone(),
        hint: h.hint.clone(),
        explanation: h.explanation.clone(),
        options: Vec::new(),
        items: Vec::new(),
        choices: Vec::new(),
        answer: String::new(),
    };
    let mut key = KeyQuestion {
        id: &q.id,
        kind: q.answer.type_name(),
        version,
        objectives: &q.objectives,
        correct: Vec::new(),
        accept: Vec::new(),
        value: None,
        tolerance: None,
        feedback: h.feedback.clone(),
        answer: String::new(),
    };
    match &q.answer {
        Answer::Single(choices) | Answer::Multiple(choices) => {
            view.options = items(&h.texts, 0..h.texts.len());
            key.correct = choices
                .iter()
                .enumerate()
                .filter(|(_, c)| c.correct)
                .map(|(i, _)| i)
                .collect();
            let right: Vec<&str> = key.correct.iter().map(|&i| h.texts[i].as_str()).collect();
            view.answer = if right.len() == 1 {
                format!("<p>The answer is: {}</p>", right[0])
            } else {
                format!(
                    "<p>The answers are:</p><ul>{}</ul>",
                    right
                        .iter()
                        .map(|r| format!("<li>{r}</li>"))
                        .collect::<String>()
                )
            };
        }
        Answer::TrueFalse { answer, .. } => {
            key.correct = vec![usize::from(*answer)];
            view.answer = format!(
                "<p>The statement is <strong>{}</strong>.</p>",
                if *answer { "true" } else { "false" }
            );
        }
        Answer::Short { accept, .. } => {
            key.accept = accept.clone();
            let shown: Vec<String> = accept
                .iter()
                .map(|a| format!("<q>{}</q>", escape_html(a)))
                .collect();
            view.answer = format!(
                "<p>Accepted answer{}: {}</p>",
                if accept.len() > 1 { "s" } else { "" },
                shown.join(", ")
            );
        }
        Answer::Numeric { value, tolerance } => {
            key.value = Some(*value);
            key.tolerance = Some(*tolerance);
            view.answer = if *tolerance > 0.0 {
                format!("<p>The answer is {value}, give or take {tolerance}.</p>")
            } else {
                format!("<p>The answer is {value}.</p>")
            };
        }
        Answer::Ordering(_) => {
            view.items = items(&h.texts, scramble(h.texts.len(), &seed));
            key.correct = (0..h.texts.len()).collect();
            view.answer = format!(
                "<p>The correct order:</p><ol>{}</ol>",
                h.texts
                    .iter()
                    .map(|t| format!("<li>{t}</li>"))
                    .collect::<String>()
            );
        }
        Answer::Matching(_) => {
            view.items = items(&h.texts, 0..h.texts.len());
            view.choices = items(&h.extra, scramble(h.extra.len(), &seed));
            key.correct = (0..h.texts.len()).collect();
            view.answer = format!(
                "<p>The matches:</p><ul>{}</ul>",
                h.texts
                    .iter()
                    .zip(&h.extra)
                    .map(|(a, b)| format!("<li>{a} — {b}</li>"))
                    .collect::<String>()
            );
        }
        Answer::Confidence => {
            view.answer = "<p>There is no right answer: this is your own rating. Come back to it as you practise.</p>".to_string();
        }
    }
    key.answer = view.answer.clone();
    (view, key)
}

#[cfg(test)]
mod tests {
    use super::scramble;

    #[test]
    fn scramble_is_deterministic_and_never_the_identity() {
        for n in 2..8 {
            for seed in ["a", "b", "question-id"] {
                let s = scramble(n, seed);
                assert_eq!(s, scramble(n, seed));
                let mut sorted = s.clone();
                sorted.sort_unstable();
                assert_eq!(sorted, (0..n).collect::<Vec<_>>());
                assert_ne!(s, (0..n).collect::<Vec<_>>(), "n={n} seed={seed}");
            }
        }
    }
}
