//! Tests of the GIFT reader: whole files (titles, categories, IDs, line endings) here, each
//! kind of answer in `answers.rs`, and the errors a file can hold in `errors.rs`.

use super::*;
use crate::quiz::model::{Answer, Choice};

/// The quiz of a file that must have no errors.
fn quiz(source: &str) -> GiftQuiz {
    let (quiz, errors) = parse(source);
    assert!(errors.is_empty(), "unexpected errors: {errors:#?}");
    quiz
}

/// The only question of a file that must have no errors.
fn question(source: &str) -> Question {
    let mut questions = quiz(source).questions;
    assert_eq!(questions.len(), 1, "{questions:#?}");
    questions.remove(0)
}

fn answer(source: &str) -> Answer {
    question(source).answer
}

/// Each error's message and the source text its span points at.
fn errors(source: &str) -> Vec<(String, &str)> {
    let (_, errors) = parse(source);
    errors
        .into_iter()
        .map(|e| (e.message, &source[e.span]))
        .collect()
}

fn error(source: &str) -> (String, &str) {
    let mut errors = errors(source);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    errors.remove(0)
}

fn choice(text: &str, correct: bool, feedback: Option<&str>) -> Choice {
    Choice {
        text: text.into(),
        correct,
        feedback: feedback.map(Into::into),
    }
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

mod answers;
mod errors;

#[test]
fn a_moodle_export_imports_with_title_category_feedback_and_explanation() {
    let source = "\
// title: Caregiver stress: check your understanding
// question: 0  name: Switch category to $course$/top/Default for SMS/SMS-4.2
$CATEGORY: $course$/top/Default for SMS/SMS-4.2


// question: 1234  name: Caregiver stress
::Caregiver stress::[html]<p>Which of these is an early sign of caregiver stress?</p>{
\t=Withdrawing from friends#Right\\: withdrawal often comes first.
\t~Sleeping well#No\\: good sleep protects against stress.
\t~Regular exercise
\t####See <em>Recognising stress</em>.
}
";
    let quiz = quiz(source);
    assert_eq!(
        quiz.title.as_deref(),
        Some("Caregiver stress: check your understanding")
    );
    let q = &quiz.questions[0];
    assert_eq!(q.id, "caregiver-stress");
    assert_eq!(q.objectives, strings(&["SMS-4.2"]));
    assert_eq!(
        q.prompt,
        "<p>Which of these is an early sign of caregiver stress?</p>"
    );
    assert_eq!(q.hint, None);
    assert_eq!(
        q.explanation.as_deref(),
        Some("See <em>Recognising stress</em>.")
    );
    assert_eq!(
        q.answer,
        Answer::Single(vec![
            choice(
                "Withdrawing from friends",
                true,
                Some("Right: withdrawal often comes first.")
            ),
            choice(
                "Sleeping well",
                false,
                Some("No: good sleep protects against stress.")
            ),
            choice("Regular exercise", false, None),
        ])
    );
    assert!(source[q.span.clone()].starts_with("::Caregiver stress::"));
    assert!(source[q.span.clone()].ends_with("}"));
}

#[test]
fn escapes_stand_for_the_character_itself() {
    let q = question(
        "What do \\{braces\\}, a\\=b, 1\\:2, C\\# and \\~ mean in a \\\\ path?\\nSecond line\
         {=Literal text\\: \\{ \\} \\= \\# \\~ ~Nothing}",
    );
    assert_eq!(
        q.prompt,
        "What do {braces}, a=b, 1:2, C# and ~ mean in a \\ path?\nSecond line"
    );
    assert_eq!(
        q.answer,
        Answer::Single(vec![
            choice("Literal text: { } = # ~", true, None),
            choice("Nothing", false, None),
        ])
    );
    // Other backslashes, as in LaTeX, are kept.
    assert_eq!(
        question("Is \\(x^2\\) positive? {T}").prompt,
        "Is \\(x^2\\) positive?"
    );
}

#[test]
fn multi_line_text_and_fill_in_the_blank() {
    let q = question(
        "Moodle costs {~lots of money =nothing ~a small amount}
  for download from moodle.org.",
    );
    assert_eq!(
        q.prompt,
        "Moodle costs _____\nfor download from moodle.org."
    );
    assert_eq!(q.id, "q1");

    let q = question("Which is the odd one out?\nApple, pear,\nbanana, carrot.\n{=carrot ~pear}");
    assert_eq!(
        q.prompt,
        "Which is the odd one out?\nApple, pear,\nbanana, carrot."
    );
}

#[test]
fn comment_lines_are_ignored_anywhere() {
    let q = question(
        "// a comment before the question
What is 1 + 1? {
  // the right one
  =2
  ~3 // not a comment: only whole lines are
}",
    );
    assert_eq!(q.prompt, "What is 1 + 1?");
    assert_eq!(
        q.answer,
        Answer::Single(vec![
            choice("2", true, None),
            choice("3 // not a comment: only whole lines are", false, None)
        ])
    );
}

#[test]
fn format_prefixes_are_dropped() {
    let q = question("[markdown]Is **this** bold? {TRUE#[markdown]*No*, it is.}");
    assert_eq!(q.prompt, "Is **this** bold?");
    assert_eq!(
        q.answer,
        Answer::TrueFalse {
            answer: true,
            if_true: None,
            if_false: Some("*No*, it is.".into())
        }
    );
    assert_eq!(question("::T::[moodle]Plain {T}").prompt, "Plain");
}

#[test]
fn categories_name_the_objectives_of_the_questions_after_them() {
    let quiz = quiz(
        "Before any category {T}

$CATEGORY: $course$/top/Self-management/SMS-4.2
First {T}

Second {T}

$CATEGORY: $course$/top/Self-management/SMS-4.2, SMS-10.12
Both {T}

$CATEGORY: $course$/top/Default for SMS
None {T}

$CATEGORY: $course$/top/SMS-4.2/Goal setting
Last segment only {T}

$CATEGORY: SMS-4.2, goals
Not all IDs {T}

$CATEGORY: $course$/top/sms-4.2
Lower case {T}

$CATEGORY: $course$/top/SMS-4
A competency, not an objective {T}
$CATEGORY: not a category line, part of the text
",
    );
    let objectives: Vec<Vec<String>> = quiz
        .questions
        .iter()
        .map(|q| q.objectives.clone())
        .collect();
    let none = Vec::new();
    assert_eq!(
        objectives,
        vec![
            none.clone(),
            strings(&["SMS-4.2"]),
            strings(&["SMS-4.2"]),
            strings(&["SMS-4.2", "SMS-10.12"]),
            none.clone(),
            none.clone(),
            none.clone(),
            none.clone(),
            none,
        ]
    );
    assert_eq!(
        quiz.questions[8].prompt,
        "A competency, not an objective _____\n$CATEGORY: not a category line, part of the text"
    );
}

#[test]
fn a_category_line_may_be_followed_directly_by_a_question() {
    let source = "$CATEGORY: Stress/SMS-4.2\n::Signs::Is withdrawal a sign? {T}";
    let q = question(source);
    assert_eq!(
        (q.id.as_str(), q.objectives.clone()),
        ("signs", strings(&["SMS-4.2"]))
    );
    assert_eq!(&source[q.span], "::Signs::Is withdrawal a sign? {T}");
}

#[test]
fn ids_come_from_titles_or_positions() {
    let quiz = quiz(
        "::Café: qu'est-ce que c'est?::Question {T}

Untitled {T}

::???::Title without letters {T}

::Step 3\\: rest::Escaped title {T}

::Übung 1::German {T}",
    );
    let ids: Vec<&str> = quiz.questions.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "cafe-quest-ce-que-cest",
            "q2",
            "q3",
            "step-3-rest",
            "ubung-1"
        ]
    );
}

