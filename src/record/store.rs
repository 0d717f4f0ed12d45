//! The records folder: where it is, saving a record atomically, and reading every record
//! back. A corrupt or foreign file is reported and skipped, never fatal, never overwritten.

use std::fs;
use std::path::{Path, PathBuf};

use super::atomic::{create_private_dir, write_atomic, write_new_atomic};
use super::error::{LoadError, RecordError, Shared};
use super::model::{RECORD_VERSION, Record, is_valid_id};

/// Why a new record could not be created.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CreateError {
    /// A file of that name exists already: pick another id.
    Taken,
    Failed(RecordError),
}

fn to_json(record: &Record) -> Result<Vec<u8>, RecordError> {
    serde_json::to_vec_pretty(record).map_err(|e| RecordError::NotSerialised(Shared::new(e)))
}

fn not_saved(path: &Path, e: std::io::Error) -> RecordError {
    RecordError::NotSaved {
        path: path.to_path_buf(),
        cause: Shared::new(e),
    }
}

/// Where records live: `--data-dir`, else `LESSONS_HOME`, else the platform's data folder.
pub fn resolve_dir(flag: Option<&Path>) -> Option<PathBuf> {
    if let Some(dir) = flag {
        return Some(dir.to_path_buf());
    }
    if let Some(home) = std::env::var_os("LESSONS_HOME").filter(|v| !v.is_empty()) {
        return Some(PathBuf::from(home));
    }
    directories::ProjectDirs::from("uk", "lessons", "lessons").map(|d| d.data_dir().join("records"))
}

#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
}

/// A file in the records folder that is not a record we can read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub path: PathBuf,
    pub reason: LoadError,
}

impl Store {
    /// Opens (creating if needed) a writable records folder, or says why it cannot.
    pub fn open(dir: &Path) -> Result<Store, RecordError> {
        if dir.exists() && !dir.is_dir() {
            return Err(RecordError::FolderIsFile {
                dir: dir.to_path_buf(),
            });
        }
        create_private_dir(dir).map_err(|e| RecordError::FolderNotCreated {
            dir: dir.to_path_buf(),
            cause: Shared::new(e),
        })?;
        // a cheap check (no fsync) so start-up stays quick; real saves are atomic. It writes
        // a record's worth of bytes, as an empty file can still be created on a full disk.
        let probe = dir.join(format!(".lessons-write-check-{}", std::process::id()));
        let written = fs::File::create(&probe).and_then(|mut f| {
            use std::io::Write;
            f.write_all(&[b' '; 8192])?;
            f.flush()
        });
        let _ = fs::remove_file(&probe);
        written.map_err(|e| RecordError::FolderNotWritable {
            dir: dir.to_path_buf(),
            cause: Shared::new(e),
        })?;
        Ok(Store {
            dir: dir.to_path_buf(),
        })
    }

    /// A store for reading only (reports, exports): the folder need not be writable.
    pub fn read_only(dir: &Path) -> Store {
        Store {
            dir: dir.to_path_buf(),
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Where a record of this id lives in the folder; an id that is not a plain name
    /// (`../x`, `/tmp/x`) is refused, so a record never chooses where it is written.
    pub fn path_of(&self, record: &Record) -> Result<PathBuf, RecordError> {
        if !is_valid_id(&record.id) {
            return Err(RecordError::BadId(record.id.clone()));
        }
        Ok(self.dir.join(format!("{}.json", record.id)))
    }

    /// Writes a new record to a file that must not exist yet (`create_new`), so a run
    /// started at the same moment can never be renamed over another.
    pub fn create(&self, record: &Record) -> Result<PathBuf, CreateError> {
        let path = self.path_of(record).map_err(CreateError::Failed)?;
        let json = to_json(record).map_err(CreateError::Failed)?;
        match write_new_atomic(&path, &json) {
            Ok(()) => Ok(path),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(CreateError::Taken),
            Err(e) => Err(CreateError::Failed(not_saved(&path, e))),
        }
    }

    /// Saves a record under its own id in the folder, replacing any file of that name.
    pub fn save(&self, record: &Record) -> Result<PathBuf, RecordError> {
        let path = self.path_of(record)?;
        Store::save_to(&path, record)?;
        Ok(path)
    }

    /// Replaces a record atomically at `path`: the file it was created as or read from.
    pub fn save_to(path: &Path, record: &Record) -> Result<(), RecordError> {
        let json = to_json(record)?;
        write_atomic(path, &json).map_err(|e| not_saved(path, e))
    }

    /// Every record in the folder, oldest first, and the files that could not be read.
    pub fn load_all(&self) -> (Vec<(PathBuf, Record)>, Vec<Skipped>) {
        let mut records = Vec::new();
        let mut skipped = Vec::new();
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return (records, skipped);
        };
        let mut paths: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.is_file())
            .filter(|p| {
                !p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with('.'))
            })
            .collect();
        paths.sort();
        for path in paths {
            match read_record(&path) {
                Ok(record) => records.push((path, record)),
                Err(reason) => skipped.push(Skipped { path, reason }),
            }
        }
        records.sort_by_key(|(_, r)| (r.started, r.id.clone()));
        (records, skipped)
    }
}

