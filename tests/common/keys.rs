//! Driving the full-screen app as a user would: keys named as words go through the real
//! keymap, and the screen is drawn to text.

use lessons::tui::app::App;
use lessons::tui::frontend::FrontEnd;
use lessons::tui::keys::action_for;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// One key as a word ("Enter", "Down", "Up", "Left", "Space", "Esc", "Tab", "PgUp", "PgDn",
/// "Backspace", "Ctrl+C"),
/// `text:…` for typed text, or anything else typed character by character.
pub fn events(key: &str) -> Vec<KeyEvent> {
    let code = match key {
        "Enter" => KeyCode::Enter,
        "Down" => KeyCode::Down,
        "Up" => KeyCode::Up,
        "Left" => KeyCode::Left,
        "Space" => KeyCode::Char(' '),
        "Esc" => KeyCode::Esc,
        "Tab" => KeyCode::Tab,
        "PgUp" => KeyCode::PageUp,
        "PgDn" => KeyCode::PageDown,
        "Backspace" => KeyCode::Backspace,
        "Ctrl+C" => return vec![KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)],
        typed => {
            return typed
                .strip_prefix("text:")
                .unwrap_or(typed)
                .chars()
                .map(|c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
                .collect();
        }
    };
    vec![KeyEvent::new(code, KeyModifiers::NONE)]
}

/// Presses each key (see [`events`]) on the app, through the keymap.
pub fn press(app: &mut App, keys: &[&str]) {
    for event in keys.iter().flat_map(|key| events(key)) {
        if let Some(action) = action_for(event, app.typing()) {
            let now = app.now;
            app.handle(action, now);
        }
    }
}

/// The app drawn into a `width`×`height` buffer, as text.
pub fn screen(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|f| app.draw(f.area(), f.buffer_mut(), app.now))
        .unwrap();
    terminal.backend().to_string()
}
