//! Format v1: what a scenario file says, as serde types. Every struct denies unknown
//! fields so a misspelt field is an error that can name the field it was meant to be.

use serde::{Deserialize, Serialize};

use super::vocab::{Basis, DecisionKind, Mark, NdmStage, Publisher, RationalePrompt, Role, Standard, Theme};

/// The only format version this build understands.
pub const FORMAT_VERSION: u32 = 1;

/// The reserved step id that ends a run when used as a branch target.
pub const END: &str = "end";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    pub format: u32,
    pub id: String,
    pub title: String,
    pub source: Source,
    pub themes: Vec<Theme>,
    /// The role the trainee plays unless a decision says otherwise.
    pub role: Role,
    pub content_warning: String,
    pub estimated_minutes: u32,
    /// What the officers knew at the start, and nothing they learnt later.
    pub briefing: String,
    pub steps: Vec<Step>,
    pub outcome: Outcome,
    #[serde(default)]
    pub discussion: Vec<String>,
    /// Asides about the source (what it does not say, what the author kept generic): dim
    /// and short in the briefing, in full in the debrief, never inside the story.
    #[serde(default)]
    pub source_notes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub publisher: Publisher,
    /// The summary's own title, as published.
    pub title: String,
    pub force: String,
    /// When the events happened, where the source says: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[serde(default)]
    pub incident: Option<String>,
    /// When the summary was published, where it says: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[serde(default)]
    pub published: Option<String>,
    #[serde(default)]
    pub reference: Option<String>,
    #[serde(default)]
    pub bulletin: Option<u32>,
    #[serde(default)]
    pub case_number: Option<u32>,
    /// The source text's file name under `assets/cases/`, used to check quotes.
    #[serde(default)]
    pub document: Option<String>,
    /// The lines of `document` that hold this case (first, last), when it shares a file.
    #[serde(default)]
    pub lines: Option<(u32, u32)>,
}

// Steps are built once per scenario and never moved in bulk, so a boxed Decision would buy
// nothing but indirection in every match.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Step {
    Narrative(Narrative),
    Decision(Decision),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Narrative {
    pub id: String,
    /// An in-story time such as "Day 1, 14:05" or "About two hours later".
    #[serde(default)]
    pub clock: Option<String>,
    pub text: String,
    /// Where the story goes next; the following step when absent.
    #[serde(default)]
    pub next: Option<String>,
    /// Shown only if an earlier answer chose an option; passed over otherwise.
    #[serde(default)]
    pub only_if: Option<Condition>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    pub id: String,
    #[serde(default)]
    pub clock: Option<String>,
    /// Overrides the scenario's role for this decision.
    #[serde(default)]
    pub role: Option<Role>,
    pub ndm: NdmStage,
    /// Themes this decision counts toward; the scenario's themes when empty.
    #[serde(default)]
    pub themes: Vec<Theme>,
    pub prompt: String,
    pub kind: DecisionKind,
    pub options: Vec<Choice>,
    /// What the officers did, in words, when the options marked `actual` do not say it all.
    #[serde(default)]
    pub officers: Option<String>,
    pub finding: Finding,
    #[serde(default)]
    pub rationale: RationalePrompt,
    /// Seconds allowed before "no decision in time" is recorded.
    #[serde(default)]
    pub time_limit: Option<u32>,
    /// Where the story goes after this decision unless the chosen option branches.
    #[serde(default)]
    pub next: Option<String>,
    /// What the marks rest on; a finding when absent. `NotJudged`: asked and recorded, never scored.
    #[serde(default)]
    pub basis: Option<Basis>,
    /// The guidance named (required with `basis: Guidance`), or the source's question or
    /// learning the marks rest on.
    #[serde(default)]
    pub citation: Option<String>,
    /// Why the author reads it so (required with `basis: Judgement`), or why it is not judged.
    #[serde(default)]
    pub reason: Option<String>,
    /// Where the story goes when the time limit runs out (required when a timed decision branches).
    #[serde(default)]
    pub on_timeout: Option<String>,
    /// Multiple decisions only: where the story goes if an option was ticked (first match wins).
    #[serde(default)]
    pub when_ticked: Vec<TickRule>,
    /// Asked only if an earlier answer chose an option; passed over otherwise.
    #[serde(default)]
    pub only_if: Option<Condition>,
    /// The real decision has two courses (arrest or not), so two options are fair.
    #[serde(default)]
    pub binary: bool,
    /// An aside about this decision and its source, shown with it in the debrief.
    #[serde(default)]
    pub source_note: Option<String>,
    /// The source does not name the role that decides here; the player says it is assumed.
    #[serde(default)]
    pub role_assumed: bool,
}

