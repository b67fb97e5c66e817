//! Readability (health literacy): Flesch Reading Ease, Flesch-Kincaid grade and SMOG grade of a
//! page's prose, with the sentences that are hardest to read.
//!
//! Words are runs of text between spaces that hold a letter or digit; a hyphenated word is one
//! word whose syllables are those of its parts. Syllables are counted with English spelling
//! rules (vowel groups, silent final `e`, `-es`/`-ed` endings) and a short list of exceptions;
//! numbers count one syllable, and an acronym one per letter (`W` three).

use super::source::{Prose, BLOCK};

/// Word, sentence and syllable counts of some prose.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Counts {
    pub words: usize,
    pub sentences: usize,
    pub syllables: usize,
    /// Words of three or more syllables (for SMOG).
    pub polysyllables: usize,
}

impl Counts {
    /// 206.835 - 1.015 x words/sentence - 84.6 x syllables/word.
    pub fn flesch_reading_ease(&self) -> f64 {
        if self.words == 0 {
            return 0.0;
        }
        206.835 - 1.015 * self.words_per_sentence() - 84.6 * self.syllables_per_word()
    }

    /// 0.39 x words/sentence + 11.8 x syllables/word - 15.59.
    pub fn flesch_kincaid_grade(&self) -> f64 {
        if self.words == 0 {
            return 0.0;
        }
        0.39 * self.words_per_sentence() + 11.8 * self.syllables_per_word() - 15.59
    }

    /// 1.0430 x sqrt(polysyllables x 30/sentences) + 3.1291.
    pub fn smog(&self) -> f64 {
        if self.sentences == 0 {
            return 0.0;
        }
        1.0430 * (self.polysyllables as f64 * 30.0 / self.sentences as f64).sqrt() + 3.1291
    }

    fn words_per_sentence(&self) -> f64 {
        self.words as f64 / self.sentences.max(1) as f64
    }

    fn syllables_per_word(&self) -> f64 {
        self.syllables as f64 / self.words.max(1) as f64
    }

    fn add(&mut self, other: Counts) {
        self.words += other.words;
        self.sentences += other.sentences;
        self.syllables += other.syllables;
        self.polysyllables += other.polysyllables;
    }
}

/// A sentence that is hard to read: where it starts in the file, its text, its grade.
#[derive(Clone, Debug)]
pub struct Hard {
    pub offset: usize,
    pub text: String,
    pub grade: f64,
}

/// The readability of a page's prose.
#[derive(Clone, Debug, Default)]
pub struct Score {
    pub counts: Counts,
    /// The three hardest sentences, hardest first.
    pub hardest: Vec<Hard>,
}

/// Scores `prose`.
pub fn score(prose: &Prose) -> Score {
    let mut total = Counts::default();
    let mut ranked: Vec<(f64, std::ops::Range<usize>)> = Vec::new();
    for range in sentences(&prose.text) {
        let counts = count(&prose.text[range.clone()]);
        if counts.words == 0 {
            continue;
        }
        total.add(counts);
        ranked.push((counts.flesch_kincaid_grade(), range));
    }
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.start.cmp(&b.1.start)));
    let hardest = ranked
        .into_iter()
        .take(3)
        .map(|(grade, range)| Hard {
            offset: prose.source_offset(range.start),
            text: excerpt(&prose.text[range]),
            grade,
        })
        .collect();
    Score {
        counts: total,
        hardest,
    }
}

/// The counts of one sentence.
pub fn count(sentence: &str) -> Counts {
    let mut c = Counts {
        sentences: 1,
        ..Counts::default()
    };
    for word in sentence.split_whitespace().filter_map(word) {
        let s = syllables(word);
        c.words += 1;
        c.syllables += s;
        c.polysyllables += usize::from(s >= 3);
    }
    c
}

/// The word in a whitespace-separated token, without surrounding punctuation; `None` when it
/// has no letter or digit (a dash, a bullet).
fn word(token: &str) -> Option<&str> {
    let w = token.trim_matches(|c: char| !c.is_alphanumeric());
    (!w.is_empty()).then_some(w)
}

/// Byte ranges of the sentences of `text`: ended by `.`, `!` or `?` before a space (not after
/// an abbreviation or an initial), or by the end of a block.
pub fn sentences(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let push = |from: usize, to: usize, out: &mut Vec<std::ops::Range<usize>>| {
        let piece = &text[from..to];
        let lead = piece.len() - piece.trim_start().len();
        let trail = piece.trim_end().len();
        if trail > lead {
            out.push(from + lead..from + trail);
        }
    };
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (n, &(i, c)) in chars.iter().enumerate() {
        if c == BLOCK {
            push(start, i, &mut out);
            start = i + c.len_utf8();
            continue;
        }
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        // Closing quotes and brackets belong to the sentence they end.
        let mut m = n + 1;
        while m < chars.len()
            && matches!(chars[m].1, '"' | '\'' | ')' | ']' | '\u{201d}' | '\u{2019}')
        {
            m += 1;
        }
        let at_break = m == chars.len() || chars[m].1.is_whitespace() || chars[m].1 == BLOCK;
        if !at_break || (c == '.' && is_abbreviation(&text[start..i])) {
            continue;
        }
        let end = chars.get(m).map_or(text.len(), |x| x.0);
        push(start, end, &mut out);
        start = end;
    }
    push(start, text.len(), &mut out);
    out
}

