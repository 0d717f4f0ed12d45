//! `lessons serve`: a live room over SSH. Trainees join from their own terminals with any
//! SSH client and answer each decision privately; the instructor's terminal is the console
//! (the classroom screen, wrapped). The SSH server runs on a tokio runtime in its own
//! thread; the console runs the ordinary front-end loop on this one. They share one
//! `LiveRoom` (see `room.rs`).

pub mod console;
pub mod hostkey;
pub mod keys;
pub mod room;
pub mod runs;
mod screen;
pub mod ssh;
pub mod trainee;

use std::net::TcpListener;
use std::path::Path;
use std::sync::Arc;

use russh::keys::PublicKey;

/// Letters and digits that cannot be misread on a projector (no 0/O, 1/I/L).
const CODE_ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/// A fresh session code: two groups of three, e.g. `K7P-3WQ`.
pub fn new_code() -> String {
    let pick = || CODE_ALPHABET[rand::random_range(0..CODE_ALPHABET.len())] as char;
    let first: String = (0..3).map(|_| pick()).collect();
    let second: String = (0..3).map(|_| pick()).collect();
    format!("{first}-{second}")
}

/// Whether `code` can be typed as a password: 4 to 64 visible ASCII characters.
pub fn valid_code(code: &str) -> bool {
    (4..=64).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_graphic())
}

/// The public keys of an authorized-keys file (OpenSSH's format; blank lines and `#`
/// comments skipped). A line that is not a key is an error naming its line.
pub fn authorized_keys(path: &Path) -> Result<Vec<PublicKey>, String> {
    let bytes =
        crate::bounded_read::read(path, 1024 * 1024).map_err(|e| format!("{}: {e}", path.display()))?;
    let text = String::from_utf8(bytes).map_err(|_| format!("{}: is not UTF-8 text", path.display()))?;
    let mut keys = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let key = PublicKey::from_openssh(line)
            .map_err(|e| format!("{}:{}: not a public key ({e})", path.display(), n + 1))?;
        keys.push(key);
    }
    Ok(keys)
}

/// Runs the SSH server on `listener` in a thread of its own until `stop` is dropped or
/// signalled; returns the handle to stop it with.
pub fn start(
    listener: TcpListener,
    shared: Arc<ssh::Shared>,
    config: russh::server::Config,
) -> std::io::Result<Running> {
    use russh::server::Server as _;
    listener.set_nonblocking(true)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .thread_name("lessons-serve")
        .build()?;
    let listener = {
        let _guard = runtime.enter();
        tokio::net::TcpListener::from_std(listener)?
    };
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let thread = std::thread::Builder::new()
        .name("lessons-ssh".into())
        .spawn(move || {
            runtime.block_on(async move {
                let mut server = ssh::Server { shared };
                let running = server.run_on_socket(Arc::new(config), &listener);
                let handle = running.handle();
                tokio::select! {
                    _ = running => {}
                    _ = stopped => handle.shutdown("The session has ended.".into()),
                }
            });
            // connections still open are dropped with the runtime
            runtime.shutdown_timeout(std::time::Duration::from_secs(1));
        })?;
    Ok(Running {
        stop: Some(stop),
        thread: Some(thread),
    })
}

/// The running server; stopping it closes every connection.
pub struct Running {
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Running {
    pub fn stop(mut self) {
        self.halt();
    }

    fn halt(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        self.halt();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_two_groups_of_three_from_the_plain_alphabet() {
        for _ in 0..100 {
            let code = new_code();
            assert_eq!(code.len(), 7);
            assert!(valid_code(&code));
            assert!(!code.contains(['0', 'O', '1', 'I', 'L']), "{code}");
        }
    }

    #[test]
    fn a_given_code_must_be_typeable() {
        assert!(valid_code("room-42"));
        assert!(!valid_code("abc"));
        assert!(!valid_code("with space"));
        assert!(!valid_code("naïve-code"));
    }
}
