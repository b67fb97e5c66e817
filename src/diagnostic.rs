//! User-facing errors about content: a message, a source position, the offending line with a
//! caret, and a hint. A build collects every diagnostic before it reports, so an author sees all
//! of a build's problems at once.

use std::fmt::{self, Write as _};
use std::path::{Path, PathBuf};

/// Where in a source file something is, as a byte range into the whole file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    pub path: PathBuf,
    pub start: usize,
    pub end: usize,
}

/// One problem found in a site's sources. Boxed, so results that carry one stay small.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic(Box<Inner>);

/// How serious a finding is. Build and load problems are always errors; each `trellis check`
/// rule has a level set in site.toml.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    #[default]
    Error,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Inner {
    severity: Severity,
    /// The `trellis check` rule that found it (`broken-link`), if any.
    rule: Option<&'static str>,
    message: String,
    /// Further lines shown under the hint (e.g. the hardest sentences of a page).
    notes: Vec<String>,
    location: Option<Location>,
    hint: Option<String>,
    /// Resolved for display once the source text is known: (line, column, line text).
    position: Option<(usize, usize, String)>,
    width: usize,
}

impl Diagnostic {
    pub fn new(message: impl Into<String>) -> Self {
        Diagnostic(Box::new(Inner {
            severity: Severity::Error,
            rule: None,
            message: message.into(),
            notes: Vec::new(),
            location: None,
            hint: None,
            position: None,
            width: 1,
        }))
    }

    pub fn message(&self) -> &str {
        &self.0.message
    }

    /// The same diagnostic with another message.
    pub fn with_message(mut self, message: impl Into<String>) -> Self {
        self.0.message = message.into();
        self
    }

    /// A finding of a `trellis check` rule, at the rule's configured level.
    pub fn rule(mut self, rule: &'static str, severity: Severity) -> Self {
        self.0.rule = Some(rule);
        self.0.severity = severity;
        self
    }

    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.0.notes.push(note.into());
        self
    }

    pub fn severity(&self) -> Severity {
        self.0.severity
    }

    pub fn rule_name(&self) -> Option<&'static str> {
        self.0.rule
    }

    pub fn hint_text(&self) -> Option<&str> {
        self.0.hint.as_deref()
    }

    pub fn notes(&self) -> &[String] {
        &self.0.notes
    }

    /// The file it concerns, if any.
    pub fn file(&self) -> Option<&Path> {
        self.0.location.as_ref().map(|l| l.path.as_path())
    }

    /// 1-based line and column, when it points into a file.
    pub fn line_col(&self) -> Option<(usize, usize)> {
        self.0.position.as_ref().map(|(l, c, _)| (*l, *c))
    }

    /// Points at `span` (byte offsets into `source`, the whole text of `path`).
    pub fn at(mut self, path: &Path, source: &str, span: std::ops::Range<usize>) -> Self {
        let start = floor_char_boundary(source, span.start);
        let end = floor_char_boundary(source, span.end.max(start));
        let (line, col, text) = line_col(source, start);
        let line_end = start + source[start..].find('\n').unwrap_or(source.len() - start);
        self.0.width = source[start..end.min(line_end)].chars().count().max(1);
        self.0.position = Some((line, col, text.to_string()));
        self.0.location = Some(Location {
            path: path.to_path_buf(),
            start,
            end,
        });
        self
    }

    /// Names a file without a position in it.
    pub fn in_file(mut self, path: &Path) -> Self {
        self.0.location = Some(Location {
            path: path.to_path_buf(),
            start: 0,
            end: 0,
        });
        self
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.0.hint = Some(hint.into());
        self
    }

    /// `path:line:col`, or just the path, or nothing.
    pub fn origin(&self) -> Option<String> {
        let loc = self.0.location.as_ref()?;
        Some(match &self.0.position {
            Some((line, col, _)) => format!("{}:{line}:{col}", loc.path.display()),
            None => loc.path.display().to_string(),
        })
    }

    pub fn sort_key(&self) -> (Option<&Path>, usize) {
        (
            self.0.location.as_ref().map(|l| l.path.as_path()),
            self.0.location.as_ref().map_or(0, |l| l.start),
        )
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = self.0.severity.name();
        match self.0.rule {
            Some(rule) => writeln!(f, "{severity}[{rule}]: {}", self.0.message)?,
            None => writeln!(f, "{severity}: {}", self.0.message)?,
        }
        if let Some(origin) = self.origin() {
            match &self.0.position {
                Some((line, col, text)) => {
                    let gutter = " ".repeat(line.to_string().len());
                    writeln!(f, "{gutter}--> {origin}")?;
                    writeln!(f, "{gutter} |")?;
                    let (shown, pad, width) = snippet(text.trim_end(), *col, self.0.width);
                    writeln!(f, "{line} | {shown}")?;
                    writeln!(f, "{gutter} | {pad}{}", "^".repeat(width))?;
                    if let Some(hint) = &self.0.hint {
                        writeln!(f, "{gutter} = hint: {hint}")?;
                    }
                    for note in &self.0.notes {
                        writeln!(f, "{gutter}   {note}")?;
                    }
                    return Ok(());
                }
                None => writeln!(f, " --> {origin}")?,
            }
        }
        if let Some(hint) = &self.0.hint {
            writeln!(f, "  = hint: {hint}")?;
        }
        for note in &self.0.notes {
            writeln!(f, "    {note}")?;
        }
        Ok(())
    }
}

