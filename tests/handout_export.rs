//! Before and after a session: the pre-read handout and the answer key against the fixture
//! case, and a classroom record exported as the room's session summary.
#![allow(clippy::unwrap_used)]

mod common;

use lessons::record::{Record, RecordKind, Recorder, Store};
use lessons::tui::classroom::Classroom;

use common::classroom::Driver;
use common::{lessons, lessons_in, root, text};

const FIXTURE: &str = "tests/fixtures/valid/synthetic-branching.ron";

#[test]
fn the_handout_has_the_opening_and_the_decisions_but_no_answer() {
    let out = lessons(&["handout", FIXTURE], "");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let md = text(&out.stdout);
    for shown in [
        "> **Content warning:** Synthetic test material.",
        "This is a synthetic fixture. A person reports",
        "The person shows you a video on their phone.",
        "### Decision 1. What do you do with the video?",
        "- Secure a copy as evidence",
        "- Watch it and hand the phone back",
        "- [ ] Close the log",
        // off the officers' path, but a room can reach it
        "Do you refer the case to a MARAC?",
        "would give away how the case went",
    ] {
        assert!(md.contains(shown), "missing {shown:?}:\n{md}");
    }
    for hidden in [
        "Fixture finding",
        "Fixture feedback",
        "should have been obtained",
        "the risk was high",
        "Fixture outcome",
        "In line",
        "officers:",
        "Expected",
        // the discussion questions often quote the finding: they are in the key only
        "Fixture question: what would you do?",
    ] {
        assert!(!md.contains(hidden), "leaked {hidden:?}:\n{md}");
    }
    // the file lists the in-line option first; the handout does not
    let secure = md.find("- Secure a copy").unwrap();
    let note = md.find("- Note what it shows").unwrap();
    assert!(note < secure, "{md}");
}

#[test]
fn the_answer_key_has_each_decisions_in_line_option_and_finding() {
    let out = lessons(&["handout", "--answers", FIXTURE], "");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let md = text(&out.stdout);
    let sections: Vec<&str> = md.split("\n## ").skip(1).collect();
    let expect = [
        (
            "What do you do with the video?",
            "Secure a copy as evidence",
            "Watch it and hand the phone back",
            "Fixture finding: the evidence should have been obtained.",
        ),
        (
            "What risk level do you record?",
            "High",
            "Standard",
            "Fixture finding: the risk was high.",
        ),
        (
            "Which of these do you do?",
            "Record the report; Check previous incidents",
            "Check previous incidents",
            "Fixture finding: record and check.",
        ),
        (
            "Do you refer the case to a MARAC?",
            "Refer to the MARAC",
            "The source does not say.",
            "Fixture finding: high-risk cases go to a MARAC.",
        ),
    ];
    for (prompt, in_line, officers, finding) in expect {
        let section = sections.iter().find(|s| s.contains(prompt)).unwrap();
        assert!(
            section.contains(&format!("- **In line:** {in_line}\n")),
            "{section}"
        );
        assert!(
            section.contains(&format!("- **The officers:** {officers}\n")),
            "{section}"
        );
        assert!(
            section.contains(&format!("- **The finding:** {finding}\n")),
            "{section}"
        );
        assert!(
            section.contains("- **Basis:** the investigation's finding"),
            "{section}"
        );
    }
    assert!(md.contains("- **The source:** “the evidence should have been obtained”"));
}

#[test]
fn several_cases_in_order_by_id_prefix_and_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("pre-read.md");
    let out = lessons(
        &["handout", "herts", FIXTURE, "--output", file.to_str().unwrap()],
        "",
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let md = std::fs::read_to_string(&file).unwrap();
    let herts = lessons::scenario::Library::builtin()
        .find("herts-2021-nmo-breach")
        .unwrap()
        .title
        .clone();
    let first = md.find(&format!("# {herts}")).unwrap();
    let second = md.find("# Synthetic fixture").unwrap();
    assert!(first < second);
    assert!(
        !md.contains("Police systems show that the man was convicted"),
        "a passage after the first decision tells what the officers' choices led to:\n{md}"
    );
}

