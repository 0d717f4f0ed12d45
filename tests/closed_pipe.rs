//! Output to a pipe whose reader has gone (`lessons list | head -1`) ends quietly: no
//! panic message and no backtrace.
#![allow(clippy::unwrap_used)]

mod common;

use std::process::{Command, Stdio};

use common::root;

/// Runs `args` with stdout a pipe that nobody reads; returns stderr.
fn stderr_with_closed_stdout(args: &[&str], data: &std::path::Path) -> String {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let out = Command::new(env!("CARGO_BIN_EXE_lessons"))
        .args(args)
        .current_dir(root())
        .env("LESSONS_HOME", data)
        .env("RUST_BACKTRACE", "1")
        .stdin(Stdio::null())
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn list_drill_and_report_end_quietly_when_the_reader_has_gone() {
    let data = tempfile::tempdir().unwrap();
    // a finished run, so that the report has something to print
    let played = common::lessons_in(
        &root(),
        &[
            "play",
            "tests/fixtures/valid/synthetic-branching.ron",
            "--plain",
            "--seed",
            "1",
        ],
        "1\nreason\n\n3\n\n1\n\n1 2\nwhy\n\n",
        &[("LESSONS_HOME", data.path().to_str().unwrap())],
    );
    assert!(played.status.success() || played.status.code() == Some(1));
    for args in [
        vec!["list"],
        vec!["drill", "--list"],
        vec!["man"],
        vec!["completions", "bash"],
        vec!["report", data.path().to_str().unwrap()],
        vec!["validate", "tests/fixtures/valid"],
    ] {
        let stderr = stderr_with_closed_stdout(&args, data.path());
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(!stderr.contains("backtrace"), "{args:?}: {stderr}");
        assert!(!stderr.contains("Broken pipe"), "{args:?}: {stderr}");
    }
}
