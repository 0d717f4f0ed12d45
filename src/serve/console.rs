//! The instructor's console: the classroom screen, wrapped. Keys go to the classroom as
//! they always did; around each key and tick the console puts the room's step in front of
//! the trainees, counts their answers into the classroom's votes (typed counts still work,
//! until the next answer comes in), and keeps every answer in the group record.

use std::sync::Arc;
use std::time::Instant;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::room::{Given, Shown};
use super::runs::TraineeRuns;
use super::ssh::Shared;
use crate::record::{LiveAnswer, Recorder};
use crate::tui::classroom::{ClassroomScreen, Stage};
use crate::tui::frontend::FrontEnd;
use crate::tui::keys::Action;
use crate::tui::widgets::panel;

/// How trainees reach the room, for the banner.
pub struct Joining {
    pub address: String,
    pub port: u16,
    pub fingerprint: String,
}

pub struct LiveConsole {
    pub screen: ClassroomScreen<Recorder>,
    shared: Arc<Shared>,
    joining: Joining,
    /// The room's answers as last counted, so a tick does work only when one comes in.
    counted: u64,
    /// Whether the banner names who has answered (`W`); off, it gives only the count.
    pub show_names: bool,
    /// What the banner showed at the last draw: who is in, who has answered.
    seen: (usize, Vec<String>),
    runs: TraineeRuns,
    /// Which trainee rationale is up for discussion (`A` at the reveal), without a name.
    pub rationale: Option<usize>,
    /// The join card: the session code in big letters for the room to read, shown until
    /// the session moves on from its first screen, and again on `J`.
    pub join_card: bool,
}

impl LiveConsole {
    pub fn new(
        screen: ClassroomScreen<Recorder>,
        shared: Arc<Shared>,
        joining: Joining,
        runs: TraineeRuns,
    ) -> Self {
        let mut console = LiveConsole {
            screen,
            shared,
            joining,
            counted: u64::MAX,
            show_names: false,
            join_card: true,
            seen: (0, Vec::new()),
            runs,
            rationale: None,
        };
        console.publish();
        console
    }

    /// Puts the classroom's current step in front of the trainees, if it changed.
    fn publish(&mut self) {
        let shown = Shown::of(&self.screen.room);
        let changed = self.shared.room().show(shown);
        if changed {
            self.shared.notify();
        }
    }

    /// Counts the trainees' answers to the decision being asked into the classroom's votes,
    /// and saves them. True when something changed on screen.
    fn count(&mut self) -> bool {
        let (changed, tally, live, answers) = {
            let room = self.shared.room();
            let changed = room.answers_changed != self.counted;
            self.counted = room.answers_changed;
            let asked = self.screen.room.asked();
            let tally = match (self.screen.room.stage, asked) {
                (Stage::Story, Some(asked)) => Some(room.tally(self.screen.room.case, &asked)),
                _ => None,
            };
            let live: Vec<LiveAnswer> = room
                .trainees
                .iter()
                .flat_map(|(name, t)| {
                    t.answers
                        .iter()
                        .filter(|a| a.case == self.screen.room.case)
                        .map(move |a| LiveAnswer {
                            trainee: name.clone(),
                            step: a.step.clone(),
                            response: a.response.clone(),
                            rationale: a.rationale.clone(),
                        })
                })
                .collect();
            let answers: Vec<(String, Vec<Given>)> = if changed {
                room.trainees
                    .iter()
                    .map(|(name, t)| (name.clone(), t.answers.clone()))
                    .collect()
            } else {
                Vec::new()
            };
            (changed, tally, live, answers)
        };
        if !changed {
            return false;
        }
        if let Some((counts, _)) = tally {
            let votes = &mut self.screen.room.votes;
            for (id, n) in votes.iter_mut() {
                *n = counts.iter().find(|(c, _)| c == id).map_or(0, |(_, k)| *k);
            }
        }
        self.save(&live);
        self.save_runs(&answers);
        true
    }

