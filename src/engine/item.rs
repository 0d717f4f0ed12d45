//! One decision in a debrief: the verdict, what the marks rest on, and the words a
//! debrief shows for it. Plain data with the sentences built from it.

use serde::{Deserialize, Serialize};

use crate::scenario::{Basis, DecisionKind, Finding, NdmStage, Role, Theme};

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

    /// How a debrief labels the decision's finding text: "The finding" only where the
    /// marks rest on one; otherwise the text is what the source says, not a finding.
    pub fn finding_label(&self) -> &'static str {
        match self.basis {
            Basis::Finding => "The finding",
            _ => "What the source says",
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
        let named = !self.in_line.is_empty() && self.kind.picks_one() && self.verdict != Verdict::InLine;
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
        } else if !self.kind.picks_one() && self.judged && self.verdict != Verdict::NoDecision {
            let mut parts = Vec::new();
            if !self.missed.is_empty() {
                parts.push(format!(
                    "{} missed",
                    crate::plural::count(self.missed.len(), "expected action", "expected actions")
                ));
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
