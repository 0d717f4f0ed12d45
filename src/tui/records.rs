//! Run records for the full-screen player: saved after every change, progress for the
//! library, the unfinished run to resume, and the history.

use std::collections::HashMap;
use std::time::Instant;

use super::app::RunStore;
use super::library::Progress;
use super::run::RunState;
use crate::engine::assess;
use crate::record::{Record, RecordKind, Recorder, Skipped, Store};
use crate::scenario::Scenario;

pub struct RecordStore {
    recorder: Recorder,
    /// Why runs are not being saved, when they are not.
    warning: Option<String>,
    records: Vec<Record>,
    skipped: Vec<Skipped>,
    scenarios: Vec<Scenario>,
    /// Progress per case, worked out when records change rather than on every frame.
    progress: HashMap<String, Progress>,
}

impl RecordStore {
    /// Opens the records folder; when it cannot be used the warning says so and play goes on.
    pub fn open(dir: Option<&std::path::Path>, scenarios: &[Scenario], trainee: Option<String>) -> Self {
        let (store, warning) = match dir {
            None => (
                None,
                Some("no data folder could be found, so runs are not saved (use --data-dir)".to_string()),
            ),
            Some(dir) => match Store::open(dir) {
                Ok(store) => (Some(store), None),
                Err(e) => (None, Some(e)),
            },
        };
        let (records, skipped) = match &store {
            Some(s) => {
                let (records, skipped) = s.load_all();
                (records.into_iter().map(|(_, r)| r).collect(), skipped)
            }
            None => (Vec::new(), Vec::new()),
        };
        let mut store = RecordStore {
            recorder: Recorder::new(store, trainee),
            warning,
            records,
            skipped,
            scenarios: scenarios.to_vec(),
            progress: HashMap::new(),
        };
        store.progress = store.compute_progress();
        store
    }

    fn compute_progress(&self) -> HashMap<String, Progress> {
        let mut progress: HashMap<String, Progress> = HashMap::new();
        for record in self.records.iter().filter(|r| r.kind == RecordKind::Run) {
            let Some(scenario) = self.scenarios.iter().find(|s| s.id == record.scenario_id) else {
                continue;
            };
            let entry = progress.entry(record.scenario_id.clone()).or_default();
            if record.is_finished() {
                let percent = assess(scenario, &record.session.answers).total.percent();
                *entry = match entry {
                    Progress::Best(best) => Progress::Best((*best).max(percent)),
                    _ => Progress::Best(percent),
                };
            } else if *entry == Progress::NotStarted {
                *entry = Progress::InProgress;
            }
        }
        progress
    }

    /// New records remember this scenario file, so runs of a file can be resumed.
    pub fn set_scenario_file(&mut self, path: Option<&std::path::Path>) {
        self.recorder.set_scenario_file(path);
    }

    fn remember(&mut self, record: Record) {
        match self.records.iter_mut().find(|r| r.id == record.id) {
            Some(existing) => *existing = record,
            None => self.records.push(record),
        }
        self.progress = self.compute_progress();
    }
}

impl RunStore for RecordStore {
    fn save(&mut self, run: &RunState, _now: Instant) -> Result<(), String> {
        let record = self
            .recorder
            .save_with_draft(&run.scenario, &run.state, &run.timings, run.draft())?;
        if self.recorder.is_saving() {
            self.remember(record);
        }
        Ok(())
    }

    fn progress(&self) -> HashMap<String, Progress> {
        self.progress.clone()
    }

    fn notice(&self) -> Option<String> {
        if let Some(warning) = &self.warning {
            return Some(format!("⚠ {warning}"));
        }
        let mut parts = Vec::new();
        if let Some(run) = self.unfinished() {
            parts.push(format!("Unfinished: {} (c to continue)", run.scenario_title));
        }
        if !self.skipped.is_empty() {
            parts.push(format!(
                "{} unreadable file(s) in records (Tab: history)",
                self.skipped.len()
            ));
        }
        (!parts.is_empty()).then(|| parts.join(" · "))
    }

    fn keeps_runs(&self) -> bool {
        self.recorder.is_saving()
    }

    fn unfinished(&self) -> Option<Record> {
        self.records
            .iter()
            .filter(|r| r.kind == RecordKind::Run && !r.is_finished())
            .max_by_key(|r| r.updated)
            .cloned()
    }

    fn resumed(&mut self, record: &Record) {
        self.recorder.continue_record(record.clone());
    }

    fn history(&self) -> (Vec<Record>, Vec<Skipped>) {
        (self.records.clone(), self.skipped.clone())
    }
}
