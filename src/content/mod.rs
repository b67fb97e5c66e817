//! The content model: pages and sections found under `content/`, and the curriculum they define
//! (competencies and objectives, framework elements, resources, taxonomy terms).

pub mod coverage;
pub mod front_matter;
pub mod ids;
mod loader;
pub mod resource;
mod validate;

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::diagnostic::Diagnostic;

pub use front_matter::{Kind, Meta, SortBy};
pub use ids::Target;
pub use loader::{load, LoadOptions};
pub use resource::{ResourceKind, ResourceRecord};

/// One markdown file under `content/`.
#[derive(Debug)]
pub struct Page {
    /// Path for messages, relative to the site root: `content/modules/intro.md`.
    pub file: PathBuf,
    /// Path relative to `content/`, with `/` separators: `modules/intro.md`.
    pub rel: String,
    /// The whole text of the file.
    pub source: String,
    /// Byte offsets of the front matter's TOML and of the body in `source`.
    pub front_start: usize,
    pub body_start: usize,
    pub meta: Meta,
    /// Records of a `kind = "resources"` page, until they move into `Content::resources`.
    pub records: Vec<ResourceRecord>,
    pub is_section: bool,
    /// Output folder, site-relative, ending in `/` (`""` for the home page).
    pub path: String,
    /// The section this page or section belongs to (None for the home page).
    pub parent: Option<usize>,
    /// For sections: pages and subsections, in order.
    pub pages: Vec<usize>,
    pub subsections: Vec<usize>,
    /// A Moodle GIFT file's questions and the problems found in it.
    pub gift: Option<(Vec<crate::quiz::Question>, Vec<crate::quiz::QuizError>)>,
}

impl Page {
    pub fn kind(&self) -> Kind {
        match &self.meta.kind {
            Some(k) => *k.get_ref(),
            None if self.is_section => Kind::Section,
            None => Kind::Page,
        }
    }

    pub fn body(&self) -> &str {
        &self.source[self.body_start..]
    }

    /// Site-relative link to this page: `modules/intro/index.html`.
    pub fn href(&self) -> String {
        format!("{}index.html", self.path)
    }

    pub fn title(&self) -> &str {
        &self.meta.title
    }

    /// A diagnostic pointing at `span`, a range inside the front matter (as serde reports it).
    pub fn error_at(&self, message: impl Into<String>, span: std::ops::Range<usize>) -> Diagnostic {
        let span = self.front_start + span.start..self.front_start + span.end;
        Diagnostic::new(message).at(&self.file, &self.source, span)
    }
}

#[derive(Debug)]
pub struct Competency {
    pub page: usize,
    pub id: String,
    pub title: String,
    pub statement: String,
    pub objectives: Vec<Objective>,
}

#[derive(Debug)]
pub struct Objective {
    pub id: String,
    pub text: String,
}

#[derive(Debug)]
pub struct Element {
    pub page: usize,
    pub id: String,
    pub name: String,
    pub text: String,
    /// Markdown, and its offset in the page's file for error positions.
    pub about: String,
    pub about_start: usize,
}

impl Element {
    /// Where the markdown of `about` starts in its page's file (`source`): a multi-line string's
    /// first line starts after the quotes.
    pub fn about_offset(&self, source: &str) -> usize {
        source[self.about_start..]
            .find(self.about.lines().next().unwrap_or(""))
            .map_or(self.about_start, |o| self.about_start + o)
    }
}

#[derive(Debug)]
pub struct Resource {
    /// The `kind = "resources"` page that defines it.
    pub page: usize,
    pub record: ResourceRecord,
}

/// A quiz page's questions, checked against the curriculum.
#[derive(Debug)]
pub struct Quiz {
    pub page: usize,
    pub shuffle: bool,
    pub questions: Vec<crate::quiz::Question>,
}

/// A taxonomy term and everything tagged with it.
#[derive(Debug, Default)]
pub struct Term {
    pub name: String,
    pub pages: Vec<usize>,
    pub resources: Vec<usize>,
}

/// Everything loaded from `content/`, resolved and cross-linked.
#[derive(Debug, Default)]
pub struct Content {
    pub pages: Vec<Page>,
    pub home: usize,
    pub by_rel: BTreeMap<String, usize>,
    pub competencies: Vec<Competency>,
    pub elements: Vec<Element>,
    pub resources: Vec<Resource>,
    pub quizzes: Vec<Quiz>,
    /// Every cross-reference ID and resource key.
    pub ids: BTreeMap<String, Target>,
    /// The `kind = "library"` section, if the site has one.
    pub library: Option<usize>,
    /// Symbolic links under `content/` (site-relative, `/`-separated), which are not followed,
    /// and whether each leads to a folder.
    pub symlinks: Vec<(String, bool)>,
    /// Taxonomy name -> term slug -> term.
    pub terms: BTreeMap<String, BTreeMap<String, Term>>,
    /// Objective ID -> pages that teach it.
    pub taught_in: BTreeMap<String, Vec<usize>>,
    /// Files under `content/` that are not markdown (relative, `/`-separated), copied as is.
    pub assets: std::collections::BTreeSet<String>,
    /// Files that failed to load, and the IDs they seem to define: references to these are
    /// not reported again, since the file's own error already is.
    pub broken_files: std::collections::BTreeSet<String>,
    pub broken_ids: std::collections::BTreeSet<String>,
}

