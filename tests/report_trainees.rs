//! The cohort report's trainee × case table, its filters, its rounding and its anonymised
//! and Markdown forms, over records built by hand; every figure is worked out in comments.
#![allow(clippy::unwrap_used)]

mod common;

use common::{fixture_scenario, lessons_in, root, text};
use lessons::analysis::report::{self, CaseStatus, Filter, ModeFilter, rounded_percent};
use lessons::engine::{Answer, Mode, Response, Session, Settings};
use lessons::record::{Record, RecordKind, Stamp, Votes};
use lessons::scenario::Scenario;

/// 2026-12-01 12:00 UTC: midday, so the local date is the same in any zone within 12 hours.
const DAY1: i64 = 1_796_126_400;
const DAY: i64 = 86_400;

fn second_case() -> Scenario {
    let mut s = fixture_scenario();
    s.id = "synthetic-second".into();
    s.title = "Second synthetic case".into();
    s
}

struct Run<'a> {
    scenario: &'a Scenario,
    name: &'a str,
    mode: Mode,
    evidence: &'a str,
    risk: &'a str,
    rationale: Option<&'a str>,
    day: i64,
    finished: bool,
}

fn record(run: Run) -> Record {
    let mut session = Session::new(run.scenario.clone(), Settings::new(run.mode, 1)).into_state();
    session.answers = vec![
        Answer {
            step: "evidence".into(),
            response: Response::Chose(run.evidence.into()),
            rationale: run.rationale.map(String::from),
            confidence: None,
        },
        Answer {
            step: "risk".into(),
            response: Response::Graded(run.risk.into()),
            rationale: None,
            confidence: None,
        },
    ];
    let at = Stamp::from_unix(DAY1 + run.day * DAY);
    let mut r = Record::new(RecordKind::Run, run.scenario, session, Some(run.name.into()), at).unwrap();
    r.id = format!("run-{}-{}-{}", run.name, run.scenario.id, run.day);
    r.updated = at;
    r.finished = run.finished.then_some(at);
    r
}

/// Ann twice on the fixture (a poor first try, then all in line), Ben once unfinished in
/// practice, Cal once on a second case only, and a classroom on the fixture.
fn cohort() -> (Vec<Record>, Vec<Scenario>) {
    let one = fixture_scenario();
    let two = second_case();
    let run = |scenario, name, mode, evidence, risk, rationale, day, finished| {
        record(Run {
            scenario,
            name,
            mode,
            evidence,
            risk,
            rationale,
            day,
            finished,
        })
    };
    let mut group = run(&one, "room", Mode::Assessment, "secure", "high", None, 1, true);
    group.kind = RecordKind::Group;
    group.trainee = None;
    group.id = "group-1".into();
    group.session.answers.clear();
    group.tallies = vec![Votes {
        step: "evidence".into(),
        votes: vec![("secure".into(), 1), ("watch".into(), 14), ("note".into(), 0)],
        revealed: true,
        respondents: None,
        settled: None,
    }];
    let records = vec![
        run(
            &one,
            "Ann",
            Mode::Assessment,
            "watch",
            "standard",
            Some("first go"),
            0,
            true,
        ),
        run(
            &one,
            "Ann",
            Mode::Assessment,
            "secure",
            "high",
            Some("evidence first"),
            2,
            true,
        ),
        run(
            &one,
            "Ben",
            Mode::Practice,
            "note",
            "medium",
            Some("note it"),
            1,
            false,
        ),
        run(&two, "Cal", Mode::Assessment, "secure", "high", None, 1, true),
        group,
    ];
    (records, vec![one, two])
}

