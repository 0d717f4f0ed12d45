//! The real binary in a pseudo-terminal: open the library, play a case to its debrief,
//! quit, and check the terminal was handed back (alternate screen left, cursor shown).
#![allow(clippy::unwrap_used)]

mod common;
#[path = "common/pty.rs"]
mod pty;
#[path = "common/terminal.rs"]
mod terminal;

use std::time::{Duration, Instant};

use terminal::{ENTER, Terminal};

/// Starts the fixture at seed 1, reads on past the briefing and the narrative, and chooses
/// the first option of the first decision (secure a copy), stopping at its rationale box.
fn play_to_the_first_rationale(data: &std::path::Path) -> Terminal {
    let mut t = Terminal::spawn(
        &[
            "play",
            "tests/fixtures/valid/synthetic-branching.ron",
            "--seed",
            "1",
        ],
        data,
    );
    t.expect("Content warning");
    t.keys(ENTER); // begin
    t.expect("The person shows you a video");
    t.keys(ENTER); // past the narrative
    t.expect("What do you do with the video?");
    t.keys(ENTER);
    t.expect("Your rationale");
    t
}

#[test]
fn a_trainee_plays_a_case_to_its_debrief_and_quits_cleanly() {
    let data = tempfile::tempdir().unwrap();
    let mut t = play_to_the_first_rationale(data.path());
    t.keys("Because it proves the breach");
    t.keys(ENTER);
    t.expect("How your answer stands");
    t.keys(ENTER);
    t.expect("What risk level do you record?");
    t.keys("3"); // jump to High
    t.keys(ENTER);
    t.keys(ENTER);
    t.expect("Do you refer the case to a MARAC?");
    t.keys("2");
    t.keys(ENTER);
    t.keys(ENTER);
    t.expect("Debrief: Synthetic fixture");
    let debrief = t.screen();
    assert!(
        debrief.contains("Your decisions beside the officers"),
        "{debrief}"
    );
    t.keys("q");
    let status = t.wait();
    assert!(status.success(), "exit status {status:?}");
    t.pump();
    let tail = String::from_utf8_lossy(&t.raw[t.raw.len().saturating_sub(200)..]).into_owned();
    assert!(
        tail.contains("\u{1b}[?1049l"),
        "left the alternate screen: {tail:?}"
    );
    assert!(tail.contains("\u{1b}[?25h"), "showed the cursor again: {tail:?}");
    let records: Vec<_> = std::fs::read_dir(data.path())
        .unwrap()
        .filter_map(Result::ok)
        .collect();
    assert_eq!(records.len(), 1, "one run record was written");
    let text = std::fs::read_to_string(records[0].path()).unwrap();
    assert!(text.contains("Because it proves the breach"));
    assert!(text.contains("\"finished\": {"));
}

#[test]
fn a_run_killed_mid_way_resumes_with_every_answer_and_rationale() {
    let data = tempfile::tempdir().unwrap();
    let mut t = play_to_the_first_rationale(data.path());
    t.keys("Kept as evidence");
    t.keys(ENTER);
    t.expect("How your answer stands");
    t.child.kill().unwrap(); // SIGKILL: no chance to clean up
    t.wait();
    let mut again = Terminal::spawn(&["resume"], data.path());
    again.expect("What you know");
    // a frame can arrive in pieces: wait for its last panel before reading the screen
    again.expect("How your answer stands");
    again.expect("Kept as evidence");
    let screen = again.screen();
    assert!(screen.contains("Kept as evidence"), "{screen}");
    assert!(
        screen.contains("How your answer stands"),
        "resumed where it stopped:\n{screen}"
    );
    again.keys(ENTER);
    again.expect("What risk level do you record?");
    again.keys("q");
    again.keys("y");
    assert!(again.wait().success());
}

#[test]
fn a_rationale_half_typed_when_the_run_is_killed_is_still_there_on_resume() {
    let data = tempfile::tempdir().unwrap();
    let mut t = play_to_the_first_rationale(data.path());
    t.keys("Half a thought about the");
    std::thread::sleep(Duration::from_millis(600)); // a tick or two: the draft is saved
    t.child.kill().unwrap();
    t.wait();
    let mut again = Terminal::spawn(&["resume"], data.path());
    again.expect("Half a thought about the");
    again.keys(" evidence");
    again.keys(ENTER);
    again.expect("How your answer stands");
    again.expect("Half a thought about the evidence");
    again.keys("q");
    again.keys("y");
    assert!(again.wait().success());
}

/// The end of everything the program wrote, as text, once the last of it has arrived.
fn tail(t: &mut Terminal) -> String {
    let mut quiet_since = Instant::now();
    let mut seen = t.raw.len();
    while quiet_since.elapsed() < Duration::from_millis(300) {
        t.pump();
        if t.raw.len() != seen {
            seen = t.raw.len();
            quiet_since = Instant::now();
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    String::from_utf8_lossy(&t.raw[t.raw.len().saturating_sub(300)..]).into_owned()
}

#[test]
fn sigterm_sighup_and_sigquit_hand_the_terminal_back_and_keep_the_draft() {
    for (signal, number) in [("TERM", 15), ("HUP", 1), ("QUIT", 3)] {
        let data = tempfile::tempdir().unwrap();
        let mut t = play_to_the_first_rationale(data.path());
        t.keys("Typed just before the signal");
        t.expect("Typed just before the signal");
        let pid = t.child.process_id().unwrap().to_string();
        let sent = std::process::Command::new("kill")
            .args([&format!("-{signal}"), &pid])
            .status()
            .unwrap();
        assert!(sent.success());
        let status = t.wait();
        assert_eq!(status.exit_code(), 128 + number, "SIG{signal}: {status:?}");
        let tail = tail(&mut t);
        assert!(
            tail.contains("\u{1b}[?1049l"),
            "SIG{signal} left the alternate screen: {tail:?}"
        );
        assert!(
            tail.contains("\u{1b}[?25h"),
            "SIG{signal} showed the cursor: {tail:?}"
        );
        let records: Vec<_> = std::fs::read_dir(data.path())
            .unwrap()
            .filter_map(Result::ok)
            .collect();
        assert_eq!(records.len(), 1, "SIG{signal}: the run record is there");
        let text = std::fs::read_to_string(records[0].path()).unwrap();
        assert!(
            text.contains("Typed just before the signal"),
            "SIG{signal}: the draft was saved"
        );
    }
}

#[test]
fn ctrl_c_in_the_full_screen_player_exits_130() {
    let data = tempfile::tempdir().unwrap();
    let mut t = play_to_the_first_rationale(data.path());
    t.keys("\u{3}");
    let status = t.wait();
    assert_eq!(status.exit_code(), 130, "{status:?}");
    let tail = tail(&mut t);
    assert!(
        tail.contains("\u{1b}[?1049l") && tail.contains("\u{1b}[?25h"),
        "{tail:?}"
    );
}
