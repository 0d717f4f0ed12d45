//! Noticing that the terminal has gone (its window closed, its SSH session dropped, the
//! other end of a pseudo-terminal closed). crossterm's reader retries a failed read of a
//! hung-up terminal forever, inside `event::poll`, so the loop would never see a tick
//! again and the process would spin at full CPU long after its user has gone. The kernel's
//! SIGHUP does not always come either (it goes to the session's foreground group only).
//! So the loop waits on the terminal itself first, and only asks crossterm for an event
//! when there is input and no hang-up.

use std::time::Duration;

/// What the terminal has for the loop within one wait.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Waiting {
    /// Bytes to read (or events crossterm already holds).
    Input,
    /// Nothing came within the wait, or a signal cut it short.
    Nothing,
    /// The terminal hung up: nobody is there to read the screen or type.
    HungUp,
}

#[cfg(unix)]
mod imp {
    use super::Waiting;
    use std::sync::OnceLock;
    use std::time::Duration;

    /// The descriptor crossterm reads keys from: standard input when it is a terminal
    /// (decided once, while the terminal is still there to ask).
    fn terminal_fd() -> Option<i32> {
        static FD: OnceLock<Option<i32>> = OnceLock::new();
        // SAFETY: isatty only inspects a descriptor number.
        *FD.get_or_init(|| (unsafe { libc::isatty(libc::STDIN_FILENO) } == 1).then_some(libc::STDIN_FILENO))
    }

    pub fn wait(timeout: Duration) -> Option<Waiting> {
        let fd = terminal_fd()?;
        let mut poll_fd = libc::pollfd {
            fd,
            events: libc::POLLIN,
            revents: 0,
        };
        let millis = libc::c_int::try_from(timeout.as_millis()).unwrap_or(libc::c_int::MAX);
        // SAFETY: one valid pollfd that lives across the call.
        let ready = unsafe { libc::poll(&mut poll_fd, 1, millis) };
        Some(if ready < 0 {
            // EINTR from a caught signal: the loop looks at its flag next
            Waiting::Nothing
        } else if poll_fd.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
            Waiting::HungUp
        } else if poll_fd.revents & libc::POLLIN != 0 {
            Waiting::Input
        } else {
            Waiting::Nothing
        })
    }
}

#[cfg(not(unix))]
mod imp {
    use super::Waiting;
    use std::time::Duration;

    pub fn wait(_timeout: Duration) -> Option<Waiting> {
        None
    }
}

/// Waits up to `timeout` for the terminal; `None` where it cannot be watched directly
/// (standard input is not the terminal, or not a Unix system), and crossterm's own wait
/// is used as before.
pub fn wait(timeout: Duration) -> Option<Waiting> {
    imp::wait(timeout)
}
