//! `site.toml`: the site's settings, read once per build.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::diagnostic::Diagnostic;
use crate::toml_error::toml_diagnostic;
use crate::Error;

mod check;
pub use check::{check_of, CheckConfig, Level, RULES};

pub const FILE_NAME: &str = "site.toml";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// Absolute URL of the published site; used for sitemap.xml and robots.txt only.
    #[serde(default = "default_base_url")]
    pub base_url: Spanned<String>,
    #[serde(default = "default_language")]
    pub language: String,
    #[serde(default = "default_theme")]
    pub theme: Spanned<String>,
    #[serde(default)]
    pub menu: Vec<MenuItem>,
    #[serde(default)]
    pub taxonomies: Vec<TaxonomyConfig>,
    #[serde(default)]
    pub extra: toml::Table,
    /// What `trellis check` and every build report.
    #[serde(default)]
    pub check: CheckConfig,
    /// The folder that holds `site.toml`.
    #[serde(skip)]
    pub root: PathBuf,
    /// The text of `site.toml`, to point at positions in it.
    #[serde(skip)]
    pub source: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MenuItem {
    pub title: String,
    /// A content file, relative to `content/`, e.g. `framework/_index.md`.
    pub page: Spanned<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TaxonomyConfig {
    pub name: Spanned<String>,
    pub title: String,
    /// Entries (pages and resources) per term page; a term with more gets `page/2/`, ...
    #[serde(default = "default_paginate_by")]
    pub paginate_by: Spanned<usize>,
}

fn default_paginate_by() -> Spanned<usize> {
    Spanned::new(0..0, 50)
}

fn default_base_url() -> Spanned<String> {
    Spanned::new(0..0, "/".into())
}
fn default_language() -> String {
    "en".into()
}
fn default_theme() -> Spanned<String> {
    Spanned::new(0..0, "default".into())
}

impl Config {
    /// Reads `<root>/site.toml`.
    pub fn load(root: &Path) -> Result<Config, Error> {
        let path = root.join(FILE_NAME);
        if !path.is_file() {
            return Err(Error::NoSite(
                Diagnostic::new(format!(
                    "could not find `{FILE_NAME}` in `{}`",
                    display_dir(root)
                ))
                .hint("run trellis in the folder that holds your site, or pass `--root <DIR>`"),
            ));
        }
        let source = crate::fs::read_to_string(&path)?;
        let rel = Path::new(FILE_NAME);
        let mut config: Config =
            toml::from_str(&source).map_err(|e| toml_diagnostic(rel, &source, 0, &e))?;
        config.root = root.to_path_buf();
        config.source = source;
        config.validate(rel)?;
        Ok(config)
    }

    fn validate(&self, rel: &Path) -> Result<(), Error> {
        let mut ds = crate::diagnostic::Diagnostics::default();
        let mut seen = BTreeMap::new();
        for t in &self.taxonomies {
            let name = t.name.get_ref();
            if !crate::content::ids::is_slug(name) {
                ds.push(
                    Diagnostic::new(format!("invalid taxonomy name `{name}`"))
                        .at(rel, &self.source, t.name.span())
                        .hint("use lower-case letters, digits and dashes, e.g. `topics`"),
                );
            } else if seen.insert(name.clone(), ()).is_some() {
                ds.push(
                    Diagnostic::new(format!("taxonomy `{name}` is declared twice")).at(
                        rel,
                        &self.source,
                        t.name.span(),
                    ),
                );
            }
            if *t.paginate_by.get_ref() == 0 {
                ds.push(
                    Diagnostic::new("`paginate_by` must be at least 1")
                        .at(rel, &self.source, t.paginate_by.span())
                        .hint(
                            "it is how many entries each term page lists, e.g. `paginate_by = 20`",
                        ),
                );
            }
        }
        if let Err(problem) = check_base_url(self.base_url.get_ref()) {
            ds.push(problem.at(rel, &self.source, self.base_url.span()));
        }
        self.check.validate(rel, &self.source, &mut ds);
        ds.finish(())
    }

    /// The declared taxonomy with this name.
    pub fn taxonomy(&self, name: &str) -> Option<&TaxonomyConfig> {
        self.taxonomies.iter().find(|t| t.name.get_ref() == name)
    }

    /// The path part of `base_url`, always ending in `/` (e.g. `/sms/`).
    pub fn base_path(&self) -> String {
        let base_url = self.base_url.get_ref();
        let after_scheme = base_url
            .split_once("://")
            .map_or(base_url.as_str(), |(_, rest)| rest);
        let path = if base_url.contains("://") {
            after_scheme.find('/').map_or("/", |i| &after_scheme[i..])
        } else {
            after_scheme
        };
        let mut p = path.to_string();
        if !p.starts_with('/') {
            p.insert(0, '/');
        }
        if !p.ends_with('/') {
            p.push('/');
        }
        p
    }

    /// `base_url` with a trailing slash, for absolute URLs in sitemap.xml.
    pub fn absolute_base(&self) -> String {
        let mut b = self.base_url.get_ref().clone();
        if !b.ends_with('/') {
            b.push('/');
        }
        b
    }
}

/// Whether `url` can be a site's `base_url`: an `http` or `https` address with a host, or a
/// path from the server's root. The problem, when it cannot.
pub fn check_base_url(url: &str) -> Result<(), Diagnostic> {
    let host = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .map(|rest| rest.split('/').next().unwrap_or_default());
    let fits = match host {
        Some(host) => !host.is_empty() && !host.contains(['?', '#']),
        None => url.starts_with('/'),
    } && !url.contains(char::is_whitespace);
    if fits {
        return Ok(());
    }
    Err(Diagnostic::new(format!(
        "base URL `{url}` is neither an http(s) address nor a path"
    ))
    .hint("give the address the site is published at, such as `https://example.org/sms/`, or its path on the server, such as `/sms/`"))
}

pub fn display_dir(p: &Path) -> String {
    let s = p.display().to_string();
    if s.is_empty() {
        ".".into()
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(base_url: &str) -> Config {
        let mut c: Config = toml::from_str("title = \"t\"").unwrap();
        c.base_url = Spanned::new(0..0, base_url.into());
        c
    }

    #[test]
    fn base_path_of_urls() {
        assert_eq!(config("https://example.org").base_path(), "/");
        assert_eq!(config("https://example.org/sms").base_path(), "/sms/");
        assert_eq!(config("/docs/").base_path(), "/docs/");
        assert_eq!(
            config("https://example.org/sms").absolute_base(),
            "https://example.org/sms/"
        );
    }
}