#[test]
fn the_trainee_table_matches_a_hand_count() {
    let (records, scenarios) = cohort();
    let built = report::build(&records, &scenarios, false);
    let rows: Vec<&str> = built.trainees_table.iter().map(|r| r.trainee.as_str()).collect();
    assert_eq!(rows, vec!["Ann", "Ben", "Cal"]);
    let ann = &built.trainees_table[0].cases;
    // Ann: two finished attempts; the latest (day 2) chose secure (in line) and graded high
    // (expected): 2 of 2 in line, nothing under or over
    assert_eq!(ann[0].scenario_id, "synthetic-branching");
    assert_eq!(ann[0].status, CaseStatus::Finished);
    assert_eq!(
        (
            ann[0].judged,
            ann[0].in_line,
            ann[0].partly,
            ann[0].under,
            ann[0].over,
            ann[0].attempts
        ),
        (2, 2, 0, 0, 0, 2)
    );
    assert_eq!(ann[0].latest.as_deref(), Some("2026-12-03"));
    // Ann never started the second case, which Cal did
    assert_eq!(ann[1].status, CaseStatus::NotStarted);
    assert_eq!(ann[1].attempts, 0);
    // Ben: one unfinished attempt; note is partly, and medium (Acceptable, one grade too
    // low) is partly too
    let ben = &built.trainees_table[1].cases[0];
    assert_eq!(ben.status, CaseStatus::Started);
    assert_eq!(
        (
            ben.judged,
            ben.in_line,
            ben.partly,
            ben.under,
            ben.over,
            ben.attempts
        ),
        (2, 0, 2, 1, 0, 1)
    );
    // Cal: not started on the fixture, finished the second case 2 of 2 in line
    let cal = &built.trainees_table[2].cases;
    assert_eq!(cal[0].status, CaseStatus::NotStarted);
    assert_eq!(
        (cal[1].status, cal[1].in_line, cal[1].judged),
        (CaseStatus::Finished, 2, 2)
    );

    let out = report::text(&built);
    assert!(out.contains("EACH TRAINEE"), "{out}");
    assert!(
        out.contains("\nAnn\n   Synthetic fixture: a report at the front counter: finished · 2 of 2 in line (100%) · 0 partly · 2 attempts · latest 2026-12-03\n   Second synthetic case: not started\n"),
        "{out}"
    );
    assert!(
        out.contains(
            "not finished · 0 of 2 in line (0%) · 2 partly · graded too low 1 (by 1 grade: 1) · too high 0 · 1 attempt"
        ),
        "{out}"
    );
    assert!(out.contains("(unfinished run)"), "Ben's reason is flagged: {out}");
    // Ben practised; Ann (twice) and Cal were assessed: the report says they are pooled
    assert_eq!((built.practice, built.assessment), (1, 3));
    assert!(
        out.contains(
            "\n(practice and assessment runs counted together: 1 practice, 3 assessment; --mode shows one)\n"
        ),
        "{out}"
    );
    let md = report::markdown(&built);
    assert!(md.contains("## Each trainee"), "{md}");
    assert!(md.contains("| Ben | not finished ·"), "{md}");
    let csv = report::trainees_csv(&built).unwrap();
    assert!(csv.starts_with("\u{feff}trainee,scenario,status,"), "{csv}");
    assert!(
        csv.contains("Ann,synthetic-branching,finished,2,2,0,100,0,0,2,2026-12-03,,\n"),
        "{csv}"
    );
    assert!(
        csv.contains("Ann,synthetic-second,not started,0,0,0,,0,0,0,,,\n"),
        "{csv}"
    );
    let json = serde_json::to_value(&built).unwrap();
    assert_eq!(json["trainees_table"][1]["cases"][0]["status"], "Started");
}

#[test]
fn the_room_is_kept_apart_from_the_runs() {
    let (records, scenarios) = cohort();
    let built = report::build(&records, &scenarios, false);
    let fixture = &built.cases[0];
    // runs on the fixture: Ann watch, Ann secure, Ben note: 3 answered, 1 in line = 33%
    let d = &fixture.decisions[0];
    assert_eq!((d.respondents, d.judged, d.in_line), (3, 3, 1));
    assert_eq!(d.share(d.in_line), 33);
    // the room: 15 votes, 1 for secure: 1 of 15 in line rounds to 7%, and 14 of 15 chose as
    // the officers did: 93%
    let room = &fixture.room[0];
    assert_eq!((room.respondents, room.judged, room.in_line), (15, 15, 1));
    assert_eq!(room.share(room.in_line), 7);
    assert_eq!(room.share(room.same_as_officers), 93);
    let out = report::text(&built);
    assert!(
        out.contains("   Classroom (1 session): 1 Secure a copy as evidence · 14 "),
        "{out}"
    );
    assert!(out.contains("the officers' choice: 93% · answered: 15"), "{out}");
    // the room's unvoted risk decision says so, and is not scored 0%
    assert!(out.contains("   Classroom (1 session): no votes"), "{out}");
    // the trainee table has no row for the room
    assert!(built.trainees_table.iter().all(|r| r.trainee != "room"));
}

