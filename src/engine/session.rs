//! A run through one scenario: a pure state machine. No terminal, clock or disk; the
//! state serialises so a run can be saved after any answer and resumed exactly.

use serde::{Deserialize, Serialize};

use super::answer::{Answer, Response};
use super::assess::{Debrief, assess, assess_one};
use super::io::{Asked, Event, Input, InputError, ResumeError, ShownOption};
use super::shuffle::shuffle;
use crate::scenario::graph::{Target, next_after, next_after_ticks, next_after_timeout};
use crate::scenario::{Condition, Decision, DecisionKind, RationalePrompt, Scenario, Step};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Mode {
    /// Feedback and the finding after each decision.
    #[default]
    Practice,
    /// Everything held until the debrief.
    Assessment,
}

impl Mode {
    pub fn label(self) -> &'static str {
        match self {
            Mode::Practice => "practice",
            Mode::Assessment => "assessment",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    pub mode: Mode,
    pub seed: u64,
    /// Ask "how sure are you?" (1–5) after each answer, before any feedback.
    #[serde(default)]
    pub ask_confidence: bool,
}

impl Settings {
    pub fn new(mode: Mode, seed: u64) -> Self {
        Settings {
            mode,
            seed,
            ask_confidence: false,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Phase {
    Briefing,
    Narrative {
        step: String,
    },
    Deciding {
        step: String,
        order: Vec<String>,
        ticked: Vec<String>,
    },
    Rationale {
        step: String,
    },
    Confidence {
        step: String,
    },
    /// Answered; waiting for Continue (practice mode has shown the feedback).
    Reviewed {
        step: String,
    },
    Finished,
}

/// Everything needed to resume a run, and nothing tied to the scenario's memory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionState {
    pub scenario_id: String,
    pub settings: Settings,
    pub phase: Phase,
    /// The steps reached so far, in order.
    pub path: Vec<String>,
    pub answers: Vec<Answer>,
    /// A drill asks one decision on its own and finishes after it.
    #[serde(default)]
    pub drill: bool,
}

#[derive(Clone)]
pub struct Session<'a> {
    scenario: &'a Scenario,
    state: SessionState,
    /// The index of the step last entered: looking a step up by id is a scan of every
    /// step, which made each move through a long case cost as much as the whole case.
    at: Option<usize>,
}

impl<'a> Session<'a> {
    pub fn new(scenario: &'a Scenario, settings: Settings) -> Self {
        Session {
            scenario,
            at: None,
            state: SessionState {
                scenario_id: scenario.id.clone(),
                settings,
                phase: Phase::Briefing,
                path: Vec::new(),
                answers: Vec::new(),
                drill: false,
            },
        }
    }

    /// A drill: one decision asked on its own, with the run's seed; it finishes after the answer.
    /// `None` when the scenario has no such decision.
    pub fn drill(scenario: &'a Scenario, settings: Settings, step: &str) -> Option<Self> {
        let index = scenario.step_index(step)?;
        scenario.decision(step)?;
        let mut session = Session::new(scenario, settings);
        session.state.drill = true;
        session.enter(Target::Step(index));
        Some(session)
    }

    /// Picks up a saved run. Fails rather than guessing when the scenario no longer fits it.
    pub fn resume(scenario: &'a Scenario, state: SessionState) -> Result<Self, ResumeError> {
        if state.scenario_id != scenario.id {
            return Err(ResumeError::WrongScenario {
                saved: state.scenario_id,
                given: scenario.id.clone(),
            });
        }
        let answered = state.answers.iter().map(|a| &a.step);
        for id in state.path.iter().chain(answered) {
            if scenario.step_index(id).is_none() {
                return Err(ResumeError::MissingStep(id.clone()));
            }
        }
        for answer in &state.answers {
            let decision = scenario
                .decision(&answer.step)
                .ok_or_else(|| ResumeError::MissingStep(answer.step.clone()))?;
            if let Some(missing) = answer
                .response
                .selected()
                .into_iter()
                .find(|o| decision.option(o).is_none())
            {
                return Err(ResumeError::MissingStep(format!("{}/{missing}", answer.step)));
            }
        }
        if let Some(step) = phase_step(&state.phase)
            && scenario.step_index(step).is_none()
        {
            return Err(ResumeError::MissingStep(step.to_string()));
        }
        Ok(Session {
            scenario,
            state,
            at: None,
        })
    }

