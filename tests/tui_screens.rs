//! Whole-screen snapshots of every screen at 80×24 and 120×40, driven by scripted keys
//! through the real keymap. The scenario is the synthetic fixture (not a real case).
#![allow(clippy::unwrap_used)]

mod common;

use std::time::{Duration, Instant};

use lessons::tui::app::{App, Screen};
use lessons::tui::frontend::FrontEnd;
use lessons::tui::theme::{Palette, ThemeName};

use common::fixture_scenario;
use common::keys::{press, screen};

fn app() -> App {
    let mut app = App::new(
        vec![fixture_scenario()],
        Palette::new(ThemeName::Mono),
        Instant::now(),
    );
    app.seed = Some(1);
    app
}

/// Snapshots a screen at both sizes.
macro_rules! both_sizes {
    ($name:expr, $app:expr) => {
        insta::assert_snapshot!(concat!($name, "_80x24"), screen(&$app, 80, 24));
        insta::assert_snapshot!(concat!($name, "_120x40"), screen(&$app, 120, 40));
    };
}

#[test]
fn library() {
    let app = app();
    both_sizes!("library", app);
}

#[test]
fn library_search_with_no_match() {
    let mut app = app();
    press(&mut app, &["/", "text:zzz"]);
    both_sizes!("library_search_empty", app);
}

#[test]
fn briefing() {
    let mut app = app();
    press(&mut app, &["Enter"]);
    both_sizes!("briefing", app);
}

#[test]
fn narrative_step() {
    let mut app = app();
    press(&mut app, &["Enter", "Enter"]);
    both_sizes!("run_narrative", app);
}

#[test]
fn single_choice_decision() {
    let mut app = app();
    press(&mut app, &["Enter", "Enter", "Enter", "Down"]);
    both_sizes!("run_single", app);
}

#[test]
fn rationale_entry() {
    let mut app = app();
    press(
        &mut app,
        &["Enter", "Enter", "Enter", "Enter", "text:It proves the breach"],
    );
    both_sizes!("run_rationale", app);
}

#[test]
fn the_header_keeps_the_decision_and_role_while_the_rationale_is_typed() {
    let mut app = app();
    press(&mut app, &["Enter", "Enter", "Enter"]);
    let deciding = screen(&app, 80, 24);
    let header = deciding.lines().next().unwrap_or_default().to_string();
    assert!(header.contains("Decision 1 of 3 · "), "{header}");
    press(&mut app, &["Enter", "text:It proves"]);
    let typing = screen(&app, 80, 24);
    assert!(typing.contains("It proves"), "{typing}");
    assert_eq!(typing.lines().next(), Some(header.as_str()), "{typing}");
}

#[test]
fn practice_feedback() {
    let mut app = app();
    press(
        &mut app,
        &[
            "Enter",
            "Enter",
            "Enter",
            "Enter",
            "text:It proves the breach",
            "Enter",
        ],
    );
    both_sizes!("run_feedback", app);
}

#[test]
fn scale_decision_with_countdown() {
    let mut app = app();
    press(&mut app, &["Enter", "Enter", "Enter", "Enter", "Enter", "Enter"]);
    app.now += Duration::from_secs(15);
    both_sizes!("run_scale", app);
}

#[test]
fn multiple_choice_with_ticks() {
    let mut app = app();
    // secure (first at seed 1), skip rationale, continue, grade standard (bottom of the ladder), continue
    press(
        &mut app,
        &[
            "Enter", "Enter", "Enter", "Enter", "Enter", "Enter", "End", "Enter", "Enter",
        ],
    );
    press(&mut app, &["Space", "Down", "Down", "Space"]);
    both_sizes!("run_multiple", app);
}

#[test]
fn confidence_prompt() {
    let mut app = app();
    press(&mut app, &["Enter", "c", "Enter", "Enter", "Enter", "Enter"]);
    both_sizes!("run_confidence", app);
}

#[test]
fn debrief_tabs() {
    let mut app = app();
    play_to_debrief(&mut app);
    both_sizes!("debrief_decisions", app);
    // the end of the last decision, and no further: End and then PgDn stay there
    press(&mut app, &["G", "PgDn"]);
    both_sizes!("debrief_decisions_end", app);
    press(&mut app, &["2"]);
    both_sizes!("debrief_scores", app);
    press(&mut app, &["3"]);
    both_sizes!("debrief_outcome", app);
    press(&mut app, &["4"]);
    both_sizes!("debrief_discussion", app);
}

