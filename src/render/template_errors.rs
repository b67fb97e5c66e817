//! What goes wrong in templates, as diagnostics that point into the template files: syntax
//! errors, includes that lead back to their own template, and errors while rendering, which
//! are grouped so that one mistake is reported once however many pages hit it.

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::ops::Range;
use std::path::PathBuf;

use tera::ast::Node;
use tera::Tera;

use crate::diagnostic::Diagnostic;

/// A template's text, and its path as the user has it (`templates/page.html`,
/// `themes/NAME/templates/page.html` or the built-in theme's).
pub struct TemplateFile {
    pub path: PathBuf,
    pub text: String,
}

/// Every template of a theme, by name.
pub type TemplateFiles = BTreeMap<String, TemplateFile>;

/// The syntax error of each template that does not parse.
pub fn syntax_errors(files: &TemplateFiles) -> Vec<Diagnostic> {
    files
        .iter()
        .filter_map(|(name, file)| {
            let e = tera::Template::new(name, None, &file.text).err()?;
            let d = match &e.kind {
                tera::ErrorKind::Syntax(s) => Diagnostic::new(s.message.as_str()).at(
                    &file.path,
                    &file.text,
                    s.offset..s.offset,
                ),
                _ => Diagnostic::new(super::theme::error_chain(&e)).in_file(&file.path),
            };
            Some(d.hint("check the Tera syntax at this position; see docs/templates.md"))
        })
        .collect()
}

/// Each template that others extend or import (`{% extends %}`, `{% import %}`) but the theme
/// does not have, reported once, at the tag of the first template by name that names it;
/// `hint` says what to do about a missing template. Tera would stop at the first with a
/// message about one template and no position.
pub fn missing_parents(files: &TemplateFiles, hint: impl Fn(&str) -> String) -> Vec<Diagnostic> {
    // Each missing template: the first template that names it, in which tag, and how many
    // others do.
    let mut missing: BTreeMap<&str, (&str, &'static str, usize)> = BTreeMap::new();
    let parsed: Vec<(&String, tera::Template)> = files
        .iter()
        .filter_map(|(name, file)| Some((name, tera::Template::new(name, None, &file.text).ok()?)))
        .collect();
    for (name, t) in &parsed {
        let parent = t.parent.iter().map(|p| ("extends", p.as_str()));
        let imports = t
            .imported_macro_files
            .iter()
            .map(|(f, _)| ("import", f.as_str()));
        for (tag, wanted) in parent.chain(imports) {
            if !files.contains_key(wanted) {
                missing
                    .entry(wanted)
                    .and_modify(|(_, _, others)| *others += 1)
                    .or_insert((name.as_str(), tag, 0));
            }
        }
    }
    missing
        .into_iter()
        .map(|(wanted, (by, tag, others))| {
            let also = match others {
                0 => String::new(),
                1 => " (as does 1 other template)".into(),
                n => format!(" (as do {n} other templates)"),
            };
            let verb = if tag == "import" { "imports" } else { tag };
            let d = Diagnostic::new(format!(
                "the theme has no template `{wanted}`, which `{by}` {verb}{also}"
            ));
            let file = &files[by];
            let d = match tag_naming(&file.text, tag, wanted) {
                Some(at) => d.at(&file.path, &file.text, at),
                None => d.in_file(&file.path),
            };
            d.hint(hint(wanted))
        })
        .collect()
}

/// The `{% tag %}` of `text` that names `name` in quotes.
fn tag_naming(text: &str, tag: &str, name: &str) -> Option<Range<usize>> {
    let mut from = 0;
    while let Some(i) = text[from..].find("{%") {
        let start = from + i;
        let end = text[start..]
            .find("%}")
            .map_or(text.len(), |j| start + j + 2);
        let inner = text[start + 2..end.saturating_sub(2).max(start + 2)]
            .trim_start_matches('-')
            .trim_start();
        let quoted = ['"', '\'', '`']
            .iter()
            .any(|q| inner.contains(&format!("{q}{name}{q}")));
        if inner.starts_with(tag) && quoted {
            return Some(start..end);
        }
        from = end;
    }
    None
}

/// Each chain of includes that always leads back to the template it started from, reported
/// once, from the first template of the chain by name.
pub fn include_cycles(tera: &Tera, files: &TemplateFiles) -> Vec<Diagnostic> {
    let edges: BTreeMap<&str, Vec<&str>> = tera
        .templates
        .iter()
        .map(|(name, t)| {
            let mut out = Vec::new();
            unconditional_includes(&t.ast, tera, &mut out);
            (name.as_str(), out)
        })
        .collect();
    let mut ds = Vec::new();
    for &start in edges.keys() {
        // The shortest way back to `start`, through templates named after it only, so that a
        // cycle is found once.
        let mut came_from: BTreeMap<&str, &str> = BTreeMap::new();
        let mut queue = VecDeque::from([start]);
        let mut last = None;
        'search: while let Some(t) = queue.pop_front() {
            for &next in &edges[t] {
                if next == start {
                    last = Some(t);
                    break 'search;
                }
                if next > start && !came_from.contains_key(next) {
                    came_from.insert(next, t);
                    queue.push_back(next);
                }
            }
        }
        let Some(mut cur) = last else { continue };
        let mut chain = vec![start, cur];
        while let Some(&prev) = came_from.get(cur) {
            chain.push(prev);
            cur = prev;
        }
        // `[start, last, …, start]` backwards, or `[start, start]` when it includes itself.
        chain.reverse();
        let message = format!("`{start}` includes itself: {}", chain.join(" → "));
        let mut d = Diagnostic::new(message);
        if let Some(file) = files.get(start) {
            d = match include_tag(&file.text, chain[1]) {
                Some(span) => d.at(&file.path, &file.text, span),
                None => d.in_file(&file.path),
            };
        }
        ds.push(d.hint(
            "an include that leads back to its own template never ends; move the shared part \
             into a template of its own",
        ));
    }
    ds
}

