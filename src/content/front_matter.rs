//! Splitting a markdown file into TOML front matter and body, and the front matter's shape.

use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use super::resource::ResourceRecord;
use crate::diagnostic::Diagnostic;
use crate::toml_error::toml_diagnostic;

/// What a content file defines.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Page,
    Section,
    Competency,
    Framework,
    Resources,
    Library,
    CurriculumMap,
    Quiz,
    Progress,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Page => "page",
            Kind::Section => "section",
            Kind::Competency => "competency",
            Kind::Framework => "framework",
            Kind::Resources => "resources",
            Kind::Library => "library",
            Kind::CurriculumMap => "curriculum-map",
            Kind::Quiz => "quiz",
            Kind::Progress => "progress",
        }
    }

    /// Whether this kind belongs in an `_index.md` (a section) rather than a page.
    pub fn is_section_kind(self) -> bool {
        matches!(self, Kind::Section | Kind::Library)
    }
}

#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum SortBy {
    #[default]
    Weight,
    Title,
    Date,
}

/// Front matter of any content file. `R` is the type of `resources`: a list of keys on most
/// pages, a list of records on a `kind = "resources"` page.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter<R: Default> {
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub weight: i64,
    #[serde(default)]
    pub draft: bool,
    pub date: Option<Spanned<toml::value::Datetime>>,
    pub slug: Option<Spanned<String>>,
    pub template: Option<Spanned<String>>,
    pub page_template: Option<Spanned<String>>,
    pub sort_by: Option<Spanned<SortBy>>,
    pub kind: Option<Spanned<Kind>>,
    pub toc: Option<bool>,
    /// Who the page is written for (`patient`, `learner`): its readability limit in site.toml.
    /// A section's audience applies to the pages below it.
    pub audience: Option<Spanned<String>>,
    #[serde(default)]
    pub teaches: Vec<Spanned<String>>,
    #[serde(default)]
    pub resources: R,
    pub include: Option<Spanned<Vec<Spanned<String>>>>,
    #[serde(default)]
    pub sources: Vec<Spanned<String>>,
    #[serde(default)]
    pub taxonomies: Taxonomies,
    #[serde(default)]
    pub extra: toml::Table,
    // kind = "competency"
    pub id: Option<Spanned<String>>,
    pub statement: Option<Spanned<String>>,
    pub objectives: Option<Spanned<Vec<ObjectiveEntry>>>,
    // kind = "framework"
    pub elements: Option<Spanned<Vec<ElementEntry>>>,
    // kind = "quiz"
    pub shuffle: Option<Spanned<bool>>,
    pub questions: Option<Spanned<Vec<crate::quiz::entry::QuestionEntry>>>,
}

