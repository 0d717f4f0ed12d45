//! A run through one scenario: a pure state machine over a shared, read-only case. No
//! terminal, clock or disk; the state serialises so a run can be saved after any answer
//! and resumed exactly. What depends on a decision's kind is asked of `kind_rule`.

use std::sync::Arc;

use super::answer::{Answer, Response};
use super::assess::{Debrief, assess, assess_one};
use super::events::{Asked, Event, Input, InputError, ResumeError, ShownOption};
use super::kind_rule::{self, Taken};
use super::shuffle::shuffle;
use super::state::{Mode, Phase, SessionState, Settings};
use crate::scenario::graph::{Target, next_after};
use crate::scenario::{Condition, Decision, RationalePrompt, Scenario, Step};

/// A run and the case it is of. Cloning is cheap: the case is shared, not copied.
#[derive(Debug, Clone)]
pub struct Session {
    scenario: Arc<Scenario>,
    state: SessionState,
    /// The index of the step last entered: looking a step up by id is a scan of every
    /// step, which made each move through a long case cost as much as the whole case.
    at: Option<usize>,
}

impl Session {
    /// A new run from the briefing. Pass an `Arc` to share a case between sessions.
    pub fn new(scenario: impl Into<Arc<Scenario>>, settings: Settings) -> Self {
        let scenario = scenario.into();
        Session {
            at: None,
            state: SessionState {
                scenario_id: scenario.id.clone(),
                settings,
                phase: Phase::Briefing,
                path: Vec::new(),
                answers: Vec::new(),
                drill: false,
                early: false,
            },
            scenario,
        }
    }

    /// A drill: one decision asked on its own, with the run's seed; it finishes after the answer.
    /// `None` when the scenario has no such decision.
    pub fn drill(scenario: impl Into<Arc<Scenario>>, settings: Settings, step: &str) -> Option<Self> {
        let scenario = scenario.into();
        let index = scenario.step_index(step)?;
        scenario.decision(step)?;
        let mut session = Session::new(scenario, settings);
        session.state.drill = true;
        session.enter(Target::Step(index));
        Some(session)
    }

    /// Marks a drill as taken before its decision was due (drill now).
    pub fn early(mut self, early: bool) -> Self {
        self.state.early = early;
        self
    }

    /// Picks up a saved run. Fails rather than guessing when the scenario no longer fits it;
    /// this is the one place a state from outside is checked against its case.
    pub fn resume(scenario: impl Into<Arc<Scenario>>, state: SessionState) -> Result<Self, ResumeError> {
        let scenario = scenario.into();
        state.check_fits(&scenario)?;
        Ok(Session {
            scenario,
            state,
            at: None,
        })
    }

    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    /// The case, to share with another session or keep after this one ends.
    pub fn shared_scenario(&self) -> &Arc<Scenario> {
        &self.scenario
    }

    pub fn state(&self) -> &SessionState {
        &self.state
    }

    pub fn into_state(self) -> SessionState {
        self.state
    }

    pub fn phase(&self) -> &Phase {
        &self.state.phase
    }

    pub fn answers(&self) -> &[Answer] {
        &self.state.answers
    }

    pub fn is_finished(&self) -> bool {
        self.state.phase == Phase::Finished
    }

    pub fn debrief(&self) -> Debrief {
        assess(&self.scenario, &self.state.answers)
    }

    /// The decision being asked now, with its options in the order shown.
    pub fn asked(&self) -> Option<Asked> {
        match &self.state.phase {
            Phase::Deciding { step, order, ticked } => {
                self.decision(step).map(|d| self.asked_for(d, order, ticked))
            }
            _ => None,
        }
    }

    /// The events that describe where the run stands now, to redraw after a resume.
    pub fn current(&self) -> Vec<Event> {
        match &self.state.phase {
            Phase::Briefing => Vec::new(),
            Phase::Narrative { step } => self.index(step).map(|i| self.step_events(i)).unwrap_or_default(),
            Phase::Deciding { step, order, ticked } => self
                .decision(step)
                .map(|d| vec![Event::DecisionAsked(self.asked_for(d, order, ticked))])
                .unwrap_or_default(),
            Phase::Rationale { step } => vec![Event::RationaleAsked {
                step: step.clone(),
                required: self
                    .decision(step)
                    .is_some_and(|d| d.rationale == RationalePrompt::Require),
            }],
            Phase::Confidence { step } => vec![Event::ConfidenceAsked { step: step.clone() }],
            Phase::Reviewed { step } => self.review_events(step),
            Phase::Finished => vec![Event::Finished],
        }
    }

