//! How an answer is compared with the finding, apart from whether it is what the officers did.
#![allow(clippy::unwrap_used)]

mod common;

use lessons::engine::{Input, Mode, Session, Settings, Verdict};

use common::fixture_scenario;

/// Plays the fixture to the tick-all `referrals` decision and ticks `ticks`.
fn tick_referrals(ticks: &[&str]) -> lessons::engine::Debrief {
    let scenario = fixture_scenario();
    let mut session = Session::new(scenario.clone(), Settings::new(Mode::Assessment, 1));
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

use lessons::engine::Event;
use lessons::scenario::{Basis, Scenario, Step};

fn decision_mut<'a>(scenario: &'a mut Scenario, id: &str) -> &'a mut lessons::scenario::Decision {
    scenario
        .steps
        .iter_mut()
        .find_map(|s| match s {
            Step::Decision(d) if d.id == id => Some(d),
            _ => None,
        })
        .expect("the fixture has this decision")
}

/// Answers the first decision (`evidence`) with `choice` in practice mode; returns the feedback.
fn practice_evidence(scenario: &Scenario, choice: &str) -> lessons::engine::Item {
    let mut session = Session::new(scenario.clone(), Settings::new(Mode::Practice, 1));
    session.apply(Input::Continue).unwrap();
    session.apply(Input::Continue).unwrap();
    session.apply(Input::Choose(choice.into())).unwrap();
    let events = session.apply(Input::Rationale(String::new())).unwrap();
    events
        .into_iter()
        .find_map(|e| match e {
            Event::Feedback(item) => Some(*item),
            _ => None,
        })
        .expect("practice mode gives feedback")
}

#[test]
fn the_plain_debrief_names_the_in_line_answer_and_why_beside_a_poor_choice() {
    let scenario = fixture_scenario();
    let item = practice_evidence(&scenario, "watch");
    let text = lessons::plain::debrief::render_item(1, &item);
    assert!(
        text.contains("In line:        Secure a copy as evidence"),
        "{text}"
    );
    assert!(
        text.contains("Why:            Fixture feedback: evidence secured."),
        "{text}"
    );
    assert!(
        text.contains("Basis:          the investigation's finding"),
        "{text}"
    );
    assert!(
        text.contains("Feedback:       “Watch it and hand the phone back”: Fixture feedback:"),
        "each feedback line names its option: {text}"
    );
}

#[test]
fn the_verdict_is_worded_by_its_basis() {
    let mut scenario = fixture_scenario();
    let evidence = decision_mut(&mut scenario, "evidence");
    evidence.basis = Some(Basis::ForceLearning);
    assert_eq!(
        practice_evidence(&scenario, "watch").summary(),
        "Not in line with the force's later learning (the same as the officers)"
    );
    let evidence = decision_mut(&mut scenario, "evidence");
    evidence.basis = Some(Basis::Guidance);
    evidence.citation = Some("College of Policing APP: Investigation".into());
    let item = practice_evidence(&scenario, "secure");
    assert_eq!(
        item.summary(),
        "In line with College of Policing APP: Investigation"
    );
    assert_eq!(item.in_line_answer(), None, "no need to name it when chosen");
    let evidence = decision_mut(&mut scenario, "evidence");
    evidence.basis = Some(Basis::Judgement);
    evidence.reason = Some("Keeping the footage is the author's reading.".into());
    let item = practice_evidence(&scenario, "note");
    assert_eq!(
        item.summary(),
        "Partly in line with the author's reading (the source makes no finding)"
    );
    assert!(
        item.basis
            .describe()
            .ends_with("Keeping the footage is the author's reading.")
    );
}

