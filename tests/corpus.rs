//! The synthetic benchmark corpus of `examples/corpus/`: the same seed gives the same bytes,
//! the lessons have the promised shape, and Trellis builds a 1,000-page corpus cleanly and
//! reproducibly whatever the number of threads.

#[allow(dead_code)]
#[path = "../examples/corpus/main.rs"]
mod corpus;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Output};
use std::sync::OnceLock;

use tempfile::TempDir;

/// Every file under `dir`, by path relative to it.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap();
            let rel = rel.to_string_lossy().replace('\\', "/");
            (rel, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

/// Names what differs between two snapshots.
fn differences(a: &BTreeMap<String, Vec<u8>>, b: &BTreeMap<String, Vec<u8>>) -> Vec<String> {
    let mut out: Vec<String> = a
        .iter()
        .filter(|(k, v)| b.get(*k) != Some(*v))
        .map(|(k, _)| k.clone())
        .collect();
    out.extend(b.keys().filter(|k| !a.contains_key(*k)).cloned());
    out
}

fn generate(pages: usize, seed: u64) -> (TempDir, corpus::Summary) {
    let dir = tempfile::tempdir().unwrap();
    let summary = corpus::generate(pages, seed, dir.path()).unwrap();
    (dir, summary)
}

/// The 1,000-page corpus every build test shares.
fn corpus_1k() -> &'static (TempDir, corpus::Summary) {
    static CORPUS: OnceLock<(TempDir, corpus::Summary)> = OnceLock::new();
    CORPUS.get_or_init(|| generate(1000, 42))
}

struct Built {
    output: Output,
    files: BTreeMap<String, Vec<u8>>,
}

/// `trellis build` of the 1,000-page corpus with `threads` rayon threads.
fn build(threads: &str) -> Built {
    build_with(threads, &[])
}

/// `trellis build` of the 1,000-page corpus with `threads` rayon threads and `env` set.
fn build_with(threads: &str, env: &[(&str, &str)]) -> Built {
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let output = Command::new(env!("CARGO_BIN_EXE_trellis"))
        .arg("--root")
        .arg(corpus_1k().0.path())
        .arg("build")
        .arg("--output")
        .arg(&public)
        .env("RAYON_NUM_THREADS", threads)
        .env_remove("TRELLIS_TIMINGS")
        .envs(env.iter().copied())
        .output()
        .unwrap();
    let files = if public.is_dir() {
        snapshot(&public)
    } else {
        BTreeMap::new()
    };
    Built { output, files }
}

fn built_with_two_threads() -> &'static Built {
    static BUILT: OnceLock<Built> = OnceLock::new();
    BUILT.get_or_init(|| build("2"))
}

/// The markdown of every lesson of the 1,000-page corpus, in module and lesson order.
fn lessons() -> Vec<String> {
    snapshot(corpus_1k().0.path())
        .into_iter()
        .filter(|(path, _)| path.starts_with("content/modules/m-") && !path.ends_with("_index.md"))
        .map(|(_, bytes)| String::from_utf8(bytes).unwrap())
        .collect()
}

#[test]
fn the_same_seed_gives_the_same_bytes_and_another_seed_does_not() {
    let (a, summary_a) = generate(300, 7);
    let (b, summary_b) = generate(300, 7);
    let (c, _) = generate(300, 8);
    let (a, b, c) = (snapshot(a.path()), snapshot(b.path()), snapshot(c.path()));
    assert_eq!(summary_a, summary_b);
    assert_eq!(differences(&a, &b), Vec::<String>::new());
    assert_ne!(a, c, "seeds 7 and 8 gave the same corpus");
    assert_eq!(summary_a.files, a.len());
    assert_eq!(summary_a.bytes, a.values().map(|v| v.len() as u64).sum());
}

#[test]
fn the_curriculum_scales_with_the_page_count() {
    let summary = &corpus_1k().1;
    assert_eq!(
        (
            summary.lessons,
            summary.competencies,
            summary.objectives,
            summary.resources
        ),
        (1000, 20, 100, 300)
    );
    assert_eq!((summary.quizzes, summary.questions), (40, 200));
    assert!(
        (90..=125).contains(&summary.modules),
        "{} modules",
        summary.modules
    );
}

#[test]
fn every_objective_is_taught_and_lessons_have_the_promised_shape() {
    let lessons = lessons();
    assert_eq!(lessons.len(), 1000);
    let mut taught = std::collections::BTreeSet::new();
    let (mut tables, mut code_blocks) = (0, 0);
    for lesson in &lessons {
        let (front, body) = lesson[3..].split_once("+++\n").unwrap();
        let teaches = front.lines().find(|l| l.starts_with("teaches = ")).unwrap();
        taught.extend(teaches.split('"').skip(1).step_by(2).map(str::to_string));
        let sections = body.lines().filter(|l| l.starts_with("## ")).count();
        assert!(
            (3..=5).contains(&sections),
            "{sections} sections:\n{lesson}"
        );
        assert_eq!(body.matches("](@").count() + body.matches("[@").count(), 3);
        let prose: Vec<&str> = body
            .split("```")
            .step_by(2)
            .flat_map(str::lines)
            .filter(|l| !l.starts_with('#') && !l.starts_with('|'))
            .flat_map(str::split_whitespace)
            .collect();
        assert!(
            (400..=600).contains(&prose.len()),
            "{} words:\n{lesson}",
            prose.len()
        );
        tables += usize::from(body.contains("| --- |"));
        code_blocks += usize::from(body.contains("```"));
    }
    assert_eq!(taught.len(), 100, "objectives taught: {taught:?}");
    assert_eq!((tables, code_blocks), (200, 100));
}

