//! The plain player through the real binary, with piped answers.
#![allow(clippy::unwrap_used)]

mod common;

use common::{lessons, text};

const FIXTURE: &str = "tests/fixtures/valid/synthetic-branching.ron";

#[test]
fn piped_answers_play_to_a_debrief_beside_the_officers_and_the_finding() {
    // seed 1 shows decision 1 as: secure, note, watch (pinned by the shuffle test)
    let out = lessons(
        &["play", FIXTURE, "--plain", "--seed", "1", "--mode", "assessment"],
        "1\nsecuring it proves the breach\n3\n2\n",
    );
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(stdout.contains("Content warning: Synthetic test material."));
    assert!(stdout.contains("DEBRIEF: Synthetic fixture"));
    let debrief = &stdout[stdout.find("DEBRIEF").unwrap()..];
    assert!(
        debrief.contains("You chose:      Secure a copy as evidence"),
        "{debrief}"
    );
    assert!(debrief.contains("The officers:   Watch it and hand the phone back"));
    assert!(debrief.contains("The finding:    Fixture finding: the evidence should have been obtained."));
    assert!(debrief.contains("Your rationale: securing it proves the breach"));
    assert!(debrief.contains("3 of 3 judged decisions in line"), "{debrief}");
    assert!(debrief.contains("FOR DISCUSSION\n- Fixture question: what would you do?"));
    assert!(
        !stdout[..stdout.find("DEBRIEF").unwrap()].contains("The finding:"),
        "assessment mode holds the finding"
    );
}

#[test]
fn the_same_seed_prints_the_same_run() {
    let answers = "2\n\n1\n1 3\nreasons\n";
    let a = lessons(&["play", FIXTURE, "--plain", "--seed", "5"], answers);
    let b = lessons(&["play", FIXTURE, "--plain", "--seed", "5"], answers);
    assert_eq!(a.status.code(), Some(0), "{}", text(&a.stderr));
    assert_eq!(a.stdout, b.stdout);
}

#[test]
fn a_bad_answer_is_asked_again() {
    let out = lessons(
        &["play", FIXTURE, "--plain", "--seed", "1"],
        "9\nfirst\n1\n\n3\n1\n",
    );
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        stdout.contains("`9` is not one of the options. Type one number from 1 to 3."),
        "{stdout}"
    );
}

#[test]
fn input_ending_early_is_reported() {
    let out = lessons(&["play", FIXTURE, "--plain", "--seed", "1"], "1\n");
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("input ended before the run finished"));
}

#[test]
fn an_unknown_id_suggests_the_nearest() {
    let out = lessons(&["play", "no-such-case", "--plain"], "");
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("no scenario with id `no-such-case`"));
}

#[test]
fn an_invalid_file_prints_its_errors_and_does_not_play() {
    let out = lessons(&["play", "tests/fixtures/invalid/cycle.ron", "--plain"], "");
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).starts_with("tests/fixtures/invalid/cycle.ron:26:9: error: steps loop back"));
    assert_eq!(text(&out.stdout), "");
}

#[test]
fn list_json_describes_each_scenario() {
    let out = lessons(&["list", "--json", "tests/fixtures/valid"], "");
    assert_eq!(out.status.code(), Some(0));
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let first = &value["scenarios"][0];
    assert_eq!(first["id"], "synthetic-branching");
    assert_eq!(first["decisions"], 4);
    assert_eq!(first["roles"][0], "Front counter / enquiry officer");
}
