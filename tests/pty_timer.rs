//! The decision clock in the real binary: announced on the briefing, paused while help is
//! open, and carried over a quit and a resume (and a kill and a resume) with the time left,
//! never reset to the full limit. Synthetic fixture; its risk decision has 60 s, 90 s here
//! with `--extra-time 50`.
#![allow(clippy::unwrap_used)]

mod common;
#[path = "common/pty.rs"]
mod pty;

use std::io::{Read, Write};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use portable_pty::CommandBuilder;

struct Terminal {
    parser: vt100::Parser,
    output: Receiver<Vec<u8>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
}

impl Terminal {
    fn spawn(args: &[&str], data_dir: &std::path::Path) -> Terminal {
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_lessons"));
        command.args(args);
        command.env("LESSONS_HOME", data_dir);
        command.env("TERM", "xterm-256color");
        command.cwd(common::root());
        let pty::Spawned {
            child,
            mut reader,
            master,
        } = pty::spawn(command);
        let writer = master.take_writer().unwrap();
        let (tx, output) = channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        // keep the master alive for the child's lifetime
        std::mem::forget(master);
        Terminal {
            parser: vt100::Parser::new(
                std::num::NonZeroU16::new(pty::ROWS).unwrap(),
                std::num::NonZeroU16::new(pty::COLS).unwrap(),
                0,
            ),
            output,
            writer,
            child,
        }
    }

    fn screen(&mut self) -> String {
        while let Ok(bytes) = self.output.try_recv() {
            self.parser.process(&bytes);
        }
        self.parser.screen().contents()
    }

    fn expect(&mut self, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if self.screen().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("never saw {text:?}; the screen was:\n{}", self.screen());
    }

    fn keys(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).unwrap();
        self.writer.flush().unwrap();
        std::thread::sleep(Duration::from_millis(120));
    }

    /// The seconds the header's clock shows ("⏱ 87 s left").
    fn seconds_left(&mut self) -> u64 {
        self.expect("s left");
        let screen = self.screen();
        let after = screen.split("⏱ ").nth(1).unwrap_or_default();
        after
            .split(' ')
            .next()
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("no clock on screen:\n{screen}"))
    }

    fn wait(&mut self) -> portable_pty::ExitStatus {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            self.screen();
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(Instant::now() < deadline, "the program did not exit");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

const ENTER: &str = "\r";

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
    let first = t.seconds_left();
    assert!((88..=90).contains(&first), "a fresh 90 s clock: {first}");
    std::thread::sleep(Duration::from_secs(3));
    let running = t.seconds_left();
    assert!(running <= first - 2, "the clock runs: {first} then {running}");

    t.keys("?");
    t.expect("(paused)");
    let paused = t.seconds_left();
    std::thread::sleep(Duration::from_secs(3));
    assert_eq!(t.seconds_left(), paused, "help is open: the clock stands still");
    t.keys("\x1b"); // close help
    std::thread::sleep(Duration::from_millis(300));

    t.keys("q");
    t.expect("Quit lessons?");
    let at_quit = t.seconds_left();
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
    let resumed = again.seconds_left();
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
    let at_kill = t.seconds_left();
    t.child.kill().unwrap();
    t.wait();
    let mut again = Terminal::spawn(&["resume"], data.path());
    again.expect("What risk level do you record?");
    let resumed = again.seconds_left();
    assert!(
        resumed < 90 && resumed <= at_kill + 6,
        "killed at {at_kill} s, resumed at {resumed} s"
    );
    again.keys("q");
    again.keys("y");
    assert!(again.wait().success());
}
