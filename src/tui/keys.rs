//! Keys become `Action`s; screens only ever see actions. Arrows and vim keys both work.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
/// A key for a text field, in the text widget's own terms (no terminal library's types).
pub use ratatui_textarea::{Input as TextKey, Key};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    Enter,
    Space,
    Tab,
    BackTab,
    /// Esc: leave the current mode or go back a screen.
    Back,
    /// `q`: quit, asking first when a run is unfinished.
    Quit,
    /// Ctrl+C: quit now (runs are saved after every answer).
    ForceQuit,
    Help,
    /// Any other printable key, for screen-specific commands (`t`, `m`, `1`–`5` …).
    Char(char),
    /// A key for a text field (search box, rationale, a typed tally).
    Text(TextKey),
}

/// Maps a key press. `typing` is true while a text field has focus, so letters are text.
pub fn action_for(key: KeyEvent, typing: bool) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl && key.code == KeyCode::Char('c') {
        return Some(Action::ForceQuit);
    }
    if typing {
        return Some(match key.code {
            KeyCode::Esc => Action::Back,
            KeyCode::Enter if !key.modifiers.contains(KeyModifiers::ALT) => Action::Enter,
            KeyCode::Tab => Action::Tab,
            KeyCode::BackTab => Action::BackTab,
            _ => Action::Text(TextKey::from(key)),
        });
    }
    Some(match key.code {
        KeyCode::Up | KeyCode::Char('k') => Action::Up,
        KeyCode::Down | KeyCode::Char('j') => Action::Down,
        KeyCode::Left | KeyCode::Char('h') | KeyCode::Backspace => Action::Left,
        KeyCode::Right | KeyCode::Char('l') => Action::Right,
        KeyCode::PageUp => Action::PageUp,
        KeyCode::PageDown => Action::PageDown,
        KeyCode::Char('u') if ctrl => Action::PageUp,
        KeyCode::Char('d') if ctrl => Action::PageDown,
        KeyCode::Home | KeyCode::Char('g') => Action::Home,
        KeyCode::End | KeyCode::Char('G') => Action::End,
        KeyCode::Enter => Action::Enter,
        KeyCode::Char(' ') => Action::Space,
        KeyCode::Tab => Action::Tab,
        KeyCode::BackTab => Action::BackTab,
        KeyCode::Esc => Action::Back,
        KeyCode::Char('q') => Action::Quit,
        KeyCode::Char('?') | KeyCode::F(1) => Action::Help,
        KeyCode::Char(c) if !ctrl => Action::Char(c),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn vim_keys_and_arrows_agree() {
        assert_eq!(action_for(key(KeyCode::Char('j')), false), Some(Action::Down));
        assert_eq!(action_for(key(KeyCode::Down), false), Some(Action::Down));
        assert_eq!(action_for(key(KeyCode::Char('k')), false), Some(Action::Up));
    }

    #[test]
    fn letters_are_text_while_typing() {
        assert!(matches!(
            action_for(key(KeyCode::Char('q')), true),
            Some(Action::Text(_))
        ));
        assert_eq!(action_for(key(KeyCode::Char('q')), false), Some(Action::Quit));
        assert_eq!(action_for(key(KeyCode::Esc), true), Some(Action::Back));
    }

    #[test]
    fn ctrl_c_always_quits() {
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(action_for(ctrl_c, true), Some(Action::ForceQuit));
        assert_eq!(action_for(ctrl_c, false), Some(Action::ForceQuit));
    }
}
