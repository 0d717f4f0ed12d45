//! The classroom screens: few words, large margins, high contrast, no colour needed.
//! Meaning is carried by words and symbols (✓ ◐ ✗) so a washed-out projector loses nothing.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Clear, Paragraph, Widget, Wrap};

use std::time::Instant;

mod help;
mod question;
mod reveal;
mod settle;
mod text;
mod votes;

use super::{Classroom, Modal, Stage};
use crate::scenario::Scenario;
use crate::tui::theme::Palette as Theme;
use crate::tui::widgets::{centered, clean, is_too_small, modal, render_too_small};
use help::help;
use text::paragraphs;

pub struct ClassroomView<'a> {
    room: &'a Classroom,
    theme: &'a Theme,
    /// When the frame is drawn, for the timer.
    now: Instant,
    /// Width of the text column, for hanging indents (set when rendering).
    width: usize,
}

impl<'a> ClassroomView<'a> {
    pub fn new(room: &'a Classroom, theme: &'a Theme, now: Instant) -> Self {
        ClassroomView {
            room,
            theme,
            now,
            width: 0,
        }
    }
}

impl Widget for ClassroomView<'_> {
    fn render(mut self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        buf.set_style(area, theme.base);
        if self.room.modal == Modal::Blank {
            Clear.render(area, buf);
            buf.set_style(area, theme.base);
            return;
        }
        if is_too_small(area) {
            render_too_small(area, buf, theme);
            return;
        }
        // generous margins: the room reads from a distance
        let margin_x = if area.width >= 120 { area.width / 10 } else { 2 };
        let margin_y = if area.height >= 40 { 2 } else { 0 };
        let inner = Rect::new(
            area.x + margin_x,
            area.y + margin_y,
            area.width.saturating_sub(margin_x * 2),
            area.height.saturating_sub(margin_y * 2),
        );
        let [header, body, footer] =
            Layout::vertical([Constraint::Length(2), Constraint::Min(3), Constraint::Length(1)]).areas(inner);
        self.width = body.width as usize;
        self.header(header, buf);
        let text = match self.room.scenario() {
            Some(s) => self.body(s),
            None => Text::from("No cases in this session."),
        };
        Paragraph::new(text)
            .wrap(Wrap { trim: false })
            .scroll((self.room.scroll, 0))
            .render(body, buf);
        Paragraph::new(Line::styled(self.footer_keys(), theme.dim)).render(footer, buf);
        if self.room.modal == Modal::Help {
            modal(centered(area, 70, 20), buf, "Presenter keys", help(theme), theme);
        } else if self.room.modal == Modal::ConfirmQuit {
            let body = Text::from(vec![
                Line::styled("End the session?", theme.heading),
                Line::from(""),
                Line::from("The room's votes are saved after every change."),
                Line::from(""),
                Line::from("y: end    any other key (Enter too): stay"),
            ]);
            modal(centered(area, 52, 9), buf, "End", body, theme);
        } else if let Modal::Settle(prompt) = &self.room.modal {
            self.settle_prompt(prompt, area, buf);
        }
    }
}

