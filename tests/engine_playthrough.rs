//! Scripted play-throughs against the engine, with the synthetic fixture (not a real case).
#![allow(clippy::unwrap_used)]

mod common;

use lessons::engine::{
    Event, Input, InputError, Mode, Phase, Response, ResumeError, Session, SessionState, Settings, Verdict,
};

use common::fixture_scenario;

fn asked(events: &[Event]) -> &lessons::engine::Asked {
    events
        .iter()
        .find_map(|e| match e {
            Event::DecisionAsked(a) => Some(a),
            _ => None,
        })
        .unwrap()
}

fn option_order(events: &[Event]) -> Vec<String> {
    asked(events).options.iter().map(|o| o.id.clone()).collect()
}

/// Plays the main line: secure the footage, grade high (branches to the MARAC question), refer.
fn play_high_path(session: &mut Session) -> Vec<Vec<String>> {
    let mut orders = Vec::new();
    session.apply(Input::Continue).unwrap(); // briefing -> narrative
    let events = session.apply(Input::Continue).unwrap(); // narrative -> evidence
    orders.push(option_order(&events));
    session.apply(Input::Choose("secure".into())).unwrap();
    session
        .apply(Input::Rationale("It proves the breach".into()))
        .unwrap();
    let events = session.apply(Input::Continue).unwrap();
    orders.push(option_order(&events));
    session.apply(Input::Grade("high".into())).unwrap();
    let events = session.apply(Input::Continue).unwrap();
    assert_eq!(
        asked(&events).step,
        "marac",
        "grading high branches to the MARAC decision"
    );
    orders.push(option_order(&events));
    session.apply(Input::Choose("refer".into())).unwrap();
    let events = session.apply(Input::Continue).unwrap();
    assert_eq!(events, vec![Event::Finished]);
    orders
}

#[test]
fn a_run_plays_to_the_end_and_the_debrief_puts_each_answer_beside_the_officers() {
    let scenario = fixture_scenario();
    let mut session = Session::new(scenario.clone(), Settings::new(Mode::Assessment, 3));
    play_high_path(&mut session);
    assert!(session.is_finished());
    let debrief = session.debrief();
    assert_eq!(debrief.items.len(), 3);
    let first = &debrief.items[0];
    assert_eq!(first.yours, vec!["Secure a copy as evidence"]);
    assert_eq!(first.officers, vec!["Watch it and hand the phone back"]);
    assert_eq!(
        first.finding.quote.as_deref(),
        Some("the evidence should have been obtained")
    );
    assert_eq!(first.verdict, Verdict::InLine);
    assert_eq!(first.rationale.as_deref(), Some("It proves the breach"));
    assert_eq!(debrief.total.in_line, 3);
    assert_eq!(debrief.total.percent(), 100);
}

#[test]
fn scale_answers_are_judged_by_distance() {
    let scenario = fixture_scenario();
    let mut session = Session::new(scenario.clone(), Settings::new(Mode::Practice, 1));
    session.apply(Input::Continue).unwrap();
    session.apply(Input::Continue).unwrap();
    session.apply(Input::Choose("watch".into())).unwrap();
    session.apply(Input::Rationale(String::new())).unwrap();
    session.apply(Input::Continue).unwrap();
    let events = session.apply(Input::Grade("standard".into())).unwrap();
    let feedback = events
        .iter()
        .find_map(|e| match e {
            Event::Feedback(item) => Some(item),
            _ => None,
        })
        .expect("practice mode gives feedback straight away");
    assert_eq!(feedback.verdict, Verdict::NotInLine);
    assert!(feedback.same_as_officers);
    assert_eq!(feedback.scale_distance, Some(-2));
    assert!(
        feedback.summary().contains("graded two levels too low"),
        "{}",
        feedback.summary()
    );
}

#[test]
fn assessment_mode_holds_feedback_until_the_end() {
    let scenario = fixture_scenario();
    let mut session = Session::new(scenario.clone(), Settings::new(Mode::Assessment, 1));
    session.apply(Input::Continue).unwrap();
    session.apply(Input::Continue).unwrap();
    let events = session.apply(Input::Choose("watch".into())).unwrap();
    let events2 = session.apply(Input::Rationale("quick".into())).unwrap();
    assert!(
        !events
            .iter()
            .chain(&events2)
            .any(|e| matches!(e, Event::Feedback(_)))
    );
}

