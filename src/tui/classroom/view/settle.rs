//! The question put to the instructor when the votes do not settle which way the story
//! goes: the tie (or the empty vote), the options offered, and the officers' choice.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span, Text};

use super::super::SettlePrompt;
use super::ClassroomView;
use crate::engine::officers_answer;
use crate::record::SettledWhy;
use crate::tui::widgets::{centered, clean, modal};

impl ClassroomView<'_> {
    pub(super) fn settle_prompt(&self, prompt: &SettlePrompt, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let room = self.room;
        let Some(asked) = room.asked() else { return };
        let letter = |id: &str| {
            room.votes
                .iter()
                .position(|(v, _)| v == id)
                .map_or('?', |i| (b'A' + i as u8) as char)
        };
        let text_of = |id: &str| {
            asked
                .options
                .iter()
                .find(|o| o.id == id)
                .map_or(String::new(), |o| clean(&o.text))
        };
        let votes_of = |id: &str| room.votes.iter().find(|(v, _)| v == id).map_or(0, |(_, n)| *n);
        let mut lines: Vec<Line<'static>> = Vec::new();
        let headline = match prompt.why {
            SettledWhy::Tie => {
                let counts: Vec<String> = prompt.offered.iter().map(|id| votes_of(id).to_string()).collect();
                let letters: Vec<String> = prompt.offered.iter().map(|id| letter(id).to_string()).collect();
                format!("A tie, {}: {}.", counts.join("–"), letters.join(" and "))
            }
            SettledWhy::NoVotes => "No votes were entered.".to_string(),
            SettledWhy::Asked | SettledWhy::Officers => match &prompt.room {
                Some(answer) => {
                    let chosen: Vec<String> = answer
                        .selected()
                        .iter()
                        .map(|id| letter(id).to_string())
                        .collect();
                    if chosen.is_empty() {
                        "The room ticked nothing.".to_string()
                    } else {
                        format!("The room chose {}.", chosen.join(", "))
                    }
                }
                None => String::new(),
            },
        };
        lines.push(Line::styled(headline, theme.heading));
        lines.push(Line::from("The answer here decides which way the story goes."));
        lines.push(Line::from(""));
        for id in &prompt.offered {
            lines.push(Line::from(vec![
                Span::styled(format!("{:>6}  ", letter(id)), theme.key),
                Span::raw(text_of(id)),
            ]));
        }
        if prompt.officers {
            let theirs = room
                .scenario()
                .and_then(|s| officers_answer(s.decision(&asked.step)?))
                .map(|a| {
                    let letters: Vec<String> = a.selected().iter().map(|id| letter(id).to_string()).collect();
                    letters.join(", ")
                })
                .unwrap_or_default();
            lines.push(Line::from(vec![
                Span::styled(format!("{:>6}  ", "o"), theme.key),
                Span::raw(format!("what the officers did ({theirs})")),
            ]));
        }
        if prompt.room.is_some() {
            lines.push(Line::from(vec![
                Span::styled(format!("{:>6}  ", "Enter"), theme.key),
                Span::raw("the room's answer"),
            ]));
        }
        lines.push(Line::from(vec![
            Span::styled(format!("{:>6}  ", "Esc"), theme.key),
            Span::raw("stay on the reveal"),
        ]));
        let height = u16::try_from(lines.len()).unwrap_or(u16::MAX).saturating_add(2);
        modal(
            centered(area, 64, height),
            buf,
            "Which way?",
            Text::from(lines),
            theme,
        );
    }
}
