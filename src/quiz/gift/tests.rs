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
fn weights_make_multiple_choice() {
    assert_eq!(
        answer(
            "What two people are entombed in Grant's tomb? {
   ~%-100%No one
   ~%50%Grant
   ~%50%Grant's wife
   ~%-100%Grant's father#He is buried elsewhere.
}"
        ),
        Answer::Multiple(vec![
            choice("No one", false, None),
            choice("Grant", true, None),
            choice("Grant's wife", true, None),
            choice("Grant's father", false, Some("He is buried elsewhere.")),
        ])
    );
    // As in Moodle, a block with `=` is single-answer with partial credit: only the full-credit
    // answer is right (Moodle's own example teaches Nazareth, not Bethlehem or Galilee).
    assert_eq!(
        answer("Where was Jesus raised? {~Jerusalem ~%25%Bethlehem ~%50%Galilee =Nazareth}"),
        Answer::Single(vec![
            choice("Jerusalem", false, None),
            choice("Bethlehem", false, None),
            choice("Galilee", false, None),
            choice("Nazareth", true, None),
        ])
    );
    // A `%` that is not a weight is text.
    assert_eq!(
        answer("Pick {=%age ~none}"),
        Answer::Single(vec![
            choice("%age", true, None),
            choice("none", false, None)
        ])
    );
}

#[test]
fn several_right_options_make_multiple_choice() {
    assert_eq!(
        answer("Which are even? {=2 =4 ~3#Odd.}"),
        Answer::Multiple(vec![
            choice("2", true, None),
            choice("4", true, None),
            choice("3", false, Some("Odd.")),
        ])
    );
}

#[test]
fn true_false_feedback_is_wrong_answer_first() {
    assert_eq!(
        answer("Grant is buried in Grant's tomb. {T#No, he is.#Yes, he is.}"),
        Answer::TrueFalse {
            answer: true,
            if_true: Some("Yes, he is.".into()),
            if_false: Some("No, he is.".into()),
        }
    );
    assert_eq!(
        answer("The sun rises in the west.{FALSE#Wrong: it rises in the east.#Right.}"),
        Answer::TrueFalse {
            answer: false,
            if_true: Some("Wrong: it rises in the east.".into()),
            if_false: Some("Right.".into()),
        }
    );
    assert_eq!(
        answer("Two is even. {TRUE}"),
        Answer::TrueFalse {
            answer: true,
            if_true: None,
            if_false: None
        }
    );
    assert_eq!(
        answer("Three is even. {F####Three is odd.}"),
        Answer::TrueFalse {
            answer: false,
            if_true: None,
            if_false: None
        }
    );
    assert_eq!(
        question("Three is even. {F####Three is odd.}")
            .explanation
            .as_deref(),
        Some("Three is odd.")
    );
}

#[test]
fn short_answers() {
    assert_eq!(
        answer("Who's buried in Grant's tomb?{=Grant =Ulysses S. Grant =Ulysses Grant}"),
        Answer::Short {
            accept: strings(&["Grant", "Ulysses S. Grant", "Ulysses Grant"]),
            otherwise: None
        }
    );
    // Moodle's export: weights on every answer, a catch-all for wrong answers.
    assert_eq!(
        answer(
            "Capital of France? {
\t=%100%Paris#Yes.
\t=%50%paris france
\t=%0%Lyon#Lyon is the second city.
\t=%0%*#Look at a map.
}"
        ),
        Answer::Short {
            accept: strings(&["Paris", "paris france"]),
            otherwise: Some("Look at a map.".into())
        }
    );
    // Moodle reads an unmarked answer as accepted.
    assert_eq!(
        answer("Capital of Italy? {Rome}"),
        Answer::Short {
            accept: strings(&["Rome"]),
            otherwise: None
        }
    );
    assert_eq!(
        answer("Two plus two equals {=four =4}."),
        Answer::Short {
            accept: strings(&["four", "4"]),
            otherwise: None
        }
    );
    assert_eq!(
        question("Two plus two equals {=four =4}.").prompt,
        "Two plus two equals _____."
    );
}

#[test]
fn numeric_answers() {
    let numeric = |value, tolerance| Answer::Numeric { value, tolerance };
    assert_eq!(answer("When was Grant born? {#1822}"), numeric(1822.0, 0.0));
    assert_eq!(answer("Half of five? {#2.5:0.005}"), numeric(2.5, 0.005));
    assert_eq!(answer("Rate it: {#3:0.5}"), numeric(3.0, 0.5));
    assert_eq!(answer("A number from 1 to 5? {#1..5}"), numeric(3.0, 2.0));
    assert_eq!(answer("Below zero? {#-5..-1}"), numeric(-3.0, 2.0));
    assert_eq!(
        answer(
            "When was Ulysses S. Grant born? {#
         =1822:0      # Correct! Full credit.
         =%50%1822:2  # He was born in 1822. Half credit for being close.
}"
        ),
        numeric(1822.0, 0.0)
    );
    // The first full-credit answer counts, whatever its position; `~` feedback is dropped.
    assert_eq!(
        answer("Pick {# =%50%4:1 =5:0.5 =6 ~#Think again}"),
        numeric(5.0, 0.5)
    );
    assert_eq!(
        answer("Pick {#=5 =%0%*#Not even close.}"),
        numeric(5.0, 0.0)
    );
    // Moodle's export.
    assert_eq!(
        answer("Count {#\n\t=%100%12:0.5#\n\t~#Not quite.\n}"),
        numeric(12.0, 0.5)
    );
}

