//! Asides about the source stay out of the story: short and dim in the briefing, whole in
//! the debrief; a role the source does not name is called assumed wherever it is shown.
//! The scenario is a synthetic fixture (not a real case).
#![allow(clippy::unwrap_used)]

mod common;

use std::time::Instant;

use lessons::tui::app::App;
use lessons::tui::theme::{Palette, ThemeName};

use common::keys::{press, screen};
use common::{lessons, root, text};

const FIXTURE: &str = "tests/fixtures/formats/source-notes.ron";

fn scenario() -> lessons::scenario::Scenario {
    let entry = lessons::scenario::load_file(&root().join(FIXTURE));
    assert!(entry.diagnostics.is_empty(), "{:?}", entry.diagnostics);
    entry.scenario.unwrap()
}

fn app() -> App {
    let mut app = App::new(vec![scenario()], Palette::new(ThemeName::Mono), Instant::now());
    app.seed = Some(1);
    app
}

#[test]
fn the_briefing_shows_each_note_cut_to_its_first_sentence() {
    let mut app = app();
    press(&mut app, &["Enter"]);
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("Source notes (in full in the debrief)"), "{shown}");
    assert!(
        shown.contains("times. … Fixture note: the summary does not name the unit."),
        "{shown}"
    );
    assert!(
        !shown.contains("kept generic"),
        "the rest waits for the debrief:\n{shown}"
    );
    insta::assert_snapshot!("briefing_with_source_notes_80x24", shown);
}

#[test]
fn the_plain_player_says_the_role_is_assumed_and_the_debrief_gives_the_notes_whole() {
    let out = lessons(
        &[
            "--no-records",
            "play",
            FIXTURE,
            "--plain",
            "--seed",
            "1",
            "--mode",
            "assessment",
        ],
        &"1\n".repeat(40),
    );
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        stdout.contains("You are the front counter / enquiry officer (assumed role)"),
        "{stdout}"
    );
    let debrief = &stdout[stdout.find("DEBRIEF").unwrap()..];
    assert!(debrief.contains("SOURCE NOTES"), "{debrief}");
    assert!(debrief.contains("The clock times are kept generic."), "{debrief}");
    assert!(debrief.contains("Source note:"), "{debrief}");
    assert!(debrief.contains("the author's assumption."), "{debrief}");
    let story = &stdout[..stdout.find("DEBRIEF").unwrap()];
    assert!(
        !story.contains("The clock times are kept generic."),
        "whole notes are for the debrief, not the story"
    );
}

#[test]
fn the_markdown_export_keeps_the_notes_and_the_assumed_role() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path().to_str().unwrap();
    let played = lessons(
        &["--data-dir", dir, "play", FIXTURE, "--plain", "--seed", "1"],
        &"1\n".repeat(40),
    );
    assert!(played.status.success(), "{}", text(&played.stderr));
    let out = lessons(&["--data-dir", dir, "export", "latest", "--format", "md"], "");
    let md = text(&out.stdout);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(md.contains("## Source notes"), "{md}");
    assert!(
        md.contains("| **Source note** | Fixture note: the summary does not say"),
        "{md}"
    );
    assert!(
        md.contains("| **You were** | Front counter / enquiry officer (assumed role) |"),
        "{md}"
    );
}

#[test]
fn the_full_screen_debrief_shows_the_decisions_note() {
    let mut app = app();
    // briefing, begin, past the narrative, choose, then through to the debrief
    press(&mut app, &["Enter", "Enter", "Enter", "Enter"]);
    for _ in 0..30 {
        if screen(&app, 120, 40).contains("Debrief") {
            break;
        }
        press(&mut app, &["1", "Enter"]);
    }
    press(&mut app, &["Enter"]);
    let shown = screen(&app, 120, 40);
    assert!(shown.contains("(assumed role)"), "{shown}");
    assert!(
        shown.contains("Source note: Fixture note: the summary does not say who took the report."),
        "{shown}"
    );
    insta::assert_snapshot!("debrief_detail_with_source_note_120x40", shown);
}
