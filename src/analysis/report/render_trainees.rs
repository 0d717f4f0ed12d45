//! The trainee × case table written out: for a terminal, as Markdown, as CSV.

use std::fmt::Write as _;

use super::render::off_by;
use super::render_csv::gaps_cell;
use super::trainees::{CaseStatus, TraineeCase};
use super::{CohortReport, rounded_percent};
use crate::analysis::export::ExportError;
use crate::scenario::text::sanitize;

fn title<'a>(report: &'a CohortReport, id: &'a str) -> &'a str {
    report
        .cases
        .iter()
        .find(|c| c.scenario_id == id)
        .map_or(id, |c| c.title.as_str())
}

/// One cell in words: "finished · 2 of 3 in line (67%) · 1 partly · too low 1 · 2 attempts · 2026-12-01".
fn summary(c: &TraineeCase) -> String {
    if c.status == CaseStatus::NotStarted {
        return "not started".to_string();
    }
    let mut parts = vec![c.status.label().to_string()];
    let share = rounded_percent(u64::from(c.in_line), u64::from(c.judged))
        .map_or_else(|| "n/a".to_string(), |p| format!("{p}%"));
    parts.push(format!("{} of {} in line ({share})", c.in_line, c.judged));
    parts.push(format!("{} partly", c.partly));
    if c.under > 0 || c.over > 0 {
        parts.push(format!(
            "graded too low {} · too high {}",
            off_by(c.under, &c.under_by),
            off_by(c.over, &c.over_by)
        ));
    }
    parts.push(crate::plural::count(c.attempts, "attempt", "attempts"));
    if let Some(day) = &c.latest {
        parts.push(format!("latest {day}"));
    }
    parts.join(" · ")
}

pub(super) fn text(out: &mut String, report: &CohortReport) {
    if report.trainees_table.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "\nEACH TRAINEE (individual runs; figures from the latest attempt)"
    );
    for row in &report.trainees_table {
        let _ = writeln!(out, "\n{}", sanitize(&row.trainee));
        for c in &row.cases {
            let _ = writeln!(
                out,
                "   {}: {}",
                sanitize(title(report, &c.scenario_id)),
                summary(c)
            );
        }
    }
}

/// Text for a Markdown table cell: markup made inert, pipes escaped, on one line.
fn md(s: &str) -> String {
    crate::scenario::text::markdown_text(&sanitize(s))
        .replace('|', "\\|")
        .replace('\n', " ")
}

pub(super) fn markdown(out: &mut String, report: &CohortReport) {
    let Some(first) = report.trainees_table.first() else {
        return;
    };
    let _ = writeln!(
        out,
        "## Each trainee\n\nIndividual runs; the figures are from each trainee's latest attempt.\n"
    );
    let mut header = "| Trainee |".to_string();
    let mut rule = "|---|".to_string();
    for c in &first.cases {
        let _ = write!(header, " {} |", md(title(report, &c.scenario_id)));
        rule.push_str("---|");
    }
    let _ = writeln!(out, "{header}\n{rule}");
    for row in &report.trainees_table {
        let cells: Vec<String> = row.cases.iter().map(|c| md(&summary(c))).collect();
        let _ = writeln!(out, "| {} | {} |", md(&row.trainee), cells.join(" | "));
    }
    out.push('\n');
}

/// One row per trainee and case (`report --format csv --trainees`).
pub fn csv(report: &CohortReport) -> Result<String, ExportError> {
    let mut writer = crate::analysis::safe_csv::SafeCsv::new();
    writer.write_record([
        "trainee",
        "scenario",
        "status",
        "judged",
        "in_line",
        "partly",
        "in_line_percent",
        "graded_too_low",
        "graded_too_high",
        "attempts",
        "latest",
        "graded_too_low_by",
        "graded_too_high_by",
    ])?;
    for row in &report.trainees_table {
        for c in &row.cases {
            writer.write_record([
                row.trainee.clone(),
                c.scenario_id.clone(),
                c.status.label().to_string(),
                c.judged.to_string(),
                c.in_line.to_string(),
                c.partly.to_string(),
                rounded_percent(u64::from(c.in_line), u64::from(c.judged))
                    .map(|p| p.to_string())
                    .unwrap_or_default(),
                c.under.to_string(),
                c.over.to_string(),
                c.attempts.to_string(),
                c.latest.clone().unwrap_or_default(),
                gaps_cell(&c.under_by),
                gaps_cell(&c.over_by),
            ])?;
        }
    }
    Ok(format!("\u{feff}{}", writer.finish()?))
}
