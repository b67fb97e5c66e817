//! The errors a GIFT file can hold, each with the text its span points at and a hint.

use super::*;

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
        "Q {~%abc%a =b}",
        "Q {~%200%a ~b}",
        "Q {~%%a =b}",
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
fn weights_must_be_numbers_from_minus_100_to_100() {
    assert_eq!(
        error("Pick {~%abc%x =y}"),
        ("answer weight `abc` is not a number".into(), "%abc%")
    );
    let (_, errors) = parse("Pick {~%abc%x =y}");
    assert_eq!(
        errors[0].hint.as_deref(),
        Some("write a weight from -100 to 100 between `%` signs, e.g. `~%50%`; write `\\%` for a literal percent sign")
    );
    assert_eq!(
        error("Pick {~%200%x ~y}"),
        ("answer weight `200` is out of range".into(), "%200%")
    );
    let (quiz, errors) = parse("Pick {~%200%x ~y}");
    assert!(quiz.questions.is_empty());
    assert_eq!(
        errors[0].hint.as_deref(),
        Some("Moodle accepts weights from -100 to 100 (percent), e.g. `~%50%` for half credit or `~%-100%` for a wrong answer")
    );
    assert_eq!(
        error("Pick {=x ~%-150%y}"),
        ("answer weight `-150` is out of range".into(), "%-150%")
    );
    assert_eq!(
        error("Spell it {=%150%colour =color}"),
        ("answer weight `150` is out of range".into(), "%150%")
    );
    assert_eq!(
        error("Pi? {#=%half%3.14}"),
        ("answer weight `half` is not a number".into(), "%half%")
    );
    assert_eq!(
        error("Pick {~%%x =y}"),
        ("answer weight between `%` signs is empty".into(), "%%")
    );
}

#[test]
fn a_file_without_questions_is_an_error() {
    for source in [
        "",
        "\n\n",
        "// title: Only a title\n// and a comment\n",
        "$CATEGORY: T/T-1.1\n",
    ] {
        assert_eq!(
            errors(source),
            [("missing questions in GIFT quiz".to_string(), "")],
            "{source:?}"
        );
    }
    let (_, errors) = parse("\u{feff}");
    assert_eq!(errors[0].span, 3..3);
}
