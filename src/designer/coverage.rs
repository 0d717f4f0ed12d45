//! Plays every path through a scenario with the engine (exhaustively while there are few,
//! sampled with a seed when there are many) and reports what was reached, so CI can prove
//! a scenario has no dead ends.

use std::collections::HashSet;

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::Serialize;

use std::sync::Arc;

use crate::engine::kind_rule::{answer_targets, inputs_for, responses_to_play};
use crate::engine::{Event, Input, Mode, Phase, Response, Session, Settings};
use crate::scenario::graph::{Target, next_after, next_after_timeout};
use crate::scenario::{RationalePrompt, Scenario};

/// Above this many paths, coverage samples instead of walking every one.
pub const EXHAUSTIVE_LIMIT: usize = 10_000;
/// How many random plays a sampled coverage makes.
pub const SAMPLES: usize = 2_000;

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Coverage {
    pub scenario_id: String,
    /// Every path was played (false: a seeded sample was).
    pub exhaustive: bool,
    pub seed: Option<u64>,
    /// Paths played that reached the end.
    pub paths: usize,
    /// Plays that stopped without reaching the end (should be none).
    pub dead_ends: Vec<Vec<String>>,
    pub unreached_steps: Vec<String>,
    /// Options of branching decisions that go where the decision goes anyway.
    pub options_leading_nowhere_new: Vec<String>,
    pub longest_path: Vec<String>,
    pub decisions_on_longest_path: usize,
}

impl Coverage {
    pub fn is_clean(&self) -> bool {
        self.dead_ends.is_empty() && self.unreached_steps.is_empty()
    }
}

/// The answers to play at a decision: those its kind says can matter (see
/// `kind_rule::responses_to_play`), and letting the clock run out where that leads
/// somewhere new.
fn branch_choices(scenario: &Scenario, step: &str) -> Vec<Response> {
    let Some(index) = scenario.step_index(step) else {
        return Vec::new();
    };
    let Some(decision) = scenario.decision(step) else {
        return Vec::new();
    };
    // Options a later `only_if` tests must each be played, even where they lead nowhere new.
    let tested: Vec<&str> = scenario
        .steps
        .iter()
        .filter_map(|s| s.only_if())
        .filter(|c| c.step == step)
        .map(|c| c.chose.as_str())
        .collect();
    let mut seen = HashSet::new();
    let mut choices = responses_to_play(scenario, index, decision, &tested, &mut seen);
    if decision.time_limit.is_some() && seen.insert(next_after_timeout(scenario, index)) {
        choices.push(Response::NoDecision);
    }
    choices
}

/// Answers the current decision (or moves on) so a play can continue without a person.
fn step_inputs(session: &Session, choice: Option<&Response>) -> Vec<Input> {
    match session.phase() {
        Phase::Briefing | Phase::Narrative { .. } | Phase::Reviewed { .. } => vec![Input::Continue],
        Phase::Rationale { step } => {
            let required = session
                .scenario()
                .decision(step)
                .is_some_and(|d| d.rationale == RationalePrompt::Require);
            vec![Input::Rationale(if required {
                "coverage".into()
            } else {
                String::new()
            })]
        }
        Phase::Confidence { .. } => vec![Input::Confidence(None)],
        Phase::Deciding { .. } => choice.map(inputs_for).unwrap_or_default(),
        Phase::Finished => Vec::new(),
    }
}

/// Counts distinct paths (up to `limit + 1`) without playing them.
fn count_paths(scenario: &Scenario, limit: usize) -> usize {
    fn walk(scenario: &Scenario, index: usize, depth: usize, limit: usize, total: &mut usize) {
        if *total > limit || depth > scenario.steps.len() {
            return;
        }
        let Some(step) = scenario.steps.get(index) else {
            return;
        };
        let targets: Vec<Target> = match step.as_decision() {
            Some(d) => answer_targets(scenario, index, d),
            None => vec![next_after(scenario, index, None)],
        };
        for target in targets {
            match target {
                Target::End => *total += 1,
                Target::Step(next) => walk(scenario, next, depth + 1, limit, total),
            }
        }
    }
    let mut total = 0;
    if !scenario.steps.is_empty() {
        walk(scenario, 0, 0, limit, &mut total);
    }
    total
}

