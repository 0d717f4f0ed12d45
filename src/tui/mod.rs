//! The full-screen front end (ratatui). Thin: keys become actions, actions drive the
//! engine, screens draw from state.

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
pub mod ui;

use std::io;
use std::time::{Duration, Instant};

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event, KeyCode, KeyModifiers};

use app::App;
use keys::action_for;

/// How often the screen redraws without input, for countdowns.
const TICK: Duration = Duration::from_millis(250);

/// Runs the app until it quits. The terminal is restored on every exit, panics included
/// (`ratatui::init` installs a panic hook that restores it first).
pub fn run(mut app: App) -> io::Result<()> {
    let mut terminal = init();
    let result = event_loop(&mut terminal, &mut app);
    app.store.leave();
    restore(terminal);
    result
}

/// Enters the full screen, catching the signals that would otherwise leave it broken.
fn init() -> DefaultTerminal {
    signals::watch();
    ratatui::init()
}

/// Hands the terminal back (cursor shown, alternate screen left); then, if a signal (or
/// Ctrl+C) ended the loop, exits with 128 + its number.
fn restore(terminal: DefaultTerminal) {
    drop(terminal);
    ratatui::restore();
    let _ = ratatui::crossterm::execute!(io::stdout(), ratatui::crossterm::cursor::Show);
    signals::exit_if_caught();
}

/// Whether a signal asks the loop to stop (the last save has already happened: every loop
/// saves after each change, and the player saves a rationale draft on every tick).
fn stopping() -> bool {
    signals::caught().is_some()
}

/// The next terminal event within one tick, if any. Shared by every full-screen loop so
/// each notices signals and treats Ctrl+C as an interrupt (exit status 130).
fn next_event() -> io::Result<Option<Event>> {
    if stopping() {
        return Ok(None);
    }
    match event::poll(TICK) {
        Ok(true) => {}
        Ok(false) => return Ok(None),
        // a caught signal can cut the wait short
        Err(e) if e.kind() == io::ErrorKind::Interrupted => return Ok(None),
        Err(e) => return Err(e),
    }
    let event = event::read()?;
    if let Event::Key(key) = &event
        && key.code == KeyCode::Char('c')
        && key.modifiers.contains(KeyModifiers::CONTROL)
    {
        signals::interrupt();
    }
    Ok(Some(event))
}

/// Runs the preview of one scenario file, reloading it when it is saved.
pub fn run_preview(preview: &mut preview::Preview) -> io::Result<()> {
    let mut terminal = init();
    let result = (|| {
        while !preview.app.should_quit && !stopping() {
            terminal.draw(|frame| frame.render_widget(&*preview, frame.area()))?;
            if let Some(event) = next_event()? {
                match event {
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
    preview.app.store.leave();
    restore(terminal);
    result
}

fn event_loop(terminal: &mut DefaultTerminal, app: &mut App) -> io::Result<()> {
    while !app.should_quit && !stopping() {
        terminal.draw(|frame| frame.render_widget(&*app, frame.area()))?;
        if app.exit_after_first_frame {
            break;
        }
        if let Some(open) = app.open_store_later.take() {
            // progress and the unfinished-run notice arrive on the very next frame
            app.store = open();
            continue;
        }

        if let Some(event) = next_event()? {
            match event {
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
