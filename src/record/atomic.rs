//! Atomic file writes: a temporary file in the same folder, flushed to disk, then renamed
//! over the target, so a crash at any moment leaves either the old file or the new one.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

static COUNTER: AtomicU64 = AtomicU64::new(0);

/// Writes `bytes` to `path` atomically, readable only by its owner where the OS allows.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    with_temporary(path, bytes, |tmp| fs::rename(tmp, path))
}

/// Writes a new file at `path` atomically, failing with `AlreadyExists` if there is one:
/// the data goes to a temporary file first, which is then hard-linked to its name (a link
/// never replaces a file). Where links are not supported, the name is claimed with
/// `create_new` and the temporary file renamed over the claim.
pub fn write_new_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    with_temporary(path, bytes, |tmp| match fs::hard_link(tmp, path) {
        Ok(()) => fs::remove_file(tmp),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(e),
        Err(_) => {
            drop(open_new(path)?);
            fs::rename(tmp, path)
        }
    })
}

/// Writes `bytes` to a new temporary file beside `path`, flushed to disk, then lets `place`
/// put it at `path` and makes that durable. On any failure the temporary file goes.
fn with_temporary(path: &Path, bytes: &[u8], place: impl FnOnce(&Path) -> io::Result<()>) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let tmp = temporary_name(path);
    let result = (|| {
        let mut file = open_new(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        place(&tmp)?;
        sync_dir(dir);
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

fn temporary_name(path: &Path) -> std::path::PathBuf {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("record");
    dir.join(format!(
        ".{name}.tmp-{}-{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ))
}

/// Creates a file that must not exist yet, readable only by its owner where the OS allows:
/// both the temporary file and the claim on a new record's name.
#[cfg(unix)]
fn open_new(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
}

#[cfg(not(unix))]
fn open_new(path: &Path) -> io::Result<File> {
    OpenOptions::new().write(true).create_new(true).open(path)
}

/// Makes the rename itself durable. Best effort: not every platform can open a folder.
fn sync_dir(dir: &Path) {
    if let Ok(handle) = File::open(dir) {
        let _ = handle.sync_all();
    }
}

/// Creates the folder (and its parents) readable only by its owner.
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        fs::DirBuilder::new().recursive(true).mode(0o700).create(dir)
    }
    #[cfg(not(unix))]
    {
        fs::create_dir_all(dir)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("run.json");
        write_atomic(&path, b"first").expect("write");
        write_atomic(&path, b"second").expect("write");
        assert_eq!(fs::read(&path).expect("read"), b"second");
        let names: Vec<_> = fs::read_dir(dir.path())
            .expect("list")
            .filter_map(Result::ok)
            .collect();
        assert_eq!(names.len(), 1, "no temporary files left behind");
    }

    #[cfg(unix)]
    #[test]
    fn records_are_readable_only_by_their_owner() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("run.json");
        write_atomic(&path, b"{}").expect("write");
        let mode = fs::metadata(&path).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }

    #[test]
    fn a_new_file_never_replaces_an_existing_one() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("run.json");
        write_new_atomic(&path, b"first").expect("write");
        let second = write_new_atomic(&path, b"second").expect_err("the name is taken");
        assert_eq!(second.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read(&path).expect("read"), b"first");
        let names = fs::read_dir(dir.path()).expect("list").count();
        assert_eq!(names, 1, "no temporary files left behind");
    }

    #[test]
    fn a_failed_write_keeps_the_old_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("run.json");
        write_atomic(&path, b"old").expect("write");
        // a folder where the file should be makes the rename fail
        let blocked = dir.path().join("blocked");
        fs::create_dir(&blocked).expect("mkdir");
        assert!(write_atomic(&blocked, b"new").is_err());
        assert_eq!(fs::read(&path).expect("read"), b"old");
        let leftovers = fs::read_dir(dir.path())
            .expect("list")
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().contains(".tmp-"))
            .count();
        assert_eq!(leftovers, 0);
    }
}
