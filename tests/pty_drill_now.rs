//! Drill now in the real binary: a first run with a miss, then `r` on its debrief asks the
//! missed decision again at once ("Drill 1 of N"); and Ctrl-C in the plain player ends it
//! as an interrupt (the shell's 130), not as success.
#![allow(clippy::unwrap_used)]

mod common;
#[path = "common/pty.rs"]
mod pty;
#[path = "common/terminal.rs"]
mod terminal;

use terminal::{ENTER, Terminal};

#[test]
fn right_after_a_first_run_r_on_the_debrief_drills_the_misses() {
    let data = tempfile::tempdir().unwrap();
    let mut t = Terminal::spawn(
        &[
            "play",
            "tests/fixtures/valid/synthetic-branching.ron",
            "--seed",
            "1",
        ],
        data.path(),
    );
    t.expect("Content warning");
    t.keys(ENTER); // begin
    t.expect("The person shows you a video");
    t.keys(ENTER);
    t.expect("What do you do with the video?");
    t.keys("2"); // not the option in line (the first, at seed 1)
    t.keys(ENTER);
    t.expect("Your rationale");
    t.keys("Seemed enough");
    t.keys(ENTER);
    t.expect("How your answer stands");
    t.keys(ENTER);
    t.expect("What risk level do you record?");
    t.keys("3"); // High: on to the MARAC question
    t.keys(ENTER);
    t.keys(ENTER);
    t.expect("Do you refer the case to a MARAC?");
    t.keys("2");
    t.keys(ENTER);
    t.keys(ENTER);
    t.expect("Debrief: Synthetic fixture");
    t.keys("r");
    t.expect("Drill 1 of ");
    t.expect("What do you do with the video?");
    let screen = t.screen();
    assert!(
        screen.lines().next().unwrap().starts_with("Drill 1 of "),
        "the header names the drill:\n{screen}"
    );
    t.keys("q");
    t.keys("y");
    assert!(t.wait().success());
}

#[test]
fn ctrl_c_in_the_plain_player_ends_it_as_an_interrupt() {
    let data = tempfile::tempdir().unwrap();
    let mut t = Terminal::spawn(
        &[
            "play",
            "tests/fixtures/valid/synthetic-branching.ron",
            "--plain",
            "--seed",
            "1",
        ],
        data.path(),
    );
    t.expect("Type the number");
    t.keys("\u{3}");
    let status = t.wait();
    // killed by SIGINT as a shell reports it (130), or exiting with 130 itself
    assert!(
        status.exit_code() == 130 || status.signal() == Some("Interrupt"),
        "{status:?}"
    );
}
