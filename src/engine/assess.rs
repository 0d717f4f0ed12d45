//! Puts each answer beside what the officers did and what the investigation found.
//! Every sentence a debrief shows comes from the scenario; this module only compares.

use serde::{Deserialize, Serialize};

use super::answer::{Answer, Response};
use crate::scenario::{
    Basis, Choice, Decision, DecisionKind, Finding, Mark, NdmStage, Role, Scenario, Theme,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Verdict {
    /// The answer what the marks rest on (a finding, guidance, …) supports.
    InLine,
    /// Part of it: an acceptable option, or some of the expected actions ticked.
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
            Verdict::InLine => "In line",
            Verdict::Partly => "Partly in line",
            Verdict::NotInLine => "Not in line",
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
    /// The source does not name who decided here; the role is the author's assumption.
    #[serde(default)]
    pub role_assumed: bool,
    pub ndm: NdmStage,
    pub themes: Vec<Theme>,
    /// The texts of what the trainee chose (empty: nothing ticked, or no decision).
    pub yours: Vec<String>,
    /// What the officers in the case did.
    pub officers: Vec<String>,
    pub finding: Finding,
    /// What the marks rest on, with its quote, citation or reason.
    pub basis: MarkBasis,
    /// Whether the decision is scored (its basis is not `NotJudged`).
    pub judged: bool,
    pub verdict: Verdict,
    /// The trainee made the officers' choice.
    pub same_as_officers: bool,
    /// For Scale decisions: levels above (+) or below (−) the nearest expected grade.
    pub scale_distance: Option<i64>,
    /// For Multiple decisions: expected actions left unticked, and ticked ones marked Poor.
    pub missed: Vec<String>,
    pub unwanted: Vec<String>,
    /// The option(s) in line (Expected), named beside the trainee's choice; empty when not judged.
    pub in_line: Vec<String>,
    /// Why, in the in-line option's own feedback, when the trainee chose otherwise.
    pub why: Option<Note>,
    /// Feedback written for the options the trainee chose, each naming its option.
    pub feedback: Vec<Note>,
    pub rationale: Option<String>,
    pub confidence: Option<u8>,
    /// The author's aside about this decision and its source (shown in the debrief only).
    #[serde(default)]
    pub source_note: Option<String>,
}

/// A piece of feedback and the option it was written for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Note {
    pub option: String,
    pub text: String,
    /// Tells of later events: shown in the debrief, not in practice feedback.
    pub debrief_only: bool,
}

/// What a decision's (or an option's) marks rest on, and the words that support it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MarkBasis {
    pub basis: Basis,
    /// The finding's quote, the guidance cited, or the author's reason.
    pub detail: Option<String>,
}

impl MarkBasis {
    /// What an answer is compared with: "the finding", "the force's later learning", …
    pub fn against(&self) -> String {
        match self.basis {
            Basis::Finding => "the finding".into(),
            Basis::KeyQuestion => "the source's key question".into(),
            Basis::ForceLearning => "the force's later learning".into(),
            Basis::Guidance => self.detail.clone().unwrap_or_else(|| "national guidance".into()),
            Basis::Judgement => "the author's reading (the source makes no finding)".into(),
            Basis::NotJudged => "nothing: the source makes no finding here".into(),
        }
    }

    /// One line for a debrief: "Basis: national guidance, APP on missing persons".
    pub fn describe(&self) -> String {
        let detail = self.detail.as_deref();
        match (self.basis, detail) {
            // The quote is shown on its own line in every debrief.
            (Basis::Finding, _) => "the investigation's finding".into(),
            (Basis::KeyQuestion, Some(q)) => {
                format!("the source's question for discussion, \u{201c}{q}\u{201d}")
            }
            (Basis::KeyQuestion, None) => "the source's question for discussion".into(),
            (Basis::ForceLearning, Some(l)) => {
                format!("what the force changed afterwards, \u{201c}{l}\u{201d}")
            }
            (Basis::ForceLearning, None) => "what the force changed afterwards".into(),
            (Basis::Guidance, Some(c)) => format!("national guidance, {c}"),
            (Basis::Guidance, None) => "national guidance".into(),
            (Basis::Judgement, Some(r)) => {
                format!("the author's reading; the source makes no finding. {r}")
            }
            (Basis::Judgement, None) => "the author's reading; the source makes no finding".into(),
            (Basis::NotJudged, Some(r)) => format!("not judged; the source makes no finding here. {r}"),
            (Basis::NotJudged, None) => "not judged; the source makes no finding here".into(),
        }
    }
}

