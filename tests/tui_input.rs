//! Typing, pasting and stepping back in the full-screen app, driven through the real
//! keymap: a paste is text and never keys, Ctrl+J is a new line, Esc from the rationale
//! changes the choice, an empty checklist and the quit dialog both ask for `y`.
#![allow(clippy::unwrap_used)]

mod common;

use std::time::Instant;

use lessons::engine::{Phase, Response};
use lessons::tui::app::{App, Overlay, Screen};
use lessons::tui::frontend::FrontEnd;
use lessons::tui::keys::{Action, action_for, paste_action};
use lessons::tui::run::RunState;
use lessons::tui::theme::{Palette, ThemeName};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

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

fn run(app: &App) -> &RunState {
    match &app.screen {
        Screen::Run(run) => run,
        _ => panic!("not in a run"),
    }
}

fn act(app: &mut App, action: Action) {
    let now = app.now;
    app.handle(action, now);
}

fn ctrl(app: &mut App, c: char) {
    let event = KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
    let action = action_for(event, app.typing()).unwrap();
    act(app, action);
}

/// Library → briefing → narrative → the first decision, its first option chosen: the
/// rationale box is open.
fn at_first_rationale() -> App {
    let mut app = app();
    press(&mut app, &["Enter", "Enter", "Enter", "Enter"]);
    assert!(matches!(run(&app).state().phase, Phase::Rationale { .. }));
    app
}

/// On to the checklist: the first decision answered, the risk graded medium.
fn at_checklist() -> App {
    let mut app = at_first_rationale();
    press(&mut app, &["Enter", "Enter", "2", "Enter", "Enter"]);
    let asked = run(&app).asked().unwrap();
    assert_eq!(asked.step, "referrals");
    app
}

#[test]
fn a_paste_goes_into_the_rationale_whole_and_submits_nothing() {
    let mut app = at_first_rationale();
    act(&mut app, paste_action("line one\r\nline two\nline three\n"));
    assert!(
        matches!(run(&app).state().phase, Phase::Rationale { .. }),
        "not submitted"
    );
    assert_eq!(
        run(&app).rationale.lines(),
        ["line one", "line two", "line three", ""]
    );
    press(&mut app, &["Enter"]);
    let answer = &run(&app).state().answers[0];
    assert_eq!(
        answer.rationale.as_deref(),
        Some("line one\nline two\nline three")
    );
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("Why: line one"), "{shown}");
    assert!(
        shown.contains("     line two"),
        "the breaks are kept when shown back:\n{shown}"
    );
}

#[test]
fn a_paste_at_a_choice_or_a_review_presses_no_keys() {
    let mut app = app();
    press(&mut app, &["Enter", "Enter", "Enter"]);
    act(&mut app, paste_action("1\n\nq\ny\n"));
    assert!(matches!(run(&app).state().phase, Phase::Deciding { .. }));
    assert!(run(&app).state().answers.is_empty());
    assert_eq!(app.overlay, None);
    assert!(!app.should_quit);
}

#[test]
fn a_paste_into_the_library_search_is_one_line() {
    let mut app = app();
    press(&mut app, &["/"]);
    act(&mut app, paste_action("synthetic\nfixture"));
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("synthetic fixture"), "{shown}");
}

#[test]
fn ctrl_j_is_a_new_line_and_ctrl_u_changes_nothing() {
    let mut app = at_first_rationale();
    press(&mut app, &["text:first"]);
    ctrl(&mut app, 'j');
    press(&mut app, &["text:second"]);
    ctrl(&mut app, 'u');
    assert_eq!(run(&app).rationale.lines(), ["first", "second"]);
    let shown = screen(&app, 80, 24);
    assert!(
        shown.contains("Ctrl+J new line"),
        "the key bar says how:\n{shown}"
    );
    assert!(shown.contains("Ctrl+E editor"), "{shown}");
}

#[test]
fn esc_from_the_rationale_changes_the_choice_and_keeps_the_typing() {
    let mut app = at_first_rationale();
    let first = run(&app).state().answers[0].response.clone();
    press(&mut app, &["text:half a thought"]);
    press(&mut app, &["Esc"]);
    assert_eq!(app.overlay, None, "Esc steps back; it does not offer to leave");
    assert!(matches!(run(&app).state().phase, Phase::Deciding { .. }));
    assert!(run(&app).state().answers.is_empty());
    press(&mut app, &["Down", "Enter"]);
    let answers = &run(&app).state().answers;
    assert_eq!(answers.len(), 1, "recorded once");
    assert_ne!(answers[0].response, first, "the new choice");
    assert_eq!(run(&app).rationale.lines(), ["half a thought"]);
}