#[test]
fn crlf_line_endings() {
    let source = "// title: Windows\r\n\r\n::One::First\r\nline {\r\n  =a#yes\r\n  ~b\r\n}\r\n\r\n::Two::Bad {#x}\r\n";
    let (quiz, errors) = parse(source);
    assert_eq!(quiz.title.as_deref(), Some("Windows"));
    let q = &quiz.questions[0];
    assert_eq!(q.prompt, "First\nline");
    assert_eq!(
        q.answer,
        Answer::Single(vec![
            choice("a", true, Some("yes")),
            choice("b", false, None)
        ])
    );
    assert_eq!(
        &source[q.span.clone()],
        "::One::First\r\nline {\r\n  =a#yes\r\n  ~b\r\n}"
    );
    let errors: Vec<_> = errors
        .into_iter()
        .map(|e| (e.message, &source[e.span]))
        .collect();
    assert_eq!(
        errors,
        [("numeric answer `x` is not a number".to_string(), "x")]
    );
}

#[test]
fn a_byte_order_mark_is_skipped() {
    let source = "\u{feff}// title: With BOM\n::First::Q {T}";
    let quiz = quiz(source);
    assert_eq!(quiz.title.as_deref(), Some("With BOM"));
    assert_eq!(&source[quiz.questions[0].span.clone()], "::First::Q {T}");
    let source = "\u{feff}::First::Q {~a ~b}";
    assert_eq!(error(source), ("no correct answer".into(), "{~a ~b}"));
}
