//! The real binary in a fresh pseudo-terminal, read through a vt100 screen: the pty tests'
//! one way to start it, type at it and wait for it. Included by `#[path]` beside `pty.rs`.
#![allow(clippy::unwrap_used, dead_code)]

use std::io::{Read, Write};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use portable_pty::CommandBuilder;

use crate::pty;

pub const ENTER: &str = "\r";

pub struct Terminal {
    parser: vt100::Parser,
    output: Receiver<Vec<u8>>,
    /// Everything the program has written so far, escape sequences and all.
    pub raw: Vec<u8>,
    writer: Box<dyn Write + Send>,
    pub child: Box<dyn portable_pty::Child + Send + Sync>,
}

impl Terminal {
    pub fn spawn(args: &[&str], data_dir: &std::path::Path) -> Terminal {
        Terminal::spawn_with(args, data_dir, &[])
    }

    pub fn spawn_with(args: &[&str], data_dir: &std::path::Path, env: &[(&str, &str)]) -> Terminal {
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_lessons"));
        command.args(args);
        command.env("LESSONS_HOME", data_dir);
        for (key, value) in env {
            command.env(key, value);
        }
        command.env("TERM", "xterm-256color");
        command.cwd(crate::common::root());
        Terminal::from_command(command)
    }

    /// Any command in a fresh pseudo-terminal (an ssh client, say), read the same way.
    pub fn from_command(command: CommandBuilder) -> Terminal {
        let pty::Spawned {
            child,
            mut reader,
            master,
        } = pty::spawn(command);
        let writer = master.take_writer().unwrap();
        let (tx, output) = channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        // keep the master alive for the child's lifetime
        std::mem::forget(master);
        Terminal {
            parser: vt100::Parser::new(
                std::num::NonZeroU16::new(pty::ROWS).unwrap(),
                std::num::NonZeroU16::new(pty::COLS).unwrap(),
                0,
            ),
            output,
            raw: Vec::new(),
            writer,
            child,
        }
    }

    pub fn pump(&mut self) {
        while let Ok(bytes) = self.output.try_recv() {
            self.parser.process(&bytes);
            self.raw.extend(bytes);
        }
    }

    pub fn screen(&mut self) -> String {
        self.pump();
        self.parser.screen().contents()
    }

    /// Waits until the screen shows `text`.
    pub fn expect(&mut self, text: &str) {
        self.expect_within(text, Duration::from_secs(10));
    }

    /// Waits up to `patience` until the screen shows `text`.
    pub fn expect_within(&mut self, text: &str, patience: Duration) {
        let deadline = Instant::now() + patience;
        while Instant::now() < deadline {
            if self.screen().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("never saw {text:?}; the screen was:\n{}", self.screen());
    }

    /// Types `bytes`, then gives the program a moment to take them in.
    pub fn keys(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).unwrap();
        self.writer.flush().unwrap();
        std::thread::sleep(Duration::from_millis(120));
    }

    /// Waits up to 10 s for the program to exit.
    pub fn wait(&mut self) -> portable_pty::ExitStatus {
        self.wait_within(Duration::from_secs(10))
    }

    /// Waits up to `patience` for the program to exit.
    pub fn wait_within(&mut self, patience: Duration) -> portable_pty::ExitStatus {
        let deadline = Instant::now() + patience;
        loop {
            self.pump();
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(Instant::now() < deadline, "the program did not exit");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}
