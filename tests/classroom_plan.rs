//! A classroom run from a session plan, driven through the real keymap into
//! `Classroom::handle` on a clock the test moves: the plan's cases in order, its path
//! policy, decisions kept from the room following the officers, and the agenda's elapsed
//! minutes against the planned ones (snapshots at 80×24 and 160×48).
#![allow(clippy::unwrap_used)]

mod common;

use std::time::Duration;

use lessons::engine::{PathPolicy, Response};
use lessons::plan::{Plan, load_file};
use lessons::record::{Recorder, Store};
use lessons::scenario::Library;
use lessons::tui::classroom::{Classroom, ClassroomStore, NoStore, Stage};

use common::classroom::Driver;
use common::root;

const MINUTE: Duration = Duration::from_secs(60);

fn plan(name: &str) -> Plan {
    let entry = load_file(
        &root().join("tests/fixtures/plans/valid").join(name),
        &Library::builtin(),
    );
    assert!(entry.diagnostics.is_empty(), "{:?}", entry.diagnostics);
    entry.plan.unwrap()
}

/// The answer the room's session holds for a decision.
fn answer<S: ClassroomStore>(room: &Driver<S>, step: &str) -> Option<Response> {
    room.room()
        .state()
        .answers
        .iter()
        .find(|a| a.step == step)
        .map(|a| a.response.clone())
}

/// Plays the current case to its end as an instructor would: each decision put to the
/// room gets one vote for A and a reveal; one kept from the room is passed with Enter.
/// Returns the decisions met, and whether each was kept from the room.
fn play_case<S: ClassroomStore>(room: &mut Driver<S>) -> Vec<(String, bool)> {
    let case = room.room().case;
    let mut met = Vec::new();
    for _ in 0..200 {
        let r = room.room();
        if r.agenda.open || r.stage == Stage::End || r.case != case {
            return met;
        }
        match (r.stage, r.asked()) {
            (Stage::Story, Some(asked)) => {
                let kept = r.not_voted_here();
                met.push((asked.step.clone(), kept));
                if kept {
                    room.keys(&["Enter"]);
                } else {
                    room.keys(&["Tab", "a", "Tab", "r", "Enter"]);
                }
            }
            _ => room.keys(&["Enter"]),
        }
    }
    panic!("the case did not end");
}

#[test]
fn a_three_case_plan_runs_with_its_skips_path_and_agenda() {
    let mut room = Driver::new(Classroom::from_plan(plan("three-cases.ron"), 3), NoStore);
    assert_eq!(room.room().path, PathPolicy::Officers, "the plan's path policy");
    assert_eq!(room.room().plan.len(), 3);
    assert!(room.room().agenda.open, "the agenda comes first");
    let first = room.text(80, 24);
    assert!(first.contains("SESSION PLAN · Fixture session"), "{first}");
    assert!(first.contains("Enter: start case 1"), "{first}");

    // time on the agenda before the first case is nobody's
    room.wait(2 * MINUTE);
    room.keys(&["Enter"]);
    assert!(!room.room().agenda.open);
    assert_eq!(room.room().stage, Stage::Title);
    room.keys(&["Enter", "Enter", "Enter"]);
    let asked = room.room().asked().unwrap();
    assert_eq!(asked.step, "evidence");
    assert!(room.room().not_voted_here());
    // the officers watched the footage and handed the phone back: find its letter as shown
    let letter = (b'A' + asked.options.iter().position(|o| o.id == "watch").unwrap() as u8) as char;
    let shown = room.text(80, 24);
    assert!(
        shown.contains(&format!(
            "Not voted in this session's plan: the officers chose {letter}."
        )),
        "{shown}"
    );
    // no votes are taken on it
    room.keys(&["Tab"]);
    assert!(!room.room().typing());
    assert!(
        room.text(80, 24)
            .contains("This decision is not voted in this session's plan.")
    );
    room.wait(7 * MINUTE);
    room.keys(&["Enter"]);
    assert_eq!(answer(&room, "evidence"), Some(Response::Chose("watch".into())));
    assert!(
        room.room().tallies.iter().all(|t| t.step != "evidence"),
        "no tally for it"
    );

    let rest = play_case(&mut room);
    assert!(
        rest.iter().all(|(_, kept)| !kept),
        "only `evidence` is skipped: {rest:?}"
    );
    assert!(room.room().agenda.open, "the agenda comes up between cases");
    assert_eq!(room.room().case, 1);
    assert_eq!(room.room().case_elapsed(0, room.now), 7 * MINUTE);
    let between = room.text(80, 24);
    assert!(
        between.contains("over by 2 min"),
        "7 minutes against 5 planned:\n{between}"
    );

    // the agenda between cases does not count against the next case
    room.wait(3 * MINUTE);
    assert_eq!(room.room().case_elapsed(1, room.now), Duration::ZERO);
    room.keys(&["Enter"]);
    room.wait(4 * MINUTE);
    room.keys(&["g"]);
    assert!(room.room().agenda.open);
    assert_eq!(room.room().case_elapsed(1, room.now), 4 * MINUTE);
    insta::assert_snapshot!("agenda_80x24", room.text(80, 24));
    insta::assert_snapshot!("agenda_160x48", room.text(160, 48));
    room.keys(&["g"]);
    assert!(!room.room().agenda.open);
    assert_eq!(
        room.room().stage,
        Stage::Title,
        "g came back to where the room was"
    );

    // the second case keeps `leave-or-act` from the room
    let met = play_case(&mut room);
    assert!(met.iter().any(|(step, _)| step == "leave-or-act"), "{met:?}");
    for (step, kept) in &met {
        assert_eq!(*kept, step == "leave-or-act", "{step}");
    }
    assert!(room.room().agenda.open);
    room.keys(&["Enter"]);
    // the third case (the first file again) keeps nothing from the room
    let met = play_case(&mut room);
    assert!(met.iter().all(|(_, kept)| !kept), "{met:?}");
    assert_eq!(room.room().stage, Stage::End);
    assert!(room.room().agenda.open, "the agenda closes the session");
    let end = room.text(80, 24);
    assert_eq!(end.matches('✓').count(), 3, "every case done:\n{end}");
}

