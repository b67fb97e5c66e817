//! Moodle GIFT question banks: a `.gift` file under `content/` becomes a quiz.
//!
//! The syntax is read the way Moodle's own importer reads it (`question/format/gift/format.php`),
//! so a bank exported from Moodle imports unchanged:
//!
//! - Questions are separated by blank lines, and a file needs at least one; lines starting with `//` are comments, and a
//!   `// title: ...` comment before the first question names the quiz. Lines are trimmed.
//! - `$CATEGORY: path/to/category` applies to the questions after it. Objectives come from the
//!   category and nowhere else: when its last path segment is an objective ID (`SMS-4.2`) or a
//!   comma-separated list of them, those are the objectives of every question in the category;
//!   otherwise the questions have none, and the caller reports that.
//! - `::Title::` gives a question its ID, the title as a slug; an untitled question (or one whose
//!   title has no ASCII letter or digit) is `q<N>`, N counting the file's questions from 1.
//! - `\:` `\=` `\#` `\~` `\{` `\}` `\\` stand for the character itself and `\n` for a new line.
//!   A `[markdown]`, `[html]`, `[plain]` or `[moodle]` prefix is dropped: all text is markdown.
//! - Text after the answer block makes a fill-in-the-blank question: the block shows as `_____`.
//!
//! Answer blocks: `{=right ~wrong}` is single choice; several `=`, or a weight such as `~%50%`
//! on any option, make it multiple choice, an option being correct when its weight is positive
//! (`=` counts as 100%). A weight is a number from -100 to 100, as Moodle accepts; anything else
//! between an option's `%` signs is an error (where Moodle would keep it as text), and `\%` at the
//! start of an option is a literal percent sign. `{T}` `{TRUE}` `{F}` `{FALSE}` are true/false;
//! `{=a =b}` short answer; `{#5}`, `{#5:0.5}`, `{#1..5}` and `{# =5 =%50%4:1}` numeric (the first
//! full-credit answer counts); `{=a -> b =c -> d}` matching. `#text` after an option is its feedback and `####text`
//! the question's explanation.
//!
//! The quiz model has no partial credit, so a weight only decides right or wrong. Dropped because
//! the model has no place for them: feedback on short and numeric answers (except a short
//! answer's wrong-answer catch-all `=%0%*#feedback`, which becomes its `otherwise`), and the
//! numeric catch-alls `~feedback` and `=%0%*#feedback`. Reported as errors: essays (`{}`),
//! description items (no answer block), short-answer wildcards, matching distractors, and more
//! than one answer block per question.

use std::collections::HashSet;
use std::ops::Range;

use super::model::{Question, QuizError};
use crate::content::ids::{is_competency_id, is_objective_id_of};
use crate::content::slugify;
use text::{decode, find, rfind, span_of, starts_with, strip_format, text_of, to_string, trim, Ch};

/// The questions of one GIFT file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GiftQuiz {
    /// From a `// title: ...` comment before the first question.
    pub title: Option<String>,
    pub questions: Vec<Question>,
}

/// Reads a GIFT file: every question without problems, and every problem, in file order.
pub fn parse(source: &str) -> (GiftQuiz, Vec<QuizError>) {
    let mut parser = Parser {
        source,
        quiz: GiftQuiz::default(),
        errors: Vec::new(),
        objectives: Vec::new(),
        ids: HashSet::new(),
        count: 0,
        at_top: true,
    };
    let mut group = Vec::new();
    for line in lines(source) {
        if line.is_empty() {
            parser.group(&group);
            group.clear();
        } else {
            group.push(line);
        }
    }
    parser.group(&group);
    if parser.count == 0 {
        // As a TOML quiz without `[[questions]]` is: an empty page is never what was meant.
        let start = if source.starts_with('\u{feff}') { 3 } else { 0 };
        let hint = "write questions separated by blank lines, e.g. `::q1::Is this true? {T}`, \
                    under a `$CATEGORY:` whose last part is an objective ID; or remove the file";
        let error = QuizError::new("missing questions in GIFT quiz", start..start);
        parser.errors.push(error.hint(hint));
    }
    (parser.quiz, parser.errors)
}

/// The byte range of each line of `source` without its surrounding white space (and without a
/// leading byte-order mark).
fn lines(source: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bom = if source.starts_with('\u{feff}') { 3 } else { 0 };
    source[bom..]
        .split_inclusive('\n')
        .scan(bom, |offset, line| {
            let start = *offset + (line.len() - line.trim_start().len());
            let end = *offset + line.trim_end().len();
            *offset += line.len();
            Some(start..end.max(start))
        })
}

