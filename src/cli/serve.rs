//! `lessons serve ID|PATH... [--listen ADDR:PORT] [--code CODE] [--authorized-keys FILE] [--max N]`:
//! the live room. This terminal is the console; trainees join over SSH.

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use super::Context;
use super::resolve::scenario_and_file;
use crate::record::recorder::SaveState;
use crate::scenario::Scenario;
use crate::scenario::text::echo_message;
use crate::serve::console::{Joining, LiveConsole};
use crate::serve::room::LiveRoom;
use crate::serve::runs::TraineeRuns;
use crate::serve::{hostkey, ssh};
use crate::tui::classroom::{Classroom, ClassroomScreen};
use crate::tui::theme::{Palette, ThemeName};

pub struct Options {
    pub listen: String,
    pub code: Option<String>,
    pub authorized_keys: Option<PathBuf>,
    pub max: usize,
    pub seed: Option<u64>,
    /// A session plan to run instead of the cases given (`--plan`).
    pub plan: Option<PathBuf>,
    pub label: Option<String>,
    pub presenter: super::options::PresenterOpt,
    pub room: super::classroom::Room,
}

fn fail(message: &str) -> ExitCode {
    eprintln!("lessons: {}", echo_message(message));
    ExitCode::from(1)
}

pub fn run(context: &Context, cases: &[String], options: Options) -> ExitCode {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        eprintln!("lessons: serve needs a terminal: this terminal is the instructor's console");
        return ExitCode::from(2);
    }
    let code = match options.code {
        Some(code) if !crate::serve::valid_code(&code) => {
            eprintln!("lessons: --code must be 4 to 64 letters, digits or signs, with no spaces");
            return ExitCode::from(2);
        }
        Some(code) => code,
        None => crate::serve::new_code(),
    };
    let keys = match &options.authorized_keys {
        Some(path) => match crate::serve::authorized_keys(path) {
            Ok(keys) => keys,
            Err(why) => return fail(&why),
        },
        None => Vec::new(),
    };
    let mut plan: Vec<Scenario> = Vec::new();
    let mut files = Vec::new();
    for case in cases {
        let Some((scenario, file)) = scenario_and_file(case) else {
            return fail(&format!("{case} is not a case in the library or a scenario file"));
        };
        plan.push(scenario);
        files.push(file);
    }
    // the host key lives in the data folder even with --no-records: trainees' clients
    // remember it, and a new key at every session would teach them to ignore the warning
    let Some(dir) = crate::record::resolve_dir(context.data_dir.as_deref()) else {
        return fail("no data folder for the host key could be found (use --data-dir)");
    };
    let host_key = match hostkey::load_or_make(&dir) {
        Ok(key) => key,
        Err(e) => return fail(&e.to_string()),
    };
    let fingerprint = hostkey::fingerprint(&host_key);
    let listener = match TcpListener::bind(&options.listen) {
        Ok(l) => l,
        Err(e) => return fail(&format!("cannot listen on {}: {e}", options.listen)),
    };
    let Ok(local) = listener.local_addr() else {
        return fail("cannot tell which address the room listens on");
    };
    let (mut room, recorder) = match &options.plan {
        Some(file) => match super::classroom::planned(context, file, options.seed) {
            Ok(planned) => planned,
            Err(e) => return fail(&e.to_string()),
        },
        None => {
            let mut room = Classroom::new(plan, options.seed.unwrap_or_else(rand::random));
            room.files = files;
            (room, context.recorder())
        }
    };
    // room size, path policy, label, big text and countdown, as `lessons classroom` takes them
    super::classroom::apply(&mut room, options.label, options.presenter, options.room);
    let theme = Palette::from_env(context.classroom_theme);
    let shared = Arc::new(ssh::Shared::new(
        LiveRoom::new(options.max),
        code,
        keys.clone(),
        // trainees' terminals: the ordinary colours, whatever this one uses
        Palette::new(ThemeName::Default),
    ));
    let config = ssh::config(host_key, !keys.is_empty());
    let server = match crate::serve::start(listener, Arc::clone(&shared), config) {
        Ok(s) => s,
        Err(e) => return fail(&format!("cannot start the SSH server: {e}")),
    };
    let address = if local.ip().is_unspecified() {
        "HOST".to_string()
    } else {
        local.ip().to_string()
    };
    let screen = ClassroomScreen::new(room, recorder, theme);
    // each trainee's own runs go beside the group record (a folder that cannot be opened
    // was reported by `recorder` above; the group record's save state tells it again)
    let store = context
        .records_dir()
        .and_then(|dir| crate::record::Store::open(&dir).ok());
    // each trainee's run goes to the LRS as well, through the one sender the group's has
    let forwarder = screen.store.forwarder_sibling();
    let mut console = LiveConsole::new(
        screen,
        Arc::clone(&shared),
        Joining {
            address,
            port: local.port(),
            fingerprint,
        },
        TraineeRuns::new(store, forwarder),
    );
    let result = crate::tui::frontend::run(&mut console);
    server.stop();
    if let Err(e) = result {
        return fail(&e.to_string());
    }
    if let SaveState::Failed(why) = console.screen.store.state() {
        return fail(&format!("the room's answers are NOT saved: {why}"));
    }
    if console.screen.store.is_saving() {
        println!("The room's answers are saved. `lessons report` shows them.");
    }
    ExitCode::SUCCESS
}
