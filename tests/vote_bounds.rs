//! Classroom vote counts are bounded, and nothing counts them one vote at a time.
#![allow(clippy::unwrap_used)]

mod common;
#[path = "common/guarded.rs"]
mod guarded;

use lessons::record::{Recorder, Store};
use lessons::tui::classroom::{Classroom, MAX_VOTES};

use common::classroom::Driver;
use common::fixture_scenario;

fn keys(room: &mut Driver<Recorder>, keys: &[&str]) {
    room.keys(keys);
}

fn first_question(store: Option<Store>) -> Driver<Recorder> {
    let mut room = Driver::new(
        Classroom::new(vec![fixture_scenario()], 3),
        Recorder::new(store, None),
    );
    keys(&mut room, &["Enter", "Enter", "Enter", "Tab"]);
    room
}

#[test]
fn a_typed_count_over_the_bound_is_refused_with_a_message() {
    let mut room = first_question(None);
    keys(&mut room, &["=", "a4000000000", "Enter"]);
    assert_eq!(room.room().votes[0].1, 0, "the count is not taken");
    let message = room.room().message.clone().unwrap_or_default();
    assert!(message.contains("9999"), "{message}");
    keys(&mut room, &["=", "a9999", "Enter"]);
    assert_eq!(room.room().votes[0].1, MAX_VOTES);
    keys(&mut room, &["a"]);
    assert_eq!(
        room.room().votes[0].1,
        MAX_VOTES,
        "one more vote stops at the bound"
    );
    assert!(room.room().message.clone().unwrap_or_default().contains("9999"));
}

#[test]
fn a_report_over_a_record_with_billions_of_votes_counts_them_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let herts = lessons::scenario::Library::builtin()
        .find("herts-2021-nmo-breach")
        .unwrap()
        .clone();
    let store = Store::open(dir.path()).unwrap();
    let mut room = Driver::new(Classroom::new(vec![herts], 2), Recorder::new(Some(store), None));
    keys(
        &mut room,
        &["Enter", "Enter", "Tab", "=", "a7", "Enter", "Tab", "r"],
    );
    drop(room);
    let record = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "json"))
        .unwrap();
    // a record edited by hand, or written by a build without the bound
    let mut json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&record).unwrap()).unwrap();
    for tally in json["tallies"].as_array_mut().unwrap() {
        for vote in tally["votes"].as_array_mut().unwrap() {
            if vote[1].as_u64().unwrap() > 0 {
                vote[1] = 4_000_000_000u64.into();
            }
        }
    }
    std::fs::write(&record, serde_json::to_string(&json).unwrap()).unwrap();
    let name = record.file_name().unwrap().to_str().unwrap();
    let run = guarded::guarded(dir.path(), &["report", name]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(run.stdout.contains("answered: 4000000000"), "{}", run.stdout);
    for format in ["md", "csv", "json"] {
        let run = guarded::guarded(dir.path(), &["report", name, "--format", format]);
        assert_eq!(run.code, Some(0), "{format}: {}", run.stderr);
        assert!(run.stdout.contains("4000000000"), "{format}: {}", run.stdout);
    }
}
