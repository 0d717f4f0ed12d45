//! `lessons export RUN --format md|json|csv`.

use std::path::Path;
use std::process::ExitCode;

use super::{CliError, Context, ExportFormat};
use crate::analysis::{export, orphan};
use crate::record::atomic::write_atomic;
use crate::scenario::text::{echo_message, echo_path};

pub fn run(context: &Context, name: &str, format: ExportFormat, output: Option<&Path>) -> ExitCode {
    let record = match context.find_record(name) {
        Ok(r) => r,
        Err(e) => {
            if name == "latest" {
                eprintln!("lessons: there is no finished run to export yet");
                eprintln!(
                    "  help: play a case to its end first: `lessons play ID` (`lessons list` shows the ids) or `lessons` for the library; `lessons resume` finishes an unfinished run"
                );
            } else {
                eprintln!("lessons: {}", echo_message(&e.to_string()));
                eprintln!(
                    "  help: `lessons export latest` exports your most recent finished run; Tab in `lessons` lists your runs"
                );
            }
            return ExitCode::from(1);
        }
    };
    let text = match (context.scenario_of(&record), format) {
        (Some(scenario), ExportFormat::Md) => Ok(export::markdown(&record, &scenario, &context.zone)),
        (Some(scenario), ExportFormat::Json) => {
            export::json(&record, &scenario, &context.zone).map_err(CliError::from)
        }
        (Some(scenario), ExportFormat::Csv) => {
            export::csv(&record, &scenario, &context.zone).map_err(CliError::from)
        }
        // the case was withdrawn: the trainee still gets what their record holds
        (None, ExportFormat::Md) => Ok(orphan::markdown(&record, &context.zone)),
        (None, ExportFormat::Json) => orphan::json(&record, &context.zone).map_err(CliError::from),
        (None, ExportFormat::Csv) => Err(CliError::NoCsvWithoutCase(record.scenario_id.clone())),
    };
    let text = match text {
        Ok(t) => t,
        Err(e) => {
            eprintln!("lessons: {}", echo_message(&e.to_string()));
            return ExitCode::from(1);
        }
    };
    match output {
        None => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Some(path) => match write_atomic(path, text.as_bytes()) {
            Ok(()) => {
                eprintln!("wrote {}", echo_path(path));
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!(
                    "lessons: cannot write {}: {}",
                    echo_path(path),
                    echo_message(&e.to_string())
                );
                ExitCode::from(1)
            }
        },
    }
}
