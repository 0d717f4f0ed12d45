//! The fuzz harness without the fuzzer: every file of the seed corpora and of the saved
//! regressions (inputs that once crashed or hung a target) goes through its target, and none
//! may panic. This is the part of the fuzzing that runs on every CI run; see tests/fuzz/README.md.

#[path = "fuzz/src/harness.rs"]
mod harness;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

/// A fuzz target: takes any bytes and must not panic.
type Target = fn(&[u8]);

const TARGETS: [(&str, Target); 3] = [
    ("scenario", harness::scenario),
    ("record", harness::record),
    ("plain_input", harness::plain_input),
];

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

/// Runs every file under `root/<target>/` through its target; returns the files that panicked.
fn run_all(root: &Path) -> (usize, Vec<String>) {
    let mut ran = 0;
    let mut failures = Vec::new();
    for (name, target) in TARGETS {
        for file in files_in(&root.join(name)) {
            let bytes = std::fs::read(&file).expect("a corpus file is readable");
            ran += 1;
            if catch_unwind(AssertUnwindSafe(|| target(&bytes))).is_err() {
                failures.push(file.display().to_string());
            }
        }
    }
    (ran, failures)
}

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz")
}

#[test]
fn every_seed_input_runs_through_its_target_without_a_panic() {
    for (name, _) in TARGETS {
        assert!(
            !files_in(&fuzz_dir().join("corpus").join(name)).is_empty(),
            "tests/fuzz/corpus/{name}/ has no seed inputs"
        );
    }
    let (ran, failures) = run_all(&fuzz_dir().join("corpus"));
    assert!(ran >= 3);
    assert!(failures.is_empty(), "these seed inputs panicked: {failures:#?}");
}

#[test]
fn inputs_that_once_crashed_a_fuzz_target_no_longer_do() {
    let (_, failures) = run_all(&fuzz_dir().join("regressions"));
    assert!(
        failures.is_empty(),
        "these saved crashes panic again: {failures:#?}"
    );
}
