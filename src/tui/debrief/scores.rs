//! The scores tab: a bar per NDM stage and per topic, every bar one width, each with its
//! points and its counts in words so the two cannot seem to disagree.

use ratatui::text::{Line, Span};

use crate::engine::{Debrief, Totals};
use crate::tui::theme::Palette;
use crate::tui::widgets::truncate;

/// The tab's lines for a panel `width` columns wide (inside its borders).
pub fn lines(d: &Debrief, width: u16, theme: &Palette) -> Vec<Line<'static>> {
    let label_width = d
        .by_stage
        .iter()
        .chain(&d.by_theme)
        .map(|t| crate::wrap::width(&t.label))
        .max()
        .unwrap_or(0)
        .min(30)
        .min(usize::from(width) / 3);
    let mut lines = vec![Line::styled("By National Decision Model stage", theme.heading)];
    lines.extend(bars(&d.by_stage, label_width, width, theme));
    lines.push(Line::from(""));
    lines.push(Line::styled("By topic", theme.heading));
    lines.extend(bars(&d.by_theme, label_width, width, theme));
    lines.push(Line::from(""));
    lines.push(Line::styled("Points key", theme.heading));
    lines.push(Line::styled(
        "An answer in line scores 2 points, partly in line 1, not in line 0. \
         A bar shows the points scored out of those possible.",
        theme.dim,
    ));
    if d.total.not_judged > 0 {
        lines.push(Line::styled(
            match d.total.not_judged {
                1 => "1 decision not judged: no points and no bar.".to_string(),
                n => format!("{n} decisions not judged: no points and no bar."),
            },
            theme.dim,
        ));
    }
    lines
}

/// One bar per tally: the label, a bar of the share of points, then the points and the
/// decisions behind them. Every bar is the same width.
pub fn bars(tallies: &[Totals], label_width: usize, width: u16, theme: &Palette) -> Vec<Line<'static>> {
    // "  12 of 14 points · 6 of 7 in line, 1 partly"
    let words = 42;
    let bar_width = usize::from(width)
        .saturating_sub(label_width + 1 + words)
        .clamp(5, 30);
    tallies
        .iter()
        .map(|t| {
            let filled = (t.percent() as usize * bar_width).div_ceil(100).min(bar_width);
            let style = match t.percent() {
                75.. => theme.good,
                40..=74 => theme.partly,
                _ => theme.bad,
            };
            let partly = match t.partly {
                0 => String::new(),
                n => format!(", {n} partly"),
            };
            Line::from(vec![
                Span::raw(format!("{} ", pad(&truncate(&t.label, label_width), label_width))),
                Span::styled("█".repeat(filled), style),
                Span::styled("░".repeat(bar_width - filled), theme.dim),
                Span::raw(format!(
                    " {} of {} points · {} of {} in line{partly}",
                    t.points,
                    t.max_points(),
                    t.in_line,
                    t.decisions
                )),
            ])
        })
        .collect()
}

fn pad(text: &str, width: usize) -> String {
    format!(
        "{text}{}",
        " ".repeat(width.saturating_sub(crate::wrap::width(text)))
    )
}
