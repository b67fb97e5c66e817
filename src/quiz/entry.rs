//! Questions written as `[[questions]]` tables in a quiz's front matter, checked and turned into
//! the shared model. Spans are relative to the front matter's TOML, as serde reports them.

use serde::Deserialize;
use toml::Spanned;

use super::model::{Answer, Choice, Question, QuizError};

#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum QuestionType {
    Single,
    Multiple,
    TrueFalse,
    Short,
    Numeric,
    Ordering,
    Matching,
    Confidence,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionEntry {
    pub id: Spanned<String>,
    #[serde(rename = "type")]
    pub kind: Spanned<QuestionType>,
    #[serde(default)]
    pub objectives: Vec<Spanned<String>>,
    pub prompt: Spanned<String>,
    pub hint: Option<String>,
    pub explanation: Option<String>,
    pub options: Option<Spanned<Vec<OptionEntry>>>,
    pub answer: Option<Spanned<toml::Value>>,
    pub tolerance: Option<Spanned<f64>>,
    pub accept: Option<Spanned<Vec<String>>>,
    pub feedback: Option<Spanned<String>>,
    pub feedback_true: Option<Spanned<String>>,
    pub feedback_false: Option<Spanned<String>>,
    pub items: Option<Spanned<Vec<String>>>,
    pub pairs: Option<Spanned<Vec<(String, String)>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OptionEntry {
    pub text: Spanned<String>,
    #[serde(default)]
    pub correct: bool,
    pub feedback: Option<String>,
}

impl QuestionEntry {
    /// The question, or every problem found in it.
    pub fn to_question(&self) -> Result<Question, Vec<QuizError>> {
        let mut errors = Vec::new();
        let id = self.id.get_ref();
        let t = *self.kind.get_ref();
        let name = type_name(t);
        // Fields that belong to other types are mistakes worth pointing at.
        let allowed: &[&str] = match t {
            QuestionType::Single | QuestionType::Multiple => &["options"],
            QuestionType::TrueFalse => &["answer", "feedback_true", "feedback_false"],
            QuestionType::Short => &["accept", "feedback"],
            QuestionType::Numeric => &["answer", "tolerance"],
            QuestionType::Ordering => &["items"],
            QuestionType::Matching => &["pairs"],
            QuestionType::Confidence => &[],
        };
        let present: [(&str, Option<std::ops::Range<usize>>); 9] = [
            ("options", self.options.as_ref().map(Spanned::span)),
            ("answer", self.answer.as_ref().map(Spanned::span)),
            ("tolerance", self.tolerance.as_ref().map(Spanned::span)),
            ("accept", self.accept.as_ref().map(Spanned::span)),
            ("feedback", self.feedback.as_ref().map(Spanned::span)),
            (
                "feedback_true",
                self.feedback_true.as_ref().map(Spanned::span),
            ),
            (
                "feedback_false",
                self.feedback_false.as_ref().map(Spanned::span),
            ),
            ("items", self.items.as_ref().map(Spanned::span)),
            ("pairs", self.pairs.as_ref().map(Spanned::span)),
        ];
        for (field, span) in present {
            if let Some(span) = span {
                if !allowed.contains(&field) {
                    errors.push(
                        QuizError::new(
                            format!("`{field}` does not belong in a question of type `{name}`"),
                            span,
                        )
                        .hint(match allowed {
                            [] => format!("a `{name}` question takes no answer fields"),
                            list => format!("a `{name}` question takes: {}", list.join(", ")),
                        }),
                    );
                }
            }
        }
        if self.objectives.is_empty() {
            errors.push(
                QuizError::new(
                    format!("question `{id}` assesses no objective"),
                    self.id.span(),
                )
                .hint("add `objectives = [\"SMS-1.1\"]` with the objective IDs it assesses"),
            );
        }
        if self.prompt.get_ref().trim().is_empty() {
            errors.push(QuizError::new(
                format!("question `{id}` has an empty prompt"),
                self.prompt.span(),
            ));
        }
        let missing = |field: &str, example: &str| {
            QuizError::new(
                format!("question `{id}` of type `{name}` is missing `{field}`"),
                self.kind.span(),
            )
            .hint(format!("add `{example}`"))
        };
        let answer = match t {
            QuestionType::Single | QuestionType::Multiple => match &self.options {
                None => {
                    errors.push(missing(
                        "options",
                        "options = [{ text = \"...\", correct = true }, { text = \"...\" }]",
                    ));
                    None
                }
                Some(options) => self.choices(options, t, &mut errors),
            },
            QuestionType::TrueFalse => {
                match self.answer.as_ref().map(|a| (a, a.get_ref().as_bool())) {
                    None => {
                        errors.push(missing("answer", "answer = true"));
                        None
                    }
                    Some((a, None)) => {
                        errors.push(QuizError::new(format!("the answer of true-false question `{id}` must be `true` or `false`"), a.span()));
                        None
                    }
                    Some((_, Some(answer))) => Some(Answer::TrueFalse {
                        answer,
                        if_true: self.feedback_true.as_ref().map(|f| f.get_ref().clone()),
                        if_false: self.feedback_false.as_ref().map(|f| f.get_ref().clone()),
                    }),
                }
            }
            QuestionType::Short => match &self.accept {
                Some(accept) if accept.get_ref().iter().any(|a| !a.trim().is_empty()) => {
                    Some(Answer::Short {
                        accept: accept
                            .get_ref()
                            .iter()
                            .filter(|a| !a.trim().is_empty())
                            .cloned()
                            .collect(),
                        otherwise: self.feedback.as_ref().map(|f| f.get_ref().clone()),
                    })
                }
                Some(accept) => {
                    errors.push(QuizError::new(
                        format!("short-answer question `{id}` accepts no answer"),
                        accept.span(),
                    ));
                    None
                }
                None => {
                    errors.push(missing("accept", "accept = [\"the answer\"]"));
                    None
                }
            },
            QuestionType::Numeric => match &self.answer {
                None => {
                    errors.push(missing("answer", "answer = 7"));
                    None
                }
                Some(a) => match a.get_ref() {
                    toml::Value::Integer(n) => Some(*n as f64),
                    toml::Value::Float(f) if f.is_finite() => Some(*f),
                    other => {
                        let shown = match other {
                            toml::Value::String(s) => s.clone(),
                            v => v.to_string(),
                        };
                        errors.push(
                            QuizError::new(
                                format!("numeric answer `{shown}` is not a number"),
                                a.span(),
                            )
                            .hint("write the number without quotes, e.g. `answer = 7.5`"),
                        );
                        None
                    }
                }
                .map(|value| Answer::Numeric {
                    value,
                    tolerance: self.tolerance.as_ref().map_or(0.0, |t| t.get_ref().abs()),
                }),
            },
            QuestionType::Ordering => match &self.items {
                Some(items)
                    if items.get_ref().len() >= 2
                        && items.get_ref().iter().all(|i| !i.trim().is_empty()) =>
                {
                    Some(Answer::Ordering(items.get_ref().clone()))
                }
                Some(items) => {
                    errors.push(
                        QuizError::new(format!("ordering question `{id}` needs at least 2 items, none of them empty"), items.span())
                            .hint("list the items in their correct order: `items = [\"first\", \"second\"]`"),
                    );
                    None
                }
                None => {
                    errors.push(missing("items", "items = [\"first\", \"second\"]"));
                    None
                }
            },
            QuestionType::Matching => {
                match &self.pairs {
                    Some(pairs)
                        if pairs.get_ref().len() >= 2
                            && pairs
                                .get_ref()
                                .iter()
                                .all(|(a, b)| !a.trim().is_empty() && !b.trim().is_empty()) =>
                    {
                        Some(Answer::Matching(pairs.get_ref().clone()))
                    }
                    Some(pairs) => {
                        errors.push(QuizError::new(format!("matching question `{id}` needs at least 2 pairs, none of them empty"), pairs.span()));
                        None
                    }
                    None => {
                        errors.push(missing(
                            "pairs",
                            "pairs = [[\"term\", \"meaning\"], [\"term\", \"meaning\"]]",
                        ));
                        None
                    }
                }
            }
            QuestionType::Confidence => Some(Answer::Confidence),
        };
        match answer {
            Some(answer) if errors.is_empty() => Ok(Question {
                id: id.clone(),
                objectives: self
                    .objectives
                    .iter()
                    .map(|o| o.get_ref().clone())
                    .collect(),
                prompt: self.prompt.get_ref().clone(),
                hint: self.hint.clone(),
                explanation: self.explanation.clone(),
                answer,
                span: self.id.span(),
            }),
            _ => Err(errors),
        }
    }

    fn choices(
        &self,
        options: &Spanned<Vec<OptionEntry>>,
        t: QuestionType,
        errors: &mut Vec<QuizError>,
    ) -> Option<Answer> {
        let id = self.id.get_ref();
        let before = errors.len();
        for o in options.get_ref() {
            if o.text.get_ref().trim().is_empty() {
                errors.push(
                    QuizError::new(
                        format!("question `{id}` has an empty option"),
                        o.text.span(),
                    )
                    .hint("write the option's text, or remove it"),
                );
            }
        }
        let correct = options.get_ref().iter().filter(|o| o.correct).count();
        if options.get_ref().len() < 2 {
            errors.push(QuizError::new(
                format!("question `{id}` needs at least 2 options"),
                options.span(),
            ));
        }
        if correct == 0 {
            errors.push(
                QuizError::new(
                    format!("question `{id}` has no correct answer"),
                    options.span(),
                )
                .hint("mark the right option with `correct = true`"),
            );
        } else if correct > 1 && t == QuestionType::Single {
            errors.push(
                QuizError::new(
                    format!("single-choice question `{id}` has {correct} correct answers"),
                    options.span(),
                )
                .hint("mark exactly one option `correct = true`, or use `type = \"multiple\"`"),
            );
        }
        if errors.len() > before {
            return None;
        }
        let choices = options
            .get_ref()
            .iter()
            .map(|o| Choice {
                text: o.text.get_ref().clone(),
                correct: o.correct,
                feedback: o.feedback.clone(),
            })
            .collect();
        Some(if t == QuestionType::Single {
            Answer::Single(choices)
        } else {
            Answer::Multiple(choices)
        })
    }
}

fn type_name(t: QuestionType) -> &'static str {
    match t {
        QuestionType::Single => "single",
        QuestionType::Multiple => "multiple",
        QuestionType::TrueFalse => "true-false",
        QuestionType::Short => "short",
        QuestionType::Numeric => "numeric",
        QuestionType::Ordering => "ordering",
        QuestionType::Matching => "matching",
        QuestionType::Confidence => "confidence",
    }
}
