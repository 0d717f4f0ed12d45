//! Drawing the debrief: the header, the tabs, each tab's scrolling panel, the reflection's
//! boxes when open, and the key bar. Reads state only.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Paragraph, Tabs, Widget, Wrap};

use super::{DebriefState, Origin, Tab, compare, scores};
use crate::tui::theme::Palette;
use crate::tui::widgets::keys_fit::{RankedKey, fit_keys};
use crate::tui::widgets::{centered, clean, key_bar, modal, panel, truncate, with_key_bar};
use crate::wrap;

pub struct DebriefView<'a> {
    pub state: &'a DebriefState,
    pub theme: &'a Palette,
}

impl Widget for DebriefView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let state = self.state;
        buf.set_style(area, theme.base);
        let (body, bar) = with_key_bar(area);
        let message = state.message.as_deref().map(|m| {
            let style = if m.starts_with('⚠') {
                theme.warning
            } else {
                theme.good
            };
            Paragraph::new(Line::styled(clean(m), style)).wrap(Wrap { trim: false })
        });
        let message_rows = message
            .as_ref()
            .map_or(0, |m| u16::try_from(m.line_count(area.width)).unwrap_or(3).min(3));
        let [header, tabs, main, note] = Layout::vertical([
            Constraint::Length(2),
            Constraint::Length(1),
            Constraint::Min(3),
            Constraint::Length(message_rows),
        ])
        .areas(body);
        if let Some(message) = message {
            message.render(note, buf);
        }
        self.header(header, buf);
        let index = Tab::ALL.iter().position(|t| *t == state.tab).unwrap_or(0);
        Tabs::new(Tab::ALL.iter().map(|t| t.title()))
            .select(index)
            .style(theme.dim)
            .highlight_style(theme.selected)
            .divider("│")
            .render(tabs, buf);
        if let Some(reflection) = &state.reflection {
            let block = panel(
                Span::styled(" Reflection: for your CPD record ", theme.heading),
                true,
                theme,
            );
            let inner = block.inner(main);
            block.render(main, buf);
            reflection.render(inner, buf, theme);
        } else {
            let (title, text) = match state.tab {
                Tab::Decisions => (
                    " Your decisions beside the officers and the source ",
                    // a column spare for the scrollbar on the border, so text never touches it
                    Text::from(compare::lines(
                        &state.debrief.items,
                        &asks_no_rationale(&state.scenario),
                        main.width.saturating_sub(3),
                        theme,
                    )),
                ),
                Tab::Scores => (
                    " Scores ",
                    Text::from(scores::lines(&state.debrief, main.width.saturating_sub(2), theme)),
                ),
                Tab::Outcome => (" What happened ", self.outcome(main.width.saturating_sub(2))),
                Tab::Discussion => (" For discussion ", self.discussion(main.width.saturating_sub(2))),
            };
            state.scroll.render(
                text,
                panel(Span::styled(title, theme.heading), true, theme),
                main,
                buf,
            );
        }
        // at narrow widths the least needed keys are left out whole (the help lists them all)
        Paragraph::new(key_bar(&fit_keys(&self.keys(), bar.width), theme)).render(bar, buf);
        if state.offering {
            let body = Text::from(vec![
                Line::styled("Reflect before you go?", theme.heading),
                Line::from(""),
                Line::from("Answer the discussion questions for your CPD record. It is optional."),
                Line::from(""),
                Line::from(vec![
                    Span::styled("w", theme.key),
                    Span::raw(" / Enter: reflect    "),
                    Span::styled("Esc", theme.key),
                    Span::raw(": leave"),
                ]),
            ]);
            modal(centered(area, 60, 9), buf, "Reflection", body, theme);
        }
    }
}

