//! Classroom keys through the one keymap: which open thing takes a key (help, blank, the
//! quit question, a typed count, vote taking), saves made only through the store the screen
//! owns, a failed save on screen, redraws only when the timer's second moves, and one
//! screen in colour.
#![allow(clippy::unwrap_used)]

mod common;

use std::time::{Duration, Instant};

use lessons::record::RecordError;
use lessons::record::error::Shared;
use lessons::tui::classroom::{
    Classroom, ClassroomOutcome, ClassroomStore, GroupSave, Modal, NoStore, Stage,
};
use lessons::tui::keys::Action;
use lessons::tui::theme::ThemeName;

use common::classroom::Driver;
use common::fixture_scenario;

/// Counts what it is asked to keep, and fails every save when told to.
#[derive(Default)]
struct Counting {
    saves: usize,
    new_records: usize,
    last_votes: Vec<(String, u32)>,
    fail: Option<RecordError>,
}

impl ClassroomStore for Counting {
    fn save(&mut self, save: &GroupSave<'_>) -> Result<(), RecordError> {
        self.saves += 1;
        self.last_votes = save.tallies.last().map(|t| t.votes.clone()).unwrap_or_default();
        match &self.fail {
            Some(why) => Err(why.clone()),
            None => Ok(()),
        }
    }

    fn begin_run(&mut self) {
        self.new_records += 1;
    }
}

fn plan() -> Vec<lessons::scenario::Scenario> {
    let mut plan = vec![fixture_scenario(), fixture_scenario()];
    plan[1].id = "synthetic-branching-again".into();
    plan
}

/// At the first decision of the fixture (options shown A, B, C).
fn at_question<S: ClassroomStore>(store: S) -> Driver<S> {
    let mut room = Driver::new(Classroom::new(plan(), 3), store);
    room.keys(&["Enter", "Enter", "Enter"]);
    assert_eq!(room.room().stage, Stage::Story);
    assert!(room.room().asked().is_some());
    room
}

fn votes<S: ClassroomStore>(room: &Driver<S>) -> Vec<u32> {
    room.room().votes.iter().map(|(_, n)| *n).collect()
}

#[test]
fn help_takes_the_next_key_and_only_closes() {
    let mut room = at_question(NoStore);
    room.keys(&["?"]);
    assert!(room.text(80, 24).contains("Presenter keys"));
    // `b` would blank the screen, but the help is open: it only closes the help
    room.keys(&["b"]);
    assert_eq!(room.room().modal, Modal::None);
    assert!(!room.text(80, 24).contains("Presenter keys"));
    room.keys(&["?", "q"]);
    assert_eq!(
        room.room().modal,
        Modal::None,
        "q closes the help, it does not ask to end"
    );
    room.keys(&["?", "r"]);
    assert_eq!(
        room.room().stage,
        Stage::Story,
        "r closes the help, it does not reveal"
    );
}

#[test]
fn a_blank_screen_takes_the_next_key_and_only_comes_back() {
    let mut room = at_question(NoStore);
    // on a question `b` is a vote for B: `.` blanks there
    room.keys(&["."]);
    let blank = room.text(80, 24);
    assert!(blank.chars().all(|c| " \"\n".contains(c)), "{blank}");
    room.keys(&["?"]);
    assert_eq!(
        room.room().modal,
        Modal::None,
        "? brings the screen back, no help over it"
    );
    room.keys(&[".", "q"]);
    assert_eq!(
        room.room().modal,
        Modal::None,
        "q brings the screen back, no question"
    );
    room.keys(&[".", "Tab"]);
    assert_eq!(
        room.room().modal,
        Modal::None,
        "Tab brings the screen back, no vote taking"
    );
    assert!(room.text(80, 24).contains("letter vote"));
}

#[test]
fn the_quit_question_takes_the_next_key() {
    let mut room = at_question(NoStore);
    room.keys(&["q", "?"]);
    assert_eq!(
        room.room().modal,
        Modal::None,
        "any other key stays, and opens nothing"
    );
    assert!(!room.room().should_quit);
    room.keys(&["q", "b"]);
    assert_eq!(room.room().modal, Modal::None, "b stays, it does not blank");
    room.keys(&["q"]);
    assert!(room.text(80, 24).contains("End the session?"));
    room.keys(&["y"]);
    assert!(room.room().should_quit);
    let mut room = at_question(NoStore);
    room.keys(&["q", "Enter"]);
    assert!(!room.room().should_quit, "a habitual Enter stays: only y ends");
}

#[test]
fn a_typed_count_takes_letters_that_are_commands_elsewhere() {
    let mut room = at_question(NoStore);
    room.keys(&["="]);
    assert!(room.screen.room.typing());
    // b would blank, q would ask to end, ? would open the help
    room.keys(&["q", "?", "Backspace", "b", "1", "2"]);
    assert!(
        room.text(160, 48)
            .contains("Count (a letter then a number, then Enter): b12")
    );
    room.keys(&["Enter"]);
    assert_eq!(votes(&room), vec![0, 12, 0]);
    assert_eq!(room.room().modal, Modal::None);
    room.keys(&["=", "a5", "Esc"]);
    assert_eq!(votes(&room), vec![0, 12, 0], "Esc drops the typed count");
    assert!(!room.screen.room.typing());
}

