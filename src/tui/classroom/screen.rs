//! The classroom as a full-screen front end: it owns the session, the store its records go
//! to and the theme, and carries out what each action's outcome asks for.

use std::time::Instant;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::actions::ClassroomOutcome;
use super::state::Classroom;
use super::store::ClassroomStore;
use super::view::ClassroomView;
use crate::tui::frontend::FrontEnd;
use crate::tui::keys::Action;
use crate::tui::theme::Palette as Theme;

pub struct ClassroomScreen<S: ClassroomStore> {
    pub room: Classroom,
    pub store: S,
    pub theme: Theme,
    /// The timer's seconds as last drawn, so a tick redraws only when they change.
    shown: Option<u64>,
}

impl<S: ClassroomStore> ClassroomScreen<S> {
    pub fn new(room: Classroom, store: S, theme: Theme) -> Self {
        ClassroomScreen {
            room,
            store,
            theme,
            shown: None,
        }
    }

    /// Carries out an outcome; a failed save is shown on screen and the session goes on.
    pub fn perform(&mut self, outcome: ClassroomOutcome) {
        match outcome {
            ClassroomOutcome::None => {}
            ClassroomOutcome::NewRecord => {
                self.store.begin_run();
                // the new case's record starts at its title, so a resume comes back there
                self.perform(ClassroomOutcome::Save);
            }
            ClassroomOutcome::Save => {
                let result = self.room.group_save().map(|save| self.store.save(&save));
                if let Some(Err(why)) = result {
                    self.room.message = Some(why.to_string());
                }
            }
        }
    }
}

impl<S: ClassroomStore> FrontEnd for ClassroomScreen<S> {
    fn typing(&self) -> bool {
        self.room.typing()
    }

    fn handle(&mut self, action: Action, now: Instant) {
        let outcome = self.room.handle(action, now);
        self.perform(outcome);
    }

    fn tick(&mut self, now: Instant) -> bool {
        let shown = self.room.timer_shown(now);
        let changed = shown != self.shown;
        self.shown = shown;
        changed
    }

    fn resized(&mut self, _area: Rect) {}

    fn should_quit(&self) -> bool {
        self.room.should_quit
    }

    fn draw(&self, area: Rect, buf: &mut Buffer, now: Instant) {
        ClassroomView::new(&self.room, &self.theme, now).render(area, buf);
    }

    fn leave(&mut self) {
        // every move was kept as it happened; a running timer's time was not
        if self.room.timer.is_shown() {
            self.room.note_time(Instant::now());
            self.perform(ClassroomOutcome::Save);
        }
        self.store.leave();
    }
}
