//! `lessons serve` under test: the console in a pseudo-terminal (`terminal.rs`), and real
//! OpenSSH clients, each in a pseudo-terminal of its own and read through a vt100 screen.
//! Included by `#[path]` beside `pty.rs` and `terminal.rs`.
#![allow(clippy::unwrap_used, dead_code)]

use std::net::TcpListener;
use std::time::Duration;

use portable_pty::CommandBuilder;

use crate::terminal::Terminal;

pub const CODE: &str = "TEST-CODE";
/// The built-in case the tests run, at seed 1: its first decision's options are shown as
/// 1 take a copy, 2 watch it and note it, 3 ask her to keep it.
pub const CASE: &str = "herts-2021-nmo-breach";
pub const PROMPT: &str = "What do you do with it?";

/// A port nobody listens on now.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Whether the OpenSSH client and sshpass are here (CI installs both: see `.ci/run`).
pub fn have_clients() -> bool {
    let found = |p: &str| std::process::Command::new(p).arg("-V").output().is_ok();
    let ok = found("ssh") && found("sshpass");
    if !ok && (std::env::var_os("CI").is_some() || std::env::var_os("LESSONS_REQUIRE_SSH").is_some()) {
        panic!("CI must have ssh and sshpass (.ci/run installs them)");
    }
    ok
}

/// `lessons serve CASE` on `port`, its console in a pseudo-terminal, shown the code.
pub fn console(port: u16, data: &std::path::Path) -> Terminal {
    console_with(port, data, &[CASE], &[])
}

/// `lessons serve` with `what` (cases, or `--plan` and the like) and `env`, on `port`,
/// with the test code and seed, shown the code.
pub fn console_with(port: u16, data: &std::path::Path, what: &[&str], env: &[(&str, &str)]) -> Terminal {
    let listen = format!("127.0.0.1:{port}");
    let mut args = vec!["serve"];
    args.extend_from_slice(what);
    args.extend(["--listen", &listen, "--code", CODE, "--seed", "1"]);
    let mut console = Terminal::spawn_with(&args, data, env);
    console.expect(CODE);
    console
}

/// The options every client is given: no known-hosts file, no agent or keys, one try at
/// the code.
fn ssh_options(port: u16) -> Vec<String> {
    [
        "-o",
        "StrictHostKeyChecking=no",
        "-o",
        "UserKnownHostsFile=/dev/null",
        "-o",
        "LogLevel=ERROR",
        "-o",
        "NumberOfPasswordPrompts=1",
        "-o",
        "PubkeyAuthentication=no",
        "-o",
        "IdentityAgent=none",
        "-p",
    ]
    .iter()
    .map(|s| s.to_string())
    .chain([port.to_string()])
    .collect()
}

/// A plain command (no terminal): for exec and subsystem requests.
pub fn ssh_command(port: u16, name: &str, code: &str, rest: &[&str]) -> std::process::Output {
    std::process::Command::new("sshpass")
        .args(["-p", code, "ssh"])
        .args(ssh_options(port))
        .arg(format!("{name}@127.0.0.1"))
        .args(rest)
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap()
}

/// One ssh client in a terminal of its own; dropping it ends the connection.
pub struct Client {
    term: Terminal,
}

/// A network login is slower than a local program: more time to show and to exit.
const PATIENCE: Duration = Duration::from_secs(15);

impl Client {
    /// `ssh -tt NAME@127.0.0.1` with `code` typed by sshpass, in an 80×24 terminal.
    pub fn join(port: u16, name: &str, code: &str) -> Client {
        let mut command = CommandBuilder::new("sshpass");
        command.args(["-p", code, "ssh", "-tt"]);
        command.args(ssh_options(port));
        command.arg(format!("{name}@127.0.0.1"));
        command.env("TERM", "xterm-256color");
        Client {
            term: Terminal::from_command(command),
        }
    }

    pub fn screen(&mut self) -> String {
        self.term.screen()
    }

    /// Everything the client has shown so far, escape sequences and all.
    pub fn raw(&self) -> &[u8] {
        &self.term.raw
    }

    pub fn expect(&mut self, text: &str) {
        self.term.expect_within(text, PATIENCE);
    }

    pub fn keys(&mut self, bytes: &str) {
        self.term.keys(bytes);
        // a little longer than a local program needs: the keys go over the network
        std::thread::sleep(Duration::from_millis(30));
    }

    /// Waits for the client to exit, and gives its status.
    pub fn wait(&mut self) -> portable_pty::ExitStatus {
        self.term.wait_within(PATIENCE)
    }

    /// Answers the first decision with option `n` and `why`, and sends it.
    pub fn answer(&mut self, n: u8, why: &str) {
        self.expect(PROMPT);
        self.keys(&n.to_string());
        self.keys("\r");
        self.expect("Why?");
        self.keys(why);
        self.keys("\r");
        self.expect("Send this answer?");
        self.keys("\r");
        self.expect("Answer sent");
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.term.child.kill();
        let _ = self.term.child.wait();
    }
}

/// Ends the console's session (q, then y) and waits for it to exit.
pub fn end(console: &mut Terminal) {
    console.keys("q");
    console.keys("y");
    assert!(console.wait().success());
}
