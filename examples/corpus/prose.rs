//! The grammar: sentences, paragraphs, headings, titles and instructions of health-education
//! prose, and the TOML strings and lists the front matter is written with.

use super::rng::Rng;
use super::vocabulary::{
    ADJECTIVES, ADVERBS, AGENTS, CAUSATIVES, EVALUATIVE, MASS, OCCASIONS, OPENERS, PLACES, THINGS,
    VERBS,
};

pub(super) fn cap(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// "a" or "an" before `word`.
fn article(word: &str) -> &'static str {
    let vowel = word.starts_with(['a', 'e', 'i', 'o', 'u']);
    let sounds_like_you = word.starts_with("us") || word.starts_with("uni");
    if (vowel && !sounds_like_you) || word.starts_with("honest") {
        "an"
    } else {
        "a"
    }
}

/// Pushes "determiner [adjective] noun", with "a"/"an" fitting the next word.
fn noun_phrase(r: &mut Rng, s: &mut String, noun: &str, dets: &[&str]) {
    let det = r.pick(dets);
    let adj = if r.chance(1, 3) {
        Some(r.pick(ADJECTIVES))
    } else {
        None
    };
    let next = adj.unwrap_or(noun);
    match det {
        "" => {}
        "a" => {
            s.push_str(article(next));
            s.push(' ');
        }
        d => {
            s.push_str(d);
            s.push(' ');
        }
    }
    if let Some(a) = adj {
        s.push_str(a);
        s.push(' ');
    }
    s.push_str(noun);
}

/// A group of people; returns whether it is plural.
fn agent(r: &mut Rng, s: &mut String) -> bool {
    let (one, many) = r.pick(AGENTS);
    if r.chance(2, 3) {
        noun_phrase(
            r,
            s,
            many,
            &["", "the", "many", "some", "most", "these", "their"],
        );
        true
    } else {
        noun_phrase(r, s, one, &["the", "a", "each", "every", "this", "one"]);
        false
    }
}

fn agents_plural(r: &mut Rng, s: &mut String) {
    let many = r.pick(AGENTS).1;
    noun_phrase(r, s, many, &["", "the", "many", "some", "these", "their"]);
}

/// Something acted upon: a countable thing, several of them, or an uncountable noun.
fn object(r: &mut Rng, s: &mut String) {
    match r.below(5) {
        0 | 1 => {
            let one = r.pick(THINGS).0;
            noun_phrase(r, s, one, &["the", "a", "each", "their", "this", "one"]);
        }
        2 | 3 => {
            let many = r.pick(THINGS).1;
            noun_phrase(
                r,
                s,
                many,
                &["", "the", "their", "several", "these", "some"],
            );
        }
        _ => s.push_str(r.pick(MASS)),
    }
}

fn place(r: &mut Rng, s: &mut String) {
    match r.below(4) {
        0 => {
            let occasion = r.pick(OCCASIONS);
            s.push_str("during ");
            noun_phrase(r, s, occasion, &["a", "the", "each", "every"]);
        }
        1 => {
            s.push_str(if r.chance(1, 2) { "with " } else { "for " });
            agent(r, s);
        }
        _ => s.push_str(r.pick(PLACES)),
    }
}

/// Appends one sentence (capitalised, with its full stop) and returns its word count.
fn sentence(r: &mut Rng, out: &mut String) -> usize {
    let mut s = String::with_capacity(120);
    let v = r.pick(VERBS);
    match r.below(9) {
        0 | 1 => {
            if r.chance(1, 3) {
                s.push_str(r.pick(OPENERS));
                s.push(' ');
            }
            let plural = agent(r, &mut s);
            if r.chance(1, 3) {
                s.push(' ');
                s.push_str(r.pick(ADVERBS));
            }
            s.push(' ');
            s.push_str(if plural { v.0 } else { v.1 });
            s.push(' ');
            object(r, &mut s);
            if r.chance(2, 3) {
                s.push(' ');
                place(r, &mut s);
            }
            s.push('.');
        }
        2 => {
            s.push_str("when ");
            agents_plural(r, &mut s);
            s.push(' ');
            s.push_str(v.0);
            s.push(' ');
            object(r, &mut s);
            s.push_str(", they ");
            s.push_str(r.pick(ADVERBS));
            s.push(' ');
            s.push_str(r.pick(VERBS).0);
            s.push(' ');
            object(r, &mut s);
            s.push('.');
        }
        3 => {
            s.push_str(v.2);
            s.push(' ');
            object(r, &mut s);
            s.push(' ');
            s.push_str(r.pick(CAUSATIVES));
            s.push(' ');
            agents_plural(r, &mut s);
            s.push_str(" to ");
            s.push_str(r.pick(VERBS).0);
            s.push(' ');
            object(r, &mut s);
            s.push('.');
        }
        4 => {
            agents_plural(r, &mut s);
            s.push_str(" who ");
            s.push_str(v.3);
            s.push(' ');
            object(r, &mut s);
            s.push_str(" were more likely to ");
            s.push_str(r.pick(VERBS).0);
            s.push(' ');
            object(r, &mut s);
            if r.chance(1, 2) {
                s.push(' ');
                place(r, &mut s);
            }
            s.push('.');
        }
        5 => {
            s.push_str("it is ");
            s.push_str(r.pick(EVALUATIVE));
            s.push_str(" to ");
            s.push_str(v.0);
            s.push(' ');
            object(r, &mut s);
            s.push(' ');
            place(r, &mut s);
            s.push('.');
        }
        6 => {
            let plural = agent(r, &mut s);
            s.push(' ');
            s.push_str(if plural { v.0 } else { v.1 });
            s.push(' ');
            object(r, &mut s);
            s.push_str(if r.chance(1, 2) { ", and " } else { ", while " });
            let w = r.pick(VERBS);
            let plural = agent(r, &mut s);
            s.push(' ');
            s.push_str(if plural { w.0 } else { w.1 });
            s.push(' ');
            object(r, &mut s);
            s.push('.');
        }
        7 => {
            let one = r.pick(THINGS).0;
            noun_phrase(r, &mut s, one, &["the", "a", "each", "every"]);
            s.push_str(" is ");
            s.push_str(v.4);
            s.push(' ');
            place(r, &mut s);
            s.push_str(" by ");
            agents_plural(r, &mut s);
            s.push('.');
        }
        _ => {
            s.push_str("what ");
            s.push_str(r.pick(THINGS).1);
            s.push_str(" matter most to ");
            agent(r, &mut s);
            s.push('?');
        }
    }
    let words = s.split(' ').count();
    out.push_str(&cap(&s));
    words
}

