//! A 10,000-step case played through the plain player with records, as `lessons play FILE
//! --plain` does: 9,000 narrative steps and 1,000 decisions, each answered with the
//! optional rationale skipped. Goal: well under 10 s for the whole run (it took 49 s when
//! every step rewrote and flushed the whole record, and 8.4 s without records when every
//! step copied the whole run). The case is generated, synthetic, and not a real case.
#![allow(clippy::unwrap_used)]

use std::fmt::Write as _;
use std::io::Cursor;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use lessons::engine::{Mode, Session, Settings};
use lessons::plain::{Ending, play_session};
use lessons::record::{Recorder, Store};
use lessons::scenario::{Origin, Scenario, load_bytes};

const STEPS: usize = 10_000;

/// The RON text of a synthetic case: a decision every tenth step, narrative in between.
fn long_case() -> String {
    let mut steps = String::new();
    for i in 0..STEPS {
        if i % 10 == 9 {
            let _ = writeln!(
                steps,
                r#"Decision(id: "d{i}", ndm: GatherInformation, prompt: "Synthetic decision {i}?", kind: Single, options: [Choice(id: "a", text: "Option A", mark: Expected, feedback: "Fixture feedback."), Choice(id: "b", text: "Option B", mark: Poor, actual: true, feedback: "Fixture feedback.")], finding: Finding(text: "Fixture finding {i}.", quote: "finding")),"#
            );
        } else {
            let _ = writeln!(steps, r#"Narrative(id: "n{i}", text: "Step {i}."),"#);
        }
    }
    format!(
        r#"// synthetic, not a real case
Scenario(
    format: 1,
    id: "synthetic-long",
    title: "Synthetic fixture: a very long case",
    source: Source(publisher: Other, title: "Synthetic test fixture (not a real case)", force: "Test Constabulary", incident: "2020-01", published: "2020-02-01", reference: "TEST/0002"),
    themes: [Evidence],
    role: FrontCounter,
    content_warning: "Synthetic test material. No real case is described.",
    estimated_minutes: 3,
    briefing: "A synthetic fixture.",
    steps: [
{steps}    ],
    outcome: Outcome(what_happened: "Fixture outcome.", officers: ["Fixture."], learning: ["Fixture."]),
    discussion: ["Fixture question?"],
)
"#
    )
}

fn load(text: &str) -> Scenario {
    load_bytes(
        Origin::File(PathBuf::from("long.ron")),
        "long.ron",
        text.as_bytes(),
    )
    .scenario
    .expect("the generated case is valid")
}

/// Loads, plays every step and answers every decision; records in `dir` when given.
fn play_through(text: &str, answers: &str, dir: Option<&std::path::Path>) {
    let scenario = load(text);
    let mut recorder = Recorder::new(dir.map(|d| Store::open(d).unwrap()), None);
    let session = Session::new(scenario.clone(), Settings::new(Mode::Practice, 1));
    let ending = play_session(
        session,
        Some((&mut recorder, Vec::new())),
        Cursor::new(answers.as_bytes()),
        std::io::sink(),
    )
    .unwrap();
    assert_eq!(ending, Ending::Finished);
    recorder.compact().unwrap();
    assert!(dir.is_none() || recorder.is_saved());
}

fn bench(c: &mut Criterion) {
    let text = long_case();
    let answers = "1\n\n".repeat(STEPS / 10);
    let mut group = c.benchmark_group("long_run");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));
    group.bench_function("10k_steps_plain_with_records", |b| {
        b.iter(|| {
            let dir = tempfile::tempdir().unwrap();
            play_through(&text, &answers, Some(dir.path()));
        })
    });
    group.bench_function("10k_steps_plain_no_records", |b| {
        b.iter(|| play_through(&text, &answers, None))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
