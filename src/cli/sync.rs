//! `lessons sync` (send the outbox to the LRS now) and `lessons export RUN --format xapi`.

use std::process::ExitCode;
use std::time::Duration;

use super::Context;
use crate::record::Record;
use crate::scenario::Scenario;
use crate::scenario::text::echo_message;
use crate::xapi::{Builder, Outbox, Sender, Settings, Stop, config};

/// Tries this many times in all while the LRS cannot be reached, waiting 1 s, 2 s, 4 s.
const ATTEMPTS: u32 = 4;

pub fn run(context: &Context) -> ExitCode {
    let config = match config::load() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("lessons: {}", echo_message(&e.to_string()));
            return ExitCode::from(2);
        }
    };
    let Some(lrs) = config.lrs else {
        let file =
            config::config_path().map_or("lrs.ron in the config folder".into(), |p| p.display().to_string());
        eprintln!("lessons: no Learning Record Store is configured, so there is nothing to send");
        eprintln!(
            "  help: set LESSONS_LRS_ENDPOINT, or endpoint in {}",
            echo_message(&file)
        );
        return ExitCode::from(2);
    };
    let Some(dir) = context.records_dir() else {
        eprintln!("lessons: no data folder could be found (use --data-dir)");
        return ExitCode::from(2);
    };
    let outbox = Outbox::of(&dir);
    let sender = Sender::new(lrs);
    let (mut sent, mut failed) = (0, 0);
    let mut stop = Stop::Empty;
    for attempt in 0..ATTEMPTS {
        if attempt > 0 {
            std::thread::sleep(Duration::from_secs(1 << (attempt - 1)));
        }
        let flushed = sender.flush(&outbox);
        sent += flushed.sent;
        failed += flushed.failed;
        stop = flushed.stop;
        if !matches!(stop, Stop::Retry(_)) {
            break;
        }
    }
    let pending = outbox.pending_count();
    println!("sent {sent}, pending {pending}, failed {failed}");
    match &stop {
        Stop::Empty => {}
        Stop::Retry(why) | Stop::Refused(why) => eprintln!("lessons: {}", echo_message(why)),
    }
    if failed > 0 {
        eprintln!(
            "lessons: the LRS refused {} as malformed; they are kept in {}",
            crate::plural::count(failed, "statement", "statements"),
            outbox.rejected_dir().display()
        );
    }
    if pending > 0 || failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The record's statements as a JSON array, built as they would be sent (the configured
/// base IRI and actor if there are any, else the defaults).
pub fn export_text(context: &Context, record: &Record, scenario: &Scenario) -> String {
    let settings = match config::load() {
        Ok(c) => c.settings,
        Err(e) => {
            eprintln!(
                "lessons: warning: {}; using the defaults",
                echo_message(&e.to_string())
            );
            Settings::default()
        }
    };
    // the install's salt, so a pseudonym matches the statements sent from here
    let salt = context
        .records_dir()
        .map(|d| Outbox::of(&d).salt())
        .unwrap_or_default();
    let builder = Builder {
        settings: &settings,
        salt: &salt,
    };
    let statements = serde_json::Value::Array(builder.statements(record, scenario));
    // a Value always serialises
    serde_json::to_string_pretty(&statements).unwrap_or_default() + "\n"
}
