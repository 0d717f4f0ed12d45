//! The classroom read from the back of the room: big text, the one-screen reveal and its
//! detail, the countdown, "more" markers and the scroll bound, clicker keys, and the
//! layout at 80×24, 160×48 and 60×18.
#![allow(clippy::unwrap_used)]

mod common;

use std::time::Duration;

use lessons::record::Recorder;
use lessons::scenario::{Library, Scenario, Step};
use lessons::tui::classroom::{Classroom, Stage};
use lessons::tui::frontend::FrontEnd;
use lessons::tui::keys::Action;

use common::classroom::Driver;
use common::fixture_scenario;

fn driver(plan: Vec<Scenario>) -> Driver<Recorder> {
    Driver::new(Classroom::new(plan, 3), Recorder::new(None, None))
}

fn press(room: &mut Driver<Recorder>, action: Action) {
    let now = room.now;
    room.screen.handle(action, now);
}

fn builtin(id: &str) -> Scenario {
    Library::builtin_trusted()
        .scenarios()
        .find(|s| s.id == id)
        .cloned()
        .unwrap()
}

/// The case with `decision` moved to the front, so the room is asked it right after the
/// briefing: every decision of the library can be revealed without playing to it.
fn asked_first(mut scenario: Scenario, decision: usize) -> Scenario {
    let step = scenario.steps.remove(decision);
    scenario.steps.insert(0, step);
    scenario
}

/// A room on the first decision of `scenario`, votes taken (12 people) and revealed.
fn revealed(scenario: Scenario) -> Driver<Recorder> {
    let mut room = driver(vec![scenario]);
    room.keys(&["Enter", "Enter"]);
    room.keys(&["Tab", "aaaabbbbbbbc", "Tab", "r"]);
    room
}

fn met_reveal() -> Driver<Recorder> {
    let met = builtin("met-2019-strangulation-allegation");
    let first = met
        .steps
        .iter()
        .position(|s| matches!(s, Step::Decision(_)))
        .unwrap();
    revealed(asked_first(met, first))
}

#[test]
fn every_reveal_summary_in_the_library_fits_80x24_without_scrolling() {
    let mut too_long = Vec::new();
    let mut checked = 0;
    for scenario in Library::builtin_trusted().scenarios() {
        for (i, step) in scenario.steps.iter().enumerate() {
            let Step::Decision(decision) = step else { continue };
            let room = revealed(asked_first(scenario.clone(), i));
            assert_eq!(
                room.room().stage,
                Stage::Reveal,
                "{} {}",
                scenario.id,
                decision.id
            );
            let screen = room.text(80, 24);
            checked += 1;
            if screen.contains("▼ more") {
                too_long.push(format!("{} · {}", scenario.id, decision.id));
            }
            assert!(screen.contains("d: the detail"), "{screen}");
        }
    }
    assert!(checked > 50, "only {checked} decisions checked");
    assert!(
        too_long.is_empty(),
        "reveal summaries that scroll at 80×24: {too_long:#?}"
    );
}

#[test]
fn the_reveal_opens_on_its_summary_and_d_shows_the_detail() {
    let mut room = met_reveal();
    let summary = room.text(80, 24);
    assert!(
        summary.contains(" of 12 chose what the officers did · "),
        "{summary}"
    );
    assert!(summary.contains(" chose the in-line answer"), "{summary}");
    assert!(!summary.contains("“"), "no quote on the summary:\n{summary}");
    insta::assert_snapshot!("projector_reveal_summary_80x24", summary);
    insta::assert_snapshot!("projector_reveal_summary_160x48", room.text(160, 48));
    room.keys(&["d"]);
    insta::assert_snapshot!("projector_reveal_detail_80x24", room.text(80, 24));
    insta::assert_snapshot!("projector_reveal_detail_160x48", room.text(160, 48));
    // back to the question and forward again: a new reveal opens on its summary
    room.keys(&["Left", "r"]);
    assert!(room.text(80, 24).contains("d: the detail"));
}

