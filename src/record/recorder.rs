//! Keeps one run's record up to date on disk: created on the first save, rewritten
//! atomically after every change, marked finished at the end.

use super::model::{Draft, Record, RecordKind, Tally, Timing};
use super::stamp::Stamp;
use super::store::Store;
use crate::engine::{Phase, SessionState};
use crate::scenario::Scenario;

pub struct Recorder {
    store: Option<Store>,
    trainee: Option<String>,
    current: Option<Record>,
    /// Where the scenario came from, when it is a file and not a built-in case.
    scenario_file: Option<String>,
}

impl Recorder {
    pub fn new(store: Option<Store>, trainee: Option<String>) -> Self {
        Recorder {
            store,
            trainee,
            current: None,
            scenario_file: None,
        }
    }

    /// Remembers the scenario file in new records, so the run can be resumed from it.
    pub fn set_scenario_file(&mut self, path: Option<&std::path::Path>) {
        self.scenario_file = path.map(|p| {
            std::path::absolute(p)
                .unwrap_or(p.to_path_buf())
                .display()
                .to_string()
        });
    }

    pub fn is_saving(&self) -> bool {
        self.store.is_some()
    }

    /// The next saves continue this record.
    pub fn continue_record(&mut self, record: Record) {
        self.current = Some(record);
    }

    /// Saves the run's state; starts a new record when the run is not the current one.
    /// Returns the record as saved (also when there is no folder to save it in).
    pub fn save(
        &mut self,
        scenario: &Scenario,
        state: &SessionState,
        timings: &[Timing],
    ) -> Result<Record, String> {
        self.save_with_draft(scenario, state, timings, None)
    }

    /// Saves the run with the rationale being typed, so a crash mid-sentence loses nothing.
    pub fn save_with_draft(
        &mut self,
        scenario: &Scenario,
        state: &SessionState,
        timings: &[Timing],
        draft: Option<Draft>,
    ) -> Result<Record, String> {
        let kind = if state.drill {
            RecordKind::Drill
        } else {
            RecordKind::Run
        };
        self.write(scenario, state, kind, |record| {
            record.timings = timings.to_vec();
            record.draft = draft;
        })
    }

    /// Saves a classroom's tallies for one case of a session plan.
    pub fn save_group(
        &mut self,
        scenario: &Scenario,
        state: &SessionState,
        tallies: &[Tally],
        plan: &[String],
    ) -> Result<Record, String> {
        self.write(scenario, state, RecordKind::Group, |record| {
            record.tallies = tallies.to_vec();
            record.plan = plan.to_vec();
        })
    }

    fn write(
        &mut self,
        scenario: &Scenario,
        state: &SessionState,
        kind: RecordKind,
        fill: impl FnOnce(&mut Record),
    ) -> Result<Record, String> {
        let now = Stamp::now();
        let same_run = self.current.as_ref().is_some_and(|r| {
            r.kind == kind && r.scenario_id == scenario.id && r.session.settings.seed == state.settings.seed
        });
        let record = match (&mut self.current, same_run) {
            (Some(record), true) => record,
            (current, _) => {
                let mut record = Record::new(kind, scenario, state.clone(), self.trainee.clone(), now);
                record.scenario_file = self.scenario_file.clone();
                // two runs started in the same second with the same seed must not share a file
                if let Some(store) = &self.store {
                    let base = record.id.clone();
                    let mut n = 2;
                    while store.path_of(&record).exists() {
                        record.id = format!("{base}-{n}");
                        n += 1;
                    }
                }
                current.insert(record)
            }
        };
        record.session = state.clone();
        fill(record);
        record.updated = now;
        if state.phase == Phase::Finished && record.finished.is_none() {
            record.finished = Some(now);
        }
        if let Some(store) = &self.store {
            store.save(record)?;
        }
        Ok(record.clone())
    }
}
