//! Fair timers in the full-screen app, with an injected clock: the briefing announces the
//! timed decisions, the clock stands still behind help and the quit dialog and on a terminal
//! too small to show the decision, and the timer setting is kept in the run. The synthetic
//! fixture (not a real case): its risk decision has 60 s.
#![allow(clippy::unwrap_used)]

mod common;

use std::time::{Duration, Instant};

use lessons::engine::{Mode, Timers};
use lessons::tui::app::{App, Screen};
use lessons::tui::frontend::FrontEnd;
use lessons::tui::theme::{Palette, ThemeName};
use ratatui::layout::Rect;

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

/// The seconds the header shows on the clock, if any.
fn shown(app: &App) -> Option<u64> {
    let header = screen(app, 120, 40)
        .lines()
        .next()
        .unwrap_or_default()
        .to_string();
    let after = header.split("⏱ ").nth(1)?;
    after.split(' ').next()?.parse().ok()
}

/// From the library: open the case, begin, and answer the first decision, reaching the
/// timed one (as the screen snapshots do).
fn to_the_timed_decision(app: &mut App) {
    press(app, &["Enter", "Enter", "Enter", "Enter", "Enter", "Enter"]);
    assert!(screen(app, 80, 24).contains("What risk level do you record?"));
}

#[test]
fn the_briefing_announces_the_timed_decisions_and_extra_time() {
    let mut app = app();
    // open the case, assessment mode, timers on to +50%
    press(&mut app, &["Enter", "m", "t", "t"]);
    insta::assert_snapshot!("briefing_timers_extra_80x24", screen(&app, 80, 24));
    let text = screen(&app, 80, 24);
    assert!(
        text.contains("1 of the case's 4 decisions is timed: 90 s (with 50%"),
        "{text}"
    );
    assert!(
        !text.contains("What risk level"),
        "the briefing never names the decision"
    );
    press(&mut app, &["t", "t"]);
    let off = screen(&app, 80, 24);
    assert!(off.contains("◉ None"), "{off}");
    assert!(off.contains("but with no timers: no clock will run"), "{off}");
}

#[test]
fn the_clock_stands_still_while_help_or_the_quit_dialog_is_open() {
    let mut app = app();
    to_the_timed_decision(&mut app);
    let t0 = app.now;
    app.tick(t0 + Duration::from_secs(10));
    assert_eq!(shown(&app), Some(50));
    press(&mut app, &["?"]);
    app.tick(t0 + Duration::from_secs(70));
    assert_eq!(shown(&app), Some(50), "a minute reading help costs nothing");
    press(&mut app, &["Esc"]); // help closes at the last tick's time
    app.tick(t0 + Duration::from_secs(75));
    assert_eq!(shown(&app), Some(45));
    press(&mut app, &["q"]);
    app.tick(t0 + Duration::from_secs(200));
    assert_eq!(shown(&app), Some(45), "nor does the quit dialog");
    assert!(
        matches!(app.screen, Screen::Run(_)),
        "still deciding, never timed out"
    );
    press(&mut app, &["n"]);
    app.tick(t0 + Duration::from_secs(245));
    assert!(
        screen(&app, 80, 24).contains("Time ran out"),
        "45 s after the dialog closed the time is up"
    );
}

#[test]
fn the_clock_stands_still_while_the_terminal_is_too_small_to_show_the_decision() {
    let mut app = app();
    to_the_timed_decision(&mut app);
    let t0 = app.now;
    app.resized(Rect::new(0, 0, 30, 8));
    app.tick(t0 + Duration::from_secs(100));
    app.resized(Rect::new(0, 0, 80, 24));
    app.tick(t0 + Duration::from_secs(100));
    assert_eq!(shown(&app), Some(60));
}

#[test]
fn the_setting_chosen_on_the_briefing_is_the_runs_and_lengthens_the_clock() {
    let mut app = app();
    app.mode = Mode::Assessment;
    press(&mut app, &["Enter", "t", "t"]);
    press(&mut app, &["Enter", "Enter", "Enter", "Enter"]);
    let Screen::Run(run) = &app.screen else {
        panic!("a run is on screen");
    };
    assert_eq!(run.state().settings.timers, Timers::Extra(50));
    assert_eq!(shown(&app), Some(90));
}

#[test]
fn with_no_timers_nothing_is_timed() {
    let mut app = app();
    app.timers = Timers::Off;
    to_the_timed_decision(&mut app);
    let t0 = app.now;
    app.tick(t0 + Duration::from_secs(600));
    assert_eq!(shown(&app), None);
    assert!(screen(&app, 80, 24).contains("What risk level do you record?"));
}

#[test]
fn back_from_a_timed_decisions_next_step_keeps_the_clock_that_ran_and_ends_with_it() {
    // the timed decision asks no rationale: with confidence on, choosing leads to the
    // confidence question, the step Esc goes back from
    let mut app = app();
    press(&mut app, &["Enter", "c"]);
    for _ in 0..12 {
        let text = screen(&app, 80, 24);
        if text.contains("What risk level do you record?") {
            break;
        }
        press(
            &mut app,
            &[if text.contains("How sure are you") {
                "s"
            } else {
                "Enter"
            }],
        );
    }
    let t0 = app.now;
    press(&mut app, &["Enter"]); // choose, at t0
    assert!(screen(&app, 80, 24).contains("How sure are you"));
    app.tick(t0 + Duration::from_secs(10));
    press(&mut app, &["Esc"]);
    let text = screen(&app, 80, 24);
    assert!(text.contains("What risk level do you record?"), "{text}");
    assert_eq!(
        shown(&app),
        Some(50),
        "the ten seconds spent on the confidence question counted"
    );
    press(&mut app, &["Enter"]); // choose again
    app.tick(t0 + Duration::from_secs(65));
    press(&mut app, &["Esc"]);
    let text = screen(&app, 80, 24);
    assert!(
        text.contains("How sure are you") && text.contains("the choice stands"),
        "no way back once the time is up:\n{text}"
    );
    assert!(!text.contains("Esc back"), "nor is it offered:\n{text}");
}
