//! The presenter keys, as the help box lists them.

use ratatui::text::{Line, Span, Text};

use crate::tui::theme::Palette as Theme;

pub(super) fn help(theme: &Theme) -> Text<'static> {
    let rows = [
        (
            "Enter → Space",
            "next: briefing, story, reveal, outcome, questions",
        ),
        ("← Backspace", "back"),
        ("↑ ↓ wheel", "scroll the story (Shift+drag selects text)"),
        ("Tab", "take votes: letters add, Shift+letter removes, Tab ends"),
        ("=", "type a count: a letter then a number, then Enter"),
        ("v", "show or hide the vote bars"),
        ("r", "reveal the officers' action and the finding"),
        ("t / 0", "start or pause the discussion timer / reset it"),
        ("b", "blank the screen (any key brings it back)"),
        ("g", "the agenda: planned and elapsed minutes per case"),
        ("q", "end the session (asks first; only y ends)"),
    ];
    let mut lines: Vec<Line<'static>> = rows
        .iter()
        .map(|(k, v)| Line::from(vec![Span::styled(format!("{k:>14}  "), theme.key), Span::raw(*v)]))
        .collect();
    lines.push(Line::from(""));
    lines.push(Line::styled("Nothing is revealed until you press r.", theme.dim));
    Text::from(lines)
}
