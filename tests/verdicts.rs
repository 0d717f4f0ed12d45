//! How an answer is compared with the finding, apart from whether it is what the officers did.
#![allow(clippy::unwrap_used)]

mod common;

use lessons::engine::{Input, Mode, Session, Settings, Verdict};

use common::fixture_scenario;

/// Plays the fixture to the tick-all `referrals` decision and ticks `ticks`.
fn tick_referrals(ticks: &[&str]) -> lessons::engine::Debrief {
    let scenario = fixture_scenario();
    let mut session = Session::new(&scenario, Settings::new(Mode::Assessment, 1));
    session.apply(Input::Continue).unwrap();
    session.apply(Input::Continue).unwrap();
    session.apply(Input::Choose("secure".into())).unwrap();
    session.apply(Input::Rationale(String::new())).unwrap();
    session.apply(Input::Continue).unwrap();
    session.apply(Input::Grade("medium".into())).unwrap();
    session.apply(Input::Continue).unwrap();
    for tick in ticks {
        session.apply(Input::Toggle((*tick).into())).unwrap();
    }
    session.apply(Input::Submit).unwrap();
    session.apply(Input::Rationale("why".into())).unwrap();
    session.debrief()
}

#[test]
fn ticking_exactly_what_the_officers_did_still_earns_partly_for_an_expected_action() {
    // The officers ticked only `check` (Expected) and missed `record` (Expected).
    let debrief = tick_referrals(&["check"]);
    let item = &debrief.items[2];
    assert!(item.same_as_officers, "this is what the officers did");
    assert_eq!(
        item.verdict,
        Verdict::Partly,
        "an Expected action ticked with no Poor one is at least partly in line"
    );
    assert_eq!(item.verdict.points(), 1);
    assert_eq!(debrief.total.points, 2 + 1 + 1, "in line, partly, partly");
}