/// Whether the word before a full stop is an abbreviation or an initial, not a sentence's end.
fn is_abbreviation(before: &str) -> bool {
    let last = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    const ABBREVIATIONS: [&str; 14] = [
        "e.g", "i.e", "al", "etc", "vs", "cf", "dr", "mr", "mrs", "ms", "st", "pp", "no", "fig",
    ];
    ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(last))
        || (last.chars().count() == 1 && last.chars().all(|c| c.is_uppercase()))
}

/// Words whose spelling rules miscount.
const EXCEPTIONS: &[(&str, usize)] = &[
    ("area", 3),
    ("being", 2),
    ("caregiver", 3),
    ("create", 2),
    ("created", 3),
    ("creates", 2),
    ("everyone", 3),
    ("idea", 3),
    ("lifestyle", 2),
    ("ongoing", 3),
    ("science", 2),
    ("someone", 2),
    ("something", 2),
    ("sometimes", 2),
    ("every", 2),
    ("different", 3),
    ("family", 3),
    ("business", 2),
    ("evening", 2),
    ("interest", 3),
    ("several", 3),
];

/// The syllables of one word.
pub fn syllables(word: &str) -> usize {
    let separators = ['-', '/', '\u{2013}'];
    if word.contains(separators) {
        return word
            .split(separators)
            .filter(|p| !p.is_empty())
            .map(syllables)
            .sum::<usize>()
            .max(1);
    }
    let (mut letters, mut upper) = (0, 0);
    for c in word.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        upper += usize::from(c.is_uppercase());
    }
    if letters == 0 {
        return 1;
    }
    if letters >= 2 && upper == letters {
        return word
            .chars()
            .filter(|c| c.is_alphabetic())
            .map(|c| if c == 'W' { 3 } else { 1 })
            .sum();
    }
    let stem = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("\u{2019}s"))
        .unwrap_or(word);
    // Most words are short and ASCII: lower-case them on the stack.
    let mut buf = [0u8; 40];
    let mut n = 0;
    let ascii = stem.len() <= buf.len() && stem.is_ascii();
    let owned: String;
    let w: &str = if ascii {
        for b in stem.bytes().filter(u8::is_ascii_alphabetic) {
            buf[n] = b.to_ascii_lowercase();
            n += 1;
        }
        std::str::from_utf8(&buf[..n]).unwrap_or("")
    } else {
        owned = stem
            .chars()
            .filter(|c| c.is_alphabetic())
            .flat_map(char::to_lowercase)
            .collect();
        &owned
    };
    let plural = w.strip_suffix('s').filter(|s| s.len() > 3);
    for candidate in [Some(w), plural].into_iter().flatten() {
        if let Some((_, n)) = EXCEPTIONS.iter().find(|(e, _)| *e == candidate) {
            return *n;
        }
    }
    english(w)
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

/// Vowel groups, less silent endings, plus vowel pairs said as two syllables.
fn english(w: &str) -> usize {
    let b = w.as_bytes();
    if b.len() <= 3 {
        return 1;
    }
    let mut end = b.len();
    let before = |n: usize| b.get(end.wrapping_sub(n)).copied().unwrap_or(b'a');
    let silent_es =
        w.ends_with("es") && !matches!(before(3), b's' | b'x' | b'z' | b'c' | b'g' | b'h');
    let silent_ed = w.ends_with("ed") && !matches!(before(3), b't' | b'd');
    // `-le` after a consonant is a syllable of its own (ta-ble, peo-ple).
    let syllabic_le = w.ends_with("le") && !is_vowel(before(3));
    if silent_es || silent_ed {
        end -= 2;
    } else if w.ends_with('e') && !syllabic_le && !w.ends_with("ee") {
        end -= 1;
    }
    let stem = &b[..end];
    let mut count = 0;
    let mut prev_vowel = false;
    for (i, &c) in stem.iter().enumerate() {
        // A `y` before a vowel at the start of a word is a consonant (`you`, `year`).
        let vowel = is_vowel(c) && !(c == b'y' && i == 0);
        if vowel && !prev_vowel {
            count += 1;
        }
        prev_vowel = vowel;
    }
    // Vowel pairs said as two syllables (me-di-a, us-u-al, cli-ent), except after the letters
    // that make them one (so-cial, qual-i-ty, pa-tient).
    let split_pair = |pair: &[u8], not_after: &[u8]| {
        stem.windows(pair.len())
            .enumerate()
            .filter(|(i, w)| *w == pair && (*i == 0 || !not_after.contains(&stem[i - 1])))
            .count()
    };
    count += split_pair(b"ia", b"ctsgx");
    count += split_pair(b"iou", b"ctsgx");
    count += split_pair(b"ua", b"qg");
    count += split_pair(b"ient", b"cts") + split_pair(b"ienc", b"cts");
    // A silent `e` before a suffix: manag(e)ment, complet(e)ly, car(e)ful.
    for (suffix, not_after) in [
        ("ement", "l"),
        ("ely", ""),
        ("eful", ""),
        ("eless", ""),
        ("eness", ""),
    ] {
        if let Some(head) = w.strip_suffix(suffix) {
            let before = head.bytes().last().unwrap_or(b'a');
            if head.len() > 1 && !is_vowel(before) && !not_after.as_bytes().contains(&before) {
                count = count.saturating_sub(1);
            }
        }
    }
    count.max(1)
}

/// A sentence shortened for a report line.
fn excerpt(sentence: &str) -> String {
    let one_line: String = sentence.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= 90 {
        return one_line;
    }
    let cut: String = one_line.chars().take(87).collect();
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests;
