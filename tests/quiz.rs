//! Quizzes written in front matter: what the page shows without JavaScript, and the exact text
//! of each validation error.

mod harness;
use harness::Site;

const QUIZ_HEAD: &str = "+++\nkind = \"quiz\"\ntitle = \"Check\"\n";

fn quiz(questions: &str) -> String {
    format!("{QUIZ_HEAD}{questions}+++\nIntro.\n")
}

const GOOD: &str = r#"
[[questions]]
id = "pick"
type = "single"
objectives = ["T-1.1"]
prompt = "Which is **right**?"
explanation = "Because [@T-1.1]."
options = [
  { text = "This one", correct = true, feedback = "Yes." },
  { text = "That one", feedback = "No." },
]

[[questions]]
id = "order"
type = "ordering"
objectives = ["T-1.1"]
prompt = "Order them."
items = ["first", "second", "third"]

[[questions]]
id = "sure"
type = "confidence"
objectives = ["T-1.1"]
prompt = "How confident are you?"
"#;

#[test]
fn a_quiz_page_teaches_without_javascript() {
    let run = Site::fixture("minimal")
        .file("content/notes/check.md", &quiz(GOOD))
        .build()
        .success();
    run.page("notes/check/index.html")
        .contains("<form class=\"quiz\" id=\"quiz\" data-quiz=\"notes/check/\"")
        .contains("<legend><span class=\"q-number\">Question 1 of 3</span></legend>")
        .contains("<p>Which is <strong>right</strong>?</p>")
        .contains("<input type=\"radio\" name=\"q-pick\" value=\"0\"> <span>This one</span>")
        .contains("<summary>Show answer and explanation</summary><p>The answer is: This one</p>")
        .contains("Because <a href=\"../../t-1/index.html#t-1-1\"")
        .contains("<option value=\"3\">3</option>")
        .contains("<p>The correct order:</p><ol><li>first</li><li>second</li><li>third</li></ol>")
        .contains(
            "value=\"5\"> <span><span class=\"q-scale-n\">5</span> Completely confident</span>",
        )
        .contains("<div class=\"q-actions\" hidden>")
        .contains("<script type=\"application/json\" id=\"quiz-key\">{\"quiz\":\"notes/check/\"");
}

#[test]
fn ordering_items_are_not_shown_in_their_answer_order() {
    let run = Site::fixture("minimal")
        .file("content/notes/check.md", &quiz(GOOD))
        .build()
        .success();
    let page = run.page("notes/check/index.html");
    let list = page
        .html
        .split("<ul class=\"q-ordering\">")
        .nth(1)
        .unwrap()
        .split("</ul>")
        .next()
        .unwrap()
        .to_string();
    let order: Vec<usize> = ["first", "second", "third"]
        .iter()
        .map(|w| list.find(&format!(">{w}<")).unwrap())
        .collect();
    assert!(
        !(order[0] < order[1] && order[1] < order[2]),
        "items appear in the answer's order:\n{list}"
    );
}

fn fails_with(questions: &str, expected: &str) {
    Site::fixture("minimal")
        .file("content/notes/check.md", &quiz(questions))
        .build()
        .failure()
        .stderr_is(expected);
}

