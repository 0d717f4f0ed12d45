//! The room's answer: how a classroom's vote counts on one decision become answers. The
//! classroom plays on with the room's one answer; the cohort report counts what each vote
//! stands for. Both read the rule here, so they cannot drift apart.

use serde::{Deserialize, Serialize};

use super::answer::Response;
use super::kind_rule::{answer_targets, response_of, vote_response};
use crate::scenario::{Decision, DecisionKind, Scenario};

/// Which way a classroom's story goes after a reveal, for a session as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PathPolicy {
    /// The room's most-voted answer; the instructor is asked on a tie or when nobody voted.
    #[default]
    Majority,
    /// What the officers did, whatever the room voted (the votes are still kept).
    Officers,
    /// The instructor is asked at every decision whose answer decides the way on.
    Ask,
}

/// The most-voted answer, from votes per option id in the order the options were shown:
/// for a kind answered with one option, the most-voted option; for a checklist, every
/// option anyone ticked, in the order shown. `None` when there are no options to answer with.
///
/// A tie and an empty vote come back as the first option shown. That is a rule for a
/// report that needs one answer, never how a classroom goes on: the classroom asks
/// [`room_choice`] and settles a tie or an empty vote by its [`PathPolicy`] or the instructor.
///
/// Work is one pass over the options, whatever the counts: an instructor may type any
/// count up to `u32::MAX`.
pub fn room_answer(kind: DecisionKind, votes: &[(String, u32)]) -> Option<Response> {
    let picks: Vec<String> = if kind.picks_one() {
        let most = votes.iter().map(|(_, n)| *n).max().unwrap_or(0);
        votes
            .iter()
            .find(|(_, n)| *n == most)
            .map(|(id, _)| id.clone())
            .into_iter()
            .collect()
    } else {
        votes
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(id, _)| id.clone())
            .collect()
    };
    response_of(kind, picks)
}

/// What the room's votes on one decision settle, before any policy is applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RoomChoice {
    /// One answer: a clear majority, or a checklist's ticks.
    Clear(Response),
    /// Options (ids, in the order shown) that share the most votes.
    Tie(Vec<String>),
    /// Nobody voted on a decision answered with one option.
    NoVotes,
}

/// The room's choice from votes per option id in the order shown. A checklist is always
/// `Clear`: every option anyone ticked (none ticked is an answer too).
pub fn room_choice(kind: DecisionKind, votes: &[(String, u32)]) -> Option<RoomChoice> {
    if !kind.picks_one() {
        return room_answer(kind, votes).map(RoomChoice::Clear);
    }
    let most = votes.iter().map(|(_, n)| *n).max()?;
    if most == 0 {
        return Some(RoomChoice::NoVotes);
    }
    let top: Vec<String> = votes
        .iter()
        .filter(|(_, n)| *n == most)
        .map(|(id, _)| id.clone())
        .collect();
    match top.as_slice() {
        [one] => response_of(kind, vec![one.clone()]).map(RoomChoice::Clear),
        _ => Some(RoomChoice::Tie(top)),
    }
}

/// What the officers did at a decision, as an answer: `None` when no option is marked as
/// theirs (a checklist where they did none of the listed actions is an empty tick list).
pub fn officers_answer(decision: &Decision) -> Option<Response> {
    let ids: Vec<String> = decision.officers_choice().iter().map(|o| o.id.clone()).collect();
    if decision.kind.picks_one() && ids.is_empty() {
        return None;
    }
    response_of(decision.kind, ids)
}

/// Whether the answer at the decision `step` decides the way on: its options lead to
/// different steps, a checklist has a rule on what was ticked, or a later step is shown
/// only after a given answer here.
pub fn decides_the_way(scenario: &Scenario, step: &str) -> bool {
    let (Some(index), Some(decision)) = (scenario.step_index(step), scenario.decision(step)) else {
        return false;
    };
    let branches = if decision.kind.picks_one() {
        answer_targets(scenario, index, decision).len() > 1
    } else {
        !decision.when_ticked.is_empty()
    };
    branches
        || scenario
            .steps
            .iter()
            .any(|s| s.only_if().is_some_and(|c| c.step == step))
}

/// What a room's votes on one decision stand for, to count in a report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VoteCount {
    /// Each answer given and how many people gave it: for a kind answered with one option,
    /// every voted option; none for a checklist, whose votes are ticks, not answers.
    pub answers: Vec<(Response, u32)>,
    /// How many people answered: the votes for a kind answered with one option; for a
    /// checklist, the most ticks any one option had (each person may tick many).
    pub respondents: u32,
}

