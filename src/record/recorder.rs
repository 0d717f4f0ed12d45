//! Keeps one run's record up to date on disk: created on the first save, rewritten
//! atomically after every change, marked finished at the end.
//!
//! A run is one record. A new run starts when the front end says so ([`Recorder::begin_run`])
//! or when the case or kind changes; never because two runs share a case and a seed. A save
//! that fails keeps the run in memory, says why, and is tried again at the next change.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::error::{RecordError, Shared};
use super::journal::{self, Mark};
use super::model::{Draft, Record, RecordKind, RoomPosition, TimeLeft, Timing, Votes, new_id};
use super::stamp::Stamp;
use super::store::{CreateError, Store};
use crate::engine::{Phase, SessionState};
use crate::scenario::Scenario;

/// Whether the run on hand is safely on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    /// Records are off (`--no-records`).
    Off,
    /// Nothing to save yet.
    Idle,
    /// The last save succeeded.
    Saved,
    /// The last save (or opening the folder) failed: why.
    Failed(RecordError),
}

pub struct Recorder {
    store: Option<Store>,
    /// The folder to save in when it could not be opened; opening is tried again at each save.
    wanted: Option<PathBuf>,
    trainee: Option<String>,
    current: Option<Record>,
    /// The file the current record was created as or read from; saves go back there.
    path: Option<PathBuf>,
    /// The current record was read from the folder by id (its file exists already).
    continued: bool,
    /// Where the scenario came from, when it is a file and not a built-in case.
    scenario_file: Option<String>,
    /// The session plan a classroom runs: its title and file, kept in each group record.
    session_plan: Option<(Option<String>, String)>,
    state: SaveState,
    /// How much of the run is on disk; `None` when the next save must write it in full.
    mark: Option<Mark>,
    /// When the disk was last flushed.
    last_sync: Option<Instant>,
    /// Queues each saved record's xAPI statements, when an LRS is configured.
    forwarder: Option<crate::xapi::Forwarder>,
}

/// Journal lines are flushed to the disk itself at most this often. A person answers far
/// more slowly, so each of their answers is flushed; a script is not slowed to a crawl. A
/// killed process loses nothing either way: the lines are written at once.
const SYNC_INTERVAL: Duration = Duration::from_secs(1);

impl Recorder {
    pub fn new(store: Option<Store>, trainee: Option<String>) -> Self {
        let state = if store.is_some() {
            SaveState::Idle
        } else {
            SaveState::Off
        };
        Recorder {
            store,
            wanted: None,
            trainee,
            current: None,
            path: None,
            continued: false,
            scenario_file: None,
            session_plan: None,
            state,
            mark: None,
            last_sync: None,
            forwarder: None,
        }
    }

    /// A queue into this recorder's xAPI outbox for another recorder (see
    /// `Forwarder::sibling`); `None` when no LRS is configured.
    pub fn forwarder_sibling(&self) -> Option<crate::xapi::Forwarder> {
        self.forwarder.as_ref().map(crate::xapi::Forwarder::sibling)
    }

    /// After each save, the record's new statements go to this forwarder's outbox.
    pub fn set_forwarder(&mut self, forwarder: crate::xapi::Forwarder) {
        self.forwarder = Some(forwarder);
    }

    /// How sending to the LRS goes; `None` when none is configured.
    pub fn sync_status(&self) -> Option<crate::xapi::SyncStatus> {
        self.forwarder.as_ref().map(crate::xapi::Forwarder::status)
    }

    /// Records are wanted in `dir`, but it cannot be used now (`why`): runs are kept in
    /// memory and every save tries the folder again.
    pub fn unavailable(dir: &Path, why: RecordError, trainee: Option<String>) -> Self {
        let mut recorder = Recorder::new(None, trainee);
        recorder.wanted = Some(dir.to_path_buf());
        recorder.state = SaveState::Failed(why);
        recorder
    }

    /// Remembers the scenario file in new records, so the run can be resumed from it.
    /// The session plan every group record from now on was run under (its file made
    /// absolute, so a resume from another folder finds it).
    pub fn set_session_plan(&mut self, title: Option<&str>, file: &Path) {
        let file = std::path::absolute(file).unwrap_or(file.to_path_buf());
        self.session_plan = Some((title.map(str::to_string), file.display().to_string()));
    }

    pub fn set_scenario_file(&mut self, path: Option<&Path>) {
        self.scenario_file = path.map(|p| {
            std::path::absolute(p)
                .unwrap_or(p.to_path_buf())
                .display()
                .to_string()
        });
    }

    /// Whether runs are meant to be kept (a records folder is set, usable or not).
    pub fn is_saving(&self) -> bool {
        self.store.is_some() || self.wanted.is_some()
    }

    /// Whether everything so far is on disk: records are on and no save has failed since
    /// the last one that worked.
    pub fn is_saved(&self) -> bool {
        matches!(self.state, SaveState::Saved | SaveState::Idle)
    }

