use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    lessons::cli::run(lessons::cli::Cli::parse())
}
