//! Puts each answer beside what the officers did and what the investigation found.
//! Every sentence a debrief shows comes from the scenario; this module only compares.

use serde::{Deserialize, Serialize};

use super::answer::{Answer, Response};
use super::item::{Item, MarkBasis, Note, Verdict};
use super::kind_rule::{Scored, score};
use crate::scenario::{Choice, Decision, Mark, NdmStage, Scenario, Theme};

/// Totals for one National Decision Model stage or one theme.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Totals {
    pub label: String,
    pub decisions: u32,
    pub in_line: u32,
    pub partly: u32,
    pub points: u32,
    /// Decisions asked but not judged: shown, never scored.
    #[serde(default)]
    pub not_judged: u32,
}

impl Totals {
    fn new(label: &str) -> Self {
        Totals {
            label: label.to_string(),
            decisions: 0,
            in_line: 0,
            partly: 0,
            points: 0,
            not_judged: 0,
        }
    }

    fn add(&mut self, item: &Item) {
        if !item.judged {
            self.not_judged += 1;
            return;
        }
        let verdict = item.verdict;
        self.decisions += 1;
        self.in_line += u32::from(verdict == Verdict::InLine);
        self.partly += u32::from(verdict == Verdict::Partly);
        self.points += verdict.points();
    }

    /// Points available: two for each judged decision.
    pub fn max_points(&self) -> u32 {
        self.decisions * 2
    }

    /// Whole-number percentage of the points available.
    pub fn percent(&self) -> u32 {
        (self.points * 100).checked_div(self.max_points()).unwrap_or(0)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Debrief {
    pub scenario_id: String,
    pub title: String,
    pub items: Vec<Item>,
    pub total: Totals,
    pub by_stage: Vec<Totals>,
    pub by_theme: Vec<Totals>,
}

impl Debrief {
    /// Points scored over the judged decisions.
    pub fn points(&self) -> u32 {
        self.total.points
    }

    /// Points available: two for each judged decision answered.
    pub fn max_points(&self) -> u32 {
        self.total.max_points()
    }
}

/// The debrief for a set of answers, in the order they were given.
pub fn assess(scenario: &Scenario, answers: &[Answer]) -> Debrief {
    let items: Vec<Item> = answers
        .iter()
        .filter_map(|a| scenario.decision(&a.step).map(|d| assess_one(scenario, d, a)))
        .collect();
    let mut total = Totals::new("All decisions");
    let mut by_stage: Vec<Totals> = Vec::new();
    let mut by_theme: Vec<Totals> = Vec::new();
    for stage in NdmStage::ALL {
        let mut tally = Totals::new(stage.label());
        items
            .iter()
            .filter(|i| i.ndm == *stage && i.judged)
            .for_each(|i| tally.add(i));
        if tally.decisions > 0 {
            by_stage.push(tally);
        }
    }
    for theme in Theme::ALL {
        let mut tally = Totals::new(theme.label());
        items
            .iter()
            .filter(|i| i.themes.contains(theme) && i.judged)
            .for_each(|i| tally.add(i));
        if tally.decisions > 0 {
            by_theme.push(tally);
        }
    }
    items.iter().for_each(|i| total.add(i));
    Debrief {
        scenario_id: scenario.id.clone(),
        title: scenario.title.clone(),
        items,
        total,
        by_stage,
        by_theme,
    }
}

/// How one answer stands against its decision's finding.
pub fn assess_one(scenario: &Scenario, decision: &Decision, answer: &Answer) -> Item {
    let selected: Vec<&Choice> = answer
        .response
        .selected()
        .into_iter()
        .filter_map(|id| decision.option(id))
        .collect();
    let actual: Vec<&Choice> = decision.officers_choice();
    let same_as_officers = made_officers_choice(&answer.response, &selected, &actual);
    let judged = decision.judged();
    let Scored {
        verdict,
        scale_distance,
        missed,
        unwanted,
    } = match &answer.response {
        Response::NoDecision => unscored(Verdict::NoDecision),
        _ if !judged => unscored(Verdict::NotJudged),
        Response::Chose(_) | Response::Graded(_) | Response::Ticked(_) => score(decision, &selected),
    };
    let finding = &decision.finding.text;
    let officers = match decision.officers.as_deref().map(|t| beyond_finding(t, finding)) {
        Some(Some(text)) => vec![text],
        _ => actual.iter().map(|c| c.text.clone()).collect(),
    };
    let note = |c: &Choice| {
        let text = beyond_finding(c.feedback.as_deref()?, finding)?;
        Some(Note {
            option: c.text.clone(),
            text,
            debrief_only: c.debrief_only,
        })
    };
    let expected: Vec<&Choice> = decision
        .options
        .iter()
        .filter(|c| judged && c.mark == Mark::Expected)
        .collect();
    let chose_expected = selected.iter().any(|c| c.mark == Mark::Expected);
    let why = (decision.kind.picks_one() && !chose_expected)
        .then(|| expected.iter().find_map(|c| note(c)))
        .flatten();
    // a checklist's options share the decision's basis; one pick may rest on its own
    let (basis, detail) = if decision.kind.picks_one() {
        decision.basis_of(selected.first().copied())
    } else {
        decision.basis_of(None)
    };
    Item {
        step: decision.id.clone(),
        prompt: decision.prompt.clone(),
        kind: decision.kind,
        role: scenario.role_at(decision),
        role_assumed: decision.role_assumed,
        ndm: decision.ndm,
        themes: scenario.themes_of(decision).to_vec(),
        yours: selected.iter().map(|c| c.text.clone()).collect(),
        officers,
        finding: decision.finding.clone(),
        basis: MarkBasis {
            basis,
            detail: detail.map(str::to_string),
        },
        judged,
        verdict,
        same_as_officers,
        scale_distance,
        missed,
        unwanted,
        in_line: expected.iter().map(|c| c.text.clone()).collect(),
        why,
        feedback: selected.iter().filter_map(|c| note(c)).collect(),
        rationale: answer.rationale.clone(),
        confidence: answer.confidence,
        source_note: decision.source_note.clone(),
    }
}

/// A text with a leading copy of the finding taken off, so a debrief does not say the same
/// sentence as the officers, the finding and the feedback; `None` when nothing is left.
fn beyond_finding(text: &str, finding: &str) -> Option<String> {
    let finding = finding.trim();
    let rest = match text.trim().strip_prefix(finding) {
        Some(rest) if !finding.is_empty() => rest.trim(),
        _ => text.trim(),
    };
    (!rest.is_empty()).then(|| rest.to_string())
}

fn unscored(verdict: Verdict) -> Scored {
    Scored {
        verdict,
        scale_distance: None,
        missed: Vec::new(),
        unwanted: Vec::new(),
    }
}

/// Whether the answer is what the officers did. When no option is marked `actual` the
/// source does not say, and no answer is called the officers' choice.
fn made_officers_choice(response: &Response, selected: &[&Choice], actual: &[&Choice]) -> bool {
    match response {
        Response::NoDecision => false,
        Response::Chose(_) | Response::Graded(_) | Response::Ticked(_) => {
            !actual.is_empty() && same_ids(selected, actual)
        }
    }
}

fn same_ids(a: &[&Choice], b: &[&Choice]) -> bool {
    a.len() == b.len() && a.iter().all(|x| b.iter().any(|y| y.id == x.id))
}
