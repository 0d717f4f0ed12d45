//! Properties of the engine over the built-in cases: any sequence of inputs, valid or not,
//! leaves a session that saves and resumes to the same state and plays on the same way, and a
//! debrief whose scores stay within their bounds.

use std::sync::{Arc, OnceLock};

use lessons::engine::kind_rule::{inputs_for, response_of};
use lessons::engine::{Debrief, Input, Mode, Phase, Session, SessionState, Settings, Totals};
use lessons::scenario::{Library, RationalePrompt, Scenario};
use proptest::prelude::*;
use proptest::sample::Index;

fn library() -> &'static [Scenario] {
    static LIBRARY: OnceLock<Vec<Scenario>> = OnceLock::new();
    LIBRARY.get_or_init(|| Library::builtin_trusted().scenarios().cloned().collect())
}

/// One move of the trainee: whether it is meant to be accepted, and a number to pick with.
#[derive(Debug, Clone, Copy)]
struct Move {
    valid: bool,
    pick: usize,
}

fn moves() -> impl Strategy<Value = Vec<Move>> {
    prop::collection::vec(
        (prop::bool::weighted(0.8), any::<u16>()).prop_map(|(valid, pick)| Move {
            valid,
            pick: usize::from(pick),
        }),
        0..200,
    )
}

/// The input for this move, chosen from what the session is asking now. `None` once finished.
fn input_for(session: &Session, m: Move) -> Option<Input> {
    const NO_SUCH: &str = "no-such-option";
    let input = match session.phase() {
        Phase::Finished => return None,
        Phase::Briefing | Phase::Narrative { .. } | Phase::Reviewed { .. } => {
            if m.valid {
                Input::Continue
            } else {
                [
                    Input::Choose(NO_SUCH.into()),
                    Input::Submit,
                    Input::Rationale("too early".into()),
                    Input::Confidence(Some(3)),
                ][m.pick % 4]
                    .clone()
            }
        }
        Phase::Deciding { .. } => {
            let asked = session
                .asked()
                .expect("a decision being asked is in the scenario");
            let id = asked.options[m.pick % asked.options.len()].id.clone();
            // the inputs that answer with this one option: one input, or a tick then Submit
            let answering = response_of(asked.kind, vec![id.clone()]).map(|r| inputs_for(&r));
            match (m.valid, answering) {
                (true, _) if m.pick.is_multiple_of(23) => Input::TimeUp,
                (true, Some(inputs)) if m.pick.is_multiple_of(3) => inputs.last()?.clone(),
                (true, Some(inputs)) => inputs.first()?.clone(),
                (true, None) => Input::Continue,
                (false, _) => match m.pick % 4 {
                    0 => Input::Choose(NO_SUCH.into()),
                    1 => Input::Toggle(NO_SUCH.into()),
                    2 => Input::Continue,
                    // another kind's input
                    _ if asked.kind.picks_one() => Input::Toggle(id),
                    _ => Input::Choose(id),
                },
            }
        }
        Phase::Rationale { step } => {
            let required = session
                .scenario()
                .decision(step)
                .is_some_and(|d| d.rationale == RationalePrompt::Require);
            match (m.valid, required || m.pick.is_multiple_of(2)) {
                (true, true) => Input::Rationale(format!("  reason number {}  ", m.pick)),
                (true, false) => Input::Rationale(String::new()),
                (false, true) if required => Input::Rationale(" \t ".into()),
                (false, _) => Input::Continue,
            }
        }
        Phase::Confidence { .. } => match (m.valid, m.pick % 6) {
            (true, 0) => Input::Confidence(None),
            (true, n) => Input::Confidence(u8::try_from(n).ok()),
            (false, 0) => Input::Confidence(Some(0)),
            (false, 1) => Input::Continue,
            (false, n) => Input::Confidence(Some(5 + u8::try_from(n).unwrap_or(1))),
        },
    };
    Some(input)
}

/// Saves the state as a record would (JSON) and resumes a new session from it.
fn save_and_resume(scenario: &Arc<Scenario>, state: &SessionState) -> Session {
    let json = serde_json::to_string(state).expect("a session state serialises");
    let back: SessionState = serde_json::from_str(&json).expect("a saved state reads back");
    assert_eq!(&back, state, "the state changed in the JSON round trip");
    Session::resume(Arc::clone(scenario), back).expect("a saved state resumes on its own scenario")
}

fn check_tally(tally: &Totals) {
    assert!(
        tally.points <= tally.max_points(),
        "{tally:?}: points over the maximum"
    );
    assert!(tally.percent() <= 100, "{tally:?}: over 100%");
    assert!(tally.in_line + tally.partly <= tally.decisions, "{tally:?}");
    assert_eq!(tally.points, tally.in_line * 2 + tally.partly, "{tally:?}");
}

fn check_debrief(debrief: &Debrief, state: &SessionState) {
    assert_eq!(debrief.items.len(), state.answers.len());
    // a decision asked but not judged is counted apart from the scored ones
    let counted = debrief.total.decisions + debrief.total.not_judged;
    assert_eq!(counted as usize, state.answers.len());
    check_tally(&debrief.total);
    debrief
        .by_stage
        .iter()
        .chain(&debrief.by_theme)
        .for_each(check_tally);
    // each decision has one NDM stage, so the stages share out the total
    let by_stage: u32 = debrief.by_stage.iter().map(|t| t.points).sum();
    assert_eq!(by_stage, debrief.total.points);
    for answer in &state.answers {
        assert!(
            answer.confidence.is_none_or(|c| (1..=5).contains(&c)),
            "{answer:?}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn any_run_saves_and_resumes_to_the_same_state_with_scores_in_bounds(
        which in any::<Index>(),
        seed in any::<u64>(),
        assessment in any::<bool>(),
        ask_confidence in any::<bool>(),
        moves in moves(),
    ) {
        let scenario = Arc::new(which.get(library()).clone());
        let mode = if assessment { Mode::Assessment } else { Mode::Practice };
        let settings = Settings { ask_confidence, ..Settings::new(mode, seed) };
        let mut session = Session::new(Arc::clone(&scenario), settings);
        for m in moves {
            let Some(input) = input_for(&session, m) else {
                prop_assert!(session.apply(Input::Continue).is_err(), "a finished run took more input");
                break;
            };
            let mut resumed = save_and_resume(&scenario, session.state());
            prop_assert_eq!(resumed.current(), session.current());
            prop_assert_eq!(resumed.asked(), session.asked());

            let before = session.state().clone();
            let result = session.apply(input.clone());
            prop_assert_eq!(&resumed.apply(input.clone()), &result, "the resumed run answered differently");
            prop_assert_eq!(resumed.state(), session.state());
            match &result {
                Ok(_) => {}
                Err(e) => {
                    prop_assert!(!m.valid, "valid input {:?} refused: {}", input, e);
                    prop_assert_eq!(session.state(), &before, "refused input {:?} changed the state", input);
                }
            }
            check_debrief(&session.debrief(), session.state());
        }
        let resumed = save_and_resume(&scenario, session.state());
        prop_assert_eq!(resumed.state(), session.state());
        check_debrief(&resumed.debrief(), resumed.state());
    }
}