#[test]
fn multiple_choice_counts_missed_and_unwanted_actions() {
    let scenario = fixture_scenario();
    let mut session = Session::new(scenario.clone(), Settings::new(Mode::Assessment, 9));
    session.apply(Input::Continue).unwrap();
    session.apply(Input::Continue).unwrap();
    session.apply(Input::Choose("note".into())).unwrap();
    session.apply(Input::Rationale(String::new())).unwrap();
    session.apply(Input::Continue).unwrap();
    session.apply(Input::Grade("medium".into())).unwrap();
    session.apply(Input::Continue).unwrap();
    session.apply(Input::Toggle("record".into())).unwrap();
    session.apply(Input::Toggle("close".into())).unwrap();
    session.apply(Input::Toggle("close".into())).unwrap(); // untick
    session.apply(Input::Toggle("close".into())).unwrap();
    session.apply(Input::Submit).unwrap();
    assert_eq!(
        session.apply(Input::Rationale("  ".into())),
        Err(InputError::RationaleRequired)
    );
    session.apply(Input::Rationale("record it".into())).unwrap();
    assert_eq!(session.apply(Input::Continue).unwrap(), vec![Event::Finished]);
    let debrief = session.debrief();
    let multiple = &debrief.items[2];
    assert_eq!(multiple.verdict, Verdict::Partly);
    assert_eq!(multiple.missed, vec!["Check previous incidents"]);
    assert_eq!(multiple.unwanted, vec!["Close the log"]);
    assert_eq!(
        debrief.items[0].verdict,
        Verdict::Partly,
        "an Acceptable option is partly in line"
    );
    assert_eq!(debrief.total.points, 3, "three decisions, each partly in line");
}

#[test]
fn time_up_records_no_decision_and_skips_the_rationale() {
    let scenario = fixture_scenario();
    let mut session = Session::new(scenario.clone(), Settings::new(Mode::Practice, 1));
    session.apply(Input::Continue).unwrap();
    session.apply(Input::Continue).unwrap();
    let events = session.apply(Input::TimeUp).unwrap();
    assert!(events.contains(&Event::Answered {
        step: "evidence".into(),
        response: Response::NoDecision
    }));
    assert!(matches!(session.phase(), Phase::Reviewed { .. }));
    assert_eq!(session.debrief().items[0].verdict, Verdict::NoDecision);
}

#[test]
fn wrong_inputs_are_errors_not_panics() {
    let scenario = fixture_scenario();
    let mut session = Session::new(scenario.clone(), Settings::new(Mode::Practice, 1));
    assert!(matches!(
        session.apply(Input::Choose("secure".into())),
        Err(InputError::NotNow { .. })
    ));
    session.apply(Input::Continue).unwrap();
    session.apply(Input::Continue).unwrap();
    assert_eq!(
        session.apply(Input::Choose("fly".into())),
        Err(InputError::UnknownOption("fly".into()))
    );
    assert!(matches!(
        session.apply(Input::Grade("secure".into())),
        Err(InputError::WrongKind { .. })
    ));
    assert!(matches!(
        session.apply(Input::Toggle("secure".into())),
        Err(InputError::WrongKind { .. })
    ));
    assert!(matches!(
        session.apply(Input::Continue),
        Err(InputError::NotNow { .. })
    ));
    session.apply(Input::Choose("secure".into())).unwrap();
    assert!(matches!(
        session.apply(Input::Confidence(Some(3))),
        Err(InputError::NotNow { .. })
    ));
}

#[test]
fn confidence_is_asked_before_feedback_and_checked() {
    let scenario = fixture_scenario();
    let mut settings = Settings::new(Mode::Practice, 1);
    settings.ask_confidence = true;
    let mut session = Session::new(scenario.clone(), settings);
    session.apply(Input::Continue).unwrap();
    session.apply(Input::Continue).unwrap();
    session.apply(Input::Choose("secure".into())).unwrap();
    let events = session.apply(Input::Rationale(String::new())).unwrap();
    assert!(
        matches!(events[..], [Event::ConfidenceAsked { .. }]),
        "no feedback before confidence"
    );
    assert_eq!(
        session.apply(Input::Confidence(Some(6))),
        Err(InputError::ConfidenceOutOfRange(6))
    );
    let events = session.apply(Input::Confidence(Some(4))).unwrap();
    assert!(matches!(events[..], [Event::Feedback(_)]));
    assert_eq!(session.answers()[0].confidence, Some(4));
}

