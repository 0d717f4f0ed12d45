//! The real binary in a pseudo-terminal, pasted into as a terminal pastes: bracketed paste
//! turned on, three lines pasted into a rationale as one paste, all three in the record;
//! the brackets and mouse reporting turned off again on the way out.
#![allow(clippy::unwrap_used)]

mod common;
#[path = "common/pty.rs"]
mod pty;
#[path = "common/terminal.rs"]
mod terminal;

use terminal::{ENTER, Terminal};

#[test]
fn three_pasted_lines_go_into_the_rationale_and_the_record_holds_all_three() {
    let data = tempfile::tempdir().unwrap();
    let mut t = Terminal::spawn(
        &[
            "play",
            "tests/fixtures/valid/synthetic-branching.ron",
            "--seed",
            "1",
        ],
        data.path(),
    );
    t.expect("Content warning");
    assert!(
        String::from_utf8_lossy(&t.raw).contains("\u{1b}[?2004h"),
        "bracketed paste is turned on"
    );
    t.keys(ENTER);
    t.expect("The person shows you a video");
    t.keys(ENTER);
    t.expect("What do you do with the video?");
    t.keys(ENTER);
    t.expect("Your rationale");
    // as a terminal sends a paste: one bracketed block, line ends as the clipboard had them
    t.keys("\u{1b}[200~pasted line one\r\npasted line two\rpasted line three q y\u{1b}[201~");
    t.expect("pasted line three q y");
    let screen = t.screen();
    assert!(screen.contains("pasted line one"), "{screen}");
    assert!(
        screen.contains("Your rationale"),
        "the pasted line breaks did not submit:\n{screen}"
    );
    t.keys(ENTER);
    t.expect("How your answer stands");
    t.keys("q");
    t.keys("y");
    assert!(t.wait().success());
    let tail = String::from_utf8_lossy(&t.raw[t.raw.len().saturating_sub(300)..]).into_owned();
    assert!(
        tail.contains("\u{1b}[?2004l"),
        "bracketed paste turned off: {tail:?}"
    );
    assert!(
        tail.contains("\u{1b}[?1000l"),
        "mouse reporting turned off: {tail:?}"
    );
    let records: Vec<_> = std::fs::read_dir(data.path())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    assert_eq!(records.len(), 1, "{records:?}");
    let record: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&records[0]).unwrap()).unwrap();
    let answers = record["session"]["answers"].as_array().unwrap();
    assert_eq!(answers.len(), 1, "one answer, nothing typed into later screens");
    assert_eq!(
        answers[0]["rationale"],
        "pasted line one\npasted line two\npasted line three q y"
    );
}

#[cfg(unix)]
#[test]
fn ctrl_e_hands_the_rationale_to_the_editor_and_takes_its_text_back() {
    use std::os::unix::fs::PermissionsExt;
    let data = tempfile::tempdir().unwrap();
    let editor = data.path().join("fake-editor.sh");
    // appends a line to whatever the box held, as a person editing it would
    std::fs::write(
        &editor,
        "#!/bin/sh\nprintf '\\nadded in the editor\\n' >> \"$1\"\n",
    )
    .unwrap();
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o700)).unwrap();
    let records = data.path().join("records");
    let mut command_env = Terminal::spawn_with(
        &[
            "play",
            "tests/fixtures/valid/synthetic-branching.ron",
            "--seed",
            "1",
        ],
        &records,
        &[("VISUAL", editor.to_str().unwrap())],
    );
    let t = &mut command_env;
    t.expect("Content warning");
    t.keys(ENTER);
    t.expect("The person shows you a video");
    t.keys(ENTER);
    t.expect("What do you do with the video?");
    t.keys(ENTER);
    t.expect("Your rationale");
    t.keys("typed here");
    t.keys("\u{5}"); // Ctrl+E
    t.expect("added in the editor");
    let screen = t.screen();
    assert!(screen.contains("typed here"), "{screen}");
    t.keys(ENTER);
    t.expect("How your answer stands");
    t.expect("added in the editor");
    t.keys("q");
    t.keys("y");
    assert!(t.wait().success());
}
