//! Resource records (references with metadata) and their citation style.

use serde::Deserialize;
use toml::Spanned;

use super::front_matter::Taxonomies;
use crate::markdown::escape_html;

#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum ResourceKind {
    Article,
    Book,
    Chapter,
    Report,
    Toolkit,
    Video,
    Training,
    Web,
    Policy,
}

impl ResourceKind {
    pub const ALL: [ResourceKind; 9] = [
        ResourceKind::Article,
        ResourceKind::Book,
        ResourceKind::Chapter,
        ResourceKind::Report,
        ResourceKind::Toolkit,
        ResourceKind::Video,
        ResourceKind::Training,
        ResourceKind::Web,
        ResourceKind::Policy,
    ];

    pub fn name(self) -> &'static str {
        match self {
            ResourceKind::Article => "article",
            ResourceKind::Book => "book",
            ResourceKind::Chapter => "chapter",
            ResourceKind::Report => "report",
            ResourceKind::Toolkit => "toolkit",
            ResourceKind::Video => "video",
            ResourceKind::Training => "training",
            ResourceKind::Web => "web",
            ResourceKind::Policy => "policy",
        }
    }

    /// Singular label, as on a badge.
    pub fn label(self) -> &'static str {
        match self {
            ResourceKind::Article => "Journal article",
            ResourceKind::Book => "Book",
            ResourceKind::Chapter => "Book chapter",
            ResourceKind::Report => "Report",
            ResourceKind::Toolkit => "Toolkit",
            ResourceKind::Video => "Video",
            ResourceKind::Training => "Training programme",
            ResourceKind::Web => "Web page",
            ResourceKind::Policy => "Policy document",
        }
    }

    /// Plural label, as a group heading.
    pub fn plural(self) -> &'static str {
        match self {
            ResourceKind::Article => "Journal articles",
            ResourceKind::Book => "Books",
            ResourceKind::Chapter => "Book chapters",
            ResourceKind::Report => "Reports",
            ResourceKind::Toolkit => "Toolkits",
            ResourceKind::Video => "Videos",
            ResourceKind::Training => "Training programmes",
            ResourceKind::Web => "Web pages",
            ResourceKind::Policy => "Policy documents",
        }
    }

    /// Whether a record of this kind may leave out its year and authors (web pages and policy
    /// documents often name neither).
    pub fn year_optional(self) -> bool {
        matches!(self, ResourceKind::Web | ResourceKind::Policy)
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResourceRecord {
    pub key: Spanned<String>,
    pub kind: Spanned<ResourceKind>,
    pub authors: Spanned<Vec<String>>,
    #[serde(default)]
    pub edited: bool,
    pub year: Option<Spanned<i64>>,
    pub title: Spanned<String>,
    pub journal: Option<String>,
    pub publisher: Option<String>,
    pub place: Option<String>,
    pub volume: Option<String>,
    pub issue: Option<String>,
    pub pages: Option<String>,
    pub doi: Option<Spanned<String>>,
    pub url: Option<Spanned<String>>,
    #[serde(default)]
    pub competencies: Vec<Spanned<String>>,
    pub annotation: Spanned<String>,
    #[serde(default)]
    pub taxonomies: Taxonomies,
}

impl ResourceRecord {
    pub fn key(&self) -> &str {
        self.key.get_ref()
    }

    pub fn year(&self) -> Option<i64> {
        self.year.as_ref().map(|y| *y.get_ref())
    }

    /// The DOI as a URL, else the URL, else nothing.
    pub fn link(&self) -> Option<String> {
        match (&self.doi, &self.url) {
            (Some(doi), _) => Some(format!("https://doi.org/{}", doi.get_ref())),
            (None, Some(url)) => Some(url.get_ref().clone()),
            (None, None) => None,
        }
    }

    fn surname(author: &str) -> &str {
        author.split(',').next().unwrap_or(author).trim()
    }

    fn year_text(&self) -> String {
        self.year()
            .map_or_else(|| "n.d.".to_string(), |y| y.to_string())
    }

    /// In-text form: "Lorig (2014)", "Bodenheimer & Handley (2009)", "Lorig et al. (2014)".
    pub fn short(&self) -> String {
        let authors = self.authors.get_ref();
        let names = match authors.as_slice() {
            // APA: with no author, the title takes the author's place.
            [] => format!("\u{201c}{}\u{201d}", short_title(self.title.get_ref())),
            [a] => Self::surname(a).to_string(),
            [a, b] => format!("{} & {}", Self::surname(a), Self::surname(b)),
            [a, ..] => format!("{} et al.", Self::surname(a)),
        };
        format!("{names} ({})", self.year_text())
    }

    /// The full reference as HTML, in an APA-like style.
    pub fn citation_html(&self) -> String {
        let mut out = String::new();
        let authors = self.authors.get_ref();
        let raw = self.title.get_ref();
        let title = escape_html(raw);
        let stop = if raw.ends_with(['.', '?', '!']) {
            ""
        } else {
            "."
        };
        let is_article = self.kind.get_ref() == &ResourceKind::Article;
        let title = if is_article {
            format!("{title}{stop}")
        } else {
            format!("<cite>{title}</cite>{stop}")
        };
        if authors.is_empty() {
            // APA: with no author, the title moves to the front.
            out.push_str(&format!("{title} ({}).", self.year_text()));
            self.push_source(&mut out);
            return out;
        }
        let list = match authors.as_slice() {
            [] => String::new(),
            [a] => a.clone(),
            [init @ .., last] => format!("{}, & {}", init.join(", "), last),
        };
        out.push_str(&escape_html(&list));
        if self.edited {
            out.push_str(if authors.len() > 1 {
                " (Eds.)"
            } else {
                " (Ed.)"
            });
        }
        out.push_str(&format!(" ({}). {title}", self.year_text()));
        self.push_source(&mut out);
        out
    }

    /// Journal, volume, issue, pages, publisher and link: the part after the title.
    fn push_source(&self, out: &mut String) {
        if let Some(journal) = &self.journal {
            out.push_str(&format!(" <i>{}</i>", escape_html(journal)));
            if let Some(v) = &self.volume {
                out.push_str(&format!(", <i>{}</i>", escape_html(v)));
            }
            if let Some(i) = &self.issue {
                out.push_str(&format!("({})", escape_html(i)));
            }
            if let Some(p) = &self.pages {
                out.push_str(&format!(", {}", escape_html(p)));
            }
            out.push('.');
        } else if let Some(p) = &self.pages {
            out.push_str(&format!(" (pp. {}).", escape_html(p)));
        }
        match (&self.place, &self.publisher) {
            (Some(place), Some(publisher)) => out.push_str(&format!(
                " {}: {}.",
                escape_html(place),
                escape_html(publisher)
            )),
            (None, Some(publisher)) => out.push_str(&format!(" {}.", escape_html(publisher))),
            (Some(place), None) => out.push_str(&format!(" {}.", escape_html(place))),
            (None, None) => {}
        }
        if let Some(link) = self.link() {
            let l = escape_html(&link);
            out.push_str(&format!(" <a href=\"{l}\">{l}</a>"));
        }
    }
}

/// The first words of a title, for an in-text citation without an author.
fn short_title(title: &str) -> String {
    let words: Vec<&str> = title.split_whitespace().collect();
    if words.len() <= 6 {
        title.to_string()
    } else {
        format!("{}\u{2026}", words[..6].join(" "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(extra: &str) -> ResourceRecord {
        let src = format!(
            "key = \"k\"\ntitle = \"The components of action planning\"\nannotation = \"a\"\n{extra}"
        );
        toml::from_str(&src).unwrap()
    }

    #[test]
    fn article_citation() {
        let r = record(
            "kind = \"article\"\nauthors = [\"Lorig, K.\", \"Laurent, D. D.\", \"Ritter, P. L.\"]\nyear = 2014\njournal = \"Chronic Illness\"\nvolume = \"10\"\nissue = \"1\"\npages = \"50-59\"\ndoi = \"10.1/x\"",
        );
        assert_eq!(
            r.citation_html(),
            "Lorig, K., Laurent, D. D., &amp; Ritter, P. L. (2014). The components of action planning. <i>Chronic Illness</i>, <i>10</i>(1), 50-59. <a href=\"https://doi.org/10.1/x\">https://doi.org/10.1/x</a>"
        );
        assert_eq!(r.short(), "Lorig et al. (2014)");
    }

    #[test]
    fn book_citation_with_editors_and_no_year() {
        let r = record(
            "kind = \"web\"\nauthors = [\"Corrigan, J. M.\", \"Adams, K.\"]\nedited = true\npublisher = \"National Academies Press\"",
        );
        assert_eq!(
            r.citation_html(),
            "Corrigan, J. M., &amp; Adams, K. (Eds.) (n.d.). <cite>The components of action planning</cite>. National Academies Press."
        );
        assert_eq!(r.short(), "Corrigan & Adams (n.d.)");
    }

    #[test]
    fn web_page_without_author_puts_the_title_first() {
        let r = record("kind = \"web\"\nauthors = []\nurl = \"https://example.org/sms\"");
        assert_eq!(
            r.citation_html(),
            "<cite>The components of action planning</cite>. (n.d.). <a href=\"https://example.org/sms\">https://example.org/sms</a>"
        );
        assert_eq!(
            r.short(),
            "\u{201c}The components of action planning\u{201d} (n.d.)"
        );
    }
}
