//! The classroom screens: few words, large margins, high contrast, no colour needed.
//! Meaning is carried by words and symbols (✓ ◐ ✗) so a washed-out projector loses nothing.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Clear, Paragraph, Widget};

use std::time::Instant;

mod agenda;
mod banner;
pub mod big;
mod help;
mod question;
mod reveal;
mod scroll;
mod settle;
mod text;
mod timer;
mod votes;

use super::{Classroom, Modal, Stage};
use crate::scenario::Scenario;
use crate::tui::theme::Palette as Theme;
use crate::tui::widgets::keys_fit::{RankedKey, fit_keys};
use crate::tui::widgets::{centered, clean, is_too_small, key_bar, modal, render_too_small};
use banner::Drawn;
use help::help;
use text::{cut_at_word, paragraphs};

pub struct ClassroomView<'a> {
    room: &'a Classroom,
    theme: &'a Theme,
    /// When the frame is drawn, for the timer.
    now: Instant,
    /// Width of the text column, for hanging indents (set when rendering).
    width: usize,
    /// What big mode drew large above the text, so the text leaves out its small copy.
    drawn: Drawn,
    /// Whether the question shows the "So far" recap; dropped when it would push the
    /// options off the screen.
    recap: bool,
}

impl<'a> ClassroomView<'a> {
    pub fn new(room: &'a Classroom, theme: &'a Theme, now: Instant) -> Self {
        ClassroomView {
            room,
            theme,
            now,
            width: 0,
            drawn: Drawn::Nothing,
            recap: true,
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
        let text_area = self.banner(body, buf);
        self.header(header, buf);
        let text = match self.room.scenario() {
            Some(s) => self.fitted_body(s, text_area.height),
            None => Text::from("No cases in this session."),
        };
        let marker = theme.accent.add_modifier(Modifier::BOLD);
        scroll::render(
            text,
            self.room.scroll,
            &self.room.presentation,
            marker,
            text_area,
            buf,
        );
        let keys = fit_keys(&self.footer_keys(), footer.width);
        Paragraph::new(key_bar(&keys, theme)).render(footer, buf);
        if self.room.agenda.open {
            self.agenda(inner, buf);
        }
        if self.room.modal == Modal::Help {
            self.help_box(centered(area, 78, 21), buf);
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
            "Case {} of {} · ",
            (room.case + 1).min(room.plan.len()),
            room.plan.len()
        );
        let title = room.scenario().map(|s| clean(&s.title)).unwrap_or_default();
        // a long title ends at a word with "…", never mid-word
        let room_for_title = usize::from(area.width).saturating_sub(crate::wrap::width(&case));
        let title = cut_at_word(&title, room_for_title);
        let mut right = Vec::new();
        if room.timer_shown(self.now).is_some() {
            let now = timer::reading(&room.timer, self.now);
            // the timer stands out: reversed, and in the warning style once over
            let style = if now.is_over() {
                theme.warning
            } else {
                theme.accent
            };
            right.push(Span::styled(
                format!(" {} ", now.line(room.timer.running_since.is_none())),
                style.add_modifier(Modifier::BOLD | Modifier::REVERSED),
            ));
        }
        Paragraph::new(vec![
            Line::from(vec![
                Span::styled(case, theme.dim),
                Span::styled(title, theme.title),
            ]),
            Line::from(right).alignment(Alignment::Right),
        ])
        .render(area, buf);
    }

    /// The body's text, without the recap when the recap would push the question's options
    /// below the screen.
    fn fitted_body(&mut self, s: &Scenario, rows: u16) -> Text<'static> {
        let text = self.body(s);
        if self.room.stage == Stage::Story
            && self.room.asked().is_some()
            && scroll::height(&text, self.width as u16) > rows
        {
            self.recap = false;
            return self.body(s);
        }
        text
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
                if self.drawn != Drawn::Title {
                    lines.push(Line::from(""));
                    lines.push(Line::styled(clean(&s.title), big));
                    lines.push(Line::from(""));
                }
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

    /// The key bar, least needed keys ranked highest so narrow screens drop them first.
    fn footer_keys(&self) -> Vec<RankedKey<'static>> {
        let room = self.room;
        match room.stage {
            _ if voting(room) => vec![
                ("letter", "+1", 0),
                ("Shift+letter", "−1", 0),
                ("=", "type a count", 1),
                ("#", "room size", 2),
                ("Tab/Enter/Esc", "done", 0),
            ],
            Stage::Story if room.asked().is_some() => vec![
                ("letter", "vote", 0),
                ("Enter", "reveal", 0),
                ("v", "bars", 2),
                ("←", "back", 3),
                ("t", "timer", 4),
                ("z", "big text", 5),
                (".", "blank", 6),
                ("?", "keys", 0),
            ],
            Stage::Reveal => vec![
                ("Enter/→", "next", 0),
                (
                    "d",
                    if room.presentation.detail {
                        "summary"
                    } else {
                        "detail"
                    },
                    0,
                ),
                ("←", "back to the question", 2),
                ("↑↓", "scroll", 3),
                ("z", "big text", 4),
                ("b", "blank", 5),
                ("?", "keys", 0),
            ],
            Stage::Discussion => vec![
                ("Enter/→", "next question", 0),
                ("←", "previous", 2),
                ("t", "timer", 1),
                ("+/-", "target", 3),
                ("z", "big text", 4),
                ("b", "blank", 5),
                ("?", "keys", 0),
            ],
            Stage::End => vec![("q", "end the session", 0), ("←", "back", 1)],
            // the first screen of a case: nothing before it to go back to
            Stage::Title => vec![
                ("Enter/→", "next", 0),
                ("↑↓", "scroll", 3),
                ("t", "timer", 4),
                ("z", "big text", 5),
                ("g", "agenda", 2),
                ("b", "blank", 6),
                ("?", "keys", 0),
                ("q", "end", 1),
            ],
            _ => vec![
                ("Enter/→", "next", 0),
                ("←", "back", 2),
                ("↑↓", "scroll", 3),
                ("t", "timer", 4),
                ("z", "big text", 5),
                ("b", "blank", 6),
                ("?", "keys", 0),
                ("q", "end", 1),
            ],
        }
    }
}

