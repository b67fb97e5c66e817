//! Metadata findings: resource records without the fields their kind needs for a reader to find
//! the work, duplicate records, pages without a description, and symbolic links in content/
//! (which are not followed).

use std::collections::HashMap;
use std::path::Path;

use super::Findings;
use crate::content::{Content, ResourceKind, ResourceRecord};
use crate::diagnostic::Diagnostic;

/// Fields a record of each kind needs for a reader to find the work, beyond what every build
/// requires (an article's journal and year): each entry is a set of alternatives.
fn needs(kind: ResourceKind) -> &'static [&'static [&'static str]] {
    match kind {
        ResourceKind::Article => &[],
        ResourceKind::Book | ResourceKind::Chapter => &[&["publisher"]],
        ResourceKind::Report
        | ResourceKind::Toolkit
        | ResourceKind::Training
        | ResourceKind::Policy => &[&["publisher", "url", "doi"]],
        ResourceKind::Video | ResourceKind::Web => &[&["url"]],
    }
}

fn has(r: &ResourceRecord, field: &str) -> bool {
    let set = |o: &Option<String>| o.as_ref().is_some_and(|s| !s.trim().is_empty());
    match field {
        "publisher" => set(&r.publisher),
        "doi" => r.doi.is_some(),
        "url" => r.url.is_some(),
        _ => false,
    }
}

pub fn check(content: &Content, f: &mut Findings) {
    for (path, folder) in &content.symlinks {
        let what = if *folder { "folder" } else { "file" };
        f.push(
            "symlink",
            Diagnostic::new(format!(
                "`{path}` is a symbolic link; Trellis does not follow links in content/"
            ))
            .in_file(Path::new(path))
            .hint(format!("copy the {what} into content/ instead")),
        );
    }
    let mut by_doi: HashMap<String, usize> = HashMap::new();
    let mut by_title: HashMap<(String, Option<i64>), usize> = HashMap::new();
    for (i, res) in content.resources.iter().enumerate() {
        let r = &res.record;
        let page = &content.pages[res.page];
        let key = r.key();
        let kind = *r.kind.get_ref();
        // An organisation that is the author is also the publisher (APA leaves it out).
        let organisation = r.authors.get_ref().iter().any(|a| !a.contains(','));
        for alternatives in needs(kind) {
            let publisher_known = organisation && alternatives.contains(&"publisher");
            if !publisher_known && !alternatives.iter().any(|field| has(r, field)) {
                let fields: Vec<String> = alternatives.iter().map(|a| format!("`{a}`")).collect();
                f.push(
                    "resource-fields",
                    page.error_at(
                        format!(
                            "resource `{key}` ({}) has no {}",
                            kind.name(),
                            fields.join(" or ")
                        ),
                        r.key.span(),
                    )
                    .hint(format!(
                        "readers need it to find the work: add `{} = \"...\"`",
                        alternatives[0]
                    )),
                );
            }
        }
        let duplicate_of = r
            .doi
            .as_ref()
            .and_then(|d| {
                let doi = d.get_ref().trim().to_lowercase();
                by_doi
                    .get(&doi)
                    .map(|&first| (first, format!("the same DOI `{}`", d.get_ref())))
                    .or_else(|| {
                        by_doi.insert(doi, i);
                        None
                    })
            })
            .or_else(|| {
                let title: String = r
                    .title
                    .get_ref()
                    .chars()
                    .filter(|c| c.is_alphanumeric())
                    .flat_map(char::to_lowercase)
                    .collect();
                // Without a year, two works may share a title (two "What is ...?" pages).
                let year = r.year()?;
                match by_title.get(&(title.clone(), Some(year))) {
                    Some(&first) => Some((first, "the same title and year".to_string())),
                    None => {
                        by_title.insert((title, Some(year)), i);
                        None
                    }
                }
            });
        if let Some((first, why)) = duplicate_of {
            let other = &content.resources[first];
            let at = content.pages[other.page]
                .error_at("", other.record.key.span())
                .origin()
                .unwrap_or_default();
            f.push(
                "duplicate-resource",
                page.error_at(
                    format!(
                        "resource `{key}` duplicates `{}`: {why}",
                        other.record.key()
                    ),
                    r.key.span(),
                )
                .hint(format!(
                    "`{}` is defined at {at}; keep one record and cite it by its key everywhere",
                    other.record.key()
                )),
            );
        }
    }
    for page in &content.pages {
        // A GIFT file has no front matter to hold a description, and the implicit home page no file.
        if page.rel.ends_with(".gift")
            || page.source.is_empty()
            || !page.meta.description.trim().is_empty()
        {
            continue;
        }
        let first_line = page.source[page.front_start..].find('\n').unwrap_or(0);
        f.push(
            "description",
            crate::diagnostic::Diagnostic::new(format!("page `{}` has no description", page.title()))
                .at(&page.file, &page.source, page.front_start..page.front_start + first_line)
                .hint("add `description = \"...\"`: one sentence on what the page offers; lists, search results and search engines show it"),
        );
    }
}
