//! Which changed paths are the site's sources, and what a set of them calls for: which kind of
//! rebuild, with editors' temporary files left out.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::Live;

/// `path` relative to the site's root, if it is one of the site's sources: not the output
/// (`public/`), not another top-level file, not an editor's temporary file.
pub(in crate::serve) fn source(root: &Path, path: &Path) -> Option<PathBuf> {
    let rel = relative(root, path)?;
    let top = rel.components().next()?.as_os_str();
    let is_source = rel == Path::new(crate::config::FILE_NAME)
        || crate::site::SOURCE_FOLDERS.iter().any(|f| top == *f);
    (is_source && !is_editor_temp(&rel)).then_some(rel)
}

pub(super) enum Change {
    Bodies(Vec<String>),
    Templates(BTreeSet<String>),
    Statics { css_only: bool },
    Full,
}

impl Live {
    pub(super) fn classify(&self, changed: &[PathBuf]) -> Change {
        let Some(site) = self
            .site
            .as_ref()
            .filter(|_| !self.stale && !changed.is_empty())
        else {
            return Change::Full;
        };
        let root = &self.options.root;
        let theme_dir = Path::new("themes").join(site.config.theme.get_ref());
        let under = |p: &Path, dir: &Path| p.strip_prefix(dir).ok().map(Path::to_path_buf);
        let template = |p: &Path| {
            under(p, Path::new("templates"))
                .or_else(|| under(p, &theme_dir.join("templates")))
                .map(|name| name.to_string_lossy().replace('\\', "/"))
        };
        let is_static =
            |p: &Path| p.starts_with("static") || p.starts_with(theme_dir.join("static"));
        // Whether the last build read `p`: a content page or asset, a template, a static file.
        let was_read = |p: &Path| {
            let slash = |p: &Path| crate::fs::slash_path(p);
            if let Some(rel) = under(p, Path::new("content")).map(|r| slash(&r)) {
                site.content.page_by_rel(&rel).is_some() || site.content.assets.contains(&rel)
            } else if let Some(name) = template(p) {
                site.theme.tera.get_template(&name).is_ok()
            } else if let Some(out) =
                under(p, Path::new("static")).or_else(|| under(p, &theme_dir.join("static")))
            {
                site.theme.statics.contains_key(&slash(&out))
            } else {
                true
            }
        };
        let rels: Vec<PathBuf> = changed
            .iter()
            .filter_map(|p| relative(root, p))
            .filter(|p| !is_editor_temp(p))
            // A file that is gone and that the site never had was written and moved or
            // removed within one burst of events: the temporary file of `sed -i` or of an
            // editor's safe write, renamed over the real one (which is in the list too).
            .filter(|p| root.join(p).exists() || was_read(p))
            .collect();
        if rels.is_empty() {
            return Change::Full;
        }
        if rels.iter().all(|p| template(p).is_some()) {
            return Change::Templates(rels.iter().filter_map(|p| template(p)).collect());
        }
        if rels.iter().all(|p| is_static(p) && root.join(p).is_file()) {
            let css_only = rels
                .iter()
                .all(|p| p.extension().is_some_and(|e| e == "css"));
            return Change::Statics { css_only };
        }
        let mut pages = Vec::new();
        for p in &rels {
            let Ok(rel) = p.strip_prefix("content") else {
                return Change::Full;
            };
            let rel = rel.to_string_lossy().replace('\\', "/");
            let known = site
                .content
                .pages
                .iter()
                .any(|x| x.rel == rel && x.gift.is_none());
            if !rel.ends_with(".md") || !known || !root.join(p).is_file() {
                return Change::Full;
            }
            pages.push(rel);
        }
        Change::Bodies(pages)
    }
}

fn relative(root: &Path, path: &Path) -> Option<PathBuf> {
    if path.is_relative() {
        return Some(path.to_path_buf());
    }
    let abs = |p: &Path| p.canonicalize().unwrap_or_else(|_| p.to_path_buf());
    path.strip_prefix(root)
        .or_else(|_| path.strip_prefix(abs(root)))
        .ok()
        .map(Path::to_path_buf)
        .or_else(|| {
            let parent = abs(path.parent()?);
            let rel = parent.strip_prefix(abs(root)).ok()?;
            Some(rel.join(path.file_name()?))
        })
}

/// Files editors write beside the real one (swap files, backups, vim's write test).
fn is_editor_temp(path: &Path) -> bool {
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    name.starts_with(".#")
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name == "4913"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editor_temporary_files_are_recognised() {
        for name in [
            "content/.#a.md",
            "content/a.md~",
            "content/.a.md.swp",
            "content/4913",
        ] {
            assert!(is_editor_temp(Path::new(name)), "{name}");
        }
        assert!(!is_editor_temp(Path::new("content/a.md")));
    }

    #[test]
    fn sources_are_the_site_toml_and_the_source_folders() {
        let root = Path::new("/site");
        for (path, want) in [
            ("/site/site.toml", Some("site.toml")),
            ("/site/templates", Some("templates")),
            ("/site/static/new.txt", Some("static/new.txt")),
            (
                "/site/themes/mine/templates/page.html",
                Some("themes/mine/templates/page.html"),
            ),
            ("/site/content/notes/a.md", Some("content/notes/a.md")),
            ("/site/public/index.html", None),
            ("/site/public", None),
            ("/site/README.md", None),
            ("/site/.site.toml.swp", None),
            ("/site/content/.a.md.swp", None),
            ("/elsewhere/content/a.md", None),
        ] {
            assert_eq!(
                source(root, Path::new(path)),
                want.map(PathBuf::from),
                "{path}"
            );
        }
    }
}
