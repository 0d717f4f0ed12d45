//! Plays a scenario as a test-wise guesser would (always the longest option, always the
//! shortest, everything ticked, nothing ticked, always what the officers did) and compares
//! each strategy's mean score with a random guesser's over many seeds. A strategy that
//! beats guessing by more than a few points means the options carry a cue that has
//! nothing to do with knowledge of the case (see docs/authoring-guide.md).

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::Serialize;

use std::sync::Arc;

use crate::engine::kind_rule::{inputs_for, response_of};
use crate::engine::shuffle::fnv1a;
use crate::engine::{Asked, Debrief, Event, Input, Mode, Session, Settings, assess};
use crate::scenario::{Decision, DecisionKind, Scenario};

/// Where a play guesses at random, it plays each seed this many times with different
/// guesses, so the baseline's own noise stays well under a point.
pub const GUESSES_PER_SEED: u64 = 20;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Strategy {
    Random,
    Longest,
    Shortest,
    TickAll,
    TickNone,
    Officers,
}

impl Strategy {
    pub const ALL: [Strategy; 6] = [
        Strategy::Random,
        Strategy::Longest,
        Strategy::Shortest,
        Strategy::TickAll,
        Strategy::TickNone,
        Strategy::Officers,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Strategy::Random => "random",
            Strategy::Longest => "longest",
            Strategy::Shortest => "shortest",
            Strategy::TickAll => "tick-all",
            Strategy::TickNone => "tick-none",
            Strategy::Officers => "officers",
        }
    }

    /// Whether the strategy has a move of its own at this decision; where it has none it
    /// guesses exactly as the random guesser does, so the decision neither helps nor hurts it.
    pub fn applies(self, decision: &Decision) -> bool {
        match self {
            Strategy::Random | Strategy::Longest | Strategy::Shortest => true,
            Strategy::TickAll | Strategy::TickNone => !decision.kind.picks_one(),
            Strategy::Officers => decision.options.iter().any(|o| o.actual),
        }
    }
}

/// One decision's points in one play. Not-judged decisions have `max` 0.
#[derive(Debug, Clone, PartialEq)]
pub struct DecisionPoints {
    pub step: String,
    pub points: u32,
    pub max: u32,
}

/// The only place the audit reads verdicts: each answered decision's points out of its
/// maximum. When the engine's verdicts change, this is the one function to adapt.
pub fn scores(debrief: &Debrief) -> Vec<DecisionPoints> {
    debrief
        .items
        .iter()
        .map(|item| DecisionPoints {
            step: item.step.clone(),
            // a decision the source makes no finding on is never scored, so a guess there neither helps nor hurts
            points: if item.judged { item.verdict.points() } else { 0 },
            max: if item.judged { 2 } else { 0 },
        })
        .collect()
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum AuditError {
    #[error("scenario `{scenario}`: the {strategy} player was refused at step `{step}`: {reason}")]
    Refused {
        scenario: String,
        strategy: &'static str,
        step: String,
        reason: String,
    },
    #[error("scenario `{scenario}`: the {strategy} player did not reach the end (seed {seed})")]
    NoEnd {
        scenario: String,
        strategy: &'static str,
        seed: u64,
    },
}

/// One strategy's result over a whole case.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StrategyScore {
    pub strategy: Strategy,
    /// The strategy has a move of its own at one decision or more.
    pub applies: bool,
    /// Mean score over the plays, as a percentage of the points available.
    pub mean_percent: f64,
    /// `mean_percent` minus the random guesser's, in points.
    pub lead_over_random: f64,
    pub beats_random: bool,
}

