//! Run records under stress (issue 10): every run keeps its own record, a record never
//! chooses where it is written, a save that fails is said at once and never hidden, the
//! scenario hash survives new optional fields and 0.1.0 records, orphaned runs are passed
//! over or exported from the record alone.
#![allow(clippy::unwrap_used)]

mod common;

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use common::keys::press;
use common::{fixture_scenario, lessons_in, root, text};
use lessons::record::{Record, read_record, scenario_hash};
use lessons::tui::app::{App, Screen};
use lessons::tui::records::RecordStore;
use lessons::tui::theme::{Palette, ThemeName};

const FIXTURE: &str = "tests/fixtures/valid/synthetic-branching.ron";
/// Secure (with a rationale), grade high, do not refer: the whole fixture.
const FULL_RUN: &str = "1\nit proves the breach\n3\n2\n";

fn run(data: &Path, args: &[&str], input: &str) -> std::process::Output {
    let mut all = vec!["--data-dir", data.to_str().unwrap()];
    all.extend(args);
    lessons_in(&root(), &all, input, &[])
}

fn play(data: &Path, input: &str) -> std::process::Output {
    run(data, &["play", FIXTURE, "--plain", "--seed", "7"], input)
}

/// Every record in the folder as the program reads it, with its file.
fn records(dir: &Path) -> Vec<(PathBuf, Record)> {
    let mut found: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| {
            let r = read_record(&p).unwrap();
            (p, r)
        })
        .collect();
    found.sort_by_key(|(_, r)| r.updated);
    found
}

fn edit(path: &Path, change: impl FnOnce(&mut serde_json::Value)) {
    let mut value: serde_json::Value = serde_json::from_slice(&fs::read(path).unwrap()).unwrap();
    change(&mut value);
    fs::write(path, serde_json::to_vec_pretty(&value).unwrap()).unwrap();
}

// ---- 1. Run identity ----

#[test]
fn runs_of_one_case_with_one_seed_started_at_once_are_all_kept() {
    let data = tempfile::tempdir().unwrap();
    let children: Vec<_> = (0..8)
        .map(|n| {
            let mut child = Command::new(env!("CARGO_BIN_EXE_lessons"))
                .args(["--data-dir", data.path().to_str().unwrap()])
                .args(["--name", &format!("p{n}")])
                .args(["play", FIXTURE, "--plain", "--seed", "7"])
                .current_dir(root())
                .stdin(Stdio::piped())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap();
            child
                .stdin
                .take()
                .unwrap()
                .write_all(FULL_RUN.as_bytes())
                .unwrap();
            child
        })
        .collect();
    for mut child in children {
        assert!(child.wait().unwrap().success());
    }
    let mut names: Vec<String> = records(data.path())
        .into_iter()
        .filter_map(|(_, r)| r.trainee)
        .collect();
    names.sort();
    assert_eq!(names, ["p0", "p1", "p2", "p3", "p4", "p5", "p6", "p7"]);
}

fn app_with_records(dir: &Path) -> App {
    let scenarios = vec![fixture_scenario()];
    let mut app = App::new(scenarios.clone(), Palette::new(ThemeName::Mono), Instant::now());
    app.seed = Some(5);
    app.store = Box::new(RecordStore::open(Some(dir), &scenarios, None));
    app
}

/// The app at the 100×24 these tests read it at.
fn screen(app: &App) -> String {
    common::keys::screen(app, 100, 24)
}

#[test]
fn the_full_screen_player_keeps_a_second_run_of_the_same_case_and_seed() {
    let data = tempfile::tempdir().unwrap();
    let mut app = app_with_records(data.path());
    // open, begin, past the narrative, choose, give a rationale; leave for the library
    let first = [
        "Enter",
        "Enter",
        "Enter",
        "Enter",
        "text:FIRST RUN reason",
        "Enter",
        "Esc",
        "y",
    ];
    press(&mut app, &first);
    assert!(matches!(app.screen, Screen::Library(_)));
    let second = [
        "Enter",
        "Enter",
        "Enter",
        "Enter",
        "text:SECOND RUN reason",
        "Enter",
    ];
    press(&mut app, &second);
    let kept = records(data.path());
    let mut rationales: Vec<_> = kept
        .iter()
        .map(|(_, r)| r.session.answers[0].rationale.clone().unwrap())
        .collect();
    rationales.sort();
    assert_eq!(rationales, ["FIRST RUN reason", "SECOND RUN reason"]);
}

// ---- 2. A record never chooses where it is written ----

