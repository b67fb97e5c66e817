//! Stems whitespace-separated words from stdin with the index's stemmer (rust-stemmers, English)
//! and prints `word<TAB>stem` per line: the reference that the browser stemmer is tested against
//! (tests/browser/stemmer.test.mjs).

use std::io::{self, Read, Write};

use rust_stemmers::{Algorithm, Stemmer};

fn main() -> io::Result<()> {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input)?;
    let stemmer = Stemmer::create(Algorithm::English);
    let mut out = io::BufWriter::new(io::stdout().lock());
    for word in input.split_whitespace() {
        writeln!(out, "{word}\t{}", stemmer.stem(word))?;
    }
    out.flush()
}
