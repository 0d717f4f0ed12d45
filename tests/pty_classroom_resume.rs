//! `lessons classroom --resume` in the real binary: a session quit on the last case's
//! outcome comes back there (not "complete"), keeps the file its case came from, and only
//! a session that reached the End screen is complete.
#![allow(clippy::unwrap_used)]

mod common;
#[path = "common/pty.rs"]
mod pty;
#[path = "common/terminal.rs"]
mod terminal;

use lessons::record::{RoomStage, Store};
use terminal::{ENTER, Terminal};

const CASE: &str = "tests/fixtures/valid/synthetic-branching.ron";

/// The latest record's stage and scenario file.
fn saved(dir: &std::path::Path) -> (Option<RoomStage>, Option<String>) {
    let (records, _) = Store::read_only(dir).load_all();
    let record = records
        .into_iter()
        .map(|(_, r)| r)
        .max_by_key(|r| r.updated)
        .unwrap();
    (record.room.map(|p| p.stage), record.scenario_file)
}

#[test]
fn quit_on_the_last_cases_outcome_resumes_there_and_the_end_is_complete() {
    let data = tempfile::tempdir().unwrap();
    let mut t = Terminal::spawn(&["classroom", CASE, "--seed", "3"], data.path());
    t.expect("Could it happen here?");
    t.keys(ENTER);
    t.expect("BRIEFING");
    t.keys(ENTER);
    t.expect("The person shows you");
    t.keys(ENTER);
    t.expect("What do you do with the video?");
    // one vote for the option shown first at each decision, votes ended, revealed, on
    for question in ["What risk level", "Which of these do you do?", "WHAT HAPPENED"] {
        t.keys("a");
        t.keys("\t");
        t.keys("r");
        t.expect("Found: ");
        t.keys(ENTER);
        t.expect(question);
    }
    t.keys("q");
    t.expect("End the session?");
    t.keys("y");
    assert!(t.wait().success());
    let (stage, file) = saved(data.path());
    assert_eq!(stage, Some(RoomStage::Outcome));
    assert!(file.is_some());

    let mut t = Terminal::spawn(&["classroom", "--resume"], data.path());
    t.expect("WHAT HAPPENED");
    t.keys(ENTER);
    t.expect("OUTCOMES FOR THE OFFICERS");
    let (stage, file) = saved(data.path());
    assert_eq!(stage, Some(RoomStage::Outcome));
    assert!(
        file.as_deref()
            .is_some_and(|f| f.ends_with("synthetic-branching.ron")),
        "a resumed session keeps the case's file: {file:?}"
    );
    t.keys(ENTER);
    t.keys(ENTER);
    t.expect("QUESTION 1 OF 1");
    t.keys(ENTER);
    t.expect("Session complete");
    t.keys("q");
    t.keys("y");
    assert!(t.wait().success());
    assert_eq!(saved(data.path()).0, Some(RoomStage::End));

    let mut t = Terminal::spawn(&["classroom", "--resume"], data.path());
    t.expect("complete");
    assert!(!t.wait().success());
}
