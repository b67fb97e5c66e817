//! Each kind of GIFT answer: choices and their weights, true/false, short, numeric, matching.

use super::*;

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
    // `\%` at the start of an option is a literal percent sign, even before another `%`.
    assert_eq!(
        answer("Pick {=\\%abc%x ~none}"),
        Answer::Single(vec![
            choice("%abc%x", true, None),
            choice("none", false, None)
        ])
    );
    // Weights may have decimals and reach both ends of Moodle's range.
    assert_eq!(
        answer("Pick {~%33.33333%a ~%100%b ~%-100%c}"),
        Answer::Multiple(vec![
            choice("a", true, None),
            choice("b", true, None),
            choice("c", false, None)
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
