//! Puts each answer beside what the officers did and what the investigation found.
//! Every sentence a debrief shows comes from the scenario; this module only compares.

use serde::{Deserialize, Serialize};

use super::answer::{Answer, Response};
use crate::scenario::{Choice, Decision, DecisionKind, Finding, Mark, NdmStage, Role, Scenario, Theme};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Verdict {
    /// The answer the finding or the policy it names supports.
    InLine,
    /// Part of it: an acceptable option, or some of the expected actions and no poor one.
    Partly,
    /// Not supported by what the marks rest on. Whether it is what the officers did is
    /// recorded apart (`Item::same_as_officers`) and never changes the comparison.
    NotInLine,
    /// Asked and recorded, but the source makes no finding to compare it with: never scored.
    NotJudged,
    /// The time limit ran out.
    NoDecision,
}

impl Verdict {
    pub fn label(self) -> &'static str {
        match self {
            Verdict::InLine => "In line with the finding",
            Verdict::Partly => "Partly in line",
            Verdict::NotInLine => "Not in line with the finding",
            Verdict::NotJudged => "Not judged",
            Verdict::NoDecision => "No decision in time",
        }
    }

    /// A short tag for narrow tables; never the only way the verdict is shown.
    pub fn short(self) -> &'static str {
        match self {
            Verdict::InLine => "in line",
            Verdict::Partly => "partly",
            Verdict::NotInLine => "not in line",
            Verdict::NotJudged => "not judged",
            Verdict::NoDecision => "no decision",
        }
    }

    /// Two points in line, one partly, none otherwise.
    pub fn points(self) -> u32 {
        match self {
            Verdict::InLine => 2,
            Verdict::Partly => 1,
            _ => 0,
        }
    }
}

/// One decision in the debrief.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Item {
    pub step: String,
    pub prompt: String,
    pub kind: DecisionKind,
    pub role: Role,
    pub ndm: NdmStage,
    pub themes: Vec<Theme>,
    /// The texts of what the trainee chose (empty: nothing ticked, or no decision).
    pub yours: Vec<String>,
    /// What the officers in the case did.
    pub officers: Vec<String>,
    pub finding: Finding,
    pub verdict: Verdict,
    /// The trainee made the officers' choice.
    pub same_as_officers: bool,
    /// For Scale decisions: levels above (+) or below (−) the nearest expected grade.
    pub scale_distance: Option<i64>,
    /// For Multiple decisions: expected actions left unticked, and ticked ones marked Poor.
    pub missed: Vec<String>,
    pub unwanted: Vec<String>,
    /// Feedback written for the options the trainee chose.
    pub feedback: Vec<String>,
    pub rationale: Option<String>,
    pub confidence: Option<u8>,
}

impl Item {
    /// What the trainee chose, in words: the options joined, or why there are none.
    pub fn your_choice(&self) -> String {
        match self.verdict {
            Verdict::NoDecision => "No decision in time".into(),
            _ if self.yours.is_empty() => "Nothing ticked".into(),
            _ => self.yours.join("; "),
        }
    }

    /// What the officers did, in words.
    pub fn officers_did(&self) -> String {
        if self.officers.is_empty() {
            "The source does not say.".into()
        } else {
            self.officers.join("; ")
        }
    }

    /// One line that says how the answer stands, e.g. "Not in line with the finding: graded one level too low".
    pub fn summary(&self) -> String {
        let mut text = self.verdict.label().to_string();
        if let Some(distance) = self.scale_distance.filter(|d| *d != 0) {
            text.push_str(&format!(": {}", scale_phrase(distance)));
        } else if self.kind == DecisionKind::Multiple && self.verdict != Verdict::NoDecision {
            let mut parts = Vec::new();
            if !self.missed.is_empty() {
                parts.push(format!("{} expected action(s) missed", self.missed.len()));
            }
            if !self.unwanted.is_empty() {
                parts.push(format!(
                    "{} ticked that the finding does not support",
                    self.unwanted.len()
                ));
            }
            if !parts.is_empty() {
                text.push_str(&format!(": {}", parts.join(", ")));
            }
        }
        if self.same_as_officers {
            text.push_str(" (the same as the officers)");
        }
        text
    }
}

/// "graded one level too low", "graded two levels too high".
pub fn scale_phrase(distance: i64) -> String {
    let n = distance.unsigned_abs();
    let count = match n {
        1 => "one level".to_string(),
        2 => "two levels".to_string(),
        3 => "three levels".to_string(),
        n => format!("{n} levels"),
    };
    let direction = if distance < 0 { "too low" } else { "too high" };
    format!("graded {count} {direction}")
}

