//! The cohort report written out: for a terminal (bar charts), as Markdown, as CSV.

use std::fmt::Write as _;

use super::{CaseReport, CohortReport, DecisionReport, GradeGap, OptionCount};
use crate::scenario::text::sanitize;

fn mark_tag(o: &OptionCount) -> String {
    let mut tag = o.mark.label().to_string();
    if o.actual {
        tag.push_str(", the officers' choice");
    }
    tag
}

/// The report for a terminal: bar charts of choices, shares, the most missed decisions.
pub fn text(report: &CohortReport) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "COHORT REPORT: {} by {}, {}",
        crate::plural::count(report.runs, "run", "runs"),
        crate::plural::count(report.trainees, "named trainee", "named trainees"),
        crate::plural::count(report.groups, "classroom session", "classroom sessions")
    );
    if let Some(mixed) = mixed_modes(report) {
        let _ = writeln!(out, "({mixed})");
    }
    if report.ignored > 0 {
        let _ = writeln!(
            out,
            "({} left out: their case is not in the library or has changed)",
            crate::plural::count(report.ignored, "record or answer", "records or answers")
        );
    }
    for case in &report.cases {
        let _ = writeln!(
            out,
            "\n== {} ({}, {} finished, {} classroom) ==",
            sanitize(&case.title),
            crate::plural::count(case.runs, "run", "runs"),
            case.finished,
            case.groups
        );
        for (n, d) in case.decisions.iter().enumerate() {
            if case.runs == 0 {
                // only classroom sessions: no empty bars for runs that do not exist
                let _ = writeln!(out, "\n{}. {}", n + 1, sanitize(&d.prompt));
            } else {
                decision_text(&mut out, n + 1, d);
            }
            if let Some(room) = room_of(case, n) {
                room_text(&mut out, case.groups, room);
                super::render_groups::compare_text(&mut out, case, n);
            }
        }
    }
    super::render_trainees::text(&mut out, report);
    super::render_groups::sessions_text(&mut out, report);
    if !report.most_missed.is_empty() {
        let _ = writeln!(out, "\nMOST MISSED DECISIONS (individual runs)");
        for m in &report.most_missed {
            let _ = writeln!(
                out,
                "   {:>3}% in line ({}): {} — {}",
                m.in_line_percent,
                crate::plural::count(m.judged, "answer", "answers"),
                sanitize(&m.title),
                sanitize(&m.prompt)
            );
        }
    }
    out
}

pub fn markdown(report: &CohortReport) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Cohort report\n");
    let _ = writeln!(
        out,
        "{} by {} and {}.\n",
        crate::plural::count(report.runs, "run", "runs"),
        crate::plural::count(report.trainees, "named trainee", "named trainees"),
        crate::plural::count(report.groups, "classroom session", "classroom sessions")
    );
    if let Some(mixed) = mixed_modes(report) {
        let _ = writeln!(out, "*{mixed}.*\n");
    }
    if !report.most_missed.is_empty() {
        let _ = writeln!(
            out,
            "## Most missed decisions (individual runs)\n\n| Case | Decision | In line | Answers |\n|---|---|---|---|"
        );
        for m in &report.most_missed {
            let _ = writeln!(
                out,
                "| {} | {} | {}% | {} |",
                md(&m.title),
                md(&m.prompt),
                m.in_line_percent,
                m.judged
            );
        }
        out.push('\n');
    }
    for case in &report.cases {
        let _ = writeln!(
            out,
            "## {}\n\n{}, {} finished, {}.\n",
            md(&case.title),
            crate::plural::count(case.runs, "run", "runs"),
            case.finished,
            crate::plural::count(case.groups, "classroom session", "classroom sessions")
        );
        for (n, d) in case.decisions.iter().enumerate() {
            if case.runs == 0 {
                let _ = writeln!(out, "### {}. {}\n", n + 1, md(&d.prompt));
            } else {
                decision_markdown(&mut out, n + 1, d);
            }
            if let Some(room) = room_of(case, n) {
                room_markdown(&mut out, case.groups, room);
                super::render_groups::compare_markdown(&mut out, case, n);
            }
        }
    }
    super::render_trainees::markdown(&mut out, report);
    super::render_groups::sessions_markdown(&mut out, report);
    out
}