pub fn run(scenario: &Scenario, seed: u64) -> Coverage {
    let exhaustive = count_paths(scenario, EXHAUSTIVE_LIMIT) <= EXHAUSTIVE_LIMIT;
    let mut reached: HashSet<String> = HashSet::new();
    let mut finished: Vec<Vec<String>> = Vec::new();
    let mut dead_ends = Vec::new();
    let settings = Settings::new(Mode::Assessment, seed);
    // one copy of the case, shared by every session played
    let shared = Arc::new(scenario.clone());
    let start = Session::new(Arc::clone(&shared), settings);
    if exhaustive {
        // sessions are carried forward, not resumed from a saved state at every step: a
        // resume re-checks the whole path, which made long scenarios quadratic or worse
        let mut stack: Vec<Session> = vec![start];
        while let Some(session) = stack.pop() {
            if session.is_finished() {
                reached.extend(session.state().path.iter().cloned());
                finished.push(session.into_state().path);
                continue;
            }
            let choices: Vec<Option<Response>> = match session.phase() {
                Phase::Deciding { step, .. } => {
                    let c = branch_choices(scenario, step);
                    if c.is_empty() {
                        vec![None]
                    } else {
                        c.into_iter().map(Some).collect()
                    }
                }
                _ => vec![None],
            };
            let mut last = Some(session);
            for (i, choice) in choices.iter().enumerate() {
                let Some(mut next) = (if i + 1 == choices.len() {
                    last.take()
                } else {
                    last.clone()
                }) else {
                    break;
                };
                let before = next.state().path.len();
                let inputs = step_inputs(&next, choice.as_ref());
                let mut failed = inputs.is_empty();
                for input in inputs {
                    failed |= next.apply(input).is_err();
                }
                if !failed && next.state().path.len() <= scenario.steps.len() * 2 + 2 {
                    stack.push(next);
                } else {
                    dead_ends.push(next.state().path[..before].to_vec());
                }
            }
        }
    } else {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        for _ in 0..SAMPLES {
            let mut session = Session::new(Arc::clone(&shared), settings);
            let mut moves = 0;
            while !session.is_finished() && moves < scenario.steps.len() * 6 + 6 {
                moves += 1;
                let choice = match session.phase() {
                    Phase::Deciding { step, .. } => {
                        let c = branch_choices(scenario, step);
                        let pick = (rng.next_u32() as usize).checked_rem(c.len());
                        pick.and_then(|i| c.get(i).cloned())
                    }
                    _ => None,
                };
                let inputs = step_inputs(&session, choice.as_ref());
                if inputs.is_empty() {
                    break;
                }
                for input in inputs {
                    let _ = session.apply(input);
                }
            }
            if session.is_finished() {
                reached.extend(session.state().path.iter().cloned());
                finished.push(session.state().path.clone());
            } else {
                dead_ends.push(session.state().path.clone());
            }
        }
        finished.sort();
        finished.dedup();
    }
    let unreached_steps = scenario
        .steps
        .iter()
        .map(|s| s.id().to_string())
        .filter(|id| !reached.contains(id))
        .collect();
    let longest_path = finished
        .iter()
        .max_by_key(|p| p.len())
        .cloned()
        .unwrap_or_default();
    let decisions_on_longest_path = longest_path
        .iter()
        .filter(|id| scenario.decision(id).is_some())
        .count();
    Coverage {
        scenario_id: scenario.id.clone(),
        exhaustive,
        seed: (!exhaustive).then_some(seed),
        paths: finished.len(),
        dead_ends,
        unreached_steps,
        options_leading_nowhere_new: nowhere_new(scenario),
        longest_path,
        decisions_on_longest_path,
    }
}

/// In decisions that branch, options whose `goto` leads where the decision goes anyway.
fn nowhere_new(scenario: &Scenario) -> Vec<String> {
    let mut out = Vec::new();
    for (index, step) in scenario.steps.iter().enumerate() {
        let Some(d) = step.as_decision() else { continue };
        if !d.options.iter().any(|o| o.goto.is_some()) {
            continue;
        }
        let default = next_after(scenario, index, None);
        for option in d.options.iter().filter(|o| o.goto.is_some()) {
            if next_after(scenario, index, Some(option)) == default {
                out.push(format!("{}/{}", d.id, option.id));
            }
        }
    }
    out
}

/// The report for a terminal.
pub fn text(c: &Coverage) -> String {
    let mut out = String::new();
    let how = if c.exhaustive {
        "every path played".to_string()
    } else {
        format!("{SAMPLES} plays sampled with seed {}", c.seed.unwrap_or_default())
    };
    out.push_str(&format!("Coverage of {} ({how})\n", c.scenario_id));
    out.push_str(&format!("  paths to the end:        {}\n", c.paths));
    out.push_str(&format!(
        "  longest path:            {} steps, {} decisions ({})\n",
        c.longest_path.len(),
        c.decisions_on_longest_path,
        path_summary(&c.longest_path)
    ));
    let list = |items: &[String]| match items.len() {
        0 => "none".to_string(),
        n if n <= LISTED => items.join(", "),
        n => format!("{}, and {} more", items[..LISTED].join(", "), n - LISTED),
    };
    out.push_str(&format!(
        "  steps never reached:     {}\n",
        list(&c.unreached_steps)
    ));
    out.push_str(&format!(
        "  options leading nowhere new: {}\n",
        list(&c.options_leading_nowhere_new)
    ));
    out.push_str(&format!("  dead ends:               {}\n", c.dead_ends.len()));
    for path in c.dead_ends.iter().take(5) {
        out.push_str(&format!("    stopped after: {}\n", path_summary(path)));
    }
    out
}

/// How many items a list in the text report names before it counts the rest.
const LISTED: usize = 6;

/// A path short enough for one line: its first and last steps, with the middle counted.
fn path_summary(path: &[String]) -> String {
    if path.len() <= LISTED {
        return path.join(" → ");
    }
    format!(
        "{} → … {} more … → {}",
        path[..3].join(" → "),
        path.len() - 5,
        path[path.len() - 2..].join(" → ")
    )
}

/// Whether `events` include the end of a run (for callers that play by hand).
pub fn finished(events: &[Event]) -> bool {
    events.contains(&Event::Finished)
}
