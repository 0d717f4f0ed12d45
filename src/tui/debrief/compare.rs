//! The decisions tab: for each decision, the trainee's choice, what the officers did, the
//! answer in line with the source and the finding. Side by side in four wrapped columns
//! when the panel is wide enough, one under another when it is not; then the rest (why,
//! the rationale with its line breaks, confidence, what was missed) at full width.
//! Everything is wrapped here, to the width it is drawn at, so nothing is cut.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::engine::{Item, Verdict};
use crate::tui::theme::{Palette, verdict_symbol};
use crate::tui::widgets::clean;
use crate::wrap;

/// The narrowest panel (inside its borders) that takes the four columns side by side: a
/// 100-column terminal.
pub const SIDE_BY_SIDE: u16 = 97;

const GAP: &str = " │ ";

/// Every decision, wrapped to `width` columns. `no_rationale` names the decisions that ask
/// for none.
pub fn lines(items: &[Item], no_rationale: &[String], width: u16, theme: &Palette) -> Vec<Line<'static>> {
    let width = usize::from(width.max(20));
    let mut out = Vec::new();
    for (n, item) in items.iter().enumerate() {
        if n > 0 {
            out.push(Line::from(""));
        }
        let asked = !no_rationale.contains(&item.step);
        card(&mut out, n + 1, item, asked, width, theme);
    }
    if items.is_empty() {
        out.push(Line::styled("No decisions were answered in this run.", theme.dim));
    }
    out
}

fn card(out: &mut Vec<Line<'static>>, n: usize, item: &Item, asked: bool, width: usize, theme: &Palette) {
    let verdict = theme.verdict(item.verdict);
    let head = format!(
        "{n}. {} {} · {} · {}",
        verdict_symbol(item.verdict),
        item.summary(),
        item.ndm.label(),
        crate::scenario::role_label(item.role, item.role_assumed)
    );
    push(out, &wrap::lines(&clean(&head), width, "", "   "), verdict);
    push(
        out,
        &wrap::lines(&clean(&item.prompt), width, "   ", "   "),
        theme.heading,
    );
    let columns = [
        ("Your choice", item.your_choice(), theme.verdict(item.verdict)),
        ("The officers", item.officers_did(), theme.base),
        ("In line", in_line(item), theme.good),
        (item.basis.finding_label(), item.finding.text.clone(), theme.base),
    ];
    if width >= usize::from(SIDE_BY_SIDE) {
        side_by_side(out, &columns, width, theme);
    } else {
        for (label, text, style) in &columns {
            labelled(out, label, text, width, *style, theme);
        }
    }
    if let Some(quote) = &item.finding.quote {
        labelled(
            out,
            "The source",
            &format!("“{quote}”"),
            width,
            theme.accent,
            theme,
        );
    }
    if let Some(why) = &item.why {
        labelled(out, "Why", &why.text, width, theme.base, theme);
    }
    labelled(out, "Basis", &item.basis.describe(), width, theme.base, theme);
    if !item.missed.is_empty() {
        labelled(out, "Missed", &item.missed.join("; "), width, theme.base, theme);
    }
    if !item.unwanted.is_empty() {
        labelled(
            out,
            "Not supported",
            &item.unwanted.join("; "),
            width,
            theme.base,
            theme,
        );
    }
    for feedback in &item.feedback {
        labelled(out, "Feedback", &feedback.line(), width, theme.base, theme);
    }
    match item.rationale.as_deref() {
        Some(rationale) => labelled(out, "Your rationale", rationale, width, theme.base, theme),
        None if asked => labelled(out, "Your rationale", "(none given)", width, theme.base, theme),
        None => {}
    }
    if let Some(c) = item.confidence {
        labelled(
            out,
            "Your confidence",
            &confidence(item, c),
            width,
            theme.base,
            theme,
        );
    }
    if !item.finding.policy.is_empty() {
        labelled(
            out,
            "Policy",
            &item.finding.policy.join("; "),
            width,
            theme.base,
            theme,
        );
    }
    if !item.finding.standards.is_empty() {
        let standards: Vec<&str> = item.finding.standards.iter().map(|s| s.label()).collect();
        labelled(
            out,
            "Standards touched",
            &standards.join("; "),
            width,
            theme.base,
            theme,
        );
    }
    if let Some(note) = &item.source_note {
        labelled(out, "Source note", note, width, theme.dim, theme);
    }
}

