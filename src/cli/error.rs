//! Why a command could not do what was asked, as values. Each message is what the user
//! reads after `lessons: `: it names the record or case (made safe to print) and, where
//! there is one, the command that helps.

use std::path::PathBuf;

use crate::analysis::export::ExportError;
use crate::record::{LoadError, RecordError};
use crate::scenario::text::{echo, echo_message, echo_path, sanitize};

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// A record file named on the command line that is not a record we can read.
    #[error("{} {}", echo_path(.path), echo_message(&.cause.to_string()))]
    RecordUnreadable { path: PathBuf, cause: LoadError },
    #[error("no record `{}` in {} (and no file of that name)", echo(.name), echo_path(.dir))]
    NoRecord { name: String, dir: PathBuf },
    #[error("no record `{}`, and no records folder", echo(.0))]
    NoRecordsFolder(String),
    #[error("that run is finished; `lessons export {}` shows its debrief", echo(.id))]
    Finished { id: String },
    #[error("the case `{}` of this run is no longer in the library", echo(.scenario_id))]
    CaseGone { scenario_id: String },
    #[error(
        "“{}” has changed since this run was recorded, so it cannot be resumed exactly\n  help: your answers are kept in the record (`lessons export {}`); start the case again with `lessons play {}`",
        sanitize(.title),
        echo(.id),
        echo(.scenario_id)
    )]
    CaseChanged {
        title: String,
        id: String,
        scenario_id: String,
    },
    #[error("this run cannot be resumed: {0}")]
    NotResumable(#[from] crate::engine::ResumeError),
    /// No unfinished run could be resumed; each newer one passed over (its id, made safe to
    /// print, and why) is named.
    #[error("there is no unfinished run that can be resumed{}", skipped_lines(.0))]
    NothingToResume(Vec<(String, CliError)>),
    #[error(
        "the case `{}` of this run is no longer in the library, so there is no CSV debrief; `--format md` or `--format json` exports what the record holds",
        echo(.0)
    )]
    NoCsvWithoutCase(String),
    #[error(
        "the case `{}` of this run is no longer in the library or its file; xAPI statements need its decisions and options",
        echo(.0)
    )]
    NoXapiWithoutCase(String),
    #[error(
        "the case `{}` of this classroom session is no longer in the library or its file; a session summary needs its options and findings",
        echo(.0)
    )]
    NoGroupSummaryWithoutCase(String),
    #[error("cannot use `{}` in the session", echo(.0))]
    NotACase(String),
    #[error("the session plan {} has errors (listed above); `lessons validate-plan` checks it", echo_path(.0))]
    PlanInvalid(PathBuf),
    #[error("there is no classroom session to resume")]
    NoClassroomSession,
    #[error("case `{}` is no longer in the library", echo(.0))]
    PlanCaseGone(String),
    #[error("the session's plan does not include its case")]
    PlanLacksCase,
    #[error("“{}” has changed since the session, so it cannot be resumed exactly", sanitize(.0))]
    SessionCaseChanged(String),
    #[error("the last classroom session is complete")]
    SessionComplete,
    #[error(transparent)]
    Record(#[from] RecordError),
    #[error(transparent)]
    Export(#[from] ExportError),
}

fn skipped_lines(passed_over: &[(String, CliError)]) -> String {
    passed_over
        .iter()
        .map(|(id, why)| format!("\n  skipped `{id}`: {why}"))
        .collect()
}

/// A value on the command line that is not a number of points.
#[derive(Debug, thiserror::Error)]
#[error("`{0}` is not a number of points, 0 or more")]
pub struct NotPoints(pub String);