    pub fn apply(&mut self, input: Input) -> Result<Vec<Event>, InputError> {
        let phase = self.state.phase.clone();
        match (phase, input) {
            (Phase::Finished, _) => Err(InputError::Finished),
            (Phase::Briefing, Input::Continue) => Ok(self.enter(Target::Step(0))),
            (Phase::Narrative { step }, Input::Continue) => {
                let index = self.index(&step).ok_or(InputError::UnknownStep(step.clone()))?;
                Ok(self.enter(next_after(&self.scenario, index, None)))
            }
            (Phase::Deciding { step, .. }, Input::TimeUp) => {
                self.index(&step).ok_or(InputError::UnknownStep(step.clone()))?;
                Ok(self.answer(&step, Response::NoDecision))
            }
            (Phase::Deciding { step, ticked, .. }, input) => self.decide(&step, ticked, input),
            (Phase::Rationale { step }, Input::Rationale(text)) => {
                let decision = self.decision(&step);
                let text = text.trim().to_string();
                if text.is_empty() && decision.is_some_and(|d| d.rationale == RationalePrompt::Require) {
                    return Err(InputError::RationaleRequired);
                }
                if let Some(answer) = self.state.answers.last_mut() {
                    answer.rationale = (!text.is_empty()).then_some(text);
                }
                Ok(self.after_rationale(&step))
            }
            (Phase::Confidence { step }, Input::Confidence(level)) => {
                if let Some(level) = level.filter(|l| !(1..=5).contains(l)) {
                    return Err(InputError::ConfidenceOutOfRange(level));
                }
                if let Some(answer) = self.state.answers.last_mut() {
                    answer.confidence = level;
                }
                Ok(self.review(&step))
            }
            (Phase::Rationale { step }, Input::Back) => self.back_to_choice(&step),
            (Phase::Confidence { step }, Input::Back) => {
                if self
                    .decision(&step)
                    .is_some_and(|d| d.rationale != RationalePrompt::No)
                {
                    self.state.phase = Phase::Rationale { step: step.clone() };
                    Ok(self.current())
                } else {
                    self.back_to_choice(&step)
                }
            }
            (Phase::Reviewed { .. }, Input::Continue) if self.state.drill => {
                self.state.phase = Phase::Finished;
                Ok(vec![Event::Finished])
            }
            (Phase::Reviewed { step }, Input::Continue) => {
                let index = self.index(&step).ok_or(InputError::UnknownStep(step.clone()))?;
                let scenario = Arc::clone(&self.scenario);
                let response = self.state.answers.last().map(|a| &a.response);
                let target = kind_rule::next_after_answer(&scenario, index, self.decision(&step), response);
                Ok(self.enter(target))
            }
            (phase, _) => Err(InputError::NotNow {
                waiting: phase.waiting_for(),
            }),
        }
    }

    fn decide(
        &mut self,
        step: &str,
        mut ticked: Vec<String>,
        input: Input,
    ) -> Result<Vec<Event>, InputError> {
        let scenario = Arc::clone(&self.scenario);
        let decision = self
            .index(step)
            .and_then(|i| scenario.steps.get(i))
            .and_then(Step::as_decision)
            .ok_or_else(|| InputError::UnknownStep(step.to_string()))?;
        match kind_rule::take(decision, &mut ticked, input)? {
            Taken::Answered(response) => Ok(self.answer(step, response)),
            Taken::Ticked { option, on } => {
                if let Phase::Deciding { ticked: saved, .. } = &mut self.state.phase {
                    *saved = ticked;
                }
                Ok(vec![Event::Ticked {
                    step: step.to_string(),
                    option,
                    on,
                }])
            }
        }
    }

