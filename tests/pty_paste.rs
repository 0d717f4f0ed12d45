//! The real binary in a pseudo-terminal, pasted into as a terminal pastes: bracketed paste
//! turned on, three lines pasted into a rationale as one paste, all three in the record;
//! the brackets and mouse reporting turned off again on the way out.
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
        Terminal::spawn_with(args, data_dir, &[])
    }

    fn spawn_with(args: &[&str], data_dir: &std::path::Path, env: &[(&str, &str)]) -> Terminal {
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_lessons"));
        command.args(args);
        command.env("LESSONS_HOME", data_dir);
        for (key, value) in env {
            command.env(key, value);
        }
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

    fn screen(&mut self) -> String {
        while let Ok(bytes) = self.output.try_recv() {
            self.parser.process(&bytes);
            self.raw.extend(bytes);
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

    fn send(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).unwrap();
        self.writer.flush().unwrap();
        std::thread::sleep(Duration::from_millis(120));
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

#[test]
fn three_pasted_lines_go_into_the_rationale_and_the_record_holds_all_three() {
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
    assert!(
        String::from_utf8_lossy(&t.raw).contains("\u{1b}[?2004h"),
        "bracketed paste is turned on"
    );
    t.send(ENTER);
    t.expect("The person shows you a video");
    t.send(ENTER);
    t.expect("What do you do with the video?");
    t.send(ENTER);
    t.expect("Your rationale");
    // as a terminal sends a paste: one bracketed block, line ends as the clipboard had them
    t.send("\u{1b}[200~pasted line one\r\npasted line two\rpasted line three q y\u{1b}[201~");
    t.expect("pasted line three q y");
    let screen = t.screen();
    assert!(screen.contains("pasted line one"), "{screen}");
    assert!(
        screen.contains("Your rationale"),
        "the pasted line breaks did not submit:\n{screen}"
    );
    t.send(ENTER);
    t.expect("How your answer stands");
    t.send("q");
    t.send("y");
    assert!(t.wait().success());
    let tail = String::from_utf8_lossy(&t.raw[t.raw.len().saturating_sub(300)..]).into_owned();
    assert!(
        tail.contains("\u{1b}[?2004l"),
        "bracketed paste turned off: {tail:?}"
    );
    assert!(
        tail.contains("\u{1b}[?1000l"),
        "mouse reporting turned off: {tail:?}"
    );
    let records: Vec<_> = std::fs::read_dir(data.path())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    assert_eq!(records.len(), 1, "{records:?}");
    let record: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&records[0]).unwrap()).unwrap();
    let answers = record["session"]["answers"].as_array().unwrap();
    assert_eq!(answers.len(), 1, "one answer, nothing typed into later screens");
    assert_eq!(
        answers[0]["rationale"],
        "pasted line one\npasted line two\npasted line three q y"
    );
}

#[cfg(unix)]
#[test]
fn ctrl_e_hands_the_rationale_to_the_editor_and_takes_its_text_back() {
    use std::os::unix::fs::PermissionsExt;
    let data = tempfile::tempdir().unwrap();
    let editor = data.path().join("fake-editor.sh");
    // appends a line to whatever the box held, as a person editing it would
    std::fs::write(
        &editor,
        "#!/bin/sh\nprintf '\\nadded in the editor\\n' >> \"$1\"\n",
    )
    .unwrap();
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o700)).unwrap();
    let records = data.path().join("records");
    let mut command_env = Terminal::spawn_with(
        &[
            "play",
            "tests/fixtures/valid/synthetic-branching.ron",
            "--seed",
            "1",
        ],
        &records,
        &[("VISUAL", editor.to_str().unwrap())],
    );
    let t = &mut command_env;
    t.expect("Content warning");
    t.send(ENTER);
    t.expect("The person shows you a video");
    t.send(ENTER);
    t.expect("What do you do with the video?");
    t.send(ENTER);
    t.expect("Your rationale");
    t.send("typed here");
    t.send("\u{5}"); // Ctrl+E
    t.expect("added in the editor");
    let screen = t.screen();
    assert!(screen.contains("typed here"), "{screen}");
    t.send(ENTER);
    t.expect("How your answer stands");
    t.expect("added in the editor");
    t.send("q");
    t.send("y");
    assert!(t.wait().success());
}
