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
            ("wheel", "move through the cases (Shift+drag selects text)"),
        ],
        HelpFor::Briefing => vec![
            ("Enter", "begin the case"),
            (
                "m",
                "practice (feedback after each decision) or assessment (at the end)",
            ),
            ("c", "ask how sure you are (1–5) after each answer"),
            (
                "t",
                "timers: standard, extra time (+25/50/100%) or none (repeat to cycle)",
            ),
            ("↑ ↓", "scroll the briefing"),
            ("Esc", "back to the library"),
        ],
        HelpFor::Run => {
            let mut keys = vec![
                ("↑ ↓  j k", "move between options; scroll the feedback"),
                ("Enter", "choose / submit / continue"),
                ("Space", "tick or untick (tick-all-that-apply)"),
                ("1–9", "jump to an option (ticks it in a checklist)"),
                ("1–5  s", "how sure you are, or skip (when asked)"),
                ("PgUp PgDn", "scroll what you know so far"),
                ("wheel", "scroll (Shift+drag still selects text)"),
                ("Esc", "from a rationale or confidence: back to the choice"),
                ("", "(timed: while its time lasts); at a choice: leave (asks)"),
                ("", "A rationale is optional or required, as the case's"),
                ("", "author set; some decisions ask none and go straight on."),
                ("", "Rationale box: Enter submits; a paste keeps its lines"),
            ];
            keys.extend(super::widgets::rationale::KEYS.iter().copied());
            keys.push(("F1  Ctrl+Q", "help / quit while typing (? and q are text)"));
            keys
        }
        HelpFor::History => vec![
            ("↑ ↓", "move through your runs"),
            ("Enter", "the debrief of that run"),
            ("Esc  Tab", "back to the library"),
        ],
        HelpFor::Debrief => vec![
            ("↑ ↓  PgUp PgDn", "scroll"),
            ("g G  Home End", "to the top / to the bottom"),
            ("Tab  1–4", "decisions, scores, what happened, discussion"),
            ("w", "reflect: answer the discussion questions for your record"),
            ("r", "retry this run's decisions not in line, now (a drill)"),
            ("Enter", "in a reflection: next question; saves after the last"),
            ("Ctrl+J", "in a reflection: a new line"),
            ("x", "export the CPD record (Markdown) to <data folder>/exports"),
            ("Esc", "back to the library, or to History when opened from there"),
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
    lines.push(Line::styled(
        "↑ ↓ scroll · Esc, Enter or ? to close (F1 while typing)",
        theme.dim,
    ));
    Text::from(lines)
}