impl ClassroomView<'_> {
    /// The presenter keys in a box; where the screen is too short for them all, a marker
    /// says so and ↓ shows the rest, so no key is cut off unseen.
    fn help_box(&self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        Clear.render(area, buf);
        let block = crate::tui::widgets::panel(Span::styled(" Presenter keys ", theme.title), true, theme);
        let inner = block.inner(area);
        block.render(area, buf);
        let text = Paragraph::new(help(theme))
            .wrap(ratatui::widgets::Wrap { trim: false })
            .style(theme.base);
        let total = u16::try_from(text.line_count(inner.width)).unwrap_or(u16::MAX);
        let most = total.saturating_sub(inner.height);
        let scroll = self.room.help_scroll.min(most);
        text.scroll((scroll, 0)).render(inner, buf);
        let marker = theme.accent.add_modifier(Modifier::BOLD);
        // the markers sit on the frame, so they hide no key
        let width = area.width.saturating_sub(4);
        if area.height < 2 || width < 12 {
            return;
        }
        if scroll < most {
            let bottom = Rect::new(area.x + 2, area.bottom() - 1, width, 1);
            Paragraph::new(Line::styled(" ▼ more (↓) ", marker))
                .alignment(Alignment::Right)
                .render(bottom, buf);
        }
        if scroll > 0 {
            let top = Rect::new(area.x + 2, area.y, width, 1);
            Paragraph::new(Line::styled(" ▲ more (↑) ", marker))
                .alignment(Alignment::Right)
                .render(top, buf);
        }
    }
}

/// Whether the room is taking votes, a count typed meanwhile included.
pub(super) fn voting(room: &Classroom) -> bool {
    matches!(room.modal, Modal::Voting | Modal::Entry { voting: true, .. })
}
