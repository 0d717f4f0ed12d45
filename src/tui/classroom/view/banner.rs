//! Big mode's banner: the timer, then the screen's one big thing (the case's title, the
//! tallies, the reveal's headline), drawn large above the text when they fit whole.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Modifier;

use super::super::Stage;
use super::reveal::{headline, shown_options};
use super::timer::reading;
use super::{ClassroomView, big};
use crate::scenario::Scenario;

/// Which text the banner drew big, so the body leaves out its small copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) enum Drawn {
    #[default]
    Nothing,
    Title,
    Headline,
    Tallies,
}

impl ClassroomView<'_> {
    /// Draws the banner at the top of `body` and returns the rows left for the text. At most
    /// half the body goes to big text (the text keeps at least 8 rows), so a big banner never
    /// pushes the question off a small screen.
    pub(super) fn banner(&mut self, body: Rect, buf: &mut Buffer) -> Rect {
        let room = self.room;
        if !room.presentation.big {
            return body;
        }
        let keep = (body.height / 2).max(8);
        let mut budget = body.height.saturating_sub(keep);
        let mut y = body.y;
        if room.timer_shown(self.now).is_some() {
            let now = reading(&room.timer, self.now);
            if let Some(big) = big::fit(&now.big(), body.width, budget.min(4)) {
                let style = if now.is_over() {
                    self.theme.warning
                } else {
                    self.theme.accent
                };
                big.render(
                    Rect {
                        y,
                        height: big.rows,
                        ..body
                    },
                    buf,
                    style,
                    Alignment::Right,
                );
                y += big.rows;
                budget -= big.rows;
            }
        }
        if let Some(s) = room.scenario()
            && let Some((text, drawn, most)) = self.banner_text(s)
            && let Some(big) = big::fit(&text, body.width, budget.saturating_sub(1).min(most))
        {
            let style = self.theme.heading.add_modifier(Modifier::BOLD);
            big.render(
                Rect {
                    y,
                    height: big.rows,
                    ..body
                },
                buf,
                style,
                Alignment::Left,
            );
            y += big.rows + 1;
            self.drawn = drawn;
        }
        Rect {
            y,
            height: body.bottom().saturating_sub(y),
            ..body
        }
    }

    /// The screen's big text, what it stands for, and the most rows it may take.
    fn banner_text(&self, s: &Scenario) -> Option<(String, Drawn, u16)> {
        let room = self.room;
        match room.stage {
            Stage::Title => Some((crate::tui::widgets::clean(&s.title), Drawn::Title, u16::MAX)),
            Stage::Reveal if !room.presentation.detail => {
                let asked = room.asked()?;
                let decision = s.decision(&asked.step)?;
                let shown = shown_options(room, decision, &asked);
                let text = headline(decision, &shown).replace(" · ", ". ");
                Some((text, Drawn::Headline, u16::MAX))
            }
            // one big row of counts over the bars; the bars below keep the options' text
            Stage::Story if room.show_votes && room.asked().is_some() => {
                let tallies: Vec<String> = room
                    .votes
                    .iter()
                    .enumerate()
                    .filter_map(|(i, (_, n))| Some(format!("{}:{n}", (b'A' + u8::try_from(i).ok()?) as char)))
                    .collect();
                Some((tallies.join("  "), Drawn::Tallies, 4))
            }
            _ => None,
        }
    }
}
