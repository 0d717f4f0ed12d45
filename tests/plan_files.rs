//! Session plans through the binary: `validate-plan` on folders of valid and invalid plans
//! (each invalid plan has its exact `file:line:col` errors in a `.stderr` file beside it;
//! `LESSONS_BLESS=1` rewrites them), the documented example, and `new-plan` skeletons that
//! validate as written (or once a case is uncommented) and never replace a file unasked.
#![allow(clippy::unwrap_used)]

mod common;

use std::fs;

use common::{lessons, lessons_in, root, text};

#[test]
fn every_invalid_plan_gives_its_expected_errors() {
    let dir = root().join("tests/fixtures/plans/invalid");
    let bless = std::env::var_os("LESSONS_BLESS").is_some();
    let mut failures = Vec::new();
    let mut checked = 0;
    for entry in fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "ron") {
            continue;
        }
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let relative = format!("tests/fixtures/plans/invalid/{name}");
        let out = lessons(&["validate-plan", &relative], "");
        let stderr = text(&out.stderr);
        let expected_path = path.with_extension("stderr");
        if bless {
            fs::write(&expected_path, &stderr).unwrap();
        }
        let expected = fs::read_to_string(&expected_path).unwrap_or_default();
        if out.status.code() != Some(1) {
            failures.push(format!("{name}: exit {:?}, expected 1", out.status.code()));
        }
        if stderr != expected {
            failures.push(format!("{name}:\n--- expected\n{expected}--- got\n{stderr}"));
        }
        let last = stderr.lines().rev().find(|l| !l.starts_with("  ")).unwrap_or("");
        if !last.starts_with(&format!("{relative}:")) || !last.contains(": error: ") {
            failures.push(format!(
                "{name}: the plan's error is not `file:line:col: error: …`: {last}"
            ));
        }
        if !stderr.contains("\n  help: ") {
            failures.push(format!("{name}: no help line"));
        }
        if stderr.contains(['\u{1b}', '\u{7}']) {
            failures.push(format!("{name}: a raw ESC or BEL reached stderr"));
        }
        if !text(&out.stdout).is_empty() {
            failures.push(format!("{name}: printed on stdout: {}", text(&out.stdout)));
        }
        checked += 1;
    }
    assert!(checked >= 15, "only {checked} invalid plans found");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_errors_name_the_place_and_the_likely_fix() {
    let out = lessons(
        &[
            "validate-plan",
            "tests/fixtures/plans/invalid/unknown-decision.ron",
        ],
        "",
    );
    let stderr = text(&out.stderr);
    assert!(
        stderr.starts_with("tests/fixtures/plans/invalid/unknown-decision.ron:7:20: error: case `met-2019-strangulation-allegation` has no decision `leave-or-ac`"),
        "{stderr}"
    );
    assert!(stderr.contains("did you mean `leave-or-act`?"), "{stderr}");
    let out = lessons(
        &["validate-plan", "tests/fixtures/plans/invalid/unknown-case.ron"],
        "",
    );
    assert!(text(&out.stderr).contains("did you mean `met-2019-strangulation-allegation`?"));
}

#[test]
fn valid_plans_and_the_documented_example_pass() {
    for plan in [
        "tests/fixtures/plans/valid/three-cases.ron",
        "tests/fixtures/plans/valid/minimal.ron",
        "tests/fixtures/plans/valid/named-plan.ron",
        "docs/example-plan.ron",
    ] {
        let out = lessons(&["validate-plan", plan], "");
        assert_eq!(out.status.code(), Some(0), "{plan}: {}", text(&out.stderr));
        assert_eq!(text(&out.stderr), "", "{plan}");
        assert!(
            text(&out.stdout).starts_with(&format!("ok: {plan}: ")),
            "{}",
            text(&out.stdout)
        );
    }
    let out = lessons(
        &["validate-plan", "tests/fixtures/plans/valid/three-cases.ron"],
        "",
    );
    assert_eq!(
        text(&out.stdout),
        "ok: tests/fixtures/plans/valid/three-cases.ron: 3 cases, 24 minutes planned\n"
    );
}

