//! The course designer's tools: `new`, `graph`, `coverage` and `preview`, against fixtures.
//! Graph output is rendered with Graphviz and parsed by Mermaid when those tools are on the
//! machine; `.ci/run` installs them and sets LESSONS_REQUIRE_RENDERERS=1 so CI always checks.
#![allow(clippy::unwrap_used)]

mod common;

use std::fs;
use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{lessons, lessons_in, root, text};
use lessons::designer::coverage;
use lessons::scenario::Step;
use lessons::tui::app::Screen;
use lessons::tui::frontend::FrontEnd;
use lessons::tui::keys::Action;
use lessons::tui::preview::Preview;
use lessons::tui::theme::{Palette, ThemeName};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const FIXTURE: &str = "tests/fixtures/valid/synthetic-branching.ron";

fn renderers_required() -> bool {
    std::env::var_os("LESSONS_REQUIRE_RENDERERS").is_some()
}

#[test]
fn new_writes_a_skeleton_that_validates_as_it_stands() {
    let dir = tempfile::tempdir().unwrap();
    let out = lessons_in(dir.path(), &["new", "my-new-case"], "", &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let skeleton = fs::read_to_string(dir.path().join("my-new-case.ron")).unwrap();
    assert!(skeleton.contains("id: \"my-new-case\""));
    assert!(skeleton.contains("// - No personal names"));
    let check = lessons_in(dir.path(), &["validate", "my-new-case.ron"], "", &[]);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stderr));
    assert_eq!(text(&check.stderr), "", "the skeleton has no warnings either");
    let again = lessons_in(dir.path(), &["new", "my-new-case"], "", &[]);
    assert_eq!(again.status.code(), Some(1));
    assert!(text(&again.stderr).contains("already exists; nothing was written"));
    assert_eq!(
        fs::read_to_string(dir.path().join("my-new-case.ron")).unwrap(),
        skeleton
    );
    let bad = lessons_in(dir.path(), &["new", "Not An Id"], "", &[]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(text(&bad.stderr).contains("is not a valid id"));
}

#[test]
fn new_from_a_source_copies_it_beside_the_skeleton_for_quoting() {
    let dir = tempfile::tempdir().unwrap();
    let source = root().join("assets/cases/iopc-met-2019-failure-in-duties.txt");
    let out = lessons_in(
        dir.path(),
        &["new", "met-draft", "--from", source.to_str().unwrap()],
        "",
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        fs::read(dir.path().join("met-draft.source.txt")).unwrap(),
        fs::read(&source).unwrap()
    );
    let skeleton = fs::read_to_string(dir.path().join("met-draft.ron")).unwrap();
    assert!(skeleton.contains("document: \"met-draft.source.txt\""));
    assert!(skeleton.contains("quote: \"Failure in duties – Metropolitan Police Service, July 2019\""));
    let check = lessons_in(dir.path(), &["validate", "met-draft.ron"], "", &[]);
    assert_eq!(check.status.code(), Some(0));
    assert_eq!(
        text(&check.stderr),
        "",
        "the example quote is found in the source"
    );
}

#[test]
fn graph_as_dot_highlights_both_paths_and_renders_with_graphviz() {
    let out = lessons(&["graph", FIXTURE], "");
    assert_eq!(out.status.code(), Some(0));
    let dot = text(&out.stdout);
    assert!(dot.starts_with("digraph \"synthetic-branching\" {"));
    assert!(dot.contains(
        "s2 [label=\"3. Decision (Choose a grade): risk\\nWhat risk level do you record?\", shape=box"
    ));
    // the officers graded standard (red), the finding expected high (green)
    assert!(
        dot.contains("s2 -> s3 [label=\"Standard / Medium / time up\", color=\"#b22222\", penwidth=2];"),
        "{dot}"
    );
    assert!(
        dot.contains("s2 -> s4 [label=\"High\", color=\"#2e7d32\", penwidth=2];"),
        "{dot}"
    );
    render("dot", &["-Tsvg"], &dot, "<svg");
}

#[test]
fn graph_as_mermaid_parses() {
    let out = lessons(&["graph", FIXTURE, "--format", "mermaid"], "");
    assert_eq!(out.status.code(), Some(0));
    let mermaid = text(&out.stdout);
    assert!(mermaid.starts_with("flowchart TD\n"));
    assert!(mermaid.contains("s2 -->|\"High\"| s4"));
    assert!(mermaid.contains("linkStyle"));
    let Some(checker) = std::env::var_os("LESSONS_MERMAID_CHECK") else {
        assert!(
            !renderers_required(),
            "LESSONS_MERMAID_CHECK must name the Mermaid checker script in CI"
        );
        eprintln!(
            "skipped the Mermaid parse: set LESSONS_MERMAID_CHECK to .ci/mermaid-check.mjs with mermaid installed"
        );
        return;
    };
    render("node", &[checker.to_str().unwrap()], &mermaid, "ok");
}

