//! `lessons`, `lessons play` and `lessons resume`: the full-screen and plain players.

use std::process::ExitCode;
use std::time::Instant;

use super::Context;
use super::resolve;
use crate::engine::{Mode, Session, Settings};
use crate::plain::{self, Ending};
use crate::record::Record;
use crate::record::drill::DrillItem;
use crate::scenario::Scenario;
use crate::scenario::text::{echo, echo_message, sanitize};
use crate::tui::app::App;
use crate::tui::records::RecordStore;
use crate::tui::theme::Theme;

pub enum Start {
    Library,
    Case {
        scenario: Box<Scenario>,
        file: Option<std::path::PathBuf>,
        mode: Mode,
        seed: Option<u64>,
        confidence: bool,
    },
    Resume(Box<Record>, Box<Scenario>),
    Drill(Vec<DrillItem>),
}

pub fn play(
    context: &Context,
    arg: &str,
    plain: bool,
    seed: Option<u64>,
    mode: Mode,
    confidence: bool,
) -> ExitCode {
    let Some((scenario, file)) = resolve::scenario_and_file(arg) else {
        return ExitCode::from(1);
    };
    if !plain {
        let start = Start::Case {
            scenario: Box::new(scenario),
            file,
            mode,
            seed,
            confidence,
        };
        return full_screen(context, start);
    }
    let mut settings = Settings::new(mode, seed.unwrap_or_else(rand::random));
    settings.ask_confidence = confidence;
    let mut recorder = context.recorder();
    recorder.set_scenario_file(file.as_deref());
    let session = Session::new(&scenario, settings);
    finish_plain(plain::play_session(
        session,
        Some((&mut recorder, Vec::new())),
        stdin(),
        stdout(),
    ))
}

pub fn resume(context: &Context, run: Option<&str>, plain: bool) -> ExitCode {
    let record = match run {
        Some(name) => context.find_record(name),
        None => context
            .records()
            .into_iter()
            .filter(|r| !r.is_finished() && r.kind == crate::record::RecordKind::Run)
            .max_by_key(|r| r.updated)
            .ok_or_else(|| "there is no unfinished run to resume".to_string()),
    };
    let record = match record {
        Ok(r) => r,
        Err(e) => {
            eprintln!("lessons: {}", echo_message(&e.to_string()));
            return ExitCode::from(1);
        }
    };
    if record.is_finished() {
        eprintln!(
            "lessons: that run is finished; `lessons export {}` shows its debrief",
            echo(&record.id)
        );
        return ExitCode::from(1);
    }
    let Some(scenario) = context.scenario_of(&record) else {
        eprintln!(
            "lessons: the case `{}` of this run is no longer in the library",
            echo(&record.scenario_id)
        );
        return ExitCode::from(1);
    };
    let scenario = &scenario;
    if !record.matches(scenario) {
        eprintln!(
            "lessons: “{}” has changed since this run was recorded, so it cannot be resumed exactly",
            sanitize(&scenario.title)
        );
        eprintln!(
            "  help: your answers are kept in the record (`lessons export {}`); start the case again with `lessons play {}`",
            echo(&record.id),
            echo(&scenario.id)
        );
        return ExitCode::from(1);
    }
    if !plain {
        return full_screen(
            context,
            Start::Resume(Box::new(record), Box::new(scenario.clone())),
        );
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
    recorder.continue_record(record);
    finish_plain(plain::play_session(
        session,
        Some((&mut recorder, timings)),
        stdin(),
        stdout(),
    ))
}

fn stdin() -> std::io::StdinLock<'static> {
    std::io::stdin().lock()
}

fn stdout() -> std::io::StdoutLock<'static> {
    std::io::stdout().lock()
}

fn finish_plain(result: std::io::Result<Ending>) -> ExitCode {
    match result {
        Ok(Ending::Finished | Ending::Quit) => ExitCode::SUCCESS,
        Ok(Ending::InputClosed) => {
            eprintln!(
                "lessons: input ended before the run finished; your answers so far are saved (`lessons resume`)"
            );
            ExitCode::from(1)
        }
        Err(e) => {
            eprintln!("lessons: {}", echo_message(&e.to_string()));
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
        Start::Resume(record, scenario) => (
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
        store
    };
    let mut app = App::new(scenarios, Theme::from_env(context.theme), Instant::now());
    if !context.no_records {
        if matches!(start, Start::Library) {
            app.open_store_later = Some(Box::new(move || {
                Box::new(open_store()) as Box<dyn crate::tui::app::RunStore>
            }));
        } else {
            app.store = Box::new(open_store());
        }
    }
    app.exit_after_first_frame = context.exit_after_first_frame;

    match start {
        Start::Library => {}
        Start::Case {
            scenario,
            mode,
            seed,
            confidence,
            ..
        } => {
            app.mode = mode;
            app.seed = seed;
            app.confidence = confidence;
            app.open(&scenario.id);
        }
        Start::Resume(record, _) => app.resume_record(*record),

        Start::Drill(items) => app.start_drill(items),
    }
    match crate::tui::run(app) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("lessons: {}", echo_message(&e.to_string()));
            ExitCode::from(1)
        }
    }
}
