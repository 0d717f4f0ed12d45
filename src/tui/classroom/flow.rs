//! Moving through a session: title, briefing, story and reveals, outcome, discussion, the
//! next case; and the tallies kept as the room votes.

use std::time::Instant;

use super::actions::ClassroomOutcome;
use super::state::{Classroom, Modal, Stage};
use super::store::GroupSave;
use crate::engine::{Input, Phase};
use crate::record::Votes;
use crate::scenario::RationalePrompt;

impl Classroom {
    /// What a save of the current case's record needs, if there is a case.
    pub fn group_save(&self) -> Option<GroupSave<'_>> {
        Some(GroupSave {
            scenario: self.scenario()?,
            file: self.files.get(self.case).and_then(|f| f.as_deref()),
            state: self.state(),
            tallies: &self.tallies,
            plan: self.plan_ids(),
            label: self.label.as_deref(),
        })
    }

    /// Stores the current decision's votes in `tallies` (in the file's option order).
    pub(super) fn record_votes(&mut self, revealed: bool) -> ClassroomOutcome {
        let (Some(asked), Some(scenario)) = (self.asked(), self.scenario()) else {
            return ClassroomOutcome::None;
        };
        let Some(decision) = scenario.decision(&asked.step) else {
            return ClassroomOutcome::None;
        };
        let votes: Vec<(String, u32)> = decision
            .options
            .iter()
            .map(|o| {
                let count = self
                    .votes
                    .iter()
                    .find(|(id, _)| *id == o.id)
                    .map_or(0, |(_, n)| *n);
                (o.id.clone(), count)
            })
            .collect();
        let tally = Votes {
            step: asked.step.clone(),
            votes,
            revealed,
            respondents: None,
        };
        match self.tallies.iter_mut().find(|t| t.step == tally.step) {
            Some(existing) => *existing = tally,
            None => self.tallies.push(tally),
        }
        ClassroomOutcome::Save
    }

    pub(super) fn reveal(&mut self, now: Instant) -> ClassroomOutcome {
        self.modal = Modal::None;
        self.show_votes = true;
        self.timer.pause(now);
        let outcome = self.record_votes(true);
        self.scroll = 0;
        self.stage = Stage::Reveal;
        outcome
    }

    pub(super) fn advance(&mut self) -> ClassroomOutcome {
        match self.stage {
            Stage::Title => self.stage = Stage::Briefing,
            Stage::Briefing => {
                if self.state().phase == Phase::Briefing {
                    self.apply(Input::Continue);
                }
                self.stage = Stage::Story;
                self.reset_votes();
                return ClassroomOutcome::Save;
            }
            Stage::Story => {
                if matches!(self.state().phase, Phase::Narrative { .. }) {
                    self.apply(Input::Continue);
                    return self.after_step();
                } else if self.asked().is_some() {
                    self.message = Some("Press r to reveal the finding before moving on.".into());
                }
            }
            Stage::Reveal => {
                self.answer_for_the_room();
                return self.after_step();
            }
            Stage::Outcome if self.outcome_page < 2 => self.outcome_page += 1,
            Stage::Outcome => {
                self.stage = Stage::Discussion;
                self.question = 0;
            }
            Stage::Discussion => {
                let count = self.scenario().map_or(0, |s| s.discussion.len());
                if self.question + 1 < count {
                    self.question += 1;
                } else {
                    return self.next_case();
                }
            }
            Stage::End => self.modal = Modal::ConfirmQuit,
        }
        ClassroomOutcome::None
    }

    pub(super) fn back(&mut self) {
        match self.stage {
            Stage::Briefing => self.stage = Stage::Title,
            Stage::Discussion if self.question > 0 => self.question -= 1,
            Stage::Discussion => self.stage = Stage::Outcome,
            Stage::Outcome if self.outcome_page > 0 => self.outcome_page -= 1,
            Stage::Reveal => self.stage = Stage::Story,
            _ => {}
        }
    }

    /// Moves the story on with the room's answer (`engine::room_answer`), then past the
    /// rationale, confidence and review the room does not give.
    fn answer_for_the_room(&mut self) {
        let Some(asked) = self.asked() else { return };
        // a decision with no options has no answer; validation refuses such files
        let planned = self.planned_answer(&asked);
        let Some(answer) = planned.or_else(|| crate::engine::room_answer(asked.kind, &self.votes)) else {
            return;
        };
        let inputs = crate::engine::kind_rule::inputs_for(&answer);
        let mut ok = false;
        for input in inputs {
            ok = self.apply(input);
        }
        if ok && matches!(self.state().phase, Phase::Rationale { .. }) {
            let note = if asked.rationale == RationalePrompt::Require {
                "Discussed by the room."
            } else {
                ""
            };
            self.apply(Input::Rationale(note.into()));
        }
        if matches!(self.state().phase, Phase::Confidence { .. }) {
            self.apply(Input::Confidence(None));
        }
        if matches!(self.state().phase, Phase::Reviewed { .. }) {
            self.apply(Input::Continue);
        }
    }

    fn after_step(&mut self) -> ClassroomOutcome {
        if self.state().phase == Phase::Finished {
            self.stage = Stage::Outcome;
            self.outcome_page = 0;
        } else {
            self.stage = Stage::Story;
        }
        self.reset_votes();
        ClassroomOutcome::Save
    }

    fn next_case(&mut self) -> ClassroomOutcome {
        if self.case + 1 >= self.plan.len() {
            self.stage = Stage::End;
            return ClassroomOutcome::None;
        }
        self.start_case(self.case + 1);
        self.tallies.clear();
        self.stage = Stage::Title;
        self.question = 0;
        // each case of the plan has its own record, even when a case comes twice
        ClassroomOutcome::NewRecord
    }
}
