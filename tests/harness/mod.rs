//! One fluent harness for integration tests: build a site in a temp dir with the real
//! `trellis` binary, then assert on its exit status, stderr and output files.
//!
//! ```ignore
//! Site::fixture("minimal").file("content/a.md", "...").build().success().page("a/index.html").contains("...");
//! ```
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::rc::Rc;

pub struct Site {
    dir: Rc<tempfile::TempDir>,
}

pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
    root: PathBuf,
    output: PathBuf,
    /// Keeps the site's folder alive as long as the run is inspected.
    _site: Rc<tempfile::TempDir>,
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(from).unwrap();
        let dest = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(entry.path(), &dest).unwrap();
        }
    }
}

/// The repository's own folder (the shipped SMS site lives there).
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

impl Site {
    /// A copy of `tests/fixtures/<name>`.
    pub fn fixture(name: &str) -> Site {
        let dir = tempfile::tempdir().unwrap();
        copy_dir(&repo().join("tests/fixtures").join(name), dir.path());
        Site { dir: Rc::new(dir) }
    }

    /// A copy of the shipped site (site.toml, content/, themes/).
    pub fn shipped() -> Site {
        let dir = tempfile::tempdir().unwrap();
        std::fs::copy(repo().join("site.toml"), dir.path().join("site.toml")).unwrap();
        for sub in ["content", "themes"] {
            copy_dir(&repo().join(sub), &dir.path().join(sub));
        }
        Site { dir: Rc::new(dir) }
    }

    /// An empty folder.
    pub fn empty() -> Site {
        Site {
            dir: Rc::new(tempfile::tempdir().unwrap()),
        }
    }

    /// Writes (or replaces) a file of the site.
    pub fn file(self, path: &str, text: &str) -> Site {
        let p = self.dir.path().join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
        self
    }

    /// Replaces `from` with `to` in a file of the site; the text must be there.
    pub fn edit(self, path: &str, from: &str, to: &str) -> Site {
        let p = self.dir.path().join(path);
        let text = std::fs::read_to_string(&p).unwrap();
        assert!(text.contains(from), "`{from}` not found in {path}");
        std::fs::write(p, text.replacen(from, to, 1)).unwrap();
        self
    }

    pub fn remove(self, path: &str) -> Site {
        let p = self.dir.path().join(path);
        if p.is_dir() {
            std::fs::remove_dir_all(p).unwrap();
        } else {
            std::fs::remove_file(p).unwrap();
        }
        self
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// `trellis build`.
    pub fn build(&self) -> Run {
        self.run(&["build"])
    }

    /// `trellis <args>` in the site's folder.
    pub fn run(&self, args: &[&str]) -> Run {
        let out = Command::new(env!("CARGO_BIN_EXE_trellis"))
            .args(args)
            .current_dir(self.dir.path())
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        let output = match args.iter().position(|a| *a == "--output" || *a == "-o") {
            Some(i) => self.dir.path().join(args[i + 1]),
            None => self.dir.path().join("public"),
        };
        Run {
            code: out.status.code(),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
            root: self.dir.path().to_path_buf(),
            output,
            _site: Rc::clone(&self.dir),
        }
    }
}

impl Run {
    #[track_caller]
    pub fn success(self) -> Run {
        assert_eq!(
            self.code,
            Some(0),
            "expected success; stderr:\n{}",
            self.stderr
        );
        assert!(
            self.stderr.is_empty(),
            "unexpected stderr:\n{}",
            self.stderr
        );
        self
    }

    #[track_caller]
    pub fn failure(self) -> Run {
        assert_eq!(
            self.code,
            Some(1),
            "expected exit 1; stdout:\n{}\nstderr:\n{}",
            self.stdout,
            self.stderr
        );
        self
    }

    #[track_caller]
    pub fn stderr_is(self, expected: &str) -> Run {
        assert_eq!(
            self.stderr, expected,
            "\n--- actual stderr ---\n{}",
            self.stderr
        );
        self
    }

    #[track_caller]
    pub fn stderr_contains(self, part: &str) -> Run {
        assert!(
            self.stderr.contains(part),
            "stderr lacks `{part}`:\n{}",
            self.stderr
        );
        self
    }

    /// Text of an output file (relative to the output folder).
    #[track_caller]
    pub fn read(&self, path: &str) -> String {
        let p = self.output.join(path);
        std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("cannot read output {path}: {e}"))
    }

    pub fn exists(&self, path: &str) -> bool {
        self.output.join(path).exists()
    }

    /// An output page, for chained assertions.
    #[track_caller]
    pub fn page(&self, path: &str) -> Page {
        Page {
            path: path.to_string(),
            html: self.read(path),
        }
    }

    pub fn output(&self) -> &Path {
        &self.output
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Every output file with its bytes, for comparing builds.
    pub fn snapshot(&self) -> BTreeMap<String, Vec<u8>> {
        snapshot(&self.output)
    }
}

pub fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path()
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

pub struct Page {
    pub path: String,
    pub html: String,
}

impl Page {
    #[track_caller]
    pub fn contains(self, part: &str) -> Page {
        assert!(
            self.html.contains(part),
            "{} lacks `{part}`:\n{}",
            self.path,
            self.html
        );
        self
    }

    #[track_caller]
    pub fn lacks(self, part: &str) -> Page {
        assert!(
            !self.html.contains(part),
            "{} should not contain `{part}`",
            self.path
        );
        self
    }

    /// Number of occurrences of `part`.
    pub fn count(&self, part: &str) -> usize {
        self.html.matches(part).count()
    }
}
