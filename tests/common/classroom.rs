//! Drives a classroom as the terminal loop does: key presses through the keymap into
//! `Action`s, handled by the screen, drawn by the screen, on a clock the test moves.

use std::time::{Duration, Instant};

use lessons::tui::classroom::{Classroom, ClassroomScreen, ClassroomStore};
use lessons::tui::frontend::FrontEnd;
use lessons::tui::keys::action_for;
use lessons::tui::theme::{Palette, ThemeName};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

pub struct Driver<S: ClassroomStore> {
    pub screen: ClassroomScreen<S>,
    pub now: Instant,
}

impl<S: ClassroomStore> Driver<S> {
    /// A classroom on the mono theme, so screens compare as text.
    pub fn new(room: Classroom, store: S) -> Self {
        Driver::themed(room, store, ThemeName::Mono)
    }

    pub fn themed(room: Classroom, store: S, theme: ThemeName) -> Self {
        Driver {
            screen: ClassroomScreen::new(room, store, Palette::new(theme)),
            now: Instant::now(),
        }
    }

    pub fn room(&self) -> &Classroom {
        &self.screen.room
    }

    /// Presses keys: `Enter`, `Tab`, `Left`, `Esc`, `Backspace`, `Ctrl+C`, or else each
    /// character of the string in turn.
    pub fn keys(&mut self, keys: &[&str]) {
        for key in keys {
            let events = super::keys::events(key);
            for event in events {
                if let Some(action) = action_for(event, self.screen.typing()) {
                    self.screen.handle(action, self.now);
                }
            }
        }
    }

    /// Moves the clock on and offers the tick; whether the screen asked to be drawn again.
    pub fn wait(&mut self, time: Duration) -> bool {
        self.now += time;
        self.screen.tick(self.now)
    }

    pub fn buffer(&self, width: u16, height: u16) -> Buffer {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        terminal
            .draw(|f| self.screen.draw(f.area(), f.buffer_mut(), self.now))
            .unwrap();
        terminal.backend().buffer().clone()
    }

    /// The screen as text.
    pub fn text(&self, width: u16, height: u16) -> String {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        terminal
            .draw(|f| self.screen.draw(f.area(), f.buffer_mut(), self.now))
            .unwrap();
        terminal.backend().to_string()
    }
}