struct Parser<'s> {
    source: &'s str,
    quiz: GiftQuiz,
    errors: Vec<QuizError>,
    /// Those of the current `$CATEGORY`.
    objectives: Vec<String>,
    ids: HashSet<String>,
    /// Questions so far, for `q<N>` IDs.
    count: usize,
    /// Nothing but comments yet, so a `// title:` comment names the quiz.
    at_top: bool,
}

impl Parser<'_> {
    /// A group of lines between blank lines: comments, categories, then at most one question.
    fn group(&mut self, lines: &[Range<usize>]) {
        let mut content = Vec::new();
        for line in lines {
            let text = &self.source[line.clone()];
            match text.strip_prefix("//") {
                Some(comment) => {
                    let title = comment
                        .split_once(':')
                        .filter(|(key, _)| self.at_top && key.trim().eq_ignore_ascii_case("title"));
                    if let Some((_, title)) = title.filter(|(_, title)| !title.trim().is_empty()) {
                        self.quiz.title = Some(title.trim().to_string());
                    }
                }
                None => {
                    self.at_top = false;
                    content.push(line.clone());
                }
            }
        }
        let mut content = &content[..];
        while let Some(path) = content
            .first()
            .and_then(|line| self.source[line.clone()].strip_prefix("$CATEGORY:"))
        {
            self.objectives = category_objectives(path);
            content = &content[1..];
        }
        if !content.is_empty() {
            self.question(content);
        }
    }

    fn question(&mut self, lines: &[Range<usize>]) {
        self.count += 1;
        let errors_before = self.errors.len();
        let span = lines[0].start..lines[lines.len() - 1].end;
        let text = decode(self.source, lines);
        let Some((id, body)) = self.title(&text, &span) else {
            return;
        };
        let body = strip_format(body);
        let Some((open, close)) = self.answer_block(body, &span) else {
            return;
        };
        let prompt = if trim(&body[close + 1..]).is_empty() {
            to_string(&body[..open])
        } else {
            format!(
                "{}_____{}",
                to_string(&body[..open]),
                to_string(&body[close + 1..])
            )
        };
        let prompt = prompt.trim().to_string();
        if prompt.is_empty() {
            let error = QuizError::new("question has no text", span.clone());
            self.errors
                .push(error.hint("write the question before its answer block"));
        }
        let mut block = &body[open + 1..close];
        let mut explanation = None;
        if let Some(i) = rfind(block, "####") {
            explanation = text_of(&block[i + 4..]);
            block = &block[..i];
        }
        let answer = self.answer(trim(block), &span_of(&body[open..=close]));
        if let Some(answer) = answer.filter(|_| self.errors.len() == errors_before) {
            self.quiz.questions.push(Question {
                id,
                objectives: self.objectives.clone(),
                prompt,
                hint: None,
                explanation,
                answer,
                span,
            });
        }
    }

    /// The question's ID, from its `::Title::` or its position, and the text after the title.
    fn title<'t>(&mut self, text: &'t [Ch], span: &Range<usize>) -> Option<(String, &'t [Ch])> {
        let mut id = format!("q{}", self.count);
        let mut id_span = span.clone();
        let mut body = text;
        if starts_with(text, "::") {
            let Some(end) = find(&text[2..], "::").map(|i| i + 2) else {
                let error = QuizError::new("question title is not closed", span_of(&text[..2]));
                let hint = "end the title with `::`, or write `\\:` for a literal colon";
                self.errors.push(error.hint(hint));
                return None;
            };
            let slug = question_id(&to_string(&text[2..end]));
            if !slug.is_empty() {
                id = slug;
                id_span = span_of(&text[..end + 2]);
            }
            body = &text[end + 2..];
        }
        if !self.ids.insert(id.clone()) {
            let error = QuizError::new(format!("duplicate question id `{id}`"), id_span);
            let hint = "give one of the questions a different `::title::`";
            self.errors.push(error.hint(hint));
        }
        Some((id, body))
    }
}

/// The objectives named by a category's last path segment: `$course$/top/Stress/SMS-4.2`.
fn category_objectives(path: &str) -> Vec<String> {
    let last = path.rsplit('/').next().unwrap_or_default();
    let ids: Vec<String> = last.split(',').map(|id| id.trim().to_string()).collect();
    let is_objective = |id: &String| {
        id.rsplit_once('.').is_some_and(|(competency, _)| {
            is_competency_id(competency) && is_objective_id_of(id, competency)
        })
    };
    if ids.iter().all(is_objective) {
        ids
    } else {
        Vec::new()
    }
}

/// A question's ID from its title: a slug of ASCII letters, digits and dashes.
fn question_id(title: &str) -> String {
    let slug = slugify(&title.to_lowercase());
    let parts = slug.split(|c: char| !c.is_ascii_lowercase() && !c.is_ascii_digit());
    parts
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

mod answer;
mod text;

#[cfg(test)]
mod tests;
