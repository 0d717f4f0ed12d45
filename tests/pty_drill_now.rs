//! Drill now in the real binary: a first run with a miss, then `r` on its debrief asks the
//! missed decision again at once ("Drill 1 of N"); and Ctrl-C in the plain player ends it
//! as an interrupt (the shell's 130), not as success.
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
    raw: Vec<u8>,
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
            raw: Vec::new(),
            writer,
            child,
        }
    }

    fn pump(&mut self) {
        while let Ok(bytes) = self.output.try_recv() {
            self.parser.process(&bytes);
            self.raw.extend(bytes);
        }
    }

    fn screen(&mut self) -> String {
        self.pump();
        self.parser.screen().contents()
    }

    /// Waits until the screen shows `text`.
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
}

const ENTER: &str = "\r";

fn wait(t: &mut Terminal) -> portable_pty::ExitStatus {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        t.pump();
        if let Some(status) = t.child.try_wait().unwrap() {
            return status;
        }
        assert!(Instant::now() < deadline, "the program did not exit");
        std::thread::sleep(Duration::from_millis(50));
    }
}

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
    assert!(wait(&mut t).success());
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
    let status = wait(&mut t);
    // killed by SIGINT as a shell reports it (130), or exiting with 130 itself
    assert!(
        status.exit_code() == 130 || status.signal() == Some("Interrupt"),
        "{status:?}"
    );
}
