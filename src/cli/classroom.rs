//! `lessons classroom ID... [--seed N]` and `lessons classroom --resume`.

use std::path::Path;
use std::process::ExitCode;

use super::Context;
use super::error::CliError;
use super::options::PresenterOpt;
use super::resolve::scenario_and_file;
use crate::record::{Record, RecordKind, Recorder};
use crate::scenario::Scenario;
use crate::scenario::text::echo_message;
use crate::tui::classroom::{Classroom, ClassroomScreen};
use crate::tui::theme::Palette as Theme;

pub fn run(
    context: &Context,
    cases: &[String],
    seed: Option<u64>,
    resume: bool,
    label: Option<String>,
    presenter: PresenterOpt,
    plan: Option<&Path>,
) -> ExitCode {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        eprintln!("lessons: classroom mode needs a terminal (a projector screen)");
        return ExitCode::from(2);
    }
    let room = if resume {
        resumed(context)
    } else if let Some(file) = plan {
        planned(context, file, seed)
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
    // a resumed session keeps the label its record holds (`--label` is refused with --resume)
    if label.is_some() {
        room.label = label;
    }
    presenter.apply(&mut room);
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

/// A session run from a plan file: its cases, minutes, skips and path policy.
fn planned(context: &Context, file: &Path, seed: Option<u64>) -> Result<(Classroom, Recorder), CliError> {
    let plan = super::plan::read(file).ok_or_else(|| CliError::PlanInvalid(file.to_path_buf()))?;
    let mut recorder = context.recorder();
    recorder.set_session_plan(plan.title.as_deref(), file);
    Ok((
        Classroom::from_plan(plan, seed.unwrap_or_else(rand::random)),
        recorder,
    ))
}

/// The plan a resumed session ran, read again; `None` (said on stderr) when it cannot be,
/// or no longer lists the session's cases, and the session goes on without its agenda.
fn replan(last: &Record, recorder: &mut Recorder) -> Option<crate::plan::Plan> {
    let file = Path::new(last.plan_file.as_deref()?);
    let plan = super::plan::read(file);
    let same = plan
        .as_ref()
        .is_some_and(|p| p.cases.iter().map(|c| &c.scenario.id).eq(last.plan.iter()));
    if !same {
        eprintln!(
            "lessons: warning: the session plan {} cannot be used again (changed, moved or broken); the session goes on without its agenda",
            crate::scenario::text::echo_path(file)
        );
        return None;
    }
    recorder.set_session_plan(last.plan_title.as_deref(), file);
    plan
}

/// The latest classroom record: its case again if unfinished, else the next case of its plan.
fn resumed(context: &Context) -> Result<(Classroom, Recorder), CliError> {
    let records = context.records();
    let last: &Record = records
        .iter()
        .filter(|r| r.kind == RecordKind::Group)
        .max_by_key(|r| r.updated)
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
    let case = plan
        .iter()
        .position(|s| s.id == last.scenario_id)
        .ok_or(CliError::PlanLacksCase)?;
    if !last.matches(&plan[case]) {
        return Err(CliError::SessionCaseChanged(plan[case].title.clone()));
    }
    let mut recorder = context.recorder();
    let session_plan = replan(last, &mut recorder);
    if last.is_finished() {
        if case + 1 >= plan.len() {
            return Err(CliError::SessionComplete);
        }
        let mut room = Classroom::starting_at(plan, case + 1, last.session.settings.seed);
        room.label.clone_from(&last.label);
        if let Some(p) = session_plan {
            room.plan_session(p);
        }
        return Ok((room, recorder));
    }
    recorder.continue_record(last.clone());
    let mut room = Classroom::resume(plan, case, last.session.clone(), last.tallies.clone())?;
    room.label.clone_from(&last.label);
    if let Some(p) = session_plan {
        room.plan_session(p);
    }
    Ok((room, recorder))
}

impl PresenterOpt {
    /// `--big` and `--countdown` on the room, fresh or resumed alike; without
    /// `--countdown`, a resumed room keeps whatever target it had.
    fn apply(self, room: &mut Classroom) {
        room.presentation.big = self.big;
        if let Some(secs) = self.countdown {
            room.timer.target = Some(std::time::Duration::from_secs(secs));
        }
    }
}
