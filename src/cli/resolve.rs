//! Turns what the user typed (an id or a path) into a scenario, or explains why not.

use std::path::Path;

use crate::scenario::suggest::nearest;
use crate::scenario::{Library, Scenario, load_file};

/// The scenario named by `arg`: a file path if one exists there, else a built-in id.
/// Problems are printed to stderr; `None` means the caller should exit 1.
pub fn scenario(arg: &str) -> Option<Scenario> {
    let path = Path::new(arg);
    if path.is_file() {
        let entry = load_file(path);
        for d in &entry.diagnostics {
            eprintln!("{d}");
        }
        return entry.scenario;
    }
    let library = Library::builtin();
    if let Some(found) = library.find(arg) {
        return Some(found.clone());
    }
    eprintln!("lessons: no scenario with id `{arg}` and no file at that path");
    match nearest(arg, library.ids()) {
        Some(near) => eprintln!("  help: did you mean `{near}`? `lessons list` shows every id"),
        None => eprintln!("  help: `lessons list` shows every id"),
    }
    None
}