impl Note {
    /// "“Close the log”: the feedback", naming the option the feedback was written for.
    pub fn line(&self) -> String {
        format!("\u{201c}{}\u{201d}: {}", self.option, self.text)
    }
}

impl Item {
    /// The verdict in words that follow its basis: "Not in line with the force's later learning".
    pub fn label(&self) -> String {
        let against = self.basis.against();
        match self.verdict {
            Verdict::InLine => format!("In line with {against}"),
            Verdict::Partly => format!("Partly in line with {against}"),
            Verdict::NotInLine => format!("Not in line with {against}"),
            Verdict::NotJudged => "Not judged: the source makes no finding here".into(),
            Verdict::NoDecision if !self.judged => "No decision in time (not judged)".into(),
            Verdict::NoDecision => Verdict::NoDecision.label().into(),
        }
    }

    /// The in-line option(s), in words, when the trainee's choice was not all of them.
    pub fn in_line_answer(&self) -> Option<String> {
        let named = !self.in_line.is_empty()
            && self.kind != DecisionKind::Multiple
            && self.verdict != Verdict::InLine;
        named.then(|| self.in_line.join("; "))
    }

    /// The same item as practice feedback shows it: text held for the debrief removed.
    pub fn for_practice(mut self) -> Item {
        self.feedback.retain(|n| !n.debrief_only);
        if self.why.as_ref().is_some_and(|n| n.debrief_only) {
            self.why = None;
        }
        if self.finding.debrief_only {
            self.finding.text = "The finding is held for the debrief.".into();
            self.finding.quote = None;
            if self.basis.basis == Basis::Finding {
                self.basis.detail = None;
            }
        }
        self
    }

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
        let mut text = self.label();
        if let Some(distance) = self.scale_distance.filter(|d| *d != 0) {
            text.push_str(&format!(": {}", scale_phrase(distance)));
        } else if self.kind == DecisionKind::Multiple && self.judged && self.verdict != Verdict::NoDecision {
            let mut parts = Vec::new();
            if !self.missed.is_empty() {
                parts.push(format!("{} expected action(s) missed", self.missed.len()));
            }
            if !self.unwanted.is_empty() {
                parts.push(format!(
                    "{} ticked that {} does not support",
                    self.unwanted.len(),
                    self.basis.against()
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
    /// Decisions asked but not judged: shown, never scored.
    #[serde(default)]
    pub not_judged: u32,
}

impl Tally {
    fn new(label: &str) -> Self {
        Tally {
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
    pub total: Tally,
    pub by_stage: Vec<Tally>,
    pub by_theme: Vec<Tally>,
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
    let mut total = Tally::new("All decisions");
    let mut by_stage: Vec<Tally> = Vec::new();
    let mut by_theme: Vec<Tally> = Vec::new();
    for stage in NdmStage::ALL {
        let mut tally = Tally::new(stage.label());
        items
            .iter()
            .filter(|i| i.ndm == *stage && i.judged)
            .for_each(|i| tally.add(i));
        if tally.decisions > 0 {
            by_stage.push(tally);
        }
    }
    for theme in Theme::ALL {
        let mut tally = Tally::new(theme.label());
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
    let (verdict, scale_distance, missed, unwanted) = match (&answer.response, decision.kind) {
        (Response::NoDecision, _) => (Verdict::NoDecision, None, Vec::new(), Vec::new()),
        (_, _) if !judged => (Verdict::NotJudged, None, Vec::new(), Vec::new()),
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
    let why = (decision.kind != DecisionKind::Multiple && !chose_expected)
        .then(|| expected.iter().find_map(|c| note(c)))
        .flatten();
    let (basis, detail) = match decision.kind {
        DecisionKind::Multiple => decision.basis_of(None),
        _ => decision.basis_of(selected.first().copied()),
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

fn single_verdict(choice: &Choice) -> Verdict {
    match choice.mark {
        Mark::Expected => Verdict::InLine,
        Mark::Acceptable => Verdict::Partly,
        // Validation refuses an unmarked option on a judged decision.
        Mark::Poor | Mark::Unmarked => Verdict::NotInLine,
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
