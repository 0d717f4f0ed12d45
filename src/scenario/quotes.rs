//! Checks that every finding's quote is copied word for word from the source document.
//! Whitespace is compared loosely (a quote may cross a line break in the source); every
//! other character, curly quotes and dashes included, must match.

use super::diagnostic::{Diagnostic, Location};
use super::locate::Locator;
use super::types::Scenario;

/// Runs of whitespace collapsed to one space.
pub fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The part of a document that holds the case: lines `first..=last` (1-based) when given.
pub fn excerpt(document: &str, lines: Option<(u32, u32)>) -> String {
    match lines {
        Some((first, last)) => document
            .lines()
            .skip(first.saturating_sub(1) as usize)
            .take(last.saturating_sub(first) as usize + 1)
            .collect::<Vec<_>>()
            .join("\n"),
        None => document.to_string(),
    }
}

/// Warnings for quotes that are not in the source text.
pub fn check(scenario: &Scenario, source: &str, document: &str) -> Vec<Diagnostic> {
    let haystack = normalise(&excerpt(document, scenario.source.lines));
    let mut out = Vec::new();
    let mut locator: Option<Locator> = None;
    for decision in scenario.decisions() {
        let Some(quote) = &decision.finding.quote else {
            continue;
        };
        if haystack.contains(&normalise(quote)) {
            continue;
        }
        let locator = locator.get_or_insert_with(|| Locator::new(source));
        let location = locator
            .step(&decision.id)
            .and_then(|r| locator.value_of(r, "quote"))
            .map_or(Location::START, |o| locator.location(o));
        let place = match scenario.source.lines {
            Some((first, last)) => format!(
                "lines {first}–{last} of {}",
                scenario.source.document.as_deref().unwrap_or("the source")
            ),
            None => scenario.source.document.clone().unwrap_or_default(),
        };
        out.push(
            Diagnostic::warning(
                "quote-not-in-source",
                location,
                format!(
                    "the quote in decision `{}` is not word for word in {place}",
                    decision.id
                ),
            )
            .with_help(
                "copy the words exactly from the source, including its apostrophes and dashes (’ – …)",
            ),
        );
    }
    out
}
