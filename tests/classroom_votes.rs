//! The instructor's console as a room uses it: votes typed with live counts, letters that
//! name options always votes on a question, the room size and the people who answered a
//! checklist, ties and empty votes settled by the path policy or the instructor, stepping
//! back past a reveal to correct a tally (the saved record follows), and an exact resume.
#![allow(clippy::unwrap_used)]

mod common;

use std::time::Duration;

use lessons::engine::{PathPolicy, Phase, Response};
use lessons::record::{Record, Recorder, RoomStage, SettledBy, SettledWhy, Store};
use lessons::scenario::Scenario;
use lessons::tui::classroom::{Classroom, Modal, NoStore, Stage};

use common::classroom::Driver;
use common::fixture_scenario;

fn plan() -> Vec<Scenario> {
    let mut plan = vec![fixture_scenario(), fixture_scenario()];
    plan[1].id = "synthetic-branching-again".into();
    plan[0].discussion = vec![
        "Fixture question one?".into(),
        "Fixture question two?".into(),
        "Fixture question three?".into(),
    ];
    plan
}

/// A classroom saving to a records folder, at the first decision (evidence: A watch,
/// B note, C secure at seed 3).
fn saved_room(dir: &std::path::Path, path: PathPolicy) -> Driver<Recorder> {
    let mut room = Classroom::new(plan(), 3);
    room.path = path;
    let mut room = Driver::new(room, Recorder::new(Some(Store::open(dir).unwrap()), None));
    room.keys(&["Enter", "Enter", "Enter"]);
    assert!(room.room().asking());
    room
}

fn at_question() -> Driver<NoStore> {
    let mut room = Driver::new(Classroom::new(plan(), 3), NoStore);
    room.keys(&["Enter", "Enter", "Enter"]);
    room
}

/// The one record in the folder, as saved.
fn record(dir: &std::path::Path) -> Record {
    let (records, skipped) = Store::read_only(dir).load_all();
    assert!(skipped.is_empty());
    let mut records: Vec<Record> = records.into_iter().map(|(_, r)| r).collect();
    // as `--resume` chooses: stamps are to the second, so the unfinished, later-started wins
    records.sort_by_key(|r| {
        (
            r.updated,
            r.room.as_ref().map_or(0, |p| p.case),
            !r.is_finished(),
            r.started,
        )
    });
    records.pop().unwrap()
}

fn counts<S: lessons::tui::classroom::ClassroomStore>(room: &Driver<S>) -> Vec<u32> {
    room.room().votes.iter().map(|(_, n)| *n).collect()
}

#[test]
fn b_on_a_question_is_a_vote_and_starts_vote_taking() {
    let mut room = at_question();
    room.keys(&["b"]);
    assert_eq!(
        counts(&room),
        vec![0, 1, 0],
        "b is a vote for B, never a blank screen"
    );
    assert_eq!(room.room().modal, Modal::Voting);
    let shown = room.text(80, 24);
    assert!(shown.contains("TAKING VOTES"), "{shown}");
    assert!(shown.contains("B     1  Note what it shows"), "{shown}");
    room.keys(&["b", "a", "Esc"]);
    assert_eq!(counts(&room), vec![1, 2, 0]);
    assert_eq!(room.room().modal, Modal::None);
    assert!(!room.room().show_votes, "the bars stay hidden until v");
    let shown = room.text(80, 24);
    assert!(shown.contains("Total 3 · bars hidden (v shows)"), "{shown}");
    assert!(
        !shown.contains("A     1"),
        "outside vote taking only the total shows: {shown}"
    );
    room.keys(&["B"]);
    assert_eq!(
        counts(&room),
        vec![1, 1, 0],
        "Shift+B takes one back, and votes are taken"
    );
    room.keys(&["Enter", "."]);
    assert_eq!(room.room().modal, Modal::Blank, ". blanks a question");
}

#[test]
fn a_letter_that_is_neither_an_option_nor_a_command_says_so() {
    let mut room = at_question();
    room.keys(&["x"]);
    assert_eq!(counts(&room), vec![0, 0, 0]);
    assert_eq!(room.room().modal, Modal::None);
    let shown = room.text(80, 24);
    assert!(shown.contains("X is not an option here"), "{shown}");
}

#[test]
fn next_on_a_question_reveals_and_asks_first_when_nobody_voted() {
    let mut room = at_question();
    room.keys(&["Enter"]);
    assert_eq!(room.room().modal, Modal::ConfirmReveal);
    assert!(room.text(80, 24).contains("No votes entered. Reveal anyway? y"));
    room.keys(&["n"]);
    assert_eq!(
        room.room().stage,
        Stage::Story,
        "any key but y stays on the question"
    );
    room.keys(&["Space", "y"]);
    assert_eq!(room.room().stage, Stage::Reveal);
    let mut room = at_question();
    room.keys(&["c", "Tab", "Space"]);
    assert_eq!(
        room.room().stage,
        Stage::Reveal,
        "with votes, Space reveals at once"
    );
}

