//! `lessons drill [--now] [--plain] [--list]`.

use std::process::ExitCode;

use super::Context;
use super::play::{Start, full_screen};
use crate::analysis::drill::{DrillTarget, Schedule, drill_label, schedule};
use crate::engine::{Mode, Session, Settings};
use crate::plain::{self, Ending};
use crate::plural::count;
use crate::record::Stamp;
use crate::record::recorder::SaveState;
use crate::scenario::text::{echo_message, sanitize};

pub fn run(context: &Context, plain: bool, list: bool, now: bool) -> ExitCode {
    let records = context.records();
    let scenarios = context.scenarios_for(&records);
    let today = Stamp::now().local_day(&context.zone);
    let plan = schedule(&records, &scenarios, today, &context.zone);
    if list {
        print_list(&plan);
        return ExitCode::SUCCESS;
    }
    let targets = if now {
        plan.everything_now()
    } else {
        plan.due_now()
    };
    if targets.is_empty() {
        match plan.later.first() {
            None => println!("Nothing to drill: decisions you miss in a run come back here."),
            Some(next) => println!(
                "Nothing to drill today. The next is due on {}.\nTo retry {} now: lessons drill --now",
                next.due_day,
                count(plan.later.len(), "decision", "decisions")
            ),
        }
        return ExitCode::SUCCESS;
    }
    if !plain {
        return full_screen(context, Start::Drill(targets));
    }
    play_plain(context, &scenarios, &targets)
}

fn print_list(plan: &Schedule) {
    // println! panics on a closed pipe (`drill --list | head -1`); a failed write just stops
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let mut lines = vec![format!(
        "{} due now, {} later, {} learnt.",
        count(plan.due.len(), "decision", "decisions"),
        plan.later.len(),
        plan.learnt
    )];
    for item in &plan.due {
        lines.push(format!(
            "  due now     {} — {}",
            sanitize(&item.title),
            sanitize(&item.prompt)
        ));
    }
    for item in &plan.later {
        lines.push(format!(
            "  due {}  {} — {}",
            item.due_day,
            sanitize(&item.title),
            sanitize(&item.prompt)
        ));
    }
    for line in lines {
        if writeln!(out, "{line}").is_err() {
            return;
        }
    }
}

fn play_plain(
    context: &Context,
    scenarios: &[crate::scenario::Scenario],
    targets: &[DrillTarget],
) -> ExitCode {
    let mut recorder = context.recorder();
    let total = targets.len();
    let mut asked = 0;
    for item in targets {
        let Some(scenario) = scenarios.iter().find(|s| s.id == item.scenario_id) else {
            continue;
        };
        let settings = Settings::new(Mode::Practice, rand::random());
        let Some(session) = Session::drill(scenario.clone(), settings, &item.step) else {
            continue;
        };
        asked += 1;
        println!("\n{}", sanitize(&drill_label(asked, total, scenario, &item.step)));
        let stdin = std::io::stdin();
        let stdout = std::io::stdout();
        // each re-asked decision is a run of its own, with its own record
        recorder.begin_run();
        let result = plain::play_session(
            session.early(item.early),
            Some((&mut recorder, Vec::new())),
            stdin.lock(),
            stdout.lock(),
        );
        if let SaveState::Failed(why) = recorder.state() {
            eprintln!(
                "lessons: this drill is NOT saved: {}",
                echo_message(&why.to_string())
            );
            return ExitCode::from(1);
        }
        match result {
            Ok(Ending::Finished) => {}
            Ok(Ending::Quit) => return ExitCode::SUCCESS,
            Ok(Ending::InputClosed) => {
                if recorder.is_saving() {
                    eprintln!("lessons: input ended; drills answered so far are saved");
                } else {
                    eprintln!("lessons: input ended; records are off, so drills are not saved");
                }
                return ExitCode::from(1);
            }
            Err(e) => {
                eprintln!("lessons: {}", echo_message(&e.to_string()));
                return ExitCode::from(1);
            }
        }
    }
    println!(
        "\nDrill complete: {} re-asked. Missed ones come back on a widening schedule until learnt.",
        count(asked, "decision", "decisions")
    );
    ExitCode::SUCCESS
}