    pub fn state(&self) -> &SaveState {
        &self.state
    }

    /// The record of the run on hand, as last saved or kept in memory.
    pub fn record(&self) -> Option<&Record> {
        self.current.as_ref()
    }

    /// The next save starts a new record: a new run has begun.
    pub fn begin_run(&mut self) {
        self.mark = None;
        self.current = None;
        self.path = None;
        self.continued = false;
    }

    /// The next saves continue this record, in the records folder under its id.
    pub fn continue_record(&mut self, record: Record) {
        self.mark = None;
        self.path = None;
        self.continued = true;
        self.current = Some(record);
    }

    /// The next saves continue this record, written back to the file it was read from.
    pub fn continue_record_at(&mut self, record: Record, path: PathBuf) {
        self.mark = None;
        self.path = Some(path);
        self.continued = true;
        self.current = Some(record);
    }

    /// Saves the run's state; starts a new record when no run is on hand.
    pub fn save(
        &mut self,
        scenario: &Scenario,
        state: &SessionState,
        timings: &[Timing],
    ) -> Result<(), RecordError> {
        self.save_with_draft(scenario, state, timings, None)
    }

    /// Saves the run with the rationale being typed, so a crash mid-sentence loses nothing.
    pub fn save_with_draft(
        &mut self,
        scenario: &Scenario,
        state: &SessionState,
        timings: &[Timing],
        draft: Option<Draft>,
    ) -> Result<(), RecordError> {
        self.save_timed(scenario, state, timings, draft, None)
    }

    /// Saves the full-screen run with its draft and the time left on its clock.
    pub fn save_timed(
        &mut self,
        scenario: &Scenario,
        state: &SessionState,
        timings: &[Timing],
        draft: Option<Draft>,
        time_left: Option<TimeLeft>,
    ) -> Result<(), RecordError> {
        let kind = if state.drill {
            RecordKind::Drill
        } else {
            RecordKind::Run
        };
        self.write(scenario, state, kind, |record| {
            record.timings.clear();
            record.timings.extend_from_slice(timings);
            record.draft = draft;
            record.time_left = time_left;
        })
    }

    /// Saves a classroom's tallies for one case of a session plan.
    pub fn save_group(
        &mut self,
        scenario: &Scenario,
        state: &SessionState,
        tallies: &[Votes],
        plan: &[String],
    ) -> Result<(), RecordError> {
        self.save_group_with(scenario, state, tallies, plan, None, None)
    }

    /// As [`Recorder::save_group`], with the group label the session was run under
    /// (`lessons classroom --label`), so `lessons report --label` can find it.
    pub fn save_labelled_group(
        &mut self,
        scenario: &Scenario,
        state: &SessionState,
        tallies: &[Votes],
        plan: &[String],
        label: Option<&str>,
    ) -> Result<(), RecordError> {
        self.save_group_with(scenario, state, tallies, plan, None, label)
    }

    /// As [`Recorder::save_labelled_group`], with the screen the room is on, so
    /// `classroom --resume` comes back to exactly that screen.
    pub fn save_group_at(
        &mut self,
        scenario: &Scenario,
        state: &SessionState,
        tallies: &[Votes],
        plan: &[String],
        room: &RoomPosition,
        label: Option<&str>,
    ) -> Result<(), RecordError> {
        self.save_group_with(scenario, state, tallies, plan, Some(room), label)
    }

    fn save_group_with(
        &mut self,
        scenario: &Scenario,
        state: &SessionState,
        tallies: &[Votes],
        plan: &[String],
        room: Option<&RoomPosition>,
        label: Option<&str>,
    ) -> Result<(), RecordError> {
        let session_plan = self.session_plan.clone();
        self.write(scenario, state, RecordKind::Group, |record| {
            record.tallies = tallies.to_vec();
            record.plan = plan.to_vec();
            record.label = label.map(str::to_string);
            if let Some(room) = room {
                record.room = Some(room.clone());
            }
            if let Some((title, file)) = &session_plan {
                record.plan_title = title.clone();
                record.plan_file = Some(file.clone());
            }
        })
    }

    /// A live room's save: the group record as `save_group` keeps it, with every trainee's
    /// answer so far (`lessons serve`).
    pub fn save_group_live(
        &mut self,
        scenario: &Scenario,
        state: &SessionState,
        tallies: &[Votes],
        plan: &[String],
        live: &[super::model::LiveAnswer],
    ) -> Result<(), RecordError> {
        self.write(scenario, state, RecordKind::Group, |record| {
            record.tallies = tallies.to_vec();
            record.plan = plan.to_vec();
            record.live = live.to_vec();
        })
    }

