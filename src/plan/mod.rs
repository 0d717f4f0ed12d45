//! A session plan: the cases a classroom takes in order, the minutes planned for each,
//! which decisions go to the room, the way the story goes, the room's size. Read and
//! checked like a scenario file: every problem is a `Diagnostic` at `file:line:col` with
//! how to fix it. docs/session-plan.md describes the format.

mod locate;
mod parse;
pub mod skeleton;
mod types;
mod validate;

use std::path::Path;

pub use types::{MAX_MINUTES, MAX_ROOM, Plan, PlanCase, PlanFile, PlannedCase};

use crate::scenario::{Diagnostic, Library};

/// A plan file read and checked: the plan when it has no errors, and every diagnostic
/// (the plan's own, and those of any case file it names).
#[derive(Debug, Clone)]
pub struct PlanEntry {
    pub plan: Option<Plan>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads, parses and checks a plan file; case ids are looked up in `library`.
pub fn load_file(path: &Path, library: &Library) -> PlanEntry {
    let display = path.display().to_string();
    let failed = |d: Diagnostic| PlanEntry {
        plan: None,
        diagnostics: vec![d.with_path(&display)],
    };
    let text = match parse::read(path) {
        Ok(text) => text,
        Err(d) => return failed(d),
    };
    let file = match parse::parse(&text) {
        Ok(file) => file,
        Err(d) => return failed(d),
    };
    let (plan, diagnostics) = validate::resolve(file, &text, path, library);
    PlanEntry { plan, diagnostics }
}
