//! Run records for the full-screen player: saved after every change, progress for the
//! library, the unfinished run to resume, and the history.

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::Instant;

use super::app::RunStore;
use super::library::Progress;
use super::run::RunState;
use crate::engine::assess;
use crate::record::recorder::SaveState;
use crate::record::{Record, RecordKind, Recorder, ReflectionAnswer, Skipped, Store, is_valid_id};
use crate::scenario::Scenario;
use crate::scenario::text::{echo, sanitize};

pub struct RecordStore {
    recorder: Recorder,
    /// The data folder, for CPD exports (`<dir>/exports`).
    dir: Option<PathBuf>,
    /// Why runs are not being saved, when they are not.
    warning: Option<String>,
    records: Vec<Record>,
    /// The file each record was read from (same order as `records`); `None` until a new
    /// run's first save succeeds.
    paths: Vec<Option<PathBuf>>,
    skipped: Vec<Skipped>,
    scenarios: Vec<Scenario>,
    /// Progress per case, worked out when records change rather than on every frame.
    progress: HashMap<String, Progress>,
    /// The newest run that can be resumed (an index into `records`), also worked out when
    /// records change: checking a run hashes its case.
    resumable_run: Option<usize>,
    /// A record resumed from a file named on the command line: its id and that file.
    read_from: Option<(String, PathBuf)>,
    /// Counts changes to `records`, so the app knows when its history rows are stale.
    generation: u64,
    /// The LRS settings could not be read, so nothing is queued (`lessons sync` says why).
    lrs_unreadable: bool,
}

impl RecordStore {
    /// Opens the records folder; when it cannot be used the warning says so and play goes on.
    pub fn open(dir: Option<&std::path::Path>, scenarios: &[Scenario], trainee: Option<String>) -> Self {
        let (recorder, warning) = match dir {
            None => (
                Recorder::new(None, trainee),
                Some("no data folder could be found, so runs are not saved (use --data-dir)".to_string()),
            ),
            Some(dir) => match Store::open(dir) {
                Ok(store) => (Recorder::new(Some(store), trainee), None),
                Err(e) => (
                    Recorder::unavailable(dir, e.clone(), trainee),
                    Some(e.to_string()),
                ),
            },
        };
        // a folder that cannot be written may still be read: its runs stay in the history
        let (records, skipped) = match dir {
            Some(dir) => Store::read_only(dir).load_all(),
            None => (Vec::new(), Vec::new()),
        };
        let (paths, records) = records.into_iter().map(|(p, r)| (Some(p), r)).unzip();
        let mut store = RecordStore {
            recorder,
            dir: dir.map(std::path::Path::to_path_buf),
            warning,
            records,
            paths,
            skipped,
            scenarios: scenarios.to_vec(),
            progress: HashMap::new(),
            resumable_run: None,
            read_from: None,
            generation: 0,
            lrs_unreadable: false,
        };
        store.refresh();
        store
    }

    /// Whether this record can be continued: a run, unfinished, with a safe id, and its
    /// case still here unchanged.
    fn resumable(&self, record: &Record) -> bool {
        record.kind == RecordKind::Run
            && !record.is_finished()
            && is_valid_id(&record.id)
            && self
                .scenarios
                .iter()
                .find(|s| s.id == record.scenario_id)
                .is_some_and(|s| record.matches(s) && record.session.check_fits(s).is_ok())
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

    /// The record of this id was read from `path` (`lessons resume FILE`): it is saved there.
    pub fn read_from(&mut self, id: &str, path: PathBuf) {
        self.read_from = Some((id.to_string(), path));
    }

    /// New records remember this scenario file, so runs of a file can be resumed.
    pub fn set_scenario_file(&mut self, path: Option<&std::path::Path>) {
        self.recorder.set_scenario_file(path);
    }

    /// Queues each saved run's xAPI statements for the LRS the settings name, if any.
    pub fn set_lrs(&mut self, found: Result<Option<crate::xapi::Forwarder>, crate::xapi::ConfigError>) {
        match found {
            Ok(Some(forwarder)) => self.recorder.set_forwarder(forwarder),
            Ok(None) => {}
            Err(_) => self.lrs_unreadable = true,
        }
    }

    fn remember(&mut self, record: &Record) {
        match self.records.iter_mut().find(|r| r.id == record.id) {
            Some(existing) => existing.clone_from(record),
            None => {
                self.records.push(record.clone());
                self.paths.push(None);
            }
        }
        self.refresh();
    }

    fn refresh(&mut self) {
        self.generation += 1;
        self.progress = self.compute_progress();
        self.resumable_run = self
            .records
            .iter()
            .enumerate()
            .filter(|(_, r)| self.resumable(r))
            .max_by_key(|(_, r)| r.updated)
            .map(|(i, _)| i);
    }
}

impl RunStore for RecordStore {
    fn save(&mut self, run: &RunState, now: Instant) -> Result<(), String> {
        let result = self
            .recorder
            .save_timed(
                run.scenario(),
                run.state(),
                &run.timings,
                run.draft(),
                run.time_left(now),
            )
            .map_err(|e| not_saved(&e));
        if self.recorder.is_saving()
            && let Some(record) = self.recorder.record().cloned()
        {
            // kept in memory even when the save failed, so the library can offer it
            self.remember(&record);
        }
        result
    }

