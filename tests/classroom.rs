//! Classroom mode: every screen at 80×24 and 160×48, a scripted session whose saved tallies
//! are checked, and the cohort report over a classroom record beside individual runs.
#![allow(clippy::unwrap_used)]

mod common;

use std::time::Duration;

use lessons::record::{Record, RecordKind, Recorder, Store};
use lessons::tui::classroom::{Classroom, Stage};

use common::classroom::Driver;
use common::{fixture_scenario, lessons_in, root, text};

fn room(store: Option<Store>) -> Driver<Recorder> {
    let mut plan = vec![fixture_scenario(), fixture_scenario()];
    plan[1].id = "synthetic-branching-again".into();
    plan[1].title = "Second synthetic fixture".into();
    Driver::new(Classroom::new(plan, 3), Recorder::new(store, None))
}

fn keys(room: &mut Driver<Recorder>, keys: &[&str]) {
    room.keys(keys);
}

fn screen(room: &Driver<Recorder>, width: u16, height: u16) -> String {
    room.text(width, height)
}

macro_rules! both_sizes {
    ($name:expr, $room:expr) => {
        insta::assert_snapshot!(
            concat!("classroom_", $name, "_80x24"),
            screen(&$room, 80, 24)
        );
        insta::assert_snapshot!(
            concat!("classroom_", $name, "_160x48"),
            screen(&$room, 160, 48)
        );
    };
}

#[test]
fn every_classroom_screen() {
    let mut room = room(None);
    both_sizes!("title", room);
    keys(&mut room, &["Enter"]);
    both_sizes!("briefing", room);
    keys(&mut room, &["Enter"]);
    both_sizes!("narrative", room);
    keys(&mut room, &["Enter"]);
    both_sizes!("question", room);
    keys(&mut room, &["t"]);
    room.wait(Duration::from_secs(95));
    keys(&mut room, &["Tab", "a", "a", "b"]);
    both_sizes!("voting", room);
    // ending vote taking leaves the bars hidden; v shows them
    keys(&mut room, &["Tab", "v"]);
    both_sizes!("votes_shown", room);
    keys(&mut room, &["r"]);
    both_sizes!("reveal", room);
    keys(&mut room, &["?"]);
    both_sizes!("help", room);
    keys(&mut room, &["Enter", "b"]);
    both_sizes!("blank", room);
    // the risk grade decides the way: one vote for the grade shown first settles it
    keys(&mut room, &["b", "Enter", "a", "Tab", "r", "Enter", "r", "Enter"]);
    assert_eq!(room.room().stage, Stage::Outcome);
    both_sizes!("outcome_what_happened", room);
    keys(&mut room, &["Enter"]);
    both_sizes!("outcome_officers", room);
    keys(&mut room, &["Enter", "Enter"]);
    both_sizes!("discussion", room);
}

#[test]
fn the_reveal_holds_debrief_only_text_and_shows_no_marks_when_not_judged() {
    let mut plan = vec![fixture_scenario()];
    if let lessons::scenario::Step::Decision(d) = &mut plan[0].steps[1] {
        d.basis = Some(lessons::scenario::Basis::NotJudged);
        d.finding.debrief_only = true;
        d.options.iter_mut().for_each(|o| o.debrief_only = true);
    }
    let mut room = Driver::new(Classroom::new(plan, 3), Recorder::new(None, None));
    keys(&mut room, &["Enter", "Enter", "Enter", "Tab", "a", "Tab", "r"]);
    let shown = screen(&room, 160, 48);
    assert!(shown.contains("Not judged"), "{shown}");
    assert!(!shown.contains("Expected"), "{shown}");
    assert!(!shown.contains("Fixture finding"), "{shown}");
    assert!(!shown.contains("Fixture feedback"), "{shown}");
}

#[test]
fn nothing_is_revealed_before_the_instructor_asks() {
    let mut room = room(None);
    keys(&mut room, &["Enter", "Enter", "Enter", "Tab", "a", "Tab"]);
    let shown = screen(&room, 160, 48);
    assert!(!shown.contains("Fixture finding"), "{shown}");
    assert!(!shown.contains("Expected"));
    keys(&mut room, &["v"]);
    assert!(
        !screen(&room, 160, 48).contains("Fixture finding"),
        "v shows the bars only"
    );
    keys(&mut room, &["Enter"]);
    assert_eq!(
        room.room().stage,
        Stage::Reveal,
        "Enter on a question is the reveal"
    );
    assert!(screen(&room, 160, 48).contains("Fixture finding: the evidence should have been obtained."));
}

