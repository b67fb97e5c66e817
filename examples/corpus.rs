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

use std::fmt::Write as _;
use std::io;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::Parser;
use rayon::prelude::*;

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
}

fn main() -> ExitCode {
    let args = Args::parse();
    let started = Instant::now();
    match prepare_out(&args.out, args.force)
        .and_then(|()| generate(args.pages as usize, args.seed, &args.out))
    {
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

/// Creates `out`, or checks that it is empty; with `force`, clears the generator's own files.
pub fn prepare_out(out: &Path, force: bool) -> io::Result<()> {
    match std::fs::read_dir(out) {
        Ok(mut entries) => {
            if entries.next().is_none() {
                return Ok(());
            }
            if !force {
                return Err(io::Error::new(
                    io::ErrorKind::AlreadyExists,
                    format!(
                        "`{}` is not empty; pass --force to replace its content/ and site.toml",
                        out.display()
                    ),
                ));
            }
            let content = out.join("content");
            if content.exists() {
                std::fs::remove_dir_all(&content).map_err(|e| at(e, &content))?;
            }
            Ok(())
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            std::fs::create_dir_all(out).map_err(|e| at(e, out))
        }
        Err(e) => Err(at(e, out)),
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

    let per_module: Vec<Written> = plan
        .modules
        .par_iter()
        .map(|m| {
            let dir = content.join(format!("modules/m-{:04}", m.number));
            std::fs::create_dir_all(&dir).map_err(|e| at(e, &dir))?;
            let mut files = vec![(dir.join("_index.md"), module_index(&plan, m))];
            for l in 0..m.lessons {
                let path = dir.join(format!("l-{:02}.md", l + 1));
                files.push((path, lesson(&plan, m, l)));
            }
            write_all(&files)
        })
        .collect::<io::Result<_>>()?;
    for w in per_module {
        written.files += w.files;
        written.bytes += w.bytes;
    }

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

#[derive(Default)]
struct Written {
    files: usize,
    bytes: u64,
}

fn write_all(files: &[(PathBuf, String)]) -> io::Result<Written> {
    let mut w = Written::default();
    for (path, text) in files {
        std::fs::write(path, text).map_err(|e| at(e, path))?;
        w.files += 1;
        w.bytes += text.len() as u64;
    }
    Ok(w)
}

/// Names the path in an I/O error.
fn at(e: io::Error, path: &Path) -> io::Error {
    io::Error::new(e.kind(), format!("{}: {e}", path.display()))
}

// ---------------------------------------------------------------------------------------------
// Randomness: splitmix64, one stream per file

/// splitmix64 (Steele, Lea and Flood 2014): tiny, fast, and good enough for synthetic text.
struct Rng(u64);

/// Stream tags: each file kind draws from its own family of streams.
const LAYOUT: u64 = 1;
const LESSON: u64 = 2;
const MODULE: u64 = 3;
const COMPETENCY: u64 = 4;
const RESOURCE: u64 = 5;
const LIST: u64 = 6;
const FIXED: u64 = 7;
const QUIZ: u64 = 8;

impl Rng {
    fn new(seed: u64, tag: u64, index: usize) -> Rng {
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
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next()) * n as u128) >> 64) as usize
    }

    /// A number in `lo..=hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True with probability `num / den`.
    fn chance(&mut self, num: usize, den: usize) -> bool {
        self.below(den) < num
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    /// `k` distinct numbers of `0..n`, in the order drawn (`k` is capped at `n`).
    fn distinct(&mut self, k: usize, n: usize) -> Vec<usize> {
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

// ---------------------------------------------------------------------------------------------
// The plan: how many of everything, and which keys and IDs exist

const RESOURCES_PER_LIST: usize = 50;

struct Module {
    /// 1-based, as in `m-0001`.
    number: usize,
    /// Global index of its first lesson.
    first: usize,
    lessons: usize,
}

struct Resource {
    key: String,
    title: String,
    year: Option<usize>,
    /// The record's TOML lines, without the `[[resources]]` header.
    toml: String,
}

struct Plan {
    seed: u64,
    lessons: usize,
    modules: Vec<Module>,
    competencies: usize,
    objectives_per: usize,
    resources: Vec<Resource>,
    quizzes: usize,
    /// Questions per quiz (plus one confidence rating), so that each objective gets 2.
    questions_per: usize,
}

impl Plan {
    fn new(lessons: usize, seed: u64) -> Plan {
        let mut rng = Rng::new(seed, LAYOUT, 0);
        let mut modules = Vec::new();
        let mut first = 0;
        while first < lessons {
            let left = lessons - first;
            let mut size = rng.range(8, 12);
            if left <= 12 {
                size = left;
            } else if left - size < 8 {
                size = left / 2;
            }
            modules.push(Module {
                number: modules.len() + 1,
                first,
                lessons: size,
            });
            first += size;
        }
        let competencies = (lessons * 20).div_ceil(1000);
        let objectives_per = lessons.min(5);
        let quizzes = (lessons * 40).div_ceil(1000);
        let mut plan = Plan {
            seed,
            lessons,
            modules,
            competencies,
            // With very few lessons there must be no more objectives than lessons to teach them.
            objectives_per,
            resources: Vec::new(),
            quizzes,
            questions_per: (2 * competencies * objectives_per).div_ceil(quizzes).max(5),
        };
        let count = (lessons * 3).div_ceil(10);
        plan.resources = (0..count)
            .into_par_iter()
            .map(|i| resource(&plan, i))
            .collect();
        distinct_titles(&mut plan.resources);
        plan
    }

    fn objectives(&self) -> usize {
        self.competencies * self.objectives_per
    }

    /// The ID of objective `k` in `0..objectives()`: `CMP-3.2`.
    fn objective(&self, k: usize) -> String {
        format!(
            "CMP-{}.{}",
            k / self.objectives_per + 1,
            k % self.objectives_per + 1
        )
    }

    /// The `@/` path of lesson `g` (global index).
    fn lesson_path(&self, g: usize) -> String {
        let m = &self.modules[self.modules.partition_point(|m| m.first + m.lessons <= g)];
        format!("@/modules/m-{:04}/l-{:02}.md", m.number, g - m.first + 1)
    }
}

// ---------------------------------------------------------------------------------------------
// Vocabulary (kept compact: rustfmt would put every word on a line of its own)

/// People who act: singular, plural.
#[rustfmt::skip]
const AGENTS: &[(&str, &str)] = &[
    ("patient", "patients"), ("caregiver", "caregivers"), ("family member", "family members"),
    ("clinician", "clinicians"), ("nurse", "nurses"), ("physician", "physicians"),
    ("pharmacist", "pharmacists"), ("student", "students"), ("health coach", "health coaches"),
    ("coach", "coaches"), ("peer leader", "peer leaders"), ("care team", "care teams"),
    ("social worker", "social workers"), ("educator", "educators"), ("learner", "learners"),
    ("therapist", "therapists"), ("volunteer", "volunteers"), ("dietitian", "dietitians"),
    ("practitioner", "practitioners"), ("person", "people"), ("preceptor", "preceptors"),
    ("community health worker", "community health workers"), ("partner", "partners"),
    ("interpreter", "interpreters"), ("older adult", "older adults"), ("parent", "parents"),
];

/// Countable things: singular, plural.
#[rustfmt::skip]
const THINGS: &[(&str, &str)] = &[
    ("goal", "goals"), ("action plan", "action plans"), ("visit", "visits"),
    ("medication", "medications"), ("symptom", "symptoms"), ("condition", "conditions"),
    ("barrier", "barriers"), ("strategy", "strategies"), ("skill", "skills"),
    ("resource", "resources"), ("program", "programs"), ("session", "sessions"),
    ("conversation", "conversations"), ("question", "questions"), ("decision", "decisions"),
    ("outcome", "outcomes"), ("habit", "habits"), ("routine", "routines"),
    ("setback", "setbacks"), ("step", "steps"), ("need", "needs"), ("priority", "priorities"),
    ("symptom diary", "symptom diaries"), ("record", "records"), ("appointment", "appointments"),
    ("referral", "referrals"), ("workshop", "workshops"), ("leaflet", "leaflets"),
    ("checklist", "checklists"), ("treatment", "treatments"), ("exercise", "exercises"),
    ("meal", "meals"), ("challenge", "challenges"), ("value", "values"),
    ("preference", "preferences"), ("concern", "concerns"), ("worry", "worries"),
    ("emotion", "emotions"), ("experience", "experiences"), ("story", "stories"),
    ("relationship", "relationships"), ("service", "services"), ("agency", "agencies"),
    ("assessment", "assessments"), ("target", "targets"), ("milestone", "milestones"),
    ("reminder", "reminders"), ("tool", "tools"), ("approach", "approaches"),
    ("guideline", "guidelines"), ("benefit", "benefits"), ("risk", "risks"),
    ("care plan", "care plans"), ("follow-up call", "follow-up calls"),
    ("support group", "support groups"), ("problem", "problems"), ("solution", "solutions"),
    ("change", "changes"), ("idea", "ideas"), ("option", "options"), ("trade-off", "trade-offs"),
];

/// Uncountable nouns and activities.
#[rustfmt::skip]
const MASS: &[&str] = &[
    "self-management", "health literacy", "shared decision making", "motivation", "confidence",
    "pain", "fatigue", "stress", "low mood", "anxiety", "adherence", "nutrition",
    "physical activity", "sleep", "wellbeing", "peer support", "feedback", "health education",
    "information", "evidence", "trust", "empathy", "autonomy", "follow-up", "care coordination",
    "communication", "caregiving", "coaching", "goal setting", "action planning",
    "problem solving", "self-efficacy", "social support", "isolation", "recovery",
    "independence", "daily living", "medication safety", "self-monitoring", "teamwork",
];

/// Transitive verbs: base, third person, -ing, past, past participle.
#[rustfmt::skip]
const VERBS: &[(&str, &str, &str, &str, &str)] = &[
    ("coach", "coaches", "coaching", "coached", "coached"),
    ("support", "supports", "supporting", "supported", "supported"),
    ("encourage", "encourages", "encouraging", "encouraged", "encouraged"),
    ("review", "reviews", "reviewing", "reviewed", "reviewed"),
    ("revise", "revises", "revising", "revised", "revised"),
    ("set", "sets", "setting", "set", "set"),
    ("plan", "plans", "planning", "planned", "planned"),
    ("track", "tracks", "tracking", "tracked", "tracked"),
    ("monitor", "monitors", "monitoring", "monitored", "monitored"),
    ("discuss", "discusses", "discussing", "discussed", "discussed"),
    ("explore", "explores", "exploring", "explored", "explored"),
    ("assess", "assesses", "assessing", "assessed", "assessed"),
    ("identify", "identifies", "identifying", "identified", "identified"),
    ("address", "addresses", "addressing", "addressed", "addressed"),
    ("manage", "manages", "managing", "managed", "managed"),
    ("share", "shares", "sharing", "shared", "shared"),
    ("explain", "explains", "explaining", "explained", "explained"),
    ("prioritise", "prioritises", "prioritising", "prioritised", "prioritised"),
    ("adapt", "adapts", "adapting", "adapted", "adapted"),
    ("adjust", "adjusts", "adjusting", "adjusted", "adjusted"),
    ("measure", "measures", "measuring", "measured", "measured"),
    ("record", "records", "recording", "recorded", "recorded"),
    ("involve", "involves", "involving", "involved", "involved"),
    ("guide", "guides", "guiding", "guided", "guided"),
    ("motivate", "motivates", "motivating", "motivated", "motivated"),
    ("teach", "teaches", "teaching", "taught", "taught"),
    ("build", "builds", "building", "built", "built"),
    ("strengthen", "strengthens", "strengthening", "strengthened", "strengthened"),
    ("reduce", "reduces", "reducing", "reduced", "reduced"),
    ("improve", "improves", "improving", "improved", "improved"),
    ("prevent", "prevents", "preventing", "prevented", "prevented"),
    ("recognise", "recognises", "recognising", "recognised", "recognised"),
    ("document", "documents", "documenting", "documented", "documented"),
    ("celebrate", "celebrates", "celebrating", "celebrated", "celebrated"),
    ("practise", "practises", "practising", "practised", "practised"),
    ("rehearse", "rehearses", "rehearsing", "rehearsed", "rehearsed"),
    ("summarise", "summarises", "summarising", "summarised", "summarised"),
    ("clarify", "clarifies", "clarifying", "clarified", "clarified"),
    ("check", "checks", "checking", "checked", "checked"),
    ("respect", "respects", "respecting", "respected", "respected"),
    ("understand", "understands", "understanding", "understood", "understood"),
    ("organise", "organises", "organising", "organised", "organised"),
    ("coordinate", "coordinates", "coordinating", "coordinated", "coordinated"),
    ("simplify", "simplifies", "simplifying", "simplified", "simplified"),
    ("prepare", "prepares", "preparing", "prepared", "prepared"),
    ("update", "updates", "updating", "updated", "updated"),
    ("evaluate", "evaluates", "evaluating", "evaluated", "evaluated"),
    ("compare", "compares", "comparing", "compared", "compared"),
    ("choose", "chooses", "choosing", "chose", "chosen"),
    ("negotiate", "negotiates", "negotiating", "negotiated", "negotiated"),
    ("reframe", "reframes", "reframing", "reframed", "reframed"),
    ("overcome", "overcomes", "overcoming", "overcame", "overcome"),
    ("anticipate", "anticipates", "anticipating", "anticipated", "anticipated"),
    ("break down", "breaks down", "breaking down", "broke down", "broken down"),
    ("talk through", "talks through", "talking through", "talked through", "talked through"),
    ("write down", "writes down", "writing down", "wrote down", "written down"),
];

#[rustfmt::skip]
const ADJECTIVES: &[&str] = &[
    "small", "realistic", "shared", "personal", "practical", "clear", "specific", "measurable",
    "gradual", "daily", "weekly", "long-term", "short-term", "chronic", "complex", "local",
    "community-based", "person-centred", "collaborative", "interprofessional", "supportive",
    "effective", "useful", "simple", "difficult", "common", "important", "reliable", "trusted",
    "regular", "brief", "structured", "flexible", "cultural", "emotional", "physical", "social",
    "clinical", "everyday", "meaningful", "achievable", "healthy", "informal", "early",
    "careful", "honest", "open", "respectful", "written", "first",
];

#[rustfmt::skip]
const ADVERBS: &[&str] = &[
    "often", "gradually", "carefully", "regularly", "together", "actively", "gently",
    "routinely", "usually", "sometimes", "consistently", "openly", "briefly", "jointly",
];

#[rustfmt::skip]
const OPENERS: &[&str] = &[
    "In practice,", "For example,", "Over time,", "As a result,", "In many clinics,",
    "At the first visit,", "Later,", "In contrast,", "Above all,", "Sometimes,",
    "Importantly,", "Between visits,", "In our experience,", "At this stage,",
];

#[rustfmt::skip]
const PLACES: &[&str] = &[
    "at each visit", "between visits", "over several weeks", "in the community", "at home",
    "in primary care", "after a setback", "before the next appointment",
    "within the care team", "in a group session", "over the first month",
    "at the end of the session", "in everyday life", "on the ward", "by telephone",
];

#[rustfmt::skip]
const OCCASIONS: &[&str] = &[
    "visit", "session", "appointment", "conversation", "workshop", "phone call", "home visit",
];

const EVALUATIVE: &[&str] = &["important", "useful", "helpful", "essential", "reasonable"];

const CAUSATIVES: &[&str] = &["helps", "allows", "encourages", "invites", "prepares"];

/// Thirty topics, the `topics` taxonomy.
#[rustfmt::skip]
const TOPICS: &[&str] = &[
    "goal setting", "action planning", "problem solving", "health coaching", "peer support",
    "caregiver support", "shared decision making", "health literacy", "motivational interviewing",
    "medication management", "symptom monitoring", "self-monitoring", "community resources",
    "care coordination", "chronic pain", "fatigue management", "depression", "anxiety and stress",
    "physical activity", "healthy eating", "sleep", "social isolation", "cultural safety",
    "interprofessional practice", "patient education", "telehealth", "family involvement",
    "self-efficacy", "relapse prevention", "transitions of care",
];

#[rustfmt::skip]
const PROFESSIONS: &[&str] = &[
    "nursing", "medicine", "pharmacy", "social work", "physiotherapy", "occupational therapy",
    "dietetics", "psychology", "public health",
];

#[rustfmt::skip]
const SURNAMES: &[&str] = &[
    "Adams", "Ahmed", "Alvarez", "Anderson", "Bailey", "Banerjee", "Becker", "Bennett", "Brown",
    "Campbell", "Chen", "Clarke", "Cohen", "Costa", "Davies", "Diaz", "Dubois", "Evans", "Fischer",
    "Fraser", "Garcia", "Gupta", "Hall", "Hansen", "Harris", "Hughes", "Ibrahim", "Jansen",
    "Johnson", "Kaur", "Kelly", "Khan", "Kim", "Kowalski", "Larsen", "Laurent", "Lee", "Lopez",
    "Lorig", "MacLeod", "Martin", "Mensah", "Mills", "Moreau", "Murphy", "Nakamura", "Nguyen",
    "Novak", "Okafor", "Olsen", "Patel", "Perez", "Petrov", "Price", "Reid", "Ritter", "Rossi",
    "Santos", "Schmidt", "Scott", "Silva", "Singh", "Smith", "Sorensen", "Tanaka", "Taylor",
    "Thompson", "Tremblay", "Walker", "Wang", "Watson", "Weber", "White", "Williams", "Wilson",
    "Wong", "Yamamoto", "Young", "Zhang", "Zimmerman",
];

#[rustfmt::skip]
const ORGANISATIONS: &[&str] = &[
    "National Institute for Chronic Care", "Regional Health Authority",
    "Council of Community Health Centres", "Centre for Self-Management Research",
    "Association of Family Caregivers", "Primary Care Learning Network",
];

#[rustfmt::skip]
const JOURNALS: &[&str] = &[
    "Chronic Illness", "Patient Education and Counseling", "Journal of Advanced Nursing",
    "BMC Health Services Research", "Health Education Research",
    "Journal of Interprofessional Care", "Annals of Family Medicine", "Nurse Education Today",
    "Medical Education", "Journal of General Internal Medicine", "Health Expectations",
    "Family Practice", "Journal of Clinical Nursing", "Canadian Family Physician",
    "International Journal of Nursing Studies",
];

#[rustfmt::skip]
const PUBLISHERS: &[(&str, &str)] = &[
    ("Northfield Academic", "Toronto"), ("Harbour Health Press", "London"),
    ("Meridian University Press", "New York"), ("Southern Cross Publishing", "Melbourne"),
    ("Lakeside Books", "Ottawa"), ("Thistle Medical", "Edinburgh"),
];

#[rustfmt::skip]
const STUDY_TYPES: &[&str] = &[
    "a randomised trial", "a qualitative study", "a systematic review", "a practical guide",
    "lessons from primary care", "a mixed-methods evaluation", "a scoping review",
    "a cohort study", "a pilot study", "a realist review",
];

#[rustfmt::skip]
const RESOURCE_KINDS: &[&str] = &[
    "article", "article", "article", "article", "book", "report", "report", "web",
];

// ---------------------------------------------------------------------------------------------
// Grammar

fn cap(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// "a" or "an" before `word`.
fn article(word: &str) -> &'static str {
    let vowel = word.starts_with(['a', 'e', 'i', 'o', 'u']);
    let sounds_like_you = word.starts_with("us") || word.starts_with("uni");
    if (vowel && !sounds_like_you) || word.starts_with("honest") {
        "an"
    } else {
        "a"
    }
}

/// Pushes "determiner [adjective] noun", with "a"/"an" fitting the next word.
fn noun_phrase(r: &mut Rng, s: &mut String, noun: &str, dets: &[&str]) {
    let det = r.pick(dets);
    let adj = if r.chance(1, 3) {
        Some(r.pick(ADJECTIVES))
    } else {
        None
    };
    let next = adj.unwrap_or(noun);
    match det {
        "" => {}
        "a" => {
            s.push_str(article(next));
            s.push(' ');
        }
        d => {
            s.push_str(d);
            s.push(' ');
        }
    }
    if let Some(a) = adj {
        s.push_str(a);
        s.push(' ');
    }
    s.push_str(noun);
}

/// A group of people; returns whether it is plural.
fn agent(r: &mut Rng, s: &mut String) -> bool {
    let (one, many) = r.pick(AGENTS);
    if r.chance(2, 3) {
        noun_phrase(
            r,
            s,
            many,
            &["", "the", "many", "some", "most", "these", "their"],
        );
        true
    } else {
        noun_phrase(r, s, one, &["the", "a", "each", "every", "this", "one"]);
        false
    }
}

fn agents_plural(r: &mut Rng, s: &mut String) {
    let many = r.pick(AGENTS).1;
    noun_phrase(r, s, many, &["", "the", "many", "some", "these", "their"]);
}

/// Something acted upon: a countable thing, several of them, or an uncountable noun.
fn object(r: &mut Rng, s: &mut String) {
    match r.below(5) {
        0 | 1 => {
            let one = r.pick(THINGS).0;
            noun_phrase(r, s, one, &["the", "a", "each", "their", "this", "one"]);
        }
        2 | 3 => {
            let many = r.pick(THINGS).1;
            noun_phrase(
                r,
                s,
                many,
                &["", "the", "their", "several", "these", "some"],
            );
        }
        _ => s.push_str(r.pick(MASS)),
    }
}

fn place(r: &mut Rng, s: &mut String) {
    match r.below(4) {
        0 => {
            let occasion = r.pick(OCCASIONS);
            s.push_str("during ");
            noun_phrase(r, s, occasion, &["a", "the", "each", "every"]);
        }
        1 => {
            s.push_str(if r.chance(1, 2) { "with " } else { "for " });
            agent(r, s);
        }
        _ => s.push_str(r.pick(PLACES)),
    }
}

/// Appends one sentence (capitalised, with its full stop) and returns its word count.
fn sentence(r: &mut Rng, out: &mut String) -> usize {
    let mut s = String::with_capacity(120);
    let v = r.pick(VERBS);
    match r.below(9) {
        0 | 1 => {
            if r.chance(1, 3) {
                s.push_str(r.pick(OPENERS));
                s.push(' ');
            }
            let plural = agent(r, &mut s);
            if r.chance(1, 3) {
                s.push(' ');
                s.push_str(r.pick(ADVERBS));
            }
            s.push(' ');
            s.push_str(if plural { v.0 } else { v.1 });
            s.push(' ');
            object(r, &mut s);
            if r.chance(2, 3) {
                s.push(' ');
                place(r, &mut s);
            }
            s.push('.');
        }
        2 => {
            s.push_str("when ");
            agents_plural(r, &mut s);
            s.push(' ');
            s.push_str(v.0);
            s.push(' ');
            object(r, &mut s);
            s.push_str(", they ");
            s.push_str(r.pick(ADVERBS));
            s.push(' ');
            s.push_str(r.pick(VERBS).0);
            s.push(' ');
            object(r, &mut s);
            s.push('.');
        }
        3 => {
            s.push_str(v.2);
            s.push(' ');
            object(r, &mut s);
            s.push(' ');
            s.push_str(r.pick(CAUSATIVES));
            s.push(' ');
            agents_plural(r, &mut s);
            s.push_str(" to ");
            s.push_str(r.pick(VERBS).0);
            s.push(' ');
            object(r, &mut s);
            s.push('.');
        }
        4 => {
            agents_plural(r, &mut s);
            s.push_str(" who ");
            s.push_str(v.3);
            s.push(' ');
            object(r, &mut s);
            s.push_str(" were more likely to ");
            s.push_str(r.pick(VERBS).0);
            s.push(' ');
            object(r, &mut s);
            if r.chance(1, 2) {
                s.push(' ');
                place(r, &mut s);
            }
            s.push('.');
        }
        5 => {
            s.push_str("it is ");
            s.push_str(r.pick(EVALUATIVE));
            s.push_str(" to ");
            s.push_str(v.0);
            s.push(' ');
            object(r, &mut s);
            s.push(' ');
            place(r, &mut s);
            s.push('.');
        }
        6 => {
            let plural = agent(r, &mut s);
            s.push(' ');
            s.push_str(if plural { v.0 } else { v.1 });
            s.push(' ');
            object(r, &mut s);
            s.push_str(if r.chance(1, 2) { ", and " } else { ", while " });
            let w = r.pick(VERBS);
            let plural = agent(r, &mut s);
            s.push(' ');
            s.push_str(if plural { w.0 } else { w.1 });
            s.push(' ');
            object(r, &mut s);
            s.push('.');
        }
        7 => {
            let one = r.pick(THINGS).0;
            noun_phrase(r, &mut s, one, &["the", "a", "each", "every"]);
            s.push_str(" is ");
            s.push_str(v.4);
            s.push(' ');
            place(r, &mut s);
            s.push_str(" by ");
            agents_plural(r, &mut s);
            s.push('.');
        }
        _ => {
            s.push_str("what ");
            s.push_str(r.pick(THINGS).1);
            s.push_str(" matter most to ");
            agent(r, &mut s);
            s.push('?');
        }
    }
    let words = s.split(' ').count();
    out.push_str(&cap(&s));
    words
}

/// Appends a paragraph of 2-6 sentences (no trailing newline) and returns its word count.
fn paragraph(r: &mut Rng, out: &mut String) -> usize {
    paragraph_within(r, out, usize::MAX)
}

/// A paragraph that stops early, after at least one sentence, once it has `budget` words.
fn paragraph_within(r: &mut Rng, out: &mut String, budget: usize) -> usize {
    let n = r.range(2, 6);
    let mut words = 0;
    for i in 0..n {
        if i > 0 {
            if words >= budget {
                break;
            }
            out.push(' ');
        }
        words += sentence(r, out);
    }
    words
}

fn heading(r: &mut Rng) -> String {
    let mut s = String::new();
    match r.below(8) {
        0 => {
            s.push_str("why ");
            s.push_str(r.pick(MASS));
            s.push_str(" matters");
        }
        1 => {
            s.push_str(r.pick(VERBS).2);
            s.push(' ');
            s.push_str(r.pick(THINGS).1);
        }
        2 => {
            s.push_str("working with ");
            s.push_str(r.pick(AGENTS).1);
        }
        3 => {
            s.push_str(r.pick(ADJECTIVES));
            s.push(' ');
            s.push_str(r.pick(THINGS).1);
        }
        4 => {
            s.push_str(r.pick(MASS));
            s.push_str(" in practice");
        }
        5 => {
            s.push_str("common barriers to ");
            s.push_str(r.pick(MASS));
        }
        6 => {
            s.push_str("when ");
            s.push_str(r.pick(AGENTS).1);
            s.push(' ');
            s.push_str(r.pick(VERBS).0);
            s.push(' ');
            s.push_str(r.pick(THINGS).1);
        }
        _ => {
            s.push_str("a closer look at ");
            s.push_str(r.pick(MASS));
        }
    }
    cap(&s)
}

fn title(r: &mut Rng) -> String {
    let mut s = String::new();
    match r.below(3) {
        0 => {
            s.push_str(r.pick(VERBS).2);
            s.push(' ');
            s.push_str(r.pick(THINGS).1);
            s.push(' ');
            s.push_str(r.pick(PLACES));
        }
        1 => {
            s.push_str(r.pick(MASS));
            s.push_str(" and ");
            s.push_str(r.pick(MASS));
        }
        _ => {
            s.push_str(r.pick(VERBS).2);
            s.push(' ');
            s.push_str(r.pick(THINGS).1);
            s.push_str(" with ");
            s.push_str(r.pick(AGENTS).1);
        }
    }
    cap(&s)
}

/// "Review the action plan at home": a list item or an objective.
fn instruction(r: &mut Rng) -> String {
    let mut s = String::from(r.pick(VERBS).0);
    s.push(' ');
    object(r, &mut s);
    if r.chance(1, 2) {
        s.push(' ');
        place(r, &mut s);
    }
    cap(&s)
}

/// One sentence as a string, for descriptions, statements and annotations.
fn one_sentence(r: &mut Rng) -> String {
    let mut s = String::new();
    sentence(r, &mut s);
    s
}

fn toml_str(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

fn toml_list<S: AsRef<str>>(items: &[S]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| toml_str(s.as_ref())).collect();
    format!("[{}]", quoted.join(", "))
}

fn pick_names(r: &mut Rng, vocabulary: &[&str], lo: usize, hi: usize) -> Vec<String> {
    let k = r.range(lo, hi);
    let mut picked = r.distinct(k, vocabulary.len());
    picked.sort_unstable();
    picked
        .into_iter()
        .map(|i| vocabulary[i].to_string())
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Lessons

#[derive(Clone, Copy)]
enum Link {
    Lesson,
    Objective,
    Competency,
    Resource,
}

/// A sentence holding one cross-reference of `kind`.
fn link_sentence(
    r: &mut Rng,
    plan: &Plan,
    g: usize,
    teaches: &[String],
    res: &[String],
    kind: Link,
) -> String {
    match kind {
        Link::Lesson => {
            let target = if plan.lessons < 2 {
                "@/modules/_index.md".to_string()
            } else {
                let other = (g + 1 + r.below(plan.lessons - 1)) % plan.lessons;
                plan.lesson_path(other)
            };
            let text = format!("more on {}", r.pick(MASS));
            match r.below(3) {
                0 => format!("See [{text}]({target}) for a worked example."),
                1 => format!("This builds on [{text}]({target})."),
                _ => format!("The lesson with [{text}]({target}) takes this further."),
            }
        }
        Link::Objective => {
            let id = &teaches[r.below(teaches.len())];
            match r.below(3) {
                0 => format!("This section supports objective [@{id}]."),
                1 => format!("It works towards [the objective](@{id})."),
                _ => format!("Keep [@{id}] in mind while you read."),
            }
        }
        Link::Competency => {
            let c = r.below(plan.competencies) + 1;
            format!("The wider competency is [@CMP-{c}].")
        }
        Link::Resource => {
            let key = &res[r.below(res.len())];
            match r.below(3) {
                0 => format!("For background, read [@{key}]."),
                1 => format!("[@{key}] reports similar findings."),
                _ => format!("The approach follows [@{key}]."),
            }
        }
    }
}

fn bullet_list(r: &mut Rng, out: &mut String, numbered: bool) -> usize {
    let mut words = 0;
    for i in 0..r.range(3, 5) {
        let item = instruction(r);
        words += item.split(' ').count();
        if numbered {
            let _ = writeln!(out, "{}. {item}.", i + 1);
        } else {
            let _ = writeln!(out, "- {item}");
        }
    }
    words
}

fn table(r: &mut Rng, out: &mut String) {
    out.push_str("| step | who | focus |\n| --- | --- | --- |\n");
    for i in 0..r.range(3, 4) {
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            i + 1,
            r.pick(AGENTS).1,
            r.pick(MASS)
        );
    }
}

fn code_block(r: &mut Rng, out: &mut String, n: usize) {
    let planned = r.range(3, 7);
    match (n / 10 - 1) % 3 {
        0 => {
            let _ = write!(
                out,
                "```rust\n/// Share of the planned steps done this week.\nfn progress(done: u32, planned: u32) -> f32 {{\n    if planned == 0 {{\n        return 0.0;\n    }}\n    done as f32 / planned as f32\n}}\n\nfn main() {{\n    let week = [(1, {planned}), ({}, {planned}), ({planned}, {planned})];\n    for (done, planned) in week {{\n        println!(\"{{:.0}}%\", progress(done, planned) * 100.0);\n    }}\n}}\n```\n",
                planned - 1
            );
        }
        1 => {
            let _ = write!(
                out,
                "```python\ndef needs_a_smaller_step(ratings, threshold={planned}):\n    \"\"\"Steps whose confidence rating is below the threshold.\"\"\"\n    return [step for step, score in ratings.items() if score < threshold]\n\nplan = {{\"walk ten minutes\": 8, \"log symptoms\": 5, \"call a friend\": 6}}\nprint(needs_a_smaller_step(plan))\n```\n"
            );
        }
        _ => {
            let _ = write!(
                out,
                "```text\nGoal:        {}\nAction plan: {}\nHow often:   {planned} times this week\nConfidence:  {}/10\n```\n",
                cap(r.pick(MASS)),
                instruction(r),
                r.range(5, 9)
            );
        }
    }
}

/// Lesson `l` (0-based) of module `m`.
fn lesson(plan: &Plan, m: &Module, l: usize) -> String {
    let g = m.first + l;
    let n = g + 1;
    let r = &mut Rng::new(plan.seed, LESSON, g);
    let mut out = String::with_capacity(5000);

    // Lesson g teaches objective g mod O, so every objective is taught once there are O lessons.
    let objectives = plan.objectives();
    let mut teaches = vec![g % objectives];
    if objectives > 1 && r.chance(1, 2) {
        teaches.push((g + 1 + r.below(objectives - 1)) % objectives);
    }
    let teaches: Vec<String> = teaches.into_iter().map(|k| plan.objective(k)).collect();
    let k = r.range(1, 3);
    let res: Vec<String> = r
        .distinct(k, plan.resources.len())
        .into_iter()
        .map(|i| plan.resources[i].key.clone())
        .collect();

    let _ = writeln!(out, "+++\ntitle = {}", toml_str(&title(r)));
    let _ = writeln!(out, "description = {}", toml_str(&one_sentence(r)));
    let _ = writeln!(out, "weight = {}", l + 1);
    let _ = writeln!(out, "teaches = {}", toml_list(&teaches));
    let _ = writeln!(out, "resources = {}", toml_list(&res));
    out.push_str("\n[taxonomies]\n");
    let _ = writeln!(out, "topics = {}", toml_list(&pick_names(r, TOPICS, 2, 3)));
    let _ = writeln!(
        out,
        "professions = {}",
        toml_list(&pick_names(r, PROFESSIONS, 1, 2))
    );
    out.push_str("+++\n\n");

    let target = r.range(410, 540);
    let mut words = paragraph(r, &mut out);
    out.push_str("\n\n<!-- more -->\n\n");

    let sections = r.range(3, 5);
    let links = [
        Link::Lesson,
        if r.chance(1, 4) {
            Link::Competency
        } else {
            Link::Objective
        },
        if r.chance(1, 5) {
            Link::Lesson
        } else {
            Link::Resource
        },
    ];
    let bullets_in = r.below(sections);
    let numbered_in = r.below(sections);
    let extra_in = r.below(sections);
    for s in 0..sections {
        let budget = (target.saturating_sub(words)) / (sections - s);
        let mut section_words = 0;
        let _ = writeln!(out, "## {}\n", heading(r));
        section_words += paragraph_within(r, &mut out, budget);
        for (i, kind) in links.iter().enumerate() {
            if i * sections / links.len() == s {
                out.push(' ');
                let link = link_sentence(r, plan, g, &teaches, &res, *kind);
                section_words += link.split(' ').count();
                out.push_str(&link);
            }
        }
        out.push_str("\n\n");
        if s == bullets_in {
            section_words += bullet_list(r, &mut out, false);
            out.push('\n');
        }
        if s == numbered_in {
            section_words += bullet_list(r, &mut out, true);
            out.push('\n');
        }
        if s == extra_in && n.is_multiple_of(5) {
            table(r, &mut out);
            out.push('\n');
        }
        if s == extra_in && n.is_multiple_of(10) {
            code_block(r, &mut out, n);
            out.push('\n');
        }
        let mut sub = false;
        while section_words < budget {
            if !sub && r.chance(1, 2) {
                let _ = writeln!(out, "### {}\n", heading(r));
                sub = true;
            }
            section_words += paragraph_within(r, &mut out, budget - section_words);
            out.push_str("\n\n");
        }
        words += section_words;
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

// ---------------------------------------------------------------------------------------------
// Curriculum: competencies and resources

fn competency(plan: &Plan, c: usize) -> String {
    let r = &mut Rng::new(plan.seed, COMPETENCY, c);
    let id = format!("CMP-{}", c + 1);
    let mut out = String::new();
    let _ = writeln!(out, "+++\nkind = \"competency\"\nid = \"{id}\"");
    let _ = writeln!(out, "title = {}", toml_str(&title(r)));
    let _ = writeln!(out, "description = {}", toml_str(&one_sentence(r)));
    let _ = writeln!(out, "statement = {}", toml_str(&one_sentence(r)));
    let source = &plan.resources[r.below(plan.resources.len())].key;
    let _ = writeln!(out, "sources = [\"{source}\"]\nweight = {}", c + 1);
    for o in 0..plan.objectives_per {
        let _ = write!(
            out,
            "\n[[objectives]]\nid = \"{id}.{}\"\ntext = {}\n",
            o + 1,
            toml_str(&format!("{}.", instruction(r)))
        );
    }
    out.push_str("+++\n\n");
    paragraph(r, &mut out);
    let _ = write!(out, "\n\n## {}\n\n", heading(r));
    paragraph(r, &mut out);
    out.push('\n');
    out
}

fn author(r: &mut Rng) -> String {
    let mut s = format!(
        "{}, {}.",
        r.pick(SURNAMES),
        (b'A' + r.below(26) as u8) as char
    );
    if r.chance(1, 3) {
        let _ = write!(s, " {}.", (b'A' + r.below(26) as u8) as char);
    }
    s
}

/// Resource `i`: its key and its TOML record, drawn from its own stream.
fn resource(plan: &Plan, i: usize) -> Resource {
    let r = &mut Rng::new(plan.seed, RESOURCE, i);
    let kind = r.pick(RESOURCE_KINDS);
    let year = r.range(1990, 2025);
    let authors: Vec<String> = match kind {
        "report" if r.chance(1, 2) => vec![r.pick(ORGANISATIONS).to_string()],
        "web" if r.chance(1, 3) => Vec::new(),
        "web" => vec![r.pick(ORGANISATIONS).to_string()],
        _ => (0..r.range(1, 5)).map(|_| author(r)).collect(),
    };
    let title = match kind {
        "article" => format!("{}: {}", title(r), r.pick(STUDY_TYPES)),
        "book" => format!(
            "{} {}: a handbook for {}",
            cap(r.pick(ADJECTIVES)),
            r.pick(MASS),
            r.pick(AGENTS).1
        ),
        "report" => format!(
            "{} in {}: report of a national survey",
            cap(r.pick(MASS)),
            r.pick(PLACES).trim_start_matches("in ")
        ),
        _ => format!("{} for {}", cap(r.pick(MASS)), r.pick(AGENTS).1),
    };
    let lead = match authors.first() {
        Some(a) => a.split([',', ' ']).next().unwrap_or("anon"),
        None => "web",
    };
    let word: String = title
        .split(' ')
        .next()
        .unwrap_or("item")
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect();
    let key = format!(
        "{}-{year}-{}-{}",
        lead.to_ascii_lowercase(),
        word.to_ascii_lowercase(),
        i + 1
    );

    let mut t = String::new();
    let _ = writeln!(
        t,
        "key = \"{key}\"\nkind = \"{kind}\"\nauthors = {}",
        toml_list(&authors)
    );
    if kind != "web" || r.chance(1, 2) {
        let _ = writeln!(t, "year = {year}");
    }
    let _ = writeln!(t, "title = {}", toml_str(&title));
    match kind {
        "article" => {
            let _ = writeln!(t, "journal = {}", toml_str(r.pick(JOURNALS)));
            let first = r.range(1, 400);
            let _ = writeln!(
                t,
                "volume = \"{}\"\nissue = \"{}\"\npages = \"{first}-{}\"",
                r.range(1, 40),
                r.range(1, 12),
                first + r.range(5, 20)
            );
            if r.chance(1, 2) {
                let _ = writeln!(t, "doi = \"10.5555/synth.{}\"", i + 1);
            }
        }
        "book" | "report" => {
            let (publisher, city) = r.pick(PUBLISHERS);
            let _ = writeln!(t, "publisher = \"{publisher}\"\nplace = \"{city}\"");
        }
        _ => {
            let _ = writeln!(t, "url = \"https://example.org/synth/{key}\"");
        }
    }
    let c = r.below(plan.competencies) + 1;
    let mut ids = vec![format!("CMP-{c}")];
    if r.chance(1, 2) {
        ids.push(format!("CMP-{c}.{}", r.range(1, plan.objectives_per)));
    }
    let _ = writeln!(t, "competencies = {}", toml_list(&ids));
    let _ = writeln!(t, "annotation = {}", toml_str(&one_sentence(r)));
    let _ = writeln!(
        t,
        "taxonomies = {{ topics = {} }}",
        toml_list(&pick_names(r, TOPICS, 1, 2))
    );
    let year = (t.contains("\nyear = ")).then_some(year);
    Resource {
        key,
        title,
        year,
        toml: t,
    }
}

/// Gives a second work with the same title and year a part number ("…, part 2"), as `trellis
/// check` reports such pairs as duplicates. Runs in index order, so it is deterministic.
fn distinct_titles(resources: &mut [Resource]) {
    let mut seen = std::collections::HashSet::new();
    for r in resources {
        let fold = |t: &str| -> String {
            t.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect()
        };
        let base = r.title.clone();
        let mut part = 1;
        while r.year.is_some() && !seen.insert((fold(&r.title), r.year)) {
            part += 1;
            r.title = format!("{base}, part {part}");
        }
        if part > 1 {
            r.toml = r.toml.replacen(
                &format!("title = {}", toml_str(&base)),
                &format!("title = {}", toml_str(&r.title)),
                1,
            );
        }
    }
}

fn resource_list(plan: &Plan, i: usize, records: &[Resource]) -> String {
    let r = &mut Rng::new(plan.seed, LIST, i);
    let mut out = String::with_capacity(records.len() * 600);
    let _ = writeln!(
        out,
        "+++\nkind = \"resources\"\ntitle = \"Reading list {}\"",
        i + 1
    );
    let _ = writeln!(
        out,
        "description = {}\nweight = {}",
        toml_str(&one_sentence(r)),
        i + 1
    );
    for rec in records {
        out.push_str("\n[[resources]]\n");
        out.push_str(&rec.toml);
    }
    out.push_str("+++\n\n");
    paragraph(r, &mut out);
    out.push('\n');
    out
}

// ---------------------------------------------------------------------------------------------
// Site, sections, library and map

fn site_toml() -> String {
    let mut out = String::from(
        "title = \"Synthetic Self-Management Curriculum\"\n\
         description = \"A generated competency-based curriculum for benchmarking Trellis.\"\n\
         base_url = \"https://example.org/synthetic/\"\n",
    );
    for (title, page) in [
        ("Modules", "modules/_index.md"),
        ("Competencies", "competencies/_index.md"),
        ("Resources", "resources/_index.md"),
        ("Curriculum map", "curriculum-map.md"),
    ] {
        let _ = write!(out, "\n[[menu]]\ntitle = \"{title}\"\npage = \"{page}\"\n");
    }
    for (name, title) in [("topics", "Topics"), ("professions", "Professions")] {
        let _ = write!(
            out,
            "\n[[taxonomies]]\nname = \"{name}\"\ntitle = \"{title}\"\n"
        );
    }
    out
}

/// Front matter with a title and a description, then `extra` lines, then a paragraph or two.
fn simple_page(r: &mut Rng, title: &str, extra: &str, body: &str) -> String {
    let mut out = format!(
        "+++\ntitle = {}\ndescription = {}\n{extra}+++\n\n{body}",
        toml_str(title),
        toml_str(&one_sentence(r))
    );
    paragraph(r, &mut out);
    out.push('\n');
    out
}

fn home(plan: &Plan) -> String {
    let r = &mut Rng::new(plan.seed, FIXED, 0);
    let body = format!(
        "This synthetic curriculum has {} lessons in [{} modules](@/modules/_index.md), \
         [{} competencies](@/competencies/_index.md), a [library](@/resources/_index.md) of {} \
         resources and a [curriculum map](@/curriculum-map.md).\n\n",
        plan.lessons,
        plan.modules.len(),
        plan.competencies,
        plan.resources.len()
    );
    simple_page(r, "Synthetic Self-Management Curriculum", "", &body)
}

fn modules_index(plan: &Plan) -> String {
    let r = &mut Rng::new(plan.seed, FIXED, 1);
    simple_page(r, "Modules", "weight = 1\nsort_by = \"weight\"\n", "")
}

fn competencies_index(plan: &Plan) -> String {
    let r = &mut Rng::new(plan.seed, FIXED, 2);
    simple_page(r, "Competencies", "weight = 2\n", "")
}

fn library(plan: &Plan) -> String {
    let r = &mut Rng::new(plan.seed, FIXED, 3);
    simple_page(
        r,
        "Resource library",
        "kind = \"library\"\nweight = 3\n",
        "",
    )
}

fn curriculum_map(plan: &Plan) -> String {
    let r = &mut Rng::new(plan.seed, FIXED, 4);
    let body = "Each row shows where a [competency](@/competencies/_index.md) or objective is \
                taught and which resources from the [library](@/resources/_index.md) support it.\n\n";
    simple_page(
        r,
        "Curriculum map",
        "kind = \"curriculum-map\"\nweight = 4\ntoc = false\n",
        body,
    )
}

fn module_index(plan: &Plan, m: &Module) -> String {
    let r = &mut Rng::new(plan.seed, MODULE, m.number);
    let title = format!("Module {}: {}", m.number, title(r));
    simple_page(
        r,
        &title,
        &format!("weight = {}\nsort_by = \"weight\"\n", m.number),
        "",
    )
}

// ---------------------------------------------------------------------------------------------
// Quizzes

fn quizzes_index(plan: &Plan) -> String {
    let r = &mut Rng::new(plan.seed, FIXED, 5);
    simple_page(
        r,
        "Self-assessment quizzes",
        "weight = 5\nsort_by = \"weight\"\n",
        "",
    )
}

/// Quiz `q` (0-based): `questions_per` questions of every answerable type in turn, question `j`
/// assessing objective `(q * questions_per + j) mod O`, so each objective gets two questions
/// once there are `2 O / questions_per` quizzes; then one confidence rating.
fn quiz(plan: &Plan, q: usize) -> String {
    let r = &mut Rng::new(plan.seed, QUIZ, q);
    let mut out = String::with_capacity(4000);
    let _ = writeln!(
        out,
        "+++\nkind = \"quiz\"\ntitle = {}",
        toml_str(&format!("Self-check {}: {}", q + 1, title(r)))
    );
    let _ = writeln!(out, "description = {}", toml_str(&one_sentence(r)));
    let _ = writeln!(out, "weight = {}", q + 1);
    let mut assessed = Vec::new();
    for j in 0..plan.questions_per {
        let objective = plan.objective((q * plan.questions_per + j) % plan.objectives());
        let _ = write!(
            out,
            "\n[[questions]]\nid = \"q{}\"\nobjectives = [\"{objective}\"]\n",
            j + 1
        );
        question(r, &mut out, (q + j) % 7);
        if r.chance(1, 3) {
            let _ = writeln!(out, "hint = {}", toml_str(&one_sentence(r)));
        }
        let _ = writeln!(out, "explanation = {}", toml_str(&one_sentence(r)));
        assessed.push(objective);
    }
    assessed.dedup();
    let _ = write!(
        out,
        "\n[[questions]]\nid = \"confidence\"\ntype = \"confidence\"\nobjectives = {}\n\
         prompt = \"How confident are you that you can {}?\"\n",
        toml_list(&assessed),
        instruction(r).to_lowercase()
    );
    out.push_str("+++\n\n");
    paragraph(r, &mut out);
    out.push('\n');
    out
}

/// The type, prompt and answer lines of a question of kind `kind` (0-6).
fn question(r: &mut Rng, out: &mut String, kind: usize) {
    let prompt = |r: &mut Rng| toml_str(&format!("{} What should happen next?", one_sentence(r)));
    let option = |r: &mut Rng, correct: bool| {
        let feedback = if r.chance(1, 2) {
            format!(", feedback = {}", toml_str(&one_sentence(r)))
        } else {
            String::new()
        };
        let flag = if correct { ", correct = true" } else { "" };
        format!(
            "  {{ text = {}{flag}{feedback} }},\n",
            toml_str(&instruction(r))
        )
    };
    match kind {
        0 | 1 => {
            let multiple = kind == 1;
            let n = r.range(3, 5);
            let right = r.below(n);
            let _ = write!(
                out,
                "type = \"{}\"\nprompt = {}\noptions = [\n",
                if multiple { "multiple" } else { "single" },
                prompt(r)
            );
            for i in 0..n {
                let correct = i == right || (multiple && r.chance(1, 3));
                out.push_str(&option(r, correct));
            }
            out.push_str("]\n");
        }
        2 => {
            let _ = writeln!(
                out,
                "type = \"true-false\"\nprompt = {}\nanswer = {}\nfeedback_true = {}\nfeedback_false = {}",
                toml_str(&one_sentence(r)),
                r.chance(1, 2),
                toml_str(&one_sentence(r)),
                toml_str(&one_sentence(r))
            );
        }
        3 => {
            let word = r.pick(MASS);
            let _ = writeln!(
                out,
                "type = \"short\"\nprompt = {}\naccept = [{}, {}]\nfeedback = {}",
                toml_str(&format!(
                    "Which term names the skill in this sentence? {}",
                    one_sentence(r)
                )),
                toml_str(word),
                toml_str(&format!("the {word}")),
                toml_str(&one_sentence(r))
            );
        }
        4 => {
            let _ = writeln!(
                out,
                "type = \"numeric\"\nprompt = \"On a scale from 0 to 10, what confidence score is usually high enough to keep a {} as it is?\"\nanswer = {}\ntolerance = {}",
                r.pick(THINGS).0,
                r.range(6, 8),
                r.below(2)
            );
        }
        5 => {
            let _ = write!(
                out,
                "type = \"ordering\"\nprompt = \"Put these steps in order.\"\nitems = ["
            );
            for i in 0..r.range(3, 5) {
                let sep = if i == 0 { "" } else { ", " };
                let _ = write!(out, "{sep}{}", toml_str(&instruction(r)));
            }
            out.push_str("]\n");
        }
        _ => {
            let _ = write!(
                out,
                "type = \"matching\"\nprompt = \"Match each term to what it describes.\"\npairs = [\n"
            );
            let k = r.range(2, 4);
            let terms = r.distinct(k, MASS.len());
            for t in terms {
                let _ = writeln!(
                    out,
                    "  [{}, {}],",
                    toml_str(&cap(MASS[t])),
                    toml_str(&instruction(r))
                );
            }
            out.push_str("]\n");
        }
    }
}
