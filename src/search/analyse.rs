//! Turns documents into postings: each document's terms with their frequency per field, and each
//! field's length. Documents are analysed in chunks, in parallel; a chunk remembers what every
//! word it met became (a term, or nothing for a stop word), so each distinct word is folded,
//! checked and stemmed once per chunk, and terms are small integers rather than strings.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::tokenizer::{fold, is_stop_word, stem, words};
use super::Doc;

/// Fields in scoring order: ids, title, authors, headings, tags, body.
pub const FIELDS: usize = 6;
/// The fewest documents per analysis chunk: enough that words repeat within it.
const CHUNK: usize = 256;
/// Chunks per thread on a large site: each chunk folds, checks and stems every distinct word
/// it meets again, so fewer and larger chunks do less work; a few per thread still spread
/// evenly.
const CHUNKS_PER_THREAD: usize = 4;
const STOP: u32 = u32::MAX;

/// One document's occurrences of one term, per field (saturating: BM25 flattens high counts).
#[derive(Clone, Copy)]
pub struct Posting {
    /// Index of the document in analysis order.
    pub doc: u32,
    pub freqs: [u8; FIELDS],
}

/// Every term of the collection with its postings (documents ascending), plus per-document
/// field lengths.
pub struct Analysis {
    pub terms: Vec<String>,
    pub postings: Vec<Vec<Posting>>,
    pub lengths: Vec<[f32; FIELDS]>,
}

struct Chunk {
    terms: Vec<String>,
    postings: Vec<Vec<Posting>>,
    lengths: Vec<[f32; FIELDS]>,
}

#[derive(Default)]
struct Interner {
    /// A folded word -> its term, or STOP.
    words: FxHashMap<String, u32>,
    /// A term's text -> its number in this chunk.
    ids: FxHashMap<String, u32>,
    terms: Vec<String>,
}

impl Interner {
    fn term(&mut self, text: &str) -> u32 {
        if let Some(&id) = self.ids.get(text) {
            return id;
        }
        let id = self.terms.len() as u32;
        self.terms.push(text.to_string());
        self.ids.insert(text.to_string(), id);
        id
    }

    fn word(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.words.get(word) {
            return id;
        }
        let id = if is_stop_word(word) {
            STOP
        } else {
            self.term(&stem(word))
        };
        self.words.insert(word.to_string(), id);
        id
    }
}

fn analyse_chunk(first: usize, docs: &[&Doc]) -> Chunk {
    let mut interner = Interner::default();
    let mut postings: Vec<Vec<Posting>> = Vec::new();
    let mut lengths = Vec::with_capacity(docs.len());
    // Per term of the current document: its counts, and which terms were touched.
    let mut counts: Vec<[u32; FIELDS]> = Vec::new();
    let mut touched: Vec<u32> = Vec::new();
    for (k, d) in docs.iter().enumerate() {
        let mut length = [0f32; FIELDS];
        let mut count = |id: u32, field: usize, counts: &mut Vec<[u32; FIELDS]>| {
            let i = id as usize;
            if i >= counts.len() {
                counts.resize(i + 1, [0; FIELDS]);
            }
            if counts[i] == [0; FIELDS] {
                touched.push(id);
            }
            counts[i][field] += 1;
            length[field] += 1.0;
        };
        for id in &d.ids {
            let id = interner.term(id);
            count(id, 0, &mut counts);
        }
        let texts: [&str; 5] = [&d.title, &d.authors, &d.headings, &d.tags, &d.text];
        for (f, text) in texts.into_iter().enumerate() {
            let folded = fold(text);
            for w in words(&folded) {
                let id = interner.word(w);
                if id != STOP {
                    count(id, f + 1, &mut counts);
                }
            }
        }
        lengths.push(length);
        if postings.len() < interner.terms.len() {
            postings.resize_with(interner.terms.len(), Vec::new);
        }
        for &id in &touched {
            let c = &mut counts[id as usize];
            postings[id as usize].push(Posting {
                doc: (first + k) as u32,
                freqs: c.map(|n| n.min(255) as u8),
            });
            *c = [0; FIELDS];
        }
        touched.clear();
    }
    postings.resize_with(interner.terms.len(), Vec::new);
    Chunk {
        terms: interner.terms,
        postings,
        lengths,
    }
}