/// When practice and assessment runs are both in the report, a note that they are counted
/// together and how to see one apart.
fn mixed_modes(report: &CohortReport) -> Option<String> {
    (report.practice > 0 && report.assessment > 0).then(|| {
        format!(
            "practice and assessment runs counted together: {} practice, {} assessment; --mode shows one",
            report.practice, report.assessment
        )
    })
}

/// The room's tally for the case's `n`th decision, when the case had a classroom session.
pub(super) fn room_of(case: &CaseReport, n: usize) -> Option<&DecisionReport> {
    (case.groups > 0).then(|| case.room.get(n)).flatten()
}

/// A percentage, or "n/a" when nothing could be judged.
pub(super) fn pct(p: Option<u32>) -> String {
    p.map_or_else(|| "n/a".to_string(), |p| format!("{p}%"))
}

/// How many answered, worded for what the record can know: a room's tick-all question
/// holds ticks per option, and people only where the instructor counted them.
pub(super) fn ticks_answered(d: &DecisionReport) -> String {
    if d.respondents_at_least {
        format!("at least {} answered (largest tick count)", d.respondents)
    } else {
        format!(
            "{} answered",
            crate::plural::count(d.respondents, "person", "people")
        )
    }
}

/// "Graded too low: 3 (by 1 grade: 2, by 2 grades: 1) · too high: 0", for a scale
/// decision with judged answers; `None` otherwise.
pub(super) fn graded_line(d: &DecisionReport) -> Option<String> {
    (d.kind.needs_levels() && d.judged > 0).then(|| {
        format!(
            "Graded too low: {} · too high: {}",
            off_by(d.under, &d.under_by),
            off_by(d.over, &d.over_by)
        )
    })
}

pub(super) fn off_by(total: u32, gaps: &[GradeGap]) -> String {
    if gaps.is_empty() {
        return total.to_string();
    }
    let parts: Vec<String> = gaps
        .iter()
        .map(|g| {
            format!(
                "by {}: {}",
                crate::plural::count(g.grades, "grade", "grades"),
                g.count
            )
        })
        .collect();
    format!("{total} ({})", parts.join(", "))
}

/// The shares line: in line, partly, the officers' choice, answered.
fn shares_line(d: &DecisionReport, against: &str) -> String {
    format!(
        "In line with {against}: {} · partly: {} · the officers' choice: {} · answered: {}",
        pct(d.percent(d.in_line)),
        pct(d.percent(d.partly)),
        pct(d.percent(d.same_as_officers)),
        d.respondents
    )
}

/// The room's votes for one decision, under the individual runs' figures.
fn room_text(out: &mut String, sessions: u32, d: &DecisionReport) {
    let label = format!(
        "   Classroom ({}):",
        crate::plural::count(sessions, "session", "sessions")
    );
    if d.options.iter().all(|o| o.count == 0) {
        let _ = writeln!(out, "{label} no votes");
        return;
    }
    let votes: Vec<String> = d
        .options
        .iter()
        .map(|o| format!("{} {}", o.count, sanitize(&o.text)))
        .collect();
    let _ = writeln!(out, "{label} {}", votes.join(" · "));
    let _ = writeln!(
        out,
        "   Classroom: {}",
        room_shares(d, &sanitize(&d.basis.against()))
    );
    if let Some(line) = graded_line(d) {
        let _ = writeln!(out, "   Classroom: {line}");
    }
}

/// The room's shares, or for ticks (which say nothing of any one person) what they count.
pub(super) fn room_shares(d: &DecisionReport, against: &str) -> String {
    if d.kind.picks_one() {
        shares_line(d, against)
    } else {
        format!(
            "ticks, not judged per person · in line: n/a · {}",
            ticks_answered(d)
        )
    }
}

fn room_markdown(out: &mut String, sessions: u32, d: &DecisionReport) {
    let _ = writeln!(
        out,
        "Classroom ({}), apart from the runs above:\n\n| Option | Votes | Share |\n|---|---|---|",
        crate::plural::count(sessions, "session", "sessions")
    );
    let shares = option_shares(d);
    for (o, share) in d.options.iter().zip(shares) {
        let _ = writeln!(out, "| {} | {} | {} |", md(&o.text), o.count, pct(share));
    }
    let _ = writeln!(out, "\n{}\n", room_shares(d, &md(&d.basis.against())));
    if let Some(line) = graded_line(d) {
        let _ = writeln!(out, "{line}\n");
    }
}