    fn answer(&mut self, step: &str, response: Response) -> Vec<Event> {
        let timed_out = response == Response::NoDecision;
        self.state.answers.push(Answer {
            step: step.to_string(),
            response: response.clone(),
            rationale: None,
            confidence: None,
        });
        let mut events = vec![Event::Answered {
            step: step.to_string(),
            response,
        }];
        let asks_rationale = self
            .decision(step)
            .is_some_and(|d| d.rationale != RationalePrompt::No);
        if asks_rationale && !timed_out {
            self.state.phase = Phase::Rationale {
                step: step.to_string(),
            };
            events.push(Event::RationaleAsked {
                step: step.to_string(),
                required: self
                    .decision(step)
                    .is_some_and(|d| d.rationale == RationalePrompt::Require),
            });
        } else if timed_out {
            events.extend(self.review(step));
        } else {
            events.extend(self.after_rationale(step));
        }
        events
    }

    /// Takes the last answer back and asks its decision again, in the order first shown
    /// (the shuffle is keyed by the seed and step) with a checklist's ticks as they were.
    /// The path is left alone: the step was entered once, and still was.
    fn back_to_choice(&mut self, step: &str) -> Result<Vec<Event>, InputError> {
        let decision = self
            .decision(step)
            .ok_or_else(|| InputError::UnknownStep(step.to_string()))?;
        let answer = match self.state.answers.last() {
            Some(a) if a.step == step => a,
            _ => return Err(InputError::UnknownStep(step.to_string())),
        };
        let ticked = match &answer.response {
            Response::Ticked(ids) => ids.clone(),
            _ => Vec::new(),
        };
        let order = self.shown_order(decision);
        self.state.answers.pop();
        self.state.phase = Phase::Deciding {
            step: step.to_string(),
            order,
            ticked,
        };
        Ok(self.current())
    }

    fn after_rationale(&mut self, step: &str) -> Vec<Event> {
        if self.state.settings.ask_confidence {
            self.state.phase = Phase::Confidence {
                step: step.to_string(),
            };
            vec![Event::ConfidenceAsked {
                step: step.to_string(),
            }]
        } else {
            self.review(step)
        }
    }

    fn review(&mut self, step: &str) -> Vec<Event> {
        self.state.phase = Phase::Reviewed {
            step: step.to_string(),
        };
        self.review_events(step)
    }

    fn review_events(&self, step: &str) -> Vec<Event> {
        if self.state.settings.mode != Mode::Practice {
            return Vec::new();
        }
        let decision = self.decision(step);
        let answer = self.state.answers.iter().rev().find(|a| a.step == step);
        match (decision, answer) {
            (Some(d), Some(a)) => vec![Event::Feedback(Box::new(
                assess_one(&self.scenario, d, a).for_practice(),
            ))],
            _ => Vec::new(),
        }
    }

    fn enter(&mut self, mut target: Target) -> Vec<Event> {
        // Pass over steps whose condition the earlier answers do not meet (a drill asks its
        // one decision whatever was answered before). Validation rules out loops; the bound
        // is for a scenario that was not validated.
        for _ in 0..self.scenario.steps.len() {
            match target {
                Target::Step(index) if !self.state.drill => {
                    let skip = self
                        .scenario
                        .steps
                        .get(index)
                        .and_then(Step::only_if)
                        .is_some_and(|c| !self.met(c));
                    if !skip {
                        break;
                    }
                    target = next_after(&self.scenario, index, None);
                }
                _ => break,
            }
        }
        let Target::Step(index) = target else {
            self.state.phase = Phase::Finished;
            return vec![Event::Finished];
        };
        let scenario = Arc::clone(&self.scenario);
        let Some(step) = scenario.steps.get(index) else {
            self.state.phase = Phase::Finished;
            return vec![Event::Finished];
        };
        self.at = Some(index);
        self.state.path.push(step.id().to_string());
        match step {
            Step::Narrative(n) => {
                self.state.phase = Phase::Narrative { step: n.id.clone() };
            }
            Step::Decision(d) => {
                let order = self.shown_order(d);
                self.state.phase = Phase::Deciding {
                    step: d.id.clone(),
                    order,
                    ticked: Vec::new(),
                };
            }
        }
        self.current()
    }

