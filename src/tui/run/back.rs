//! The run's ways back and around: Esc from the rationale or confidence question to the
//! choice, the mouse wheel, and the text back from the trainee's own editor.

use std::time::Instant;

use super::{RunOutcome, RunState};
use crate::engine::{Input, Phase};
use crate::scenario::RationalePrompt;
use crate::tui::widgets::rationale;

impl RunState {
    /// The mouse wheel: the feedback pane while it is up, else what is known so far.
    pub(super) fn wheel(&mut self, up: bool) {
        if matches!(self.state().phase, Phase::Reviewed { .. }) {
            // the feedback counts rows down from its top
            self.feedback_scroll = if up {
                self.feedback_scroll.saturating_sub(3)
            } else {
                self.feedback_scroll.saturating_add(3)
            };
        } else {
            // the timeline counts rows up from its newest entry
            self.scroll_back = if up {
                self.scroll_back.saturating_add(3)
            } else {
                self.scroll_back.saturating_sub(3)
            };
        }
    }

    /// Whether Esc steps back from here: before the answer is settled, and on a timed
    /// decision only while its clock (which ran on through the rationale) has time left.
    pub fn can_go_back(&self, now: Instant) -> bool {
        let phase = &self.state().phase;
        let decision = phase.step().and_then(|s| self.scenario().decision(s));
        match phase {
            Phase::Confidence { .. } if decision.is_some_and(|d| d.rationale != RationalePrompt::No) => true,
            // a timed decision's clock ran on: back to it only while some time is left
            Phase::Rationale { .. } | Phase::Confidence { .. } => {
                decision.is_some() && !self.clock.as_ref().is_some_and(|c| c.expired(now))
            }
            _ => false,
        }
    }

    pub(super) fn back(&mut self, now: Instant) -> RunOutcome {
        let Some(step) = self.state().phase.step().map(str::to_string) else {
            return RunOutcome::None;
        };
        let decision = self.scenario().decision(&step);
        let timed = decision.is_some_and(|d| d.time_limit.is_some());
        let asks_rationale = decision.is_some_and(|d| d.rationale != RationalePrompt::No);
        let to_choice = matches!(self.state().phase, Phase::Rationale { .. }) || !asks_rationale;
        // The decision's clock ran on while the rationale was typed; going back is fair
        // only while some of its time is left.
        let out_of_time = self.clock.as_ref().is_some_and(|c| c.expired(now));
        if timed && to_choice && out_of_time {
            self.message = Some("The time for this decision is up, so the choice stands.".into());
            return RunOutcome::None;
        }
        let chosen = self.state().answers.last().map(|a| a.response.clone());
        let typed = std::mem::replace(&mut self.rationale, rationale::new_box());
        let clock = self.clock.clone();
        let result = self.apply(Input::Back, now);
        self.rationale = typed;
        match result {
            Ok(_) => {
                if to_choice {
                    // asked again, not anew: its time counts once, from when it was first shown
                    self.clock = clock;
                    if self.timings.last().is_some_and(|t| t.step == step) {
                        self.timings.pop();
                    }
                    if let (Some(asked), Some(chosen)) = (self.asked(), chosen) {
                        let first = chosen.selected().first().map(|id| id.to_string());
                        if let Some(i) = asked.options.iter().position(|o| Some(&o.id) == first.as_ref()) {
                            self.cursor = i;
                        }
                    }
                }
                RunOutcome::Changed { answered: false }
            }
            Err(e) => {
                self.message = Some(e.to_string());
                RunOutcome::None
            }
        }
    }

    /// What the trainee's editor gave back: the box now holds it, or the reason it does not.
    pub fn edited(&mut self, result: Result<String, String>) {
        if !matches!(self.state().phase, Phase::Rationale { .. }) {
            return;
        }
        match result {
            Ok(text) => {
                self.rationale = rationale::with_text(&text);
                self.draft_dirty = true;
            }
            Err(why) => self.message = Some(format!("The editor did not give the text back: {why}.")),
        }
    }
}