    fn write(
        &mut self,
        scenario: &Scenario,
        state: &SessionState,
        kind: RecordKind,
        fill: impl FnOnce(&mut Record),
    ) -> Result<(), RecordError> {
        if !self.is_saving() {
            // records are off: nothing to keep, and no copy of the run to make each time
            return Ok(());
        }
        let now = Stamp::now();
        // a classroom moves on to the plan's next case: that is a new record
        let same_run = self
            .current
            .as_ref()
            .is_some_and(|r| r.kind == kind && r.scenario_id == scenario.id);
        if !same_run {
            let mut record = Record::new(kind, scenario, state.clone(), self.trainee.clone(), now)?;
            record.scenario_file = self.scenario_file.clone();
            self.current = Some(record);
            self.path = None;
            self.continued = false;
            self.mark = None;
        }
        let Some(record) = self.current.as_mut() else {
            return Ok(());
        };
        record.session.clone_from(state);
        fill(record);
        record.updated = now;
        if state.phase == Phase::Finished && record.finished.is_none() {
            record.finished = Some(now);
        }
        let result = self.persist();
        if let (Ok(()), Some(forwarder), Some(record)) = (&result, &mut self.forwarder, &self.current) {
            forwarder.record_saved(record, scenario);
        }
        self.state = match &result {
            Ok(()) if self.store.is_none() => SaveState::Off,
            Ok(()) => SaveState::Saved,
            Err(e) => SaveState::Failed(e.clone()),
        };
        result
    }

    /// Writes a changed copy of a record that is already on disk (a finished run with its
    /// reflection added), in full and atomically, to `path` or else under its id. The copy
    /// becomes the record on hand, so a later `compact` cannot write the old one back.
    pub fn rewrite(&mut self, record: Record, path: Option<PathBuf>) -> Result<(), RecordError> {
        match path {
            Some(path) => self.continue_record_at(record, path),
            None => self.continue_record(record),
        }
        let result = self.persist();
        self.state = match &result {
            Ok(()) => SaveState::Saved,
            Err(e) => SaveState::Failed(e.clone()),
        };
        result
    }

    /// The file of the record on hand, once it has been written.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Folds the journal into the record file, so a run left for now is one
    /// self-contained file. Nothing to do when records are off or the journal is empty.
    pub fn compact(&mut self) -> Result<(), RecordError> {
        if self.current.is_none() || self.mark.is_some_and(|m| m.lines == 0) {
            return Ok(());
        }
        self.mark = None;
        let result = self.persist();
        if let Err(e) = &result {
            self.state = SaveState::Failed(e.clone());
        }
        result
    }

    /// Writes the current record: a line in its journal when it can, else in full.
    fn persist(&mut self) -> Result<(), RecordError> {
        if self.store.is_none()
            && let Some(dir) = &self.wanted
        {
            self.store = Some(Store::open(dir)?);
        }
        let Some(record) = self.current.as_ref() else {
            return Ok(());
        };
        if let (Some(path), Some(mark)) = (&self.path, self.mark)
            && record.kind != RecordKind::Group
            && !record.is_finished()
            && mark.lines < journal::COMPACT_EVERY
        {
            let sync = self.last_sync.is_none_or(|t| t.elapsed() >= SYNC_INTERVAL);
            let line = journal::entry(record, mark);
            let journal = journal::path_of(path);
            if let Err(e) = journal::append(&journal, &line, sync, mark.lines == 0) {
                self.mark = None;
                return Err(RecordError::NotSaved {
                    path: journal,
                    cause: Shared::new(e),
                });
            }
            self.mark = Some(Mark {
                lines: mark.lines + 1,
                ..Mark::of(record)
            });
            if sync {
                self.last_sync = Some(Instant::now());
            }
            return Ok(());
        }
        self.mark = None;
        self.write_in_full()?;
        if let Some(path) = &self.path {
            // its lines are all in the full write now, and of an older generation
            let _ = std::fs::remove_file(journal::path_of(path));
        }
        self.mark = self.current.as_ref().map(Mark::of);
        self.last_sync = Some(Instant::now());
        Ok(())
    }

    /// Writes the whole record atomically: a new file the first time, else where it lives.
    fn write_in_full(&mut self) -> Result<(), RecordError> {
        let (Some(store), Some(record)) = (&self.store, self.current.as_mut()) else {
            return Ok(());
        };
        if let Some(path) = &self.path {
            record.journal += 1;
            return Store::save_to(path, record);
        }
        if self.continued {
            // continued from the folder by id: saved back under that id, if it is a safe one
            let path = store.path_of(record)?;
            record.journal += 1;
            Store::save_to(&path, record)?;
            self.path = Some(path);
            return Ok(());
        }
        loop {
            match store.create(record) {
                Ok(path) => {
                    self.path = Some(path);
                    return Ok(());
                }
                // another run took the name first: a fresh id, never a shared file
                Err(CreateError::Taken) => {
                    record.id = new_id(record.kind, &record.scenario_id, record.started);
                }
                Err(CreateError::Failed(e)) => return Err(e),
            }
        }
    }
}