impl DebriefView<'_> {
    /// The case's title, cut with an ellipsis only where the width runs out, and the totals.
    fn header(&self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let total = &self.state.debrief.total;
        let title = truncate(
            &format!("Debrief: {}", clean(&self.state.scenario.title)),
            usize::from(area.width),
        );
        let decisions = match total.decisions {
            1 => "judged decision",
            _ => "judged decisions",
        };
        let summary = format!(
            "{decisions} in line, {} partly · score {} of {} points ({}%){}",
            total.partly,
            total.points,
            total.max_points(),
            total.percent(),
            match total.not_judged {
                0 => String::new(),
                n => format!(" · {n} not judged"),
            }
        );
        Paragraph::new(vec![
            Line::styled(title, theme.title),
            Line::from(vec![
                Span::styled(format!("{} of {} ", total.in_line, total.decisions), theme.good),
                Span::raw(truncate(
                    &summary,
                    usize::from(area.width)
                        .saturating_sub(wrap::width(&format!("{} of {} ", total.in_line, total.decisions))),
                )),
            ]),
        ])
        .render(area, buf);
    }

    fn keys(&self) -> Vec<RankedKey<'static>> {
        let state = self.state;
        if let Some(reflection) = &state.reflection {
            let last = reflection.at + 1 >= state.scenario.discussion.len();
            return vec![
                ("Enter", if last { "save" } else { "next question" }, 0),
                ("Ctrl+J", "new line", 0),
                ("Tab/Shift+Tab", "questions", 1),
                ("Esc", "back (not saved)", 0),
            ];
        }
        let back = match state.origin {
            Origin::History { .. } => "history",
            Origin::Home => "library",
        };
        let mut keys = vec![("↑↓ PgDn", "scroll", 3), ("Tab 1-4", "tabs", 2)];
        if state.can_reflect() {
            keys.push(("w", "reflect", 1));
        }
        keys.extend([
            ("x", "export", 1),
            ("r", "retry missed", 1),
            ("Esc", back, 0),
            ("?", "help", 0),
            ("q", "quit", 0),
        ]);
        keys
    }

    fn outcome(&self, width: u16) -> Text<'static> {
        let theme = self.theme;
        let s = &self.state.scenario;
        let mut lines = vec![Line::styled("What happened", theme.heading)];
        lines.extend(crate::tui::widgets::styled_lines(
            &s.outcome.what_happened,
            theme.base,
        ));
        section(
            &mut lines,
            "Outcomes for the officers",
            &s.outcome.officers,
            width,
            theme,
        );
        section(
            &mut lines,
            "The force's actions and learning",
            &s.outcome.learning,
            width,
            theme,
        );
        if !s.outcome.investigator_notes.is_empty() {
            section(
                &mut lines,
                "The investigator's notes for all forces",
                &s.outcome.investigator_notes,
                width,
                theme,
            );
        }
        if !s.source_notes.is_empty() {
            section(&mut lines, "Source notes", &s.source_notes, width, theme);
        }
        lines.push(Line::from(""));
        lines.push(Line::styled(
            format!("Source: {}", clean(&s.source_line())),
            theme.dim,
        ));
        Text::from(lines)
    }

    /// The questions, each with the trainee's answer when there is one.
    fn discussion(&self, width: u16) -> Text<'static> {
        let theme = self.theme;
        let s = &self.state.scenario;
        let mut lines = vec![Line::styled("Could it happen here?", theme.title), Line::from("")];
        for (i, q) in s.discussion.iter().enumerate() {
            let number = format!("{}. ", i + 1);
            let pad = " ".repeat(number.len());
            for (j, line) in wrap::lines(&clean(q), usize::from(width), &number, &pad)
                .into_iter()
                .enumerate()
            {
                lines.push(if j == 0 {
                    Line::from(vec![
                        Span::styled(number.clone(), theme.accent),
                        Span::raw(line[number.len()..].to_string()),
                    ])
                } else {
                    Line::raw(line)
                });
            }
            if let Some(answer) = self.state.answers.iter().find(|a| a.question == *q) {
                let label = format!("{pad}Your answer: ");
                let under = " ".repeat(wrap::width(&label));
                for line in wrap::lines(&clean(&answer.answer), usize::from(width), &label, &under) {
                    lines.push(Line::styled(line, theme.good));
                }
            }
            lines.push(Line::from(""));
        }
        if s.discussion.is_empty() {
            lines.push(Line::from("The source gives no questions for discussion."));
        } else if self.state.answers.is_empty() {
            lines.push(Line::styled(
                "Press w to answer these for your CPD record; x exports the record.",
                theme.dim,
            ));
        }
        Text::from(lines)
    }
}

/// A heading and its bullets, each bullet wrapped with its later lines under its text.
fn section(lines: &mut Vec<Line<'static>>, heading: &str, items: &[String], width: u16, theme: &Palette) {
    lines.push(Line::from(""));
    lines.push(Line::styled(heading.to_string(), theme.heading));
    if items.is_empty() {
        lines.push(Line::styled("(none given in the source)", theme.dim));
    }
    for item in items {
        lines.extend(
            wrap::lines(&clean(item), usize::from(width), "• ", "  ")
                .into_iter()
                .map(Line::raw),
        );
    }
}

/// The decisions that ask for no rationale: "(none given)" would read as if one was skipped.
fn asks_no_rationale(scenario: &crate::scenario::Scenario) -> Vec<String> {
    scenario
        .decisions()
        .filter(|d| d.rationale == crate::scenario::RationalePrompt::No)
        .map(|d| d.id.clone())
        .collect()
}