/// Totals for one National Decision Model stage or one theme.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    pub label: String,
    pub decisions: u32,
    pub in_line: u32,
    pub partly: u32,
    pub points: u32,
}

impl Tally {
    fn new(label: &str) -> Self {
        Tally {
            label: label.to_string(),
            decisions: 0,
            in_line: 0,
            partly: 0,
            points: 0,
        }
    }

    fn add(&mut self, verdict: Verdict) {
        self.decisions += 1;
        self.in_line += u32::from(verdict == Verdict::InLine);
        self.partly += u32::from(verdict == Verdict::Partly);
        self.points += verdict.points();
    }

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
    pub total: Tally,
    pub by_stage: Vec<Tally>,
    pub by_theme: Vec<Tally>,
}

/// The debrief for a set of answers, in the order they were given.
pub fn assess(scenario: &Scenario, answers: &[Answer]) -> Debrief {
    let items: Vec<Item> = answers
        .iter()
        .filter_map(|a| scenario.decision(&a.step).map(|d| assess_one(scenario, d, a)))
        .collect();
    let mut total = Tally::new("All decisions");
    let mut by_stage: Vec<Tally> = Vec::new();
    let mut by_theme: Vec<Tally> = Vec::new();
    for stage in NdmStage::ALL {
        let mut tally = Tally::new(stage.label());
        items
            .iter()
            .filter(|i| i.ndm == *stage)
            .for_each(|i| tally.add(i.verdict));
        if tally.decisions > 0 {
            by_stage.push(tally);
        }
    }
    for theme in Theme::ALL {
        let mut tally = Tally::new(theme.label());
        items
            .iter()
            .filter(|i| i.themes.contains(theme))
            .for_each(|i| tally.add(i.verdict));
        if tally.decisions > 0 {
            by_theme.push(tally);
        }
    }
    items.iter().for_each(|i| total.add(i.verdict));
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
    let (verdict, scale_distance, missed, unwanted) = match (&answer.response, decision.kind) {
        (Response::NoDecision, _) => (Verdict::NoDecision, None, Vec::new(), Vec::new()),
        (_, DecisionKind::Multiple) => multiple_verdict(decision, &selected),
        (_, kind) => {
            let verdict = match selected.first() {
                Some(c) => single_verdict(c),
                None => Verdict::NotInLine,
            };
            let distance = (kind == DecisionKind::Scale && verdict != Verdict::InLine)
                .then(|| selected.first().and_then(|c| scale_distance(decision, c)))
                .flatten();
            (verdict, distance, Vec::new(), Vec::new())
        }
    };
    let officers = match &decision.officers {
        Some(text) => vec![text.clone()],
        None => actual.iter().map(|c| c.text.clone()).collect(),
    };
    Item {
        step: decision.id.clone(),
        prompt: decision.prompt.clone(),
        kind: decision.kind,
        role: scenario.role_at(decision),
        ndm: decision.ndm,
        themes: scenario.themes_of(decision).to_vec(),
        yours: selected.iter().map(|c| c.text.clone()).collect(),
        officers,
        finding: decision.finding.clone(),
        verdict,
        same_as_officers,
        scale_distance,
        missed,
        unwanted,
        feedback: selected.iter().filter_map(|c| c.feedback.clone()).collect(),
        rationale: answer.rationale.clone(),
        confidence: answer.confidence,
    }
}

fn single_verdict(choice: &Choice) -> Verdict {
    match choice.mark {
        Mark::Expected => Verdict::InLine,
        Mark::Acceptable => Verdict::Partly,
        Mark::Poor => Verdict::NotInLine,
    }
}

fn multiple_verdict(
    decision: &Decision,
    selected: &[&Choice],
) -> (Verdict, Option<i64>, Vec<String>, Vec<String>) {
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
    (verdict, None, missed, unwanted)
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

/// Whether the answer is what the officers did. When no option is marked `actual` the
/// source does not say, and no answer is called the officers' choice.
fn made_officers_choice(response: &Response, selected: &[&Choice], actual: &[&Choice]) -> bool {
    match response {
        Response::NoDecision => false,
        _ => !actual.is_empty() && same_ids(selected, actual),
    }
}

fn same_ids(a: &[&Choice], b: &[&Choice]) -> bool {
    a.len() == b.len() && a.iter().all(|x| b.iter().any(|y| y.id == x.id))
}
