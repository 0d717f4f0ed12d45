//! Each trainee's own run of the case, from their answers in the room: a run record under
//! their pseudonym (`RecordKind::Run`), so `export`, `drill` and `report` treat it as any
//! other run. The story goes where the trainee's own answers take it, as far as they
//! answered: where their answer branches away from the room's, the run stops at the first
//! decision they were never asked, unfinished.

use std::collections::HashMap;
use std::sync::Arc;

use super::room::Given;
use crate::engine::{Input, Mode, Phase, Session, SessionState, Settings, kind_rule};
use crate::record::{Recorder, Store};
use crate::scenario::Scenario;

/// The trainee's run of `scenario` with the room's option order (`seed`), played on with
/// their answers to case `case` until a decision they have not answered, or the end.
pub fn trainee_state(scenario: &Arc<Scenario>, seed: u64, case: usize, answers: &[Given]) -> SessionState {
    let mut session = Session::new(Arc::clone(scenario), Settings::new(Mode::Assessment, seed));
    // every input moves the run on or fails, so this is a bound, not a guess
    for _ in 0..scenario.steps.len() * 8 + 8 {
        let input = match &session.state().phase {
            Phase::Briefing | Phase::Narrative { .. } | Phase::Reviewed { .. } => Input::Continue,
            Phase::Deciding { step, .. } => {
                let Some(given) = answers.iter().find(|a| a.case == case && &a.step == step) else {
                    break;
                };
                let mut ok = true;
                for input in kind_rule::inputs_for(&given.response) {
                    ok &= session.apply(input).is_ok();
                }
                if !ok {
                    break;
                }
                continue;
            }
            Phase::Rationale { step } => {
                let text = answers
                    .iter()
                    .find(|a| a.case == case && &a.step == step)
                    .map(|a| a.rationale.clone())
                    .unwrap_or_default();
                Input::Rationale(text)
            }
            Phase::Confidence { .. } => Input::Confidence(None),
            Phase::Finished => break,
        };
        if session.apply(input).is_err() {
            break;
        }
    }
    session.state().clone()
}

/// The trainees' run records, one recorder each per case of the session.
pub struct TraineeRuns {
    store: Option<Store>,
    /// The group recorder's xAPI queue, so each trainee's run goes to the LRS too.
    forwarder: Option<crate::xapi::Forwarder>,
    runs: HashMap<(String, usize), (Recorder, SessionState)>,
}

impl TraineeRuns {
    pub fn new(store: Option<Store>, forwarder: Option<crate::xapi::Forwarder>) -> Self {
        TraineeRuns {
            store,
            forwarder,
            runs: HashMap::new(),
        }
    }

    /// Saves `name`'s run of `scenario` when their answers moved it on. An error says why.
    pub fn save(
        &mut self,
        name: &str,
        scenario: &Arc<Scenario>,
        seed: u64,
        case: usize,
        answers: &[Given],
    ) -> Result<(), String> {
        if self.store.is_none() {
            return Ok(());
        }
        let state = trainee_state(scenario, seed, case, answers);
        let store = self.store.clone();
        let forwarder = self.forwarder.as_ref().map(crate::xapi::Forwarder::sibling);
        let (recorder, saved) = self.runs.entry((name.to_string(), case)).or_insert_with(|| {
            let mut recorder = Recorder::new(store, Some(name.to_string()));
            if let Some(forwarder) = forwarder {
                recorder.set_forwarder(forwarder);
            }
            (recorder, SessionState::clone(&state))
        });
        if recorder.path().is_some() && *saved == state {
            return Ok(());
        }
        *saved = state.clone();
        recorder.save(scenario, &state, &[]).map_err(|e| e.to_string())
    }

    /// Every run as one self-contained file (the session is ending).
    pub fn compact(&mut self) {
        for (recorder, _) in self.runs.values_mut() {
            let _ = recorder.compact();
        }
    }
}
