//! The built-in case library: every scenario valid, faithful to its source, and complete.
#![allow(clippy::unwrap_used)]

mod common;

use std::fs;

use lessons::scenario::{Library, Scenario};

use common::root;

/// Whitespace-normalised text, so a quote that crosses a line break in the source still matches.
fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The part of the source document that holds this case.
fn source_text(scenario: &Scenario) -> String {
    let document = scenario
        .source
        .document
        .as_deref()
        .unwrap_or_else(|| panic!("{}: source.document is required for built-in cases", scenario.id));
    let path = root().join("assets/cases").join(document);
    let text =
        fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {}: {e}", scenario.id, path.display()));
    match scenario.source.lines {
        Some((first, last)) => text
            .lines()
            .skip(first as usize - 1)
            .take((last - first + 1) as usize)
            .collect::<Vec<_>>()
            .join("\n"),
        None => text,
    }
}

fn library() -> Library {
    Library::builtin()
}

#[test]
fn every_built_in_scenario_is_valid_without_warnings() {
    let library = library();
    assert!(!library.entries.is_empty());
    for entry in &library.entries {
        let problems: Vec<String> = entry.diagnostics.iter().map(ToString::to_string).collect();
        assert!(problems.is_empty(), "{}:\n{}", entry.display, problems.join("\n"));
    }
}

#[test]
fn every_quote_appears_word_for_word_in_its_source() {
    let mut missing = Vec::new();
    let mut checked = 0;
    for scenario in library().scenarios() {
        let source = normalise(&source_text(scenario));
        for decision in scenario.decisions() {
            let Some(quote) = &decision.finding.quote else {
                missing.push(format!("{} / {}: no quote", scenario.id, decision.id));
                continue;
            };
            checked += 1;
            if !source.contains(&normalise(quote)) {
                missing.push(format!(
                    "{} / {}: not in the source: {quote:?}",
                    scenario.id, decision.id
                ));
            }
        }
    }
    assert!(checked > 0);
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[test]
fn every_case_has_a_content_warning_and_at_least_four_decisions() {
    for scenario in library().scenarios() {
        assert!(
            scenario.content_warning.len() > 20,
            "{}: content warning too thin",
            scenario.id
        );
        let decisions = scenario.decisions().count();
        assert!(decisions >= 4, "{}: {decisions} decisions", scenario.id);
        assert!(
            scenario.decisions().any(|d| d.options.iter().any(|o| o.actual)),
            "{}: no decision records what the officers did",
            scenario.id
        );
    }
}

#[test]
fn the_source_title_is_the_published_title() {
    for scenario in library().scenarios() {
        let source = source_text(scenario);
        assert!(
            normalise(&source).contains(&normalise(&scenario.source.title)),
            "{}: source title {:?} is not in the source text",
            scenario.id,
            scenario.source.title
        );
    }
}