/// "If option `ticked` was ticked, go to `goto`", on a Multiple decision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TickRule {
    pub ticked: String,
    pub goto: String,
}

/// "Only if option `chose` was chosen, graded or ticked at decision `step`."
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    pub step: String,
    pub chose: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub id: String,
    pub text: String,
    /// Required unless the decision's basis is `NotJudged`.
    #[serde(default)]
    pub mark: Mark,
    /// Whether this is what the officers in the case did.
    #[serde(default)]
    pub actual: bool,
    /// Position on the ladder for Scale decisions, lowest first.
    #[serde(default)]
    pub level: Option<u32>,
    #[serde(default)]
    pub feedback: Option<String>,
    /// A later step this option leads to (Single and Scale decisions only).
    #[serde(default)]
    pub goto: Option<String>,
    /// This option's mark rests on something other than the decision's basis.
    #[serde(default)]
    pub basis: Option<Basis>,
    #[serde(default)]
    pub citation: Option<String>,
    #[serde(default)]
    pub reason: Option<String>,
    /// The feedback tells of later events: shown in the debrief, never straight after the answer.
    #[serde(default)]
    pub debrief_only: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Finding {
    pub text: String,
    /// Words copied exactly from the source document.
    #[serde(default)]
    pub quote: Option<String>,
    #[serde(default)]
    pub standards: Vec<Standard>,
    #[serde(default)]
    pub policy: Vec<String>,
    /// The finding tells of later events: shown in the debrief, never straight after the answer.
    #[serde(default)]
    pub debrief_only: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    pub what_happened: String,
    #[serde(default)]
    pub officers: Vec<String>,
    #[serde(default)]
    pub learning: Vec<String>,
}

impl Step {
    pub fn id(&self) -> &str {
        match self {
            Step::Narrative(n) => &n.id,
            Step::Decision(d) => &d.id,
        }
    }

    pub fn next(&self) -> Option<&str> {
        match self {
            Step::Narrative(n) => n.next.as_deref(),
            Step::Decision(d) => d.next.as_deref(),
        }
    }

    pub fn clock(&self) -> Option<&str> {
        match self {
            Step::Narrative(n) => n.clock.as_deref(),
            Step::Decision(d) => d.clock.as_deref(),
        }
    }

    /// The earlier answer this step depends on, if any.
    pub fn only_if(&self) -> Option<&Condition> {
        match self {
            Step::Narrative(n) => n.only_if.as_ref(),
            Step::Decision(d) => d.only_if.as_ref(),
        }
    }

    pub fn as_decision(&self) -> Option<&Decision> {
        match self {
            Step::Decision(d) => Some(d),
            Step::Narrative(_) => None,
        }
    }
}

impl Scenario {
    pub fn step_index(&self, id: &str) -> Option<usize> {
        self.steps.iter().position(|s| s.id() == id)
    }

    pub fn decisions(&self) -> impl Iterator<Item = &Decision> {
        self.steps.iter().filter_map(Step::as_decision)
    }

    pub fn decision(&self, id: &str) -> Option<&Decision> {
        self.decisions().find(|d| d.id == id)
    }

    /// The role for a decision: its own, else the scenario's.
    /// The source notes, short, for the briefing: each cut to its first sentence (the
    /// debrief shows them whole). Empty when there are none.
    pub fn source_notes_short(&self) -> String {
        if self.source_notes.is_empty() {
            return String::new();
        }
        let firsts: Vec<String> = self
            .source_notes
            .iter()
            .map(|note| match note.find(". ") {
                Some(end) => format!("{} …", &note[..=end]),
                None => note.clone(),
            })
            .collect();
        format!("Source notes (in full in the debrief): {}", firsts.join(" "))
    }

