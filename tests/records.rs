//! Run records through the real binary: written after every answer, resumed after the
//! input stops mid-run, corrupt files skipped and untouched, exports, and a cohort report
//! whose figures were worked out by hand.
#![allow(clippy::unwrap_used)]

mod common;

use std::fs;
use std::path::Path;

use common::{fixture_scenario, lessons_in, root, text};
use lessons::analysis::report;
use lessons::engine::{Answer, Mode, Response, Session, Settings};
use lessons::record::{Record, RecordKind, Stamp, Votes};

const FIXTURE: &str = "tests/fixtures/valid/synthetic-branching.ron";

fn play(data: &Path, args: &[&str], input: &str) -> std::process::Output {
    let home = data.to_str().unwrap();
    let mut all = vec!["play", FIXTURE, "--plain", "--seed", "1"];
    all.extend(args);
    lessons_in(&root(), &all, input, &[("LESSONS_HOME", home)])
}

fn records_in(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

#[test]
fn a_plain_run_leaves_a_finished_private_record() {
    let data = tempfile::tempdir().unwrap();
    let out = play(
        data.path(),
        &["--name", "PC Test"],
        "1\nit proves the breach\n3\n2\n",
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let files = records_in(data.path());
    assert_eq!(files.len(), 1);
    let record: Record = serde_json::from_slice(&fs::read(&files[0]).unwrap()).unwrap();
    assert!(record.is_finished());
    assert_eq!(record.trainee.as_deref(), Some("PC Test"));
    assert_eq!(record.session.answers.len(), 3);
    assert_eq!(
        record.session.answers[0].rationale.as_deref(),
        Some("it proves the breach")
    );
    assert_eq!(record.timings.len(), 3, "time taken is kept per answer");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            fs::metadata(&files[0]).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
}

#[test]
fn a_run_cut_off_mid_way_resumes_with_its_answers_and_rationale() {
    let data = tempfile::tempdir().unwrap();
    let home = data.path().to_str().unwrap();
    // input ends after the first answer and its rationale: like a closed laptop
    let out = play(data.path(), &[], "1\nmy first reason\n");
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("your answers so far are saved"));
    let files = records_in(data.path());
    let saved: Record = serde_json::from_slice(&fs::read(&files[0]).unwrap()).unwrap();
    assert!(!saved.is_finished());
    assert_eq!(
        saved.session.answers[0].rationale.as_deref(),
        Some("my first reason")
    );
    let out = lessons_in(
        &root(),
        &["resume", "--plain"],
        "3\n2\n",
        &[("LESSONS_HOME", home)],
    );
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{}{}", stdout, text(&out.stderr));
    assert!(stdout.contains("Resuming your run: 1 decision answered so far."));
    assert!(stdout.contains("Your rationale: my first reason"), "{stdout}");
    assert!(stdout.contains("3 of 3 judged decisions in line"), "{stdout}");
    assert_eq!(
        records_in(data.path()).len(),
        1,
        "the resumed run continues the same record"
    );
}

#[test]
fn corrupt_and_foreign_files_are_reported_skipped_and_left_untouched() {
    let data = tempfile::tempdir().unwrap();
    let home = data.path().to_str().unwrap();
    play(data.path(), &[], "1\n\n3\n2\n");
    let corrupt = data.path().join("broken.json");
    let foreign = data.path().join("other-app.json");
    let newer = data.path().join("future.json");
    fs::write(&corrupt, b"{\"lessons_record\": 1, \"kind\": ").unwrap();
    fs::write(&foreign, b"{\"name\": \"not ours\"}").unwrap();
    fs::write(&newer, b"{\"lessons_record\": 99}").unwrap();
    let before: Vec<Vec<u8>> = [&corrupt, &foreign, &newer]
        .iter()
        .map(|p| fs::read(p).unwrap())
        .collect();
    let out = lessons_in(&root(), &["report"], "", &[("LESSONS_HOME", home)]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("broken.json: is not valid JSON"), "{stderr}");
    assert!(
        stderr.contains("other-app.json: is not a lessons record"),
        "{stderr}"
    );
    assert!(
        stderr.contains("future.json: was written by a newer lessons"),
        "{stderr}"
    );
    assert!(text(&out.stdout).contains("COHORT REPORT: 1 run"));
    let after: Vec<Vec<u8>> = [&corrupt, &foreign, &newer]
        .iter()
        .map(|p| fs::read(p).unwrap())
        .collect();
    assert_eq!(before, after);
    // playing again never overwrites them either
    play(data.path(), &[], "1\n\n3\n2\n");
    assert_eq!(fs::read(&corrupt).unwrap(), before[0]);
}

#[test]
fn an_unusable_data_folder_warns_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let not_a_folder = dir.path().join("file");
    fs::write(&not_a_folder, b"x").unwrap();
    let out = play(&not_a_folder, &[], "1\n\n3\n2\n");
    assert!(
        text(&out.stderr).contains("warning: records folder"),
        "{}",
        text(&out.stderr)
    );
    assert!(text(&out.stdout).contains("DEBRIEF"), "the run goes on");
    // but it does not end as if all were well: the run was never saved
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("NOT saved"), "{}", text(&out.stderr));
}

