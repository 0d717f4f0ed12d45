//! One run as a Markdown debrief (something an officer can put in a CPD portfolio),
//! as JSON, or as CSV.

use std::fmt::Write as _;

use jiff::tz::TimeZone;
use serde::Serialize;

use super::safe_csv::SafeCsv;
use crate::engine::{Debrief, Item, assess};
use crate::record::model::Record;
use crate::scenario::Scenario;
use crate::scenario::text::{markdown_text, sanitize};

/// Why an export could not be written out (never expected: the data is in memory).
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("{0}")]
    Json(#[from] serde_json::Error),
    #[error("{0}")]
    Csv(#[from] ::csv::Error),
    #[error("{0}")]
    Flush(std::io::Error),
    #[error("{0}")]
    NotUtf8(#[from] std::string::FromUtf8Error),
}

/// Markdown text for a table cell: pipes escaped, line breaks kept as `<br>`.
fn cell(text: &str) -> String {
    sanitize(text).replace('|', "\\|").replace('\n', "<br>")
}

fn seconds(record: &Record, step: &str) -> Option<f64> {
    record.timings.iter().find(|t| t.step == step).map(|t| t.seconds)
}

/// The `- **Run:**` line of a debrief: when it started in the trainee's time (with the
/// offset, so it reads right anywhere), the mode, the seed and who played.
pub(crate) fn run_line(record: &Record, zone: &TimeZone) -> String {
    // the name is the trainee's (or anyone's) typing: inert, and kept on one line
    let who = record
        .trainee
        .as_deref()
        .map(|n| {
            let name = markdown_text(n).replace('|', "\\|").replace('\n', "<br>");
            format!(" · trainee: {name}")
        })
        .unwrap_or_default();
    format!(
        "- **Run:** {} · {} mode · seed {}{who}",
        record.started.local_short(zone),
        record.session.settings.mode.label(),
        record.session.settings.seed
    )
}

/// The portfolio debrief; times are shown in `zone`.
pub fn markdown(record: &Record, scenario: &Scenario, zone: &TimeZone) -> String {
    let debrief = assess(scenario, &record.session.answers);
    let mut out = String::new();
    let _ = writeln!(out, "# Debrief: {}\n", sanitize(&scenario.title));
    let _ = writeln!(out, "- **Source:** {}", sanitize(&scenario.source_line()));
    let _ = writeln!(out, "{}", run_line(record, zone));
    let _ = writeln!(out, "{}", super::timers::timers_line(record));
    let _ = writeln!(out, "{}", time_line(record, zone));
    let status = if record.is_finished() {
        String::new()
    } else {
        format!(
            " (unfinished: {} answered so far)",
            crate::plural::count(debrief.items.len(), "decision", "decisions")
        )
    };
    let t = &debrief.total;
    let _ = writeln!(
        out,
        "- **Result:** {} of {} in line, {} partly · score {}/{} ({}%){status}",
        t.in_line,
        crate::plural::count(t.decisions, "judged decision", "judged decisions"),
        t.partly,
        t.points,
        t.max_points(),
        t.percent()
    );
    if t.not_judged > 0 {
        let _ = writeln!(
            out,
            "- **Not judged:** {}; the source makes no finding, so they are not scored",
            crate::plural::count(t.not_judged, "decision", "decisions")
        );
    }
    if !record.matches(scenario) {
        let _ = writeln!(
            out,
            "- **Note:** the case has been revised since this run; this debrief uses the current text."
        );
    }
    let _ = writeln!(
        out,
        "\n> **Content warning:** {}\n",
        sanitize(&scenario.content_warning)
    );
    let _ = writeln!(out, "## Decisions\n");
    for (n, item) in debrief.items.iter().enumerate() {
        decision(&mut out, n + 1, item, record);
    }
    scores(&mut out, &debrief);
    let _ = writeln!(
        out,
        "## What happened\n\n{}\n",
        sanitize(&scenario.outcome.what_happened)
    );
    list(&mut out, "Outcomes for the officers", &scenario.outcome.officers);
    list(
        &mut out,
        "The force's actions and learning",
        &scenario.outcome.learning,
    );
    if !scenario.outcome.investigator_notes.is_empty() {
        list(
            &mut out,
            "The investigator's notes for all forces",
            &scenario.outcome.investigator_notes,
        );
    }
    if !scenario.source_notes.is_empty() {
        list(&mut out, "Source notes", &scenario.source_notes);
    }
    reflection(&mut out, record, scenario);
    let _ = writeln!(
        out,
        "\n---\n*Every finding above is quoted from the published summary. Exported by lessons.*"
    );
    out
}

/// When the run finished in the trainee's time, and the time spent on its decisions in
/// total (the sum of each decision's time, so time away between decisions is not counted).
fn time_line(record: &Record, zone: &TimeZone) -> String {
    let total: f64 = record.timings.iter().map(|t| t.seconds).sum();
    let finished = record.finished.map_or_else(
        || "not finished".to_string(),
        |f| format!("finished {}", f.local_short(zone)),
    );
    format!(
        "- **Time:** {} on the decisions in total · {finished}",
        duration(total)
    )
}

/// "45 s", "3 min 05 s", "1 h 02 min".
fn duration(seconds: f64) -> String {
    let whole = seconds.max(0.0).round() as u64;
    match whole {
        0..60 => format!("{whole} s"),
        60..3600 => format!("{} min {:02} s", whole / 60, whole % 60),
        _ => format!("{} h {:02} min", whole / 3600, whole % 3600 / 60),
    }
}

/// The discussion questions with the trainee's answers, or room to write one under each.
fn reflection(out: &mut String, record: &Record, scenario: &Scenario) {
    let _ = writeln!(out, "## Reflection\n\nCould it happen here?\n");
    for q in &scenario.discussion {
        let _ = writeln!(out, "- {}", sanitize(q));
        match record.reflection.iter().find(|a| a.question == *q) {
            Some(a) => {
                // the trainee's typing: inert, each line kept, quoted under its question
                for line in markdown_text(&a.answer).lines() {
                    let _ = writeln!(out, "  > {line}");
                }
            }
            None => {
                let _ = writeln!(out, "\n  *Your answer:* \n");
            }
        }
    }
}

/// One decision of the debrief: a two-column table of the choice, the finding and the rest.
fn decision(out: &mut String, n: usize, item: &Item, record: &Record) {
    let _ = writeln!(out, "### {n}. {}\n", sanitize(&item.prompt));
    let _ = writeln!(out, "| | |\n|---|---|");
    let _ = writeln!(
        out,
        "| **You were** | {} |",
        crate::scenario::role_label(item.role, item.role_assumed)
    );
    let _ = writeln!(out, "| **Your choice** | {} |", cell(&item.your_choice()));
    // named whatever the trainee chose: a CPD record shows what was in line for every decision
    if !item.in_line.is_empty() {
        let yours = if item.in_line_answer().is_none() && item.kind.picks_one() {
            " (your choice)"
        } else {
            ""
        };
        let _ = writeln!(out, "| **In line** | {}{yours} |", cell(&item.in_line.join("; ")));
    }
    if let Some(why) = &item.why {
        let _ = writeln!(out, "| **Why** | {} |", cell(&why.text));
    }
    let _ = writeln!(out, "| **The officers** | {} |", cell(&item.officers_did()));
    let _ = writeln!(
        out,
        "| **{}** | {} |",
        item.basis.finding_label(),
        cell(&item.finding.text)
    );
    if let Some(quote) = &item.finding.quote {
        let _ = writeln!(out, "| **The source** | “{}” |", cell(quote));
    }
    let _ = writeln!(out, "| **Basis** | {} |", cell(&item.basis.describe()));
    let _ = writeln!(out, "| **Verdict** | {} |", cell(&item.summary()));
    if !item.missed.is_empty() {
        let _ = writeln!(out, "| **Missed** | {} |", cell(&item.missed.join("; ")));
    }
    if !item.unwanted.is_empty() {
        let _ = writeln!(
            out,
            "| **Not supported by {}** | {} |",
            cell(&item.basis.against()),
            cell(&item.unwanted.join("; "))
        );
    }
    let rationale = item
        .rationale
        .as_deref()
        .map_or("(none given)".into(), markdown_text);
    let _ = writeln!(out, "| **Your rationale** | {} |", cell(&rationale));
    if let Some(c) = item.confidence {
        let _ = writeln!(out, "| **Your confidence** | {c} of 5 |");
    }
    if let Some(s) = seconds(record, &item.step) {
        let _ = writeln!(out, "| **Time taken** | {s} s |");
    }
    let _ = writeln!(out, "| **National Decision Model** | {} |", item.ndm.label());
    if !item.finding.standards.is_empty() {
        let standards: Vec<&str> = item.finding.standards.iter().map(|s| s.label()).collect();
        let _ = writeln!(
            out,
            "| **Standards of Professional Behaviour touched** | {} |",
            standards.join("; ")
        );
    }
    for feedback in &item.feedback {
        let _ = writeln!(out, "| **Feedback** | {} |", cell(&feedback.line()));
    }
    if let Some(note) = &item.source_note {
        let _ = writeln!(out, "| **Source note** | {} |", cell(note));
    }
    out.push('\n');
}

fn scores(out: &mut String, debrief: &Debrief) {
    for (heading, tallies) in [
        ("By National Decision Model stage", &debrief.by_stage),
        ("By topic", &debrief.by_theme),
    ] {
        let _ = writeln!(
            out,
            "## {heading}\n\n| | In line | Partly | Decisions | Score |\n|---|---|---|---|---|"
        );
        for t in tallies {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {}% |",
                t.label,
                t.in_line,
                t.partly,
                t.decisions,
                t.percent()
            );
        }
        out.push('\n');
    }
}

fn list(out: &mut String, heading: &str, items: &[String]) {
    let _ = writeln!(out, "## {heading}\n");
    if items.is_empty() {
        let _ = writeln!(out, "(none given in the source)");
    }
    for item in items {
        let _ = writeln!(out, "- {}", sanitize(item));
    }
    out.push('\n');
}

/// When the run started and finished in the trainee's time, beside the record's UTC.
#[derive(Serialize)]
pub(crate) struct LocalTimes {
    started: String,
    finished: Option<String>,
}

impl LocalTimes {
    pub(crate) fn of(record: &Record, zone: &TimeZone) -> Self {
        LocalTimes {
            started: record.started.local_rfc3339(zone),
            finished: record.finished.map(|f| f.local_rfc3339(zone)),
        }
    }
}

#[derive(Serialize)]
struct JsonExport<'a> {
    record: &'a Record,
    local_time: LocalTimes,
    /// The timer setting in short (also in `record.session.settings.timers`).
    timers: String,
    debrief: Debrief,
}

