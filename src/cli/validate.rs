//! `lessons validate PATH...`: diagnostics on stderr, a summary on stdout.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::scenario::Library;

pub fn run(paths: &[PathBuf]) -> ExitCode {
    let library = Library::from_paths(paths);
    let mut invalid = 0;
    let mut warnings = 0;
    for entry in &library.entries {
        for d in &entry.diagnostics {
            eprintln!("{d}");
        }
        warnings += entry.diagnostics.iter().filter(|d| !d.is_error()).count();
        if entry.is_valid() {
            println!("ok: {}", entry.display);
        } else {
            invalid += 1;
        }
    }
    let total = library.entries.len();
    if total == 0 {
        println!("no scenario files (*.ron) found");
    }
    println!(
        "{total} file(s): {} valid, {invalid} invalid, {warnings} warning(s)",
        total - invalid
    );
    if invalid > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
