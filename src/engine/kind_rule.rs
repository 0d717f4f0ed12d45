//! Every rule that depends on a decision's kind, in one place: which inputs a kind takes,
//! how its answer is formed, where the answer leads, how it is scored, which answers
//! coverage must play, and what one vote stands for. A new kind is added here and in
//! `DecisionKind`; the session, assessment, coverage and the room ask this module.

use std::collections::{BTreeSet, HashSet};

use super::answer::Response;
use super::events::{Input, InputError};
use super::item::Verdict;
use crate::scenario::graph::{Target, next_after, next_after_ticks, next_after_timeout};
use crate::scenario::{Choice, Decision, DecisionKind, Mark, Scenario};

/// What an input did at the decision being asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Taken {
    /// The decision is answered.
    Answered(Response),
    /// An option was ticked (`on`) or unticked; the decision is still open.
    Ticked { option: String, on: bool },
}

/// Takes one input at `decision`; `ticked` holds the options ticked so far and is updated.
/// Matched on the kind first, so a new kind cannot fall into another kind's arm.
pub fn take(decision: &Decision, ticked: &mut Vec<String>, input: Input) -> Result<Taken, InputError> {
    let known = |id: String| match decision.option(&id) {
        Some(_) => Ok(id),
        None => Err(InputError::UnknownOption(id)),
    };
    match decision.kind {
        DecisionKind::Single => match input {
            Input::Choose(id) => Ok(Taken::Answered(Response::Chose(known(id)?))),
            other => Err(refused(decision.kind, &other)),
        },
        DecisionKind::Scale => match input {
            Input::Grade(id) => Ok(Taken::Answered(Response::Graded(known(id)?))),
            other => Err(refused(decision.kind, &other)),
        },
        DecisionKind::Multiple => match input {
            Input::Toggle(id) => {
                let id = known(id)?;
                let on = !ticked.contains(&id);
                if on {
                    ticked.push(id.clone());
                } else {
                    ticked.retain(|t| *t != id);
                }
                Ok(Taken::Ticked { option: id, on })
            }
            Input::Submit => {
                let in_file_order = decision
                    .options
                    .iter()
                    .filter(|o| ticked.contains(&o.id))
                    .map(|o| o.id.clone())
                    .collect();
                Ok(Taken::Answered(Response::Ticked(in_file_order)))
            }
            other => Err(refused(decision.kind, &other)),
        },
    }
}

/// Why a decision of `kind` refuses `input`: another kind's answer, or no answer at all.
fn refused(kind: DecisionKind, input: &Input) -> InputError {
    match input {
        Input::Choose(_) | Input::Grade(_) | Input::Toggle(_) | Input::Submit => InputError::WrongKind {
            kind: kind.label(),
            use_instead: use_instead(kind),
        },
        Input::Continue | Input::Rationale(_) | Input::Confidence(_) | Input::TimeUp | Input::Back => {
            InputError::NotNow {
                waiting: "an answer to the decision",
            }
        }
    }
}

/// The inputs a kind takes, for the error when another kind's input is sent.
fn use_instead(kind: DecisionKind) -> &'static str {
    match kind {
        DecisionKind::Single => "Choose",
        DecisionKind::Multiple => "Toggle and Submit",
        DecisionKind::Scale => "Grade",
    }
}

/// The answer of a person who picked `picks` (option ids): for a kind whose answer is one
/// option, the first pick (`None` without one); for a checklist, all of them.
pub fn response_of(kind: DecisionKind, picks: Vec<String>) -> Option<Response> {
    match kind {
        DecisionKind::Single => picks.into_iter().next().map(Response::Chose),
        DecisionKind::Scale => picks.into_iter().next().map(Response::Graded),
        DecisionKind::Multiple => Some(Response::Ticked(picks)),
    }
}

/// The inputs that give `response` (a checklist: each tick, then Submit).
pub fn inputs_for(response: &Response) -> Vec<Input> {
    match response {
        Response::Chose(id) => vec![Input::Choose(id.clone())],
        Response::Graded(id) => vec![Input::Grade(id.clone())],
        Response::Ticked(ids) => ids
            .iter()
            .map(|id| Input::Toggle(id.clone()))
            .chain([Input::Submit])
            .collect(),
        Response::NoDecision => vec![Input::TimeUp],
    }
}

