//! The subcommands, as clap reads them: each one's arguments and help.

use std::path::PathBuf;

use clap::Subcommand;

use super::options::*;
use super::{error, options, report};

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
        /// `text` for people (path:line:col on stderr), `json` for editors and CI (on stdout)
        #[arg(long, value_enum, default_value_t = ValidateFormat::Text)]
        format: ValidateFormat,
    },
    /// Check session plan files (`lessons classroom --plan`); exit 0 when all are valid, 1 when any is not
    ValidatePlan {
        /// Plan files
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Write a commented session plan to edit: the cases given, or every library case commented out
    NewPlan {
        /// Scenario ids (a unique start is enough) or files, in session order
        #[arg(value_name = "ID|PATH")]
        cases: Vec<String>,
        /// The file to write (`-` for standard output)
        #[arg(long, short, default_value = "plan.ron")]
        output: PathBuf,
        /// Replace the file if it exists
        #[arg(long)]
        force: bool,
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
        #[command(flatten)]
        timers: TimerArgs,
        #[command(flatten)]
        colours: ThemeOpt,
    },
    /// Continue an unfinished run: the most recent, or the record given
    Resume {
        /// A record file, or a record id from the records folder
        run: Option<String>,
        /// Continue in the plain line-by-line player
        #[arg(long)]
        plain: bool,
        /// Accepted, but a resumed run keeps the timer setting it began with (it says so)
        #[command(flatten)]
        timers: TimerArgs,
        #[command(flatten)]
        colours: ThemeOpt,
    },
    /// Export one run as a Markdown debrief (for a CPD portfolio), JSON or CSV; a classroom
    /// record as the room's session summary; `--format xapi`: its xAPI statements
    Export {
        /// A record file, a record id, or `latest` for your most recent finished run
        run: String,
        #[arg(long, value_enum, default_value_t = ExportFormat::Md)]
        format: ExportFormat,
        /// Write to this file instead of standard output
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Send the statements waiting in the outbox to the configured Learning Record Store
    /// (xAPI); exits non-zero while any are still waiting
    Sync,
    /// A pre-read for a session: briefing, story and questions without answers (or the answer key)
    Handout {
        /// Scenario ids (a unique start is enough) or files, in session order
        #[arg(required = true, value_name = "ID|PATH")]
        cases: Vec<String>,
        /// Markdown is the only format
        #[arg(long, value_enum, default_value_t = HandoutFormat::Md)]
        format: HandoutFormat,
        /// The instructor's answer key instead: in line, basis, the officers and the finding
        #[arg(long)]
        answers: bool,
        /// Write to this file instead of standard output
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// A cohort report over any set of run records (files or folders)
    Report {
        /// Record files or folders; the records folder when none are given
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
        format: ReportFormat,
        /// Leave out trainee names: the trainee table uses Trainee 1, 2…; rationales are
        /// listed without names, in a shuffled order
        #[arg(long, alias = "anonymize")]
        anonymise: bool,
        /// Only practice runs, assessment runs or classroom sessions
        #[arg(long, value_enum)]
        mode: Option<crate::analysis::report::ModeFilter>,
        /// Only records started on or after this local date (YYYY-MM-DD)
        #[arg(long, value_name = "DATE", value_parser = report::parse_date)]
        since: Option<jiff::civil::Date>,
        /// Only the latest attempt per trainee and case (per case and label for classroom
        /// sessions)
        #[arg(long)]
        latest: bool,
        /// With --format csv: the trainee × case table instead of the per-option table
        #[arg(long)]
        trainees: bool,
        /// Only classroom sessions run under this group label (`classroom --label`; case
        /// ignored). Give it twice or more to compare groups side by side. Individual runs
        /// carry no label, so they are left out
        #[arg(long, value_name = "LABEL", value_parser = crate::record::label::parse_label)]
        label: Vec<String>,
    },
    /// Run cases for a room on a projector: vote tallies, a timer, reveal, discussion
    Classroom {
        /// Scenario ids or files, in the order the session takes them
        #[arg(required_unless_present_any = ["resume", "plan"])]
        cases: Vec<String>,
        /// Run a session plan: its cases, minutes, votes and path (see `lessons new-plan`)
        #[arg(long, value_name = "FILE", conflicts_with_all = ["cases", "resume"])]
        plan: Option<PathBuf>,
        /// Seed for the option order shown to the room
        #[arg(long)]
        seed: Option<u64>,
        /// Continue the most recent classroom session
        #[arg(long, conflicts_with = "cases")]
        resume: bool,
        /// A group label kept on the session's records, e.g. "Syndicate A" (at most 40
        /// characters), for `lessons report --label`; a resumed session keeps its own
        #[arg(long, value_parser = crate::record::label::parse_label, conflicts_with = "resume")]
        label: Option<String>,
        /// How many people are in the room, for percentages and "11 of 12 answered"
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=i64::from(crate::tui::classroom::MAX_VOTES)))]
        room: Option<u32>,
        /// Which way the story goes after a reveal: the majority (asked on a tie or no votes),
        /// the officers' choice, or ask at every decision that decides the way
        #[arg(long, value_enum, value_name = "POLICY")]
        path: Option<options::PathArg>,
        #[command(flatten)]
        colours: ClassroomThemeOpt,
        #[command(flatten)]
        presenter: PresenterOpt,
    },
    /// A live room over SSH: trainees answer from their own terminals, this terminal is
    /// the console (`ssh -p PORT NAME@HOST`, the session code as the password)
    Serve {
        /// Scenario ids or files, in the order the session takes them
        #[arg(required_unless_present = "plan", value_name = "ID|PATH")]
        cases: Vec<String>,
        /// Run a session plan: its cases, minutes, votes and path (see `lessons new-plan`)
        #[arg(long, value_name = "FILE", conflicts_with = "cases")]
        plan: Option<PathBuf>,
        /// The address and port to listen on (0.0.0.0:2222 for every network of this machine)
        #[arg(long, value_name = "ADDR:PORT", default_value = "127.0.0.1:2222")]
        listen: String,
        /// The session code trainees type as the password (else a fresh random one)
        #[arg(long)]
        code: Option<String>,
        /// Also let in the holders of these public keys (OpenSSH authorized_keys format)
        #[arg(long, value_name = "FILE")]
        authorized_keys: Option<PathBuf>,
        /// At most this many trainees connected at once
        #[arg(long, value_name = "N", default_value_t = 40, value_parser = clap::value_parser!(u16).range(1..=1000))]
        max: u16,
        /// Seed for the option order shown to the room
        #[arg(long)]
        seed: Option<u64>,
        /// How many people are in the room, for percentages and "11 of 12 answered"
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=i64::from(crate::tui::classroom::MAX_VOTES)))]
        room: Option<u32>,
        /// Which way the story goes after a reveal: the majority (asked on a tie or no votes),
        /// the officers' choice, or ask at every decision that decides the way
        #[arg(long, value_enum, value_name = "POLICY")]
        path: Option<options::PathArg>,
        /// A group label kept on the session's records, e.g. "Syndicate A", for
        /// `lessons report --label`
        #[arg(long, value_parser = crate::record::label::parse_label)]
        label: Option<String>,
        #[command(flatten)]
        colours: ClassroomThemeOpt,
        #[command(flatten)]
        presenter: PresenterOpt,
    },
    /// Write a commented skeleton scenario that validates as it stands
    New {
        /// The new scenario's id (lower-case letters, digits and hyphens); written to ID.ron
        id: String,
        /// A published summary to work from: copied beside the skeleton for quoting
        #[arg(long, value_name = "SOURCE.txt")]
        from: Option<PathBuf>,
        /// The folder to write into (the current folder when not given)
        #[arg(long, default_value = ".")]
        dir: PathBuf,
    },
    /// Draw a scenario's steps and branches, with the officers' and the expected paths
    Graph {
        /// A scenario id or file
        scenario: String,
        #[arg(long, value_enum, default_value_t = GraphFormat::Dot)]
        format: GraphFormat,
    },
    /// Play every path through a scenario and report dead ends and steps never reached
    Coverage {
        /// A scenario id or file
        scenario: String,
        /// Seed for sampling when there are too many paths to play them all
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },
    /// Play test-wise strategies against a random guesser; exit 1 when one beats it
    #[command(long_about = AUDIT_HELP)]
    Audit {
        /// Scenario ids, files or folders
        #[arg(required = true, value_name = "ID|PATH")]
        cases: Vec<String>,
        /// How many seeds (option orders) to play: seeds 1 to N
        #[arg(long, default_value_t = 50, value_parser = clap::value_parser!(u64).range(1..=100_000))]
        seeds: u64,
        /// Fail when a strategy's mean beats random's by more than this many points (of 100)
        #[arg(long, value_name = "POINTS", default_value_t = 5.0, value_parser = non_negative)]
        threshold: f64,
        /// `text`: tables within 80 columns; `json`: every figure, for CI
        #[arg(long, value_enum, default_value_t = AuditFormat::Text)]
        format: AuditFormat,
    },
    /// The full-screen player on one scenario file, for authors
    Preview {
        /// The scenario file
        path: PathBuf,
        /// Reload whenever the file is saved, showing errors while it is broken
        #[arg(long)]
        watch: bool,
        #[command(flatten)]
        colours: ThemeOpt,
    },
    /// A shell completion script on standard output (e.g. `lessons completions bash > …`)
    Completions {
        /// The shell to complete in
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// The manual page, in roff, on standard output (`lessons man | man -l -`)
    Man,
    /// Re-ask the decisions you did not get in line with the finding, spaced over days
    Drill {
        /// Drill in the plain line-by-line player
        #[arg(long)]
        plain: bool,
        /// Show what is due and when, without asking anything
        #[arg(long, conflicts_with = "now")]
        list: bool,
        /// Drill every decision not yet learnt now, due or not (an early answer in line
        /// does not stretch the schedule; a miss starts it again)
        #[arg(long)]
        now: bool,
        #[command(flatten)]
        colours: ThemeOpt,
    },
}

