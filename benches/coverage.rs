//! `coverage` on a valid scenario of 2,000 decisions in one line (goal: under 1 s; 82 s in
//! 0.1.0, when every step re-checked the whole path).
#![allow(clippy::unwrap_used)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use lessons::designer::coverage;
use lessons::scenario::{Origin, load_bytes};

#[path = "../tests/common/linear.rs"]
mod linear;

fn bench(c: &mut Criterion) {
    let text = linear::linear_scenario(2_000);
    let entry = load_bytes(Origin::Builtin("linear.ron"), "linear.ron", text.as_bytes());
    let scenario = entry.scenario.unwrap();
    let mut group = c.benchmark_group("coverage");
    group.sample_size(10);
    group.bench_function("linear_2000_decisions", |b| {
        b.iter(|| black_box(coverage::run(black_box(&scenario), 1)))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
