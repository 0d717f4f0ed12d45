//! What goes into a session (inputs) and what comes out (events). Both are plain data,
//! so the terminal UI, the plain player, classroom mode and tests drive the same engine.

use serde::{Deserialize, Serialize};

use super::answer::Response;
use super::item::Item;
use crate::scenario::{DecisionKind, NdmStage, RationalePrompt, Role};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Input {
    /// Move on from the briefing, a narrative step or a reviewed answer.
    Continue,
    /// Choose an option of a Single decision.
    Choose(String),
    /// Tick or untick an option of a Multiple decision.
    Toggle(String),
    /// Submit the ticked options of a Multiple decision.
    Submit,
    /// Choose a grade of a Scale decision.
    Grade(String),
    /// The typed rationale (empty to skip, where it is optional).
    Rationale(String),
    /// Confidence from 1 to 5, or `None` to skip.
    Confidence(Option<u8>),
    /// The decision's time limit ran out before an answer.
    TimeUp,
    /// Step back before the answer is settled: from the confidence question to the
    /// rationale (or to the choice when none is asked), from the rationale to the choice.
    /// Going back to the choice takes the answer back; nothing is recorded twice.
    Back,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShownOption {
    pub id: String,
    pub text: String,
    /// For Scale decisions: the grade's position, lowest first.
    pub level: Option<u32>,
}

/// A decision put to the trainee, with options in the order to show them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Asked {
    pub step: String,
    pub clock: Option<String>,
    pub role: Role,
    /// The source does not name this role; front ends say it is assumed.
    pub role_assumed: bool,
    pub ndm: NdmStage,
    pub prompt: String,
    pub kind: DecisionKind,
    pub options: Vec<ShownOption>,
    pub rationale: RationalePrompt,
    pub time_limit: Option<u32>,
    /// Options already ticked (a Multiple decision resumed part-way).
    pub ticked: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Event {
    Narrative {
        step: String,
        clock: Option<String>,
        text: String,
    },
    DecisionAsked(Asked),
    Ticked {
        step: String,
        option: String,
        on: bool,
    },
    RationaleAsked {
        step: String,
        required: bool,
    },
    ConfidenceAsked {
        step: String,
    },
    Answered {
        step: String,
        response: Response,
    },
    /// Practice mode only: how the answer stands against the finding, straight away.
    Feedback(Box<Item>),
    Finished,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InputError {
    #[error("that input is not expected now; the session is waiting for {waiting}")]
    NotNow { waiting: &'static str },
    #[error("there is no option `{0}` in this decision")]
    UnknownOption(String),
    #[error("this decision is {kind}; use {use_instead}")]
    WrongKind {
        kind: &'static str,
        use_instead: &'static str,
    },
    #[error("this decision asks for your rationale; type why you chose as you did")]
    RationaleRequired,
    #[error("confidence is from 1 to 5, not {0}")]
    ConfidenceOutOfRange(u8),
    #[error("the run has finished")]
    Finished,
    /// The state names a step the scenario lacks (a state not made by `resume` or `new`).
    #[error("the run is at step `{0}`, which the scenario does not have")]
    UnknownStep(String),
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ResumeError {
    #[error("this run is of scenario `{saved}`, not `{given}`")]
    WrongScenario { saved: String, given: String },
    #[error("the saved run refers to step `{0}`, which the scenario no longer has")]
    MissingStep(String),
}
