//! Files named by a user or by a scenario are read only when they are regular files, and
//! never past a size limit: `/dev/zero`, a named pipe, a folder or a file outside the
//! scenario's folder gets a clear error at once instead of a hang or a memory blow-up.
//! Every run here has a memory cap and a watchdog, so a regression fails instead of hanging.
#![allow(clippy::unwrap_used)]

mod common;
#[path = "common/guarded.rs"]
mod guarded;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::root;
use guarded::guarded;

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().expect("mkfifo runs");
    assert!(status.success(), "mkfifo failed");
}

/// The synthetic fixture, with `document:` set to `document`, written into `dir`.
fn scenario_with_document(dir: &Path, document: &str) -> PathBuf {
    let text = fs::read_to_string(root().join("tests/fixtures/valid/synthetic-branching.ron")).unwrap();
    let text = text.replacen(
        "reference: \"TEST/0001\",",
        &format!("reference: \"TEST/0001\",\n        document: {document:?},"),
        1,
    );
    let path = dir.join("case.ron");
    fs::write(&path, text).unwrap();
    path
}

#[test]
fn validate_and_list_refuse_a_device_at_once() {
    let dir = tempfile::tempdir().unwrap();
    for command in ["validate", "list"] {
        let run = guarded(dir.path(), &[command, "/dev/zero"]);
        assert_eq!(run.code, Some(1), "{command}: {}", run.stderr);
        let all = format!("{}{}", run.stdout, run.stderr);
        if command == "validate" {
            assert!(
                run.stderr.contains("/dev/zero") && run.stderr.contains("is a device, not a regular file"),
                "{command}: {all}"
            );
        } else {
            assert!(all.contains("invalid: /dev/zero"), "{command}: {all}");
        }
    }
}

#[test]
fn validate_and_list_do_not_wait_on_a_named_pipe() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.ron");
    mkfifo(&fifo);
    let run = guarded(dir.path(), &["validate", "pipe.ron"]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(
        run.stderr.contains("pipe.ron") && run.stderr.contains("is a named pipe (FIFO), not a regular file"),
        "{}",
        run.stderr
    );
    let run = guarded(dir.path(), &["list", "pipe.ron"]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(run.stderr.contains("invalid: pipe.ron"), "{}", run.stderr);
}

#[test]
fn a_document_outside_the_scenario_folder_is_an_error_not_a_read() {
    let dir = tempfile::tempdir().unwrap();
    for document in ["/dev/zero", "/etc/shadow", "../outside.txt"] {
        scenario_with_document(dir.path(), document);
        let run = guarded(dir.path(), &["validate", "case.ron"]);
        assert_eq!(run.code, Some(1), "{document}: {}", run.stderr);
        assert!(
            run.stderr.contains("case.ron:")
                && run.stderr.contains("error")
                && run
                    .stderr
                    .contains("must name a file inside the scenario's folder"),
            "{document}: {}",
            run.stderr
        );
        assert!(run.stderr.contains("help:"), "{}", run.stderr);
    }
}

#[test]
fn a_document_that_is_a_pipe_inside_the_folder_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    mkfifo(&dir.path().join("source.txt"));
    scenario_with_document(dir.path(), "source.txt");
    let run = guarded(dir.path(), &["validate", "case.ron"]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("source document `source.txt` is a named pipe (FIFO)"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_document_in_a_subfolder_is_still_found() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("sources")).unwrap();
    fs::write(dir.path().join("sources/s.txt"), "Some published text.").unwrap();
    scenario_with_document(dir.path(), "sources/s.txt");
    let run = guarded(dir.path(), &["validate", "case.ron"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(!run.stderr.contains("was not found"), "{}", run.stderr);
}

#[test]
fn new_from_a_device_or_pipe_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("summary.txt");
    mkfifo(&fifo);
    for (from, what) in [
        ("/dev/zero", "is a device"),
        ("summary.txt", "is a named pipe (FIFO)"),
    ] {
        let run = guarded(dir.path(), &["new", "x", "--from", from]);
        assert_eq!(run.code, Some(1), "{from}: {}", run.stderr);
        assert!(run.stderr.contains(what), "{from}: {}", run.stderr);
        assert!(!dir.path().join("x.ron").exists(), "nothing is written");
    }
}

#[test]
fn report_on_a_record_that_links_to_a_device_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("z.json")).unwrap();
    let run = guarded(dir.path(), &["report", "z.json"]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(
        run.stderr.contains("z.json") && run.stderr.contains("is a device"),
        "{}",
        run.stderr
    );
}

#[test]
fn report_on_a_path_that_does_not_exist_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let run = guarded(dir.path(), &["report", "/nonexistent/dir"]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(
        run.stderr.contains("/nonexistent/dir does not exist"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("not a record"), "{}", run.stderr);
}
