//! Group labels and grading distances in the cohort report and the session export: records
//! built by hand, every figure worked out in the comments.
#![allow(clippy::unwrap_used)]

mod common;

use common::classroom::Driver;
use common::{fixture_scenario, lessons_in, root, text};
use lessons::analysis::report::{self, CohortReport, DecisionReport, Filter, GradeGap};
use lessons::engine::{Answer, Mode, Response, Session, Settings};
use lessons::record::{Record, RecordKind, Recorder, Stamp, Store, Votes};
use lessons::scenario::Scenario;
use lessons::tui::classroom::Classroom;

const FIXTURE: &str = "tests/fixtures/valid/synthetic-branching.ron";

/// 2026-12-01 12:00 UTC.
const DAY1: i64 = 1_796_126_400;

fn run(scenario: &Scenario, name: &str, risk: &str) -> Record {
    let mut session = Session::new(scenario.clone(), Settings::new(Mode::Assessment, 1)).into_state();
    session.answers = vec![Answer {
        step: "risk".into(),
        response: Response::Graded(risk.into()),
        rationale: None,
        confidence: None,
    }];
    let at = Stamp::from_unix(DAY1);
    let mut r = Record::new(RecordKind::Run, scenario, session, Some(name.into()), at).unwrap();
    r.id = format!("run-{name}");
    r.finished = Some(at);
    r
}

fn votes(step: &str, counts: &[(&str, u32)], respondents: Option<u32>) -> Votes {
    Votes {
        step: step.into(),
        votes: counts.iter().map(|(id, n)| (id.to_string(), *n)).collect(),
        revealed: true,
        respondents,
        settled: None,
    }
}

fn group(scenario: &Scenario, id: &str, label: &str, tallies: Vec<Votes>) -> Record {
    let session = Session::new(scenario.clone(), Settings::new(Mode::Assessment, 1)).into_state();
    let at = Stamp::from_unix(DAY1);
    let mut r = Record::new(
        RecordKind::Group,
        scenario,
        session,
        Some("Sgt Trainer".into()),
        at,
    )
    .unwrap();
    r.id = id.into();
    r.label = Some(label.into());
    r.tallies = tallies;
    r
}

/// Four runs on the fixture's risk scale (Standard 1 Poor, Medium 2 Acceptable, High 3
/// Expected): Ann Standard (2 grades low), Ben and Cal Medium (1 grade low), Dee High.
/// Two classroom sessions, Syndicate A and Syndicate B, on the same case.
fn cohort() -> (Vec<Record>, Vec<Scenario>) {
    let s = fixture_scenario();
    let a = group(
        &s,
        "group-a",
        "Syndicate A",
        vec![
            votes("evidence", &[("secure", 7), ("watch", 3), ("note", 0)], None),
            votes("risk", &[("standard", 1), ("medium", 2), ("high", 9)], None),
            // the instructor counted 12 people; the ticks alone would say at least 8
            votes(
                "referrals",
                &[("record", 8), ("check", 5), ("close", 1)],
                Some(12),
            ),
        ],
    );
    let b = group(
        &s,
        "group-b",
        "Syndicate B",
        vec![
            votes("evidence", &[("secure", 2), ("watch", 8), ("note", 2)], None),
            votes("risk", &[("standard", 4), ("medium", 0), ("high", 8)], None),
            // not counted: at least 9 (the most ticks on one option)
            votes("referrals", &[("record", 6), ("check", 9), ("close", 0)], None),
        ],
    );
    let records = vec![
        run(&s, "Ann", "standard"),
        run(&s, "Ben", "medium"),
        run(&s, "Cal", "medium"),
        run(&s, "Dee", "high"),
        a,
        b,
    ];
    (records, vec![s])
}

fn decision<'a>(ds: &'a [DecisionReport], step: &str) -> &'a DecisionReport {
    ds.iter().find(|d| d.step == step).unwrap()
}

fn gaps(list: &[(u32, u32)]) -> Vec<GradeGap> {
    list.iter()
        .map(|&(grades, count)| GradeGap { grades, count })
        .collect()
}

fn built() -> CohortReport {
    let (records, scenarios) = cohort();
    report::build(&records, &scenarios, false)
}

