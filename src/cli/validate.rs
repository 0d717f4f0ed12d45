//! `lessons validate PATH... [--format text|json]`: diagnostics on stderr and a summary on
//! stdout for people, or one JSON document on stdout for editors and CI.

use std::path::PathBuf;
use std::process::ExitCode;

use serde::Serialize;

use super::ValidateFormat;
use crate::scenario::text::{echo_message, echo_path};
use crate::scenario::{Diagnostic, Library};

#[derive(Serialize)]
struct FileResult<'a> {
    path: &'a str,
    valid: bool,
    id: Option<&'a str>,
    diagnostics: Vec<JsonDiagnostic<'a>>,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    severity: &'static str,
    code: &'a str,
    line: usize,
    column: usize,
    message: &'a str,
    help: Option<&'a str>,
}

impl<'a> From<&'a Diagnostic> for JsonDiagnostic<'a> {
    fn from(d: &'a Diagnostic) -> Self {
        JsonDiagnostic {
            severity: if d.is_error() { "error" } else { "warning" },
            code: d.code,
            line: d.location.line,
            column: d.location.col,
            message: &d.message,
            help: d.help.as_deref(),
        }
    }
}

pub fn run(paths: &[PathBuf], format: ValidateFormat) -> ExitCode {
    let library = Library::from_paths(paths);
    let invalid = library.entries.iter().filter(|e| !e.is_valid()).count();
    match format {
        ValidateFormat::Json => {
            let files: Vec<FileResult> = library
                .entries
                .iter()
                .map(|e| FileResult {
                    path: &e.display,
                    valid: e.is_valid(),
                    id: e.scenario.as_ref().map(|s| s.id.as_str()),
                    diagnostics: e.diagnostics.iter().map(JsonDiagnostic::from).collect(),
                })
                .collect();
            let value =
                serde_json::json!({ "files": files, "invalid": invalid, "valid": files.len() - invalid });
            match serde_json::to_string_pretty(&value) {
                Ok(text) => println!("{text}"),
                Err(e) => {
                    eprintln!("lessons: {}", echo_message(&e.to_string()));
                    return ExitCode::from(1);
                }
            }
        }
        ValidateFormat::Text => {
            let mut warnings = 0;
            for entry in &library.entries {
                for d in &entry.diagnostics {
                    eprintln!("{d}");
                }
                warnings += entry.diagnostics.iter().filter(|d| !d.is_error()).count();
                if entry.is_valid() {
                    println!("ok: {}", echo_path(&entry.display));
                }
            }
            let total = library.entries.len();
            if total == 0 {
                println!("no scenario files (*.ron) found");
            }
            println!(
                "{}: {} valid, {invalid} invalid, {}",
                crate::plural::count(total, "file", "files"),
                total - invalid,
                crate::plural::count(warnings, "warning", "warnings")
            );
        }
    }
    if invalid > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