impl ClassroomView<'_> {
    fn header(&self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let room = self.room;
        let case = format!(
            "Case {} of {}",
            (room.case + 1).min(room.plan.len()),
            room.plan.len()
        );
        let title = room.scenario().map(|s| clean(&s.title)).unwrap_or_default();
        let mut right = Vec::new();
        if room.timer.is_shown() {
            let secs = room.timer.elapsed(self.now).as_secs();
            let state = if room.timer.running_since.is_some() {
                ""
            } else {
                " (paused)"
            };
            right.push(Span::styled(
                format!("⏱ {:02}:{:02}{state}", secs / 60, secs % 60),
                theme.accent,
            ));
        }
        Paragraph::new(vec![
            Line::from(vec![
                Span::styled(format!("{case} · "), theme.dim),
                Span::styled(title, theme.title),
            ]),
            Line::from(right).alignment(Alignment::Right),
        ])
        .render(area, buf);
    }

    fn body(&self, s: &Scenario) -> Text<'static> {
        let theme = self.theme;
        let room = self.room;
        let big = theme.heading.add_modifier(Modifier::BOLD);
        let mut lines: Vec<Line<'static>> = Vec::new();
        if let Some(message) = &room.message {
            lines.push(Line::styled(message.clone(), theme.warning));
            lines.push(Line::from(""));
        }
        match room.stage {
            Stage::Title => {
                lines.push(Line::from(""));
                lines.push(Line::styled(clean(&s.title), big));
                lines.push(Line::from(""));
                lines.push(Line::styled("⚠ CONTENT WARNING", theme.warning));
                lines.push(Line::from(clean(&s.content_warning)));
                lines.push(Line::from(""));
                lines.push(Line::styled(s.source_line(), theme.dim));
                lines.push(Line::from(""));
                lines.push(Line::styled("Could it happen here?", theme.accent));
            }
            Stage::Briefing => {
                lines.push(Line::styled("BRIEFING", big));
                lines.push(Line::from(""));
                paragraphs(&mut lines, &s.briefing);
            }
            Stage::Story => self.story(s, &mut lines),
            Stage::Reveal => self.reveal(s, &mut lines),
            Stage::Outcome => {
                let (heading, items): (&str, Vec<String>) = match room.outcome_page {
                    0 => ("WHAT HAPPENED", vec![s.outcome.what_happened.clone()]),
                    1 => ("OUTCOMES FOR THE OFFICERS", s.outcome.officers.clone()),
                    _ => (
                        "THE FORCE'S ACTIONS AND LEARNING",
                        s.outcome
                            .learning
                            .iter()
                            .cloned()
                            .chain(
                                s.outcome
                                    .investigator_notes
                                    .iter()
                                    .map(|n| format!("The investigator's note for all forces: {n}")),
                            )
                            .collect(),
                    ),
                };
                lines.push(Line::styled(heading, big));
                lines.push(Line::from(""));
                if items.is_empty() {
                    lines.push(Line::from("The source gives none."));
                }
                let bullet = room.outcome_page > 0;
                for item in items {
                    if bullet {
                        lines.push(Line::from(format!("• {}", clean(&item))));
                        lines.push(Line::from(""));
                    } else {
                        paragraphs(&mut lines, &item);
                    }
                }
            }
            Stage::Discussion => {
                let total = s.discussion.len();
                if total == 0 {
                    lines.push(Line::styled("Could it happen here?", big));
                } else {
                    lines.push(Line::styled(
                        format!("QUESTION {} OF {total}", room.question + 1),
                        theme.dim,
                    ));
                    lines.push(Line::from(""));
                    lines.push(Line::styled(
                        clean(&s.discussion[room.question.min(total - 1)]),
                        big,
                    ));
                }
            }
            Stage::End => {
                lines.push(Line::styled("Session complete", big));
                lines.push(Line::from(""));
                lines.push(Line::from(
                    "The room's choices are saved. See them beside individual runs with:",
                ));
                lines.push(Line::styled("    lessons report", theme.accent));
            }
        }
        Text::from(lines)
    }

    fn footer_keys(&self) -> String {
        let room = self.room;
        match room.stage {
            _ if voting(room) => {
                "letter: +1 · Shift: −1 · =: count · #: room size · Tab/Enter/Esc: done".into()
            }
            Stage::Story if room.asked().is_some() => {
                "letter: vote · Enter: reveal · v: bars · ←: back · .: blank · ?: keys".into()
            }
            Stage::Reveal => "Enter: next · ↑↓: scroll · ←: back to the question · b: blank · ?: keys".into(),
            Stage::Discussion => "Enter: next question · ←: previous · t: timer · b: blank · ?: keys".into(),
            Stage::End => "q: end the session".into(),
            // the first screen of a case: nothing before it to go back to
            Stage::Title => "Enter: next · ↑↓: scroll · t: timer · b: blank · ?: keys · q: end".into(),
            _ => "Enter: next · ←: back · ↑↓: scroll · t: timer · b: blank · ?: keys · q: end".into(),
        }
    }
}

/// Whether the room is taking votes, a count typed meanwhile included.
pub(super) fn voting(room: &Classroom) -> bool {
    matches!(room.modal, Modal::Voting | Modal::Entry { voting: true, .. })
}
