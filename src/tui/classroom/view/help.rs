//! The presenter keys, as the help box lists them.

use ratatui::text::{Line, Span, Text};

use crate::tui::theme::Palette as Theme;

pub(super) fn help(theme: &Theme) -> Text<'static> {
    // short lines: the box must fit 80 columns without wrapping a row in two
    let rows = [
        (
            "Enter, →, Space, PgDn",
            "next; on a question, reveal (asks if no votes)",
        ),
        (
            "←, PgUp, Backspace, p",
            "back, past a reveal too (its answer taken back)",
        ),
        ("↑ ↓, wheel, End", "scroll; ▼ more shows there is more"),
        ("A B C …", "on a question: a vote for that option"),
        ("Tab", "votes: +1, Shift −1; Tab, Enter or Esc ends"),
        ("=", "type a count: B12, or p12 people on a checklist"),
        ("#", "the room size: a number, then Enter"),
        ("v", "show or hide the vote bars"),
        ("r", "reveal the officers' action and the finding"),
        ("o", "asked which way: follow what the officers did"),
        ("d", "on a reveal: the full detail, or the summary"),
        ("z", "big text on or off"),
        ("t / 0", "start or pause the timer / reset it"),
        ("+ / -", "countdown target 30 s longer / shorter"),
        ("b or .", "blank the screen (on a question only .)"),
        ("g or Home", "the agenda: planned and elapsed minutes"),
        ("q", "end the session (asks first; only y ends)"),
    ];
    let mut lines: Vec<Line<'static>> = rows
        .iter()
        .map(|(k, v)| Line::from(vec![Span::styled(format!("{k:>21}  "), theme.key), Span::raw(*v)]))
        .collect();
    lines.push(Line::from(""));
    lines.push(Line::styled(
        "Nothing is revealed until you press r or Enter.",
        theme.dim,
    ));
    Text::from(lines)
}
