//! Rendering and start-up of the full-screen player.
//! - the debrief of a real case drawn into a 200×60 buffer (goal: under 1 ms);
//! - start-up to the first frame of `lessons`, in a pseudo-terminal, beside a bare ratatui
//!   program that draws one frame (`examples/bare_frame.rs`; goal: at most 1.2×).
#![allow(clippy::unwrap_used)]

use std::hint::black_box;
use std::io::Read;
use std::path::PathBuf;
use std::process::Command;

use criterion::{Criterion, criterion_group, criterion_main};
use lessons::engine::kind_rule::{inputs_for, response_of};
use lessons::engine::{Mode, Session, Settings, assess};
use lessons::scenario::Library;
use lessons::tui::debrief::{DebriefState, DebriefView};
use lessons::tui::theme::{Palette, ThemeName};
use portable_pty::CommandBuilder;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

#[path = "../tests/common/pty.rs"]
mod pty;

fn debrief_state() -> DebriefState {
    let library = Library::builtin();
    let scenario = library
        .scenarios()
        .max_by_key(|s| s.decisions().count())
        .expect("the library has a case")
        .clone();
    // answer every decision with its first option so every row of the table is filled
    let mut session = Session::new(scenario.clone(), Settings::new(Mode::Assessment, 7));
    let mut events = session.apply(lessons::engine::Input::Continue).unwrap();
    while !session.is_finished() {
        let asked = events.iter().find_map(|e| match e {
            lessons::engine::Event::DecisionAsked(a) => Some(a.clone()),
            _ => None,
        });
        let input = match (session.phase(), asked) {
            (lessons::engine::Phase::Deciding { .. }, Some(a)) => {
                // the first option where one is picked; a checklist ticks nothing
                let picks = a.options.iter().take(usize::from(a.kind.picks_one()));
                let response = response_of(a.kind, picks.map(|o| o.id.clone()).collect()).unwrap();
                inputs_for(&response).remove(0)
            }
            (lessons::engine::Phase::Rationale { .. }, _) => {
                lessons::engine::Input::Rationale("A reason".into())
            }
            _ => lessons::engine::Input::Continue,
        };
        events = session.apply(input).unwrap();
    }
    let debrief = assess(&scenario, session.answers());
    DebriefState::new(scenario, debrief)
}

fn render(c: &mut Criterion) {
    let state = debrief_state();
    let theme = Palette::new(ThemeName::Default);
    let area = Rect::new(0, 0, 200, 60);
    let mut buffer = Buffer::empty(area);
    c.bench_function("render debrief 200x60", |b| {
        b.iter(|| {
            buffer.reset();
            DebriefView {
                state: black_box(&state),
                theme: &theme,
            }
            .render(area, &mut buffer);
        })
    });
}

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target"))
}

/// Runs a program in a fresh 80×24 pseudo-terminal until it exits.
fn run_in_pty(program: &PathBuf, args: &[&str], env: &[(&str, &str)]) {
    let mut command = CommandBuilder::new(program);
    command.args(args);
    for (k, v) in env {
        command.env(k, v);
    }
    let pty::Spawned {
        mut child,
        mut reader,
        master,
    } = pty::spawn(command);
    let drain = std::thread::spawn(move || {
        let mut sink = Vec::new();
        let _ = reader.read_to_end(&mut sink);
    });
    child.wait().unwrap();
    drop(master);
    let _ = drain.join();
}

fn startup(c: &mut Criterion) {
    let status = Command::new(env!("CARGO"))
        .args([
            "build",
            "--release",
            "--example",
            "bare_frame",
            "--bin",
            "lessons",
        ])
        .status()
        .unwrap();
    assert!(status.success());
    let release = target_dir().join("release");
    let bare = release.join("examples/bare_frame");
    let lessons = release.join("lessons");
    let data = tempfile::tempdir().unwrap();
    let home = data.path().to_str().unwrap().to_string();
    let mut group = c.benchmark_group("start-up to first frame");
    group.sample_size(30);
    group.bench_function("bare ratatui (examples/bare_frame)", |b| {
        b.iter(|| run_in_pty(&bare, &[], &[]))
    });
    group.bench_function("lessons library", |b| {
        b.iter(|| {
            run_in_pty(
                &lessons,
                &["--exit-after-first-frame"],
                &[("LESSONS_HOME", &home)],
            )
        })
    });
    group.bench_function("lessons --no-records", |b| {
        b.iter(|| {
            run_in_pty(
                &lessons,
                &["--exit-after-first-frame", "--no-records"],
                &[("LESSONS_HOME", &home)],
            )
        })
    });
    group.bench_function("lessons --version (process only)", |b| {
        b.iter(|| run_in_pty(&lessons, &["--version"], &[]))
    });
    group.finish();
}

criterion_group!(benches, render, startup);
criterion_main!(benches);
