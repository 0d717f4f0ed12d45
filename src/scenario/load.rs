//! Loading scenarios from files, folders and the built-in library. One broken file never
//! stops the others: each becomes an entry with either a scenario or its diagnostics.

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::diagnostic::{Diagnostic, Location};
use super::locate::Locator;
use super::parse::{MAX_FILE_BYTES, decode, parse, too_large};
use super::quotes;
use super::types::Scenario;
use super::validate::validate;

mod builtin {
    include!(concat!(env!("OUT_DIR"), "/builtin.rs"));
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// Compiled into the binary from `scenarios/`.
    Builtin(&'static str),
    File(PathBuf),
}

#[derive(Debug, Clone)]
pub struct Entry {
    pub origin: Origin,
    /// How the file is named in messages: the path as given, or `scenarios/NAME` for built-ins.
    pub display: String,
    /// The scenario, when the file has no errors (it may still have warnings).
    pub scenario: Option<Scenario>,
    pub diagnostics: Vec<Diagnostic>,
    /// The file's text, when it could be read as text.
    pub source: Option<String>,
}

impl Entry {
    pub fn is_valid(&self) -> bool {
        self.scenario.is_some()
    }

    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.is_error())
    }
}

/// Parses and validates one scenario's bytes.
pub fn load_bytes(origin: Origin, display: &str, bytes: &[u8]) -> Entry {
    let mut entry = Entry {
        origin,
        display: display.to_string(),
        scenario: None,
        diagnostics: Vec::new(),
        source: None,
    };
    let text = match decode(bytes) {
        Ok(text) => text,
        Err(d) => {
            entry.diagnostics.push(d.with_path(display));
            return entry;
        }
    };
    entry.source = Some(text.to_string());
    match parse(text) {
        Ok(scenario) => {
            let mut diagnostics = validate(&scenario, text);
            if let Some(name) = &scenario.source.document {
                match source_document(&entry.origin, name) {
                    Some(document) => diagnostics.extend(quotes::check(&scenario, text, &document)),
                    None => diagnostics.push(missing_document(text, name)),
                }
            }
            entry.diagnostics = diagnostics.into_iter().map(|d| d.with_path(display)).collect();
            if !entry.diagnostics.iter().any(Diagnostic::is_error) {
                entry.scenario = Some(scenario);
            }
        }
        Err(d) => entry.diagnostics.push(d.with_path(display)),
    }
    entry
}

/// The text of a source document: beside a file scenario (`../assets/cases/NAME` or
/// `NAME` next to it), else among the summaries built into the binary.
pub fn source_document(origin: &Origin, name: &str) -> Option<Cow<'static, str>> {
    if let Origin::File(path) = origin {
        let dir = path.parent().unwrap_or(Path::new("."));
        for candidate in [dir.join("../assets/cases").join(name), dir.join(name)] {
            if let Ok(text) = std::fs::read_to_string(&candidate) {
                return Some(Cow::Owned(text));
            }
        }
    }
    builtin::SOURCES
        .iter()
        .find(|(file, _)| *file == name)
        .map(|(_, text)| Cow::Borrowed(*text))
}

fn missing_document(source: &str, name: &str) -> Diagnostic {
    let locator = Locator::new(source);
    let location = locator
        .value_of(locator.whole(), "document")
        .map_or(Location::START, |o| locator.location(o));
    Diagnostic::warning(
        "document-not-found",
        location,
        format!("source document `{name}` was not found, so quotes cannot be checked"),
    )
    .with_help(
        "put the source text in assets/cases/ beside the scenarios folder, or next to the scenario file",
    )
}

/// Reads and loads one file; unreadable files become an entry with an error.
pub fn load_file(path: &Path) -> Entry {
    let display = path.display().to_string();
    let origin = Origin::File(path.to_path_buf());
    if let Ok(meta) = std::fs::metadata(path)
        && meta.len() > MAX_FILE_BYTES as u64
    {
        return Entry {
            origin,
            display: display.clone(),
            scenario: None,
            diagnostics: vec![too_large(meta.len()).with_path(&display)],
            source: None,
        };
    }
    match std::fs::read(path) {
        Ok(bytes) => load_bytes(origin, &display, &bytes),
        Err(e) => Entry {
            origin,
            display: display.clone(),
            scenario: None,
            diagnostics: vec![
                Diagnostic::error(
                    "unreadable",
                    Location::START,
                    format!("cannot read the file: {e}"),
                )
                .with_help("check the path exists and that you may read it")
                .with_path(&display),
            ],
            source: None,
        },
    }
}

