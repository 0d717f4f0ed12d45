//! The records folder: where it is, saving a record atomically, and reading every record
//! back. A corrupt or foreign file is reported and skipped, never fatal, never overwritten.

use std::fs;
use std::path::{Path, PathBuf};

use super::atomic::{create_private_dir, write_atomic};
use super::model::{RECORD_VERSION, Record};

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
    pub reason: String,
}

impl Store {
    /// Opens (creating if needed) a writable records folder, or says why it cannot.
    pub fn open(dir: &Path) -> Result<Store, String> {
        create_private_dir(dir).map_err(|e| {
            format!(
                "records folder {} cannot be created ({e}); this run will not be saved",
                dir.display()
            )
        })?;
        // a cheap check (no fsync) so start-up stays quick; real saves are atomic
        let probe = dir.join(format!(".lessons-write-check-{}", std::process::id()));
        fs::File::create(&probe).map_err(|e| {
            format!(
                "records folder {} is not writable ({e}); this run will not be saved",
                dir.display()
            )
        })?;
        let _ = fs::remove_file(&probe);
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

    pub fn path_of(&self, record: &Record) -> PathBuf {
        self.dir.join(format!("{}.json", record.id))
    }

    pub fn save(&self, record: &Record) -> Result<PathBuf, String> {
        let path = self.path_of(record);
        let json = serde_json::to_vec_pretty(record).map_err(|e| e.to_string())?;
        write_atomic(&path, &json).map_err(|e| format!("could not save {}: {e}", path.display()))?;
        Ok(path)
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

/// Reads one record file, or says why it is not one.
pub fn read_record(path: &Path) -> Result<Record, String> {
    if path.extension().is_none_or(|e| e != "json") {
        return Err("not a record (records are .json files)".into());
    }
    let bytes = fs::read(path).map_err(|e| format!("cannot be read: {e}"))?;
    parse_record(&bytes)
}

/// A record from the bytes of its file, or why they are not one. Kept apart from the file
/// reading so the fuzz harness (tests/fuzz) can feed it bytes directly.
pub fn parse_record(bytes: &[u8]) -> Result<Record, String> {
    // the common case in one pass; the slower path below only explains failures
    if let Ok(record) = serde_json::from_slice::<Record>(bytes)
        && record.lessons_record <= RECORD_VERSION
    {
        return Ok(record);
    }

    let value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| format!("is not valid JSON ({e}); it may be damaged"))?;
    match value.get("lessons_record").and_then(serde_json::Value::as_u64) {
        None => return Err("is not a lessons record".into()),
        Some(v) if v > u64::from(RECORD_VERSION) => {
            return Err(format!("was written by a newer lessons (record version {v})"));
        }
        Some(_) => {}
    }
    serde_json::from_value(value).map_err(|e| format!("is a damaged record ({e})"))
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
