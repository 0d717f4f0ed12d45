//! Classroom sessions in the cohort report: each session listed with its group label, and
//! the room's tallies per label, so groups (Syndicate A, Syndicate B) can be compared side
//! by side rather than only pooled.

use serde::Serialize;

use super::DecisionReport;
use crate::record::model::Record;
use crate::record::stamp::local_zone;

/// One classroom session (one case of a session's plan) in the report's list.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct SessionRow {
    pub record_id: String,
    pub scenario_id: String,
    pub title: String,
    /// The group label it was run under (`classroom --label`), if any.
    pub label: Option<String>,
    /// The local date (YYYY-MM-DD) it started.
    pub date: String,
    pub finished: bool,
    /// Decisions the room voted on.
    pub decisions: u32,
}

/// One group label's classroom tallies on one case, per decision, with their own
/// denominators. Sessions without a label are one group of their own (`label: None`).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct LabelRoom {
    pub label: Option<String>,
    pub sessions: u32,
    pub decisions: Vec<DecisionReport>,
}

pub(super) fn session_row(record: &Record, title: &str) -> SessionRow {
    SessionRow {
        record_id: record.id.clone(),
        scenario_id: record.scenario_id.clone(),
        title: title.to_string(),
        label: record.label.clone(),
        date: record.started.local_day(&local_zone()).to_string(),
        finished: record.is_finished(),
        decisions: u32::try_from(record.tallies.len()).unwrap_or(u32::MAX),
    }
}

/// The group a record's votes count in: an existing one with the same label (case aside),
/// or a new one built from `empty`.
pub(super) fn group_for<'a>(
    groups: &'a mut Vec<LabelRoom>,
    label: Option<&str>,
    empty: impl FnOnce() -> Vec<DecisionReport>,
) -> &'a mut LabelRoom {
    let key = label.map(str::to_lowercase);
    let at = groups
        .iter()
        .position(|g| g.label.as_deref().map(str::to_lowercase) == key);
    let at = at.unwrap_or_else(|| {
        groups.push(LabelRoom {
            label: label.map(str::to_string),
            sessions: 0,
            decisions: empty(),
        });
        groups.len() - 1
    });
    &mut groups[at]
}

/// A label as a report prints it.
pub fn label_name(label: Option<&str>) -> &str {
    label.unwrap_or("(no label)")
}