#[test]
fn a_scripted_session_saves_the_rooms_tallies() {
    let dir = tempfile::tempdir().unwrap();
    let mut room = room(Some(Store::open(dir.path()).unwrap()));
    // first decision (shown A, B, C at seed 3): 3 votes for A, 2 for B, then one taken back from B
    keys(
        &mut room,
        &[
            "Enter", "Enter", "Enter", "Enter", "Tab", "a", "a", "a", "b", "b", "B", "Tab",
        ],
    );
    // a typed count: C has 4
    keys(&mut room, &["=", "c4", "Enter", "r", "Enter"]);
    // the scale: 6 vote for the grade shown second
    keys(&mut room, &["Tab", "=", "b6", "Enter", "Tab", "r", "Enter"]);
    let (records, skipped) = Store::read_only(dir.path()).load_all();
    assert!(skipped.is_empty());
    assert_eq!(records.len(), 1, "one group record for the case so far");
    let record: &Record = &records[0].1;
    assert_eq!(record.kind, RecordKind::Group);
    assert_eq!(
        record.plan,
        vec!["synthetic-branching", "synthetic-branching-again"]
    );
    let evidence = record.tallies.iter().find(|t| t.step == "evidence").unwrap();
    let shown: Vec<String> = {
        let scenario = fixture_scenario();
        let session = lessons::engine::Session::new(
            scenario.clone(),
            lessons::engine::Settings::new(lessons::engine::Mode::Assessment, 3),
        );
        let mut session = session;
        session.apply(lessons::engine::Input::Continue).unwrap();
        let events = session.apply(lessons::engine::Input::Continue).unwrap();
        events
            .iter()
            .find_map(|e| match e {
                lessons::engine::Event::DecisionAsked(a) => {
                    Some(a.options.iter().map(|o| o.id.clone()).collect())
                }
                _ => None,
            })
            .unwrap()
    };
    let count = |id: &str| evidence.votes.iter().find(|(o, _)| o == id).unwrap().1;
    assert_eq!((count(&shown[0]), count(&shown[1]), count(&shown[2])), (3, 1, 4));
    assert!(evidence.revealed);
    let risk = record.tallies.iter().find(|t| t.step == "risk").unwrap();
    // the scale is shown in ladder order: standard, medium, high; B is medium
    assert_eq!(
        risk.votes,
        vec![("standard".into(), 0), ("medium".into(), 6), ("high".into(), 0)]
    );
    // the room's answer moved the story: medium does not branch, so the checklist comes next
    assert_eq!(record.session.path.last().map(String::as_str), Some("referrals"));
}

#[test]
fn the_report_shows_a_classroom_beside_individual_runs() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().to_str().unwrap();
    // one individual run of the built-in Hertfordshire case through the plain player
    let out = lessons_in(
        &root(),
        &[
            "play",
            "herts-2021-nmo-breach",
            "--plain",
            "--seed",
            "2",
            "--mode",
            "assessment",
        ],
        "1\n\n1\n1\n1\n\n1\n\n1\nbecause\n1\n\n1\n\n1\n",
        &[("LESSONS_HOME", home)],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    // and a classroom on the same case: 7 votes for the first option shown
    let herts = lessons::scenario::Library::builtin()
        .find("herts-2021-nmo-breach")
        .unwrap()
        .clone();
    let mut room = Driver::new(
        Classroom::new(vec![herts], 2),
        Recorder::new(Some(Store::open(dir.path()).unwrap()), None),
    );
    keys(
        &mut room,
        &["Enter", "Enter", "Tab", "=", "a7", "Enter", "Tab", "r"],
    );
    let out = lessons_in(&root(), &["report", home], "", &[]);
    let report = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        report.contains("1 run by 0 named trainees, 1 classroom session"),
        "{report}"
    );
    assert!(report.contains("(1 run, 1 finished, 1 classroom)"), "{report}");
    // the trainee and the room each on their own denominator, never pooled (review defect 2)
    assert!(
        report.contains("the officers' choice: 0% · answered: 1\n   Classroom (1 session): 0 Take a copy"),
        "one trainee on the first decision:\n{report}"
    );
    assert!(
        report.contains("send it in if it is needed\n   Classroom: In line with the finding: 0% · partly: 0% · the officers' choice: 0% · answered: 7"),
        "seven votes on the first decision, apart:\n{report}"
    );
    assert!(!report.contains("answered: 8"), "{report}");
}