    /// The role that decides, as the player names it: "(assumed)" where the source is silent.
    pub fn role_label_at(&self, decision: &Decision) -> String {
        role_label(self.role_at(decision), decision.role_assumed)
    }

    pub fn role_at(&self, decision: &Decision) -> Role {
        decision.role.unwrap_or(self.role)
    }

    /// The themes a decision counts toward.
    pub fn themes_of<'a>(&'a self, decision: &'a Decision) -> &'a [Theme] {
        if decision.themes.is_empty() {
            &self.themes
        } else {
            &decision.themes
        }
    }

    /// "IPCC, “Title”; Learning the Lessons bulletin 28, case 3; force; incident …; published …",
    /// safe to print.
    pub fn source_line(&self) -> String {
        use super::text::sanitize;
        let s = &self.source;
        let mut parts = vec![format!(
            "{}, \u{201c}{}\u{201d}",
            s.publisher.label(),
            sanitize(&s.title)
        )];
        if let Some(bulletin) = s.bulletin {
            let case = s.case_number.map(|c| format!(", case {c}")).unwrap_or_default();
            parts.push(format!("Learning the Lessons bulletin {bulletin}{case}"));
        }
        parts.push(sanitize(&s.force));
        if let Some(incident) = &s.incident {
            parts.push(format!("incident {incident}"));
        }
        if let Some(published) = &s.published {
            parts.push(format!("published {published}"));
        }
        if let Some(reference) = &s.reference {
            parts.push(format!("reference {}", sanitize(reference)));
        }
        parts.join("; ")
    }

    /// The narrative nearest before a step in the file (else the briefing), to set a
    /// decision asked on its own, as in a drill, in context.
    pub fn context_before(&self, step: Option<&str>) -> String {
        let index = step.and_then(|s| self.step_index(s)).unwrap_or(0);
        self.steps[..index]
            .iter()
            .rev()
            .find_map(|s| match s {
                Step::Narrative(n) => Some(n.text.clone()),
                Step::Decision(_) => None,
            })
            .unwrap_or_else(|| self.briefing.clone())
    }

    /// Every distinct role the trainee plays, in the order met.
    pub fn roles(&self) -> Vec<Role> {
        let mut roles = vec![self.role];
        for d in self.decisions() {
            let r = self.role_at(d);
            if !roles.contains(&r) {
                roles.push(r);
            }
        }
        roles
    }
}

impl Decision {
    pub fn option(&self, id: &str) -> Option<&Choice> {
        self.options.iter().find(|o| o.id == id)
    }

    /// Whether the decision is scored: false when its basis is `NotJudged`.
    pub fn judged(&self) -> bool {
        self.basis != Some(Basis::NotJudged)
    }

    /// What an option's mark rests on (the option's own basis, else the decision's, else the
    /// finding), with its detail: the quote, the citation or the reason.
    pub fn basis_of<'a>(&'a self, option: Option<&'a Choice>) -> (Basis, Option<&'a str>) {
        let basis = option
            .and_then(|o| o.basis)
            .or(self.basis)
            .unwrap_or(Basis::Finding);
        let citation = option
            .and_then(|o| o.citation.as_deref())
            .or(self.citation.as_deref());
        let reason = option
            .and_then(|o| o.reason.as_deref())
            .or(self.reason.as_deref());
        let detail = match basis {
            Basis::Finding => self.finding.quote.as_deref(),
            Basis::KeyQuestion | Basis::ForceLearning | Basis::Guidance => citation,
            Basis::Judgement | Basis::NotJudged => reason,
        };
        (basis, detail)
    }

    /// What the officers in the case did: the options marked `actual`.
    pub fn officers_choice(&self) -> Vec<&Choice> {
        self.options.iter().filter(|o| o.actual).collect()
    }
}

/// A role as a phrase for sentences ("You are the call handler (assumed role)").
pub fn role_phrase(role: Role, assumed: bool) -> String {
    if assumed {
        format!("{} (assumed role)", role.phrase())
    } else {
        role.phrase()
    }
}

/// A role's label, marked as assumed where the source does not name who decided.
pub fn role_label(role: Role, assumed: bool) -> String {
    if assumed {
        format!("{} (assumed role)", role.label())
    } else {
        role.label().to_string()
    }
}
