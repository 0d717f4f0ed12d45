//! A long classroom screen: the text scrolled within its bound, and a marker on its last
//! row whenever text is above or below the window, so nothing is cut unseen.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Text};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::super::{Presentation, scroll_limit};
use crate::tui::widgets::wrapped_height;

/// Rows `text` takes in `width` columns.
pub(super) fn height(text: &Text, width: u16) -> u16 {
    wrapped_height(text, width)
}

/// Draws `text` scrolled by `scroll` rows (held within the bound, which is kept for the
/// keys), with "▲ more (↑)" / "▼ more (↓)" on the last row when there is more.
pub(super) fn render(
    text: Text<'static>,
    scroll: u16,
    presentation: &Presentation,
    marker: Style,
    area: Rect,
    buf: &mut Buffer,
) {
    let content = height(&text, area.width);
    if content <= area.height {
        presentation.set_max_scroll(0);
        Paragraph::new(text).wrap(Wrap { trim: false }).render(area, buf);
        return;
    }
    // the marker takes the last row, so the text window is one row shorter
    let window = Rect {
        height: area.height.saturating_sub(1),
        ..area
    };
    let max = scroll_limit(content, window.height);
    presentation.set_max_scroll(max);
    let scroll = scroll.min(max);
    Paragraph::new(text)
        .wrap(Wrap { trim: false })
        .scroll((scroll, 0))
        .render(window, buf);
    let mut words = Vec::new();
    if scroll > 0 {
        words.push("▲ more (↑)");
    }
    if scroll < max {
        words.push("▼ more (↓)");
    }
    let row = Rect {
        y: area.y + window.height,
        height: 1,
        ..area
    };
    Paragraph::new(Line::styled(words.join("   "), marker))
        .alignment(Alignment::Right)
        .render(row, buf);
}
