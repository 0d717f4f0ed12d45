//! Stepping back before an answer is settled: from the rationale or the confidence question
//! to the choice, with nothing recorded twice and a saved state that resumes the same way.
#![allow(clippy::unwrap_used)]

mod common;

use lessons::engine::{Event, Input, InputError, Mode, Phase, Response, Session, Settings};

use common::fixture_scenario;

fn at_first_decision(settings: Settings) -> (Session, Vec<Event>) {
    let mut session = Session::new(fixture_scenario(), settings);
    session.apply(Input::Continue).unwrap();
    let events = session.apply(Input::Continue).unwrap();
    (session, events)
}

#[test]
fn back_from_the_rationale_asks_the_same_decision_again_and_forgets_the_choice() {
    let (mut session, first) = at_first_decision(Settings::new(Mode::Practice, 5));
    let path = session.state().path.clone();
    session.apply(Input::Choose("note".into())).unwrap();
    assert_eq!(session.answers().len(), 1);
    let again = session.apply(Input::Back).unwrap();
    assert_eq!(again, first, "the same decision, its options in the same order");
    assert!(session.answers().is_empty(), "the choice is taken back");
    assert_eq!(session.state().path, path, "the step is not entered twice");
    session.apply(Input::Choose("secure".into())).unwrap();
    session
        .apply(Input::Rationale("it proves the breach".into()))
        .unwrap();
    assert_eq!(session.answers().len(), 1);
    assert_eq!(session.answers()[0].response, Response::Chose("secure".into()));
}

#[test]
fn back_from_confidence_returns_to_the_rationale_then_to_the_choice() {
    let mut settings = Settings::new(Mode::Practice, 2);
    settings.ask_confidence = true;
    let (mut session, _) = at_first_decision(settings);
    session.apply(Input::Choose("secure".into())).unwrap();
    session.apply(Input::Rationale("first thought".into())).unwrap();
    let events = session.apply(Input::Back).unwrap();
    assert!(matches!(events[..], [Event::RationaleAsked { .. }]));
    assert_eq!(
        session.answers().len(),
        1,
        "still answered: only the rationale is open again"
    );
    session.apply(Input::Back).unwrap();
    assert!(matches!(session.phase(), Phase::Deciding { .. }));
    assert!(session.answers().is_empty());
}

#[test]
fn a_checklist_comes_back_with_its_ticks() {
    let (mut session, _) = at_first_decision(Settings::new(Mode::Assessment, 9));
    session.apply(Input::Choose("note".into())).unwrap();
    session.apply(Input::Rationale(String::new())).unwrap();
    session.apply(Input::Continue).unwrap();
    session.apply(Input::Grade("medium".into())).unwrap();
    session.apply(Input::Continue).unwrap();
    session.apply(Input::Toggle("record".into())).unwrap();
    session.apply(Input::Submit).unwrap();
    let events = session.apply(Input::Back).unwrap();
    let Some(Event::DecisionAsked(asked)) = events.first() else {
        panic!("the checklist is asked again: {events:?}");
    };
    assert_eq!(asked.ticked, vec!["record".to_string()]);
    assert_eq!(
        session.answers().len(),
        2,
        "only the checklist's answer is taken back"
    );
}

#[test]
fn back_is_refused_once_the_answer_is_settled_or_before_one() {
    let (mut session, _) = at_first_decision(Settings::new(Mode::Practice, 1));
    assert!(matches!(
        session.apply(Input::Back),
        Err(InputError::NotNow { .. })
    ));
    session.apply(Input::Choose("secure".into())).unwrap();
    session.apply(Input::Rationale(String::new())).unwrap();
    assert!(matches!(
        session.apply(Input::Back),
        Err(InputError::NotNow { .. })
    ));
    assert_eq!(session.answers().len(), 1);
}

#[test]
fn a_state_saved_after_back_resumes_without_a_second_answer() {
    let (mut session, _) = at_first_decision(Settings::new(Mode::Practice, 4));
    session.apply(Input::Choose("note".into())).unwrap();
    session.apply(Input::Back).unwrap();
    let saved = serde_json::to_string(session.state()).unwrap();
    let mut resumed = Session::resume(fixture_scenario(), serde_json::from_str(&saved).unwrap()).unwrap();
    assert_eq!(resumed.current(), session.current());
    resumed.apply(Input::Choose("secure".into())).unwrap();
    resumed.apply(Input::Rationale("why".into())).unwrap();
    assert_eq!(resumed.answers().len(), 1);
    assert_eq!(resumed.answers()[0].response, Response::Chose("secure".into()));
}
