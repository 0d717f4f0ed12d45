//! An answer beside the officers' action and the finding, as lines: after each decision in
//! practice mode, and in the debrief's detail of a decision.

use ratatui::text::{Line, Span};

use super::text::clean;
use crate::engine::Item;
use crate::tui::theme::{Palette, verdict_symbol};

/// The answer beside the officers' action and the finding, as lines.
pub fn feedback_lines(item: &Item, theme: &Palette) -> Vec<Line<'static>> {
    let label = |name: &'static str| Span::styled(name, theme.heading);
    let mut lines = vec![Line::from(vec![
        Span::styled(
            format!("{} ", verdict_symbol(item.verdict)),
            theme.verdict(item.verdict),
        ),
        Span::styled(item.summary(), theme.verdict(item.verdict)),
    ])];
    lines.push(Line::from(vec![
        label("You: "),
        Span::raw(clean(&item.your_choice())),
    ]));
    if let Some(in_line) = item.in_line_answer() {
        lines.push(Line::from(vec![
            label("In line: "),
            Span::styled(clean(&in_line), theme.good),
        ]));
    }
    if let Some(why) = &item.why {
        lines.push(Line::from(vec![label("Why: "), Span::raw(clean(&why.text))]));
    }
    lines.push(Line::from(vec![
        label("The officers: "),
        Span::raw(clean(&item.officers_did())),
    ]));
    lines.push(Line::from(vec![
        Span::styled(format!("{}: ", item.basis.finding_label()), theme.heading),
        Span::raw(clean(&item.finding.text)),
    ]));
    if let Some(quote) = &item.finding.quote {
        lines.push(Line::from(vec![
            label("The source: "),
            Span::styled(format!("“{}”", clean(quote)), theme.accent),
        ]));
    }
    lines.push(Line::from(vec![
        label("Basis: "),
        Span::raw(clean(&item.basis.describe())),
    ]));
    if !item.missed.is_empty() {
        lines.push(Line::from(vec![
            label("Missed: "),
            Span::raw(clean(&item.missed.join("; "))),
        ]));
    }
    if !item.unwanted.is_empty() {
        lines.push(Line::from(vec![
            label("Not supported: "),
            Span::raw(clean(&item.unwanted.join("; "))),
        ]));
    }
    for feedback in &item.feedback {
        lines.push(Line::from(vec![
            label("Feedback: "),
            Span::raw(clean(&feedback.line())),
        ]));
    }
    if !item.finding.standards.is_empty() {
        let standards: Vec<&str> = item.finding.standards.iter().map(|s| s.label()).collect();
        lines.push(Line::from(vec![
            label("Standards touched: "),
            Span::raw(standards.join("; ")),
        ]));
    }
    lines
}
