use std::process::ExitCode;

fn main() -> ExitCode {
    lessons::cli::run(lessons::cli::Cli::parse())
}
