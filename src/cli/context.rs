//! What every command shares: where records live, whether to keep them, who is playing.

use std::path::PathBuf;

use super::CliError;
use crate::record::{Record, Recorder, Store, read_record, resolve_dir};
use crate::scenario::text::{echo, echo_message, echo_path};
use crate::scenario::{Library, Scenario, load_file};
use crate::tui::theme::ThemeName;

#[derive(Debug, Clone)]
pub struct Context {
    pub theme: ThemeName,
    /// The classroom's theme: high contrast unless another was asked for.
    pub classroom_theme: ThemeName,

    pub data_dir: Option<PathBuf>,
    pub no_records: bool,
    pub name: Option<String>,
    /// Draw one frame and exit, for the start-up benchmark.
    pub exit_after_first_frame: bool,
    /// The trainee's time zone: how times are shown and when drill days roll over.
    pub zone: jiff::tz::TimeZone,
}

impl Context {
    /// The records folder, if there is one to use.
    pub fn records_dir(&self) -> Option<PathBuf> {
        if self.no_records {
            return None;
        }
        resolve_dir(self.data_dir.as_deref())
    }

    /// A recorder for a new or resumed run; prints a warning when the folder cannot be
    /// used, and the run still goes on in memory (each save tries the folder again).
    pub fn recorder(&self) -> Recorder {
        if self.no_records {
            return Recorder::new(None, None);
        }
        let store = match self.records_dir() {
            None => {
                eprintln!(
                    "lessons: warning: no data folder could be found; this run will not be saved (use --data-dir)"
                );
                None
            }
            Some(dir) => match Store::open(&dir) {
                Ok(store) => Some(store),
                Err(e) => {
                    eprintln!("lessons: warning: {}", echo_message(&e.to_string()));
                    return Recorder::unavailable(&dir, e, self.name.clone());
                }
            },
        };
        let mut recorder = Recorder::new(store, self.name.clone());
        if let Some(dir) = self.records_dir() {
            match crate::xapi::Forwarder::from_config(&dir) {
                Ok(Some(forwarder)) => recorder.set_forwarder(forwarder),
                Ok(None) => {}
                Err(e) => eprintln!(
                    "lessons: warning: {}; nothing will be sent",
                    echo_message(&e.to_string())
                ),
            }
        }
        recorder
    }

    /// The built-in scenarios (precompiled at build time; `lessons validate` checks the files).
    pub fn scenarios(&self) -> Vec<Scenario> {
        Library::builtin_trusted().scenarios().cloned().collect()
    }

    /// The built-in scenarios plus any scenario files these records were played from.
    pub fn scenarios_for(&self, records: &[Record]) -> Vec<Scenario> {
        let mut scenarios = self.scenarios();
        for record in records {
            if scenarios.iter().any(|s| s.id == record.scenario_id) {
                continue;
            }
            if let Some(s) = self.scenario_of(record) {
                scenarios.push(s);
            }
        }
        scenarios
    }

    /// The scenario a record was made from: the built-in case, else the file it names.
    pub fn scenario_of(&self, record: &Record) -> Option<Scenario> {
        if let Some(s) = Library::builtin().find(&record.scenario_id) {
            return Some(s.clone());
        }
        let file = record.scenario_file.as_deref()?;
        load_file(std::path::Path::new(file))
            .scenario
            .filter(|s| s.id == record.scenario_id)
    }

    /// Every readable record in the records folder, oldest first, warning about the others.
    pub fn records(&self) -> Vec<Record> {
        self.records_with_paths().into_iter().map(|(_, r)| r).collect()
    }

    /// Every readable record with the file it was read from, warning about the others and
    /// about a records folder that cannot be read.
    pub fn records_with_paths(&self) -> Vec<(PathBuf, Record)> {
        let Some(dir) = resolve_dir(self.data_dir.as_deref()) else {
            eprintln!(
                "lessons: warning: no data folder could be found, so no runs are read (use --data-dir)"
            );
            return Vec::new();
        };
        if let Err(e) = std::fs::read_dir(&dir)
            && e.kind() != std::io::ErrorKind::NotFound
        {
            eprintln!(
                "lessons: warning: the records folder {} cannot be read ({e}), so no runs are counted",
                echo(&dir.display().to_string())
            );
        }
        let (records, skipped) = Store::read_only(&dir).load_all();
        for s in &skipped {
            eprintln!(
                "lessons: skipped {}: {}",
                echo_path(&s.path),
                echo_message(&s.reason.to_string())
            );
        }
        records
    }

    /// A record named on the command line: a file path, a record id in the records folder,
    /// or `latest` (the most recent finished run).
    pub fn find_record(&self, name: &str) -> Result<Record, CliError> {
        self.find_record_and_path(name).map(|(_, r)| r)
    }

    /// [`Context::find_record`], with the file the record was read from.
    pub fn find_record_and_path(&self, name: &str) -> Result<(PathBuf, Record), CliError> {
        let path = PathBuf::from(name);
        if path.is_file() {
            return match read_record(&path) {
                Ok(record) => Ok((path, record)),
                Err(cause) => Err(CliError::RecordUnreadable { path, cause }),
            };
        }
        let records = self.records_with_paths();
        let found = if name == "latest" {
            records.iter().rev().find(|(_, r)| r.is_finished()).cloned()
        } else {
            records
                .iter()
                .find(|(_, r)| r.id == name || r.id.starts_with(name))
                .cloned()
        };
        found.ok_or_else(|| match resolve_dir(self.data_dir.as_deref()) {
            Some(dir) => CliError::NoRecord {
                name: name.to_string(),
                dir,
            },
            None => CliError::NoRecordsFolder(name.to_string()),
        })
    }
}
