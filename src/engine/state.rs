//! What a run saves: its settings, where it stands and what was answered. Plain data with a
//! fixed serde shape, so records written by earlier versions still load.

use serde::{Deserialize, Serialize};

use super::answer::Answer;
use super::events::ResumeError;
use super::timers::Timers;
use crate::scenario::Scenario;

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
    /// Standard limits, extra time or none; records from before this setting are standard.
    #[serde(default)]
    pub timers: Timers,
}

impl Settings {
    pub fn new(mode: Mode, seed: u64) -> Self {
        Settings {
            mode,
            seed,
            ask_confidence: false,
            timers: Timers::Standard,
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

impl Phase {
    /// The step this phase is at, if any.
    pub fn step(&self) -> Option<&str> {
        match self {
            Phase::Narrative { step }
            | Phase::Deciding { step, .. }
            | Phase::Rationale { step }
            | Phase::Confidence { step }
            | Phase::Reviewed { step } => Some(step),
            Phase::Briefing | Phase::Finished => None,
        }
    }

    /// What the session waits for in this phase, for an error message.
    pub(super) fn waiting_for(&self) -> &'static str {
        match self {
            Phase::Briefing | Phase::Narrative { .. } | Phase::Reviewed { .. } => "Continue",
            Phase::Deciding { .. } => "an answer to the decision",
            Phase::Rationale { .. } => "your rationale",
            Phase::Confidence { .. } => "a confidence rating",
            Phase::Finished => "nothing",
        }
    }
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
    /// A drill taken before the decision was due (drill now): the schedule counts its
    /// misses but not its answers in line (see `analysis::drill`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub early: bool,
}

impl SessionState {
    /// Whether this state can be resumed on `scenario`: every step and option it names is
    /// there. `Session::resume` checks this once; callers that only ask may call it alone.
    pub fn check_fits(&self, scenario: &Scenario) -> Result<(), ResumeError> {
        if self.scenario_id != scenario.id {
            return Err(ResumeError::WrongScenario {
                saved: self.scenario_id.clone(),
                given: scenario.id.clone(),
            });
        }
        let answered = self.answers.iter().map(|a| &a.step);
        for id in self.path.iter().chain(answered) {
            if scenario.step_index(id).is_none() {
                return Err(ResumeError::MissingStep(id.clone()));
            }
        }
        for answer in &self.answers {
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
        match self.phase.step() {
            Some(step) if scenario.step_index(step).is_none() => {
                Err(ResumeError::MissingStep(step.to_string()))
            }
            Some(_) | None => Ok(()),
        }
    }
}
