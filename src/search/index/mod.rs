//! Scores every (term, document) pair once with BM25F, then writes the index as files: a small
//! meta file, term shards (sorted terms, split by size so a one-term query fetches one shard),
//! and fragments (what a result shows). Each file is a script that registers itself with
//! `trellisSearch`, which is how the client loads it from disk as well as over HTTP.

mod fragment;
mod json;

use rayon::prelude::*;
use std::time::Instant;

use serde::Serialize;

use super::analyse::{analyse, Posting, FIELDS};
use super::tokenizer::STOP_WORDS;
use super::Doc;
use fragment::fragment;
use json::push_json_str;

/// Field weights (ids, title, authors, headings, tags, body): an ID or title match counts far
/// more than a body match. An author search ("Lorig 2014") finds the works themselves before
/// passages that cite them.
const WEIGHTS: [f64; FIELDS] = [20.0, 5.0, 8.0, 2.0, 1.0, 1.0];
/// The curriculum's own items are what most searches are after: a small prior by kind.
fn kind_prior(kind: &str) -> f64 {
    match kind {
        "competency" => 1.5,
        "objective" => 1.3,
        "framework" => 1.2,
        _ => 1.0,
    }
}
const K1: f64 = 1.2;
const B: f64 = 0.75;
/// A term keeps its best postings only: enough for any result list, bounded for shard size.
const MAX_POSTINGS: usize = 500;
/// Target size of one term shard, in bytes.
const SHARD_BYTES: usize = 12_000;
/// Documents per fragment group; a document's number is `group * GROUP + item`.
pub const GROUP: usize = 64;

#[derive(Debug, Default)]
pub struct Stats {
    pub docs: usize,
    pub terms: usize,
    pub shards: usize,
    /// Bytes of meta and term shards (what queries fetch), and of fragments (what results show).
    pub index_bytes: usize,
    pub fragment_bytes: usize,
    pub largest_shard: usize,
    pub meta_bytes: usize,
    pub millis: u128,
}

pub struct Index {
    /// (output path, file text)
    pub files: Vec<(String, String)>,
    pub stats: Stats,
}

#[derive(Serialize)]
struct Meta<'a> {
    v: u32,
    docs: usize,
    group: usize,
    stop: &'a [&'a str],
    shards: Vec<&'a str>,
}

/// Splits groups longer than GROUP, so every document number fits the scheme.
fn regroup(groups: Vec<Vec<Doc>>) -> Vec<Vec<Doc>> {
    let mut out = Vec::with_capacity(groups.len());
    for mut g in groups {
        while g.len() > GROUP {
            let rest = g.split_off(GROUP);
            out.push(g);
            g = rest;
        }
        out.push(g);
    }
    out
}

/// Builds the index of `groups` and keeps its files in memory.
pub fn build_index(groups: Vec<Vec<Doc>>) -> Index {
    let mut files = Vec::new();
    let stats = write_index(groups, |path, text| files.push((path, text)));
    Index { files, stats }
}

