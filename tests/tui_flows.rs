//! The full-screen app driven through its keymap with records and a date given from
//! outside: the History screen with thousands of runs (and how often it works them out),
//! and a drill on the day it falls due.
#![allow(clippy::unwrap_used)]

mod common;

use std::cell::Cell;
use std::rc::Rc;
use std::time::Instant;

use lessons::engine::{Input, Mode, Session, Settings};
use lessons::record::{Record, RecordKind, Stamp};
use lessons::scenario::Scenario;
use lessons::tui::app::{App, Clock, RunStore, Screen};
use lessons::tui::frontend::FrontEnd;
use lessons::tui::keys::{Action, action_for};
use lessons::tui::run::RunState;
use lessons::tui::theme::{Palette, ThemeName};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use common::fixture_scenario;

/// A store of records that counts how often the app reads them.
struct Counting {
    records: Vec<Record>,
    reads: Rc<Cell<usize>>,
}

impl RunStore for Counting {
    fn save(&mut self, _run: &RunState, _now: Instant) -> Result<(), String> {
        Ok(())
    }
    fn records(&self) -> &[Record] {
        self.reads.set(self.reads.get() + 1);
        &self.records
    }
}

/// A fixed day and fixed seeds.
struct Fixed {
    today: jiff::civil::Date,
}

impl Clock for Fixed {
    fn today(&self, _zone: &jiff::tz::TimeZone) -> jiff::civil::Date {
        self.today
    }
    fn fresh_seed(&mut self) -> u64 {
        1
    }
}

/// The app over these records, and a counter of how often it has read them.
fn app_with(records: Vec<Record>) -> (App, Rc<Cell<usize>>) {
    let reads = Rc::new(Cell::new(0));
    let mut app = App::new(
        vec![fixture_scenario()],
        Palette::new(ThemeName::Mono),
        Instant::now(),
    );
    app.store = Box::new(Counting {
        records,
        reads: Rc::clone(&reads),
    });
    (app, reads)
}

fn key(app: &mut App, code: KeyCode) {
    let action = action_for(KeyEvent::new(code, KeyModifiers::NONE), app.typing()).unwrap();
    let now = app.now;
    app.handle(action, now);
}

fn screen(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|f| app.draw(f.area(), f.buffer_mut(), app.now))
        .unwrap();
    terminal.backend().to_string()
}

/// A record of the fixture case answered with these inputs, started at `stamp`.
fn record(scenario: &Scenario, inputs: &[Input], stamp: Stamp, finished: bool) -> Record {
    let mut session = Session::new(scenario.clone(), Settings::new(Mode::Practice, 1));
    for input in inputs {
        session.apply(input.clone()).unwrap();
    }
    let mut record = Record::new(RecordKind::Run, scenario, session.into_state(), None, stamp).unwrap();
    if finished {
        record.finished = Some(stamp);
    }
    record
}

fn all_in_line() -> Vec<Input> {
    vec![
        Input::Continue,
        Input::Continue,
        Input::Choose("secure".into()),
        Input::Rationale("kept it".into()),
        Input::Continue,
        Input::Grade("high".into()),
        Input::Continue,
        Input::Choose("refer".into()),
        Input::Continue,
    ]
}

fn first_missed() -> Vec<Input> {
    vec![
        Input::Continue,
        Input::Continue,
        Input::Choose("watch".into()),
        Input::Rationale("looked enough".into()),
    ]
}

const BASE: i64 = 1_795_390_862;

/// 2,000 finished runs an hour apart: every tenth misses the first decision, the newest is in line.
fn many_runs(scenario: &Scenario) -> Vec<Record> {
    let good = record(scenario, &all_in_line(), Stamp::from_unix(BASE), true);
    let mut poor_inputs = first_missed();
    poor_inputs.extend([
        Input::Continue,
        Input::Grade("high".into()),
        Input::Continue,
        Input::Choose("refer".into()),
        Input::Continue,
    ]);
    let poor = record(scenario, &poor_inputs, Stamp::from_unix(BASE), true);
    (0..2000)
        .map(|i| {
            let mut r = if i % 10 == 5 { poor.clone() } else { good.clone() };
            let stamp = Stamp::from_unix(BASE + i * 3600);
            r.id = format!("{}-{i:04}", r.id);
            r.started = stamp;
            r.updated = stamp;
            r.finished = Some(stamp);
            r
        })
        .collect()
}