#[test]
fn matching_pairs_and_explanation() {
    let q = question(
        "Match the following countries with their corresponding capitals. {
   =Canada -> Ottawa
   =Italy  -> Rome
   =Japan  -> Tokyo
   =India  -> New Delhi
   ####It's good to know the capitals.
}",
    );
    assert_eq!(
        q.answer,
        Answer::Matching(vec![
            ("Canada".into(), "Ottawa".into()),
            ("Italy".into(), "Rome".into()),
            ("Japan".into(), "Tokyo".into()),
            ("India".into(), "New Delhi".into()),
        ])
    );
    assert_eq!(
        q.explanation.as_deref(),
        Some("It's good to know the capitals.")
    );
    assert_eq!(
        answer("Match {=x\\=1 -> one =y -> two\\: or three}"),
        Answer::Matching(vec![
            ("x=1".into(), "one".into()),
            ("y".into(), "two: or three".into())
        ])
    );
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
fn position_ids_count_questions_with_errors() {
    let (quiz, errors) = parse("Bad {}\n\nGood {T}");
    assert_eq!(errors.len(), 1);
    assert_eq!(quiz.questions[0].id, "q2");
}

#[test]
fn the_title_comment_must_come_before_the_first_question() {
    assert_eq!(quiz("Q {T}\n\n// title: Too late").title, None);
    assert_eq!(
        quiz("// Licence: CC BY\n\n//title:Stress  \n\nQ {T}")
            .title
            .as_deref(),
        Some("Stress")
    );
    assert_eq!(quiz("Q {T}").title, None);
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

#[test]
fn unsupported_question_types() {
    assert_eq!(
        error("Write an essay about stress. {}"),
        (
            "GIFT essay questions (`{}`) are not supported: they cannot be marked in the browser"
                .into(),
            "{}"
        )
    );
    assert_eq!(
        error("Write an essay. {####Good essays cite sources.}"),
        (
            "GIFT essay questions (`{}`) are not supported: they cannot be marked in the browser"
                .into(),
            "{####Good essays cite sources.}"
        )
    );
    assert_eq!(
        error("::Intro::This section is about stress.\nRead it first."),
        (
            "question has no answer block".into(),
            "::Intro::This section is about stress.\nRead it first."
        )
    );
    assert_eq!(
        error("Spell colour {=col*r}"),
        (
            "short-answer wildcards (`*`) are not supported".into(),
            "=col*r"
        )
    );
    assert_eq!(
        error("Match {=a -> 1 =b -> 2 = -> 3}"),
        (
            "matching distractors (a pair with no prompt) are not supported".into(),
            "= -> 3"
        )
    );
    assert_eq!(
        error("Two blanks: {=a ~b} and {=c ~d}"),
        ("a question can have only one answer block".into(), "{")
    );
}

#[test]
fn answer_block_errors() {
    let (message, span) = error("Pick one {~a ~b ~c}");
    assert_eq!(
        (message.as_str(), span),
        ("no correct answer", "{~a ~b ~c}")
    );
    let (_, errors) = parse("Pick one {~a ~b ~c}");
    assert_eq!(
        errors[0].hint.as_deref(),
        Some("mark the right option with `=`, or give right options a positive weight such as `~%50%`")
    );
    assert_eq!(
        error("Pick {~%-50%a ~%0%b}"),
        ("no correct answer".into(), "{~%-50%a ~%0%b}")
    );
    assert_eq!(error("Pick {=a ~ ~b}"), ("empty option".into(), "~"));
    assert_eq!(
        error("Pick {=a ~#no text ~b}"),
        ("empty option".into(), "~#no text")
    );
    assert_eq!(
        error("Pick {~only}"),
        (
            "a multiple-choice question needs at least two options".into(),
            "{~only}"
        )
    );
    assert_eq!(
        error("Name one {=%0%x}"),
        ("no correct answer".into(), "{=%0%x}")
    );
    assert_eq!(error("Name one {=a =}"), ("empty answer".into(), "="));
    assert_eq!(
        error("Match {=a -> 1 =b 2 =c -> 3}"),
        ("matching pair has no `->`".into(), "=b 2")
    );
    assert_eq!(
        error("Match {=a -> 1 =b ->}"),
        ("matching pair has no match after `->`".into(), "=b ->")
    );
    assert_eq!(
        error("Match {=a -> 1}"),
        (
            "a matching question needs at least two pairs".into(),
            "{=a -> 1}"
        )
    );
    assert_eq!(
        error("::Q::{T}"),
        ("question has no text".into(), "::Q::{T}")
    );
}

#[test]
fn numeric_errors() {
    assert_eq!(
        error("How many? {#five}"),
        ("numeric answer `five` is not a number".into(), "five")
    );
    assert_eq!(
        error("Pi? {#3,14}"),
        ("numeric answer `3,14` is not a number".into(), "3,14")
    );
    assert_eq!(
        error("Pi? {#3.14:abc}"),
        ("numeric tolerance `abc` is not a number".into(), "abc")
    );
    assert_eq!(
        error("Pi? {#3.14:}"),
        ("numeric tolerance is missing".into(), "3.14:")
    );
    assert_eq!(
        error("Range? {#1..x}"),
        ("numeric answer `x` is not a number".into(), "x")
    );
    assert_eq!(
        error("Range? {#5..1}"),
        ("numeric range `5..1` ends below its start".into(), "5..1")
    );
    assert_eq!(
        error("Pi? {#3.14:-1}"),
        ("numeric tolerance `-1` is negative".into(), "-1")
    );
    assert_eq!(
        error("Pi? {#}"),
        ("numeric question has no answer".into(), "{#}")
    );
    assert_eq!(
        error("Pi? {#=%50%3}"),
        (
            "numeric question has no full-credit answer".into(),
            "{#=%50%3}"
        )
    );
    assert_eq!(
        errors("Two bad {# =x:1 =4:y}"),
        [
            ("numeric answer `x` is not a number".into(), "x"),
            ("numeric tolerance `y` is not a number".into(), "y")
        ]
    );
}

#[test]
fn brace_and_title_errors() {
    assert_eq!(
        error("Unclosed {=a ~b"),
        ("answer block is not closed".into(), "{")
    );
    assert_eq!(
        error("Unclosed {=a ~b\nThen another {=c ~d}"),
        ("answer block is not closed".into(), "{")
    );
    assert_eq!(
        error("Stray } here {T}"),
        ("`}` without an opening `{`".into(), "}")
    );
    assert_eq!(
        error("Stray {T} here}"),
        ("`}` without an opening `{`".into(), "}")
    );
    assert_eq!(
        error("::Title without end {T}"),
        ("question title is not closed".into(), "::")
    );
    // A blank line ends a question, even inside an answer block.
    assert_eq!(
        errors("Split {\n=a\n\n~b\n}"),
        [
            ("answer block is not closed".into(), "{"),
            ("`}` without an opening `{`".into(), "}")
        ]
    );
}

#[test]
fn duplicate_ids_are_reported_on_the_second_question() {
    let source = "::Stress signs::First {T}\n\n::Stress  signs!::Second {T}\n\n::Q4::Third {T}\n\nFourth {T}";
    let (quiz, errors) = parse(source);
    let errors: Vec<_> = errors
        .into_iter()
        .map(|e| (e.message, &source[e.span]))
        .collect();
    assert_eq!(
        errors,
        [
            (
                "duplicate question id `stress-signs`".to_string(),
                "::Stress  signs!::"
            ),
            ("duplicate question id `q4`".to_string(), "Fourth {T}"),
        ]
    );
    let ids: Vec<&str> = quiz.questions.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(ids, ["stress-signs", "q4"]);
}

#[test]
fn one_bad_question_does_not_hide_the_others() {
    let source = "\
::Good one::Is 2 even? {T}

::Essay::Discuss. {}

::Bad number::How many? {#many}

::No answer::Only text.

::Good two::Pick {=a ~b}

::Empty::Pick {=a ~}
";
    let (quiz, errors) = parse(source);
    let ids: Vec<&str> = quiz.questions.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(ids, ["good-one", "good-two"]);
    let errors: Vec<_> = errors
        .into_iter()
        .map(|e| (e.message, &source[e.span]))
        .collect();
    assert_eq!(
        errors,
        [
            (
                "GIFT essay questions (`{}`) are not supported: they cannot be marked in the browser"
                    .to_string(),
                "{}"
            ),
            ("numeric answer `many` is not a number".into(), "many"),
            ("question has no answer block".into(), "::No answer::Only text."),
            ("empty option".into(), "~"),
        ]
    );
}

#[test]
fn every_error_has_a_hint() {
    let sources = [
        "::Q",
        "::Q::Same {T}\n\n::Q::Same {T}",
        "Text",
        "Q }",
        "Q {",
        "Q {T} {T}",
        "{T}",
        "Q {}",
        "Q {~a ~b}",
        "Q {=a ~}",
        "Q {~a}",
        "Q {=a -> b =c}",
        "Q {=a -> b = -> c}",
        "Q {=a -> b =c ->}",
        "Q {=a -> b}",
        "Q {=}",
        "Q {=a*}",
        "Q {=%0%a}",
        "Q {#}",
        "Q {#x}",
        "Q {#1:x}",
        "Q {#5..1}",
        "Q {#1:-1}",
        "Q {#=%50%1}",
    ];
    for source in sources {
        let (_, errors) = parse(source);
        assert!(!errors.is_empty(), "{source}");
        assert!(
            errors.iter().all(|e| e.hint.is_some()),
            "{source}: {errors:#?}"
        );
    }
}