#[test]
fn a_long_screen_says_there_is_more_and_scrolling_stops_at_its_last_row() {
    let mut room = met_reveal();
    room.keys(&["d"]);
    let top = room.text(80, 24);
    assert!(top.contains("▼ more (↓)"), "{top}");
    assert!(!top.contains("▲ more"), "{top}");
    insta::assert_snapshot!("projector_more_marker_80x24", top);
    for _ in 0..44 {
        room.keys(&["Down"]);
        room.text(80, 24);
    }
    let bottom = room.text(80, 24);
    assert!(bottom.contains("▲ more (↑)"), "{bottom}");
    assert!(!bottom.contains("▼ more"), "{bottom}");
    assert!(
        bottom.contains("d: back to the summary"),
        "the last row stays on screen:\n{bottom}"
    );
    let at_bottom = room.room().scroll;
    // one ↑ moves at once: no dead presses stored up past the bottom
    room.keys(&["Up"]);
    assert_eq!(room.room().scroll, at_bottom - 1);
}

#[test]
fn big_text_draws_the_title_large_and_falls_back_where_it_does_not_fit() {
    let mut room = driver(vec![builtin("met-2019-strangulation-allegation")]);
    room.keys(&["z"]);
    let big = room.text(160, 48);
    assert!(big.contains('█'), "{big}");
    assert!(
        !big.contains("\n                A neighbour's call about screaming at a flat"),
        "{big}"
    );
    insta::assert_snapshot!("projector_big_title_160x48", big);
    // 80×24 has no room for the title in big letters: the plain title, nothing garbled
    let small = room.text(80, 24);
    assert!(!small.contains('█'), "{small}");
    assert_eq!(
        small
            .matches("A neighbour's call about screaming at a flat")
            .count(),
        2,
        "{small}"
    );
    room.keys(&["z"]);
    assert!(!room.text(160, 48).contains('█'));
}

#[test]
fn big_text_shows_the_tallies_and_the_reveal_headline() {
    let mut room = met_reveal();
    room.keys(&["z"]);
    let reveal = room.text(160, 48);
    assert!(
        !reveal.contains("7 of 12 chose what the officers did ·"),
        "drawn big instead:\n{reveal}"
    );
    insta::assert_snapshot!("projector_big_reveal_160x48", reveal);
    room.keys(&["Left", "v"]);
    let tallies = room.text(160, 48);
    insta::assert_snapshot!("projector_big_tallies_160x48", tallies);
}

#[test]
fn the_countdown_counts_down_to_its_target_then_says_how_far_over() {
    let mut room = driver(vec![fixture_scenario()]);
    room.keys(&["Enter", "Enter", "Enter"]);
    room.keys(&["+", "+", "+", "+", "-", "t"]);
    room.wait(Duration::from_secs(50));
    let left = room.text(80, 24);
    assert!(left.contains("⏱ 0:40 left of 1:30"), "{left}");
    insta::assert_snapshot!("projector_countdown_80x24", left);
    room.wait(Duration::from_secs(60));
    let over = room.text(80, 24);
    assert!(over.contains("⏱ OVER by 0:20 (target 1:30)"), "{over}");
    room.keys(&["z"]);
    insta::assert_snapshot!("projector_countdown_big_over_160x48", room.text(160, 48));
    // a reset keeps the target: it is the session's, not the question's
    room.keys(&["0", "t"]);
    room.wait(Duration::from_secs(1));
    assert!(room.text(80, 24).contains("⏱ 1:29 left of 1:30"));
}

#[test]
fn clicker_keys_go_next_and_back() {
    let mut room = driver(vec![fixture_scenario()]);
    press(&mut room, Action::PageDown);
    assert_eq!(room.room().stage, Stage::Briefing);
    press(&mut room, Action::PageUp);
    assert_eq!(room.room().stage, Stage::Title);
    press(&mut room, Action::Right);
    assert_eq!(room.room().stage, Stage::Briefing);
    press(&mut room, Action::Left);
    assert_eq!(room.room().stage, Stage::Title);
    press(&mut room, Action::Space);
    assert_eq!(room.room().stage, Stage::Briefing);
    assert_eq!(room.room().scroll, 0, "PgDn never scrolls the title away");
}

