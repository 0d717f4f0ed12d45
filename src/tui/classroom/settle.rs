//! Leaving a reveal: which way the story goes on. A clear vote goes its way; a tie or an
//! empty vote on a decision that decides the way asks the instructor, and so does every
//! such decision under `--path ask`. `--path officers` follows the officers without asking.
//! Nothing goes to the first option shown unasked where it changes the story, and how the
//! way was settled is kept beside the tally (`Votes::settled`).

use super::actions::ClassroomOutcome;
use super::state::{Classroom, Modal, SettlePrompt};
use crate::engine::{PathPolicy, Response, RoomChoice, decides_the_way, officers_answer, room_choice};
use crate::record::{Settled, SettledBy, SettledWhy};
use crate::tui::keys::Action;

impl Classroom {
    /// Enter on a reveal: go on with the room's answer, or ask which way.
    pub(super) fn leave_reveal(&mut self) -> ClassroomOutcome {
        let (Some(asked), Some(scenario)) = (self.asked(), self.scenario()) else {
            return ClassroomOutcome::None;
        };
        let Some(decision) = scenario.decision(&asked.step) else {
            return ClassroomOutcome::None;
        };
        // a decision the session plan keeps from the room follows the officers, unasked
        if let Some(planned) = self.planned_answer(&asked) {
            return self.go_on(Some(planned), None);
        }
        let decides = decides_the_way(scenario, &asked.step);
        let officers = officers_answer(decision);
        // a decision without options has no answer; validation refuses such files
        let Some(choice) = room_choice(asked.kind, &self.votes) else {
            return ClassroomOutcome::None;
        };
        let all: Vec<String> = self.votes.iter().map(|(id, _)| id.clone()).collect();
        let picks_one = asked.kind.picks_one();
        let prompt = |why, offered: Vec<String>, room: Option<Response>| {
            Modal::Settle(SettlePrompt {
                why,
                offered: if picks_one { offered } else { Vec::new() },
                officers: officers.is_some(),
                room,
            })
        };
        match (self.path, choice) {
            (PathPolicy::Officers, _) if decides && officers.is_some() => {
                let answer = officers.clone();
                self.go_on(answer, Some((SettledWhy::Officers, SettledBy::Policy)))
            }
            (PathPolicy::Ask, RoomChoice::Clear(r)) if decides => {
                self.modal = prompt(SettledWhy::Asked, all, Some(r));
                ClassroomOutcome::None
            }
            (_, RoomChoice::Tie(tied)) if decides => {
                self.modal = prompt(SettledWhy::Tie, tied, None);
                ClassroomOutcome::None
            }
            (_, RoomChoice::NoVotes) if decides => {
                self.modal = prompt(SettledWhy::NoVotes, all, None);
                ClassroomOutcome::None
            }
            (_, RoomChoice::Clear(r)) => self.go_on(Some(r), None),
            // the way on is the same whatever the answer: the first tied option stands, and
            // the record says it was a tie
            (_, RoomChoice::Tie(tied)) => {
                let answer = crate::engine::kind_rule::response_of(asked.kind, tied);
                self.go_on(answer, Some((SettledWhy::Tie, SettledBy::Policy)))
            }
            (_, RoomChoice::NoVotes) => {
                let answer = crate::engine::kind_rule::response_of(asked.kind, all);
                self.go_on(answer, Some((SettledWhy::NoVotes, SettledBy::Policy)))
            }
        }
    }

    /// A key while the instructor is asked which way: an offered letter, `o` for the
    /// officers, Enter for the room's clear answer; Esc stays on the reveal.
    pub(super) fn settle_key(&mut self, action: Action, prompt: SettlePrompt) -> ClassroomOutcome {
        let kind = self.asked().map(|a| a.kind);
        self.message = None;
        match action {
            Action::Back | Action::Left => ClassroomOutcome::None,
            Action::Char('o') if prompt.officers => {
                let answer = self.scenario().and_then(|s| {
                    let step = self.asked()?.step;
                    officers_answer(s.decision(&step)?)
                });
                self.go_on(answer, Some((prompt.why, SettledBy::InstructorOfficers)))
            }
            Action::Enter if prompt.room.is_some() => {
                self.go_on(prompt.room.clone(), Some((prompt.why, SettledBy::Instructor)))
            }
            Action::Char(c) if c.is_ascii_alphabetic() => {
                let index = (c.to_ascii_lowercase() as u32).saturating_sub('a' as u32) as usize;
                let id = self.votes.get(index).map(|(id, _)| id.clone());
                match (id, kind) {
                    (Some(id), Some(kind)) if prompt.offered.contains(&id) => {
                        let answer = crate::engine::kind_rule::response_of(kind, vec![id]);
                        self.go_on(answer, Some((prompt.why, SettledBy::Instructor)))
                    }
                    _ => {
                        self.message = Some(format!(
                            "{} is not offered: choose a letter shown, o for the officers, or Esc.",
                            c.to_ascii_uppercase()
                        ));
                        self.modal = Modal::Settle(prompt);
                        ClassroomOutcome::None
                    }
                }
            }
            _ => {
                self.modal = Modal::Settle(prompt);
                ClassroomOutcome::None
            }
        }
    }

    /// Moves the story on with `answer`, keeping how it was settled beside the tally.
    fn go_on(&mut self, answer: Option<Response>, how: Option<(SettledWhy, SettledBy)>) -> ClassroomOutcome {
        let Some(answer) = answer else {
            return ClassroomOutcome::None;
        };
        let settled = how.map(|(why, by)| Settled {
            why,
            by,
            chose: self.in_file_order(&answer),
        });
        if let Some(step) = self.asked().map(|a| a.step)
            && let Some(tally) = self.tallies.iter_mut().find(|t| t.step == step)
        {
            tally.settled = settled;
        }
        self.answer_with(&answer);
        self.after_step()
    }

    /// The options an answer selected, in the file's order.
    fn in_file_order(&self, answer: &Response) -> Vec<String> {
        let selected = answer.selected();
        let Some(decision) = self
            .asked()
            .and_then(|a| self.scenario()?.decision(&a.step).cloned())
        else {
            return Vec::new();
        };
        decision
            .options
            .iter()
            .filter(|o| selected.contains(&o.id.as_str()))
            .map(|o| o.id.clone())
            .collect()
    }
}