    /// Each trainee's own run record, from their answers to the current case.
    fn save_runs(&mut self, answers: &[(String, Vec<Given>)]) {
        let room = &self.screen.room;
        let Some(scenario) = room.plan.get(room.case) else {
            return;
        };
        for (name, given) in answers {
            if !given.iter().any(|g| g.case == room.case) {
                continue;
            }
            if let Err(why) = self.runs.save(name, scenario, room.seed, room.case, given) {
                self.screen.room.message = Some(format!("{name}'s run is not saved: {why}"));
                return;
            }
        }
    }

    fn save(&mut self, live: &[LiveAnswer]) {
        let room = &self.screen.room;
        let Some(scenario) = room.scenario() else { return };
        let result =
            self.screen
                .store
                .save_group_live(scenario, room.state(), &room.tallies, &room.plan_ids(), live);
        if let Err(why) = result {
            self.screen.room.message = Some(why.to_string());
        }
    }

    /// The rationales given to the decision on screen, without names, in an order that is
    /// not the names' (sorted by their text), so none can be told by where it comes.
    fn rationales(&self) -> Vec<String> {
        let Some(asked) = self.screen.room.asked() else {
            return Vec::new();
        };
        let room = self.shared.room();
        let mut texts: Vec<String> = room
            .trainees
            .values()
            .flat_map(|t| &t.answers)
            .filter(|a| {
                a.case == self.screen.room.case && a.step == asked.step && !a.rationale.trim().is_empty()
            })
            .map(|a| a.rationale.clone())
            .collect();
        texts.sort();
        texts
    }

    /// One rationale over the foot of the console, for the room to discuss.
    fn rationale_box(&self, area: Rect, buf: &mut Buffer) {
        let Some(i) = self.rationale else { return };
        let texts = self.rationales();
        let Some(text) = texts.get(i) else { return };
        let theme = &self.screen.theme;
        let height = 7.min(area.height);
        let place = Rect::new(area.x, area.y + area.height - height, area.width, height);
        ratatui::widgets::Clear.render(place, buf);
        let title = format!(" A trainee's reasoning, {} of {} (A: next) ", i + 1, texts.len());
        let block = panel(title, true, theme);
        let inner = block.inner(place);
        block.render(place, buf);
        Paragraph::new(crate::tui::widgets::clean(text))
            .wrap(Wrap { trim: false })
            .style(theme.base)
            .render(inner, buf);
    }

    /// Where the classroom is: the stage, the case and the decision asked.
    fn place(&self) -> (Stage, usize, Option<String>) {
        let room = &self.screen.room;
        (room.stage, room.case, room.asked().map(|a| a.step))
    }

    /// Who is in the room and who has answered the decision being asked.
    fn who(&self) -> (usize, Vec<String>) {
        let room = self.shared.room();
        let answered = match self.screen.room.asked() {
            Some(asked) => room.answered_names(self.screen.room.case, &asked.step),
            None => Vec::new(),
        };
        (room.online(), answered)
    }

    fn banner(&self, area: Rect, buf: &mut Buffer) {
        let theme = &self.screen.theme;
        let (online, answered) = self.who();
        // a frame when there is room for one; on a small terminal the classroom needs the rows
        let inner = if area.height >= 5 {
            let block = panel(" Live room ", false, theme);
            let inner = block.inner(area);
            block.render(area, buf);
            inner
        } else {
            area
        };
        let code = Span::styled(
            format!(" {} ", self.shared.code),
            theme.selected.add_modifier(Modifier::BOLD),
        );
        let mut answers = format!("{} in the room · {} answered", online, answered.len());
        if self.show_names && !answered.is_empty() {
            answers.push_str(&format!(": {}", answered.join(", ")));
        }
        let lines = vec![
            Line::from(vec![
                Span::styled("Code ", theme.heading),
                code,
                Span::styled(
                    format!("  ssh -p {} NAME@{}", self.joining.port, self.joining.address),
                    theme.base,
                ),
            ]),
            Line::from(vec![
                Span::styled("Key ", theme.heading),
                Span::styled(self.joining.fingerprint.clone(), theme.dim),
            ]),
            Line::from(vec![
                Span::styled(answers, theme.accent),
                Span::styled("   W names · A reasoning (reveal) · J the code large", theme.dim),
            ]),
        ];
        Paragraph::new(lines).wrap(Wrap { trim: true }).render(inner, buf);
    }
}

