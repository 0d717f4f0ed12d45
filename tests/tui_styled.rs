//! One snapshot in colour per screen family, styles included: each cell's foreground,
//! background and modifiers, as ratatui's `Buffer` debug output lists them (a run of cells
//! shares the style named at its first cell). The mono snapshots in `tui_screens.rs` check
//! the words; these check the highlights, warnings and verdict colours.
#![allow(clippy::unwrap_used)]

mod common;

use std::fs;
use std::time::Instant;

use lessons::engine::{Input, Mode, Session, Settings};
use lessons::record::{Record, RecordKind, Stamp};
use lessons::tui::app::{App, RunStore};
use lessons::tui::frontend::FrontEnd;
use lessons::tui::keys::action_for;
use lessons::tui::preview::Preview;
use lessons::tui::run::RunState;
use lessons::tui::theme::{Palette, ThemeName};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use common::{fixture_scenario, root};

fn app() -> App {
    let mut app = App::new(
        vec![fixture_scenario()],
        Palette::new(ThemeName::Default),
        Instant::now(),
    );
    app.seed = Some(1);
    app
}

fn press(front: &mut impl FrontEnd, keys: &[KeyCode], now: Instant) {
    for code in keys {
        if let Some(action) = action_for(KeyEvent::new(*code, KeyModifiers::NONE), front.typing()) {
            front.handle(action, now);
        }
    }
}

/// The screen with its styles, as the buffer's debug output.
fn styled(front: &impl FrontEnd, now: Instant) -> String {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal
        .draw(|f| front.draw(f.area(), f.buffer_mut(), now))
        .unwrap();
    format!("{:?}", terminal.backend().buffer())
}

use KeyCode::{Char, Down, Enter};

#[test]
fn library_in_colour() {
    let app = app();
    insta::assert_snapshot!("styled_library", styled(&app, app.now));
}

#[test]
fn briefing_in_colour() {
    let mut app = app();
    let now = app.now;
    press(&mut app, &[Enter], now);
    insta::assert_snapshot!("styled_briefing", styled(&app, now));
}

#[test]
fn run_decision_in_colour() {
    let mut app = app();
    let now = app.now;
    // briefing, begin, on past the opening narrative to the first decision; cursor on option 2
    press(&mut app, &[Enter, Enter, Enter, Down], now);
    insta::assert_snapshot!("styled_run_decision", styled(&app, now));
}

#[test]
fn practice_feedback_in_colour() {
    let mut app = app();
    let now = app.now;
    // choose "watch" (not in line), skip the rationale: the verdict in its colour
    press(&mut app, &[Enter, Enter, Enter, Down, Enter, Enter], now);
    insta::assert_snapshot!("styled_run_feedback", styled(&app, now));
}

#[test]
fn debrief_in_colour() {
    let mut app = app();
    let now = app.now;
    press(&mut app, &[Enter, Char('m'), Enter, Enter, Enter], now);
    for c in "Evidence first".chars() {
        press(&mut app, &[Char(c)], now);
    }
    press(&mut app, &[Enter, KeyCode::End, Enter, Char(' '), Enter], now);
    for c in "Checked".chars() {
        press(&mut app, &[Char(c)], now);
    }
    press(&mut app, &[Enter], now);
    insta::assert_snapshot!("styled_debrief", styled(&app, now));
}

#[test]
fn help_overlay_in_colour() {
    let mut app = app();
    let now = app.now;
    press(&mut app, &[Char('?')], now);
    insta::assert_snapshot!("styled_help", styled(&app, now));
}

/// Two finished runs of the fixture: one in line throughout, one that missed the first decision.
struct TwoRuns(Vec<Record>);

impl RunStore for TwoRuns {
    fn save(&mut self, _run: &RunState, _now: Instant) -> Result<(), String> {
        Ok(())
    }
    fn records(&self) -> &[Record] {
        &self.0
    }
}

fn finished_run(first: &str, at: i64) -> Record {
    let scenario = fixture_scenario();
    let mut session = Session::new(scenario.clone(), Settings::new(Mode::Practice, 1));
    for input in [
        Input::Continue,
        Input::Continue,
        Input::Choose(first.into()),
        Input::Rationale("why".into()),
        Input::Continue,
        Input::Grade("high".into()),
        Input::Continue,
        Input::Choose("refer".into()),
        Input::Continue,
    ] {
        session.apply(input).unwrap();
    }
    let stamp = Stamp::from_unix(at);
    let mut record = Record::new(RecordKind::Run, &scenario, session.into_state(), None, stamp).unwrap();
    record.finished = Some(stamp);
    record
}

#[test]
fn history_in_colour() {
    let mut app = app();
    let now = app.now;
    app.store = Box::new(TwoRuns(vec![
        finished_run("watch", 1_795_390_862),
        finished_run("secure", 1_795_477_262),
    ]));
    press(&mut app, &[KeyCode::Tab], now);
    insta::assert_snapshot!("styled_history", styled(&app, now));
}

#[test]
fn preview_errors_in_colour() {
    // a relative folder of fixed length, so the file's name takes the same room every run
    // (`target` may not exist when CARGO_TARGET_DIR points elsewhere)
    std::fs::create_dir_all("target").unwrap();
    let dir = tempfile::Builder::new()
        .prefix("preview-")
        .rand_bytes(6)
        .tempdir_in("target")
        .unwrap();
    let cwd = std::env::current_dir().unwrap();
    let path = dir
        .path()
        .strip_prefix(&cwd)
        .unwrap_or(dir.path())
        .join("draft.ron");
    assert!(path.is_relative());
    let good = fs::read_to_string(root().join("tests/fixtures/valid/synthetic-branching.ron")).unwrap();
    fs::write(&path, good.replace("goto: \"marac\"", "goto: \"marak\"")).unwrap();
    let now = Instant::now();
    let preview = Preview::open(&path, true, Palette::new(ThemeName::Default), now);
    assert!(preview.is_broken());
    // the folder's random part changes every run; the same number of characters stands in
    let shown = styled(&preview, now).replace(&path.display().to_string(), "target/preview-XXXXXX/draft.ron");
    insta::assert_snapshot!("styled_preview_errors", shown);
}
