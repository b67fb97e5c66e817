use std::process::ExitCode;

use clap::Parser;
use trellis::cli::{Cli, Command};
use trellis::site;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let options = cli.build_options();
    let result = match cli.command {
        Command::Build { .. } => site::build(&options),
        Command::Check { .. } => site::check(&options),
        Command::Serve { port, ref bind, .. } => {
            let serve = trellis::serve::ServeOptions {
                build: options,
                bind: bind.clone(),
                port,
            };
            return match trellis::serve::serve(serve) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprint!("{}", e.report());
                    ExitCode::FAILURE
                }
            };
        }
    };
    match result {
        Ok(s) => {
            let verb = if matches!(cli.command, Command::Build { .. }) {
                "Built"
            } else {
                "Checked"
            };
            let place = match cli.command {
                Command::Build { .. } => format!(" into {}", s.output.display()),
                Command::Check { .. } | Command::Serve { .. } => String::from("; nothing written"),
            };
            println!(
                "{verb} {} pages and {} listing pages ({} competencies, {} objectives, {} resources) in {} ms{place}",
                s.pages, s.generated, s.competencies, s.objectives, s.resources, s.millis
            );
            let kb = |b: usize| b.div_ceil(1024);
            println!(
                "Search index: {} documents, {} terms in {} shards, {} kB (+{} kB of result text), built in {} ms",
                s.search.docs,
                s.search.terms,
                s.search.shards,
                kb(s.search.index_bytes),
                kb(s.search.fragment_bytes),
                s.search.millis
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprint!("{}", e.report());
            ExitCode::FAILURE
        }
    }
}
