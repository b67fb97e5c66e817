//! Running the real `trellis` binary on a Site, and the Run it gives: exit status, stdout and
//! stderr, and the output files (their pages, links, ids and sitemap).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

use super::html::attr_values;
use super::links::check_links;
use super::page::Page;
use super::site::Site;

pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
    root: PathBuf,
    output: PathBuf,
    /// Keeps the site's folder alive as long as the run is inspected.
    _site: Arc<tempfile::TempDir>,
}

impl Site {
    /// `trellis build`.
    pub fn build(&self) -> Run {
        self.run(&["build"])
    }

    /// `trellis <args>` in the site's folder.
    pub fn run(&self, args: &[&str]) -> Run {
        self.run_with(self.dir.path(), args, &[])
    }

    /// `trellis <args>` in the site's folder, with extra environment variables.
    pub fn run_env(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        self.run_with(self.dir.path(), args, env)
    }

    /// `trellis <args>` started in another folder (for `--root`); a relative `--output` is
    /// taken from that folder, as the binary does.
    pub fn run_in(&self, cwd: &Path, args: &[&str]) -> Run {
        self.run_with(cwd, args, &[])
    }

    fn run_with(&self, cwd: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
        let out = Command::new(env!("CARGO_BIN_EXE_trellis"))
            .args(args)
            .current_dir(cwd)
            .env("NO_COLOR", "1")
            .envs(env.iter().copied())
            .output()
            .unwrap();
        let output = match args.iter().position(|a| *a == "--output" || *a == "-o") {
            Some(i) => cwd.join(args[i + 1]),
            None => self.dir.path().join("public"),
        };
        Run {
            code: out.status.code(),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
            root: self.dir.path().to_path_buf(),
            output,
            _site: Arc::clone(&self.dir),
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
        // A successful build may print the checks' warnings, never an error.
        assert!(
            !self.stderr.lines().any(|l| l.starts_with("error")),
            "unexpected errors on stderr:\n{}",
            self.stderr
        );
        self
    }

    /// Success with nothing at all on stderr: not even a warning.
    #[track_caller]
    pub fn clean(self) -> Run {
        let run = self.success();
        assert!(run.stderr.is_empty(), "unexpected stderr:\n{}", run.stderr);
        run
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

// ---------------------------------------------------------------------------------------------
// Helpers for the build and shipped-site tests.

impl Run {
    /// Every `.html` file of the output, relative to it, sorted.
    pub fn html_files(&self) -> Vec<String> {
        self.snapshot_paths()
            .into_iter()
            .filter(|p| p.ends_with(".html"))
            .collect()
    }

    fn snapshot_paths(&self) -> Vec<String> {
        let mut paths: Vec<String> = walkdir::WalkDir::new(&self.output)
            .into_iter()
            .map(Result::unwrap)
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                e.path()
                    .strip_prefix(&self.output)
                    .unwrap()
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect::<Vec<_>>()
                    .join("/")
            })
            .collect();
        paths.sort();
        paths
    }

    /// Every internal link of every page (except `404.html`, whose links use the base path)
    /// that does not lead to an output file, or whose `#fragment` is not an `id` there.
    pub fn broken_links(&self) -> Vec<String> {
        check_links(&self.output, &self.html_files())
    }

    /// Ids that occur more than once on a page, as `page: id`, over every page.
    pub fn duplicate_ids(&self) -> Vec<String> {
        let mut duplicates = Vec::new();
        for file in self.html_files() {
            let mut seen = std::collections::BTreeSet::new();
            for id in attr_values(&self.read(&file), "id") {
                if !seen.insert(id.clone()) {
                    duplicates.push(format!("{file}: {id}"));
                }
            }
        }
        duplicates
    }

    /// The `<loc>` values of `sitemap.xml`, in order.
    pub fn sitemap_urls(&self) -> Vec<String> {
        self.read("sitemap.xml")
            .split("<loc>")
            .skip(1)
            .map(|s| s.split("</loc>").next().unwrap_or("").to_string())
            .collect()
    }

    /// Asserts that [`Run::broken_links`] finds nothing.
    #[track_caller]
    pub fn assert_links_resolve(&self) {
        let broken = self.broken_links();
        assert!(
            broken.is_empty(),
            "{} broken link(s):\n{}",
            broken.len(),
            broken.join("\n")
        );
    }
}