/// Terms per taxonomy name, with the name's position for errors.
/// Taxonomy name -> terms, each with its position for errors about it.
pub type Taxonomies = std::collections::BTreeMap<Spanned<String>, Vec<Spanned<String>>>;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ObjectiveEntry {
    pub id: Spanned<String>,
    pub text: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ElementEntry {
    pub id: Spanned<String>,
    #[serde(default)]
    pub name: String,
    pub text: String,
    pub about: Option<Spanned<String>>,
}

/// Front matter as stored on a page: resource records moved out into `records`.
pub type Meta = FrontMatter<Vec<Spanned<String>>>;

/// The parts of a content file.
pub struct Parsed {
    pub meta: Meta,
    pub records: Vec<ResourceRecord>,
    /// Byte offset of the front matter's TOML and of the markdown body in the file.
    pub front_start: usize,
    pub body_start: usize,
}

/// Splits and parses `source`, the whole text of `path`.
pub fn parse(path: &Path, source: &str) -> Result<Parsed, Diagnostic> {
    let (front_start, front, body_start) = split(path, source)?;
    let err = |e: toml::de::Error| toml_diagnostic(path, source, front_start, &e);
    // Parsed once: the kind decides what the table is read into.
    let table = toml::de::DeTable::parse(front).map_err(err)?;
    let resources = table.get_ref().iter().any(|(key, value)| {
        &**key.get_ref() == "kind"
            && matches!(value.get_ref(), toml::de::DeValue::String(s) if &**s == Kind::Resources.name())
    });
    let de = toml::de::Deserializer::from(table);
    if resources {
        let fm = FrontMatter::<Vec<ResourceRecord>>::deserialize(de).map_err(err)?;
        let (meta, records) = fm.take_resources(|fm| fm.include.take());
        Ok(Parsed {
            meta,
            records,
            front_start,
            body_start,
        })
    } else {
        let meta = Meta::deserialize(de).map_err(err)?;
        Ok(Parsed {
            meta,
            records: Vec::new(),
            front_start,
            body_start,
        })
    }
}

impl FrontMatter<Vec<ResourceRecord>> {
    /// Moves the records out; `include`'s keys take the place of `resources`.
    fn take_resources(
        mut self,
        include: impl FnOnce(&mut Self) -> Option<Spanned<Vec<Spanned<String>>>>,
    ) -> (Meta, Vec<ResourceRecord>) {
        let include = include(&mut self);
        let records = std::mem::take(&mut self.resources);
        let meta = Meta {
            title: self.title,
            description: self.description,
            weight: self.weight,
            draft: self.draft,
            date: self.date,
            slug: self.slug,
            template: self.template,
            page_template: self.page_template,
            sort_by: self.sort_by,
            kind: self.kind,
            toc: self.toc,
            audience: self.audience,
            teaches: self.teaches,
            resources: include.map(Spanned::into_inner).unwrap_or_default(),
            include: None,
            sources: self.sources,
            taxonomies: self.taxonomies,
            extra: self.extra,
            id: self.id,
            statement: self.statement,
            objectives: self.objectives,
            elements: self.elements,
            shuffle: self.shuffle,
            questions: self.questions,
        };
        (meta, records)
    }
}

/// IDs and resource keys a file defines, read leniently from front matter that failed to
/// parse strictly (e.g. because of an unknown key), so that references to them are not
/// reported as unknown on top of the file's own error.
pub fn salvage_ids(source: &str) -> Vec<String> {
    let Ok((_, front, _)) = split(Path::new(""), source) else {
        return Vec::new();
    };
    let Ok(table) = toml::from_str::<toml::Table>(front) else {
        return Vec::new();
    };
    let mut ids = Vec::new();
    let mut take = |v: Option<&toml::Value>| {
        if let Some(s) = v.and_then(toml::Value::as_str) {
            ids.push(s.to_string());
        }
    };
    take(table.get("id"));
    for (list, field) in [
        ("objectives", "id"),
        ("elements", "id"),
        ("resources", "key"),
    ] {
        for item in table
            .get(list)
            .and_then(toml::Value::as_array)
            .into_iter()
            .flatten()
        {
            take(item.get(field));
        }
    }
    ids
}

/// Returns (front matter start, front matter text, body start).
fn split<'a>(path: &Path, source: &'a str) -> Result<(usize, &'a str, usize), Diagnostic> {
    let bom = if source.starts_with('\u{feff}') { 3 } else { 0 };
    let text = &source[bom..];
    let open_len = if text.starts_with("+++\r\n") {
        5
    } else if text.starts_with("+++\n") {
        4
    } else {
        return Err(Diagnostic::new(
            "expected front matter: the file must start with a `+++` line",
        )
        .at(
            path,
            source,
            bom..bom + text.find('\n').unwrap_or(text.len()).clamp(1, 3),
        )
        .hint("begin the file with `+++`, then `title = \"...\"`, then another `+++` line"));
    };
    let start = bom + open_len;
    let mut offset = start;
    for line in source[start..].split_inclusive('\n') {
        if line.trim_end_matches(['\n', '\r']) == "+++" {
            return Ok((start, &source[start..offset], offset + line.len()));
        }
        offset += line.len();
    }
    Err(
        Diagnostic::new("unclosed front matter: no closing `+++` line")
            .at(path, source, bom..bom + 3)
            .hint("add a line with only `+++` after the front matter"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_and_body() {
        let src = "+++\ntitle = \"A\"\n+++\nBody\n";
        let p = parse(Path::new("a.md"), src).unwrap();
        assert_eq!(p.meta.title, "A");
        assert_eq!(&src[p.body_start..], "Body\n");
        assert_eq!(p.front_start, 4);
    }

    #[test]
    fn missing_opening_fence_is_an_error() {
        let e = parse(Path::new("a.md"), "title = 1\n").err().unwrap();
        assert!(e.to_string().starts_with("error: expected front matter"));
    }

    #[test]
    fn unknown_key_points_into_the_file() {
        let src = "+++\ntitle = \"A\"\ntitel = \"B\"\n+++\n";
        let e = parse(Path::new("a.md"), src).err().unwrap();
        assert_eq!(e.origin().unwrap(), "a.md:3:1");
        assert!(
            e.message().starts_with("unknown field `titel`"),
            "{}",
            e.message()
        );
    }

    #[test]
    fn resources_page_takes_records_and_include() {
        let src = "+++\ntitle = \"R\"\nkind = \"resources\"\ninclude = [\"x\"]\n[[resources]]\nkey = \"a-1\"\nkind = \"web\"\nauthors = [\"Org\"]\ntitle = \"T\"\nannotation = \"Why.\"\n+++\n";
        let p = parse(Path::new("r.md"), src).unwrap();
        assert_eq!(p.records.len(), 1);
        assert_eq!(p.meta.resources[0].get_ref(), "x");
    }
}
