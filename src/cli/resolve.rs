//! Turns what the user typed (an id or a path) into a scenario, or explains why not.

use std::path::{Path, PathBuf};

use crate::scenario::suggest::nearest;
use crate::scenario::text::echo;
use crate::scenario::{Library, Scenario, load_file};

/// The scenario named by `arg` (a file path if one exists there, else a built-in id), with
/// the file it came from. Problems are printed to stderr; `None` means exit 1.
pub fn scenario_and_file(arg: &str) -> Option<(Scenario, Option<PathBuf>)> {
    let path = Path::new(arg);
    if path.is_file() {
        let entry = load_file(path);
        for d in &entry.diagnostics {
            eprintln!("{d}");
        }
        return entry.scenario.map(|s| (s, Some(path.to_path_buf())));
    }
    let library = Library::builtin();
    if let Some(found) = library.find(arg) {
        return Some((found.clone(), None));
    }
    // a unique start of an id is enough (`play herts`); more than one match is listed
    let starting: Vec<&str> = library
        .ids()
        .filter(|id| !arg.is_empty() && id.starts_with(arg))
        .collect();
    match starting.as_slice() {
        [one] => return library.find(one).map(|s| (s.clone(), None)),
        [] => {}
        many => {
            eprintln!(
                "lessons: `{}` is the start of {} ids; type more of the one you mean:",
                echo(arg),
                many.len()
            );
            for id in many {
                eprintln!("  {id}");
            }
            return None;
        }
    }
    eprintln!(
        "lessons: no scenario with id `{}` and no file at that path",
        echo(arg)
    );
    match nearest(arg, library.ids()) {
        Some(near) => eprintln!("  help: did you mean `{near}`? `lessons list` shows every id"),
        None => eprintln!("  help: `lessons list` shows every id"),
    }
    None
}
