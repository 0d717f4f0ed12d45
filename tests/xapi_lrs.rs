//! Against a real LRS (ralph): runs played by script and through the real binary reach
//! it decision by decision; an LRS down mid-run loses nothing and gets each statement
//! exactly once when it is back; a wrong password is named and leaves the outbox alone.
//! Skips with a message where `.ci/run`'s Python environment is missing.
#![allow(clippy::unwrap_used)]

mod common;
#[path = "common/lrs.rs"]
mod lrs;
#[path = "common/pty.rs"]
mod pty;
#[path = "common/terminal.rs"]
mod terminal;
#[path = "common/xapi_play.rs"]
mod xapi_play;

use std::path::Path;

use lessons::xapi::{Lrs as Target, Outbox, Sender, Stop};
use serde_json::Value;

use common::{lessons_in, root, text};
use lrs::{Lrs, PASSWORD, USER};
use terminal::{ENTER, Terminal};
use xapi_play::Play;

fn target(lrs: &Lrs, password: &str) -> Target {
    Target::new(&lrs.endpoint(), Some(USER.into()), Some(password.into()))
}

fn verbs(statements: &[Value]) -> Vec<String> {
    let mut v: Vec<String> = statements
        .iter()
        .map(|s| s["verb"]["display"]["en-US"].as_str().unwrap().to_string())
        .collect();
    v.sort();
    v
}

fn sorted(mut v: Vec<&str>) -> Vec<String> {
    v.sort();
    v.into_iter().map(String::from).collect()
}

fn a_finished_run() -> Vec<String> {
    sorted(vec![
        "initialized",
        "answered",
        "answered",
        "answered",
        "completed",
        "terminated",
    ])
}

#[test]
fn a_scripted_run_reaches_the_lrs_and_a_second_send_adds_nothing() {
    let Some(lrs) = Lrs::start() else { return };
    let data = tempfile::tempdir().unwrap();
    let mut play = Play::start(data.path());
    play.first_decision();
    play.the_rest();
    let outbox = Outbox::of(data.path());
    let sender = Sender::new(target(&lrs, PASSWORD));
    let flushed = sender.flush(&outbox);
    assert_eq!(
        (flushed.sent, flushed.failed, &flushed.stop),
        (6, 0, &Stop::Empty)
    );
    assert_eq!(outbox.pending_count(), 0);
    let stored = lrs.statements();
    assert_eq!(verbs(&stored), a_finished_run());

    let answered: Vec<&Value> = stored
        .iter()
        .filter(|s| s["verb"]["id"] == "http://adlnet.gov/expapi/verbs/answered")
        .collect();
    let evidence = answered
        .iter()
        .find(|s| {
            s["object"]["id"]
                .as_str()
                .unwrap()
                .ends_with("/decisions/evidence")
        })
        .unwrap();
    assert_eq!(evidence["result"]["response"], "secure");
    assert_eq!(evidence["result"]["success"], true);
    assert_eq!(evidence["object"]["definition"]["interactionType"], "choice");
    eprintln!(
        "a statement as the LRS returned it:\n{}",
        serde_json::to_string_pretty(evidence).unwrap()
    );

    // everything queued again (as if the ledger were lost) and sent: the LRS keeps one copy
    let record = play.record();
    let settings = lessons::xapi::Settings::default();
    let salt = outbox.salt();
    let again = lessons::xapi::Builder {
        settings: &settings,
        salt: &salt,
    }
    .statements(&record, &play.scenario);
    outbox.enqueue("another-ledger", &again).unwrap();
    let flushed = sender.flush(&outbox);
    assert_eq!(flushed.stop, Stop::Empty);
    assert_eq!(lrs.statements().len(), 6, "resent statements are kept once");

    // a classroom session's statements (a group, with votes) pass ralph's validation too
    let mut room = record.clone();
    room.id = format!("{}-room", record.id);
    room.kind = lessons::record::RecordKind::Group;
    room.label = Some("Syndicate A".into());
    room.tallies = vec![lessons::record::Votes {
        step: "evidence".into(),
        votes: vec![("secure".into(), 7), ("watch".into(), 3), ("note".into(), 2)],
        revealed: true,
        respondents: Some(12),
        settled: None,
    }];
    let group = lessons::xapi::Builder {
        settings: &settings,
        salt: &salt,
    }
    .statements(&room, &play.scenario);
    outbox.enqueue(&room.id, &group).unwrap();
    let flushed = sender.flush(&outbox);
    assert_eq!(
        (flushed.sent, flushed.failed, &flushed.stop),
        (6, 0, &Stop::Empty)
    );
    assert_eq!(lrs.statements().len(), 12);
}