#[test]
fn history_with_two_thousand_runs_shows_the_newest_first_and_the_trend() {
    let scenario = fixture_scenario();
    let records = many_runs(&scenario);
    let newest = records
        .last()
        .unwrap()
        .started
        .local_short(&jiff::tz::TimeZone::UTC);
    let next = records[records.len() - 2]
        .started
        .local_short(&jiff::tz::TimeZone::UTC);
    let oldest = records[0].started.local_short(&jiff::tz::TimeZone::UTC);
    let (mut app, _) = app_with(records);
    key(&mut app, KeyCode::Tab);
    assert!(matches!(app.screen, Screen::History(_)));
    let shown = screen(&app, 100, 30);
    assert!(shown.contains("Runs (2000)"), "{shown}");
    let lines: Vec<&str> = shown.lines().collect();
    let first = lines
        .iter()
        .position(|l| l.contains(&newest))
        .expect("the newest run is listed");
    assert!(lines[first + 1].contains(&next), "newest first:\n{shown}");
    assert!(!shown.contains(&oldest), "the oldest run is far below");
    // every visible row of the table is a run: as many as the table has room for
    let listed = lines.iter().filter(|l| l.contains("% · 3 dec.")).count();
    assert!(listed >= 10, "{listed} rows shown:\n{shown}");
    // the trend over every finished run, ending on the newest: in line, as was the one before
    assert!(shown.contains("over 2000 runs"), "{shown}");
    assert!(shown.contains("latest 100% →"), "{shown}");
    // moving down past the end stops at the oldest run
    for _ in 0..2000 {
        key(&mut app, KeyCode::Down);
    }
    assert!(screen(&app, 100, 30).contains(&oldest));
}

#[test]
fn history_rows_are_worked_out_once_not_per_frame_or_key() {
    let scenario = fixture_scenario();
    let (mut app, reads) = app_with(many_runs(&scenario));
    key(&mut app, KeyCode::Tab);
    assert_eq!(app.history.builds, 1);
    let reads_after_opening = reads.get();
    assert!(reads_after_opening >= 1);
    for _ in 0..20 {
        screen(&app, 100, 30);
        assert!(!app.tick(app.now), "nothing changes while idle");
    }
    for code in [
        KeyCode::Down,
        KeyCode::Down,
        KeyCode::Up,
        KeyCode::Char('?'),
        KeyCode::Esc,
    ] {
        key(&mut app, code);
        screen(&app, 100, 30);
    }
    assert_eq!(app.history.builds, 1, "rows were worked out again");
    assert_eq!(reads.get(), reads_after_opening, "records were read again");
}

#[test]
fn a_missed_decision_is_drilled_on_the_day_it_falls_due() {
    let scenario = fixture_scenario();
    let missed = record(&scenario, &first_missed(), Stamp::from_unix(BASE), false);
    let day = Stamp::from_unix(BASE).local_day(&jiff::tz::TimeZone::UTC);

    // the same day: nothing due yet, and the library says when it comes back
    let (mut app, _) = app_with(vec![missed.clone()]);
    app.clock = Box::new(Fixed { today: day });
    key(&mut app, KeyCode::Char('d'));
    assert!(matches!(app.screen, Screen::Library(_)));
    assert!(
        screen(&app, 120, 30).contains("Nothing due today; the next is due on"),
        "{}",
        screen(&app, 120, 30)
    );

    // the next day it is asked again, on its own
    let (mut app, _) = app_with(vec![missed]);
    app.clock = Box::new(Fixed {
        today: day.tomorrow().unwrap(),
    });
    key(&mut app, KeyCode::Char('d'));
    let Screen::Run(run) = &app.screen else {
        panic!("the drill should have started a run")
    };
    assert!(run.state().drill);
    assert_eq!(run.state().path.last().map(String::as_str), Some("evidence"));
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("Drill 1 of 1 · "), "{shown}");
    assert!(shown.contains("Secure a copy as evidence"), "{shown}");

    // answering it ends the drill back in the library
    app.handle(Action::Enter, app.now);
    for _ in 0..4 {
        if matches!(app.screen, Screen::Library(_)) {
            break;
        }
        app.handle(Action::Enter, app.now);
    }
    assert!(matches!(app.screen, Screen::Library(_)));
    let shown = screen(&app, 160, 30);
    assert!(shown.contains("Drill complete: 1 decision re-asked."), "{shown}");
}

