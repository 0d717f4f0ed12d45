//! The trainee's screen in `lessons serve`, driven through the same actions the SSH key
//! decoder produces and drawn whole at 80×24: what the room pushes, the choose → why →
//! confirm flow, the answer kept on reconnect, and the reveal beside the trainee's answer.
#![allow(clippy::unwrap_used)]

use std::time::Instant;

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use lessons::engine::Response;
use lessons::serve::room::{Given, Shown};
use lessons::serve::trainee::{Reply, TraineeScreen};
use lessons::tui::classroom::{Classroom, Stage};
use lessons::tui::keys::Action;
use lessons::tui::theme::{Palette, ThemeName};

fn herts_room() -> Classroom {
    let herts = lessons::scenario::Library::builtin()
        .find("herts-2021-nmo-breach")
        .cloned()
        .unwrap();
    Classroom::new(vec![herts], 1)
}

/// The classroom moved on to its first decision, as the console's Enter does.
fn at_first_decision() -> Classroom {
    let mut room = herts_room();
    let now = Instant::now();
    room.handle(Action::Enter, now);
    room.handle(Action::Enter, now);
    assert_eq!(room.stage, Stage::Story);
    room
}

fn draw(screen: &TraineeScreen, shown: &Shown, kept: Option<&Given>) -> String {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let theme = Palette::new(ThemeName::Mono);
    terminal
        .draw(|f| screen.render(shown, kept, f.area(), f.buffer_mut(), &theme))
        .unwrap();
    let buffer = terminal.backend().buffer();
    (0..24)
        .map(|y| {
            (0..80)
                .map(|x| buffer[(x, y)].symbol().to_string())
                .collect::<String>()
                .trim_end()
                .to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn text(s: &str) -> Vec<Action> {
    s.chars()
        .map(|c| {
            Action::Text(lessons::tui::keys::TextKey {
                key: lessons::tui::keys::Key::Char(c),
                ctrl: false,
                alt: false,
                shift: false,
            })
        })
        .collect()
}

#[test]
fn the_title_is_a_waiting_screen_and_the_briefing_is_pushed() {
    let mut room = herts_room();
    assert_eq!(Shown::of(&room), Shown::Waiting);
    room.handle(Action::Enter, Instant::now());
    let shown = Shown::of(&room);
    let screen = TraineeScreen::new("pc-a");
    let drawn = draw(&screen, &shown, None);
    assert!(drawn.contains("Briefing"), "{drawn}");
    insta::assert_snapshot!("serve_trainee_briefing_80x24", drawn);
}

#[test]
fn choose_then_why_then_confirm_sends_one_answer() {
    let room = at_first_decision();
    let shown = Shown::of(&room);
    let mut screen = TraineeScreen::new("pc-a");
    screen.follow(&shown, None);
    insta::assert_snapshot!("serve_trainee_decision_80x24", draw(&screen, &shown, None));
    assert_eq!(screen.handle(Action::Down, &shown), Reply::None);
    assert_eq!(screen.handle(Action::Enter, &shown), Reply::None);
    assert!(screen.typing(), "the rationale box has the keyboard");
    for action in text("It is quicker") {
        screen.handle(action, &shown);
    }
    assert_eq!(screen.handle(Action::Enter, &shown), Reply::None);
    insta::assert_snapshot!("serve_trainee_confirm_80x24", draw(&screen, &shown, None));
    let Reply::Answer(given) = screen.handle(Action::Enter, &shown) else {
        panic!("Enter on the confirmation sends the answer");
    };
    assert_eq!(given.response, Response::Chose("view-only".into()));
    assert_eq!(given.rationale, "It is quicker");
    assert!(draw(&screen, &shown, Some(&given)).contains("Answer sent"));
}

#[test]
fn a_reconnect_shows_the_kept_answer_and_the_reveal_puts_it_beside_the_finding() {
    let mut room = at_first_decision();
    let kept = Given {
        case: 0,
        step: "footage".into(),
        response: Response::Chose("secure".into()),
        rationale: "Evidence first".into(),
    };
    let shown = Shown::of(&room);
    let mut screen = TraineeScreen::new("pc-b");
    screen.follow(&shown, Some(&kept));
    let drawn = draw(&screen, &shown, Some(&kept));
    assert!(
        drawn.contains("Answer sent") && drawn.contains("Evidence first"),
        "{drawn}"
    );
    room.handle(Action::Char('r'), Instant::now());
    let revealed = Shown::of(&room);
    screen.follow(&revealed, Some(&kept));
    let drawn = draw(&screen, &revealed, Some(&kept));
    assert!(drawn.contains("Your answer: Take a copy"), "{drawn}");
    assert!(!drawn.contains("vote"), "no tally on a trainee's screen: {drawn}");
    insta::assert_snapshot!("serve_trainee_reveal_80x24", drawn);
}

#[test]
fn a_required_rationale_cannot_be_left_empty() {
    let room = at_first_decision();
    let Shown::Decision {
        title,
        case,
        mut asked,
    } = Shown::of(&room)
    else {
        panic!("a decision");
    };
    asked.rationale = lessons::scenario::RationalePrompt::Require;
    let shown = Shown::Decision { title, case, asked };
    let mut screen = TraineeScreen::new("pc-c");
    screen.follow(&shown, None);
    screen.handle(Action::Enter, &shown);
    screen.handle(Action::Enter, &shown);
    assert!(screen.typing(), "still in the box");
    assert!(draw(&screen, &shown, None).contains("type a few words first"));
}
