//! The command line, with clap derive: doc comments are the help text.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::site::BuildOptions;

/// Trellis builds competency-based curriculum sites from markdown.
///
/// Run it in the folder that holds your site's `site.toml`.
#[derive(Debug, Parser)]
#[command(name = "trellis", version, propagate_version = true)]
pub struct Cli {
    /// The site folder (the one with `site.toml`).
    #[arg(short, long, global = true, default_value = ".", value_name = "DIR")]
    pub root: PathBuf,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site into `public/` (or `--output DIR`).
    ///
    /// The output is written aside and swapped in only when the whole build succeeded, so a
    /// failed build leaves the previous output as it was.
    Build {
        /// Where to write the site.
        #[arg(short, long, value_name = "DIR")]
        output: Option<PathBuf>,
        /// Use this base URL instead of the one in site.toml (for sitemap.xml and robots.txt).
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
        /// Include pages marked `draft = true`.
        #[arg(long)]
        drafts: bool,
        /// Build into the output folder even when it holds files that are not a site Trellis
        /// built (they are deleted).
        #[arg(long)]
        force: bool,
    },
    /// Build the site and serve it on this machine, rebuilding and reloading open pages on every
    /// change.
    ///
    /// The site is built into a temporary folder (not `public/`), removed when the server stops
    /// (Ctrl+C); HTML pages are served with a small live-reload script that `trellis build`
    /// never adds.
    Serve {
        /// The port to listen on (0 picks a free one).
        #[arg(short, long, default_value_t = crate::serve::DEFAULT_PORT)]
        port: u16,
        /// The address to listen on. The default serves this machine only.
        #[arg(short, long, default_value = "127.0.0.1", value_name = "ADDRESS")]
        bind: String,
        /// Include pages marked `draft = true`.
        #[arg(long)]
        drafts: bool,
    },
    /// Check the site before publishing: links and anchors, curriculum coverage, readability,
    /// accessibility and metadata. Renders in memory and writes nothing.
    ///
    /// Prints each finding at its source line, the coverage matrix and a summary; exits with
    /// status 1 when a finding is an error (levels are set under [check] in site.toml).
    Check {
        /// Include pages marked `draft = true`.
        #[arg(long)]
        drafts: bool,
        /// Also fetch every external link (with the timeout and concurrency in site.toml).
        #[arg(long)]
        external: bool,
        /// `human` (the default) or `json`, for tools (schema in docs/authoring.md).
        #[arg(long, value_enum, default_value_t = crate::check::Format::Human)]
        format: crate::check::Format,
    },
}

impl Cli {
    /// The build options this command line asks for.
    pub fn build_options(&self) -> BuildOptions {
        let mut options = BuildOptions {
            root: self.root.clone(),
            ..BuildOptions::default()
        };
        match &self.command {
            Command::Build {
                output,
                base_url,
                drafts,
                force,
            } => {
                options.output = output.clone();
                options.base_url = base_url.clone();
                options.drafts = *drafts;
                options.force = *force;
            }
            Command::Check { drafts, .. } | Command::Serve { drafts, .. } => {
                options.drafts = *drafts
            }
        }
        options
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_sound() {
        Cli::command().debug_assert();
    }
}