#[test]
fn a_thousand_page_corpus_builds_without_errors() {
    let built = built_with_two_threads();
    let stderr = String::from_utf8_lossy(&built.output.stderr);
    assert!(built.output.status.success(), "build failed:\n{stderr}");
    // Quizzes assess every objective twice and every record is complete: the checks find
    // nothing at all.
    assert!(
        !stderr
            .lines()
            .any(|l| l.starts_with("error") || l.starts_with("warning")),
        "the build reported problems:\n{stderr}"
    );
    let stdout = String::from_utf8_lossy(&built.output.stdout);
    assert!(
        stdout.contains("(20 competencies, 100 objectives, 300 resources)"),
        "{stdout}"
    );
    let lesson_pages = built
        .files
        .keys()
        .filter(|p| p.starts_with("modules/m-") && p.contains("/l-") && p.ends_with("/index.html"))
        .count();
    assert_eq!(lesson_pages, 1000);
}

#[test]
fn the_build_is_the_same_with_one_thread_or_two() {
    let one = build("1");
    let two = built_with_two_threads();
    assert!(one.output.status.success() && two.output.status.success());
    assert!(!one.files.is_empty());
    assert_eq!(differences(&one.files, &two.files), Vec::<String>::new());
}

/// Timing runs the stages one after the other instead of side by side: the output must not
/// change, and every stage and every part of rendering must be reported.
#[test]
fn timing_the_stages_reports_each_one_and_builds_the_same_site() {
    let timed = build_with("2", &[("TRELLIS_TIMINGS", "1")]);
    let two = built_with_two_threads();
    let stderr = String::from_utf8_lossy(&timed.output.stderr);
    assert!(timed.output.status.success(), "{stderr}");
    assert_eq!(differences(&timed.files, &two.files), Vec::<String>::new());
    let reported: Vec<&str> = stderr
        .lines()
        .filter_map(|l| l.strip_prefix("timing: "))
        .map(|l| l.split("  ").find(|w| !w.is_empty()).unwrap().trim())
        .collect();
    assert_eq!(
        reported,
        [
            "load",
            "theme",
            "markdown",
            "templates",
            "body html",
            "contexts",
            "tera",
            "scan",
            "compare/write",
            "search",
            "check",
            "write"
        ],
        "{stderr}"
    );
    // A thousand pages take some time in every part.
    for line in stderr.lines().filter(|l| l.ends_with("of processor time")) {
        let ms: f64 = line
            .split_whitespace()
            .rev()
            .nth(4)
            .unwrap()
            .parse()
            .unwrap();
        assert!(ms > 0.0, "{line}");
    }
    let quiet = String::from_utf8_lossy(&two.output.stderr);
    assert!(!quiet.contains("timing:"), "{quiet}");
}

#[test]
fn a_non_empty_folder_is_refused_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.txt"), "keep me").unwrap();
    std::fs::create_dir(dir.path().join("content")).unwrap();
    std::fs::write(dir.path().join("content/stale.md"), "old").unwrap();

    let refused = corpus::prepare_out(dir.path(), false).unwrap_err();
    assert!(refused.to_string().contains("--force"), "{refused}");
    assert!(dir.path().join("content/stale.md").exists());

    corpus::prepare_out(dir.path(), true).unwrap();
    assert!(!dir.path().join("content").exists());
    assert!(dir.path().join("notes.txt").exists());

    let missing = dir.path().join("new/site");
    corpus::prepare_out(&missing, false).unwrap();
    assert!(missing.is_dir());
}

#[test]
fn the_hugo_site_holds_the_same_lessons_in_hugos_terms() {
    let dir = tempfile::tempdir().unwrap();
    let summary = corpus::generate_hugo(120, 42, dir.path()).unwrap();
    let (trellis, trellis_summary) = generate(120, 42);
    assert_eq!(
        (summary.lessons, summary.modules),
        (120, trellis_summary.modules)
    );
    let files = snapshot(dir.path());
    // Lessons and module pages, the home and modules pages, hugo.toml, 5 layouts, a stylesheet.
    assert_eq!(summary.files, 120 + summary.modules + 2 + 7);
    assert_eq!(files.len(), summary.files);
    let text = |files: &BTreeMap<String, Vec<u8>>, path: &str| {
        String::from_utf8(files[path].clone()).unwrap_or_else(|_| panic!("{path}"))
    };
    let lesson = text(&files, "content/modules/m-0001/l-01.md");
    let original = text(&snapshot(trellis.path()), "content/modules/m-0001/l-01.md");
    // The same prose, with Trellis's syntax turned into Hugo's.
    assert_eq!(lesson.lines().count(), original.lines().count() - 1);
    let first = |t: &str| {
        let body = t.split("+++\n\n").nth(1).unwrap();
        body.split("\n\n").next().unwrap().to_string()
    };
    assert_eq!(first(&lesson), first(&original));
    for (path, bytes) in files.iter().filter(|(p, _)| p.starts_with("content/")) {
        let page = String::from_utf8_lossy(bytes);
        for trellis_only in [
            "](@",
            "[@",
            "[taxonomies]",
            "<!-- more -->",
            "\nresources =",
        ] {
            assert!(
                !page.contains(trellis_only),
                "{path} holds {trellis_only:?}"
            );
        }
    }
    assert!(lesson.contains("\ntopics = [") && lesson.contains("<!--more-->"));
    // Same seed, same bytes.
    let again = tempfile::tempdir().unwrap();
    corpus::generate_hugo(120, 42, again.path()).unwrap();
    assert!(differences(&files, &snapshot(again.path())).is_empty());
}