#[test]
fn several_plans_are_summed_up_and_one_bad_one_fails_the_lot() {
    let out = lessons(
        &[
            "validate-plan",
            "tests/fixtures/plans/valid/minimal.ron",
            "tests/fixtures/plans/invalid/no-cases.ron",
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stdout).ends_with("2 plans: 1 valid, 1 invalid\n"),
        "{}",
        text(&out.stdout)
    );
}

fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("lessons-plan-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn a_new_plan_of_named_cases_validates_as_written() {
    let dir = scratch("named");
    let fixture = root().join("tests/fixtures/valid/synthetic-branching.ron");
    fs::copy(&fixture, dir.join("synthetic.ron")).unwrap();
    let out = lessons_in(&dir, &["new-plan", "met-2019", "cambs", "synthetic.ron"], "", &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let written = fs::read_to_string(dir.join("plan.ron")).unwrap();
    assert!(
        written.contains("(case: \"met-2019-strangulation-allegation\", minutes: 14),"),
        "{written}"
    );
    assert!(
        written.contains("(case: \"cambs-2024-da-immediate-response\", minutes: 18),"),
        "{written}"
    );
    assert!(written.contains("(case: \"synthetic.ron\""), "{written}");
    assert!(
        written.contains("//   leave-or-act: What do you do about the man and the woman"),
        "{written}"
    );
    let out = lessons_in(&dir, &["validate-plan", "plan.ron"], "", &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));

    // and it is never replaced unasked
    fs::write(dir.join("plan.ron"), "kept").unwrap();
    let out = lessons_in(&dir, &["new-plan", "met-2019"], "", &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("plan.ron already exists; nothing was written"));
    assert_eq!(fs::read_to_string(dir.join("plan.ron")).unwrap(), "kept");
    let out = lessons_in(&dir, &["new-plan", "met-2019", "--force"], "", &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_ne!(fs::read_to_string(dir.join("plan.ron")).unwrap(), "kept");
    fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_new_plan_of_the_whole_library_validates_once_a_case_is_uncommented() {
    let dir = scratch("library");
    let out = lessons_in(&dir, &["new-plan", "-o", "day.ron"], "", &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let written = fs::read_to_string(dir.join("day.ron")).unwrap();
    let entries = written
        .lines()
        .filter(|l| l.trim_start().starts_with("// (case: "))
        .count();
    assert_eq!(entries, 12, "every library case, commented out:\n{written}");
    // as written it has no case, and says so
    let out = lessons_in(&dir, &["validate-plan", "day.ron"], "", &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("error: the plan has no cases"),
        "{}",
        text(&out.stderr)
    );
    let uncommented = written.replacen("// (case: ", "(case: ", 2);
    fs::write(dir.join("day.ron"), uncommented).unwrap();
    let out = lessons_in(&dir, &["validate-plan", "day.ron"], "", &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("2 cases"), "{}", text(&out.stdout));
    fs::remove_dir_all(&dir).ok();
}

#[test]
fn new_plan_to_standard_output_and_an_unknown_case() {
    let out = lessons(&["new-plan", "met-2019", "-o", "-"], "");
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).starts_with("// A session plan for `lessons classroom --plan FILE`"));
    let out = lessons(&["new-plan", "met-2019-strangulation-alegation", "-o", "-"], "");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("did you mean"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn hostile_plan_names_and_ids_reach_the_terminal_only_as_safe_text() {
    let dir = scratch("hostile");
    let name = "day\u{1b}]0;owned\u{7}.ron";
    fs::write(
        dir.join(name),
        "(cases: [(case: \"met\u{1b}[31m\"), (case: \"x\u{202e}/evil.ron\"), (case: \"met-2019\", skip: [\"\u{1b}[2J\"])])",
    )
    .unwrap();
    let out = lessons_in(&dir, &["validate-plan", name], "", &[]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(!stderr.contains(['\u{1b}', '\u{7}', '\u{202e}']), "{stderr:?}");
    assert!(
        stderr.contains("error: the plan holds the control character U+001B"),
        "{stderr}"
    );
    let out = lessons_in(&dir, &["new-plan", "met-2019", "-o", name, "--force"], "", &[]);
    assert!(
        !text(&out.stdout).contains(['\u{1b}', '\u{7}']),
        "{:?}",
        text(&out.stdout)
    );
    fs::remove_dir_all(&dir).ok();
}