/// Builds the index of `groups`, handing each file (output path, text) to `emit` as soon as it
/// is made: the result text of a large site is tens of megabytes, which need not all be held.
pub fn write_index(groups: Vec<Vec<Doc>>, mut emit: impl FnMut(String, String)) -> Stats {
    let start = Instant::now();
    let groups = regroup(groups);
    let docs: Vec<(usize, &Doc)> = groups
        .iter()
        .enumerate()
        .flat_map(|(g, items)| {
            items
                .iter()
                .enumerate()
                .map(move |(j, d)| (g * GROUP + j, d))
        })
        .collect();

    // Per document, in parallel: each term's frequency in each field, and the field lengths.
    let refs: Vec<&Doc> = docs.iter().map(|(_, d)| *d).collect();
    let analysis = analyse(&refs);
    let n = docs.len().max(1) as f64;
    let mut avg = [0f64; FIELDS];
    for lengths in &analysis.lengths {
        for (f, len) in lengths.iter().enumerate() {
            avg[f] += f64::from(*len);
        }
    }
    for a in &mut avg {
        *a = (*a / n).max(1.0);
    }
    let priors: Vec<f64> = refs.iter().map(|d| kind_prior(d.kind)).collect();
    let lengths = analysis.lengths;

    // BM25F: per field saturation, weighted sum, times the term's idf and the kind prior;
    // terms in sorted order for the shards. Each term's raw postings are dropped as soon as it
    // is scored and cut to its best MAX_POSTINGS, so the two never coexist for the whole index.
    let mut entries: Vec<(String, Vec<Posting>)> =
        analysis.terms.into_iter().zip(analysis.postings).collect();
    entries.par_sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let postings: Vec<(String, Vec<(u32, u32)>)> = entries
        .into_par_iter()
        .map(|(term, hits)| {
            let df = hits.len() as f64;
            let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
            let mut list: Vec<(u32, u32)> = hits
                .iter()
                .map(|p| {
                    let k = p.doc as usize;
                    let lengths = &lengths[k];
                    let mut score = 0.0;
                    for f in 0..FIELDS {
                        let tf = f64::from(p.freqs[f]);
                        if tf > 0.0 {
                            let norm = 1.0 - B + B * f64::from(lengths[f]) / avg[f];
                            score += WEIGHTS[f] * tf * (K1 + 1.0) / (tf + K1 * norm);
                        }
                    }
                    (
                        docs[k].0 as u32,
                        ((score * idf * priors[k] * 10.0).round() as u32).max(1),
                    )
                })
                .collect();
            drop(hits);
            if list.len() > MAX_POSTINGS {
                // The best by score, ties by document: a total order, so selecting them gives
                // the set a full sort would, without sorting the rest.
                list.select_nth_unstable_by(MAX_POSTINGS - 1, |a, b| {
                    b.1.cmp(&a.1).then(a.0.cmp(&b.0))
                });
                list.truncate(MAX_POSTINGS);
                list.shrink_to_fit();
                // Documents are unique in a list.
                list.sort_unstable_by_key(|p| p.0);
            }
            (term, list)
        })
        .collect();

    // Shards of consecutive terms, each about SHARD_BYTES.
    let mut firsts: Vec<&str> = Vec::new();
    let mut shard: Vec<String> = Vec::new();
    let mut size = 0;
    let mut stats = Stats {
        docs: docs.len(),
        terms: postings.len(),
        ..Stats::default()
    };
    let mut flush = |shard: &mut Vec<String>, stats: &mut Stats| {
        let id = stats.shards;
        stats.shards += 1;
        let text = format!("trellisSearch.shard({id},{{{}}});\n", shard.join(","));
        stats.index_bytes += text.len();
        stats.largest_shard = stats.largest_shard.max(text.len());
        emit(format!("search/s/{id}.js"), text);
        shard.clear();
    };
    for (term, list) in &postings {
        let entry = encode(term, list);
        if !shard.is_empty() && size + entry.len() > SHARD_BYTES {
            flush(&mut shard, &mut stats);
            size = 0;
        }
        if shard.is_empty() {
            firsts.push(term);
        }
        size += entry.len() + 1;
        shard.push(entry);
    }
    if !shard.is_empty() {
        flush(&mut shard, &mut stats);
    }

    let meta = Meta {
        v: 1,
        docs: docs.len(),
        group: GROUP,
        stop: STOP_WORDS,
        shards: firsts,
    };
    let meta_text = format!(
        "trellisSearch.meta({});\n",
        serde_json::to_string(&meta).unwrap_or_default()
    );
    stats.meta_bytes = meta_text.len();
    stats.index_bytes += meta_text.len();
    emit("search/meta.js".into(), meta_text);

    for (g, items) in groups.iter().enumerate() {
        let text = fragment(g, items);
        stats.fragment_bytes += text.len();
        emit(format!("search/f/{g}.js"), text);
    }
    stats.millis = start.elapsed().as_millis();
    stats
}

