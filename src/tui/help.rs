//! The `?` overlay: the keys for the screen in view, and what the program is.

use ratatui::text::{Line, Span, Text};

use super::theme::Palette;

/// Which screen's keys to list. The app says which; this module knows no screens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HelpFor {
    Library,
    Briefing,
    Run,
    History,
    Debrief,
}

pub fn text(screen: HelpFor, theme: &Palette) -> Text<'static> {
    let mut keys: Vec<(&str, &str)> = match screen {
        HelpFor::Library => vec![
            ("↑ ↓  j k", "move through the cases"),
            ("Enter", "open the case's briefing"),
            ("/", "search titles, forces and topics"),
            (
                "t / r",
                "filter by topic / by the role you play (repeat to cycle)",
            ),
            ("Esc", "clear the filters"),
            ("c", "continue your most recent unfinished run"),
            ("d", "drill: re-ask missed decisions that are due today"),
            ("D", "drill now: every decision not yet learnt, due or not"),
            ("Tab", "your history: past runs and a trend per topic"),
            ("PgUp PgDn", "scroll the case detail"),
        ],
        HelpFor::Briefing => vec![
            ("Enter", "begin the case"),
            (
                "m",
                "practice (feedback after each decision) or assessment (at the end)",
            ),
            ("c", "ask how sure you are (1–5) after each answer"),
            ("↑ ↓", "scroll the briefing"),
            ("Esc", "back to the library"),
        ],
        HelpFor::Run => vec![
            ("↑ ↓  j k", "move between options"),
            ("Enter", "choose / submit / continue"),
            ("Space", "tick or untick (tick-all-that-apply decisions)"),
            ("1–9", "jump to an option (ticks it in a checklist)"),
            ("PgUp PgDn", "scroll what you know so far"),
            ("Alt+Enter", "new line in a rationale"),
            ("Esc", "leave the run (asks first)"),
        ],
        HelpFor::History => vec![
            ("↑ ↓", "move through your runs"),
            ("Enter", "the debrief of that run"),
            ("Esc  Tab", "back to the library"),
        ],
        HelpFor::Debrief => vec![
            ("↑ ↓", "choose a decision, or scroll"),
            ("Enter", "open or close a decision's detail"),
            ("Tab  1–4", "decisions, scores, what happened, discussion"),
            ("r", "retry this run's decisions not in line, now (a drill)"),
            ("Esc", "back to the library"),
        ],
    };
    keys.extend([
        ("?", "this help"),
        ("q", "quit (asks first during a run)"),
        ("Ctrl+C", "quit at once"),
    ]);
    let mut lines = Vec::new();
    for (key, what) in keys {
        lines.push(Line::from(vec![
            Span::styled(format!("{key:>11}  "), theme.key),
            Span::raw(what),
        ]));
    }
    lines.push(Line::from(""));
    lines.push(Line::styled("About", theme.heading));
    lines.push(Line::from(
        "Every case is real, and every finding is quoted from the published IOPC or IPCC summary. \
         Nothing is invented: where the source is silent, the case says so.",
    ));
    lines.push(Line::from(""));
    lines.push(Line::styled("Esc or ? to close", theme.dim));
    Text::from(lines)
}