    pub fn scenario(&self) -> &'a Scenario {
        self.scenario
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
        assess(self.scenario, &self.state.answers)
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
                Ok(self.enter(next_after(self.scenario, index, None)))
            }
            (Phase::Deciding { step, .. }, Input::TimeUp) => Ok(self.answer(&step, Response::NoDecision)),
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
            (Phase::Reviewed { .. }, Input::Continue) if self.state.drill => {
                self.state.phase = Phase::Finished;
                Ok(vec![Event::Finished])
            }
            (Phase::Reviewed { step }, Input::Continue) => {
                let index = self.index(&step).ok_or(InputError::UnknownStep(step.clone()))?;
                let response = self.state.answers.last().map(|a| a.response.clone());
                if response == Some(Response::NoDecision) {
                    return Ok(self.enter(next_after_timeout(self.scenario, index)));
                }
                if let Some(Response::Ticked(ids)) = &response {
                    let ticked: Vec<&str> = ids.iter().map(String::as_str).collect();
                    return Ok(self.enter(next_after_ticks(self.scenario, index, &ticked)));
                }
                let chosen = response.and_then(|r| match r {
                    Response::Chose(o) | Response::Graded(o) => Some(o),
                    _ => None,
                });
                let option = chosen.and_then(|o| self.decision(&step).and_then(|d| d.option(&o)));
                Ok(self.enter(next_after(self.scenario, index, option)))
            }
            (phase, _) => Err(InputError::NotNow {
                waiting: waiting_for(&phase),
            }),
        }
    }

    fn decide(
        &mut self,
        step: &str,
        mut ticked: Vec<String>,
        input: Input,
    ) -> Result<Vec<Event>, InputError> {
        let decision = self.decision(step).ok_or(InputError::Finished)?;
        let known = |id: &str| -> Result<(), InputError> {
            decision
                .option(id)
                .map(|_| ())
                .ok_or_else(|| InputError::UnknownOption(id.to_string()))
        };
        match (decision.kind, input) {
            (DecisionKind::Single, Input::Choose(id)) => {
                known(&id)?;
                Ok(self.answer(step, Response::Chose(id)))
            }
            (DecisionKind::Scale, Input::Grade(id)) => {
                known(&id)?;
                Ok(self.answer(step, Response::Graded(id)))
            }
            (DecisionKind::Multiple, Input::Toggle(id)) => {
                known(&id)?;
                let on = !ticked.contains(&id);
                if on {
                    ticked.push(id.clone());
                } else {
                    ticked.retain(|t| *t != id);
                }
                if let Phase::Deciding { ticked: saved, .. } = &mut self.state.phase {
                    *saved = ticked;
                }
                Ok(vec![Event::Ticked {
                    step: step.to_string(),
                    option: id,
                    on,
                }])
            }
            (DecisionKind::Multiple, Input::Submit) => {
                let in_file_order = decision
                    .options
                    .iter()
                    .filter(|o| ticked.contains(&o.id))
                    .map(|o| o.id.clone())
                    .collect();
                Ok(self.answer(step, Response::Ticked(in_file_order)))
            }
            (kind, Input::Choose(_) | Input::Grade(_) | Input::Toggle(_) | Input::Submit) => {
                let use_instead = match kind {
                    DecisionKind::Single => "Choose",
                    DecisionKind::Multiple => "Toggle and Submit",
                    DecisionKind::Scale => "Grade",
                };
                Err(InputError::WrongKind {
                    kind: kind.label(),
                    use_instead,
                })
            }
            _ => Err(InputError::NotNow {
                waiting: "an answer to the decision",
            }),
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
        if self.state.settings.mode != super::Mode::Practice {
            return Vec::new();
        }
        let decision = self.decision(step);
        let answer = self.state.answers.iter().rev().find(|a| a.step == step);
        match (decision, answer) {
            (Some(d), Some(a)) => vec![Event::Feedback(Box::new(
                assess_one(self.scenario, d, a).for_practice(),
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
                    target = next_after(self.scenario, index, None);
                }
                _ => break,
            }
        }
        let Target::Step(index) = target else {
            self.state.phase = Phase::Finished;
            return vec![Event::Finished];
        };
        let Some(step) = self.scenario.steps.get(index) else {
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
                let mut order: Vec<String> = d.options.iter().map(|o| o.id.clone()).collect();
                if d.kind != DecisionKind::Scale {
                    shuffle(&mut order, self.state.settings.seed, &d.id);
                }
                self.state.phase = Phase::Deciding {
                    step: d.id.clone(),
                    order,
                    ticked: Vec::new(),
                };
            }
        }
        self.current()
    }

    fn step_events(&self, index: usize) -> Vec<Event> {
        match &self.scenario.steps[index] {
            Step::Narrative(n) => vec![Event::Narrative {
                step: n.id.clone(),
                clock: n.clock.clone(),
                text: n.text.clone(),
            }],
            Step::Decision(_) => self.current(),
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
            time_limit: d.time_limit,
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

    fn decision(&self, step: &str) -> Option<&'a Decision> {
        let scenario: &'a Scenario = self.scenario;
        match self.at.and_then(|i| scenario.steps.get(i)) {
            Some(Step::Decision(d)) if d.id == step => Some(d),
            _ => scenario.decision(step),
        }
    }
}

fn phase_step(phase: &Phase) -> Option<&str> {
    match phase {
        Phase::Narrative { step }
        | Phase::Deciding { step, .. }
        | Phase::Rationale { step }
        | Phase::Confidence { step }
        | Phase::Reviewed { step } => Some(step),
        Phase::Briefing | Phase::Finished => None,
    }
}

fn waiting_for(phase: &Phase) -> &'static str {
    match phase {
        Phase::Briefing | Phase::Narrative { .. } | Phase::Reviewed { .. } => "Continue",
        Phase::Deciding { .. } => "an answer to the decision",
        Phase::Rationale { .. } => "your rationale",
        Phase::Confidence { .. } => "a confidence rating",
        Phase::Finished => "nothing",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A state that names a missing step gives an error, not an out-of-bounds panic.
    #[test]
    fn a_state_at_an_unknown_step_is_an_error() {
        let text = include_str!("../../tests/fixtures/valid/synthetic-branching.ron");
        let scenario =
            crate::scenario::load_bytes(crate::scenario::Origin::Builtin("f"), "f", text.as_bytes())
                .scenario
                .expect("the fixture is valid");
        for phase in [
            Phase::Narrative { step: "gone".into() },
            Phase::Reviewed { step: "gone".into() },
        ] {
            let mut session = Session::new(&scenario, Settings::new(Mode::Practice, 1));
            session.state.phase = phase;
            assert_eq!(
                session.apply(Input::Continue),
                Err(InputError::UnknownStep("gone".into()))
            );
        }
    }
}
