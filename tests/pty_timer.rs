//! The decision clock in the real binary: announced on the briefing, paused while help is
//! open, and carried over a quit and a resume (and a kill and a resume) with the time left,
//! never reset to the full limit. Synthetic fixture; its risk decision has 60 s, 90 s here
//! with `--extra-time 50`.
#![allow(clippy::unwrap_used)]

mod common;
#[path = "common/pty.rs"]
mod pty;
#[path = "common/terminal.rs"]
mod terminal;

use std::time::Duration;

use terminal::{ENTER, Terminal};

/// The seconds the header's clock shows ("⏱ 87 s left").
fn seconds_left(t: &mut Terminal) -> u64 {
    t.expect("s left");
    let screen = t.screen();
    let after = screen.split("⏱ ").nth(1).unwrap_or_default();
    after
        .split(' ')
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no clock on screen:\n{screen}"))
}

/// Begins the fixture in assessment mode with 50% extra time and answers the first
/// decision, stopping at the timed risk decision.
fn to_the_timed_decision(data: &std::path::Path) -> Terminal {
    let mut t = Terminal::spawn(
        &[
            "play",
            "tests/fixtures/valid/synthetic-branching.ron",
            "--seed",
            "1",
            "--mode",
            "assessment",
            "--extra-time",
            "50",
        ],
        data,
    );
    // announced before the run begins, without saying which decision it is
    t.expect("1 of the case's 4 decisions is timed: 90 s (with 50% extra time)");
    t.keys(ENTER);
    t.expect("The person shows you a video");
    t.keys(ENTER);
    t.expect("What do you do with the video?");
    t.keys(ENTER);
    t.expect("Your rationale");
    t.keys(ENTER); // an optional rationale, skipped
    t.expect("What risk level do you record?");
    t.expect("Decision 2 of 3");
    t
}

fn record_in(data: &std::path::Path) -> serde_json::Value {
    let file = std::fs::read_dir(data)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "json"))
        .unwrap();
    // the journal beside it is folded in on a clean quit
    serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap()
}

#[test]
fn help_pauses_the_clock_and_a_quit_and_resume_keeps_the_time_left() {
    let data = tempfile::tempdir().unwrap();
    let mut t = to_the_timed_decision(data.path());
    let first = seconds_left(&mut t);
    assert!((88..=90).contains(&first), "a fresh 90 s clock: {first}");
    std::thread::sleep(Duration::from_secs(3));
    let running = seconds_left(&mut t);
    assert!(running <= first - 2, "the clock runs: {first} then {running}");

    t.keys("?");
    t.expect("(paused)");
    let paused = seconds_left(&mut t);
    std::thread::sleep(Duration::from_secs(3));
    assert_eq!(
        seconds_left(&mut t),
        paused,
        "help is open: the clock stands still"
    );
    t.keys("\x1b"); // close help
    std::thread::sleep(Duration::from_millis(300));

    t.keys("q");
    t.expect("Quit lessons?");
    let at_quit = seconds_left(&mut t);
    t.keys("y");
    assert!(t.wait().success());
    let record = record_in(data.path());
    assert_eq!(record["session"]["settings"]["timers"]["extra"], 50);
    let saved = record["time_left"]["seconds"].as_f64().unwrap();
    assert!(
        saved <= at_quit as f64 && saved > 80.0,
        "saved {saved}, shown {at_quit}"
    );

    std::thread::sleep(Duration::from_secs(2)); // time away does not count
    let mut again = Terminal::spawn(&["resume"], data.path());
    again.expect("What risk level do you record?");
    let resumed = seconds_left(&mut again);
    assert!(
        resumed <= at_quit && resumed + 2 >= at_quit,
        "resumed with {resumed} s, left with {at_quit} s: not reset to 90"
    );
    again.keys("q");
    again.keys("y");
    assert!(again.wait().success());
}

#[test]
fn a_run_killed_on_a_timed_decision_resumes_with_at_most_the_time_saved() {
    let data = tempfile::tempdir().unwrap();
    let mut t = to_the_timed_decision(data.path());
    // the time left is saved every few seconds while the clock runs
    std::thread::sleep(Duration::from_secs(7));
    let at_kill = seconds_left(&mut t);
    t.child.kill().unwrap();
    t.wait();
    let mut again = Terminal::spawn(&["resume"], data.path());
    again.expect("What risk level do you record?");
    let resumed = seconds_left(&mut again);
    assert!(
        resumed < 90 && resumed <= at_kill + 6,
        "killed at {at_kill} s, resumed at {resumed} s"
    );
    again.keys("q");
    again.keys("y");
    assert!(again.wait().success());
}
