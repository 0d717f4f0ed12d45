//! The debrief as a trainee uses it after a run: Esc goes back where it came from, the
//! reflection is kept in the run's record and in the CPD export, and `x` writes that
//! export to the data folder and says where.
#![allow(clippy::unwrap_used)]

mod common;

use std::time::Instant;

use lessons::record::{Store, Timing};
use lessons::tui::app::{App, Screen};
use lessons::tui::frontend::FrontEnd;
use lessons::tui::keys::action_for;
use lessons::tui::records::RecordStore;
use lessons::tui::theme::{Palette, ThemeName};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use common::fixture_scenario;
use common::keys::{press, screen};

/// The app keeping records in `dir`.
fn app_in(dir: &std::path::Path) -> App {
    let scenarios = vec![fixture_scenario()];
    let mut app = App::new(scenarios.clone(), Palette::new(ThemeName::Mono), Instant::now());
    app.seed = Some(1);
    app.store = Box::new(RecordStore::open(Some(dir), &scenarios, None));
    app
}

/// Plays the fixture in assessment mode to its debrief (as tui_screens does).
fn play_to_debrief(app: &mut App) {
    press(
        app,
        &[
            "Enter",
            "m",
            "Enter",
            "Enter",
            "Enter",
            "text:Evidence first",
            "Enter",
        ],
    );
    press(
        app,
        &["End", "Enter", "Space", "Enter", "text:Checked history", "Enter"],
    );
    assert!(
        matches!(app.screen, Screen::Debrief(_)),
        "{}",
        screen(app, 80, 24)
    );
}

fn ctrl(app: &mut App, c: char) {
    let action = action_for(
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL),
        app.typing(),
    )
    .unwrap();
    let now = app.now;
    app.handle(action, now);
}

fn records(dir: &std::path::Path) -> Vec<lessons::record::Record> {
    Store::read_only(dir)
        .load_all()
        .0
        .into_iter()
        .map(|(_, r)| r)
        .collect()
}

#[test]
fn the_reflection_is_kept_in_the_record_and_the_cpd_export() {
    let data = tempfile::tempdir().unwrap();
    let mut app = app_in(data.path());
    play_to_debrief(&mut app);
    press(&mut app, &["w", "text:We would take the footage"]);
    ctrl(&mut app, 'j');
    press(&mut app, &["text:and check the history first."]);
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("Question 1 of 1"), "{shown}");
    press(&mut app, &["Enter"]);
    let shown = screen(&app, 80, 24);
    assert!(
        shown.contains("Reflection saved with this run's record"),
        "{shown}"
    );
    assert!(
        shown.contains("Your answer: We would take the footage"),
        "{shown}"
    );
    assert!(
        shown.contains("             and check the history first."),
        "line breaks kept:\n{shown}"
    );

    let saved = records(data.path());
    assert_eq!(saved.len(), 1);
    let record = &saved[0];
    assert!(record.is_finished());
    assert_eq!(record.reflection.len(), 1);
    assert_eq!(
        record.reflection[0].answer,
        "We would take the footage\nand check the history first."
    );
    assert_eq!(
        record.reflection[0].question,
        "Fixture question: what would you do?"
    );

    let md = lessons::analysis::export::markdown(record, &fixture_scenario(), &jiff::tz::TimeZone::UTC);
    assert!(
        md.contains(
            "- Fixture question: what would you do?\n  > We would take the footage\n  > and check the history first.\n"
        ),
        "{md}"
    );
}

#[test]
fn x_writes_the_cpd_record_to_the_exports_folder_and_says_where() {
    let data = tempfile::tempdir().unwrap();
    let mut app = app_in(data.path());
    play_to_debrief(&mut app);
    press(&mut app, &["x"]);
    let exports = data.path().join("exports");
    let files: Vec<_> = std::fs::read_dir(&exports)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    let md = std::fs::read_to_string(&files[0]).unwrap();
    assert!(md.starts_with("# Debrief: Synthetic fixture"), "{md}");
    assert!(
        md.contains("*Your answer:*"),
        "room to answer each question:\n{md}"
    );
    let shown = screen(&app, 200, 40).replace(['\n', '"'], "");
    let path = files[0].display().to_string();
    assert!(
        shown.contains(&format!("CPD record exported to {path}")),
        "{shown}"
    );
    // the next key clears the message
    press(&mut app, &["2"]);
    assert!(!screen(&app, 200, 40).contains("exported to"));
}