#[test]
fn a_crafted_record_id_cannot_choose_where_resume_writes() {
    let scratch = tempfile::tempdir().unwrap();
    let data = scratch.path().join("records");
    play(&data, "1\nfirst\n");
    let (file, _) = records(&data).pop().unwrap();
    let outside = scratch.path().join("PWNED");
    for crafted in ["../PWNED", outside.to_str().unwrap()] {
        edit(&file, |v| v["id"] = crafted.into());
        let out = run(&data, &["resume", file.to_str().unwrap(), "--plain"], "3\n2\n");
        assert_eq!(out.status.code(), Some(1));
        let stderr = text(&out.stderr);
        assert!(stderr.contains("is not allowed"), "{stderr}");
        assert!(
            !scratch.path().join("PWNED.json").exists(),
            "written outside the folder"
        );
        // and `resume` without a name passes it over, saying why
        let out = run(&data, &["resume", "--plain"], "3\n2\n");
        assert_eq!(out.status.code(), Some(1));
        assert!(
            text(&out.stderr).contains("is not allowed"),
            "{}",
            text(&out.stderr)
        );
        assert!(!scratch.path().join("PWNED.json").exists());
    }
}

#[test]
fn a_resumed_record_is_saved_back_to_the_file_it_was_read_from() {
    let data = tempfile::tempdir().unwrap();
    play(data.path(), "1\nfirst\n");
    let (file, record) = records(data.path()).pop().unwrap();
    let renamed = data.path().join("my-run.json");
    fs::rename(&file, &renamed).unwrap();
    let out = run(
        data.path(),
        &["resume", renamed.to_str().unwrap(), "--plain"],
        "3\n2\n",
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        !file.exists(),
        "nothing written under the record's id {}",
        record.id
    );
    let resumed = read_record(&renamed).unwrap();
    assert!(resumed.is_finished());
    assert_eq!(resumed.session.answers.len(), 3);
}

// ---- 3. A save that fails is never silent ----

#[test]
fn a_data_folder_that_is_a_file_never_claims_the_answers_are_saved() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("file");
    fs::write(&file, b"x").unwrap();
    let out = play(&file, "1\nfirst\n");
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(!stderr.contains("are saved"), "{stderr}");
    assert!(stderr.contains("NOT saved"), "{stderr}");
}

#[test]
fn drill_list_warns_when_the_data_folder_cannot_be_read() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("file");
    fs::write(&file, b"x").unwrap();
    let out = run(&file, &["drill", "--list"], "");
    let stderr = text(&out.stderr);
    assert!(stderr.contains("cannot be read"), "{stderr}");
}

/// Waits for a line of stderr containing `needle`, or gives up after a long while.
fn wait_for(lines: &mpsc::Receiver<String>, needle: &str, seen: &mut Vec<String>) -> bool {
    let deadline = Instant::now() + Duration::from_secs(60);
    while let Some(left) = deadline.checked_duration_since(Instant::now()) {
        match lines.recv_timeout(left) {
            Ok(line) => {
                let found = line.contains(needle);
                seen.push(line);
                if found {
                    return true;
                }
            }
            Err(_) => return false,
        }
    }
    false
}

#[test]
fn a_folder_lost_mid_run_is_reported_at_once_and_each_answer_retries() {
    let scratch = tempfile::tempdir().unwrap();
    let data = scratch.path().join("records");
    let mut child = Command::new(env!("CARGO_BIN_EXE_lessons"))
        .args(["--data-dir", data.to_str().unwrap()])
        .args(["play", FIXTURE, "--plain", "--seed", "7"])
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let stderr = child.stderr.take().unwrap();
    let (tx, lines) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    stdin.write_all(b"1\nfirst\n").unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    while !fs::read_dir(&data).is_ok_and(|d| d.count() > 0) && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    // the folder goes away and a file takes its place
    fs::rename(&data, scratch.path().join("moved")).unwrap();
    fs::write(&data, b"not a folder").unwrap();
    stdin.write_all(b"3\n").unwrap();
    let mut seen = Vec::new();
    assert!(
        wait_for(&lines, "NOT saved", &mut seen),
        "the failed save is said on stderr at once: {seen:?}"
    );
    // the folder comes back: the next answer is saved, with everything before it
    fs::remove_file(&data).unwrap();
    fs::create_dir(&data).unwrap();
    stdin.write_all(b"2\n").unwrap();
    drop(stdin);
    let status = child.wait().unwrap();
    assert!(wait_for(&lines, "saving works again", &mut seen), "{seen:?}");
    assert!(status.success(), "the last save worked: {seen:?}");
    let (_, record) = records(&data).pop().unwrap();
    assert!(record.is_finished());
    assert_eq!(record.session.answers.len(), 3);
}

/// A tiny tmpfs, unmounted when dropped.
struct Tmpfs(PathBuf);

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

