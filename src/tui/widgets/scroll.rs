//! Scrolling shared by every panel that scrolls: the offset is clamped to the content as
//! last drawn, so scrolling stops at the end instead of running into a blank panel, and a
//! scrollbar is drawn on the panel's right border whenever the content overflows.
//!
//! The screen's state owns a `Scroll` and passes it keys; its view draws through it. How
//! tall the content is depends on the width it is wrapped to, which only drawing knows, so
//! drawing records the furthest offset (in a `Cell`: views only read state) and the next
//! key is clamped to it.

use std::cell::Cell;

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::text::Text;
use ratatui::widgets::{
    Block, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget, Wrap,
};

use crate::tui::keys::Action;

#[derive(Debug, Clone, Default)]
pub struct Scroll {
    offset: u16,
    /// The furthest offset as last drawn; `None` before the first frame.
    max: Cell<Option<u16>>,
    /// Rows visible as last drawn, for PgUp/PgDn.
    page: Cell<u16>,
}

impl Scroll {
    /// The first row shown, never past the end.
    pub fn offset(&self) -> u16 {
        match self.max.get() {
            Some(max) => self.offset.min(max),
            None => self.offset,
        }
    }

    /// ↑↓ by a row, the wheel by three, PgUp/PgDn by a page less a row of context, Home/End (and g/G, which
    /// the keymap turns into them) to the top and the bottom. Returns whether the key was
    /// a scrolling key.
    pub fn handle(&mut self, action: Action) -> bool {
        let page = self.page.get().saturating_sub(1).max(1);
        let at = self.offset();
        self.offset = match action {
            Action::Up => at.saturating_sub(1),
            Action::Down => at.saturating_add(1),
            Action::ScrollUp => at.saturating_sub(3),
            Action::ScrollDown => at.saturating_add(3),
            Action::PageUp => at.saturating_sub(page),
            Action::PageDown => at.saturating_add(page),
            Action::Home => 0,
            Action::End => u16::MAX,
            _ => return false,
        };
        // not clamped here: End stays at the bottom if the panel is resized, and every
        // move starts from the clamped offset, so one ↑ after the end moves at once
        true
    }

    pub fn to_top(&mut self) {
        self.offset = 0;
    }

    /// Scrolls the least needed to show rows `top..bottom` (a selected item), keeping the
    /// top in view when the rows are taller than the panel.
    pub fn reveal(&mut self, top: u16, bottom: u16) {
        let page = self.page.get().max(1);
        if bottom > self.offset.saturating_add(page) {
            self.offset = bottom.saturating_sub(page);
        }
        if top < self.offset {
            self.offset = top;
        }
    }

    /// Notes the content's height and the rows visible, as drawing finds them; returns
    /// the offset to draw at.
    pub fn measure(&self, content: u16, visible: u16) -> u16 {
        self.max.set(Some(content.saturating_sub(visible)));
        self.page.set(visible);
        self.offset()
    }

    /// Draws `text` inside `block`, wrapped, from the offset, with a scrollbar on the
    /// block's right border when it does not all fit.
    pub fn render(&self, text: Text<'_>, block: Block<'_>, area: Rect, buf: &mut Buffer) {
        let inner = block.inner(area);
        let paragraph = Paragraph::new(text).wrap(Wrap { trim: false });
        let content = u16::try_from(paragraph.line_count(inner.width)).unwrap_or(u16::MAX);
        let offset = self.measure(content, inner.height);
        paragraph.block(block).scroll((offset, 0)).render(area, buf);
        self.scrollbar(content, inner.height, area, buf);
    }

    /// The scrollbar alone, over the right border of `area` (for a panel drawn some other
    /// way, such as a list), when `content` rows do not fit in `visible`.
    pub fn scrollbar(&self, content: u16, visible: u16, area: Rect, buf: &mut Buffer) {
        bar(content, visible, self.offset(), area, buf);
    }
}

/// A scrollbar over the right border of `area` for `content` rows shown `visible` at a
/// time from `offset`, for a panel that keeps its own offset; nothing when all fits.
pub fn bar(content: u16, visible: u16, offset: u16, area: Rect, buf: &mut Buffer) {
    if content <= visible || area.height < 3 {
        return;
    }
    let max = content.saturating_sub(visible);
    let mut state = ScrollbarState::new(usize::from(max) + 1)
        .viewport_content_length(usize::from(visible))
        .position(usize::from(offset.min(max)));
    Scrollbar::new(ScrollbarOrientation::VerticalRight).render(
        area.inner(Margin {
            vertical: 1,
            horizontal: 0,
        }),
        buf,
        &mut state,
    );
}

