//! `lessons classroom ID... [--seed N] [--room N] [--path POLICY]` and
//! `lessons classroom --resume`.

use std::path::Path;
use std::process::ExitCode;

use super::Context;
use super::error::CliError;
use super::options::PresenterOpt;
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

/// Everything `lessons classroom` was told besides its cases.
pub struct Options<'a> {
    pub label: Option<String>,
    pub presenter: PresenterOpt,
    pub plan: Option<&'a Path>,
    pub room: Room,
}

pub fn run(
    context: &Context,
    cases: &[String],
    seed: Option<u64>,
    resume: bool,
    options: Options<'_>,
) -> ExitCode {
    let Options {
        label,
        presenter,
        plan,
        room: given,
    } = options;
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
    apply(&mut room, label, presenter, given);
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

/// What the command line says of the room besides its cases, on a room fresh, planned or
/// resumed (`lessons classroom` and `lessons serve` alike).
pub(super) fn apply(room: &mut Classroom, label: Option<String>, presenter: PresenterOpt, given: Room) {
    // a resumed session keeps the label its record holds (`--label` is refused with --resume)
    if label.is_some() {
        room.label = label;
    }
    presenter.apply(room);
    // the plan's room size unless one is given or the session kept its own
    if room.room_size.is_none() {
        room.room_size = room.agenda.room;
    }
    if given.size.is_some() {
        room.room_size = given.size;
    }
    if let Some(path) = given.path {
        room.path = path;
    }
}

/// A session run from a plan file: its cases, minutes, skips and path policy.
pub(super) fn planned(
    context: &Context,
    file: &Path,
    seed: Option<u64>,
) -> Result<(Classroom, Recorder), CliError> {
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

/// The latest classroom record: its case again where it was left (the screen too, when the
/// record says), else the next case of its plan.
fn resumed(context: &Context) -> Result<(Classroom, Recorder), CliError> {
    let records = context.records();
    let last: &Record = records
        .iter()
        .filter(|r| r.kind == RecordKind::Group)
        // saves are stamped to the second: a case's last save and the next case's first
        // can share one, and the next case's record is the unfinished, later-started one
        .max_by_key(|r| {
            (
                r.updated,
                r.room.as_ref().map_or(0, |p| p.case),
                !r.is_finished(),
                r.started,
            )
        })
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
    // the place the record gives, where it still names this case; else the case's first place
    let kept = last
        .room
        .as_ref()
        .map(|p| p.case)
        .filter(|&i| plan.get(i).is_some_and(|s| s.id == last.scenario_id));
    let case = kept
        .or_else(|| plan.iter().position(|s| s.id == last.scenario_id))
        .ok_or(CliError::PlanLacksCase)?;
    if !last.matches(&plan[case]) {
        return Err(CliError::SessionCaseChanged(plan[case].title.clone()));
    }
    let mut recorder = context.recorder();
    let session_plan = replan(last, &mut recorder);
    let at_end = last.room.as_ref().is_some_and(|p| p.stage == RoomStage::End);
    // a record from before positions were kept says only that the case finished
    let moved_on = last.is_finished() && (at_end || last.room.is_none());
    if moved_on {
        if case + 1 >= plan.len() {
            return Err(CliError::SessionComplete);
        }
        let mut room = Classroom::starting_at(plan, case + 1, last.session.settings.seed);
        room.label.clone_from(&last.label);
        if let Some(p) = session_plan {
            room.plan_session(p);
        }
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
    room.label.clone_from(&last.label);
    if let Some(p) = session_plan {
        room.plan_session(p);
    }
    room.files = files;
    // the session's own room size and path policy, as it last kept them, over the plan's
    if let Some(at) = &last.room {
        room.room_size = at.room_size;
        room.path = at.path;
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
