//! The hook a `Recorder` calls after each save: the record's new statements go into the
//! outbox, and a background thread sends them, backing off while the LRS is away.

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::time::Duration;

use super::build::Builder;
use super::config::{self, ConfigError, Lrs, Settings};
use super::outbox::Outbox;
use super::send::{Sender, Stop};
use crate::record::Record;
use crate::scenario::Scenario;

/// What the player shows about sending.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SyncStatus {
    pub pending: usize,
    /// The LRS could not be reached and sending will be tried again.
    pub offline: bool,
    /// Sending stopped: why (credentials refused, the outbox unwritable).
    pub error: Option<String>,
}

impl SyncStatus {
    /// A few words for a status line.
    pub fn label(&self) -> String {
        if self.error.is_some() {
            format!("LRS: stopped, {} pending", self.pending)
        } else if self.offline {
            format!("LRS: offline, {} pending", self.pending)
        } else if self.pending > 0 {
            format!("LRS: {} pending", self.pending)
        } else {
            "LRS: sent".into()
        }
    }
}

#[derive(Default)]
struct State {
    status: SyncStatus,
    wake: bool,
}

#[derive(Default)]
struct Shared {
    state: Mutex<State>,
    bell: Condvar,
}

pub struct Forwarder {
    outbox: Outbox,
    settings: Settings,
    salt: String,
    /// What each record looked like when its statements were last queued, so a save that
    /// changed nothing they depend on builds nothing.
    seen: HashMap<String, String>,
    shared: Arc<Shared>,
    /// A background sender is running.
    sending: bool,
}

impl Forwarder {
    /// A forwarder for the configured LRS, its sender running; `None` with no endpoint.
    pub fn from_config(records_dir: &Path) -> Result<Option<Forwarder>, ConfigError> {
        let config = config::load()?;
        Ok(config
            .lrs
            .map(|lrs| Forwarder::start(records_dir, config.settings, lrs)))
    }

    /// Queues into `records_dir`'s outbox and sends to `lrs` in the background.
    pub fn start(records_dir: &Path, settings: Settings, lrs: Lrs) -> Forwarder {
        let mut forwarder = Forwarder::queue_only(records_dir, settings);
        forwarder.sending = true;
        let shared = Arc::clone(&forwarder.shared);
        let outbox = forwarder.outbox.clone();
        shared
            .state
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .status
            .pending = outbox.pending_count();
        std::thread::spawn(move || send_loop(&shared, &outbox, &Sender::new(lrs)));
        forwarder
    }

    /// Queues only: `lessons sync` (or a test) sends.
    pub fn queue_only(records_dir: &Path, settings: Settings) -> Forwarder {
        let outbox = Outbox::of(records_dir);
        let salt = outbox.salt();
        Forwarder {
            outbox,
            settings,
            salt,
            seen: HashMap::new(),
            shared: Arc::default(),
            sending: false,
        }
    }

    /// Another queue into the same outbox whose statements wake this forwarder's sender:
    /// the live room's trainees each have a recorder of their own, and one sender serves
    /// them all.
    pub fn sibling(&self) -> Forwarder {
        Forwarder {
            outbox: self.outbox.clone(),
            settings: self.settings.clone(),
            salt: self.salt.clone(),
            seen: HashMap::new(),
            shared: Arc::clone(&self.shared),
            sending: false,
        }
    }

    /// The record was saved: queue whatever statements it now gives that were not queued.
    pub fn record_saved(&mut self, record: &Record, scenario: &Scenario) {
        let shape = format!(
            "{:?}|{:?}|{:?}|{:?}",
            record.session.answers, record.finished, record.tallies, record.timings
        );
        if self.seen.get(&record.id) == Some(&shape) {
            return;
        }
        let builder = Builder {
            settings: &self.settings,
            salt: &self.salt,
        };
        let statements = builder.statements(record, scenario);
        let queued = self.outbox.enqueue(&record.id, &statements);
        let mut state = self.shared.state.lock().unwrap_or_else(PoisonError::into_inner);
        match queued {
            Ok(n) => {
                self.seen.insert(record.id.clone(), shape);
                state.status.pending += n;
                if n > 0 {
                    state.wake = true;
                    self.shared.bell.notify_all();
                }
            }
            Err(e) => state.status.error = Some(format!("cannot write the xAPI outbox: {e}")),
        }
    }

    pub fn status(&self) -> SyncStatus {
        self.shared
            .state
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .status
            .clone()
    }
}

/// How long the program waits at exit for statements still being sent. Nothing is lost
/// without it (the outbox keeps them); it only spares a `lessons sync` after a quick run.
const DRAIN: Duration = Duration::from_secs(3);

impl Drop for Forwarder {
    fn drop(&mut self) {
        if !self.sending {
            return;
        }
        let state = self.shared.state.lock().unwrap_or_else(PoisonError::into_inner);
        let _ = self.shared.bell.wait_timeout_while(state, DRAIN, |s| {
            s.status.pending > 0 && !s.status.offline && s.status.error.is_none()
        });
    }
}

/// Sends until the outbox is empty, then sleeps until something is queued. Backs off from
/// 1 s to a minute while the LRS is away; after a refusal waits for the next statement.
fn send_loop(shared: &Shared, outbox: &Outbox, sender: &Sender) {
    let mut backoff = Duration::from_secs(1);
    loop {
        let flushed = sender.flush(outbox);
        let pending = outbox.pending_count();
        let wait = {
            let mut state = shared.state.lock().unwrap_or_else(PoisonError::into_inner);
            state.status.pending = pending;
            state.status.offline = matches!(flushed.stop, Stop::Retry(_));
            state.status.error = match &flushed.stop {
                Stop::Refused(why) => Some(why.clone()),
                _ => None,
            };
            match flushed.stop {
                Stop::Retry(_) => {
                    let wait = backoff;
                    backoff = (backoff * 2).min(Duration::from_secs(60));
                    Some(wait)
                }
                Stop::Empty | Stop::Refused(_) => {
                    backoff = Duration::from_secs(1);
                    None
                }
            }
        };
        // a forwarder being dropped waits for this
        shared.bell.notify_all();
        let mut state = shared.state.lock().unwrap_or_else(PoisonError::into_inner);
        match wait {
            Some(wait) => {
                // a retry waits out its backoff: new statements join the queue meanwhile
                state = shared
                    .bell
                    .wait_timeout_while(state, wait, |_| true)
                    .map(|(s, _)| s)
                    .unwrap_or_else(|e| e.into_inner().0);
            }
            None => {
                state = shared
                    .bell
                    .wait_while(state, |s| !s.wake)
                    .unwrap_or_else(PoisonError::into_inner);
            }
        }
        state.wake = false;
    }
}
