//! The course designer's commands: `new`, `graph`, `coverage` and `preview`.

use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use super::resolve::scenario_and_file;
use super::{Context, GraphFormat};
use crate::bounded_read::{self, DOCUMENT_LIMIT, read as read_bounded};
use crate::designer::{coverage as cover, graph as draw, skeleton};
use crate::record::atomic::write_atomic;
use crate::scenario::text::{echo_message, echo_path};
use crate::tui::preview::Preview;
use crate::tui::theme::Palette;

pub fn new(id: &str, from: Option<&Path>, dir: &Path) -> ExitCode {
    let target = dir.join(format!("{id}.ron"));
    if target.exists() {
        eprintln!(
            "lessons: {} already exists; nothing was written",
            echo_path(&target)
        );
        eprintln!("  help: choose another id, or move the existing file first");
        return ExitCode::from(1);
    }
    let source = match from {
        None => None,
        Some(path) => match read_bounded(path, DOCUMENT_LIMIT).map(String::from_utf8) {
            Ok(Ok(text)) => Some(text),
            Ok(Err(_)) => {
                eprintln!("lessons: {} is not UTF-8 text", echo_path(path));
                eprintln!("  help: save the summary as plain text (UTF-8) and try again");
                return ExitCode::from(1);
            }
            Err(e) => {
                eprintln!("lessons: {} {}", echo_path(path), echo_message(&e.to_string()));
                eprintln!(
                    "  help: give a plain text file of at most {}",
                    bounded_read::size(DOCUMENT_LIMIT)
                );
                return ExitCode::from(1);
            }
        },
    };
    let document_name = format!("{id}.source.txt");
    let sentence = source.as_deref().and_then(skeleton::first_sentence);
    let document = match (&source, &sentence) {
        (Some(_), Some(s)) => Some((document_name.as_str(), s.as_str())),
        _ => None,
    };
    let text = match skeleton::skeleton(id, document) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("lessons: {}", echo_message(&e.to_string()));
            return ExitCode::from(2);
        }
    };
    if let Err(e) = std::fs::create_dir_all(dir) {
        eprintln!(
            "lessons: cannot create {}: {}",
            echo_path(dir),
            echo_message(&e.to_string())
        );
        return ExitCode::from(1);
    }
    if let (Some(source), Some(_)) = (&source, &document) {
        let copy = dir.join(&document_name);
        if let Err(e) = write_atomic(&copy, source.as_bytes()) {
            eprintln!(
                "lessons: cannot write {}: {}",
                echo_path(&copy),
                echo_message(&e.to_string())
            );
            return ExitCode::from(1);
        }
        println!("wrote {} (the source, for quoting)", echo_path(&copy));
    }
    if let Err(e) = write_atomic(&target, text.as_bytes()) {
        eprintln!(
            "lessons: cannot write {}: {}",
            echo_path(&target),
            echo_message(&e.to_string())
        );
        return ExitCode::from(1);
    }
    println!("wrote {}", echo_path(&target));
    println!(
        "next: fill in every TODO, then `lessons validate {}`",
        echo_path(&target)
    );
    ExitCode::SUCCESS
}

pub fn graph(arg: &str, format: GraphFormat) -> ExitCode {
    let Some((scenario, _)) = scenario_and_file(arg) else {
        return ExitCode::from(1);
    };
    match format {
        GraphFormat::Dot => print!("{}", draw::dot(&scenario)),
        GraphFormat::Mermaid => print!("{}", draw::mermaid(&scenario)),
    }
    ExitCode::SUCCESS
}

pub fn coverage(arg: &str, seed: u64, json: bool) -> ExitCode {
    let Some((scenario, _)) = scenario_and_file(arg) else {
        return ExitCode::from(1);
    };
    let report = cover::run(&scenario, seed);
    if json {
        match serde_json::to_string_pretty(&report) {
            Ok(text) => println!("{text}"),
            Err(e) => {
                eprintln!("lessons: {}", echo_message(&e.to_string()));
                return ExitCode::from(1);
            }
        }
    } else {
        print!("{}", cover::text(&report));
    }
    if report.is_clean() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

pub fn preview(context: &Context, path: &Path, watch: bool) -> ExitCode {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        eprintln!("lessons: the preview needs a terminal");
        eprintln!(
            "  help: `lessons validate {}` checks the file without one",
            echo_path(path)
        );
        return ExitCode::from(2);
    }
    if !path.is_file() {
        eprintln!("lessons: no file at {}", echo_path(path));
        return ExitCode::from(1);
    }
    let mut preview = Preview::open(path, watch, Palette::from_env(context.theme), Instant::now());
    match crate::tui::frontend::run(&mut preview) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("lessons: {}", echo_message(&e.to_string()));
            ExitCode::from(1)
        }
    }
}
