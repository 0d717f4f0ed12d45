//! "Decision N of M": the engine's count of where a run stands, on fixtures whose paths meet
//! the same number of decisions (exact) and different numbers ("about"). Synthetic fixtures.
#![allow(clippy::unwrap_used)]

mod common;

use lessons::engine::{Input, Mode, PathLengths, Progress, Session, Settings, Timers};
use lessons::scenario::Scenario;

fn paths_differ() -> Scenario {
    let path = common::root().join("tests/fixtures/progress/paths-differ.ron");
    lessons::scenario::load_file(&path).scenario.unwrap()
}

fn at(scenario: &Scenario, session: &Session) -> Progress {
    PathLengths::new(scenario).progress(scenario, session.state())
}

/// Plays to the risk decision: past the briefing, the narrative and the evidence decision.
fn to_risk(scenario: &Scenario) -> Session {
    let mut session = Session::new(scenario.clone(), Settings::new(Mode::Assessment, 4));
    session.apply(Input::Continue).unwrap();
    session.apply(Input::Continue).unwrap();
    session.apply(Input::Choose("secure".into())).unwrap();
    session.apply(Input::Rationale(String::new())).unwrap();
    session.apply(Input::Continue).unwrap();
    session
}

#[test]
fn where_every_path_meets_three_decisions_the_count_is_exact() {
    let scenario = common::fixture_scenario();
    let mut session = Session::new(scenario.clone(), Settings::new(Mode::Practice, 1));
    let before = at(&scenario, &session);
    assert_eq!((before.position, before.total, before.exact), (0, 3, true));
    session.apply(Input::Continue).unwrap();
    session.apply(Input::Continue).unwrap();
    assert_eq!(at(&scenario, &session).label(), "Decision 1 of 3");
    let risk = to_risk(&scenario);
    assert_eq!(at(&scenario, &risk).label(), "Decision 2 of 3");
}

#[test]
fn where_paths_differ_the_total_is_about_the_longest_until_the_branch_is_taken() {
    let scenario = paths_differ();
    let mut session = Session::new(scenario.clone(), Settings::new(Mode::Practice, 1));
    session.apply(Input::Continue).unwrap();
    session.apply(Input::Continue).unwrap();
    assert_eq!(at(&scenario, &session).label(), "Decision 1 of about 4");

    // a high grade goes by the MARAC decision: four in all, and now it is certain
    let mut high = to_risk(&scenario);
    assert_eq!(at(&scenario, &high).label(), "Decision 2 of about 4");
    high.apply(Input::Grade("high".into())).unwrap();
    high.apply(Input::Continue).unwrap();
    assert_eq!(at(&scenario, &high).label(), "Decision 3 of 4");

    // a lower grade goes straight to the referrals: three in all
    let mut low = to_risk(&scenario);
    low.apply(Input::Grade("medium".into())).unwrap();
    low.apply(Input::Continue).unwrap();
    assert_eq!(at(&scenario, &low).label(), "Decision 3 of 3");
}

#[test]
fn the_count_holds_while_the_rationale_is_asked() {
    let scenario = paths_differ();
    let mut session = Session::new(scenario.clone(), Settings::new(Mode::Practice, 1));
    session.apply(Input::Continue).unwrap();
    session.apply(Input::Continue).unwrap();
    session.apply(Input::Choose("secure".into())).unwrap();
    assert_eq!(at(&scenario, &session).label(), "Decision 1 of about 4");
}

#[test]
fn the_timer_setting_changes_the_limit_the_engine_asks_with() {
    let scenario = common::fixture_scenario();
    for (timers, limit) in [
        (Timers::Standard, Some(60)),
        (Timers::Extra(50), Some(90)),
        (Timers::Off, None),
        (Timers::Untimed, None),
    ] {
        let mut state = to_risk(&scenario).state().clone();
        state.settings.timers = timers;
        let session = Session::resume(scenario.clone(), state).unwrap();
        assert_eq!(session.asked().unwrap().time_limit, limit, "{timers:?}");
    }
}