#[test]
fn no_correct_answer() {
    fails_with(
        "[[questions]]\nid = \"a\"\ntype = \"single\"\nobjectives = [\"T-1.1\"]\nprompt = \"P\"\noptions = [{ text = \"x\" }, { text = \"y\" }]\n",
        "error: question `a` has no correct answer
 --> content/notes/check.md:9:11
  |
9 | options = [{ text = \"x\" }, { text = \"y\" }]
  |           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  = hint: mark the right option with `correct = true`

error: found 1 problem in the site; nothing was written
",
    );
}

#[test]
fn several_correct_answers_on_a_single_choice() {
    fails_with(
        "[[questions]]\nid = \"a\"\ntype = \"single\"\nobjectives = [\"T-1.1\"]\nprompt = \"P\"\noptions = [{ text = \"x\", correct = true }, { text = \"y\", correct = true }]\n",
        "error: single-choice question `a` has 2 correct answers
 --> content/notes/check.md:9:11
  |
9 | options = [{ text = \"x\", correct = true }, { text = \"y\", correct = true }]
  |           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  = hint: mark exactly one option `correct = true`, or use `type = \"multiple\"`

error: found 1 problem in the site; nothing was written
",
    );
}

#[test]
fn unknown_objective_id() {
    fails_with(
        "[[questions]]\nid = \"a\"\ntype = \"true-false\"\nobjectives = [\"T-1.2\"]\nprompt = \"P\"\nanswer = true\n",
        "error: unknown objective `T-1.2` in question `a`
 --> content/notes/check.md:7:15
  |
7 | objectives = [\"T-1.2\"]
  |               ^^^^^^^
  = hint: did you mean `T-1.1`?

error: found 1 problem in the site; nothing was written
",
    );
}

#[test]
fn duplicate_question_id() {
    fails_with(
        "[[questions]]\nid = \"a\"\ntype = \"confidence\"\nobjectives = [\"T-1.1\"]\nprompt = \"P\"\n\n[[questions]]\nid = \"a\"\ntype = \"confidence\"\nobjectives = [\"T-1.1\"]\nprompt = \"Q\"\n",
        "error: duplicate question ID `a`
  --> content/notes/check.md:11:6
   |
11 | id = \"a\"
   |      ^^^
   = hint: `a` is already used at content/notes/check.md:5:6; question IDs must be unique in a quiz

error: found 1 problem in the site; nothing was written
",
    );
}

#[test]
fn empty_option() {
    fails_with(
        "[[questions]]\nid = \"a\"\ntype = \"multiple\"\nobjectives = [\"T-1.1\"]\nprompt = \"P\"\noptions = [{ text = \"x\", correct = true }, { text = \" \" }]\n",
        "error: question `a` has an empty option
 --> content/notes/check.md:9:53
  |
9 | options = [{ text = \"x\", correct = true }, { text = \" \" }]
  |                                                     ^^^
  = hint: write the option's text, or remove it

error: found 1 problem in the site; nothing was written
",
    );
}

#[test]
fn ordering_with_fewer_than_two_items() {
    fails_with(
        "[[questions]]\nid = \"a\"\ntype = \"ordering\"\nobjectives = [\"T-1.1\"]\nprompt = \"P\"\nitems = [\"only\"]\n",
        "error: ordering question `a` needs at least 2 items, none of them empty
 --> content/notes/check.md:9:9
  |
9 | items = [\"only\"]
  |         ^^^^^^^^
  = hint: list the items in their correct order: `items = [\"first\", \"second\"]`

error: found 1 problem in the site; nothing was written
",
    );
}

#[test]
fn numeric_answer_that_is_not_a_number() {
    fails_with(
        "[[questions]]\nid = \"a\"\ntype = \"numeric\"\nobjectives = [\"T-1.1\"]\nprompt = \"P\"\nanswer = \"seven\"\n",
        "error: numeric answer `seven` is not a number
 --> content/notes/check.md:9:10
  |
9 | answer = \"seven\"
  |          ^^^^^^^
  = hint: write the number without quotes, e.g. `answer = 7.5`

error: found 1 problem in the site; nothing was written
",
    );
}

#[test]
fn fields_of_another_type_and_missing_fields() {
    fails_with(
        "[[questions]]\nid = \"a\"\ntype = \"short\"\nobjectives = [\"T-1.1\"]\nprompt = \"P\"\nitems = [\"x\", \"y\"]\n",
        "error: question `a` of type `short` is missing `accept`
 --> content/notes/check.md:6:8
  |
6 | type = \"short\"
  |        ^^^^^^^
  = hint: add `accept = [\"the answer\"]`

error: `items` does not belong in a question of type `short`
 --> content/notes/check.md:9:9
  |
9 | items = [\"x\", \"y\"]
  |         ^^^^^^^^^^
  = hint: a `short` question takes: accept, feedback

error: found 2 problems in the site; nothing was written
",
    );
}

const GIFT: &str = "// title: Imported bank
$CATEGORY: course/T-1.1

::colour::What colour is the sky on a clear day? {=blue#Yes. ~green#No: that is grass.}

::sum::Two plus two is {#4}.
";

#[test]
fn a_gift_file_is_a_quiz() {
    let run = Site::fixture("minimal")
        .file("content/notes/bank.gift", GIFT)
        .build()
        .success();
    run.page("notes/bank/index.html")
        .contains("<h1>Imported bank</h1>")
        .contains(
            "<section class=\"question\" id=\"q-colour\" data-qid=\"colour\" data-type=\"single\"",
        )
        .contains("<span>green</span>")
        .contains("<section class=\"question\" id=\"q-sum\" data-qid=\"sum\" data-type=\"numeric\"")
        .contains("<p>The answer is 4.</p>")
        .contains("href=\"../../t-1/index.html#t-1-1\"");
}

#[test]
fn gift_errors_name_the_file_line_and_column() {
    let bank = "$CATEGORY: course/T-1.1\n\n::essay::Tell us about your week. {}\n\n::num::How many? {#four}\n";
    Site::fixture("minimal").file("content/notes/bank.gift", bank).build().failure().stderr_is(
        "error: GIFT essay questions (`{}`) are not supported: they cannot be marked in the browser
 --> content/notes/bank.gift:3:35
  |
3 | ::essay::Tell us about your week. {}
  |                                   ^^
  = hint: ask for a short answer (`{=expected answer}`) instead, or remove it

error: numeric answer `four` is not a number
 --> content/notes/bank.gift:5:20
  |
5 | ::num::How many? {#four}
  |                    ^^^^
  = hint: write numbers with a dot for decimals: `{#3.5}`, `{#3.5:0.1}` or `{#1..5}`

error: found 2 problems in the site; nothing was written
",
    );
}

#[test]
fn gift_questions_need_an_objective_category() {
    Site::fixture("minimal")
        .file(
            "content/notes/bank.gift",
            "::lonely::Is this assessed? {T}\n",
        )
        .build()
        .failure()
        .stderr_contains(
            "error: question `lonely` assesses no objective\n --> content/notes/bank.gift:1:1",
        )
        .stderr_contains("$CATEGORY: SMS/SMS-1.1");
}

#[test]
fn the_curriculum_map_counts_the_questions_that_assess_each_objective() {
    let map = "+++\nkind = \"curriculum-map\"\ntitle = \"Map\"\n+++\n";
    let without = Site::fixture("minimal")
        .file("content/map.md", map)
        .build()
        .success();
    without
        .page("map/index.html")
        .contains("<strong>1</strong> not yet assessed")
        .contains("<span class=\"gap\">Not yet assessed</span>");
    // GOOD has two questions on T-1.1 and a confidence rating, which is not assessment.
    let with = Site::fixture("minimal")
        .file("content/map.md", map)
        .file("content/notes/check.md", &quiz(GOOD))
        .build()
        .success();
    with.page("map/index.html")
        .contains("<strong>0</strong> not yet assessed")
        .contains("2 questions in")
        .contains("<li><a href=\"../notes/check/index.html\">Check</a></li>")
        .lacks("Not yet assessed</span>");
}
