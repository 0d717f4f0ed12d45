//! `lessons drill [--plain] [--list]`.

use std::process::ExitCode;

use super::Context;
use super::play::{Start, full_screen};
use crate::analysis::drill::schedule;
use crate::engine::{Mode, Session, Settings};
use crate::plain::{self, Ending};
use crate::record::Stamp;
use crate::record::recorder::SaveState;
use crate::scenario::text::{echo_message, sanitize};

pub fn run(context: &Context, plain: bool, list: bool) -> ExitCode {
    let records = context.records();
    let scenarios = context.scenarios_for(&records);
    let today = Stamp::now().local_day(&context.zone);
    let plan = schedule(&records, &scenarios, today, &context.zone);
    if list {
        println!(
            "{} decision(s) due now, {} later, {} learnt.",
            plan.due.len(),
            plan.later.len(),
            plan.learnt
        );
        for item in &plan.due {
            println!(
                "  due now   {} — {}",
                sanitize(&item.title),
                sanitize(&item.prompt)
            );
        }
        for item in &plan.later {
            println!(
                "  due {}  {} — {}",
                item.due_day,
                sanitize(&item.title),
                sanitize(&item.prompt)
            );
        }
        return ExitCode::SUCCESS;
    }
    if plan.due.is_empty() {
        let next = plan
            .later
            .first()
            .map(|i| format!(" The next is due on {}.", i.due_day))
            .unwrap_or_default();
        println!("Nothing to drill today.{next}");
        return ExitCode::SUCCESS;
    }
    if !plain {
        return full_screen(context, Start::Drill(plan.due));
    }
    let mut recorder = context.recorder();
    let total = plan.due.len();
    for (n, item) in plan.due.iter().enumerate() {
        let Some(scenario) = scenarios.iter().find(|s| s.id == item.scenario_id) else {
            continue;
        };
        println!("\nDRILL {} of {total}: from “{}”", n + 1, sanitize(&item.title));
        let settings = Settings::new(Mode::Practice, rand::random());
        let Some(session) = Session::drill(scenario.clone(), settings, &item.step) else {
            continue;
        };
        let stdin = std::io::stdin();
        let stdout = std::io::stdout();
        // each re-asked decision is a run of its own, with its own record
        recorder.begin_run();
        let result = plain::play_session(
            session,
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
        "\nDrill complete: {total} decision(s) re-asked. They come back on a widening schedule until learnt."
    );
    ExitCode::SUCCESS
}
