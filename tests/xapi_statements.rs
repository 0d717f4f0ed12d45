//! xAPI statements built from records, without an LRS: the shapes an LRS receives, ids
//! that stay the same when built again, a resave that queues nothing new, no password
//! anywhere on disk, `export --format xapi`, and nothing at all when no LRS is configured.
#![allow(clippy::unwrap_used)]

mod common;
#[path = "common/xapi_play.rs"]
mod xapi_play;

use std::fs;
use std::path::Path;

use lessons::xapi::{self, Builder, Outbox};
use serde_json::Value;

use common::{lessons_in, root, text};
use xapi_play::Play;

fn statements(play: &Play, salt: &str) -> Vec<Value> {
    let settings = xapi::Settings::default();
    Builder {
        settings: &settings,
        salt,
    }
    .statements(&play.record(), &play.scenario)
}

fn verbs(statements: &[Value]) -> Vec<&str> {
    statements
        .iter()
        .map(|s| s["verb"]["display"]["en-US"].as_str().unwrap())
        .collect()
}

#[test]
fn a_finished_run_is_initialized_answered_per_decision_completed_and_terminated() {
    let data = tempfile::tempdir().unwrap();
    let mut play = Play::start(data.path());
    play.first_decision();
    play.the_rest();
    let all = statements(&play, "salt");
    assert_eq!(
        verbs(&all),
        [
            "initialized",
            "answered",
            "answered",
            "answered",
            "completed",
            "terminated"
        ]
    );
    let registration = &all[0]["context"]["registration"];
    assert!(all.iter().all(|s| &s["context"]["registration"] == registration));
    let base = xapi::config::DEFAULT_BASE;
    let scenario = format!("{base}/scenarios/synthetic-branching");
    assert!(
        all.iter()
            .all(|s| s["context"]["contextActivities"]["parent"][0]["id"] == scenario)
    );
    assert_eq!(
        all[0]["context"]["contextActivities"]["grouping"][0]["id"],
        format!("{base}/cases/TEST%2F0001"),
        "the source case, by its reference"
    );

    let first = &all[1];
    assert_eq!(first["object"]["id"], format!("{scenario}/decisions/evidence"));
    let definition = &first["object"]["definition"];
    assert_eq!(
        definition["type"],
        "http://adlnet.gov/expapi/activities/cmi.interaction"
    );
    assert_eq!(definition["interactionType"], "choice");
    assert_eq!(definition["choices"].as_array().unwrap().len(), 3);
    assert_eq!(
        definition["correctResponsesPattern"],
        serde_json::json!(["secure"])
    );
    let result = &first["result"];
    assert_eq!(result["response"], "secure");
    assert_eq!(result["success"], true);
    assert_eq!(result["duration"], "PT12.5S");
    let ext = |name: &str| result["extensions"][format!("{base}/extensions/{name}")].clone();
    assert_eq!(ext("verdict"), "in_line");
    assert_eq!(ext("basis")["basis"], "Finding");
    assert_eq!(ext("officers-choice")["options"], serde_json::json!(["watch"]));
    assert_eq!(ext("officers-choice")["same"], false);
    assert_eq!(ext("ndm-stage"), "GatherInformation");
    assert_eq!(ext("rationale"), "It proves the breach");
    assert_eq!(ext("confidence"), 4);
    assert_eq!(ext("time-taken"), 12.5);

    let scale = &all[2];
    assert_eq!(scale["object"]["definition"]["interactionType"], "likert");
    let grades: Vec<&str> = scale["object"]["definition"]["scale"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(grades, ["standard", "medium", "high"], "lowest grade first");
    assert_eq!(scale["result"]["success"], false, "medium is only partly in line");

    let ticks = &all[3];
    assert_eq!(ticks["object"]["definition"]["interactionType"], "choice");
    assert_eq!(
        ticks["object"]["definition"]["correctResponsesPattern"],
        serde_json::json!(["record[,]check"]),
        "every expected action ticked, as one pattern"
    );
    assert_eq!(ticks["result"]["response"], "record[,]close");

    let completed = &all[4]["result"];
    assert_eq!(completed["completion"], true);
    // 2 (in line) + 1 (a grade one low) + 1 (one expected action of two, and one Poor) of 6
    assert_eq!(
        ticks["result"]["extensions"][format!("{base}/extensions/verdict")],
        "partly"
    );
    assert_eq!(completed["score"]["raw"], 4);
    assert_eq!(completed["score"]["max"], 6);
    assert!((completed["score"]["scaled"].as_f64().unwrap() - 4.0 / 6.0).abs() < 1e-9);
    assert_eq!(completed["success"], false, "below the default mastery of 0.8");
}

#[test]
fn ids_are_the_same_when_built_again_and_differ_between_runs() {
    let data = tempfile::tempdir().unwrap();
    let mut a = Play::start(data.path());
    a.first_decision();
    let ids = |s: &[Value]| s.iter().map(|s| s["id"].clone()).collect::<Vec<_>>();
    let first = ids(&statements(&a, "salt"));
    assert_eq!(first, ids(&statements(&a, "salt")));
    let mut b = Play::start(data.path());
    b.first_decision();
    let other = ids(&statements(&b, "salt"));
    assert!(first.iter().all(|id| !other.contains(id)), "{first:?} {other:?}");
}

#[test]
fn the_actor_is_a_pseudonym_that_never_holds_the_name() {
    let data = tempfile::tempdir().unwrap();
    let mut play = Play::start(data.path());
    play.first_decision();
    let with_salt = statements(&play, "one salt");
    let actor = &with_salt[0]["actor"];
    assert!(actor["account"]["name"].as_str().unwrap().len() == 32);
    assert!(!serde_json::to_string(&with_salt).unwrap().contains("PC Test"));
    let other_install = statements(&play, "another salt");
    assert_ne!(&other_install[0]["actor"], actor, "the salt is per install");
}

#[test]
fn an_answer_waiting_for_its_rationale_is_not_yet_a_statement() {
    let data = tempfile::tempdir().unwrap();
    let mut play = Play::start(data.path());
    play.input(lessons::engine::Input::Choose("secure".into()));
    assert_eq!(verbs(&statements(&play, "s")), ["initialized"]);
    play.input(lessons::engine::Input::Rationale("because".into()));
    play.input(lessons::engine::Input::Confidence(Some(3)));
    assert_eq!(verbs(&statements(&play, "s")), ["initialized", "answered"]);
}

fn all_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).unwrap().filter_map(Result::ok) {
        let path = entry.path();
        if path.is_dir() {
            out.extend(all_files(&path));
        } else {
            out.push(path);
        }
    }
    out
}

