//! The presenter keys, as the help box lists them.

use ratatui::text::{Line, Span, Text};

use crate::tui::theme::Palette as Theme;

pub(super) fn help(theme: &Theme) -> Text<'static> {
    let rows = [
        (
            "Enter → Space",
            "next: briefing, story, reveal, outcome, questions",
        ),
        (
            "← Backspace p",
            "back, past a reveal too (its answer is taken back)",
        ),
        ("↑ ↓ wheel", "scroll the story (Shift+drag selects text)"),
        ("A B C …", "on a question: a vote for that option"),
        ("Tab", "votes: +1, Shift −1; Tab, Enter or Esc ends"),
        ("=", "type a count: B12, or p12 people on a checklist"),
        ("#", "the room size: a number, then Enter"),
        ("v", "show or hide the vote bars"),
        ("r", "reveal (Enter too; asks first if nobody voted)"),
        ("o", "asked which way: follow what the officers did"),
        ("t / 0", "start or pause the discussion timer / reset it"),
        ("b .", "blank the screen (on a question only .)"),
        ("q", "end the session (asks first; only y ends)"),
    ];
    let mut lines: Vec<Line<'static>> = rows
        .iter()
        .map(|(k, v)| Line::from(vec![Span::styled(format!("{k:>14}  "), theme.key), Span::raw(*v)]))
        .collect();
    lines.push(Line::from(""));
    lines.push(Line::styled(
        "Nothing is revealed until you press r or Enter.",
        theme.dim,
    ));
    Text::from(lines)
}
