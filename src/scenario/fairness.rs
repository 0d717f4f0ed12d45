//! Authoring smells that let a guesser score without knowing the case: the in-line option
//! given away by its length, a tick-all where ticking everything is in line, and a coin toss
//! of two options. `validate` locates and reports them as warnings.
//! See "Writing fair options" in docs/authoring-guide.md.

use super::types::{Decision, Scenario};
use super::vocab::Mark;

/// "Clearly the longest": at least this many times as long as the longest other option…
pub const LENGTH_RATIO: f64 = 1.3;
/// …and at least this many characters longer, so short options differing by a word pass.
pub const LENGTH_MARGIN: usize = 20;

/// The codes of the warnings this module gives.
pub const CODES: [&str; 4] = [
    "expected-longest",
    "tick-all-in-line",
    "two-options",
    "binary-ignored",
];

/// Where a smell is reported: a key of a decision, or a key of one of its options.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum At<'s> {
    Decision(&'s str, &'static str),
    Option(&'s str, &'s str, &'static str),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Smell<'s> {
    pub code: &'static str,
    pub at: At<'s>,
    pub message: String,
    pub help: &'static str,
}

pub fn smells(scenario: &Scenario) -> Vec<Smell<'_>> {
    let mut out = Vec::new();
    // these are cues to a score; a decision that is never scored gives a guesser nothing
    for d in scenario.decisions().filter(|d| d.judged()) {
        longest_is_expected(d, &mut out);
        tick_all_in_line(d, &mut out);
        two_options(d, &mut out);
    }
    out
}

fn length(text: &str) -> usize {
    text.trim().chars().count()
}

fn longest_is_expected<'s>(d: &'s Decision, out: &mut Vec<Smell<'s>>) {
    let Some(longest) = d.options.iter().max_by_key(|o| length(&o.text)) else {
        return;
    };
    let Some(other) = d
        .options
        .iter()
        .filter(|o| o.mark != Mark::Expected)
        .map(|o| length(&o.text))
        .max()
    else {
        return;
    };
    let long = length(&longest.text);
    if longest.mark == Mark::Expected
        && long as f64 >= other as f64 * LENGTH_RATIO
        && long >= other + LENGTH_MARGIN
    {
        out.push(Smell {
            code: "expected-longest",
            at: At::Option(&d.id, &longest.id, "text"),
            message: format!(
                "in decision `{}`, the Expected option `{}` is clearly the longest ({long} characters; the longest option not Expected has {other})",
                d.id, longest.id
            ),
            help: "a guesser picks the longest option: give every option the same length and care, and let the others carry their own reasons",
        });
    }
}

fn tick_all_in_line<'s>(d: &'s Decision, out: &mut Vec<Smell<'s>>) {
    if !d.kind.picks_one() && !d.options.iter().any(|o| o.mark == Mark::Poor) {
        out.push(Smell {
            code: "tick-all-in-line",
            at: At::Decision(&d.id, "options"),
            message: format!(
                "tick-all decision `{}` has no Poor option, so ticking everything is in line",
                d.id
            ),
            help: "add an option a careful officer would not tick, such as what the officers did; options that exclude each other belong in a Single decision",
        });
    }
}

fn two_options<'s>(d: &'s Decision, out: &mut Vec<Smell<'s>>) {
    let two = d.kind.two_options_invite_guessing() && d.options.len() == 2;
    if two && !d.binary {
        out.push(Smell {
            code: "two-options",
            at: At::Decision(&d.id, "options"),
            message: format!(
                "single-choice decision `{}` has only two options, so a guess is right half the time",
                d.id
            ),
            help: "add a course officers took or plausibly would; if the real decision is binary (arrest or not), say so with `binary: true`",
        });
    } else if d.binary && !two {
        out.push(Smell {
            code: "binary-ignored",
            at: At::Decision(&d.id, "binary"),
            message: format!(
                "decision `{}` says `binary: true` but is not a single choice between two options",
                d.id
            ),
            help: "remove `binary: true`; it marks a Single decision whose two options are the real choice",
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::scenario::{Origin, load_bytes};

    const NOT_JUDGED_TICK_ALL: &str = r#"Scenario(
    format: 1,
    id: "not-judged-tick-all",
    title: "Synthetic: a tick-all the source makes no finding on",
    source: Source(publisher: Other, title: "Synthetic (not a real case)", force: "Test Constabulary", incident: "2020"),
    themes: [RiskAssessment],
    role: Officer,
    content_warning: "Synthetic test material.",
    estimated_minutes: 1,
    briefing: "A synthetic briefing.",
    steps: [
        Decision(
            id: "checks",
            ndm: GatherInformation,
            prompt: "Which do you check?",
            kind: Multiple,
            options: [
                Choice(id: "pnc", text: "The PNC"),
                Choice(id: "log", text: "Earlier logs"),
                Choice(id: "intel", text: "The intelligence system"),
            ],
            finding: Finding(text: "The source makes no finding on the checks."),
            basis: NotJudged,
            reason: "The source records the checks but does not comment on them.",
        ),
    ],
    outcome: Outcome(what_happened: "Nothing; synthetic."),
)"#;

    #[test]
    fn a_decision_that_is_never_scored_gives_no_fairness_warning() {
        let entry = load_bytes(
            Origin::Builtin("test"),
            "test.ron",
            NOT_JUDGED_TICK_ALL.as_bytes(),
        );
        let codes: Vec<&str> = entry.diagnostics.iter().map(|d| d.code).collect();
        assert!(entry.scenario.is_some(), "{:?}", entry.diagnostics);
        assert!(!codes.contains(&"tick-all-in-line"), "{codes:?}");
    }

    #[test]
    fn two_grades_on_a_scale_are_not_a_coin_toss() {
        let two_grades = NOT_JUDGED_TICK_ALL
            .replace("kind: Multiple", "kind: Scale")
            .replace(
                r#"Choice(id: "pnc", text: "The PNC"),
                Choice(id: "log", text: "Earlier logs"),
                Choice(id: "intel", text: "The intelligence system"),"#,
                r#"Choice(id: "low", text: "Standard", mark: Poor, level: 1),
                Choice(id: "high", text: "High", mark: Expected, level: 2),"#,
            )
            .replace(
                r#"basis: NotJudged,
            reason: "The source records the checks but does not comment on them.","#,
                "",
            );
        let entry = load_bytes(Origin::Builtin("test"), "test.ron", two_grades.as_bytes());
        let codes: Vec<&str> = entry.diagnostics.iter().map(|d| d.code).collect();
        assert!(entry.scenario.is_some(), "{:?}", entry.diagnostics);
        let single = two_grades.replace("kind: Scale", "kind: Single");
        let entry = load_bytes(Origin::Builtin("test"), "test.ron", single.as_bytes());
        let single_codes: Vec<&str> = entry.diagnostics.iter().map(|d| d.code).collect();
        assert!(single_codes.contains(&"two-options"), "{single_codes:?}");
        assert!(!codes.contains(&"two-options"), "{codes:?}");
    }
}
