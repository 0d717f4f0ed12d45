//! `lessons classroom ID... [--seed N] [--room N] [--path POLICY]` and
//! `lessons classroom --resume`.

use std::process::ExitCode;

use super::Context;
use super::error::CliError;
use super::resolve::scenario_and_file;
use crate::engine::PathPolicy;
use crate::record::{Record, RecordKind, Recorder, RoomStage};
use crate::scenario::Scenario;
use crate::scenario::text::echo_message;
use crate::tui::classroom::{Classroom, ClassroomScreen};
use crate::tui::theme::Palette as Theme;

/// How the room is run: its size and which way the story goes after a reveal. On a resume,
/// what is given here replaces what the session had.
#[derive(Debug, Clone, Copy, Default)]
pub struct Room {
    pub size: Option<u32>,
    pub path: Option<PathPolicy>,
}

pub fn run(context: &Context, cases: &[String], seed: Option<u64>, resume: bool, options: Room) -> ExitCode {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        eprintln!("lessons: classroom mode needs a terminal (a projector screen)");
        return ExitCode::from(2);
    }
    let room = if resume {
        resumed(context)
    } else {
        fresh(context, cases, seed)
    };
    let (mut room, recorder) = match room {
        Ok(r) => r,
        Err(e) => {
            eprintln!("lessons: {}", echo_message(&e.to_string()));
            return ExitCode::from(1);
        }
    };
    if options.size.is_some() {
        room.room_size = options.size;
    }
    if let Some(path) = options.path {
        room.path = path;
    }
    let theme = Theme::from_env(context.classroom_theme);
    let mut screen = ClassroomScreen::new(room, recorder, theme);
    match crate::tui::frontend::run(&mut screen) {
        Ok(()) => {
            if let crate::record::recorder::SaveState::Failed(why) = screen.store.state() {
                eprintln!("lessons: the room's votes are NOT saved: {why}");
                return ExitCode::from(1);
            }
            if screen.store.is_saving() {
                println!("The room's votes are saved. `lessons report` shows them beside individual runs.");
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("lessons: {}", echo_message(&e.to_string()));
            ExitCode::from(1)
        }
    }
}

fn fresh(context: &Context, cases: &[String], seed: Option<u64>) -> Result<(Classroom, Recorder), CliError> {
    let mut plan: Vec<Scenario> = Vec::new();
    let mut files = Vec::new();
    for case in cases {
        let (scenario, file) = scenario_and_file(case).ok_or_else(|| CliError::NotACase(case.clone()))?;
        plan.push(scenario);
        files.push(file);
    }
    let mut room = Classroom::new(plan, seed.unwrap_or_else(rand::random));
    room.files = files;
    Ok((room, context.recorder()))
}

/// The latest classroom record: its case again where it was left (the screen too, when the
/// record says), else the next case of its plan.
fn resumed(context: &Context) -> Result<(Classroom, Recorder), CliError> {
    let records = context.records();
    let last: &Record = records
        .iter()
        .filter(|r| r.kind == RecordKind::Group)
        // saves are stamped to the second: a case's last save and the next case's first
        // can share one, and the next case's record is the unfinished, later-started one
        .max_by_key(|r| (r.updated, !r.is_finished(), r.started))
        .ok_or(CliError::NoClassroomSession)?;
    let scenarios = context.scenarios_for(&records);
    let plan: Vec<Scenario> = last
        .plan
        .iter()
        .map(|id| {
            scenarios
                .iter()
                .find(|s| &s.id == id)
                .cloned()
                .ok_or_else(|| CliError::PlanCaseGone(id.clone()))
        })
        .collect::<Result<_, _>>()?;
    let files = plan_files(&plan, &records);
    let case = plan
        .iter()
        .position(|s| s.id == last.scenario_id)
        .ok_or(CliError::PlanLacksCase)?;
    if !last.matches(&plan[case]) {
        return Err(CliError::SessionCaseChanged(plan[case].title.clone()));
    }
    let mut recorder = context.recorder();
    let at_end = last.room.as_ref().is_some_and(|p| p.stage == RoomStage::End);
    // a record from before positions were kept says only that the case finished
    let moved_on = last.is_finished() && (at_end || last.room.is_none());
    if moved_on {
        if case + 1 >= plan.len() {
            return Err(CliError::SessionComplete);
        }
        let mut room = Classroom::starting_at(plan, case + 1, last.session.settings.seed);
        room.files = files;
        if let Some(at) = &last.room {
            room.room_size = at.room_size;
            room.path = at.path;
        }
        return Ok((room, recorder));
    }
    recorder.continue_record(last.clone());
    let mut room = Classroom::resume(
        plan,
        case,
        last.session.clone(),
        last.tallies.clone(),
        last.room.as_ref(),
    )?;
    room.files = files;
    Ok((room, recorder))
}

/// For each case of the plan, the file it was played from when it is not a built-in case:
/// the latest record of that case that names one.
fn plan_files(plan: &[Scenario], records: &[Record]) -> Vec<Option<std::path::PathBuf>> {
    plan.iter()
        .map(|s| {
            if crate::scenario::Library::builtin().find(&s.id).is_some() {
                return None;
            }
            records
                .iter()
                .filter(|r| r.scenario_id == s.id)
                .filter_map(|r| Some((r.updated, r.scenario_file.as_deref()?)))
                .max_by_key(|(updated, _)| *updated)
                .map(|(_, file)| std::path::PathBuf::from(file))
        })
        .collect()
}
