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
        let mut out = text.as_bytes().to_ascii_lowercase();
        out.retain(|&b| b != b'\'');
        return String::from_utf8(out).unwrap_or_default();
    }
    text.nfd()
        .filter(|c| {
            !('\u{300}'..='\u{36f}').contains(c) && !matches!(c, '\'' | '\u{2019}' | '\u{2018}')
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// The words of already folded text.
pub fn words(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
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
    fn id_tokens_are_canonical() {
        assert_eq!(id_token("SMS-4.2"), "sms-4-2");
        assert_eq!(id_token("GP-1"), "gp-1");
        assert_eq!(id_token("DEF-SMS"), "def-sms");
    }
}
