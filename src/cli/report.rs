//! `lessons report PATH... [--format text|md|csv|json] [--anonymise] [--mode M]
//! [--since DATE] [--latest] [--trainees]`.

use std::path::PathBuf;
use std::process::ExitCode;

use super::{Context, ReportFormat};
use crate::analysis::export::ExportError;
use crate::analysis::report;
use crate::record::{load_paths, resolve_dir};
use crate::scenario::text::{echo_message, echo_path};

pub struct Options {
    pub format: ReportFormat,
    pub anonymise: bool,
    /// CSV only: the trainee × case table.
    pub trainees: bool,
    pub filter: report::Filter,
}

/// A `--since` date: YYYY-MM-DD.
pub fn parse_date(s: &str) -> Result<jiff::civil::Date, String> {
    s.parse::<jiff::civil::Date>()
        .map_err(|_| format!("{s:?} is not a date: give it as YYYY-MM-DD, e.g. 2026-12-01"))
}

pub fn run(context: &Context, paths: &[PathBuf], options: Options) -> ExitCode {
    let Options {
        format,
        anonymise,
        trainees,
        filter,
    } = options;
    if trainees && !matches!(format, ReportFormat::Csv) {
        eprintln!(
            "lessons: --trainees goes with --format csv (text, md and json always hold the trainee table)"
        );
        return ExitCode::from(2);
    }
    let paths: Vec<PathBuf> = if paths.is_empty() {
        match resolve_dir(context.data_dir.as_deref()) {
            Some(dir) => vec![dir],
            None => {
                eprintln!("lessons: give record files or folders to report on");
                return ExitCode::from(2);
            }
        }
    } else {
        paths.to_vec()
    };
    // a missing path would otherwise be judged by its name ("not a record")
    let (present, missing): (Vec<PathBuf>, Vec<PathBuf>) =
        paths.into_iter().partition(|p| p.symlink_metadata().is_ok());
    for path in &missing {
        eprintln!(
            "lessons: {} does not exist",
            crate::scenario::text::echo_path(path)
        );
    }
    let paths = present;
    let (records, skipped) = load_paths(&paths);
    for s in &skipped {
        eprintln!(
            "lessons: skipped {}: {}",
            echo_path(&s.path),
            echo_message(&s.reason.to_string())
        );
    }
    if records.is_empty() {
        eprintln!("lessons: no run records found in {}", display(&paths));
        return ExitCode::from(1);
    }
    let records = report::filter(records.into_iter().map(|(_, r)| r).collect(), &filter);
    if records.is_empty() {
        eprintln!("lessons: no records match the filters (--mode, --since, --latest, --label)");
        return ExitCode::from(1);
    }
    let built = report::build(&records, &context.scenarios_for(&records), anonymise);
    let text = match format {
        ReportFormat::Text => Ok(report::text(&built)),
        ReportFormat::Md => Ok(report::markdown(&built)),
        ReportFormat::Csv if trainees => report::trainees_csv(&built),
        ReportFormat::Csv => report::csv(&built),
        ReportFormat::Json => serde_json::to_string_pretty(&built).map_err(ExportError::from),
    };
    match text {
        Ok(t) => {
            print!("{t}");
            if !t.ends_with('\n') {
                println!();
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("lessons: {}", echo_message(&e.to_string()));
            ExitCode::from(1)
        }
    }
}

fn display(paths: &[PathBuf]) -> String {
    paths.iter().map(echo_path).collect::<Vec<_>>().join(", ")
}
