//! Panels, the key bar, dialogs and the too-small notice.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph, Widget, Wrap};

use crate::tui::theme::Palette;

/// The smallest terminal the screens are laid out for.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

pub fn panel<'a>(title: impl Into<Line<'a>>, focused: bool, theme: &Palette) -> Block<'a> {
    Block::new()
        .borders(Borders::ALL)
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(if focused { theme.focus_border } else { theme.border })
        .title(title)
        .style(theme.base)
}

/// The bottom line: each key in the key style, then what it does.
pub fn key_bar<'a>(keys: &[(&'a str, &'a str)], theme: &Palette) -> Line<'a> {
    let mut spans = Vec::new();
    for (i, (key, what)) in keys.iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled("  ", theme.base));
        }
        spans.push(Span::styled(*key, theme.key));
        spans.push(Span::styled(format!(" {what}"), theme.base));
    }
    Line::from(spans)
}

/// Splits off the last row for the key bar.
pub fn with_key_bar(area: Rect) -> (Rect, Rect) {
    let [body, bar] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(area);
    (body, bar)
}

pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let [row] = Layout::vertical([Constraint::Length(height.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [cell] = Layout::horizontal([Constraint::Length(width.min(area.width))])
        .flex(Flex::Center)
        .areas(row);
    cell
}

pub fn is_too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// Shown instead of any screen when the terminal is below the minimum size.
pub fn render_too_small(area: Rect, buf: &mut Buffer, theme: &Palette) {
    let text = Text::from(vec![
        Line::styled("Terminal too small", theme.warning),
        Line::from(format!(
            "Need {MIN_WIDTH}×{MIN_HEIGHT}, have {}×{}.",
            area.width, area.height
        )),
        Line::from("Enlarge the window, or press q to quit."),
    ]);
    Paragraph::new(text)
        .wrap(Wrap { trim: true })
        .style(theme.base)
        .render(area, buf);
}

/// A bordered box drawn over whatever is below it.
pub fn modal<'a>(area: Rect, buf: &mut Buffer, title: &'a str, body: Text<'a>, theme: &Palette) -> Rect {
    Clear.render(area, buf);
    let block = panel(Span::styled(format!(" {title} "), theme.title), true, theme);
    let inner = block.inner(area);
    block.render(area, buf);
    Paragraph::new(body)
        .wrap(Wrap { trim: false })
        .style(theme.base)
        .render(inner, buf);
    inner
}
