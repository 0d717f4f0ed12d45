//! The plain player's way out and way back: `?` as help, `back` to change a choice before
//! its rationale is in (recorded once), `quit` on its own line.
#![allow(clippy::unwrap_used)]

mod common;

use lessons::engine::{Mode, Settings};
use lessons::plain::{Ending, play};

use common::{fixture_scenario, lessons_in, root, text};

fn plain(input: &[u8], confidence: bool) -> (Ending, String) {
    let mut settings = Settings::new(Mode::Practice, 1);
    settings.ask_confidence = confidence;
    let mut out = Vec::new();
    let ending = play(&fixture_scenario(), settings, input, &mut out).unwrap();
    (ending, String::from_utf8(out).unwrap())
}

#[test]
fn a_question_mark_is_help() {
    let (_, out) = plain(b"?\n", false);
    assert!(
        out.contains("Type one number from 1 to 3: the option you choose."),
        "{out}"
    );
    assert!(out.contains("Type quit to stop here"), "{out}");
    assert!(!out.contains("not one of the options"), "{out}");
}

#[test]
fn back_at_the_rationale_asks_the_decision_again_under_the_same_number() {
    let (_, out) = plain(b"2\nback\n1\nbecause\n", false);
    assert!(out.contains("Back to the decision: choose again."), "{out}");
    assert_eq!(
        out.matches("Decision 1 of 3.").count(),
        2,
        "asked again as decision 1:\n{out}"
    );
    let again = out.rfind("Decision 1 of 3.").unwrap_or(0);
    let next = out.find("Decision 2 of 3.").unwrap_or(usize::MAX);
    assert!(again < next, "decision 1 again before decision 2:\n{out}");
}

#[test]
fn back_from_confidence_returns_to_the_rationale_then_the_choice() {
    let (_, out) = plain(b"2\nfirst\nback\nback\n1\nsecond\n4\n", true);
    assert_eq!(out.matches("Why? Type your rationale").count(), 3, "{out}");
    assert_eq!(out.matches("How sure are you?").count(), 2, "{out}");
}

#[test]
fn back_at_a_choice_says_there_is_nothing_to_go_back_to() {
    let (_, out) = plain(b"back\n", false);
    assert!(out.contains("There is nothing to go back to"), "{out}");
}

#[test]
fn quit_by_typing_and_the_record_after_back_has_one_answer() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().to_str().unwrap();
    let out = lessons_in(
        &root(),
        &[
            "play",
            "tests/fixtures/valid/synthetic-branching.ron",
            "--plain",
            "--seed",
            "1",
        ],
        "2\nback\n1\nkept as evidence\nquit\n",
        &[("LESSONS_HOME", home)],
    );
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}{}", text(&out.stderr));
    assert!(
        stdout.contains("\nStopped. Your answers so far are saved"),
        "{stdout}"
    );
    let records: Vec<_> = walk(dir.path())
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    assert_eq!(records.len(), 1, "{records:?}");
    let record: serde_json::Value = serde_json::from_slice(&std::fs::read(&records[0]).unwrap()).unwrap();
    let answers = record["session"]["answers"].as_array().unwrap();
    assert_eq!(answers.len(), 1, "{answers:?}");
    assert_eq!(answers[0]["rationale"], "kept as evidence");
}

#[test]
fn end_of_input_says_so_on_its_own_line() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().to_str().unwrap();
    let out = lessons_in(
        &root(),
        &[
            "play",
            "tests/fixtures/valid/synthetic-branching.ron",
            "--plain",
            "--seed",
            "1",
        ],
        "1\n",
        &[("LESSONS_HOME", home)],
    );
    assert!(
        text(&out.stdout).ends_with('\n'),
        "the prompt's line is ended before the message"
    );
    assert!(
        text(&out.stderr).starts_with("lessons: input ended"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(out.status.code(), Some(1));
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(walk(&path));
        } else {
            found.push(path);
        }
    }
    found
}
