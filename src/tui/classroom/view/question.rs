//! A decision put to the room: the question, its options, and the votes as they stand.

use ratatui::style::Modifier;
use ratatui::text::{Line, Span};

use super::super::Modal;
use super::text::{indented, last_narrative, paragraphs};
use super::{ClassroomView, voting};
use crate::engine::Event;
use crate::scenario::Scenario;
use crate::tui::widgets::clean;

impl ClassroomView<'_> {
    pub(super) fn story(&self, s: &Scenario, lines: &mut Vec<Line<'static>>) {
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
                    if self.recap
                        && let Some(context) = last_narrative(s, &room.state().path)
                    {
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
                    lines.push(Line::styled(format!("NDM: {}", asked.ndm.label()), theme.dim));
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
}
