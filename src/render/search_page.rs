//! The search page's static part: an A-Z index of every page, competency, objective and
//! resource, so the page is useful without JavaScript (the header box submits to it).

use std::collections::BTreeMap;

use serde::Serialize;

use super::Renderer;
use crate::content::Kind;
use crate::search::tokenizer::fold;

#[derive(Serialize)]
pub struct Entry {
    title: String,
    href: String,
    kind: &'static str,
}

#[derive(Serialize)]
pub struct Letter {
    letter: String,
    anchor: String,
    entries: Vec<Entry>,
}

/// Everything a reader can land on, grouped by first letter, sorted by title.
pub fn a_to_z(r: &Renderer) -> Vec<Letter> {
    let content = r.content;
    let mut entries: Vec<Entry> = Vec::new();
    for page in &content.pages {
        if page.kind() == Kind::Competency {
            continue;
        }
        entries.push(Entry {
            title: page.meta.title.clone(),
            href: page.href(),
            kind: "Page",
        });
    }
    for c in &content.competencies {
        entries.push(Entry {
            title: format!("{} · {}", c.id, c.title),
            href: content.pages[c.page].href(),
            kind: "Competency",
        });
        for o in &c.objectives {
            let target = content.ids[&o.id];
            entries.push(Entry {
                title: format!("{} · {}", o.id, o.text),
                href: content.target_link(target).0,
                kind: "Objective",
            });
        }
    }
    for e in &content.elements {
        let title = if e.name.is_empty() {
            format!("{} · {}", e.id, e.text)
        } else {
            format!("{} · {}", e.id, e.name)
        };
        let target = content.ids[&e.id];
        entries.push(Entry {
            title,
            href: content.target_link(target).0,
            kind: "Framework",
        });
    }
    for (i, res) in content.resources.iter().enumerate() {
        entries.push(Entry {
            title: format!("{} — {}", res.record.title.get_ref(), res.record.short()),
            href: content.resource_href(i),
            kind: "Resource",
        });
    }
    let mut letters: BTreeMap<String, Vec<Entry>> = BTreeMap::new();
    for e in entries {
        let key = fold(&e.title)
            .chars()
            .find(|c| c.is_alphanumeric())
            .map_or('#', |c| c.to_ascii_uppercase());
        let key = if key.is_ascii_alphabetic() {
            key.to_string()
        } else {
            "#".to_string()
        };
        letters.entry(key).or_default().push(e);
    }
    letters
        .into_iter()
        .map(|(letter, mut entries)| {
            entries.sort_by_cached_key(|e| (fold(&e.title), e.href.clone()));
            let anchor = if letter == "#" {
                "az-other".to_string()
            } else {
                format!("az-{}", letter.to_lowercase())
            };
            Letter {
                letter,
                anchor,
                entries,
            }
        })
        .collect()
}