#[test]
fn enter_on_an_empty_checklist_asks_first() {
    let mut app = at_checklist();
    press(&mut app, &["Enter"]);
    let shown = screen(&app, 80, 24);
    assert!(
        shown.contains("Nothing ticked. Submit with nothing ticked?"),
        "{shown}"
    );
    assert!(shown.contains("y submit with nothing ticked"), "{shown}");
    press(&mut app, &["n"]);
    assert!(
        matches!(run(&app).state().phase, Phase::Deciding { .. }),
        "n keeps ticking"
    );
    press(&mut app, &["Enter", "y"]);
    let answer = run(&app).state().answers.last().unwrap();
    assert_eq!(answer.response, Response::Ticked(Vec::new()));
}

#[test]
fn a_ticked_checklist_submits_on_enter_without_asking() {
    let mut app = at_checklist();
    press(&mut app, &["Space", "Enter"]);
    assert!(matches!(run(&app).state().phase, Phase::Rationale { .. }));
}

#[test]
fn the_quit_dialog_takes_only_y_and_shows_its_own_keys() {
    let mut app = app();
    press(&mut app, &["Enter", "Enter", "Enter", "q"]);
    assert_eq!(app.overlay, Some(Overlay::ConfirmLeave { quit: true }));
    let shown = screen(&app, 80, 24);
    let footer = shown.lines().nth(23).unwrap();
    assert!(
        footer.contains("y quit") && footer.contains("n/Esc/Enter stay"),
        "{footer}"
    );
    assert!(
        !footer.contains("choose"),
        "the decision keys are not offered: {footer}"
    );
    press(&mut app, &["Enter"]);
    assert_eq!(app.overlay, None, "Enter stays");
    assert!(!app.should_quit);
    press(&mut app, &["Esc"]);
    assert_eq!(app.overlay, Some(Overlay::ConfirmLeave { quit: false }));
    press(&mut app, &["y"]);
    assert!(matches!(app.screen, Screen::Library(_)), "y leaves");
}

#[test]
fn the_wheel_scrolls_the_feedback_and_the_help() {
    let mut app = at_first_rationale();
    press(&mut app, &["Enter"]);
    act(&mut app, Action::ScrollDown);
    assert_eq!(run(&app).feedback_scroll, 3);
    act(&mut app, Action::ScrollUp);
    assert_eq!(run(&app).feedback_scroll, 0);
    press(&mut app, &["?"]);
    act(&mut app, Action::ScrollDown);
    assert_eq!(
        app.help_scroll.offset(),
        3,
        "the wheel scrolls the help three rows"
    );
    assert_eq!(
        app.overlay,
        Some(Overlay::Help),
        "the wheel does not close the help"
    );
}

#[test]
fn f1_opens_the_help_while_typing_and_question_mark_is_text() {
    let mut app = at_first_rationale();
    press(&mut app, &["?"]);
    assert_eq!(app.overlay, None);
    assert_eq!(run(&app).rationale.lines(), ["?"]);
    let f1 = action_for(KeyEvent::new(KeyCode::F(1), KeyModifiers::NONE), app.typing()).unwrap();
    act(&mut app, f1);
    assert_eq!(app.overlay, Some(Overlay::Help));
}

#[test]
fn a_narrow_rationale_key_bar_leaves_keys_out_whole() {
    let app = at_first_rationale();
    let shown = screen(&app, 60, 18);
    let bar = shown
        .lines()
        .last()
        .unwrap_or_default()
        .trim_matches('"')
        .trim_end()
        .to_string();
    assert!(bar.starts_with("Enter submit"), "{bar}");
    assert!(
        bar.ends_with("F1 help  Ctrl+Q quit"),
        "help and quit stay whole: {bar}"
    );
    let wide = screen(&app, 120, 30);
    assert!(wide.contains("Ctrl+E editor  Esc back  F1 help"), "{wide}");
}
