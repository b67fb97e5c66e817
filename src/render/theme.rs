//! Templates and static files: the site's overrides, then its theme folder, then the default
//! theme compiled into the binary. Templates are compiled once per build.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use tera::Tera;
use walkdir::WalkDir;

use super::template_errors::{self, TemplateFile, TemplateFiles};
use crate::config::Config;
use crate::diagnostic::{closest, Diagnostic};

include!(concat!(env!("OUT_DIR"), "/default_theme.rs"));

/// Where a theme or site file comes from.
#[derive(Clone, Debug)]
pub enum Source {
    Builtin(&'static [u8]),
    File(PathBuf),
}

impl Source {
    pub fn bytes(&self) -> Result<std::borrow::Cow<'static, [u8]>, crate::fs::FsError> {
        match self {
            Source::Builtin(b) => Ok(std::borrow::Cow::Borrowed(b)),
            Source::File(p) => std::fs::read(p)
                .map(std::borrow::Cow::Owned)
                .map_err(|source| crate::fs::FsError {
                    action: "could not read",
                    path: p.clone(),
                    source,
                }),
        }
    }
}

pub struct Theme {
    pub tera: Tera,
    /// Literal `id="..."` values in the templates: markdown headings must not reuse them.
    pub ids: std::collections::BTreeSet<String>,
    /// Output path (relative) -> file to copy, theme first, then the site's `static/`.
    pub statics: BTreeMap<String, Source>,
    /// Each template's text and path, for errors that point into them.
    pub files: TemplateFiles,
}

/// Loads the theme chosen in `site.toml` with the site's overrides.
pub fn load(config: &Config) -> Result<Theme, Vec<Diagnostic>> {
    let name = config.theme.get_ref();
    let theme_dir = config.root.join("themes").join(name);
    let mut templates: BTreeMap<String, Source> = BTreeMap::new();
    let mut statics: BTreeMap<String, Source> = BTreeMap::new();

    if theme_dir.is_dir() {
        add_dir(&theme_dir.join("templates"), &mut templates);
        add_dir(&theme_dir.join("static"), &mut statics);
    } else if name == "default" {
        for (path, bytes) in DEFAULT_THEME {
            if let Some(t) = path.strip_prefix("templates/") {
                templates.insert(t.to_string(), Source::Builtin(bytes));
            } else if let Some(s) = path.strip_prefix("static/") {
                statics.insert(s.to_string(), Source::Builtin(bytes));
            }
        }
    } else {
        let available: Vec<String> = std::fs::read_dir(config.root.join("themes"))
            .map(|rd| {
                rd.flatten()
                    .filter(|e| e.path().is_dir())
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        let mut d = Diagnostic::new(format!("unknown theme `{name}`")).at(
            Path::new(crate::config::FILE_NAME),
            &config.source,
            config.theme.span(),
        );
        d = match closest(name, available.iter().map(String::as_str)) {
            Some(near) => d.hint(format!("did you mean `{near}`?")),
            None => d.hint(
                "themes live in `themes/<name>/`; use `theme = \"default\"` for the built-in theme",
            ),
        };
        return Err(vec![d]);
    }
    add_dir(&config.root.join("templates"), &mut templates);
    add_dir(&config.root.join("static"), &mut statics);

    let mut files = TemplateFiles::new();
    let mut errors = Vec::new();
    for (name, source) in &templates {
        match source.bytes().map(|b| String::from_utf8(b.into_owned())) {
            Ok(Ok(text)) => {
                let path = origin(config, source, name);
                files.insert(name.clone(), TemplateFile { path, text });
            }
            Ok(Err(_)) => errors.push(
                Diagnostic::new(format!("template `{name}` is not valid UTF-8"))
                    .in_file(&origin(config, source, name)),
            ),
            Err(e) => errors.push(Diagnostic::new(e.to_string())),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let ids = files.values().flat_map(|f| literal_ids(&f.text)).collect();
    let mut tera = Tera::default();
    tera.autoescape_on(vec![".html", ".xml"]);
    // Tera's own escaper also escapes `/`, which makes every relative URL unreadable.
    tera.set_escape_fns(
        crate::markdown::escape_html,
        crate::markdown::escape_html_into,
    );
    super::date::register(&mut tera);
    if let Err(e) = tera.add_raw_templates(files.iter().map(|(n, f)| (n, &f.text))) {
        // Tera stops at the first template that does not parse: parsing each again finds
        // every one, with its position.
        let syntax = template_errors::syntax_errors(&files);
        if !syntax.is_empty() {
            return Err(syntax);
        }
        let missing =
            template_errors::missing_parents(&files, |name| missing_template_hint(config, name));
        if !missing.is_empty() {
            return Err(missing);
        }
        let message = error_chain(&e);
        let d = Diagnostic::new(format!("a template could not be compiled: {message}"))
            .hint("check the Tera syntax at the position shown; see docs/templates.md");
        return Err(vec![d]);
    }
    let cycles = template_errors::include_cycles(&tera, &files);
    if !cycles.is_empty() {
        return Err(cycles);
    }
    Ok(Theme {
        tera,
        statics,
        ids,
        files,
    })
}

/// What to do about a template `name` the theme lacks. A theme folder in the site is used
/// whole: a template it lacks is not taken from the built-in theme.
pub fn missing_template_hint(config: &Config, name: &str) -> String {
    let theme = config.theme.get_ref();
    if !config.root.join("themes").join(theme).is_dir() {
        return format!("add `templates/{name}` to the site or the theme");
    }
    if theme == "default" {
        format!("`themes/default/` in the site replaces the built-in default theme whole, so it must hold every template: add `templates/{name}` to it, or remove the folder to use the built-in theme and put only the templates you change in the site's `templates/`")
    } else {
        format!("`themes/{theme}/` takes no templates from the built-in default theme: add `templates/{name}` to it, or to the site's `templates/`")
    }
}

fn origin(config: &Config, source: &Source, name: &str) -> PathBuf {
    match source {
        Source::File(p) => p.strip_prefix(&config.root).unwrap_or(p).to_path_buf(),
        Source::Builtin(_) => PathBuf::from(format!("<built-in theme>/templates/{name}")),
    }
}

fn add_dir(dir: &Path, into: &mut BTreeMap<String, Source>) {
    if !dir.is_dir() {
        return;
    }
    for entry in WalkDir::new(dir).sort_by_file_name().into_iter().flatten() {
        if entry.file_type().is_file() {
            let rel = entry.path().strip_prefix(dir).unwrap_or(entry.path());
            into.insert(
                crate::fs::slash_path(rel),
                Source::File(entry.path().to_path_buf()),
            );
        }
    }
}

/// `id="name"` attributes whose value is plain text (no template expression).
fn literal_ids(text: &str) -> Vec<String> {
    text.split("id=\"")
        .skip(1)
        .filter_map(|rest| {
            let value = &rest[..rest.find('"')?];
            let plain = !value.is_empty()
                && value
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
            plain.then(|| value.to_string())
        })
        .collect()
}

/// A Tera error with its causes, on one line.
pub fn error_chain(e: &dyn std::error::Error) -> String {
    error_parts(e).join(": ").replace('\n', " ")
}

/// `e` and each of its causes, outermost first.
pub fn error_parts(e: &dyn std::error::Error) -> Vec<String> {
    let mut parts = vec![e.to_string()];
    let mut cur = e.source();
    while let Some(s) = cur {
        parts.push(s.to_string());
        cur = s.source();
    }
    parts
}