#[test]
fn a_not_judged_decision_is_recorded_beside_the_officers_but_never_scored() {
    let mut scenario = fixture_scenario();
    decision_mut(&mut scenario, "evidence").basis = Some(Basis::NotJudged);
    let mut session = Session::new(scenario.clone(), Settings::new(Mode::Assessment, 1));
    session.apply(Input::Continue).unwrap();
    session.apply(Input::Continue).unwrap();
    session.apply(Input::Choose("watch".into())).unwrap();
    session.apply(Input::Rationale("kept it simple".into())).unwrap();
    session.apply(Input::Continue).unwrap();
    session.apply(Input::Grade("high".into())).unwrap();
    session.apply(Input::Continue).unwrap();
    session.apply(Input::Choose("refer".into())).unwrap();
    let debrief = session.debrief();
    let item = &debrief.items[0];
    assert_eq!(item.verdict, Verdict::NotJudged);
    assert!(item.same_as_officers, "still shown beside the officers");
    assert!(item.in_line.is_empty(), "nothing is named in line");
    assert_eq!(item.rationale.as_deref(), Some("kept it simple"));
    assert_eq!(
        (debrief.points(), debrief.max_points()),
        (4, 4),
        "two judged, both in line"
    );
    assert_eq!(debrief.total.not_judged, 1);
    assert!(
        !debrief
            .by_stage
            .iter()
            .any(|t| t.label == "Gather information and intelligence"),
        "no stage bar for a decision that is not judged: {:?}",
        debrief.by_stage
    );
}

#[test]
fn feedback_held_for_the_debrief_is_not_shown_in_practice() {
    let mut scenario = fixture_scenario();
    let evidence = decision_mut(&mut scenario, "evidence");
    evidence.options[1].debrief_only = true; // watch
    evidence.finding.debrief_only = true;
    let item = practice_evidence(&scenario, "watch");
    assert!(item.feedback.is_empty(), "{:?}", item.feedback);
    assert!(!item.finding.text.contains("Fixture finding"));
    let mut session = Session::new(scenario.clone(), Settings::new(Mode::Practice, 1));
    session.apply(Input::Continue).unwrap();
    session.apply(Input::Continue).unwrap();
    session.apply(Input::Choose("watch".into())).unwrap();
    session.apply(Input::Rationale(String::new())).unwrap();
    let debrief = session.debrief();
    assert_eq!(
        debrief.items[0].feedback[0].text,
        "Fixture feedback: nothing kept."
    );
    assert!(debrief.items[0].finding.text.contains("Fixture finding"));
}

#[test]
fn a_timeout_follows_on_timeout_not_the_first_branch() {
    let mut scenario = fixture_scenario();
    decision_mut(&mut scenario, "risk").on_timeout = Some("marac".into());
    let mut session = Session::new(scenario.clone(), Settings::new(Mode::Assessment, 1));
    session.apply(Input::Continue).unwrap();
    session.apply(Input::Continue).unwrap();
    session.apply(Input::Choose("secure".into())).unwrap();
    session.apply(Input::Rationale(String::new())).unwrap();
    session.apply(Input::Continue).unwrap();
    session.apply(Input::TimeUp).unwrap();
    let events = session.apply(Input::Continue).unwrap();
    assert!(
        events
            .iter()
            .any(|e| matches!(e, Event::DecisionAsked(a) if a.step == "marac")),
        "{events:?}"
    );
}

use lessons::scenario::{Condition, TickRule};

/// Plays the fixture's main line: `evidence_choice`, grade high (goes to `marac`), refer.
fn play_main_line(scenario: &Scenario, evidence_choice: &str) -> Vec<Event> {
    let mut session = Session::new(scenario.clone(), Settings::new(Mode::Assessment, 1));
    session.apply(Input::Continue).unwrap();
    session.apply(Input::Continue).unwrap();
    session.apply(Input::Choose(evidence_choice.into())).unwrap();
    session.apply(Input::Rationale(String::new())).unwrap();
    session.apply(Input::Continue).unwrap();
    session.apply(Input::Grade("high".into())).unwrap();
    session.apply(Input::Continue).unwrap()
}

