//! The command line: clap definitions and the dispatch to each subcommand.

mod list;
mod resolve;
mod validate;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::engine::Mode;

#[derive(Debug, Parser)]
#[command(
    name = "lessons",
    version,
    about = "Decide as the officers had to, in real investigated cases, then see what the investigation found.",
    long_about = "lessons steps police officers and staff through the decision points of real cases \
                  investigated by the IOPC (formerly the IPCC), then puts each choice beside what the \
                  officers did and what the investigation found.\n\nRun with no command to open the \
                  full-screen library."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the scenarios in the built-in library (or in the files and folders given)
    List {
        /// Scenario files or folders; the built-in library when none are given
        paths: Vec<PathBuf>,
        /// Print JSON instead of a table
        #[arg(long)]
        json: bool,
    },
    /// Check scenario files and folders; exit 0 when all are valid, 1 when any is not
    Validate {
        /// Scenario files or folders
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Play a scenario by id (see `lessons list`) or from a file
    Play {
        /// A scenario id from the library, or the path of a scenario file
        scenario: String,
        /// Plain line-by-line play on standard input and output (screen-reader friendly, scriptable)
        #[arg(long)]
        plain: bool,
        /// Seed for the option order; the same seed gives the same run
        #[arg(long)]
        seed: Option<u64>,
        /// Practice shows feedback after each decision; assessment holds it to the end
        #[arg(long, value_enum, default_value_t = ModeArg::Practice)]
        mode: ModeArg,
        /// Ask how sure you are (1–5) after each answer
        #[arg(long)]
        confidence: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ModeArg {
    Practice,
    Assessment,
}

impl From<ModeArg> for Mode {
    fn from(value: ModeArg) -> Self {
        match value {
            ModeArg::Practice => Mode::Practice,
            ModeArg::Assessment => Mode::Assessment,
        }
    }
}

/// Runs the parsed command line and returns the process exit code.
pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        None => {
            use clap::CommandFactory;
            let mut command = Cli::command();
            let _ = command.print_help();
            println!();
            ExitCode::SUCCESS
        }
        Some(Command::List { paths, json }) => list::run(&paths, json),
        Some(Command::Validate { paths }) => validate::run(&paths),
        Some(Command::Play {
            scenario,
            plain,
            seed,
            mode,
            confidence,
        }) => {
            let Some(scenario) = resolve::scenario(&scenario) else {
                return ExitCode::from(1);
            };
            if !plain {
                eprintln!("The full-screen player is not built yet; use --plain.");
                return ExitCode::from(2);
            }
            let seed = seed.unwrap_or_else(rand::random);
            let mut settings = crate::engine::Settings::new(mode.into(), seed);
            settings.ask_confidence = confidence;
            let stdin = std::io::stdin();
            let stdout = std::io::stdout();
            match crate::plain::play(&scenario, settings, stdin.lock(), stdout.lock()) {
                Ok(crate::plain::Ending::Finished) => ExitCode::SUCCESS,
                Ok(crate::plain::Ending::InputClosed) => {
                    eprintln!("lessons: input ended before the run finished");
                    ExitCode::from(1)
                }
                Err(e) => {
                    eprintln!("lessons: {e}");
                    ExitCode::from(1)
                }
            }
        }
    }
}
