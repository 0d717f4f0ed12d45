//! The three fuzz targets as plain functions: each takes arbitrary bytes and must return
//! without panicking, however bad they are. The AFL binaries in `src/bin/` call these, and the
//! main crate's `tests/fuzz_corpus.rs` runs the committed corpus through them on every CI run.

use std::io::{self, Write};
use std::sync::OnceLock;

use lessons::engine::kind_rule::{inputs_for, response_of};
use lessons::engine::{Event, Input, Mode, Session, Settings};
use lessons::plain;
use lessons::record::store::parse_record;
use lessons::scenario::{Library, Origin, Scenario, load_bytes};

/// More steps than any valid scenario can take; a session that needs more is stuck in a loop.
const MAX_STEPS: usize = 2_000;

/// The built-in scenarios, decoded once: in AFL's persistent mode every run after the first
/// reuses them.
fn builtins() -> &'static [Scenario] {
    static BUILTINS: OnceLock<Vec<Scenario>> = OnceLock::new();
    BUILTINS.get_or_init(|| Library::builtin_trusted().scenarios().cloned().collect())
}

/// Target 1: a scenario file's bytes through decode, parse, validate and the quote check.
/// A file that loads without errors is then played through once, so a scenario the validator
/// lets through cannot panic the engine either.
pub fn scenario(bytes: &[u8]) {
    let entry = load_bytes(Origin::Builtin("fuzz.ron"), "fuzz.ron", bytes);
    for d in &entry.diagnostics {
        let _ = d.to_string();
    }
    if let Some(scenario) = &entry.scenario {
        play_first_options(scenario);
    }
}

/// Target 2: a record file's bytes. A record that parses is resumed against its built-in
/// scenario, as `lessons resume` would, and asked where it stands.
pub fn record(bytes: &[u8]) {
    let Ok(record) = parse_record(bytes) else {
        return;
    };
    let Some(scenario) = builtins().iter().find(|s| s.id == record.scenario_id) else {
        return;
    };
    let Ok(mut session) = Session::resume(scenario.clone(), record.session) else {
        return;
    };
    let _ = session.current();
    let _ = session.asked();
    let _ = session.debrief();
    let _ = session.apply(Input::Continue);
}

/// Target 3: the bytes as standard input to the plain player, on two built-in scenarios
/// (one in practice mode asking confidence, one in assessment mode), output to a sink.
pub fn plain_input(bytes: &[u8]) {
    let scenarios = builtins();
    let runs = [
        (
            0,
            Settings {
                ask_confidence: true,
                ..Settings::new(Mode::Practice, 7)
            },
        ),
        (scenarios.len() / 2, Settings::new(Mode::Assessment, 11)),
    ];
    for (index, settings) in runs {
        if let Some(scenario) = scenarios.get(index) {
            let result = plain::play(scenario, settings, bytes, io::sink());
            // the only error the player may return is the writer's, and a sink never fails
            assert!(result.is_ok(), "plain player failed on a sink: {result:?}");
        }
    }
}

/// Plays a scenario to the end taking the first option shown (all of them, for Multiple).
fn play_first_options(scenario: &Scenario) {
    let settings = Settings {
        ask_confidence: true,
        ..Settings::new(Mode::Practice, 1)
    };
    let mut session = Session::new(scenario.clone(), settings);
    let mut input = Input::Continue;
    for _ in 0..MAX_STEPS {
        let Ok(events) = session.apply(input) else {
            return;
        };
        let _ = session.debrief();
        if events.iter().any(|e| matches!(e, Event::Finished)) {
            let mut out = io::sink();
            let _ = writeln!(out, "{}", plain::debrief::render(scenario, &session.debrief()));
            return;
        }
        input = next_input(&session);
    }
    panic!("scenario `{}` still running after {MAX_STEPS} steps", scenario.id);
}

fn next_input(session: &Session) -> Input {
    use lessons::engine::Phase;
    match session.phase() {
        Phase::Deciding { ticked, .. } => match session.asked() {
            Some(asked) => {
                // answer with the first option: its one input, or its tick and then Submit
                let first = asked.options.first().map(|o| o.id.clone());
                let inputs = response_of(asked.kind, first.into_iter().collect())
                    .map(|r| inputs_for(&r))
                    .unwrap_or_default();
                let next = if ticked.is_empty() {
                    inputs.first()
                } else {
                    inputs.last()
                };
                next.cloned().unwrap_or(Input::Submit)
            }
            None => Input::TimeUp,
        },
        Phase::Rationale { .. } => Input::Rationale("because".into()),
        Phase::Confidence { .. } => Input::Confidence(Some(3)),
        _ => Input::Continue,
    }
}
