//! Self-assessment quizzes: the question model, its two authoring formats (TOML front matter
//! and Moodle GIFT), and what the browser needs to mark answers.

pub mod entry;
pub mod gift;
pub mod model;

pub use model::{Answer, Choice, Question, QuizError};

/// A stable fingerprint of a question's content: saved answers are keyed by question ID and
/// this version, so editing a question resets only that question's saved answer.
pub fn version(q: &Question) -> String {
    let mut canonical = q.clone();
    canonical.span = 0..0;
    let text = format!("{canonical:?}");
    // FNV-1a, 64 bits: small, fast, and the same on every platform.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{hash:016x}")
}
