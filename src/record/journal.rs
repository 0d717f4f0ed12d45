//! The journal: what changed since a record's last full write, one JSON line per save,
//! appended to a hidden file beside the record (`.ID.json.journal`).
//!
//! Rewriting a whole record after every answer made a long case quadratic: each save
//! serialised, wrote and flushed every step so far. Now a save appends a short line, and
//! the full record is rewritten atomically (temporary file, flush, rename) only when a run
//! starts or is resumed, every [`COMPACT_EVERY`] saves, and when it finishes.
//!
//! Safe against a crash at any moment: one line is one `write`, so a killed process leaves
//! whole lines; a torn last line (power loss) is ignored. Every line carries the record's
//! generation, which goes up at each full write, so lines from before that write (a journal
//! not yet deleted) are never applied again. Readers (`read_record`) apply the journal, so
//! every command sees the run as last saved.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::model::{Draft, Record, TimeLeft, Timing};
use super::stamp::Stamp;
use crate::engine::{Answer, Phase};

/// Saves between two full rewrites of a record.
pub const COMPACT_EVERY: usize = 256;

/// One save: the ends of the lists that changed (from the given lengths on) and the rest.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Entry {
    /// The record's generation this line belongs to.
    pub generation: u64,
    pub path_from: usize,
    pub path: Vec<String>,
    pub answers_from: usize,
    pub answers: Vec<Answer>,
    pub timings_from: usize,
    pub timings: Vec<Timing>,
    pub phase: Phase,
    pub updated: Stamp,
    pub finished: Option<Stamp>,
    pub draft: Option<Draft>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_left: Option<TimeLeft>,
}

/// How much of a run is on disk (record plus journal), so the next line holds only the rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Mark {
    pub path: usize,
    pub answers: usize,
    pub timings: usize,
    /// Lines in the journal since the last full write.
    pub lines: usize,
}

impl Mark {
    /// The mark after a full write of `record`.
    pub fn of(record: &Record) -> Mark {
        Mark {
            path: record.session.path.len(),
            answers: record.session.answers.len(),
            timings: record.timings.len(),
            lines: 0,
        }
    }
}

/// The journal of the record at `record_path`.
pub fn path_of(record_path: &Path) -> PathBuf {
    let name = record_path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    record_path.with_file_name(format!(".{name}.journal"))
}

/// The line that brings the disk from `mark` to `record`. The last answer is always sent
/// again, as a rationale or confidence may have been added to it since.
pub fn entry(record: &Record, mark: Mark) -> Entry {
    let session = &record.session;
    let path_from = mark.path.min(session.path.len());
    let answers_from = mark.answers.saturating_sub(1).min(session.answers.len());
    let timings_from = mark.timings.min(record.timings.len());
    Entry {
        generation: record.journal,
        path_from,
        path: session.path[path_from..].to_vec(),
        answers_from,
        answers: session.answers[answers_from..].to_vec(),
        timings_from,
        timings: record.timings[timings_from..].to_vec(),
        phase: session.phase.clone(),
        updated: record.updated,
        finished: record.finished,
        draft: record.draft.clone(),
        time_left: record.time_left.clone(),
    }
}

/// Appends one line; flushed to the disk itself when `sync` is set. The first line after a
/// full write (`fresh`) starts the file afresh, so a journal holds one generation's lines.
pub fn append(journal: &Path, entry: &Entry, sync: bool, fresh: bool) -> io::Result<()> {
    let mut line = serde_json::to_vec(entry).map_err(io::Error::other)?;
    line.push(b'\n');
    if fresh {
        // a journal left from before the full write (its deletion failed) goes now
        let _ = fs::remove_file(journal);
    }
    let mut file = open_append(journal)?;
    // one write, so a killed process leaves whole lines
    file.write_all(&line)?;
    if sync {
        file.sync_data()?;
    }
    Ok(())
}

#[cfg(unix)]
fn open_append(path: &Path) -> io::Result<fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    OpenOptions::new()
        .append(true)
        .create(true)
        .mode(0o600)
        .open(path)
}

#[cfg(not(unix))]
fn open_append(path: &Path) -> io::Result<fs::File> {
    OpenOptions::new().append(true).create(true).open(path)
}

/// Brings a record read from `record_path` up to date with its journal, if it has one.
pub fn apply(record: &mut Record, record_path: &Path) {
    let Ok(text) = fs::read_to_string(path_of(record_path)) else {
        return;
    };
    for line in text.lines() {
        // a torn or foreign line ends what can be trusted
        let Ok(entry) = serde_json::from_str::<Entry>(line) else {
            break;
        };
        if entry.generation != record.journal {
            continue;
        }
        apply_entry(record, entry);
    }
}

fn apply_entry(record: &mut Record, entry: Entry) {
    let session = &mut record.session;
    session.path.truncate(entry.path_from);
    session.path.extend(entry.path);
    session.answers.truncate(entry.answers_from);
    session.answers.extend(entry.answers);
    record.timings.truncate(entry.timings_from);
    record.timings.extend(entry.timings);
    session.phase = entry.phase;
    record.updated = entry.updated;
    record.finished = entry.finished;
    record.draft = entry.draft;
    record.time_left = entry.time_left;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Mode, Response, Session, Settings};
    use crate::record::RecordKind;
    use crate::record::store::{Store, read_record};

    fn scenario() -> crate::scenario::Scenario {
        crate::scenario::Library::builtin_trusted()
            .scenarios()
            .next()
            .cloned()
            .expect("a built-in case")
    }

    fn saved_record(dir: &Path) -> (PathBuf, Record) {
        let scenario = scenario();
        let session = Session::new(scenario.clone(), Settings::new(Mode::Practice, 1));
        let record = Record::new(
            RecordKind::Run,
            &scenario,
            session.into_state(),
            None,
            Stamp::from_unix(0),
        )
        .expect("hash");
        let path = Store::open(dir).expect("store").save(&record).expect("save");
        (path, record)
    }

    fn answered(mut record: Record, step: &str) -> Record {
        record.session.path.push(step.into());
        record.session.answers.push(Answer {
            step: step.into(),
            response: Response::Chose("x".into()),
            rationale: None,
            confidence: None,
        });
        record
    }

    #[test]
    fn readers_see_the_lines_and_ignore_a_torn_one() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (path, record) = saved_record(dir.path());
        let mark = Mark::of(&record);
        let one = answered(record, "s1");
        append(&path_of(&path), &entry(&one, mark), false, true).expect("append");
        let two = answered(one.clone(), "s2");
        let line = serde_json::to_string(&entry(&two, Mark::of(&one))).expect("json");
        // a power cut mid-line
        let mut file = open_append(&path_of(&path)).expect("open");
        file.write_all(&line.as_bytes()[..line.len() / 2]).expect("write");
        let read = read_record(&path).expect("read");
        assert_eq!(read.session.answers.len(), 1);
        assert_eq!(read.session.path, one.session.path);
    }

    #[test]
    fn lines_of_an_older_generation_are_not_replayed() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (path, record) = saved_record(dir.path());
        let one = answered(record.clone(), "s1");
        append(&path_of(&path), &entry(&one, Mark::of(&record)), false, true).expect("append");
        // a full write of a later state, its journal not yet deleted
        let mut later = answered(one.clone(), "s2");
        later.journal += 1;
        Store::save_to(&path, &later).expect("save");
        let read = read_record(&path).expect("read");
        assert_eq!(read.session.answers.len(), 2, "the stale line does not undo s2");
    }
}
