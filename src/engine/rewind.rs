//! Going back in a run past an answer: the run as it stood when it first reached an
//! earlier step. The classroom uses it to step back past a reveal, so a corrected tally
//! replaces the room's answer instead of sitting beside it.

use std::sync::Arc;

use super::answer::Answer;
use super::events::Input;
use super::kind_rule::inputs_for;
use super::session::Session;
use super::state::{Phase, SessionState};
use crate::scenario::Scenario;

/// The run at the step `state.path[index]`, as it was when first reached: the answers
/// given before it replayed in order, and that step's answer and everything after it gone.
/// Replaying, rather than cutting the state down, keeps every rule of the engine (the order
/// options are shown in, conditions on earlier answers) exactly as the first time.
///
/// `None` when there is no such step, the state is a drill, or the answers no longer lead
/// there (a state not made by this scenario).
pub fn rewind_to(scenario: Arc<Scenario>, state: &SessionState, index: usize) -> Option<Session> {
    let target = state.path.get(index)?;
    if state.drill {
        return None;
    }
    let mut session = Session::new(scenario, state.settings);
    let mut answering: Option<&Answer> = None;
    // every step is entered once and each answer takes a handful of inputs
    let limit = (state.path.len() + 1) * 8 + 16;
    for _ in 0..limit {
        let reached = session.state().path.len();
        if reached == index + 1 && session.phase().step() == Some(target.as_str()) {
            return Some(session);
        }
        if reached > index + 1 {
            return None;
        }
        let inputs = match session.phase().clone() {
            Phase::Briefing | Phase::Narrative { .. } | Phase::Reviewed { .. } => vec![Input::Continue],
            Phase::Deciding { step, .. } => {
                let answer = state.answers.iter().find(|a| a.step == step)?;
                answering = Some(answer);
                inputs_for(&answer.response)
            }
            Phase::Rationale { .. } => {
                vec![Input::Rationale(answering?.rationale.clone().unwrap_or_default())]
            }
            Phase::Confidence { .. } => vec![Input::Confidence(answering?.confidence)],
            Phase::Finished => return None,
        };
        for input in inputs {
            session.apply(input).ok()?;
        }
    }
    None
}
