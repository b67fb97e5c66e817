//! Trellis: a static-site generator for competency-based curricula.
//!
//! The pipeline is the layout: `config` reads site.toml, `content` loads and resolves the
//! curriculum, `markdown` turns bodies into HTML, `render` applies the theme's templates, and
//! `site` orchestrates a build and writes the output.

pub mod check;
pub mod cli;
pub mod config;
pub mod content;
pub mod diagnostic;
mod error;
pub mod fs;
pub mod markdown;
pub mod quiz;
pub mod render;
pub mod search;
pub mod serve;
pub mod site;
pub mod timings;
mod toml_error;

pub use error::{Error, Task};
