//! The debrief as plain text, for the plain player and the terminal.

use std::fmt::Write as _;

use crate::engine::{Debrief, Item, Totals};
use crate::scenario::Scenario;
use crate::scenario::text::sanitize;
use crate::wrap::{hanging, wrap};

const WIDTH: usize = 78;

/// The whole debrief: every decision side by side with the officers and the finding,
/// the totals, then what happened and the questions for discussion.
pub fn render(scenario: &Scenario, debrief: &Debrief) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "DEBRIEF: {}", sanitize(&scenario.title));
    let total = &debrief.total;
    let _ = writeln!(
        out,
        "{} of {} in line, {} partly. Score {}/{} ({}%).",
        total.in_line,
        crate::plural::count(total.decisions, "judged decision", "judged decisions"),
        total.partly,
        total.points,
        total.max_points(),
        total.percent()
    );
    if total.not_judged > 0 {
        let _ = writeln!(
            out,
            "{} not judged: the source makes no finding, so they are not scored.",
            crate::plural::count(total.not_judged, "decision", "decisions")
        );
    }
    for (n, item) in debrief.items.iter().enumerate() {
        out.push('\n');
        out.push_str(&render_item(n + 1, item));
    }
    section(
        &mut out,
        "BY NATIONAL DECISION MODEL STAGE",
        &tallies(&debrief.by_stage),
    );
    section(&mut out, "BY TOPIC", &tallies(&debrief.by_theme));
    section(
        &mut out,
        "WHAT HAPPENED",
        &wrap(&sanitize(&scenario.outcome.what_happened), WIDTH, ""),
    );
    section(
        &mut out,
        "OUTCOMES FOR THE OFFICERS",
        &bullets(&scenario.outcome.officers),
    );
    section(
        &mut out,
        "THE FORCE'S LEARNING",
        &bullets(&scenario.outcome.learning),
    );
    if !scenario.outcome.investigator_notes.is_empty() {
        section(
            &mut out,
            "THE INVESTIGATOR'S NOTES FOR ALL FORCES",
            &bullets(&scenario.outcome.investigator_notes),
        );
    }
    if !scenario.source_notes.is_empty() {
        section(&mut out, "SOURCE NOTES", &bullets(&scenario.source_notes));
    }
    section(&mut out, "FOR DISCUSSION", &bullets(&scenario.discussion));
    let _ = writeln!(out, "\n{}", hanging("Source: ", &scenario.source_line(), WIDTH));
    out
}

/// One decision: the answer beside the officers' action and the finding.
pub fn render_item(n: usize, item: &Item) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        hanging(&format!("{n}. "), &sanitize(&item.prompt), WIDTH)
    );
    let _ = writeln!(
        out,
        "{}",
        hanging("   You chose:      ", &sanitize(&item.your_choice()), WIDTH)
    );
    if let Some(in_line) = item.in_line_answer() {
        let _ = writeln!(
            out,
            "{}",
            hanging("   In line:        ", &sanitize(&in_line), WIDTH)
        );
    }
    if let Some(why) = &item.why {
        let _ = writeln!(
            out,
            "{}",
            hanging("   Why:            ", &sanitize(&why.text), WIDTH)
        );
    }
    let _ = writeln!(
        out,
        "{}",
        hanging("   The officers:   ", &sanitize(&item.officers_did()), WIDTH)
    );
    let _ = writeln!(
        out,
        "{}",
        hanging(
            &format!("   {:<15} ", format!("{}:", item.basis.finding_label())),
            &sanitize(&item.finding.text),
            WIDTH
        )
    );
    if let Some(quote) = &item.finding.quote {
        let _ = writeln!(
            out,
            "{}",
            hanging(
                "   The source:     ",
                &format!("\u{201c}{}\u{201d}", sanitize(quote)),
                WIDTH
            )
        );
    }
    let _ = writeln!(
        out,
        "{}",
        hanging("   Basis:          ", &sanitize(&item.basis.describe()), WIDTH)
    );
    let _ = writeln!(
        out,
        "{}",
        hanging("   Verdict:        ", &sanitize(&item.summary()), WIDTH)
    );
    if !item.missed.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            hanging("   Missed:         ", &sanitize(&item.missed.join("; ")), WIDTH)
        );
    }
    if !item.unwanted.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            hanging("   Not supported:  ", &sanitize(&item.unwanted.join("; ")), WIDTH)
        );
    }
    if let Some(rationale) = &item.rationale {
        let _ = writeln!(
            out,
            "{}",
            hanging("   Your rationale: ", &sanitize(rationale), WIDTH)
        );
    }
    if let Some(confidence) = item.confidence {
        let _ = writeln!(out, "   Your confidence: {confidence} of 5");
    }
    if !item.finding.standards.is_empty() {
        let standards: Vec<&str> = item.finding.standards.iter().map(|s| s.label()).collect();
        let _ = writeln!(
            out,
            "{}",
            hanging("   Standards touched: ", &standards.join("; "), WIDTH)
        );
    }
    for feedback in &item.feedback {
        let _ = writeln!(
            out,
            "{}",
            hanging("   Feedback:       ", &sanitize(&feedback.line()), WIDTH)
        );
    }
    if let Some(note) = &item.source_note {
        let _ = writeln!(out, "{}", hanging("   Source note:    ", &sanitize(note), WIDTH));
    }
    out
}

fn tallies(tallies: &[Totals]) -> String {
    let width = tallies.iter().map(|t| t.label.chars().count()).max().unwrap_or(0);
    tallies
        .iter()
        .map(|t| {
            let filled = (t.percent() as usize).div_ceil(10);
            format!(
                "{:width$}  [{}{}] {:>3}%  {} of {} in line",
                t.label,
                "#".repeat(filled),
                ".".repeat(10 - filled),
                t.percent(),
                t.in_line,
                t.decisions
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn bullets(lines: &[String]) -> String {
    if lines.is_empty() {
        return "(none given in the source)".to_string();
    }
    lines
        .iter()
        .map(|l| hanging("- ", &sanitize(l), WIDTH))
        .collect::<Vec<_>>()
        .join("\n")
}

fn section(out: &mut String, heading: &str, body: &str) {
    let _ = write!(out, "\n{heading}\n{body}\n");
}