#[test]
fn leaving_a_run_in_the_preview_comes_home_to_its_briefing() {
    let path = common::root().join("tests/fixtures/valid/synthetic-branching.ron");
    let now = Instant::now();
    let mut preview = lessons::tui::preview::Preview::open(&path, false, Palette::new(ThemeName::Mono), now);
    assert!(matches!(preview.app.screen, Screen::Briefing(_)));
    for action in [Action::Enter, Action::Enter, Action::Back, Action::Char('y')] {
        preview.handle(action, now);
    }
    assert!(
        matches!(preview.app.screen, Screen::Briefing(_)),
        "the preview has no library to go back to"
    );
    preview.handle(Action::Back, now);
    assert!(matches!(preview.app.screen, Screen::Briefing(_)));
    assert!(!preview.should_quit());
    preview.handle(Action::Quit, now);
    assert!(preview.should_quit());
}

#[test]
fn a_tick_redraws_only_when_the_countdown_shows_a_new_second() {
    let (mut app, _) = app_with(Vec::new());
    app.seed = Some(1);
    let start = app.now;
    // briefing, begin, on to the timed scale decision (60 s), as in the screen snapshots
    for _ in 0..6 {
        app.handle(Action::Enter, start);
    }
    assert!(app.tick(start), "the countdown is first shown");
    assert!(
        !app.tick(start + std::time::Duration::from_millis(250)),
        "still 60 s"
    );
    assert!(
        !app.tick(start + std::time::Duration::from_millis(900)),
        "still 60 s"
    );
    assert!(
        app.tick(start + std::time::Duration::from_millis(1100)),
        "now 59 s"
    );
    assert!(screen(&app, 80, 24).contains("59 s left"));
    // on the library nothing moves, however long it waits
    let (mut idle, _) = app_with(Vec::new());
    for s in 1..20 {
        assert!(!idle.tick(start + std::time::Duration::from_secs(s)));
    }
}

#[test]
fn history_is_worked_out_again_after_a_save() {
    let dir = tempfile::tempdir().unwrap();
    let scenarios = vec![fixture_scenario()];
    let store = lessons::tui::records::RecordStore::open(Some(dir.path()), &scenarios, None);
    let mut app = App::new(scenarios, Palette::new(ThemeName::Mono), Instant::now());
    app.seed = Some(1);
    app.store = Box::new(store);
    key(&mut app, KeyCode::Tab);
    assert!(screen(&app, 80, 24).contains("No runs yet"));
    key(&mut app, KeyCode::Esc);
    // briefing, begin, past the narrative, choose the first option, no rationale: saved
    // (Esc at the rationale would step back to the choice; at the feedback it leaves)
    for _ in 0..5 {
        key(&mut app, KeyCode::Enter);
    }
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('y'));
    key(&mut app, KeyCode::Tab);
    let shown = screen(&app, 120, 24);
    assert!(shown.contains("Runs (1)"), "{shown}");
    assert!(shown.contains("unfinished · 1 dec. "), "{shown}");
    assert_eq!(app.history.builds, 2, "once empty, once after the save");
}
