//! The plain player's kind-specific prompting: what each kind of decision asks the trainee
//! to type, and how a typed line becomes an answer. A new kind is added here.

use crate::engine::kind_rule::response_of;
use crate::engine::{Asked, Response};
use crate::scenario::DecisionKind;
use crate::scenario::text::echo;

/// What a decision asks for, and what `help` says about it.
pub(super) struct Prompt {
    pub ask: String,
    pub help: String,
}

pub(super) fn prompt(asked: &Asked) -> Prompt {
    let count = asked.options.len();
    let one = format!("Type one number from 1 to {count}: the option you choose.");
    match asked.kind {
        DecisionKind::Single => Prompt {
            ask: format!("Type the number of your choice (1-{count}): "),
            help: one,
        },
        DecisionKind::Scale => Prompt {
            ask: format!("Type the number of your grade, lowest first (1-{count}): "),
            help: one,
        },
        DecisionKind::Multiple => Prompt {
            ask:
                "Tick all that apply: type the numbers separated by spaces (for example 1 3), or 0 for none: "
                    .into(),
            help: format!(
                "Type the numbers of every option you would do (1-{count}), separated by spaces, or 0 for none."
            ),
        },
    }
}

/// The answer a typed line gives, or what to type instead.
pub(super) fn read_answer(asked: &Asked, line: &str) -> Result<Response, String> {
    let count = asked.options.len();
    let many = !asked.kind.picks_one();
    let picks: Vec<String> = parse_numbers(line, count, many)?
        .into_iter()
        .filter_map(|i| asked.options.get(i).map(|o| o.id.clone()))
        .collect();
    response_of(asked.kind, picks).ok_or_else(|| format!("Type one number from 1 to {count}."))
}

/// Reads "2" or "1 3" (or "1,3") into zero-based indices; `0` alone means none (Multiple only).
pub(super) fn parse_numbers(line: &str, count: usize, many: bool) -> Result<Vec<usize>, String> {
    let words: Vec<&str> = line
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect();
    let range_help = if many {
        format!("Type numbers from 1 to {count} separated by spaces, or 0 for none.")
    } else {
        format!("Type one number from 1 to {count}.")
    };
    if words.is_empty() {
        return Err(range_help);
    }
    if many && words == ["0"] {
        return Ok(Vec::new());
    }
    if !many && words.len() > 1 {
        return Err(range_help);
    }
    let mut picks = Vec::new();
    for word in words {
        match word.parse::<usize>() {
            Ok(n) if (1..=count).contains(&n) => {
                if !picks.contains(&(n - 1)) {
                    picks.push(n - 1);
                }
            }
            _ => {
                return Err(format!(
                    "`{}` is not one of the options. {range_help}",
                    echo(word)
                ));
            }
        }
    }
    Ok(picks)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::ShownOption;
    use crate::scenario::{NdmStage, RationalePrompt, Role};

    #[test]
    fn numbers_are_checked_against_the_options() {
        assert_eq!(parse_numbers("2", 3, false), Ok(vec![1]));
        assert_eq!(parse_numbers("1 3,3", 3, true), Ok(vec![0, 2]));
        assert_eq!(parse_numbers("0", 3, true), Ok(vec![]));
        assert!(parse_numbers("4", 3, false).is_err());
        assert!(parse_numbers("1 2", 3, false).is_err());
        assert!(parse_numbers("", 3, true).is_err());
        assert!(parse_numbers("two", 3, false).is_err());
    }

    fn asked(kind: DecisionKind, options: &[&str]) -> Asked {
        Asked {
            step: "d".into(),
            clock: None,
            role: Role::Officer,
            role_assumed: false,
            ndm: NdmStage::GatherInformation,
            prompt: "What now?".into(),
            kind,
            options: options
                .iter()
                .map(|id| ShownOption {
                    id: id.to_string(),
                    text: id.to_string(),
                    level: None,
                })
                .collect(),
            rationale: RationalePrompt::No,
            time_limit: None,
            ticked: Vec::new(),
        }
    }

    #[test]
    fn a_typed_number_is_the_option_shown_at_that_place() {
        let single = asked(DecisionKind::Single, &["b", "a"]);
        assert_eq!(read_answer(&single, "2"), Ok(Response::Chose("a".into())));
        let scale = asked(DecisionKind::Scale, &["low", "high"]);
        assert_eq!(read_answer(&scale, "1"), Ok(Response::Graded("low".into())));
        let checklist = asked(DecisionKind::Multiple, &["x", "y", "z"]);
        assert_eq!(
            read_answer(&checklist, "3 1"),
            Ok(Response::Ticked(vec!["z".into(), "x".into()]))
        );
        assert_eq!(read_answer(&checklist, "0"), Ok(Response::Ticked(Vec::new())));
    }

    #[test]
    fn a_decision_without_options_asks_again_rather_than_panicking() {
        assert!(read_answer(&asked(DecisionKind::Single, &[]), "1").is_err());
    }
}
