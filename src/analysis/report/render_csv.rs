//! The cohort report as CSV: one row per option of every decision, the room's figures
//! beside the individual runs', every cell made inert for a spreadsheet.

use super::render::room_of;
use super::{CohortReport, DecisionReport, GradeGap};
use crate::analysis::export::ExportError;

/// A CSV cell of distances: "1:2; 2:1" is 2 answers 1 grade off and 1 answer 2 grades off.
pub(super) fn gaps_cell(gaps: &[GradeGap]) -> String {
    gaps.iter()
        .map(|g| format!("{}:{}", g.grades, g.count))
        .collect::<Vec<_>>()
        .join("; ")
}

/// One row per option of every decision, with the decision's shares repeated.
pub fn csv(report: &CohortReport) -> Result<String, ExportError> {
    // every cell through `csv_cell`, so none can run as a spreadsheet formula
    let mut writer = crate::analysis::safe_csv::SafeCsv::new();
    writer.write_record([
        "scenario",
        "decision",
        "prompt",
        "option",
        "option_text",
        "mark",
        "officers_choice",
        "count",
        "respondents",
        "in_line_percent",
        "partly_percent",
        "officers_choice_percent",
        "graded_too_low",
        "graded_too_high",
        "basis",
        "not_judged",
        "classroom_votes",
        "classroom_answered",
        "classroom_in_line_percent",
        "classroom_partly_percent",
        "classroom_officers_choice_percent",
        // added later: at the end, so a sheet built on the older columns still lines up
        "graded_too_low_by",
        "graded_too_high_by",
        "classroom_answered_at_least",
        "classroom_graded_too_low",
        "classroom_graded_too_high",
        "classroom_graded_too_low_by",
        "classroom_graded_too_high_by",
    ])?;
    for case in &report.cases {
        for (n, d) in case.decisions.iter().enumerate() {
            let room = room_of(case, n);
            let room_cell = |f: &dyn Fn(&DecisionReport) -> String| room.map(f).unwrap_or_default();
            for (k, o) in d.options.iter().enumerate() {
                writer.write_record([
                    case.scenario_id.clone(),
                    d.step.clone(),
                    d.prompt.clone(),
                    o.id.clone(),
                    o.text.clone(),
                    o.mark.label().to_string(),
                    o.actual.to_string(),
                    o.count.to_string(),
                    d.respondents.to_string(),
                    cell(d.percent(d.in_line)),
                    cell(d.percent(d.partly)),
                    cell(d.percent(d.same_as_officers)),
                    d.under.to_string(),
                    d.over.to_string(),
                    d.basis.basis.ident().to_string(),
                    d.not_judged.to_string(),
                    room_cell(&|r| r.options.get(k).map(|o| o.count.to_string()).unwrap_or_default()),
                    room_cell(&|r| r.respondents.to_string()),
                    room_cell(&|r| cell(r.percent(r.in_line))),
                    room_cell(&|r| cell(r.percent(r.partly))),
                    room_cell(&|r| cell(r.percent(r.same_as_officers))),
                    gaps_cell(&d.under_by),
                    gaps_cell(&d.over_by),
                    room_cell(&|r| r.respondents_at_least.to_string()),
                    room_cell(&|r| r.under.to_string()),
                    room_cell(&|r| r.over.to_string()),
                    room_cell(&|r| gaps_cell(&r.under_by)),
                    room_cell(&|r| gaps_cell(&r.over_by)),
                ])?;
            }
        }
    }
    // a byte-order mark, so a spreadsheet reads the text as UTF-8 (dashes, accents)
    Ok(format!("\u{feff}{}", writer.finish()?))
}

/// A percentage for a CSV cell: empty when nothing could be judged.
fn cell(p: Option<u32>) -> String {
    p.map(|p| p.to_string()).unwrap_or_default()
}