/// The answer in line with the source, in words, whatever the trainee chose.
fn in_line(item: &Item) -> String {
    if !item.judged {
        "Not judged: the source makes no finding here".into()
    } else if item.in_line.is_empty() {
        "The source names no one option".into()
    } else if item.verdict == Verdict::InLine && item.kind.picks_one() {
        format!("{} (your choice)", item.in_line.join("; "))
    } else {
        item.in_line.join("; ")
    }
}

fn confidence(item: &Item, c: u8) -> String {
    let against = item.basis.against();
    let matched = match (c >= 4, item.verdict == Verdict::InLine) {
        _ if !item.judged => "this decision is not judged".to_string(),
        (true, true) | (false, false) => "your confidence matched the result".to_string(),
        (true, false) => format!("you were confident, but the answer was not in line with {against}"),
        (false, true) => format!("you were unsure, but the answer was in line with {against}"),
    };
    format!("{c} of 5 — {matched}")
}

/// `label: text` at full width, later lines under the text; the text's own line breaks
/// (a rationale's) are kept.
fn labelled(
    out: &mut Vec<Line<'static>>,
    label: &str,
    text: &str,
    width: usize,
    style: Style,
    theme: &Palette,
) {
    let head = format!("   {label}: ");
    let pad = " ".repeat(wrap::width(&head).min(width / 2));
    for (i, line) in wrap::lines(&clean(text), width, &head, &pad)
        .into_iter()
        .enumerate()
    {
        if i == 0 && line.starts_with(&head) {
            let rest = line[head.len()..].to_string();
            out.push(Line::from(vec![
                Span::styled(head.clone(), theme.heading),
                Span::styled(rest, style),
            ]));
        } else {
            out.push(Line::styled(line, style));
        }
    }
}

/// Four columns of equal width, each heading over its wrapped text.
fn side_by_side(
    out: &mut Vec<Line<'static>>,
    columns: &[(&str, String, Style)],
    width: usize,
    theme: &Palette,
) {
    let indent = 3;
    let gaps = wrap::width(GAP) * (columns.len() - 1);
    let column = (width.saturating_sub(indent + gaps) / columns.len()).max(8);
    let wrapped: Vec<Vec<String>> = columns
        .iter()
        .map(|(_, text, _)| wrap::lines(&clean(text), column, "", ""))
        .collect();
    let heading: Vec<(String, Style)> = columns
        .iter()
        .map(|(label, _, _)| (wrap::truncate(label, column), theme.heading))
        .collect();
    out.push(row(&heading, column, indent, theme));
    let rows = wrapped.iter().map(Vec::len).max().unwrap_or(0);
    for r in 0..rows {
        let cells: Vec<(String, Style)> = wrapped
            .iter()
            .zip(columns)
            .map(|(lines, (_, _, style))| (lines.get(r).cloned().unwrap_or_default(), *style))
            .collect();
        out.push(row(&cells, column, indent, theme));
    }
}

fn row(cells: &[(String, Style)], column: usize, indent: usize, theme: &Palette) -> Line<'static> {
    let mut spans = vec![Span::raw(" ".repeat(indent))];
    for (i, (text, style)) in cells.iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(GAP, theme.dim));
        }
        let pad = column.saturating_sub(wrap::width(text));
        spans.push(Span::styled(text.clone(), *style));
        spans.push(Span::raw(" ".repeat(pad)));
    }
    Line::from(spans)
}

fn push(out: &mut Vec<Line<'static>>, lines: &[String], style: Style) {
    out.extend(lines.iter().map(|l| Line::styled(l.clone(), style)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rationale_keeps_its_line_breaks() {
        let theme = Palette::new(crate::tui::theme::ThemeName::Mono);
        let mut out = Vec::new();
        labelled(
            &mut out,
            "Your rationale",
            "first line\nsecond line",
            60,
            theme.base,
            &theme,
        );
        let text: Vec<String> = out.iter().map(|l| l.to_string()).collect();
        assert_eq!(
            text,
            ["   Your rationale: first line", "                   second line"]
        );
    }
}
