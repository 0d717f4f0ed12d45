//! The full-screen front end (ratatui). Thin: keys become actions, actions drive the
//! engine, screens draw from state.

pub mod app;
pub mod briefing;
pub mod classroom;
pub mod debrief;
pub mod help;
pub mod history;
pub mod keys;
pub mod library;
pub mod preview;
pub mod records;
pub mod run;
pub mod theme;
pub mod ui;

use std::io;
use std::time::{Duration, Instant};

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event};

use app::App;
use keys::action_for;

/// How often the screen redraws without input, for countdowns.
const TICK: Duration = Duration::from_millis(250);

/// Runs the app until it quits. The terminal is restored on every exit, panics included
/// (`ratatui::init` installs a panic hook that restores it first).
pub fn run(mut app: App) -> io::Result<()> {
    let mut terminal = ratatui::init();
    let result = event_loop(&mut terminal, &mut app);
    ratatui::restore();
    result
}

/// Runs a classroom session until the instructor ends it; the terminal is restored as for `run`.
pub fn run_classroom(room: &mut classroom::Classroom, theme: theme::Theme) -> io::Result<()> {
    let mut terminal = ratatui::init();
    let result = (|| {
        while !room.should_quit {
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
            if event::poll(TICK)? {
                match event::read()? {
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
    ratatui::restore();
    result
}

/// Runs the preview of one scenario file, reloading it when it is saved.
pub fn run_preview(preview: &mut preview::Preview) -> io::Result<()> {
    let mut terminal = ratatui::init();
    let result = (|| {
        while !preview.app.should_quit {
            terminal.draw(|frame| frame.render_widget(&*preview, frame.area()))?;
            if event::poll(TICK)? {
                match event::read()? {
                    Event::Key(key) => {
                        if let Some(action) = action_for(key, preview.app.typing() && !preview.is_broken()) {
                            preview.app.now = Instant::now();
                            preview.handle(action);
                        }
                    }
                    Event::Resize(..) => terminal.autoresize()?,
                    _ => {}
                }
            }
            preview.app.tick(Instant::now());
            preview.reload_if_changed(Instant::now());
        }
        Ok(())
    })();
    ratatui::restore();
    result
}

fn event_loop(terminal: &mut DefaultTerminal, app: &mut App) -> io::Result<()> {
    while !app.should_quit {
        terminal.draw(|frame| frame.render_widget(&*app, frame.area()))?;
        if app.exit_after_first_frame {
            break;
        }
        if let Some(open) = app.open_store_later.take() {
            // progress and the unfinished-run notice arrive on the very next frame
            app.store = open();
            continue;
        }

        if event::poll(TICK)? {
            match event::read()? {
                Event::Key(key) => {
                    if let Some(action) = action_for(key, app.typing()) {
                        app.now = Instant::now();
                        app.handle(action);
                    }
                }
                Event::Resize(..) => terminal.autoresize()?,
                _ => {}
            }
        }
        app.tick(Instant::now());
    }
    Ok(())
}
