//! The outbox: every statement is written here (one file each, atomically) before any
//! attempt to send it, and removed only once the LRS has it, so killing the program or
//! losing the network loses nothing. Lives in `.xapi/` in the records folder (a dot folder,
//! which the record loader skips).
//!
//! Beside it, a ledger per record lists the statement ids already queued, so saving a
//! record again queues nothing new even after those statements were sent and removed.

use std::collections::HashSet;
use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use serde_json::Value;

use super::uuid::hex_digest;
use crate::record::atomic::{create_private_dir, write_atomic, write_new_atomic};
use crate::record::is_valid_id;

static COUNTER: AtomicU64 = AtomicU64::new(0);

#[derive(Debug, Clone)]
pub struct Outbox {
    root: PathBuf,
}

impl Outbox {
    /// The outbox of a records folder (nothing is created until something is queued).
    pub fn of(records_dir: &Path) -> Outbox {
        Outbox {
            root: records_dir.join(".xapi"),
        }
    }

    fn queue(&self) -> PathBuf {
        self.root.join("outbox")
    }

    fn ledger_of(&self, record_id: &str) -> PathBuf {
        let name = if is_valid_id(record_id) {
            record_id.to_string()
        } else {
            hex_digest(&[record_id])
        };
        self.root.join("ledger").join(name)
    }

    /// Statements the LRS refused as malformed (400): kept for a person to look at, no
    /// longer retried.
    pub fn rejected_dir(&self) -> PathBuf {
        self.root.join("rejected")
    }

    /// This install's pseudonym salt, made on first use; empty when it cannot be kept (the
    /// pseudonyms then still hide the name, though a guesser could test names).
    pub fn salt(&self) -> String {
        let path = self.root.join("salt");
        if let Ok(s) = fs::read_to_string(&path) {
            return s.trim().to_string();
        }
        let fresh = format!("{:032x}", rand::random::<u128>());
        if create_private_dir(&self.root).is_err() {
            return String::new();
        }
        match write_new_atomic(&path, fresh.as_bytes()) {
            Ok(()) => fresh,
            // another process made it first: theirs is the salt
            Err(_) => fs::read_to_string(&path)
                .map(|s| s.trim().to_string())
                .unwrap_or_default(),
        }
    }

    /// The salt if one was made, without making one (for `export`).
    pub fn existing_salt(&self) -> Option<String> {
        fs::read_to_string(self.root.join("salt"))
            .ok()
            .map(|s| s.trim().to_string())
    }

    /// The ids already queued for a record.
    pub fn ledger(&self, record_id: &str) -> HashSet<String> {
        fs::read_to_string(self.ledger_of(record_id))
            .map(|t| t.lines().map(str::to_string).collect())
            .unwrap_or_default()
    }

    /// Queues the statements whose ids the record's ledger does not hold; returns how many.
    pub fn enqueue(&self, record_id: &str, statements: &[Value]) -> io::Result<usize> {
        let known = self.ledger(record_id);
        let fresh: Vec<(&str, &Value)> = statements
            .iter()
            .filter_map(|s| s.get("id").and_then(Value::as_str).map(|id| (id, s)))
            .filter(|(id, _)| !known.contains(*id))
            .collect();
        if fresh.is_empty() {
            return Ok(0);
        }
        create_private_dir(&self.queue())?;
        create_private_dir(&self.root.join("ledger"))?;
        for (id, statement) in &fresh {
            let bytes = serde_json::to_vec(statement).map_err(io::Error::other)?;
            // the name sorts in the order statements were queued, so they go out in order
            let nanos = SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map(|d| d.as_nanos())
                .unwrap_or(0);
            let seq = COUNTER.fetch_add(1, Ordering::Relaxed);
            let name = format!("{nanos:020}-{seq:06}-{id}.json");
            write_atomic(&self.queue().join(name), &bytes)?;
        }
        // the ledger after the statements: a crash between queues them again, never loses them
        let mut ledger = OpenOptions::new()
            .create(true)
            .append(true)
            .open(self.ledger_of(record_id))?;
        let lines: String = fresh.iter().map(|(id, _)| format!("{id}\n")).collect();
        ledger.write_all(lines.as_bytes())?;
        ledger.sync_all()?;
        Ok(fresh.len())
    }

    /// The queued statement files, oldest first.
    pub fn pending(&self) -> Vec<PathBuf> {
        let Ok(entries) = fs::read_dir(self.queue()) else {
            return Vec::new();
        };
        let mut files: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .collect();
        files.sort();
        files
    }

    pub fn pending_count(&self) -> usize {
        self.pending().len()
    }

    /// How many statements the LRS refused as malformed, kept in `rejected/`.
    pub fn rejected_count(&self) -> usize {
        fs::read_dir(self.rejected_dir()).map(|e| e.count()).unwrap_or(0)
    }

    /// The LRS has it: out of the queue.
    pub fn delivered(&self, file: &Path) {
        let _ = fs::remove_file(file);
    }

    /// The LRS refused it as malformed: out of the queue, kept aside.
    pub fn reject(&self, file: &Path) {
        let Some(name) = file.file_name() else {
            return;
        };
        if create_private_dir(&self.rejected_dir()).is_ok() {
            let _ = fs::rename(file, self.rejected_dir().join(name));
        }
    }
}
