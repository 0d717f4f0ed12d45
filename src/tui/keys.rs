//! Keys become `Action`s; screens only ever see actions. Arrows and vim keys both work.
//! A paste arrives whole, as `Action::Paste`, and the mouse wheel as `ScrollUp`/`ScrollDown`:
//! neither ever becomes keypresses.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEvent, MouseEventKind};
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
    /// A key for a text field (search box, rationale, a typed tally). A new line in the
    /// rationale is `Key::Enter` here (Ctrl+J, or Shift/Alt+Enter where the terminal tells).
    Text(TextKey),
    /// Pasted text, whole, with line endings made `\n`. Text fields take it as text; every
    /// other place ignores it, so a paste never presses keys.
    Paste(String),
    /// The mouse wheel: scroll the panel in view, like ↑/↓ there.
    ScrollUp,
    ScrollDown,
    /// Ctrl+E while typing a rationale: edit it in `$VISUAL`/`$EDITOR`.
    Editor,
}

/// A new line in a multi-line text field.
pub const NEW_LINE: TextKey = TextKey {
    key: Key::Enter,
    ctrl: false,
    alt: false,
    shift: false,
};

/// Pasted text as an action: CRLF and lone CR become LF, so a paste from Windows or an
/// old Mac document breaks lines the same way.
pub fn paste_action(text: &str) -> Action {
    Action::Paste(text.replace("\r\n", "\n").replace('\r', "\n"))
}

/// The mouse wheel, if this mouse event is one; clicks and moves are ignored.
pub fn wheel_action(mouse: MouseEvent) -> Option<Action> {
    match mouse.kind {
        MouseEventKind::ScrollUp => Some(Action::ScrollUp),
        MouseEventKind::ScrollDown => Some(Action::ScrollDown),
        _ => None,
    }
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
        let plain_enter = !key.modifiers.intersects(KeyModifiers::ALT | KeyModifiers::SHIFT);
        return Some(match key.code {
            KeyCode::Esc => Action::Back,
            KeyCode::Enter if plain_enter => Action::Enter,
            // Ctrl+J is a line feed, which reaches the program in raw mode in every terminal;
            // Shift+Enter and Alt+Enter only where the terminal reports them
            KeyCode::Enter => Action::Text(NEW_LINE),
            KeyCode::Char('j') if ctrl => Action::Text(NEW_LINE),
            KeyCode::Char('e') if ctrl => Action::Editor,
            KeyCode::Char('q') if ctrl => Action::Quit,
            KeyCode::F(1) => Action::Help,
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
    fn ctrl_j_shift_and_alt_enter_are_a_new_line_and_enter_submits() {
        for (code, modifiers) in [
            (KeyCode::Char('j'), KeyModifiers::CONTROL),
            (KeyCode::Enter, KeyModifiers::SHIFT),
            (KeyCode::Enter, KeyModifiers::ALT),
        ] {
            let action = action_for(KeyEvent::new(code, modifiers), true);
            assert_eq!(action, Some(Action::Text(NEW_LINE)), "{code:?} {modifiers:?}");
        }
        assert_eq!(action_for(key(KeyCode::Enter), true), Some(Action::Enter));
    }

    #[test]
    fn pasted_line_endings_become_new_lines() {
        assert_eq!(
            paste_action("one\r\ntwo\rthree\nfour"),
            Action::Paste("one\ntwo\nthree\nfour".into())
        );
    }

    #[test]
    fn ctrl_c_always_quits() {
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(action_for(ctrl_c, true), Some(Action::ForceQuit));
        assert_eq!(action_for(ctrl_c, false), Some(Action::ForceQuit));
    }
}
