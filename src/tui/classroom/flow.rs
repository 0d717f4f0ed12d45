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
            position: self.position(),
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
            respondents: self.respondents,
            settled: None,
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
                }
            }
            Stage::Reveal => return self.leave_reveal(),
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
            Stage::End => {
                self.modal = Modal::ConfirmQuit;
                return ClassroomOutcome::None;
            }
        }
        // the screen moved: kept, so a resume comes back to it
        ClassroomOutcome::Save
    }

    /// One screen back. Back past an answered decision takes the room's answer back (the
    /// run is rewound to before it, `engine::rewind_to`), so a corrected tally replaces it.
    pub(super) fn back(&mut self) -> ClassroomOutcome {
        match self.stage {
            Stage::Title => return ClassroomOutcome::None,
            Stage::Briefing => self.stage = Stage::Title,
            Stage::Discussion if self.question > 0 => self.question -= 1,
            Stage::Discussion => {
                self.stage = Stage::Outcome;
                self.outcome_page = 2;
            }
            Stage::Outcome if self.outcome_page > 0 => self.outcome_page -= 1,
            Stage::Reveal => {
                self.stage = Stage::Story;
                self.show_votes = false;
            }
            Stage::End => {
                self.stage = Stage::Discussion;
                let count = self.scenario().map_or(0, |s| s.discussion.len());
                self.question = count.saturating_sub(1);
            }
            Stage::Story | Stage::Outcome => {
                // the screen before this one is the step before it on the path; from the
                // outcome, the last step
                let path = &self.state().path;
                let here = if self.stage == Stage::Outcome {
                    path.len()
                } else {
                    path.len().saturating_sub(1)
                };
                if here == 0 {
                    self.stage = Stage::Briefing;
                } else {
                    return self.rewind(here - 1);
                }
            }
        }
        ClassroomOutcome::Save
    }

    /// Back to the step at `index` of the path, as first reached; a decision comes back on
    /// its reveal, with its tally, for the instructor to step back once more and correct it.
    fn rewind(&mut self, index: usize) -> ClassroomOutcome {
        let Some(session) = self.session() else {
            return ClassroomOutcome::None;
        };
        let scenario = std::sync::Arc::clone(session.shared_scenario());
        let Some(rewound) = crate::engine::rewind_to(scenario, session.state(), index) else {
            self.message = Some("Cannot go back past this point.".into());
            return ClassroomOutcome::None;
        };
        self.replace_session(rewound);
        let reached: Vec<String> = self.state().path.clone();
        let (kept, undone): (Vec<_>, Vec<_>) = std::mem::take(&mut self.tallies)
            .into_iter()
            .partition(|t| reached.contains(&t.step));
        self.tallies = kept;
        self.undone.retain(|u| !undone.iter().any(|t| t.step == u.step));
        self.undone.extend(undone);
        if let Some(step) = self.asked().map(|a| a.step)
            && let Some(tally) = self.tallies.iter_mut().find(|t| t.step == step)
        {
            tally.settled = None;
        }
        self.load_votes();
        let revealed = self
            .asked()
            .is_some_and(|a| self.tallies.iter().any(|t| t.step == a.step && t.revealed));
        self.stage = if revealed { Stage::Reveal } else { Stage::Story };
        self.show_votes = revealed;
        ClassroomOutcome::Save
    }

    /// Answers the decision with `answer`, then goes past the rationale, confidence and
    /// review the room does not give.
    pub(super) fn answer_with(&mut self, answer: &crate::engine::Response) {
        let Some(asked) = self.asked() else { return };
        let inputs = crate::engine::kind_rule::inputs_for(answer);
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

    pub(super) fn after_step(&mut self) -> ClassroomOutcome {
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
            // kept: a resume after this says the session is complete, and not before
            return ClassroomOutcome::Save;
        }
        self.start_case(self.case + 1);
        self.tallies.clear();
        self.undone.clear();
        self.outcome_page = 0;
        self.stage = Stage::Title;
        self.question = 0;
        // each case of the plan has its own record, even when a case comes twice
        ClassroomOutcome::NewRecord
    }
}
