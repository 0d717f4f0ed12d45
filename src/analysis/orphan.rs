//! Exports of a run whose case is no longer in the library: what the record itself holds
//! (title, when, the answers by option id, rationales, confidence, time taken), so the
//! trainee keeps their CPD record even when the case has been withdrawn.

use std::fmt::Write as _;

use jiff::tz::TimeZone;
use serde::Serialize;

use super::export::{ExportError, LocalTimes};

use crate::record::model::Record;
use crate::scenario::text::markdown_text;

const NOTE: &str = "The case is no longer in the library, so the choices are shown as recorded (option ids) and cannot be set beside the finding.";

/// A Markdown debrief from the record alone.
pub fn markdown(record: &Record, zone: &TimeZone) -> String {
    // everything here comes from the record, which the trainee (or anyone) could have typed
    let cell = |text: &str| markdown_text(text).replace('|', "\\|").replace('\n', "<br>");
    let mut out = String::new();
    let _ = writeln!(out, "# Debrief: {}\n", cell(&record.scenario_title));
    let _ = writeln!(out, "{}", super::export::run_line(record, zone));
    let _ = writeln!(out, "{}", super::timers::timers_line(record));
    let status = if record.is_finished() {
        "finished"
    } else {
        "unfinished"
    };
    let _ = writeln!(
        out,
        "- **Result:** {} answered ({status})",
        crate::plural::count(record.session.answers.len(), "decision", "decisions")
    );
    let _ = writeln!(out, "- **Note:** {NOTE}\n");
    let _ = writeln!(out, "## Decisions\n");
    for (n, answer) in record.session.answers.iter().enumerate() {
        let _ = writeln!(out, "### {}. Decision `{}`\n", n + 1, cell(&answer.step));
        let _ = writeln!(out, "| | |\n|---|---|");
        let choice = match answer.response.nothing_selected() {
            Some(why) => why.to_string(),
            None => answer.response.selected().join("; "),
        };
        let _ = writeln!(out, "| **Your choice** | {} |", cell(&choice));
        let rationale = answer.rationale.as_deref().unwrap_or("(none given)");
        let _ = writeln!(out, "| **Your rationale** | {} |", cell(rationale));
        if let Some(c) = answer.confidence {
            let _ = writeln!(out, "| **Your confidence** | {c} of 5 |");
        }
        if let Some(t) = record.timings.iter().find(|t| t.step == answer.step) {
            let _ = writeln!(out, "| **Time taken** | {} s |", t.seconds);
        }
        out.push('\n');
    }
    let _ = writeln!(out, "---\n*Exported by lessons from the run record alone.*");
    out
}

#[derive(Serialize)]
struct JsonExport<'a> {
    record: &'a Record,
    local_time: LocalTimes,
    note: &'static str,
}

/// The record as JSON, with a note that there is no debrief to go with it.
pub fn json(record: &Record, zone: &TimeZone) -> Result<String, ExportError> {
    let export = JsonExport {
        record,
        local_time: LocalTimes::of(record, zone),
        note: NOTE,
    };
    Ok(serde_json::to_string_pretty(&export)?)
}