/// The `.ron` files directly inside a folder, sorted by name.
pub fn scenario_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    Ok(files)
}

#[derive(Debug, Clone, Default)]
pub struct Library {
    pub entries: Vec<Entry>,
}

impl Library {
    /// The scenarios compiled into this binary.
    pub fn builtin() -> Self {
        let entries = builtin::BUILTIN
            .iter()
            .map(|(name, text)| {
                load_bytes(
                    Origin::Builtin(name),
                    &format!("scenarios/{name}"),
                    text.as_bytes(),
                )
            })
            .collect();
        let mut library = Library { entries };
        library.check_unique_ids();
        library
    }

    /// The built-in scenarios for starting the player quickly: read from the binary form made at
    /// build time, without validating again (the test suite validates every built-in case).
    /// A file that did not parse at build time is loaded and reported as usual.
    pub fn builtin_trusted() -> Self {
        let entries = builtin::BUILTIN
            .iter()
            .map(|(name, text)| {
                let display = format!("scenarios/{name}");
                let precompiled = builtin::PRECOMPILED
                    .iter()
                    .find(|(file, _)| file == name)
                    .and_then(|(_, bytes)| postcard::from_bytes::<Scenario>(bytes).ok());
                match precompiled {
                    Some(scenario) => Entry {
                        origin: Origin::Builtin(name),
                        display,
                        scenario: Some(scenario),
                        diagnostics: Vec::new(),
                        source: None,
                    },
                    None => load_bytes(Origin::Builtin(name), &display, text.as_bytes()),
                }
            })
            .collect();
        let mut library = Library { entries };
        library.check_unique_ids();
        library
    }

    /// Files and folders given on the command line, in order.
    pub fn from_paths(paths: &[PathBuf]) -> Self {
        let mut entries = Vec::new();
        for path in paths {
            if path.is_dir() {
                match scenario_files(path) {
                    Ok(files) => entries.extend(files.iter().map(|f| load_file(f))),
                    Err(e) => entries.push(load_file_error(path, &e)),
                }
            } else {
                entries.push(load_file(path));
            }
        }
        let mut library = Library { entries };
        library.check_unique_ids();
        library
    }

    /// Scenario ids must be unique across a library; the later file is the one in error.
    fn check_unique_ids(&mut self) {
        let mut seen: HashMap<String, String> = HashMap::new();
        for entry in &mut self.entries {
            let Some(scenario) = &entry.scenario else { continue };
            match seen.get(&scenario.id) {
                Some(first) => {
                    let location = entry
                        .source
                        .as_deref()
                        .and_then(|s| {
                            let l = Locator::new(s);
                            l.value_of(l.whole(), "id").map(|o| l.location(o))
                        })
                        .unwrap_or(Location::START);
                    entry.diagnostics.push(
                        Diagnostic::error(
                            "duplicate-scenario-id",
                            location,
                            format!("scenario id `{}` is also used by {first}", scenario.id),
                        )
                        .with_help("every scenario needs its own id; rename one of them")
                        .with_path(&entry.display),
                    );
                    entry.scenario = None;
                }
                None => {
                    seen.insert(scenario.id.clone(), entry.display.clone());
                }
            }
        }
    }

    pub fn scenarios(&self) -> impl Iterator<Item = &Scenario> {
        self.entries.iter().filter_map(|e| e.scenario.as_ref())
    }

    pub fn find(&self, id: &str) -> Option<&Scenario> {
        self.scenarios().find(|s| s.id == id)
    }

    pub fn entry(&self, id: &str) -> Option<&Entry> {
        self.entries
            .iter()
            .find(|e| e.scenario.as_ref().is_some_and(|s| s.id == id))
    }

    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.scenarios().map(|s| s.id.as_str())
    }
}

fn load_file_error(path: &Path, e: &std::io::Error) -> Entry {
    let display = path.display().to_string();
    Entry {
        origin: Origin::File(path.to_path_buf()),
        display: display.clone(),
        scenario: None,
        diagnostics: vec![
            Diagnostic::error(
                "unreadable",
                Location::START,
                format!("cannot read the folder: {e}"),
            )
            .with_help("check the path exists and that you may read it")
            .with_path(&display),
        ],
        source: None,
    }
}
