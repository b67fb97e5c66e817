//! Randomness: splitmix64, one stream per file, and the tags that give each kind of file its
//! own family of streams.

/// splitmix64 (Steele, Lea and Flood 2014): tiny, fast, and good enough for synthetic text.
pub(super) struct Rng(u64);

/// Stream tags: each file kind draws from its own family of streams.
pub(super) const LAYOUT: u64 = 1;
pub(super) const LESSON: u64 = 2;
pub(super) const MODULE: u64 = 3;
pub(super) const COMPETENCY: u64 = 4;
pub(super) const RESOURCE: u64 = 5;
pub(super) const LIST: u64 = 6;
pub(super) const FIXED: u64 = 7;
pub(super) const QUIZ: u64 = 8;

impl Rng {
    pub(super) fn new(seed: u64, tag: u64, index: usize) -> Rng {
        let mut stream = Rng((tag << 40) ^ index as u64 ^ 0x5851_F42D_4C95_7F2D);
        let mut rng = Rng(seed ^ stream.next());
        rng.next();
        rng
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub(super) fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next()) * n as u128) >> 64) as usize
    }

    /// A number in `lo..=hi`.
    pub(super) fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True with probability `num / den`.
    pub(super) fn chance(&mut self, num: usize, den: usize) -> bool {
        self.below(den) < num
    }

    pub(super) fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    /// `k` distinct numbers of `0..n`, in the order drawn (`k` is capped at `n`).
    pub(super) fn distinct(&mut self, k: usize, n: usize) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::with_capacity(k);
        while out.len() < k.min(n) {
            let x = self.below(n);
            if !out.contains(&x) {
                out.push(x);
            }
        }
        out
    }
}
