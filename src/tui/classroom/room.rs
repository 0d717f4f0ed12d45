//! The room's votes as one answer the engine can take. Kept to this one function so the
//! rule has a single home (it is meant to move into the engine).

use crate::engine::Input;
use crate::scenario::DecisionKind;

/// The inputs that answer a decision for the room, given its votes in the order the options
/// are shown: the most-voted option (the first shown on a tie, or when no one voted), or for
/// a checklist every option anyone ticked, then submit. None for a decision with no options.
pub fn room_inputs(kind: DecisionKind, votes: &[(String, u32)]) -> Vec<Input> {
    let max = votes.iter().map(|(_, n)| *n).max().unwrap_or(0);
    let top = votes
        .iter()
        .find(|(_, n)| max > 0 && *n == max)
        .or_else(|| votes.first())
        .map(|(id, _)| id.clone());
    // a decision with no options cannot be answered; validation refuses such files
    let Some(top) = top else {
        return Vec::new();
    };
    match kind {
        DecisionKind::Single => vec![Input::Choose(top)],
        DecisionKind::Scale => vec![Input::Grade(top)],
        DecisionKind::Multiple => votes
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(id, _)| Input::Toggle(id.clone()))
            .chain([Input::Submit])
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn votes(counts: &[(&str, u32)]) -> Vec<(String, u32)> {
        counts.iter().map(|(id, n)| (id.to_string(), *n)).collect()
    }

    #[test]
    fn the_most_voted_option_wins_and_a_tie_goes_to_the_first_shown() {
        let tie = votes(&[("a", 1), ("b", 3), ("c", 3)]);
        assert_eq!(
            room_inputs(DecisionKind::Single, &tie),
            vec![Input::Choose("b".into())]
        );
        assert_eq!(
            room_inputs(DecisionKind::Scale, &tie),
            vec![Input::Grade("b".into())]
        );
        let none = votes(&[("a", 0), ("b", 0)]);
        assert_eq!(
            room_inputs(DecisionKind::Single, &none),
            vec![Input::Choose("a".into())]
        );
        assert!(room_inputs(DecisionKind::Single, &[]).is_empty());
    }

    #[test]
    fn a_checklist_ticks_every_option_anyone_chose() {
        let ticks = votes(&[("a", 2), ("b", 0), ("c", 1)]);
        assert_eq!(
            room_inputs(DecisionKind::Multiple, &ticks),
            vec![
                Input::Toggle("a".into()),
                Input::Toggle("c".into()),
                Input::Submit
            ]
        );
    }
}
