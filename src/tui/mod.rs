//! The full-screen front end (ratatui). Thin: keys become actions, actions drive the
//! engine, screens draw from state. The app, the preview and the classroom run through
//! `frontend::run`.

pub mod app;
pub mod briefing;
pub mod classroom;
pub mod debrief;
pub mod editor;
pub mod frontend;
pub mod hangup;
pub mod help;
pub mod history;
pub mod keys;
pub mod library;
pub mod preview;
pub mod records;
pub mod run;
pub mod signals;
pub mod theme;
pub mod widgets;