#[test]
fn the_room_size_gives_percentages_and_a_warning_when_exceeded() {
    let mut room = at_question();
    room.keys(&["#", "12", "Enter"]);
    assert_eq!(room.room().room_size, Some(12));
    room.keys(&["Tab", "a", "a", "a", "b"]);
    let shown = room.text(80, 24);
    assert!(shown.contains("Total 4 · 4 of 12 answered"), "{shown}");
    assert!(shown.contains("A     3  25%  Watch it"), "{shown}");
    room.keys(&["=", "c10", "Enter", "Tab", "v"]);
    let shown = room.text(80, 24);
    assert!(shown.contains("Total 14 · 14 of 12 answered"), "{shown}");
    assert!(
        shown.contains("⚠ 14 answered: more than the room of 12"),
        "{shown}"
    );
    assert!(shown.contains("10  83%"), "bars carry the share too: {shown}");
    room.keys(&["#", "0", "Enter"]);
    assert_eq!(room.room().room_size, Some(12), "0 is not a room");
    assert!(
        room.text(80, 24)
            .contains("A room size is a number from 1 to 9999")
    );
    // the reveal keeps the question's denominator: shares of the room, and how many answered
    room.keys(&["=", "c0", "Enter", "Tab", "r"]);
    let reveal = room.text(80, 24);
    assert!(reveal.contains("4 of 12 answered"), "{reveal}");
    assert!(reveal.contains("  3  25%"), "{reveal}");
}

#[test]
fn a_checklist_counts_the_people_who_answered_and_the_record_keeps_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut room = saved_room(dir.path(), PathPolicy::Majority);
    // evidence, then the risk grade: standard leads to the checklist
    room.keys(&["a", "Tab", "r", "Enter", "a", "Tab", "r", "Enter"]);
    assert!(room.room().counts_people_on_screen());
    room.keys(&["Tab", "a", "a", "b", "=", "p2", "Enter", "Tab"]);
    let shown = room.text(80, 24);
    assert!(shown.contains("2 people answered · 3 ticks"), "{shown}");
    room.keys(&["#", "12", "Enter"]);
    assert!(room.text(80, 24).contains("2 of 12 people answered · 3 ticks"));
    let saved = record(dir.path());
    let referrals = saved.tallies.iter().find(|t| t.step == "referrals").unwrap();
    assert_eq!(referrals.respondents, Some(2));
}

/// To the risk grade (A standard, B medium, C high: only high leads elsewhere).
fn at_risk<S: lessons::tui::classroom::ClassroomStore>(room: &mut Driver<S>) {
    room.keys(&["a", "Tab", "r", "Enter"]);
    assert_eq!(room.room().asked().unwrap().step, "risk");
}

#[test]
fn a_tie_on_a_decision_that_decides_the_way_asks_the_instructor() {
    let dir = tempfile::tempdir().unwrap();
    let mut room = saved_room(dir.path(), PathPolicy::Majority);
    at_risk(&mut room);
    room.keys(&["=", "a3", "Enter", "=", "c3", "Enter", "r", "Enter"]);
    assert!(matches!(room.room().modal, Modal::Settle(_)));
    insta::assert_snapshot!("classroom_tie_prompt_80x24", room.text(80, 24));
    insta::assert_snapshot!("classroom_tie_prompt_160x48", room.text(160, 48));
    room.keys(&["b"]);
    assert!(
        matches!(room.room().modal, Modal::Settle(_)),
        "B was not tied: still asked"
    );
    room.keys(&["Esc"]);
    assert_eq!(room.room().stage, Stage::Reveal, "Esc stays on the reveal");
    room.keys(&["Enter", "c"]);
    assert_eq!(
        room.room().asked().unwrap().step,
        "marac",
        "high leads to the MARAC question"
    );
    let saved = record(dir.path());
    let risk = saved.tallies.iter().find(|t| t.step == "risk").unwrap();
    let settled = risk.settled.as_ref().unwrap();
    assert_eq!(settled.why, SettledWhy::Tie);
    assert_eq!(settled.by, SettledBy::Instructor);
    assert_eq!(settled.chose, vec!["high".to_string()]);
    let answer = saved.session.answers.iter().find(|a| a.step == "risk").unwrap();
    assert_eq!(answer.response, Response::Graded("high".into()));
    // the session summary says how the tie was settled, not only that there was one
    let md = lessons::analysis::group_export::markdown(&saved, &fixture_scenario(), &jiff::tz::TimeZone::UTC);
    assert!(md.contains("- **Tie:**"), "{md}");
    assert!(
        md.contains("- **The way on:** A tie: the instructor chose High"),
        "{md}"
    );
}

