//! A decision put to the room: the question, its options, and the votes as they stand.

use ratatui::style::Modifier;
use ratatui::text::Line;

use super::ClassroomView;
use super::text::{last_narrative, paragraphs};
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
                    self.vote_lines(&asked, lines);
                }
                _ => {}
            }
        }
    }
}
