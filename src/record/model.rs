//! What a record file holds. One JSON file per run (or drill, or classroom session).

use serde::{Deserialize, Serialize};

use super::stamp::Stamp;
use crate::engine::SessionState;
use crate::engine::shuffle::fnv1a;
use crate::scenario::Scenario;

/// The version of the record layout; bumped when it changes incompatibly.
pub const RECORD_VERSION: u32 = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum RecordKind {
    /// One trainee playing a case.
    #[default]
    Run,
    /// One re-asked decision from `lessons drill`.
    Drill,
    /// A classroom session: the room's tallies per decision.
    Group,
}

/// Seconds taken to answer one decision, measured by the front end.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Timing {
    pub step: String,
    pub seconds: f64,
}

/// A classroom's votes on one decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    pub step: String,
    /// Votes per option id, in the order the file lists the options.
    pub votes: Vec<(String, u32)>,
    #[serde(default)]
    pub revealed: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// Marks the file as ours, and its layout version.
    pub lessons_record: u32,
    #[serde(default)]
    pub kind: RecordKind,
    /// The file name without `.json`.
    pub id: String,
    pub scenario_id: String,
    pub scenario_title: String,
    /// A hash of the scenario's content, so a changed case is noticed on resume.
    pub scenario_hash: String,
    pub format: u32,
    /// The scenario file, when the case was played from a file rather than the library.
    #[serde(default)]
    pub scenario_file: Option<String>,
    #[serde(default)]
    pub trainee: Option<String>,
    pub started: Stamp,
    pub updated: Stamp,
    #[serde(default)]
    pub finished: Option<Stamp>,
    pub session: SessionState,
    #[serde(default)]
    pub timings: Vec<Timing>,
    /// Classroom tallies (group records only).
    #[serde(default)]
    pub tallies: Vec<Tally>,
    /// The scenario ids of a classroom session's plan, in order (group records only).
    #[serde(default)]
    pub plan: Vec<String>,
    /// A rationale being typed but not yet submitted, so a crash loses none of it.
    #[serde(default)]
    pub draft: Option<Draft>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub step: String,
    pub text: String,
}

impl Record {
    pub fn new(
        kind: RecordKind,
        scenario: &Scenario,
        session: SessionState,
        trainee: Option<String>,
        now: Stamp,
    ) -> Self {
        let prefix = match kind {
            RecordKind::Run => "run",
            RecordKind::Drill => "drill",
            RecordKind::Group => "group",
        };
        let id = format!(
            "{}-{prefix}-{}-{:04x}",
            now.compact(),
            scenario.id,
            session.settings.seed & 0xffff
        );
        Record {
            lessons_record: RECORD_VERSION,
            kind,
            id,
            scenario_id: scenario.id.clone(),
            scenario_title: scenario.title.clone(),
            scenario_hash: scenario_hash(scenario),
            format: scenario.format,
            scenario_file: None,
            trainee,
            started: now,
            updated: now,
            finished: None,
            session,
            timings: Vec::new(),
            tallies: Vec::new(),
            plan: Vec::new(),
            draft: None,
        }
    }

    pub fn is_finished(&self) -> bool {
        self.finished.is_some()
    }

    /// Whether the scenario has changed since this record was made.
    pub fn matches(&self, scenario: &Scenario) -> bool {
        self.scenario_id == scenario.id && self.scenario_hash == scenario_hash(scenario)
    }
}

/// A hash of what the scenario says (not how the file is laid out), as 16 hex digits.
pub fn scenario_hash(scenario: &Scenario) -> String {
    let canonical = serde_json::to_string(scenario).unwrap_or_default();
    format!("{:016x}", fnv1a(&canonical))
}
