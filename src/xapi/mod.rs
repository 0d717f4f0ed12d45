//! Records as xAPI 1.0.3 statements for a force's Learning Record Store (issue 17).
//!
//! `build` turns a record into statements (pure: no disk, no clock); `outbox` keeps them
//! on disk until the LRS has them; `send` POSTs them; `forward` is the hook a `Recorder`
//! calls after each save and the background sender; `config` reads where the LRS is.
//! With no endpoint configured none of this runs. See docs/xapi.md.

pub mod build;
pub mod config;
pub mod forward;
mod interaction;
pub mod outbox;
pub mod send;
pub mod uuid;

pub use build::Builder;
pub use config::{ActorMode, Config, ConfigError, Lrs, Settings};
pub use forward::{Forwarder, SyncStatus};
pub use outbox::Outbox;
pub use send::{Flushed, Sender, Stop};
