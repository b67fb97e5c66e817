//! A GIFT question's answer block: finding it, telling its kind by Moodle's rules, and reading
//! its options as choices, matching pairs, short, numeric or true/false answers.

use std::ops::Range;

use super::text::{find, span_of, split, starts_with, strip_format, text_of, to_string, trim, Ch};
use super::Parser;
use crate::quiz::model::{Answer, Choice, QuizError};

impl Parser<'_> {
    /// The answer block's contents, without the general feedback, by Moodle's rules: `#` first
    /// is numeric, any `~` is multiple choice, `=` and `->` are matching, `T` or `F` is
    /// true/false, and anything else is short answer.
    pub(super) fn answer(&mut self, block: &[Ch], span: &Range<usize>) -> Option<Answer> {
        match block.first() {
            None => {
                let message = "GIFT essay questions (`{}`) are not supported: \
                               they cannot be marked in the browser";
                let hint = "ask for a short answer (`{=expected answer}`) instead, or remove it";
                self.errors
                    .push(QuizError::new(message, span.clone()).hint(hint));
                None
            }
            Some(first) if first.is('#') => self.numeric(&block[1..], span),
            Some(_) if find(block, "~").is_some() => self.choices(block, span),
            Some(_) if find(block, "=").is_some() && find(block, "->").is_some() => {
                self.matching(block, span)
            }
            Some(_) => match true_false(block) {
                Some(answer) => Some(answer),
                None => self.short(block, span),
            },
        }
    }

    /// The indices of the answer block's `{` and `}` in `body`.
    pub(super) fn answer_block(
        &mut self,
        body: &[Ch],
        span: &Range<usize>,
    ) -> Option<(usize, usize)> {
        let mut braces = (0..body.len()).filter(|&i| body[i].is('{') || body[i].is('}'));
        let stray = |close: &Ch| {
            QuizError::new("`}` without an opening `{`", close.span())
                .hint("write `\\}` for a literal brace")
        };
        let open = match braces.next() {
            None => {
                let hint = "GIFT description items (text with no `{...}`) are not supported: \
                            add an answer block such as `{T}` or `{=right ~wrong}`, or make the \
                            text a `//` comment";
                let error = QuizError::new("question has no answer block", span.clone());
                self.errors.push(error.hint(hint));
                return None;
            }
            Some(i) if body[i].c == '}' => {
                self.errors.push(stray(&body[i]));
                return None;
            }
            Some(i) => i,
        };
        let close = match braces.next() {
            Some(i) if body[i].c == '}' => i,
            _ => {
                let error = QuizError::new("answer block is not closed", body[open].span());
                let hint = "end it with `}` (a blank line ends the question), \
                            or write `\\{` for a literal brace";
                self.errors.push(error.hint(hint));
                return None;
            }
        };
        if let Some(i) = braces.next() {
            self.errors.push(if body[i].c == '{' {
                QuizError::new("a question can have only one answer block", body[i].span())
                    .hint("split it into questions, or write `\\{` and `\\}` for literal braces")
            } else {
                stray(&body[i])
            });
        }
        Some((open, close))
    }

    /// `{=right ~wrong}`, `{~%50%half ~%50%half ~%-100%wrong}`.
    fn choices(&mut self, block: &[Ch], span: &Range<usize>) -> Option<Answer> {
        let errors_before = self.errors.len();
        let options: Vec<Opt> = split(block, &['=', '~'])
            .into_iter()
            .map(|piece| self.option(piece))
            .collect();
        // As in Moodle: a block with an `=` answer is single-answer with partial credit, so
        // only full-credit answers are right; without `=`, weights make it multiple-answer.
        let has_equals = options.iter().any(|o| o.marker == Some('='));
        let weighted = !has_equals && options.iter().any(|o| o.weight.is_some());
        let mut choices = Vec::new();
        for o in &options {
            if o.text.is_empty() {
                let error = QuizError::new("empty option", o.span.clone());
                self.errors
                    .push(error.hint("write the option's text after its `=` or `~`"));
            } else {
                choices.push(Choice {
                    text: to_string(o.text),
                    correct: match (has_equals, o.weight) {
                        (true, Some(w)) => w >= 100.0,
                        (true, None) => o.marker == Some('='),
                        (false, Some(w)) => w > 0.0,
                        (false, None) => false,
                    },
                    feedback: o.feedback.clone(),
                });
            }
        }
        if choices.len() < options.len() || self.errors.len() > errors_before {
            return None;
        }
        let correct = choices.iter().filter(|c| c.correct).count();
        if choices.len() < 2 {
            let message = "a multiple-choice question needs at least two options";
            let hint = "add options: `{=right ~wrong ~wrong}`";
            self.errors
                .push(QuizError::new(message, span.clone()).hint(hint));
        } else if correct == 0 {
            let hint = "mark the right option with `=`, or give right options a positive weight \
                        such as `~%50%`";
            self.errors
                .push(QuizError::new("no correct answer", span.clone()).hint(hint));
        } else if weighted || correct > 1 {
            return Some(Answer::Multiple(choices));
        } else {
            return Some(Answer::Single(choices));
        }
        None
    }

    /// `{=prompt -> match =prompt -> match}`.
    fn matching(&mut self, block: &[Ch], span: &Range<usize>) -> Option<Answer> {
        let pieces = split(block, &['=']);
        let mut pairs = Vec::new();
        for piece in &pieces {
            let pair = if piece[0].is('=') { &piece[1..] } else { piece };
            let Some(arrow) = find(pair, "->") else {
                let error = QuizError::new("matching pair has no `->`", span_of(piece));
                self.errors
                    .push(error.hint("write each pair as `=prompt -> match`"));
                continue;
            };
            let (prompt, answer) = (
                strip_format(&pair[..arrow]),
                strip_format(&pair[arrow + 2..]),
            );
            if prompt.is_empty() {
                let message = "matching distractors (a pair with no prompt) are not supported";
                let hint = "every match needs a prompt of its own: give it one, or remove the pair";
                self.errors
                    .push(QuizError::new(message, span_of(piece)).hint(hint));
            } else if answer.is_empty() {
                let error = QuizError::new("matching pair has no match after `->`", span_of(piece));
                self.errors
                    .push(error.hint("write each pair as `=prompt -> match`"));
            } else {
                pairs.push((to_string(prompt), to_string(answer)));
            }
        }
        if pairs.len() < pieces.len() {
            return None;
        }
        if pairs.len() < 2 {
            let message = "a matching question needs at least two pairs";
            let hint = "add pairs: `{=prompt -> match =prompt -> match}`";
            self.errors
                .push(QuizError::new(message, span.clone()).hint(hint));
            return None;
        }
        Some(Answer::Matching(pairs))
    }

    /// `{=answer =other answer}`; a `=%0%*#feedback` catch-all becomes `otherwise`.
    fn short(&mut self, block: &[Ch], span: &Range<usize>) -> Option<Answer> {
        let mut accept = Vec::new();
        let mut otherwise = None;
        let errors_before = self.errors.len();
        for piece in split(block, &['=']) {
            let o = self.option(piece);
            let text = to_string(o.text);
            let right = o.weight.is_none_or(|w| w > 0.0);
            if text.is_empty() {
                let error = QuizError::new("empty answer", o.span);
                self.errors
                    .push(error.hint("write the accepted answer after its `=`"));
            } else if text == "*" && !right {
                otherwise = o.feedback;
            } else if right && text.contains('*') {
                let message = "short-answer wildcards (`*`) are not supported";
                let hint = "list each accepted answer in full, e.g. `=colour =color`";
                self.errors.push(QuizError::new(message, o.span).hint(hint));
            } else if right {
                accept.push(text);
            }
        }
        if self.errors.len() > errors_before {
            return None;
        }
        if accept.is_empty() {
            let hint = "mark accepted answers with `=` and no weight, or a positive weight";
            self.errors
                .push(QuizError::new("no correct answer", span.clone()).hint(hint));
            return None;
        }
        Some(Answer::Short { accept, otherwise })
    }

    /// `{#5}`, `{#5:0.5}`, `{#1..5}`, `{# =5:0 =%50%4.5:0.5 ~feedback}`, after the `#`.
    fn numeric(&mut self, block: &[Ch], span: &Range<usize>) -> Option<Answer> {
        // What follows `~` is feedback for any other answer; the model has no place for it.
        let block = find(block, "~").map_or(block, |i| &block[..i]);
        let errors_before = self.errors.len();
        let options: Vec<Opt> = split(block, &['='])
            .into_iter()
            .map(|piece| self.option(piece))
            .collect();
        if options.is_empty() {
            let error = QuizError::new("numeric question has no answer", span.clone());
            let hint = "write the number after `#`: `{#42}`, `{#3.5:0.1}` or `{#1..5}`";
            self.errors.push(error.hint(hint));
            return None;
        }
        let mut answer = None;
        let mut valid = self.errors.len() == errors_before;
        for o in &options {
            let full_credit = o.weight.is_none_or(|w| w >= 100.0);
            if !full_credit && to_string(o.text) == "*" {
                continue; // Moodle's catch-all for wrong answers: only feedback, dropped
            }
            match self.number(o.text, &o.span) {
                Some((value, tolerance)) => {
                    if answer.is_none() && full_credit {
                        answer = Some(Answer::Numeric { value, tolerance });
                    }
                }
                None => valid = false,
            }
        }
        if valid && answer.is_none() {
            let error = QuizError::new("numeric question has no full-credit answer", span.clone());
            self.errors
                .push(error.hint("give the right answer no weight, or `%100%`"));
        }
        answer.filter(|_| valid)
    }

    /// `5`, `5:0.5` (value and tolerance) or `1..5` (a range), as value and tolerance.
    fn number(&mut self, text: &[Ch], option: &Range<usize>) -> Option<(f64, f64)> {
        if let Some(dots) = find(text, "..").filter(|&i| i > 0) {
            let min = self.float(&text[..dots], "answer", option);
            let max = self.float(&text[dots + 2..], "answer", option);
            let (min, max) = (min?, max?);
            if max < min {
                let message = format!("numeric range `{}` ends below its start", to_string(text));
                let hint = "write the smaller number first: `{#1..5}`";
                self.errors
                    .push(QuizError::new(message, span_of(text)).hint(hint));
                return None;
            }
            return Some(((min + max) / 2.0, (max - min) / 2.0));
        }
        let Some(colon) = find(text, ":").filter(|&i| i > 0) else {
            return Some((self.float(text, "answer", option)?, 0.0));
        };
        let value = self.float(&text[..colon], "answer", option);
        let tolerance = self.float(&text[colon + 1..], "tolerance", option);
        let (value, tolerance) = (value?, tolerance?);
        if tolerance < 0.0 {
            let tolerance = trim(&text[colon + 1..]);
            let message = format!("numeric tolerance `{}` is negative", to_string(tolerance));
            let hint =
                "the tolerance is how far off an answer may be: `{#5:0.5}` accepts 4.5 to 5.5";
            self.errors
                .push(QuizError::new(message, span_of(tolerance)).hint(hint));
            return None;
        }
        Some((value, tolerance))
    }

    fn float(&mut self, text: &[Ch], what: &str, option: &Range<usize>) -> Option<f64> {
        let text = trim(text);
        let number = to_string(text);
        match number.parse::<f64>() {
            Ok(n) if n.is_finite() => Some(n),
            _ if text.is_empty() => {
                let message = format!("numeric {what} is missing");
                let hint = "write a number: `{#3.5}`, `{#3.5:0.1}` or `{#1..5}`";
                self.errors
                    .push(QuizError::new(message, option.clone()).hint(hint));
                None
            }
            _ => {
                let message = format!("numeric {what} `{number}` is not a number");
                let span = span_of(text);
                let hint =
                    "write numbers with a dot for decimals: `{#3.5}`, `{#3.5:0.1}` or `{#1..5}`";
                self.errors.push(QuizError::new(message, span).hint(hint));
                None
            }
        }
    }
}