/// Where the story goes after `response` at the decision at `index` (`None`: as if no
/// option branched).
pub fn next_after_answer(
    scenario: &Scenario,
    index: usize,
    decision: Option<&Decision>,
    response: Option<&Response>,
) -> Target {
    match response {
        Some(Response::NoDecision) => next_after_timeout(scenario, index),
        Some(Response::Ticked(ids)) => {
            let ticked: Vec<&str> = ids.iter().map(String::as_str).collect();
            next_after_ticks(scenario, index, &ticked)
        }
        Some(Response::Chose(id) | Response::Graded(id)) => {
            next_after(scenario, index, decision.and_then(|d| d.option(id)))
        }
        None => next_after(scenario, index, None),
    }
}

/// How an answer to a judged decision stands, before the words are added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scored {
    pub verdict: Verdict,
    /// Scale: levels above (+) or below (−) the nearest expected grade.
    pub scale_distance: Option<i64>,
    /// Checklist: expected actions left unticked, and ticked ones marked Poor.
    pub missed: Vec<String>,
    pub unwanted: Vec<String>,
}

/// Scores the options an answer selected at a judged decision.
pub fn score(decision: &Decision, selected: &[&Choice]) -> Scored {
    match decision.kind {
        DecisionKind::Multiple => checklist_score(decision, selected),
        DecisionKind::Single => Scored {
            verdict: one_verdict(selected),
            scale_distance: None,
            missed: Vec::new(),
            unwanted: Vec::new(),
        },
        DecisionKind::Scale => {
            let verdict = one_verdict(selected);
            let distance = (verdict != Verdict::InLine)
                .then(|| selected.first().and_then(|c| scale_distance(decision, c)))
                .flatten();
            Scored {
                verdict,
                scale_distance: distance,
                missed: Vec::new(),
                unwanted: Vec::new(),
            }
        }
    }
}

fn one_verdict(selected: &[&Choice]) -> Verdict {
    match selected.first().map(|c| c.mark) {
        Some(Mark::Expected) => Verdict::InLine,
        Some(Mark::Acceptable) => Verdict::Partly,
        // Validation refuses an unmarked option on a judged decision.
        Some(Mark::Poor | Mark::Unmarked) | None => Verdict::NotInLine,
    }
}

fn checklist_score(decision: &Decision, selected: &[&Choice]) -> Scored {
    let picked = |c: &Choice| selected.iter().any(|s| s.id == c.id);
    let expected: Vec<&Choice> = decision
        .options
        .iter()
        .filter(|c| c.mark == Mark::Expected)
        .collect();
    let missed: Vec<String> = expected
        .iter()
        .filter(|c| !picked(c))
        .map(|c| c.text.clone())
        .collect();
    let unwanted: Vec<String> = selected
        .iter()
        .filter(|c| c.mark == Mark::Poor)
        .map(|c| c.text.clone())
        .collect();
    let hits = expected.len() - missed.len();
    let verdict = if missed.is_empty() && unwanted.is_empty() {
        Verdict::InLine
    } else if hits > 0 {
        // Some expected actions: partly, whoever else ticked the same. Whether the officers
        // did this is recorded apart and never lowers the comparison.
        Verdict::Partly
    } else {
        Verdict::NotInLine
    };
    Scored {
        verdict,
        scale_distance: None,
        missed,
        unwanted,
    }
}

/// Levels between the chosen grade and the nearest Expected grade (negative: too low).
fn scale_distance(decision: &Decision, chosen: &Choice) -> Option<i64> {
    let level = i64::from(chosen.level?);
    decision
        .options
        .iter()
        .filter(|c| c.mark == Mark::Expected)
        .filter_map(|c| c.level.map(i64::from))
        .map(|expected| level - expected)
        .min_by_key(|d| d.abs())
}

/// The answers coverage must play at the decision at `index`: for a kind answered with one
/// option, one per distinct place the options lead plus any option a later condition
/// (`tested`) names; for a checklist, every combination of the ticks its rules and later
/// conditions test. `seen` gathers the places reached, so a timeout leading nowhere new
/// can be left out.
pub fn responses_to_play(
    scenario: &Scenario,
    index: usize,
    decision: &Decision,
    tested: &[&str],
    seen: &mut HashSet<Target>,
) -> Vec<Response> {
    match decision.kind {
        DecisionKind::Multiple => {
            seen.insert(next_after(scenario, index, None));
            tick_sets(decision, tested)
                .into_iter()
                .map(Response::Ticked)
                .collect()
        }
        DecisionKind::Single | DecisionKind::Scale => decision
            .options
            .iter()
            .filter(|o| seen.insert(next_after(scenario, index, Some(o))) | tested.contains(&o.id.as_str()))
            .filter_map(|o| response_of(decision.kind, vec![o.id.clone()]))
            .collect(),
    }
}