#[test]
fn handout_usage_errors_are_explained() {
    let out = lessons(&["handout"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("ID|PATH"), "{}", text(&out.stderr));
    let out = lessons(&["handout", "no-such-case"], "");
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("no scenario with id `no-such-case`"));
    let out = lessons(&["handout", FIXTURE, "--format", "pdf"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stdout).is_empty());
}

/// A classroom on the built-in Hertfordshire case: 7 for the option shown first, 2 for the
/// second, 1 for the third on the first decision, then revealed. Returns the saved record.
fn classroom_record(home: &std::path::Path) -> Record {
    let herts = lessons::scenario::Library::builtin()
        .find("herts-2021-nmo-breach")
        .unwrap()
        .clone();
    let mut room = Driver::new(
        Classroom::new(vec![herts], 2),
        Recorder::new(Some(Store::open(home).unwrap()), None),
    );
    room.keys(&[
        "Enter", "Enter", "Tab", "=", "a7", "Enter", "=", "b2", "Enter", "=", "c1", "Enter", "Tab", "r",
    ]);
    let (records, _) = Store::read_only(home).load_all();
    let record = records.into_iter().next().unwrap().1;
    assert_eq!(record.kind, RecordKind::Group);
    record
}

#[test]
fn a_classroom_record_exports_as_the_rooms_session_summary() {
    let dir = tempfile::tempdir().unwrap();
    let record = classroom_record(dir.path());
    let home = dir.path().to_str().unwrap();
    let env = [("LESSONS_HOME", home)];
    let tally = &record.tallies[0];
    let scenario = lessons::scenario::Library::builtin()
        .find("herts-2021-nmo-breach")
        .unwrap()
        .clone();
    let decision = scenario.decision(&tally.step).unwrap();
    let text_of = |id: &str| decision.option(id).unwrap().text.clone();
    let seven = &tally.votes.iter().find(|(_, n)| *n == 7).unwrap().0;

    let out = lessons_in(&root(), &["export", &record.id], "", &env);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let md = text(&out.stdout);
    assert!(md.starts_with("# Classroom session: "), "{md}");
    assert!(!md.contains("Your choice") && !md.contains("Result:"), "{md}");
    // 7 of 10 is 70%, 2 is 20%, 1 is 10%
    assert!(md.contains(&format!("| {} | 7 | 70% |", text_of(seven))), "{md}");
    assert!(md.contains("| **Total** | 10 |"), "{md}");
    assert!(!md.contains("**Tie:**"), "7, 2 and 1 is no tie:\n{md}");
    assert!(
        md.contains(&format!("- **Finding:** {}", decision.finding.text)),
        "{md}"
    );
    let officers: Vec<String> = decision
        .officers_choice()
        .iter()
        .map(|o| o.text.clone())
        .collect();
    assert!(
        md.contains(&format!("- **The officers:** {}", officers.join("; "))),
        "{md}"
    );
    for q in &scenario.discussion {
        assert!(md.contains(q.as_str()), "{md}");
    }

    let out = lessons_in(&root(), &["export", &record.id, "--format", "csv"], "", &env);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let csv = text(&out.stdout);
    let rows: Vec<&str> = csv.lines().collect();
    assert!(rows[0].starts_with(
        "\u{feff}session,scenario,decision,prompt,ndm_stage,option,option_text,votes,total_votes,percent"
    ));
    let first: Vec<&str> = rows
        .iter()
        .copied()
        .filter(|r| r.contains(&format!(",{},", tally.step)))
        .collect();
    assert_eq!(first.len(), decision.options.len(), "one row per option:\n{csv}");
    assert!(
        first
            .iter()
            .any(|r| r.contains(&format!(",{seven},")) && r.contains(",7,10,70,")),
        "{csv}"
    );

    let out = lessons_in(&root(), &["export", &record.id, "--format", "json"], "", &env);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_str(&text(&out.stdout)).unwrap();
    assert_eq!(json["kind"], "classroom session");
    let d = &json["decisions"][0];
    assert_eq!(d["total_votes"], 10);
    assert_eq!(d["tie"], false);
    assert_eq!(d["finding"], decision.finding.text.as_str());
    let votes: u64 = d["options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["votes"].as_u64().unwrap())
        .sum();
    assert_eq!(votes, 10);
}
