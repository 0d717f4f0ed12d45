//! `lessons audit` against two synthetic fixtures: one whose Expected options are always
//! clearly the longest (a cue a guesser can use) and one whose option lengths say nothing.
//! The report's figures are deterministic (pinned seeds), so the text output is compared
//! whole. Set `LESSONS_BLESS=1` to rewrite the expected files after an intended change.
#![allow(clippy::unwrap_used)]

mod common;

use std::fs;

use common::{lessons, root, text};

fn expect_stdout(args: &[&str], expected_file: &str) -> (Option<i32>, String) {
    let out = lessons(args, "");
    let stdout = text(&out.stdout);
    let path = root().join(expected_file);
    if std::env::var_os("LESSONS_BLESS").is_some() {
        fs::write(&path, &stdout).unwrap();
    }
    let expected = fs::read_to_string(&path).unwrap_or_default();
    assert_eq!(stdout, expected, "stderr: {}", text(&out.stderr));
    (out.status.code(), stdout)
}

#[test]
fn a_length_cue_fails_the_audit_naming_the_strategy_and_the_case() {
    let (code, stdout) = expect_stdout(
        &["audit", "tests/fixtures/audit/length-cue.ron"],
        "tests/fixtures/audit/length-cue.stdout",
    );
    assert_eq!(code, Some(1));
    assert!(
        stdout.contains("FAIL: longest beats random by 53.5 points in audit-length-cue"),
        "{stdout}"
    );
    // always the longest is in line at every decision: a full score, by hand
    assert!(
        stdout.contains("audit-length-cue       46.5 100 (+54)"),
        "{stdout}"
    );
    assert!(!stdout.contains("FAIL: shortest"), "{stdout}");
}

#[test]
fn a_balanced_case_passes_the_audit() {
    let (code, stdout) = expect_stdout(
        &["audit", "tests/fixtures/audit/balanced.ron"],
        "tests/fixtures/audit/balanced.stdout",
    );
    assert_eq!(code, Some(0));
    assert!(
        stdout.contains("pass: no strategy beats random by more than 5 points in any case"),
        "{stdout}"
    );
    assert!(!stdout.contains("FAIL"), "{stdout}");
}

#[test]
fn the_text_report_fits_in_80_columns() {
    let out = lessons(
        &[
            "audit",
            "--seeds",
            "3",
            "tests/fixtures/audit",
            "ipcc-b28-1-stalking-and-firearms",
        ],
        "",
    );
    let stdout = text(&out.stdout);
    assert!(stdout.contains("ipcc-b28-1-stalking-and-firearms\n"), "{stdout}");
    for line in stdout.lines() {
        assert!(line.chars().count() <= 80, "too wide: {line}");
    }
}

#[test]
fn a_lower_threshold_fails_the_balanced_case_and_json_gives_every_figure() {
    let out = lessons(
        &[
            "audit",
            "--threshold",
            "3",
            "--format",
            "json",
            "tests/fixtures/audit/balanced.ron",
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(value["passed"], false);
    assert_eq!(value["seeds"], 50);
    let case = &value["cases"][0];
    assert_eq!(case["scenario_id"], "audit-balanced");
    let longest = &case["strategies"][1];
    assert_eq!(longest["strategy"], "longest");
    // Expected once (2 points), Poor once (0), half the Expected ticks on the tick-all (1): 3 of 6
    assert_eq!(longest["mean_percent"], 50.0);
    assert_eq!(longest["beats_random"], true);
    let checks = &case["decisions"][2];
    assert_eq!(checks["step"], "checks");
    let tick_none = &checks["strategies"][4];
    assert_eq!(tick_none["strategy"], "tick-none");
    assert_eq!(tick_none["mean_percent"], 0.0);
    let officers = &checks["strategies"][5];
    assert_eq!(
        officers["applies"], false,
        "no option of `checks` is marked actual"
    );
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(lessons(&["audit"], "").status.code(), Some(2));
    let out = lessons(
        &["audit", "--seeds", "0", "tests/fixtures/audit/balanced.ron"],
        "",
    );
    assert_eq!(out.status.code(), Some(2));
    let out = lessons(&["audit", "no-such-case"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("no scenario with id `no-such-case`"));
    let out = lessons(&["audit", "--threshold", "-1", "no-such-case"], "");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn where_a_strategy_has_no_move_it_guesses_exactly_as_random_does() {
    let scenario = lessons::scenario::load_file(&root().join("tests/fixtures/audit/length-cue.ron"))
        .scenario
        .unwrap();
    let audit = lessons::designer::audit::audit(&scenario, 10, 5.0).unwrap();
    let evidence = &audit.decisions[0];
    assert_eq!(evidence.step, "evidence");
    let random = &evidence.strategies[0];
    for s in &evidence.strategies[3..5] {
        assert!(
            !s.applies,
            "tick-all and tick-none have no move on a single choice"
        );
        assert_eq!(s.mean_percent, random.mean_percent);
        assert_eq!(s.plays, random.plays);
    }
    // and where it has a move, it plays it: always the longest is in line at every decision
    assert!(
        audit
            .decisions
            .iter()
            .all(|d| d.strategies[1].mean_percent == Some(100.0))
    );
}
