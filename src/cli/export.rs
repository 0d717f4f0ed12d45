//! `lessons export RUN --format md|json|csv`.

use std::path::Path;
use std::process::ExitCode;

use super::{Context, ExportFormat};
use crate::record::{atomic::write_atomic, export};
use crate::scenario::text::{echo, echo_message, echo_path};

pub fn run(context: &Context, name: &str, format: ExportFormat, output: Option<&Path>) -> ExitCode {
    let record = match context.find_record(name) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("lessons: {}", echo_message(&e.to_string()));
            eprintln!("  help: `lessons export latest` exports your most recent finished run");
            return ExitCode::from(1);
        }
    };
    let Some(scenario) = context.scenario_of(&record) else {
        eprintln!(
            "lessons: the case `{}` of this run is not in the library",
            echo(&record.scenario_id)
        );
        return ExitCode::from(1);
    };
    let scenario = &scenario;
    let text = match format {
        ExportFormat::Md => Ok(export::markdown(&record, scenario)),
        ExportFormat::Json => export::json(&record, scenario),
        ExportFormat::Csv => export::csv(&record, scenario),
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
