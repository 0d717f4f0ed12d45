//! The cohort report over 1,000, 5,000 and 10,000 run records (goal: under 0.5 s for
//! 10,000, and linear: ten times the records, about ten times the time).
#![allow(clippy::unwrap_used)]

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use lessons::analysis::report;
use lessons::engine::kind_rule::response_of;
use lessons::engine::{Answer, Mode, Session, Settings};
use lessons::record::{Record, RecordKind, Stamp};
use lessons::scenario::{Library, Scenario};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// A finished-looking record answering every decision of `scenario` at random, with a rationale.
fn record(scenario: &Scenario, n: usize, rng: &mut ChaCha8Rng) -> Record {
    let mut session = Session::new(scenario.clone(), Settings::new(Mode::Assessment, n as u64)).into_state();
    for decision in scenario.decisions() {
        let pick = |rng: &mut ChaCha8Rng| {
            decision.options[(rng.next_u32() as usize) % decision.options.len()]
                .id
                .clone()
        };
        let picks = if decision.kind.picks_one() {
            vec![pick(rng)]
        } else {
            decision
                .options
                .iter()
                .filter(|_| rng.next_u32().is_multiple_of(2))
                .map(|o| o.id.clone())
                .collect()
        };
        let response = response_of(decision.kind, picks).expect("every decision has options");
        session.answers.push(Answer {
            step: decision.id.clone(),
            response,
            rationale: Some(format!("Rationale {n}")),
            confidence: Some(3),
        });
    }
    let mut record = Record::new(
        RecordKind::Run,
        scenario,
        session,
        Some(format!("trainee-{}", n % 300)),
        Stamp::from_unix(n as i64),
    )
    .expect("the case hashes");
    record.finished = Some(Stamp::from_unix(n as i64 + 600));
    record
}

fn bench(c: &mut Criterion) {
    let scenarios: Vec<Scenario> = Library::builtin().scenarios().cloned().collect();
    let mut rng = ChaCha8Rng::seed_from_u64(1);
    let all: Vec<Record> = (0..10_000)
        .map(|n| record(&scenarios[n % scenarios.len()], n, &mut rng))
        .collect();
    let mut group = c.benchmark_group("cohort report");
    group.sample_size(10);
    for size in [1_000, 5_000, 10_000] {
        group.bench_with_input(BenchmarkId::new("build", size), &size, |b, &size| {
            b.iter(|| black_box(report::build(black_box(&all[..size]), &scenarios, true)))
        });
    }
    group.bench_function("build + markdown, 10000", |b| {
        b.iter(|| black_box(report::markdown(&report::build(&all, &scenarios, true))))
    });
    // the same, read from 10,000 record files on disk as `lessons report DIR` does
    let dir = tempfile::tempdir().unwrap();
    let store = lessons::record::Store::open(dir.path()).unwrap();
    for record in &all {
        store.save(record).unwrap();
    }
    group.bench_function("load 10000 files + build", |b| {
        b.iter(|| {
            let (records, _) = lessons::record::load_paths(&[dir.path().to_path_buf()]);
            let records: Vec<Record> = records.into_iter().map(|(_, r)| r).collect();
            black_box(report::build(&records, &scenarios, true))
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