#[test]
fn grading_says_by_how_many_grades_for_runs_and_the_room() {
    let r = built();
    let case = &r.cases[0];
    // runs: Ann 2 low, Ben and Cal 1 low, Dee in line
    let runs = decision(&case.decisions, "risk");
    assert_eq!((runs.judged, runs.in_line, runs.under, runs.over), (4, 1, 3, 0));
    assert_eq!(runs.under_by, gaps(&[(1, 2), (2, 1)]));
    assert!(runs.over_by.is_empty());
    // the room pooled: Standard 1 + 4 = 5 (2 low), Medium 2 (1 low), High 17 of 24
    let room = decision(&case.room, "risk");
    assert_eq!((room.judged, room.in_line, room.under), (24, 17, 7));
    assert_eq!(room.under_by, gaps(&[(1, 2), (2, 5)]));

    let text = report::text(&r);
    assert!(
        text.contains("   Graded too low: 3 (by 1 grade: 2, by 2 grades: 1) · too high: 0\n"),
        "{text}"
    );
    assert!(
        text.contains("   Classroom: Graded too low: 7 (by 1 grade: 2, by 2 grades: 5) · too high: 0\n"),
        "{text}"
    );
    let md = report::markdown(&r);
    assert!(
        md.contains("\nGraded too low: 3 (by 1 grade: 2, by 2 grades: 1) · too high: 0\n"),
        "{md}"
    );
    let csv = report::csv(&r).unwrap();
    let mut lines = csv.trim_start_matches('\u{feff}').lines();
    let head: Vec<&str> = lines.next().unwrap().split(',').collect();
    let col = |name: &str| head.iter().position(|h| *h == name).unwrap();
    let row: Vec<String> = lines
        .map(|l| l.to_string())
        .find(|l| l.contains(",risk,") && l.contains(",high,"))
        .unwrap()
        .split(',')
        .map(String::from)
        .collect();
    assert_eq!(row[col("graded_too_low")], "3");
    assert_eq!(row[col("graded_too_low_by")], "1:2; 2:1");
    assert_eq!(row[col("graded_too_high_by")], "");
    assert_eq!(row[col("classroom_graded_too_low")], "7");
    assert_eq!(row[col("classroom_graded_too_low_by")], "1:2; 2:5");
    // each trainee too: Ann 2 grades low, Ben 1
    let ann = r.trainees_table.iter().find(|t| t.trainee == "Ann").unwrap();
    assert_eq!(ann.cases[0].under_by, gaps(&[(2, 1)]));
    assert!(
        text.contains("graded too low 1 (by 2 grades: 1) · too high 0"),
        "{text}"
    );
    let table = report::trainees_csv(&r).unwrap();
    assert!(
        table.contains("\nBen,synthetic-branching,finished,1,0,1,0,1,0,1,2026-12-01,1:1,\n"),
        "{table}"
    );
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(
        json["cases"][0]["decisions"][1]["under_by"],
        serde_json::json!([{"grades": 1, "count": 2}, {"grades": 2, "count": 1}])
    );
}

