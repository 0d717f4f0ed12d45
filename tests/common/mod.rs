//! Helpers shared by the integration tests.
#![allow(dead_code, clippy::unwrap_used)]

pub mod classroom;
pub mod keys;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs the real binary from the project root, feeding `stdin`.
pub fn lessons(args: &[&str], stdin: &str) -> Output {
    lessons_in(&root(), args, stdin, &[])
}

pub fn lessons_in(dir: &Path, args: &[&str], stdin: &str, env: &[(&str, &str)]) -> Output {
    use std::io::Write;
    let mut command = Command::new(env!("CARGO_BIN_EXE_lessons"));
    command
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        command.env(k, v);
    }
    let mut child = command.spawn().unwrap();
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).ok();
    child.wait_with_output().unwrap()
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The synthetic fixture used across tests (not a real case).
pub fn fixture_scenario() -> lessons::scenario::Scenario {
    let path = root().join("tests/fixtures/valid/synthetic-branching.ron");
    lessons::scenario::load_file(&path).scenario.unwrap()
}
