//! A session plan as its file says it (`PlanFile`) and as a classroom runs it (`Plan`):
//! each case found and read, its minutes settled and the decisions not put to the room.

use std::collections::BTreeSet;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::engine::PathPolicy;
use crate::scenario::Scenario;

/// The most minutes one case may be planned for: ten hours is more than any session day.
pub const MAX_MINUTES: u32 = 600;
/// The largest room a plan may name, the same bound as one option's vote count.
pub const MAX_ROOM: u32 = 9_999;

/// The file's fields, unknown ones refused so a misspelt field is an error with a
/// "did you mean", never silently ignored.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Plan")]
pub struct PlanFile {
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub path: Option<PathPolicy>,
    #[serde(default)]
    pub room: Option<u32>,
    pub cases: Vec<PlannedCase>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Case")]
pub struct PlannedCase {
    /// A library id (a unique start is enough) or a path to a scenario file, relative to
    /// the plan's folder.
    pub case: String,
    /// Planned minutes; the case's own estimate when not given.
    #[serde(default)]
    pub minutes: Option<u32>,
    /// Only these decisions are put to the room; every decision when not given.
    #[serde(default)]
    pub vote: Option<Vec<String>>,
    /// Decisions not put to the room: the story follows what the officers did.
    #[serde(default)]
    pub skip: Vec<String>,
}

/// A plan ready to run: every case read and valid.
#[derive(Debug, Clone)]
pub struct Plan {
    pub title: Option<String>,
    pub path: Option<PathPolicy>,
    pub room: Option<u32>,
    /// The plan file, as given.
    pub file: PathBuf,
    pub cases: Vec<PlanCase>,
}

#[derive(Debug, Clone)]
pub struct PlanCase {
    pub scenario: Scenario,
    /// The scenario file, when the case is not a built-in one.
    pub file: Option<PathBuf>,
    pub minutes: u32,
    /// Decision ids not put to the room.
    pub not_voted: BTreeSet<String>,
}

impl Plan {
    pub fn total_minutes(&self) -> u32 {
        self.cases.iter().map(|c| c.minutes).sum()
    }
}
