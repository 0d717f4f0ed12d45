//! `lessons validate-plan FILE...`, `lessons new-plan [ID|PATH...] [-o FILE] [--force]`,
//! and reading the plan for `lessons classroom --plan FILE`.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::resolve::scenario_and_file;
use crate::plan::skeleton::{Listed, skeleton};
use crate::plan::{Plan, load_file};
use crate::plural::count;
use crate::scenario::text::{echo_message, echo_path};
use crate::scenario::{Library, Scenario};

/// Checks each plan: diagnostics on stderr, a line per valid plan on stdout; exit 1 when any
/// plan has an error.
pub fn validate(files: &[PathBuf]) -> ExitCode {
    let library = Library::builtin();
    let mut invalid = 0;
    for file in files {
        let entry = load_file(file, &library);
        for d in &entry.diagnostics {
            eprintln!("{d}");
        }
        match &entry.plan {
            Some(plan) => println!(
                "ok: {}: {}, {} planned",
                echo_path(file),
                count(plan.cases.len(), "case", "cases"),
                count(plan.total_minutes() as usize, "minute", "minutes")
            ),
            None => invalid += 1,
        }
    }
    if files.len() > 1 {
        println!(
            "{}: {} valid, {invalid} invalid",
            count(files.len(), "plan", "plans"),
            files.len() - invalid
        );
    }
    if invalid > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The plan for a classroom, its errors printed when it has any.
pub fn read(file: &Path) -> Option<Plan> {
    let entry = load_file(file, &Library::builtin());
    for d in &entry.diagnostics {
        eprintln!("{d}");
    }
    entry.plan
}

/// Writes a skeleton plan to `output` (`-` for standard output), never over a file unless
/// `force`.
pub fn new_plan(cases: &[String], output: &Path, force: bool) -> ExitCode {
    let to_stdout = output == Path::new("-");
    if !to_stdout && !force && output.exists() {
        eprintln!(
            "lessons: {} already exists; nothing was written",
            echo_path(output)
        );
        eprintln!("  help: name another file with -o, or add --force to replace it");
        return ExitCode::from(1);
    }
    let mut found = Vec::new();
    for case in cases {
        let Some((scenario, file)) = scenario_and_file(case) else {
            return ExitCode::from(1);
        };
        let name = match &file {
            Some(path) => relative_to(path, output.parent().filter(|_| !to_stdout)),
            None => scenario.id.clone(),
        };
        found.push((name, scenario));
    }
    let library = if cases.is_empty() {
        Library::builtin_trusted().scenarios().cloned().collect()
    } else {
        Vec::new()
    };
    let library: Vec<(String, Scenario)> = library.into_iter().map(|s| (s.id.clone(), s)).collect();
    let text = skeleton(&listed(&found), &listed(&library));
    if to_stdout {
        print!("{text}");
        return ExitCode::SUCCESS;
    }
    let written = if force {
        std::fs::write(output, &text)
    } else {
        std::fs::File::create_new(output).and_then(|mut f| f.write_all(text.as_bytes()))
    };
    match written {
        Ok(()) => {
            println!("Wrote {}", echo_path(output));
            if cases.is_empty() {
                println!(
                    "Uncomment the cases the session takes, then: lessons validate-plan {}",
                    echo_path(output)
                );
            } else {
                println!("Check it with: lessons validate-plan {}", echo_path(output));
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!(
                "lessons: cannot write {}: {}",
                echo_path(output),
                echo_message(&e.to_string())
            );
            ExitCode::from(1)
        }
    }
}

/// A case file as the plan names it: from the plan's folder where it lies below it, else
/// its absolute path.
fn relative_to(case: &Path, plan_dir: Option<&Path>) -> String {
    let dir = plan_dir
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let absolute = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let (case, dir) = (absolute(case), absolute(dir));
    case.strip_prefix(&dir)
        .map_or(case.clone(), Path::to_path_buf)
        .display()
        .to_string()
}

fn listed(all: &[(String, Scenario)]) -> Vec<Listed<'_>> {
    all.iter()
        .map(|(name, scenario)| Listed {
            name: name.clone(),
            scenario,
        })
        .collect()
}
