//! Text for the screens: scenario text made safe, lines in one style, heights once
//! wrapped, and cutting or wrapping by display width (see `crate::wrap`).

use ratatui::style::Style;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Paragraph, Wrap};

use crate::scenario::text::sanitize;

pub use crate::wrap::truncate;

/// Scenario text made safe for the terminal.
pub fn clean(text: &str) -> String {
    sanitize(text)
}

/// Number of rows `text` takes when wrapped to `width`.
pub fn wrapped_height(text: &Text, width: u16) -> u16 {
    Paragraph::new(text.clone())
        .wrap(Wrap { trim: false })
        .line_count(width)
        .try_into()
        .unwrap_or(u16::MAX)
}

pub fn styled_lines(text: &str, style: Style) -> Vec<Line<'static>> {
    clean(text)
        .split('\n')
        .map(|l| Line::styled(l.to_string(), style))
        .collect()
}

/// `text` wrapped to `width` columns after `label`, later lines lined up under the text,
/// each line in `style`.
pub fn hanging_lines(label: &str, text: &str, width: u16, style: Style) -> Vec<Line<'static>> {
    crate::wrap::lines(
        text,
        usize::from(width),
        label,
        &" ".repeat(crate::wrap::width(label)),
    )
    .into_iter()
    .map(|l| Line::styled(l, style))
    .collect()
}

/// A trainee's typed text after a label (`Why: `), one screen line per typed line, later
/// lines lined up under the first line's text. The breaks typed are the breaks shown.
pub fn labelled_lines(label: &str, label_style: Style, text: &str) -> Vec<Line<'static>> {
    let pad = " ".repeat(crate::wrap::width(label));
    crate::wrap::line_breaks(&clean(text))
        .into_iter()
        .enumerate()
        .map(|(i, line)| match i {
            0 => Line::from(vec![
                Span::styled(label.to_string(), label_style),
                Span::raw(line),
            ]),
            _ => Line::from(format!("{pad}{line}")),
        })
        .collect()
}
