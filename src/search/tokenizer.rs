//! The one tokenizer shared by the index (here) and the browser client (js/search.js mirrors it
//! step by step): fold case and diacritics, drop apostrophes, split on anything that is not a
//! letter or digit, drop stop words, stem with Snowball English. IDs such as `SMS-4.2` also get
//! one exact token each (`sms-4-2`), which the word tokenizer can never produce.

use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::UnicodeNormalization;

/// Words too common to search for. The client receives this list in the index's meta file, so
/// both sides drop the same words.
pub const STOP_WORDS: &[&str] = &[
    "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be",
    "because", "been", "before", "being", "between", "both", "but", "by", "can", "could", "did",
    "do", "does", "doing", "during", "each", "for", "from", "further", "had", "has", "have",
    "having", "he", "her", "here", "hers", "him", "his", "how", "i", "if", "in", "into", "is",
    "it", "its", "itself", "just", "me", "more", "most", "my", "no", "nor", "not", "of", "off",
    "on", "once", "only", "or", "other", "our", "ours", "out", "over", "own", "same", "she",
    "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "then",
    "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up",
    "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why",
    "will", "with", "would", "you", "your", "yours",
];

fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::English))
}

/// Lower case, diacritics removed (NFD, then combining marks dropped), apostrophes removed.
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        // The common case, a byte at a time, without decomposing anything.
        if !text.contains('\'') {
            return text.to_ascii_lowercase();
        }
        return text
            .chars()
            .filter(|&c| c != '\'')
            .map(|c| c.to_ascii_lowercase())
            .collect();
    }
    text.nfd()
        .filter(|c| {
            !('\u{300}'..='\u{36f}').contains(c) && !matches!(c, '\'' | '\u{2019}' | '\u{2018}')
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// The words of already folded text: its runs of letters and digits.
pub fn words(folded: &str) -> Words<'_> {
    Words {
        text: folded,
        at: 0,
    }
}

/// The iterator of [`words`]. It reads a byte at a time and decodes a character only where
/// the text is not ASCII: search text is mostly ASCII, and this loop is a large part of
/// building the index.
pub struct Words<'a> {
    text: &'a str,
    at: usize,
}

/// Whether the character at byte `i` of `text`, which is not ASCII, is a letter or digit, and
/// where the next character starts.
#[cold]
fn alphanumeric_beyond_ascii(text: &str, i: usize) -> (bool, usize) {
    // `i` is at a character boundary: every step is a whole character.
    let c = text[i..].chars().next().unwrap_or(' ');
    (c.is_alphanumeric(), i + c.len_utf8())
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let (text, bytes) = (self.text, self.text.as_bytes());
        // Where the run that starts at `i` of letters and digits (`want`) or of other
        // characters (not `want`) ends.
        let run_end = |mut i: usize, want: bool| {
            while let Some(&b) = bytes.get(i) {
                let (alnum, next) = if b.is_ascii() {
                    (b.is_ascii_alphanumeric(), i + 1)
                } else {
                    alphanumeric_beyond_ascii(text, i)
                };
                if alnum != want {
                    break;
                }
                i = next;
            }
            i
        };
        let start = run_end(self.at, false);
        if start >= bytes.len() {
            self.at = start;
            return None;
        }
        let end = run_end(start, true);
        self.at = end;
        Some(&text[start..end])
    }
}

pub fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.binary_search(&word).is_ok()
}

/// The index term of a folded word: its stem, or the word itself when it holds a digit.
pub fn stem(word: &str) -> String {
    if word.bytes().any(|b| b.is_ascii_digit()) || word.chars().count() < 3 {
        return word.to_string();
    }
    stemmer().stem(word).into_owned()
}

/// Every index term of `text`, in order, repeats kept (for term frequencies).
pub fn terms(text: &str) -> Vec<String> {
    let folded = fold(text);
    words(&folded)
        .filter(|w| !is_stop_word(w))
        .map(stem)
        .collect()
}

/// The exact token of an ID: `SMS-4.2` -> `sms-4-2`, `GP-1` -> `gp-1`, `DEF-SMS` -> `def-sms`.
pub fn id_token(id: &str) -> String {
    let folded = fold(id);
    words(&folded).collect::<Vec<_>>().join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_words_are_sorted_for_binary_search() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn folds_case_diacritics_and_apostrophes() {
        assert_eq!(fold("Café Naïve People’s DON'T"), "cafe naive peoples dont");
        assert_eq!(
            fold("Plain ASCII: DON'T, Won't 42!"),
            "plain ascii: dont, wont 42!"
        );
    }

    #[test]
    fn terms_drop_stop_words_and_stem() {
        assert_eq!(
            terms("The Coaching of caregivers"),
            vec!["coach", "caregiv"]
        );
        assert_eq!(
            terms("Caregiver stress, 2014"),
            vec!["caregiv", "stress", "2014"]
        );
        assert_eq!(
            terms("coach coached coaching"),
            vec!["coach", "coach", "coach"]
        );
    }

    #[test]
    fn words_are_runs_of_letters_and_digits_in_any_script() {
        fn split(t: &str) -> Vec<&str> {
            words(t).collect()
        }
        assert_eq!(
            split("  plain ascii: dont, wont 42!"),
            ["plain", "ascii", "dont", "wont", "42"]
        );
        assert_eq!(
            split("día—año·ñu 東京 x"),
            ["día", "año", "ñu", "東京", "x"]
        );
        assert_eq!(split("a"), ["a"]);
        assert!(split("").is_empty());
        assert!(split(" ,.— ").is_empty());
        // Combining marks, superscripts and Roman numerals split as `char::is_alphanumeric` says.
        let mixed = "e\u{301}t\u{e9} 2\u{b2} \u{2163}x";
        let by_char: Vec<&str> = mixed
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        assert_eq!(split(mixed), by_char);
    }

    #[test]
    fn id_tokens_are_canonical() {
        assert_eq!(id_token("SMS-4.2"), "sms-4-2");
        assert_eq!(id_token("GP-1"), "gp-1");
        assert_eq!(id_token("DEF-SMS"), "def-sms");
    }
}