impl LiveConsole {
    /// The session code large, with how to join, over the classroom screen: read from the
    /// back of the room before anyone has joined.
    fn join_card(&self, area: Rect, buf: &mut Buffer) {
        let theme = &self.screen.theme;
        let width = area.width.saturating_sub(4).min(100);
        let big = crate::tui::classroom::view::big::fit(
            &self.shared.code,
            width.saturating_sub(2),
            area.height.saturating_sub(5),
        );
        // the frame, the line saying how, a blank row, then the code
        let height = area.height.min(5 + big.as_ref().map_or(1, |b| b.rows));
        let card = Rect::new(
            area.x + (area.width - width) / 2,
            area.y + (area.height - height) / 2,
            width,
            height,
        );
        ratatui::widgets::Clear.render(card, buf);
        let block = panel(" Join the room (J hides) ", true, theme);
        let inner = block.inner(card);
        block.render(card, buf);
        let how = Line::from(format!(
            "ssh -p {} YOUR-NAME@{}   then type the code:",
            self.joining.port, self.joining.address
        ));
        let [top, code] = Layout::vertical([Constraint::Length(2), Constraint::Min(1)]).areas(inner);
        Paragraph::new(how)
            .alignment(ratatui::layout::Alignment::Center)
            .style(theme.base)
            .render(top, buf);
        match big {
            Some(big) => big.render(code, buf, theme.heading, ratatui::layout::Alignment::Center),
            // too narrow for big letters: the code as plain text, never cut
            None => Paragraph::new(Line::styled(self.shared.code.clone(), theme.heading))
                .alignment(ratatui::layout::Alignment::Center)
                .render(code, buf),
        }
    }
}

impl FrontEnd for LiveConsole {
    fn typing(&self) -> bool {
        self.screen.typing()
    }

    fn handle(&mut self, action: Action, now: Instant) {
        if action == Action::Char('W') && !self.screen.typing() {
            self.show_names = !self.show_names;
            return;
        }
        if action == Action::Char('J') && !self.screen.typing() {
            self.join_card = !self.join_card;
            return;
        }
        if action == Action::Char('A') && !self.screen.typing() && self.screen.room.stage == Stage::Reveal {
            let count = self.rationales().len();
            self.rationale = match self.rationale {
                None if count > 0 => Some(0),
                Some(i) if i + 1 < count => Some(i + 1),
                _ => None,
            };
            return;
        }
        let before = self.place();
        self.screen.handle(action, now);
        if self.place() != before {
            self.rationale = None;
            self.join_card = false;
            // a new decision starts at its live count, and a reveal keeps the tallies it
            // took with the live answers beside them
            self.counted = u64::MAX;
            self.count();
        }
        self.publish();
    }

    fn tick(&mut self, now: Instant) -> bool {
        let counted = self.count();
        self.publish();
        let seen = self.who();
        let moved = seen != self.seen;
        self.seen = seen;
        self.screen.tick(now) | counted | moved
    }

    fn resized(&mut self, area: Rect) {
        self.screen.resized(area);
    }

    fn should_quit(&self) -> bool {
        self.screen.should_quit()
    }

    fn draw(&self, area: Rect, buf: &mut Buffer, now: Instant) {
        let banner = if area.height >= 30 { 5 } else { 3 };
        let [top, rest] = Layout::vertical([Constraint::Length(banner), Constraint::Min(1)]).areas(area);
        self.banner(top, buf);
        self.screen.draw(rest, buf, now);
        self.rationale_box(rest, buf);
        if self.join_card {
            self.join_card(rest, buf);
        }
    }

    fn leave(&mut self) {
        self.shared.room().show(Shown::Ended);
        self.shared.notify();
        self.screen.leave();
        self.runs.compact();
    }
}