/// The most characters of a source line shown under a diagnostic.
const SNIPPET_WIDTH: usize = 150;

/// The part of `text` shown (at most [`SNIPPET_WIDTH`] characters around 1-based column `col`,
/// with `…` where it is cut), the padding that puts the caret under `col`, and the caret's width.
fn snippet(text: &str, col: usize, width: usize) -> (String, String, usize) {
    let chars: Vec<char> = text.chars().collect();
    let at = (col - 1).min(chars.len());
    let (from, to) = if chars.len() <= SNIPPET_WIDTH {
        (0, chars.len())
    } else {
        // Some context before the column, the rest after it.
        let from = at.saturating_sub(SNIPPET_WIDTH / 3);
        let to = (from + SNIPPET_WIDTH).min(chars.len());
        (to.saturating_sub(SNIPPET_WIDTH).min(from), to)
    };
    let cut_before = if from > 0 { "…" } else { "" };
    let cut_after = if to < chars.len() { "…" } else { "" };
    let shown: String = chars[from..to].iter().collect();
    let pad: String = cut_before
        .chars()
        .map(|_| ' ')
        .chain(
            chars[from..at]
                .iter()
                .map(|&c| if c == '\t' { '\t' } else { ' ' }),
        )
        .collect();
    let width = width.min(to.saturating_sub(at)).max(1);
    (format!("{cut_before}{shown}{cut_after}"), pad, width)
}

/// The largest char boundary of `s` at or before `i` (and within `s`).
fn floor_char_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// 1-based line and column (in characters) of byte `offset`, and the text of that line.
pub fn line_col(source: &str, offset: usize) -> (usize, usize, &str) {
    let offset = floor_char_boundary(source, offset);
    let before = &source.as_bytes()[..offset];
    let line_start = memchr::memrchr(b'\n', before).map_or(0, |i| i + 1);
    let line_end = offset
        + memchr::memchr(b'\n', &source.as_bytes()[offset..]).unwrap_or(source.len() - offset);
    let line = memchr::memchr_iter(b'\n', before).count() + 1;
    let col = source[line_start..offset].chars().count() + 1;
    (line, col, &source[line_start..line_end])
}

/// Every problem of one build, reported together.
#[derive(Debug, Default)]
pub struct Diagnostics(Vec<Diagnostic>);

impl Diagnostics {
    pub fn push(&mut self, d: Diagnostic) {
        self.0.push(d);
    }

    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.0.extend(other);
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter()
    }

    /// Sorted by file and position, duplicates removed, so reports are stable.
    pub fn into_sorted(mut self) -> Vec<Diagnostic> {
        self.0.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        self.0.dedup();
        self.0
    }

    /// Turns collected problems into a result: `Ok(value)` when there are none.
    pub fn finish<T>(self, value: T) -> Result<T, crate::Error> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            Err(crate::Error::Content(self.into_sorted()))
        }
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