#[test]
fn an_lrs_down_mid_run_loses_nothing_and_gets_each_statement_once_when_back() {
    let Some(mut lrs) = Lrs::start() else { return };
    let data = tempfile::tempdir().unwrap();
    let outbox = Outbox::of(data.path());
    let sender = Sender::new(target(&lrs, PASSWORD));
    let mut play = Play::start(data.path());
    play.first_decision();
    assert_eq!(sender.flush(&outbox).sent, 2, "initialized and the first answer");
    lrs.stop();
    play.the_rest();
    let flushed = sender.flush(&outbox);
    assert!(matches!(flushed.stop, Stop::Retry(_)), "{flushed:?}");
    assert_eq!(outbox.pending_count(), 4, "the outbox holds the rest");
    lrs.restart();
    let flushed = sender.flush(&outbox);
    assert_eq!((flushed.sent, &flushed.stop), (4, &Stop::Empty));
    assert_eq!(verbs(&lrs.statements()), a_finished_run());
    let flushed = sender.flush(&outbox);
    assert_eq!(flushed.sent, 0);
    assert_eq!(lrs.statements().len(), 6, "exactly once");
}

fn lessons_with(data: &Path, lrs: &Lrs, password: &str, args: &[&str], input: &str) -> std::process::Output {
    let config = data.join("no-such-lrs.ron");
    let endpoint = lrs.endpoint();
    lessons_in(
        &root(),
        args,
        input,
        &[
            ("LESSONS_HOME", data.to_str().unwrap()),
            ("LESSONS_LRS_CONFIG", config.to_str().unwrap()),
            ("LESSONS_LRS_ENDPOINT", &endpoint),
            ("LESSONS_LRS_USERNAME", USER),
            ("LESSONS_LRS_PASSWORD", password),
        ],
    )
}

#[test]
fn a_wrong_password_is_named_and_the_outbox_is_left_intact() {
    let Some(lrs) = Lrs::start() else { return };
    let data = tempfile::tempdir().unwrap();
    let run = [
        "play",
        "tests/fixtures/valid/synthetic-branching.ron",
        "--plain",
        "--seed",
        "1",
    ];
    let out = lessons_with(data.path(), &lrs, "wrong", &run, "1\nbecause\n3\n2\n");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let outbox = Outbox::of(data.path());
    assert_eq!(outbox.pending_count(), 6);
    let sync = lessons_with(data.path(), &lrs, "wrong", &["sync"], "");
    assert_eq!(sync.status.code(), Some(1));
    assert_eq!(text(&sync.stdout), "sent 0, pending 6, failed 0\n");
    let stderr = text(&sync.stderr);
    assert!(stderr.contains("refused the credentials (401)"), "{stderr}");
    assert!(
        stderr.contains("LESSONS_LRS_PASSWORD"),
        "names the setting: {stderr}"
    );
    assert!(!stderr.contains("wrong"), "never echoes the password: {stderr}");
    assert_eq!(outbox.pending_count(), 6, "nothing removed");
    assert!(lrs.statements().is_empty());

    let sync = lessons_with(data.path(), &lrs, PASSWORD, &["sync"], "");
    assert_eq!(sync.status.code(), Some(0), "{}", text(&sync.stderr));
    assert_eq!(text(&sync.stdout), "sent 6, pending 0, failed 0\n");
    assert_eq!(verbs(&lrs.statements()), a_finished_run());
}

#[test]
fn a_run_in_the_full_screen_player_while_the_lrs_is_down_arrives_after_sync() {
    let Some(mut lrs) = Lrs::start() else { return };
    lrs.stop();
    let data = tempfile::tempdir().unwrap();
    let config = data.path().join("no-such-lrs.ron");
    let endpoint = lrs.endpoint();
    let env = [
        ("LESSONS_LRS_CONFIG", config.to_str().unwrap()),
        ("LESSONS_LRS_ENDPOINT", endpoint.as_str()),
        ("LESSONS_LRS_USERNAME", USER),
        ("LESSONS_LRS_PASSWORD", PASSWORD),
    ];
    let mut t = Terminal::spawn_with(
        &[
            "play",
            "tests/fixtures/valid/synthetic-branching.ron",
            "--seed",
            "1",
        ],
        data.path(),
        &env,
    );
    t.expect("Content warning");
    t.keys(ENTER);
    t.expect("The person shows you a video");
    t.keys(ENTER);
    t.expect("What do you do with the video?");
    t.keys(ENTER);
    t.expect("Your rationale");
    t.keys("Because it proves the breach");
    t.keys(ENTER);
    t.expect("How your answer stands");
    t.expect("LRS: offline");
    t.keys(ENTER);
    t.expect("What risk level do you record?");
    t.keys("3");
    t.keys(ENTER);
    t.keys(ENTER);
    t.expect("Do you refer the case to a MARAC?");
    t.keys("2");
    t.keys(ENTER);
    t.keys(ENTER);
    t.expect("Debrief: Synthetic fixture");
    t.keys("q");
    assert!(t.wait().success());

    assert_eq!(Outbox::of(data.path()).pending_count(), 6);
    lrs.restart();
    let sync = lessons_with(data.path(), &lrs, PASSWORD, &["sync"], "");
    assert_eq!(sync.status.code(), Some(0), "{}", text(&sync.stderr));
    let stored = lrs.statements();
    assert_eq!(verbs(&stored), a_finished_run());
    let responses: Vec<&str> = stored
        .iter()
        .filter_map(|s| s["result"]["response"].as_str())
        .collect();
    assert_eq!(sorted(responses), sorted(vec!["secure", "high", "refer"]));
}
