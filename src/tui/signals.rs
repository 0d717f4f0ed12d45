//! Signals while the full screen is up. SIGTERM, SIGHUP, SIGQUIT and SIGINT are caught
//! (instead of killing the process with the alternate screen on and the cursor hidden);
//! the event loops see the signal within one tick, stop, hand the terminal back, and the
//! process then exits with the usual status, 128 + the signal's number.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};

use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};

fn caught_flag() -> &'static Arc<AtomicUsize> {
    static FLAG: OnceLock<Arc<AtomicUsize>> = OnceLock::new();
    FLAG.get_or_init(|| {
        let flag = Arc::new(AtomicUsize::new(0));
        for signal in [SIGTERM, SIGHUP, SIGQUIT, SIGINT] {
            // if a handler cannot be set, that signal keeps its default action: no worse than before
            let _ = signal_hook::flag::register_usize(signal, Arc::clone(&flag), signal as usize);
        }
        flag
    })
}

/// Starts catching the signals (once per process).
pub fn watch() {
    caught_flag();
}

/// The signal that asked the program to stop, if one has.
pub fn caught() -> Option<i32> {
    match caught_flag().load(Ordering::SeqCst) {
        0 => None,
        n => i32::try_from(n).ok(),
    }
}

/// Ctrl+C in raw mode arrives as a key, not a signal: it ends the program the same way.
pub fn interrupt() {
    caught_flag().store(SIGINT as usize, Ordering::SeqCst);
}

/// The terminal hung up without a SIGHUP reaching us: end as if one had.
pub fn hung_up() {
    caught_flag().store(SIGHUP as usize, Ordering::SeqCst);
}

/// After the terminal is restored: exits as the signal asked, if one did.
pub fn exit_if_caught() {
    if let Some(signal) = caught() {
        std::process::exit(128 + signal);
    }
}