/// The templates `nodes` always include: not those inside an `if`, a loop or a macro, which
/// may stop.
fn unconditional_includes<'a>(nodes: &'a [Node], tera: &Tera, out: &mut Vec<&'a str>) {
    for node in nodes {
        match node {
            Node::Include(_, names, _) => {
                if let Some(n) = names.iter().find(|n| tera.templates.contains_key(*n)) {
                    out.push(n);
                }
            }
            Node::Block(_, b, _) => unconditional_includes(&b.body, tera, out),
            Node::FilterSection(_, f, _) => unconditional_includes(&f.body, tera, out),
            _ => {}
        }
    }
}

/// The `{% include %}` tag of `text` that names `name`.
fn include_tag(text: &str, name: &str) -> Option<Range<usize>> {
    tag_naming(text, "include", name)
}

/// A template that failed while rendering one page.
pub struct Failure {
    /// The template the page renders with.
    template: String,
    /// The template the error happened in, when Tera says (a parent template).
    file: String,
    /// The page: its content file, or the output path of a generated page.
    page: String,
    cause: String,
}

impl Failure {
    pub fn new(template: &str, page: String, e: &tera::Error) -> Failure {
        let mut parts = super::theme::error_parts(e);
        let mut file = template.to_string();
        // Tera's first part only says where: "Failed to render 'page.html'", with the macro or
        // the parent template the error happened in.
        if parts.len() > 1 && parts[0].starts_with("Failed to render ") {
            let location = parts.remove(0);
            if let Some(parent) = quoted_after(&location, "(error happened in '", '\'') {
                file = parent.to_string();
            }
            if let Some(m) = quoted_after(&location, "error while rendering macro `", '`') {
                parts.insert(0, format!("in macro `{m}`"));
            }
        }
        Failure {
            template: template.to_string(),
            file,
            page,
            cause: parts.join(": ").replace('\n', " "),
        }
    }
}

/// The text between `start` and the next `end` in `s`.
fn quoted_after<'s>(s: &'s str, start: &str, end: char) -> Option<&'s str> {
    let rest = &s[s.find(start)? + start.len()..];
    Some(&rest[..rest.find(end)?])
}