#[test]
fn debrief_names_the_in_line_answer_and_the_basis() {
    let mut app = app();
    play_to_debrief(&mut app);
    // decision 2: graded Standard where the finding supports High; a page down shows it
    press(&mut app, &["PgDn"]);
    both_sizes!("debrief_in_line", app);
}

fn play_to_debrief(app: &mut App) {
    // assessment mode: secure the footage, grade standard, tick one, give the required rationale
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
        "the run should have reached the debrief"
    );
}

#[test]
fn help_overlay() {
    let mut app = app();
    press(&mut app, &["?"]);
    both_sizes!("help_library", app);
    press(&mut app, &["Esc", "Enter", "Enter", "Enter", "?"]);
    both_sizes!("help_run", app);
}

#[test]
fn quitting_mid_run_asks_first() {
    let mut app = app();
    press(&mut app, &["Enter", "Enter", "Enter", "q"]);
    assert!(!app.should_quit);
    both_sizes!("confirm_quit", app);
    press(&mut app, &["n"]);
    assert!(!app.should_quit, "n keeps the run");
    press(&mut app, &["q", "y"]);
    assert!(app.should_quit);
}

#[test]
fn escape_mid_run_asks_then_returns_to_the_library() {
    let mut app = app();
    press(&mut app, &["Enter", "Enter", "Enter", "Esc", "y"]);
    assert!(matches!(app.screen, Screen::Library(_)));
}

#[test]
fn history_with_no_records() {
    let mut app = app();
    press(&mut app, &["Tab"]);
    both_sizes!("history_empty", app);
}

#[test]
fn too_small_terminal_says_so() {
    let app = app();
    insta::assert_snapshot!("too_small_40x10", screen(&app, 40, 10));
}

#[test]
fn time_running_out_records_no_decision() {
    let mut app = app();
    press(&mut app, &["Enter", "Enter", "Enter", "Enter", "Enter", "Enter"]);
    let later = app.now + Duration::from_secs(61);
    app.tick(later);
    let Screen::Run(run) = &app.screen else {
        panic!("still in the run")
    };
    let last = run.state().answers.last().unwrap();
    assert_eq!(last.step, "risk");
    assert_eq!(last.response, lessons::engine::Response::NoDecision);
    insta::assert_snapshot!("run_time_up_80x24", screen(&app, 80, 24));
}

#[test]
fn scenario_text_cannot_reach_the_terminal_as_control_codes() {
    let mut scenario = fixture_scenario();
    scenario.title = "Evil \u{1b}[2J title".into();
    let app = App::new(vec![scenario], Palette::new(ThemeName::Mono), Instant::now());
    let shown = screen(&app, 80, 24);
    assert!(!shown.contains('\u{1b}'));
    assert!(shown.contains("Evil \u{FFFD}[2J title"));
}

/// A store holding one finished run, for the history screen.
struct OneRun(lessons::record::Record);

impl lessons::tui::app::RunStore for OneRun {
    fn save(&mut self, _run: &lessons::tui::run::RunState, _now: Instant) -> Result<(), String> {
        Ok(())
    }
    fn records(&self) -> &[lessons::record::Record] {
        std::slice::from_ref(&self.0)
    }
}

#[test]
fn history_lists_a_past_run_and_opens_its_debrief() {
    let scenario = fixture_scenario();
    let mut session = lessons::engine::Session::new(
        scenario.clone(),
        lessons::engine::Settings::new(lessons::engine::Mode::Practice, 1),
    );
    for input in [
        lessons::engine::Input::Continue,
        lessons::engine::Input::Continue,
        lessons::engine::Input::Choose("secure".into()),
        lessons::engine::Input::Rationale("kept it".into()),
        lessons::engine::Input::Continue,
        lessons::engine::Input::Grade("high".into()),
        lessons::engine::Input::Continue,
        lessons::engine::Input::Choose("refer".into()),
        lessons::engine::Input::Continue,
    ] {
        session.apply(input).unwrap();
    }
    let stamp = lessons::record::Stamp::from_unix(1_795_390_862);
    let mut record = lessons::record::Record::new(
        lessons::record::RecordKind::Run,
        &scenario,
        session.into_state(),
        None,
        stamp,
    )
    .expect("the case hashes");
    record.finished = Some(stamp);
    let mut app = app();
    app.store = Box::new(OneRun(record));
    press(&mut app, &["Tab"]);
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("2026-11-22 23:41"), "{shown}");
    assert!(shown.contains("100% · 3 dec."), "{shown}");
    press(&mut app, &["Enter"]);
    assert!(matches!(app.screen, Screen::Debrief(_)));
    assert!(screen(&app, 80, 24).contains("3 of 3 judged decisions in line"));
}