#[test]
fn a_full_disk_is_reported_at_once_and_the_run_ends_unsaved() {
    let scratch = tempfile::tempdir().unwrap();
    let mount = scratch.path().join("full");
    fs::create_dir(&mount).unwrap();
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=64k", "tmpfs"])
        .arg(&mount)
        .stderr(Stdio::null())
        .status();
    if !mounted.is_ok_and(|s| s.success()) {
        eprintln!("skipped: mounting a tmpfs is not permitted here (needs root)");
        return;
    }
    let _guard = Tmpfs(mount.clone());
    let mut filler = fs::File::create(mount.join("filler")).unwrap();
    while filler
        .write_all(&[0; 4096])
        .and_then(|()| filler.sync_all())
        .is_ok()
    {}
    drop(filler);
    let out = play(&mount, FULL_RUN);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("NOT saved"), "{stderr}");
    assert!(!stderr.contains("are saved"), "{stderr}");
    assert!(text(&out.stdout).contains("DEBRIEF"), "play goes on");
}

#[test]
fn the_full_screen_player_shows_a_failed_save_at_once_and_the_quit_dialog_tells_the_truth() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("file");
    fs::write(&file, b"x").unwrap();
    let mut app = app_with_records(&file);
    press(&mut app, &["Enter", "Enter"]);
    assert!(matches!(app.screen, Screen::Run(_)));
    let shown = screen(&app);
    assert!(shown.contains("Not saved"), "{shown}");
    press(&mut app, &["Enter", "Enter", "text:a reason", "Enter"]);
    assert!(screen(&app).contains("Not saved"), "still said after an answer");
    press(&mut app, &["q"]);
    let shown = screen(&app);
    assert!(shown.contains("FAILED"), "{shown}");
    assert!(!shown.contains("are saved"), "{shown}");
}

// ---- 8. A stable scenario identity ----

#[test]
fn new_records_hold_the_versioned_canonical_hash_of_their_case() {
    let data = tempfile::tempdir().unwrap();
    play(data.path(), "1\nfirst\n");
    let (_, record) = records(data.path()).pop().unwrap();
    assert!(
        record.scenario_hash.starts_with("c1:"),
        "{}",
        record.scenario_hash
    );
    assert_eq!(record.scenario_hash, scenario_hash(&fixture_scenario()).unwrap());
    // pinned: if this changes, every unfinished run of the fixture is orphaned
    assert_eq!(record.scenario_hash, "c1:da9061980ecafdb3");
}

fn copy_fixture_records(to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(root().join("tests/fixtures/records-0.1.0")).unwrap() {
        let path = entry.unwrap().path();
        fs::copy(&path, to.join(path.file_name().unwrap())).unwrap();
    }
}

#[test]
fn a_0_1_0_run_of_a_case_rewritten_since_is_refused_by_name_and_its_answers_kept() {
    // Herts as 0.1.0 shipped it; the library's second edition rewrote the case, so its old
    // runs must not resume against different questions
    let data = tempfile::tempdir().unwrap();
    copy_fixture_records(data.path());
    let out = run(data.path(), &["resume", "--plain"], "1\n");
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("skipped `20261202T032515Z-run-herts-2021-nmo-breach-0003`"),
        "{stderr}"
    );
    assert!(
        stderr.contains("has changed since this run was recorded"),
        "{stderr}"
    );
    assert!(
        !stderr.contains('\u{FFFD}'),
        "the lines of the message stay lines: {stderr}"
    );
    let kept = read_record(
        &data
            .path()
            .join("20261202T032515Z-run-herts-2021-nmo-breach-0003.json"),
    )
    .unwrap();
    assert!(
        !kept.session.answers.is_empty(),
        "the 0.1.0 answers are left as they were"
    );
}

#[test]
fn a_0_1_0_record_of_a_scenario_file_still_resumes_from_that_file() {
    // written by the lessons 0.1.0 binary itself, playing the committed fixture file
    let dir = root().join("tests/fixtures/records-0.1.0");
    let data = tempfile::tempdir().unwrap();
    let record = data.path().join("20261202T044343Z-run-legacy-case-0003.json");
    fs::copy(dir.join("legacy-case-run.json.txt"), &record).unwrap();
    let scenario = dir.join("legacy-case.ron");
    edit(&record, |v| {
        v["scenario_file"] = scenario.to_str().unwrap().into();
    });
    let out = run(data.path(), &["resume", "--plain"], "2\n");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("Resuming your run: 1 decision"), "{stdout}");
    let finished = read_record(&record).unwrap();
    assert!(finished.is_finished());
    assert_eq!(
        finished.session.answers[0].rationale.as_deref(),
        Some("the caller heard shouting"),
        "the answer given under 0.1.0 is kept"
    );
}

// ---- 9. Orphans and fallbacks ----