/// The report for a failed build or check: each diagnostic, then a count and what `task`
/// left undone.
pub fn report(diagnostics: &[Diagnostic], task: crate::error::Task) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let _ = writeln!(out, "{d}");
    }
    let n = diagnostics
        .iter()
        .filter(|d| d.severity() == Severity::Error)
        .count();
    let warnings = match diagnostics.len() - n {
        0 => String::new(),
        1 => " (and 1 warning)".to_string(),
        w => format!(" (and {w} warnings)"),
    };
    let undone = match task {
        crate::error::Task::Build => "nothing was written",
        crate::error::Task::Check => "the other checks did not run",
    };
    let _ = writeln!(
        out,
        "error: found {n} problem{} in the site{warnings}; {undone}",
        if n == 1 { "" } else { "s" }
    );
    out
}

/// The closest candidate to `input` (case-insensitive edit distance), for "did you mean" hints.
pub fn closest<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let input_l = input.to_lowercase();
    let limit = (input.chars().count() / 3).max(1);
    candidates
        .into_iter()
        .map(|c| (edit_distance(&input_l, &c.to_lowercase()), c))
        .filter(|(d, _)| *d <= limit)
        .min()
        .map(|(_, c)| c)
}

/// Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
/// neighbouring characters (the commonest typo) each count as one edit.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters() {
        let src = "ab\ncé d\n";
        assert_eq!(line_col(src, 0), (1, 1, "ab"));
        let off = src.find('d').unwrap();
        assert_eq!(line_col(src, off), (2, 4, "cé d"));
    }

    #[test]
    fn offsets_inside_a_character_do_not_panic() {
        let src = "é";
        assert_eq!(line_col(src, 1), (1, 1, "é"));
        let d = Diagnostic::new("m").at(Path::new("a"), src, 1..9);
        assert_eq!(d.origin().unwrap(), "a:1:1");
    }

    #[test]
    fn renders_with_caret_under_span() {
        let src = "+++\ntitel = \"x\"\n+++\n";
        let d = Diagnostic::new("unknown field `titel`")
            .at(Path::new("content/a.md"), src, 4..9)
            .hint("did you mean `title`?");
        assert_eq!(
            d.to_string(),
            "error: unknown field `titel`\n --> content/a.md:2:1\n  |\n2 | titel = \"x\"\n  | ^^^^^\n  = hint: did you mean `title`?\n"
        );
    }

    #[test]
    fn long_lines_are_cut_around_the_column_with_the_caret_aligned() {
        let line = format!("{}needle{}", "a".repeat(50_000), "b".repeat(50_000));
        let at = line.find("needle").unwrap();
        let d = Diagnostic::new("m").at(Path::new("a"), &line, at..at + 6);
        let text = d.to_string();
        let lines: Vec<&str> = text.lines().collect();
        let (shown, caret) = (lines[3], lines[4]);
        assert_eq!(
            shown,
            format!("1 | …{}needle{}…", "a".repeat(50), "b".repeat(94))
        );
        assert_eq!(caret, format!("  | {}^^^^^^", " ".repeat(51)));
        assert_eq!(
            shown.find("needle").map(|i| shown[..i].chars().count()),
            Some(caret.find('^').unwrap())
        );
        // Near the start or the end of the line, only one side is cut.
        let line = format!("x{}", "b".repeat(500));
        let d = Diagnostic::new("m").at(Path::new("a"), &line, 0..1);
        let text = d.to_string();
        assert_eq!(
            text.lines().nth(3),
            Some(format!("1 | x{}…", "b".repeat(149)).as_str())
        );
        let line = format!("{}x", "b".repeat(500));
        let d = Diagnostic::new("m").at(Path::new("a"), &line, 500..501);
        let text = d.to_string();
        assert_eq!(
            text.lines().nth(3),
            Some(format!("1 | …{}x", "b".repeat(149)).as_str())
        );
        assert_eq!(
            text.lines().nth(4),
            Some(format!("  | {}^", " ".repeat(150)).as_str())
        );
    }

    #[test]
    fn closest_suggests_near_names_only() {
        assert_eq!(closest("titel", ["title", "weight"]), Some("title"));
        assert_eq!(closest("zzzzzz", ["title", "weight"]), None);
        assert_eq!(closest("sms-4.2", ["SMS-4.2"]), Some("SMS-4.2"));
    }
}
