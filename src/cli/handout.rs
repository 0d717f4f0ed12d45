//! `lessons handout ID|PATH... [--answers] [--output FILE]`: the pre-read, or the answer key.

use std::path::Path;
use std::process::ExitCode;

use super::resolve::scenario_and_file;
use crate::analysis::handout;
use crate::record::atomic::write_atomic;
use crate::scenario::text::{echo_message, echo_path};

pub fn run(cases: &[String], answers: bool, output: Option<&Path>) -> ExitCode {
    let mut scenarios = Vec::new();
    for case in cases {
        // resolve prints why a case cannot be found or loaded
        match scenario_and_file(case) {
            Some((scenario, _)) => scenarios.push(scenario),
            None => return ExitCode::from(1),
        }
    }
    let text = if answers {
        handout::answer_key(&scenarios)
    } else {
        handout::handout(&scenarios)
    };
    write_out(&text, output)
}

/// Standard output, or the file given (written whole or not at all); `export` writes the same way.
pub fn write_out(text: &str, output: Option<&Path>) -> ExitCode {
    match output {
        None => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Some(path) => match write_atomic(path, text.as_bytes()) {
            Ok(()) => {
                eprintln!("wrote {}", echo_path(path));
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!(
                    "lessons: cannot write {}: {}",
                    echo_path(path),
                    echo_message(&e.to_string())
                );
                ExitCode::from(1)
            }
        },
    }
}
