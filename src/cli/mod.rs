//! The command line: clap definitions and the dispatch to each subcommand.

mod audit;
mod author;
mod classroom;
mod command;
mod context;
mod docs;
mod drill;
mod error;
mod export;
mod handout;
mod list;
mod options;
mod plan;
mod play;
mod report;
mod resolve;
mod serve;
mod sync;
mod validate;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

pub use command::Command;
pub use context::Context;
pub use error::CliError;

pub use options::*;

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
    /// Colours of the full-screen library and player: default, high-contrast or mono.
    /// NO_COLOR in the environment always wins. (Also taken after the commands that draw
    /// the full screen: play, resume, drill, classroom, preview.)
    #[arg(long, value_enum)]
    pub theme: Option<ThemeArg>,
    /// Where run records are kept (else $LESSONS_HOME, else the platform's data folder)
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Do not save run records
    #[arg(long, global = true)]
    pub no_records: bool,
    /// Your name or a pseudonym, kept in your run records (optional)
    #[arg(long, global = true, value_name = "NAME")]
    pub name: Option<String>,
    /// Draw the first frame and exit (for the start-up benchmark)
    #[arg(long, hide = true)]
    pub exit_after_first_frame: bool,
}

impl Cli {
    /// clap's `Parser::parse` (this inherent function is found first), except that a usage
    /// error is echoed safely: clap quotes what was typed ("unexpected argument '…'"), and a
    /// file name expanded by the shell can carry escape sequences.
    pub fn parse() -> Self {
        match <Self as Parser>::try_parse() {
            Ok(cli) => cli,
            Err(e) if e.use_stderr() => {
                for line in e.render().to_string().lines() {
                    eprintln!("{}", crate::scenario::text::echo_message(line));
                }
                std::process::exit(e.exit_code())
            }
            Err(e) => e.exit(),
        }
    }
}

/// Runs the parsed command line and returns the process exit code.
pub fn run(cli: Cli) -> ExitCode {
    // `--theme` after a full-screen command, else before it (`lessons --theme mono play …`)
    let given = match &cli.command {
        Some(
            Command::Play { colours, .. }
            | Command::Resume { colours, .. }
            | Command::Drill { colours, .. }
            | Command::Preview { colours, .. },
        ) => colours.theme,
        Some(Command::Classroom { colours, .. } | Command::Serve { colours, .. }) => colours.theme,
        _ => None,
    }
    .or(cli.theme);
    let context = Context {
        theme: given.map_or(crate::tui::theme::ThemeName::Default, Into::into),
        classroom_theme: given.map_or(crate::tui::theme::ThemeName::HighContrast, Into::into),
        data_dir: cli.data_dir,
        no_records: cli.no_records,
        name: cli.name,
        exit_after_first_frame: cli.exit_after_first_frame,
        zone: crate::record::stamp::local_zone(),
    };

    match cli.command {
        None => play::full_screen(&context, play::Start::Library),
        Some(Command::List { paths, json }) => list::run(&paths, json),
        Some(Command::Validate { paths, format }) => validate::run(&paths, format),
        Some(Command::ValidatePlan { files }) => plan::validate(&files),
        Some(Command::NewPlan { cases, output, force }) => plan::new_plan(&cases, &output, force),

        Some(Command::Play {
            scenario,
            plain,
            seed,
            mode,
            confidence,
            timers,
            ..
        }) => {
            let settings = play::Chosen {
                mode: mode.into(),
                seed,
                confidence,
                timers: timers.setting(),
            };
            play::play(&context, &scenario, plain, settings)
        }
        Some(Command::Resume {
            run, plain, timers, ..
        }) => play::resume(&context, run.as_deref(), plain, timers.given()),
        Some(Command::Export { run, format, output }) => {
            export::run(&context, &run, format, output.as_deref())
        }
        Some(Command::Sync) => sync::run(&context),
        Some(Command::Handout {
            cases,
            answers,
            output,
            ..
        }) => handout::run(&cases, answers, output.as_deref()),
        Some(Command::Report {
            paths,
            format,
            anonymise,
            mode,
            since,
            latest,
            trainees,
            label,
        }) => report::run(
            &context,
            &paths,
            report::Options {
                format,
                anonymise,
                trainees,
                filter: crate::analysis::report::Filter {
                    mode,
                    since,
                    latest,
                    labels: label,
                },
            },
        ),
        Some(Command::Drill { plain, list, now, .. }) => drill::run(&context, plain, list, now),
        Some(Command::Classroom {
            cases,
            seed,
            resume,
            label,
            presenter,
            plan,
            room,
            path,
            ..
        }) => classroom::run(
            &context,
            &cases,
            seed,
            resume,
            classroom::Options {
                label,
                presenter,
                plan: plan.as_deref(),
                room: classroom::Room {
                    size: room,
                    path: path.map(Into::into),
                },
            },
        ),
        Some(Command::Serve {
            cases,
            listen,
            code,
            authorized_keys,
            max,
            seed,
            plan,
            room,
            path,
            label,
            presenter,
            ..
        }) => serve::run(
            &context,
            &cases,
            serve::Options {
                listen,
                code,
                authorized_keys,
                max: usize::from(max),
                seed,
                plan,
                label,
                presenter,
                room: classroom::Room {
                    size: room,
                    path: path.map(Into::into),
                },
            },
        ),
        Some(Command::New { id, from, dir }) => author::new(&id, from.as_deref(), &dir),
        Some(Command::Graph { scenario, format }) => author::graph(&scenario, format),
        Some(Command::Coverage { scenario, seed, json }) => author::coverage(&scenario, seed, json),
        Some(Command::Audit {
            cases,
            seeds,
            threshold,
            format,
        }) => audit::run(&cases, seeds, threshold, format),
        Some(Command::Completions { shell }) => docs::completions(shell),
        Some(Command::Man) => docs::man(),
        Some(Command::Preview { path, watch, .. }) => author::preview(&context, &path, watch),
    }
}
