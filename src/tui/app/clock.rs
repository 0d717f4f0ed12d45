//! The run's decision clock as the app sees it: stopped while the decision is hidden, and
//! its time left saved often enough that quitting or killing the program wins no time back.

use std::time::Instant;

use super::{App, Screen};
use crate::tui::widgets::is_too_small;

impl App {
    /// Stops the run's clock while help or a dialog covers the decision or the terminal is
    /// too small to show it, and saves the time left as it stops (a quit follows a dialog).
    pub(super) fn pause_clock(&mut self, now: Instant) {
        let hidden = self.overlay.is_some() || is_too_small(self.area);
        if let Screen::Run(run) = &mut self.screen
            && run.is_paused() != hidden
        {
            run.set_paused(hidden, now);
            if hidden
                && run.remaining(now).is_some()
                && let Err(e) = self.store.save(run, now)
            {
                self.status = Some(e);
            }
        }
    }

    /// Saves the time left every few seconds while a timed decision's clock runs.
    pub(super) fn save_clock(&mut self, now: Instant) {
        if let Screen::Run(run) = &mut self.screen
            && run.clock_save_due(now)
            && let Err(e) = self.store.save(run, now)
        {
            self.status = Some(e);
        }
    }
}
