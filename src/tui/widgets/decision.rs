//! Everything the full screen does differently per kind of decision: how its options are
//! laid out (a list, a checklist, a ladder), where the cursor starts, which keys tick or
//! submit, and the key bar. A new kind is drawn and answered here and nowhere else in the
//! TUI; the matches are exhaustive so the compiler points here.

use ratatui::text::Line;

use super::text::{clean, hanging_lines};
use crate::engine::{Asked, Input};
use crate::scenario::DecisionKind;
use crate::tui::theme::Palette;

/// Row order of options: Scale grades highest first (a ladder), others as shown.
pub fn display_order(asked: &Asked) -> Vec<usize> {
    let mut rows: Vec<usize> = (0..asked.options.len()).collect();
    match asked.kind {
        DecisionKind::Scale => rows.reverse(),
        DecisionKind::Single | DecisionKind::Multiple => {}
    }
    rows
}

/// Where the cursor starts. A scale starts in the middle, so the starting point suggests no grade.
pub fn first_cursor(asked: &Asked) -> usize {
    match asked.kind {
        DecisionKind::Scale => asked.options.len() / 2,
        DecisionKind::Single | DecisionKind::Multiple => 0,
    }
}

/// Whether choosing an option ticks it (Space, or its number) rather than answering.
pub fn ticks(kind: DecisionKind) -> bool {
    match kind {
        DecisionKind::Multiple => true,
        DecisionKind::Single | DecisionKind::Scale => false,
    }
}

/// What Enter sends with the option under the cursor.
pub fn enter(kind: DecisionKind, option: String) -> Input {
    match kind {
        DecisionKind::Single => Input::Choose(option),
        DecisionKind::Scale => Input::Grade(option),
        DecisionKind::Multiple => Input::Submit,
    }
}

/// The options as lines `width` columns wide, the cursor's row highlighted.
pub fn option_lines(asked: &Asked, cursor: usize, width: u16, theme: &Palette) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let ladder = match asked.kind {
        DecisionKind::Scale => true,
        DecisionKind::Single | DecisionKind::Multiple => false,
    };
    if ladder {
        lines.push(Line::styled("  ▲ higher", theme.dim));
    }
    for i in display_order(asked) {
        let Some(option) = asked.options.get(i) else {
            continue;
        };
        let selected = i == cursor;
        let mark = match asked.kind {
            DecisionKind::Multiple if asked.ticked.contains(&option.id) => "[x] ",
            DecisionKind::Multiple => "[ ] ",
            DecisionKind::Scale => "│ ",
            DecisionKind::Single => "",
        };
        let pointer = if selected { "▶ " } else { "  " };
        let label = format!("{pointer}{}. {mark}", i + 1);
        let style = if selected { theme.selected } else { theme.base };
        lines.extend(hanging_lines(&label, &clean(&option.text), width, style));
    }
    if ladder {
        lines.push(Line::styled("  ▼ lower", theme.dim));
    }
    lines
}

/// The key bar while a decision of this kind is asked.
pub fn keys(kind: DecisionKind) -> Vec<(&'static str, &'static str)> {
    match kind {
        DecisionKind::Multiple => vec![
            ("↑↓", "move"),
            ("Space", "tick"),
            ("Enter", "submit"),
            ("PgUp", "earlier"),
            ("?", "help"),
            ("q", "quit"),
        ],
        DecisionKind::Single | DecisionKind::Scale => vec![
            ("↑↓", "move"),
            ("Enter", "choose"),
            ("1-9", "jump"),
            ("PgUp", "earlier"),
            ("?", "help"),
            ("q", "quit"),
        ],
    }
}
