//! The room's answer: how a classroom's vote counts on one decision become answers. The
//! classroom plays on with the room's one answer; the cohort report counts what each vote
//! stands for. Both read the rule here, so they cannot drift apart.

use serde::{Deserialize, Serialize};

use super::answer::Response;
use super::kind_rule::{response_of, vote_response};
use crate::scenario::DecisionKind;

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

/// The room's one answer, from votes per option id in the order the options were shown:
/// for a kind answered with one option, the most-voted option (the first shown on a tie,
/// and the first shown when nobody voted); for a checklist, every option anyone ticked, in
/// the order shown. `None` when there are no options to answer with.
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
    fn the_most_voted_option_is_the_rooms_answer_and_a_tie_goes_to_the_first_shown() {
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
