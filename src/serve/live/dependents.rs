//! Which templates use a changed one, by `extends`, `include` or `import`, so a template edit
//! re-renders only the pages whose templates depend on it.

use std::collections::BTreeSet;

use tera::ast::Node;

/// The templates that use any of `changed`, directly or through others, and `changed` itself.
pub(super) fn dependents(tera: &tera::Tera, changed: &BTreeSet<String>) -> BTreeSet<String> {
    let uses: Vec<(String, BTreeSet<String>)> = tera
        .templates
        .iter()
        .map(|(name, t)| {
            let mut deps: BTreeSet<String> = t.parents.iter().cloned().collect();
            deps.extend(t.imported_macro_files.iter().map(|(file, _)| file.clone()));
            includes(&t.ast, &mut deps);
            for m in t.macros.values() {
                includes(&m.body, &mut deps);
            }
            (name.clone(), deps)
        })
        .collect();
    let mut affected = changed.clone();
    loop {
        let before = affected.len();
        for (name, deps) in &uses {
            if !affected.contains(name) && deps.iter().any(|d| affected.contains(d)) {
                affected.insert(name.clone());
            }
        }
        if affected.len() == before {
            return affected;
        }
    }
}

fn includes(nodes: &[Node], out: &mut BTreeSet<String>) {
    for node in nodes {
        match node {
            Node::Include(_, names, _) => out.extend(names.iter().cloned()),
            Node::Block(_, b, _) => includes(&b.body, out),
            Node::Forloop(_, f, _) => {
                includes(&f.body, out);
                if let Some(empty) = &f.empty_body {
                    includes(empty, out);
                }
            }
            Node::If(i, _) => {
                for (_, _, body) in &i.conditions {
                    includes(body, out);
                }
                if let Some((_, body)) = &i.otherwise {
                    includes(body, out);
                }
            }
            Node::FilterSection(_, f, _) => includes(&f.body, out),
            Node::MacroDefinition(_, m, _) => includes(&m.body, out),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dependents_follow_extends_includes_and_imports() {
        let mut tera = tera::Tera::default();
        tera.add_raw_templates(vec![
            ("base.html", "{% include \"partials/header.html\" %}{% block main %}{% endblock main %}"),
            ("partials/header.html", "<header></header>"),
            ("macros.html", "{% macro card() %}card{% endmacro card %}"),
            ("page.html", "{% extends \"base.html\" %}{% block main %}page{% endblock main %}"),
            ("section.html", "{% extends \"base.html\" %}{% import \"macros.html\" as m %}{% block main %}{% if true %}{{ m::card() }}{% endif %}{% endblock main %}"),
            ("search.html", "search"),
        ])
        .unwrap();
        let set = |names: &[&str]| names.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>();
        assert_eq!(
            dependents(&tera, &set(&["partials/header.html"])),
            set(&[
                "base.html",
                "page.html",
                "partials/header.html",
                "section.html"
            ])
        );
        assert_eq!(
            dependents(&tera, &set(&["macros.html"])),
            set(&["macros.html", "section.html"])
        );
        assert_eq!(
            dependents(&tera, &set(&["search.html"])),
            set(&["search.html"])
        );
    }
}