/// A scrollbar for a list that scrolls by its selection (a table, the library): drawn
/// over the right border of `area` when its `len` rows do not fit in `visible`.
pub fn list_scrollbar(len: usize, selected: usize, visible: u16, area: Rect, buf: &mut Buffer) {
    if len <= usize::from(visible) || area.height < 3 {
        return;
    }
    let mut state = ScrollbarState::new(len)
        .viewport_content_length(usize::from(visible))
        .position(selected.min(len.saturating_sub(1)));
    Scrollbar::new(ScrollbarOrientation::VerticalRight).render(
        area.inner(Margin {
            vertical: 1,
            horizontal: 0,
        }),
        buf,
        &mut state,
    );
}

/// The row a list selection moves to: ↑↓ by one, PgUp/PgDn by `page`, Home/End (g/G) to
/// either end; `None` for any other key.
pub fn list_move(action: &Action, selected: usize, len: usize, page: usize) -> Option<usize> {
    let last = len.saturating_sub(1);
    Some(match action {
        Action::Up => selected.saturating_sub(1),
        Action::Down => (selected + 1).min(last),
        Action::PageUp => selected.saturating_sub(page.max(1)),
        Action::PageDown => (selected + page.max(1)).min(last),
        Action::Home => 0,
        Action::End => last,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn drawn(content: u16, visible: u16) -> Scroll {
        let scroll = Scroll::default();
        scroll.measure(content, visible);
        scroll
    }

    #[test]
    fn scrolling_stops_at_the_last_full_page() {
        let mut scroll = drawn(30, 10);
        for _ in 0..50 {
            scroll.handle(Action::Down);
        }
        assert_eq!(scroll.offset(), 20);
        scroll.handle(Action::PageDown);
        assert_eq!(scroll.offset(), 20, "PgDn never scrolls into blank rows");
        scroll.handle(Action::Up);
        assert_eq!(scroll.offset(), 19, "one ↑ after the end moves at once");
    }

    #[test]
    fn home_and_end_go_to_the_top_and_the_bottom() {
        let mut scroll = drawn(100, 20);
        scroll.handle(Action::End);
        assert_eq!(scroll.offset(), 80);
        scroll.handle(Action::Home);
        assert_eq!(scroll.offset(), 0);
    }

    #[test]
    fn a_page_keeps_one_row_of_context() {
        let mut scroll = drawn(100, 20);
        scroll.handle(Action::PageDown);
        assert_eq!(scroll.offset(), 19);
        scroll.handle(Action::PageUp);
        assert_eq!(scroll.offset(), 0);
    }

    #[test]
    fn content_that_fits_does_not_scroll() {
        let mut scroll = drawn(5, 20);
        scroll.handle(Action::PageDown);
        scroll.handle(Action::End);
        assert_eq!(scroll.offset(), 0);
    }

    #[test]
    fn a_narrower_panel_keeps_the_offset_within_the_new_end() {
        let mut scroll = drawn(100, 20);
        scroll.handle(Action::End);
        assert_eq!(scroll.measure(50, 20), 30);
    }

    #[test]
    fn a_list_selection_stops_at_either_end() {
        assert_eq!(list_move(&Action::PageDown, 8, 10, 5), Some(9));
        assert_eq!(list_move(&Action::PageUp, 3, 10, 5), Some(0));
        assert_eq!(list_move(&Action::End, 0, 10, 5), Some(9));
        assert_eq!(list_move(&Action::Home, 7, 10, 5), Some(0));
        assert_eq!(list_move(&Action::Down, 0, 0, 5), Some(0), "an empty list");
        assert_eq!(list_move(&Action::Enter, 3, 10, 5), None);
    }

    #[test]
    fn reveal_brings_rows_into_view() {
        let mut scroll = drawn(100, 10);
        scroll.reveal(40, 45);
        assert_eq!(scroll.offset(), 35);
        scroll.reveal(5, 8);
        assert_eq!(scroll.offset(), 5);
    }

    #[test]
    fn a_scrollbar_is_drawn_only_when_the_text_overflows() {
        let block = || Block::bordered();
        let area = Rect::new(0, 0, 20, 6);
        let long = Text::from(
            (0..20)
                .map(|i| format!("line {i}"))
                .collect::<Vec<_>>()
                .join("\n"),
        );
        let mut buf = Buffer::empty(area);
        Scroll::default().render(long, block(), area, &mut buf);
        let right: String = (1..5).map(|y| buf[(19, y)].symbol().to_string()).collect();
        assert!(
            right.contains('█') || right.contains('▐') || right.contains('║'),
            "{right:?}"
        );
        let mut buf = Buffer::empty(area);
        Scroll::default().render(Text::from("short"), block(), area, &mut buf);
        let right: String = (1..5).map(|y| buf[(19, y)].symbol().to_string()).collect();
        assert_eq!(right, "││││");
    }
}
