//! `lessons validate` warns about options a guesser can answer without knowing the case
//! (issue 11): the Expected option clearly the longest, a tick-all with no Poor option, two
//! options where the real decision is not binary. Each is located `path:line:col` with a
//! `help:` line, and none fails validation.
//! Set `LESSONS_BLESS=1` to rewrite the expected file after an intended change.
#![allow(clippy::unwrap_used)]

mod common;

use std::fs;

use common::{lessons, root, text};

#[test]
fn unfair_options_are_located_warnings_that_do_not_fail_validation() {
    let relative = "tests/fixtures/warnings/fairness.ron";
    let out = lessons(&["validate", relative], "");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let expected_path = root().join("tests/fixtures/warnings/fairness.stderr");
    if std::env::var_os("LESSONS_BLESS").is_some() {
        fs::write(&expected_path, &out.stderr).unwrap();
    }
    let expected = fs::read_to_string(&expected_path).unwrap_or_default();
    assert_eq!(text(&out.stderr), expected);
    for (line, message) in [
        (
            "20:45",
            "in decision `length-cue`, the Expected option `careful` is clearly the longest (70 characters; the longest option not Expected has 26)",
        ),
        (
            "43:22",
            "tick-all decision `tick-all` has no Poor option, so ticking everything is in line",
        ),
        (
            "55:22",
            "single-choice decision `coin-toss` has only two options, so a guess is right half the time",
        ),
        (
            "84:21",
            "decision `not-binary` says `binary: true` but is not a single choice between two options",
        ),
    ] {
        let located = format!("{relative}:{line}: warning: {message}\n  help: ");
        assert!(expected.contains(&located), "missing: {located}");
    }
    for quiet in ["near-enough", "`arrest`"] {
        assert!(!expected.contains(quiet), "{quiet} should not be warned about");
    }
    assert!(text(&out.stdout).contains("1 valid, 0 invalid, 4 warnings"));
}

#[test]
fn the_binary_field_defaults_to_false_and_reads_true() {
    let scenario = lessons::scenario::load_file(&root().join("tests/fixtures/warnings/fairness.ron"))
        .scenario
        .unwrap();
    assert!(scenario.decision("arrest").unwrap().binary);
    assert!(!scenario.decision("coin-toss").unwrap().binary);
}
