//! Runs the real binary with a memory cap and a watchdog, so a regression that reads
//! without end or waits for ever fails the test instead of hanging it.
#![allow(clippy::unwrap_used, dead_code)]

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

/// Runs the binary in `dir` with at most ~800 MB of address space, killed after 20 s.
pub fn guarded(dir: &Path, args: &[&str]) -> Run {
    let out = dir.join(".stdout");
    let err = dir.join(".stderr");
    let mut child = Command::new("sh")
        .arg("-c")
        .arg("ulimit -v 800000; exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_lessons"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("LESSONS_HOME", dir.join(".records"))
        .stdin(Stdio::null())
        .stdout(fs::File::create(&out).unwrap())
        .stderr(fs::File::create(&err).unwrap())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            child.kill().ok();
            child.wait().ok();
            panic!(
                "`lessons {}` was still running after 20 s: it hung",
                args.join(" ")
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Run {
        code: status.code(),
        stdout: fs::read_to_string(out).unwrap_or_default(),
        stderr: fs::read_to_string(err).unwrap_or_default(),
    }
}