#[test]
fn no_votes_on_a_deciding_decision_asks_and_o_follows_the_officers() {
    let mut room = at_question();
    at_risk(&mut room);
    room.keys(&["r", "Enter"]);
    let shown = room.text(80, 24);
    assert!(shown.contains("No votes were entered."), "{shown}");
    assert!(shown.contains("what the officers did (A)"), "{shown}");
    room.keys(&["o"]);
    assert_eq!(room.room().asked().unwrap().step, "referrals");
    let risk = room.room().tallies.iter().find(|t| t.step == "risk").unwrap();
    let settled = risk.settled.as_ref().unwrap();
    assert_eq!(
        (settled.why, settled.by),
        (SettledWhy::NoVotes, SettledBy::InstructorOfficers)
    );
}

#[test]
fn a_tie_that_decides_nothing_is_recorded_as_a_tie_without_asking() {
    let mut room = at_question();
    room.keys(&["a", "b", "Tab", "r", "Enter"]);
    assert_eq!(
        room.room().asked().unwrap().step,
        "risk",
        "evidence leads on either way"
    );
    let evidence = room.room().tallies.iter().find(|t| t.step == "evidence").unwrap();
    let settled = evidence.settled.as_ref().unwrap();
    assert_eq!((settled.why, settled.by), (SettledWhy::Tie, SettledBy::Policy));
}

#[test]
fn the_officers_policy_follows_the_officers_without_asking() {
    let mut room = at_question();
    room.screen.room.path = PathPolicy::Officers;
    at_risk(&mut room);
    room.keys(&["c", "c", "Tab", "r", "Enter"]);
    assert_eq!(room.room().modal, Modal::None);
    assert_eq!(
        room.room().asked().unwrap().step,
        "referrals",
        "the officers graded standard: the room's high does not lead to the MARAC"
    );
    let answer = room
        .room()
        .state()
        .answers
        .iter()
        .find(|a| a.step == "risk")
        .unwrap();
    assert_eq!(answer.response, Response::Graded("standard".into()));
    let risk = room.room().tallies.iter().find(|t| t.step == "risk").unwrap();
    assert_eq!(risk.votes[2].1, 2, "the room's votes are kept");
    assert_eq!(risk.settled.as_ref().unwrap().why, SettledWhy::Officers);
}

#[test]
fn the_ask_policy_asks_even_on_a_clear_vote_and_enter_takes_the_rooms_answer() {
    let mut room = at_question();
    room.screen.room.path = PathPolicy::Ask;
    room.keys(&["a", "a", "b", "Tab", "r", "Enter"]);
    assert_eq!(
        room.room().asked().unwrap().step,
        "risk",
        "evidence decides nothing: not asked"
    );
    room.keys(&["c", "c", "b", "Tab", "r", "Enter"]);
    let shown = room.text(80, 24);
    assert!(shown.contains("The room chose C."), "{shown}");
    room.keys(&["Enter"]);
    assert_eq!(room.room().asked().unwrap().step, "marac");
    let risk = room.room().tallies.iter().find(|t| t.step == "risk").unwrap();
    let settled = risk.settled.as_ref().unwrap();
    assert_eq!(
        (settled.why, settled.by),
        (SettledWhy::Asked, SettledBy::Instructor)
    );
}

#[test]
fn back_past_a_reveal_corrects_the_tally_and_the_record_follows() {
    let dir = tempfile::tempdir().unwrap();
    let mut room = saved_room(dir.path(), PathPolicy::Majority);
    room.keys(&["a", "a", "b", "Tab", "r", "Enter"]);
    assert_eq!(room.room().asked().unwrap().step, "risk");
    assert_eq!(record(dir.path()).session.answers.len(), 1);
    room.keys(&["Left"]);
    assert_eq!(
        room.room().stage,
        Stage::Reveal,
        "back from the next question: the reveal"
    );
    assert_eq!(room.room().asked().unwrap().step, "evidence");
    let saved = record(dir.path());
    assert!(
        saved.session.answers.is_empty(),
        "the room's answer is taken back on disk"
    );
    room.keys(&["p"]);
    assert_eq!(
        room.room().stage,
        Stage::Story,
        "then the question, its tally open"
    );
    assert_eq!(counts(&room), vec![2, 1, 0]);
    room.keys(&["A", "A", "c", "c", "c", "Tab", "r", "Enter"]);
    let saved = record(dir.path());
    let evidence = saved.tallies.iter().find(|t| t.step == "evidence").unwrap();
    let shown = room.room();
    assert_eq!(shown.asked().unwrap().step, "risk");
    let secure = evidence.votes.iter().find(|(id, _)| id == "secure").unwrap();
    assert_eq!(secure.1, 3, "the corrected tally is saved");
    assert_eq!(
        saved.session.answers[0].response,
        Response::Chose("secure".into()),
        "the answer is replaced"
    );
    assert_eq!(saved.session.answers.len(), 1);
}