#[test]
fn the_same_seed_gives_the_same_order_and_the_same_debrief() {
    let scenario = fixture_scenario();
    let run = |seed| {
        let mut session = Session::new(scenario.clone(), Settings::new(Mode::Assessment, seed));
        let orders = play_high_path(&mut session);
        (orders, session.debrief())
    };
    let (orders_a, debrief_a) = run(2024);
    let (orders_b, debrief_b) = run(2024);
    assert_eq!(orders_a, orders_b);
    assert_eq!(debrief_a, debrief_b);
    let differs = (0..30).any(|seed| run(seed).0 != orders_a);
    assert!(differs, "different seeds should give different option orders");
    // Scale options keep their ladder order whatever the seed.
    for seed in 0..10 {
        assert_eq!(run(seed).0[1], vec!["standard", "medium", "high"]);
    }
}

#[test]
fn a_state_saved_after_any_answer_resumes_to_the_same_end() {
    let scenario = fixture_scenario();
    let script = [
        Input::Continue,
        Input::Continue,
        Input::Choose("note".into()),
        Input::Rationale("my reason".into()),
        Input::Continue,
        Input::Grade("medium".into()),
        Input::Continue,
        Input::Toggle("check".into()),
        Input::Submit,
        Input::Rationale("why".into()),
        Input::Continue,
    ];
    let mut straight = Session::new(scenario.clone(), Settings::new(Mode::Practice, 77));
    for input in script.clone() {
        straight.apply(input).unwrap();
    }
    assert!(straight.is_finished());
    for cut in 0..script.len() {
        let mut first = Session::new(scenario.clone(), Settings::new(Mode::Practice, 77));
        for input in script[..cut].iter().cloned() {
            first.apply(input).unwrap();
        }
        let saved = serde_json::to_string(first.state()).unwrap();
        let restored: SessionState = serde_json::from_str(&saved).unwrap();
        let mut resumed = Session::resume(scenario.clone(), restored).unwrap();
        assert_eq!(
            resumed.current(),
            first.current(),
            "resume shows the same screen at cut {cut}"
        );
        for input in script[cut..].iter().cloned() {
            resumed.apply(input).unwrap();
        }
        assert_eq!(resumed.state(), straight.state(), "cut at input {cut}");
        assert_eq!(resumed.debrief(), straight.debrief());
    }
}

#[test]
fn resuming_against_a_changed_scenario_says_so() {
    let scenario = fixture_scenario();
    let mut session = Session::new(scenario.clone(), Settings::new(Mode::Practice, 1));
    session.apply(Input::Continue).unwrap();
    session.apply(Input::Continue).unwrap();
    session.apply(Input::Choose("secure".into())).unwrap();
    let state = session.into_state();
    let mut changed = scenario.clone();
    if let lessons::scenario::Step::Decision(d) = &mut changed.steps[1] {
        d.options.retain(|o| o.id != "secure");
    }
    assert!(matches!(
        Session::resume(changed.clone(), state.clone()),
        Err(ResumeError::MissingStep(_))
    ));
    changed.id = "other".into();
    assert!(matches!(
        Session::resume(changed.clone(), state),
        Err(ResumeError::WrongScenario { .. })
    ));
}

#[test]
fn with_no_option_marked_actual_no_answer_is_called_the_officers_choice() {
    let mut scenario = fixture_scenario();
    if let lessons::scenario::Step::Decision(d) = &mut scenario.steps[3] {
        d.options.iter_mut().for_each(|o| o.actual = false);
        d.officers = Some("The source does not say what was recorded.".into());
    }
    let mut session = Session::new(scenario.clone(), Settings::new(Mode::Assessment, 1));
    session.apply(Input::Continue).unwrap();
    session.apply(Input::Continue).unwrap();
    session.apply(Input::Choose("secure".into())).unwrap();
    session.apply(Input::Rationale(String::new())).unwrap();
    session.apply(Input::Continue).unwrap();
    session.apply(Input::Grade("standard".into())).unwrap();
    session.apply(Input::Continue).unwrap();
    session.apply(Input::Submit).unwrap();
    session.apply(Input::Rationale("none needed".into())).unwrap();
    let debrief = session.debrief();
    let item = &debrief.items[2];
    assert!(item.yours.is_empty());
    assert!(
        !item.same_as_officers,
        "an unknown action is not 'the same as the officers'"
    );
    assert_eq!(item.verdict, Verdict::NotInLine);
    assert_eq!(item.officers, vec!["The source does not say what was recorded."]);
}
