//! `lessons new-plan`: a commented plan to edit. The cases given are listed ready to run;
//! with none, every library case is listed commented out, so the instructor uncomments
//! the ones the session takes. Each case's decisions are named in a comment for `vote`
//! and `skip`.

use std::fmt::Write as _;

use crate::scenario::Scenario;
use crate::scenario::text::sanitize;
use crate::wrap::truncate;

/// One case for the skeleton: how the plan names it (an id or a path) and the case.
pub struct Listed<'a> {
    pub name: String,
    pub scenario: &'a Scenario,
}

/// The plan's text. `active` cases are written as entries; with none, `library` is listed
/// commented out.
pub fn skeleton(active: &[Listed], library: &[Listed]) -> String {
    let mut out = String::new();
    out.push_str(
        "// A session plan for `lessons classroom --plan FILE`; docs/session-plan.md has every field.\n\
         // Check it with `lessons validate-plan FILE`.\n\
         (\n    \
         // title: \"Probationer day 3\",  // shown on the agenda and kept in the session's records\n    \
         // path: majority,  // after a reveal the story follows: majority, officers, or ask (the instructor)\n    \
         // room: 12,  // people in the room, for \"11 of 12 answered\"\n    \
         cases: [\n",
    );
    if active.is_empty() {
        out.push_str("        // Uncomment the cases the session takes, in order (at least one).\n");
    }
    let (cases, prefix) = if active.is_empty() {
        (library, "// ")
    } else {
        (active, "")
    };
    for listed in cases {
        entry(&mut out, listed, prefix);
    }
    out.push_str("    ],\n)\n");
    out
}

fn entry(out: &mut String, listed: &Listed, prefix: &str) {
    let s = listed.scenario;
    let decisions: Vec<&str> = s.decisions().map(|d| d.id.as_str()).collect();
    let _ = writeln!(out, "        // {}", one_line(&s.title));
    for d in s.decisions() {
        let _ = writeln!(out, "        //   {}: {}", d.id, one_line(&d.prompt));
    }
    let _ = writeln!(
        out,
        "        {prefix}(case: \"{}\", minutes: {}),",
        escape(&listed.name),
        s.estimated_minutes.clamp(1, super::MAX_MINUTES)
    );
    // only a decision whose officers' choice the case gives can follow the officers
    let known: Vec<&str> = s
        .decisions()
        .filter(|d| !d.officers_choice().is_empty())
        .map(|d| d.id.as_str())
        .collect();
    match known.first() {
        Some(first) => {
            let _ = writeln!(
                out,
                "        //   can be kept from the room (the officers' choice is known): {}",
                known.join(", ")
            );
            let _ = writeln!(
                out,
                "        //   e.g. skip: [\"{first}\"], or vote: [ every other id ]"
            );
        }
        None if !decisions.is_empty() => {
            let _ = writeln!(
                out,
                "        //   every decision is voted: the case does not say what the officers did at any"
            );
        }
        None => {}
    }
}

/// A title or prompt as one comment line: no line breaks or control characters.
fn one_line(text: &str) -> String {
    let flat: String = sanitize(text).split_whitespace().collect::<Vec<_>>().join(" ");
    truncate(&flat, 64)
}

/// A RON string's content: quotes and backslashes escaped.
fn escape(text: &str) -> String {
    text.replace('\\', "\\\\").replace('"', "\\\"")
}