/// `"term":[d0,s0,d1-d0,s1,...]`: document numbers delta-coded, each followed by its score.
fn encode(term: &str, list: &[(u32, u32)]) -> String {
    let mut out = String::with_capacity(term.len() + 4 + list.len() * 8);
    push_json_str(&mut out, term);
    out.push_str(":[");
    let mut digits = itoa::Buffer::new();
    let mut prev = 0;
    for (k, (doc, score)) in list.iter().enumerate() {
        if k > 0 {
            out.push(',');
        }
        out.push_str(digits.format(doc - prev));
        out.push(',');
        out.push_str(digits.format(*score));
        prev = *doc;
    }
    out.push(']');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) fn doc(title: &str, text: &str) -> Doc<'static> {
        Doc {
            title: title.into(),
            text: text.to_string().into(),
            url: "x".into(),
            kind: "page",
            ..Doc::default()
        }
    }

    fn shard_terms(index: &Index) -> String {
        index
            .files
            .iter()
            .filter(|(p, _)| p.starts_with("search/s/"))
            .map(|(_, t)| t.as_str())
            .collect()
    }

    #[test]
    fn title_matches_score_above_body_matches() {
        let index = build_index(vec![vec![
            doc("Caregiver stress", "About families."),
            doc("Families", "Caregiver stress is common."),
        ]]);
        let shards = shard_terms(&index);
        let entry = shards.split("\"caregiv\":[").nth(1).unwrap();
        let nums: Vec<u32> = entry
            .split(']')
            .next()
            .unwrap()
            .split(',')
            .map(|n| n.parse().unwrap())
            .collect();
        assert_eq!(nums.len(), 4, "{entry}");
        assert!(
            nums[1] > nums[3],
            "title score {} should beat body score {}",
            nums[1],
            nums[3]
        );
    }

    #[test]
    fn documents_are_numbered_by_group_and_item() {
        let groups = vec![
            vec![doc("a", "alpha")],
            vec![doc("b", "alpha"), doc("c", "alpha")],
        ];
        let index = build_index(groups);
        let shards = shard_terms(&index);
        assert!(shards.contains("\"alpha\":[0,"), "{shards}");
        // group 1 item 0 is 64, item 1 is 65: deltas 64 then 1
        assert!(
            shards.contains(",64,") && shards.contains(",1,"),
            "{shards}"
        );
        assert!(index
            .files
            .iter()
            .any(|(p, t)| p == "search/f/1.js" && t.starts_with("trellisSearch.frag(1,[")));
    }

    #[test]
    fn shards_split_by_size_and_meta_lists_their_first_terms() {
        let docs: Vec<Doc> = (0..200)
            .map(|i| doc(&format!("w{i:03}x"), &format!("word{i:04} filler text {i}")))
            .collect();
        let index = build_index(
            docs.chunks(60)
                .map(|c| c.iter().map(|d| doc(&d.title, &d.text)).collect())
                .collect(),
        );
        assert!(index.stats.shards >= 1);
        let meta = &index
            .files
            .iter()
            .find(|(p, _)| p == "search/meta.js")
            .unwrap()
            .1;
        assert!(meta
            .starts_with("trellisSearch.meta({\"v\":1,\"docs\":200,\"group\":64,\"stop\":[\"a\","));
        assert!(index.stats.largest_shard < SHARD_BYTES * 2);
    }

    #[test]
    fn long_postings_keep_the_best() {
        // 540 of 1,100 documents use the term, 1 to 7 times: 40 must go, all of them from
        // the 78 that use it once, and of those the ones with the highest numbers.
        let docs: Vec<Doc> = (0..1100)
            .map(|i| match i < MAX_POSTINGS + 40 {
                true => doc("t", &"common ".repeat(1 + i % 7)),
                false => doc("t", "other"),
            })
            .collect();
        let index = build_index(
            docs.chunks(GROUP)
                .map(|c| c.iter().map(|d| doc(&d.title, &d.text)).collect())
                .collect(),
        );
        let shards = shard_terms(&index);
        let entry = shards
            .split("\"common\":[")
            .nth(1)
            .unwrap()
            .split(']')
            .next()
            .unwrap();
        assert_eq!(entry.split(',').count(), MAX_POSTINGS * 2);
        let numbers: Vec<u32> = entry.split(',').map(|n| n.parse().unwrap()).collect();
        let mut doc = 0;
        let kept: Vec<(u32, u32)> = numbers
            .chunks(2)
            .map(|pair| {
                doc += pair[0];
                (doc, pair[1])
            })
            .collect();
        assert!(kept.windows(2).all(|w| w[0].0 < w[1].0), "documents ascend");
        let lowest = kept.iter().map(|p| p.1).min().unwrap();
        let once: Vec<u32> = kept.iter().filter(|p| p.1 == lowest).map(|p| p.0).collect();
        assert_eq!(once.len(), 78 - 40);
        assert!(once.iter().all(|&d| d < 7 * 38), "{once:?}");
    }
}
