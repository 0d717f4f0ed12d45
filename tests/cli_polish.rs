//! The command line's rough edges, as a user meets them: case ids by a unique prefix,
//! `export latest` before any run, `list` columns, `--theme` only where it applies, shell
//! completions and the man page, and drill now.
#![allow(clippy::unwrap_used)]

mod common;

use common::{lessons, text};

fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("lessons-cli-polish-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn a_unique_prefix_of_a_case_id_plays_that_case() {
    let out = lessons(&["play", "herts", "--plain", "--no-records", "--seed", "1"], "");
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("Doorbell footage of a breached non-molestation order"),
        "{stdout}"
    );
    // input ended before the first answer: the run stops, as with the full id
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
}

#[test]
fn an_ambiguous_prefix_lists_the_matches_and_fails() {
    let out = lessons(&["play", "ipcc-b28", "--plain", "--no-records"], "");
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr.contains("`ipcc-b28` is the start of 8 ids"), "{stderr}");
    assert!(
        stderr.contains("  ipcc-b28-1-stalking-and-firearms\n"),
        "{stderr}"
    );
    assert!(stderr.contains("  ipcc-b28-8-disclosure-to-victim\n"), "{stderr}");
    assert!(text(&out.stdout).is_empty());
}

#[test]
fn export_latest_with_no_runs_says_to_play_a_case_first() {
    let dir = scratch("export");
    let data = dir.join("records");
    let out = lessons(&["--data-dir", data.to_str().unwrap(), "export", "latest"], "");
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr.contains("there is no finished run to export yet"),
        "{stderr}"
    );
    assert!(stderr.contains("`lessons play ID`"), "{stderr}");
    assert!(
        !stderr.contains("`lessons export latest`"),
        "it must not suggest the command that failed: {stderr}"
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn list_columns_line_up_and_show_the_bulletin_date() {
    let out = lessons(&["list"], "");
    assert!(out.status.success());
    let stdout = text(&out.stdout);
    let rows: Vec<&str> = stdout.lines().filter(|l| l.contains(" · ")).collect();
    assert!(rows.len() >= 12, "{stdout}");
    // every row's title starts in the same screen column as the header's
    let title_column = |line: &str| {
        let at = line.find(" · ").unwrap();
        let before = &line[..at];
        let start = before.rfind("  ").unwrap() + 2;
        lessons::wrap::width(&line[..start])
    };
    let first = title_column(rows[0]);
    for row in &rows {
        assert_eq!(title_column(row), first, "misaligned: {row}\n{stdout}");
    }
    let bulletin = rows.iter().find(|r| r.starts_with("ipcc-b28-1")).unwrap();
    assert!(bulletin.contains("  2016-11  "), "{bulletin}");
    assert!(!stdout.contains(" - "), "no date shown as -: {stdout}");
}

#[test]
fn theme_is_offered_only_where_the_full_screen_is_drawn() {
    for command in ["export", "list", "report", "validate", "audit", "new", "man"] {
        let out = lessons(&[command, "--help"], "");
        assert!(
            !text(&out.stdout).contains("--theme"),
            "`{command} --help` offers --theme"
        );
    }
    for command in ["play", "resume", "drill", "classroom", "preview"] {
        let out = lessons(&[command, "--help"], "");
        assert!(
            text(&out.stdout).contains("--theme"),
            "`{command} --help` lacks --theme"
        );
    }
    // before the command still works, as it always has
    let out = lessons(&["--theme", "mono", "list"], "");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = lessons(&["export", "latest", "--theme", "mono"], "");
    assert_eq!(out.status.code(), Some(2), "a usage error after export");
}

#[test]
fn completions_for_each_shell_name_the_commands() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let out = lessons(&["completions", shell], "");
        assert!(out.status.success(), "{shell}: {}", text(&out.stderr));
        let script = text(&out.stdout);
        for command in ["play", "drill", "export", "completions", "man"] {
            assert!(script.contains(command), "{shell} completion lacks {command}");
        }
        assert!(script.contains("now"), "{shell} completion lacks drill --now");
    }
    let out = lessons(&["completions", "tcsh"], "");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn the_man_page_is_one_page_with_name_synopsis_and_every_command() {
    let out = lessons(&["man"], "");
    assert!(out.status.success());
    let page = text(&out.stdout);
    assert!(
        page.starts_with(".ie") || page.starts_with(".TH"),
        "roff: {}",
        &page[..40]
    );
    for section in [
        ".TH lessons 1",
        ".SH NAME",
        ".SH SYNOPSIS",
        ".SH COMMANDS",
        ".SH EXIT STATUS",
    ] {
        assert!(page.contains(section), "missing {section}");
    }
    for command in [
        "lessons play",
        "lessons drill",
        "lessons completions",
        "lessons man",
    ] {
        assert!(page.contains(&format!(".SS \"{command}\"")), "missing {command}");
    }
    // no pages that are not installed
    assert!(
        !page.contains("lessons-play(1)"),
        "refers to a page that does not exist"
    );
    assert!(!page.contains("(1)\n") || page.matches("(1)").count() == 0);
}

/// A finished run of the fixture, started now, that missed its first decision.
fn write_missed_run(data: &std::path::Path) {
    use lessons::engine::{Input, Mode, Session, Settings};
    use lessons::record::{Record, RecordKind, Stamp};
    let path = common::root().join("tests/fixtures/valid/synthetic-branching.ron");
    let scenario = common::fixture_scenario();
    let mut session = Session::new(scenario.clone(), Settings::new(Mode::Practice, 1));
    for input in [
        Input::Continue,
        Input::Continue,
        Input::Choose("watch".into()),
        Input::Rationale("looked enough".into()),
    ] {
        session.apply(input).unwrap();
    }
    let now = Stamp::now();
    let mut record = Record::new(RecordKind::Run, &scenario, session.into_state(), None, now).unwrap();
    record.finished = Some(now);
    record.scenario_file = Some(path.to_str().unwrap().to_string());
    std::fs::create_dir_all(data).unwrap();
    let json = serde_json::to_string(&record).unwrap();
    std::fs::write(data.join(format!("{}.json", record.id)), json).unwrap();
}

#[test]
fn drill_with_nothing_due_says_when_and_drill_now_asks_at_once() {
    let dir = scratch("drill");
    let data = dir.join("records");
    write_missed_run(&data);
    let data_arg = data.to_str().unwrap();

    let out = lessons(&["--data-dir", data_arg, "drill", "--plain"], "");
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        stdout.contains("Nothing to drill today. The next is due on "),
        "{stdout}"
    );
    assert!(
        stdout.contains("To retry 1 decision now: lessons drill --now"),
        "{stdout}"
    );

    let out = lessons(
        &["--data-dir", data_arg, "drill", "--now", "--plain"],
        "1\nbecause\n\n\n\n",
    );
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("Drill 1 of 1 · Synthetic fixture: a report at the front counter · decision 1"),
        "{stdout}"
    );
    let early = std::fs::read_dir(&data)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().contains("-drill-"))
        .any(|p| {
            let record: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap();
            record["session"]["early"] == serde_json::Value::Bool(true)
        });
    assert!(early, "the drill-now record is marked early");
    assert!(
        stdout.contains("Drill complete: 1 decision re-asked."),
        "{stdout}"
    );
    let _ = std::fs::remove_dir_all(dir);
}