const AUDIT_HELP: &str = "Plays each case as a test-wise guesser would, over many seeds (option order \
is shuffled per seed, and paths branch), and compares each strategy's mean score with a random \
guesser's, per case and per decision.

Strategies:
  longest    the longest option (in characters), on a single choice or a scale; on a
             tick-all, ticks the longer half of the options (rounded up)
  shortest   the shortest option; on a tick-all, ticks the shorter half (rounded up)
  tick-all   ticks every option of a tick-all decision
  tick-none  ticks no option of a tick-all decision
  officers   what the officers did: the option marked `actual`; on a tick-all, exactly the
             options marked `actual`
  random     one option at random; on a tick-all, each option with even odds (the baseline,
             played 20 times a seed)
Equal lengths are broken by the order shown. Where a strategy has no move of its own
(tick-all or tick-none on a single-choice or scale decision, officers where no option is marked
`actual`) it guesses exactly as the random guesser does there, so that decision neither helps
nor hurts it.

Exit status: 0 when no strategy beats random by more than the threshold in any case, 1 when one
does, 2 on a usage error or a case that cannot be loaded or played.";

fn non_negative(text: &str) -> Result<f64, error::NotPoints> {
    match text.parse::<f64>() {
        Ok(v) if v.is_finite() && v >= 0.0 => Ok(v),
        _ => Err(error::NotPoints(text.to_string())),
    }
}
