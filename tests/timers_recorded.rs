//! The timer setting is part of the run: recorded (plain runs as untimed), loaded as
//! "standard" from records made before it existed, shown in every export, and kept on
//! resume. Synthetic fixture (not a real case).
#![allow(clippy::unwrap_used)]

mod common;

use std::fs;
use std::path::Path;

use jiff::tz::TimeZone;
use lessons::analysis::export;
use lessons::engine::{Mode, Session, Settings, Timers};
use lessons::record::{Record, RecordKind, Stamp, read_record};

use common::{fixture_scenario, lessons_in, root, text};

const FIXTURE: &str = "tests/fixtures/valid/synthetic-branching.ron";

fn record_file(dir: &Path) -> std::path::PathBuf {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "json"))
        .unwrap()
}

fn record_with(timers: Timers) -> Record {
    let scenario = fixture_scenario();
    let settings = Settings {
        timers,
        ..Settings::new(Mode::Assessment, 1)
    };
    let state = Session::new(scenario.clone(), settings).into_state();
    Record::new(RecordKind::Run, &scenario, state, None, Stamp::from_unix(0)).unwrap()
}

#[test]
fn every_export_says_how_the_run_was_timed() {
    let scenario = fixture_scenario();
    for (timers, line, value) in [
        (Timers::Standard, "standard time limits", "standard"),
        (Timers::Extra(25), "extra time (+25%)", "extra+25%"),
        (Timers::Off, "no timers", "off"),
        (Timers::Untimed, "untimed (plain mode)", "untimed"),
    ] {
        let mut record = record_with(timers);
        record.session.answers.push(lessons::engine::Answer {
            step: "evidence".into(),
            response: lessons::engine::Response::Chose("secure".into()),
            rationale: None,
            confidence: None,
        });
        let md = export::markdown(&record, &scenario, &TimeZone::UTC);
        assert!(md.contains(&format!("- **Timers:** {line}\n")), "{md}");
        let csv = export::csv(&record, &scenario, &TimeZone::UTC).unwrap();
        let mut rows = csv.lines();
        let header: Vec<&str> = rows.next().unwrap().split(',').collect();
        let column = header.iter().position(|h| *h == "timers").unwrap();
        let row: Vec<&str> = rows.next().unwrap().split(',').collect();
        assert_eq!(row[column], value, "{csv}");
        let json: serde_json::Value =
            serde_json::from_str(&export::json(&record, &scenario, &TimeZone::UTC).unwrap()).unwrap();
        assert_eq!(json["timers"], value);
    }
}

#[test]
fn a_record_from_before_timers_loads_as_standard_with_no_time_left() {
    let dir = tempfile::tempdir().unwrap();
    let record = record_with(Timers::Extra(50));
    let mut value = serde_json::to_value(&record).unwrap();
    value["session"]["settings"]
        .as_object_mut()
        .unwrap()
        .remove("timers");
    assert!(value.get("time_left").is_none(), "not written when there is none");
    let path = dir.path().join(format!("{}.json", record.id));
    fs::write(&path, serde_json::to_string(&value).unwrap()).unwrap();
    let read = read_record(&path).unwrap();
    assert_eq!(read.session.settings.timers, Timers::Standard);
    assert_eq!(read.time_left, None);
}

#[test]
fn a_plain_run_is_recorded_as_untimed_and_resume_keeps_the_setting_it_began_with() {
    let data = tempfile::tempdir().unwrap();
    let home = data.path().to_str().unwrap();
    let env = [("LESSONS_HOME", home)];
    // extra time asked for, but plain play has no clock: recorded as untimed
    let args = ["play", FIXTURE, "--plain", "--seed", "1", "--extra-time", "50"];
    let out = lessons_in(&root(), &args, "1\nit proves the breach\nquit\n", &env);
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("Timing: plain play is not timed. In the full-screen player, 1 of the case's 4"),
        "{stdout}"
    );
    assert!(stdout.contains("Decision 1 of 3."), "{stdout}");
    let record = read_record(&record_file(data.path())).unwrap();
    assert_eq!(record.session.settings.timers, Timers::Untimed);

    let out = lessons_in(&root(), &["resume", "--plain", "--no-timers"], "quit\n", &env);
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("a resumed run keeps the timer setting it began with (untimed (plain mode))"),
        "{stderr}"
    );
    let out = lessons_in(&root(), &["export", record.id.as_str()], "", &env);
    assert!(
        text(&out.stdout).contains("- **Timers:** untimed (plain mode)"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn extra_time_and_no_timers_are_refused_together_and_out_of_range() {
    let both = lessons_in(
        &root(),
        &["play", FIXTURE, "--plain", "--no-timers", "--extra-time", "50"],
        "",
        &[],
    );
    assert_eq!(both.status.code(), Some(2), "{}", text(&both.stderr));
    let huge = lessons_in(
        &root(),
        &["play", FIXTURE, "--plain", "--extra-time", "5000"],
        "",
        &[],
    );
    assert_eq!(huge.status.code(), Some(2), "{}", text(&huge.stderr));
}