#[test]
fn resume_passes_over_a_newer_orphaned_run_and_names_it() {
    let data = tempfile::tempdir().unwrap();
    play(data.path(), "1\nolder\n");
    play(data.path(), "1\nnewer\n");
    let kept = records(data.path());
    let by_reason = |reason: &str| {
        kept.iter()
            .find(|(_, r)| r.session.answers[0].rationale.as_deref() == Some(reason))
            .unwrap()
    };
    let (older, newer) = (by_reason("older"), by_reason("newer"));
    let later = older.1.updated.unix + 3_600;
    edit(&newer.0, |v| {
        v["scenario_id"] = "gone\u{1b}]0;PWNED\u{7}case".into();
        v["updated"]["unix"] = later.into();
    });
    let out = run(data.path(), &["resume", "--plain"], "3\n2\n");
    let stderr = text(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains(&format!("skipped the newer run `{}`", newer.1.id)),
        "{stderr}"
    );
    assert!(!stderr.contains('\u{1b}'), "{stderr:?}");
    let resumed = read_record(&older.0).unwrap();
    assert!(resumed.is_finished());
    assert_eq!(resumed.session.answers[0].rationale.as_deref(), Some("older"));
}

#[test]
fn exporting_a_run_whose_case_is_gone_still_gives_the_cpd_record() {
    let data = tempfile::tempdir().unwrap();
    play(data.path(), FULL_RUN);
    let (file, _) = records(data.path()).pop().unwrap();
    edit(&file, |v| {
        v["scenario_id"] = "withdrawn-case".into();
        v["scenario_file"] = serde_json::Value::Null;
    });
    let out = run(data.path(), &["export", "latest"], "");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let md = text(&out.stdout);
    assert!(
        md.contains("# Debrief: Synthetic fixture: a report at the front counter"),
        "{md}"
    );
    assert!(md.contains("it proves the breach"), "{md}");
    assert!(md.contains("no longer in the library"), "{md}");
}

#[test]
fn the_export_of_a_withdrawn_case_keeps_a_trainees_markdown_inert() {
    let data = tempfile::tempdir().unwrap();
    play(
        data.path(),
        "1\nsee ![x](http://example.invalid/x.png) and <img src=x>\n",
    );
    let (file, _) = records(data.path()).pop().unwrap();
    edit(&file, |v| {
        v["scenario_id"] = "withdrawn-case".into();
        v["scenario_file"] = serde_json::Value::Null;
    });
    let out = run(data.path(), &["export", &file.to_string_lossy()], "");
    let md = text(&out.stdout);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(md.contains("no longer in the library"), "{md}");
    assert!(!md.contains("![x]("), "an image would render: {md}");
    assert!(!md.contains("<img"), "raw HTML would render: {md}");
}

#[test]
fn the_library_offers_the_run_that_c_continues() {
    let data = tempfile::tempdir().unwrap();
    play(data.path(), "1\nolder\n");
    play(data.path(), "1\nnewer\n");
    let kept = records(data.path());
    let by_reason = |reason: &str| {
        kept.iter()
            .find(|(_, r)| r.session.answers[0].rationale.as_deref() == Some(reason))
            .unwrap()
    };
    let (older, newer) = (by_reason("older"), by_reason("newer"));
    // the newer run refers to a step the case does not have
    let later = older.1.updated.unix + 3_600;
    edit(&newer.0, |v| {
        v["scenario_title"] = "A BROKEN RUN".into();
        v["session"]["path"][0] = "no-such-step".into();
        v["updated"]["unix"] = later.into();
    });
    let mut app = app_with_records(data.path());
    let shown = screen(&app);
    assert!(shown.contains("Unfinished: Synthetic fixture"), "{shown}");
    assert!(!shown.contains("A BROKEN RUN"), "{shown}");
    press(&mut app, &["c"]);
    assert!(matches!(app.screen, Screen::Run(_)), "{}", screen(&app));
}

#[test]
fn the_full_screen_player_saves_a_resumed_file_back_to_that_file() {
    let scratch = tempfile::tempdir().unwrap();
    let data = scratch.path().join("records");
    play(&data, "1\nfirst\n");
    let (file, record) = records(&data).pop().unwrap();
    let elsewhere = scratch.path().join("handed-over.json");
    fs::rename(&file, &elsewhere).unwrap();
    let scenarios = vec![fixture_scenario()];
    let mut store = RecordStore::open(Some(&data), &scenarios, None);
    store.read_from(&record.id, elsewhere.clone());
    let mut app = App::new(scenarios, Palette::new(ThemeName::Mono), Instant::now());
    app.store = Box::new(store);
    app.resume_record(read_record(&elsewhere).unwrap());
    // on from the feedback, grade the risk
    press(&mut app, &["Enter", "Enter"]);
    assert!(
        fs::read_dir(&data).unwrap().next().is_none(),
        "nothing written in the folder"
    );
    let saved = read_record(&elsewhere).unwrap();
    assert_eq!(saved.session.answers.len(), 2);
}