pub fn json(record: &Record, scenario: &Scenario, zone: &TimeZone) -> Result<String, ExportError> {
    let export = JsonExport {
        record,
        local_time: LocalTimes::of(record, zone),
        timers: super::timers::timers_value(record),
        debrief: assess(scenario, &record.session.answers),
    };
    Ok(serde_json::to_string_pretty(&export)?)
}

/// One row per decision; `started` is local time in `zone`, with its offset.
pub fn csv(record: &Record, scenario: &Scenario, zone: &TimeZone) -> Result<String, ExportError> {
    let debrief = assess(scenario, &record.session.answers);
    let mut writer = SafeCsv::new();
    let header = [
        "run",
        "trainee",
        "scenario",
        "decision",
        "prompt",
        "role",
        "ndm_stage",
        "your_choice",
        "officers",
        "finding",
        "verdict",
        "same_as_officers",
        "scale_distance",
        "rationale",
        "confidence",
        "seconds",
        "in_line",
        "missed",
        "not_supported",
        "basis",
        "basis_detail",
        "judged",
        "timers",
        "started",
    ];
    let started = record.started.local_rfc3339(zone);
    writer.write_record(header)?;
    for item in &debrief.items {
        writer.write_record([
            record.id.clone(),
            record.trainee.clone().unwrap_or_default(),
            scenario.id.clone(),
            item.step.clone(),
            item.prompt.clone(),
            crate::scenario::role_label(item.role, item.role_assumed),
            item.ndm.label().to_string(),
            item.your_choice(),
            item.officers_did(),
            item.finding.text.clone(),
            item.label(),
            item.same_as_officers.to_string(),
            item.scale_distance.map(|d| d.to_string()).unwrap_or_default(),
            item.rationale.clone().unwrap_or_default(),
            item.confidence.map(|c| c.to_string()).unwrap_or_default(),
            seconds(record, &item.step)
                .map(|s| s.to_string())
                .unwrap_or_default(),
            item.in_line.join("; "),
            item.missed.join("; "),
            item.unwanted.join("; "),
            item.basis.basis.ident().to_string(),
            item.basis.detail.clone().unwrap_or_default(),
            item.judged.to_string(),
            super::timers::timers_value(record),
            started.clone(),
        ])?;
    }
    // a byte-order mark, so a spreadsheet reads the text as UTF-8 (quotes, dashes, accents)
    Ok(format!("\u{feff}{}", writer.finish()?))
}
