//! A classroom record (`RecordKind::Group`) as a session summary: per decision the room's
//! votes beside the officers' action, the in-line answer and the finding. Never written as
//! if one trainee had played: the room's answer is only the way the story went.

use std::fmt::Write as _;

use jiff::tz::TimeZone;
use serde::Serialize;

use super::export::{ExportError, LocalTimes};
use super::handout::reference_item;
use super::safe_csv::SafeCsv;
use crate::record::model::{Record, SettledBy, SettledWhy, Votes};
use crate::scenario::text::{markdown_text, sanitize};
use crate::scenario::{Decision, Scenario};

/// One option's line in the summary.
#[derive(Serialize)]
struct OptionRow {
    id: String,
    text: String,
    votes: u32,
    /// Of all votes (ticks, on a tick-all) cast on the decision, rounded to the nearest whole.
    percent: Option<u32>,
    officers: bool,
    in_line: bool,
}

#[derive(Serialize)]
struct DecisionSummary {
    step: String,
    prompt: String,
    ndm_stage: String,
    kind: String,
    total_votes: u64,
    /// People who answered: every vote on a one-answer decision; on a tick-all, the people
    /// the instructor counted, or else the largest tick count (at least that many).
    respondents: u64,
    /// `respondents` is the largest tick count, not a count of people.
    respondents_at_least: bool,
    revealed: bool,
    /// How a tie or an empty vote was settled by the instructor, once the record says.
    settled: Option<String>,
    /// A one-answer decision where more than one option had the most votes.
    tie: bool,
    options: Vec<OptionRow>,
    /// The answer the session moved on with (it decides any branch), if one was recorded.
    room_answer: Option<String>,
    officers: String,
    in_line: Vec<String>,
    finding: String,
    quote: Option<String>,
    basis: String,
    seconds: Option<f64>,
}

#[derive(Serialize)]
struct GroupExport {
    record_id: String,
    kind: &'static str,
    scenario: String,
    title: String,
    run_by: Option<String>,
    /// The group label the session was run under (`classroom --label`).
    label: Option<String>,
    seed: u64,
    plan: Vec<String>,
    local_time: LocalTimes,
    decisions: Vec<DecisionSummary>,
    discussion: Vec<String>,
}

/// Whole-number percentage, rounded half up (so 1 of 8 is 13%, not 12%).
fn percent(part: u32, whole: u64) -> Option<u32> {
    (whole > 0).then(|| ((u64::from(part) * 200 + whole) / (whole * 2)) as u32)
}

fn summary(record: &Record, scenario: &Scenario, votes: &Votes, d: &Decision) -> DecisionSummary {
    let item = reference_item(scenario, d);
    let total: u64 = votes.votes.iter().map(|(_, n)| u64::from(*n)).sum();
    // options as the file lists them; a count for an option since removed is left out
    let options: Vec<OptionRow> = d
        .options
        .iter()
        .map(|o| {
            let n = votes
                .votes
                .iter()
                .find(|(id, _)| *id == o.id)
                .map_or(0, |(_, n)| *n);
            OptionRow {
                id: o.id.clone(),
                text: o.text.clone(),
                votes: n,
                percent: percent(n, total),
                officers: o.actual,
                in_line: item.in_line.contains(&o.text),
            }
        })
        .collect();
    let room_answer = record
        .session
        .answers
        .iter()
        .find(|a| a.step == d.id)
        .map(|a| a.response.describe(d));
    let most = options.iter().map(|o| o.votes).max().unwrap_or(0);
    let (respondents, respondents_at_least) = if d.kind.picks_one() {
        (total, false)
    } else {
        match votes.respondents {
            Some(people) => (u64::from(people), false),
            None => (u64::from(most), true),
        }
    };
    let tie = d.kind.picks_one() && most > 0 && options.iter().filter(|o| o.votes == most).count() > 1;
    DecisionSummary {
        step: d.id.clone(),
        tie,
        prompt: d.prompt.clone(),
        ndm_stage: d.ndm.label().to_string(),
        kind: d.kind.label().to_string(),
        total_votes: total,
        respondents,
        respondents_at_least,
        revealed: votes.revealed,
        settled: how_settled(votes, d),
        options,
        room_answer,
        officers: item.officers_did(),
        in_line: item.in_line.clone(),
        finding: item.finding.text.clone(),
        quote: item.finding.quote.clone(),
        basis: item.basis.describe(),
        seconds: record.timings.iter().find(|t| t.step == d.id).map(|t| t.seconds),
    }
}