#[test]
fn groups_are_listed_with_their_labels_and_compared_side_by_side() {
    let r = built();
    assert_eq!(r.sessions.len(), 2);
    assert_eq!(r.sessions[0].label.as_deref(), Some("Syndicate A"));
    assert_eq!(r.sessions[0].decisions, 3);
    let case = &r.cases[0];
    assert_eq!(case.by_label.len(), 2);
    let a = decision(&case.by_label[0].decisions, "evidence");
    let b = decision(&case.by_label[1].decisions, "evidence");
    // A: 7 of 10 in line (Secure), 3 the officers' (Watch); B: 2 of 12 in line, 8 officers'
    assert_eq!((a.respondents, a.in_line, a.same_as_officers), (10, 7, 3));
    assert_eq!((b.respondents, b.in_line, b.same_as_officers), (12, 2, 8));
    assert_eq!((a.percent(a.in_line), b.percent(b.in_line)), (Some(70), Some(17)));

    let text = report::text(&r);
    assert!(text.contains("   By group:\n"), "{text}");
    assert!(
        text.contains(
            "     Syndicate A (1 session): 7 Secure a copy as evidence · 3 Watch it and hand the phone back · 0 Note what it shows in your pocket book · in line: 70% · the officers' choice: 30% · answered: 10\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("     Syndicate B (1 session): 2 Secure a copy as evidence · 8 Watch"),
        "{text}"
    );
    // B's risk: Standard 4, 2 grades low each
    assert!(
        text.contains("       Graded too low: 4 (by 2 grades: 4) · too high: 0\n"),
        "{text}"
    );
    assert!(text.contains("CLASSROOM SESSIONS\n"), "{text}");
    assert!(text.contains("2026-12-01  Syndicate A "), "{text}");

    let md = report::markdown(&r);
    assert!(md.contains("| Option | Syndicate A | Syndicate B |"), "{md}");
    // 7 of 10 = 70%, 2 of 12 = 17% (16.7 rounded)
    assert!(
        md.contains("| Secure a copy as evidence | 7 (70%) | 2 (17%) |"),
        "{md}"
    );
    assert!(md.contains("| In line | 70% | 17% |"), "{md}");
    assert!(md.contains("| Sessions | 1 | 1 |"), "{md}");
    assert!(md.contains("## Classroom sessions"), "{md}");
}

#[test]
fn a_counted_room_says_how_many_people_answered_a_tick_all() {
    let r = built();
    let case = &r.cases[0];
    let a = decision(&case.by_label[0].decisions, "referrals");
    let b = decision(&case.by_label[1].decisions, "referrals");
    assert_eq!((a.respondents, a.respondents_at_least), (12, false));
    assert_eq!((b.respondents, b.respondents_at_least), (9, true));
    // pooled: 12 counted + at least 9 = at least 21
    let room = decision(&case.room, "referrals");
    assert_eq!((room.respondents, room.respondents_at_least), (21, true));
    let text = report::text(&r);
    assert!(text.contains("ticks · 12 people answered"), "{text}");
    assert!(
        text.contains("ticks · at least 9 answered (largest tick count)"),
        "{text}"
    );
    assert!(
        text.contains("in line: n/a · at least 21 answered (largest tick count)"),
        "{text}"
    );
}

#[test]
fn the_label_filter_keeps_that_groups_sessions_only() {
    let (records, scenarios) = cohort();
    let kept = report::filter(
        records,
        &Filter {
            labels: vec!["syndicate b".into()],
            ..Filter::default()
        },
    );
    let ids: Vec<&str> = kept.iter().map(|r| r.id.as_str()).collect();
    // the runs carry no label: only group B is left
    assert_eq!(ids, vec!["group-b"]);
    let r = report::build(&kept, &scenarios, false);
    assert_eq!((r.runs, r.groups), (0, 1));
    assert_eq!(r.cases[0].by_label.len(), 1);
    let text = report::text(&r);
    assert!(!text.contains("By group:"), "{text}");
    // no runs: each decision goes straight to the room, with no empty bars for runs
    assert!(
        text.contains("\n1. What do you do with the video?\n   Classroom (1 session): 2 Secure"),
        "{text}"
    );
    assert!(!text.contains("answered: 0"), "{text}");
    let md = report::markdown(&r);
    assert!(
        md.contains("### 1. What do you do with the video?\n\nClassroom (1 session)"),
        "{md}"
    );

    let (records, _) = cohort();
    let both = report::filter(
        records,
        &Filter {
            labels: vec!["Syndicate A".into(), "Syndicate B".into()],
            ..Filter::default()
        },
    );
    assert_eq!(both.len(), 2);
}

fn write_records(dir: &std::path::Path) {
    let (records, _) = cohort();
    let file = root().join(FIXTURE).display().to_string();
    for mut r in records {
        // the fixture is not a built-in case: the record names its file, as a played one does
        r.scenario_file = Some(file.clone());
        std::fs::write(
            dir.join(format!("{}.json", r.id)),
            serde_json::to_string(&r).unwrap(),
        )
        .unwrap();
    }
}

#[test]
fn the_binary_filters_by_label_and_refuses_a_bad_one() {
    let data = tempfile::tempdir().unwrap();
    write_records(data.path());
    let folder = data.path().to_str().unwrap();
    let out = lessons_in(&root(), &["report", folder, "--label", "Syndicate B"], "", &[]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        stdout.starts_with("COHORT REPORT: 0 runs by 0 named trainees, 1 classroom session"),
        "{stdout}"
    );
    assert!(stdout.contains("Syndicate B"), "{stdout}");
    assert!(!stdout.contains("Syndicate A"), "{stdout}");

    let none = lessons_in(&root(), &["report", folder, "--label", "Syndicate C"], "", &[]);
    assert_eq!(none.status.code(), Some(1));
    assert!(text(&none.stderr).contains("--label"), "{}", text(&none.stderr));

    for bad in ["", "  ", "A\u{7}B", &"x".repeat(41)] {
        let out = lessons_in(&root(), &["report", folder, "--label", bad], "", &[]);
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
        assert!(text(&out.stderr).contains("label"), "{}", text(&out.stderr));
        let out = lessons_in(&root(), &["classroom", "x", "--label", bad], "", &[]);
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
    }
    let out = lessons_in(&root(), &["classroom", "--resume", "--label", "A"], "", &[]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_labelled_classroom_keeps_its_label_on_the_record_and_in_the_export() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    let mut room = Classroom::new(vec![fixture_scenario()], 2);
    room.label = Some("Syndicate A".into());
    room.files = vec![Some(root().join(FIXTURE))];
    let mut driver = Driver::new(room, Recorder::new(Some(Store::open(home).unwrap()), None));
    driver.keys(&["Enter", "Enter", "Enter", "Tab", "=", "a7", "Enter", "Tab", "r"]);
    let (records, _) = Store::read_only(home).load_all();
    let record = records.into_iter().next().unwrap().1;
    assert_eq!(record.kind, RecordKind::Group);
    assert_eq!(record.label.as_deref(), Some("Syndicate A"));

    let env = [("LESSONS_HOME", home.to_str().unwrap())];
    let md = lessons_in(&root(), &["export", &record.id], "", &env);
    assert_eq!(md.status.code(), Some(0), "{}", text(&md.stderr));
    let md = text(&md.stdout);
    assert!(md.contains("- **Group:** Syndicate A\n"), "{md}");
    assert!(md.contains("- **Answered:** 7 people answered"), "{md}");
    let csv = lessons_in(&root(), &["export", &record.id, "--format", "csv"], "", &env);
    let csv = text(&csv.stdout);
    assert!(
        csv.lines()
            .next()
            .unwrap()
            .ends_with(",label,respondents,respondents_at_least"),
        "{csv}"
    );
    assert!(csv.contains(",Syndicate A,7,false"), "{csv}");
}

#[test]
fn latest_keeps_one_session_per_case_and_label_and_json_holds_the_groups() {
    let (mut records, scenarios) = cohort();
    // a second Syndicate A session on the same case, a day later (label case aside)
    let mut again = group(
        &scenarios[0],
        "group-a2",
        "syndicate a",
        vec![votes(
            "evidence",
            &[("secure", 1), ("watch", 0), ("note", 0)],
            None,
        )],
    );
    again.updated = Stamp::from_unix(DAY1 + 86_400);
    records.push(again);
    let pooled = report::build(&records, &scenarios, false);
    // without --latest both A sessions count in A's column: 7 + 1 for Secure, 2 sessions
    let a = &pooled.cases[0].by_label[0];
    assert_eq!((a.sessions, a.decisions[0].options[0].count), (2, 8));
    let latest = report::filter(
        records,
        &Filter {
            latest: true,
            ..Filter::default()
        },
    );
    let groups: Vec<&str> = latest
        .iter()
        .filter(|r| r.kind == RecordKind::Group)
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(groups, vec!["group-b", "group-a2"]);

    let json = serde_json::to_value(built()).unwrap();
    assert_eq!(json["sessions"][0]["label"], "Syndicate A");
    assert_eq!(json["cases"][0]["by_label"][1]["label"], "Syndicate B");
    assert_eq!(
        json["cases"][0]["by_label"][1]["decisions"][2]["respondents_at_least"],
        true
    );
}
