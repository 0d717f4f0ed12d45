//! `lessons audit ID|PATH... [--seeds N] [--threshold POINTS] [--format text|json]`: plays
//! test-wise strategies against a random guesser and fails when one beats it.

use std::path::Path;
use std::process::ExitCode;

use super::AuditFormat;
use super::resolve::scenario_and_file;
use crate::designer::audit::{CaseAudit, Strategy, audit};
use crate::scenario::{Library, Scenario};

pub fn run(cases: &[String], seeds: u64, threshold: f64, format: AuditFormat) -> ExitCode {
    let Some(scenarios) = load(cases) else {
        return ExitCode::from(2);
    };
    let mut audits = Vec::new();
    for scenario in &scenarios {
        match audit(scenario, seeds, threshold) {
            Ok(a) => audits.push(a),
            Err(e) => {
                eprintln!("lessons: {e}");
                eprintln!(
                    "  help: run `lessons coverage {}` to find where a play stops",
                    scenario.id
                );
                return ExitCode::from(2);
            }
        }
    }
    let failed = audits.iter().any(|a| a.failures().next().is_some());
    match format {
        AuditFormat::Json => {
            let value = serde_json::json!({
                "seeds": seeds,
                "guesses_per_seed": crate::designer::audit::GUESSES_PER_SEED,
                "threshold": threshold,
                "passed": !failed,
                "cases": audits,
            });
            match serde_json::to_string_pretty(&value) {
                Ok(text) => println!("{text}"),
                Err(e) => {
                    eprintln!("lessons: {e}");
                    return ExitCode::from(2);
                }
            }
        }
        AuditFormat::Text => print!("{}", text(&audits, seeds, threshold)),
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Every scenario named: a file, a folder of files, or a built-in id. Problems are printed;
/// `None` when any cannot be audited.
fn load(cases: &[String]) -> Option<Vec<Scenario>> {
    let mut out = Vec::new();
    let mut ok = true;
    for case in cases {
        if Path::new(case).is_dir() {
            let library = Library::from_paths(&[case.into()]);
            for entry in &library.entries {
                for d in entry.errors() {
                    eprintln!("{d}");
                }
            }
            ok &= library.entries.iter().all(|e| e.is_valid());
            out.extend(library.scenarios().cloned());
        } else {
            match scenario_and_file(case) {
                Some((scenario, _)) => out.push(scenario),
                None => ok = false,
            }
        }
    }
    if out.is_empty() && ok {
        eprintln!("lessons: no scenario files (*.ron) found");
        ok = false;
    }
    ok.then_some(out)
}

const ID_WIDTH: usize = 20;
const CELL: usize = 10;

/// The report for a terminal, within 80 columns.
pub fn text(audits: &[CaseAudit], seeds: u64, threshold: f64) -> String {
    let mut out = format!(
        "Audit over seeds 1 to {seeds} (the random guesser plays each seed {} times).\n\
         Mean score, % of the points available; in brackets, the lead over random.\n\
         – : no move of its own in this case. Where a strategy has no move at a\n\
         decision, it guesses there exactly as the random guesser does.\n\n",
        crate::designer::audit::GUESSES_PER_SEED
    );
    out.push_str(&format!("{:<ID_WIDTH$}{:>7}", "case", "random"));
    for s in &Strategy::ALL[1..] {
        out.push_str(&format!("{:>CELL$}", s.name()));
    }
    out.push('\n');
    for a in audits {
        if a.scenario_id.chars().count() > ID_WIDTH {
            out.push_str(&format!("{}\n{:ID_WIDTH$}", a.scenario_id, ""));
        } else {
            out.push_str(&format!("{:<ID_WIDTH$}", a.scenario_id));
        }
        let random = a.strategies.first().map_or(0.0, |s| s.mean_percent);
        out.push_str(&format!("{random:>7.1}"));
        for s in a.strategies.iter().skip(1) {
            let cell = if s.applies {
                let lead = s.lead_over_random.round() as i64;
                format!("{:.0} ({lead:+})", s.mean_percent)
            } else {
                "–".to_string()
            };
            out.push_str(&format!("{cell:>CELL$}"));
        }
        out.push('\n');
    }
    out.push_str("\nPer decision: mean % of the points there, over the plays that reached it\n(– no move of its own there, · never reached).\n");
    for a in audits {
        out.push_str(&format!("\n{}\n{:<18} {:<6}", a.scenario_id, "decision", "kind"));
        for s in Strategy::ALL {
            out.push_str(&format!("{:>w$}", s.name(), w = column(s)));
        }
        out.push('\n');
        for d in &a.decisions {
            let kind = d.kind.tag();
            out.push_str(&format!("{:<18} {kind:<6}", clip(&d.step, 18)));
            for s in &d.strategies {
                let cell = match (s.applies, s.mean_percent) {
                    (false, _) => "–".to_string(),
                    (true, None) => "·".to_string(),
                    (true, Some(p)) => format!("{p:.0}"),
                };
                out.push_str(&format!("{cell:>w$}", w = column(s.strategy)));
            }
            out.push('\n');
        }
    }
    out.push('\n');
    let failures: Vec<String> = audits
        .iter()
        .flat_map(|a| {
            a.failures().map(|s| {
                format!(
                    "FAIL: {} beats random by {:.1} points in {}\n",
                    s.strategy.name(),
                    s.lead_over_random,
                    a.scenario_id
                )
            })
        })
        .collect();
    if failures.is_empty() {
        out.push_str(&format!(
            "pass: no strategy beats random by more than {threshold} points in any case\n"
        ));
    } else {
        out.extend(failures);
        out.push_str(&format!(
            "  help: the threshold is {threshold} points; a cue, not knowledge, earns the lead.\n  \
             See \"Writing fair options\" in docs/authoring-guide.md.\n"
        ));
    }
    out
}

/// A per-decision column: the strategy's name and a space.
fn column(strategy: Strategy) -> usize {
    strategy.name().len() + 1
}

/// At most `width` characters, with an ellipsis when cut.
fn clip(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        text.to_string()
    } else {
        let mut cut: String = text.chars().take(width - 1).collect();
        cut.push('…');
        cut
    }
}
