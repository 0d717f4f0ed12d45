//! A program started in a fresh 80×24 pseudo-terminal, for the end-to-end tests and the
//! start-up bench (which includes this file by `#[path]`, so it stands alone).
#![allow(clippy::unwrap_used, dead_code)]

use std::io::Read;

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

pub const ROWS: u16 = 24;
pub const COLS: u16 = 80;

pub struct Spawned {
    pub child: Box<dyn Child + Send + Sync>,
    /// Everything the program writes to its terminal.
    pub reader: Box<dyn Read + Send>,
    /// The terminal's other end: dropping it hangs up on the program.
    pub master: Box<dyn MasterPty + Send>,
}

pub fn spawn(command: CommandBuilder) -> Spawned {
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: ROWS,
            cols: COLS,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let child = pty.slave.spawn_command(command).unwrap();
    // only the child holds the terminal's end now, so its output ends when it exits
    drop(pty.slave);
    let reader = pty.master.try_clone_reader().unwrap();
    Spawned {
        child,
        reader,
        master: pty.master,
    }
}
