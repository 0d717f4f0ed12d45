//! The classroom screens: few words, large margins, high contrast, no colour needed.
//! Meaning is carried by words and symbols (✓ ◐ ✗) so a washed-out projector loses nothing.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Clear, Paragraph, Widget, Wrap};

use std::time::Instant;

use super::{Classroom, Modal, Stage};
use crate::engine::Event;
use crate::scenario::{Mark, Scenario, Step};
use crate::tui::theme::Palette as Theme;
use crate::tui::widgets::{centered, clean, is_too_small, modal, render_too_small};

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

    fn story(&self, s: &Scenario, lines: &mut Vec<Line<'static>>) {
        let theme = self.theme;
        let room = self.room;
        let big = theme.heading.add_modifier(Modifier::BOLD);
        for event in room.current() {
            match event {
                Event::Narrative { clock, text, .. } => {
                    if let Some(clock) = clock {
                        lines.push(Line::styled(clean(&clock).to_uppercase(), theme.accent));
                        lines.push(Line::from(""));
                    }
                    paragraphs(lines, &text);
                }
                Event::DecisionAsked(asked) => {
                    if let Some(context) = last_narrative(s, &room.state().path) {
                        lines.push(Line::styled(format!("So far: {}", clean(&context)), theme.dim));
                        lines.push(Line::from(""));
                    }
                    lines.push(Line::styled(
                        format!(
                            "You are the {} · {}",
                            crate::scenario::role_phrase(asked.role, asked.role_assumed),
                            asked.kind.label()
                        ),
                        theme.dim,
                    ));
                    lines.push(Line::styled(clean(&asked.prompt), big));
                    lines.push(Line::from(""));
                    let most = room.votes.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
                    for (i, option) in asked.options.iter().enumerate() {
                        let letter = (b'A' + i as u8) as char;
                        let votes = room.votes.get(i).map_or(0, |(_, n)| *n);
                        if room.show_votes {
                            let width = (votes * 12).div_ceil(most) as usize;
                            lines.push(Line::from(vec![
                                Span::styled(format!("{letter}  "), theme.key),
                                Span::styled(format!("{:<12} {votes:>3}", "█".repeat(width)), theme.accent),
                            ]));
                            lines.extend(indented(&clean(&option.text), self.width, "   "));
                        } else {
                            let mut first = indented(&clean(&option.text), self.width, "   ");
                            if let Some(line) = first.first_mut() {
                                *line = Line::from(vec![
                                    Span::styled(format!("{letter}  "), theme.key),
                                    Span::raw(line.to_string().trim_start().to_string()),
                                ]);
                            }
                            lines.extend(first);
                        }
                    }
                    lines.push(Line::from(""));
                    // a count typed while taking votes leaves the voting line up, as it always has
                    if voting(room) {
                        lines.push(Line::styled(
                            "TAKING VOTES: press a letter to add one, Shift+letter to take one away, = to type a count; Tab when done",
                            theme.warning,
                        ));
                    } else if let Modal::Entry { text: entry, .. } = &room.modal {
                        lines.push(Line::styled(
                            format!("Count (letter then number, Enter): {entry}▏"),
                            theme.warning,
                        ));
                    } else {
                        let total: u32 = room.votes.iter().map(|(_, n)| *n).sum();
                        let shown = if room.show_votes {
                            "shown"
                        } else {
                            "hidden (v shows)"
                        };
                        lines.push(Line::styled(
                            format!(
                                "{} so far, {shown}.",
                                crate::plural::count(total as usize, "vote", "votes")
                            ),
                            theme.dim,
                        ));
                    }
                }
                _ => {}
            }
        }
    }

    fn reveal(&self, s: &Scenario, lines: &mut Vec<Line<'static>>) {
        let theme = self.theme;
        let room = self.room;
        let big = theme.heading.add_modifier(Modifier::BOLD);
        let Some(asked) = room.asked() else { return };
        let Some(decision) = s.decision(&asked.step) else {
            return;
        };
        lines.push(Line::styled(clean(&decision.prompt), big));
        lines.push(Line::from(""));
        let officers = decision.officers.clone().unwrap_or_else(|| {
            decision
                .officers_choice()
                .iter()
                .map(|c| c.text.clone())
                .collect::<Vec<_>>()
                .join("; ")
        });
        if !officers.is_empty() {
            lines.push(Line::from(vec![
                Span::styled("The officers: ", theme.heading),
                Span::raw(clean(&officers)),
            ]));
        }
        // The reveal comes mid-story: text that tells of later events waits.
        let held = decision.finding.debrief_only;
        let found = if held {
            "held until the end: it tells of later events".to_string()
        } else {
            clean(&decision.finding.text)
        };
        lines.push(Line::from(vec![
            Span::styled("The investigation found: ", theme.heading),
            Span::raw(found),
        ]));
        if let Some(quote) = decision.finding.quote.as_ref().filter(|_| !held) {
            lines.push(Line::styled(format!("“{}”", clean(quote)), theme.accent));
        }
        lines.push(Line::from(""));
        for (i, shown) in asked.options.iter().enumerate() {
            let Some(option) = decision.option(&shown.id) else {
                continue;
            };
            let letter = (b'A' + i as u8) as char;
            let votes = room.votes.get(i).map_or(0, |(_, n)| *n);
            // A decision that is not judged shows no marks: the source makes no finding.
            let (symbol, style, mark) = match option.mark {
                _ if !decision.judged() => ("·", theme.dim, "Not judged"),
                Mark::Unmarked => ("·", theme.dim, option.mark.label()),
                Mark::Expected => ("✓", theme.good, option.mark.label()),
                Mark::Acceptable => ("◐", theme.partly, option.mark.label()),
                Mark::Poor => ("✗", theme.bad, option.mark.label()),
            };
            let officers = if option.actual {
                " · what the officers did"
            } else {
                ""
            };
            lines.push(Line::from(vec![
                Span::styled(format!("{letter}  {symbol} {mark}"), style),
                Span::styled(
                    format!(
                        " · {}{officers}",
                        crate::plural::count(votes as usize, "vote", "votes")
                    ),
                    theme.dim,
                ),
            ]));
            lines.extend(indented(&clean(&option.text), self.width, "   "));
            if let Some(feedback) = option.feedback.as_ref().filter(|_| !option.debrief_only) {
                for line in indented(&clean(feedback), self.width, "   ") {
                    lines.push(line.style(theme.dim));
                }
            }
        }
    }

    fn footer_keys(&self) -> String {
        let room = self.room;
        match room.stage {
            _ if voting(room) => "letters: +1 · Shift+letter: −1 · =: type a count · Tab: done".into(),
            Stage::Story if room.asked().is_some() => {
                "Tab: take votes · v: show votes · t: timer · r: reveal · b: blank · ?: keys".into()
            }
            Stage::Reveal => "Enter: next · ↑↓: scroll · ←: back to the question · b: blank · ?: keys".into(),
            Stage::Discussion => "Enter: next question · ←: previous · t: timer · b: blank · ?: keys".into(),
            Stage::End => "q: end the session".into(),
            _ => "Enter: next · ←: back · ↑↓: scroll · t: timer · b: blank · ?: keys · q: end".into(),
        }
    }
}

/// Whether the room is taking votes, a count typed meanwhile included.
fn voting(room: &Classroom) -> bool {
    matches!(room.modal, Modal::Voting | Modal::Entry { voting: true, .. })
}

/// Word-wrapped lines with every line after the first indented by `indent`, as owned lines.
fn indented(text: &str, width: usize, indent: &str) -> Vec<Line<'static>> {
    crate::wrap::hanging(indent, text, width)
        .lines()
        .map(|l| Line::from(l.to_string()))
        .collect()
}

fn paragraphs(lines: &mut Vec<Line<'static>>, text: &str) {
    for paragraph in clean(text).split('\n') {
        lines.push(Line::from(paragraph.to_string()));
    }
}

/// The most recent narrative before the current decision, to keep the room oriented.
fn last_narrative(s: &Scenario, path: &[String]) -> Option<String> {
    path.iter()
        .rev()
        .skip(1)
        .find_map(|id| match s.step_index(id).map(|i| &s.steps[i]) {
            Some(Step::Narrative(n)) => Some(n.text.clone()),
            _ => None,
        })
}

fn help(theme: &Theme) -> Text<'static> {
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