#[test]
fn each_statement_is_queued_once_and_a_resave_queues_nothing_new() {
    let data = tempfile::tempdir().unwrap();
    let mut play = Play::start(data.path());
    play.first_decision();
    play.the_rest();
    let outbox = Outbox::of(data.path());
    assert_eq!(outbox.pending_count(), 6);
    // sent and removed, then the record saved again: the ledger keeps it from coming back
    for file in outbox.pending() {
        outbox.delivered(&file);
    }
    let record = play.record();
    play.recorder
        .save(&play.scenario, &record.session, &record.timings)
        .unwrap();
    let mut fresh = lessons::xapi::Forwarder::queue_only(data.path(), xapi::Settings::default());
    fresh.record_saved(&record, &play.scenario);
    assert_eq!(outbox.pending_count(), 0);
}

/// Runs the binary with the LRS settings in `env` and no config file.
fn lessons_with(data: &Path, args: &[&str], input: &str, env: &[(&str, &str)]) -> std::process::Output {
    let config = data.join("no-such-lrs.ron");
    let mut all = vec![
        ("LESSONS_HOME", data.to_str().unwrap()),
        ("LESSONS_LRS_CONFIG", config.to_str().unwrap()),
    ];
    all.extend_from_slice(env);
    lessons_in(&root(), args, input, &all)
}

const PLAIN_RUN: [&str; 7] = [
    "play",
    "tests/fixtures/valid/synthetic-branching.ron",
    "--plain",
    "--seed",
    "1",
    "--name",
    "PC Test",
];
const ANSWERS: &str = "1\nsecuring it proves the breach\n3\n2\n";

