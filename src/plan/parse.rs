//! From a plan file's bytes to a `PlanFile`, or to the one diagnostic that says where and
//! how to fix what is wrong: size, encoding, emptiness, then RON, as for scenarios.

use std::path::Path;

use super::types::PlanFile;
use crate::bounded_read::{self, ReadError};
use crate::scenario::diagnostic::{Diagnostic, Location};
use crate::scenario::parse::{Subject, explain_as, ron_options};

/// A plan is a short list; anything larger is not one.
pub const MAX_PLAN_BYTES: u64 = 256 * 1024;

const PLAN: Subject = Subject {
    noun: "the plan",
    doc: "docs/session-plan.md",
};

/// The plan file's text, or why it cannot be read as one.
pub fn read(path: &Path) -> Result<String, Diagnostic> {
    let bytes = bounded_read::read(path, MAX_PLAN_BYTES).map_err(|e| match e {
        ReadError::TooLarge { len, .. } => Diagnostic::error(
            "too-large",
            Location::START,
            format!(
                "file is {len} bytes, over the limit of {} for a session plan",
                bounded_read::size(MAX_PLAN_BYTES)
            ),
        )
        .with_help("a plan lists cases by id or path; it holds no case text"),
        e => Diagnostic::error(
            "unreadable",
            Location::START,
            format!("cannot read the plan: it {e}"),
        )
        .with_help("give the path of a plan file that exists; `lessons new-plan` writes one"),
    })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let prefix = std::str::from_utf8(valid).unwrap_or_default();
        let line = 1 + prefix.matches('\n').count();
        let col = 1 + prefix.rsplit('\n').next().map_or(0, |l| l.chars().count());
        Diagnostic::error("invalid-utf8", Location { line, col }, "file is not valid UTF-8")
            .with_help("save the plan with UTF-8 encoding")
    })?;
    let text = text.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(text);
    if text.trim().is_empty() {
        return Err(
            Diagnostic::error("empty-file", Location::START, "file is empty").with_help(
                "a plan is `( cases: [ (case: \"ID\", minutes: 20) ] )`; `lessons new-plan` writes one",
            ),
        );
    }
    Ok(text)
}

/// The file's fields. What they name (cases, decisions) is checked by `validate`.
pub fn parse(text: &str) -> Result<PlanFile, Diagnostic> {
    ron_options()
        .from_str::<PlanFile>(text)
        .map_err(|e| explain_as(e, text, &PLAN))
}
