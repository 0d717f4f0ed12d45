//! The presenter keys, as the help box lists them.

use ratatui::text::{Line, Span, Text};

use crate::tui::theme::Palette as Theme;

pub(super) fn help(theme: &Theme) -> Text<'static> {
    // short lines: the box must fit 80 columns without wrapping a row in two
    let rows = [
        ("Enter, →, Space, PgDn", "next (a clicker's forward button)"),
        ("←, PgUp, Backspace", "back"),
        ("↑ ↓, wheel, Home, End", "scroll; ▼ more shows there is more"),
        ("Tab", "take votes: letter +1, Shift+letter −1"),
        ("", "Tab again ends the votes"),
        ("=", "type a count: a letter, a number, Enter"),
        ("v", "show or hide the vote bars"),
        ("r", "reveal the officers' action and the finding"),
        ("d", "on a reveal: the full detail, or the summary"),
        ("z", "big text on or off"),
        ("t / 0", "start or pause the timer / reset it"),
        ("+ / -", "countdown target 30 s longer / shorter"),
        ("b or .", "blank the screen (any key brings it back)"),
        ("g", "the agenda: planned and elapsed minutes per case"),
        ("q", "end the session (asks first; only y ends)"),
    ];
    let mut lines: Vec<Line<'static>> = rows
        .iter()
        .map(|(k, v)| Line::from(vec![Span::styled(format!("{k:>21}  "), theme.key), Span::raw(*v)]))
        .collect();
    lines.push(Line::from(""));
    lines.push(Line::styled("Nothing is revealed until you press r.", theme.dim));
    Text::from(lines)
}
