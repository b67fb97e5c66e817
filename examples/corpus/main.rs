//! A deterministic synthetic Trellis site for benchmarks (build time, output and index size).
//!
//! ```text
//! cargo run --release --example corpus -- --pages 10000 --seed 7 --out /tmp/corpus-10k
//! ```
//!
//! For N lesson pages it writes, per 1,000 lessons, about 100 modules of 8-12 lessons, 20
//! competencies with 5 objectives each, 300 resources in lists of 50 and 40 quizzes, plus the home page,
//! the section pages, the resource library and the curriculum map. Lessons are 400-600 words of
//! health-education prose built from a small grammar, so stemming and search indexing see
//! inflected forms (coach, coaches, coaching, coached) as real content would.
//!
//! Per 1,000 lessons there are also 40 self-assessment quizzes of at least 5 questions, of every
//! answerable type, so that each objective is assessed by 2 questions (the default of
//! `min_questions`): a generated corpus passes `trellis check` with no errors and no warnings.
//!
//! Every file is drawn from its own stream of a seeded splitmix64 generator, so the same page
//! count and seed give byte-identical files whatever the order or thread they are written in.

mod curriculum;
mod hugo;
mod lessons;
mod plan;
mod prose;
mod quizzes;
mod rng;
mod site;
mod vocabulary;
mod write;

use std::io;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::Parser;
use rayon::prelude::*;

use curriculum::{competency, resource_list};
pub use hugo::generate as generate_hugo;
use lessons::lesson;
use plan::{Plan, RESOURCES_PER_LIST};
use quizzes::{quiz, quizzes_index};
use site::{
    competencies_index, curriculum_map, home, library, module_index, modules_index, site_toml,
};
pub use write::prepare_out;
use write::{at, write_all, Written};

/// Writes a synthetic Trellis site of N lesson pages: the same N and seed give the same bytes.
#[derive(Debug, Parser)]
#[command(name = "corpus")]
struct Args {
    /// Number of lesson pages (section, competency and resource pages come on top).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pages: u64,
    /// Seed of the generator.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// The folder to write the site into; created when missing.
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// Write into a non-empty folder: its `content/` is removed first and `site.toml` replaced.
    #[arg(long)]
    force: bool,
    /// Write the same lessons and modules as a Hugo site instead (hugo.toml, layouts/), to time
    /// Hugo on the pages Trellis builds.
    #[arg(long)]
    hugo: bool,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let started = Instant::now();
    match prepare_out(&args.out, args.force).and_then(|()| write_site(&args)) {
        Ok(summary) => {
            println!(
                "{summary} into {} in {:.2} s",
                args.out.display(),
                started.elapsed().as_secs_f64()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Writes the site `args` asks for and says what it wrote.
fn write_site(args: &Args) -> io::Result<String> {
    let pages = args.pages as usize;
    Ok(if args.hugo {
        generate_hugo(pages, args.seed, &args.out)?.to_string()
    } else {
        generate(pages, args.seed, &args.out)?.to_string()
    })
}

/// Writes each module's folder under `content/modules/`: its index page and its lessons, each
/// page's text passed through `page` first.
fn write_modules(
    plan: &Plan,
    content: &Path,
    page: impl Fn(String) -> String + Sync,
) -> io::Result<Written> {
    let per_module: Vec<Written> = plan
        .modules
        .par_iter()
        .map(|m| {
            let dir = content.join(format!("modules/m-{:04}", m.number));
            std::fs::create_dir_all(&dir).map_err(|e| at(e, &dir))?;
            let mut files = vec![(dir.join("_index.md"), page(module_index(plan, m)))];
            for l in 0..m.lessons {
                let path = dir.join(format!("l-{:02}.md", l + 1));
                files.push((path, page(lesson(plan, m, l))));
            }
            write_all(&files)
        })
        .collect::<io::Result<_>>()?;
    let mut written = Written::default();
    for w in per_module {
        written += w;
    }
    Ok(written)
}

/// What [`generate`] wrote.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub lessons: usize,
    pub modules: usize,
    /// Every other markdown file: home, sections, competencies, resource lists, library, map.
    pub other_pages: usize,
    pub competencies: usize,
    pub objectives: usize,
    pub resources: usize,
    pub quizzes: usize,
    pub questions: usize,
    pub files: usize,
    pub bytes: u64,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} lesson pages in {} modules (+{} other pages), {} competencies, {} objectives, \
             {} resources, {} quizzes of {} questions: {} files, {} bytes written",
            self.lessons,
            self.modules,
            self.other_pages,
            self.competencies,
            self.objectives,
            self.resources,
            self.quizzes,
            self.questions,
            self.files,
            self.bytes
        )
    }
}

/// Writes the site of `pages` lessons into `out` (which should be empty, see [`prepare_out`]).
pub fn generate(pages: usize, seed: u64, out: &Path) -> io::Result<Summary> {
    if pages == 0 {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "--pages must be at least 1",
        ));
    }
    let plan = Plan::new(pages, seed);
    let content = out.join("content");
    let mut files: Vec<(PathBuf, String)> = vec![
        (out.join("site.toml"), site_toml()),
        (content.join("_index.md"), home(&plan)),
        (content.join("modules/_index.md"), modules_index(&plan)),
        (
            content.join("competencies/_index.md"),
            competencies_index(&plan),
        ),
        (content.join("resources/_index.md"), library(&plan)),
        (content.join("curriculum-map.md"), curriculum_map(&plan)),
        (content.join("quizzes/_index.md"), quizzes_index(&plan)),
    ];
    for q in 0..plan.quizzes {
        let path = content.join(format!("quizzes/q-{:03}.md", q + 1));
        files.push((path, quiz(&plan, q)));
    }
    for c in 0..plan.competencies {
        let path = content.join(format!("competencies/c-{:03}.md", c + 1));
        files.push((path, competency(&plan, c)));
    }
    for (i, chunk) in plan.resources.chunks(RESOURCES_PER_LIST).enumerate() {
        let path = content.join(format!("resources/list-{:02}.md", i + 1));
        files.push((path, resource_list(&plan, i, chunk)));
    }
    let other_pages = files.len() - 1 + plan.modules.len();
    for dir in ["modules", "competencies", "resources", "quizzes"] {
        let dir = content.join(dir);
        std::fs::create_dir_all(&dir).map_err(|e| at(e, &dir))?;
    }
    let mut written = write_all(&files)?;

    written += write_modules(&plan, &content, |page| page)?;

    Ok(Summary {
        lessons: pages,
        modules: plan.modules.len(),
        other_pages,
        competencies: plan.competencies,
        objectives: plan.competencies * plan.objectives_per,
        resources: plan.resources.len(),
        quizzes: plan.quizzes,
        questions: plan.quizzes * plan.questions_per,
        files: written.files,
        bytes: written.bytes,
    })
}
