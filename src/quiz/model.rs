//! The quiz model shared by both authoring formats (TOML front matter and Moodle GIFT): a quiz
//! is a list of questions of nine types, each tied to learning objectives.

use std::ops::Range;

/// A question as authored, before its objective IDs are checked against the curriculum.
#[derive(Clone, Debug, PartialEq)]
pub struct Question {
    /// Stable within its quiz; saved progress is keyed by it.
    pub id: String,
    /// Objective IDs (`SMS-4.2`) the question assesses.
    pub objectives: Vec<String>,
    /// Markdown.
    pub prompt: String,
    pub hint: Option<String>,
    /// Shown after answering, right or wrong. Markdown.
    pub explanation: Option<String>,
    pub answer: Answer,
    /// Where the question starts in its file (byte range), for error messages.
    pub span: Range<usize>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
    /// Exactly one option is correct.
    Single(Vec<Choice>),
    /// Any number of options are correct (at least one).
    Multiple(Vec<Choice>),
    TrueFalse {
        answer: bool,
        /// Feedback when the reader answers true, and when they answer false.
        if_true: Option<String>,
        if_false: Option<String>,
    },
    /// Accepted answers; matching ignores case and repeated spaces.
    Short {
        accept: Vec<String>,
        /// Feedback for an answer that is not accepted.
        otherwise: Option<String>,
    },
    /// Correct when within `tolerance` of `value` (inclusive).
    Numeric { value: f64, tolerance: f64 },
    /// Items in their correct order; shown shuffled.
    Ordering(Vec<String>),
    /// (prompt, match) pairs; the matches are offered as choices for every prompt.
    Matching(Vec<(String, String)>),
    /// A self-rating from 1 to 5 of confidence in the question's objectives; never right or wrong.
    Confidence,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    /// Markdown (inline).
    pub text: String,
    pub correct: bool,
    /// Why this option is right or wrong.
    pub feedback: Option<String>,
}

impl Answer {
    /// The name used in `type = "..."` and in the page's data attributes.
    pub fn type_name(&self) -> &'static str {
        match self {
            Answer::Single(_) => "single",
            Answer::Multiple(_) => "multiple",
            Answer::TrueFalse { .. } => "true-false",
            Answer::Short { .. } => "short",
            Answer::Numeric { .. } => "numeric",
            Answer::Ordering(_) => "ordering",
            Answer::Matching(_) => "matching",
            Answer::Confidence => "confidence",
        }
    }
}

/// A problem in a quiz source, with the byte range it concerns in the file.
#[derive(Clone, Debug, PartialEq)]
pub struct QuizError {
    pub message: String,
    pub span: Range<usize>,
    pub hint: Option<String>,
}

impl QuizError {
    pub fn new(message: impl Into<String>, span: Range<usize>) -> QuizError {
        QuizError {
            message: message.into(),
            span,
            hint: None,
        }
    }

    pub fn hint(mut self, hint: impl Into<String>) -> QuizError {
        self.hint = Some(hint.into());
        self
    }
}
