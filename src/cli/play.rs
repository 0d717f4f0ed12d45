//! `lessons`, `lessons play` and `lessons resume`: the full-screen and plain players.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use super::resolve;
use super::{CliError, Context};
use crate::analysis::drill::DrillTarget;
use crate::engine::{Mode, Session, Settings, Timers};
use crate::plain::{self, Ending};
use crate::record::recorder::SaveState;
use crate::record::{Record, RecordError, RecordKind, Recorder, is_valid_id};
use crate::scenario::Scenario;
use crate::scenario::text::{echo, echo_message};
use crate::tui::app::App;
use crate::tui::records::RecordStore;
use crate::tui::theme::Palette;

/// What the command line chose for a new run.
#[derive(Debug, Clone, Copy)]
pub struct Chosen {
    pub mode: Mode,
    pub seed: Option<u64>,
    pub confidence: bool,
    pub timers: Timers,
}

pub enum Start {
    Library,
    Case {
        scenario: Box<Scenario>,
        file: Option<std::path::PathBuf>,
        chosen: Chosen,
    },
    /// A record, its case, and the file it was read from (where its saves go).
    Resume(Box<Record>, Box<Scenario>, PathBuf),
    Drill(Vec<DrillTarget>),
}

pub fn play(context: &Context, arg: &str, plain: bool, chosen: Chosen) -> ExitCode {
    let Some((scenario, file)) = resolve::scenario_and_file(arg) else {
        return ExitCode::from(1);
    };
    if !plain {
        let start = Start::Case {
            scenario: Box::new(scenario),
            file,
            chosen,
        };
        return full_screen(context, start);
    }
    let mut settings = Settings::new(chosen.mode, chosen.seed.unwrap_or_else(rand::random));
    settings.ask_confidence = chosen.confidence;
    // plain play has no clock, whatever was asked: the record says so
    settings.timers = Timers::Untimed;
    let mut recorder = context.recorder();
    recorder.set_scenario_file(file.as_deref());
    let session = Session::new(scenario, settings);
    let result = plain::play_session(session, Some((&mut recorder, Vec::new())), stdin(), stdout());
    finish_plain(result, &mut recorder)
}

pub fn resume(context: &Context, run: Option<&str>, plain: bool, timers_given: bool) -> ExitCode {
    let picked = match run {
        Some(name) => context.find_record_and_path(name).and_then(|(path, record)| {
            let scenario = resumable(context, &record)?;
            Ok((path, record, scenario))
        }),
        None => newest_resumable(context),
    };
    let (path, record, scenario) = match picked {
        Ok(found) => found,
        Err(e) => {
            eprintln!("lessons: {}", crate::scenario::text::echo_lines(&e.to_string()));
            return ExitCode::from(1);
        }
    };
    if timers_given {
        // a limit changed part-way would make the run's timing setting untrue
        eprintln!(
            "lessons: note: a resumed run keeps the timer setting it began with ({}); --extra-time and --no-timers apply to new runs.",
            record.session.settings.timers.label()
        );
    }
    if !plain {
        return full_screen(context, Start::Resume(Box::new(record), Box::new(scenario), path));
    }
    let session = match Session::resume(scenario, record.session.clone()) {
        Ok(s) => s,
        Err(e) => {
            eprintln!(
                "lessons: this run cannot be resumed: {}",
                echo_message(&e.to_string())
            );
            return ExitCode::from(1);
        }
    };
    let mut recorder = context.recorder();
    let timings = record.timings.clone();
    // saved back to the file it was read from, whatever its `id` says
    recorder.continue_record_at(record, path);
    let result = plain::play_session(session, Some((&mut recorder, timings)), stdin(), stdout());
    finish_plain(result, &mut recorder)
}

/// The newest unfinished run that can be resumed, naming each newer one passed over.
fn newest_resumable(context: &Context) -> Result<(PathBuf, Record, Scenario), CliError> {
    let mut runs: Vec<(PathBuf, Record)> = context
        .records_with_paths()
        .into_iter()
        .filter(|(_, r)| !r.is_finished() && r.kind == RecordKind::Run)
        .collect();
    runs.sort_by_key(|(_, r)| std::cmp::Reverse(r.updated));
    let mut passed_over = Vec::new();
    for (path, record) in runs {
        match resumable(context, &record) {
            Ok(scenario) => {
                for (id, why) in &passed_over {
                    eprintln!("lessons: skipped the newer run `{id}`: {why}");
                }
                return Ok((path, record, scenario));
            }
            Err(why) => passed_over.push((echo(&record.id), why)),
        }
    }
    Err(CliError::NothingToResume(passed_over))
}