#[test]
fn the_question_shows_its_ndm_stage_and_a_recap_of_one_paragraph() {
    let mut room = driver(vec![builtin("met-2019-strangulation-allegation")]);
    room.keys(&["Enter", "Enter"]);
    while room.room().asked().is_none() {
        room.keys(&["Enter"]);
    }
    let screen = room.text(80, 24);
    assert!(screen.contains("NDM: "), "{screen}");
    // paragraphs are never run together ("…intoxicated.You speak")
    assert!(!screen.contains(".Y"), "{screen}");
    insta::assert_snapshot!("projector_question_80x24", screen);
    insta::assert_snapshot!("projector_question_160x48", room.text(160, 48));
    // at 60×18 the recap gives way so every option stays on the screen
    let small = room.text(60, 18);
    assert!(!small.contains("So far"), "{small}");
    assert!(small.contains("D  "), "{small}");
    insta::assert_snapshot!("projector_question_60x18", small);
    room.keys(&["Tab", "aab", "Tab", "r"]);
    insta::assert_snapshot!("projector_reveal_60x18", room.text(60, 18));
}

#[test]
fn a_six_option_question_at_80x24_shows_every_option_or_says_there_is_more() {
    let mut scenario = fixture_scenario();
    let Some(Step::Decision(decision)) = scenario.steps.iter_mut().find(|s| matches!(s, Step::Decision(_)))
    else {
        panic!("the fixture has a decision");
    };
    let template = decision.options[0].clone();
    for (i, letter) in ["d", "e", "f"].iter().enumerate() {
        let mut extra = template.clone();
        extra.id = format!("extra-{letter}");
        extra.text = format!(
            "An extra option {} that runs long enough to wrap onto a second row at eighty columns",
            i + 4
        );
        extra.actual = false;
        decision.options.push(extra);
    }
    while decision.options.len() > 6 {
        decision.options.pop();
    }
    let index = scenario
        .steps
        .iter()
        .position(|s| matches!(s, Step::Decision(_)))
        .unwrap();
    let mut room = driver(vec![asked_first(scenario, index)]);
    room.keys(&["Enter", "Enter", "Tab", "aabcdeff", "Tab"]);
    let screen = room.text(80, 24);
    let shows_all = screen.contains("F  ") && screen.contains("Total ");
    assert!(shows_all || screen.contains("▼ more (↓)"), "{screen}");
    for _ in 0..20 {
        room.keys(&["Down"]);
    }
    let bottom = room.text(80, 24);
    assert!(
        bottom.contains("Total "),
        "the totals line is reachable:\n{bottom}"
    );
}

#[test]
fn the_help_lists_the_presenter_keys_without_wrapping_a_row() {
    let mut room = driver(vec![fixture_scenario()]);
    room.keys(&["?"]);
    let help = room.text(80, 24);
    for key in [
        "Enter, →, Space, PgDn",
        "←, PgUp",
        "z",
        "d",
        "+ / -",
        "Tab, Enter or Esc ends",
        "g or Home",
    ] {
        assert!(help.contains(key), "{key} missing:\n{help}");
    }
    insta::assert_snapshot!("projector_help_80x24", help);
}

#[test]
fn a_long_title_is_cut_at_a_word_in_the_header() {
    let mut scenario = fixture_scenario();
    scenario.title = "A very long case title about contact at a neighbour's house late one night".into();
    let mut room = driver(vec![scenario]);
    room.keys(&["Enter"]);
    let header = room.text(60, 18).lines().next().unwrap().to_string();
    assert!(header.trim_end_matches(['"', ' ']).ends_with('…'), "{header}");
    assert!(!header.contains("neighb…"), "{header}");
}

#[test]
fn a_help_box_taller_than_the_screen_says_there_is_more_and_shows_it() {
    let mut room = driver(vec![fixture_scenario()]);
    room.keys(&["?"]);
    let first = room.text(60, 18);
    assert!(first.contains("▼ more (↓)"), "{first}");
    assert!(!first.contains("Nothing is revealed"), "{first}");
    room.keys(&["Down"]);
    let rest = room.text(60, 18);
    assert!(rest.contains("▲ more (↑)"), "{rest}");
    assert!(
        rest.contains("Nothing is revealed until you press r or Enter."),
        "{rest}"
    );
    assert_eq!(
        room.room().modal,
        lessons::tui::classroom::Modal::Help,
        "↓ keeps the help open"
    );
    // at 80×24 it all fits: no marker
    room.keys(&["Up"]);
    assert!(!room.text(80, 24).contains("more (↓)"));
    room.keys(&["x"]);
    assert_eq!(
        room.room().modal,
        lessons::tui::classroom::Modal::None,
        "any other key closes it"
    );
}