/// Documents per chunk for `docs` documents on `threads` threads.
fn chunk_size(docs: usize, threads: usize) -> usize {
    docs.div_ceil(threads.max(1) * CHUNKS_PER_THREAD).max(CHUNK)
}

/// Analyses `docs` in parallel; terms come out in first-seen order, postings by document.
pub fn analyse(docs: &[&Doc]) -> Analysis {
    let size = chunk_size(docs.len(), rayon::current_num_threads());
    let chunks: Vec<Chunk> = docs
        .par_chunks(size)
        .enumerate()
        .map(|(n, chunk)| analyse_chunk(n * size, chunk))
        .collect();
    // Number the terms across chunks and count each one's postings, so that every list is
    // allocated once at its final size (postings are most of the index's memory).
    let mut ids: FxHashMap<&str, u32> = FxHashMap::default();
    let mut sizes: Vec<usize> = Vec::new();
    let numbers: Vec<Vec<u32>> = chunks
        .iter()
        .map(|chunk| {
            chunk
                .terms
                .iter()
                .zip(&chunk.postings)
                .map(|(term, list)| {
                    let next = sizes.len() as u32;
                    let id = *ids.entry(term).or_insert(next);
                    if id == next {
                        sizes.push(0);
                    }
                    sizes[id as usize] += list.len();
                    id
                })
                .collect()
        })
        .collect();
    let mut terms: Vec<String> = vec![String::new(); sizes.len()];
    for (&term, &id) in &ids {
        terms[id as usize] = term.to_string();
    }
    drop(ids);
    let mut out = Analysis {
        terms,
        postings: sizes.into_iter().map(Vec::with_capacity).collect(),
        lengths: Vec::with_capacity(docs.len()),
    };
    for (chunk, numbers) in chunks.into_iter().zip(numbers) {
        for (list, id) in chunk.postings.into_iter().zip(numbers) {
            out.postings[id as usize].extend(list);
        }
        out.lengths.extend(chunk.lengths);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn large_collections_are_analysed_in_a_few_chunks_per_thread() {
        assert_eq!(chunk_size(1_000, 2), CHUNK);
        assert_eq!(chunk_size(55_000, 2), 6_875);
        assert_eq!(chunk_size(55_000, 1), 13_750);
        assert_eq!(chunk_size(0, 0), CHUNK);
    }

    #[test]
    fn terms_are_counted_per_field_across_chunks() {
        let docs: Vec<Doc> = (0..CHUNK + 3)
            .map(|i| Doc {
                title: "Coaching".into(),
                text: format!("the coach coached caregivers {i}").into(),
                ids: vec!["sms-1".into()],
                ..Doc::default()
            })
            .collect();
        let refs: Vec<&Doc> = docs.iter().collect();
        let a = analyse(&refs);
        let coach = a.terms.iter().position(|t| t == "coach").unwrap();
        assert_eq!(a.postings[coach].len(), CHUNK + 3);
        let last = a.postings[coach].last().unwrap();
        assert_eq!(last.doc as usize, CHUNK + 2);
        assert_eq!(last.freqs, [0, 1, 0, 0, 0, 2]);
        let id = a.terms.iter().position(|t| t == "sms-1").unwrap();
        assert_eq!(a.postings[id][0].freqs[0], 1);
        // "the" is a stop word: not a term, not counted in the body's length.
        assert!(!a.terms.iter().any(|t| t == "the"));
        assert_eq!(a.lengths[0], [1.0, 1.0, 0.0, 0.0, 0.0, 4.0]);
    }
}
