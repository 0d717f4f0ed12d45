//! Where the room's votes are kept. The classroom never writes to disk itself: handling a
//! key says what should be kept (a `ClassroomOutcome`), and the screen hands that to a store.

use std::path::Path;

use crate::engine::SessionState;
use crate::record::{RecordError, Recorder, RoomPosition, Votes};
use crate::scenario::Scenario;

/// Everything one save of a classroom record needs, borrowed from the classroom.
pub struct GroupSave<'a> {
    pub scenario: &'a Scenario,
    /// The file the case came from, when it is not a built-in case.
    pub file: Option<&'a Path>,
    pub state: &'a SessionState,
    pub tallies: &'a [Votes],
    /// The ids of every case of the session, so it can be resumed.
    pub plan: Vec<String>,
    /// The group label the session runs under (`--label`), kept on every case's record.
    pub label: Option<&'a str>,
    /// The screen the room is on, so a resume comes back to it.
    pub position: RoomPosition,
}

pub trait ClassroomStore {
    /// Keeps the current case's record. An error is shown on screen, and the session goes on.
    fn save(&mut self, save: &GroupSave<'_>) -> Result<(), RecordError>;
    /// The plan has moved on to another case: its first save starts a new record, even when
    /// the same case comes twice.
    fn begin_run(&mut self);
    /// The session is ending (a quit or a signal): leave the record as one self-contained
    /// file rather than a record plus its journal.
    fn leave(&mut self) {}
}

/// Keeps nothing: for tests.
pub struct NoStore;

impl ClassroomStore for NoStore {
    fn save(&mut self, _save: &GroupSave<'_>) -> Result<(), RecordError> {
        Ok(())
    }

    fn begin_run(&mut self) {}
}

impl ClassroomStore for Recorder {
    fn save(&mut self, save: &GroupSave<'_>) -> Result<(), RecordError> {
        self.set_scenario_file(save.file);
        self.save_group_at(
            save.scenario,
            save.state,
            save.tallies,
            &save.plan,
            &save.position,
            save.label,
        )
    }

    fn begin_run(&mut self) {
        Recorder::begin_run(self);
    }

    fn leave(&mut self) {
        // a failure here was shown when a save failed; the journal still holds every save
        let _ = self.compact();
    }
}
