//! The presenter's own keys, handled before the room's commands: big text, the reveal's
//! detail, the countdown's target, clicker keys, and scrolling that stops at the bottom.
//! Kept apart from `actions.rs` so the look of the room and the taking of votes change
//! separately.

use std::sync::atomic::{AtomicU16, Ordering};
use std::time::{Duration, Instant};

use super::actions::ClassroomOutcome;
use super::state::{Classroom, Stage};
use crate::tui::keys::Action;

/// How much one `+` or `-` moves the countdown's target.
pub const TARGET_STEP: Duration = Duration::from_secs(30);
/// A target beyond an hour is a slip of the finger, not a discussion.
pub const MAX_TARGET: Duration = Duration::from_secs(60 * 60);

/// How the room's screen is presented; none of it is saved.
#[derive(Debug, Default)]
pub struct Presentation {
    /// Titles, tallies, the reveal's headline and the timer in big letters, where they fit.
    pub big: bool,
    /// On a reveal: every option's feedback and the quote, rather than the one-screen summary.
    pub detail: bool,
    /// The furthest the screen last drawn could scroll. The view sets it (drawing is the
    /// only place the wrapped height is known), so ↓ stops at the bottom of the text.
    max_scroll: AtomicU16,
}

impl Presentation {
    pub fn with_big(big: bool) -> Self {
        Presentation {
            big,
            ..Presentation::default()
        }
    }

    pub fn max_scroll(&self) -> u16 {
        self.max_scroll.load(Ordering::Relaxed)
    }

    /// Called by the view each time it draws a scrolling screen.
    pub fn set_max_scroll(&self, max: u16) {
        self.max_scroll.store(max, Ordering::Relaxed);
    }
}

/// The furthest a text of `content` rows can scroll in a window of `visible` rows: the
/// last row of text stays on screen, so scrolling never ends on an empty page.
pub fn scroll_limit(content: u16, visible: u16) -> u16 {
    content.saturating_sub(visible)
}

/// `scroll` moved by `delta` rows, kept between the top and `max`.
pub fn scrolled(scroll: u16, delta: i32, max: u16) -> u16 {
    let moved = i32::from(scroll) + delta;
    u16::try_from(moved.clamp(0, i32::from(max))).unwrap_or(0)
}

/// The countdown's target moved one step; below one step it is gone (the timer counts up).
pub fn adjusted_target(target: Option<Duration>, up: bool) -> Option<Duration> {
    let now = target.unwrap_or(Duration::ZERO);
    if up {
        Some((now + TARGET_STEP).min(MAX_TARGET))
    } else {
        now.checked_sub(TARGET_STEP).filter(|t| !t.is_zero())
    }
}

impl Classroom {
    /// The presenter's keys, before the room's commands; `None` leaves the action to them.
    pub(super) fn presenter_key(&mut self, action: Action, _now: Instant) -> Option<ClassroomOutcome> {
        let asking = self.stage == Stage::Story && self.asked().is_some();
        match action {
            Action::Char('z') => {
                self.presentation.big = !self.presentation.big;
                self.scroll = 0;
            }
            Action::Char('d') if self.stage == Stage::Reveal => {
                self.presentation.detail = !self.presentation.detail;
                self.scroll = 0;
            }
            // every reveal opens on its summary
            Action::Char('r') if asking => {
                self.presentation.detail = false;
                return None;
            }
            Action::Char('+') => self.timer.target = adjusted_target(self.timer.target, true),
            Action::Char('-') => self.timer.target = adjusted_target(self.timer.target, false),
            Action::Down | Action::ScrollDown => self.scroll_by(1),
            Action::Up | Action::ScrollUp => self.scroll_by(-1),
            Action::End => self.scroll = self.presentation.max_scroll(),
            _ => return None,
        }
        Some(ClassroomOutcome::None)
    }

    fn scroll_by(&mut self, delta: i32) {
        self.scroll = scrolled(self.scroll, delta, self.presentation.max_scroll());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scrolling_stops_with_the_last_row_on_screen() {
        assert_eq!(scroll_limit(50, 20), 30);
        assert_eq!(scroll_limit(10, 20), 0);
        let mut scroll = 0;
        for _ in 0..44 {
            scroll = scrolled(scroll, 1, scroll_limit(50, 20));
        }
        assert_eq!(scroll, 30);
        assert_eq!(scrolled(scroll, -1, 30), 29);
        assert_eq!(scrolled(0, -1, 30), 0);
    }

    #[test]
    fn a_screen_that_shrank_scrolls_back_within_its_text() {
        // drawn taller before: the old offset is past the new bottom
        assert_eq!(scrolled(40, -1, 30), 30);
    }

    #[test]
    fn the_target_moves_in_half_minutes_and_goes_below_one_step() {
        let step = TARGET_STEP;
        assert_eq!(adjusted_target(None, true), Some(step));
        assert_eq!(adjusted_target(Some(step * 4), false), Some(step * 3));
        assert_eq!(adjusted_target(Some(step), false), None);
        assert_eq!(adjusted_target(None, false), None);
        assert_eq!(adjusted_target(Some(MAX_TARGET), true), Some(MAX_TARGET));
    }
}
