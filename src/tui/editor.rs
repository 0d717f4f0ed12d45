//! Editing a text in the trainee's own editor: `$VISUAL`, else `$EDITOR`, else `vi`
//! (`notepad` on Windows), on a private temporary file. The caller hands the terminal
//! over first and takes it back after; this module only runs the program and reads the
//! file back. Every failure leaves the old text alone and says why.

use std::fs::{self, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::bounded_read;

/// The most bytes read back: a rationale is a paragraph or two, not a document.
const LIMIT: u64 = 64 * 1024;

/// The editor command as the environment names it, split into program and arguments
/// (`code --wait` works; quoting inside the variable does not).
pub fn command_line(visual: Option<String>, editor: Option<String>) -> Vec<String> {
    let chosen = [visual, editor]
        .into_iter()
        .flatten()
        .find(|v| !v.trim().is_empty())
        .unwrap_or_else(|| if cfg!(windows) { "notepad" } else { "vi" }.to_string());
    chosen.split_whitespace().map(str::to_string).collect()
}

/// Opens `text` in the editor and returns what was saved, without a final line break.
pub fn edit(text: &str) -> Result<String, String> {
    let words = command_line(std::env::var("VISUAL").ok(), std::env::var("EDITOR").ok());
    let (program, args) = words.split_first().ok_or("no editor is set")?;
    let path = temp_file(text).map_err(|e| format!("could not make a file to edit: {e}"))?;
    let result = run(program, args, &path);
    let _ = fs::remove_file(&path);
    result
}

fn run(program: &str, args: &[String], path: &Path) -> Result<String, String> {
    let status = Command::new(program)
        .args(args)
        .arg(path)
        .status()
        .map_err(|e| format!("could not start `{}`: {e}", crate::scenario::text::echo(program)))?;
    if !status.success() {
        return Err(format!(
            "`{}` {status}; the rationale is as it was",
            crate::scenario::text::echo(program)
        ));
    }
    let bytes =
        bounded_read::read(path, LIMIT).map_err(|e| format!("could not read the edited text back: {e}"))?;
    let text =
        String::from_utf8(bytes).map_err(|_| "the edited text is not UTF-8; the rationale is as it was")?;
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    Ok(text.strip_suffix('\n').unwrap_or(&text).to_string())
}

/// A new file only this user can read, named so a second copy never collides.
fn temp_file(text: &str) -> std::io::Result<PathBuf> {
    let dir = std::env::temp_dir();
    for attempt in 0..16u32 {
        let name = format!("lessons-rationale-{}-{attempt}.txt", std::process::id());
        let path = dir.join(name);
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        match options.open(&path) {
            Ok(mut file) => {
                file.write_all(text.as_bytes())?;
                return Ok(path);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::other("every temporary name was taken"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visual_wins_then_editor_then_a_default() {
        let some = |s: &str| Some(s.to_string());
        assert_eq!(
            command_line(some("code --wait"), some("nano")),
            ["code", "--wait"]
        );
        assert_eq!(command_line(some("  "), some("nano")), ["nano"]);
        assert_eq!(command_line(None, None).len(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn an_editor_that_fails_keeps_nothing_and_says_why() {
        let path = temp_file("old").expect("a temp file");
        let failed = run("false", &[], &path);
        assert!(failed.is_err_and(|e| e.contains("as it was")));
        let kept = run("true", &[], &path);
        assert_eq!(kept.as_deref(), Ok("old"));
        let _ = fs::remove_file(&path);
    }
}
