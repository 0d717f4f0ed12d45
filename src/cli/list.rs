//! `lessons list [PATH...] [--json]`.

use std::path::PathBuf;
use std::process::ExitCode;

use serde::Serialize;

use crate::scenario::text::{echo_message, echo_path};
use crate::scenario::{Entry, Library, Scenario};
use crate::wrap::width;

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
    use crate::scenario::text::sanitize;
    if rows.is_empty() {
        println!("No scenarios.");
        return;
    }
    // the date the library shows: the incident's, else the bulletin's (2019-07, 2016-11)
    let date = |s: &Scenario| {
        sanitize(
            s.source
                .incident
                .as_deref()
                .or(s.source.published.as_deref())
                .unwrap_or("-"),
        )
    };
    let cells: Vec<[String; 4]> = rows
        .iter()
        .map(|(_, s)| {
            [
                sanitize(&s.id),
                date(s),
                s.decisions().count().to_string(),
                s.estimated_minutes.to_string(),
            ]
        })
        .collect();
    let header = ["ID", "DATE", "DEC", "MIN"].map(String::from);
    // widths in columns on screen, not bytes or chars: a wide character takes two
    let widths: Vec<usize> = (0..4)
        .map(|i| {
            cells
                .iter()
                .chain([&header])
                .map(|row| width(&row[i]))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |row: &[String; 4], rest: &str| {
        format!(
            "{}  {}  {}  {}  {rest}",
            pad_right(&row[0], widths[0]),
            pad_right(&row[1], widths[1]),
            pad_left(&row[2], widths[2]),
            pad_left(&row[3], widths[3]),
        )
    };
    println!("{}", line(&header, "TITLE · FORCE"));
    for ((_, s), row) in rows.iter().zip(&cells) {
        let rest = format!("{} · {}", sanitize(&s.title), sanitize(&s.source.force));
        println!("{}", line(row, &rest));
    }
    println!(
        "{}. Play one with `lessons play ID`.",
        crate::plural::count(rows.len(), "scenario", "scenarios")
    );
}

fn pad_right(text: &str, columns: usize) -> String {
    format!("{text}{}", " ".repeat(columns.saturating_sub(width(text))))
}

fn pad_left(text: &str, columns: usize) -> String {
    format!("{}{text}", " ".repeat(columns.saturating_sub(width(text))))
}
