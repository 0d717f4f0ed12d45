//! Which records a report covers: by mode, by date, and the latest attempt only.

use std::collections::HashMap;

use jiff::civil::Date;

use crate::engine::Mode;
use crate::record::label::label_matches;
use crate::record::model::{Record, RecordKind};
use crate::record::stamp::local_zone;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ModeFilter {
    Practice,
    Assessment,
    Classroom,
}

#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub mode: Option<ModeFilter>,
    /// Records started on or after this local date.
    pub since: Option<Date>,
    /// Only the latest attempt per trainee and case (per case and label for classroom
    /// sessions).
    pub latest: bool,
    /// Only classroom sessions run under one of these group labels (case ignored); empty
    /// keeps every record. Individual runs carry no label, so a label leaves them out.
    pub labels: Vec<String>,
}

fn mode_matches(record: &Record, mode: ModeFilter) -> bool {
    match mode {
        ModeFilter::Classroom => record.kind == RecordKind::Group,
        ModeFilter::Practice => {
            record.kind == RecordKind::Run && record.session.settings.mode == Mode::Practice
        }
        ModeFilter::Assessment => {
            record.kind == RecordKind::Run && record.session.settings.mode == Mode::Assessment
        }
    }
}

/// Classroom or not, the trainee, the group label, the case: one attempt is kept per key.
type AttemptKey = (bool, Option<String>, Option<String>, String);
/// When the record was last written, then its id.
type Rank = (i64, String);

/// The records the filter keeps, in their order.
pub fn apply(records: Vec<Record>, filter: &Filter) -> Vec<Record> {
    let zone = local_zone();
    let kept: Vec<Record> = records
        .into_iter()
        .filter(|r| filter.mode.is_none_or(|m| mode_matches(r, m)))
        .filter(|r| filter.since.is_none_or(|d| r.started.local_day(&zone) >= d))
        .filter(|r| {
            filter.labels.is_empty() || filter.labels.iter().any(|l| label_matches(r.label.as_deref(), l))
        })
        .collect();
    if !filter.latest {
        return kept;
    }
    // the latest by when it was last written; the id breaks a tie so the choice is stable
    let mut latest: HashMap<AttemptKey, (Rank, usize)> = HashMap::new();
    for (i, r) in kept.iter().enumerate() {
        let key = (
            r.kind == RecordKind::Group,
            r.trainee.clone(),
            r.label.as_ref().map(|l| l.to_lowercase()),
            r.scenario_id.clone(),
        );
        let rank = (r.updated.unix, r.id.clone());
        let slot = latest.entry(key).or_insert((rank.clone(), i));
        if rank > slot.0 {
            *slot = (rank, i);
        }
    }
    let keep: std::collections::HashSet<usize> = latest.values().map(|(_, i)| *i).collect();
    kept.into_iter()
        .enumerate()
        .filter(|(i, _)| keep.contains(i))
        .map(|(_, r)| r)
        .collect()
}