/// The scenario to resume this record on, or why it cannot be resumed.
fn resumable(context: &Context, record: &Record) -> Result<Scenario, CliError> {
    if record.is_finished() {
        return Err(CliError::Finished {
            id: record.id.clone(),
        });
    }
    if !is_valid_id(&record.id) {
        return Err(RecordError::BadId(record.id.clone()).into());
    }
    let Some(scenario) = context.scenario_of(record) else {
        return Err(CliError::CaseGone {
            scenario_id: record.scenario_id.clone(),
        });
    };
    if !record.matches(&scenario) {
        return Err(CliError::CaseChanged {
            title: scenario.title.clone(),
            id: record.id.clone(),
            scenario_id: scenario.id.clone(),
        });
    }
    record.session.check_fits(&scenario)?;
    Ok(scenario)
}

fn stdin() -> std::io::StdinLock<'static> {
    std::io::stdin().lock()
}

fn stdout() -> std::io::StdoutLock<'static> {
    std::io::stdout().lock()
}

/// The exit status of a plain run: 0 only when it finished and, if records are kept, the
/// last save worked. Nothing claims answers are saved unless they are.
pub fn finish_plain(result: std::io::Result<Ending>, recorder: &mut Recorder) -> ExitCode {
    // the run is left for now: one self-contained file (a failure shows in the state below)
    let _ = recorder.compact();
    let unsaved = match recorder.state() {
        SaveState::Failed(why) => Some(why.to_string()),
        _ => None,
    };
    match (result, unsaved) {
        (Ok(Ending::Finished | Ending::Quit), None) => ExitCode::SUCCESS,
        (Ok(Ending::Finished | Ending::Quit), Some(why)) => {
            eprintln!("lessons: your answers are NOT saved: {}", echo_message(&why));
            ExitCode::from(1)
        }
        (Ok(Ending::InputClosed), unsaved) => {
            match (unsaved, recorder.state()) {
                (Some(why), _) => eprintln!(
                    "lessons: input ended before the run finished; your answers are NOT saved: {}",
                    echo_message(&why)
                ),
                (None, SaveState::Off) => eprintln!(
                    "lessons: input ended before the run finished; records are off, so this run is not saved"
                ),
                (None, _) => eprintln!(
                    "lessons: input ended before the run finished; your answers so far are saved (`lessons resume`)"
                ),
            }
            ExitCode::from(1)
        }
        (Err(e), unsaved) => {
            eprintln!("lessons: {}", echo_message(&e.to_string()));
            if let Some(why) = unsaved {
                eprintln!("lessons: your answers are NOT saved: {}", echo_message(&why));
            }
            ExitCode::from(1)
        }
    }
}

/// Opens the full-screen player at the library, a case's briefing, or a resumed run.
pub fn full_screen(context: &Context, start: Start) -> ExitCode {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        eprintln!("lessons: the full-screen player needs a terminal");
        eprintln!(
            "  help: for line-by-line play use `lessons play ID --plain`; `lessons --help` lists the commands"
        );
        return ExitCode::from(2);
    }
    let mut scenarios = context.scenarios();
    let (extra, file) = match &start {
        Start::Case { scenario, file, .. } => (Some(scenario.as_ref()), file.clone()),
        Start::Resume(record, scenario, _) => (
            Some(scenario.as_ref()),
            record.scenario_file.clone().map(Into::into),
        ),
        _ => (None, None),
    };
    if let Some(scenario) = extra
        && !scenarios.iter().any(|known| known == scenario)
    {
        // a file given on the command line replaces a built-in case of the same id
        scenarios.retain(|known| known.id != scenario.id);
        scenarios.push(scenario.clone());
    }
    let records_dir = context.records_dir();
    let name = context.name.clone();
    let store_scenarios = scenarios.clone();
    let open_store = move || {
        let mut store = RecordStore::open(records_dir.as_deref(), &store_scenarios, name);
        store.set_scenario_file(file.as_deref());
        if let Some(dir) = records_dir.as_deref() {
            store.set_lrs(crate::xapi::Forwarder::from_config(dir));
        }
        store
    };
    let mut app = App::new(scenarios, Palette::from_env(context.theme), Instant::now());
    if !context.no_records {
        if matches!(start, Start::Library) {
            app.open_store_later = Some(Box::new(move || {
                Box::new(open_store()) as Box<dyn crate::tui::app::RunStore>
            }));
        } else {
            let mut store = open_store();
            if let Start::Resume(record, _, path) = &start {
                store.read_from(&record.id, path.clone());
            }
            app.store = Box::new(store);
        }
    }
    app.exit_after_first_frame = context.exit_after_first_frame;
    app.zone = context.zone.clone();

    match start {
        Start::Library => {}
        Start::Case { scenario, chosen, .. } => {
            app.mode = chosen.mode;
            app.seed = chosen.seed;
            app.confidence = chosen.confidence;
            app.timers = chosen.timers;
            app.open(&scenario.id);
        }
        Start::Resume(record, _, _) => app.resume_record(*record),

        Start::Drill(items) => app.start_drill(items),
    }
    match crate::tui::frontend::run(&mut app) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("lessons: {}", echo_message(&e.to_string()));
            ExitCode::from(1)
        }
    }
}
