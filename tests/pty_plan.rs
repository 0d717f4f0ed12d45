//! `lessons classroom --plan` in the real binary: the agenda first, a decision the plan
//! keeps from the room, the plan's title and file in the record, and `--resume` (from the
//! records alone) bringing the plan back: its agenda and the same decision kept.
#![allow(clippy::unwrap_used)]

mod common;
#[path = "common/pty.rs"]
mod pty;
#[path = "common/terminal.rs"]
mod terminal;

use terminal::{ENTER, Terminal};

const PLAN: &str = "tests/fixtures/plans/valid/three-cases.ron";

#[test]
fn a_planned_session_quits_and_resumes_with_its_plan() {
    let data = tempfile::tempdir().unwrap();
    let mut t = Terminal::spawn(&["classroom", "--plan", PLAN, "--seed", "3"], data.path());
    t.expect("SESSION PLAN · Fixture session");
    t.expect("Enter: start case 1");
    // the agenda, the title, the briefing, the story, then `evidence`, kept from the room
    for _ in 0..4 {
        t.keys(ENTER);
    }
    t.expect("Not voted in this session's plan: the officers chose");
    t.keys("q");
    t.keys("y");
    assert!(t.wait().success());

    let (records, _) = lessons::record::Store::read_only(data.path()).load_all();
    assert_eq!(records.len(), 1);
    let record = &records[0].1;
    assert_eq!(record.plan_title.as_deref(), Some("Fixture session"));
    let file = record.plan_file.as_deref().unwrap();
    assert!(std::path::Path::new(file).is_absolute(), "{file}");
    assert!(file.ends_with("three-cases.ron"), "{file}");

    let mut t = Terminal::spawn(&["classroom", "--resume"], data.path());
    t.expect("SESSION PLAN · Fixture session");
    t.keys(ENTER);
    t.expect("Not voted in this session's plan: the officers chose");
    t.keys("q");
    t.keys("y");
    assert!(t.wait().success());
}
