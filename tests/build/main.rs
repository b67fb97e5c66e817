//! What `trellis build` produces from fixture sites: the HTML a reader gets, the files beside it,
//! and what the command line does with its options.
//!
//! Most tests read one shared build of `tests/fixtures/curriculum` (see [`curriculum`]); tests
//! that change the site or the command line build their own copy.

#[path = "../harness/mod.rs"]
mod harness;

mod cli;
mod determinism;
mod html;
mod links;
mod sections;
mod taxonomies;
mod themes;

use std::sync::OnceLock;

use harness::{Run, Site};

/// The curriculum fixture, built once for every test that only reads its output.
fn curriculum() -> &'static Run {
    static BUILT: OnceLock<Run> = OnceLock::new();
    BUILT.get_or_init(|| Site::fixture_for_static("curriculum").build().success())
}

/// Asserts that two snapshots hold the same files with the same bytes, naming the differences.
#[track_caller]
fn assert_same_output(
    a: &std::collections::BTreeMap<String, Vec<u8>>,
    b: &std::collections::BTreeMap<String, Vec<u8>>,
) {
    let only_a: Vec<&String> = a.keys().filter(|k| !b.contains_key(*k)).collect();
    let only_b: Vec<&String> = b.keys().filter(|k| !a.contains_key(*k)).collect();
    let differ: Vec<&String> = a
        .iter()
        .filter(|(k, v)| b.get(*k).is_some_and(|w| w != *v))
        .map(|(k, _)| k)
        .collect();
    assert!(
        only_a.is_empty() && only_b.is_empty() && differ.is_empty(),
        "outputs differ\nonly in the first: {only_a:?}\nonly in the second: {only_b:?}\ndifferent bytes: {differ:?}"
    );
    assert!(!a.is_empty(), "the output is empty");
}
