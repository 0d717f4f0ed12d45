//! The `lessons` binary: the command line in `cli`, with SIGPIPE restored so a closed
//! pipe (`lessons list | head`) ends it quietly.

use std::process::ExitCode;

fn main() -> ExitCode {
    quiet_on_closed_pipe();
    lessons::cli::run(lessons::cli::Cli::parse())
}

/// `lessons list | head -1`: when the reader goes away, end quietly as other command-line
/// tools do (killed by SIGPIPE) instead of panicking on the failed write. Records are saved
/// after every change, so nothing is lost.
fn quiet_on_closed_pipe() {
    #[cfg(unix)]
    // SAFETY: called first thing in main, before any other thread exists; SIG_DFL is the
    // disposition every program starts with unless its runtime changed it.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}