    fn begin_run(&mut self) {
        self.recorder.begin_run();
    }

    fn leave(&mut self) {
        // a failure here is already on the status line; the journal still holds every save
        let _ = self.recorder.compact();
    }

    fn save_problem(&self) -> Option<String> {
        match self.recorder.state() {
            SaveState::Failed(why) => Some(not_saved(why)),
            _ => None,
        }
    }

    fn progress(&self, scenario_id: &str) -> Progress {
        self.progress.get(scenario_id).cloned().unwrap_or_default()
    }

    fn notice(&self) -> Option<String> {
        if let Some(warning) = &self.warning {
            return Some(format!("⚠ {warning}"));
        }
        let mut parts = Vec::new();
        if let Some(run) = self.unfinished() {
            let title = self
                .scenarios
                .iter()
                .find(|s| s.id == run.scenario_id)
                .map_or_else(|| echo(&run.scenario_title), |s| sanitize(&s.title));
            parts.push(format!("Unfinished: {title} (c to continue)"));
        }
        if !self.skipped.is_empty() {
            parts.push(format!(
                "{} in records (Tab: history)",
                crate::plural::count(self.skipped.len(), "unreadable file", "unreadable files")
            ));
        }
        (!parts.is_empty()).then(|| parts.join(" · "))
    }

    fn keeps_runs(&self) -> bool {
        self.recorder.is_saving()
    }

    fn unfinished(&self) -> Option<&Record> {
        self.resumable_run.and_then(|i| self.records.get(i))
    }

    fn resumed(&mut self, record: &Record) {
        let named = self
            .read_from
            .as_ref()
            .filter(|(id, _)| *id == record.id)
            .map(|(_, path)| path.clone());
        let path = named.or_else(|| {
            self.records
                .iter()
                .position(|r| r.id == record.id)
                .and_then(|i| self.paths.get(i).cloned().flatten())
        });
        match path {
            Some(path) => self.recorder.continue_record_at(record.clone(), path),
            None => self.recorder.continue_record(record.clone()),
        }
    }

    fn records(&self) -> &[Record] {
        &self.records
    }

    fn sync_status(&self) -> Option<String> {
        if self.lrs_unreadable {
            return Some("LRS: settings not valid (lessons sync)".into());
        }
        self.recorder.sync_status().map(|s| s.label())
    }

    fn current_id(&self) -> Option<String> {
        self.recorder.record().map(|r| r.id.clone())
    }

    fn save_reflection(&mut self, record_id: &str, answers: Vec<ReflectionAnswer>) -> Result<(), String> {
        let Some(index) = self.records.iter().position(|r| r.id == record_id) else {
            return Err("⚠ This run has no record, so the reflection cannot be kept.".into());
        };
        if !self.recorder.is_saving() {
            return Err(not_kept("The reflection", self.warning.as_deref()));
        }
        let mut record = self.records[index].clone();
        record.reflection = answers;
        // the run just finished is the recorder's own: it knows the file even before the
        // folder is read again
        let path = match self.recorder.record() {
            Some(current) if current.id == record_id => self.recorder.path().map(PathBuf::from),
            _ => None,
        }
        .or_else(|| self.paths.get(index).cloned().flatten())
        .or_else(|| {
            self.read_from
                .as_ref()
                .filter(|(id, _)| id == record_id)
                .map(|(_, p)| p.clone())
        });
        self.recorder
            .rewrite(record.clone(), path)
            .map_err(|e| format!("⚠ The reflection was not saved: {e}."))?;
        self.remember(&record);
        Ok(())
    }

    fn export(&mut self, file_name: &str, text: &str) -> Result<PathBuf, String> {
        let Some(dir) = &self.dir else {
            return Err(not_kept("The export", self.warning.as_deref()));
        };
        let folder = dir.join("exports");
        let path = folder.join(file_name);
        crate::record::atomic::create_private_dir(&folder)
            .and_then(|()| crate::record::atomic::write_atomic(&path, text.as_bytes()))
            .map_err(|e| format!("⚠ Not exported to {}: {e}.", path.display()))?;
        Ok(path)
    }

    fn skipped(&self) -> &[Skipped] {
        &self.skipped
    }

    fn generation(&self) -> u64 {
        self.generation
    }
}

/// Why something cannot be written: there is no data folder, or it cannot be used.
fn not_kept(what: &str, warning: Option<&str>) -> String {
    match warning {
        Some(why) => format!("⚠ {what} cannot be written: {why}."),
        None => format!("⚠ {what} cannot be written: there is no data folder (use --data-dir)."),
    }
}

/// The status line while saves fail.
fn not_saved(why: &dyn std::fmt::Display) -> String {
    format!("⚠ Not saved: {why}. Play goes on; each answer tries again.")
}