/// One diagnostic for each different error, in the file it comes from, at the name it
/// concerns when that name can be found in the file, with how many pages it broke.
pub fn report(failures: Vec<Failure>, tera: &Tera, files: &TemplateFiles) -> Vec<Diagnostic> {
    // In the order each error first appears; found by (file, template, cause), since a broken
    // template may fail on every one of thousands of pages.
    let mut groups: Vec<(Failure, Vec<String>)> = Vec::new();
    let mut index: HashMap<(String, String, String), usize> = HashMap::new();
    for mut f in failures {
        let page = std::mem::take(&mut f.page);
        let key = (f.file.clone(), f.template.clone(), f.cause.clone());
        match index.get(&key) {
            Some(&g) => groups[g].1.push(page),
            None => {
                index.insert(key, groups.len());
                groups.push((f, vec![page]));
            }
        }
    }
    groups
        .into_iter()
        .map(|(f, pages)| {
            let mut d = Diagnostic::new(f.cause.as_str());
            let found = culprit(&f.cause).and_then(|name| {
                candidates(tera, &f.file, &f.template)
                    .into_iter()
                    .filter_map(|t| files.get(t))
                    .find_map(|file| Some((file, find_in_tags(&file.text, name)?)))
            });
            if let Some((file, span)) = found {
                d = d.at(&file.path, &file.text, span);
            } else if let Some(file) = files.get(&f.file) {
                d = d.in_file(&file.path);
            }
            let hint = if f.cause.contains("templates nest too deeply") {
                "a recursive macro needs a condition that stops it; an include cannot lead back \
                 to its own template"
            } else {
                "see docs/templates.md for the variables and filters templates can use"
            };
            let on = match pages.as_slice() {
                [one] => one.clone(),
                [a, b] => format!("2 pages: {a} and {b}"),
                [a, b, ..] => format!("{} pages, such as {a} and {b}", pages.len()),
                [] => unreachable!("a group has a page"),
            };
            d.hint(hint)
                .note(format!("note: `{}` failed on {on}", f.template))
        })
        .collect()
}

/// The name an error is about: the first one quoted in its innermost cause (a variable, a
/// filter, a function or a macro).
fn culprit(cause: &str) -> Option<&str> {
    let inner = cause.rsplit(": ").find(|p| p.contains(['`', '\'']))?;
    let i = inner.find(['`', '\''])?;
    let quote = inner[i..].chars().next()?;
    let rest = &inner[i + 1..];
    let name = &rest[..rest.find(quote)?];
    (!name.is_empty()).then_some(name)
}

/// Where an error may come from: the template it happened in, the page's template, their
/// parents, and the templates they import or include, in that order.
fn candidates<'t>(tera: &'t Tera, file: &'t str, template: &'t str) -> Vec<&'t str> {
    let mut names: Vec<&str> = vec![file, template];
    if let Some(t) = tera.templates.get(template) {
        names.extend(t.parents.iter().map(String::as_str));
    }
    let direct = names.clone();
    for name in direct {
        if let Some(t) = tera.templates.get(name) {
            names.extend(t.imported_macro_files.iter().map(|(f, _)| f.as_str()));
            let mut included = Vec::new();
            unconditional_includes(&t.ast, tera, &mut included);
            names.extend(included);
        }
    }
    names
}

/// `name` as a whole name inside a `{{ }}` or `{% %}` tag of `text`.
fn find_in_tags(text: &str, name: &str) -> Option<Range<usize>> {
    let part_of_name = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || "_.".contains(c));
    let mut from = 0;
    while let Some(i) = text[from..].find(name) {
        let start = from + i;
        let end = start + name.len();
        let before = &text[..start];
        let opened = before.rfind("{{").max(before.rfind("{%"));
        let closed = before.rfind("}}").max(before.rfind("%}"));
        if opened > closed
            && !part_of_name(before.chars().next_back())
            && !part_of_name(text[end..].chars().next())
        {
            return Some(start..end);
        }
        from = end;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_found_only_whole_and_inside_tags() {
        let text = "page.titel <b>{{ page.titel_x }}</b>{{ x.page.titel }}{{ page.titel }}";
        let start = text.rfind("page.titel").unwrap();
        assert_eq!(
            find_in_tags(text, "page.titel"),
            Some(start..start + "page.titel".len())
        );
        assert_eq!(find_in_tags("{{ a }}", "b"), None);
    }

    #[test]
    fn the_culprit_is_the_first_name_of_the_innermost_cause() {
        assert_eq!(
            culprit("Variable `page.titel` not found in context while rendering 'page.html'"),
            Some("page.titel")
        );
        assert_eq!(culprit("Filter 'upperr' not found"), Some("upperr"));
        assert_eq!(culprit("no names here"), None);
    }

    #[test]
    fn include_tags_are_found_by_the_name_they_include() {
        let text = "{% include \"a.html\" %}x{%- include 'b.html' -%}";
        assert_eq!(include_tag(text, "b.html"), Some(23..text.len()));
        assert_eq!(include_tag(text, "c.html"), None);
    }
}