#[test]
fn a_step_with_a_condition_is_asked_only_after_the_answer_it_tests() {
    let mut scenario = fixture_scenario();
    decision_mut(&mut scenario, "marac").only_if = Some(Condition {
        step: "evidence".into(),
        chose: "note".into(),
    });
    let asked_marac = |events: &[Event]| {
        events
            .iter()
            .any(|e| matches!(e, Event::DecisionAsked(a) if a.step == "marac"))
    };
    let events = play_main_line(&scenario, "note");
    assert!(
        asked_marac(&events),
        "chose `note`: the MARAC question follows: {events:?}"
    );
    let events = play_main_line(&scenario, "secure");
    assert!(!asked_marac(&events), "{events:?}");
    assert_eq!(
        events,
        vec![Event::Finished],
        "passed over, and it was the last step"
    );
    let coverage = lessons::designer::coverage::run(&scenario, 1);
    assert!(
        coverage.unreached_steps.is_empty(),
        "coverage plays `note` because a condition tests it: {:?}",
        coverage.unreached_steps
    );
}

#[test]
fn a_tick_all_decision_branches_on_what_was_ticked() {
    let mut scenario = fixture_scenario();
    decision_mut(&mut scenario, "referrals").when_ticked = vec![TickRule {
        ticked: "close".into(),
        goto: "marac".into(),
    }];
    let play = |ticks: &[&str]| {
        let mut session = Session::new(scenario.clone(), Settings::new(Mode::Assessment, 1));
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
        session.apply(Input::Continue).unwrap()
    };
    let events = play(&["record", "close"]);
    assert!(
        events
            .iter()
            .any(|e| matches!(e, Event::DecisionAsked(a) if a.step == "marac")),
        "{events:?}"
    );
    assert_eq!(play(&["record"]), vec![Event::Finished]);
}

#[test]
fn coverage_follows_a_timeout_to_a_step_only_it_reaches() {
    let mut scenario = fixture_scenario();
    let risk = decision_mut(&mut scenario, "risk");
    risk.options.iter_mut().for_each(|o| o.goto = None);
    risk.on_timeout = Some("marac".into());
    let coverage = lessons::designer::coverage::run(&scenario, 1);
    assert!(
        coverage.unreached_steps.is_empty(),
        "only a timeout at `risk` leads to `marac`: {:?}",
        coverage.unreached_steps
    );
    assert!(coverage.is_clean(), "{coverage:?}");
}

#[test]
fn a_decision_the_source_makes_no_finding_on_needs_no_invented_marks() {
    let path = common::root().join("tests/fixtures/formats/not-judged.ron");
    let entry = lessons::scenario::load_file(&path);
    assert!(entry.diagnostics.is_empty(), "{:?}", entry.diagnostics);
    let scenario = entry.scenario.expect("the file validates");
    let item = practice_evidence(&scenario, "watch");
    assert_eq!(item.verdict, Verdict::NotJudged);
    assert_eq!(
        item.summary(),
        "Not judged: the source makes no finding here (the same as the officers)"
    );
    assert!(item.basis.describe().contains("makes no finding on it"));
}

#[test]
fn only_a_decision_resting_on_a_finding_calls_its_text_the_finding() {
    let out = common::lessons(
        &[
            "--no-records",
            "play",
            "tests/fixtures/formats/not-judged.ron",
            "--plain",
            "--seed",
            "1",
            "--mode",
            "assessment",
        ],
        &"1\n".repeat(40),
    );
    let stdout = common::text(&out.stdout);
    let debrief = &stdout[stdout.find("DEBRIEF").expect("a debrief")..];
    // the first decision is not judged: its text is what the source says, not a finding
    assert!(
        debrief.contains("   What the source says: Fixture finding: the evidence"),
        "{debrief}"
    );
    assert!(
        debrief.contains("   The finding:    Fixture finding: the risk was high."),
        "{debrief}"
    );
}
