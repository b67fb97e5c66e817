//! References between files checked against the indexes: objectives taught, resources cited,
//! record competencies, taxonomies, audiences and the menu; unknown names get a "did you mean".

use std::collections::BTreeMap;

use rayon::prelude::*;

use toml::Spanned;

use crate::config::Config;
use crate::content::ids::Target;
use crate::content::Content;
use crate::diagnostic::{closest, Diagnostic, Diagnostics};

fn unknown(
    content: &Content,
    page: usize,
    what: &str,
    id: &Spanned<String>,
    candidates: Vec<&str>,
    hint: &str,
) -> Option<Diagnostic> {
    let name = id.get_ref();
    if content.is_broken(name) {
        return None;
    }
    let d = content.pages[page].error_at(format!("unknown {what} `{name}`"), id.span());
    Some(match closest(name, candidates) {
        Some(near) => d.hint(format!("did you mean `{near}`?")),
        None => d.hint(hint.to_string()),
    })
}

/// `teaches`, `resources`, `sources`, record `competencies`, taxonomies, and the menu.
pub(super) fn check_references(content: &mut Content, config: &Config, ds: &mut Diagnostics) {
    let objective_ids: Vec<&str> = content
        .competencies
        .iter()
        .flat_map(|c| c.objectives.iter().map(|o| o.id.as_str()))
        .collect();
    let resource_keys: Vec<&str> = content.resources.iter().map(|r| r.record.key()).collect();
    let curriculum_ids: Vec<&str> = content
        .competencies
        .iter()
        .map(|c| c.id.as_str())
        .chain(objective_ids.iter().copied())
        .collect();
    // Pages are checked side by side (most of the work is looking names up); their findings
    // and the objectives they teach are then taken in page order.
    let checked: Vec<(Vec<Diagnostic>, Vec<&str>)> = content
        .pages
        .par_iter()
        .enumerate()
        .map(|(i, p)| {
            let mut found = Vec::new();
            let mut taught = Vec::new();
            for t in &p.meta.teaches {
                match content.objective(t.get_ref()) {
                    Some(_) => taught.push(t.get_ref().as_str()),
                    None => found.extend(unknown(
                        content,
                        i,
                        "objective",
                        t,
                        objective_ids.clone(),
                        "`teaches` lists objective IDs such as `SMS-1.2`",
                    )),
                }
            }
            for key in p.meta.resources.iter().chain(&p.meta.sources) {
                if content.resource(key.get_ref()).is_none() {
                    found.extend(unknown(
                        content,
                        i,
                        "resource",
                        key,
                        resource_keys.clone(),
                        "use the `key` of a resource record",
                    ));
                }
            }
            for name in p.meta.taxonomies.keys() {
                if config.taxonomy(name.get_ref()).is_none() {
                    found.push(unknown_taxonomy(content, i, name, config));
                }
            }
            if let Some(audience) = &p.meta.audience {
                if config.check.grade_limit(audience.get_ref()).is_none() {
                    let declared: Vec<&str> = config.check.audiences().collect();
                    found.extend(unknown(
                        content,
                        i,
                        "audience",
                        audience,
                        declared.clone(),
                        &format!(
                            "declare its grade limit in site.toml under [check.readability]; declared: {}",
                            declared.join(", ")
                        ),
                    ));
                }
            }
            (found, taught)
        })
        .collect();
    let mut taught_in: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, (found, taught)) in checked.into_iter().enumerate() {
        ds.extend(found);
        for t in taught {
            match taught_in.get_mut(t) {
                Some(pages) => pages.push(i),
                None => {
                    taught_in.insert(t.to_string(), vec![i]);
                }
            }
        }
    }
    for (r, res) in content.resources.iter().enumerate() {
        let _ = r;
        for id in &res.record.competencies {
            let ok = matches!(
                content.ids.get(id.get_ref()),
                Some(Target::Competency(_) | Target::Objective(..))
            );
            if !ok {
                ds.extend(unknown(
                    content,
                    res.page,
                    "competency or objective",
                    id,
                    curriculum_ids.clone(),
                    "use a competency ID like `SMS-1` or an objective ID like `SMS-1.2`",
                ));
            }
        }
        for name in res.record.taxonomies.keys() {
            if config.taxonomy(name.get_ref()).is_none() {
                ds.push(unknown_taxonomy(content, res.page, name, config));
            }
        }
    }
    let config_file = std::path::Path::new(crate::config::FILE_NAME);
    for item in &config.menu {
        if content.page_by_rel(item.page.get_ref()).is_none() {
            let d = Diagnostic::new(format!(
                "menu entry `{}` names an unknown content file `{}`",
                item.title,
                item.page.get_ref()
            ))
            .at(config_file, &config.source, item.page.span());
            let rels: Vec<&str> = content.by_rel.keys().map(String::as_str).collect();
            ds.push(match closest(item.page.get_ref(), rels) {
                Some(near) => d.hint(format!("did you mean `{near}`?")),
                None => {
                    d.hint("give the path of a file under `content/`, e.g. `framework/_index.md`")
                }
            });
        }
    }
    content.taught_in = taught_in;
}

fn unknown_taxonomy(
    content: &Content,
    page: usize,
    name: &Spanned<String>,
    config: &Config,
) -> Diagnostic {
    let declared: Vec<&str> = config
        .taxonomies
        .iter()
        .map(|t| t.name.get_ref().as_str())
        .collect();
    let d = content.pages[page].error_at(
        format!("unknown taxonomy `{}`", name.get_ref()),
        name.span(),
    );
    match closest(name.get_ref(), declared.iter().copied()) {
        Some(near) => d.hint(format!("did you mean `{near}`?")),
        None => d.hint(format!(
            "declare it in site.toml with [[taxonomies]]; declared: {}",
            if declared.is_empty() {
                "none".to_string()
            } else {
                declared.join(", ")
            }
        )),
    }
}