/// How the way on was settled where the room's vote did not settle it alone: a tie, no
/// votes, `--path officers` or `--path ask` (`Votes::settled`). `None` for a clear vote.
fn how_settled(votes: &Votes, d: &Decision) -> Option<String> {
    let settled = votes.settled.as_ref()?;
    let chose: Vec<String> = settled
        .chose
        .iter()
        .filter_map(|id| d.option(id).map(|o| o.text.clone()))
        .collect();
    let chose = if chose.is_empty() {
        "nothing".to_string()
    } else {
        chose.join("; ")
    };
    let why = match settled.why {
        SettledWhy::Tie => "A tie",
        SettledWhy::NoVotes => "No votes",
        SettledWhy::Officers => "The session follows the officers (--path officers)",
        SettledWhy::Asked => "The session asks at each such decision (--path ask)",
    };
    Some(match settled.by {
        SettledBy::Instructor => format!("{why}: the instructor chose {chose}"),
        SettledBy::InstructorOfficers => {
            format!("{why}: the instructor followed what the officers did ({chose})")
        }
        SettledBy::Policy if settled.why == SettledWhy::Officers => format!("{why}: {chose}"),
        SettledBy::Policy => {
            format!("{why}: the story goes the same way whatever the answer, so {chose} was recorded")
        }
    })
}

/// "12 people answered" or, on a tick-all whose people were not counted, "at least 9
/// answered (largest tick count)".
fn answered(d: &DecisionSummary) -> String {
    if d.respondents_at_least {
        format!("at least {} answered (largest tick count)", d.respondents)
    } else {
        format!(
            "{} answered",
            crate::plural::count(d.respondents, "person", "people")
        )
    }
}

fn build(record: &Record, scenario: &Scenario, zone: &TimeZone) -> GroupExport {
    let decisions = record
        .tallies
        .iter()
        .filter_map(|v| {
            scenario
                .decision(&v.step)
                .map(|d| summary(record, scenario, v, d))
        })
        .collect();
    GroupExport {
        record_id: record.id.clone(),
        kind: "classroom session",
        scenario: scenario.id.clone(),
        title: scenario.title.clone(),
        run_by: record.trainee.clone(),
        label: record.label.clone(),
        seed: record.session.settings.seed,
        plan: record.plan.clone(),
        local_time: LocalTimes::of(record, zone),
        decisions,
        discussion: scenario.discussion.clone(),
    }
}

/// Markdown table cell: pipes escaped, line breaks as `<br>`.
fn cell(text: &str) -> String {
    sanitize(text).replace('|', "\\|").replace('\n', "<br>")
}

pub fn markdown(record: &Record, scenario: &Scenario, zone: &TimeZone) -> String {
    let export = build(record, scenario, zone);
    let mut out = String::new();
    let _ = writeln!(out, "# Classroom session: {}\n", sanitize(&scenario.title));
    if let Some(label) = &record.label {
        let _ = writeln!(out, "- **Group:** {}", markdown_text(label).replace('\n', " "));
    }
    let _ = writeln!(out, "- **Source:** {}", sanitize(&scenario.source_line()));
    let who = record
        .trainee
        .as_deref()
        .map(|n| format!(" · run by {}", markdown_text(n).replace('\n', " ")))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "- **Session:** {} · seed {}{who}",
        record.started.local_short(zone),
        record.session.settings.seed
    );
    if record.plan.len() > 1 {
        let _ = writeln!(
            out,
            "- **Cases in the session:** {}",
            sanitize(&record.plan.join(", "))
        );
    }
    let finished = record.finished.map_or_else(
        || "not finished".to_string(),
        |f| format!("finished {}", f.local_short(zone)),
    );
    let _ = writeln!(
        out,
        "- **Decisions voted on:** {} · {finished}",
        export.decisions.len()
    );
    let _ = writeln!(
        out,
        "\n*The room's votes, not one trainee's answers. Where the story branched, it followed the room's answer.*\n"
    );
    let _ = writeln!(out, "## Decisions\n");
    for (n, d) in export.decisions.iter().enumerate() {
        decision(&mut out, n + 1, d);
    }
    let _ = writeln!(out, "## For discussion\n");
    for q in &export.discussion {
        let _ = writeln!(out, "- {}", sanitize(q));
    }
    let _ = writeln!(
        out,
        "\n---\n*Every finding above is quoted from the published summary. Exported by lessons.*"
    );
    out
}

