//! Loading scenarios from files, folders and the built-in library. One broken file never
//! stops the others: each becomes an entry with either a scenario or its diagnostics.

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

use super::diagnostic::{Diagnostic, Location};
use super::locate::Locator;
use super::parse::{MAX_FILE_BYTES, decode, parse, too_large};
use super::quotes;
use super::text::echo;
use super::types::Scenario;
use super::validate::validate;
use crate::bounded_read::{self, DOCUMENT_LIMIT, ReadError};

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
                    Document::Found(document) => {
                        diagnostics.extend(quotes::check(&scenario, text, &document))
                    }
                    Document::NotFound => diagnostics.push(missing_document(text, name)),
                    Document::Refused(message) => diagnostics.push(refused_document(text, message)),
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

/// What became of a scenario's `document:`.
pub enum Document {
    Found(Cow<'static, str>),
    NotFound,
    /// Named but refused: outside the allowed folders, not a regular file, too large, not text.
    Refused(String),
}

/// The text of a source document: inside the scenario's own folder (or a folder below it),
/// in `../assets/cases/` beside that folder, else among the summaries built into the binary.
/// Nothing else is read: not an absolute path, not `..`, not a link that leads out.
pub fn source_document(origin: &Origin, name: &str) -> Document {
    let relative = Path::new(name);
    let inside = !name.is_empty()
        && relative
            .components()
            .all(|c| matches!(c, Component::Normal(_) | Component::CurDir));
    if !inside {
        return Document::Refused(format!(
            "`document` must name a file inside the scenario's folder or assets/cases/, not `{}`",
            echo(name)
        ));
    }
    if let Origin::File(path) = origin {
        let dir = path.parent().unwrap_or(Path::new("."));
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        for base in [dir.join("../assets/cases"), dir.to_path_buf()] {
            let candidate = base.join(relative);
            if std::fs::symlink_metadata(&candidate).is_err() {
                continue;
            }
            // a link may still lead out of the folder
            let escapes = match (candidate.canonicalize(), base.canonicalize()) {
                (Ok(real), Ok(base)) => !real.starts_with(base),
                _ => false,
            };
            if escapes {
                return Document::Refused(format!(
                    "`document` must name a file inside the scenario's folder or assets/cases/; `{}` leads outside it",
                    echo(name)
                ));
            }
            return match bounded_read::read(&candidate, DOCUMENT_LIMIT) {
                Ok(bytes) => match String::from_utf8(bytes) {
                    Ok(text) => Document::Found(Cow::Owned(text)),
                    Err(_) => {
                        Document::Refused(format!("source document `{}` is not UTF-8 text", echo(name)))
                    }
                },
                Err(ReadError::NotFound) => continue,
                Err(e) => Document::Refused(format!("source document `{}` {e}", echo(name))),
            };
        }
    }
    builtin::SOURCES
        .iter()
        .find(|(file, _)| *file == name)
        .map_or(Document::NotFound, |(_, text)| {
            Document::Found(Cow::Borrowed(*text))
        })
}

fn refused_document(source: &str, message: String) -> Diagnostic {
    Diagnostic::error("document-refused", document_location(source), message).with_help(format!(
        "keep the source text (a regular file of at most {}) beside the scenario, in a folder below it, or in assets/cases/, and name it by its relative path",
        bounded_read::size(DOCUMENT_LIMIT)
    ))
}

fn document_location(source: &str) -> Location {
    let locator = Locator::new(source);
    locator
        .value_of(locator.whole(), "document")
        .map_or(Location::START, |o| locator.location(o))
}

fn missing_document(source: &str, name: &str) -> Diagnostic {
    Diagnostic::warning(
        "document-not-found",
        document_location(source),
        format!("source document `{name}` was not found, so quotes cannot be checked"),
    )
    .with_help(
        "put the source text in assets/cases/ beside the scenarios folder, or next to the scenario file",
    )
}

/// Reads and loads one file; unreadable files (missing, not a regular file, over the size
/// limit) become an entry with an error.
pub fn load_file(path: &Path) -> Entry {
    match bounded_read::read(path, MAX_FILE_BYTES as u64) {
        Ok(bytes) => load_bytes(
            Origin::File(path.to_path_buf()),
            &path.display().to_string(),
            &bytes,
        ),
        Err(ReadError::TooLarge { len, .. }) => unreadable(path, too_large(len)),
        Err(e) => unreadable(
            path,
            Diagnostic::error(
                "unreadable",
                Location::START,
                format!("cannot read the file: it {e}"),
            )
            .with_help("give the path of a scenario file (.ron) that exists and that you may read"),
        ),
    }
}

/// The entry for a file or folder that could not be read at all: its one error, no text.
fn unreadable(path: &Path, diagnostic: Diagnostic) -> Entry {
    let display = path.display().to_string();
    Entry {
        origin: Origin::File(path.to_path_buf()),
        diagnostics: vec![diagnostic.with_path(&display)],
        display,
        scenario: None,
        source: None,
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
                    Err(e) => entries.push(unreadable(
                        path,
                        Diagnostic::error(
                            "unreadable",
                            Location::START,
                            format!("cannot read the folder: {e}"),
                        )
                        .with_help("check the path exists and that you may read it"),
                    )),
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The player trusts these bytes and falls back to parsing RON, unseen, when they do not
    /// read back; build.rs warns about any file it did not precompile.
    #[test]
    fn every_built_in_case_is_precompiled_and_reads_back() {
        let names: Vec<&str> = builtin::BUILTIN.iter().map(|(name, _)| *name).collect();
        let precompiled: Vec<&str> = builtin::PRECOMPILED.iter().map(|(name, _)| *name).collect();
        assert_eq!(
            precompiled, names,
            "see the cargo warnings from build.rs for why a file was left out"
        );
        for (name, bytes) in builtin::PRECOMPILED {
            if let Err(e) = postcard::from_bytes::<Scenario>(bytes) {
                panic!("{name}: the precompiled form does not read back: {e}");
            }
        }
    }
}