    /// The order a decision's options are shown in, the same every time it is asked.
    fn shown_order(&self, d: &Decision) -> Vec<String> {
        let mut order: Vec<String> = d.options.iter().map(|o| o.id.clone()).collect();
        if d.kind.shuffles_options() {
            shuffle(&mut order, self.state.settings.seed, &d.id);
        }
        order
    }

    fn step_events(&self, index: usize) -> Vec<Event> {
        match self.scenario.steps.get(index) {
            Some(Step::Narrative(n)) => vec![Event::Narrative {
                step: n.id.clone(),
                clock: n.clock.clone(),
                text: n.text.clone(),
            }],
            Some(Step::Decision(_)) => self.current(),
            None => Vec::new(),
        }
    }

    fn asked_for(&self, d: &Decision, order: &[String], ticked: &[String]) -> Asked {
        Asked {
            step: d.id.clone(),
            clock: d.clock.clone(),
            role: self.scenario.role_at(d),
            role_assumed: d.role_assumed,
            ndm: d.ndm,
            prompt: d.prompt.clone(),
            kind: d.kind,
            options: order
                .iter()
                .filter_map(|id| d.option(id))
                .map(|o| ShownOption {
                    id: o.id.clone(),
                    text: o.text.clone(),
                    level: o.level,
                })
                .collect(),
            rationale: d.rationale,
            time_limit: self.state.settings.timers.limit(d.time_limit),
            ticked: ticked.to_vec(),
        }
    }

    /// Whether the latest answer at the condition's decision chose its option.
    fn met(&self, condition: &Condition) -> bool {
        self.state
            .answers
            .iter()
            .rev()
            .find(|a| a.step == condition.step)
            .is_some_and(|a| a.response.selected().contains(&condition.chose.as_str()))
    }

    fn index(&self, step: &str) -> Option<usize> {
        match self.at {
            Some(i) if self.scenario.steps.get(i).is_some_and(|s| s.id() == step) => Some(i),
            _ => self.scenario.step_index(step),
        }
    }

    fn decision(&self, step: &str) -> Option<&Decision> {
        self.index(step)
            .and_then(|i| self.scenario.steps.get(i))
            .and_then(Step::as_decision)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::engine::test_fixture::fixture;

    /// A session whose state was set by hand, past `resume`'s checks.
    fn at(phase: Phase) -> Session {
        let mut session = Session::new(fixture(), Settings::new(Mode::Practice, 1));
        session.state.phase = phase;
        session
    }

    /// A state that names a missing step gives an error, not an out-of-bounds panic.
    #[test]
    fn a_state_at_an_unknown_step_is_an_error() {
        for phase in [
            Phase::Narrative { step: "gone".into() },
            Phase::Reviewed { step: "gone".into() },
        ] {
            assert_eq!(
                at(phase).apply(Input::Continue),
                Err(InputError::UnknownStep("gone".into()))
            );
        }
        let mut deciding = at(Phase::Deciding {
            step: "gone".into(),
            order: vec!["a".into()],
            ticked: Vec::new(),
        });
        for input in [Input::Choose("a".into()), Input::TimeUp] {
            assert_eq!(deciding.apply(input), Err(InputError::UnknownStep("gone".into())));
        }
        assert!(
            deciding.answers().is_empty(),
            "nothing is recorded for a step the case lacks"
        );
        assert_eq!(deciding.asked(), None);
        assert!(at(Phase::Narrative { step: "gone".into() }).current().is_empty());
    }

    #[test]
    fn resume_refuses_a_phase_at_a_step_the_case_lacks() {
        let mut state = Session::new(fixture(), Settings::new(Mode::Practice, 1)).into_state();
        state.phase = Phase::Rationale { step: "gone".into() };
        assert_eq!(
            Session::resume(fixture(), state).map(|s| s.into_state()),
            Err(ResumeError::MissingStep("gone".into()))
        );
    }

    #[test]
    fn sessions_share_their_case() {
        let scenario = fixture();
        let session = Session::new(Arc::clone(&scenario), Settings::new(Mode::Practice, 1));
        let copy = session.clone();
        assert!(Arc::ptr_eq(session.shared_scenario(), &scenario));
        assert!(Arc::ptr_eq(copy.shared_scenario(), &scenario));
    }
}
