//! What the trainee answered at each decision, as saved in a run.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Response {
    /// One option of a Single decision.
    Chose(String),
    /// The ticked options of a Multiple decision, in the order the file lists them.
    Ticked(Vec<String>),
    /// One grade of a Scale decision.
    Graded(String),
    /// The time limit ran out.
    NoDecision,
}

impl Response {
    /// The chosen options' texts, or why there are none.
    pub fn describe(&self, decision: &crate::scenario::Decision) -> String {
        match self.nothing_selected() {
            Some(why) => why.into(),
            None => self
                .selected()
                .iter()
                .filter_map(|id| decision.option(id).map(|o| o.text.clone()))
                .collect::<Vec<_>>()
                .join("; "),
        }
    }

    /// Why this response selects no option, in the words a debrief shows; `None` when it
    /// selects some. Exhaustive, so a new kind of answer says here how it reads when empty.
    pub fn nothing_selected(&self) -> Option<&'static str> {
        match self {
            Response::NoDecision => Some("No decision in time"),
            Response::Ticked(ids) if ids.is_empty() => Some("Nothing ticked"),
            Response::Chose(_) | Response::Graded(_) | Response::Ticked(_) => None,
        }
    }

    /// The option ids this response selects.
    pub fn selected(&self) -> Vec<&str> {
        match self {
            Response::Chose(id) | Response::Graded(id) => vec![id.as_str()],
            Response::Ticked(ids) => ids.iter().map(String::as_str).collect(),
            Response::NoDecision => Vec::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    /// The decision's step id.
    pub step: String,
    pub response: Response,
    #[serde(default)]
    pub rationale: Option<String>,
    /// How sure the trainee was, 1 (guessing) to 5 (certain).
    #[serde(default)]
    pub confidence: Option<u8>,
}