/// Counts a room's votes (per option id) as answers, in one pass over the options.
pub fn vote_count(kind: DecisionKind, votes: &[(String, u32)]) -> VoteCount {
    if kind.picks_one() {
        VoteCount {
            answers: votes
                .iter()
                .filter(|(_, n)| *n > 0)
                .filter_map(|(id, n)| vote_response(kind, id).map(|r| (r, *n)))
                .collect(),
            respondents: votes.iter().fold(0u32, |sum, (_, n)| sum.saturating_add(*n)),
        }
    } else {
        VoteCount {
            answers: Vec::new(),
            respondents: votes.iter().map(|(_, n)| *n).max().unwrap_or(0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn votes(list: &[(&str, u32)]) -> Vec<(String, u32)> {
        list.iter().map(|(id, n)| (id.to_string(), *n)).collect()
    }

    #[test]
    fn the_most_voted_option_is_the_reports_answer_and_a_tie_goes_to_the_first_shown() {
        let v = votes(&[("a", 2), ("b", 5), ("c", 5)]);
        assert_eq!(
            room_answer(DecisionKind::Single, &v),
            Some(Response::Chose("b".into()))
        );
        assert_eq!(
            room_answer(DecisionKind::Scale, &v),
            Some(Response::Graded("b".into()))
        );
    }

    #[test]
    fn with_no_votes_the_first_option_shown_stands() {
        let v = votes(&[("x", 0), ("y", 0)]);
        assert_eq!(
            room_answer(DecisionKind::Single, &v),
            Some(Response::Chose("x".into()))
        );
        assert_eq!(
            room_answer(DecisionKind::Multiple, &v),
            Some(Response::Ticked(vec![]))
        );
    }

    #[test]
    fn the_classroom_sees_a_tie_or_an_empty_vote_never_the_first_shown() {
        let tie = votes(&[("a", 2), ("b", 5), ("c", 5)]);
        assert_eq!(
            room_choice(DecisionKind::Single, &tie),
            Some(RoomChoice::Tie(vec!["b".into(), "c".into()]))
        );
        let none = votes(&[("x", 0), ("y", 0)]);
        assert_eq!(room_choice(DecisionKind::Scale, &none), Some(RoomChoice::NoVotes));
        let clear = votes(&[("x", 1), ("y", 4)]);
        assert_eq!(
            room_choice(DecisionKind::Single, &clear),
            Some(RoomChoice::Clear(Response::Chose("y".into())))
        );
        assert_eq!(
            room_choice(DecisionKind::Multiple, &none),
            Some(RoomChoice::Clear(Response::Ticked(vec![])))
        );
        assert_eq!(room_choice(DecisionKind::Single, &[]), None);
    }

    #[test]
    fn the_fixtures_risk_grade_decides_the_way_and_its_evidence_choice_does_not() {
        let s = crate::engine::test_fixture::fixture();
        assert!(decides_the_way(&s, "risk"));
        assert!(!decides_the_way(&s, "evidence"));
        assert!(!decides_the_way(&s, "arrival"));
        let risk = s.decision("risk").expect("the fixture has it");
        assert_eq!(officers_answer(risk), Some(Response::Graded("standard".into())));
    }

    #[test]
    fn a_checklist_ticks_every_option_anyone_ticked_in_the_order_shown() {
        let v = votes(&[("c", 1), ("a", 0), ("b", 7)]);
        assert_eq!(
            room_answer(DecisionKind::Multiple, &v),
            Some(Response::Ticked(vec!["c".into(), "b".into()]))
        );
    }

    #[test]
    fn a_decision_without_options_has_no_answer() {
        assert_eq!(room_answer(DecisionKind::Single, &[]), None);
        assert_eq!(room_answer(DecisionKind::Scale, &[]), None);
    }

    #[test]
    fn huge_counts_are_counted_at_once_and_never_overflow() {
        let v = votes(&[("a", u32::MAX), ("b", u32::MAX), ("c", 0)]);
        assert_eq!(
            room_answer(DecisionKind::Single, &v),
            Some(Response::Chose("a".into()))
        );
        let count = vote_count(DecisionKind::Single, &v);
        assert_eq!(count.respondents, u32::MAX);
        assert_eq!(
            count.answers,
            vec![
                (Response::Chose("a".into()), u32::MAX),
                (Response::Chose("b".into()), u32::MAX)
            ]
        );
    }

    #[test]
    fn checklist_votes_are_ticks_so_respondents_are_the_most_ticked_option() {
        let v = votes(&[("a", 3), ("b", 9), ("c", 0)]);
        let count = vote_count(DecisionKind::Multiple, &v);
        assert_eq!(count.respondents, 9);
        assert!(count.answers.is_empty());
    }

    #[test]
    fn a_grade_vote_is_a_graded_answer() {
        let count = vote_count(DecisionKind::Scale, &votes(&[("low", 2), ("high", 0)]));
        assert_eq!(count.answers, vec![(Response::Graded("low".into()), 2)]);
        assert_eq!(count.respondents, 2);
    }
}
