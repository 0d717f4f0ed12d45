//! Classroom mode: one screen for a projector, an instructor at the keyboard, a room
//! deciding together. The instructor tallies the room's votes, reveals what the officers
//! did and what the investigation found, and the tallies are saved after every change.
//!
//! Like every full-screen front end: keys → `Action` → `Classroom::handle` → a
//! `ClassroomOutcome` → the screen carries it out (a save goes to a `ClassroomStore`).

mod actions;
mod flow;
mod plan;
mod presenter;
mod screen;
mod settle;
mod state;
pub mod store;
pub mod view;

pub use actions::ClassroomOutcome;
pub use plan::Agenda;
pub use presenter::{Presentation, scroll_limit};
pub use screen::ClassroomScreen;
pub use state::{Classroom, EntryPurpose, MAX_VOTES, Modal, SettlePrompt, Stage, Timer};
pub use store::{ClassroomStore, GroupSave, NoStore};
