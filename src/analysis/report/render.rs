//! The cohort report written out: for a terminal (bar charts), as Markdown, as CSV.

use std::fmt::Write as _;

use super::{CohortReport, DecisionReport, OptionCount};
use crate::analysis::export::ExportError;
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
            decision_text(&mut out, n + 1, d);
        }
    }
    if !report.most_missed.is_empty() {
        let _ = writeln!(out, "\nMOST MISSED DECISIONS");
        for m in &report.most_missed {
            let _ = writeln!(
                out,
                "   {:>3}% in line ({} answers): {} — {}",
                m.in_line_percent,
                m.judged,
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
    if !report.most_missed.is_empty() {
        let _ = writeln!(
            out,
            "## Most missed decisions\n\n| Case | Decision | In line | Answers |\n|---|---|---|---|"
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
            case.groups
        );
        for (n, d) in case.decisions.iter().enumerate() {
            decision_markdown(&mut out, n + 1, d);
        }
    }
    out
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
            "   In line with {}: {}% · partly: {}% · the officers' choice: {}% · answered: {}{}",
            sanitize(&d.basis.against()),
            d.share(d.in_line),
            d.share(d.partly),
            d.share(d.same_as_officers),
            d.respondents,
            if d.no_decision > 0 {
                format!(" · no decision in time: {}", d.no_decision)
            } else {
                String::new()
            }
        );
    }
    if d.kind.needs_levels() && d.judged > 0 {
        let _ = writeln!(out, "   Graded too low: {} · too high: {}", d.under, d.over);
    }
    for r in &d.rationales {
        let who = r
            .trainee
            .as_deref()
            .map(|t| format!("{}: ", sanitize(t)))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "   - {who}“{}” (chose: {})",
            sanitize(&r.text),
            sanitize(&r.option)
        );
    }
}

/// One decision in Markdown: a table of the options, the shares, the rationales.
fn decision_markdown(out: &mut String, n: usize, d: &DecisionReport) {
    let _ = writeln!(out, "### {n}. {}\n", md(&d.prompt));
    let _ = writeln!(out, "| Option | Mark | Chosen | Share |\n|---|---|---|---|");
    let total: u64 = d.options.iter().map(|o| u64::from(o.count)).sum::<u64>().max(1);
    for o in &d.options {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {}% |",
            md(&o.text),
            mark_tag(o),
            o.count,
            u64::from(o.count) * 100 / total
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
        let _ = writeln!(
            out,
            "\nIn line with {}: **{}%** · partly: {}% · the officers' choice: {}% · answered: {}",
            md(&d.basis.against()),
            d.share(d.in_line),
            d.share(d.partly),
            d.share(d.same_as_officers),
            d.respondents
        );
    }
    if d.kind.needs_levels() && d.judged > 0 {
        let _ = writeln!(out, "\nGraded too low: {} · too high: {}", d.under, d.over);
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
            let _ = writeln!(out, "- {who}“{text}” (chose: {})", md(&r.option));
        }
    }
    out.push('\n');
}

/// Text for a Markdown table cell or line: pipes escaped, on one line.
fn md(s: &str) -> String {
    sanitize(s).replace('|', "\\|").replace('\n', " ")
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
    ])?;
    for case in &report.cases {
        for d in &case.decisions {
            for o in &d.options {
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
                    d.share(d.in_line).to_string(),
                    d.share(d.partly).to_string(),
                    d.share(d.same_as_officers).to_string(),
                    d.under.to_string(),
                    d.over.to_string(),
                    d.basis.basis.ident().to_string(),
                    d.not_judged.to_string(),
                ])?;
            }
        }
    }
    writer.finish()
}