#[test]
fn taking_votes_makes_letters_votes_and_a_count_returns_to_it() {
    let mut room = at_question(NoStore);
    room.keys(&["Tab", "b", "b", "a", "B"]);
    assert_eq!(
        votes(&room),
        vec![1, 1, 0],
        "b is a vote for B, not a blank screen"
    );
    room.keys(&["q"]);
    assert_eq!(
        room.room().modal,
        Modal::Voting,
        "q is a vote, not the quit question"
    );
    assert_eq!(
        room.room().message.as_deref(),
        Some("There is no option Q: Tab, Enter or Esc ends taking votes.")
    );
    room.keys(&["=", "c3", "Enter"]);
    assert_eq!(votes(&room), vec![1, 1, 3]);
    assert_eq!(
        room.room().modal,
        Modal::Voting,
        "a count typed while voting goes back to voting"
    );
    room.keys(&["Tab"]);
    assert_eq!(room.room().modal, Modal::None);
    assert!(
        !room.room().show_votes,
        "ending the votes leaves the bars hidden: the room sees them only on v"
    );
    room.keys(&["Tab", "Ctrl+C"]);
    assert!(room.room().should_quit, "Ctrl+C ends even while taking votes");
}

#[test]
fn backspace_and_left_go_back() {
    let mut room = Driver::new(Classroom::new(plan(), 3), NoStore);
    room.keys(&["Enter"]);
    assert_eq!(room.room().stage, Stage::Briefing);
    room.keys(&["Backspace"]);
    assert_eq!(room.room().stage, Stage::Title);
    room.keys(&["Enter", "Left"]);
    assert_eq!(room.room().stage, Stage::Title);
}

#[test]
fn handling_a_vote_asks_for_a_save_and_only_the_store_keeps_it() {
    let mut room = Classroom::new(plan(), 3);
    let now = Instant::now();
    for _ in 0..3 {
        room.handle(Action::Enter, now);
    }
    assert_eq!(room.handle(Action::Tab, now), ClassroomOutcome::None);
    let b = lessons::tui::keys::TextKey {
        key: lessons::tui::keys::Key::Char('b'),
        ..Default::default()
    };
    assert_eq!(room.handle(Action::Text(b), now), ClassroomOutcome::Save);

    let mut room = at_question(Counting::default());
    assert_eq!(
        room.screen.store.saves, 3,
        "every screen moved to is kept: briefing, story, question"
    );
    room.keys(&[".", "?", "?", "Esc", "v"]);
    assert_eq!(room.screen.store.saves, 3, "blank, help and bars keep nothing");
    room.keys(&["Tab", "a", "a", "C"]);
    assert_eq!(
        room.screen.store.saves, 6,
        "every vote is kept, a removal from none too"
    );
    room.keys(&["=", "b7", "Enter", "Tab", "r"]);
    assert_eq!(room.screen.store.saves, 8, "the typed count and the reveal");
    let b = room.room().votes[1].0.clone();
    assert!(
        room.screen.store.last_votes.contains(&(b, 7)),
        "{:?}",
        room.screen.store.last_votes
    );
    assert_eq!(room.screen.store.new_records, 0);
}

#[test]
fn the_next_case_starts_a_new_record_through_the_store() {
    let mut room = Driver::new(Classroom::new(plan(), 3), Counting::default());
    room.keys(&["Enter", "Enter", "Enter"]);
    for _ in 0..10 {
        if room.room().stage == Stage::Outcome {
            break;
        }
        // one vote for the option shown first: no tie to settle
        room.keys(&["a", "Tab", "r", "Enter"]);
    }
    assert_eq!(room.room().stage, Stage::Outcome);
    room.keys(&["Enter", "Enter", "Enter"]);
    assert_eq!(room.screen.store.new_records, 0);
    let questions = room.room().scenario().unwrap().discussion.len();
    for _ in 0..questions.max(1) {
        room.keys(&["Enter"]);
    }
    assert_eq!(room.room().case, 1);
    assert_eq!(room.room().stage, Stage::Title);
    assert_eq!(room.screen.store.new_records, 1);
}

#[test]
fn a_failed_save_is_on_screen_and_the_session_goes_on() {
    let store = Counting {
        fail: Some(RecordError::NotSaved {
            path: "records/room.json".into(),
            cause: Shared::new(std::io::Error::from_raw_os_error(28)),
        }),
        ..Counting::default()
    };
    let mut room = at_question(store);
    room.keys(&["Tab", "a"]);
    let shown = room.text(160, 48);
    assert!(
        shown.contains("could not save records/room.json: No space left on device"),
        "{shown}"
    );
    assert_eq!(votes(&room), vec![1, 0, 0], "the vote still counts");
    room.keys(&["a"]);
    assert_eq!(votes(&room), vec![2, 0, 0]);
}

#[test]
fn an_idle_classroom_redraws_only_when_the_timer_shows_another_second() {
    let mut room = at_question(NoStore);
    assert!(!room.wait(Duration::from_secs(5)), "no timer, nothing to draw");
    room.keys(&["t"]);
    assert!(room.wait(Duration::from_millis(250)), "the timer appears");
    assert!(!room.wait(Duration::from_millis(250)), "still 00:00");
    assert!(room.wait(Duration::from_millis(600)), "00:01");
    room.keys(&["t"]);
    assert!(
        !room.wait(Duration::from_secs(3)),
        "paused: the second does not move"
    );
    room.keys(&["t", "."]);
    assert!(room.wait(Duration::from_millis(10)), "blanked: the timer is gone");
    assert!(
        !room.wait(Duration::from_secs(2)),
        "nothing shown, nothing to draw"
    );
}

#[test]
fn the_reveal_in_the_classroom_colours() {
    let mut room = Driver::themed(Classroom::new(plan(), 3), NoStore, ThemeName::HighContrast);
    room.keys(&["Enter", "Enter", "Enter", "Tab", "a", "a", "b", "Tab", "r"]);
    insta::assert_snapshot!(
        "classroom_reveal_styled_80x24",
        format!("{:?}", room.buffer(80, 24))
    );
}
