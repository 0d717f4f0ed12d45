//! The classroom's presenter options in the real binary: `--countdown` gives the timer a
//! target, a clicker's PgDn/PgUp and the arrows move through the session, `z` draws the
//! timer in big letters, and the question names its NDM stage.
#![allow(clippy::unwrap_used)]

mod common;
#[path = "common/pty.rs"]
mod pty;
#[path = "common/terminal.rs"]
mod terminal;

use terminal::{ENTER, Terminal};

const PAGE_DOWN: &str = "\x1b[6~";
const PAGE_UP: &str = "\x1b[5~";
const RIGHT: &str = "\x1b[C";

#[test]
fn a_clicker_and_a_countdown_run_the_room() {
    let data = tempfile::tempdir().unwrap();
    let mut t = Terminal::spawn(
        &[
            "classroom",
            "tests/fixtures/valid/synthetic-branching.ron",
            "--seed",
            "3",
            "--countdown",
            "90",
        ],
        data.path(),
    );
    t.expect("Could it happen here?");
    t.keys(PAGE_DOWN);
    t.expect("BRIEFING");
    t.keys(PAGE_UP);
    t.expect("Could it happen here?");
    t.keys(RIGHT);
    t.expect("BRIEFING");
    t.keys(ENTER);
    t.keys(ENTER);
    t.expect("What do you do with the video?");
    t.expect("NDM: Gather information and intelligence");
    t.keys("t");
    t.expect("left of 1:30");
    t.keys("z");
    // the countdown in big glyphs above the question, which stays on screen
    t.expect("▀▀");
    t.expect("What do you do with the video?");
    t.keys("q");
    t.keys("y");
    assert!(t.wait().success());
}

#[test]
fn a_countdown_of_nothing_is_refused() {
    let out = common::lessons(&["classroom", "x", "--countdown", "0"], "");
    assert!(!out.status.success());
    let err = common::text(&out.stderr);
    assert!(err.contains("--countdown"), "{err}");
}
