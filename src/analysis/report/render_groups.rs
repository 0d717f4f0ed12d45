//! Classroom sessions in the written report: the list of sessions with their labels, and
//! each decision's tallies per label side by side when more than one group ran the case.

use std::fmt::Write as _;

use super::render::{graded_line, md, pct, ticks_answered};
use super::{CaseReport, CohortReport, DecisionReport, LabelRoom, label_name};
use crate::scenario::text::sanitize;

/// The groups to compare on a case: only when there are two or more.
fn compared(case: &CaseReport) -> Option<&[LabelRoom]> {
    (case.by_label.len() > 1).then_some(case.by_label.as_slice())
}

/// One group's figures for a decision on one line: its votes, then its shares.
fn summary(d: &DecisionReport) -> String {
    if d.options.iter().all(|o| o.count == 0) {
        return "no votes".to_string();
    }
    let votes: Vec<String> = d
        .options
        .iter()
        .map(|o| format!("{} {}", o.count, sanitize(&o.text)))
        .collect();
    let shares = if d.kind.picks_one() {
        format!(
            "in line: {} · the officers' choice: {} · answered: {}",
            pct(d.percent(d.in_line)),
            pct(d.percent(d.same_as_officers)),
            d.respondents
        )
    } else {
        format!("ticks · {}", ticks_answered(d))
    };
    format!("{} · {shares}", votes.join(" · "))
}

/// Under a decision's pooled classroom figures: each group's own, one line each.
pub(super) fn compare_text(out: &mut String, case: &CaseReport, n: usize) {
    let Some(groups) = compared(case) else {
        return;
    };
    let _ = writeln!(out, "   By group:");
    for g in groups {
        let Some(d) = g.decisions.get(n) else {
            continue;
        };
        let _ = writeln!(
            out,
            "     {} ({}): {}",
            sanitize(label_name(g.label.as_deref())),
            crate::plural::count(g.sessions, "session", "sessions"),
            summary(d)
        );
        if let Some(line) = graded_line(d) {
            let _ = writeln!(out, "       {line}");
        }
    }
}

/// A Markdown table with one column per group: votes and share per option, then in line
/// and answered.
pub(super) fn compare_markdown(out: &mut String, case: &CaseReport, n: usize) {
    let Some(groups) = compared(case) else {
        return;
    };
    let rooms: Vec<(&LabelRoom, &DecisionReport)> = groups
        .iter()
        .filter_map(|g| g.decisions.get(n).map(|d| (g, d)))
        .collect();
    let Some((_, first)) = rooms.first() else {
        return;
    };
    let heads: Vec<String> = rooms.iter().map(|(g, _)| md_label(g.label.as_deref())).collect();
    let _ = writeln!(
        out,
        "By group:\n\n| Option | {} |\n|---|{}",
        heads.join(" | "),
        "---|".repeat(rooms.len())
    );
    let shares: Vec<Vec<Option<u32>>> = rooms
        .iter()
        .map(|(_, d)| super::render::option_shares(d))
        .collect();
    for (k, o) in first.options.iter().enumerate() {
        let cells: Vec<String> = rooms
            .iter()
            .zip(&shares)
            .map(|((_, d), s)| {
                let count = d.options.get(k).map_or(0, |o| o.count);
                format!("{count} ({})", pct(s.get(k).copied().flatten()))
            })
            .collect();
        let _ = writeln!(out, "| {} | {} |", md(&o.text), cells.join(" | "));
    }
    let row = |name: &str, f: &dyn Fn(&DecisionReport) -> String| {
        let cells: Vec<String> = rooms.iter().map(|(_, d)| f(d)).collect();
        format!("| {name} | {} |", cells.join(" | "))
    };
    if first.kind.picks_one() {
        let _ = writeln!(out, "{}", row("In line", &|d| pct(d.percent(d.in_line))));
        let _ = writeln!(out, "{}", row("Answered", &|d| d.respondents.to_string()));
    } else {
        let _ = writeln!(out, "{}", row("Answered", &ticks_answered));
    }
    if first.kind.needs_levels() {
        let _ = writeln!(
            out,
            "{}",
            row("Graded off", &|d| graded_line(d).unwrap_or_default())
        );
    }
    let sessions: Vec<String> = rooms.iter().map(|(g, _)| g.sessions.to_string()).collect();
    let _ = writeln!(out, "| Sessions | {} |\n", sessions.join(" | "));
}

/// A label in Markdown: the instructor typed it, so its markup is left inert.
fn md_label(label: Option<&str>) -> String {
    md(&crate::scenario::text::markdown_text(label_name(label)))
}

/// Every classroom session, with its label: a list for a terminal.
pub(super) fn sessions_text(out: &mut String, report: &CohortReport) {
    if report.sessions.is_empty() {
        return;
    }
    let _ = writeln!(out, "\nCLASSROOM SESSIONS");
    for s in &report.sessions {
        let _ = writeln!(
            out,
            "   {}  {:<20}  {}  ({}, {} voted on)",
            s.date,
            sanitize(label_name(s.label.as_deref())),
            sanitize(&s.title),
            if s.finished { "finished" } else { "not finished" },
            crate::plural::count(s.decisions, "decision", "decisions")
        );
    }
}

/// Every classroom session, with its label: a Markdown table.
pub(super) fn sessions_markdown(out: &mut String, report: &CohortReport) {
    if report.sessions.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "## Classroom sessions\n\n| Date | Label | Case | Finished | Decisions voted on |\n|---|---|---|---|---|"
    );
    for s in &report.sessions {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            s.date,
            md_label(s.label.as_deref()),
            md(&s.title),
            if s.finished { "yes" } else { "no" },
            s.decisions
        );
    }
    out.push('\n');
}
