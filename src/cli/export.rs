//! `lessons export RUN --format md|json|csv`.

use std::path::Path;
use std::process::ExitCode;

use super::{CliError, Context, ExportFormat};
use crate::analysis::{export, group_export, orphan};
use crate::record::RecordKind;
use crate::record::model::Record;
use crate::scenario::Scenario;
use crate::scenario::text::echo_message;

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
    let scenario = context.scenario_of(&record);
    // a classroom session is the room's votes, summarised as such, never as one trainee's run
    let text = match (&record.kind, scenario) {
        (RecordKind::Group, Some(scenario)) => match format {
            ExportFormat::Md => Ok(group_export::markdown(&record, &scenario, &context.zone)),
            ExportFormat::Json => {
                group_export::json(&record, &scenario, &context.zone).map_err(CliError::from)
            }
            ExportFormat::Csv => group_export::csv(&record, &scenario, &context.zone).map_err(CliError::from),
            ExportFormat::Xapi => Ok(super::sync::export_text(context, &record, &scenario)),
        },
        (RecordKind::Group, None) => Err(CliError::NoGroupSummaryWithoutCase(record.scenario_id.clone())),
        (_, scenario) => individual(&record, scenario, format, context),
    };
    let text = match text {
        Ok(t) => t,
        Err(e) => {
            eprintln!("lessons: {}", echo_message(&e.to_string()));
            return ExitCode::from(1);
        }
    };
    super::handout::write_out(&text, output)
}

/// One trainee's run: the portfolio debrief, or what the record holds if the case is gone.
fn individual(
    record: &Record,
    scenario: Option<Scenario>,
    format: ExportFormat,
    context: &Context,
) -> Result<String, CliError> {
    match (scenario, format) {
        (Some(scenario), ExportFormat::Md) => Ok(export::markdown(record, &scenario, &context.zone)),
        (Some(scenario), ExportFormat::Json) => {
            export::json(record, &scenario, &context.zone).map_err(CliError::from)
        }
        (Some(scenario), ExportFormat::Csv) => {
            export::csv(record, &scenario, &context.zone).map_err(CliError::from)
        }
        // the case was withdrawn: the trainee still gets what their record holds
        (None, ExportFormat::Md) => Ok(orphan::markdown(record, &context.zone)),
        (None, ExportFormat::Json) => orphan::json(record, &context.zone).map_err(CliError::from),
        (None, ExportFormat::Csv) => Err(CliError::NoCsvWithoutCase(record.scenario_id.clone())),
        (Some(scenario), ExportFormat::Xapi) => Ok(super::sync::export_text(context, record, &scenario)),
        (None, ExportFormat::Xapi) => Err(CliError::NoXapiWithoutCase(record.scenario_id.clone())),
    }
}