#[test]
fn back_from_the_outcome_reaches_the_last_reveal_and_undoes_the_finish() {
    let mut room = at_question();
    room.keys(&[
        "a", "Tab", "r", "Enter", "a", "Tab", "r", "Enter", "a", "Tab", "r", "Enter",
    ]);
    assert_eq!(room.room().stage, Stage::Outcome);
    assert_eq!(room.room().state().phase, Phase::Finished);
    room.keys(&["Left"]);
    assert_eq!(room.room().stage, Stage::Reveal);
    assert_eq!(room.room().asked().unwrap().step, "referrals");
    room.keys(&["Left", "Left"]);
    assert_eq!(room.room().stage, Stage::Reveal);
    assert_eq!(room.room().asked().unwrap().step, "risk");
    assert_eq!(
        room.room().state().answers.len(),
        1,
        "only the evidence answer stands"
    );
    room.keys(&["Enter"]);
    assert_eq!(
        room.room().asked().unwrap().step,
        "referrals",
        "forward again, the checklist's counts come back"
    );
    assert_eq!(counts(&room), vec![1, 0, 0]);
}

/// Loads the latest record and resumes the classroom from it, as `--resume` does.
fn resumed(dir: &std::path::Path) -> Classroom {
    let saved = record(dir);
    let plan = plan();
    let case = saved.room.as_ref().unwrap().case;
    assert_eq!(plan[case].id, saved.scenario_id);
    Classroom::resume(
        plan,
        case,
        saved.session.clone(),
        saved.tallies.clone(),
        saved.room.as_ref(),
    )
    .unwrap()
}

#[test]
fn resume_returns_to_the_reveal_with_the_timer() {
    let dir = tempfile::tempdir().unwrap();
    let mut room = saved_room(dir.path(), PathPolicy::Majority);
    room.keys(&["t"]);
    room.wait(Duration::from_secs(75));
    room.keys(&["a", "a", "Tab", "r"]);
    let back = resumed(dir.path());
    assert_eq!(back.stage, Stage::Reveal);
    assert!(back.show_votes);
    assert_eq!(
        back.votes.iter().map(|(_, n)| *n).collect::<Vec<_>>(),
        vec![2, 0, 0]
    );
    assert_eq!(back.timer.banked.as_secs(), 75, "the timer comes back, paused");
}

#[test]
fn resume_returns_to_the_second_discussion_question() {
    let dir = tempfile::tempdir().unwrap();
    let mut room = saved_room(dir.path(), PathPolicy::Majority);
    room.keys(&["#", "12", "Enter"]);
    room.keys(&[
        "a", "Tab", "r", "Enter", "a", "Tab", "r", "Enter", "a", "Tab", "r", "Enter",
    ]);
    room.keys(&["Enter", "Enter", "Enter", "Enter"]);
    assert_eq!((room.room().stage, room.room().question), (Stage::Discussion, 1));
    let back = resumed(dir.path());
    assert_eq!((back.stage, back.question), (Stage::Discussion, 1));
    assert_eq!(back.room_size, Some(12));
    assert_eq!(back.case, 0, "the same case, not the next one");
}

#[test]
fn resume_returns_to_the_last_cases_outcome_and_the_end_is_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let mut room = saved_room(dir.path(), PathPolicy::Majority);
    room.keys(&[
        "a", "Tab", "r", "Enter", "a", "Tab", "r", "Enter", "a", "Tab", "r", "Enter",
    ]);
    // through the outcome and the three questions to the second case
    room.keys(&["Enter", "Enter", "Enter", "Enter", "Enter", "Enter"]);
    assert_eq!((room.room().case, room.room().stage), (1, Stage::Title));
    let saved = record(dir.path());
    assert_eq!(
        saved.scenario_id, "synthetic-branching-again",
        "the next case is kept from its title"
    );
    assert_eq!(saved.room.as_ref().unwrap().stage, RoomStage::Title);
    room.keys(&["Enter", "Enter", "Enter"]);
    room.keys(&[
        "a", "Tab", "r", "Enter", "a", "Tab", "r", "Enter", "a", "Tab", "r", "Enter", "Enter",
    ]);
    assert_eq!((room.room().stage, room.room().outcome_page), (Stage::Outcome, 1));
    let back = resumed(dir.path());
    assert_eq!((back.case, back.stage, back.outcome_page), (1, Stage::Outcome, 1));
    room.keys(&["Enter", "Enter", "Enter"]);
    assert_eq!(room.room().stage, Stage::End);
    assert_eq!(record(dir.path()).room.unwrap().stage, RoomStage::End);
}
