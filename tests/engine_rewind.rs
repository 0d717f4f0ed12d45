//! Rewinding a run to an earlier step (`engine::rewind_to`): the run as it first reached
//! that step, every answer from there on taken back, the options in the same order, and
//! a different answer then free to take the story another way.
#![allow(clippy::unwrap_used)]

mod common;

use std::sync::Arc;

use lessons::engine::{Input, Mode, Phase, Response, Session, Settings, rewind_to};

use common::fixture_scenario;

/// Gives `input` and then whatever the decision asks after it (rationale, confidence,
/// the review), as `why` and `sure`.
fn answer(session: &mut Session, input: Input, why: &str, sure: Option<u8>) {
    session.apply(input).unwrap();
    for _ in 0..3 {
        let next = match session.state().phase {
            Phase::Rationale { .. } => Input::Rationale(why.into()),
            Phase::Confidence { .. } => Input::Confidence(sure),
            Phase::Reviewed { .. } => Input::Continue,
            _ => return,
        };
        session.apply(next).unwrap();
    }
}

/// A practice run (rationale and confidence asked) through evidence and a high risk grade,
/// now at the MARAC question.
fn at_marac() -> Session {
    let mut settings = Settings::new(Mode::Practice, 9);
    settings.ask_confidence = true;
    let mut session = Session::new(fixture_scenario(), settings);
    session.apply(Input::Continue).unwrap();
    session.apply(Input::Continue).unwrap();
    answer(
        &mut session,
        Input::Choose("secure".into()),
        "it is the evidence",
        Some(4),
    );
    answer(&mut session, Input::Grade("high".into()), "", None);
    assert_eq!(session.asked().unwrap().step, "marac");
    session
}

#[test]
fn rewinding_to_a_decision_takes_back_its_answer_and_every_later_one() {
    let session = at_marac();
    let state = session.state();
    assert_eq!(state.path, vec!["arrival", "evidence", "risk", "marac"]);
    let risk = rewind_to(Arc::new(fixture_scenario()), state, 2).unwrap();
    assert_eq!(risk.asked().unwrap().step, "risk");
    assert_eq!(risk.state().path, vec!["arrival", "evidence", "risk"]);
    assert_eq!(risk.answers().len(), 1, "the evidence answer stands");
    assert_eq!(risk.answers()[0].rationale.as_deref(), Some("it is the evidence"));
    assert_eq!(risk.answers()[0].confidence, Some(4));
}

#[test]
fn a_rewound_decision_shows_its_options_as_before_and_can_go_another_way() {
    let session = at_marac();
    let mut fresh = Session::new(fixture_scenario(), session.state().settings);
    fresh.apply(Input::Continue).unwrap();
    fresh.apply(Input::Continue).unwrap();
    let first_order = fresh.asked().unwrap().options;
    let mut evidence = rewind_to(Arc::new(fixture_scenario()), session.state(), 1).unwrap();
    assert_eq!(evidence.asked().unwrap().options, first_order);
    assert!(evidence.answers().is_empty());
    let mut risk = rewind_to(Arc::new(fixture_scenario()), session.state(), 2).unwrap();
    answer(&mut risk, Input::Grade("standard".into()), "", None);
    assert_eq!(
        risk.asked().unwrap().step,
        "referrals",
        "a lower grade goes the other way"
    );
    assert_eq!(risk.answers()[1].response, Response::Graded("standard".into()));
    evidence.apply(Input::Choose("watch".into())).unwrap();
    assert_eq!(evidence.answers()[0].response, Response::Chose("watch".into()));
}

#[test]
fn rewinding_to_a_narrative_step_or_from_a_finished_run_works_and_a_bad_index_does_not() {
    let mut session = at_marac();
    answer(&mut session, Input::Choose("refer".into()), "", None);
    assert_eq!(session.state().phase, Phase::Finished);
    let arrival = rewind_to(Arc::new(fixture_scenario()), session.state(), 0).unwrap();
    assert_eq!(
        arrival.state().phase,
        Phase::Narrative {
            step: "arrival".into()
        }
    );
    assert!(arrival.answers().is_empty());
    let marac = rewind_to(Arc::new(fixture_scenario()), session.state(), 3).unwrap();
    assert_eq!(marac.asked().unwrap().step, "marac");
    assert_eq!(marac.answers().len(), 2);
    assert!(rewind_to(Arc::new(fixture_scenario()), session.state(), 4).is_none());
}