#[test]
fn the_reveal_of_a_skipped_decision_can_still_be_shown() {
    let mut room = Driver::new(Classroom::from_plan(plan("three-cases.ron"), 3), NoStore);
    room.keys(&["Enter", "Enter", "Enter", "Enter", "r"]);
    assert_eq!(room.room().stage, Stage::Reveal);
    let shown = room.text(160, 48);
    assert!(
        shown.contains("Fixture finding: the evidence should have been obtained."),
        "{shown}"
    );
    assert!(shown.contains("Not voted in this session's plan"), "{shown}");
    assert!(
        shown.contains("Not put to the room in this session's plan."),
        "{shown}"
    );
    room.keys(&["d"]);
    let detail = room.text(160, 48);
    assert!(detail.contains("· not voted · what the officers did"), "{detail}");
    assert!(!shown.contains("0 votes"), "{shown}");
    room.keys(&["Enter"]);
    assert_eq!(answer(&room, "evidence"), Some(Response::Chose("watch".into())));
}

#[test]
fn without_a_plan_the_agenda_is_a_key_away_and_uses_each_cases_estimate() {
    let plan = plan("three-cases.ron");
    let cases = plan.cases.iter().map(|c| c.scenario.clone()).collect();
    let mut room = Driver::new(Classroom::new(cases, 3), NoStore);
    assert!(
        !room.room().agenda.open,
        "no agenda before a session without a plan"
    );
    room.keys(&["Enter"]);
    room.wait(3 * MINUTE);
    room.keys(&["g"]);
    let shown = room.text(80, 24);
    assert!(
        shown.contains("Planned minutes are each case's own estimate"),
        "{shown}"
    );
    assert!(shown.contains("3 min"), "{shown}");
    room.keys(&["Enter"]);
    assert_eq!(
        room.room().stage,
        Stage::Briefing,
        "closing it leaves the room where it was"
    );
    // no voting mode letter opens it
    room.keys(&["Enter", "Enter", "Tab", "g"]);
    assert!(!room.room().agenda.open);
}

#[test]
fn the_group_record_keeps_the_plans_title_and_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut recorder = Recorder::new(Some(Store::open(dir.path()).unwrap()), None);
    let plan = plan("three-cases.ron");
    let file = plan.file.clone();
    recorder.set_session_plan(plan.title.as_deref(), &file);
    let mut room = Driver::new(Classroom::from_plan(plan, 3), recorder);
    room.keys(&["Enter", "Enter", "Enter"]);
    let (records, _) = Store::read_only(dir.path()).load_all();
    assert_eq!(records.len(), 1);
    let record = &records[0].1;
    assert_eq!(record.plan_title.as_deref(), Some("Fixture session"));
    assert_eq!(
        record.plan_file.as_deref().map(std::path::Path::new),
        Some(std::path::absolute(&file).unwrap().as_path())
    );
}
