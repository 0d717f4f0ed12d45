//! The plain player's prompts: unreadable or over-long lines, `quit` and `help` at every
//! prompt, the rationale cap, and invalid answers echoed safely.
#![allow(clippy::unwrap_used)]

mod common;

use lessons::engine::{Mode, Settings};
use lessons::plain::{Ending, RATIONALE_LIMIT, play};

use common::{fixture_scenario, lessons_in, root, text};

fn plain(input: &[u8], confidence: bool) -> (Ending, String) {
    let scenario = fixture_scenario();
    let mut settings = Settings::new(Mode::Practice, 1);
    settings.ask_confidence = confidence;
    let mut out = Vec::new();
    let ending = play(&scenario, settings, input, &mut out).unwrap();
    (ending, String::from_utf8(out).unwrap())
}

#[test]
fn a_line_that_is_not_utf8_gets_a_message_and_the_prompt_again() {
    let (ending, out) = plain(b"\xff\xfe\n1\n\n", false);
    assert!(out.contains("not readable text"), "{out}");
    assert_eq!(
        out.matches("Type the number of your choice").count(),
        2,
        "asked again:\n{out}"
    );
    assert!(
        out.contains("Why? Type your rationale"),
        "the run went on:\n{out}"
    );
    assert_eq!(ending, Ending::InputClosed);
}

#[test]
fn help_works_at_every_prompt_and_says_what_can_be_typed_there() {
    let (_, out) = plain(b"help\n1\nhelp\n\nhelp\n3\n", true);
    assert!(
        out.contains("Type one number from 1 to 3: the option you choose."),
        "{out}"
    );
    assert!(out.contains("Type why you chose as you did"), "{out}");
    assert!(out.contains("Type how sure you are of your answer"), "{out}");
    assert_eq!(out.matches("Type quit to stop here").count(), 3, "{out}");
}

#[test]
fn quit_stops_saves_and_says_how_to_resume() {
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
        "1\nkept as evidence\nquit\n",
        &[("LESSONS_HOME", home)],
    );
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}{}", text(&out.stderr));
    assert!(
        stdout.contains("`lessons resume --plain` continues this run"),
        "{stdout}"
    );
    let resumed = lessons_in(
        &root(),
        &["resume", "--plain"],
        "quit\n",
        &[("LESSONS_HOME", home)],
    );
    assert!(text(&resumed.stdout).contains("Resuming your run: 1 decision answered"));
}

#[test]
fn a_rationale_over_the_limit_is_refused_with_a_message() {
    let long = "x".repeat(RATIONALE_LIMIT + 1);
    let input = format!("1\n{long}\nshort reason\n");
    let (_, out) = plain(input.as_bytes(), false);
    assert!(
        out.contains(&format!(
            "That is {} characters; the limit here is {RATIONALE_LIMIT}.",
            RATIONALE_LIMIT + 1
        )),
        "{}",
        &out[..out.len().min(3000)]
    );
    assert!(!out.contains(&long), "the long rationale is not kept or printed");
}

#[test]
fn invalid_answers_are_echoed_safely_and_cut_short() {
    let answer = format!("\u{1b}]0;PWNED\u{7}{}", "A".repeat(5_000_000));
    let input = format!("{answer}\n\u{1b}[2J\n");
    let (_, out) = plain(input.as_bytes(), false);
    assert!(!out.contains('\u{1b}'), "no escape reaches the output");
    assert!(
        !out.contains(&"A".repeat(100)),
        "a huge answer is not echoed whole"
    );
    assert!(out.len() < 20_000, "output is {} bytes", out.len());
    assert!(
        out.contains("is not one of the options"),
        "{}",
        &out[..out.len().min(3000)]
    );
}
