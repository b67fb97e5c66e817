//! Quizzes: the quizzes section page and self-assessment quizzes with a question of every
//! answerable type for each objective, then a confidence rating.

use std::fmt::Write as _;

use super::plan::Plan;
use super::prose::{cap, instruction, one_sentence, paragraph, title, toml_list, toml_str};
use super::rng::{Rng, FIXED, QUIZ};
use super::site::simple_page;
use super::vocabulary::{MASS, THINGS};

pub(super) fn quizzes_index(plan: &Plan) -> String {
    let r = &mut Rng::new(plan.seed, FIXED, 5);
    simple_page(
        r,
        "Self-assessment quizzes",
        "weight = 5\nsort_by = \"weight\"\n",
        "",
    )
}

/// Quiz `q` (0-based): `questions_per` questions of every answerable type in turn, question `j`
/// assessing objective `(q * questions_per + j) mod O`, so each objective gets two questions
/// once there are `2 O / questions_per` quizzes; then one confidence rating.
pub(super) fn quiz(plan: &Plan, q: usize) -> String {
    let r = &mut Rng::new(plan.seed, QUIZ, q);
    let mut out = String::with_capacity(4000);
    let _ = writeln!(
        out,
        "+++\nkind = \"quiz\"\ntitle = {}",
        toml_str(&format!("Self-check {}: {}", q + 1, title(r)))
    );
    let _ = writeln!(out, "description = {}", toml_str(&one_sentence(r)));
    let _ = writeln!(out, "weight = {}", q + 1);
    let mut assessed = Vec::new();
    for j in 0..plan.questions_per {
        let objective = plan.objective((q * plan.questions_per + j) % plan.objectives());
        let _ = write!(
            out,
            "\n[[questions]]\nid = \"q{}\"\nobjectives = [\"{objective}\"]\n",
            j + 1
        );
        question(r, &mut out, (q + j) % 7);
        if r.chance(1, 3) {
            let _ = writeln!(out, "hint = {}", toml_str(&one_sentence(r)));
        }
        let _ = writeln!(out, "explanation = {}", toml_str(&one_sentence(r)));
        assessed.push(objective);
    }
    assessed.dedup();
    let _ = write!(
        out,
        "\n[[questions]]\nid = \"confidence\"\ntype = \"confidence\"\nobjectives = {}\n\
         prompt = \"How confident are you that you can {}?\"\n",
        toml_list(&assessed),
        instruction(r).to_lowercase()
    );
    out.push_str("+++\n\n");
    paragraph(r, &mut out);
    out.push('\n');
    out
}

/// The type, prompt and answer lines of a question of kind `kind` (0-6).
fn question(r: &mut Rng, out: &mut String, kind: usize) {
    let prompt = |r: &mut Rng| toml_str(&format!("{} What should happen next?", one_sentence(r)));
    let option = |r: &mut Rng, correct: bool| {
        let feedback = if r.chance(1, 2) {
            format!(", feedback = {}", toml_str(&one_sentence(r)))
        } else {
            String::new()
        };
        let flag = if correct { ", correct = true" } else { "" };
        format!(
            "  {{ text = {}{flag}{feedback} }},\n",
            toml_str(&instruction(r))
        )
    };
    match kind {
        0 | 1 => {
            let multiple = kind == 1;
            let n = r.range(3, 5);
            let right = r.below(n);
            let _ = write!(
                out,
                "type = \"{}\"\nprompt = {}\noptions = [\n",
                if multiple { "multiple" } else { "single" },
                prompt(r)
            );
            for i in 0..n {
                let correct = i == right || (multiple && r.chance(1, 3));
                out.push_str(&option(r, correct));
            }
            out.push_str("]\n");
        }
        2 => {
            let _ = writeln!(
                out,
                "type = \"true-false\"\nprompt = {}\nanswer = {}\nfeedback_true = {}\nfeedback_false = {}",
                toml_str(&one_sentence(r)),
                r.chance(1, 2),
                toml_str(&one_sentence(r)),
                toml_str(&one_sentence(r))
            );
        }
        3 => {
            let word = r.pick(MASS);
            let _ = writeln!(
                out,
                "type = \"short\"\nprompt = {}\naccept = [{}, {}]\nfeedback = {}",
                toml_str(&format!(
                    "Which term names the skill in this sentence? {}",
                    one_sentence(r)
                )),
                toml_str(word),
                toml_str(&format!("the {word}")),
                toml_str(&one_sentence(r))
            );
        }
        4 => {
            let _ = writeln!(
                out,
                "type = \"numeric\"\nprompt = \"On a scale from 0 to 10, what confidence score is usually high enough to keep a {} as it is?\"\nanswer = {}\ntolerance = {}",
                r.pick(THINGS).0,
                r.range(6, 8),
                r.below(2)
            );
        }
        5 => {
            let _ = write!(
                out,
                "type = \"ordering\"\nprompt = \"Put these steps in order.\"\nitems = ["
            );
            for i in 0..r.range(3, 5) {
                let sep = if i == 0 { "" } else { ", " };
                let _ = write!(out, "{sep}{}", toml_str(&instruction(r)));
            }
            out.push_str("]\n");
        }
        _ => {
            let _ = write!(
                out,
                "type = \"matching\"\nprompt = \"Match each term to what it describes.\"\npairs = [\n"
            );
            let k = r.range(2, 4);
            let terms = r.distinct(k, MASS.len());
            for t in terms {
                let _ = writeln!(
                    out,
                    "  [{}, {}],",
                    toml_str(&cap(MASS[t])),
                    toml_str(&instruction(r))
                );
            }
            out.push_str("]\n");
        }
    }
}