/// Each option's share of all choices, by largest remainder so they add up to 100.
pub(super) fn option_shares(d: &DecisionReport) -> Vec<Option<u32>> {
    let total: u64 = d.options.iter().map(|o| u64::from(o.count)).sum();
    if total == 0 {
        return vec![None; d.options.len()];
    }
    let mut floors: Vec<(usize, u64, u64)> = d
        .options
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let scaled = u64::from(o.count) * 100;
            (i, scaled / total, scaled % total)
        })
        .collect();
    let left = 100u64.saturating_sub(floors.iter().map(|f| f.1).sum());
    let mut order: Vec<usize> = (0..floors.len()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(floors[i].2), i));
    for &i in order.iter().take(usize::try_from(left).unwrap_or(0)) {
        floors[i].1 += 1;
    }
    floors
        .into_iter()
        .map(|(_, p, _)| Some(u32::try_from(p).unwrap_or(u32::MAX)))
        .collect()
}

/// One decision for a terminal: a bar per option, the shares, the rationales.
fn decision_text(out: &mut String, n: usize, d: &DecisionReport) {
    let _ = writeln!(out, "\n{n}. {}", sanitize(&d.prompt));
    let most = d.options.iter().map(|o| o.count).max().unwrap_or(0).max(1);
    for o in &d.options {
        let width = (u64::from(o.count) * 30).div_ceil(u64::from(most)) as usize;
        let _ = writeln!(
            out,
            "   {:>4} {:30} {} [{}]",
            o.count,
            "█".repeat(width),
            sanitize(&o.text),
            mark_tag(o)
        );
    }
    let _ = writeln!(out, "   Basis: {}", sanitize(&d.basis.describe()));
    if d.not_judged > 0 && d.judged == 0 {
        let _ = writeln!(
            out,
            "   Not judged: the source makes no finding here · answered: {}",
            d.respondents
        );
    } else {
        let _ = writeln!(
            out,
            "   {}{}",
            shares_line(d, &sanitize(&d.basis.against())),
            if d.no_decision > 0 {
                format!(" · no decision in time: {}", d.no_decision)
            } else {
                String::new()
            }
        );
    }
    if let Some(line) = graded_line(d) {
        let _ = writeln!(out, "   {line}");
    }
    for r in &d.rationales {
        let who = r
            .trainee
            .as_deref()
            .map(|t| format!("{}: ", sanitize(t)))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "   - {who}“{}” (chose: {}){}",
            sanitize(&r.text),
            sanitize(&r.option),
            unfinished(r.finished)
        );
    }
}

/// One decision in Markdown: a table of the options, the shares, the rationales.
fn decision_markdown(out: &mut String, n: usize, d: &DecisionReport) {
    let _ = writeln!(out, "### {n}. {}\n", md(&d.prompt));
    let _ = writeln!(out, "| Option | Mark | Chosen | Share |\n|---|---|---|---|");
    for (o, share) in d.options.iter().zip(option_shares(d)) {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            md(&o.text),
            mark_tag(o),
            o.count,
            pct(share)
        );
    }
    let _ = writeln!(out, "\nBasis: {}", md(&d.basis.describe()));
    if d.not_judged > 0 && d.judged == 0 {
        let _ = writeln!(
            out,
            "\nNot judged: the source makes no finding here · answered: {}",
            d.respondents
        );
    } else {
        let _ = writeln!(out, "\n{}", shares_line(d, &md(&d.basis.against())));
    }
    if let Some(line) = graded_line(d) {
        let _ = writeln!(out, "\n{line}");
    }
    if !d.rationales.is_empty() {
        let _ = writeln!(out, "\nRationales:\n");
        for r in &d.rationales {
            let who = r
                .trainee
                .as_deref()
                .map(|t| format!("**{}**: ", md(&crate::scenario::text::markdown_text(t))))
                .unwrap_or_default();
            let text = md(&crate::scenario::text::markdown_text(&r.text));
            let _ = writeln!(
                out,
                "- {who}“{text}” (chose: {}){}",
                md(&r.option),
                unfinished(r.finished)
            );
        }
    }
    out.push('\n');
}

/// Marks a reason given in a run that was never finished.
fn unfinished(finished: bool) -> &'static str {
    if finished { "" } else { " (unfinished run)" }
}

/// Text for a Markdown table cell or line: pipes escaped, on one line.
pub(super) fn md(s: &str) -> String {
    sanitize(s).replace('|', "\\|").replace('\n', " ")
}