/// Every combination of the options a checklist's rules and later conditions test (the
/// first [`MAX_TESTED_TICKS`] of them); ticking nothing when nothing depends on the ticks.
fn tick_sets(decision: &Decision, tested: &[&str]) -> Vec<Vec<String>> {
    let mut relevant: Vec<&str> = decision.when_ticked.iter().map(|r| r.ticked.as_str()).collect();
    relevant.extend(tested.iter().copied());
    relevant.sort_unstable();
    relevant.dedup();
    relevant.truncate(MAX_TESTED_TICKS);
    (0..1usize << relevant.len())
        .map(|mask| {
            relevant
                .iter()
                .enumerate()
                .filter(|(bit, _)| mask & (1 << bit) != 0)
                .map(|(_, id)| id.to_string())
                .collect()
        })
        .collect()
}

/// Above this many tested options a checklist plays only the first ones' combinations.
const MAX_TESTED_TICKS: usize = 8;

/// Every distinct place an answer at the decision at `index` can lead, to count paths
/// without playing them (a checklist's ticks are not followed).
pub fn answer_targets(scenario: &Scenario, index: usize, decision: &Decision) -> Vec<Target> {
    match decision.kind {
        DecisionKind::Single | DecisionKind::Scale => {
            let targets: BTreeSet<Target> = decision
                .options
                .iter()
                .map(|o| next_after(scenario, index, Some(o)))
                .collect();
            targets.into_iter().collect()
        }
        DecisionKind::Multiple => vec![next_after(scenario, index, None)],
    }
}

/// What one person's vote for `option` stands for: their whole answer where a kind is
/// answered with one option; `None` for a checklist, where a vote is one tick of many.
pub fn vote_response(kind: DecisionKind, option: &str) -> Option<Response> {
    match kind {
        DecisionKind::Single | DecisionKind::Scale => response_of(kind, vec![option.to_string()]),
        DecisionKind::Multiple => None,
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::engine::{Event, Mode, Session, Settings};

    use crate::engine::test_fixture::fixture;

    /// The answer a session records after the inputs `inputs_for` gives for `response`.
    fn recorded(scenario: &Arc<Scenario>, step: &str, response: &Response) -> Option<Response> {
        let settings = Settings::new(Mode::Assessment, 3);
        let mut session = Session::drill(Arc::clone(scenario), settings, step)?;
        let mut answered = None;
        for input in inputs_for(response) {
            for event in session.apply(input).ok()? {
                if let Event::Answered { response, .. } = event {
                    answered = Some(response);
                }
            }
        }
        answered
    }

    #[test]
    fn the_inputs_for_an_answer_give_that_answer_for_every_kind() {
        let scenario = fixture();
        for decision in scenario.decisions() {
            let ids: Vec<String> = decision.options.iter().map(|o| o.id.clone()).collect();
            // a checklist ticked out of file order is recorded in file order
            let picks: Vec<String> = ids.iter().rev().take(2).cloned().collect();
            let response = response_of(decision.kind, picks).expect("the decision has options");
            let expected = match &response {
                Response::Ticked(_) => Response::Ticked(ids[ids.len() - 2..].to_vec()),
                other => other.clone(),
            };
            assert_eq!(
                recorded(&scenario, &decision.id, &response),
                Some(expected),
                "{}",
                decision.id
            );
            let timeout = recorded(&scenario, &decision.id, &Response::NoDecision);
            assert_eq!(timeout, Some(Response::NoDecision), "{}", decision.id);
        }
    }

    #[test]
    fn another_kinds_input_is_refused_with_the_inputs_to_use() {
        let scenario = fixture();
        let single = scenario.decision("evidence").expect("a Single decision");
        let taken = take(single, &mut Vec::new(), Input::Toggle("secure".into()));
        assert_eq!(
            taken,
            Err(InputError::WrongKind {
                kind: DecisionKind::Single.label(),
                use_instead: "Choose"
            })
        );
        let unknown = take(single, &mut Vec::new(), Input::Choose("gone".into()));
        assert_eq!(unknown, Err(InputError::UnknownOption("gone".into())));
    }
}