/// Appends a paragraph of 2-6 sentences (no trailing newline) and returns its word count.
pub(super) fn paragraph(r: &mut Rng, out: &mut String) -> usize {
    paragraph_within(r, out, usize::MAX)
}

/// A paragraph that stops early, after at least one sentence, once it has `budget` words.
pub(super) fn paragraph_within(r: &mut Rng, out: &mut String, budget: usize) -> usize {
    let n = r.range(2, 6);
    let mut words = 0;
    for i in 0..n {
        if i > 0 {
            if words >= budget {
                break;
            }
            out.push(' ');
        }
        words += sentence(r, out);
    }
    words
}

pub(super) fn heading(r: &mut Rng) -> String {
    let mut s = String::new();
    match r.below(8) {
        0 => {
            s.push_str("why ");
            s.push_str(r.pick(MASS));
            s.push_str(" matters");
        }
        1 => {
            s.push_str(r.pick(VERBS).2);
            s.push(' ');
            s.push_str(r.pick(THINGS).1);
        }
        2 => {
            s.push_str("working with ");
            s.push_str(r.pick(AGENTS).1);
        }
        3 => {
            s.push_str(r.pick(ADJECTIVES));
            s.push(' ');
            s.push_str(r.pick(THINGS).1);
        }
        4 => {
            s.push_str(r.pick(MASS));
            s.push_str(" in practice");
        }
        5 => {
            s.push_str("common barriers to ");
            s.push_str(r.pick(MASS));
        }
        6 => {
            s.push_str("when ");
            s.push_str(r.pick(AGENTS).1);
            s.push(' ');
            s.push_str(r.pick(VERBS).0);
            s.push(' ');
            s.push_str(r.pick(THINGS).1);
        }
        _ => {
            s.push_str("a closer look at ");
            s.push_str(r.pick(MASS));
        }
    }
    cap(&s)
}

pub(super) fn title(r: &mut Rng) -> String {
    let mut s = String::new();
    match r.below(3) {
        0 => {
            s.push_str(r.pick(VERBS).2);
            s.push(' ');
            s.push_str(r.pick(THINGS).1);
            s.push(' ');
            s.push_str(r.pick(PLACES));
        }
        1 => {
            s.push_str(r.pick(MASS));
            s.push_str(" and ");
            s.push_str(r.pick(MASS));
        }
        _ => {
            s.push_str(r.pick(VERBS).2);
            s.push(' ');
            s.push_str(r.pick(THINGS).1);
            s.push_str(" with ");
            s.push_str(r.pick(AGENTS).1);
        }
    }
    cap(&s)
}

/// "Review the action plan at home": a list item or an objective.
pub(super) fn instruction(r: &mut Rng) -> String {
    let mut s = String::from(r.pick(VERBS).0);
    s.push(' ');
    object(r, &mut s);
    if r.chance(1, 2) {
        s.push(' ');
        place(r, &mut s);
    }
    cap(&s)
}

/// One sentence as a string, for descriptions, statements and annotations.
pub(super) fn one_sentence(r: &mut Rng) -> String {
    let mut s = String::new();
    sentence(r, &mut s);
    s
}

pub(super) fn toml_str(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

pub(super) fn toml_list<S: AsRef<str>>(items: &[S]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| toml_str(s.as_ref())).collect();
    format!("[{}]", quoted.join(", "))
}

pub(super) fn pick_names(r: &mut Rng, vocabulary: &[&str], lo: usize, hi: usize) -> Vec<String> {
    let k = r.range(lo, hi);
    let mut picked = r.distinct(k, vocabulary.len());
    picked.sort_unstable();
    picked
        .into_iter()
        .map(|i| vocabulary[i].to_string())
        .collect()
}