/// Reads one record file (with its journal, if it has one), or says why it is not one.
pub fn read_record(path: &Path) -> Result<Record, LoadError> {
    let mut record = read_full_write(path)?;
    super::journal::apply(&mut record, path);
    Ok(record)
}

/// The record as last written in full, without its journal.
fn read_full_write(path: &Path) -> Result<Record, LoadError> {
    if path.extension().is_none_or(|e| e != "json") {
        return Err(LoadError::NotJson);
    }
    let bytes = crate::bounded_read::read(path, crate::bounded_read::RECORD_LIMIT)
        .map_err(|e| LoadError::Unreadable(Shared::new(e)))?;
    parse_record(&bytes)
}

/// A record from the bytes of its file, or why they are not one. Kept apart from the file
/// reading so the fuzz harness (tests/fuzz) can feed it bytes directly.
pub fn parse_record(bytes: &[u8]) -> Result<Record, LoadError> {
    // the common case in one pass; the slower path below only explains failures
    if let Ok(record) = serde_json::from_slice::<Record>(bytes)
        && record.lessons_record <= RECORD_VERSION
    {
        return Ok(record);
    }

    let value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| LoadError::InvalidJson(Shared::new(e)))?;
    match value.get("lessons_record").and_then(serde_json::Value::as_u64) {
        None => return Err(LoadError::NotOurs),
        Some(v) if v > u64::from(RECORD_VERSION) => return Err(LoadError::Newer(v)),
        Some(_) => {}
    }
    serde_json::from_value(value).map_err(|e| LoadError::Damaged(Shared::new(e)))
}

/// Records from files and folders named on the command line, and what could not be read.
pub fn load_paths(paths: &[PathBuf]) -> (Vec<(PathBuf, Record)>, Vec<Skipped>) {
    let mut records = Vec::new();
    let mut skipped = Vec::new();
    for path in paths {
        if path.is_dir() {
            let (r, s) = Store::read_only(path).load_all();
            records.extend(r);
            skipped.extend(s);
        } else {
            match read_record(path) {
                Ok(record) => records.push((path.clone(), record)),
                Err(reason) => skipped.push(Skipped {
                    path: path.clone(),
                    reason,
                }),
            }
        }
    }
    (records, skipped)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_where_the_folder_should_be_can_be_matched_and_is_named() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("records");
        fs::write(&file, b"not a folder").expect("write");
        let error = Store::open(&file).expect_err("a file is not a folder");
        assert!(matches!(error, RecordError::FolderIsFile { .. }));
        assert_eq!(
            error.to_string(),
            format!(
                "records folder {} is a file, not a folder; answers are kept in memory until a save succeeds",
                file.display()
            )
        );
    }

    #[test]
    fn why_bytes_are_not_a_record_can_be_matched() {
        let newer = parse_record(br#"{"lessons_record": 99}"#).expect_err("newer");
        assert_eq!(newer, LoadError::Newer(99));
        assert_eq!(
            newer.to_string(),
            "was written by a newer lessons (record version 99)"
        );
        let foreign = parse_record(br#"{"name": "x"}"#).expect_err("foreign");
        assert_eq!(foreign, LoadError::NotOurs);
        let torn = parse_record(b"{\"lessons_record\": 1,").expect_err("torn");
        assert!(matches!(torn, LoadError::InvalidJson(_)), "{torn:?}");
    }
}
