//! Drill now in the full screen: `r` on a debrief retries that run's misses at once, and
//! `D` in the library drills what is not yet due; each item is labelled "Drill N of M".
#![allow(clippy::unwrap_used)]

mod common;

use std::time::Instant;

use lessons::engine::{Input, Mode, Session, Settings, assess};
use lessons::record::{Record, RecordKind, Stamp};
use lessons::tui::app::{App, Clock, RunStore, Screen};
use lessons::tui::debrief::DebriefState;
use lessons::tui::frontend::FrontEnd;
use lessons::tui::keys::Action;
use lessons::tui::run::RunState;
use lessons::tui::theme::{Palette, ThemeName};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use common::fixture_scenario;

struct Records(Vec<Record>);

impl RunStore for Records {
    fn save(&mut self, _run: &RunState, _now: Instant) -> Result<(), String> {
        Ok(())
    }
    fn records(&self) -> &[Record] {
        &self.0
    }
}

struct Fixed(jiff::civil::Date);

impl Clock for Fixed {
    fn today(&self, _zone: &jiff::tz::TimeZone) -> jiff::civil::Date {
        self.0
    }
    fn fresh_seed(&mut self) -> u64 {
        1
    }
}

const BASE: i64 = 1_795_390_862;

/// A finished run that missed the first decision ("watch" where "secure" was in line).
fn missed_run() -> Record {
    let scenario = fixture_scenario();
    let mut session = Session::new(scenario.clone(), Settings::new(Mode::Practice, 1));
    for input in [
        Input::Continue,
        Input::Continue,
        Input::Choose("watch".into()),
        Input::Rationale("looked enough".into()),
    ] {
        session.apply(input).unwrap();
    }
    let stamp = Stamp::from_unix(BASE);
    let mut record = Record::new(RecordKind::Run, &scenario, session.into_state(), None, stamp).unwrap();
    record.finished = Some(stamp);
    record
}

fn app_on_the_day_of(records: Vec<Record>) -> App {
    let mut app = App::new(
        vec![fixture_scenario()],
        Palette::new(ThemeName::Mono),
        Instant::now(),
    );
    app.store = Box::new(Records(records));
    app.clock = Box::new(Fixed(Stamp::from_unix(BASE).local_day(&jiff::tz::TimeZone::UTC)));
    app
}

fn screen(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|f| app.draw(f.area(), f.buffer_mut(), app.now))
        .unwrap();
    let buffer = terminal.backend().buffer();
    let mut text = String::new();
    for y in 0..height {
        for x in 0..width {
            text.push_str(buffer[(x, y)].symbol());
        }
        text.push('\n');
    }
    text
}

fn press(app: &mut App, action: Action) {
    let now = app.now;
    app.handle(action, now);
}

#[test]
fn r_on_a_debrief_retries_its_misses_at_once_labelled_drill_1_of_n() {
    let scenario = fixture_scenario();
    let record = missed_run();
    let debrief = assess(&scenario, &record.session.answers);
    let mut app = app_on_the_day_of(vec![record]);
    app.screen = Screen::Debrief(Box::new(DebriefState::new(scenario.clone(), debrief)));
    assert!(
        screen(&app, 120, 40).contains("retry missed"),
        "the key bar names r"
    );

    press(&mut app, Action::Char('r'));
    let Screen::Run(run) = &app.screen else {
        panic!("r should start a drill at once, not tomorrow")
    };
    assert!(run.state().drill);
    assert!(run.state().early, "asked before it was due");
    assert_eq!(run.state().path.last().map(String::as_str), Some("evidence"));
    let shown = screen(&app, 160, 40);
    let label = format!("Drill 1 of 1 · {} · decision 1", scenario.title);
    assert!(shown.contains(&label), "{shown}");
    let header = shown.lines().next().unwrap();
    assert!(
        !header.contains("Decision 1"),
        "a drill is not a run's decision 1: {header}"
    );
    let status = header[label.len()..].trim_start();
    assert!(
        status.starts_with("front counter / enquiry officer · practice"),
        "the role and the mode after the label, one separator between: {header}"
    );
    assert!(
        !shown.contains("┏ Decision 1"),
        "nor in the decision's title: {shown}"
    );
}

#[test]
fn with_nothing_due_the_library_says_when_and_d_shift_drills_now() {
    let mut app = app_on_the_day_of(vec![missed_run()]);
    press(&mut app, Action::Char('d'));
    assert!(matches!(app.screen, Screen::Library(_)));
    let shown = screen(&app, 120, 30);
    assert!(shown.contains("Nothing due today; the next is due on"), "{shown}");
    assert!(shown.contains("D: drill 1 decision now."), "{shown}");

    press(&mut app, Action::Char('D'));
    let Screen::Run(run) = &app.screen else {
        panic!("D should drill now")
    };
    assert!(run.state().early);
    assert!(screen(&app, 80, 24).contains("Drill 1 of 1 · "));
}

#[test]
fn a_run_with_every_decision_in_line_has_nothing_to_retry() {
    let scenario = fixture_scenario();
    let debrief = assess(&scenario, &[]);
    let mut app = app_on_the_day_of(Vec::new());
    app.screen = Screen::Debrief(Box::new(DebriefState::new(scenario, debrief)));
    press(&mut app, Action::Char('r'));
    assert!(matches!(app.screen, Screen::Debrief(_)));
    assert!(screen(&app, 120, 30).contains("nothing to retry"));
}
