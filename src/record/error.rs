//! What can go wrong with records, as values a caller can match on. Each message is the
//! one a user sees: it names the file or folder (made safe to print) and what happens next.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::scenario::text::echo;

/// What happens to a run while its folder cannot be used.
const KEPT: &str = "answers are kept in memory until a save succeeds";

fn shown(path: &Path) -> String {
    echo(&path.display().to_string())
}

/// Why a record could not be saved (or its folder opened).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RecordError {
    #[error("records folder {} is a file, not a folder; {KEPT}", shown(.dir))]
    FolderIsFile { dir: PathBuf },
    #[error("records folder {} cannot be created ({cause}); {KEPT}", shown(.dir))]
    FolderNotCreated { dir: PathBuf, cause: Shared<io::Error> },
    #[error("records folder {} is not writable ({cause}); {KEPT}", shown(.dir))]
    FolderNotWritable { dir: PathBuf, cause: Shared<io::Error> },
    #[error("could not save {}: {cause}", shown(.path))]
    NotSaved { path: PathBuf, cause: Shared<io::Error> },
    #[error("the record cannot be written: {0}")]
    NotSerialised(Shared<serde_json::Error>),
    /// The record's id is not a plain file name (`../x`, `/tmp/x`): it is never written.
    #[error(
        "the record's id `{}` is not allowed (ids use only letters, digits, `-` and `_`); the file may have been altered, so it is not used",
        echo(.0)
    )]
    BadId(String),
    #[error("the case `{id}` cannot be hashed: {cause}")]
    NotHashed {
        id: String,
        cause: Shared<serde_json::Error>,
    },
}

impl RecordError {
    /// The I/O error underneath, when there is one (a full disk, a permission refused).
    pub fn io_kind(&self) -> Option<io::ErrorKind> {
        match self {
            RecordError::FolderNotCreated { cause, .. }
            | RecordError::FolderNotWritable { cause, .. }
            | RecordError::NotSaved { cause, .. } => Some(cause.0.kind()),
            _ => None,
        }
    }
}

/// Why a file is not a record that can be read. Shown after the file's name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    #[error("not a record (records are .json files)")]
    NotJson,
    /// Missing, not a regular file, too large, or unreadable.
    #[error("{0}")]
    Unreadable(Shared<crate::bounded_read::ReadError>),
    #[error("is not valid JSON ({0}); it may be damaged")]
    InvalidJson(Shared<serde_json::Error>),
    #[error("is not a lessons record")]
    NotOurs,
    #[error("was written by a newer lessons (record version {0})")]
    Newer(u64),
    #[error("is a damaged record ({0})")]
    Damaged(Shared<serde_json::Error>),
}

/// An error from below (I/O, JSON) that can be cloned, and compared by kind of error and
/// message, so a save state or a skipped file that holds one can be too.
#[derive(Debug)]
pub struct Shared<E>(pub Arc<E>);

impl<E> Shared<E> {
    pub fn new(error: E) -> Self {
        Shared(Arc::new(error))
    }
}

impl<E> Clone for Shared<E> {
    fn clone(&self) -> Self {
        Shared(Arc::clone(&self.0))
    }
}

impl<E: fmt::Display> fmt::Display for Shared<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl<E: fmt::Display> PartialEq for Shared<E> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0) || self.0.to_string() == other.0.to_string()
    }
}

impl<E: fmt::Display> Eq for Shared<E> {}
