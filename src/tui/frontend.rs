//! The one way every full-screen front end runs (the library app, the classroom, the
//! author's preview): keys become `Action`s, the front end handles them, and the loop
//! draws only when something changed: an action, a resize, or a tick that says so (a
//! running countdown, a reloaded file). Idle screens cost nothing.

use std::io;
use std::time::{Duration, Instant};

use ratatui::DefaultTerminal;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture, Event,
    KeyCode, KeyModifiers,
};
use ratatui::crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen};
use ratatui::crossterm::{cursor, execute, terminal};
use ratatui::layout::Rect;

use super::hangup::{self, Waiting};
use super::keys::{Action, action_for, paste_action, wheel_action};
use super::signals;

/// How often time is offered to the front end when nothing happens (countdowns, draft saves, file polling).
pub const TICK: Duration = Duration::from_millis(250);

/// A full-screen front end. State changes only in `handle`, `tick` and `resized`;
/// `draw` reads state and writes pixels, nothing else.
pub trait FrontEnd {
    /// Whether a text field has focus, so letters are text rather than commands.
    fn typing(&self) -> bool;
    /// One action from the keyboard, at `now`.
    fn handle(&mut self, action: Action, now: Instant);
    /// Time has passed with no input. Returns whether the screen needs drawing again
    /// (a countdown moved, a file was reloaded, a deferred load finished).
    fn tick(&mut self, now: Instant) -> bool;
    /// The terminal's size changed (and once before the first frame), so key handling
    /// can know the screen is too small without reading the last frame.
    fn resized(&mut self, area: Rect);
    /// Whether the front end is done.
    fn should_quit(&self) -> bool;
    /// Draws the current state. Must not change it.
    fn draw(&self, area: Rect, buf: &mut Buffer, now: Instant);
    /// The program is ending (a quit or a signal): leave records tidy.
    fn leave(&mut self) {}
    /// Text the front end wants edited in the user's own editor, taken once. The loop
    /// hands the terminal over for it and back after.
    fn take_edit_request(&mut self) -> Option<String> {
        None
    }
    /// What came back from the editor: the new text, or why there is none.
    fn edited(&mut self, _result: Result<String, String>, _now: Instant) {}
}

/// Runs a front end until it quits or a signal stops it. The terminal is restored on
/// every exit, panics included (`ratatui::init` installs a hook that restores it first);
/// a caught signal (or Ctrl+C) then exits with 128 + its number.
pub fn run(front: &mut impl FrontEnd) -> io::Result<()> {
    let mut terminal = enter_screen();
    let result = (|| {
        let size = terminal.size()?;
        front.resized(Rect::new(0, 0, size.width, size.height));
        let mut dirty = true;
        while !front.should_quit() && !stopping() {
            if dirty {
                let now = Instant::now();
                terminal.draw(|frame| front.draw(frame.area(), frame.buffer_mut(), now))?;
                // time is offered once the frame is up, so work left until the first frame
                // is on screen (opening the records) starts at once, not a tick later
                dirty = front.tick(Instant::now());
                continue;
            }
            let action = match next_event()? {
                Some(Event::Key(key)) => action_for(key, front.typing()),
                // a paste arrives whole (bracketed paste), never as keys that could submit
                Some(Event::Paste(text)) => Some(paste_action(&text)),
                Some(Event::Mouse(mouse)) => wheel_action(mouse),
                Some(Event::Resize(width, height)) => {
                    terminal.autoresize()?;
                    front.resized(Rect::new(0, 0, width, height));
                    dirty = true;
                    None
                }
                Some(_) | None => None,
            };
            if let Some(action) = action {
                front.handle(action, Instant::now());
                dirty = true;
            }
            if let Some(text) = front.take_edit_request() {
                let result = hand_over(&mut terminal, || super::editor::edit(&text))?;
                front.edited(result, Instant::now());
                // the editor may have been used at another size
                let size = terminal.size()?;
                front.resized(Rect::new(0, 0, size.width, size.height));
                dirty = true;
            }
            dirty |= front.tick(Instant::now());
        }
        Ok(())
    })();
    front.leave();
    leave_screen(terminal);
    result
}

/// Enters the full screen, catching the signals that would otherwise leave it broken.
/// Bracketed paste makes a paste one event; mouse capture brings the wheel in (Shift+drag
/// still selects text in xterm, GNOME, Windows Terminal, and iTerm with Option).
pub(crate) fn enter_screen() -> DefaultTerminal {
    signals::watch();
    let terminal = ratatui::init();
    let _ = execute!(io::stdout(), EnableBracketedPaste, EnableMouseCapture);
    // ratatui's hook restores raw mode and the screen; the shell must not be left
    // receiving mouse reports or paste brackets after a panic either
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableBracketedPaste, DisableMouseCapture);
        hook(info);
    }));
    terminal
}

/// Lends the terminal to another program (an editor): the screen as the shell had it
/// while `work` runs, the full screen again after, redrawn from scratch.
fn hand_over<T>(terminal: &mut DefaultTerminal, work: impl FnOnce() -> T) -> io::Result<T> {
    execute!(
        io::stdout(),
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        cursor::Show
    )?;
    terminal::disable_raw_mode()?;
    let result = work();
    terminal::enable_raw_mode()?;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableBracketedPaste,
        EnableMouseCapture
    )?;
    // `resize` clears and forgets the last frame without asking the terminal where its
    // cursor is (`clear` does ask, and not every terminal answers)
    let size = terminal.size()?;
    terminal.resize(Rect::new(0, 0, size.width, size.height))?;
    Ok(result)
}

/// Hands the terminal back (cursor shown, alternate screen left); then, if a signal (or
/// Ctrl+C) ended the loop, exits with 128 + its number.
pub(crate) fn leave_screen(terminal: DefaultTerminal) {
    drop(terminal);
    let _ = execute!(io::stdout(), DisableBracketedPaste, DisableMouseCapture);
    ratatui::restore();
    let _ = execute!(io::stdout(), cursor::Show);
    signals::exit_if_caught();
}

/// Whether a signal asks the loop to stop (the last save has already happened: saves
/// follow every change, and a run's rationale draft is saved on the next tick).
pub(crate) fn stopping() -> bool {
    signals::caught().is_some()
}

/// The next terminal event within one tick, if any. Ctrl+C is raw input here, so it is
/// turned into the interrupt it would have been (exit status 130).
pub(crate) fn next_event() -> io::Result<Option<Event>> {
    let ready = match hangup::wait(Duration::ZERO) {
        // the terminal can be watched directly: never let crossterm read a hung-up one
        Some(Waiting::HungUp) => return Ok(hung_up()),
        Some(_) if crossterm_ready(Duration::ZERO)? => true,
        Some(_) => match hangup::wait(TICK) {
            Some(Waiting::HungUp) => return Ok(hung_up()),
            // input, or a signal (a resize among them) that crossterm may have turned into an event
            _ => crossterm_ready(Duration::ZERO)?,
        },
        None => crossterm_ready(TICK)?,
    };
    if !ready {
        return Ok(None);
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

/// Whether crossterm has an event within `timeout`.
fn crossterm_ready(timeout: Duration) -> io::Result<bool> {
    match event::poll(timeout) {
        Ok(ready) => Ok(ready),
        // a caught signal can cut the wait short
        Err(e) if e.kind() == io::ErrorKind::Interrupted => Ok(false),
        Err(e) => Err(e),
    }
}

/// Ends the loop as a SIGHUP would: there is nobody left to save for but the records.
fn hung_up() -> Option<Event> {
    signals::hung_up();
    None
}
