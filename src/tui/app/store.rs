//! What the app needs from outside and must not invent itself: where runs are kept (the
//! `RunStore`), and the date and fresh seeds (the `Clock`). Also the history rows and
//! trends, worked out once per change of the records rather than per frame or key.

use std::path::PathBuf;
use std::time::Instant;

use jiff::civil::Date;
use jiff::tz::TimeZone;

use crate::analysis::history::{HistoryRow, rows, theme_trends};
use crate::record::{Record, ReflectionAnswer, Skipped};
use crate::scenario::{Scenario, Theme};
use crate::tui::library::Progress;
use crate::tui::run::RunState;

/// Where the app keeps runs: records on disk in the real program, nothing in tests.
pub trait RunStore {
    /// Saves the run after a change. An error is shown, and the run goes on.
    fn save(&mut self, run: &RunState, now: Instant) -> Result<(), String>;
    /// Progress on one case, for the library.
    fn progress(&self, _scenario_id: &str) -> Progress {
        Progress::NotStarted
    }
    /// A message for the library header (an unfinished run, a records warning).
    fn notice(&self) -> Option<String> {
        None
    }
    /// Whether runs are really kept, so the leave dialog tells the truth.
    fn keeps_runs(&self) -> bool {
        false
    }
    /// The most recent unfinished run that can be resumed, to offer in the library.
    fn unfinished(&self) -> Option<&Record> {
        None
    }
    /// The run on screen now continues this record.
    fn resumed(&mut self, _record: &Record) {}
    /// A new run has begun: its first save starts a new record.
    fn begin_run(&mut self) {}
    /// Why the run on screen is not on disk, while the last save failed.
    fn save_problem(&self) -> Option<String> {
        None
    }
    /// How sending to the Learning Record Store goes ("LRS: 3 pending"), when one is set.
    fn sync_status(&self) -> Option<String> {
        None
    }
    /// Every record, oldest first.
    fn records(&self) -> &[Record] {
        &[]
    }
    /// The files in the records folder that could not be read.
    fn skipped(&self) -> &[Skipped] {
        &[]
    }
    /// A number that changes whenever `records` does (a save, a load), so what is worked
    /// out from them can be kept until then.
    fn generation(&self) -> u64 {
        0
    }
    /// The id of the record of the run on screen (or just finished), once it has one.
    fn current_id(&self) -> Option<String> {
        None
    }
    /// Keeps the trainee's answers to the discussion questions with a run's record.
    fn save_reflection(&mut self, _record_id: &str, _answers: Vec<ReflectionAnswer>) -> Result<(), String> {
        Err("⚠ Runs are not being kept, so the reflection cannot be saved.".into())
    }
    /// Writes an export (the CPD Markdown) to `<data folder>/exports/<file_name>`, the folder
    /// made if needed, atomically; returns where it went.
    fn export(&mut self, _file_name: &str, _text: &str) -> Result<PathBuf, String> {
        Err("⚠ There is no data folder to export to (use --data-dir, or `lessons export`).".into())
    }
    /// The program is ending (a quit or a signal): leave the run on disk as one
    /// self-contained file rather than a record plus its journal.
    fn leave(&mut self) {}
}

/// Keeps nothing: for tests and for `--no-records`.
pub struct NoStore;

impl RunStore for NoStore {
    fn save(&mut self, _run: &RunState, _now: Instant) -> Result<(), String> {
        Ok(())
    }
}

/// Today's date and fresh seeds, given to the app so drills and runs can be tested through it.
pub trait Clock {
    /// Today's date in the trainee's time zone (drill days roll over at local midnight).
    fn today(&self, zone: &TimeZone) -> Date;
    /// A seed for a run started without `--seed`.
    fn fresh_seed(&mut self) -> u64;
}

/// The real date and a random seed.
pub struct SystemClock;

impl Clock for SystemClock {
    fn today(&self, zone: &TimeZone) -> Date {
        crate::record::Stamp::now().local_day(zone)
    }

    fn fresh_seed(&mut self) -> u64 {
        rand::random()
    }
}

/// The History screen's rows (newest first) and a trend per case theme, and the records'
/// generation they were worked out from. Scoring a run hashes and assesses its case, so
/// this is done when the records change, never while drawing.
#[derive(Default)]
pub struct HistoryCache {
    generation: Option<u64>,
    pub rows: Vec<HistoryRow>,
    pub trends: Vec<(Theme, Vec<u32>)>,
    /// How many times the rows were worked out (tests check it stays put while idle).
    pub builds: usize,
}

impl HistoryCache {
    /// Works the rows out again if the records have changed since the last time.
    pub fn refresh(&mut self, store: &dyn RunStore, scenarios: &[Scenario], zone: &TimeZone) {
        if self.generation == Some(store.generation()) {
            return;
        }
        let records = store.records();
        self.rows = rows(records, scenarios, zone);
        self.trends = theme_trends(records, scenarios);
        self.generation = Some(store.generation());
        self.builds += 1;
    }

    /// The store or the cases have been replaced: work everything out again when next shown.
    pub fn forget(&mut self) {
        self.generation = None;
    }
}
