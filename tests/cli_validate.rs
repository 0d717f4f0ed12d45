//! `lessons validate` against folders of valid and invalid scenario files: each invalid
//! fixture must give exactly the `path:line:col` error in its `.stderr` file.
//! Set `LESSONS_BLESS=1` to rewrite the expected files after an intended change.
#![allow(clippy::unwrap_used)]

mod common;

use std::fs;

use common::{lessons, lessons_in, root, text};

#[test]
fn every_invalid_fixture_gives_its_expected_error() {
    let dir = root().join("tests/fixtures/invalid");
    let bless = std::env::var_os("LESSONS_BLESS").is_some();
    let mut checked = 0;
    let mut failures = Vec::new();
    for entry in fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "ron") {
            continue;
        }
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let relative = format!("tests/fixtures/invalid/{name}");
        let out = lessons(&["validate", &relative], "");
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
        let first = stderr.lines().next().unwrap_or("");
        if !first.starts_with(&format!("{relative}:")) || !first.contains(": error: ") {
            failures.push(format!(
                "{name}: first line is not `path:line:col: error: …`: {first}"
            ));
        }
        if stderr.contains(['\u{1b}', '\u{7}']) {
            failures.push(format!("{name}: a raw ESC or BEL reached stderr"));
        }
        if !stderr.contains("\n  help: ") {
            failures.push(format!("{name}: no help line"));
        }
        checked += 1;
    }
    assert!(checked >= 20, "only {checked} invalid fixtures found");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn valid_fixtures_pass_with_nothing_on_stderr() {
    let out = lessons(&["validate", "tests/fixtures/valid"], "");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stderr), "");
    assert!(text(&out.stdout).contains("ok: tests/fixtures/valid/synthetic-branching.ron"));
}

#[test]
fn one_broken_file_does_not_stop_the_others() {
    let out = lessons(
        &["validate", "tests/fixtures/invalid", "tests/fixtures/valid"],
        "",
    );
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("ok: tests/fixtures/valid/synthetic-branching.ron"),
        "{stdout}"
    );
    assert!(stdout.contains("1 valid"), "{stdout}");
}

#[test]
fn a_file_over_the_size_limit_is_refused_without_parsing() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("huge.ron");
    let mut content =
        fs::read_to_string(root().join("tests/fixtures/valid/synthetic-branching.ron")).unwrap();
    content.push_str(&format!("// {}\n", "x".repeat(1024 * 1024)));
    fs::write(&big, &content).unwrap();
    let out = lessons_in(dir.path(), &["validate", "huge.ron"], "", &[]);
    assert_eq!(out.status.code(), Some(1));
    let expected = format!(
        "huge.ron:1:1: error: file is {} bytes, over the limit of 1048576 bytes (1 MiB) for a scenario\n  \
         help: a scenario is text; split the case into smaller scenarios or remove pasted material\n",
        content.len()
    );
    assert_eq!(text(&out.stderr), expected);
}

#[test]
fn a_missing_path_is_an_error_not_a_panic() {
    let out = lessons(&["validate", "no/such/file.ron"], "");
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.starts_with("no/such/file.ron:1:1: error: cannot read the file"),
        "{stderr}"
    );
}

#[test]
fn validate_without_paths_is_a_usage_error() {
    let out = lessons(&["validate"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("Usage"));
}

#[test]
fn arbitrary_bytes_never_panic() {
    // Truncations of a valid file at every 37th byte: each must be a clean error.
    let dir = tempfile::tempdir().unwrap();
    let source = fs::read(root().join("tests/fixtures/valid/synthetic-branching.ron")).unwrap();
    for cut in (0..source.len()).step_by(37) {
        fs::write(dir.path().join(format!("cut-{cut:05}.ron")), &source[..cut]).unwrap();
    }
    let out = lessons_in(dir.path(), &["validate", "."], "", &[]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(stderr.lines().filter(|l| l.contains(": error: ")).count() >= source.len() / 37);
}

#[test]
fn authoring_smells_are_warnings_that_do_not_fail_validation() {
    let relative = "tests/fixtures/warnings/smells.ron";
    let out = lessons(&["validate", relative], "");
    assert_eq!(out.status.code(), Some(0));
    let expected =
        fs::read_to_string(root().join("tests/fixtures/warnings/smells.stderr")).unwrap_or_default();
    if std::env::var_os("LESSONS_BLESS").is_some() {
        fs::write(root().join("tests/fixtures/warnings/smells.stderr"), &out.stderr).unwrap();
    }
    assert_eq!(text(&out.stderr), expected);
    for code in [
        "have no feedback",
        "is marked Expected",
        "has no quote from the source",
    ] {
        assert!(expected.contains(code), "{code}");
    }
}

#[test]
fn json_output_for_editors_lists_every_diagnostic_with_its_position() {
    let out = lessons(
        &[
            "validate",
            "--format",
            "json",
            "tests/fixtures/invalid/dangling-branch.ron",
            "tests/fixtures/valid",
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(1));
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(value["invalid"], 1);
    assert_eq!(value["valid"], 1);
    let broken = &value["files"][0];
    assert_eq!(broken["path"], "tests/fixtures/invalid/dangling-branch.ron");
    assert_eq!(broken["valid"], false);
    let first = &broken["diagnostics"][0];
    assert_eq!(first["code"], "dangling-branch");
    assert_eq!(first["line"], 52);
    assert_eq!(first["severity"], "error");
    assert!(first["help"].as_str().unwrap().contains("did you mean `marac`?"));
    assert_eq!(value["files"][1]["id"], "synthetic-branching");
}
