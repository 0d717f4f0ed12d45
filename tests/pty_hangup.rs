//! A terminal that goes away (a closed window, a dropped SSH session) ends the program.
//! crossterm retries a failed read of a hung-up terminal forever, so without a watch on the
//! terminal itself the process would live on at full CPU with nobody there.
#![allow(clippy::unwrap_used)]
#![cfg(target_os = "linux")]

mod common;
#[path = "common/pty.rs"]
mod pty;

use std::io::Read;
use std::sync::mpsc::channel;
use std::time::{Duration, Instant};

use portable_pty::CommandBuilder;

fn exits_after_the_terminal_closes(args: &[&str], shows: &str) {
    let data = tempfile::tempdir().unwrap();
    // under a shell, as in a terminal window: the shell leads the session and takes the
    // hang-up; `; :` keeps it from exec'ing, so lessons is its child and not the leader
    let mut command = CommandBuilder::new("sh");
    command.arg("-c");
    command.arg("\"$0\" \"$@\"; :");
    command.arg(env!("CARGO_BIN_EXE_lessons"));
    command.arg("--data-dir");
    command.arg(data.path());
    command.args(args);
    command.env("LESSONS_HOME", data.path());
    command.env("TERM", "xterm-256color");
    command.cwd(common::root());
    let pty::Spawned {
        mut child,
        mut reader,
        master,
    } = pty::spawn(command);
    // the reader holds its own copy of the terminal's end: it is dropped as soon as the
    // screen shows `shows`, so that dropping `master` really closes the terminal
    let (tx, seen) = channel();
    let wanted = shows.to_string();
    std::thread::spawn(move || {
        let mut parser = vt100::Parser::new(
            std::num::NonZeroU16::new(pty::ROWS).unwrap(),
            std::num::NonZeroU16::new(pty::COLS).unwrap(),
            0,
        );
        let mut buf = [0u8; 4096];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            parser.process(&buf[..n]);
            if parser.screen().contents().contains(&wanted) {
                let _ = tx.send(());
                break;
            }
        }
    });
    seen.recv_timeout(Duration::from_secs(10))
        .unwrap_or_else(|_| panic!("never saw {shows:?}"));
    let program = running_with(data.path());
    assert!(program.is_some(), "lessons is running under the shell");
    drop(master); // the window closes
    let deadline = Instant::now() + Duration::from_secs(10);
    while let Some(pid) = running_with(data.path()) {
        if Instant::now() > deadline {
            let _ = std::process::Command::new("kill").args(["-9", &pid]).status();
            let _ = child.kill();
            panic!(
                "`lessons {}` was still running 10 s after its terminal closed",
                args.join(" ")
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = child.wait();
}

/// The pid of a live lessons process whose command line names `data` (a test's own folder).
fn running_with(data: &std::path::Path) -> Option<String> {
    let data = data.to_string_lossy().into_owned();
    std::fs::read_dir("/proc").ok()?.flatten().find_map(|entry| {
        let pid = entry.file_name().to_string_lossy().into_owned();
        let cmdline = std::fs::read(entry.path().join("cmdline")).ok()?;
        let stat = std::fs::read_to_string(entry.path().join("stat")).unwrap_or_default();
        let zombie = stat
            .rsplit(')')
            .next()
            .is_some_and(|rest| rest.trim_start().starts_with('Z'));
        let args: Vec<String> = cmdline
            .split(|b| *b == 0)
            .map(|a| String::from_utf8_lossy(a).into_owned())
            .collect();
        let is_lessons = args.first().is_some_and(|a| a.ends_with("/lessons"));
        (is_lessons && !zombie && args.contains(&data)).then_some(pid)
    })
}

#[test]
fn the_library_ends_when_its_terminal_closes() {
    exits_after_the_terminal_closes(&[], "Cases");
}

#[test]
fn a_run_ends_when_its_terminal_closes() {
    exits_after_the_terminal_closes(
        &[
            "play",
            "tests/fixtures/valid/synthetic-branching.ron",
            "--seed",
            "1",
        ],
        "Content warning",
    );
}