/// Pipes `input` through a renderer and checks it succeeds; skipped when the tool is missing
/// (unless CI requires it).
fn render(program: &str, args: &[&str], input: &str, expect: &str) {
    let child = Command::new(program)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let Ok(mut child) = child else {
        assert!(
            !renderers_required(),
            "{program} is required in CI but not installed"
        );
        eprintln!("skipped rendering with {program}: not installed");
        return;
    };
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{program} failed: {}", text(&out.stderr));
    assert!(text(&out.stdout).contains(expect), "{}", text(&out.stdout));
}

#[test]
fn coverage_plays_every_path_of_the_fixture() {
    let out = lessons(&["coverage", FIXTURE], "");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let report = text(&out.stdout);
    assert!(report.contains("Coverage of synthetic-branching (every path played)"));
    assert!(report.contains("paths to the end:        2"));
    assert!(report.contains("steps never reached:     none"));
    assert!(report.contains("dead ends:               0"));
    let json = lessons(&["coverage", FIXTURE, "--json"], "");
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(value["longest_path"].as_array().unwrap().len(), 4);
}

#[test]
fn coverage_refuses_an_invalid_file_with_its_errors() {
    let out = lessons(&["coverage", "tests/fixtures/invalid/unreachable-step.ron"], "");
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("step `marac` can never be reached"));
}

#[test]
fn coverage_samples_with_a_seed_when_there_are_too_many_paths() {
    // fourteen diamonds: each decision leads two ways that meet again, so 2^14 = 16,384 paths
    let mut scenario = common::fixture_scenario();
    let Step::Decision(template) = scenario.steps[1].clone() else {
        panic!("a decision")
    };
    let Step::Narrative(narrative) = scenario.steps[0].clone() else {
        panic!("a narrative")
    };
    let mut steps = Vec::new();
    for i in 0..14 {
        let after = if i == 13 {
            "end".to_string()
        } else {
            format!("d{}", i + 1)
        };
        let mut d = template.clone();
        d.id = format!("d{i}");
        d.options.truncate(2);
        d.options[0].goto = Some(format!("a{i}"));
        d.options[1].goto = Some(format!("b{i}"));
        steps.push(Step::Decision(d));
        for side in ["a", "b"] {
            let mut n = narrative.clone();
            n.id = format!("{side}{i}");
            n.next = Some(after.clone());
            steps.push(Step::Narrative(n));
        }
    }
    scenario.steps = steps;
    let sampled = coverage::run(&scenario, 9);
    assert!(!sampled.exhaustive);
    assert_eq!(sampled.seed, Some(9));
    assert!(sampled.paths > 100, "{} distinct paths sampled", sampled.paths);
    assert!(sampled.is_clean());
    assert_eq!(
        coverage::run(&scenario, 9),
        sampled,
        "the same seed samples the same paths"
    );
}

fn draw(preview: &Preview) -> String {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal
        .draw(|f| preview.draw(f.area(), f.buffer_mut(), Instant::now()))
        .unwrap();
    terminal.backend().to_string()
}

#[test]
fn preview_reloads_on_save_shows_errors_while_broken_and_keeps_the_place() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("draft.ron");
    let good = fs::read_to_string(root().join(FIXTURE)).unwrap();
    fs::write(&path, &good).unwrap();
    let now = Instant::now();
    let mut preview = Preview::open(&path, true, Palette::new(ThemeName::Mono), now);
    preview.app.seed = Some(1);
    assert!(!preview.is_broken());
    for action in [
        Action::Enter,
        Action::Enter,
        Action::Enter,
        Action::Enter,
        Action::Enter,
    ] {
        preview.handle(action, now);
    }
    let Screen::Run(run) = &preview.app.screen else {
        panic!("playing")
    };
    assert_eq!(run.state().path.last().map(String::as_str), Some("risk"));

    // the author saves a broken file
    std::thread::sleep(Duration::from_millis(20));
    fs::write(&path, good.replace("goto: \"marac\"", "goto: \"marak\"")).unwrap();
    assert!(preview.reload_if_changed(now));
    assert!(preview.is_broken());
    let screen = draw(&preview);
    assert!(screen.contains("cannot be played yet"), "{screen}");
    assert!(
        screen.contains("`goto` leads to step `marak`, which does not exist"),
        "{screen}"
    );
    preview.handle(Action::Enter, now); // keys other than q do nothing while broken

    // then fixes it and rewords the question: play resumes at the same decision
    std::thread::sleep(Duration::from_millis(20));
    fs::write(
        &path,
        good.replace(
            "What risk level do you record?",
            "Which risk level do you record?",
        ),
    )
    .unwrap();
    assert!(preview.reload_if_changed(now));
    assert!(!preview.is_broken());
    let Screen::Run(run) = &preview.app.screen else {
        panic!("back in the run")
    };
    assert_eq!(run.state().path.last().map(String::as_str), Some("risk"));
    assert_eq!(run.state().answers.len(), 1, "the earlier answer is kept");
    let screen = draw(&preview);
    assert!(screen.contains("Which risk level do you record?"), "{screen}");
    assert!(screen.contains("Reloaded; you are where you were."), "{screen}");
    assert!(!preview.reload_if_changed(now), "nothing changed since");
}
