//! The multi-line text box a rationale is typed in, and the only keys that edit it.
//! ratatui-textarea's own key map has emacs keys nobody is told about (Ctrl+J deleted the
//! line, Ctrl+U undid); here every key that edits is listed in `KEYS`, and the help and the
//! key bar show that list.

use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use crate::tui::keys::{Key, TextKey};

/// Every key the box takes, as the help lists them (Enter submits; the screen says so).
pub const KEYS: &[(&str, &str)] = &[
    ("Ctrl+J", "new line (Shift+Enter, Alt+Enter where they work)"),
    ("Ctrl+E", "edit in $VISUAL / $EDITOR, then back here"),
    ("← → ↑ ↓", "move; ↑ ↓ by screen line when wrapped"),
    ("Ctrl+← →", "move by word"),
    ("Home End", "start / end of the line"),
    ("Bksp Del", "delete a character"),
    ("Ctrl+W", "delete the word before the cursor"),
    ("Ctrl+Z / Y", "undo / redo"),
];

/// An empty box that wraps at word boundaries.
pub fn new_box() -> TextArea<'static> {
    let mut area = TextArea::default();
    area.set_wrap_mode(WrapMode::Word);
    area.set_placeholder_text("Type why you chose as you did…");
    area
}

/// The box's text, lines joined with `\n`.
pub fn text(area: &TextArea) -> String {
    area.lines().join("\n")
}

/// A box holding `text`, the cursor at its end.
pub fn with_text(text: &str) -> TextArea<'static> {
    let mut area = new_box();
    area.insert_str(text);
    area
}

/// Applies one key if it is a listed one. Returns whether the text changed.
pub fn edit(area: &mut TextArea, key: &TextKey) -> bool {
    let before = area.lines().to_vec();
    match (key.key, key.ctrl, key.alt) {
        (Key::Char(c), false, false) => area.insert_char(c),
        (Key::Enter, false, _) => area.insert_newline(),
        (Key::Char('w'), true, false) | (Key::Backspace, false, true) => {
            area.delete_word();
        }
        (Key::Backspace, false, false) => {
            area.delete_char();
        }
        (Key::Delete, false, false) => {
            area.delete_next_char();
        }
        (Key::Char('z'), true, false) => {
            area.undo();
        }
        (Key::Char('y'), true, false) => {
            area.redo();
        }
        (Key::Left, true, _) => area.move_cursor(CursorMove::WordBack),
        (Key::Right, true, _) => area.move_cursor(CursorMove::WordForward),
        (Key::Left, false, _) => area.move_cursor(CursorMove::Back),
        (Key::Right, false, _) => area.move_cursor(CursorMove::Forward),
        (Key::Up, _, _) => area.move_cursor(CursorMove::Up),
        (Key::Down, _, _) => area.move_cursor(CursorMove::Down),
        (Key::Home, true, _) => area.move_cursor(CursorMove::Top),
        (Key::End, true, _) => area.move_cursor(CursorMove::Bottom),
        (Key::Home, false, _) => area.move_cursor(CursorMove::Head),
        (Key::End, false, _) => area.move_cursor(CursorMove::End),
        _ => {}
    }
    area.lines() != before.as_slice()
}

/// Pasted text, inserted whole at the cursor, line breaks kept.
pub fn paste(area: &mut TextArea, text: &str) -> bool {
    // tabs would show as a run of spaces the width of the box's tab stops
    let text = text.replace('\t', " ");
    !text.is_empty() && area.insert_str(text)
}

/// Pasted text for a one-line field: line breaks become spaces.
pub fn one_line(text: &str) -> String {
    text.replace(['\n', '\r', '\t'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::widgets::Widget;

    fn key(key: Key, ctrl: bool) -> TextKey {
        TextKey {
            key,
            ctrl,
            alt: false,
            shift: false,
        }
    }

    #[test]
    fn ctrl_j_as_mapped_inserts_a_new_line_and_deletes_nothing() {
        let mut area = with_text("first line");
        let new_line = crate::tui::keys::NEW_LINE;
        assert!(edit(&mut area, &new_line));
        for c in "second".chars() {
            edit(&mut area, &key(Key::Char(c), false));
        }
        assert_eq!(text(&area), "first line\nsecond");
    }

    #[test]
    fn unlisted_control_keys_change_nothing() {
        let mut area = with_text("keep all of this");
        for c in ['u', 'k', 'h', 'd', 'j', 'm'] {
            assert!(!edit(&mut area, &key(Key::Char(c), true)), "Ctrl+{c}");
        }
        assert_eq!(text(&area), "keep all of this");
    }

    #[test]
    fn listed_keys_do_what_the_help_says() {
        let mut area = with_text("one two three");
        edit(&mut area, &key(Key::Char('w'), true));
        assert_eq!(text(&area), "one two ");
        edit(&mut area, &key(Key::Char('z'), true));
        assert_eq!(text(&area), "one two three");
        edit(&mut area, &key(Key::Char('y'), true));
        assert_eq!(text(&area), "one two ");
    }

    #[test]
    fn up_moves_by_screen_line_inside_one_wrapped_paragraph() {
        let mut area = with_text("alpha beta gamma delta epsilon zeta eta theta");
        let rect = Rect::new(0, 0, 12, 6);
        // the box learns its width when drawn
        (&area).render(rect, &mut Buffer::empty(rect));
        let ratatui_textarea::DataCursor(row, col) = area.cursor();
        edit(&mut area, &key(Key::Up, false));
        assert_eq!(area.cursor().0, row, "still the one logical line");
        assert!(area.cursor().1 < col, "but the cursor went up a screen line");
    }

    #[test]
    fn a_paste_keeps_its_lines_and_a_one_line_field_gets_spaces() {
        let mut area = new_box();
        assert!(paste(&mut area, "one\ntwo\nthree"));
        assert_eq!(area.lines(), ["one", "two", "three"]);
        assert_eq!(one_line("one\ntwo"), "one two");
    }
}
