//! Reading a file that a user or a file named: a scenario, a source document, a record, a
//! `new --from` summary. Only regular files are read, and never more than a set limit, so
//! `/dev/zero`, a named pipe or a huge file cannot hang the program or fill its memory.

use std::fmt;
use std::fs::{File, OpenOptions};
use std::io::{self, Read};
use std::path::Path;

/// Scenario files: text written by hand, well under this.
pub const SCENARIO_LIMIT: u64 = 1024 * 1024;
/// Source documents (`document:` and `lessons new --from`): a published summary as text.
pub const DOCUMENT_LIMIT: u64 = 4 * 1024 * 1024;
/// Run records: JSON written by lessons; a long case with full rationales stays far below.
pub const RECORD_LIMIT: u64 = 16 * 1024 * 1024;

#[derive(Debug)]
pub enum ReadError {
    NotFound,
    /// What the path is instead of a regular file: "a folder", "a named pipe (FIFO)", …
    NotRegular(&'static str),
    /// `len` is the size seen: the file's, or `limit + 1` when it grew while being read.
    TooLarge {
        len: u64,
        limit: u64,
    },
    Io(io::Error),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::NotFound => write!(f, "does not exist"),
            ReadError::NotRegular(what) => write!(f, "is {what}, not a regular file"),
            ReadError::TooLarge { len, limit } => write!(
                f,
                "is {len} bytes, over the size limit of {} for this kind of file",
                size(*limit)
            ),
            ReadError::Io(e) => write!(f, "cannot be read: {e}"),
        }
    }
}

impl std::error::Error for ReadError {}

/// "1 MiB", "4 MiB", or bytes when not a whole number of MiB.
pub fn size(bytes: u64) -> String {
    if bytes.is_multiple_of(1024 * 1024) {
        format!("{} MiB", bytes / (1024 * 1024))
    } else {
        format!("{bytes} bytes")
    }
}

/// The whole file, when it is a regular file of at most `limit` bytes. The check is made on
/// the opened handle, so a path swapped after a check cannot slip a device or pipe through;
/// at most `limit + 1` bytes are ever read.
pub fn read(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let file = open(path)?;
    let meta = file.metadata().map_err(ReadError::Io)?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular(kind(&meta)));
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge {
            len: meta.len(),
            limit,
        });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    // the file may have grown since its size was read
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge {
            len: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

/// Opens for reading without waiting: opening a named pipe would otherwise block until
/// something writes to it.
fn open(path: &Path) -> Result<File, ReadError> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => ReadError::NotFound,
        _ => ReadError::Io(e),
    })
}

fn kind(meta: &std::fs::Metadata) -> &'static str {
    if meta.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    "something other than a file"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn devices_and_folders_are_refused_without_reading() {
        assert!(matches!(
            read(Path::new("/dev/zero"), 10),
            Err(ReadError::NotRegular("a device"))
        ));
        let dir = tempfile::tempdir().expect("temp dir");
        assert!(matches!(
            read(dir.path(), 10),
            Err(ReadError::NotRegular("a folder"))
        ));
        assert!(matches!(
            read(&dir.path().join("missing"), 10),
            Err(ReadError::NotFound)
        ));
    }

    #[test]
    fn files_over_the_limit_are_refused() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("f.txt");
        std::fs::write(&path, b"12345").expect("write");
        assert_eq!(read(&path, 5).expect("at the limit"), b"12345");
        assert!(matches!(
            read(&path, 4),
            Err(ReadError::TooLarge { len: 5, limit: 4 })
        ));
    }
}
