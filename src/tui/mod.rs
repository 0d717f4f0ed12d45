//! The full-screen front end (ratatui). Thin: keys become actions, actions drive the
//! engine, screens draw from state. The app and the preview run through `frontend::run`.

pub mod app;
pub mod briefing;
pub mod classroom;
pub mod debrief;
pub mod frontend;
pub mod help;
pub mod history;
pub mod keys;
pub mod library;
pub mod preview;
pub mod records;
pub mod run;
pub mod signals;
pub mod theme;
pub mod widgets;

use std::io;
use std::time::Instant;

use ratatui::crossterm::event::{self, Event};

// the classroom's own loop, until it runs through `frontend::run` like the others
use frontend::{enter_screen as init, leave_screen as restore, next_event, stopping};

/// Runs a classroom session until the instructor ends it; the terminal is restored as for `run`.
pub fn run_classroom(room: &mut classroom::Classroom, theme: theme::Palette) -> io::Result<()> {
    let mut terminal = init();
    let result = (|| {
        while !room.should_quit && !stopping() {
            terminal.draw(|frame| {
                frame.render_widget(
                    classroom::view::ClassroomView {
                        room,
                        theme: &theme,
                        width: 0,
                    },
                    frame.area(),
                )
            })?;
            if let Some(event) = next_event()? {
                match event {
                    Event::Key(key) if key.kind != event::KeyEventKind::Release => {
                        room.tick(Instant::now());
                        room.handle_key(key);
                    }
                    Event::Resize(..) => terminal.autoresize()?,
                    _ => {}
                }
            }
            room.tick(Instant::now());
        }
        Ok(())
    })();
    restore(terminal);
    result
}