fn decision(out: &mut String, n: usize, d: &DecisionSummary) {
    let _ = writeln!(out, "### {n}. {}\n", sanitize(&d.prompt));
    let _ = writeln!(out, "*{} · {}*\n", d.kind, d.ndm_stage);
    let _ = writeln!(out, "| Option | Votes | % | |\n|---|---|---|---|");
    for o in &d.options {
        let mut marks = Vec::new();
        if o.in_line {
            marks.push("in line");
        }
        if o.officers {
            marks.push("the officers");
        }
        let pct = o.percent.map_or("–".to_string(), |p| format!("{p}%"));
        let _ = writeln!(
            out,
            "| {} | {} | {pct} | {} |",
            cell(&o.text),
            o.votes,
            marks.join(", ")
        );
    }
    let _ = writeln!(out, "| **Total** | {} | | |\n", d.total_votes);
    if d.total_votes > 0 {
        let _ = writeln!(out, "- **Answered:** {}", answered(d));
    }
    if d.total_votes == 0 {
        let _ = writeln!(out, "- **No votes recorded.**");
    }
    if d.tie {
        let _ = writeln!(out, "- **Tie:** more than one option had the most votes.");
    }
    if let Some(how) = &d.settled {
        let _ = writeln!(out, "- **The way on:** {}", sanitize(how));
    }
    if let Some(answer) = &d.room_answer {
        let _ = writeln!(out, "- **The session went on with:** {}", sanitize(answer));
    }
    let _ = writeln!(out, "- **The officers:** {}", sanitize(&d.officers));
    if !d.in_line.is_empty() {
        let _ = writeln!(out, "- **In line:** {}", sanitize(&d.in_line.join("; ")));
    }
    let _ = writeln!(out, "- **Finding:** {}", sanitize(&d.finding));
    if let Some(q) = &d.quote {
        let _ = writeln!(out, "- **The source:** \u{201c}{}\u{201d}", sanitize(q));
    }
    let _ = writeln!(out, "- **Basis:** {}", sanitize(&d.basis));
    if let Some(s) = d.seconds {
        let _ = writeln!(out, "- **Time on the decision:** {s} s");
    }
    out.push('\n');
}

pub fn json(record: &Record, scenario: &Scenario, zone: &TimeZone) -> Result<String, ExportError> {
    Ok(serde_json::to_string_pretty(&build(record, scenario, zone))?)
}

/// One row per decision × option, with its count.
pub fn csv(record: &Record, scenario: &Scenario, zone: &TimeZone) -> Result<String, ExportError> {
    let export = build(record, scenario, zone);
    let mut writer = SafeCsv::new();
    writer.write_record([
        "session",
        "scenario",
        "decision",
        "prompt",
        "ndm_stage",
        "option",
        "option_text",
        "votes",
        "total_votes",
        "percent",
        "officers",
        "in_line",
        "room_answer",
        "finding",
        "seconds",
        "started",
        // added later: at the end, so a sheet built on the older columns still lines up
        "label",
        "respondents",
        "respondents_at_least",
    ])?;
    let started = record.started.local_rfc3339(zone);
    for d in &export.decisions {
        for o in &d.options {
            writer.write_record([
                export.record_id.clone(),
                export.scenario.clone(),
                d.step.clone(),
                d.prompt.clone(),
                d.ndm_stage.clone(),
                o.id.clone(),
                o.text.clone(),
                o.votes.to_string(),
                d.total_votes.to_string(),
                o.percent.map(|p| p.to_string()).unwrap_or_default(),
                o.officers.to_string(),
                o.in_line.to_string(),
                d.room_answer.clone().unwrap_or_default(),
                d.finding.clone(),
                d.seconds.map(|s| s.to_string()).unwrap_or_default(),
                started.clone(),
                export.label.clone().unwrap_or_default(),
                d.respondents.to_string(),
                d.respondents_at_least.to_string(),
            ])?;
        }
    }
    // a byte-order mark, so a spreadsheet reads the text as UTF-8 (quotes, dashes, accents)
    Ok(format!("\u{feff}{}", writer.finish()?))
}

#[cfg(test)]
mod tests {
    use super::percent;

    #[test]
    fn percentages_round_half_up_and_none_without_votes() {
        assert_eq!(percent(1, 8), Some(13));
        assert_eq!(percent(7, 12), Some(58));
        assert_eq!(percent(1, 3), Some(33));
        assert_eq!(percent(0, 0), None);
        assert_eq!(percent(u32::MAX, u64::from(u32::MAX)), Some(100));
    }
}
