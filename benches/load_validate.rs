//! Load + validate 1,000 generated scenarios, beside the bare `ron` deserialisation of the
//! same texts, so the cost of our checks shows as a ratio (goal: at most 1.5×).
#![allow(clippy::unwrap_used)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use lessons::scenario::parse::ron_options;
use lessons::scenario::{
    Choice, Decision, DecisionKind, Finding, Mark, Narrative, NdmStage, Origin, Outcome, Publisher,
    RationalePrompt, Role, Scenario, Source, Standard, Step, Theme, load_bytes,
};

/// A synthetic scenario about the size of a real case: eight narrative steps and eight decisions.
fn generated(n: usize) -> Scenario {
    let mut steps = Vec::new();
    for d in 0..8 {
        steps.push(Step::Narrative(Narrative {
            id: format!("n{d}"),
            clock: Some(format!("Day {d}, 10:00")),
            text: "Synthetic narrative text for benchmarking. ".repeat(8),
            next: None,
            only_if: None,
        }));
        let kind = [DecisionKind::Single, DecisionKind::Multiple, DecisionKind::Scale][d % 3];
        steps.push(Step::Decision(Decision {
            id: format!("d{d}"),
            clock: None,
            role: Some(Role::Supervisor),
            ndm: NdmStage::ALL[d % 5],
            themes: vec![Theme::RiskAssessment],
            prompt: "What do you do next, and why?".into(),
            kind,
            options: (0..5)
                .map(|o| Choice {
                    id: format!("o{o}"),
                    text: format!("Synthetic option {o} with a sentence of text."),
                    mark: if o == 0 { Mark::Expected } else { Mark::Poor },
                    actual: o == 1,
                    level: (kind == DecisionKind::Scale).then_some(o as u32 + 1),
                    feedback: Some("Synthetic feedback.".into()),
                    goto: None,
                    basis: None,
                    citation: None,
                    reason: None,
                    debrief_only: false,
                })
                .collect(),
            officers: None,
            finding: Finding {
                text: "Synthetic finding text.".into(),
                quote: Some("synthetic quote".into()),
                standards: vec![Standard::DutiesAndResponsibilities],
                policy: vec!["Synthetic policy".into()],
                debrief_only: false,
            },
            rationale: RationalePrompt::Ask,
            time_limit: Some(60),
            next: None,
            basis: None,
            citation: None,
            reason: None,
            on_timeout: None,
            when_ticked: Vec::new(),
            only_if: None,
            binary: false,
            source_note: None,
            role_assumed: false,
        }));
    }
    Scenario {
        format: 1,
        id: format!("bench-{n}"),
        title: format!("Synthetic benchmark scenario {n}"),
        source: Source {
            publisher: Publisher::Other,
            title: "Synthetic".into(),
            force: "Test Constabulary".into(),
            incident: Some("2020-01".into()),
            published: Some("2020-02".into()),
            reference: None,
            lines: None,
            bulletin: None,
            case_number: None,
            document: None,
        },
        themes: vec![Theme::DomesticAbuse, Theme::RiskAssessment],
        role: Role::CallHandler,
        content_warning: "Synthetic.".into(),
        estimated_minutes: 10,
        briefing: "Synthetic briefing. ".repeat(20),
        steps,
        outcome: Outcome {
            what_happened: "Synthetic.".into(),
            officers: vec!["Synthetic.".into()],
            learning: vec!["Synthetic.".into()],
            investigator_notes: Vec::new(),
        },
        discussion: vec!["Synthetic?".into()],
        source_notes: Vec::new(),
    }
}

fn texts() -> Vec<String> {
    let config = ron::ser::PrettyConfig::default().struct_names(true).extensions(
        ron::extensions::Extensions::UNWRAP_VARIANT_NEWTYPES | ron::extensions::Extensions::IMPLICIT_SOME,
    );
    (0..1000)
        .map(|n| ron::ser::to_string_pretty(&generated(n), config.clone()).unwrap())
        .collect()
}

fn bench(c: &mut Criterion) {
    let texts = texts();
    for text in &texts {
        let entry = load_bytes(Origin::Builtin("bench"), "bench.ron", text.as_bytes());
        assert!(entry.is_valid(), "{:?}", entry.diagnostics);
    }
    let mut group = c.benchmark_group("1000 scenarios");
    group.sample_size(20);
    group.bench_function("bare ron deserialisation", |b| {
        b.iter(|| {
            for text in &texts {
                black_box(ron_options().from_str::<Scenario>(black_box(text)).unwrap());
            }
        })
    });
    group.bench_function("load + validate", |b| {
        b.iter(|| {
            for text in &texts {
                black_box(load_bytes(
                    Origin::Builtin("bench"),
                    "bench.ron",
                    black_box(text.as_bytes()),
                ));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