impl Content {
    pub fn page_by_rel(&self, rel: &str) -> Option<&Page> {
        self.by_rel.get(rel).map(|&i| &self.pages[i])
    }

    /// Site-relative link to a cross-reference target, and the text a bare `[@ID]` shows.
    pub fn target_link(&self, target: Target) -> (String, String) {
        match target {
            Target::Competency(c) => {
                let comp = &self.competencies[c];
                (self.pages[comp.page].href(), comp.id.clone())
            }
            Target::Objective(c, o) => {
                let comp = &self.competencies[c];
                let id = &comp.objectives[o].id;
                (
                    format!("{}#{}", self.pages[comp.page].href(), ids::anchor(id)),
                    id.clone(),
                )
            }
            Target::Element(e) => {
                let el = &self.elements[e];
                (
                    format!("{}#{}", self.pages[el.page].href(), ids::anchor(&el.id)),
                    el.id.clone(),
                )
            }
            Target::Resource(r) => (self.resource_href(r), self.resources[r].record.short()),
        }
    }

    /// A tooltip for a cross-reference: the full text the ID stands for.
    pub fn target_title(&self, target: Target) -> String {
        match target {
            Target::Competency(c) => self.competencies[c].statement.clone(),
            Target::Objective(c, o) => self.competencies[c].objectives[o].text.clone(),
            Target::Element(e) => self.elements[e].text.clone(),
            Target::Resource(r) => self.resources[r].record.title.get_ref().clone(),
        }
    }

    /// Where a resource is listed: its entry in the library, else on the page that defines it.
    pub fn resource_href(&self, r: usize) -> String {
        let page = self.library.unwrap_or(self.resources[r].page);
        format!(
            "{}#{}",
            self.pages[page].href(),
            ids::resource_anchor(self.resources[r].record.key())
        )
    }

    /// The competency an objective ID belongs to, with the objective's index.
    pub fn objective(&self, id: &str) -> Option<(usize, usize)> {
        match self.ids.get(id) {
            Some(Target::Objective(c, o)) => Some((*c, *o)),
            _ => None,
        }
    }

    /// Whether a reference to `id` should stay quiet because its file failed to load.
    pub fn is_broken(&self, id: &str) -> bool {
        self.broken_ids.contains(id) || self.broken_files.contains(id)
    }

    /// A resource index by key.
    pub fn resource(&self, key: &str) -> Option<usize> {
        match self.ids.get(key) {
            Some(Target::Resource(r)) => Some(*r),
            _ => None,
        }
    }

    /// The chain of sections from the home page down to `page`'s parent.
    pub fn ancestors(&self, page: usize) -> Vec<usize> {
        let mut chain = Vec::new();
        let mut cur = self.pages[page].parent;
        while let Some(p) = cur {
            chain.push(p);
            cur = self.pages[p].parent;
        }
        chain.reverse();
        chain
    }
}

/// A URL-safe form of a term or heading: lower case, words joined by dashes.
pub fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut dash = false;
    for c in text.chars() {
        // Most titles are ASCII: no folding or Unicode tables for those letters.
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                if dash && !out.is_empty() {
                    out.push('-');
                }
                dash = false;
                out.push(c.to_ascii_lowercase());
            } else if c != '\'' {
                dash = true;
            }
            continue;
        }
        let c = fold_char(c);
        if c.is_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else {
                out.extend(c.to_lowercase());
            }
        } else if c != '\'' && c != '\u{2019}' {
            dash = true;
        }
    }
    out
}

/// Folds common accented Latin letters to their base letter, for slugs.
fn fold_char(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::{fold_char, slugify};

    /// The rule every character follows, without the ASCII shortcut.
    fn slugify_by_rule(text: &str) -> String {
        let mut out = String::new();
        let mut dash = false;
        for c in text.chars().map(fold_char) {
            if c.is_alphanumeric() {
                if dash && !out.is_empty() {
                    out.push('-');
                }
                dash = false;
                out.extend(c.to_lowercase());
            } else if c != '\'' && c != '\u{2019}' {
                dash = true;
            }
        }
        out
    }

    #[test]
    fn ascii_letters_take_a_shortcut_to_the_same_slugs() {
        // Every ASCII character between letters and at the ends, and mixed titles.
        let mut texts: Vec<String> = (0u8..0x80)
            .map(|b| format!("{c}Goal{c}s{c}", c = char::from(b)))
            .collect();
        texts.extend([
            (0u8..0x80).map(char::from).collect(),
            "Goals & \"plans\" -- it's the (2nd) step_by_step".into(),
            "Ärzte’ day: naïve CAFÉ".into(),
            "  -- ".into(),
        ]);
        for text in &texts {
            assert_eq!(slugify(text), slugify_by_rule(text), "{text:?}");
        }
    }

    #[test]
    fn slugs() {
        assert_eq!(slugify("Why it matters"), "why-it-matters");
        assert_eq!(
            slugify("vulnerable/disadvantaged"),
            "vulnerable-disadvantaged"
        );
        assert_eq!(
            slugify("Person-centred care: PCC's four principles"),
            "person-centred-care-pccs-four-principles"
        );
        assert_eq!(slugify("  Café  "), "cafe");
        assert_eq!(slugify("ÜBER Straße"), "über-straße");
    }
}