#[test]
fn without_records_x_and_the_reflection_say_why_they_cannot_be_kept() {
    let mut app = App::new(
        vec![fixture_scenario()],
        Palette::new(ThemeName::Mono),
        Instant::now(),
    );
    app.seed = Some(1);
    play_to_debrief(&mut app);
    press(&mut app, &["x"]);
    assert!(screen(&app, 120, 40).contains("⚠ This run has no record to export"));
}

#[test]
fn leaving_a_just_finished_debrief_offers_the_reflection_once_then_goes_to_the_library() {
    let mut app = App::new(
        vec![fixture_scenario()],
        Palette::new(ThemeName::Mono),
        Instant::now(),
    );
    app.seed = Some(1);
    play_to_debrief(&mut app);
    press(&mut app, &["Esc"]);
    assert!(screen(&app, 80, 24).contains("Reflect before you go?"));
    press(&mut app, &["Esc"]);
    assert!(matches!(app.screen, Screen::Library(_)));
}

#[test]
fn esc_from_a_debrief_opened_in_history_goes_back_to_history_at_the_same_row() {
    let data = tempfile::tempdir().unwrap();
    let mut app = app_in(data.path());
    play_to_debrief(&mut app);
    press(&mut app, &["Esc", "Esc"]);
    assert!(matches!(app.screen, Screen::Library(_)));
    press(&mut app, &["Tab", "Enter"]);
    assert!(
        matches!(app.screen, Screen::Debrief(_)),
        "{}",
        screen(&app, 80, 24)
    );
    assert!(screen(&app, 80, 24).contains("Esc history"));
    press(&mut app, &["Esc"]);
    assert!(
        matches!(app.screen, Screen::History(_)),
        "{}",
        screen(&app, 80, 24)
    );
    press(&mut app, &["Esc"]);
    assert!(matches!(app.screen, Screen::Library(_)));
}

#[test]
fn a_past_run_shows_its_reflection_and_the_export_adds_total_time() {
    let data = tempfile::tempdir().unwrap();
    let mut app = app_in(data.path());
    play_to_debrief(&mut app);
    press(&mut app, &["w", "text:kept", "Enter"]);
    let mut record = records(data.path()).remove(0);
    record.timings = vec![
        Timing {
            step: "a".into(),
            seconds: 61.4,
        },
        Timing {
            step: "b".into(),
            seconds: 4.0,
        },
    ];
    let md = lessons::analysis::export::markdown(&record, &fixture_scenario(), &jiff::tz::TimeZone::UTC);
    assert!(
        md.contains("- **Time:** 1 min 05 s on the decisions in total · finished "),
        "{md}"
    );

    let mut again = app_in(data.path());
    press(&mut again, &["Tab", "Enter", "4"]);
    assert!(screen(&again, 80, 24).contains("Your answer: kept"));
}

#[test]
fn none_given_is_said_only_where_a_rationale_was_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path());
    // the first decision asks for a rationale (skipped here), the second asks for none
    press(&mut app, &["Enter", "m", "Enter", "Enter", "Enter", "Enter"]);
    press(
        &mut app,
        &["End", "Enter", "Space", "Enter", "text:Checked history", "Enter"],
    );
    assert!(matches!(app.screen, Screen::Debrief(_)));
    let shown = screen(&app, 160, 120);
    assert_eq!(
        shown.matches("Your rationale: (none given)").count(),
        1,
        "once, for the decision that asked and got none:\n{shown}"
    );
    assert!(shown.contains("Your rationale: Checked history"), "{shown}");
}