#[test]
fn percentages_round_to_nearest() {
    assert_eq!(rounded_percent(1, 15), Some(7));
    assert_eq!(rounded_percent(2, 3), Some(67));
    assert_eq!(rounded_percent(1, 2), Some(50));
    assert_eq!(rounded_percent(1, 200), Some(1));
    assert_eq!(rounded_percent(0, 0), None);
    assert_eq!(rounded_percent(u64::from(u32::MAX), 1), Some(u32::MAX));
}

#[test]
fn filters_keep_the_mode_the_dates_and_the_latest_attempt() {
    let (records, _) = cohort();
    let ids = |filter: Filter| -> Vec<String> {
        report::filter(records.clone(), &filter)
            .into_iter()
            .map(|r| r.id)
            .collect()
    };
    assert_eq!(
        ids(Filter {
            mode: Some(ModeFilter::Classroom),
            ..Filter::default()
        }),
        vec!["group-1"]
    );
    assert_eq!(
        ids(Filter {
            mode: Some(ModeFilter::Practice),
            ..Filter::default()
        }),
        vec!["run-Ben-synthetic-branching-1"]
    );
    // since 2026-12-02 (day 1): Ann's first try on day 0 is left out
    let since = ids(Filter {
        since: Some("2026-12-02".parse().unwrap()),
        ..Filter::default()
    });
    assert_eq!(since.len(), 4);
    assert!(!since.contains(&"run-Ann-synthetic-branching-0".to_string()));
    // latest: Ann's day 2 attempt stands for her; every other record is the only one
    let latest = ids(Filter {
        latest: true,
        ..Filter::default()
    });
    assert_eq!(
        latest,
        vec![
            "run-Ann-synthetic-branching-2",
            "run-Ben-synthetic-branching-1",
            "run-Cal-synthetic-second-1",
            "group-1"
        ]
    );
}

#[test]
fn anonymised_reports_use_pseudonyms_and_a_reproducible_shuffled_order() {
    let (records, scenarios) = cohort();
    let built = report::build(&records, &scenarios, true);
    let names: Vec<&str> = built.trainees_table.iter().map(|r| r.trainee.as_str()).collect();
    assert_eq!(names, vec!["Trainee 1", "Trainee 2", "Trainee 3"]);
    let again = report::build(&records, &scenarios, true);
    assert_eq!(built, again, "two runs give the same output");
    for out in [
        report::text(&built),
        report::markdown(&built),
        report::trainees_csv(&built).unwrap(),
    ] {
        for name in ["Ann", "Ben", "Cal"] {
            assert!(!out.contains(name), "{name} in:\n{out}");
        }
    }
    // the rationales are ordered by their words, not the order the runs were read
    let mut reversed = records.clone();
    reversed.reverse();
    let other = report::build(&reversed, &scenarios, true);
    assert_eq!(
        built.cases[0].decisions[0].rationales,
        other
            .cases
            .iter()
            .find(|c| c.scenario_id == "synthetic-branching")
            .unwrap()
            .decisions[0]
            .rationales
    );
}

#[test]
fn markdown_leaves_a_trainees_markup_inert() {
    let scenario = fixture_scenario();
    let hostile = "![t](http://x/p.png) <img src=x onerror=alert(1)> [click](javascript:alert(1))";
    let r = record(Run {
        scenario: &scenario,
        name: "<b>Dee</b>",
        mode: Mode::Assessment,
        evidence: "secure",
        risk: "high",
        rationale: Some(hostile),
        day: 0,
        finished: true,
    });
    let md = report::markdown(&report::build(&[r], &[scenario], false));
    assert!(
        !md.contains("![t](") && !md.contains("<img") && !md.contains("[click]("),
        "{md}"
    );
    assert!(!md.contains("<b>"), "{md}");
    assert!(
        md.contains(
            r"!\[t\](http://x/p.png) &lt;img src=x onerror=alert(1)&gt; \[click\](javascript:alert(1))"
        ),
        "{md}"
    );
}

#[test]
fn the_binary_takes_the_filters_and_refuses_a_bad_date() {
    let data = tempfile::tempdir().unwrap();
    let folder = data.path().to_str().unwrap();
    let bad = lessons_in(&root(), &["report", folder, "--since", "1/12/2026"], "", &[]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        text(&bad.stderr).contains("is not a date: give it as YYYY-MM-DD"),
        "{}",
        text(&bad.stderr)
    );
    let out = lessons_in(
        &root(),
        &["report", folder, "--format", "text", "--trainees"],
        "",
        &[],
    );
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
}