#[test]
fn a_record_of_a_changed_scenario_is_not_replayed() {
    let data = tempfile::tempdir().unwrap();
    let home = data.path().to_str().unwrap();
    play(data.path(), &[], "1\n");
    let file = &records_in(data.path())[0];
    let mut record: Record = serde_json::from_slice(&fs::read(file).unwrap()).unwrap();
    record.scenario_hash = "0000000000000000".into();
    fs::write(file, serde_json::to_vec(&record).unwrap()).unwrap();
    let out = lessons_in(
        &root(),
        &["resume", "--plain"],
        "3\n2\n",
        &[("LESSONS_HOME", home)],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("has changed since this run was recorded"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn the_markdown_export_is_a_portfolio_debrief() {
    let data = tempfile::tempdir().unwrap();
    let home = data.path().to_str().unwrap();
    play(
        data.path(),
        &["--name", "PC Test"],
        "1\nit proves the breach\n3\n2\n",
    );
    let out = lessons_in(
        &root(),
        &["export", "latest", "--format", "md"],
        "",
        &[("LESSONS_HOME", home)],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let md = text(&out.stdout);
    assert!(md.starts_with("# Debrief: Synthetic fixture: a report at the front counter\n"));
    assert!(md.contains("- **Source:** Other, “Synthetic test fixture (not a real case)”"));
    assert!(md.contains("trainee: PC Test"));
    assert!(md.contains("### 1. What do you do with the video?"));
    assert!(md.contains("| **Your choice** | Secure a copy as evidence |"));
    assert!(md.contains("| **The officers** | Watch it and hand the phone back |"));
    assert!(md.contains("| **Your rationale** | it proves the breach |"));
    assert!(md.contains("| **The source** | “the evidence should have been obtained” |"));
    assert!(md.contains("## Reflection\n\nCould it happen here?\n\n- Fixture question: what would you do?"));
    let csv = lessons_in(
        &root(),
        &["export", "latest", "--format", "csv"],
        "",
        &[("LESSONS_HOME", home)],
    );
    let csv = text(&csv.stdout);
    assert_eq!(
        csv.lines().count(),
        4,
        "a header and one row per decision:\n{csv}"
    );
    assert!(csv.lines().nth(1).unwrap().contains("In line with the finding"));
    assert!(
        csv.starts_with("\u{feff}run,"),
        "a BOM so a spreadsheet reads UTF-8"
    );
}

#[test]
fn a_not_judged_decision_is_counted_in_the_report_but_never_scored_or_most_missed() {
    let mut scenario = fixture_scenario();
    for step in &mut scenario.steps {
        if let lessons::scenario::Step::Decision(d) = step
            && d.id == "risk"
        {
            d.basis = Some(lessons::scenario::Basis::NotJudged);
        }
    }
    let run = |name: &str, risk: &str| {
        let mut session = Session::new(scenario.clone(), Settings::new(Mode::Assessment, 1)).into_state();
        session.answers = vec![Answer {
            step: "risk".into(),
            response: Response::Graded(risk.into()),
            rationale: Some(format!("{name}'s reason")),
            confidence: None,
        }];
        let mut record = Record::new(
            RecordKind::Run,
            &scenario,
            session,
            Some(name.into()),
            Stamp::from_unix(0),
        )
        .expect("the fixture hashes");
        record.id = format!("run-{name}");
        record
    };
    let records = vec![run("A", "standard"), run("B", "high")];
    let built = report::build(&records, std::slice::from_ref(&scenario), false);
    let risk = &built.cases[0].decisions[1];
    assert_eq!(
        (risk.respondents, risk.not_judged, risk.judged, risk.in_line),
        (2, 2, 0, 0)
    );
    assert!(built.most_missed.is_empty(), "{:?}", built.most_missed);
    let text = report::text(&built);
    assert!(
        text.contains("Not judged: the source makes no finding here · answered: 2"),
        "{text}"
    );
    assert!(text.contains("A's reason"), "rationales are still listed: {text}");
}

#[test]
fn exports_show_the_trainees_local_time_with_its_offset() {
    let data = tempfile::tempdir().unwrap();
    let home = data.path().to_str().unwrap();
    play(data.path(), &[], "1\nit proves the breach\n3\n2\n");
    let file = records_in(data.path()).pop().unwrap();
    // started at 23:30 UTC on 1 July 2026: half past midnight on the 2nd in London (BST)
    let mut value: serde_json::Value = serde_json::from_str(&fs::read_to_string(&file).unwrap()).unwrap();
    value["started"]["unix"] = 1_782_948_600.into();
    fs::write(&file, serde_json::to_string(&value).unwrap()).unwrap();
    let export = |format: &str, zone: &str| {
        let out = lessons_in(
            &root(),
            &["export", "latest", "--format", format],
            "",
            &[("LESSONS_HOME", home), ("TZ", zone)],
        );
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        text(&out.stdout)
    };
    let md = export("md", "Europe/London");
    assert!(
        md.contains("- **Run:** 2026-07-02 00:30 +01:00 · practice mode · seed 1"),
        "{md}"
    );
    assert!(!md.contains("UTC"), "{md}");
    let md = export("md", "UTC");
    assert!(md.contains("- **Run:** 2026-07-01 23:30 +00:00 ·"), "{md}");
    let csv = export("csv", "Europe/London");
    assert!(csv.lines().next().unwrap().ends_with(",started"), "{csv}");
    assert!(
        csv.lines()
            .nth(1)
            .unwrap()
            .ends_with(",2026-07-02T00:30:00+01:00"),
        "{csv}"
    );
    let json: serde_json::Value = serde_json::from_str(&export("json", "Europe/London")).unwrap();
    assert_eq!(json["local_time"]["started"], "2026-07-02T00:30:00+01:00");
    // the record itself keeps the UTC instant
    assert_eq!(json["record"]["started"]["utc"], "2026-07-01T23:30:00Z");
}

#[test]
fn history_rows_show_local_time_with_its_offset() {
    let scenario = fixture_scenario();
    let state = Session::new(scenario.clone(), Settings::new(Mode::Practice, 1)).into_state();
    let record = Record::new(
        RecordKind::Run,
        &scenario,
        state,
        None,
        Stamp::from_unix(1_782_948_600),
    )
    .unwrap();
    let london = jiff::tz::TimeZone::posix("GMT0BST,M3.5.0/1,M10.5.0").unwrap();
    let records = [record];
    let rows = lessons::analysis::history::rows(&records, std::slice::from_ref(&scenario), &london);
    assert_eq!(rows[0].when, "2026-07-02 00:30 +01:00");
    let rows = lessons::analysis::history::rows(&records, &[scenario], &jiff::tz::TimeZone::UTC);
    assert_eq!(rows[0].when, "2026-07-01 23:30 +00:00");
}

#[test]
fn every_export_names_the_in_line_answer_and_the_basis() {
    let data = tempfile::tempdir().unwrap();
    let home = data.path().to_str().unwrap();
    // seed 1: decision 1 shows secure, note, watch; `3` watches the video (Poor)
    play(data.path(), &["--mode", "assessment"], "3\nlooked enough\n3\n2\n");
    let export = |format: &str| {
        let out = lessons_in(
            &root(),
            &["export", "latest", "--format", format],
            "",
            &[("LESSONS_HOME", home)],
        );
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        text(&out.stdout)
    };
    let md = export("md");
    assert!(md.contains("| **In line** | Secure a copy as evidence |"), "{md}");
    assert!(
        md.contains("| **Why** | Fixture feedback: evidence secured. |"),
        "{md}"
    );
    assert!(md.contains("| **Basis** | the investigation's finding |"), "{md}");
    let csv = export("csv");
    let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
    let row = csv.lines().nth(1).unwrap();
    assert!(header.contains(&"in_line") && header.contains(&"basis"), "{csv}");
    assert!(
        row.contains("Secure a copy as evidence,,,Finding,"),
        "in line, then nothing missed or unsupported, then the basis: {csv}"
    );
    let json: serde_json::Value = serde_json::from_str(&export("json")).unwrap();
    let item = &json["debrief"]["items"][0];
    assert_eq!(item["in_line"][0], "Secure a copy as evidence");
    assert_eq!(item["basis"]["basis"], "Finding");
    assert_eq!(item["verdict"], "NotInLine");
    assert_eq!(item["same_as_officers"], true);
}

/// Three trainees and one classroom on the synthetic fixture; the expected figures are
/// worked out by hand in the comments.
#[test]
fn report_figures_match_a_hand_count() {
    let scenario = fixture_scenario();
    let run = |name: &str, evidence: &str, risk: &str, rationale: Option<&str>| {
        let mut session = Session::new(scenario.clone(), Settings::new(Mode::Assessment, 1)).into_state();
        session.answers = vec![
            Answer {
                step: "evidence".into(),
                response: Response::Chose(evidence.into()),
                rationale: rationale.map(String::from),
                confidence: None,
            },
            Answer {
                step: "risk".into(),
                response: Response::Graded(risk.into()),
                rationale: None,
                confidence: None,
            },
        ];
        let mut record = Record::new(
            RecordKind::Run,
            &scenario,
            session,
            Some(name.into()),
            Stamp::from_unix(0),
        )
        .expect("the fixture hashes");
        record.id = format!("run-{name}");
        record
    };
    let mut group = run("room", "secure", "high", None);
    group.kind = RecordKind::Group;
    group.session.answers.clear();
    group.tallies = vec![Votes {
        step: "evidence".into(),
        votes: vec![("secure".into(), 5), ("watch".into(), 3), ("note".into(), 2)],
        revealed: true,
        respondents: None,
        settled: None,
    }];
    let records = vec![
        run("A", "secure", "high", Some("evidence first")),
        run("B", "watch", "standard", None),
        run("C", "note", "medium", Some("note it")),
        group,
    ];
    let built = report::build(&records, &[scenario], true);
    assert_eq!((built.runs, built.groups, built.trainees), (3, 1, 3));
    let case = &built.cases[0];
    let evidence = &case.decisions[0];
    // the three trainees alone: secure 1, watch 1, note 1; the room is never pooled in
    let counts: Vec<(String, u32)> = evidence.options.iter().map(|o| (o.id.clone(), o.count)).collect();
    assert_eq!(
        counts,
        vec![("secure".into(), 1), ("watch".into(), 1), ("note".into(), 1)]
    );
    assert_eq!(evidence.respondents, 3);
    // in line: secure (1 of 3) = 33%; partly: note = 33%; the officers' choice: watch = 33%
    assert_eq!(
        (
            evidence.share(evidence.in_line),
            evidence.share(evidence.partly),
            evidence.share(evidence.same_as_officers)
        ),
        (33, 33, 33)
    );
    // the room on its own denominator: 10 votes; secure 5 = 50%, note 2 = 20%, watch 3 = 30%
    let room = &case.room[0];
    let votes: Vec<u32> = room.options.iter().map(|o| o.count).collect();
    assert_eq!(votes, vec![5, 3, 2]);
    assert_eq!(room.respondents, 10);
    assert_eq!(
        (
            room.share(room.in_line),
            room.share(room.partly),
            room.share(room.same_as_officers)
        ),
        (50, 20, 30)
    );
    // the room did not vote on the risk level: nothing judged there
    assert_eq!((case.room[1].judged, case.room[1].percent(0)), (0, None));
    // rationales listed without names when anonymised
    assert_eq!(evidence.rationales.len(), 2);
    assert!(evidence.rationales.iter().all(|r| r.trainee.is_none()));
    let risk = &case.decisions[1];
    // graded: high (expected) by A; standard by B is two levels under; medium by C one under
    assert_eq!((risk.judged, risk.in_line, risk.under, risk.over), (3, 1, 2, 0));
    // most missed, individual runs only: both at 1 of 3 in line
    let missed: Vec<(u32, u32)> = built
        .most_missed
        .iter()
        .map(|m| (m.in_line_percent, m.judged))
        .collect();
    assert_eq!(missed, vec![(33, 3), (33, 3)]);
    let named = report::build(&records, &[fixture_scenario()], false);
    assert!(
        named.cases[0].decisions[0]
            .rationales
            .iter()
            .any(|r| r.trainee.as_deref() == Some("A"))
    );
    let md = report::markdown(&built);
    // three single choices: 34 + 33 + 33, adding up to 100 (the largest remainder goes first)
    assert!(
        md.contains("| Secure a copy as evidence | Expected | 1 | 34% |"),
        "{md}"
    );
    assert!(
        md.contains("Classroom (1 session), apart from the runs above:"),
        "{md}"
    );
    assert!(md.contains("| Secure a copy as evidence | 5 | 50% |"), "{md}");
    let csv = report::csv(&built).unwrap();
    assert!(csv.starts_with('\u{feff}'), "a BOM so a spreadsheet reads UTF-8");
    assert!(csv.contains("synthetic-branching,evidence,What do you do with the video?,secure,Secure a copy as evidence,Expected,false,1,3,33,33,33,0,0,Finding,0,5,10,50,20,30,,,false,0,0,,\n"), "{csv}");
}

#[test]
fn report_over_a_folder_of_runs_through_the_binary() {
    let data = tempfile::tempdir().unwrap();
    play(data.path(), &["--name", "A"], "1\nfirst\n3\n2\n");
    play(data.path(), &["--name", "B"], "3\n\n1\n0\n\n");
    let folder = data.path().to_str().unwrap();
    let out = lessons_in(&root(), &["report", folder, "--anonymise"], "", &[]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        stdout.contains("COHORT REPORT: 2 runs by 2 named trainees"),
        "{stdout}"
    );
    assert!(stdout.contains("1. What do you do with the video?"));
    assert!(!stdout.contains(" A: "), "names are left out with --anonymise");
    let md = lessons_in(&root(), &["report", folder, "--format", "md"], "", &[]);
    assert!(text(&md.stdout).starts_with("# Cohort report"));
}