/// `{T}`, `{FALSE#feedback for a wrong answer#feedback for a right one}`.
fn true_false(block: &[Ch]) -> Option<Answer> {
    let mut parts = block.splitn(3, |ch| ch.is('#'));
    let answer = match to_string(trim(parts.next()?)).to_ascii_uppercase().as_str() {
        "T" | "TRUE" => true,
        "F" | "FALSE" => false,
        _ => return None,
    };
    let wrong = parts.next().and_then(text_of);
    let right = parts.next().and_then(text_of);
    let (if_true, if_false) = if answer {
        (right, wrong)
    } else {
        (wrong, right)
    };
    Some(Answer::TrueFalse {
        answer,
        if_true,
        if_false,
    })
}

/// One option of an answer block: a marker, a weight, its text and its feedback: `~%50%text#why`.
struct Opt<'a> {
    marker: Option<char>,
    weight: Option<f64>,
    text: &'a [Ch],
    feedback: Option<String>,
    span: Range<usize>,
}

impl Parser<'_> {
    /// One option, its weight checked: Moodle takes weights from -100 to 100 (percent).
    fn option<'a>(&mut self, piece: &'a [Ch]) -> Opt<'a> {
        let (marker, mut rest) = match piece.first() {
            Some(ch) if ch.is('=') || ch.is('~') => (Some(ch.c), trim(&piece[1..])),
            _ => (None, piece),
        };
        let mut weight = None;
        if starts_with(rest, "\\%") {
            rest = &rest[1..]; // `\%`: a literal percent sign, not a weight
        } else if rest.first().is_some_and(|ch| ch.is('%')) {
            if let Some(end) = rest[1..].iter().position(|ch| ch.is('%')).map(|i| i + 1) {
                let number = to_string(trim(&rest[1..end]));
                let span = span_of(&rest[..=end]);
                match number.parse::<f64>() {
                    _ if number.is_empty() => {
                        let message = "answer weight between `%` signs is empty";
                        let hint = "write a weight from -100 to 100, e.g. `~%50%`, or remove \
                                    the `%%`";
                        self.errors.push(QuizError::new(message, span).hint(hint));
                    }
                    Ok(w) if (-100.0..=100.0).contains(&w) => weight = Some(w),
                    Ok(_) => {
                        let message = format!("answer weight `{number}` is out of range");
                        let hint = "Moodle accepts weights from -100 to 100 (percent), e.g. \
                                    `~%50%` for half credit or `~%-100%` for a wrong answer";
                        self.errors.push(QuizError::new(message, span).hint(hint));
                    }
                    Err(_) => {
                        let message = format!("answer weight `{number}` is not a number");
                        let hint = "write a weight from -100 to 100 between `%` signs, e.g. \
                                    `~%50%`; write `\\%` for a literal percent sign";
                        self.errors.push(QuizError::new(message, span).hint(hint));
                    }
                }
                rest = &rest[end + 1..];
            }
        }
        let (text, feedback) = match find(rest, "#") {
            Some(i) => (&rest[..i], text_of(&rest[i + 1..])),
            None => (rest, None),
        };
        Opt {
            marker,
            weight,
            text: strip_format(text),
            feedback,
            span: span_of(piece),
        }
    }
}