/// One strategy's result at one decision, over the plays that reached it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DecisionScore {
    pub strategy: Strategy,
    pub applies: bool,
    /// How many plays reached the decision (weighted: a play without guesses counts for
    /// every guess of its seed).
    pub plays: u64,
    pub mean_percent: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DecisionAudit {
    pub step: String,
    pub kind: DecisionKind,
    pub strategies: Vec<DecisionScore>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CaseAudit {
    pub scenario_id: String,
    pub seeds: u64,
    pub strategies: Vec<StrategyScore>,
    pub decisions: Vec<DecisionAudit>,
}

impl CaseAudit {
    /// The strategies that beat random by more than the threshold.
    pub fn failures(&self) -> impl Iterator<Item = &StrategyScore> {
        self.strategies.iter().filter(|s| s.beats_random)
    }
}

/// Running sums for one strategy over one case.
#[derive(Default)]
struct Sums {
    weight: u64,
    percent: f64,
    /// Per decision, in file order: (plays reaching it, points, max points).
    decisions: Vec<(u64, u64, u64)>,
}

/// Plays every strategy over seeds 1 to `seeds` and compares each with random.
pub fn audit(scenario: &Scenario, seeds: u64, threshold: f64) -> Result<CaseAudit, AuditError> {
    let decisions: Vec<&Decision> = scenario.decisions().collect();
    // one copy of the case, shared by every play
    let shared = Arc::new(scenario.clone());
    let mut sums: Vec<Sums> = Strategy::ALL
        .iter()
        .map(|_| Sums {
            decisions: vec![(0, 0, 0); decisions.len()],
            ..Sums::default()
        })
        .collect();
    for (strategy, sum) in Strategy::ALL.iter().zip(sums.iter_mut()) {
        for seed in 1..=seeds {
            for repeat in 0..GUESSES_PER_SEED {
                let play = play(&shared, *strategy, seed, repeat)?;
                // a play that never guessed is the same for every repeat: count it for all of them
                let weight = if play.guessed {
                    1
                } else {
                    GUESSES_PER_SEED - repeat
                };
                let points: u32 = play.scores.iter().map(|s| s.points).sum();
                let max: u32 = play.scores.iter().map(|s| s.max).sum();
                if max > 0 {
                    sum.weight += weight;
                    sum.percent += f64::from(points) * 100.0 / f64::from(max) * weight as f64;
                }
                for score in &play.scores {
                    if let Some(i) = decisions.iter().position(|d| d.id == score.step) {
                        let d = &mut sum.decisions[i];
                        d.0 += weight;
                        d.1 += u64::from(score.points) * weight;
                        d.2 += u64::from(score.max) * weight;
                    }
                }
                if !play.guessed {
                    break;
                }
            }
        }
    }
    let mean = |s: &Sums| {
        if s.weight == 0 {
            0.0
        } else {
            s.percent / s.weight as f64
        }
    };
    let random = mean(&sums[0]);
    let strategies = Strategy::ALL
        .iter()
        .zip(&sums)
        .map(|(strategy, sum)| {
            let applies = decisions.iter().any(|d| strategy.applies(d));
            let mean_percent = mean(sum);
            let lead = mean_percent - random;
            StrategyScore {
                strategy: *strategy,
                applies,
                mean_percent: tenth(mean_percent),
                lead_over_random: tenth(lead),
                beats_random: applies && *strategy != Strategy::Random && lead > threshold,
            }
        })
        .collect();
    let decisions = decisions
        .iter()
        .enumerate()
        .map(|(i, d)| DecisionAudit {
            step: d.id.clone(),
            kind: d.kind,
            strategies: Strategy::ALL
                .iter()
                .zip(&sums)
                .map(|(strategy, sum)| {
                    let (plays, points, max) = sum.decisions[i];
                    DecisionScore {
                        strategy: *strategy,
                        applies: strategy.applies(d),
                        plays,
                        mean_percent: (max > 0).then(|| tenth(points as f64 * 100.0 / max as f64)),
                    }
                })
                .collect(),
        })
        .collect();
    Ok(CaseAudit {
        scenario_id: scenario.id.clone(),
        seeds,
        strategies,
        decisions,
    })
}

fn tenth(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

struct Play {
    scores: Vec<DecisionPoints>,
    /// The play guessed somewhere, so another repeat of the seed may differ.
    guessed: bool,
}

/// One run to the end in assessment mode, answering as `strategy` would.
fn play(scenario: &Arc<Scenario>, strategy: Strategy, seed: u64, repeat: u64) -> Result<Play, AuditError> {
    let mut session = Session::new(Arc::clone(scenario), Settings::new(Mode::Assessment, seed));
    let mut guessed = false;
    let limit = scenario.steps.len() * 6 + 6;
    for _ in 0..limit {
        let events = session.current();
        let inputs = if events.contains(&Event::Finished) {
            let debrief = assess(scenario, session.answers());
            return Ok(Play {
                scores: scores(&debrief),
                guessed,
            });
        } else if let Some(asked) = events.iter().find_map(|e| match e {
            Event::DecisionAsked(a) => Some(a),
            _ => None,
        }) {
            let decision = scenario.decision(&asked.step);
            let (ids, guess) = choose(strategy, asked, decision, seed, repeat);
            guessed |= guess;
            answer(asked, ids)
        } else if let Some(required) = events.iter().find_map(|e| match e {
            Event::RationaleAsked { required, .. } => Some(*required),
            _ => None,
        }) {
            vec![Input::Rationale(if required {
                "audit".into()
            } else {
                String::new()
            })]
        } else if events.iter().any(|e| matches!(e, Event::ConfidenceAsked { .. })) {
            vec![Input::Confidence(None)]
        } else {
            vec![Input::Continue]
        };
        for input in inputs {
            if let Err(e) = session.apply(input) {
                return Err(AuditError::Refused {
                    scenario: scenario.id.clone(),
                    strategy: strategy.name(),
                    step: session.state().path.last().cloned().unwrap_or_default(),
                    reason: e.to_string(),
                });
            }
        }
    }
    Err(AuditError::NoEnd {
        scenario: scenario.id.clone(),
        strategy: strategy.name(),
        seed,
    })
}

/// The inputs that give `ids` as the answer to `asked`.
fn answer(asked: &Asked, ids: Vec<String>) -> Vec<Input> {
    response_of(asked.kind, ids)
        .map(|r| inputs_for(&r))
        .unwrap_or_default()
}

/// The options `strategy` picks at this decision, and whether it had to guess.
fn choose(
    strategy: Strategy,
    asked: &Asked,
    decision: Option<&Decision>,
    seed: u64,
    repeat: u64,
) -> (Vec<String>, bool) {
    let shown: Vec<(&str, usize)> = asked
        .options
        .iter()
        .map(|o| (o.id.as_str(), o.text.chars().count()))
        .collect();
    let multiple = !asked.kind.picks_one();
    let own = decision.is_some_and(|d| strategy.applies(d));
    let picked: Vec<&str> = match strategy {
        _ if !own => return (guess(asked, seed, repeat), true),
        Strategy::Random => return (guess(asked, seed, repeat), true),
        Strategy::Longest | Strategy::Shortest => {
            let mut by_length = shown.clone();
            // stable: among equal lengths the one shown first wins, so the seed's order breaks ties
            if strategy == Strategy::Longest {
                by_length.sort_by_key(|(_, len)| std::cmp::Reverse(*len));
            } else {
                by_length.sort_by_key(|(_, len)| *len);
            }
            let take = if multiple { shown.len().div_ceil(2) } else { 1 };
            by_length.into_iter().take(take).map(|(id, _)| id).collect()
        }
        Strategy::TickAll => shown.iter().map(|(id, _)| *id).collect(),
        Strategy::TickNone => Vec::new(),
        Strategy::Officers => {
            let actual = |id: &str| decision.and_then(|d| d.option(id)).is_some_and(|o| o.actual);
            let officers = shown.iter().map(|(id, _)| *id).filter(|id| actual(id));
            if multiple {
                officers.collect()
            } else {
                officers.take(1).collect()
            }
        }
    };
    (picked.into_iter().map(str::to_string).collect(), false)
}

/// A random guess: one option uniformly, or each option of a tick-all with even odds.
/// Drawn from a stream keyed by the seed, the repeat and the step, so a strategy that
/// falls back on guessing guesses exactly as the random player does at that decision.
fn guess(asked: &Asked, seed: u64, repeat: u64) -> Vec<String> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed.wrapping_mul(GUESSES_PER_SEED).wrapping_add(repeat));
    rng.set_stream(fnv1a(&asked.step) ^ 0x0061_7564_6974);
    let ids = asked.options.iter().map(|o| o.id.clone());
    if !asked.kind.picks_one() {
        ids.filter(|_| rng.next_u32() & 1 == 1).collect()
    } else if asked.options.is_empty() {
        Vec::new()
    } else {
        let n = asked.options.len() as u64;
        ids.skip((rng.next_u64() % n) as usize).take(1).collect()
    }
}