#[test]
fn with_no_endpoint_nothing_is_queued_and_the_folder_holds_only_the_record() {
    let data = tempfile::tempdir().unwrap();
    let out = lessons_with(data.path(), &PLAIN_RUN, ANSWERS, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(!text(&out.stdout).contains("LRS"));
    let files = all_files(data.path());
    assert_eq!(files.len(), 1, "{files:?}");
    let sync = lessons_with(data.path(), &["sync"], "", &[]);
    assert_eq!(sync.status.code(), Some(2));
    assert!(text(&sync.stderr).contains("no Learning Record Store is configured"));
}

#[test]
fn the_password_is_never_written_to_the_records_or_the_outbox() {
    let data = tempfile::tempdir().unwrap();
    let secret = "hunter2-not-on-disk";
    let env = [
        // a port nothing listens on: everything stays in the outbox
        ("LESSONS_LRS_ENDPOINT", "http://127.0.0.1:9/xAPI/"),
        ("LESSONS_LRS_USERNAME", "someone"),
        ("LESSONS_LRS_PASSWORD", secret),
    ];
    let out = lessons_with(data.path(), &PLAIN_RUN, ANSWERS, &env);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let outbox = Outbox::of(data.path());
    assert_eq!(outbox.pending_count(), 6, "a finished run of three decisions");
    for file in all_files(data.path()) {
        let bytes = fs::read(&file).unwrap();
        assert!(
            !String::from_utf8_lossy(&bytes).contains(secret),
            "{}",
            file.display()
        );
    }
    assert!(!text(&out.stderr).contains(secret));
}

#[test]
fn export_format_xapi_writes_the_statements_without_any_configuration() {
    let data = tempfile::tempdir().unwrap();
    let out = lessons_with(data.path(), &PLAIN_RUN, ANSWERS, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let out = lessons_with(data.path(), &["export", "latest", "--format", "xapi"], "", &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let all: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        verbs(&all),
        [
            "initialized",
            "answered",
            "answered",
            "answered",
            "completed",
            "terminated"
        ]
    );
    assert!(
        all[1]["object"]["id"]
            .as_str()
            .unwrap()
            .starts_with(xapi::config::DEFAULT_BASE)
    );
    let again = lessons_with(data.path(), &["export", "latest", "--format", "xapi"], "", &[]);
    assert_eq!(
        out.stdout, again.stdout,
        "the same statements, ids and pseudonym included"
    );
}

/// A classroom record: the room's answers, with the votes beside each.
fn classroom_record(play: &Play) -> lessons::record::Record {
    let mut record = play.record();
    record.kind = lessons::record::RecordKind::Group;
    record.trainee = None;
    record.label = Some("Syndicate A".into());
    record.tallies = vec![lessons::record::Votes {
        step: "evidence".into(),
        votes: vec![("secure".into(), 7), ("watch".into(), 3), ("note".into(), 2)],
        revealed: true,
        respondents: None,
        settled: None,
    }];
    record
}

#[test]
fn a_classroom_session_answers_as_a_group_with_its_votes_and_the_session_as_context() {
    let data = tempfile::tempdir().unwrap();
    let mut play = Play::start(data.path());
    play.first_decision();
    play.the_rest();
    let record = classroom_record(&play);
    let settings = xapi::Settings::default();
    let all = Builder {
        settings: &settings,
        salt: "s",
    }
    .statements(&record, &play.scenario);
    let base = xapi::config::DEFAULT_BASE;
    assert!(all.iter().all(|s| s["actor"]["objectType"] == "Group"));
    let grouping = &all[0]["context"]["contextActivities"]["grouping"];
    assert_eq!(grouping[1]["id"], format!("{base}/classroom/{}", record.id));
    assert_eq!(
        all[0]["context"]["extensions"][format!("{base}/extensions/label")],
        "Syndicate A"
    );
    assert_eq!(
        all[0]["context"]["extensions"][format!("{base}/extensions/mode")],
        "classroom"
    );
    let votes = &all[1]["result"]["extensions"][format!("{base}/extensions/votes")];
    assert_eq!(votes["counts"]["secure"], 7);
    assert_eq!(votes["counts"]["watch"], 3);
    assert_eq!(votes["revealed"], true);
}

#[test]
fn the_settings_file_is_read_and_a_mistake_in_it_is_named() {
    let data = tempfile::tempdir().unwrap();
    let config = data.path().join("lrs.ron");
    let home = data.path().to_str().unwrap();
    let run = |env: &[(&str, &str)]| {
        let mut all = vec![
            ("LESSONS_HOME", home),
            ("LESSONS_LRS_CONFIG", config.to_str().unwrap()),
        ];
        all.extend_from_slice(env);
        lessons_in(&root(), &["sync"], "", &all)
    };
    fs::write(&config, "(endpont: \"http://127.0.0.1:9/xAPI/\")").unwrap();
    let out = run(&[]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("are not valid"), "{stderr}");
    assert!(stderr.contains("lrs.ron"), "names the file: {stderr}");

    let password = data.path().join("password");
    fs::write(&password, "from-a-file\n").unwrap();
    fs::write(
        &config,
        format!(
            "(endpoint: \"http://127.0.0.1:9/xAPI/\", username: \"u\", password_file: {:?}, base_iri: \"https://force.example/lessons/\", actor: Mbox(\"trainer@force.example\"))",
            password.to_str().unwrap()
        ),
    )
    .unwrap();
    let out = run(&[]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "an empty outbox: {}",
        text(&out.stderr)
    );
    assert_eq!(text(&out.stdout), "sent 0, pending 0, failed 0\n");

    // the file's base IRI and actor shape what export writes
    let played = lessons_with(data.path(), &PLAIN_RUN, ANSWERS, &[("LESSONS_LRS_ENDPOINT", "")]);
    assert_eq!(played.status.code(), Some(0), "{}", text(&played.stderr));
    let out = lessons_in(
        &root(),
        &["export", "latest", "--format", "xapi"],
        "",
        &[
            ("LESSONS_HOME", home),
            ("LESSONS_LRS_CONFIG", config.to_str().unwrap()),
        ],
    );
    let all: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(all[0]["actor"]["mbox"], "mailto:trainer@force.example");
    assert!(
        all[0]["object"]["id"]
            .as_str()
            .unwrap()
            .starts_with("https://force.example/lessons/scenarios/")
    );

    let out = run(&[("LESSONS_LRS_PASSWORD_FILE", "/no/such/file")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("LESSONS_LRS_PASSWORD_FILE"));
}
