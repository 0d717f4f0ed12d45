//! `lessons list [PATH...] [--json]`.

use std::path::PathBuf;
use std::process::ExitCode;

use serde::Serialize;

use crate::scenario::text::{echo_message, echo_path};
use crate::scenario::{Entry, Library, Scenario};

#[derive(Serialize)]
struct Listed<'a> {
    id: &'a str,
    title: &'a str,
    publisher: &'static str,
    force: &'a str,
    incident: Option<&'a str>,
    published: Option<&'a str>,
    reference: Option<&'a str>,
    themes: Vec<&'static str>,
    roles: Vec<&'static str>,
    decisions: usize,
    estimated_minutes: u32,
    file: &'a str,
}

#[derive(Serialize)]
struct Invalid<'a> {
    file: &'a str,
    errors: Vec<String>,
}

pub fn run(paths: &[PathBuf], json: bool) -> ExitCode {
    let library = if paths.is_empty() {
        Library::builtin()
    } else {
        Library::from_paths(paths)
    };
    let valid: Vec<(&Entry, &Scenario)> = library
        .entries
        .iter()
        .filter_map(|e| e.scenario.as_ref().map(|s| (e, s)))
        .collect();
    let invalid: Vec<&Entry> = library.entries.iter().filter(|e| !e.is_valid()).collect();
    if json {
        let listed: Vec<Listed> = valid.iter().map(|(e, s)| listed(e, s)).collect();
        let invalid: Vec<Invalid> = invalid
            .iter()
            .map(|e| Invalid {
                file: &e.display,
                errors: e.errors().map(ToString::to_string).collect(),
            })
            .collect();
        let value = serde_json::json!({ "scenarios": listed, "invalid": invalid });
        match serde_json::to_string_pretty(&value) {
            Ok(text) => println!("{text}"),
            Err(e) => {
                eprintln!("lessons: {}", echo_message(&e.to_string()));
                return ExitCode::from(1);
            }
        }
    } else {
        print_table(&valid);
        for entry in &invalid {
            eprintln!(
                "invalid: {} ({}; run `lessons validate {}`)",
                echo_path(&entry.display),
                crate::plural::count(entry.errors().count(), "error", "errors"),
                echo_path(&entry.display)
            );
        }
    }
    if invalid.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn listed<'a>(entry: &'a Entry, s: &'a Scenario) -> Listed<'a> {
    Listed {
        id: &s.id,
        title: &s.title,
        publisher: s.source.publisher.label(),
        force: &s.source.force,
        incident: s.source.incident.as_deref(),
        published: s.source.published.as_deref(),
        reference: s.source.reference.as_deref(),
        themes: s.themes.iter().map(|t| t.label()).collect(),
        roles: s.roles().iter().map(|r| r.label()).collect(),
        decisions: s.decisions().count(),
        estimated_minutes: s.estimated_minutes,
        file: &entry.display,
    }
}

fn print_table(rows: &[(&Entry, &Scenario)]) {
    if rows.is_empty() {
        println!("No scenarios.");
        return;
    }
    let id_width = rows
        .iter()
        .map(|(_, s)| s.id.chars().count())
        .max()
        .unwrap_or(2)
        .max(2);
    // an incident may be a month (2019-07) or a full date (2019-07-11)
    let incident_width = rows
        .iter()
        .filter_map(|(_, s)| s.source.incident.as_deref())
        .map(|i| i.chars().count())
        .chain(["INCIDENT".len()])
        .max()
        .unwrap_or(8);
    println!(
        "{:id_width$}  {:incident_width$}  {:>4}  {:>3}  TITLE · FORCE",
        "ID", "INCIDENT", "DEC", "MIN"
    );
    for (_, s) in rows {
        println!(
            "{:id_width$}  {:incident_width$}  {:>4}  {:>3}  {} · {}",
            s.id,
            crate::scenario::text::sanitize(s.source.incident.as_deref().unwrap_or("-")),
            s.decisions().count(),
            s.estimated_minutes,
            crate::scenario::text::sanitize(&s.title),
            crate::scenario::text::sanitize(&s.source.force),
        );
    }
    println!(
        "{}. Play one with `lessons play ID`.",
        crate::plural::count(rows.len(), "scenario", "scenarios")
    );
}
