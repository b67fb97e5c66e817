//! One fluent harness for integration tests: build a site in a temp dir with the real
//! `trellis` binary, then assert on its exit status, stderr and output files.
//!
//! ```ignore
//! Site::fixture("minimal").file("content/a.md", "...").build().success().page("a/index.html").contains("...");
//! ```
#![allow(dead_code)]

mod html;
mod links;
mod page;
mod run;
mod site;

// Each test binary uses a different subset of the harness, as with `dead_code` above.
#[allow(unused_imports)]
pub use {
    html::{attr_values, decode_entities, escape_html},
    links::{check_links, resolve_relative},
    page::Page,
    run::{snapshot, Run},
    site::{copy_dir, repo, Site},
};
